#include "core/crosswalk/map_query.hpp"

#include "crosswalk_fixtures.hpp"

#include <algorithm>

using namespace leadctl;
using namespace leadctl::testing;

namespace {

/// The TO references of a query's rows, in order ("a:a1 via b:b1" for a composed one).
std::vector<std::string> targets(const MapResult& r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) {
        std::string s = row.mapping.to;
        for (const auto& v : row.mapping.via) s += " via " + v;
        out.push_back(s);
    }
    return out;
}

using Refs = std::vector<std::string>;

}  // namespace

TEST_SUITE("core::map_query") {
    TEST_CASE("an item the crosswalk lists as unmapped gets no composed mappings, either way") {
        TinyWorld w;
        // c:c2 has no counterpart in A, says the crosswalk between C and A; through B it
        // would reach a:a1.
        CrosswalkIndex idx(
            {checked(crosswalk_yaml("ca", "c", "a", {"c:c1 related a:a2 0.5"}, unmapped_yaml("c:c2")), w),
             checked(crosswalk_yaml("cb", "c", "b", {"c:c2 exact b:b1 0.9"}), w),
             checked(crosswalk_yaml("ba", "b", "a", {"b:b1 exact a:a1 0.9"}), w)});
        const auto& a = w.frameworks.at("a");
        const auto& c = w.frameworks.at("c");
        MapFilter f;
        const auto one = query_map(idx, c, a, c.find("c2"), f);
        CHECK(one.rows.empty());
        CHECK(one.hidden_composed == 1);
        REQUIRE(one.unmapped.size() == 1);
        CHECK(one.unmapped[0].item == "c:c2");
        // Nothing in A is c:c2's counterpart either: A → C hides a:a1 → c:c2 too.
        const auto back = query_map(idx, a, c, a.find("a1"), f);
        CHECK(back.rows.empty());
        CHECK(back.hidden_composed == 1);
        // Asked for everything, the composed mappings come back.
        f.prune_composed = false;
        CHECK(targets(query_map(idx, c, a, c.find("c2"), f)) == Refs{"a:a1 via b:b1"});
        CHECK(targets(query_map(idx, a, c, a.find("a1"), f)) == Refs{"c:c2 via b:b1"});
    }

    TEST_CASE("an unmapped entry for a domain covers the items it contains") {
        TinyWorld w;
        CrosswalkIndex idx({checked(crosswalk_yaml("ab", "a", "b", {"a:a2 related b:b2 0.5"}, unmapped_yaml("a:a")), w),
                            checked(crosswalk_yaml("ac", "a", "c", {"a:a1 exact c:c1 0.9"}), w),
                            checked(crosswalk_yaml("cb", "c", "b", {"c:c1 exact b:b1 0.9"}), w)});
        const auto& a = w.frameworks.at("a");
        const auto& b = w.frameworks.at("b");
        MapFilter f;
        const auto r = query_map(idx, a, b, a.find("a1"), f);
        CHECK(r.rows.empty());
        CHECK(r.hidden_composed == 1);
        f.prune_composed = false;
        CHECK(targets(query_map(idx, a, b, a.find("a1"), f)) == Refs{"b:b1 via c:c1"});
    }

    TEST_CASE("a composed mapping implied by a direct one to the same item's ancestor or descendant is hidden") {
        TinyWorld w;
        // A: the domain a holds a1 and a2. c:c1 maps directly to the domain, c:c3 to
        // a:a2; through B, c:c1 reaches a1 (below its direct target), c:c3 reaches the
        // domain (above its direct target) and a1 (a2's sibling); c:c2 has no direct mapping.
        CrosswalkIndex idx(
            {checked(crosswalk_yaml("ca", "c", "a", {"c:c1 related a:a 0.5", "c:c3 close a:a2 0.5"}), w),
             checked(
                 crosswalk_yaml("cb", "c", "b", {"c:c1 exact b:b1 0.9", "c:c3 exact b:b2 0.9", "c:c2 exact b:b2 0.9"}),
                 w),
             checked(
                 crosswalk_yaml("ba", "b", "a", {"b:b1 exact a:a1 0.9", "b:b2 exact a:a 0.9", "b:b2 related a:a1 0.9"}),
                 w)});
        const auto& a = w.frameworks.at("a");
        const auto& c = w.frameworks.at("c");
        MapFilter f;
        const auto r = query_map(idx, c, a, std::nullopt, f);
        // c1: a1 lies below its direct target a (hidden). c3: a lies above its direct
        // target a2 (hidden), a1 is a2's sibling (kept). c2 has no direct mapping: both kept.
        CHECK(targets(r) == Refs{"a:a", "a:a via b:b2", "a:a1 via b:b2", "a:a1 via b:b2", "a:a2"});
        CHECK(r.hidden_composed == 2);
        f.prune_composed = false;
        const auto all = query_map(idx, c, a, std::nullopt, f);
        CHECK(targets(all) ==
              Refs{"a:a", "a:a1 via b:b1", "a:a via b:b2", "a:a1 via b:b2", "a:a via b:b2", "a:a1 via b:b2", "a:a2"});
        CHECK(all.hidden_composed == 0);
    }

    TEST_CASE("composed mappings below the default floor are hidden, and an explicit floor replaces it") {
        TinyWorld w;
        // a:a1 → c:c1 composes to 0.5 × 0.3 = 0.15, a:a1 → c:c2 to 0.5 × 0.4 = 0.2 (shown
        // as 0.20: kept, whatever the rounding of the product).
        CrosswalkIndex idx({checked(crosswalk_yaml("ab", "a", "b", {"a:a1 exact b:b1 0.5"}), w),
                            checked(crosswalk_yaml("bc", "b", "c", {"b:b1 exact c:c1 0.3", "b:b1 exact c:c2 0.4"}), w),
                            checked(crosswalk_yaml("ac", "a", "c", {"a:a2 related c:c3 0.1"}), w)});
        const auto& a = w.frameworks.at("a");
        const auto& c = w.frameworks.at("c");
        static_assert(kComposedMinConfidence == 0.2);
        MapFilter f;
        auto r = query_map(idx, a, c, std::nullopt, f);
        // A direct mapping below the floor stays: the floor is for composed ones.
        CHECK(targets(r) == Refs{"c:c2 via b:b1", "c:c3"});
        CHECK(r.hidden_composed == 1);
        // A lower floor of one's own, and no other pruning.
        f.composed_min_confidence = 0.1;
        CHECK(targets(query_map(idx, a, c, std::nullopt, f)) == Refs{"c:c1 via b:b1", "c:c2 via b:b1", "c:c3"});
        // What the CLI does with --min-confidence X: no pruning, X for every mapping.
        f.prune_composed = false;
        f.min_confidence = 0.12;
        r = query_map(idx, a, c, std::nullopt, f);
        CHECK(targets(r) == Refs{"c:c1 via b:b1", "c:c2 via b:b1"});
        CHECK(r.hidden_composed == 0);
    }

    TEST_CASE("only composed mappings the filters keep count as hidden") {
        TinyWorld w;
        CrosswalkIndex idx(
            {checked(crosswalk_yaml("ab", "a", "b", {"a:a1 exact b:b1 0.5"}), w),
             checked(crosswalk_yaml("bc", "b", "c", {"b:b1 related c:c1 0.3", "b:b1 close c:c2 0.3"}), w)});
        MapFilter f;
        f.relations = {Relation::close};
        const auto r = query_map(idx, w.frameworks.at("a"), w.frameworks.at("c"), std::nullopt, f);
        CHECK(r.rows.empty());
        CHECK(r.hidden_composed == 1);  // c2 (close, 0.15); c1 is related: filtered, not hidden
        f.max_hops = 1;
        CHECK(query_map(idx, w.frameworks.at("a"), w.frameworks.at("c"), std::nullopt, f).hidden_composed == 0);
    }
}
