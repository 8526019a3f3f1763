// 360-degree feedback round files (leadctl-feedback(5)), checked against a small
// framework with a scale, then summarised as a report would (leadctl feedback report).
#include "core/feedback/feedback_summary.hpp"
#include "core/model/framework_loader.hpp"
#include "fuzz_common.hpp"

namespace {

const leadctl::Framework& demo() {
    static const leadctl::Framework fw = *leadctl::load_framework(
                                              "id: hlm\ntitle: Demo\nscale:\n  - {id: essential, name: Essential}\n"
                                              "  - {id: proficient, name: Proficient}\n  - {id: strong, name: Strong}\n"
                                              "items:\n  - {code: \"1\", name: One}\n  - {code: \"2\", name: Two}\n"
                                              "  - {code: \"3\", name: Three}\n  - {code: \"4\", name: Four}\n",
                                              "demo.yaml")
                                              .framework;
    return fw;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto load = leadctl::load_round(leadctl::fuzz::text_of(data, size), "fuzz.yaml",
                                          [](std::string_view id) { return id == "hlm" ? &demo() : nullptr; });
    if (load.round) (void)leadctl::summarise(*load.round, {});
    return 0;
}
