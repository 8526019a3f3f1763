#include "core/formats/moodle_csv.hpp"

#include "core/formats/render_framework.hpp"
#include "core/model/framework_loader.hpp"
#include "core/registry/bundled.hpp"
#include "core/util/csv.hpp"
#include "core/util/csv_reader.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace leadctl;
using leadctl::testing::bundled;
using leadctl::testing::shared_fixture;

namespace {

using Records = std::vector<std::vector<std::string>>;

Records records(const std::string& csv_text) {
    std::istringstream in(csv_text);
    csv::Reader reader(in, "t.csv");
    Diagnostics d;
    Records out;
    for (std::vector<csv::Field> f; reader.next(f, d);) {
        std::vector<std::string> r;
        for (auto& x : f) r.push_back(x.value);
        out.push_back(std::move(r));
    }
    REQUIRE_FALSE(d.has_errors());
    return out;
}

const std::string* extra(const Extra& x, std::string_view key) {
    for (const auto& [k, v] : x) {
        if (k == key) return &v;
    }
    return nullptr;
}

std::string x_or_none(const Extra& x, std::string_view key) {
    const auto* v = extra(x, key);
    return v ? *v : "(none)";
}

/// Import, render as YAML and load that back with our own loader.
Framework through_yaml(const Framework& fw) {
    const auto yaml = render_yaml(fw, -1, {});
    auto l = load_framework(yaml, "converted.yaml");
    for (const auto& d : l.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(l.framework);
    CHECK(l.diagnostics.empty());
    return *l.framework;
}

const std::string kHeader =
    "Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,"
    "Rule type,Rule outcome,Rule config,Cross-referenced,Exported ID,Is framework,Taxonomy\n";
const std::string kFrameworkRow =
    R"(,FW,Framework,,1,"Not yet competent,Competent","[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,"competency,competency")"
    "\n";

/// A competency row with Moodle's exporter's defaults (parent, ID number, short name first).
std::string row(const std::string& parent, const std::string& id, const std::string& name = "Name",
                const std::string& related = "") {
    return csv::field(parent) + "," + csv::field(id) + "," + csv::field(name) + ",,1,,,,0,null," + csv::field(related) +
           ",,,\n";
}

/// Import that must fail: the first error's "line:column: [code]".
std::string first_error(const std::string& text, const MoodleImportOptions& opt = {}) {
    const auto r = import_moodle_csv(text, "bad.csv", opt);
    CHECK_FALSE(r.framework);
    for (const auto& d : r.diagnostics.items()) {
        if (d.severity == Severity::error) {
            return std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": [" + d.code + "] " +
                   d.message;
        }
    }
    FAIL("no error");
    return {};
}

}  // namespace

TEST_SUITE("core::moodle_csv") {
    TEST_CASE("moodle: Moodle's example.csv imports as 64 competencies four levels deep with its two-level scale") {
        const auto text = shared_fixture("moodle/example.csv");
        if (!text) return;
        const auto r = import_moodle_csv(*text, "example.csv");
        for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
        REQUIRE(r.framework);
        CHECK(r.diagnostics.empty());
        CHECK(r.losses.empty());
        const Framework& fw = *r.framework;
        CHECK(records(*text).size() == 66);  // header, framework row, 64 competencies
        CHECK(fw.id == "oecd-core");
        CHECK(fw.title == "OECD");
        CHECK(fw.items.size() == 64);
        CHECK(fw.max_depth() == 4);
        REQUIRE(fw.roots.size() == 2);
        CHECK(fw.items[static_cast<std::size_t>(fw.roots[0])].code == "levels");
        CHECK(fw.items[static_cast<std::size_t>(fw.roots[1])].code == "competencies");
        CHECK(
            fw.description.starts_with("The Core Competencies summarise the capabilities that are important across "
                                       "all jobs and that we believe collectively contribute"));
        CHECK(x_or_none(fw.extra, "moodle.idnumber") == records(*text)[1][1]);  // the framework row's ID number
        CHECK(x_or_none(fw.extra, "moodle.taxonomy") == "competency,competency,competency,competency");
        CHECK(x_or_none(fw.extra, "moodle.header").starts_with(R"(["Parent id number","Id number",)"));

        // The scale and its configuration.
        REQUIRE(fw.scale.size() == 2);
        CHECK(fw.scale[0].id == "not-yet-competent");
        CHECK(fw.scale[0].name == "Not yet competent");
        CHECK(fw.scale[1].id == "competent");
        CHECK(fw.scale[1].name == "Competent");
        CHECK(x_or_none(fw.extra, "moodle.scalevalues") == "Not yet competent,Competent");
        CHECK(x_or_none(fw.extra, "moodle.scaleconfiguration") ==
              R"([{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}])");

        // Tree, depth and taxonomy.
        const auto* at = fw.item("analytical-thinking");
        REQUIRE(at);
        CHECK(at->depth == 2);
        CHECK(at->type == "competency");
        CHECK(at->name == "Analytical Thinking");
        CHECK(fw.items[static_cast<std::size_t>(at->parent)].code == "delivery");
        REQUIRE(at->children.size() == 2);
        CHECK(fw.items[static_cast<std::size_t>(at->children[0])].code == "DR-AT1");
        CHECK(fw.items[static_cast<std::size_t>(at->children[1])].code == "DR-AT-2");
        CHECK(fw.item("DR-AT1")->depth == 3);

        // A multi-line HTML cell kept exactly (CR LF inside the quotes), with its plain text.
        CHECK(x_or_none(at->extra, "moodle.description") ==
              "<p>Analytical Thinking is the ability to identify\r\npatterns across situations that are not "
              "obviously\r\nrelated, and to identify key or underlying issues in\r\ncomplex situations.<br></p>");
        CHECK(at->description ==
              "Analytical Thinking is the ability to identify patterns across situations that are not obviously "
              "related, and to identify key or underlying issues in complex situations.");

        // Rule columns (the literal null), description format, exported id.
        CHECK(x_or_none(at->extra, "moodle.ruletype") == "(none)");
        CHECK(x_or_none(at->extra, "moodle.ruleoutcome") == "0");
        CHECK(x_or_none(at->extra, "moodle.ruleconfig") == "null");
        CHECK(x_or_none(at->extra, "moodle.descriptionformat") == "1");
        CHECK(x_or_none(at->extra, "moodle.exportid") == "11");

        // Cross-references kept verbatim and split into ID numbers.
        const auto* l1 = fw.item("level-1");
        REQUIRE(l1);
        const auto cell = x_or_none(l1->extra, "moodle.relatedidnumbers");
        CHECK(cell.starts_with("S-DT-1,S-DT-2,S-OA-1,"));
        const auto ids = moodle_split_idnumbers(cell);
        CHECK(ids.size() == 39);
        for (const auto& id : ids) CHECK_MESSAGE(fw.item(id), id);
        CHECK(x_or_none(fw.item("DR-AT1")->extra, "moodle.relatedidnumbers") == "level-1");

        // A short name with a trailing space: trimmed name, the cell kept.
        const auto* ds1 = fw.item("DR-DS-1");
        REQUIRE(ds1);
        CHECK(ds1->name == "Tailors communication (e.g. content, style and medium) to diverse audiences.");
        CHECK(x_or_none(ds1->extra, "moodle.shortname") ==
              "Tailors communication (e.g. content, style and medium) to diverse audiences. ");
    }

    TEST_CASE("moodle: example.csv goes Moodle to YAML to Moodle with every cell and every byte unchanged") {
        const auto text = shared_fixture("moodle/example.csv");
        if (!text) return;
        const auto r = import_moodle_csv(*text, "example.csv");
        REQUIRE(r.framework);
        const Framework back = through_yaml(*r.framework);
        const std::string out = export_moodle_csv(back);
        // Records first (a quoting difference would show here as equal records)...
        const auto want = records(*text);
        const auto got = records(out);
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            CAPTURE(i);
            CHECK(got[i] == want[i]);
        }
        // ...then bytes: Moodle's exporter quotes like PHP's fputcsv, and so do we.
        CHECK(out == *text);
    }

