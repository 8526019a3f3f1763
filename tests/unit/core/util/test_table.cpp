#include "core/util/table.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

TEST_SUITE("core::table") {
    TEST_CASE("columns align on display width with no trailing spaces") {
        Table t({"ID", "NAME", "N"});
        t.align(2, Table::Align::right);
        t.add_row({"a", "caf\xc3\xa9", "1"});
        t.add_row({"bbb", "x", "10"});
        t.add_row({"c", "", ""});
        CHECK(t.render(Style{}) ==
              "ID   NAME   N\n"
              "a    caf\xc3\xa9   1\n"
              "bbb  x     10\n"
              "c\n");
    }

    TEST_CASE("colour codes appear only when colour is on") {
        Table t({"A"});
        t.add_row({Cell("x", "36")});
        CHECK(t.render(Style{false}) == "A\nx\n");
        CHECK(t.render(Style{true}) == "\x1b[1mA\x1b[0m\n\x1b[36mx\x1b[0m\n");
        CHECK(Style{true}.bold("") == "");
    }
}
