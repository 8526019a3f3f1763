#include "core/model/framework_check.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace leadctl;

namespace {

/// Add an item; its location is line `line`, column 3 of f.yaml.
int add(Framework& fw, const std::string& code, int parent, int line) {
    const int index = static_cast<int>(fw.items.size());
    Item it;
    it.code = code;
    it.name = "Item " + code;
    it.parent = parent;
    it.depth = parent < 0 ? 0 : fw.items[static_cast<std::size_t>(parent)].depth + 1;
    it.location = {"f.yaml", line, 3};
    (parent < 0 ? fw.roots : fw.items[static_cast<std::size_t>(parent)].children).push_back(index);
    fw.items.push_back(std::move(it));
    return index;
}

/// A valid framework: 1 > 1.1, 2; a scale low < high; a profile; every place at its own line.
Framework valid() {
    Framework fw;
    fw.id = "demo";
    fw.title = "Demo";
    fw.status = "draft";
    fw.completeness = "complete";
    fw.places.set("", {"f.yaml", 1, 1});
    fw.scale = {{"low", "Low", "", {}}, {"high", "High", "", {}}};
    add(fw, "1", -1, 10);
    add(fw, "1.1", 0, 20);
    add(fw, "2", -1, 30);
    fw.items[1].aliases = {"first"};
    fw.items[1].level_headings = {{"low", "starting"}};
    Profile p;
    p.id = "p";
    p.name = "P";
    p.required = {"first", "2"};
    p.location = {"f.yaml", 40, 5};
    fw.profiles.push_back(p);
    fw.index();
    return fw;
}

/// "LINE:COLUMN [code] message" of each diagnostic.
std::vector<std::string> found(const Framework& fw) {
    std::vector<std::string> out;
    const auto diags = check_framework(fw);
    for (const auto& d : diags.items()) {
        out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " [" + d.code + "] " +
                      d.message);
    }
    return out;
}

}  // namespace

