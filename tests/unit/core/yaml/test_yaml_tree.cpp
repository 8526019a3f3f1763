#include "core/yaml/yaml_tree.hpp"

#include <doctest/doctest.h>
#include <chrono>
#include <string>

using namespace leadctl;

namespace {
std::string first_code(const yaml::Document& d) {
    return d.diagnostics.items().empty() ? "" : d.diagnostics.items().front().code;
}
}  // namespace

TEST_SUITE("core::yaml_tree") {
    TEST_CASE("nodes carry 1-based line and column and raw scalar text") {
        const auto doc = yaml::parse("id: mlcf\nitems:\n  - code: 1.10\n    name: \"x\"\n", "f.yaml");
        REQUIRE(doc.root);
        CHECK(doc.diagnostics.empty());
        const auto* items = doc.root->find("items");
        REQUIRE(items);
        REQUIRE(items->is_sequence());
        const auto* code = items->items.at(0)->find("code");
        REQUIRE(code);
        CHECK(code->value == "1.10");  // not the float 1.1
        CHECK_FALSE(code->quoted);
        CHECK(code->line == 3);
        CHECK(code->column == 11);
        CHECK(items->items.at(0)->find("name")->quoted);
    }

    TEST_CASE("an alias bomb fails fast instead of expanding") {
        std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 12; ++i) {
            text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
            for (int k = 0; k < 9; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
            text += "]\n";
        }
        const auto start = std::chrono::steady_clock::now();
        const auto doc = yaml::parse(text, "bomb.yaml");
        const auto elapsed = std::chrono::steady_clock::now() - start;
        CHECK_FALSE(doc.root);
        CHECK(first_code(doc) == "yaml-too-large");
        // A functional bound, not a benchmark: expansion would take minutes and gigabytes.
        CHECK(elapsed < std::chrono::seconds(5));
    }

    TEST_CASE("small aliases are shared, not refused") {
        const auto doc = yaml::parse("base: &b {x: 1}\nother: *b\n", "a.yaml");
        REQUIRE(doc.root);
        CHECK(doc.root->find("other")->find("x")->value == "1");
        CHECK(doc.root->find("other") == doc.root->find("base"));
    }

    TEST_CASE("deep nesting is refused with its location") {
        const std::string text(100000, '[');
        const auto doc = yaml::parse(text, "deep.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-too-deep");
        CHECK(doc.diagnostics.items().front().location.line == 1);
        CHECK(doc.diagnostics.items().front().location.column > 1);
    }

    TEST_CASE("binary, non-UTF-8 and empty input are reported, not parsed") {
        CHECK(first_code(yaml::parse(std::string("id: x\n\0\1", 8), "b.yaml")) == "binary-file");
        const auto latin1 = yaml::parse("id: x\ntitle: caf\xe9\n", "l.yaml");
        REQUIRE(first_code(latin1) == "not-utf8");
        CHECK(latin1.diagnostics.items().front().location.line == 2);
        CHECK(latin1.diagnostics.items().front().location.column == 11);
        CHECK(first_code(yaml::parse("", "e.yaml")) == "empty-file");
        CHECK(first_code(yaml::parse("# only a comment\n\n", "c.yaml")) == "empty-file");
        yaml::Limits small;
        small.max_bytes = 4;
        CHECK(first_code(yaml::parse("id: abc\n", "big.yaml", small)) == "file-too-large");
    }

    TEST_CASE("syntax errors point at the problem") {
        const auto doc = yaml::parse("id: x\ntitle: [unclosed\nitems:\n", "s.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(doc.diagnostics.items().front().location.line == 3);
    }

    TEST_CASE("duplicate keys are errors but parsing goes on") {
        const auto doc = yaml::parse("id: a\nid: b\ntitle: t\n", "d.yaml");
        REQUIRE(doc.root);
        REQUIRE(first_code(doc) == "yaml-duplicate-key");
        CHECK(doc.diagnostics.items().front().location.line == 2);
    }

    TEST_CASE("a second document is refused") {
        const auto doc = yaml::parse("id: a\n---\nid: b\n", "m.yaml");
        CHECK_FALSE(doc.root);
        CHECK(first_code(doc) == "yaml-multiple-documents");
    }
}
