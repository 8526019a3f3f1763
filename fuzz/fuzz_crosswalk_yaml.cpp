// Crosswalk YAML (leadctl-crosswalk(5)): read as `map --check` reads a file, write
// with the crosswalk writer (`map --import`'s output), read again: the same crosswalk.
#include "core/crosswalk/crosswalk.hpp"
#include "core/formats/sssom.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace leadctl;
    const auto first = load_crosswalk(fuzz::text_of(data, size), "fuzz.yaml");
    if (!first.crosswalk) return 0;
    const std::string yaml = render_crosswalk_yaml(*first.crosswalk);
    const auto second = load_crosswalk(yaml, "fuzz.yaml");
    fuzz::require(second.crosswalk.has_value(), "the crosswalk writer's output does not read back",
                  yaml + "\n" + fuzz::diagnostics_text(second.diagnostics));
    const std::string again = render_crosswalk_yaml(*second.crosswalk);
    if (again != yaml) fuzz::round_trip_failed("crosswalk (YAML)", yaml, again);
    return 0;
}
