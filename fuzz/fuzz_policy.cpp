// Policy files (leadctl-policy(5)), as `assess --policy` reads them. No writer.
#include "core/assess/assess.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)leadctl::load_policy(leadctl::fuzz::text_of(data, size), "fuzz.yaml");
    return 0;
}
