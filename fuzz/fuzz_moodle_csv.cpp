// Moodle competency framework CSV: import as `convert --from moodle` does, export
// (`convert --to moodle`), import again: the same framework, unless export reports
// a loss.
#include "core/formats/moodle_csv.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace leadctl;
    const auto first = fuzz::read_framework(fuzz::text_of(data, size), "fuzz.csv", FrameworkFormat::moodle);
    if (!first.framework) return 0;
    const std::string csv = export_moodle_csv(*first.framework);
    const auto second = fuzz::read_framework(csv, "fuzz.csv", FrameworkFormat::moodle);
    fuzz::require(second.framework != nullptr, "the Moodle writer's output does not read back",
                  csv + "\n" + fuzz::diagnostics_text(second.diagnostics));
    // What a Moodle CSV cannot hold is reported as a loss (a warning of `convert`).
    if (moodle_export_losses(*first.framework).empty())
        fuzz::expect_same_framework("framework (Moodle CSV)", *first.framework, *second.framework);
    return 0;
}
