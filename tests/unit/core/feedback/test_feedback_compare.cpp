#include "core/feedback/feedback_compare.hpp"
#include "core/model/framework_loader.hpp"
#include "core/render/render_feedback_compare.hpp"
#include "feedback_fixtures.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace leadctl;

namespace {

const Framework& other_fw() {
    static const Framework fw = *load_framework(R"(id: other
title: Other
scale:
  - {id: low, name: Low}
  - {id: top, name: Top}
items:
  - {code: "1", name: One}
)",
                                                "other.yaml")
                                     .framework;
    return fw;
}

/// A round of person `person`: a self rating of `self` for every item, and for each
/// item code the ratings of peers p1, p2, … in order (one peer per rating).
Round make(const std::string& person, const std::map<std::string, std::vector<int>>& peers, int self,
           const std::string& framework = "demo", const std::string& extra = "") {
    std::size_t most = 0;
    for (const auto& [code, v] : peers) most = std::max(most, v.size());
    std::string y = fmt::format(
        "round:\n  id: r-{}\n  person: {{id: {}}}\n  framework: {}\n  opened: 2026-01-01\n  closed: "
        "2026-01-31\n{}raters:\n  - {{id: me, group: self}}\n",
        person, person, framework, extra);
    for (std::size_t k = 0; k < most; ++k) y += fmt::format("  - {{id: p{}, group: peer}}\n", k);
    y += "responses:\n";
    for (const auto& [code, v] : peers) {
        y += fmt::format("  - {{rater: me, item: \"{}\", rating: {}}}\n", code, self);
        for (std::size_t k = 0; k < v.size(); ++k) {
            y += fmt::format("  - {{rater: p{}, item: \"{}\", rating: {}}}\n", k, code, v[k]);
        }
    }
    auto load = load_round(y, "round.yaml", [](std::string_view id) -> const Framework* {
        if (id == "demo") return &testing::feedback_demo();
        if (id == "other") return &other_fw();
        return nullptr;
    });
    REQUIRE_MESSAGE(load.round.has_value(), y);
    return std::move(*load.round);
}

const ItemChange& item(const RoundCompare& c, int index) {
    for (const auto& x : c.items) {
        if (x.item == index) return x;
    }
    FAIL("item not compared");
    throw 0;
}

}  // namespace

