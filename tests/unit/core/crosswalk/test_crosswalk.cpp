#include "core/crosswalk/crosswalk.hpp"

#include "core/registry/bundled.hpp"
#include "crosswalk_fixtures.hpp"

#include <algorithm>

using namespace leadctl;
using namespace leadctl::testing;

namespace {

Diagnostics check(const std::string& text, const TinyWorld& w) {
    auto l = load_crosswalk(text, "cw.yaml");
    Diagnostics d = l.diagnostics;
    if (l.crosswalk) check_crosswalk(*l.crosswalk, w.lookup(), d);
    return d;
}

std::vector<std::string> codes(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(x.code);
    return out;
}

bool has(const Diagnostics& d, const std::string& code) {
    const auto c = codes(d);
    return std::find(c.begin(), c.end(), code) != c.end();
}

std::string message(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items()) {
        if (x.code == code) return x.message;
    }
    return {};
}

}  // namespace

TEST_SUITE("core::crosswalk") {
    TEST_CASE("a complete crosswalk checks clean and aliases become codes") {
        TinyWorld w;
        auto l = load_crosswalk(crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 0.8", "a:two broad b:b2 0.5"}), "cw");
        REQUIRE(l.crosswalk);
        Diagnostics d;
        check_crosswalk(*l.crosswalk, w.lookup(), d);
        CHECK(d.empty());
        CHECK(l.crosswalk->mappings[1].subject == "a:a2");
        CHECK(l.crosswalk->mappings[0].confidence == doctest::Approx(0.8));
    }

    TEST_CASE("unknown codes are reported with a suggestion") {
        TinyWorld w;
        const auto d = check(crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 0.8", "a:tow close b:b2 0.5"}), w);
        CHECK(message(d, "unknown-item") == "a has no item \"tow\" (did you mean \"two\"?)");
    }

    TEST_CASE("a pair written twice is a duplicate, with two relations a contradiction") {
        TinyWorld w;
        const auto dup = check(
            crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 0.8", "a:a1 close b:b1 0.6", "a:a2 close b:b2 0.5"}), w);
        CHECK(has(dup, "duplicate-mapping"));
        const auto contra = check(
            crosswalk_yaml("ab", "a", "b", {"a:a1 exact b:b1 0.8", "a:a1 broad b:b1 0.6", "a:a2 close b:b2 0.5"}), w);
        CHECK(message(contra, "contradiction") == "a:a1 and b:b1 are mapped as broad here but as exact at line 6");
    }

    TEST_CASE("an item mapped to itself, or the wrong way round, is an error") {
        TinyWorld w;
        CHECK(has(check(crosswalk_yaml("ab", "a", "b", {"a:a1 exact a:a1 0.8"}), w), "self-mapping"));
        CHECK(has(check(crosswalk_yaml("ab", "a", "b", {"b:b1 exact a:a1 0.8"}), w), "wrong-direction"));
        CHECK(has(check(crosswalk_yaml("ab", "a", "b", {"a:a1 exact c:c1 0.8"}), w), "unknown-framework"));
    }

    TEST_CASE("confidence outside 0-1 and unknown relations are refused") {
        TinyWorld w;
        const auto d =
            load_crosswalk(crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 1.5", "a:a2 broader b:b2 -1"}), "cw.yaml")
                .diagnostics;
        CHECK(codes(d) == std::vector<std::string>{"confidence-range", "invalid-value", "confidence-range"});
        CHECK(message(d, "invalid-value").find("did you mean \"broad\"") != std::string::npos);
    }

    TEST_CASE("coverage: every leaf or an ancestor is mapped, or listed as unmapped") {
        TinyWorld w;
        const auto partial = check(crosswalk_yaml("ab", "a", "b", {"a:a1 close b:b1 0.8"}), w);
        CHECK(codes(partial) == std::vector<std::string>{"uncovered-item", "uncovered-item"});  // a:a2, b:b2
        CHECK(message(partial, "uncovered-item") ==
              "1 leaf item of a appears in no mapping and is not listed under unmapped: a:a2");
        // A domain-level mapping covers the domain's leaves; `unmapped` covers the rest.
        const auto full = check(crosswalk_yaml("ab", "a", "b", {"a:a related b:b1 0.3"},
                                               "unmapped:\n  - {item: \"b:b2\", reason: no counterpart}\n"),
                                w);
        CHECK(full.empty());
        const auto both = check(crosswalk_yaml("ab", "a", "b", {"a:a related b:b1 0.3", "a:a1 close b:b2 0.5"},
                                               "unmapped:\n  - {item: \"b:b2\", reason: none}\n"),
                                w);
        CHECK(codes(both) == std::vector<std::string>{"unmapped-but-mapped"});
    }

    TEST_CASE("the bundled crosswalks check clean with full coverage") {
        std::map<std::string, Framework> fws;
        for (const auto& b : bundled_frameworks()) {
            auto l = load_framework(b.text, std::string(b.file));
            REQUIRE(l.framework);
            fws.emplace(std::string(b.id), *l.framework);
        }
        const FrameworkLookup lookup = [&](std::string_view id) -> const Framework* {
            auto it = fws.find(std::string(id));
            return it == fws.end() ? nullptr : &it->second;
        };
        REQUIRE(bundled_crosswalks().size() == 4);
        for (const auto& b : bundled_crosswalks()) {
            CAPTURE(b.id);
            auto l = load_crosswalk(b.text, std::string(b.file));
            REQUIRE(l.crosswalk);
            Diagnostics d = l.diagnostics;
            check_crosswalk(*l.crosswalk, lookup, d);
            for (const auto& x : d.items()) CAPTURE(format_diagnostic(x));
            CHECK(d.empty());
            CHECK(l.crosswalk->basis == "editorial");
            for (const auto& m : l.crosswalk->mappings) {
                CHECK_FALSE(m.rationale.empty());
                CHECK(m.justification == "manual-curation");
            }
        }
    }
}
