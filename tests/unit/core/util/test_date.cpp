#include "core/util/date.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

TEST_SUITE("core::date") {
    TEST_CASE("dates parse only as real YYYY-MM-DD days") {
        DateError e = DateError::none;
        CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
        CHECK_FALSE(parse_date("2025-02-29", &e));
        CHECK(e == DateError::impossible);
        CHECK_FALSE(parse_date("2025-02-30", &e));
        CHECK(e == DateError::impossible);
        CHECK_FALSE(parse_date("2025-13-01", &e));
        CHECK(e == DateError::impossible);
        CHECK_FALSE(parse_date("2025-1-01", &e));
        CHECK(e == DateError::malformed);
        CHECK_FALSE(parse_date("01/02/2025", &e));
        CHECK(e == DateError::malformed);
        CHECK(parse_date("1900-02-28"));
        CHECK_FALSE(parse_date("1900-02-29"));  // not a leap year
        CHECK(parse_date("2000-02-29"));        // a leap year
    }

    TEST_CASE("days count from 1970 and round-trip") {
        CHECK(Date{1970, 1, 1}.days() == 0);
        CHECK(Date{2000, 3, 1}.days() - Date{2000, 2, 28}.days() == 2);
        for (long d : {-1000L, 0L, 19000L, 20500L}) CHECK(date_from_days(d).days() == d);
        CHECK(Date{2026, 11, 25}.str() == "2026-11-25");
    }

    TEST_CASE("N months earlier keeps the day, or the month's last day when it is shorter") {
        CHECK(Date{2026, 3, 31}.minus_months(1) == Date{2026, 2, 28});
        CHECK(Date{2024, 3, 31}.minus_months(1) == Date{2024, 2, 29});
        CHECK(Date{2026, 1, 15}.minus_months(12) == Date{2025, 1, 15});
        CHECK(Date{2026, 1, 15}.minus_months(13) == Date{2024, 12, 15});
        CHECK(Date{2026, 11, 25}.minus_months(36) == Date{2023, 11, 25});
        CHECK(Date{2026, 5, 31}.minus_months(0) == Date{2026, 5, 31});
    }

    TEST_CASE("N years earlier keeps month and day, 29 February becomes 28 February") {
        CHECK(Date{2026, 11, 25}.minus_years(3) == Date{2023, 11, 25});
        CHECK(Date{2024, 2, 29}.minus_years(3) == Date{2021, 2, 28});
        CHECK(Date{2024, 2, 29}.minus_years(4) == Date{2020, 2, 29});
    }
}
