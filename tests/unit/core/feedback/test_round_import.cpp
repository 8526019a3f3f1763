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

    TEST_CASE("with a numeric scale the ratings are numbers on it, declared in the round file") {
        RoundImportOptions o;
        o.framework = "demo";
        o.person_id = "p1";
        o.opened = "2026-01-01";
        o.closed = "2026-01-31";
        std::string why;
        o.scale = parse_scale_range("0-10", why);
        const auto lookup = [](std::string_view id) -> const Framework* { return id == "demo" ? &demo() : nullptr; };
        const auto ok = import_round_csv("rater,group,1,2\nme,self,7,10\na,peer,0,3.5\n", "in.csv", o, lookup);
        CHECK_FALSE(ok.diagnostics.has_errors());
        CHECK(ok.yaml.find("scale: {min: 0, max: 10}") != std::string::npos);
        CHECK(ok.yaml.find("{rater: me, item: demo:2, rating: 10}") != std::string::npos);
        // A level id is not a number on a numeric scale; a number off it is located in the CSV.
        const auto bad = import_round_csv("rater,group,1,2\nme,self,high,11\n", "in.csv", o, lookup);
        CHECK(bad.yaml.empty());
        REQUIRE(bad.diagnostics.items().size() == 2);
        CHECK(bad.diagnostics.items()[0].location.line == 2);
        CHECK(bad.diagnostics.items()[0].location.column == 9);
        CHECK(bad.diagnostics.items()[1].location.column == 14);
    }

    TEST_CASE("a framework without levels needs a numeric scale") {
        static const Framework flat =
            *load_framework("id: flat\ntitle: Flat\nitems:\n  - {code: \"1\", name: One}\n", "flat.yaml").framework;
        RoundImportOptions o;
        o.framework = "flat";
        o.person_id = "p1";
        o.opened = "2026-01-01";
        o.closed = "2026-01-31";
        const auto lookup = [](std::string_view id) -> const Framework* { return id == "flat" ? &flat : nullptr; };
        const auto refused = import_round_csv("rater,group,1\nme,self,3\n", "in.csv", o, lookup);
        CHECK(refused.yaml.empty());
        REQUIRE(refused.diagnostics.items().size() == 1);
        CHECK(refused.diagnostics.items()[0].code == "invalid-scale");
        std::string why;
        o.scale = parse_scale_range("1-5", why);
        CHECK_FALSE(import_round_csv("rater,group,1\nme,self,3\n", "in.csv", o, lookup).yaml.empty());
    }
}
