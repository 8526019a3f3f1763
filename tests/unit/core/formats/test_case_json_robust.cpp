// Bad CASE input never crashes the importer: every value of a real package is
// replaced, one at a time, by a value of every other JSON type, every member and
// element is removed, and the text is cut at every length. Each variant must give
// either a framework that exports and imports again, or errors with a position,
// and never an exception.
#include "core/formats/case_json.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace leadctl;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kSmall = R"(id: small
title: "Small framework"
edition: "1st"
publisher: "Example"
year: 2024
status: draft
completeness: complete
license: "CC0-1.0"
source:
  - citation: "Example. Small framework. 2024."
    url: "https://example.org/small"
scale:
  - id: basic
    name: "Basic"
    description: "Knows it"
  - id: expert
    name: "Expert"
items:
  - code: "1"
    name: "Self"
    type: domain
    description: "Knowing oneself."
    aliases: [self]
    items:
      - code: "1.1"
        name: "Awareness"
        type: element
        outcomes: ["Asks for feedback"]
        levels:
          basic: "notices"
          expert: "teaches"
        x:
          moodle.idnumber: "S-1"
  - code: "2"
    name: "Others"
    notes: "Teams."
profiles:
  - id: trainee
    name: "Trainee"
    requires: ["1.1"]
    level: basic
)";

Framework small() {
    auto l = load_framework(kSmall, "small.yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

/// Pointers to every value in `j`, containers included (the root excepted).
void pointers(const Json& j, const Json::json_pointer& at, std::vector<Json::json_pointer>& out) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            out.push_back(at / k);
            pointers(v, at / k, out);
        }
    } else if (j.is_array()) {
        for (std::size_t k = 0; k < j.size(); ++k) {
            out.push_back(at / k);
            pointers(j[k], at / k, out);
        }
    }
}

struct Tally {
    std::size_t accepted = 0;
    std::size_t rejected = 0;
};

/// Import `text`; it must not throw, and must give a framework that survives
/// export and re-import, or located errors.
void import_must_hold(const std::string& text, Tally& tally, const std::string& what) {
    CAPTURE(what);
    CaseImport r;
    REQUIRE_NOTHROW(r = import_case(text, "m.json"));
    if (r.framework) {
        ++tally.accepted;
        for (const char* version : {"1.0", "1.1"}) {
            CaseExportOptions o;
            o.version = version;
            CaseExport e;
            REQUIRE_NOTHROW(e = export_case(*r.framework, o));
            CaseImport again;
            REQUIRE_NOTHROW(again = import_case(e.text, "again.json"));
            CHECK(again.framework.has_value());
        }
        return;
    }
    ++tally.rejected;
    CHECK(r.diagnostics.has_errors());
    for (const auto& d : r.diagnostics.items()) {
        CHECK(d.location.file == "m.json");
        CHECK(d.location.line > 0);
        CHECK(d.location.column > 0);
    }
}

/// The small framework's package plus what foreign packages hold: a link to
/// another framework, a second parent, an item outside the tree without a coding
/// scheme, unmodelled fields, a rubric of another tool, definitions.
Json foreign_package() {
    auto pkg = Json::parse(export_case(small(), {}).text);
    const Json& items = pkg["CFItems"];
    auto node = [](const Json& obj) {
        return Json{{"title", "t"}, {"identifier", obj["identifier"]}, {"uri", obj["uri"]}};
    };
    pkg["CFItems"].push_back({{"identifier", "0f0f0f0f-0000-5000-8000-000000000001"},
                              {"fullStatement", "Outside the tree\r\nsecond line"},
                              {"uri", "https://example.org/x"},
                              {"conceptKeywords", {"a", "b"}},
                              {"lastChangeDateTime", "2020-01-01T00:00:00+00:00"}});
    pkg["CFAssociations"].push_back(
        {{"identifier", "0f0f0f0f-0000-5000-8000-000000000002"},
         {"associationType", "isRelatedTo"},
         {"uri", "https://example.org/a"},
         {"originNodeURI", node(items[0])},
         {"destinationNodeURI", {{"title", "other"}, {"identifier", "elsewhere"}, {"uri", "https://example.org/o"}}},
         {"lastChangeDateTime", "2020-01-01T00:00:00+00:00"}});
    pkg["CFAssociations"].push_back({{"identifier", "0f0f0f0f-0000-5000-8000-000000000003"},
                                     {"associationType", "isChildOf"},
                                     {"uri", "https://example.org/b"},
                                     {"originNodeURI", node(items[1])},
                                     {"destinationNodeURI", node(items[2])},
                                     {"sequenceNumber", 5},
                                     {"lastChangeDateTime", "2020-01-01T00:00:00+00:00"}});
    pkg["CFRubrics"].push_back({{"identifier", "0f0f0f0f-0000-5000-8000-000000000004"},
                                {"uri", "https://example.org/r"},
                                {"lastChangeDateTime", "2020-01-01T00:00:00+00:00"},
                                {"CFRubricCriteria", Json::array({{{"identifier", "c"}, {"position", 1}}})}});
    pkg["CFDefinitions"] = {{"CFSubjects", Json::array()}};
    return pkg;
}

