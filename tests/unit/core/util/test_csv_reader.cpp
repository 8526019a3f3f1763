#include "core/util/csv_reader.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace leadctl;

TEST_SUITE("core::csv_reader") {
    TEST_CASE("quoted fields span lines and double their quotes, positions are kept") {
        std::istringstream in("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n");
        csv::Reader r(in, "f.csv");
        Diagnostics d;
        std::vector<csv::Field> f;
        REQUIRE(r.next(f, d));
        CHECK(f.size() == 2);
        REQUIRE(r.next(f, d));
        REQUIRE(f.size() == 2);
        CHECK(f[0].value == "x, \"y\"");
        CHECK(f[0].quoted);
        CHECK(f[1].value == "two\nlines");
        CHECK(f[1].line == 2);
        CHECK(f[1].column == 12);
        REQUIRE(r.next(f, d));  // the blank line is skipped
        CHECK(r.record_line() == 5);
        CHECK(f.size() == 2);
        CHECK(f[1].value.empty());
        CHECK_FALSE(r.next(f, d));
        CHECK(d.empty());
    }

    TEST_CASE("an unclosed quote is an error at the quote") {
        std::istringstream in("a,b\n1,\"never closed\n2,3\n");
        csv::Reader r(in, "f.csv");
        Diagnostics d;
        std::vector<csv::Field> f;
        REQUIRE(r.next(f, d));
        CHECK_FALSE(r.next(f, d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].code == "csv-unclosed-quote");
        CHECK(d.items()[0].location.line == 2);
        CHECK(d.items()[0].location.column == 3);
    }

    TEST_CASE("stray quotes are reported, huge records are cut short") {
        std::istringstream in("a\"b,c\n");
        csv::Reader r(in, "f.csv");
        Diagnostics d;
        std::vector<csv::Field> f;
        REQUIRE(r.next(f, d));
        CHECK(d.items().at(0).code == "csv-quote");
        std::string wide(3000, ',');
        std::istringstream in2(wide + "\nnext\n");
        csv::Reader r2(in2, "w.csv");
        Diagnostics d2;
        REQUIRE(r2.next(f, d2));
        CHECK(f.size() == csv::Reader::kMaxFields);
        CHECK(d2.items().at(0).code == "csv-too-many-fields");
        REQUIRE(r2.next(f, d2));
        CHECK(f.at(0).value == "next");
    }

    TEST_CASE("a UTF-8 byte order mark at the start is skipped, columns counted after it") {
        std::istringstream in("\xEF\xBB\xBFid,name\n1,\xEF\xBB\xBFx\n");
        csv::Reader r(in, "f.csv");
        Diagnostics d;
        std::vector<csv::Field> f;
        REQUIRE(r.next(f, d));
        REQUIRE(f.size() == 2);
        CHECK(f[0].value == "id");
        CHECK(f[1].value == "name");
        CHECK(f[1].column == 4);
        REQUIRE(r.next(f, d));
        CHECK(f[1].value == "\xEF\xBB\xBFx");  // only at the start of the input
        CHECK(d.empty());
    }

    TEST_CASE("text that only starts like a byte order mark is kept") {
        std::istringstream in(
            "\xEF\xBB\x80"
            "a,b\n");
        csv::Reader r(in, "f.csv");
        Diagnostics d;
        std::vector<csv::Field> f;
        REQUIRE(r.next(f, d));
        CHECK(f[0].value ==
              "\xEF\xBB\x80"
              "a");
    }
}
