#include "core/registry/registry.hpp"

#include "scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using leadctl::testing::ScratchDir;

namespace {

constexpr std::string_view kAlpha = "id: alpha\ntitle: Alpha (bundled)\nitems:\n  - {code: \"1\", name: One}\n";
constexpr std::string_view kBeta = "id: beta\ntitle: Beta\nitems:\n  - {code: \"1\", name: One}\n";

const BundledFile kBundled[] = {
    {"alpha.yaml", "alpha", "Alpha (bundled)", "", 0, "published", "complete", kAlpha},
    {"beta.yaml", "beta", "Beta", "", 2001, "draft", "partial", kBeta},
};

}  // namespace

TEST_SUITE("core::registry") {
    TEST_CASE("bundled frameworks are listed without being parsed, and parsed on demand") {
        Registry reg(kBundled, {});
        REQUIRE(reg.entries().size() == 2);
        CHECK(reg.entries()[1].year == 2001);
        CHECK_FALSE(reg.entries()[0].framework);  // not parsed yet
        auto fw = reg.get("alpha");
        REQUIRE(fw);
        CHECK(fw->title == "Alpha (bundled)");
        CHECK(reg.get("alpha") == fw);  // cached
        CHECK_FALSE(reg.get("gamma"));
        CHECK(reg.ids() == std::vector<std::string>{"alpha", "beta"});
    }

    TEST_CASE("a user file with a bundled id overrides it, and the first path entry wins") {
        ScratchDir dir;
        const auto first =
            dir.write("one/alpha.yaml", "id: alpha\ntitle: Alpha (mine)\nitems:\n  - {code: x, name: X}\n");
        dir.write("two/alpha.yml", "id: alpha\ntitle: Alpha (theirs)\nitems:\n  - {code: y, name: Y}\n");
        dir.write("two/notes.txt", "not a framework");
        Registry reg(kBundled, {first, dir.path() + "/two"});
        REQUIRE(reg.entries().size() == 4);
        CHECK(reg.entries()[0].origin == first);
        CHECK(reg.entries()[0].overridden_by == -1);
        CHECK(reg.entries()[1].overridden_by == 0);  // two/alpha.yml
        CHECK(reg.entries()[2].overridden_by == 0);  // bundled alpha
        CHECK(reg.find("alpha")->title == "Alpha (mine)");
        CHECK(reg.get("alpha")->items[0].code == "x");
        CHECK(reg.skipped().empty());
    }

    TEST_CASE("a bad user file is skipped with its diagnostics, and others still load") {
        ScratchDir dir;
        dir.write("fw/bad.yaml", "id: bad\ntitle: [\n");
        dir.write("fw/good.yaml", "id: good\ntitle: Good\nitems:\n  - {code: \"1\", name: One}\n");
        Registry reg(kBundled, {dir.path() + "/fw"});
        REQUIRE(reg.skipped().size() == 1);
        CHECK(reg.skipped()[0].path.ends_with("bad.yaml"));
        CHECK(reg.skipped()[0].diagnostics.has_errors());
        CHECK(reg.get("good"));
        CHECK(reg.get("alpha"));
    }

    TEST_CASE("missing path entries are reported") {
        Registry reg(kBundled, {"/nonexistent/leadctl/path"});
        REQUIRE(reg.path_errors().size() == 1);
        CHECK(reg.path_errors()[0] == "/nonexistent/leadctl/path: no such file or directory");
        CHECK(reg.entries().size() == 2);
    }
}
