// CASE JSON (a 1EdTech CFPackage): import as `convert --from case` does, export as
// CASE 1.1 as `convert --to case` does (its timestamp, no SOURCE_DATE_EPOCH, no
// crosswalks), import again: the same framework, unless export reported a loss.
#include "core/formats/case_json.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace leadctl;
    const auto first = fuzz::read_framework(fuzz::text_of(data, size), "fuzz.json", FrameworkFormat::case_json);
    if (!first.framework) return 0;
    CaseExportOptions options;
    options.timestamp = case_timestamp(*first.framework, std::nullopt);
    const auto exported = export_case(*first.framework, options);
    const auto second = fuzz::read_framework(exported.text, "fuzz.json", FrameworkFormat::case_json);
    fuzz::require(second.framework != nullptr, "the CASE writer's output does not read back",
                  exported.text + "\n" + fuzz::diagnostics_text(second.diagnostics));
    // What CASE cannot hold is reported as a loss (a warning of `convert`); the
    // rest must come back as it was.
    if (exported.losses.empty()) fuzz::expect_same_framework("framework (CASE)", *first.framework, *second.framework);
    return 0;
}
