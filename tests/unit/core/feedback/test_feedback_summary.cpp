#include "core/feedback/feedback_summary.hpp"
#include "core/model/framework_loader.hpp"
#include "core/render/render_feedback.hpp"
#include "feedback_fixtures.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <string>
#include <vector>

using namespace leadctl;

namespace {

/// A round: raters as (id, group), responses as (rater id, item code, rating, importance).
struct Spec {
    std::vector<std::pair<std::string, std::string>> raters;
    std::vector<std::tuple<std::string, std::string, int, int>> responses;
    std::string extra;
};

std::string yaml_of(const Spec& s) {
    std::string y =
        "round:\n  id: r\n  person: {id: p1}\n  framework: demo\n  opened: 2026-01-01\n  closed: "
        "2026-01-31\n  importance_scale: {min: 1, max: 5}\n" +
        s.extra + "raters:\n";
    for (const auto& [id, g] : s.raters) y += fmt::format("  - {{id: {}, group: {}}}\n", id, g);
    y += "responses:\n";
    for (const auto& [r, item, rating, imp] : s.responses) {
        y += fmt::format("  - {{rater: {}, item: \"{}\", rating: {}, importance: {}}}\n", r, item, rating, imp);
    }
    return y;
}

RoundLoad load(const std::string& yaml) {
    return load_round(yaml, "round.yaml", testing::feedback_demo_lookup);
}

/// Everyone rates every item with `rating`, importance 3.
Spec everyone(const std::vector<std::pair<std::string, std::string>>& raters, int rating) {
    Spec s;
    s.raters = raters;
    for (const auto& [id, g] : raters) {
        for (const char* item : {"1", "2", "3", "4"}) s.responses.emplace_back(id, item, rating, 3);
    }
    return s;
}

const GroupCell* cell(const ItemFeedback& it, RaterGroup g) {
    for (const auto& c : it.groups) {
        if (c.group == g) return &c;
    }
    return nullptr;
}

}  // namespace

