#include "core/formats/render_framework.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace leadctl;

namespace {

Framework demo() {
    auto l = load_framework(R"(id: demo
title: Demo | pipes
year: 2020
scale:
  - {id: low, name: Low}
  - {id: high, name: High}
items:
  - code: "1"
    name: Domain one
    type: domain
    items:
      - code: "1.1"
        name: Element a|b
        description: "Does things: a \"quoted\" word, a # hash, and a long sentence that goes on past the width of one line."
        aliases: [element-a]
        outcomes: [First outcome]
        levels: {low: starting, high: leading}
  - code: "2"
    name: Domain two
profiles:
  - {id: p, name: P, requires: ["1.1", "2"], level: high}
)",
                            "demo.yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

/// Text that the YAML writer must carry through unchanged: every case where a
/// literal block, a plain scalar or the JSON hop could lose or change a byte.
std::vector<std::string> nasty_texts() {
    using namespace std::string_literals;
    return {
        "ordinary text",
        "ordinary paragraph\nwith two lines\n",
        "one line ending in a break\n",
        "a blank line\n\ninside\n",
        "a line\n  indented below the first\n",
        "two line breaks at the end\n\n",
        "three line breaks at the end\n\n\n",
        "Windows\r\nline ends\r\n",
        "Windows\r\nline ends, no final one",
        "a lone\rcarriage return\n",
        "a final carriage return\r",
        "  first line starts with spaces\nsecond line\n",
        " first line starts with a space, no break",
        "\nleading empty line\n",
        "\n  leading empty line, then an indented one\n",
        "trailing spaces  \nnext line\n",
        "a line\n   \nof only spaces\n",
        "a tab\tinside\n",
        "\ttab first\n",
        "a line ending in a tab\t\nnext\n",
        "tab\tinside, no break",
        " leading space",
        "trailing space ",
        "trailing tab\t",
        "null",
        "Null",
        "NULL",
        "~",
        "true",
        "false",
        "yes",
        "1.10",
        "0x1F",
        "- x",
        "-",
        "- item\n- item\n",
        "#x",
        "# a comment?\n",
        "a #b",
        ": x",
        "x:",
        "key: value\n",
        "? x",
        "'quoted'",
        "\"double quoted\"",
        "|",
        "| x\n",
        ">",
        "---",
        "--- x\n",
        "...\n",
        "%YAML 1.2",
        "&anchor",
        "*alias",
        "!tag",
        "@at",
        "`tick",
        "[x]",
        "{x: y}",
        "a, b",
        "back\\slash",
        "back\\slash\\n\n",
        "UTF8 \xF0\x9D\x91\x91 Test",
        "UTF8 \xF0\x9D\x91\x91 Test\nsecond line \xC3\xA9\n",
        "no-break space at the end\xC2\xA0",
        "\xC2\xA0no-break space first",
        "next line \xC2\x85 (NEL) inside",
        "NEL at the end of a line\xC2\x85\n",
        "line \xE2\x80\xA8 and paragraph \xE2\x80\xA9 separators\n",
        "byte order mark \xEF\xBB\xBF inside",
        "\xEF\xBB\xBF"
        "byte order mark first\n",
        "control \x01 character\n",
        "vertical \x0b tab",
        "form \x0c feed\n",
        "delete \x7f character\n",
        "escape \x1b[1m sequence\n",
        "a NUL \0 byte"s,
        "a NUL \0 byte in a block\n"s,
        "several\nlines\nno final break",
        "noncharacter \xEF\xBF\xBE (U+FFFE)",
        "noncharacters \xEF\xB7\x90 \xEF\xBF\xBF \xF0\x9F\xBF\xBE \xF4\x8F\xBF\xBF\nin a block\n",
        "a noncharacter \xEF\xBF\xBE, a tab\t, a CR\r and a \"quote\" \\ \xC2\x85 \xC2\xA0 \xEF\xBB\xBF\x01",
        "- noncharacter \xEF\xB7\xAF",
        "0042",
        "12345678901234567890",
    };
}

/// A framework whose every text field is `s`.
Framework nasty_framework(const std::string& s) {
    Framework fw;
    fw.id = "nasty";
    fw.title = s;
    fw.edition = s;
    fw.publisher = s;
    fw.year = 2024;
    fw.uri = s;
    fw.sources = {{s, s}, {s, ""}};
    fw.status = "draft";
    fw.completeness = "partial";
    fw.completeness_note = s;
    fw.description = s;
    fw.notes = s;
    fw.license = s;
    fw.extra = {{"case.title", s}};
    fw.scale = {{"low", s, s, {{"case.level", s}}}, {"high", s + "!", s, {}}};
    for (int k = 0; k < 3; ++k) {
        Item it;
        it.code = std::to_string(k + 1);
        it.name = s;
        it.type = k == 0 ? "domain" : "element";
        it.description = s;
        it.notes = s;
        it.aliases = {"alias-" + std::to_string(k)};
        it.outcomes = {s, "a plain outcome", s};
        it.level_headings = {{"low", s}, {"high", s}};
        it.extra = {{"case.note", s}, {"year", s}, {"case." + s, "key"}};
        it.parent = k == 0 ? -1 : 0;
        it.depth = k == 0 ? 0 : 1;
        if (k > 0) fw.items[0].children.push_back(k);
        fw.items.push_back(std::move(it));
    }
    fw.roots = {0};
    fw.profiles = {{"p", s, s, s, {"1", "3"}, "high", {}, {}, {}, {}}};
    fw.index();
    return fw;
}

/// The text with control characters and non-ASCII bytes spelled out, for messages.
std::string visible(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c >= 0x7f) {
            constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

void check_same(const Framework& a, const Framework& b) {
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    CHECK(b.edition == a.edition);
    CHECK(b.publisher == a.publisher);
    CHECK(b.year == a.year);
    CHECK(b.uri == a.uri);
    CHECK(b.sources.size() == a.sources.size());
    if (b.sources.size() != a.sources.size()) return;
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        CHECK(b.sources[i].citation == a.sources[i].citation);
        CHECK(b.sources[i].url == a.sources[i].url);
    }
    CHECK(b.status == a.status);
    CHECK(b.completeness == a.completeness);
    CHECK(b.completeness_note == a.completeness_note);
    CHECK(b.description == a.description);
    CHECK(b.notes == a.notes);
    CHECK(b.license == a.license);
    CHECK(b.extra == a.extra);
    CHECK(b.scale.size() == a.scale.size());
    if (b.scale.size() != a.scale.size()) return;
    for (std::size_t i = 0; i < a.scale.size(); ++i) {
        CHECK(b.scale[i].id == a.scale[i].id);
        CHECK(b.scale[i].name == a.scale[i].name);
        CHECK(b.scale[i].description == a.scale[i].description);
        CHECK(b.scale[i].extra == a.scale[i].extra);
    }
    CHECK(b.roots == a.roots);
    CHECK(b.items.size() == a.items.size());
    if (b.items.size() != a.items.size()) return;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const auto& x = a.items[i];
        const auto& y = b.items[i];
        CHECK(y.code == x.code);
        CHECK(y.name == x.name);
        CHECK(y.type == x.type);
        CHECK(y.description == x.description);
        CHECK(y.notes == x.notes);
        CHECK(y.aliases == x.aliases);
        CHECK(y.outcomes == x.outcomes);
        CHECK(y.level_headings.size() == x.level_headings.size());
        if (y.level_headings.size() != x.level_headings.size()) continue;
        for (std::size_t h = 0; h < x.level_headings.size(); ++h) {
            CHECK(y.level_headings[h].level == x.level_headings[h].level);
            CHECK(y.level_headings[h].text == x.level_headings[h].text);
        }
        CHECK(y.extra == x.extra);
        CHECK(y.parent == x.parent);
        CHECK(y.children == x.children);
    }
    CHECK(b.profiles.size() == a.profiles.size());
    if (b.profiles.size() != a.profiles.size()) return;
    for (std::size_t i = 0; i < a.profiles.size(); ++i) {
        CHECK(b.profiles[i].id == a.profiles[i].id);
        CHECK(b.profiles[i].name == a.profiles[i].name);
        CHECK(b.profiles[i].description == a.profiles[i].description);
        CHECK(b.profiles[i].notes == a.profiles[i].notes);
        CHECK(b.profiles[i].required == a.profiles[i].required);
        CHECK(b.profiles[i].level == a.profiles[i].level);
    }
}

}  // namespace

