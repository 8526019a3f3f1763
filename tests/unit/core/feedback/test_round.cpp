#include "core/feedback/round.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace leadctl;

TEST_SUITE("core::feedback::round") {
    TEST_CASE("a scale on the command line is MIN-MAX or MIN..MAX, whole numbers, MAX above MIN") {
        std::string why;
        struct Case {
            const char* text;
            double min, max;
        };
        for (const Case& c : {Case{"1-5", 1, 5}, Case{"0..10", 0, 10}, Case{"-2-2", -2, 2}, Case{"-5..-1", -5, -1},
                              Case{" 1-7 ", 1, 7}}) {
            CAPTURE(c.text);
            const auto s = parse_scale_range(c.text, why);
            REQUIRE(s);
            CHECK_FALSE(s->levels);
            CHECK(s->min == c.min);
            CHECK(s->max == c.max);
        }
    }

    TEST_CASE("what is not a scale is refused, saying why") {
        std::string why;
        for (const char* text : {"", "5", "1-", "-5", "a-b", "1.5-5", "1-5-", "1 - 5x"}) {
            CAPTURE(text);
            why.clear();
            CHECK_FALSE(parse_scale_range(text, why));
            CHECK(why.find("is not a scale MIN-MAX of whole numbers") != std::string::npos);
        }
        CHECK_FALSE(parse_scale_range("5-1", why));
        CHECK(why == "\"5-1\": MAX (1) must be above MIN (5)");
        CHECK_FALSE(parse_scale_range("3-3", why));
        CHECK(why == "\"3-3\": MAX (3) must be above MIN (3)");
        CHECK_FALSE(parse_scale_range("0-2000000", why));
        CHECK(why == "\"0-2000000\": MIN and MAX must be from -1000000 to 1000000");
        CHECK_FALSE(parse_scale_range("0-99999999999999999999", why));
    }
}
