#include "core/feedback/feedback_cohort.hpp"
#include "core/model/framework_loader.hpp"
#include "core/render/render_feedback_cohort.hpp"
#include "feedback_fixtures.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <string>
#include <vector>

using namespace leadctl;

namespace {

/// A round of `person` closing on `closed`: self rates item 1 at `self`, and three
/// peers rate item 1 at `peers` each; `item2` peers rate item 2 (0: nobody does).
Round make(const std::string& person, const std::string& closed, int self, int peers, int item2 = 0) {
    std::string y = fmt::format(
        "round:\n  id: r-{}-{}\n  person: {{id: {}}}\n  framework: demo\n  opened: 2024-12-01\n  closed: {}\n"
        "raters:\n  - {{id: me, group: self}}\n  - {{id: a, group: peer}}\n  - {{id: b, group: peer}}\n"
        "  - {{id: c, group: peer}}\nresponses:\n  - {{rater: me, item: \"1\", rating: {}}}\n",
        person, closed, person, closed, self);
    for (const char* r : {"a", "b", "c"}) {
        y += fmt::format("  - {{rater: {}, item: \"1\", rating: {}}}\n", r, peers);
        if (item2 > 0) y += fmt::format("  - {{rater: {}, item: \"2\", rating: {}}}\n", r, item2);
    }
    auto load = load_round(y, "round.yaml", testing::feedback_demo_lookup);
    REQUIRE_MESSAGE(load.round.has_value(), y);
    return std::move(*load.round);
}

}  // namespace

TEST_SUITE("core::feedback_cohort") {
    TEST_CASE("quartiles interpolate between order statistics (R type 7)") {
        const Spread s = spread_of({4, 1, 3, 2});
        CHECK(s.min == 1);
        CHECK(s.q1 == doctest::Approx(1.75));
        CHECK(s.median == doctest::Approx(2.5));
        CHECK(s.q3 == doctest::Approx(3.25));
        CHECK(s.max == 4);
        const Spread one = spread_of({2});
        CHECK(one.q1 == 2);
        CHECK(one.q3 == 2);
    }

    TEST_CASE("each person once, with the latest round: an item shown only with min_people people") {
        std::vector<Round> rounds{make("p1", "2025-01-31", 1, 1), make("p1", "2026-01-31", 4, 4, 2),
                                  make("p2", "2026-01-31", 2, 2, 3), make("p3", "2026-01-31", 3, 3)};
        std::vector<CohortRound> given;
        for (std::size_t k = 0; k < rounds.size(); ++k) given.push_back({fmt::format("f{}.yaml", k), &rounds[k]});
        CohortFeedbackOptions o;
        o.min_people = 3;
        const auto c = summarise_cohort(given, o);
        REQUIRE(c.counted.size() == 3);
        REQUIRE(c.superseded.size() == 1);
        CHECK(c.superseded[0].file == "f0.yaml");
        REQUIRE(c.items.size() == 2);
        const auto& one = c.items[0];
        CHECK(one.people == 3);
        REQUIRE(one.others);
        CHECK(one.others->median == doctest::Approx(3));  // 4, 2, 3: p1's 2025 round (1) is not counted
        CHECK(one.others->min == 2);
        CHECK(one.levels == std::vector<int>{0, 1, 1, 1});
        CHECK(one.blind_spots == 0);
        // Item 2 is rated for 2 people only: fewer than 3, so nothing of it is shown.
        CHECK(c.items[1].people == 2);
        CHECK_FALSE(c.items[1].others);
        CHECK(c.items[1].levels.empty());
    }

    TEST_CASE("a person's others hidden by min_raters do not contribute") {
        std::vector<Round> rounds{make("p1", "2026-01-31", 2, 2), make("p2", "2026-01-31", 2, 3)};
        std::vector<CohortRound> given{{"a.yaml", &rounds[0]}, {"b.yaml", &rounds[1]}};
        CohortFeedbackOptions o;
        o.min_people = 1;
        o.feedback.min_raters = 4;  // three peers: too few, and no other group to merge with
        const auto c = summarise_cohort(given, o);
        REQUIRE(c.items.size() == 1);
        CHECK(c.items[0].people == 0);
        CHECK_FALSE(c.items[0].others);
    }

    TEST_CASE("blind spots are counted per person, and no format names a rater") {
        std::vector<Round> rounds;
        for (int k = 0; k < 5; ++k) rounds.push_back(make(fmt::format("p{}", k), "2026-01-31", 4, k < 2 ? 2 : 4));
        std::vector<CohortRound> given;
        for (auto& r : rounds) given.push_back({r.person_id + ".yaml", &r});
        const auto c = summarise_cohort(given, {});
        REQUIRE(c.items[0].others);
        CHECK(c.items[0].blind_spots == 2);  // self 4: others 2 is a blind spot, others 4 is not
        for (const auto& f : kFeedbackCohortFormats) {
            CAPTURE(f.name);
            const std::string out = f.write(c, Style{});
            CHECK(out.find("demo:1") != std::string::npos);
            CHECK(out.find("\"me\"") == std::string::npos);
        }
        CHECK(render_feedback_cohort_json(c).find("\"blind_spots\": 2") != std::string::npos);
    }
}