TEST_SUITE("core::feedback_compare") {
    TEST_CASE("a change larger than two standard errors is flagged, a smaller one is not") {
        // Item 1: 2,2,3,3 -> 3,3,4,4: means 2.5 -> 3.5, s = 0.577 each, n = 4:
        // margin 2 * sqrt(2 * 0.333 / 4) = 0.816 < 1.0: improved.
        // Item 2: 2,3,2,3 -> 3,2,3,3: change +0.25 < margin: within the spread.
        const Round a = make("x", {{"1", {2, 2, 3, 3}}, {"2", {2, 3, 2, 3}}}, 2);
        const Round b = make("x", {{"1", {3, 3, 4, 4}}, {"2", {3, 2, 3, 3}}}, 3);
        const auto c = compare_rounds(a, b, {});
        CHECK(c.compared == 2);
        CHECK(c.improved == 1);
        CHECK(c.declined == 0);
        const auto& one = item(c, 0);
        REQUIRE(one.change);
        CHECK(*one.change == doctest::Approx(1.0));
        REQUIRE(one.margin);
        CHECK(*one.margin == doctest::Approx(2 * std::sqrt(2 * (1.0 / 3.0) / 4)));
        CHECK(one.flag == "improved");
        CHECK(one.old_self == 2.0);
        CHECK(one.new_self == 3.0);
        CHECK(item(c, 1).flag.empty());
        // The reverse order is a decline of the same size.
        const auto back = compare_rounds(b, a, {});
        CHECK(item(back, 0).flag == "declined");
        CHECK(back.declined == 1);
    }

    TEST_CASE("agreement in both rounds is not infinite certainty: the spread has a floor") {
        // All 3 raters say 2, then all say 3: s = 0 both times; with the floor 1/sqrt(12)
        // the margin is 2 * sqrt(2 * (1/12) / 3) = 0.471 and a change of 1 is flagged,
        // while 3 raters all moving from 2 to 2.33 (one of three up) is not.
        const Round a = make("x", {{"1", {2, 2, 2}}, {"2", {2, 2, 2}}}, 2);
        const Round b = make("x", {{"1", {3, 3, 3}}, {"2", {2, 2, 3}}}, 2);
        const auto c = compare_rounds(a, b, {});
        REQUIRE(item(c, 0).margin);
        CHECK(*item(c, 0).margin == doctest::Approx(2 * std::sqrt(2 * (kMinRatingSd * kMinRatingSd) / 3)));
        CHECK(item(c, 0).flag == "improved");
        CHECK(item(c, 1).flag.empty());
    }

    TEST_CASE("z sets how large a change must be") {
        const Round a = make("x", {{"1", {2, 2, 3, 3}}}, 2);
        const Round b = make("x", {{"1", {3, 3, 4, 4}}}, 2);
        CompareOptions strict;
        strict.z = 3.0;  // margin 1.22 > 1.0
        CHECK(item(compare_rounds(a, b, strict), 0).flag.empty());
    }

    TEST_CASE("anonymity: a group too small to show in a round is not compared there") {
        // Two peers in the first round (fewer than min_raters 3): nothing of them is shown,
        // so the item has no others' mean before and no change.
        const Round a = make("x", {{"1", {2, 2}}}, 2);
        const Round b = make("x", {{"1", {3, 3, 3}}}, 2);
        const auto c = compare_rounds(a, b, {});
        const auto& one = item(c, 0);
        CHECK_FALSE(one.old_others);
        REQUIRE(one.new_others);
        CHECK_FALSE(one.change);
        CHECK(one.flag.empty());
        CHECK(c.compared == 0);
        CompareOptions lenient;
        lenient.feedback.min_raters = 2;
        CHECK(compare_rounds(a, b, lenient).compared == 1);
    }

    TEST_CASE("fewer than two ratings: a change is shown but never flagged") {
        CompareOptions one;
        one.feedback.min_raters = 1;
        const Round a = make("x", {{"1", {1}}}, 2);
        const Round b = make("x", {{"1", {4}}}, 2);
        const auto c = compare_rounds(a, b, one);
        REQUIRE(item(c, 0).change);
        CHECK(*item(c, 0).change == doctest::Approx(3.0));
        CHECK_FALSE(item(c, 0).margin);
        CHECK(item(c, 0).flag.empty());
    }

    TEST_CASE("rounds of another person or framework cannot be compared") {
        const Round a = make("x", {{"1", {2, 2, 2}}}, 2);
        CHECK(incomparable(a, make("x", {{"1", {2, 2, 2}}}, 2)).empty());
        CHECK(incomparable(a, make("y", {{"1", {2, 2, 2}}}, 2)).find("different people") != std::string::npos);
        CHECK(incomparable(a, make("x", {{"1", {2, 2, 2}}}, 2, "other")).find("different frameworks") !=
              std::string::npos);
        const Round declared = make("x", {{"1", {2, 2, 2}}}, 2, "demo", "  scale: {min: 1, max: 7}\n");
        CHECK(incomparable(a, declared).find("different scales") != std::string::npos);
    }

    TEST_CASE("renderers: every format names the flag, no format names a rater") {
        const Round a = make("x", {{"1", {2, 2, 3, 3}}, {"2", {2, 3, 2, 3}}}, 2);
        const Round b = make("x", {{"1", {3, 3, 4, 4}}, {"2", {3, 2, 3, 3}}}, 3);
        const auto c = compare_rounds(a, b, {});
        Style style;
        style.generated = "2026-12-06";
        for (const auto& f : kCompareFormats) {
            const std::string out = f.write(c, style);
            CAPTURE(f.name);
            CHECK(out.find("improved") != std::string::npos);
            CHECK(out.find("demo:1") != std::string::npos);
            CHECK(out.find("p0") == std::string::npos);
            CHECK(out.find("\"me\"") == std::string::npos);
        }
        const std::string json = render_compare_json(c);
        CHECK(json.find("\"schema\": \"leadctl.feedback-compare/1\"") != std::string::npos);
        CHECK(json.find("\"within\": 1") != std::string::npos);
    }
}