    TEST_CASE(
        "moodle: an ID number with a comma becomes a valid code and a %2C cross-reference to it is decoded and kept") {
        const std::string text = kHeader + kFrameworkRow + row("", "A,1", "Comma") + row("A,1", "C 2", "Space") +
                                 row("", "B", "Bee", "A%2C1,C 2");
        const auto r = import_moodle_csv(text, "t.csv");
        for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
        REQUIRE(r.framework);
        CHECK(r.diagnostics.empty());
        const Framework& fw = *r.framework;
        REQUIRE(fw.items.size() == 3);
        CHECK(fw.items[0].code == "A_2C1");
        CHECK(x_or_none(fw.items[0].extra, "moodle.idnumber") == "A,1");
        CHECK(fw.items[1].code == "C_202");
        CHECK(fw.items[1].parent == 0);
        CHECK(fw.items[2].code == "B");
        CHECK(x_or_none(fw.items[2].extra, "moodle.idnumber") == "(none)");
        CHECK(x_or_none(fw.items[2].extra, "moodle.relatedidnumbers") == "A%2C1,C 2");
        CHECK(moodle_split_idnumbers("A%2C1,C 2") == std::vector<std::string>{"A,1", "C 2"});

        const Framework back = through_yaml(fw);
        const auto got = records(export_moodle_csv(back));
        REQUIRE(got.size() == 5);
        CHECK(got[2][1] == "A,1");
        CHECK(got[3][0] == "A,1");
        CHECK(got[3][1] == "C 2");
        CHECK(got[4][1] == "B");
        CHECK(got[4][10] == "A%2C1,C 2");
    }

