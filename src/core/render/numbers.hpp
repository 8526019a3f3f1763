// How the feedback renderers write numbers: one decimal for people, two for JSON.
#pragma once

#include <fmt/format.h>
#include <cmath>
#include <string>

namespace leadctl::render {

/// "2.5": a mean or rating as people read it.
inline std::string one_decimal(double x) {
    return fmt::format("{:.1f}", x);
}

/// x rounded to 2 decimals, for JSON.
inline double round2(double x) {
    return std::round(x * 100) / 100;
}

}  // namespace leadctl::render
