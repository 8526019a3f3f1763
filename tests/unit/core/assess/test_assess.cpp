// The assessment rules (leadctl-policy(5)), one by one, on a tiny world:
// framework d (domains d1 {a, b} and d2 {c}, scale low < high), framework e
// mapped to d (e1 exact a, e2 broad b, e3 narrow c, e4 related c), and f mapped
// to e (f1 exact e1), so f reaches d only by composition.
#include "core/assess/assess.hpp"

#include "crosswalk_fixtures.hpp"

#include <algorithm>

using namespace leadctl;
using namespace leadctl::testing;

namespace {

struct World {
    TinyWorld w;
    std::shared_ptr<CrosswalkIndex> index;
    std::vector<Opportunity> opportunities{
        {"o-bc", "Develops b and c", "", "qip", "editorial", {"d:b", "d:c"}, {}},
        {"o-c", "Develops c only", "", "course", "editorial", {"d:c"}, {"foundation", "core-training"}},
        {"o-a-via-e", "Develops a through the crosswalk", "", "audit", "editorial", {"e:e1"}, {}},
    };
    World() {
        w.frameworks.clear();
        auto load = load_framework(R"(id: d
title: D
scale: [{id: low, name: Low}, {id: high, name: High}]
items:
  - {code: d1, name: Domain one, items: [{code: a, name: A}, {code: b, name: B}]}
  - {code: d2, name: Domain two, items: [{code: c, name: C}, {code: c2, name: C2}]}
profiles:
  - {id: p, name: P, requires: [a, b, c]}
  - {id: all, name: All four, requires: [a, b, c, c2]}
  - {id: q, name: Q, requires: [a], level: high}
  - {id: r, name: R, requires: [a], recent_evidence: [{type: appraisal, within_months: 12}]}
)",
                                   "d.yaml");
        REQUIRE(load.framework);
        w.frameworks.emplace("d", *load.framework);
        w.frameworks.emplace("e", tiny_framework("e",
                                                 "  - {code: e1, name: E1}\n  - {code: e2, name: E2}\n"
                                                 "  - {code: e3, name: E3}\n  - {code: e4, name: E4}\n"));
        w.frameworks.emplace("f", tiny_framework("f", "  - {code: f1, name: F1}\n"));
        index = std::make_shared<CrosswalkIndex>(std::vector<std::shared_ptr<const Crosswalk>>{
            checked(crosswalk_yaml(
                        "ed", "e", "d",
                        {"e:e1 exact d:a 1", "e:e2 broad d:b 0.8", "e:e3 narrow d:c 0.8", "e:e4 related d:c 0.8"}),
                    w),
            checked(crosswalk_yaml("fe", "f", "e", {"f:f1 exact e:e1 1"}), w)});
    }
    const Framework& d() const { return w.frameworks.at("d"); }
};

Entry entry(std::string id, Date date, std::string type, std::vector<std::string> tags, bool signed_off = true,
            std::string level = "") {
    Entry e;
    e.id = std::move(id);
    e.date = date;
    e.type = std::move(type);
    for (auto& t : tags) e.competencies.push_back({std::move(t), {}});
    if (signed_off) e.signed_off = SignOff{"Dr S", date, {}};
    e.level = std::move(level);
    return e;
}

Assessment assess(const World& world, const std::vector<Entry>& entries, Policy policy = {},
                  const std::string& profile = "p", Date as_of = {2026, 6, 1}, const std::string& stage = "") {
    const FrameworkSource source{world.w.lookup(), {"d", "e", "f"}};
    const TargetMap targets(world.d(), *world.d().profile(profile), std::move(policy), *world.index, source);
    Assessor a(targets, as_of, world.w.lookup(), world.opportunities);
    Person p;
    p.stage = stage;
    a.person(p);
    for (const auto& e : entries) a.entry(e);
    return a.finish();
}

