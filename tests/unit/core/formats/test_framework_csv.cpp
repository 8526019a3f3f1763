#include "core/formats/framework_csv.hpp"

#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

namespace {

std::vector<std::string> codes(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(x.code);
    return out;
}

}  // namespace

TEST_SUITE("core::framework_csv") {
    TEST_CASE("every bundled framework's items survive a CSV round trip") {
        for (const auto& b : bundled_frameworks()) {
            CAPTURE(b.id);
            const auto l = load_framework(b.text, std::string(b.id));
            REQUIRE(l.framework);
            const auto& fw = *l.framework;
            const auto back = import_framework_csv(export_framework_csv(fw), "t.csv", fw.id);
            REQUIRE(back.framework);
            const auto& g = *back.framework;
            REQUIRE(g.items.size() == fw.items.size());
            for (std::size_t i = 0; i < fw.items.size(); ++i) {
                const auto& a = fw.items[i];
                const auto& b2 = g.items[i];
                CAPTURE(a.code);
                CHECK(b2.code == a.code);
                CHECK(b2.name == a.name);
                CHECK(b2.type == a.type);
                CHECK(b2.description == a.description);
                CHECK(b2.notes == a.notes);
                CHECK(b2.aliases == a.aliases);
                CHECK(b2.outcomes == a.outcomes);
                CHECK(b2.parent == a.parent);
                CHECK(b2.depth == a.depth);
                REQUIRE(b2.level_headings.size() == a.level_headings.size());
                for (std::size_t k = 0; k < a.level_headings.size(); ++k) {
                    CHECK(b2.level_headings[k].level == a.level_headings[k].level);
                    CHECK(b2.level_headings[k].text == a.level_headings[k].text);
                }
            }
            REQUIRE(g.scale.size() == fw.scale.size());
            for (std::size_t k = 0; k < fw.scale.size(); ++k) CHECK(g.scale[k].id == fw.scale[k].id);
        }
    }

    TEST_CASE("cells a spreadsheet would run are protected and read back exactly") {
        Framework fw;
        fw.id = "t";
        Item a;
        a.code = "a";
        a.name = "=SUM(A1)";
        a.description = "'quoted' and -minus";
        a.notes = "@home";
        fw.items.push_back(a);
        fw.roots.push_back(0);
        fw.index();
        const auto csv = export_framework_csv(fw);
        CHECK(csv.find(",'=SUM(A1),") != std::string::npos);
        // A leading apostrophe before a letter is no formula: kept as it is (csv::spreadsheet_safe).
        CHECK(csv.find(",'quoted' and -minus,") != std::string::npos);
        const auto back = import_framework_csv(csv, "t.csv", "t");
        REQUIRE(back.framework);
        CHECK(back.framework->items[0].name == "=SUM(A1)");
        CHECK(back.framework->items[0].description == "'quoted' and -minus");
        CHECK(back.framework->items[0].notes == "@home");
    }

    TEST_CASE("rows may come in any order and parents are found by code") {
        const auto r = import_framework_csv("code,name,parent\r\nb,B,a\r\na,A,\r\nc,C,a\r\n", "t.csv", "t");
        REQUIRE(r.framework);
        const auto& fw = *r.framework;
        REQUIRE(fw.items.size() == 3);
        CHECK(fw.items[0].code == "a");
        CHECK(fw.items[1].code == "b");
        CHECK(fw.items[2].code == "c");
        CHECK(fw.items[2].parent == 0);
    }

    TEST_CASE("bad tables get located errors and no framework") {
        struct Case {
            const char* text;
            const char* code;
            int line;
            int column;
        };
        const Case cases[] = {
            {"code,name\na,A\nb,B,extra\n", "ragged-row", 3, 5},
            {"code,name\na,A\na,Again\n", "duplicate-code", 3, 1},
            {"code,name,parent\na,A,zz\n", "unknown-parent", 2, 5},
            {"code,name,parent\na,A,b\nb,B,a\n", "parent-cycle", 2, 5},
            {"code,name\na,\"A\n", "csv-unclosed-quote", 2, 3},
            {"name\nA\n", "missing-column", 1, 1},
            {"code,name\n\"bad code!\",A\n", "invalid-code", 2, 1},
        };
        for (const auto& c : cases) {
            CAPTURE(c.text);
            const auto r = import_framework_csv(c.text, "t.csv", "t");
            CHECK_FALSE(r.framework);
            REQUIRE_FALSE(r.diagnostics.items().empty());
            const auto& d = r.diagnostics.items().front();
            CHECK(d.code == c.code);
            CHECK(d.location.line == c.line);
            CHECK(d.location.column == c.column);
        }
        CHECK(codes(import_framework_csv("", "t.csv", "t").diagnostics) == std::vector<std::string>{"empty-file"});
    }
}
