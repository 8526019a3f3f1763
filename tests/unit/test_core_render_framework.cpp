#include "core/framework_loader.hpp"
#include "core/render_framework.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

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

    TEST_CASE("Markdown escapes table pipes") {
        const auto md = render_markdown(demo(), -1, ShowOptions{});
        CHECK(md.starts_with("# Demo | pipes (`demo`)\n"));
        CHECK(md.find("| `1.1` | Element a\\|b | ") != std::string::npos);
        CHECK(md.find("| `p` | P | 1.1, 2 | high |") != std::string::npos);
    }
}