const ItemResult& item(const Assessment& a, const World& w, const char* code) {
    return a.items[static_cast<std::size_t>(w.d().find(code))];
}

bool warned(const Assessment& a, const std::string& code) {
    return std::any_of(a.warnings.begin(), a.warnings.end(), [&](const AssessWarning& w) { return w.code == code; });
}

constexpr Date kDay{2026, 1, 10};

}  // namespace

TEST_SUITE("core::assess") {
    TEST_CASE("rule 1: the profile's items are assessed, the others are not required") {
        World w;
        const auto a = assess(w, {});
        CHECK(a.assessed == 3);
        CHECK(item(a, w, "a").required);
        CHECK_FALSE(item(a, w, "d1").required);
        CHECK(item(a, w, "d1").status == ItemStatus::not_required);
        CHECK(item(a, w, "c").status == ItemStatus::gap);
    }

    TEST_CASE("rule 2: direct tags, exact/close/broad mappings and composed paths count, narrow and related do not") {
        World w;
        const auto a = assess(w, {entry("direct", kDay, "audit", {"d:a"}), entry("exact", kDay, "qip", {"e:e1"}),
                                  entry("broad", kDay, "qip", {"e:e2"}), entry("narrow", kDay, "qip", {"e:e3"}),
                                  entry("related", kDay, "qip", {"e:e4"}), entry("composed", kDay, "qip", {"f:f1"})});
        const auto& ia = item(a, w, "a");
        REQUIRE(ia.evidence.size() == 3);
        CHECK(ia.evidence[0].via == "direct");
        CHECK(ia.evidence[1].via == "e:e1 = d:a");
        CHECK(ia.evidence[2].entry == "composed");
        CHECK(ia.evidence[2].via == "f:f1 = d:a via e:e1");
        REQUIRE(item(a, w, "b").evidence.size() == 1);
        CHECK(item(a, w, "b").evidence[0].via == "e:e2 ⊂ d:b");
        CHECK(item(a, w, "c").evidence.empty());  // narrow and related never count by default
        Policy wide;
        wide.count_relations = {Relation::exact, Relation::narrow, Relation::related};
        CHECK(item(assess(w, {entry("n", kDay, "qip", {"e:e3", "e:e4"})}, wide), w, "c").evidence.size() == 1);
        Policy direct_only;
        direct_only.max_hops = 1;
        CHECK(item(assess(w, {entry("composed", kDay, "qip", {"f:f1"})}, direct_only), w, "a").evidence.empty());
    }

    TEST_CASE("rule 2: a tag on a parent counts toward none of its children, with a warning") {
        World w;
        const auto a = assess(w, {entry("parent", kDay, "audit", {"d:d1"})});
        CHECK(item(a, w, "a").evidence.empty());
        CHECK(item(a, w, "b").evidence.empty());
        CHECK(warned(a, "parent-tag"));
    }

    TEST_CASE("rule 3: the window counts its edge, older entries expire, later ones are ignored with a warning") {
        World w;
        const auto a =
            assess(w, {entry("edge", {2023, 6, 1}, "audit", {"d:a"}), entry("old", {2023, 5, 31}, "audit", {"d:a"}),
                       entry("future", {2026, 6, 2}, "audit", {"d:a"})});
        REQUIRE(item(a, w, "a").evidence.size() == 1);
        CHECK(item(a, w, "a").evidence[0].entry == "edge");
        REQUIRE(a.expired.size() == 1);
        CHECK(a.expired[0].entry == "old");
        CHECK(warned(a, "future-entry"));
        // 29 February: three years earlier is 28 February.
        const auto leap =
            assess(w, {entry("edge", {2021, 2, 28}, "audit", {"d:a"}), entry("old", {2021, 2, 27}, "audit", {"d:a"})},
                   {}, "p", {2024, 2, 29});
        CHECK(item(leap, w, "a").evidence.size() == 1);
        CHECK(leap.expired.size() == 1);
    }

    TEST_CASE("rule 4: one entry counts toward at most max_items_per_entry items, in tag order") {
        World w;
        Policy two;
        two.max_items_per_entry = 2;
        const auto a = assess(w, {entry("many", kDay, "audit", {"d:c", "e:e1", "d:b"})}, two);
        CHECK(item(a, w, "c").evidence.size() == 1);
        CHECK(item(a, w, "a").evidence.size() == 1);
        CHECK(item(a, w, "b").evidence.empty());
        CHECK(item(a, w, "b").dropped == std::vector<std::string>{"many"});
        // With the default cap of 3, the fourth tag of an entry is the first dropped.
        const auto four = assess(w, {entry("four", kDay, "audit", {"d:a", "d:b", "d:c", "d:c2"})}, {}, "all");
        CHECK(item(four, w, "c").evidence.size() == 1);
        CHECK(item(four, w, "c2").evidence.empty());
        CHECK(item(four, w, "c2").dropped == std::vector<std::string>{"four"});
    }

    TEST_CASE("rule 5: met needs min_entries of min_types with a sign-off, partial is some, gap is none") {
        World w;
        const auto met = assess(w, {entry("1", kDay, "audit", {"d:a"}), entry("2", kDay, "qip", {"d:a"}, false)});
        CHECK(item(met, w, "a").status == ItemStatus::met);  // exactly min_entries, one signed off
        const auto one_type = assess(w, {entry("1", kDay, "audit", {"d:a"}), entry("2", kDay, "audit", {"d:a"})});
        CHECK(item(one_type, w, "a").status == ItemStatus::partial);
        const auto unsigned_ =
            assess(w, {entry("1", kDay, "audit", {"d:a"}, false), entry("2", kDay, "qip", {"d:a"}, false)});
        CHECK(item(unsigned_, w, "a").status == ItemStatus::partial);
        Policy lenient;
        lenient.require_signoff = false;
        CHECK(item(assess(w, {entry("1", kDay, "audit", {"d:a"}, false), entry("2", kDay, "qip", {"d:a"}, false)},
                          lenient),
                   w, "a")
                  .status == ItemStatus::met);
        const auto single = assess(w, {entry("1", kDay, "audit", {"d:a"})});
        CHECK(item(single, w, "a").status == ItemStatus::partial);
        CHECK(item(single, w, "b").status == ItemStatus::gap);
    }

    TEST_CASE("rule 2: no composed path counts for an item a crosswalk between the two says has no counterpart") {
        for (const char* unmapped : {"f:f1", "d:a", "d:d1"}) {  // the tag, the target, the target's domain
            CAPTURE(unmapped);
            World w;
            CHECK(item(assess(w, {entry("composed", kDay, "qip", {"f:f1"})}), w, "a").evidence.size() == 1);
            auto all = w.index->crosswalks();
            all.push_back(
                checked(crosswalk_yaml("fd", "f", "d", {"f:f1 related d:c2 0.1"}, unmapped_yaml(unmapped)), w.w));
            w.index = std::make_shared<CrosswalkIndex>(all);
            CHECK(item(assess(w, {entry("composed", kDay, "qip", {"f:f1"})}), w, "a").evidence.empty());
            // A direct mapping still counts: e:e1 = d:a is not composed.
            CHECK(item(assess(w, {entry("direct", kDay, "qip", {"e:e1"})}), w, "a").evidence.size() == 1);
        }
    }

    TEST_CASE("rule 6: a level crosses only the relations in level_relations (exact by default)") {
        World w;
        // e2 broad b, e1 exact a; the level is on the scale of d, which the entry is also tagged to.
        const auto a = assess(w, {entry("1", kDay, "audit", {"e:e1", "e:e2", "d:c"}, true, "high")}, {}, "all");
        CHECK(item(a, w, "a").evidence.at(0).level == 1);   // exact: carried
        CHECK(item(a, w, "b").evidence.at(0).level == -1);  // broad: not carried
        CHECK(item(a, w, "c").evidence.at(0).level == 1);   // tagged in d itself
        Policy broad;
        broad.level_relations = {Relation::exact, Relation::broad};
        const auto b = assess(w, {entry("1", kDay, "audit", {"e:e1", "e:e2", "d:c"}, true, "high")}, broad, "all");
        CHECK(item(b, w, "b").evidence.at(0).level == 1);
        // The same item reached both ways keeps the way that carries the level.
        const auto both = assess(w, {entry("1", kDay, "audit", {"e:e2", "d:b"}, true, "high")}, {}, "all");
        REQUIRE(item(both, w, "b").evidence.size() == 1);
        CHECK(item(both, w, "b").evidence[0].level == 1);
    }

    TEST_CASE("rule 6: the level attained is the highest that min_entries entries reach") {
        World w;
        const auto high = assess(
            w, {entry("1", kDay, "audit", {"d:a"}, true, "high"), entry("2", kDay, "qip", {"d:a"}, true, "high")}, {},
            "q");
        CHECK(item(high, w, "a").level_attained == 1);
        CHECK(item(high, w, "a").level_target == 1);
        CHECK(item(high, w, "a").status == ItemStatus::met);
        const auto mixed =
            assess(w, {entry("1", kDay, "audit", {"d:a"}, true, "high"), entry("2", kDay, "qip", {"d:a"}, true, "low")},
                   {}, "q");
        CHECK(item(mixed, w, "a").level_attained == 0);
        CHECK(item(mixed, w, "a").status == ItemStatus::partial);
        const auto none = assess(w, {entry("1", kDay, "audit", {"d:a"}), entry("2", kDay, "qip", {"d:a"})}, {}, "q");
        CHECK(item(none, w, "a").level_attained == -1);
    }

    TEST_CASE("rule 7: domains roll up, coverage is met over assessed") {
        World w;
        const auto a = assess(w, {entry("1", kDay, "audit", {"d:a", "d:b"}), entry("2", kDay, "qip", {"d:a", "d:b"})});
        REQUIRE(a.domains.size() == 2);
        CHECK(a.domains[0].status == ItemStatus::met);
        CHECK(a.domains[1].status == ItemStatus::gap);
        CHECK(a.coverage == doctest::Approx(2.0 / 3));
        const auto part = assess(w, {entry("1", kDay, "audit", {"d:a"})});
        CHECK(part.domains[0].status == ItemStatus::partial);
    }

    TEST_CASE("rule 8: evidence clustered in one domain is warned about") {
        World w;
        const auto clustered =
            assess(w, {entry("1", kDay, "audit", {"d:a", "d:b"}), entry("2", kDay, "qip", {"d:a", "d:b"})});
        CHECK(warned(clustered, "clustered"));  // 4 pairs, all in d1
        const auto spread =
            assess(w, {entry("1", kDay, "audit", {"d:a", "d:c"}), entry("2", kDay, "qip", {"d:b", "d:c"})});
        CHECK_FALSE(warned(spread, "clustered"));  // 2 of 4 in each: not more than half
        const auto few = assess(w, {entry("1", kDay, "audit", {"d:a", "d:b"})});
        CHECK_FALSE(warned(few, "clustered"));  // fewer than 4 pairs
    }

    TEST_CASE("rule 9: suggestions for unmet items, through the crosswalks, ranked by reach") {
        World w;
        const auto a = assess(w, {});
        REQUIRE(a.suggestions.size() == 3);
        const auto& for_a = a.suggestions[0];
        REQUIRE(for_a.opportunities.size() == 1);
        CHECK(for_a.opportunities[0].opportunity->id == "o-a-via-e");
        const auto& for_c = a.suggestions[2];
        REQUIRE(for_c.opportunities.size() == 2);
        CHECK(for_c.opportunities[0].opportunity->id == "o-bc");  // helps b and c
        CHECK(for_c.opportunities[0].addresses == 2);
        CHECK(for_c.opportunities[1].addresses == 1);
        Policy one;
        one.max_suggestions = 1;
        CHECK(assess(w, {}, one).suggestions[2].opportunities.size() == 1);
    }

    TEST_CASE(
        "suggestions suit the person's career stage, and an unknown stage or a stageless profile filters nothing") {
        World w;
        const auto ids_for_c = [&](const std::string& stage) {
            std::vector<std::string> ids;
            const auto a = assess(w, {}, {}, "p", {2026, 6, 1}, stage);
            for (const auto& o : a.suggestions[2].opportunities) ids.push_back(o.opportunity->id);
            return ids;
        };
        CHECK(ids_for_c("F1") == std::vector<std::string>{"o-bc", "o-c"});
        CHECK(ids_for_c("CT2") == std::vector<std::string>{"o-bc", "o-c"});
        CHECK(ids_for_c("medical student") == std::vector<std::string>{"o-bc"});  // o-c is for doctors
        CHECK(ids_for_c("consultant") == std::vector<std::string>{"o-bc"});
        CHECK(ids_for_c("") == std::vector<std::string>{"o-bc", "o-c"});
        CHECK(ids_for_c("wizard") == std::vector<std::string>{"o-bc", "o-c"});
    }

    TEST_CASE("needs say what an item lacks, and the plan closes the most items per step, a sign-off first") {
        World w;
        // a: two types, not signed off: needs only a sign-off. c: two course entries: needs another type.
        const auto a = assess(w, {entry("1", kDay, "audit", {"d:a"}, false), entry("2", kDay, "qip", {"d:a"}, false),
                                  entry("3", kDay, "course", {"d:c"}), entry("4", kDay, "course", {"d:c"})});
        REQUIRE(item(a, w, "a").needs.size() == 1);
        CHECK(item(a, w, "a").needs[0].kind == Need::Kind::signoff);
        CHECK(item(a, w, "a").needs[0].entries == std::vector<std::string>{"1", "2"});
        REQUIRE(item(a, w, "c").needs.size() == 1);
        CHECK(item(a, w, "c").needs[0].kind == Need::Kind::types);
        CHECK(item(a, w, "b").needs.size() == 2);  // a gap: entries and types
        REQUIRE(a.plan.size() >= 2);
        CHECK(a.plan[0].kind == PlanStep::Kind::signoff);
        CHECK(a.plan[0].entries == std::vector<std::string>{"1", "2"});
        CHECK(a.plan[0].closes == std::vector<int>{w.d().find("a")});
        // c lacks a type: the qip opportunity closes it, the course one (a type c has) does not help it.
        CHECK(a.plan[1].opportunity->id == "o-bc");
        CHECK(std::find(a.plan[1].closes.begin(), a.plan[1].closes.end(), w.d().find("c")) != a.plan[1].closes.end());
        for (const auto& st : a.plan) CHECK((st.opportunity == nullptr || st.opportunity->id != "o-c"));
        Policy one;
        one.max_steps = 1;
        CHECK(assess(w, {}, one).plan.size() == 1);
        one.max_steps = 0;
        CHECK(assess(w, {}, one).plan.empty());
    }

    TEST_CASE("a profile's recent_evidence condition: an entry of the type within the months before as-of") {
        World w;
        const auto with = [&](Date d) {
            return assess(w, {entry("ap", d, "appraisal", {"d:a"})}, {}, "r", {2026, 6, 1}).conditions;
        };
        REQUIRE(with({2025, 6, 1}).size() == 1);
        CHECK(with({2025, 6, 1})[0].met);  // the first day that counts
        CHECK(with({2025, 6, 1})[0].entry == "ap");
        CHECK_FALSE(with({2025, 5, 31})[0].met);
        CHECK(with({2025, 5, 31})[0].date == Date{2025, 5, 31});
        const auto none = assess(w, {entry("x", kDay, "audit", {"d:a"})}, {}, "r").conditions;
        REQUIRE(none.size() == 1);
        CHECK_FALSE(none[0].met);
        CHECK_FALSE(none[0].date);
        // An appraisal tagged to nothing assessed still counts for the condition.
        CHECK(assess(w, {entry("ap", kDay, "appraisal", {"e:e4"})}, {}, "r").conditions[0].met);
        CHECK(assess(w, {}, {}, "p").conditions.empty());
    }

    TEST_CASE(
        "an item met only through crosswalks is flagged and counted apart, and min_direct_entries can require more") {
        World w;
        // a: two entries through e1 = a (exact), none tagged to a itself.
        const std::vector<Entry> via{entry("1", kDay, "audit", {"e:e1"}), entry("2", kDay, "qip", {"e:e1"})};
        const auto a = assess(w, via);
        CHECK(item(a, w, "a").status == ItemStatus::met);
        CHECK(item(a, w, "a").indirect);
        CHECK(a.met_indirectly == 1);
        const auto mixed = assess(w, {entry("1", kDay, "audit", {"e:e1"}), entry("2", kDay, "qip", {"d:a"})});
        CHECK_FALSE(item(mixed, w, "a").indirect);
        CHECK(mixed.met_indirectly == 0);
        Policy strict;
        strict.min_direct_entries = 1;
        const auto s = assess(w, via, strict);
        CHECK(item(s, w, "a").status == ItemStatus::partial);
        REQUIRE(item(s, w, "a").needs.size() == 1);
        CHECK(item(s, w, "a").needs[0].kind == Need::Kind::direct);
        CHECK(item(s, w, "a").needs[0].count == 1);
        CHECK(item(assess(w, {entry("1", kDay, "audit", {"e:e1"}), entry("2", kDay, "qip", {"d:a"})}, strict), w, "a")
                  .status == ItemStatus::met);
        // No step claims to meet an item still short of a direct entry: here a sign-off
        // alone would otherwise seem to.
        const auto unsigned_via =
            assess(w, {entry("1", kDay, "audit", {"e:e1"}, false), entry("2", kDay, "qip", {"e:e1"}, false)}, strict);
        REQUIRE_FALSE(unsigned_via.plan.empty());
        for (const auto& st : unsigned_via.plan) {
            CHECK(std::find(st.closes.begin(), st.closes.end(), w.d().find("a")) == st.closes.end());
        }
    }

    TEST_CASE("an expired entry is a need for recent evidence on the items it would reach") {
        World w;
        const auto a = assess(w, {entry("old", Date{2020, 1, 1}, "audit", {"d:a"})});
        REQUIRE_FALSE(item(a, w, "a").needs.empty());
        CHECK(item(a, w, "a").needs.back().kind == Need::Kind::recent);
        CHECK(item(a, w, "a").needs.back().entries == std::vector<std::string>{"old"});
    }

    TEST_CASE("a policy file overrides defaults and rejects unknown keys and bad values") {
        const auto ok = load_policy(
            "min_entries: 3\nwindow_years: 5\ncount_relations: [exact]\nrequire_signoff: false\n", "p.yaml");
        CHECK(ok.diagnostics.empty());
        CHECK(ok.policy.min_entries == 3);
        CHECK(ok.policy.window_years == 5);
        CHECK(ok.policy.count_relations == std::set<Relation>{Relation::exact});
        CHECK_FALSE(ok.policy.require_signoff);
        const auto bad = load_policy("min_entrys: 3\nmax_share: 2\ncount_relations: [broader]\n", "p.yaml");
        std::vector<std::string> codes;
        for (const auto& d : bad.diagnostics.items()) codes.push_back(d.code);
        CHECK(codes == std::vector<std::string>{"unknown-key", "invalid-value", "invalid-value"});
    }
}
