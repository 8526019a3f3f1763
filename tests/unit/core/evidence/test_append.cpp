#include "core/evidence/append.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sstream>
#include <string>
#include <vector>

using namespace leadctl;

namespace {

/// A minimal entry with the fields every entry needs.
NewEntry entry(std::string id = "e2") {
    NewEntry n;
    n.id = std::move(id);
    n.date = "2026-10-01";
    n.type = "course";
    n.title = "IHI Open School";
    n.competencies = {"mlcf:1.3"};
    return n;
}

/// What was added after `log`, which must have been kept byte for byte.
std::string added(const Appended& a, const std::string& log) {
    REQUIRE(a.status == AppendStatus::appended);
    REQUIRE(a.text.substr(0, log.size()) == log);
    return a.text.substr(log.size());
}

constexpr const char* kYamlEntry =
    "  - id: e2\n    date: 2026-10-01\n    type: course\n    title: IHI Open School\n    competencies: [mlcf:1.3]\n";

const std::string kYamlLog =
    "person:\n  id: p1\n  name: Jo\nentries:\n  - id: e1\n    date: 2026-01-05\n    type: audit\n"
    "    title: Audit\n    competencies: [mlcf:4.1]\n";

std::string where(const Diagnostic& d) {
    return fmt::format("{}:{}:{} {}", d.location.file, d.location.line, d.location.column, d.code);
}

/// The new entry checked against the bundled MLCF, as `evidence validate` would.
Diagnostics check(const Appended& a, const std::string& file, LogFormat format) {
    static const Framework mlcf = testing::bundled("mlcf");
    EvidenceCheckOptions opt;
    opt.as_of = {2026, 11, 25};
    opt.framework_ids = {"mlcf"};
    return check_appended(
        a, file, format, [](std::string_view id) { return id == "mlcf" ? &mlcf : nullptr; }, opt);
}

}  // namespace