TEST_SUITE("core::render_framework") {
    TEST_CASE("the text tree indents children under their parents") {
        const auto out = render_text(demo(), -1, ShowOptions{});
        CHECK(
            out.find("CODE   NAME         TYPE\n1      Domain one   domain\n  1.1  Element a|b\n2      Domain two\n") !=
            std::string::npos);
        CHECK(out.find("Scale: Low < High (lowest to highest)") != std::string::npos);
        CHECK(out.find("status:") == std::string::npos);  // the file gives none
        CHECK(out.find("\x1b[") == std::string::npos);
    }

    TEST_CASE("depth limits the tree") {
        ShowOptions opt;
        opt.max_depth = 1;
        const auto out = render_text(demo(), -1, opt);
        CHECK(out.find("1.1") == std::string::npos);
        const auto j = nlohmann::json::parse(render_json(demo(), -1, opt));
        CHECK(j["items"][0]["items"].empty());
    }

    TEST_CASE("one item shows its parent, aliases, outcomes, level headings and profiles") {
        const auto fw = demo();
        const auto out = render_text(fw, fw.find("1.1"), ShowOptions{});
        CHECK(out.starts_with("demo:1.1  Element a|b\n"));
        CHECK(out.find("Parent       demo:1  Domain one") != std::string::npos);
        CHECK(out.find("Aliases      demo:element-a") != std::string::npos);
        CHECK(out.find("Required by  p") != std::string::npos);
        CHECK(out.find("  - First outcome") != std::string::npos);
        CHECK(out.find("  High   leading") != std::string::npos);
    }

    TEST_CASE("JSON output is versioned and complete") {
        const auto j = nlohmann::json::parse(render_json(demo(), -1, ShowOptions{}));
        CHECK(j["schema"] == "leadctl.framework/1");
        CHECK(j["year"] == 2020);
        CHECK(j["edition"] == "");
        CHECK(j["items"][0]["items"][0]["ref"] == "demo:1.1");
        CHECK(j["items"][0]["items"][0]["level_headings"][1]["heading"] == "leading");
        CHECK(j["profiles"][0]["level"] == "high");
        const auto fw = demo();
        const auto item = nlohmann::json::parse(render_json(fw, fw.find("1.1"), ShowOptions{}));
        CHECK(item["schema"] == "leadctl.item/1");
        CHECK(item["ancestors"] == nlohmann::json::array({"demo:1"}));
        CHECK(item["required_by"] == nlohmann::json::array({"p"}));
    }

    TEST_CASE("YAML output loads back to the same framework") {
        const auto fw = demo();
        const auto again = load_framework(render_yaml(fw, -1, ShowOptions{}), "again.yaml");
        REQUIRE(again.framework);
        CHECK(again.diagnostics.empty());
        REQUIRE(again.framework->items.size() == fw.items.size());
        for (std::size_t i = 0; i < fw.items.size(); ++i) {
            CHECK(again.framework->items[i].code == fw.items[i].code);
            CHECK(again.framework->items[i].name == fw.items[i].name);
            CHECK(again.framework->items[i].description == fw.items[i].description);
            CHECK(again.framework->items[i].parent == fw.items[i].parent);
            CHECK(again.framework->items[i].aliases == fw.items[i].aliases);
            CHECK(again.framework->items[i].level_headings.size() == fw.items[i].level_headings.size());
        }
        CHECK(again.framework->profiles[0].required == fw.profiles[0].required);
        CHECK(again.framework->title == fw.title);
    }

    TEST_CASE("YAML and file JSON carry every text through byte for byte") {
        for (const auto& s : nasty_texts()) {
            INFO("text: \"", visible(s), "\"");
            const auto fw = nasty_framework(s);
            const auto yaml_text = render_yaml(fw, -1, ShowOptions{});
            INFO("YAML:\n", yaml_text);
            const auto from_yaml = load_framework(yaml_text, "t.yaml");
            CHECK_FALSE(from_yaml.diagnostics.has_errors());
            CHECK(from_yaml.framework);
            if (from_yaml.framework) check_same(fw, *from_yaml.framework);

            const auto json_text = render_file_json(fw);
            INFO("JSON:\n", json_text);
            const auto from_json = load_framework(json_text, "t.json");
            CHECK_FALSE(from_json.diagnostics.has_errors());
            CHECK(from_json.framework);
            if (from_json.framework) check_same(fw, *from_json.framework);
        }
    }

    TEST_CASE("YAML keeps literal blocks and plain text where they are safe") {
        auto fw = demo();
        fw.items[1].description = "First paragraph.\n\nSecond paragraph, UTF-8 \xC3\xA9.\n";
        fw.items[1].notes = "Two breaks at the end.\n\n";
        fw.items[2].description = "Windows\r\nline ends\r\n";
        const auto out = render_yaml(fw, -1, ShowOptions{});
        CHECK(out.find("description: |\n          First paragraph.\n\n          Second paragraph, UTF-8 \xC3\xA9.\n") !=
              std::string::npos);
        CHECK(out.find("notes: \"Two breaks at the end.\\n\\n\"\n") != std::string::npos);
        CHECK(out.find("description: \"Windows\\r\\nline ends\\r\\n\"\n") != std::string::npos);
        CHECK(out.find("name: Element a|b\n") != std::string::npos);
        CHECK(out.find("title: Demo | pipes\n") != std::string::npos);
    }

    TEST_CASE("Markdown escapes table pipes") {
        const auto md = render_markdown(demo(), -1, ShowOptions{});
        // The title goes through the one Markdown neutraliser too (a `\|` reads as `|`).
        CHECK(md.starts_with("# Demo \\| pipes (`demo`)\n"));
        CHECK(md.find("| `1.1` | Element a\\|b | ") != std::string::npos);
        CHECK(md.find("| `p` | P | 1.1, 2 | high |") != std::string::npos);
    }
}
