#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_check.hpp"
#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <map>
#include <sstream>

using namespace leadctl;

namespace {

struct World {
    std::map<std::string, Framework> fws;
    World() {
        for (const auto& b : bundled_frameworks()) {
            auto l = load_framework(b.text, std::string(b.file));
            REQUIRE(l.framework);
            fws.emplace(std::string(b.id), *l.framework);
        }
    }
    FrameworkLookup lookup() const {
        return [this](std::string_view id) -> const Framework* {
            auto it = fws.find(std::string(id));
            return it == fws.end() ? nullptr : &it->second;
        };
    }
};

struct Checked {
    Diagnostics diags;
    std::vector<Entry> entries;
    std::vector<Person> people;
};

/// "line:column code message-up-to-' seems'" of each diagnostic.
std::vector<std::string> located(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) {
        out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code + " " +
                      d.message.substr(0, d.message.find(" seems")));
    }
    return out;
}

Checked check(const std::string& text, LogFormat format, bool privacy = true) {
    static const World world;
    Checked out;
    EvidenceCheckOptions opt;
    opt.as_of = {2026, 6, 1};
    opt.privacy = privacy;
    opt.framework_ids = {"fmlm", "fmlm-2e", "hlm", "mlcf"};
    EvidenceChecker checker(world.lookup(), opt, out.diags);
    EvidenceSink sink;
    sink.person = [&](const Person& p) {
        checker.person(p);
        out.people.push_back(p);
    };
    sink.entry = [&](const Entry& e) {
        checker.entry(e);
        out.entries.push_back(e);
    };
    sink.other = [&](const std::vector<NamedText>& t) { checker.other(t); };
    std::istringstream in(text);
    read_evidence(in, "log", format, sink, out.diags);
    std::istringstream again(text);
    checker.locate_privacy(again);
    out.diags.sort();
    return out;
}

std::vector<std::string> codes(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(x.code);
    return out;
}

std::string message(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items()) {
        if (x.code == code) return x.message;
    }
    return {};
}

const Diagnostic* find(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items()) {
        if (x.code == code) return &x;
    }
    return nullptr;
}

std::string yaml_log(const std::string& entry_body) {
    return "person: {id: p1, name: Pat}\nentries:\n  - id: e1\n    date: 2025-03-14\n    type: audit\n"
           "    title: An audit\n" +
           entry_body;
}

}  // namespace

