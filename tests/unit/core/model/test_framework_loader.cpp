#include "core/model/framework_loader.hpp"

#include "core/formats/render_framework.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <string>

using namespace leadctl;

namespace {

const char* kValid = R"(id: demo
title: Demo framework
edition: "1st edition"
year: 2020
status: draft
completeness: partial
completeness_note: Outcomes are not held.
source:
  citation: A made-up source for tests.
scale:
  - {id: low, name: Low}
  - {id: high, name: High}
items:
  - code: "1"
    name: First domain
    type: domain
    items:
      - code: "1.1"
        name: First element
        aliases: [first-element]
        levels: {high: "doing it well", low: "doing it"}
      - code: "1.2"
        name: Second element
  - code: "2"
    name: Second domain
profiles:
  - id: basic
    name: Basic
    requires: [first-element, "2"]
    level: low
)";

/// Codes of all diagnostics, in order.
std::vector<std::string> codes(const FrameworkLoad& l) {
    std::vector<std::string> out;
    for (const auto& d : l.diagnostics.items()) out.push_back(d.code);
    return out;
}

bool has(const FrameworkLoad& l, const std::string& code, int line = 0) {
    return std::any_of(l.diagnostics.items().begin(), l.diagnostics.items().end(),
                       [&](const Diagnostic& d) { return d.code == code && (line == 0 || d.location.line == line); });
}

std::string message(const FrameworkLoad& l, const std::string& code) {
    for (const auto& d : l.diagnostics.items()) {
        if (d.code == code) return d.message;
    }
    return {};
}

/// kValid with one substring replaced.
std::string with(std::string_view from, std::string_view to) {
    std::string s = kValid;
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    s.replace(pos, from.size(), to);
    return s;
}

}  // namespace