TEST_SUITE("core::model::framework_check") {
    TEST_CASE("a valid framework has no diagnostics") {
        CHECK(found(valid()).empty());
    }

    TEST_CASE("the header needs an id and a title, said at the framework's place") {
        auto fw = valid();
        fw.id = " ";
        fw.title.clear();
        CHECK(found(fw) == std::vector<std::string>{"1:1 [missing-field] the framework header has no \"id\"",
                                                    "1:1 [invalid-id] framework id \" \" must be lowercase letters, "
                                                    "digits and hyphens, starting with a letter (it is the prefix in "
                                                    "references such as \"mlcf:1.1\")",
                                                    "1:1 [missing-field] the framework header has no \"title\""});
    }

    TEST_CASE("a framework id must be a slug starting with a letter, said where the id is") {
        auto fw = valid();
        fw.id = "Bad_ID";
        fw.places.set("id", {"f.yaml", 2, 5});
        CHECK(found(fw) ==
              std::vector<std::string>{"2:5 [invalid-id] framework id \"Bad_ID\" must be lowercase letters, digits and "
                                       "hyphens, starting with a letter (it is the prefix in references such as "
                                       "\"bad-id:1.1\")"});
    }

    TEST_CASE("a year must be plausible") {
        auto fw = valid();
        fw.year = 1899;
        fw.places.set("year", {"f.yaml", 3, 7});
        CHECK(found(fw) == std::vector<std::string>{"3:7 [invalid-value] year 1899 is not plausible"});
        fw.year = 2200;
        CHECK(found(fw).empty());
    }

    TEST_CASE("status and completeness come from closed sets, and partial needs a note") {
        auto fw = valid();
        fw.status = "publshed";
        fw.places.set("status", {"f.yaml", 4, 9});
        fw.completeness = "partial";
        fw.places.set("completeness", {"f.yaml", 5, 15});
        CHECK(found(fw) == std::vector<std::string>{
                               "4:9 [invalid-value] status \"publshed\" is not one of: published, draft, historical, "
                               "superseded, withdrawn (did you mean \"published\"?)",
                               "5:15 [missing-field] completeness is \"partial\" but there is no "
                               "\"completeness_note\" saying what is missing"});
        fw.status = "draft";
        fw.completeness = "full";
        CHECK(found(fw) ==
              std::vector<std::string>{"5:15 [invalid-value] completeness \"full\" is not one of: complete, partial"});
    }

    TEST_CASE("scale level ids are slugs, each declared once, said at the level's id") {
        auto fw = valid();
        fw.scale.push_back({"low", "Low again", "", {}});
        fw.scale.push_back({"Top", "Top", "", {}});
        fw.places.set("scale.2", {"f.yaml", 8, 10});
        fw.places.set("scale.3", {"f.yaml", 9, 10});
        CHECK(found(fw) == std::vector<std::string>{
                               "8:10 [duplicate-level] scale level \"low\" is declared twice",
                               "9:10 [invalid-id] level id \"Top\" must be lowercase letters, digits and hyphens"});
    }

    TEST_CASE("a framework without items is a warning (a stub), said where the items list is") {
        Framework fw;
        fw.id = "x";
        fw.title = "X";
        fw.places.set("", {"f.yaml", 1, 1});
        fw.places.set("items", {"f.yaml", 3, 8});
        fw.index();
        CHECK(found(fw) ==
              std::vector<std::string>{"3:8 [no-items] there are no items: nothing can be assessed against this "
                                       "framework"});
        CHECK(check_framework(fw).error_count() == 0);
    }

    TEST_CASE("items deeper than the limit are refused once, at the first item too deep") {
        auto fw = valid();
        int parent = 2;
        for (int d = 1; d <= kMaxItemDepth + 1; ++d) parent = add(fw, "d" + std::to_string(d), parent, 100 + d);
        fw.index();
        CHECK(found(fw) == std::vector<std::string>{"108:3 [too-deep] items nest deeper than 8 levels; flatten the "
                                                    "tree"});
    }

    TEST_CASE("an item needs a code and a name, said at the item") {
        auto fw = valid();
        fw.items[2].code = "";
        fw.items[2].name = "  ";
        fw.index();
        CHECK(found(fw) == std::vector<std::string>{"30:3 [missing-field] item has no \"code\"",
                                                    "30:3 [missing-field] item has no \"name\"",
                                                    "40:5 [unknown-item] profile \"p\" requires unknown item \"2\""});
    }

    TEST_CASE("codes are valid and unique, said at the code, naming the first one's line") {
        auto fw = valid();
        fw.items[2].code = "1 2";
        fw.places.set("item.2.code", {"f.yaml", 31, 11});
        add(fw, "1.1", 0, 50);
        fw.places.set("item.1.code", {"f.yaml", 21, 13});
        fw.profiles.clear();
        fw.index();
        CHECK(found(fw) == std::vector<std::string>{
                               "31:11 [invalid-code] item code \"1 2\" may use only letters, digits, '.', '-' and '_', "
                               "starting with a letter or digit",
                               "50:3 [duplicate-code] code \"1.1\" is already used by the item at line 21"});
    }

    TEST_CASE("an item type is a lowercase word, said at the type (or the item when unknown)") {
        auto fw = valid();
        fw.items[0].type = "Big Domain";
        fw.places.set("item.0.type", {"f.yaml", 12, 11});
        fw.items[2].type = "Theme";
        CHECK(found(fw) == std::vector<std::string>{
                               "12:11 [invalid-value] item type \"Big Domain\" must be a lowercase word such as domain "
                               "or element",
                               "30:3 [invalid-value] item type \"Theme\" must be a lowercase word such as domain or "
                               "element"});
    }

    TEST_CASE("level headings name levels of the scale, said at the heading") {
        auto fw = valid();
        fw.items[1].level_headings.push_back({"hi", "doing it well"});
        fw.places.set("item.1.level.hi", {"f.yaml", 23, 7});
        fw.items[1].level_headings.push_back({"medium", "so so"});
        CHECK(found(fw) == std::vector<std::string>{
                               "20:3 [unknown-level] level \"medium\" is not declared in the scale (declared: low, "
                               "high)",
                               "23:7 [unknown-level] level \"hi\" is not declared in the scale (did you mean "
                               "\"high\"?)"});
        fw.scale.clear();
        fw.items[1].level_headings.resize(1);
        CHECK(found(fw) == std::vector<std::string>{"20:3 [unknown-level] level heading for \"low\", but the "
                                                    "framework declares no scale"});
    }

    TEST_CASE("aliases are slugs, not codes, and belong to one item, said at the item") {
        auto fw = valid();
        fw.items[2].aliases = {"First Thing", "1", "first"};
        fw.index();
        CHECK(found(fw) == std::vector<std::string>{
                               "30:3 [invalid-alias] alias \"First Thing\" of item \"2\" must be lowercase words "
                               "joined by hyphens (try \"first-thing\")",
                               "30:3 [duplicate-alias] alias \"1\" of item \"2\" is also the code of an item",
                               "30:3 [duplicate-alias] alias \"first\" of item \"2\" is also an alias of item \"1.1\" "
                               "at line 20"});
    }

    TEST_CASE("profile ids are slugs, each declared once, said at the id") {
        auto fw = valid();
        fw.profiles.push_back(fw.profiles[0]);
        fw.profiles[1].location = {"f.yaml", 45, 5};
        fw.places.set("profile.1.id", {"f.yaml", 45, 9});
        fw.profiles[0].id = "P 1";
        CHECK(found(fw) == std::vector<std::string>{
                               "40:5 [invalid-id] profile id \"P 1\" must be lowercase letters, digits and hyphens"});
        fw.profiles[0].id = "p";
        CHECK(found(fw) == std::vector<std::string>{"45:9 [duplicate-profile] profile \"p\" is declared twice"});
    }

    TEST_CASE("a profile requires known items, each once, said at the entry") {
        auto fw = valid();
        fw.places.set("profile.0.requires", {"f.yaml", 41, 15});
        fw.places.set("profile.0.requires.1", {"f.yaml", 41, 24});
        fw.profiles[0].required = {"1.1", "3", "first"};
        const auto d = check_framework(fw);
        CHECK(found(fw) == std::vector<std::string>{"41:15 [duplicate-item] profile \"p\" requires \"first\" twice",
                                                    "41:24 [unknown-item] profile \"p\" requires unknown item \"3\""});
        REQUIRE(d.items().size() == 2);
        CHECK(d.error_count() == 1);
        CHECK(d.warning_count() == 1);
        fw.profiles[0].required.clear();
        CHECK(found(fw) == std::vector<std::string>{
                               "41:15 [missing-field] profile \"p\" requires no items: a profile requires at least "
                               "one"});
    }

    TEST_CASE("a profile's level is a level of the scale, said at the level") {
        auto fw = valid();
        fw.profiles[0].level = "medium";
        fw.places.set("profile.0.level", {"f.yaml", 42, 12});
        CHECK(found(fw) == std::vector<std::string>{"42:12 [unknown-level] profile \"p\" sets level \"medium\", which "
                                                    "is not in the scale (declared: low, high)"});
        fw.scale.clear();
        fw.items[1].level_headings.clear();
        CHECK(found(fw) ==
              std::vector<std::string>{"42:12 [unknown-level] profile \"p\" sets level \"medium\", but the "
                                       "framework declares no scale"});
    }

    TEST_CASE("a profile's stages are career stage ids, each served by one profile, said at the stage") {
        auto fw = valid();
        fw.profiles[0].stages = {"foundation", "F2", "post-cct", "foundation"};
        fw.places.set("profile.0.stages.1", {"f.yaml", 44, 9});
        fw.places.set("profile.0.stages.3", {"f.yaml", 46, 9});
        Profile q = fw.profiles[0];
        q.id = "q";
        q.stages = {"post-cct", "sas"};
        fw.places.set("profile.1.stages", {"f.yaml", 50, 13});
        fw.profiles.push_back(q);
        fw.index();
        CHECK(found(fw) ==
              std::vector<std::string>{
                  "44:9 [unknown-stage] profile \"p\" serves unknown career stage \"F2\" (did you mean "
                  "\"foundation\"?); stages: medical-student, foundation, core-training, specialty-training, sas, "
                  "post-cct",
                  "46:9 [duplicate-stage] profile \"p\" lists stage \"foundation\" twice",
                  "50:13 [stage-in-two-profiles] career stage \"post-cct\" is served by profile \"p\" already: a "
                  "stage chooses one profile"});
    }

    TEST_CASE("not_for_stages are career stage ids and recent_evidence names an entry type") {
        auto fw = valid();
        fw.profiles[0].not_for_stages = {"medical-student", "FY1"};
        fw.profiles[0].recent_evidence = {{"appraisal", 12, ""}, {"apraisal", 12, ""}};
        fw.places.set("profile.0.not_for_stages.1", {"f.yaml", 44, 9});
        fw.places.set("profile.0.recent_evidence.1", {"f.yaml", 47, 9});
        CHECK(found(fw) == std::vector<std::string>{
                               "44:9 [unknown-stage] profile \"p\" is closed to unknown career stage \"FY1\" (did you "
                               "mean \"foundation\"?)",
                               "47:9 [unknown-type] profile \"p\" asks for recent evidence of unknown entry type "
                               "\"apraisal\""});
    }

    TEST_CASE("without any places, diagnostics carry no location") {
        Framework fw;
        fw.index();
        const auto d = check_framework(fw);
        REQUIRE_FALSE(d.items().empty());
        CHECK(d.items().front().location.file.empty());
        CHECK(d.items().front().location.line == 0);
    }

    TEST_CASE("resolve_requirements turns aliases into codes, keeps each item once and drops unknown ones") {
        auto fw = valid();
        fw.profiles[0].required = {"first", "2", "1.1", "nope"};
        resolve_requirements(fw);
        CHECK(fw.profiles[0].required == std::vector<std::string>{"1.1", "2"});
    }
}
