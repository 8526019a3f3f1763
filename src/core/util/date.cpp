#include "core/util/date.hpp"

#include <fmt/format.h>

namespace leadctl {

bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

long Date::days() const {
    // Howard Hinnant's days_from_civil.
    const int y = month <= 2 ? year - 1 : year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return {y, m, d};
}

std::string Date::str() const {
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Date Date::minus_years(int n) const {
    Date d{year - n, month, day};
    if (d.month == 2 && d.day == 29 && !is_leap_year(d.year)) d.day = 28;
    return d;
}

Date Date::minus_months(int n) const {
    const int total = year * 12 + (month - 1) - n;
    Date d{total / 12, total % 12 + 1, day};
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = d.month == 2 && is_leap_year(d.year) ? 29 : kDays[d.month - 1];
    if (d.day > last) d.day = last;
    return d;
}

std::optional<Date> parse_date(std::string_view s, DateError* error) {
    auto fail = [&](DateError e) -> std::optional<Date> {
        if (error) *error = e;
        return std::nullopt;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return fail(DateError::malformed);
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lens[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k) {
        for (std::size_t i = 0; i < lens[k]; ++i) {
            const char c = s[starts[k] + i];
            if (c < '0' || c > '9') return fail(DateError::malformed);
            parts[k] = parts[k] * 10 + (c - '0');
        }
    }
    const Date d{parts[0], parts[1], parts[2]};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) {
        return fail(DateError::impossible);
    }
    if (error) *error = DateError::none;
    return d;
}

}  // namespace leadctl
