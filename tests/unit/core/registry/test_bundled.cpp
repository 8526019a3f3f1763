// The bundled frameworks hold the published names, numbering and structure exactly
// (../shared/reference/frameworks.md). These tests spell the facts out so that an
// edit to frameworks/*.yaml cannot change them quietly.
#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using leadctl::testing::bundled;

namespace {

void check_children(const Framework& fw, std::string_view code,
                    const std::vector<std::pair<std::string, std::string>>& expected) {
    const int i = fw.find(code);
    REQUIRE(i >= 0);
    const auto& children = fw.items[static_cast<std::size_t>(i)].children;
    REQUIRE(children.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const auto& c = fw.items[static_cast<std::size_t>(children[k])];
        CHECK(c.code == expected[k].first);
        CHECK(c.name == expected[k].second);
    }
}

}  // namespace

TEST_SUITE("bundled frameworks") {
    TEST_CASE("every bundled framework loads with no diagnostics and cites its source") {
        REQUIRE(bundled_frameworks().size() == 4);
        for (const auto& b : bundled_frameworks()) {
            CAPTURE(b.id);
            const auto l = load_framework(b.text, std::string(b.file));
            REQUIRE(l.framework);
            CHECK(l.diagnostics.empty());
            const auto& fw = *l.framework;
            CHECK(fw.id == b.id);
            CHECK_FALSE(fw.sources.empty());
            CHECK_FALSE(fw.description.empty());
            for (const auto& it : fw.items) {
                CAPTURE(it.code);
                CHECK_FALSE(it.description.empty());
            }
            // Partial frameworks must say what is missing.
            if (fw.completeness == "partial") CHECK_FALSE(fw.completeness_note.empty());
        }
    }

    TEST_CASE("MLCF: five domains of four elements, named as published") {
        const auto fw = bundled("mlcf");
        CHECK(fw.edition == "3rd edition");
        CHECK(fw.year == 2010);
        CHECK(fw.status == "historical");
        REQUIRE(fw.roots.size() == 5);
        const std::vector<std::pair<std::string, std::string>> domains{{"1", "Demonstrating Personal Qualities"},
                                                                       {"2", "Working with Others"},
                                                                       {"3", "Managing Services"},
                                                                       {"4", "Improving Services"},
                                                                       {"5", "Setting Direction"}};
        for (std::size_t k = 0; k < 5; ++k) {
            const auto& d = fw.items[static_cast<std::size_t>(fw.roots[k])];
            CHECK(d.code == domains[k].first);
            CHECK(d.name == domains[k].second);
        }
        check_children(fw, "1",
                       {{"1.1", "Developing Self Awareness"},
                        {"1.2", "Managing Yourself"},
                        {"1.3", "Continuing Personal Development"},
                        {"1.4", "Acting with Integrity"}});
        check_children(fw, "2",
                       {{"2.1", "Developing Networks"},
                        {"2.2", "Building & Maintaining Relationships"},
                        {"2.3", "Encouraging Contribution"},
                        {"2.4", "Working within Teams"}});
        check_children(fw, "3",
                       {{"3.1", "Planning"},
                        {"3.2", "Managing Resources"},
                        {"3.3", "Managing People"},
                        {"3.4", "Managing Performance"}});
        check_children(fw, "4",
                       {{"4.1", "Ensuring Patient Safety"},
                        {"4.2", "Critically Evaluating"},
                        {"4.3", "Encouraging Improvement and Innovation"},
                        {"4.4", "Facilitating Transformation"}});
        check_children(fw, "5",
                       {{"5.1", "Identifying the Contexts for Change"},
                        {"5.2", "Applying Knowledge and Evidence"},
                        {"5.3", "Making Decisions"},
                        {"5.4", "Evaluating Impact"}});
        // An element holds its four outcomes or none (those not read are not invented:
        // completeness_note lists them); domains hold none. Read so far: 1.3 and 4.1.
        std::vector<std::string> with_outcomes;
        for (const auto& it : fw.items) {
            CAPTURE(it.code);
            CHECK((it.outcomes.empty() || (it.outcomes.size() == 4 && it.type == "element")));
            if (!it.outcomes.empty()) with_outcomes.push_back(it.code);
        }
        CHECK(with_outcomes == std::vector<std::string>{"1.3", "4.1"});
        for (const char* p : {"undergraduate", "postgraduate", "continuing-practice"}) {
            const auto* prof = fw.profile(p);
            REQUIRE(prof);
            CHECK(prof->required.size() == 20);
        }
    }

    TEST_CASE("HLM: nine dimensions in official order on a four-level scale") {
        const auto fw = bundled("hlm");
        CHECK(fw.edition == "version 1.0");
        CHECK(fw.year == 2013);
        const std::vector<std::string> names{
            "Inspiring shared purpose", "Leading with care",     "Evaluating information",
            "Connecting our service",   "Sharing the vision",    "Engaging the team",
            "Holding to account",       "Developing capability", "Influencing for results"};
        REQUIRE(fw.items.size() == 9);  // personal qualities are not a tenth item
        for (std::size_t k = 0; k < 9; ++k) {
            CHECK(fw.items[k].code == std::to_string(k + 1));
            CHECK(fw.items[k].name == names[k]);
        }
        REQUIRE(fw.scale.size() == 4);
        CHECK(fw.scale[0].name == "Essential");
        CHECK(fw.scale[1].name == "Proficient");
        CHECK(fw.scale[2].name == "Strong");
        CHECK(fw.scale[3].name == "Exemplary");
        CHECK(fw.find("engaging-the-team") == 5);
        // Level texts (paraphrased headings) are held for every point of the scale of the
        // dimensions read, in scale order, and for none of dimensions 3 and 8 (not found).
        for (std::size_t k = 0; k < 9; ++k) {
            CAPTURE(k);
            const auto& h = fw.items[k].level_headings;
            if (k == 2 || k == 7) {
                CHECK(h.empty());
                continue;
            }
            REQUIRE(h.size() == 4);
            for (std::size_t l = 0; l < 4; ++l) CHECK(h[l].level == fw.scale[l].id);
        }
        for (const auto& l : fw.scale) {
            const auto* p = fw.profile(l.id);
            REQUIRE(p);
            CHECK(p->level == l.id);
            CHECK(p->required.size() == 9);
        }
    }

    TEST_CASE("FMLM 3rd edition: four domains and the fellowship tiers") {
        const auto fw = bundled("fmlm");
        CHECK(fw.year == 2021);
        REQUIRE(fw.roots.size() == 4);
        const std::vector<std::pair<std::string, std::string>> domains{
            {"self", "Self"}, {"team", "Team"}, {"corporate", "Corporate responsibility"}, {"system", "System"}};
        for (std::size_t k = 0; k < 4; ++k) {
            CHECK(fw.items[static_cast<std::size_t>(fw.roots[k])].code == domains[k].first);
            CHECK(fw.items[static_cast<std::size_t>(fw.roots[k])].name == domains[k].second);
        }
        CHECK(fw.item("self.1")->name == "Self-awareness and development");
        CHECK(fw.item("team.1")->name == "Effective teamwork");
        CHECK(fw.item("corporate.1")->name == "Organisational team player");
        CHECK(fw.item("system.1")->name == "System leadership");
        CHECK(fw.profile("associate-fellow")->required == std::vector<std::string>{"self", "team"});
        CHECK(fw.profile("fellow")->required == std::vector<std::string>{"self", "team", "corporate"});
        CHECK(fw.profile("senior-fellow")->required == std::vector<std::string>{"self", "team", "corporate", "system"});
    }

    TEST_CASE("FMLM 2nd edition: three domains and the known Self standards") {
        const auto fw = bundled("fmlm-2e");
        CHECK(fw.status == "superseded");
        REQUIRE(fw.roots.size() == 3);
        CHECK(fw.items[static_cast<std::size_t>(fw.roots[2])].name == "Corporate");
        check_children(
            fw, "self",
            {{"self.1", "Self awareness and self development"}, {"self.2", "Personal resilience, drive and energy"}});
        const int theme = fw.find("self.1");
        CHECK(fw.items[static_cast<std::size_t>(theme)].children.size() == 7);  // standards a-g
        CHECK(fw.item("self.1.a"));
        CHECK(fw.item("self.1.g"));
        CHECK_FALSE(fw.item("self.1.h"));
    }
}
