// SSSOM TSV: import as `map --import` does, write the crosswalk YAML it writes, read
// that as `map --check` does: the same crosswalk.
#include "core/crosswalk/crosswalk.hpp"
#include "core/formats/sssom.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace leadctl;
    const auto first = import_sssom(fuzz::text_of(data, size), "fuzz.sssom.tsv");
    if (!first.crosswalk) return 0;
    const std::string yaml = render_crosswalk_yaml(*first.crosswalk);
    const auto second = load_crosswalk(yaml, "fuzz.yaml");
    fuzz::require(second.crosswalk.has_value(), "the crosswalk written from SSSOM does not read back",
                  yaml + "\n" + fuzz::diagnostics_text(second.diagnostics));
    const std::string again = render_crosswalk_yaml(*second.crosswalk);
    if (again != yaml) fuzz::round_trip_failed("crosswalk (SSSOM)", yaml, again);
    return 0;
}