    TEST_CASE("moodle: codes made from ID numbers never clash and an ID number that is already a code wins") {
        const std::string text = kHeader + kFrameworkRow + row("", "_x") + row("", "id_x") + row("", "a b") +
                                 row("", "a_20b") + row("", std::string(70, 'z'));
        const auto r = import_moodle_csv(text, "t.csv");
        REQUIRE(r.framework);
        const Framework& fw = *r.framework;
        CHECK(fw.items[0].code == "id_x-2");
        CHECK(fw.items[1].code == "id_x");
        CHECK(fw.items[2].code == "a_20b-2");
        CHECK(fw.items[3].code == "a_20b");
        CHECK(fw.items[4].code == std::string(56, 'z'));
        const auto got = records(export_moodle_csv(through_yaml(fw)));
        CHECK(got[2][1] == "_x");
        CHECK(got[3][1] == "id_x");
        CHECK(got[4][1] == "a b");
        CHECK(got[5][1] == "a_20b");
        CHECK(got[6][1] == std::string(70, 'z'));
    }

    TEST_CASE("moodle: the bundled frameworks export as Moodle CSV and import back with the same tree and scale") {
        for (std::string_view id : {"mlcf", "hlm", "fmlm"}) {
            CAPTURE(id);
            const Framework fw = bundled(id);
            const std::string out = export_moodle_csv(fw);
            const auto recs = records(out);
            REQUIRE(recs.size() == fw.items.size() + 2);
            for (const auto& r : recs) CHECK(r.size() == kMoodleColumns);
            CHECK(recs[0] == std::vector<std::string>(std::begin(kMoodleHeader), std::end(kMoodleHeader)));
            CHECK(recs[1][12] == "1");
            CHECK(recs[1][1] == fw.id);
            CHECK(recs[1][2] == fw.title);
            CHECK(recs[1][4] == "1");
            std::set<std::string> seen;
            for (std::size_t k = 2; k < recs.size(); ++k) {
                const auto& r = recs[k];
                CAPTURE(r[1]);
                CHECK(r[12] == "");
                CHECK((r[0].empty() || seen.count(r[0])));  // parents before children
                CHECK(r[3].starts_with("<p>"));
                CHECK(r[4] == "1");
                CHECK(r[7] == "");
                CHECK(r[8] == "0");
                CHECK(r[9] == "null");
                CHECK(r[10] == "");
                seen.insert(r[1]);
            }

            const auto back = import_moodle_csv(out, "export.csv");
            for (const auto& d : back.diagnostics.items()) MESSAGE(format_diagnostic(d));
            REQUIRE(back.framework);
            CHECK(back.diagnostics.empty());
            const Framework& b = *back.framework;
            CHECK(b.id == fw.id);
            CHECK(b.title == fw.title);
            CHECK(b.description == fw.description);
            REQUIRE(b.items.size() == fw.items.size());
            for (std::size_t i = 0; i < fw.items.size(); ++i) {
                CAPTURE(fw.items[i].code);
                CHECK(b.items[i].code == fw.items[i].code);
                CHECK(b.items[i].name == fw.items[i].name);
                CHECK(b.items[i].parent == fw.items[i].parent);
                CHECK(b.items[i].description == fw.items[i].description);
            }
            if (fw.scale.empty()) {
                CHECK(recs[1][5] == "Not yet competent,Competent");
            } else {
                REQUIRE(b.scale.size() == fw.scale.size());
                for (std::size_t k = 0; k < fw.scale.size(); ++k) {
                    CHECK(b.scale[k].id == fw.scale[k].id);
                    CHECK(b.scale[k].name == fw.scale[k].name);
                }
            }
            // And once more through our YAML: the second export is the first.
            CHECK(export_moodle_csv(through_yaml(b)) == out);
        }
    }

