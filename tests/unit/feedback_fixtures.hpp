// The framework the feedback tests rate: "demo", four items on a four-level scale
// (Low, Mid, High, Top), and a lookup that knows it (for load_round).
#pragma once

#include "core/model/framework_loader.hpp"

#include <string_view>

namespace leadctl::testing {

inline const Framework& feedback_demo() {
    static const Framework fw = *load_framework(R"(id: demo
title: Demo
scale:
  - {id: low, name: Low}
  - {id: mid, name: Mid}
  - {id: high, name: High}
  - {id: top, name: Top}
items:
  - {code: "1", name: One}
  - {code: "2", name: Two}
  - {code: "3", name: Three}
  - {code: "4", name: Four}
)",
                                                "demo.yaml")
                                     .framework;
    return fw;
}

/// "demo" → feedback_demo(); anything else → nullptr.
inline const Framework* feedback_demo_lookup(std::string_view id) {
    return id == "demo" ? &feedback_demo() : nullptr;
}

}  // namespace leadctl::testing
