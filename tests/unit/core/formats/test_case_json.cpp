// The CASE (1EdTech CFPackage JSON) converter, held to the contract in
// core/formats/case_json.hpp: export of a small framework field by field, determinism,
// round trips (ours -> CASE -> ours), crosswalk links, foreign packages kept as
// they were read, located errors, inputs that must not crash, and OpenSALT's
// packages from ../shared/fixtures/case (read in place, skipped when absent).
#include "core/formats/case_json.hpp"

#include "core/formats/render_framework.hpp"
#include "core/model/codes.hpp"
#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"
#include "core/util/json_parse.hpp"
#include "core/util/uuid.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

using namespace leadctl;
using leadctl::testing::bundled;
using leadctl::testing::shared_fixture;

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr std::string_view kStamp = "2024-05-06T07:08:09+00:00";
const std::string kDemoUri = "https://example.org/frameworks/demo";

// ---------------------------------------------------------------- frameworks

/// Two domains with children, a scale of three levels, level headings on 1.1,
/// aliases, outcomes, notes, a profile and x: keys of another format.
constexpr std::string_view kDemoYaml = R"(id: demo
title: "Demo Leadership Framework"
edition: "2nd edition"
publisher: "Example Deanery"
year: 2024
uri: "https://example.org/frameworks/demo"
source:
  - citation: "Example Deanery. Demo Leadership Framework. 2024."
    url: "https://example.org/demo.pdf"
status: draft
completeness: complete
description: "Leadership expected of trainees, in two domains."
notes: "Framework notes."
license: "CC0-1.0"
x:
  moodle.idnumber: "DEMO"
scale:
  - id: foundation
    name: "Foundation"
  - id: core
    name: "Core practice"
    description: "Works without supervision."
  - id: expert
    name: "Expert"
items:
  - code: "1"
    name: "Leading Yourself"
    type: domain
    aliases: [leading-yourself]
    items:
      - code: "1.1"
        name: "Self Awareness"
        type: element
        description: "Knowing one's values and effect on others."
        notes: "Item notes."
        outcomes:
          - "Seeks feedback and acts on it."
        levels:
          expert: "helps others know theirs"
          foundation: "knows own strengths"
        x:
          moodle.idnumber: "D-1.1"
      - code: "1.2"
        name: "Resilience"
        type: element
  - code: "2"
    name: "Leading Others"
    type: domain
    description: "Leading Others\nin teams and across them."
    items:
      - code: "2.1"
        name: "Team Work"
profiles:
  - id: trainee
    name: "Trainee"
    requires: ["1.1", leading-yourself]
    level: foundation
)";

