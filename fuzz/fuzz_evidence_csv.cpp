// Evidence logs in CSV (leadctl-evidence(5)), read and checked as `evidence
// validate` reads them. No writer of whole logs (`evidence add` appends).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    leadctl::fuzz::read_log(data, size, "csv");
    return 0;
}
