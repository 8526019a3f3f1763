#include "core/render/render_stats.hpp"

#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

namespace {

struct Fixture {
    Framework fw = [] {
        auto l = load_framework(
            "id: x\ntitle: X\nitems:\n  - {code: b, name: \"Bee, the first\"}\n"
            "  - {code: a, name: Ay}\n",
            "x.yaml");
        REQUIRE(l.framework);
        return *l.framework;
    }();
    FrameworkLookup lookup = [this](std::string_view id) { return id == "x" ? &fw : nullptr; };
    Stats stats = [] {
        Stats s;
        s.logs = 2;
        s.entries = 3;
        s.unknown_tags = 1;
        s.first = Date{2024, 12, 1};
        s.last = Date{2025, 2, 3};
        s.by_item = {{"x:a", 1}, {"x:b", 12}};
        s.by_type = {{"teaching", 1}, {"audit", 2}};  // kEvidenceTypes puts audit first
        s.by_year = {{2024, 1}, {2025, 2}};
        return s;
    }();
};

}  // namespace

TEST_SUITE("core::render::render_stats") {
    TEST_CASE("text has a summary line and three tables, items in framework order") {
        const Fixture f;
        CHECK(render_stats_text(f.stats, f.lookup, Style{}) ==
              "2 logs, 3 entries, 2024-12-01 to 2025-02-03\n"
              "\n"
              "By competency (entries tagged, each entry counted once per item)\n"
              "  ITEM       NAME                          ENTRIES\n"
              "  x:b        Bee, the first                     12\n"
              "  x:a        Ay                                  1\n"
              "  (unknown)  tags that name no known item        1\n"
              "\n"
              "By type\n"
              "  TYPE      ENTRIES\n"
              "  audit           2\n"
              "  teaching        1\n"
              "\n"
              "By year\n"
              "  YEAR  ENTRIES\n"
              "  2024        1\n"
              "  2025        2\n");
    }

    TEST_CASE("text for one log without entries says so in the singular and has empty tables") {
        const Fixture f;
        Stats one;
        one.logs = 1;
        one.entries = 1;
        CHECK(render_stats_text(one, f.lookup, Style{}) ==
              "1 log, 1 entry\n"
              "\n"
              "By competency (entries tagged, each entry counted once per item)\n"
              "  ITEM  NAME  ENTRIES\n"
              "\n"
              "By type\n"
              "  TYPE  ENTRIES\n"
              "\n"
              "By year\n"
              "  YEAR  ENTRIES\n");
    }

    TEST_CASE("text in colour makes the summary and headings bold") {
        const Fixture f;
        const auto text = render_stats_text(f.stats, f.lookup, Style{true});
        CHECK(
            text.starts_with("\x1b[1m2 logs, 3 entries\x1b[0m, 2024-12-01 to 2025-02-03\n\n"
                             "\x1b[1mBy competency"));
        CHECK(text.find("\x1b[36mx:b\x1b[0m") != std::string::npos);
    }

    TEST_CASE("CSV has one row per count, quoted where needed, without the unknown tags") {
        const Fixture f;
        CHECK(render_stats_csv(f.stats, f.lookup) ==
              "section,key,name,entries\r\n"
              "item,x:b,\"Bee, the first\",12\r\n"
              "item,x:a,Ay,1\r\n"
              "type,audit,,2\r\n"
              "type,teaching,,1\r\n"
              "year,2024,,1\r\n"
              "year,2025,,2\r\n");
    }

    TEST_CASE("JSON of no entries has null dates and empty lists") {
        const Fixture f;
        CHECK(render_stats_json(Stats{}, f.lookup) ==
              "{\n"
              "  \"schema\": \"leadctl.evidence-stats/1\",\n"
              "  \"logs\": 0,\n"
              "  \"entries\": 0,\n"
              "  \"first_date\": null,\n"
              "  \"last_date\": null,\n"
              "  \"unknown_tags\": 0,\n"
              "  \"by_item\": [],\n"
              "  \"by_type\": [],\n"
              "  \"by_year\": []\n"
              "}\n");
    }

    TEST_CASE("JSON lists items with names, types and years in order") {
        const Fixture f;
        const auto json = render_stats_json(f.stats, f.lookup);
        CHECK(json.find("\"first_date\": \"2024-12-01\",\n  \"last_date\": \"2025-02-03\",\n  \"unknown_tags\": 1,") !=
              std::string::npos);
        CHECK(json.find("\"by_item\": [\n"
                        "    {\n"
                        "      \"ref\": \"x:b\",\n"
                        "      \"name\": \"Bee, the first\",\n"
                        "      \"entries\": 12\n"
                        "    },\n"
                        "    {\n"
                        "      \"ref\": \"x:a\",\n"
                        "      \"name\": \"Ay\",\n"
                        "      \"entries\": 1\n"
                        "    }\n"
                        "  ],\n"
                        "  \"by_type\": [\n"
                        "    {\n"
                        "      \"type\": \"audit\",\n"
                        "      \"entries\": 2\n"
                        "    },\n"
                        "    {\n"
                        "      \"type\": \"teaching\",\n"
                        "      \"entries\": 1\n"
                        "    }\n"
                        "  ],\n"
                        "  \"by_year\": [\n"
                        "    {\n"
                        "      \"year\": 2024,\n"
                        "      \"entries\": 1\n"
                        "    },\n") != std::string::npos);
    }
}