TEST_SUITE("core::feedback_summary") {
    TEST_CASE("statistics: self apart, others' mean, count, range and importance") {
        Spec s;
        s.raters = {{"me", "self"}, {"a", "peer"}, {"b", "peer"}, {"c", "peer"}};
        s.responses = {{"me", "1", 4, 5}, {"a", "1", 1, 2}, {"b", "1", 2, 4}, {"c", "1", 3, 3}};
        const auto l = load(yaml_of(s));
        REQUIRE(l.round);
        const auto f = summarise(*l.round, {});
        REQUIRE(f.items.size() == 1);
        const auto& it = f.items[0];
        CHECK(it.self == 4.0);
        CHECK(it.others.n == 3);
        CHECK(it.others.mean == doctest::Approx(2.0));
        CHECK(it.others.min == 1.0);
        CHECK(it.others.max == 3.0);
        CHECK(it.importance.n == 3);  // the self's importance is not counted
        CHECK(it.importance.mean == doctest::Approx(3.0));
        CHECK(it.flags == std::vector<std::string>{"blind-spot"});  // 4 - 2 >= 1
    }

    TEST_CASE("a small group merges into other when that makes other large enough") {
        const auto l = load(yaml_of(everyone({{"me", "self"},
                                              {"p1", "peer"},
                                              {"p2", "peer"},
                                              {"p3", "peer"},
                                              {"d1", "direct-report"},
                                              {"o1", "other"},
                                              {"o2", "other"}},
                                             2)));
        REQUIRE(l.round);
        const auto f = summarise(*l.round, {});
        CHECK(f.merged == std::vector<RaterGroup>{RaterGroup::direct_report});
        CHECK(f.suppressed.empty());
        const auto* other = cell(f.items[0], RaterGroup::other);
        REQUIRE(other);
        CHECK(other->stat.n == 3);  // o1, o2 and d1
        CHECK_FALSE(cell(f.items[0], RaterGroup::direct_report));
        CHECK(f.items[0].others.n == 6);
    }

    TEST_CASE("groups too small even together are left out, and not counted among others") {
        const auto l = load(yaml_of(everyone({{"me", "self"},
                                              {"m", "line-manager"},
                                              {"p1", "peer"},
                                              {"p2", "peer"},
                                              {"p3", "peer"},
                                              {"d1", "direct-report"},
                                              {"o1", "other"}},
                                             3)));
        REQUIRE(l.round);
        const auto f = summarise(*l.round, {});
        CHECK(f.suppressed == std::vector<RaterGroup>{RaterGroup::direct_report, RaterGroup::other});
        CHECK(f.line_manager);
        const auto& it = f.items[0];
        REQUIRE(cell(it, RaterGroup::line_manager));
        CHECK(cell(it, RaterGroup::line_manager)->stat.n == 1);  // shown, and said not to be anonymous
        CHECK(it.others.n == 4);                                 // line manager + 3 peers, nothing of d1 or o1
    }

    TEST_CASE("a group with too few ratings of one item is hidden there, and others cannot reveal it") {
        Spec s = everyone({{"me", "self"},
                           {"p1", "peer"},
                           {"p2", "peer"},
                           {"p3", "peer"},
                           {"d1", "direct-report"},
                           {"d2", "direct-report"},
                           {"d3", "direct-report"}},
                          2);
        // Two direct reports skip item 4; the third rates it 4 (a rating that must stay hidden).
        std::erase_if(s.responses, [](const auto& r) {
            return std::get<1>(r) == "4" && (std::get<0>(r) == "d1" || std::get<0>(r) == "d2");
        });
        for (auto& r : s.responses) {
            if (std::get<0>(r) == "d3" && std::get<1>(r) == "4") std::get<2>(r) = 4;
        }
        const auto l = load(yaml_of(s));
        REQUIRE(l.round);
        const auto f = summarise(*l.round, {});
        const auto& four = f.items[3];
        CHECK_FALSE(cell(four, RaterGroup::direct_report));
        REQUIRE(cell(four, RaterGroup::peer));
        // Others equals exactly the shown groups: others minus the shown groups is nothing.
        int shown = 0;
        double sum = 0;
        for (const auto& c : four.groups) {
            shown += c.stat.n;
            sum += c.stat.mean * c.stat.n;
        }
        CHECK(four.others.n == shown);
        CHECK(four.others.mean * four.others.n == doctest::Approx(sum));
        CHECK(four.others.max == 2.0);                       // d3's 4 is nowhere
        CHECK(cell(f.items[0], RaterGroup::direct_report));  // on the other items they are shown
    }

    TEST_CASE("no output format holds a rater's id") {
        Spec s = everyone({{"zqself", "self"},
                           {"zqlm", "line-manager"},
                           {"zqp1", "peer"},
                           {"zqp2", "peer"},
                           {"zqp3", "peer"},
                           {"zqd1", "direct-report"},
                           {"zqo1", "other"}},
                          2);
        s.extra = "  invited: {peer: 4, direct-report: 2}\n";
        std::string yaml = yaml_of(s);
        yaml += "  - {rater: zqp1, item: \"2\", rating: 3, comment: \"Good in the zq team\"}\n";
        auto l = load(yaml);
        // zqp1 rates item 2 twice: an error; drop that line and keep the comment elsewhere
        CHECK(l.diagnostics.has_errors());
        yaml.replace(yaml.find("  - {rater: zqp1, item: \"2\", rating: 3,"), std::string::npos,
                     "  - {rater: zqself, item: \"1\", rating: 1}\n");
        l = load(yaml);
        CHECK(l.diagnostics.has_errors());  // the self rated item 1 twice
        l = load(yaml_of(s));
        REQUIRE(l.round);
        const auto f = summarise(*l.round, {});
        for (const auto& out : {render_feedback_text(f, Style{}), render_feedback_markdown(f), render_feedback_json(f),
                                render_feedback_html(f, Style{})}) {
            for (const auto* id : {"zqself", "zqlm", "zqp1", "zqp2", "zqp3", "zqd1", "zqo1"}) {
                CAPTURE(id);
                CHECK(out.find(id) == std::string::npos);
            }
        }
    }
}