    TEST_CASE("moodle: export maps item types to Moodle's taxonomy per depth and marks the scale's pass mark") {
        const auto mlcf = records(export_moodle_csv(bundled("mlcf")));
        CHECK(mlcf[1][13] == "domain,competency");
        CHECK(mlcf[1][6] == R"([{"scaleid":""},{"id":2,"scaledefault":1,"proficient":1}])");
        const auto hlm = records(export_moodle_csv(bundled("hlm")));
        CHECK(hlm[1][13] == "domain");
        CHECK(hlm[1][5] == "Essential,Proficient,Strong,Exemplary");
        CHECK(hlm[1][6] ==
              R"([{"scaleid":""},{"id":2,"scaledefault":1,"proficient":1},{"id":3,"scaledefault":0,"proficient":1},)"
              R"({"id":4,"scaledefault":0,"proficient":1}])");
        const auto fmlm = records(export_moodle_csv(bundled("fmlm")));
        CHECK(fmlm[1][13] == "domain,competency");
    }

    TEST_CASE("moodle: the export losses name what a Moodle CSV cannot hold") {
        const auto losses = moodle_export_losses(bundled("mlcf"));
        const std::string all = [&] {
            std::string s;
            for (const auto& l : losses) s += l + "\n";
            return s;
        }();
        CHECK(all.find("profile(s)") != std::string::npos);
        CHECK(all.find("sources") != std::string::npos);
        CHECK(all.find("element → competency") != std::string::npos);
    }