TEST_SUITE("core::evidence") {
    TEST_CASE("a valid YAML log reads person and entries with no diagnostics") {
        const auto r = check(yaml_log("    competencies: [mlcf:4.1, hlm:engaging-the-team]\n    level: proficient\n"
                                      "    role: led\n    signed_off: {by: Dr A, date: 2025-04-01}\n"
                                      "    showcase: true\n    attachments: [a.pdf]\n"),
                             LogFormat::yaml);
        CHECK(r.diags.empty());
        REQUIRE(r.people.size() == 1);
        CHECK(r.people[0].id == "p1");
        REQUIRE(r.entries.size() == 1);
        const Entry& e = r.entries[0];
        CHECK(e.date == Date{2025, 3, 14});
        CHECK(e.competencies.size() == 2);
        CHECK(e.signed_off->by == "Dr A");
        CHECK(e.showcase);
        CHECK(e.attachments == std::vector<std::string>{"a.pdf"});
    }

    TEST_CASE("unknown competencies get suggestions from codes, aliases and names") {
        auto r = check(yaml_log("    competencies: [mlcf:4.5, hlm:engaging-teh-team, mlfc:1.1, mlcf:patient-safety]\n"),
                       LogFormat::yaml);
        CHECK(codes(r.diags) == std::vector<std::string>{"unknown-competency", "unknown-competency",
                                                         "unknown-competency", "unknown-competency",
                                                         "too-many-competencies"});
        const auto& d = r.diags.items();
        CHECK(d[1].message.find("did you mean \"hlm:6\", Engaging the team?") != std::string::npos);
        CHECK(d[2].message == "unknown competency \"mlfc:1.1\": no framework \"mlfc\" (did you mean \"mlcf\"?)");
        CHECK(d[3].message.find("did you mean \"mlcf:4.1\", Ensuring Patient Safety?") != std::string::npos);
        CHECK(d[0].location.line == 7);
        CHECK(d[0].location.column == 20);
    }

    TEST_CASE("duplicate ids, bad dates and unknown types are errors") {
        const std::string text =
            "person: {id: p1, name: Pat}\nentries:\n"
            "  - {id: e1, date: 2025-02-30, type: audit, title: A, competencies: [mlcf:4.1]}\n"
            "  - {id: e1, date: 14/03/2025, type: qi-project, title: B, competencies: [mlcf:4.1]}\n"
            "  - {id: e2, date: 2027-01-01, type: teachng, title: C, competencies: [mlcf:4.1]}\n";
        const auto r = check(text, LogFormat::yaml);
        CHECK(codes(r.diags) == std::vector<std::string>{"invalid-date", "duplicate-id", "invalid-date", "unknown-type",
                                                         "future-date", "unknown-type"});
        CHECK(message(r.diags, "invalid-date") == "date \"2025-02-30\" is not a real date");
        CHECK(message(r.diags, "duplicate-id") == "entry id \"e1\" is already used by the entry at line 3");
        CHECK(r.diags.items()[5].message.find("did you mean \"teaching\"") != std::string::npos);
    }

    TEST_CASE("levels must be on a tagged framework's scale") {
        CHECK(codes(check(yaml_log("    competencies: [hlm:6]\n    level: expert\n"), LogFormat::yaml).diags) ==
              std::vector<std::string>{"unknown-level"});
        CHECK(codes(check(yaml_log("    competencies: [mlcf:4.1]\n    level: strong\n"), LogFormat::yaml).diags) ==
              std::vector<std::string>{"level-without-scale"});
        CHECK(
            check(yaml_log("    competencies: [mlcf:4.1, hlm:6]\n    level: strong\n"), LogFormat::yaml).diags.empty());
    }

    TEST_CASE("sign-off before the entry is an error, more than three tags a warning") {
        const auto r = check(yaml_log("    competencies: [mlcf:4.1, mlcf:4.2, mlcf:4.3, mlcf:4.4]\n"
                                      "    signed_off: {by: Dr A, date: 2025-03-13}\n"),
                             LogFormat::yaml);
        CHECK(codes(r.diags) == std::vector<std::string>{"too-many-competencies", "signoff-before-entry"});
        const auto* w = find(r.diags, "too-many-competencies");
        CHECK(w->severity == Severity::warning);
        CHECK(w->location.column == 50);  // the fourth tag
    }

    TEST_CASE("missing required fields and unknown keys are reported") {
        const std::string text = "person: {id: p1}\nentries:\n  - id: e1\n    tpye: audit\n    date: 2025-01-01\n";
        const auto r = check(text, LogFormat::yaml);
        std::string all;
        for (const auto& x : r.diags.items()) all += format_diagnostic(x) + "\n";
        INFO(all);
        CHECK(codes(r.diags) == std::vector<std::string>{"missing-field", "missing-field", "missing-field",
                                                         "missing-field", "unknown-key"});
        CHECK(codes(check(yaml_log("    competencies: []\n"), LogFormat::yaml).diags) ==
              std::vector<std::string>{"untagged"});
        CHECK(message(r.diags, "unknown-key") == "unknown key \"tpye\" in entry (did you mean \"type\"?)");
        CHECK(codes(check("entries: []\nextra: 1\n", LogFormat::yaml).diags) ==
              std::vector<std::string>{"missing-field", "unknown-key"});
    }

    TEST_CASE("CSV and JSON Lines give the same entries and diagnostics as YAML") {
        const auto y = check(
            "person: {id: p1, name: Pat}\nentries:\n"
            "  - {id: e1, date: 2025-03-14, type: audit, title: A, competencies: [mlcf:4.1, hlm:9],"
            " signed_off: {by: Dr A, date: 2025-03-20}}\n"
            "  - {id: e1, date: 2025-02-30, type: teachng, title: B, competencies: [mlcf:9.9]}\n",
            LogFormat::yaml);
        const auto c = check(
            "person_id,person_name,id,date,type,title,competencies,signed_off_by,signed_off_date\n"
            "p1,Pat,e1,2025-03-14,audit,A,mlcf:4.1;hlm:9,Dr A,2025-03-20\n"
            "p1,Pat,e1,2025-02-30,teachng,B,mlcf:9.9,,\n",
            LogFormat::csv);
        const auto j = check(
            "{\"person\": {\"id\": \"p1\", \"name\": \"Pat\"}}\n"
            "{\"id\": \"e1\", \"date\": \"2025-03-14\", \"type\": \"audit\", \"title\": \"A\", "
            "\"competencies\": [\"mlcf:4.1\", \"hlm:9\"], \"signed_off\": {\"by\": \"Dr A\", "
            "\"date\": \"2025-03-20\"}}\n"
            "{\"id\": \"e1\", \"date\": \"2025-02-30\", \"type\": \"teachng\", \"title\": \"B\", "
            "\"competencies\": [\"mlcf:9.9\"]}\n",
            LogFormat::jsonl);
        for (const auto* r : {&c, &j}) {
            std::string got, want;
            for (const auto& x : r->diags.items()) got += format_diagnostic(x) + "\n";
            for (const auto& x : y.diags.items()) want += format_diagnostic(x) + "\n";
            CHECK(got.size() > 0);
            INFO(got, "\n---\n", want);
            auto a = codes(r->diags), b = codes(y.diags);
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            CHECK(a == b);
            REQUIRE(r->entries.size() == 2);
            CHECK(r->entries[0].competencies.size() == 2);
            CHECK(r->entries[0].signed_off->date == Date{2025, 3, 20});
            CHECK(r->people.at(0).name == "Pat");
        }
        // CSV positions are exact: the second tag of row 2.
        CHECK(c.entries[0].competencies[1].location.column == 39);
    }

    TEST_CASE("privacy findings are warned about at their exact place, masked") {
        const std::string text = yaml_log(
            "    competencies: [mlcf:4.1]\n    reflection: >-\n      We met the patient (NHS number\n"
            "      943 476 5919) and wrote it down; the wrong number 943 476 5918 is not one.\n");
        const auto r = check(text, LogFormat::yaml);
        REQUIRE(codes(r.diags) == std::vector<std::string>{"privacy-nhs-number"});
        const auto& d = r.diags.items()[0];
        CHECK(d.severity == Severity::warning);
        CHECK(d.location.line == 10);
        CHECK(d.location.column == 7);
        CHECK(d.message.find("*** *** **19") != std::string::npos);
        CHECK(d.message.find("943 476 5919") == std::string::npos);
        CHECK(check(text, LogFormat::yaml, false).diags.empty());
    }

    TEST_CASE("issue 17, defect 10: every string of a log is scanned, not only the free text") {
        const std::string text =
            "person: {id: \"943 476 5919\", name: \"Pat, DOB 12/03/1990\"}\nentries:\n"
            "  - id: \"401-023-2137\"\n    date: 2025-03-14\n    type: audit\n    title: An audit\n"
            "    competencies: [mlcf:4.1]\n    signed_off: {by: \"Dr X re 943 476 5919\", date: 2025-04-01}\n"
            "    attachments: [a.pdf, \"scan-9434765919.pdf\"]\n";
        const auto r = check(text, LogFormat::yaml);
        const auto got = located(r.diags);
        for (const auto& d : r.diags.items()) {
            CHECK(d.message.find("5919") == std::string::npos);
            CHECK(d.message.find("2137") == std::string::npos);
        }
        CHECK(got == std::vector<std::string>{
                         "1:15 privacy-nhs-number person.id of the log",
                         "1:46 privacy-date-of-birth person.name of the log",
                         "3:10 privacy-nhs-number id of entry \"***-***-**37\"",
                         "8:31 privacy-nhs-number signed_off.by of entry \"***-***-**37\"",
                         "9:32 privacy-nhs-number attachments of entry \"***-***-**37\"",
                     });
        CHECK(check(text, LogFormat::yaml, false).diags.empty());
    }

    TEST_CASE("issue 17: the keys and values of an unknown top-level key are scanned too") {
        const std::string text =
            "person: {id: p1, name: Pat}\nnotes: \"patient 943 476 5919\"\nmore:\n  - {\"DOB 12/03/1990\": x}\n"
            "entries: []\n";
        const auto r = check(text, LogFormat::yaml);
        const auto got = located(r.diags);
        for (const auto& d : r.diags.items()) CHECK(d.message.find("5919") == std::string::npos);
        CHECK(got == std::vector<std::string>{
                         "2:1 unknown-key unknown key \"notes\" at the top of the log",
                         "2:17 privacy-nhs-number notes of the log",
                         "3:1 unknown-key unknown key \"more\" at the top of the log",
                         "4:11 privacy-date-of-birth a key of the log",
                     });
    }

    TEST_CASE("issue 17, defect 10: a number folded over two lines is placed in its own value, not another entry's") {
        const std::string text =
            "person: {id: p1, name: Pat}\nentries:\n"
            "  - id: e1\n    date: 2025-03-14\n    type: audit\n    title: An audit\n    competencies: [mlcf:4.1]\n"
            "    reflection: >-\n      The sheet listed 943 476\n      5919 by mistake.\n"
            "  - id: e2\n    date: 2025-03-15\n    type: audit\n    title: Again 943 476 5919 here\n"
            "    competencies: [mlcf:4.1]\n";
        const auto r = check(text, LogFormat::yaml);
        REQUIRE(r.diags.items().size() == 2);
        CHECK(r.diags.items()[0].location.line == 9);
        CHECK(r.diags.items()[0].location.column == 24);
        CHECK(r.diags.items()[0].message.starts_with("reflection of entry \"e1\""));
        CHECK(r.diags.items()[1].location.line == 14);
        CHECK(r.diags.items()[1].message.starts_with("title of entry \"e2\""));
    }

    TEST_CASE("issue 17, defect 10: diagnostics quote invalid values masked") {
        const auto r = check(yaml_log("    competencies: [mlcf:4.1]\n    role: \"943 476 5919\"\n"), LogFormat::yaml);
        const std::string m = message(r.diags, "invalid-value");
        CHECK(m.starts_with("role \"*** *** **19\" is not one of"));
    }

    TEST_CASE("broken input: syntax errors, ragged rows, unclosed quotes, JSON errors") {
        CHECK(codes(check("person: {id: p1, name: P}\nentries: [\n", LogFormat::yaml).diags) ==
              std::vector<std::string>{"yaml-syntax"});
        CHECK(codes(check("id,date,type,title,competencies\ne1,2025-01-01,audit\n", LogFormat::csv).diags) ==
              std::vector<std::string>{"csv-ragged-row"});
        CHECK(codes(check("id,date,type,title,competencies\ne1,2025-01-01,audit,\"open,x\n", LogFormat::csv).diags) ==
              std::vector<std::string>{"csv-unclosed-quote"});
        const auto j = check("{\"id\": \"e1\",}\n", LogFormat::jsonl);
        REQUIRE(codes(j.diags) == std::vector<std::string>{"json-syntax"});
        CHECK(j.diags.items()[0].location.column == 13);
    }

    TEST_CASE("issue 17: a duplicate JSON key is a located error, and the first value is still checked") {
        // The first title holds a valid NHS number; a DOM parse kept only the last one,
        // so the privacy scan never saw it and --strict passed with 0 findings.
        const std::string line =
            R"({"id": "e1", "date": "2025-03-14", "type": "audit", "title": "Patient 943 476 5919", )"
            R"("title": "An audit", "competencies": ["mlcf:4.1"]})";
        const auto r = check(line + "\n", LogFormat::jsonl);
        const auto* dup = find(r.diags, "json-duplicate-key");
        REQUIRE(dup);
        CHECK(dup->severity == Severity::error);
        CHECK(dup->location.line == 1);
        CHECK(dup->location.column == static_cast<int>(line.find("\"title\": \"An audit\"")) + 1);
        CHECK(dup->message == "duplicate key \"title\" (first at column 53); each key may appear once");
        CHECK(find(r.diags, "privacy-nhs-number"));
        // In a nested object too (the person), and each duplicate once.
        const auto p = check(R"({"person": {"id": "p1", "name": "A", "name": "B"}})"
                             "\n",
                             LogFormat::jsonl);
        CHECK(codes(p.diags) == std::vector<std::string>{"json-duplicate-key"});
        CHECK(p.diags.items()[0].location.column == 38);
    }

    TEST_CASE("issue 17: a JSON number too large for a double is a located error, not an internal error") {
        const std::string big(10000, '9');
        const std::string text = R"({"id": "e1", "date": "2025-03-14", "type": "audit", "title": "A", "level": 1e999, )"
                                 R"("competencies": ["mlcf:4.1"]})"
                                 "\n"
                                 R"({"id": "e2", "date": "2025-03-14", "type": "audit", "title": "B", "level": )" +
                                 big +
                                 R"(, "competencies": ["mlcf:4.1"]})"
                                 "\n"
                                 R"({"id": "e3", "date": "2025-03-14", "type": "audit", "title": "C", )"
                                 R"("competencies": ["mlcf:4.1"]})"
                                 "\n";
        Checked r;
        REQUIRE_NOTHROW(r = check(text, LogFormat::jsonl));
        REQUIRE(codes(r.diags) == std::vector<std::string>{"json-number-out-of-range", "json-number-out-of-range"});
        CHECK(r.diags.items()[0].location.line == 1);
        CHECK(r.diags.items()[0].location.column == 76);
        CHECK(r.diags.items()[0].message.starts_with("number 1e999 (5 characters) is out of range"));
        CHECK(r.diags.items()[1].location.line == 2);
        CHECK(r.diags.items()[1].location.column == 76);
        CHECK(r.diags.items()[1].message.find("(10000 characters)") != std::string::npos);
        // The rest of the file is still read.
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].id == "e3");
    }

    TEST_CASE("the format is detected from the name, then the content") {
        CHECK(detect_log_format("a.yml", "") == LogFormat::yaml);
        CHECK(detect_log_format("a.CSV", "") == LogFormat::csv);
        CHECK(detect_log_format("a.ndjson", "") == LogFormat::jsonl);
        CHECK(detect_log_format("log", "  {\"id\": 1}") == LogFormat::jsonl);
        CHECK(detect_log_format("log", "id,date,type\n") == LogFormat::csv);
        CHECK(detect_log_format("log", "person:\n  id: x\n") == LogFormat::yaml);
    }
}
