#include "core/registry/crosswalk_files.hpp"

#include "crosswalk_fixtures.hpp"
#include "scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using leadctl::testing::crosswalk_yaml;
using leadctl::testing::ScratchDir;

namespace {

constexpr std::string_view kAlpha = "id: alpha\ntitle: Alpha\nitems:\n  - {code: \"1\", name: One}\n";
constexpr std::string_view kBeta = "id: beta\ntitle: Beta\nitems:\n  - {code: \"1\", name: One}\n";

const BundledFile kBundled[] = {
    {"alpha.yaml", "alpha", "Alpha", "", 0, "published", "complete", kAlpha},
    {"beta.yaml", "beta", "Beta", "", 0, "published", "complete", kBeta},
};

bool has_code(const Diagnostics& d, std::string_view code, std::string_view file) {
    for (const auto& x : d.items()) {
        if (x.code == code && x.location.file == file) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("core::registry::crosswalk_files") {
    TEST_CASE("a good file, an unreadable one and a framework given as a crosswalk: each counted, each reported") {
        ScratchDir dir;
        const auto good = dir.write("ab.yaml", crosswalk_yaml("ab", "alpha", "beta", {"alpha:1 exact beta:1 1"}));
        const auto bad = dir.write("bad.yaml", crosswalk_yaml("bad", "alpha", "beta", {"alpha:1 exact beta:9 1"}));
        const auto framework = dir.write("alpha.yaml", std::string(kAlpha));
        const auto missing = dir.path() + "/nowhere.yaml";
        Registry reg(kBundled, {});
        const auto check = check_crosswalk_files({good, bad, framework, missing}, reg);
        CHECK(check.checked == 4);
        CHECK(check.unreadable == 1);
        CHECK(has_code(check.diagnostics, "unreadable", missing));
        CHECK(has_code(check.diagnostics, "not-a-crosswalk", framework));
        bool bad_reported = false, good_clean = true;
        for (const auto& d : check.diagnostics.items()) {
            if (d.location.file == bad && d.severity == Severity::error) bad_reported = true;
            if (d.location.file == good && d.severity == Severity::error) good_clean = false;
        }
        CHECK(bad_reported);  // beta:9 does not exist
        CHECK(good_clean);
        // sorted by file
        const auto& items = check.diagnostics.items();
        for (std::size_t i = 1; i < items.size(); ++i) CHECK(items[i - 1].location.file <= items[i].location.file);
    }

    TEST_CASE("no paths: the crosswalks of the search path, counted") {
        ScratchDir dir;
        dir.write("path/ab.yaml", crosswalk_yaml("ab", "alpha", "beta", {"alpha:1 exact beta:1 1"}));
        Registry reg(kBundled, {dir.path() + "/path"});
        const auto check = check_crosswalk_files({}, reg);
        CHECK(check.checked == 1);
        CHECK(check.unreadable == 0);
        CHECK_FALSE(check.diagnostics.has_errors());
    }
}
