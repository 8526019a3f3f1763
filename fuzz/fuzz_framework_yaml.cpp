// Framework YAML (leadctl-framework(5)): read as `convert`/`diff` read a file, then
// the YAML writer `convert --to yaml` uses, then read again: the same framework.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace leadctl;
    const auto first = fuzz::read_framework(fuzz::text_of(data, size), "fuzz.yaml", FrameworkFormat::yaml);
    if (!first.framework) return 0;
    const std::string yaml = render_yaml(*first.framework, -1, {});
    const auto second = fuzz::read_framework(yaml, "fuzz.yaml", FrameworkFormat::yaml);
    fuzz::require(second.framework != nullptr, "the YAML writer's output does not read back",
                  yaml + "\n" + fuzz::diagnostics_text(second.diagnostics));
    fuzz::expect_same_framework("framework (YAML)", *first.framework, *second.framework);
    return 0;
}
