// Calendar dates (proleptic Gregorian), as evidence logs and reports use them.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace leadctl {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const Date&) const = default;

    /// Days since 1970-01-01 (negative before).
    [[nodiscard]] long days() const;
    /// "2025-03-14"
    [[nodiscard]] std::string str() const;
    /// The same month and day `n` years earlier; 29 February becomes 28 February
    /// when the earlier year is not a leap year.
    [[nodiscard]] Date minus_years(int n) const;
    /// The same day `n` months earlier (the month's last day when it is shorter).
    [[nodiscard]] Date minus_months(int n) const;
};

bool is_leap_year(int y);
int days_in_month(int y, int m);

/// Why a date string is not acceptable.
enum class DateError { none, malformed, impossible };

/// Parse exactly "YYYY-MM-DD" (four-digit year). `error` says why it failed.
std::optional<Date> parse_date(std::string_view s, DateError* error = nullptr);

/// The date from days since 1970-01-01.
Date date_from_days(long days);

}  // namespace leadctl
