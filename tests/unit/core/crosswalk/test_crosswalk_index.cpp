#include "core/crosswalk/crosswalk_index.hpp"

#include "core/crosswalk/map_query.hpp"
#include "core/formats/sssom.hpp"
#include "crosswalk_fixtures.hpp"

using namespace leadctl;
using namespace leadctl::testing;

TEST_SUITE("core::crosswalk_index") {
    TEST_CASE("inverses are derived: broad one way is narrow the other") {
        TinyWorld w;
        CrosswalkIndex idx({checked(crosswalk_yaml("ab", "a", "b", {"a:a1 broad b:b1 0.8"}), w)});
        const auto back = idx.resolve("b:b1", "a");
        REQUIRE(back.size() == 1);
        CHECK(back[0].to == "a:a1");
        CHECK(back[0].relation == Relation::narrow);
        CHECK(back[0].direct());
        CHECK(back[0].edges[0]->inverted);
    }

    TEST_CASE("composition through a third framework names its path and multiplies confidence") {
        TinyWorld w;
        CrosswalkIndex idx({checked(crosswalk_yaml("ab", "a", "b", {"a:a1 broad b:b1 0.8"}), w),
                            checked(crosswalk_yaml("bc", "b", "c", {"b:b1 broad c:c1 0.5"}), w)});
        const auto r = idx.resolve("a:a1", "c");
        REQUIRE(r.size() == 1);
        CHECK(r[0].to == "c:c1");
        CHECK(r[0].relation == Relation::broad);  // broad∘broad
        CHECK(r[0].confidence == doctest::Approx(0.4));
        CHECK(r[0].via == std::vector<std::string>{"b:b1"});
        CHECK(idx.resolve("a:a1", "c", 1).empty());  // the hop limit
    }

    TEST_CASE("a direct mapping wins over a composed one") {
        TinyWorld w;
        CrosswalkIndex idx({checked(crosswalk_yaml("ab", "a", "b", {"a:a1 exact b:b1 0.9"}), w),
                            checked(crosswalk_yaml("bc", "b", "c", {"b:b1 exact c:c1 0.9"}), w),
                            checked(crosswalk_yaml("ac", "a", "c", {"a:a1 related c:c1 0.2"}), w)});
        const auto r = idx.resolve("a:a1", "c");
        REQUIRE(r.size() == 1);
        CHECK(r[0].direct());
        CHECK(r[0].relation == Relation::related);
        CHECK(r[0].confidence == doctest::Approx(0.2));
    }

    TEST_CASE("among composed paths the most confident is kept") {
        TinyWorld w;
        w.frameworks.emplace("d", tiny_framework("d", "  - {code: d1, name: Dee}\n"));
        CrosswalkIndex idx({checked(crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 0.5"}), w),
                            checked(crosswalk_yaml("bd", "b", "d", {"b:b1 exact d:d1 0.5"}), w),
                            checked(crosswalk_yaml("ac", "a", "c", {"a:a1 exact c:c1 0.9"}), w),
                            checked(crosswalk_yaml("cd", "c", "d", {"c:c1 close d:d1 0.9"}), w)});
        const auto r = idx.resolve("a:a1", "d");
        REQUIRE(r.size() == 1);
        CHECK(r[0].via == std::vector<std::string>{"c:c1"});
        CHECK(r[0].relation == Relation::close);  // exact∘close
        CHECK(r[0].confidence == doctest::Approx(0.81));
        // Three crosswalks deep needs three hops.
        CHECK(idx.resolve("b:b1", "c", 2).size() == 1);  // b→a→c or b→d→c
    }

    TEST_CASE("merging: the earlier crosswalk wins a conflict, which is reported") {
        TinyWorld w;
        auto user = checked(crosswalk_yaml("mine", "a", "b", {"a:a1 close b:b1 0.9"}), w);
        auto bundled = checked(crosswalk_yaml("ab", "b", "a", {"b:b1 broad a:a1 0.5", "b:b2 related a:a2 0.4"}), w);
        CrosswalkIndex idx({user, bundled});
        REQUIRE(idx.conflicts().items().size() == 1);
        CHECK(idx.conflicts().items()[0].code == "crosswalk-conflict");
        const auto r = idx.resolve("a:a1", "b");
        REQUIRE(r.size() == 1);
        CHECK(r[0].relation == Relation::close);
        CHECK(idx.resolve("a:a2", "b").size() == 1);  // the rest of the bundled one still counts
        // The same relation twice is no conflict.
        CrosswalkIndex same({user, checked(crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 0.5"}), w)});
        CHECK(same.conflicts().empty());
    }

    TEST_CASE("queries filter by relation and confidence and keep item order") {
        TinyWorld w;
        CrosswalkIndex idx({checked(
            crosswalk_yaml("ac", "a", "c", {"a:a1 related c:c3 0.3", "a:a1 close c:c1 0.8", "a:a2 broad c:c2 0.6"}),
            w)});
        MapFilter f;
        const auto all = query_map(idx, w.frameworks.at("a"), w.frameworks.at("c"), std::nullopt, f);
        REQUIRE(all.rows.size() == 3);
        CHECK(all.rows[0].mapping.to == "c:c1");  // c1 before c3 for the same source item
        f.relations = {Relation::close, Relation::broad};
        f.min_confidence = 0.7;
        const auto some = query_map(idx, w.frameworks.at("a"), w.frameworks.at("c"), std::nullopt, f);
        REQUIRE(some.rows.size() == 1);
        CHECK(some.rows[0].mapping.to == "c:c1");
    }

    TEST_CASE("SSSOM export then import gives the same crosswalk") {
        TinyWorld w;
        auto cw = checked(crosswalk_yaml("ab", "a", "b", {"a:a1 broad b:b1 0.85", "a:a2 related b:b1 0.3"},
                                         "version: \"2.1\"\nlicense: CC0-1.0\nbasis_note: \"Made up, with a tab\"\n"
                                         "unmapped:\n  - {item: \"b:b2\", reason: \"nothing, really\"}\n"),
                          w);
        CrosswalkIndex idx({cw});
        const auto tsv = export_sssom(idx, w.frameworks.at("a"), w.frameworks.at("b"));
        CHECK(tsv.find("license: https://creativecommons.org/publicdomain/zero/1.0/") != std::string::npos);
        auto imported = import_sssom(tsv, "ab.sssom.tsv");
        REQUIRE(imported.crosswalk);
        CHECK(imported.diagnostics.empty());
        // And through the YAML writer and reader again.
        auto again = load_crosswalk(render_crosswalk_yaml(*imported.crosswalk), "again.yaml");
        REQUIRE(again.crosswalk);
        const Crosswalk& x = *again.crosswalk;
        CHECK(x.id == cw->id);
        CHECK(x.title == cw->title);
        CHECK(x.version == "2.1");
        CHECK(x.license == "CC0-1.0");
        CHECK(x.basis == cw->basis);
        CHECK(x.basis_note == cw->basis_note);
        CHECK(x.frameworks == cw->frameworks);
        REQUIRE(x.mappings.size() == cw->mappings.size());
        for (std::size_t i = 0; i < x.mappings.size(); ++i) {
            CHECK(x.mappings[i].subject == cw->mappings[i].subject);
            CHECK(x.mappings[i].object == cw->mappings[i].object);
            CHECK(x.mappings[i].relation == cw->mappings[i].relation);
            CHECK(x.mappings[i].confidence == cw->mappings[i].confidence);
            CHECK(x.mappings[i].justification == cw->mappings[i].justification);
            CHECK(x.mappings[i].rationale == cw->mappings[i].rationale);
            CHECK(x.mappings[i].author == cw->mappings[i].author);
        }
        REQUIRE(x.unmapped.size() == 1);
        CHECK(x.unmapped[0].item == "b:b2");
        CHECK(x.unmapped[0].reason == "nothing, really");
    }

    TEST_CASE("SSSOM import reports what it cannot keep or read") {
        const std::string tsv =
            "# mapping_set_id: https://example.org/sets/x\n# creator_id: [orcid:1]\n# see_also: y\n"
            "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\tsubject_type\n"
            "a:a1\towl:equivalentClass\tb:b1\tsemapv:LexicalMatching\t0.5\towl class\n"
            "a:a2\tskos:closeMatch\tb:b2\tsemapv:LexicalMatching\t\towl class\n"
            "a:a2\tskos:closeMatch\tb:b2\n";
        const auto r = import_sssom(tsv, "x.sssom.tsv");
        CHECK_FALSE(r.crosswalk);
        std::vector<std::string> codes;
        for (const auto& d : r.diagnostics.items()) codes.push_back(d.code);
        std::string all;
        for (const auto& d : r.diagnostics.items()) all += format_diagnostic(d) + "\n";
        INFO(all);
        CHECK(codes == std::vector<std::string>{"sssom-not-kept", "sssom-not-kept", "sssom-not-kept",
                                                "unsupported-predicate", "confidence-range", "ragged-row",
                                                "missing-field"});
    }
}