Framework load(std::string_view yaml) {
    auto l = load_framework(yaml, "t.yaml");
    for (const auto& d : l.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(l.framework);
    return *l.framework;
}

Framework demo() {
    return load(kDemoYaml);
}

// ---------------------------------------------------------------- export and import

CaseExport export_with(const Framework& fw, const std::string& version = "1.1", std::vector<CaseLink> links = {},
                       std::string timestamp = std::string(kStamp)) {
    CaseExportOptions o;
    o.version = version;
    o.timestamp = std::move(timestamp);
    o.links = std::move(links);
    return export_case(fw, o);
}

/// Export stamped as the CLI stamps it without SOURCE_DATE_EPOCH.
CaseExport export_plain(const Framework& fw, const std::string& version = "1.1") {
    return export_with(fw, version, {}, case_timestamp(fw, std::nullopt));
}

Json parse(const std::string& text) {
    auto j = Json::parse(text, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

/// An import that must succeed.
CaseImport import_ok(const std::string& text) {
    auto r = import_case(text, "p.json");
    for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(r.framework);
    return r;
}

Framework imported(const std::string& text) {
    return *import_ok(text).framework;
}

std::string yaml_of(const Framework& fw) {
    return render_yaml(fw, -1, {});
}

// ---------------------------------------------------------------- looking into results

std::string derived(const std::string& name) {
    return uuid5(kCaseNamespace, name);
}

std::string item_id(const std::string& doc_uri, const std::string& code) {
    return derived(doc_uri + "#item/" + code);
}

std::string child_of_id(const std::string& origin, const std::string& destination) {
    return derived(origin + "|isChildOf|" + destination);
}

/// The member of a list of CASE objects with this identifier.
const Json& by_id(const Json& list, const std::string& identifier) {
    for (const auto& o : list) {
        if (o.value("identifier", "") == identifier) return o;
    }
    FAIL("no object " << identifier);
    static const Json none;
    return none;
}

/// The item with this code.
const Item& item_of(const Framework& fw, std::string_view code) {
    const auto* it = fw.item(code);
    REQUIRE(it);
    return *it;
}

/// The isChildOf association whose origin is `identifier`.
const Json& child_of(const Json& pkg, const std::string& identifier) {
    for (const auto& a : pkg["CFAssociations"]) {
        if (a["associationType"] == "isChildOf" && a["originNodeURI"]["identifier"] == identifier) return a;
    }
    FAIL("no isChildOf from " << identifier);
    static const Json none;
    return none;
}

std::vector<std::string> association_types(const Json& pkg) {
    std::vector<std::string> out;
    for (const auto& a : pkg["CFAssociations"]) out.push_back(a["associationType"].get<std::string>());
    return out;
}

std::string x_or_none(const Extra& x, std::string_view key) {
    const auto* v = find_extra(x, key);
    return v ? *v : "(none)";
}

/// Every x: key starting "case." of the framework, its scale levels and items.
std::vector<std::string> case_keys(const Framework& fw) {
    std::vector<std::string> out;
    auto scan = [&](const Extra& x, const std::string& where) {
        for (const auto& [k, v] : x) {
            if (k.starts_with("case.")) out.push_back(where + ": " + k + " = " + v);
        }
    };
    scan(fw.extra, "framework");
    for (const auto& l : fw.scale) scan(l.extra, "level " + l.id);
    for (const auto& it : fw.items) scan(it.extra, "item " + it.code);
    return out;
}

bool any_contains(const std::vector<std::string>& lines, std::string_view part) {
    for (const auto& l : lines) {
        if (l.find(part) != std::string::npos) return true;
    }
    return false;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

/// Objects of a list keyed by identifier, to compare lists as sets.
std::map<std::string, Json> keyed(const Json& list) {
    std::map<std::string, Json> out;
    for (const auto& o : list) out[o.value("identifier", "")] = o;
    return out;
}

// ---------------------------------------------------------------- errors

/// "LINE:COLUMN [code]" of the first error (in file order) of an import that must fail.
std::string first_error(const std::string& text) {
    const auto r = import_case(text, "bad.json");
    CHECK_FALSE(r.framework.has_value());
    for (const auto& d : r.diagnostics.items()) {
        if (d.severity == Severity::error) {
            MESSAGE(format_diagnostic(d));
            CHECK(d.location.file == "bad.json");
            return std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " [" + d.code + "]";
        }
    }
    FAIL("no error");
    return {};
}

/// The start of a package whose next item is on line 5.
constexpr std::string_view kHead = R"({
  "CFDocument": {"identifier": "doc", "uri": "https://example.org/CFDocuments/doc", "title": "T"},
  "CFItems": [
    {"identifier": "a", "fullStatement": "Alpha"},
)";

/// The first error with this code, or nullptr.
const Diagnostic* error_with(const CaseImport& r, std::string_view code) {
    for (const auto& d : r.diagnostics.items()) {
        if (d.severity == Severity::error && d.code == code) return &d;
    }
    return nullptr;
}

// ---------------------------------------------------------------- foreign packages

const std::string kDocUri = "https://example.org/CFDocuments/doc";

/// A package of another tool: document "doc", the given items and associations, and
/// `more` (",\n  KEY: VALUE ...") after them.
std::string package(const std::vector<std::string>& items, const std::vector<std::string>& associations,
                    const std::string& more = "") {
    std::string s = "{\n  \"CFDocument\": {\"identifier\": \"doc\", \"uri\": \"" + kDocUri +
                    "\", \"creator\": \"Someone\", \"title\": \"Foreign Framework\"},\n  \"CFItems\": [";
    for (std::size_t k = 0; k < items.size(); ++k) s += (k ? ",\n    " : "\n    ") + items[k];
    s += "\n  ],\n  \"CFAssociations\": [";
    for (std::size_t k = 0; k < associations.size(); ++k) s += (k ? ",\n    " : "\n    ") + associations[k];
    s += "\n  ]" + more + "\n}\n";
    return s;
}

/// {"identifier": ID, "uri": ..., FIELDS}
std::string item(const std::string& id, const std::string& fields) {
    return "{\"identifier\": \"" + id + "\", \"uri\": \"https://example.org/CFItems/" + id + "\", " + fields + "}";
}

std::string node(const std::string& id) {
    const bool doc = id == "doc";
    return "{\"title\": \"" + id + "\", \"identifier\": \"" + id + "\", \"uri\": \"https://example.org/" +
           (doc ? "CFDocuments/" : "CFItems/") + id + "\"}";
}

/// An association ID of TYPE from ORIGIN to DESTINATION, with a sequence number when >= 0.
std::string association(const std::string& id, const std::string& type, const std::string& origin,
                        const std::string& destination, int sequence = -1) {
    std::string s = "{\"identifier\": \"" + id + "\", \"associationType\": \"" + type +
                    "\", \"originNodeURI\": " + node(origin) + ", \"destinationNodeURI\": " + node(destination);
    if (sequence >= 0) s += ", \"sequenceNumber\": " + std::to_string(sequence);
    return s + "}";
}

std::string parent(const std::string& child, const std::string& destination, int sequence = -1) {
    return association("as-" + child, "isChildOf", child, destination, sequence);
}

/// The codes of the framework's items in tree order.
std::vector<std::string> codes(const Framework& fw) {
    std::vector<std::string> out;
    for (const auto& it : fw.items) out.push_back(it.code);
    return out;
}

}  // namespace

TEST_SUITE("core::case_json") {
    // ================================================================ export

    TEST_CASE("case export: the CFDocument of a framework, in CASE 1.1") {
        const auto fw = demo();
        const auto out = export_with(fw);
        const auto pkg = parse(out.text);
        const auto& d = pkg["CFDocument"];
        CHECK(d["identifier"] == derived(kDemoUri));
        CHECK(is_case_uuid(d["identifier"].get<std::string>()));
        CHECK(d["uri"] == kDemoUri);
        CHECK(d["title"] == "Demo Leadership Framework");
        CHECK(d["creator"] == "Example Deanery");
        CHECK(d["publisher"] == "Example Deanery");
        CHECK(d["description"] == "Leadership expected of trainees, in two domains.");
        CHECK(d["notes"] == "Framework notes.");
        CHECK(d["version"] == "2nd edition");
        CHECK(d["adoptionStatus"] == "Draft");
        CHECK(d["caseVersion"] == "1.1");
        CHECK(d["lastChangeDateTime"] == kStamp);
        // Fields in the order of the specification.
        const auto ordered = OrderedJson::parse(out.text);
        std::vector<std::string> keys;
        for (const auto& [k, v] : ordered["CFDocument"].items()) keys.push_back(k);
        CHECK(keys == std::vector<std::string>{"identifier", "uri", "caseVersion", "creator", "title",
                                               "lastChangeDateTime", "publisher", "description", "version",
                                               "adoptionStatus", "notes", "extensions"});
        std::vector<std::string> top;
        for (const auto& [k, v] : ordered.items()) top.push_back(k);
        CHECK(top == std::vector<std::string>{"CFDocument", "CFItems", "CFAssociations", "CFRubrics"});
        CHECK(out.warnings.empty());
        CHECK(out.losses.empty());
    }

    TEST_CASE("case export: adoptionStatus follows the status, and x: case.adoptionStatus wins") {
        const std::map<std::string, std::string> expected{{"published", "Adopted"},
                                                          {"draft", "Draft"},
                                                          {"historical", "Deprecated"},
                                                          {"superseded", "Deprecated"},
                                                          {"withdrawn", "Deprecated"}};
        for (const auto& [status, adoption] : expected) {
            CAPTURE(status);
            auto fw = demo();
            fw.status = status;
            CHECK(parse(export_with(fw).text)["CFDocument"]["adoptionStatus"] == adoption);
            CHECK(parse(export_with(fw, "1.0").text)["CFDocument"]["adoptionStatus"] == adoption);
        }
        auto fw = demo();
        fw.status.clear();
        CHECK_FALSE(parse(export_with(fw).text)["CFDocument"].contains("adoptionStatus"));
        fw.status = "draft";
        fw.extra.emplace_back("case.adoptionStatus", "Private Draft");
        CHECK(parse(export_with(fw).text)["CFDocument"]["adoptionStatus"] == "Private Draft");
    }

    TEST_CASE("case export: creator is x: case.creator, else the publisher, else leadctl") {
        auto fw = demo();
        fw.extra.emplace_back("case.creator", "Someone Else");
        CHECK(parse(export_with(fw).text)["CFDocument"]["creator"] == "Someone Else");
        fw = demo();
        CHECK(parse(export_with(fw).text)["CFDocument"]["creator"] == "Example Deanery");
        fw.publisher.clear();
        const auto d = parse(export_with(fw).text)["CFDocument"];
        CHECK(d["creator"] == "leadctl");
        CHECK_FALSE(d.contains("publisher"));
    }

    TEST_CASE("case export: CFItems in tree order with code, statements and type") {
        const auto fw = demo();
        const auto pkg = parse(export_with(fw).text);
        const auto& items = pkg["CFItems"];
        REQUIRE(items.size() == 5);
        const std::vector<std::string> order{"1", "1.1", "1.2", "2", "2.1"};
        for (std::size_t k = 0; k < order.size(); ++k) {
            CAPTURE(order[k]);
            const auto& i = items[k];
            CHECK(i["humanCodingScheme"] == order[k]);
            CHECK(i["identifier"] == item_id(kDemoUri, order[k]));
            CHECK(i["uri"] == kDemoUri + "/CFItems/" + item_id(kDemoUri, order[k]));
            CHECK(i["lastChangeDateTime"] == kStamp);
            CHECK(i["identifier"] == case_item_identifier(fw, fw.find(order[k])));
            CHECK(i["uri"] == case_item_uri(fw, fw.find(order[k])));
        }
        // Only a description gives a fullStatement other than the name; the name is
        // an abbreviatedStatement only when it is not the fullStatement's first line.
        CHECK(items[0]["fullStatement"] == "Leading Yourself");
        CHECK_FALSE(items[0].contains("abbreviatedStatement"));
        CHECK(items[1]["fullStatement"] == "Knowing one's values and effect on others.");
        CHECK(items[1]["abbreviatedStatement"] == "Self Awareness");
        CHECK(items[2]["fullStatement"] == "Resilience");
        CHECK_FALSE(items[2].contains("abbreviatedStatement"));
        CHECK(items[3]["fullStatement"] == "Leading Others\nin teams and across them.");
        CHECK_FALSE(items[3].contains("abbreviatedStatement"));
        CHECK(items[0]["CFItemType"] == "domain");
        CHECK(items[1]["CFItemType"] == "element");
        CHECK_FALSE(items[4].contains("CFItemType"));
        CHECK(items[1]["notes"] == "Item notes.");
        CHECK_FALSE(items[0].contains("notes"));
    }

    TEST_CASE("case export: the tree as isChildOf associations numbered 1..n among siblings") {
        const auto fw = demo();
        const auto pkg = parse(export_with(fw).text);
        const auto& as = pkg["CFAssociations"];
        REQUIRE(as.size() == 5);
        const std::string doc = derived(kDemoUri);
        // child, parent ("" = the document), position
        const std::vector<std::tuple<std::string, std::string, int>> tree{
            {"1", "", 1}, {"1.1", "1", 1}, {"1.2", "1", 2}, {"2", "", 2}, {"2.1", "2", 1}};
        for (std::size_t k = 0; k < tree.size(); ++k) {
            const auto& [code, up, position] = tree[k];
            CAPTURE(code);
            const auto& a = as[k];
            const std::string origin = item_id(kDemoUri, code);
            const std::string destination = up.empty() ? doc : item_id(kDemoUri, up);
            CHECK(a["associationType"] == "isChildOf");
            CHECK(a["sequenceNumber"] == position);
            CHECK(a["identifier"] == child_of_id(origin, destination));
            CHECK(a["uri"] == kDemoUri + "/CFAssociations/" + child_of_id(origin, destination));
            CHECK(a["lastChangeDateTime"] == kStamp);
            CHECK(a["originNodeURI"] ==
                  Json{{"title", code}, {"identifier", origin}, {"uri", kDemoUri + "/CFItems/" + origin}});
            CHECK(a["destinationNodeURI"]["identifier"] == destination);
            if (up.empty()) {
                CHECK(a["destinationNodeURI"] ==
                      Json{{"title", "Demo Leadership Framework"}, {"identifier", doc}, {"uri", kDemoUri}});
            } else {
                CHECK(a["destinationNodeURI"]["uri"] == kDemoUri + "/CFItems/" + destination);
                CHECK(a["destinationNodeURI"]["title"] == up);
            }
        }
        // The identifier of an association is uuid5(N, ORIGIN|TYPE|DESTINATION), spelt out once.
        CHECK(as[0]["identifier"] ==
              uuid5("09703e1b-9b32-5ca5-88ca-249c1f1672ca", item_id(kDemoUri, "1") + "|isChildOf|" + doc));
    }

    TEST_CASE("case export: a framework without a uri gets https://leadctl.invalid/frameworks/ID") {
        auto fw = demo();
        fw.uri.clear();
        const std::string u = "https://leadctl.invalid/frameworks/demo";
        CHECK(case_document_uri(fw) == u);
        const auto pkg = parse(export_with(fw).text);
        CHECK(pkg["CFDocument"]["uri"] == u);
        CHECK(pkg["CFDocument"]["identifier"] == derived(u));
        CHECK(pkg["CFItems"][0]["identifier"] == item_id(u, "1"));
        CHECK(pkg["CFItems"][0]["uri"] == u + "/CFItems/" + item_id(u, "1"));
        CHECK(case_item_uri(fw, 0) == u + "/CFItems/" + item_id(u, "1"));
    }

    TEST_CASE("case export: object uris drop a trailing /CFDocuments/ID from the document uri") {
        auto fw = demo();
        fw.extra.emplace_back("case.identifier", "doc-id");
        fw.uri = "https://case.example.org/ims/case/v1p0/CFDocuments/doc-id";
        const auto pkg = parse(export_with(fw).text);
        CHECK(pkg["CFDocument"]["identifier"] == "doc-id");
        CHECK(pkg["CFDocument"]["uri"] == fw.uri);
        const std::string id = item_id(fw.uri, "1");
        CHECK(pkg["CFItems"][0]["uri"] == "https://case.example.org/ims/case/v1p0/CFItems/" + id);
        CHECK(pkg["CFRubrics"][0]["uri"] ==
              "https://case.example.org/ims/case/v1p0/CFRubrics/" + derived(fw.uri + "#rubric/scale"));
    }

    TEST_CASE("case export: the scale and the level headings as one CFRubric") {
        const auto fw = demo();
        const auto pkg = parse(export_with(fw).text);
        REQUIRE(pkg["CFRubrics"].size() == 1);
        const auto& r = pkg["CFRubrics"][0];
        const std::string rubric = derived(kDemoUri + "#rubric/scale");
        CHECK(r["identifier"] == rubric);
        CHECK(r["uri"] == kDemoUri + "/CFRubrics/" + rubric);
        CHECK(r["lastChangeDateTime"] == kStamp);
        const auto& criteria = r["CFRubricCriteria"];
        REQUIRE(criteria.size() == 2);

        const auto& scale = criteria[0];
        const std::string scale_id = derived(kDemoUri + "#rubric/scale/levels");
        CHECK(scale["identifier"] == scale_id);
        CHECK(scale["uri"] == kDemoUri + "/CFRubricCriteria/" + scale_id);
        CHECK(scale["category"] == "scale");
        CHECK(scale["position"] == 1);
        CHECK(scale["rubricId"] == rubric);
        CHECK_FALSE(scale.contains("CFItemURI"));
        const auto& levels = scale["CFRubricCriterionLevels"];
        REQUIRE(levels.size() == 3);
        const std::vector<std::pair<std::string, std::string>> names{
            {"foundation", "Foundation"}, {"core", "Core practice"}, {"expert", "Expert"}};
        for (std::size_t k = 0; k < 3; ++k) {
            CAPTURE(k);
            const std::string id = derived(kDemoUri + "#rubric/scale/level/" + std::to_string(k + 1));
            CHECK(levels[k]["identifier"] == id);
            CHECK(levels[k]["uri"] == kDemoUri + "/CFRubricCriterionLevels/" + id);
            CHECK(levels[k]["quality"] == names[k].second);
            CHECK(levels[k]["position"] == k + 1);
            CHECK(levels[k]["score"] == k + 1);
            CHECK(levels[k]["rubricCriterionId"] == scale_id);
        }
        CHECK(levels[1]["description"] == "Works without supervision.");
        CHECK_FALSE(levels[0].contains("description"));

        const auto& headings = criteria[1];
        const std::string item = item_id(kDemoUri, "1.1");
        const std::string cid = derived(item + "#levels");
        CHECK(headings["identifier"] == cid);
        CHECK(headings["position"] == 2);
        CHECK(headings["rubricId"] == rubric);
        CHECK(headings["CFItemURI"]["identifier"] == item);
        CHECK(headings["CFItemURI"]["uri"] == kDemoUri + "/CFItems/" + item);
        const auto& hl = headings["CFRubricCriterionLevels"];
        REQUIRE(hl.size() == 2);  // in scale order, whatever the file's order
        CHECK(hl[0]["identifier"] == derived(item + "#level/1"));
        CHECK(hl[0]["quality"] == "Foundation");
        CHECK(hl[0]["description"] == "knows own strengths");
        CHECK(hl[0]["position"] == 1);
        CHECK(hl[1]["identifier"] == derived(item + "#level/3"));
        CHECK(hl[1]["quality"] == "Expert");
        CHECK(hl[1]["description"] == "helps others know theirs");
        CHECK(hl[1]["position"] == 3);
        CHECK(hl[1]["rubricCriterionId"] == cid);
    }

    TEST_CASE("case export: a framework without a scale has no CFRubrics") {
        auto fw = load(R"(id: tiny
title: "Tiny"
items:
  - code: a
    name: "A"
)");
        const auto pkg = parse(export_with(fw).text);
        CHECK_FALSE(pkg.contains("CFRubrics"));
        CHECK(pkg["CFDocument"]["creator"] == "leadctl");
        CHECK_FALSE(pkg["CFDocument"].contains("adoptionStatus"));
        CHECK_FALSE(pkg["CFDocument"].contains("version"));
    }

    TEST_CASE("case export 1.1: extensions.leadctl holds what CASE has no field for") {
        const auto pkg = parse(export_with(demo()).text);
        const auto& e = pkg["CFDocument"]["extensions"]["leadctl"];
        CHECK(e["id"] == "demo");
        CHECK(e["year"] == 2024);
        CHECK(e["status"] == "draft");
        CHECK(e["completeness"] == "complete");
        CHECK(e["license"] == "CC0-1.0");
        CHECK(e["sources"] == Json::parse(R"([{"citation": "Example Deanery. Demo Leadership Framework. 2024.",
                               "url": "https://example.org/demo.pdf"}])"));
        CHECK(e["scale"] == Json::parse(R"([{"id": "foundation"}, {"id": "core"}, {"id": "expert"}])"));
        CHECK(e["profiles"] == Json::parse(R"([{"id": "trainee", "name": "Trainee",
                                                "requires": ["1.1", "1"], "level": "foundation"}])"));
        CHECK(e["x"] == Json{{"moodle.idnumber", "DEMO"}});
        const auto& items = pkg["CFItems"];
        CHECK(items[0]["extensions"]["leadctl"] == Json{{"aliases", {"leading-yourself"}}});
        CHECK(items[1]["extensions"]["leadctl"] ==
              Json{{"outcomes", {"Seeks feedback and acts on it."}}, {"x", {{"moodle.idnumber", "D-1.1"}}}});
        CHECK_FALSE(items[2].contains("extensions"));
    }

    TEST_CASE("case export 1.0: no 1.1 fields, and a loss for each thing CASE 1.0 cannot hold") {
        const auto out = export_with(demo(), "1.0");
        const auto pkg = parse(out.text);
        CHECK(out.text.find("extensions") == std::string::npos);
        CHECK(out.text.find("caseVersion") == std::string::npos);
        CHECK(out.text.find("leadctl") == std::string::npos);
        CHECK_FALSE(pkg["CFDocument"].contains("caseVersion"));
        CHECK(pkg["CFDocument"]["version"] == "2nd edition");
        CHECK(pkg["CFDocument"]["identifier"] == derived(kDemoUri));  // the same identifiers in both versions
        CHECK(pkg["CFItems"][1]["identifier"] == item_id(kDemoUri, "1.1"));
        CHECK(pkg["CFRubrics"].size() == 1);
        const auto& l = out.losses;
        INFO(joined(l));
        CHECK(any_contains(l, "the framework id \"demo\""));
        CHECK(any_contains(l, "the year 2024"));
        CHECK(any_contains(l, "the status \"draft\""));
        CHECK(any_contains(l, "completeness \"complete\""));
        CHECK(any_contains(l, "the license \"CC0-1.0\""));
        CHECK(any_contains(l, "1 source citation"));
        CHECK(any_contains(l, "1 profile (trainee)"));
        CHECK(any_contains(l, "the scale level id \"core\" (read back as \"core-practice\")"));
        CHECK_FALSE(any_contains(l, "\"foundation\""));
        CHECK(any_contains(l, "x: fields of other formats on the framework"));
        CHECK(any_contains(l, "aliases (of 1 item)"));
        CHECK(any_contains(l, "outcomes (of 1 item)"));
        CHECK(any_contains(l, "x: fields of other formats (of 1 item)"));
        CHECK(l.size() == 12);
        CHECK(export_with(demo(), "1.1").losses.empty());
    }

    TEST_CASE("case export: the same framework gives the same bytes every time") {
        const auto fw = demo();
        for (const std::string v : {"1.0", "1.1"}) {
            CAPTURE(v);
            const auto a = export_with(fw, v);
            const auto b = export_with(demo(), v);
            CHECK(a.text == b.text);
            CHECK(a.losses == b.losses);
            REQUIRE_FALSE(a.text.empty());
            CHECK(a.text.back() == '\n');
            CHECK(a.text.find("\n  \"CFDocument\": {\n    \"identifier\"") != std::string::npos);  // pretty, 2 spaces
        }
        for (const auto& b : bundled_frameworks()) {
            CAPTURE(b.id);
            CHECK(export_plain(load(b.text)).text == export_plain(load(b.text)).text);
        }
    }

    TEST_CASE("case timestamp: SOURCE_DATE_EPOCH, else 1 January of the year, else the Unix epoch") {
        auto fw = demo();
        CHECK(case_timestamp(fw, 1700000000LL) == "2023-11-14T22:13:20+00:00");
        CHECK(case_timestamp(fw, 0LL) == "1970-01-01T00:00:00+00:00");
        CHECK(case_timestamp(fw, std::nullopt) == "2024-01-01T00:00:00+00:00");
        fw.year.reset();
        CHECK(case_timestamp(fw, std::nullopt) == "1970-01-01T00:00:00+00:00");
        CHECK(case_timestamp(fw, 951782400LL) == "2000-02-29T00:00:00+00:00");
        fw.year = 1999;
        const auto pkg = parse(export_plain(fw).text);
        CHECK(pkg["CFDocument"]["lastChangeDateTime"] == "1999-01-01T00:00:00+00:00");
        CHECK(pkg["CFItems"][0]["lastChangeDateTime"] == "1999-01-01T00:00:00+00:00");
        CHECK(pkg["CFAssociations"][0]["lastChangeDateTime"] == "1999-01-01T00:00:00+00:00");
        CHECK(pkg["CFRubrics"][0]["lastChangeDateTime"] == "1999-01-01T00:00:00+00:00");
    }

    // ================================================================ round trips

    TEST_CASE("case round trip: framework -> CASE 1.1 -> framework renders the same YAML, without case. keys") {
        const auto fw = demo();
        const auto r = import_ok(export_plain(fw).text);
        const auto& back = *r.framework;
        CHECK(yaml_of(back) == yaml_of(fw));
        INFO(joined(case_keys(back)));
        CHECK(case_keys(back).empty());
        CHECK(r.losses.empty());
        CHECK(r.diagnostics.empty());
        // And written again, the same package.
        CHECK(export_plain(back).text == export_plain(fw).text);
    }

    TEST_CASE("case round trip: the four bundled frameworks -> CASE 1.1 -> the same YAML") {
        REQUIRE(bundled_frameworks().size() == 4);
        for (const auto& b : bundled_frameworks()) {
            CAPTURE(b.id);
            const auto fw = load(b.text);
            const auto out = export_plain(fw);
            CHECK(out.losses.empty());
            CHECK(out.warnings.empty());
            const auto r = import_ok(out.text);
            CHECK(r.diagnostics.empty());
            CHECK(r.losses.empty());
            CHECK(yaml_of(*r.framework) == yaml_of(fw));
            const auto keys = case_keys(*r.framework);
            INFO(joined(keys));
            CHECK(keys.empty());
        }
    }

    TEST_CASE("case round trip: CASE 1.0 export -> import -> export 1.0 gives the same bytes") {
        for (const auto& b : bundled_frameworks()) {
            CAPTURE(b.id);
            const auto once = export_plain(load(b.text), "1.0").text;
            CHECK(export_plain(imported(once), "1.0").text == once);
        }
    }

    TEST_CASE(
        "case round trip: CASE 1.0 keeps the rubric identifiers of a scale level whose id is not its name's "
        "slug") {
        // Was a bug: 1.0 has no extensions.leadctl.scale, so import names the level "core"
        // (named "Core practice") "core-practice" (reported as a loss), and export then
        // derives the rubric level identifiers from the new id: uuid5(U
        // "#rubric/scale/level/core") becomes uuid5(U "#rubric/scale/level/core-practice").
        // Imported identifiers are never to be re-minted.
        const auto once = export_plain(demo(), "1.0").text;
        CHECK(export_plain(imported(once), "1.0").text == once);
    }

    TEST_CASE("case round trip: an export stamped with SOURCE_DATE_EPOCH writes the same stamp back") {
        const auto fw = demo();
        const auto stamp = case_timestamp(fw, 1700000000LL);
        const auto once = export_with(fw, "1.1", {}, stamp).text;
        const auto back = imported(once);
        CHECK(export_with(back, "1.1", {}, "1970-01-01T00:00:00+00:00").text == once);
    }

    TEST_CASE("case round trip: a framework without a uri comes back without one") {
        // Was a bug: import sets uri to the https://leadctl.invalid/frameworks/ID that export
        // made up, so the YAML gains a uri: line (prune() never drops the derived uri).
        auto fw = demo();
        fw.uri.clear();
        const auto back = imported(export_plain(fw).text);
        CHECK(back.uri.empty());
        CHECK(yaml_of(back) == yaml_of(fw));
    }

    TEST_CASE("case round trip: a description that only repeats the name is reported, and read back as none") {
        // CASE has one statement for both: fullStatement "Alpha" with no
        // abbreviatedStatement is how an item without a description is written.
        const auto fw = load(R"(id: same
title: "Same"
items:
  - code: a
    name: "Alpha"
    description: "Alpha"
  - code: b
    name: "Beta"
)");
        const auto out = export_plain(fw);
        CHECK(any_contains(out.losses, "descriptions that only repeat the name"));
        CHECK(any_contains(out.losses, "(of 1 item)"));
        const auto back = imported(out.text);
        CHECK(back.items[0].name == "Alpha");
        CHECK(back.items[0].description.empty());
    }

    // ================================================================ crosswalk links

    TEST_CASE("case links: exact, related and, in 1.1, close, broad and narrow as association types") {
        const auto fw = demo();
        const auto hlm = bundled("hlm");
        const int t = hlm.find("6");
        REQUIRE(t >= 0);
        const auto tid = case_item_identifier(hlm, t);
        const auto turi = case_item_uri(hlm, t);
        std::vector<CaseLink> links;
        for (auto r : {Relation::exact, Relation::related, Relation::close, Relation::broad, Relation::narrow}) {
            links.push_back({"1.1", r, tid, turi, "hlm:6"});
        }
        links.push_back({"no-such-code", Relation::exact, tid, turi, "hlm:6"});  // not written
        const auto out = export_with(fw, "1.1", links);
        const auto pkg = parse(out.text);
        const auto types = association_types(pkg);
        REQUIRE(types.size() == 10);
        CHECK(std::vector<std::string>(types.begin() + 5, types.end()) ==
              std::vector<std::string>{"exactMatchOf", "isRelatedTo", "ext:closeMatch", "ext:broadMatch",
                                       "ext:narrowMatch"});
        const std::string origin = item_id(kDemoUri, "1.1");
        for (std::size_t k = 5; k < 10; ++k) {
            const auto& a = pkg["CFAssociations"][k];
            CAPTURE(types[k]);
            CHECK(a["identifier"] == derived(origin + "|" + types[k] + "|" + tid));
            CHECK(a["uri"] == kDemoUri + "/CFAssociations/" + a["identifier"].get<std::string>());
            CHECK(a["originNodeURI"]["identifier"] == origin);
            CHECK(a["destinationNodeURI"] == Json{{"title", "hlm:6"}, {"identifier", tid}, {"uri", turi}});
            CHECK(a["lastChangeDateTime"] == kStamp);
            CHECK_FALSE(a.contains("sequenceNumber"));
        }
        CHECK(out.losses.empty());
    }

    TEST_CASE("case links: in 1.0 close, broad and narrow are written as isRelatedTo and reported") {
        const auto hlm = bundled("hlm");
        const auto tid = case_item_identifier(hlm, hlm.find("6"));
        const auto turi = case_item_uri(hlm, hlm.find("6"));
        const std::vector<CaseLink> links{{"1.1", Relation::exact, tid, turi, "hlm:6"},
                                          {"1.2", Relation::close, tid, turi, "hlm:6"},
                                          {"2", Relation::narrow, tid, turi, "hlm:6"}};
        const auto out = export_with(demo(), "1.0", links);
        const auto pkg = parse(out.text);
        const auto types = association_types(pkg);
        CHECK(std::vector<std::string>(types.begin() + 5, types.end()) ==
              std::vector<std::string>{"exactMatchOf", "isRelatedTo", "isRelatedTo"});
        CHECK(pkg["CFAssociations"][6]["identifier"] == derived(item_id(kDemoUri, "1.2") + "|isRelatedTo|" + tid));
        INFO(joined(out.losses));
        CHECK(any_contains(out.losses, "the relation of 2 crosswalk links (close, broad or narrow"));
    }

    TEST_CASE("case links: the two directions of a link have their own identifiers, ends as each side exports") {
        const auto fw = demo();
        const auto hlm = bundled("hlm");
        const int t = hlm.find("6");
        const int s = fw.find("1.1");
        const std::vector<CaseLink> there{
            {"1.1", Relation::broad, case_item_identifier(hlm, t), case_item_uri(hlm, t), "hlm:6"}};
        const std::vector<CaseLink> back{
            {"6", Relation::narrow, case_item_identifier(fw, s), case_item_uri(fw, s), "demo:1.1"}};
        const auto ours = parse(export_with(fw, "1.1", there).text);
        const auto theirs = parse(export_with(hlm, "1.1", back).text);
        const auto& a = ours["CFAssociations"].back();
        const auto& b = theirs["CFAssociations"].back();
        CHECK(a["associationType"] == "ext:broadMatch");
        CHECK(b["associationType"] == "ext:narrowMatch");
        CHECK(a["identifier"] != b["identifier"]);
        CHECK(a["originNodeURI"]["identifier"] == b["destinationNodeURI"]["identifier"]);
        CHECK(a["destinationNodeURI"]["identifier"] == b["originNodeURI"]["identifier"]);
        // Each end is the CFItem the other framework's own export has.
        const auto& target = by_id(theirs["CFItems"], a["destinationNodeURI"]["identifier"].get<std::string>());
        CHECK(target["humanCodingScheme"] == "6");
        CHECK(target["uri"] == a["destinationNodeURI"]["uri"]);
        const auto& source = by_id(ours["CFItems"], b["destinationNodeURI"]["identifier"].get<std::string>());
        CHECK(source["humanCodingScheme"] == "1.1");
        CHECK(source["uri"] == b["destinationNodeURI"]["uri"]);
    }

    TEST_CASE("case links: import keeps the links and drop_derived_links removes those the crosswalks give") {
        const auto fw = demo();
        const auto hlm = bundled("hlm");
        const int t = hlm.find("6");
        const std::vector<CaseLink> links{
            {"1.1", Relation::exact, case_item_identifier(hlm, t), case_item_uri(hlm, t), "hlm:6"},
            {"2", Relation::close, case_item_identifier(hlm, t), case_item_uri(hlm, t), "hlm:6"}};
        for (const std::string v : {"1.1", "1.0"}) {
            CAPTURE(v);
            const auto text = export_with(fw, v, links, case_timestamp(fw, std::nullopt)).text;
            auto r = import_ok(text);
            auto back = *r.framework;
            const auto kept = find_extra(back.extra, "case.CFAssociations.json");
            REQUIRE(kept);
            CHECK(parse(*kept).size() == 2);
            // Written again with the same links: each association once.
            const auto again = parse(export_with(back, v, links, case_timestamp(fw, std::nullopt)).text);
            CHECK(again["CFAssociations"].size() == 7);
            CHECK(keyed(again["CFAssociations"]).size() == 7);
            CHECK(drop_derived_links(back, links) == 2);
            CHECK_FALSE(find_extra(back.extra, "case.CFAssociations.json"));
            if (v == "1.1") {
                CHECK(case_keys(back).empty());
                CHECK(yaml_of(back) == yaml_of(fw));
            }
            CHECK(drop_derived_links(back, links) == 0);
        }
    }

    TEST_CASE("case links: a link to another framework that no crosswalk gives is kept and written back") {
        const std::string rel = association("rel-1", "isRelatedTo", "a", "elsewhere-9");
        const std::string text =
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")")}, {parent("a", "doc", 1), rel});
        auto fw = imported(text);
        const auto kept = find_extra(fw.extra, "case.CFAssociations.json");
        REQUIRE(kept);
        CHECK(parse(*kept) == Json::array({parse(rel)}));
        CHECK(drop_derived_links(fw, {{"A", Relation::related, "elsewhere-9", "https://example.org/CFItems/x", "x"}}) ==
              0);
        for (const std::string v : {"1.0", "1.1"}) {
            const auto pkg = parse(export_with(fw, v).text);
            CHECK(by_id(pkg["CFAssociations"], "rel-1") == parse(rel));
        }
    }

    TEST_CASE("case links: kept associations of 1.1 types or with 1.1 fields are losses in 1.0") {
        const std::string ext = association("ext-1", "ext:isPrerequisiteOf", "a", "elsewhere-9");
        const std::string translation = association("tr-1", "isTranslationOf", "a", "elsewhere-8");
        std::string noted = association("rel-2", "isRelatedTo", "a", "elsewhere-7");
        noted.insert(noted.size() - 1, R"(, "notes": "see also")");
        const auto fw = imported(package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")")},
                                         {parent("a", "doc"), ext, translation, noted}));
        const auto v11 = export_with(fw);
        CHECK(v11.losses.empty());
        const auto p11 = parse(v11.text);
        CHECK(by_id(p11["CFAssociations"], "ext-1") == parse(ext));
        CHECK(by_id(p11["CFAssociations"], "tr-1") == parse(translation));
        CHECK(by_id(p11["CFAssociations"], "rel-2") == parse(noted));
        const auto v10 = export_with(fw, "1.0");
        INFO(joined(v10.losses));
        CHECK(any_contains(v10.losses, "association ext-1 of type \"ext:isPrerequisiteOf\" (not a CASE 1.0 type)"));
        CHECK(any_contains(v10.losses, "association tr-1 of type \"isTranslationOf\""));
        CHECK(any_contains(v10.losses, "its \"notes\" (not a CASE 1.0 field)"));
        const auto p10 = parse(v10.text);
        CHECK(p10["CFAssociations"].size() == 2);
        CHECK_FALSE(by_id(p10["CFAssociations"], "rel-2").contains("notes"));
    }

    TEST_CASE("case links: the loss of a kept association's 1.1 field names the association") {
        // Was a bug: only_fields() moves each member into its result before it formats the
        // loss, so str(obj, "identifier") reads a moved-from value: the loss says
        // 'association : its "notes"' (no identifier).
        std::string noted = association("rel-2", "isRelatedTo", "a", "elsewhere-7");
        noted.insert(noted.size() - 1, R"(, "notes": "see also")");
        const auto fw = imported(
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")")}, {parent("a", "doc"), noted}));
        const auto v10 = export_with(fw, "1.0");
        INFO(joined(v10.losses));
        CHECK(any_contains(v10.losses, "association rel-2: its \"notes\" (not a CASE 1.0 field)"));
    }

    // ================================================================ foreign packages

    TEST_CASE("case import: the CFDocument gives the header, everything else is kept under x:") {
        const std::string text = R"({
  "CFDocument": {"identifier": "doc", "uri": "https://example.org/CFDocuments/doc", "creator": "Someone",
                 "title": "Foreign Framework", "lastChangeDateTime": "2020-02-03T04:05:06+00:00",
                 "publisher": "Pub", "description": "Desc", "notes": "Notes", "version": "v3",
                 "adoptionStatus": "Private Draft", "language": "en", "subject": ["Leadership"]},
  "CFItems": [{"identifier": "a", "fullStatement": "Alpha"}],
  "CFAssociations": [)" + parent("a", "doc") +
                                 "]}";
        const auto fw = imported(text);
        CHECK(fw.title == "Foreign Framework");
        CHECK(fw.id == "foreign-framework");
        CHECK(fw.uri == kDocUri);
        CHECK(fw.publisher == "Pub");
        CHECK(fw.description == "Desc");
        CHECK(fw.notes == "Notes");
        CHECK(fw.edition == "v3");
        CHECK(x_or_none(fw.extra, "case.identifier") == "doc");
        CHECK(x_or_none(fw.extra, "case.creator") == "Someone");
        CHECK(x_or_none(fw.extra, "case.lastChangeDateTime") == "2020-02-03T04:05:06+00:00");
        CHECK(x_or_none(fw.extra, "case.adoptionStatus") == "Private Draft");
        CHECK(x_or_none(fw.extra, "case.language") == "en");
        CHECK(x_or_none(fw.extra, "case.subject.json") == R"(["Leadership"])");
        const auto pkg = parse(export_with(fw, "1.0").text);
        CHECK(pkg["CFDocument"] == parse(text)["CFDocument"]);
        CHECK(pkg["CFItems"][0]["lastChangeDateTime"] == "2020-02-03T04:05:06+00:00");
    }

    TEST_CASE("case import: an item without humanCodingScheme gets its identifier as code, written back without") {
        const std::string text =
            package({item("0b7c-item", R"("fullStatement": "Alpha")")}, {parent("0b7c-item", "doc")});
        const auto fw = imported(text);
        REQUIRE(fw.items.size() == 1);
        CHECK(fw.items[0].code == "0b7c-item");
        CHECK(fw.items[0].name == "Alpha");
        const auto pkg = parse(export_with(fw).text);
        CHECK(pkg["CFItems"][0]["identifier"] == "0b7c-item");
        CHECK_FALSE(pkg["CFItems"][0].contains("humanCodingScheme"));
    }

    TEST_CASE(
        "case import: an identifier that is not a valid code, without humanCodingScheme, is written back "
        "without one") {
        // Was a bug: the code is made from the identifier ("urn:x:1" -> "urn_3Ax_3A1"), and
        // coding_scheme() leaves humanCodingScheme out only when the code *is* the
        // identifier, so export adds "humanCodingScheme": "urn_3Ax_3A1".
        const std::string text = package({item("urn:x:1", R"("fullStatement": "Alpha")")}, {parent("urn:x:1", "doc")});
        const auto fw = imported(text);
        const auto pkg = parse(export_with(fw).text);
        CHECK_FALSE(pkg["CFItems"][0].contains("humanCodingScheme"));
    }

    TEST_CASE("case import: a humanCodingScheme equal to the identifier is written back") {
        // Was a bug: the code is the humanCodingScheme, which is also the identifier, so it is
        // not kept under x:, and export leaves humanCodingScheme out (it takes the
        // code for one made from an identifier).
        const std::string text =
            package({item("abc", R"("humanCodingScheme": "abc", "fullStatement": "Alpha")")}, {parent("abc", "doc")});
        const auto pkg = parse(export_with(imported(text)).text);
        CHECK(pkg["CFItems"][0]["humanCodingScheme"] == "abc");
    }

    TEST_CASE("case import: an empty humanCodingScheme is written back") {
        // Was a bug: import keeps x: case.humanCodingScheme "" (the code is the identifier),
        // but coding_scheme() only writes the kept value when the code was made from
        // it, so export leaves humanCodingScheme out.
        const std::string text =
            package({item("a", R"("humanCodingScheme": "", "fullStatement": "Alpha")")}, {parent("a", "doc")});
        const auto fw = imported(text);
        CHECK(x_or_none(fw.items[0].extra, "case.humanCodingScheme") == "");
        const auto pkg = parse(export_with(fw).text);
        REQUIRE(pkg["CFItems"][0].contains("humanCodingScheme"));
        CHECK(pkg["CFItems"][0]["humanCodingScheme"] == "");
    }

    TEST_CASE("case import: an empty or blank fullStatement is written back without an abbreviatedStatement") {
        // Was a bug: import names such an item by its code; export then sees a name that is
        // not the fullStatement's first line and adds "abbreviatedStatement": CODE.
        const std::string text = package({item("b", R"("humanCodingScheme": "B", "fullStatement": "")"),
                                          item("c", R"("humanCodingScheme": "C", "fullStatement": "   ")")},
                                         {parent("b", "doc", 1), parent("c", "doc", 2)});
        const auto fw = imported(text);
        CHECK(fw.items[0].name == "B");
        const auto pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFItems"], "b")["fullStatement"] == "");
        CHECK_FALSE(by_id(pkg["CFItems"], "b").contains("abbreviatedStatement"));
        CHECK(by_id(pkg["CFItems"], "c")["fullStatement"] == "   ");
        CHECK_FALSE(by_id(pkg["CFItems"], "c").contains("abbreviatedStatement"));
    }

    TEST_CASE("case import: a humanCodingScheme that is not a valid code gives a made code and is written back") {
        const std::string text = package({item("i1", R"("humanCodingScheme": "A 1", "fullStatement": "One")"),
                                          item("i2", R"("humanCodingScheme": "X", "fullStatement": "Two")"),
                                          item("i3", R"("humanCodingScheme": "X", "fullStatement": "Three")")},
                                         {parent("i1", "doc", 1), parent("i2", "doc", 2), parent("i3", "doc", 3)});
        const auto fw = imported(text);
        CHECK(codes(fw) == std::vector<std::string>{"A_201", "X", "X-2"});
        CHECK(x_or_none(fw.items[0].extra, "case.humanCodingScheme") == "A 1");
        CHECK(x_or_none(fw.items[1].extra, "case.humanCodingScheme") == "(none)");
        CHECK(x_or_none(fw.items[2].extra, "case.humanCodingScheme") == "X");
        const auto pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFItems"], "i1")["humanCodingScheme"] == "A 1");
        CHECK(by_id(pkg["CFItems"], "i2")["humanCodingScheme"] == "X");
        CHECK(by_id(pkg["CFItems"], "i3")["humanCodingScheme"] == "X");
        // A code changed by hand is written as the code.
        auto edited = fw;
        edited.items[0].code = "B2";
        edited.index();
        CHECK(by_id(parse(export_with(edited).text)["CFItems"], "i1")["humanCodingScheme"] == "B2");
    }

    TEST_CASE("case import: without abbreviatedStatement the name is the first line of the fullStatement") {
        const std::string text = package(
            {item("a", R"("humanCodingScheme": "A", "fullStatement": "\r\n  First line  \r\nSecond line\r\n")"),
             item("b", R"("humanCodingScheme": "B", "fullStatement": "Only\nline two")"),
             item("c", R"("humanCodingScheme": "C", "fullStatement": "Full", "abbreviatedStatement": "Short")")},
            {parent("a", "doc", 1), parent("b", "doc", 2), parent("c", "doc", 3)});
        const auto fw = imported(text);
        CHECK(fw.items[0].name == "First line");
        CHECK(fw.items[0].description == "\r\n  First line  \r\nSecond line\r\n");
        CHECK(fw.items[1].name == "Only");
        CHECK(fw.items[1].description == "Only\nline two");
        CHECK(fw.items[2].name == "Short");
        CHECK(fw.items[2].description == "Full");
        const auto pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFItems"], "a")["fullStatement"] == "\r\n  First line  \r\nSecond line\r\n");
        CHECK_FALSE(by_id(pkg["CFItems"], "a").contains("abbreviatedStatement"));
        CHECK_FALSE(by_id(pkg["CFItems"], "b").contains("abbreviatedStatement"));
        CHECK(by_id(pkg["CFItems"], "c")["abbreviatedStatement"] == "Short");
    }

    TEST_CASE("case import: an abbreviatedStatement that is the derived name is still written back") {
        const std::string text =
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Same", "abbreviatedStatement": "Same")"),
                     item("b", R"("humanCodingScheme": "B", "fullStatement": "Full", "abbreviatedStatement": "")")},
                    {parent("a", "doc", 1), parent("b", "doc", 2)});
        const auto fw = imported(text);
        CHECK(fw.items[0].name == "Same");
        CHECK(fw.items[1].name == "Full");
        const auto pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFItems"], "a")["abbreviatedStatement"] == "Same");
        CHECK(by_id(pkg["CFItems"], "b")["abbreviatedStatement"] == "");
        CHECK(by_id(pkg["CFItems"], "b")["fullStatement"] == "Full");
    }

    TEST_CASE("case import: a first line over 100 bytes is cut on a word break with an ellipsis") {
        std::string line;
        while (line.size() < 150) line += "word" + std::to_string(line.size()) + " ";
        // "word0 word6 word12 ...": cut at 100 bytes, back to the last space.
        const std::string full = line + "\nmore";
        const std::string text = package(
            {item("a", "\"humanCodingScheme\": \"A\", \"fullStatement\": " + Json(full).dump())}, {parent("a", "doc")});
        const auto fw = imported(text);
        const std::string& name = fw.items[0].name;
        const std::string prefix = line.substr(0, line.rfind(' ', 99));
        CHECK(name == prefix + "\u2026");
        CHECK(name.size() <= 100 + std::string("\u2026").size());
        CHECK(prefix.back() != ' ');
        CHECK(fw.items[0].description == full);
        // Export knows the cut name for a derived one.
        const auto pkg = parse(export_with(fw).text);
        CHECK_FALSE(pkg["CFItems"][0].contains("abbreviatedStatement"));
        CHECK(pkg["CFItems"][0]["fullStatement"] == full);
        // A word longer than the limit is cut inside it, on a UTF-8 boundary.
        const std::string e(60, 'e');
        const std::string accents = e +
                                    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                                    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9";
        REQUIRE(accents.size() == 108);
        const auto fw2 =
            imported(package({item("a", "\"humanCodingScheme\": \"A\", \"fullStatement\": " + Json(accents).dump())},
                             {parent("a", "doc")}));
        CHECK(fw2.items[0].name == accents.substr(0, 100) + "\u2026");
        const std::string odd = "x" + accents;  // byte 100 falls inside an "é"
        const auto fw3 = imported(package(
            {item("a", "\"humanCodingScheme\": \"A\", \"fullStatement\": " + Json(odd).dump())}, {parent("a", "doc")}));
        CHECK(fw3.items[0].name == odd.substr(0, 99) + "\u2026");
    }

    TEST_CASE("case import: CFItemType becomes a slug type, the original kept and written back") {
        const std::string text = package(
            {item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha", "CFItemType": "Learning Standard")"),
             item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta", "CFItemType": "domain")")},
            {parent("a", "doc", 1), parent("b", "doc", 2)});
        auto fw = imported(text);
        CHECK(fw.items[0].type == "learning-standard");
        CHECK(x_or_none(fw.items[0].extra, "case.CFItemType") == "Learning Standard");
        CHECK(fw.items[1].type == "domain");
        CHECK(x_or_none(fw.items[1].extra, "case.CFItemType") == "(none)");
        auto pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFItems"], "a")["CFItemType"] == "Learning Standard");
        CHECK(by_id(pkg["CFItems"], "b")["CFItemType"] == "domain");
        // A type changed by hand wins over the kept one.
        fw.items[0].type = "theme";
        pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFItems"], "a")["CFItemType"] == "theme");
    }

    TEST_CASE("case import: children are ordered by sequenceNumber and export writes the numbers read") {
        const std::string text = package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                          item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")")},
                                         {parent("a", "doc", 2), parent("b", "doc", 1)});
        const auto fw = imported(text);
        CHECK(codes(fw) == std::vector<std::string>{"B", "A"});
        auto pkg = parse(export_with(fw).text);
        CHECK(child_of(pkg, "b")["sequenceNumber"] == 1);
        CHECK(child_of(pkg, "a")["sequenceNumber"] == 2);
        CHECK(child_of(pkg, "a")["identifier"] == "as-a");  // never re-minted
        // Numbers that are not 1..n are written as they were read.
        const auto gaps = imported(package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                            item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")"),
                                            item("c", R"("humanCodingScheme": "C", "fullStatement": "Gamma")")},
                                           {parent("a", "doc", 30), parent("b", "doc", 10), parent("c", "doc", 20)}));
        CHECK(codes(gaps) == std::vector<std::string>{"B", "C", "A"});
        pkg = parse(export_with(gaps).text);
        CHECK(child_of(pkg, "a")["sequenceNumber"] == 30);
        CHECK(child_of(pkg, "b")["sequenceNumber"] == 10);
        CHECK(child_of(pkg, "c")["sequenceNumber"] == 20);
    }

    TEST_CASE("case import: sequenceNumber as text (OpenSALT) orders children, warns, and is kept as text") {
        auto text = package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                             item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")"),
                             item("c", R"("humanCodingScheme": "C", "fullStatement": "Gamma")")},
                            {parent("a", "doc", 3), parent("b", "doc", 1), parent("c", "doc", 2)});
        // OpenSALT's export: "sequenceNumber": "3" (a JSON string).
        for (const char* n : {"1", "2", "3"}) {
            const std::string from = std::string("\"sequenceNumber\": ") + n;
            text.replace(text.find(from), from.size(), std::string("\"sequenceNumber\": \"") + n + "\"");
        }
        const auto r = import_ok(text);
        CHECK(codes(*r.framework) == std::vector<std::string>{"B", "C", "A"});
        int warnings = 0;
        for (const auto& d : r.diagnostics.items()) {
            if (d.code != "sequence-number-string") continue;
            ++warnings;
            CHECK(d.severity == Severity::warning);
            CHECK(d.location.line > 0);
        }
        CHECK(warnings == 3);
        const auto pkg = parse(export_with(*r.framework).text);
        CHECK(child_of(pkg, "a")["sequenceNumber"] == "3");
        CHECK(child_of(pkg, "b")["sequenceNumber"] == "1");
        CHECK(child_of(pkg, "c")["sequenceNumber"] == "2");
        // ...and the export reads back the same.
        CHECK(codes(imported(export_with(*r.framework).text)) == std::vector<std::string>{"B", "C", "A"});
        // Text that is not a whole number is still refused.
        for (const char* bad : {"\"1.5\"", "\" 1\"", "\"\"", "\"+1\"", "\"1e3\"", "\"99999999999999999999\""}) {
            auto t = text;
            const std::string from = "\"sequenceNumber\": \"1\"";
            t.replace(t.find(from), from.size(), std::string("\"sequenceNumber\": ") + bad);
            const auto bad_r = import_case(t, "p.json");
            CHECK_FALSE(bad_r.framework);
            CHECK(error_with(bad_r, "wrong-type"));
        }
    }

    TEST_CASE("case import: a package without items (an OpenSALT external-framework stub) is read, and round-trips") {
        for (const std::string items : {R"("CFItems": [], )", ""}) {
            const std::string text =
                R"({"CFDocument": {"identifier": "doc", "uri": "https://example.org/d", "creator": "S",
                 "title": "External Framework"}, )" +
                items + R"("CFAssociations": []})";
            const auto r = import_case(text, "stub.json");
            REQUIRE(r.framework);
            CHECK(r.framework->items.empty());
            int warnings = 0;
            for (const auto& d : r.diagnostics.items()) warnings += d.code == "no-items" ? 1 : 0;
            CHECK(warnings >= 1);
            const auto out = export_with(*r.framework).text;
            CHECK(parse(out)["CFItems"].empty());
            const auto again = import_case(out, "again.json");
            REQUIRE(again.framework);
            CHECK(again.framework->title == "External Framework");
            CHECK(export_with(*again.framework).text == out);
        }
    }

    TEST_CASE("case import: children without a sequenceNumber come after, in file order, and get none back") {
        // "File order" is the order of the isChildOf associations (d before b), not of the CFItems.
        const std::string text =
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                     item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")"),
                     item("c", R"("humanCodingScheme": "C", "fullStatement": "Gamma")"),
                     item("d", R"("humanCodingScheme": "D", "fullStatement": "Delta")")},
                    {parent("d", "doc"), parent("a", "doc", 2), parent("b", "doc"), parent("c", "doc", 1)});
        const auto fw = imported(text);
        CHECK(codes(fw) == std::vector<std::string>{"C", "A", "D", "B"});
        const auto pkg = parse(export_with(fw).text);
        CHECK(child_of(pkg, "c")["sequenceNumber"] == 1);
        CHECK(child_of(pkg, "a")["sequenceNumber"] == 2);
        CHECK_FALSE(child_of(pkg, "b").contains("sequenceNumber"));
        CHECK_FALSE(child_of(pkg, "d").contains("sequenceNumber"));
        // None at all: none written.
        const auto none = imported(package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                            item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")")},
                                           {parent("b", "doc"), parent("a", "doc")}));
        CHECK(codes(none) == std::vector<std::string>{"B", "A"});
        const auto none_out = parse(export_with(none).text);  // a named value: the loop must not outlive it
        for (const auto& a : none_out["CFAssociations"]) CHECK_FALSE(a.contains("sequenceNumber"));
        // An item moved by hand among numbered siblings: numbered 1..n again.
        auto moved = fw;
        std::swap(moved.roots[0], moved.roots[1]);
        const auto again = parse(export_with(moved).text);
        CHECK(child_of(again, "a")["sequenceNumber"] == 1);
        CHECK(child_of(again, "c")["sequenceNumber"] == 2);
        CHECK(child_of(again, "d")["sequenceNumber"] == 3);
        CHECK(child_of(again, "b")["sequenceNumber"] == 4);
    }

    TEST_CASE("case import: a second isChildOf of an item is kept verbatim and written back") {
        const std::string second = association("second", "isChildOf", "b", "a", 7);
        const std::string text = package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                          item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")"),
                                          item("c", R"("humanCodingScheme": "C", "fullStatement": "Gamma")")},
                                         {parent("a", "doc", 1), parent("b", "c", 1), parent("c", "doc", 2), second});
        const auto fw = imported(text);
        CHECK(codes(fw) == std::vector<std::string>{"A", "C", "B"});
        CHECK(fw.items[2].parent == 1);  // the first isChildOf places it
        const auto kept = find_extra(fw.extra, "case.CFAssociations.json");
        REQUIRE(kept);
        CHECK(parse(*kept) == Json::array({parse(second)}));
        const auto pkg = parse(export_with(fw).text);
        CHECK(by_id(pkg["CFAssociations"], "second") == parse(second));
        CHECK(by_id(pkg["CFAssociations"], "as-b")["destinationNodeURI"]["identifier"] == "c");
        CHECK(pkg["CFAssociations"].size() == 4);
    }

    TEST_CASE("case import: an item that is not in the tree is a warning, a loss and a top-level item") {
        const std::string text = package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                          item("lost", R"("humanCodingScheme": "L", "fullStatement": "Lost")"),
                                          item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")")},
                                         {parent("a", "doc"), parent("b", "a")});
        const auto r = import_ok(text);
        const auto& fw = *r.framework;
        CHECK(codes(fw) == std::vector<std::string>{"A", "B", "L"});
        CHECK(fw.items[2].parent == -1);
        CHECK(fw.roots == std::vector<int>{0, 2});
        REQUIRE(r.diagnostics.items().size() == 1);
        const auto& d = r.diagnostics.items()[0];
        CHECK(d.severity == Severity::warning);
        CHECK(d.code == "not-in-tree");
        CHECK(d.location.line == 5);  // the CFItems[1] object
        CHECK(d.location.column == 5);
        CHECK(d.message.find("CFItems[1] (lost)") != std::string::npos);
        REQUIRE(r.losses.size() == 1);
        CHECK(r.losses[0].find("lost") != std::string::npos);
        // Export places it under the CFDocument.
        const auto pkg = parse(export_with(fw).text);
        CHECK(child_of(pkg, "lost")["destinationNodeURI"]["identifier"] == "doc");
    }

    TEST_CASE("case import: an item not in the tree leaves its siblings' sequence numbers as read") {
        // Was a bug: the item placed under the CFDocument has no stored sequenceNumber (not
        // even the null for "none"), so keeps_sequence() fails for the whole group of
        // top-level items and export renumbers the others 1..n: 5 and 9 become 1 and 2.
        const std::string text = package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                          item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")"),
                                          item("lost", R"("humanCodingScheme": "L", "fullStatement": "Lost")")},
                                         {parent("a", "doc", 5), parent("b", "doc", 9)});
        const auto r = import_case(text, "p.json");
        REQUIRE(r.framework);
        const auto pkg = parse(export_with(*r.framework).text);
        CHECK(child_of(pkg, "a")["sequenceNumber"] == 5);
        CHECK(child_of(pkg, "b")["sequenceNumber"] == 9);
    }

    TEST_CASE("case import: an item not in the tree reads back the same after export (fuzz: not-in-tree)") {
        // Found by fuzz/fuzz_case_json: the item read as top-level had no stored
        // sequenceNumber; export writes its isChildOf without one, which reads back as
        // x: case.isChildOf.sequenceNumber.json = null, so the framework changed.
        const std::string text = package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")"),
                                          item("lost", R"("humanCodingScheme": "L", "fullStatement": "Lost")")},
                                         {parent("a", "doc")});
        const auto fw = imported(text);
        const auto again = imported(export_plain(fw).text);
        CHECK(yaml_of(again) == yaml_of(fw));
        CHECK(x_or_none(item_of(fw, "L").extra, "case.isChildOf.sequenceNumber.json") == "null");
    }

    TEST_CASE("case import: items sharing a humanCodingScheme keep their codes on the round trip (fuzz)") {
        // Found by fuzz/fuzz_case_json (duplicate-coding-scheme-code-changes): codes were
        // given in file order (S.2, S.2-2) but export writes tree order, so they swapped.
        const std::string text = package({item("i1", R"("humanCodingScheme": "S.2", "fullStatement": "First")"),
                                          item("i2", R"("humanCodingScheme": "S.2", "fullStatement": "Second")")},
                                         {parent("i1", "doc", 2), parent("i2", "doc", 1)});
        const auto fw = imported(text);
        CHECK(codes(fw) == std::vector<std::string>{"S.2", "S.2-2"});
        CHECK(fw.items[0].name == "Second");
        const auto again = imported(export_plain(fw).text);
        CHECK(codes(again) == codes(fw));
        CHECK(again.items[0].name == "Second");
        CHECK(yaml_of(again) == yaml_of(fw));
    }

    TEST_CASE("case export: a derived association identifier that the package already uses is never written twice") {
        // Found by fuzz/fuzz_case_json (duplicate-association-identifier,
        // non-tree-association-changes): an item not in the tree gets an isChildOf
        // whose identifier export derives; when the package already used that
        // identifier (for another isChildOf, or a kept association) export wrote it
        // twice, and import refused the package or dropped the kept association.
        const std::string a = item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")");
        const std::string b = item("b", R"("humanCodingScheme": "B", "fullStatement": "Beta")");
        const std::string clash = child_of_id("a", "doc");
        for (const std::string& taken :
             {association(clash, "isChildOf", "b", "doc", 1),
              association(clash, "ext:partOf", "b", "doc", 1) + "," + parent("b", "doc", 1)}) {
            CAPTURE(taken);
            const auto fw = imported(package({a, b}, {taken}));
            const auto out = export_plain(fw);
            const auto pkg = parse(out.text);
            std::map<std::string, int> seen;
            for (const auto& x : pkg["CFAssociations"]) ++seen[x["identifier"].get<std::string>()];
            for (const auto& [id, n] : seen) CHECK_MESSAGE(n == 1, id);
            CHECK(seen.count(clash) == 1);
            CHECK(pkg["CFAssociations"].size() == (taken.find("ext:") == std::string::npos ? 2U : 3U));
            REQUIRE(out.losses.size() == 1);
            CHECK(out.losses[0].find("isChildOf association of A") != std::string::npos);
            CHECK(out.losses[0].find("already used") != std::string::npos);
            const auto again = import_case(out.text, "again.json");
            CHECK(again.framework);
            CHECK_FALSE(again.diagnostics.has_errors());
        }
    }

    TEST_CASE("case import: fields leadctl has no place for are kept as case.KEY[.json] and written back") {
        const std::string a = item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha",
      "conceptKeywords": ["a", "b"], "educationLevel": ["09", "10"], "language": "en",
      "listEnumeration": "1", "alternativeLabel": "Alt", "statusStartDate": "2020-01-01",
      "lastChangeDateTime": "2021-01-01T00:00:00+00:00", "notes": "  ")");
        const std::string text = package({a}, {parent("a", "doc")});
        const auto fw = imported(text);
        const auto& x = fw.items[0].extra;
        CHECK(x_or_none(x, "case.conceptKeywords.json") == R"(["a","b"])");
        CHECK(x_or_none(x, "case.educationLevel.json") == R"(["09","10"])");
        CHECK(x_or_none(x, "case.language") == "en");
        CHECK(x_or_none(x, "case.listEnumeration") == "1");
        CHECK(x_or_none(x, "case.alternativeLabel") == "Alt");
        CHECK(x_or_none(x, "case.lastChangeDateTime") == "2021-01-01T00:00:00+00:00");
        CHECK(x_or_none(x, "case.notes") == "  ");
        CHECK(x_or_none(x, "case.uri") == "(none)");  // derived: not kept
        CHECK(fw.items[0].notes.empty());
        for (const std::string v : {"1.0", "1.1"}) {
            CAPTURE(v);
            const auto out = export_with(fw, v);
            CHECK(parse(out.text)["CFItems"][0] == parse(a));
            CHECK(out.losses.empty());
        }
    }

    TEST_CASE("case import: a case. key that is no CASE field is a loss on export") {
        auto fw = imported(
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")")}, {parent("a", "doc")}));
        fw.items[0].extra.emplace_back("case.noSuchField", "v");
        const auto out = export_with(fw);
        CHECK(any_contains(out.losses, "item A: x: case.noSuchField (not a CASE 1.1 field)"));
        CHECK_FALSE(parse(out.text)["CFItems"][0].contains("noSuchField"));
        // subject is a CFItem field in 1.1 only.
        fw.items[0].extra.emplace_back("case.subject.json", R"(["x"])");
        CHECK(parse(export_with(fw).text)["CFItems"][0]["subject"] == Json::array({"x"}));
        const auto old = export_with(fw, "1.0");
        CHECK(any_contains(old.losses, "case.subject.json (not a CASE 1.0 field)"));
        CHECK_FALSE(parse(old.text)["CFItems"][0].contains("subject"));
    }

    TEST_CASE("case import: non-ASCII text is kept exactly") {
        const std::string text =
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Item 𝑑 1 — café", "notes": "é\u00e9")")},
                    {parent("a", "doc")});
        const auto fw = imported(text);
        CHECK(fw.items[0].name == "Item 𝑑 1 — café");
        CHECK(fw.items[0].notes == "é\u00e9");
        CHECK(fw.items[0].notes == "\xc3\xa9\xc3\xa9");
        const auto out = export_with(fw);
        CHECK(out.text.find("Item 𝑑 1 — café") != std::string::npos);  // not \u escapes
        CHECK(parse(out.text)["CFItems"][0]["notes"] == "éé");
        const auto back = imported(out.text);
        CHECK(back.items[0].name == "Item 𝑑 1 — café");
    }

    TEST_CASE("case import: foreign CFRubrics and CFDefinitions are kept and written back") {
        const std::string rubrics = R"([{"identifier": "r1", "title": "Their rubric", "CFRubricCriteria": [
      {"identifier": "rc1", "category": "x", "CFRubricCriterionLevels": [{"identifier": "l1", "quality": "Q"}]}]}])";
        const std::string definitions = R"({"CFConcepts": [], "CFItemTypes": [{"identifier": "t1", "title": "T"}]})";
        const std::string text =
            package({item("a", R"("humanCodingScheme": "A", "fullStatement": "Alpha")")}, {parent("a", "doc")},
                    ",\n  \"CFRubrics\": " + rubrics + ",\n  \"CFDefinitions\": " + definitions);
        const auto fw = imported(text);
        CHECK(fw.scale.empty());
        REQUIRE(find_extra(fw.extra, "case.CFRubrics.json"));
        REQUIRE(find_extra(fw.extra, "case.CFDefinitions.json"));
        for (const std::string v : {"1.0", "1.1"}) {
            CAPTURE(v);
            const auto pkg = parse(export_with(fw, v).text);
            CHECK(pkg["CFRubrics"] == parse(rubrics));
            CHECK(pkg["CFDefinitions"] == parse(definitions));
        }
        // With a scale of its own, leadctl's rubric comes first and theirs after it.
        auto scaled = fw;
        scaled.scale.push_back({"low", "Low", "", {}});
        const auto pkg = parse(export_with(scaled).text);
        REQUIRE(pkg["CFRubrics"].size() == 2);
        CHECK(pkg["CFRubrics"][1] == parse(rubrics)[0]);
    }

    TEST_CASE("case import: leadctl's rubric of another document uri is a foreign rubric") {
        // The scale rubric is recognised by the identifier derived from the document uri.
        auto fw = demo();
        fw.profiles.clear();  // a profile level needs the scale
        auto text = export_plain(fw).text;
        auto pkg = OrderedJson::parse(text);
        pkg["CFRubrics"][0]["identifier"] = "not-ours";
        const auto back = imported(pkg.dump(2));
        CHECK(back.scale.empty());
        CHECK(item_of(back, "1.1").level_headings.empty());
        REQUIRE(find_extra(back.extra, "case.CFRubrics.json"));
        CHECK(parse(export_with(back).text)["CFRubrics"][0]["identifier"] == "not-ours");
    }

    TEST_CASE("case import: identifiers that are not CASE 1.1 UUIDs are kept, with a warning in 1.1") {
        const std::string text = package(
            {item("d0000000-0000-0000-0000-000000000001", R"("humanCodingScheme": "A", "fullStatement": "Alpha")")},
            {parent("d0000000-0000-0000-0000-000000000001", "doc")});
        const auto fw = imported(text);
        const auto out = export_with(fw);
        const auto pkg = parse(out.text);
        CHECK(pkg["CFDocument"]["identifier"] == "doc");
        CHECK(pkg["CFItems"][0]["identifier"] == "d0000000-0000-0000-0000-000000000001");
        REQUIRE(out.warnings.size() == 1);
        CHECK(out.warnings[0].find("3 identifiers (the first: doc)") != std::string::npos);
        CHECK(out.warnings[0].find("CASE 1.1") != std::string::npos);
        CHECK(export_with(fw, "1.0").warnings.empty());
        CHECK(export_with(demo()).warnings.empty());
    }

    // ================================================================ errors

    TEST_CASE("case errors: invalid JSON is an error at the place the parser stopped") {
        CHECK(first_error("{\n  \"CFDocument\": {\n    \"identifier\": \"doc\",\n") == "4:1 [json-syntax]");
        CHECK(first_error("{\n  \"CFDocument\": {\"identifier\": \"doc\",}\n}") == "2:38 [json-syntax]");
        CHECK(first_error("{\"a\": 1}\n  x") == "2:3 [json-syntax]");
        CHECK(first_error("") == "1:1 [json-syntax]");
        const auto r = import_case("{\n  \"CFDocument\": {\n", "bad.json");
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].message.starts_with("JSON "));
    }

    TEST_CASE("case errors: a package that is not an object with a CFDocument object") {
        CHECK(first_error("[1, 2]") == "1:1 [not-case]");
        CHECK(first_error("  \"text\"") == "1:3 [not-case]");
        CHECK(first_error("{\"CFItems\": []}") == "1:1 [not-case]");
        CHECK(first_error("{\"CFDocument\": []}") == "1:1 [not-case]");
        CHECK(first_error("\n{\"CFDocument\": \"doc\"}") == "2:1 [not-case]");
    }

    TEST_CASE("case errors: a missing identifier is an error at its object") {
        CHECK(first_error(std::string(kHead) + R"(    {"fullStatement": "Beta"}
  ]
})") == "5:5 [missing-field]");
        CHECK(first_error(R"({
  "CFDocument": {"uri": "https://example.org/CFDocuments/doc", "title": "T"},
  "CFItems": [{"identifier": "a", "fullStatement": "Alpha"}]
})") == "2:17 [missing-field]");
        CHECK(first_error(R"({
  "CFDocument": {"identifier": "doc", "uri": "u", "title": "T"},
  "CFItems": [{"identifier": "a", "fullStatement": "Alpha"}],
  "CFAssociations": [
    {"associationType": "isChildOf", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "doc"}}
  ]
})") == "5:5 [missing-field]");
    }

    TEST_CASE("case errors: a missing fullStatement, title or uri is an error at its object") {
        CHECK(first_error(std::string(kHead) + R"(    {"identifier": "b", "abbreviatedStatement": "B"}
  ]
})") == "5:5 [missing-field]");
        const auto r = import_case(R"({
  "CFDocument": {"identifier": "doc"},
  "CFItems": [{"identifier": "a", "fullStatement": "Alpha"}]
})",
                                   "bad.json");
        CHECK_FALSE(r.framework);
        CHECK(r.diagnostics.error_count() == 2);  // title and uri
        for (const auto& d : r.diagnostics.items()) {
            CHECK(d.code == "missing-field");
            CHECK(d.location.line == 2);
            CHECK(d.location.column == 17);
        }
    }

    TEST_CASE("case errors: a fullStatement that is a number is a wrong-type error at the number") {
        CHECK(first_error(std::string(kHead) + R"(    {"identifier": "b", "fullStatement": 42}
  ]
})") == "5:42 [wrong-type]");
        CHECK(first_error(std::string(kHead) +
                          R"(    {"identifier": "b", "fullStatement": "B", "humanCodingScheme": ["x"]}
  ]
})") == "5:68 [wrong-type]");
    }

    TEST_CASE("case errors: a duplicate identifier is an error at the second one") {
        CHECK(first_error(std::string(kHead) + R"(    {"identifier": "a", "fullStatement": "Again"}
  ]
})") == "5:20 [duplicate-identifier]");
        // Across kinds of object too: an item with the document's identifier.
        CHECK(first_error(std::string(kHead) + R"(    {"identifier": "doc", "fullStatement": "Doc"}
  ]
})") == "5:20 [duplicate-identifier]");
    }

    TEST_CASE("case errors: an unknown association type, with a suggestion") {
        const std::string text = std::string(kHead) + R"(    {"identifier": "b", "fullStatement": "Beta"}
  ],
  "CFAssociations": [
    {"identifier": "x1", "associationType": "isChildof",
     "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "doc"}}
  ]
})";
        CHECK(first_error(text) == "8:45 [unknown-association-type]");
        const auto r = import_case(text, "bad.json");
        const auto* d = error_with(r, "unknown-association-type");
        REQUIRE(d);
        CHECK(d->message.find("\"isChildof\"") != std::string::npos);
        CHECK(d->message.find("did you mean \"isChildOf\"") != std::string::npos);
        // ext:NAME is accepted (CASE 1.1).
        auto ok = text;
        ok.replace(ok.find("isChildof"), 9, "ext:isPrerequisiteOf");
        const auto fw = imported(ok);
        CHECK(find_extra(fw.extra, "case.CFAssociations.json"));
    }

    TEST_CASE("case errors: an isChildOf whose origin or destination is not in the package") {
        const std::string base = std::string(kHead) + R"(    {"identifier": "b", "fullStatement": "Beta"}
  ],
  "CFAssociations": [
)";
        CHECK(first_error(base + R"(    {"identifier": "x1", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "nowhere"}, "destinationNodeURI": {"identifier": "doc"}}
  ]
})") == "9:38 [broken-reference]");
        CHECK(first_error(base + R"(    {"identifier": "x1", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "nowhere"}}
  ]
})") == "9:81 [broken-reference]");
        // Other association types may point outside the package.
        const auto fw = imported(base + R"(    {"identifier": "x1", "associationType": "isPeerOf",
     "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "nowhere"}}
  ]
})");
        CHECK(find_extra(fw.extra, "case.CFAssociations.json"));
    }

    TEST_CASE("case errors: a cycle of parents is an error at an isChildOf of the cycle") {
        const std::string text = std::string(kHead) + R"(    {"identifier": "b", "fullStatement": "Beta"}
  ],
  "CFAssociations": [
    {"identifier": "x1", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "b"}},
    {"identifier": "x2", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "b"}, "destinationNodeURI": {"identifier": "a"}}
  ]
})";
        const auto r = import_case(text, "bad.json");
        CHECK_FALSE(r.framework);
        const auto* d = error_with(r, "parent-cycle");
        REQUIRE(d);
        CHECK(r.diagnostics.error_count() == 1);  // reported once
        CHECK(d->location.column == 5);
        CHECK((d->location.line == 8 || d->location.line == 10));
        CHECK(d->message.find("a under b under a") != std::string::npos);
        // A cycle above the first item of the file, not through it.
        const auto above = import_case(R"({
  "CFDocument": {"identifier": "doc", "uri": "https://example.org/CFDocuments/doc", "title": "T"},
  "CFItems": [
    {"identifier": "c", "fullStatement": "Gamma"},
    {"identifier": "a", "fullStatement": "Alpha"},
    {"identifier": "b", "fullStatement": "Beta"}
  ],
  "CFAssociations": [
    {"identifier": "x0", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "c"}, "destinationNodeURI": {"identifier": "a"}},
    {"identifier": "x1", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "b"}},
    {"identifier": "x2", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "b"}, "destinationNodeURI": {"identifier": "a"}}
  ]
})",
                                       "bad.json");
        CHECK_FALSE(above.framework);
        CHECK(above.diagnostics.error_count() == 1);
        const auto* loop = error_with(above, "parent-cycle");
        REQUIRE(loop);
        CHECK((loop->location.line == 11 || loop->location.line == 13));
        CHECK(loop->location.column == 5);
        CHECK(loop->message.find("c under") == std::string::npos);  // c is below the loop, not in it
        // An item under itself.
        CHECK(first_error(std::string(kHead) + R"(    {"identifier": "b", "fullStatement": "Beta"}
  ],
  "CFAssociations": [
    {"identifier": "x1", "associationType": "isChildOf",
     "originNodeURI": {"identifier": "b"}, "destinationNodeURI": {"identifier": "b"}}
  ]
})") == "8:5 [parent-cycle]");
    }

    TEST_CASE("case errors: a tree deeper than 8 levels is an error at the first item too deep") {
        auto chain = [](int depth) {
            std::vector<std::string> items, as;
            for (int k = 0; k < depth; ++k) {
                const std::string id = "i" + std::to_string(k);
                items.push_back(item(id, "\"fullStatement\": \"Level " + std::to_string(k + 1) + "\""));
                as.push_back(parent(id, k == 0 ? "doc" : "i" + std::to_string(k - 1)));
            }
            return package(items, as);
        };
        const auto eight = imported(chain(8));
        CHECK(eight.items.size() == 8);
        CHECK(eight.max_depth() == 8);
        const auto text = chain(9);
        const auto r = import_case(text, "bad.json");
        CHECK_FALSE(r.framework);
        const auto* d = error_with(r, "too-deep");
        REQUIRE(d);
        // CFItems[8] is on line 12 (the document is line 2, CFItems opens on line 3).
        CHECK(d->location.line == 12);
        CHECK(d->location.column == 5);
        CHECK(d->message.find("CFItems[8]") != std::string::npos);
    }

    TEST_CASE("case errors: inputs of the wrong shape are errors, never a crash") {
        const std::string doc = R"("CFDocument": {"identifier": "doc", "uri": "u", "title": "T"})";
        const std::string one = R"("CFItems": [{"identifier": "a", "fullStatement": "Alpha"}])";
        const std::vector<std::pair<std::string, std::string>> cases{
            {"{" + doc + R"(, "CFItems": {"identifier": "a"}})", "wrong-type"},
            {"{" + doc + R"(, "CFItems": [1, "two"]})", "wrong-type"},
            {"{" + doc + ", " + one + R"(, "CFAssociations": 5})", "wrong-type"},
            {"{" + doc + ", " + one + R"(, "CFAssociations": [null]})", "wrong-type"},
            {"{" + doc + ", " + one +
                 R"(, "CFAssociations": [{"identifier": "x", "associationType": "isChildOf", "originNodeURI": "a",
                     "destinationNodeURI": {"identifier": "doc"}}]})",
             "wrong-type"},
            {"{" + doc + ", " + one +
                 R"(, "CFAssociations": [{"identifier": "x", "associationType": "isChildOf",
                     "originNodeURI": {"identifier": 1}, "destinationNodeURI": {"identifier": "doc"}}]})",
             "wrong-type"},
            {"{" + doc + ", " + one +
                 R"(, "CFAssociations": [{"identifier": "x", "associationType": "isChildOf", "sequenceNumber": "1a",
                     "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "doc"}}]})",
             "wrong-type"},
            {R"({"CFDocument": {"identifier": 7, "uri": "u", "title": "T"}, )" + one + "}", "wrong-type"},
            {R"({"CFDocument": {"identifier": "", "uri": "u", "title": "T"}, )" + one + "}", "invalid-value"},
            {R"({"CFDocument": {"identifier": "doc", "uri": "u", "title": "  "}, )" + one + "}", "invalid-value"},
            {"{" + doc + R"(, "CFItems": [{"identifier": "a", "fullStatement": "A", "notes": 3}]})", "wrong-type"},
            {"{" + doc + R"(, "CFItems": [{"identifier": "a", "fullStatement": "A", "CFItemType": null}]})",
             "wrong-type"},
            {R"({"CFDocument": {"identifier": "doc", "uri": "u", "title": "T", "extensions": {"leadctl":
                 {"id": 5, "year": "2020", "sources": 3, "profiles": [1], "scale": {"a": 1}, "x": [],
                  "status": ["draft"]}}}, )" +
                 one + "}",
             "wrong-type"},
            {R"({"CFDocument": {"identifier": "doc", "uri": "u", "title": "T", "extensions": {"leadctl": "x"}}, )" +
                 one + "}",
             "wrong-type"},
            {R"({"CFDocument": {"identifier": "doc", "uri": "u", "title": "T", "extensions": {"leadctl":
                 {"sources": [{"url": 1}], "scale": [{"x": {"case.a": "b"}}], "profiles": [{"requires": "a"}],
                  "x": {"moodle.a": 1}}}}, )" +
                 one + "}",
             "missing-field"},
            {"{" + doc +
                 R"(, "CFItems": [{"identifier": "a", "fullStatement": "A", "extensions": {"leadctl":
                 {"aliases": "a", "outcomes": [1], "x": {"case.y": "z"}}}}]})",
             "wrong-type"},
            {"{" + doc + R"(, "CFItems": [{"identifier": "a", "fullStatement": "A", "extensions": {"leadctl": []}}]})",
             "wrong-type"},
            {R"({"CFDocument": {"identifier": "doc", "uri": "u", "title": "T", "extensions": 0}, )" + one + "}",
             "wrong-type"},
            {"{" + doc + R"(, "CFItems": [{"identifier": "a", "fullStatement": "A", "extensions": "x"}]})",
             "wrong-type"},
        };
        for (const auto& [text, code] : cases) {
            CAPTURE(text);
            const auto r = import_case(text, "bad.json");
            CHECK_FALSE(r.framework);
            CHECK(error_with(r, code));
            for (const auto& d : r.diagnostics.items()) {
                CHECK(d.location.line >= 1);
                CHECK(d.location.column >= 1);
            }
        }
    }

    TEST_CASE("case errors: odd but valid parts of a package are kept, never a crash") {
        const std::string doc = R"("CFDocument": {"identifier": "doc", "uri": "u", "title": "T"})";
        const std::string one =
            R"("CFItems": [{"identifier": "a", "fullStatement": "Alpha"}], "CFAssociations": [{"identifier": "x",
               "associationType": "isChildOf", "originNodeURI": {"identifier": "a"},
               "destinationNodeURI": {"identifier": "doc"}}])";
        for (const std::string rubrics :
             {R"([1, "x", null, {"identifier": 5}, []])", R"([{"identifier": "r", "CFRubricCriteria": 3}])"}) {
            CAPTURE(rubrics);
            const auto r = import_case("{" + doc + ", " + one + ", \"CFRubrics\": " + rubrics + "}", "odd.json");
            for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
            REQUIRE(r.framework);
            const auto out = export_with(*r.framework);
            CHECK_FALSE(out.text.empty());
        }
        // CFRubrics that is not a list is an error, not something kept and dropped later.
        for (const std::string rubrics : {R"(5)", R"({"a": 1})"}) {
            const auto r = import_case("{" + doc + ", " + one + ", \"CFRubrics\": " + rubrics + "}", "odd.json");
            CHECK_FALSE(r.framework);
            CHECK(error_with(r, "wrong-type"));
        }
        // A package member that is no CASE part.
        const auto fw = imported("{" + doc + ", " + one + R"(, "extensions": {"vendor": {"k": 1}}})");
        CHECK(x_or_none(fw.extra, "case.package.extensions.json") == R"({"vendor":{"k":1}})");
        CHECK(parse(export_with(fw).text)["extensions"] == Json{{"vendor", {{"k", 1}}}});
        const auto old = export_with(fw, "1.0");
        CHECK_FALSE(parse(old.text).contains("extensions"));
        CHECK(any_contains(old.losses, "case.package.extensions.json"));
    }

    TEST_CASE("case errors: a JSON key given twice is an error at the second one, never an exception") {
        // JSON readers disagree on which of two equal keys counts (nlohmann keeps the
        // last, the position reader the first): refuse the package.
        const std::string text = R"({
  "CFDocument": {"identifier": "doc", "uri": "u", "title": "T"},
  "CFItems": [[1]],
  "CFItems": [{"identifier": 5, "fullStatement": "A"}]
})";
        CaseImport r;
        CHECK_NOTHROW(r = import_case(text, "bad.json"));
        CHECK_FALSE(r.framework);
        REQUIRE(error_with(r, "duplicate-key"));
        CHECK(r.diagnostics.items().front().location.line == 4);
        CHECK(r.diagnostics.items().front().location.column == 3);
    }

    // ================================================================ OpenSALT's packages

    TEST_CASE("case fixtures: OpenSALT's packages import and export as CASE 1.0 unchanged") {
        for (const auto* name : {"Utf8TestFramework.json", "SequenceNumberFramework.json", "MarkdownFramework.json"}) {
            CAPTURE(name);
            const auto text = shared_fixture("case/" + std::string(name));
            if (!text) return;
            const auto r = import_ok(*text);
            CHECK(r.diagnostics.empty());
            CHECK(r.losses.empty());
            const auto out = export_with(*r.framework, "1.0");
            CHECK(out.losses.empty());
            CHECK(out.warnings.empty());
            const auto a = parse(*text);
            const auto b = parse(out.text);
            CHECK(b["CFDocument"] == a["CFDocument"]);
            CHECK(keyed(b["CFItems"]) == keyed(a["CFItems"]));
            CHECK(keyed(b["CFAssociations"]) == keyed(a["CFAssociations"]));
            CHECK(b["CFItems"].size() == a["CFItems"].size());
            CHECK(b["CFAssociations"].size() == a["CFAssociations"].size());
            CHECK(b["CFDefinitions"] == a["CFDefinitions"]);
            CHECK_FALSE(b.contains("CFRubrics"));
        }
    }

    TEST_CASE("case fixtures: what OpenSALT's packages read as") {
        const auto utf8 = shared_fixture("case/Utf8TestFramework.json");
        const auto seq = shared_fixture("case/SequenceNumberFramework.json");
        const auto md = shared_fixture("case/MarkdownFramework.json");
        if (!utf8 || !seq || !md) return;
        const auto u = imported(*utf8);
        CHECK(u.title == "UTF8 𝑑 Test");
        REQUIRE(u.items.size() == 1);
        CHECK(u.items[0].code == "00000000-0000-0000-0000-000000000001");
        CHECK(u.items[0].name == "Item 𝑑 1");
        CHECK_FALSE(parse(export_with(u).text)["CFItems"][0].contains("humanCodingScheme"));
        const auto s = imported(*seq);
        CHECK(codes(s) == std::vector<std::string>{"SNT.2", "SNT.1"});
        CHECK(s.items[0].name == "Second added item, but should be first");
        const auto m = imported(*md);
        REQUIRE(m.items.size() == 2);
        CHECK(item_of(m, "MD.Table").name == "This contains a _table_ in markdown:");
        // 1.1 keeps OpenSALT's identifiers, and says that 1.1 validators reject them.
        const auto out = export_with(s);
        REQUIRE(out.warnings.size() == 1);
        CHECK(out.warnings[0].find("d0000000-0000-0000-0000-000000000000") != std::string::npos);
        CHECK(parse(out.text)["CFDocument"]["identifier"] == "d0000000-0000-0000-0000-000000000000");
        CHECK(parse(out.text)["CFItems"][0]["identifier"] == "ea98ab46-c0ea-11e7-820f-a71b35976453");
    }

    TEST_CASE("case import: from a package already parsed, the same framework and the same located errors") {
        const auto text = export_plain(demo()).text;
        const auto parsed = parse_json(text, "p.json");
        REQUIRE_FALSE(parsed.error);
        const auto once = import_case(parsed.value, text, "p.json");
        REQUIRE(once.framework);
        CHECK(yaml_of(*once.framework) == yaml_of(imported(text)));
        CHECK(once.losses == import_ok(text).losses);

        const std::string bad = "{\n  \"CFDocument\": [],\n  \"CFItems\": []\n}\n";
        const auto from_value = import_case(parse_json(bad, "bad.json").value, bad, "bad.json");
        const auto from_text = import_case(bad, "bad.json");
        CHECK_FALSE(from_value.framework);
        REQUIRE(from_value.diagnostics.items().size() == from_text.diagnostics.items().size());
        REQUIRE_FALSE(from_text.diagnostics.items().empty());
        CHECK(format_diagnostic(from_value.diagnostics.items()[0]) ==
              format_diagnostic(from_text.diagnostics.items()[0]));
    }
}
