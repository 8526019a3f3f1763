#include "core/util/table.hpp"

#include "core/util/text.hpp"

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

    TEST_CASE("width 0 (unlimited) renders the table as it is") {
        Table t({"CODE", "NAME", "N"});
        t.shrink(1);
        t.add_row({"a:1", "A rather long name for an item", "1"});
        CHECK(t.render(Style{false, 0}) == t.render(Style{}));
        CHECK(t.render(Style{}).find("A rather long name for an item") != std::string::npos);
        // A table that fits is left alone too.
        CHECK(t.render(Style{false, 200}) == t.render(Style{}));
    }

    TEST_CASE("a shrinkable column is cut with an ellipsis to fit the width") {
        Table t({"CODE", "NAME", "N"});
        t.align(2, Table::Align::right);
        t.shrink(1);
        t.add_row({"a:1", "A rather long name for an item", "1"});
        t.add_row({"a:22", "Short", "10"});
        CHECK(t.width() == 4 + 2 + 30 + 2 + 2);
        CHECK(t.width("", true) == 4 + 2 + 12 + 2 + 2);
        CHECK(t.render(Style{false, 30}) ==
              "CODE  NAME                   N\n"
              "a:1   A rather long name…    1\n"
              "a:22  Short                 10\n");
        for (std::size_t w : {24U, 30U, 37U, 40U}) {
            const auto out = t.render(Style{false, w});
            std::size_t start = 0;
            for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
                CHECK(leadctl::text::display_width(std::string_view(out).substr(start, nl - start)) <= w);
                start = nl + 1;
            }
        }
    }

    TEST_CASE("codes and numbers are never cut: too narrow a width overflows") {
        Table t({"CODE", "NAME"});
        t.shrink(1, {.min_width = 6});
        t.add_row({"framework:1.2.3", "Developing Self Awareness"});
        // NAME stops at its minimum; the code stays whole.
        CHECK(t.render(Style{false, 10}) ==
              "CODE             NAME\n"
              "framework:1.2.3  Devel\u2026\n");
    }

    TEST_CASE("the widest shrinkable column shrinks first, and lower ranks before higher") {
        Table t({"A", "B", "C"});
        t.shrink(0, {.min_width = 4});
        t.shrink(1, {.min_width = 4});
        t.shrink(2, {.min_width = 4, .rank = 1});
        t.add_row({"aaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbb", "cccccccccc"});
        // 10 + 2 + 20 + 2 + 10 = 44; at 34 B gives up 10 and A, C stay whole.
        CHECK(t.render(Style{false, 34}) ==
              "A           B           C\n"
              "aaaaaaaaaa  bbbbbbbbb\u2026  cccccccccc\n");
        // At 24: A and B share the cut, C is still whole.
        CHECK(t.render(Style{false, 24}) ==
              "A      B      C\n"
              "aaaa\u2026  bbbb\u2026  cccccccccc\n");
        // At 20: A and B are at their minimum (4), so C shrinks.
        CHECK(t.render(Style{false, 20}) ==
              "A     B     C\n"
              "aaa\u2026  bbb\u2026  ccccccc\u2026\n");
    }

    TEST_CASE("a path column keeps its end") {
        Table t({"ID", "SOURCE"});
        t.shrink(1, {.min_width = 8, .from_start = true});
        t.add_row({"x", "some/where/local.yaml"});
        CHECK(t.render(Style{false, 15}) == "ID  SOURCE\nx   \u2026local.yaml\n");
    }

    TEST_CASE("prose wraps to the width left after the indent, or its own measure") {
        CHECK(Style{}.wrap_width(76, 4) == 76);
        CHECK(Style{false, 80}.wrap_width(76, 4) == 76);
        CHECK(Style{false, 60}.wrap_width(76, 4) == 56);
        CHECK(Style{false, 10}.wrap_width(76, 4) == 20);
        CHECK(fit_lines(Style{}, "one  two three") == std::vector<std::string>{"one  two three"});
        CHECK(fit_lines(Style{false, 40}, "one  two three") == std::vector<std::string>{"one  two three"});
        CHECK(fit_lines(Style{false, 20}, "aaaa bbbb cccc dddd eeee ffff") ==
              std::vector<std::string>{"aaaa bbbb cccc dddd", "eeee ffff"});
    }
}
