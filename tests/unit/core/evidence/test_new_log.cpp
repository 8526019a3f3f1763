#include "core/evidence/new_log.hpp"

#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace leadctl;

namespace {

NewPerson person(std::string id, std::string name, std::string stage = "", std::string ltft = "") {
    NewPerson p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.stage = std::move(stage);
    p.ltft = std::move(ltft);
    return p;
}

NewLog make(const NewPerson& p, LogFormat f, std::vector<std::string> profiles = {}) {
    EvidenceCheckOptions o;
    o.as_of = {2026, 11, 25};
    return new_log(p, f, "new", profiles, o);
}

}  // namespace

TEST_SUITE("core::evidence::new_log") {
    TEST_CASE("a new YAML log holds the person and an empty list of entries") {
        const auto log = make(person("fy-1", "A. Person", "F2", "0.8"), LogFormat::yaml);
        CHECK(log.diagnostics.empty());
        CHECK(log.text.find("person:\n  id: fy-1\n  name: A. Person\n  stage: F2\n  ltft: 0.8\nentries: []\n") !=
              std::string::npos);
    }

    TEST_CASE("a new JSON Lines log is its person line, ltft a number") {
        const auto log = make(person("x", "y", "", "0.5"), LogFormat::jsonl);
        CHECK(log.text == "{\"person\":{\"id\":\"x\",\"name\":\"y\",\"ltft\":0.5}}\n");
    }

    TEST_CASE("a new CSV log is the header row, and refuses the person's keys") {
        CHECK(make({}, LogFormat::csv).text.starts_with("id,date,type,title,"));
        const auto refused = make(person("x", ""), LogFormat::csv);
        CHECK(refused.text.empty());
        REQUIRE(refused.diagnostics.items().size() == 1);
        CHECK(refused.diagnostics.items()[0].code == "no-person-row");
    }

    TEST_CASE("YAML and JSON Lines logs need the person's id and name") {
        const auto log = make(person("", "y"), LogFormat::yaml);
        CHECK(log.text.empty());
        REQUIRE(log.diagnostics.items().size() == 1);
        CHECK(log.diagnostics.items()[0].code == "missing-field");
    }

    TEST_CASE("an unknown stage is a warning with the closest word, a profile id is not") {
        const auto odd = make(person("x", "y", "consultnat"), LogFormat::yaml);
        REQUIRE(odd.diagnostics.items().size() == 1);
        CHECK(odd.diagnostics.items()[0].severity == Severity::warning);
        CHECK(odd.diagnostics.items()[0].message.find("did you mean \"consultant\"") != std::string::npos);
        CHECK(!odd.text.empty());
        CHECK(make(person("x", "y", "postgraduate"), LogFormat::yaml, {"postgraduate"}).diagnostics.empty());
    }

    TEST_CASE("what the reader refuses in the result is an error, and nothing is made") {
        const auto log = make(person("x", "y", "", "1.5"), LogFormat::yaml);
        CHECK(log.text.empty());
        REQUIRE(log.diagnostics.items().size() == 1);
        CHECK(log.diagnostics.items()[0].code == "invalid-value");
    }
}
