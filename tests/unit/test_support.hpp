// Helpers shared by unit tests: the bundled frameworks, loaded, and the files in
// ../shared/fixtures (other projects' data, read in place, never copied here).
#pragma once

#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace leadctl::testing {

/// A bundled framework, loaded (the test fails when there is none with that id).
inline Framework bundled(std::string_view id) {
    for (const auto& b : bundled_frameworks()) {
        if (b.id == id) {
            auto l = load_framework(b.text, std::string(b.file));
            REQUIRE(l.framework);
            return *l.framework;
        }
    }
    FAIL("no bundled framework " << id);
    return {};
}

/// A file of ../shared/fixtures ("case/Utf8TestFramework.json"), or nullopt with a
/// "SKIPPED:" message when the folder is not beside the checkout.
inline std::optional<std::string> shared_fixture(std::string_view relative) {
    const std::filesystem::path path = std::string(LEADCTL_SOURCE_DIR "/../shared/fixtures/") + std::string(relative);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        MESSAGE("SKIPPED: " << path.string() << " is absent (the shared fixtures folder is not beside the checkout)");
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace leadctl::testing
