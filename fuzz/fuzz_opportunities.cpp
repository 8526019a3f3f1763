// The opportunity catalogue (frameworks/opportunities.yaml's format). No writer.
#include "core/assess/assess.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)leadctl::load_opportunities(leadctl::fuzz::text_of(data, size), "fuzz.yaml");
    return 0;
}
