#include "core/formats/framework_tree.hpp"

#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace leadctl;

namespace {

using Json = nlohmann::ordered_json;

Framework demo() {
    auto l = load_framework(R"(id: demo
title: Demo
year: 2020
source: {citation: A book}
status: draft
x: {moodle.idnumber: "1"}
scale:
  - {id: low, name: Low}
  - {id: high, name: High}
items:
  - code: "1"
    name: Domain one
    type: domain
    items:
      - code: "1.1"
        name: Element
        description: "Two lines\nof prose\n"
        aliases: [element]
        levels: {low: starting, high: leading}
        items:
          - {code: "1.1.1", name: Deep}
  - code: "2"
    name: Domain two
profiles:
  - {id: p, name: P, requires: ["1.1"], level: high}
)",
                            "demo.yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

std::vector<std::string> keys(const FileNode& map) {
    std::vector<std::string> out;
    for (const auto& [k, v] : map.entries) out.push_back(k);
    return out;
}

const FileNode& get(const FileNode& map, const std::string& key) {
    auto it = std::find_if(map.entries.begin(), map.entries.end(), [&](const auto& e) { return e.key == key; });
    REQUIRE(it != map.entries.end());
    return it->value;
}

/// What a reader of the YAML gets, as JSON: the way the file JSON used to be made.
Json read_back(const yaml::Node& n, bool is_year = false) {
    switch (n.kind) {
        case yaml::Kind::null:
            return nullptr;
        case yaml::Kind::scalar:
            return is_year ? Json(std::stoi(n.value)) : Json(n.value);
        case yaml::Kind::sequence: {
            Json a = Json::array();
            for (const auto& i : n.items) a.push_back(read_back(*i));
            return a;
        }
        case yaml::Kind::map: {
            Json o = Json::object();
            for (const auto& [k, v] : n.entries) o[k->value] = read_back(*v);
            return o;
        }
    }
    return nullptr;
}

/// The YAML and the JSON of one tree, compared as a reader sees them.
void same_both_ways(const FileNode& tree) {
    const auto yaml_text = to_yaml(tree);
    const auto doc = yaml::parse(yaml_text, "t.yaml");
    REQUIRE(doc.root);
    Json from_yaml = Json::object();
    for (const auto& [k, v] : doc.root->entries) from_yaml[k->value] = read_back(*v, k->value == "year");
    CHECK(Json::parse(to_json(tree)) == from_yaml);
}

}  // namespace

TEST_SUITE("core::formats::framework_tree") {
    TEST_CASE("the tree holds the file's fields in the file's order, empty ones left out") {
        const auto tree = framework_tree(demo(), -1, 0);
        CHECK(keys(tree) ==
              std::vector<std::string>{"id", "title", "year", "source", "status", "x", "scale", "items", "profiles"});
        CHECK(get(tree, "year").kind == FileNode::Kind::number);
        CHECK(get(tree, "year").number == 2020);
        const auto& element = get(get(tree, "items").items[0], "items").items[0];
        CHECK(keys(element) == std::vector<std::string>{"code", "name", "description", "aliases", "levels", "items"});
        CHECK(get(element, "code").style == FileNode::Style::quoted);
        CHECK(get(element, "name").style == FileNode::Style::name);
        CHECK(get(element, "description").style == FileNode::Style::prose);
        CHECK(get(get(tree, "x"), "moodle.idnumber").style == FileNode::Style::quoted);
        CHECK(keys(get(tree, "profiles").items[0]) == std::vector<std::string>{"id", "name", "requires", "level"});
    }

    TEST_CASE("max_depth cuts the item tree, and one item gives its own subtree") {
        const auto fw = demo();
        const auto two = framework_tree(fw, -1, 2);
        const auto& element = get(get(two, "items").items[0], "items").items[0];
        CHECK(keys(element) == std::vector<std::string>{"code", "name", "description", "aliases", "levels"});
        const auto one = framework_tree(fw, fw.find("1.1"), 0);
        CHECK(get(one, "code").text == "1.1");
        CHECK(get(get(one, "items").items[0], "code").text == "1.1.1");
    }

    TEST_CASE("YAML and JSON spell the same tree, for every bundled framework") {
        for (const auto& b : bundled_frameworks()) {
            INFO(b.id);
            auto l = load_framework(b.text, std::string(b.file));
            REQUIRE(l.framework);
            same_both_ways(framework_tree(*l.framework, -1, 0));
        }
    }

    TEST_CASE("YAML and JSON spell the same texts, awkward ones included") {
        using namespace std::string_literals;
        for (const auto& s : {"plain"s, "two\nlines\n"s, "trailing space "s, "null"s, "1.10"s, "- x"s, "a: b"s,
                              "tab\there"s, "CR at the end\r"s, "NUL \0 inside"s, "noncharacter \xEF\xBF\xBE"s,
                              "NEL \xC2\x85 and no-break \xC2\xA0"s, ""s}) {
            INFO(s);
            auto fw = demo();
            fw.title = s;
            fw.items[0].description = s;
            fw.items[1].outcomes = {s};
            fw.extra = {{"k", s}};
            same_both_ways(framework_tree(fw, -1, 0));
        }
    }

    TEST_CASE("malformed UTF-8 becomes U+FFFD, a byte each, in JSON as in YAML") {
        auto fw = demo();
        fw.items[0].description = "bad \xC3 and \xFF\xFE bytes";
        const auto tree = framework_tree(fw, -1, 0);
        const auto j = Json::parse(to_json(tree));
        CHECK(j["items"][0]["description"] == "bad \xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD bytes");
        same_both_ways(tree);
    }
}
