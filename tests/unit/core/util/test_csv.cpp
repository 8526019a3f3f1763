#include "core/util/csv.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

TEST_SUITE("core::csv") {
    TEST_CASE("fields are quoted only when they must be") {
        CHECK(csv::field("plain") == "plain");
        CHECK(csv::field("a,b") == "\"a,b\"");
        CHECK(csv::field("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(csv::field("two\nlines") == "\"two\nlines\"");
        CHECK(csv::record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
    }

    TEST_CASE("spreadsheet_safe neutralises cells a spreadsheet would run as formulas") {
        for (const char* bad : {"=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            CAPTURE(bad);
            CHECK(csv::spreadsheet_safe(bad) == std::string("'") + bad);
        }
        for (const char* fine : {"", "Amara Osei", "1+1", "a=b", "O'Brien", " =x"}) {
            CAPTURE(fine);
            CHECK(csv::spreadsheet_safe(fine) == fine);
        }
        // Quoting still applies after neutralising.
        CHECK(csv::field(csv::spreadsheet_safe("=HYPERLINK(\"x\")")) == "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    TEST_CASE("spreadsheet_safe is undone exactly by spreadsheet_unsafe, so our own CSV round-trips") {
        CHECK(csv::spreadsheet_safe("'=1") == "''=1");
        CHECK(csv::spreadsheet_safe("''-x") == "'''-x");
        CHECK(csv::spreadsheet_safe("'plain") == "'plain");
        CHECK(csv::spreadsheet_safe("'") == "'");
        for (const char* v : {"", "=1+1", "'=1+1", "''@x", "'plain", "'", "''", "-", "O'Brien", "\tx", "a=b"}) {
            CAPTURE(v);
            CHECK(csv::spreadsheet_unsafe(csv::spreadsheet_safe(v)) == v);
        }
        // A value no writer of ours produced is left alone.
        CHECK(csv::spreadsheet_unsafe("'plain") == "'plain");
    }
}