/// Every value of `pkg` replaced by a value of every other JSON type, and every
/// member or element removed, one at a time.
void mutate_all(const Json& pkg) {
    std::vector<Json::json_pointer> all;
    pointers(pkg, Json::json_pointer(), all);
    REQUIRE(all.size() > 150);
    const Json others[] = {nullptr, 0, -1, 2.5, "", "zz", true, Json::array(), Json::object(), Json::array({1})};
    Tally tally;
    for (const auto& p : all) {
        for (const auto& v : others) {
            Json m = pkg;
            m[p] = v;
            import_must_hold(m.dump(), tally, p.to_string() + " = " + v.dump());
        }
        Json m = pkg;
        const auto parent = p.parent_pointer();
        if (m[parent].is_object()) {
            m[parent].erase(p.back());
        } else {
            m[parent].erase(static_cast<std::size_t>(std::stoul(p.back())));
        }
        import_must_hold(m.dump(), tally, "without " + p.to_string());
    }
    MESSAGE(all.size() << " values; " << tally.accepted << " variants accepted, " << tally.rejected
                       << " rejected with located errors");
    // Both outcomes occur: the test reaches the error paths and the keeping paths.
    CHECK(tally.accepted > 100);
    CHECK(tally.rejected > 100);
}

}  // namespace

TEST_SUITE("core::case_json robustness") {
    TEST_CASE("every value of a package replaced by every other JSON type, and every member removed") {
        mutate_all(Json::parse(export_case(small(), {}).text));
    }

    TEST_CASE("the same for a package with links, a second parent, an outside item and foreign parts") {
        const auto pkg = foreign_package();
        // As it is, it imports: the extra parts are kept, the outside item is a warning.
        const auto r = import_case(pkg.dump(), "foreign.json");
        REQUIRE(r.framework);
        CHECK(r.losses.size() == 1);
        const auto back = Json::parse(export_case(*r.framework, {}).text);
        for (const char* id : {"0f0f0f0f-0000-5000-8000-000000000002", "0f0f0f0f-0000-5000-8000-000000000003"}) {
            CHECK(std::count_if(back["CFAssociations"].begin(), back["CFAssociations"].end(),
                                [&](const Json& a) { return a["identifier"] == id; }) == 1);
        }
        CHECK(back["CFRubrics"].back() == pkg["CFRubrics"].back());
        CHECK(back["CFDefinitions"] == pkg["CFDefinitions"]);
        mutate_all(pkg);
    }

    TEST_CASE("a package cut at every length is a located JSON error, never a crash") {
        const auto text = export_case(small(), {}).text;
        Tally tally;
        for (std::size_t n = 0; n < text.size(); n += 7) import_must_hold(text.substr(0, n), tally, std::to_string(n));
        CHECK(tally.accepted == 0);
        CHECK(tally.rejected > 100);
    }
}

TEST_SUITE("core::case_json robustness") {
    TEST_CASE("a parent cycle above the first item is found once, and nothing is dropped quietly") {
        // C (first in the file) lies under A; A and B lie under each other.
        auto item = [](const char* id, const char* code) {
            return Json{{"identifier", id},
                        {"uri", std::string("https://example.org/") + id},
                        {"lastChangeDateTime", "2024-01-01T00:00:00+00:00"},
                        {"humanCodingScheme", code},
                        {"fullStatement", code}};
        };
        auto child_of = [](const char* id, const Json& child, const Json& parent) {
            auto node = [](const Json& o) {
                return Json{{"title", "t"}, {"identifier", o["identifier"]}, {"uri", o["uri"]}};
            };
            return Json{{"identifier", id},
                        {"associationType", "isChildOf"},
                        {"uri", std::string("https://example.org/") + id},
                        {"originNodeURI", node(child)},
                        {"destinationNodeURI", node(parent)},
                        {"lastChangeDateTime", "2024-01-01T00:00:00+00:00"}};
        };
        const Json c = item("cccccccc-0000-5000-8000-000000000003", "C");
        const Json a = item("aaaaaaaa-0000-5000-8000-000000000001", "A");
        const Json b = item("bbbbbbbb-0000-5000-8000-000000000002", "B");
        Json pkg = {{"CFDocument",
                     {{"identifier", "dddddddd-0000-5000-8000-000000000000"},
                      {"uri", "https://example.org/d"},
                      {"creator", "x"},
                      {"title", "T"},
                      {"lastChangeDateTime", "2024-01-01T00:00:00+00:00"}}},
                    {"CFItems", {c, a, b}},
                    {"CFAssociations",
                     {child_of("e0000000-0000-5000-8000-000000000001", c, a),
                      child_of("e0000000-0000-5000-8000-000000000002", a, b),
                      child_of("e0000000-0000-5000-8000-000000000003", b, a)}}};
        const auto r = import_case(pkg.dump(2), "cycle.json");
        CHECK_FALSE(r.framework);
        REQUIRE(r.diagnostics.error_count() == 1);
        const auto& d = r.diagnostics.items().front();
        CHECK(d.code == "parent-cycle");
        CHECK(d.message == "parent cycle: A under B under A");
        CHECK(d.location.line > 1);
    }
}