TEST_SUITE("core::evidence::append") {
    TEST_CASE("an id is the date and the title's slug, cut at a hyphen to at most 32 characters") {
        CHECK(make_id("2026-11-01", "Re-audit of VTE prophylaxis on the surgical admissions unit", {}) ==
              "2026-11-01-re-audit-of-vte-prophylaxis-on");
        CHECK(make_id("2026-11-01", "IHI Open School", {}) == "2026-11-01-ihi-open-school");
    }

    TEST_CASE("an id is the date alone when the title gives no slug") {
        CHECK(make_id("2026-11-01", "!!!", {}) == "2026-11-01");
    }

    TEST_CASE("an id already used in the log gets -2, then -3") {
        const std::string log = kYamlLog +
                                "  - id: 2026-10-01-ihi-open-school\n    date: 2026-10-01\n"
                                "    type: course\n    title: IHI\n    competencies: [mlcf:1.3]\n";
        const auto a = append_entry(log, "log.yaml", LogFormat::yaml, entry(""));
        CHECK(a.id == "2026-10-01-ihi-open-school-2");
        CHECK(added(a, log).starts_with("  - id: 2026-10-01-ihi-open-school-2\n"));
        CHECK(
            make_id("2026-10-01", "IHI Open School", {"2026-10-01-ihi-open-school", "2026-10-01-ihi-open-school-2"}) ==
            "2026-10-01-ihi-open-school-3");
    }

    TEST_CASE("YAML: the entry goes at the end of the entries list, in the list's indentation") {
        NewEntry n = entry();
        n.role = "led";
        n.competencies = {"mlcf:2.3", "hlm:engaging-the-team"};
        n.signed_off_by = "Dr R. Patel";
        n.signed_off_date = "2026-11-24";
        n.showcase = true;
        n.attachments = {"minutes.pdf"};
        const auto a = append_entry(kYamlLog, "log.yaml", LogFormat::yaml, n);
        CHECK(added(a, kYamlLog) ==
              "  - id: e2\n    date: 2026-10-01\n    type: course\n    title: IHI Open School\n"
              "    competencies: [mlcf:2.3, hlm:engaging-the-team]\n    role: led\n"
              "    signed_off: {by: Dr R. Patel, date: 2026-11-24}\n    showcase: true\n"
              "    attachments: [minutes.pdf]\n");
        CHECK(a.first_line == 10);
        CHECK(a.last_line == 18);
    }

    TEST_CASE("YAML: comments are kept and those above the next top-level key stay with it") {
        const std::string head =
            "# My log\nentries:\n  # audits\n  - id: e1  # the first\n    date: 2026-01-05\n    type: audit\n"
            "    title: Audit\n    competencies: [mlcf:4.1]\n";
        const std::string tail = "\n# who I am\nperson:\n  id: p1\n  name: Jo\n";
        const auto a = append_entry(head + tail, "log.yaml", LogFormat::yaml, entry());
        REQUIRE(a.status == AppendStatus::appended);
        CHECK(a.text == head + kYamlEntry + tail);
        CHECK(a.first_line == 9);
        CHECK(a.last_line == 13);
    }

    TEST_CASE("YAML: \"entries: []\" becomes a block list indented two more than the key") {
        const auto a =
            append_entry("person: {id: p1, name: Jo}\nentries: []  # none yet\n", "log.yaml", LogFormat::yaml, entry());
        REQUIRE(a.status == AppendStatus::appended);
        CHECK(a.text == std::string("person: {id: p1, name: Jo}\nentries:\n") + kYamlEntry);
        CHECK(a.first_line == 3);
        CHECK(a.last_line == 7);
    }

    TEST_CASE("YAML: a comment after an empty \"entries:\" is kept") {
        const auto a =
            append_entry("entries:  # none yet\nperson: {id: p1, name: Jo}\n", "log.yaml", LogFormat::yaml, entry());
        REQUIRE(a.status == AppendStatus::appended);
        CHECK(a.text == std::string("entries:  # none yet\n") + kYamlEntry + "person: {id: p1, name: Jo}\n");
        CHECK(a.first_line == 2);
        CHECK(a.last_line == 6);
    }

    TEST_CASE("YAML: a log with no entries key gets one at its end") {
        const std::string log = "person: {id: p1, name: Jo}\n";
        const auto a = append_entry(log, "log.yaml", LogFormat::yaml, entry());
        CHECK(added(a, log) == std::string("entries:\n") + kYamlEntry);
        CHECK(a.first_line == 3);
        CHECK(a.last_line == 7);
    }

    TEST_CASE("YAML: a log without a final line break gets one before the entry") {
        const std::string log = kYamlLog.substr(0, kYamlLog.size() - 1);
        const auto a = append_entry(log, "log.yaml", LogFormat::yaml, entry());
        CHECK(added(a, log) == std::string("\n") + kYamlEntry);
        CHECK(a.first_line == 10);
        CHECK(a.last_line == 14);
    }

    TEST_CASE("YAML: text that YAML must quote is quoted, and reads back as given") {
        NewEntry n = entry();
        n.title = "Audit: round #2";
        n.description = "[draft] notes";
        const auto a = append_entry(kYamlLog, "log.yaml", LogFormat::yaml, n);
        CHECK(added(a, kYamlLog) ==
              "  - id: e2\n    date: 2026-10-01\n    type: course\n    title: \"Audit: round #2\"\n"
              "    description: \"[draft] notes\"\n    competencies: [mlcf:1.3]\n");
        std::vector<Entry> read;
        EvidenceSink sink;
        sink.entry = [&read](const Entry& e) { read.push_back(e); };
        std::istringstream in(a.text);
        Diagnostics d;
        read_evidence(in, "log.yaml", LogFormat::yaml, sink, d);
        CHECK(d.empty());
        REQUIRE(read.size() == 2);
        CHECK(read[1].title.value == "Audit: round #2");
        CHECK(read[1].description.value == "[draft] notes");
    }

    TEST_CASE("YAML: DEL, CR, ESC and C1 in a title are escaped in double quotes and read back as given") {
        NewEntry n = entry();
        n.title = "Del\x7f cr\rend esc\x1b[2J c1\xC2\x9B";
        n.attachments = {"a\rb"};
        const auto a = append_entry(kYamlLog, "log.yaml", LogFormat::yaml, n);
        const std::string more = added(a, kYamlLog);
        CHECK(more.find("    title: \"Del\\x7f cr\\rend esc\\x1b[2J c1\\x9b\"\n") != std::string::npos);
        CHECK(more.find("    attachments: [\"a\\rb\"]\n") != std::string::npos);
        for (char c : more) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
        CHECK(more.find('\x7f') == std::string::npos);
        std::vector<Entry> read;
        EvidenceSink sink;
        sink.entry = [&read](const Entry& e) { read.push_back(e); };
        std::istringstream in(a.text);
        Diagnostics d;
        read_evidence(in, "log.yaml", LogFormat::yaml, sink, d);
        REQUIRE(read.size() == 2);
        CHECK(read[1].title.value == n.title);
    }

    TEST_CASE("a CRLF log gets CRLF lines: YAML (at the end and before the next key), JSON Lines, CSV") {
        auto crlf = [](std::string s) {
            std::string out;
            for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
            return out;
        };
        const std::string yaml_log = crlf(kYamlLog);
        CHECK(added(append_entry(yaml_log, "log.yaml", LogFormat::yaml, entry()), yaml_log) == crlf(kYamlEntry));
        const std::string before = crlf(
            "entries:\n  - id: e1\n    date: 2026-01-05\n    type: audit\n"
            "    title: Audit\n    competencies: [mlcf:4.1]\n");
        const std::string after = crlf("person:\n  id: p1\n  name: Jo\n");
        const auto mid = append_entry(before + after, "log.yaml", LogFormat::yaml, entry());
        REQUIRE(mid.status == AppendStatus::appended);
        CHECK(mid.text == before + crlf(kYamlEntry) + after);
        const std::string empty_list = crlf("person:\n  id: p1\n  name: Jo\nentries: []\n");
        const auto e = append_entry(empty_list, "log.yaml", LogFormat::yaml, entry());
        CHECK(e.text == crlf("person:\n  id: p1\n  name: Jo\nentries:\n") + crlf(kYamlEntry));
        const std::string jsonl = "{\"person\": {\"id\": \"p1\"}}\r\n";
        const auto j = append_entry(jsonl, "log.jsonl", LogFormat::jsonl, entry());
        REQUIRE(j.status == AppendStatus::appended);
        CHECK(j.text.ends_with("}\r\n"));
        CHECK(j.text.find("}\n") == std::string::npos);
    }

    TEST_CASE("CSV: a lone CR in a value is written as a line break, never a CR-only line end") {
        NewEntry n = entry();
        n.title = "one\rtwo";
        const std::string log = "id,date,type,title,competencies\n";
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        CHECK(added(a, log) == "e2,2026-10-01,course,\"one\ntwo\",mlcf:1.3\n");
    }

    TEST_CASE("YAML: entries written as a flow list with entries are refused, located at the list") {
        const auto a =
            append_entry("person: {id: p1, name: Jo}\nentries: [{id: a}]\n", "log.yaml", LogFormat::yaml, entry());
        CHECK(a.status == AppendStatus::refused);
        CHECK(a.text.empty());
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(where(a.diagnostics.items()[0]) == "log.yaml:2:10 flow-entries");
        CHECK(a.diagnostics.items()[0].message ==
              "the log writes \"entries\" as a flow list ([...]); write it as a block list to use add");
    }

    TEST_CASE("YAML: a document that is not a mapping is refused") {
        const auto a = append_entry("- a\n- b\n", "log.yaml", LogFormat::yaml, entry());
        CHECK(a.status == AppendStatus::refused);
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(where(a.diagnostics.items()[0]) == "log.yaml:1:1 wrong-type");
        CHECK(a.diagnostics.items()[0].message == "log.yaml is not an evidence log");
    }

    TEST_CASE("YAML: a syntax error makes the log unreadable, located where the parser stopped") {
        const auto a = append_entry("entries:\n  - id: [e1\n", "log.yaml", LogFormat::yaml, entry());
        CHECK(a.status == AppendStatus::unreadable);
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(where(a.diagnostics.items()[0]) == "log.yaml:3:1 yaml-syntax");
    }

    TEST_CASE("a log with invalid UTF-8 is not text, located at the bad byte") {
        const auto a = append_entry("entries:\n  - id: a\xff\n", "log.yaml", LogFormat::yaml, entry());
        CHECK(a.status == AppendStatus::not_text);
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(where(a.diagnostics.items()[0]) == "log.yaml:2:10 not-utf8");
    }

    TEST_CASE("CSV: the row follows a plain header, ending in LF like it") {
        const std::string log = "id,date,type,title,competencies,signed_off_by\nc1,2026-01-05,audit,A,mlcf:4.1,Dr B\n";
        NewEntry n = entry();
        n.competencies = {"mlcf:1.3", "mlcf:4.1"};
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        CHECK(added(a, log) == "e2,2026-10-01,course,IHI Open School,mlcf:1.3;mlcf:4.1,\n");
        CHECK(a.first_line == 3);
        CHECK(a.last_line == 3);
    }

    TEST_CASE("CSV: a value with no column in the header refuses the entry, naming each option") {
        const std::string log = "id,date,type,title,competencies,signed_off_by\nc1,2026-01-05,audit,A,mlcf:4.1,Dr B\n";
        NewEntry n = entry();
        n.showcase = true;
        n.reflection = "learnt a lot";
        n.signed_off_by = "Dr C";  // this one has its column
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        CHECK(a.status == AppendStatus::lossy);
        CHECK(a.text.empty());
        REQUIRE(a.diagnostics.items().size() == 2);
        CHECK(a.diagnostics.items()[0].code == "no-column");
        CHECK(a.diagnostics.items()[0].message.starts_with("--reflection:"));
        CHECK(a.diagnostics.items()[1].message.starts_with("--showcase:"));
    }

    TEST_CASE("CSV: quoted header names are read as names, and the entry then checks clean") {
        const std::string log =
            "\"id\",\"date\",\"type\",\"title\",\"competencies\"\r\nc1,2026-01-05,audit,A,mlcf:4.1\r\n";
        const auto a = append_entry(log, "log.csv", LogFormat::csv, entry());
        CHECK(added(a, log) == "e2,2026-10-01,course,IHI Open School,mlcf:1.3\r\n");
        CHECK(check(a, "log.csv", LogFormat::csv).empty());
    }

    TEST_CASE("CSV: the row takes the header's column order, other columns left empty") {
        const std::string log = "Title, competencies ,person_id,date,id,type,role\n";
        NewEntry n = entry();
        n.role = "attended";
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        CHECK(added(a, log) == "IHI Open School,mlcf:1.3,,2026-10-01,e2,course,attended\n");
        CHECK(a.first_line == 2);
    }

    TEST_CASE("CSV: a value with a comma, a quote or a line break is quoted, and the row's lines all count") {
        const std::string log = "id,date,type,title,description,competencies";  // no final line break
        NewEntry n = entry();
        n.title = "Audit, \"round\" 2";
        n.description = "first line\nsecond line";
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        CHECK(added(a, log) ==
              "\ne2,2026-10-01,course,\"Audit, \"\"round\"\" 2\",\"first line\nsecond line\",mlcf:1.3\n");
        CHECK(a.first_line == 2);
        CHECK(a.last_line == 3);
    }

    TEST_CASE("CSV: a value a spreadsheet would run as a formula gets an apostrophe, and reads back as given") {
        // Issue 17: every CSV writer neutralises formulas, evidence add too.
        const std::string log = "id,date,type,title,description,reflection,competencies\n";
        NewEntry n = entry();
        n.title = "=HYPERLINK(\"http://x.invalid\",\"ok\")";
        n.description = "@SUM(A1)";
        n.reflection = "'+already";
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        CHECK(added(a, log) ==
              "e2,2026-10-01,course,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"ok\"\")\",'@SUM(A1),''+already,"
              "mlcf:1.3\n");
        std::vector<Entry> read;
        EvidenceSink sink;
        sink.entry = [&read](const Entry& e) { read.push_back(e); };
        std::istringstream in(a.text);
        Diagnostics d;
        read_evidence(in, "log.csv", LogFormat::csv, sink, d);
        CHECK(d.empty());
        REQUIRE(read.size() == 1);
        CHECK(read[0].title.value == n.title);
        CHECK(read[0].description.value == n.description);
        CHECK(read[0].reflection.value == n.reflection);
    }

    TEST_CASE("CSV: a problem on the second line of a multi-line row is the entry's") {
        const std::string log = "id,date,type,description,title,competencies\n";
        NewEntry n = entry();
        n.description = "first line\nsecond line";
        n.competencies = {"mlcf:9.9"};
        const auto a = append_entry(log, "log.csv", LogFormat::csv, n);
        const auto d = check(a, "log.csv", LogFormat::csv);
        REQUIRE(d.items().size() == 1);
        CHECK(where(d.items()[0]) == "log.csv:3:30 unknown-competency");
    }

    TEST_CASE("CSV: an unknown header column makes the log unreadable, located at the column") {
        const auto a = append_entry("id,date,type,title,competencies,colour\n", "log.csv", LogFormat::csv, entry());
        CHECK(a.status == AppendStatus::unreadable);
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(where(a.diagnostics.items()[0]) == "log.csv:1:33 unknown-key");
    }

    TEST_CASE("CSV: an empty file is unreadable") {
        const auto a = append_entry("", "log.csv", LogFormat::csv, entry());
        CHECK(a.status == AppendStatus::unreadable);
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(a.diagnostics.items()[0].code == "empty-file");
    }

    TEST_CASE("JSON Lines: the entry is one line with the keys given, named as in YAML") {
        const std::string log = "{\"person\": {\"id\": \"j1\", \"name\": \"Jo\"}}\n";
        NewEntry n = entry();
        n.level = "proficient";
        n.signed_off_by = "Dr B";
        n.showcase = true;
        const auto a = append_entry(log, "log.jsonl", LogFormat::jsonl, n);
        CHECK(added(a, log) ==
              "{\"id\":\"e2\",\"date\":\"2026-10-01\",\"type\":\"course\",\"title\":\"IHI Open School\","
              "\"competencies\":[\"mlcf:1.3\"],\"level\":\"proficient\",\"signed_off\":{\"by\":\"Dr B\"},"
              "\"showcase\":true}\n");
        CHECK(a.first_line == 2);
        CHECK(a.last_line == 2);
    }

    TEST_CASE("JSON Lines: a .ndjson log is JSON Lines and gets a final line break before the entry") {
        const std::string log =
            "{\"id\": \"a\", \"date\": \"2026-01-05\", \"type\": \"qip\", \"title\": \"QIP\", "
            "\"competencies\": [\"mlcf:4.3\"]}";
        const LogFormat format = detect_log_format("log.NDJSON", log);
        REQUIRE(format == LogFormat::jsonl);
        const auto a = append_entry(log, "log.ndjson", format, entry());
        CHECK(added(a, log) ==
              "\n{\"id\":\"e2\",\"date\":\"2026-10-01\",\"type\":\"course\",\"title\":\"IHI Open School\","
              "\"competencies\":[\"mlcf:1.3\"]}\n");
        CHECK(a.first_line == 2);
    }

    TEST_CASE("JSON Lines: a line that is not JSON makes the log unreadable, located on its line") {
        const auto a = append_entry("{\"person\": {}}\n{\"id\": \n", "log.jsonl", LogFormat::jsonl, entry());
        CHECK(a.status == AppendStatus::unreadable);
        REQUIRE(a.diagnostics.items().size() == 1);
        CHECK(a.diagnostics.items()[0].location.line == 2);
        CHECK(a.diagnostics.items()[0].code == "json-syntax");
    }

    TEST_CASE("the check keeps only the new entry's problems, and privacy findings are errors") {
        const std::string log = kYamlLog +
                                "  - id: old\n    date: 2026-01-05\n    type: comittee\n"
                                "    title: Old\n    competencies: [mlcf:4.1]\n";
        NewEntry n = entry();
        n.type = "comittee";
        n.description = "Saw NHS number 943 476 5919";
        const auto a = append_entry(log, "log.yaml", LogFormat::yaml, n);
        const auto d = check(a, "log.yaml", LogFormat::yaml);
        REQUIRE(d.items().size() == 2);
        CHECK(where(d.items()[0]) == "log.yaml:17:11 unknown-type");
        CHECK(where(d.items()[1]) == "log.yaml:19:33 privacy-nhs-number");
        CHECK(d.items()[1].severity == Severity::error);
    }

    TEST_CASE("an id given that the log already uses is a duplicate-id error in the check") {
        const auto a = append_entry(kYamlLog, "log.yaml", LogFormat::yaml, entry("e1"));
        const auto d = check(a, "log.yaml", LogFormat::yaml);
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].code == "duplicate-id");
        CHECK(d.items()[0].location.line == 10);
    }
}
