#include "core/feedback/round_import.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace leadctl;

namespace {

const Framework& demo() {
    static const Framework fw = *load_framework(R"(id: demo
title: Demo
scale:
  - {id: low, name: Low}
  - {id: high, name: High}
items:
  - {code: "1", name: Listening}
  - {code: "2", name: Deciding}
)",
                                                "demo.yaml")
                                     .framework;
    return fw;
}

RoundImport import(const std::string& csv) {
    RoundImportOptions o;
    o.framework = "demo";
    o.person_id = "p1";
    o.opened = "2026-01-01";
    o.closed = "2026-01-31";
    return import_round_csv(csv, "in.csv", o,
                            [](std::string_view id) -> const Framework* { return id == "demo" ? &demo() : nullptr; });
}

}  // namespace

TEST_SUITE("core::round_import") {
    TEST_CASE("the long and the wide shape of the same ratings give the same round file") {
        const auto wide = import(
            "rater,group,Listening,demo:2,2 importance,2 comment\n"
            "me,self,high,low,5,\n"
            "a,peer,1,,,\n"
            "b,peer,low,high,3,\"Clear, quick\"\n");
        const auto longer = import(
            "Rater,Group,Item,Rating,Importance,Comment\n"
            "me,self,1,high,,\n"
            "me,self,2,low,5,\n"
            "a,peer,Listening,1,,\n"
            "b,peer,demo:1,low,,\n"
            "b,peer,2,high,3,\"Clear, quick\"\n");
        CHECK(wide.wide);
        CHECK_FALSE(longer.wide);
        CHECK_FALSE(wide.diagnostics.has_errors());
        CHECK_FALSE(longer.diagnostics.has_errors());
        REQUIRE_FALSE(wide.yaml.empty());
        CHECK(wide.yaml == longer.yaml);
        CHECK(wide.yaml.find("{rater: b, item: demo:2, rating: high, importance: 3, comment: \"Clear, quick\"}") !=
              std::string::npos);
    }

    TEST_CASE("problems are located in the CSV and nothing is produced") {
        const auto bad = import("rater,group,Listenin,2\nme,self,high,7\n");
        CHECK(bad.yaml.empty());
        REQUIRE(bad.diagnostics.items().size() == 2);
        const auto& d = bad.diagnostics.items();
        CHECK(d[0].code == "unknown-column");
        CHECK(d[0].location.line == 1);
        CHECK(d[0].location.column == 13);
        CHECK(d[0].message.find("did you mean \"Listening\"") != std::string::npos);
        CHECK(d[1].code == "rating-off-scale");
        CHECK(d[1].location.line == 2);
        CHECK(d[1].location.column == 14);
    }
}
