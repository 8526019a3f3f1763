// The width rule: COLUMNS, then the terminal (80 when unknown), else unlimited.
#include "cli/terminal_width.hpp"

#include <doctest/doctest.h>

using leadctl::cli::output_width;
using leadctl::cli::terminal_width;

TEST_SUITE("cli::terminal_width") {
    TEST_CASE("COLUMNS, when a positive integer, wins even when the output is piped") {
        CHECK(output_width("80", false, std::nullopt) == 80);
        CHECK(output_width("132", true, 200) == 132);
        CHECK(output_width("20", false, std::nullopt) == 20);
    }

    TEST_CASE("without COLUMNS: the terminal's width, 80 when unknown, unlimited when piped") {
        CHECK(output_width(std::nullopt, true, 100) == 100);
        CHECK(output_width(std::nullopt, true, std::nullopt) == 80);
        CHECK(output_width(std::nullopt, true, 0) == 80);
        CHECK(output_width(std::nullopt, false, std::nullopt) == 0);
        CHECK(output_width(std::nullopt, false, 100) == 0);
    }

    TEST_CASE("a COLUMNS that is not a positive integer counts as unset") {
        for (const char* bad : {"", "0", "-5", "abc", "80x", " 80", "9999999"}) {
            CAPTURE(bad);
            CHECK(output_width(std::string(bad), false, std::nullopt) == 0);
            CHECK(output_width(std::string(bad), true, 90) == 90);
        }
    }

    TEST_CASE("the progress bar's and frameworks show's width keeps its 40 to 160 range") {
        CHECK(terminal_width(std::nullopt, false, std::nullopt) == 80);
        CHECK(terminal_width("100", false, std::nullopt) == 100);
        CHECK(terminal_width("20", false, std::nullopt) == 80);
        CHECK(terminal_width("500", false, std::nullopt) == 160);
        CHECK(terminal_width(std::nullopt, true, 120) == 120);
    }
}
