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

TEST_SUITE("core::registry catalogues") {
    TEST_CASE("a catalogue on the path comes first, and replaces a bundled opportunity with its id") {
        ScratchDir dir;
        dir.write("fw/trust.yaml", R"(id: trust
opportunities:
  - {id: rota-lead, title: Lead the rota, type: leadership-role, stages: [sas], develops: [alpha:1]}
  - {id: shared, title: The trust's way, type: audit, stages: [sas], develops: [beta:1]}
)");
        Registry reg(kBundled, {dir.path() + "/fw"});
        CHECK(reg.skipped().empty());
        REQUIRE(reg.catalogues().size() == 1);
        CHECK(reg.catalogues()[0].id == "trust");
        const auto all = reg.opportunities(R"(opportunities:
  - {id: shared, title: The bundled way, type: audit, stages: [sas], develops: [alpha:1]}
  - {id: other, title: Other, type: course, stages: [sas], develops: [alpha:1]}
)");
        REQUIRE(all.size() == 3);
        CHECK(all[0].id == "rota-lead");
        CHECK(all[1].title == "The trust's way");
        CHECK(all[2].id == "other");
    }

    TEST_CASE("a catalogue whose references name no known item is skipped with located errors") {
        ScratchDir dir;
        dir.write("fw/trust.yaml",
                  "opportunities:\n  - {id: x, title: X, type: audit, stages: [sas], develops: [alpha:9]}\n");
        Registry reg(kBundled, {dir.path() + "/fw"});
        CHECK(reg.catalogues().empty());
        REQUIRE(reg.skipped().size() == 1);
        CHECK(reg.skipped()[0].kind == SkippedFile::Kind::catalogue);
        const auto& d = reg.skipped()[0].diagnostics.items();
        REQUIRE(d.size() == 1);
        CHECK(d[0].code == "unknown-item");
        CHECK(d[0].location.line == 2);
        // a framework on the path is known to a catalogue beside it
        dir.write("fw/gamma.yaml", "id: gamma\ntitle: Gamma\nitems:\n  - {code: \"9\", name: Nine}\n");
        dir.write("fw/trust.yaml",
                  "opportunities:\n  - {id: x, title: X, type: audit, stages: [sas], develops: [gamma:9]}\n");
        Registry again(kBundled, {dir.path() + "/fw"});
        CHECK(again.skipped().empty());
        CHECK(again.catalogues().size() == 1);
    }
}