    TEST_CASE("moodle: ID numbers that PHP's == takes for the same number are warned about") {
        // Moodle's importer attaches children with `parentidnumber == idnumber`.
        const auto l = load_framework(R"(id: n
title: N
items:
  - code: "1"
    name: One
    items:
      - {code: "1.1", name: A}
      - {code: "1.10", name: B}
      - {code: "1.2", name: C}
  - code: "01"
    name: Zero one
  - code: "1e1"
    name: Ten
  - code: "10"
    name: Ten again
  - code: "1.a"
    name: Not a number
)",
                                      "n.yaml");
        REQUIRE(l.framework);
        const auto warnings = moodle_export_warnings(*l.framework);
        REQUIRE(warnings.size() == 3);
        CHECK(warnings[0].find(R"("1", "01")") != std::string::npos);
        CHECK(warnings[1].find(R"("1.1", "1.10")") != std::string::npos);
        CHECK(warnings[2].find(R"("1e1", "10")") != std::string::npos);
        for (const char* id : {"mlcf", "hlm", "fmlm", "fmlm-2e"}) {
            CAPTURE(id);
            CHECK(moodle_export_warnings(bundled(id)).empty());
        }
    }

    TEST_CASE("moodle: descriptions: HTML to plain text and back") {
        CHECK(moodle_description_text("<p>A &amp; B<br>C&nbsp;&lt;D&gt;</p><p>E &#8211; &#x41;</p>", "1") ==
              "A & B C <D> E \xE2\x80\x93 A");
        CHECK(moodle_description_text("  a <b>bold</b>\r\n move ", "1") == "a bold move");
        CHECK(moodle_description_text("x < y & <b>", "2") == "x < y & <b>");
        CHECK(moodle_description_text("5 &bogus; 6 < 7", "1") == "5 &bogus; 6 < 7");
        CHECK(moodle_description_html("a & b\n\nc < d\ne") == "<p>a &amp; b</p><p>c &lt; d e</p>");
        CHECK(moodle_description_html("") == "");
    }

    TEST_CASE("moodle: an edited description wins over the kept HTML on export") {
        const std::string text = kHeader + kFrameworkRow + ",A,Aye,\"<p>Old <b>text</b></p>\",1,,,,0,null,,,,\n";
        auto r = import_moodle_csv(text, "t.csv");
        REQUIRE(r.framework);
        Framework fw = *r.framework;
        CHECK(records(export_moodle_csv(fw))[2][3] == "<p>Old <b>text</b></p>");
        fw.items[0].description = "New & improved";
        const auto got = records(export_moodle_csv(fw));
        CHECK(got[2][3] == "<p>New &amp; improved</p>");
        CHECK(got[2][4] == "1");
    }

    TEST_CASE("moodle: an empty description keeps its description format on the round trip") {
        // Found by fuzzing (issue 17): format 0 or 2 on an empty description came back as 1.
        for (const std::string format : {"0", "2", "4", "1"}) {
            CAPTURE(format);
            const std::string text = kHeader + kFrameworkRow + ",A,Aye,," + format + ",,,,0,null,,,,\n";
            const auto r = import_moodle_csv(text, "t.csv");
            REQUIRE(r.framework);
            const auto got = records(export_moodle_csv(*r.framework));
            CHECK(got[2][3] == "");
            CHECK(got[2][4] == format);
        }
    }

    TEST_CASE("moodle: a file in an order export cannot reproduce says so, and strict makes that an error") {
        // File order A, B, C, B1; export writes depth-first: A, B, B1, C.
        const std::string text =
            kHeader + kFrameworkRow + row("", "A") + row("A", "B") + row("A", "C") + row("B", "B1");
        const auto r = import_moodle_csv(text, "t.csv");
        REQUIRE(r.framework);
        REQUIRE(r.losses.size() == 1);
        CHECK(r.losses[0].find("row order") != std::string::npos);
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].severity == Severity::warning);
        CHECK(r.diagnostics.items()[0].location.line == 5);
        MoodleImportOptions strict;
        strict.strict = true;
        CHECK(first_error(text, strict).starts_with("5:1: [moodle-not-kept] row order"));
    }

    TEST_CASE("moodle: rows Moodle skips are reported as not kept") {
        const std::string text =
            kHeader + kFrameworkRow + row("", "A") + row("", "", "No id") + row("", "B", "") + row("B", "B1");
        const auto r = import_moodle_csv(text, "t.csv");
        REQUIRE(r.framework);
        CHECK(r.framework->items.size() == 1);
        CHECK(r.losses.size() == 3);
        MoodleImportOptions strict;
        strict.strict = true;
        CHECK(first_error(text, strict) ==
              "4:2: [moodle-not-kept] line 4: a competency without an ID number is "
              "skipped, as Moodle skips it");
    }

    TEST_CASE("moodle: the framework id can be given and must be a valid id") {
        const std::string text = kHeader + kFrameworkRow + row("", "A");
        MoodleImportOptions opt;
        opt.framework_id = "oecd";
        const auto r = import_moodle_csv(text, "t.csv", opt);
        REQUIRE(r.framework);
        CHECK(r.framework->id == "oecd");
        opt.framework_id = "Not Valid";
        CHECK(first_error(text, opt).find("[invalid-id]") != std::string::npos);
        const std::string numeric = kHeader + ",2024,Numbers,,1,A,,,,,,,1,\n" + row("", "A");
        CHECK(import_moodle_csv(numeric, "t.csv").framework->id == "moodle-2024");
    }

    TEST_CASE("moodle: bad input: an unclosed quote is an error at the opening quote") {
        CHECK(first_error(kHeader + kFrameworkRow + ",A,\"Never closed,,1,,,,0,null,,,,\n")
                  .starts_with("3:4: [csv-unclosed-quote]"));
    }

    TEST_CASE("moodle: bad input: ragged rows and a short header are errors at their line") {
        CHECK(first_error(kHeader + kFrameworkRow + ",A,Aye,,1,,,,0,null,,,\n") ==
              "3:1: [ragged-row] this row has 13 fields; the header and every row must have 14");
        CHECK(first_error(kHeader + kFrameworkRow + ",A,Aye,,1,,,,0,null,,,,,extra\n")
                  .starts_with("3:25: [ragged-row] this row has 15 fields"));
        CHECK(first_error("a,b,c\n" + kFrameworkRow).starts_with("1:1: [ragged-row] the header row has 3 fields"));
        CHECK(first_error("").starts_with("1:1: [empty-file]"));
    }

    TEST_CASE("moodle: bad input: duplicate ID numbers are errors at the second one") {
        CHECK(first_error(kHeader + kFrameworkRow + row("", "A") + row("", "B") + row("B", "A")) ==
              "5:3: [duplicate-idnumber] ID number \"A\" is already used on line 3");
    }

    TEST_CASE("moodle: bad input: a cycle of parents is an error at the first row in it") {
        CHECK(first_error(kHeader + kFrameworkRow + row("", "R") + row("B", "A") + row("A", "B")) ==
              "4:1: [parent-cycle] a cycle of parents: A under B under A");
        CHECK(first_error(kHeader + kFrameworkRow + row("S", "S")) ==
              "3:1: [parent-cycle] a cycle of parents: S under S");
    }

    TEST_CASE("moodle: bad input: a parent that does not exist is an error at the parent cell") {
        CHECK(first_error(kHeader + kFrameworkRow + row("", "alpha") + row("alpah", "b")) ==
              "4:1: [unknown-parent] parent \"alpah\" is not the ID number of any competency in the file (did you "
              "mean \"alpha\"?)");
        CHECK(first_error(kHeader + kFrameworkRow + row("FW", "A")).find("it is the framework's ID number") !=
              std::string::npos);
    }

    TEST_CASE("moodle: bad input: no framework row, two framework rows, no competencies") {
        CHECK(first_error(kHeader + row("", "A")).starts_with("1:1: [missing-framework-row]"));
        CHECK(first_error(kHeader + kFrameworkRow + row("", "A") + kFrameworkRow) ==
              "4:124: [duplicate-framework-row] a second framework row (\"Is framework\" is set); the first is on "
              "line 2");
        CHECK(first_error(kHeader + kFrameworkRow).starts_with("2:1: [missing-field] the file has no competencies"));
        CHECK(first_error(kHeader + ",FW,,,1,,,,,,,,1,\n" + row("", "A")).starts_with("2:5: [missing-field]"));
    }

    TEST_CASE("moodle: bad input: competencies nested deeper than leadctl holds are an error") {
        std::string text = kHeader + kFrameworkRow + row("", "d0");
        for (int d = 1; d <= kMaxItemDepth; ++d) text += row("d" + std::to_string(d - 1), "d" + std::to_string(d));
        CHECK(first_error(text).starts_with("11:1: [too-deep] competencies nest deeper than 8 levels"));
    }

    TEST_CASE("moodle: bad input: text that is not UTF-8 is an error at the bad byte") {
        CHECK(first_error(kHeader + kFrameworkRow + row("", "A", "Caf\xE9")).starts_with("3:7: [not-utf8]"));
    }

    TEST_CASE("moodle: a cross-reference to an ID number not in the file is a warning and is kept") {
        const auto r = import_moodle_csv(kHeader + kFrameworkRow + row("", "A", "Aye", "Z"), "t.csv");
        REQUIRE(r.framework);
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].code == "unknown-crossref");
        CHECK(r.diagnostics.items()[0].severity == Severity::warning);
        CHECK(records(export_moodle_csv(*r.framework))[2][10] == "Z");
    }
}