TEST_SUITE("core::framework_loader") {
    TEST_CASE("a valid file loads into a tree with indexes, scale and profiles") {
        const auto l = load_framework(kValid, "demo.yaml");
        REQUIRE(l.framework);
        CHECK(l.diagnostics.empty());
        const Framework& fw = *l.framework;
        CHECK(fw.id == "demo");
        CHECK(fw.year == 2020);
        REQUIRE(fw.items.size() == 4);
        CHECK(fw.roots == std::vector<int>{0, 3});
        CHECK(fw.items[1].parent == 0);
        CHECK(fw.items[1].depth == 1);
        CHECK(fw.find("first-element") == 1);
        // Level headings come back in scale order, whatever the file order.
        REQUIRE(fw.items[1].level_headings.size() == 2);
        CHECK(fw.items[1].level_headings[0].level == "low");
        REQUIRE(fw.profiles.size() == 1);
        // The alias resolves to the code.
        CHECK(fw.profiles[0].required == std::vector<std::string>{"1.1", "2"});
        CHECK(fw.sources.size() == 1);
    }

    TEST_CASE("a profile naming the same item twice is a warning") {
        const auto twice =
            load_framework(with("requires: [first-element", "requires: [first-element, \"1.1\""), "d.yaml");
        REQUIRE(twice.framework);
        CHECK(twice.framework->profiles[0].required == std::vector<std::string>{"1.1", "2"});
        CHECK(codes(twice) == std::vector<std::string>{"duplicate-item"});
    }

    TEST_CASE("unknown keys are errors with a suggestion") {
        const auto l = load_framework(with("    name: Second element", "    nmae: Second element"), "d.yaml");
        CHECK_FALSE(l.framework);
        CHECK(has(l, "unknown-key", 23));
        CHECK(message(l, "unknown-key") == "unknown key \"nmae\" in item (did you mean \"name\"?)");
        CHECK(has(l, "missing-field", 22));  // the item now lacks its name
    }

    TEST_CASE("missing id, title, code and name are reported together") {
        std::string s = with("id: demo\ntitle: Demo framework\n", "");
        const auto pos = s.find("    name: First domain\n");
        s.erase(pos, std::string("    name: First domain\n").size());
        const auto l = load_framework(s, "d.yaml");
        CHECK_FALSE(l.framework);
        int missing = 0;
        for (const auto& d : l.diagnostics.items()) missing += d.code == "missing-field";
        CHECK(missing == 3);  // id, title, name
        const auto no_code = load_framework(with("  - code: \"2\"\n", "  - "), "d.yaml");
        CHECK(has(no_code, "missing-field"));
        CHECK(message(no_code, "missing-field") == "item has no \"code\"");
    }

    TEST_CASE("duplicate codes point at the earlier one") {
        const auto l = load_framework(with("code: \"1.2\"", "code: \"1.1\""), "d.yaml");
        CHECK_FALSE(l.framework);
        REQUIRE(has(l, "duplicate-code", 22));
        CHECK(message(l, "duplicate-code") == "code \"1.1\" is already used by the item at line 18");
    }

    TEST_CASE("an alias used twice, or equal to a code, is an error") {
        const auto twice = load_framework(
            with("        name: Second element", "        name: Second element\n        aliases: [first-element]"),
            "d.yaml");
        CHECK(has(twice, "duplicate-alias"));
        const auto as_code = load_framework(with("aliases: [first-element]", "aliases: [\"2\"]"), "d.yaml");
        CHECK(has(as_code, "duplicate-alias"));
        const auto not_slug = load_framework(with("aliases: [first-element]", "aliases: [First Element]"), "d.yaml");
        CHECK(has(not_slug, "invalid-alias"));
        CHECK(message(not_slug, "invalid-alias").find("try \"first-element\"") != std::string::npos);
    }

    TEST_CASE("profiles naming unknown items or levels are errors") {
        const auto item = load_framework(with("requires: [first-element", "requires: [\"1.3\""), "d.yaml");
        CHECK(has(item, "unknown-item", 29));
        CHECK(message(item, "unknown-item") ==
              "profile \"basic\" requires unknown item \"1.3\" (did you mean \"1.1\"?)");
        const auto level = load_framework(with("    level: low", "    level: lo"), "d.yaml");
        CHECK(has(level, "unknown-level", 30));
        CHECK(message(level, "unknown-level").find("did you mean \"low\"") != std::string::npos);
    }

    TEST_CASE("a level heading for an undeclared level is an error") {
        const auto l = load_framework(with("high: \"doing it well\"", "medium: \"doing it well\""), "d.yaml");
        CHECK(has(l, "unknown-level", 21));
        CHECK(message(l, "unknown-level") == "level \"medium\" is not declared in the scale (declared: low, high)");
        const auto no_scale =
            load_framework(with("scale:\n  - {id: low, name: Low}\n  - {id: high, name: High}\n", ""), "d.yaml");
        CHECK(has(no_scale, "unknown-level"));
        CHECK(message(no_scale, "unknown-level").find("declares no scale") != std::string::npos);
    }

    TEST_CASE("a scale level declared twice is an error") {
        const auto l = load_framework(with("{id: high, name: High}", "{id: low, name: High}"), "d.yaml");
        CHECK(has(l, "duplicate-level", 12));
    }

    TEST_CASE("closed header values are checked with suggestions") {
        const auto status = load_framework(with("status: draft", "status: drfat"), "d.yaml");
        CHECK(message(status, "invalid-value").find("did you mean \"draft\"") != std::string::npos);
        const auto partial = load_framework(with("completeness_note: Outcomes are not held.\n", ""), "d.yaml");
        CHECK(has(partial, "missing-field", 6));
        const auto year = load_framework(with("year: 2020", "year: twenty"), "d.yaml");
        CHECK(has(year, "wrong-type", 4));
    }

    TEST_CASE("ids and codes must be well formed") {
        CHECK(has(load_framework(with("id: demo", "id: Demo_1"), "d.yaml"), "invalid-id", 1));
        CHECK(has(load_framework(with("code: \"1.2\"", "code: \"1 2\""), "d.yaml"), "invalid-code", 22));
        CHECK(has(load_framework(with("type: domain", "type: Big Domain"), "d.yaml"), "invalid-value", 16));
    }

    TEST_CASE("wrong shapes are reported as wrong-type") {
        const auto items_map = load_framework("id: x\ntitle: X\nitems:\n  code: \"1\"\n  name: One\n", "d.yaml");
        CHECK_FALSE(items_map.framework);
        CHECK(has(items_map, "wrong-type", 4));
        const auto root_list = load_framework("- a\n- b\n", "d.yaml");
        CHECK(has(root_list, "wrong-type", 1));
        // An empty list is a stub (a CASE "external framework"): read, with a warning.
        const auto empty_items = load_framework("id: x\ntitle: X\nitems: []\n", "d.yaml");
        CHECK(empty_items.framework);
        CHECK(has(empty_items, "no-items", 3));
    }

    TEST_CASE("item trees deeper than the limit are refused") {
        std::string s = "id: x\ntitle: X\nitems:\n";
        std::string indent;
        for (int d = 0; d <= kMaxItemDepth; ++d) {
            s += indent + "  - code: c" + std::to_string(d) + "\n" + indent + "    name: N\n" + indent + "    items:\n";
            indent += "    ";
        }
        s += indent + "  - {code: leaf, name: Leaf}\n";
        const auto l = load_framework(s, "d.yaml");
        CHECK_FALSE(l.framework);
        CHECK(has(l, "too-deep"));
    }

    TEST_CASE("every problem in a file is reported in one run, in file order") {
        const std::string s = R"(id: Bad_ID
titel: Something
status: publshed
items:
  - code: "1"
    name: One
  - code: "1"
    name: Dup
  - name: No code
profiles:
  - id: p
    name: P
    requires: ["9"]
)";
        const auto l = load_framework(s, "bad.yaml");
        CHECK_FALSE(l.framework);
        CHECK(codes(l) == std::vector<std::string>{"missing-field", "invalid-id", "unknown-key", "invalid-value",
                                                   "duplicate-code", "missing-field", "unknown-item"});
        for (const auto& d : l.diagnostics.items()) CHECK(d.location.file == "bad.yaml");
    }

    TEST_CASE("YAML-level failures come through with their codes") {
        CHECK(codes(load_framework("", "e.yaml")) == std::vector<std::string>{"empty-file"});
        CHECK(codes(load_framework("id: [x\n", "s.yaml")) == std::vector<std::string>{"yaml-syntax"});
        const auto dup =
            load_framework(with("title: Demo framework\n", "title: Demo framework\ntitle: Again\n"), "d.yaml");
        CHECK(codes(dup) == std::vector<std::string>{"yaml-duplicate-key"});
        CHECK_FALSE(dup.framework);
    }

    TEST_CASE("x keeps interchange fields as text and writes them back unchanged") {
        const auto text = R"(id: xt
title: X test
status: draft
completeness: complete
x: {case.identifier: "d0000000-0000-0000-0000-000000000000", moodle.ruleconfig: "null", moodle.empty: ""}
scale:
  - {id: a, name: A, x: {moodle.scaleid: "2"}}
items:
  - {code: A.1, name: "Ä item", x: {case.uri: "http://x/ä", multi: "line one\nline two"}}
)";
        const auto l = load_framework(text, "x.yaml");
        REQUIRE(l.framework);
        const auto& fw = *l.framework;
        REQUIRE(fw.extra.size() == 3);
        CHECK(fw.extra[1] == std::pair<std::string, std::string>{"moodle.ruleconfig", "null"});
        CHECK(fw.extra[2].second.empty());
        CHECK(fw.scale[0].extra[0].second == "2");
        CHECK(fw.items[0].extra[1].second == "line one\nline two");
        const auto again = load_framework(render_yaml(fw, -1, {}), "again.yaml");
        REQUIRE(again.framework);
        CHECK(again.framework->extra == fw.extra);
        CHECK(again.framework->scale[0].extra == fw.scale[0].extra);
        CHECK(again.framework->items[0].extra == fw.items[0].extra);

        const auto nested = load_framework(
            "id: xt\ntitle: X\nstatus: draft\ncompleteness: complete\nitems: [{code: a, name: A, x: {k: [1]}}]\n",
            "n.yaml");
        CHECK_FALSE(nested.framework);
        CHECK(codes(nested) == std::vector<std::string>{"wrong-type"});
    }
}
