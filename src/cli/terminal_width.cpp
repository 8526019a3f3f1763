#include "cli/terminal_width.hpp"

#include <cstdlib>

namespace leadctl::cli {

namespace {
/// COLUMNS as a positive integer (digits only, at most 100000), or nothing.
std::optional<std::size_t> columns_value(const std::optional<std::string>& columns) {
    if (!columns || columns->empty() || columns->size() > 6) return std::nullopt;
    std::size_t n = 0;
    for (char c : *columns) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n == 0 || n > 100000) return std::nullopt;
    return n;
}
}  // namespace

std::size_t output_width(const std::optional<std::string>& columns, bool out_is_terminal,
                         std::optional<std::size_t> tty_columns) {
    if (auto n = columns_value(columns)) return *n;
    if (!out_is_terminal) return 0;
    return tty_columns && *tty_columns > 0 ? *tty_columns : 80;
}

std::size_t terminal_width(const std::optional<std::string>& columns, bool out_is_terminal,
                           std::optional<std::size_t> tty_columns) {
    std::size_t w = 80;
    if (columns) {
        w = static_cast<std::size_t>(std::strtoul(columns->c_str(), nullptr, 10));
    } else if (out_is_terminal && tty_columns && *tty_columns > 0) {
        w = *tty_columns;
    }
    if (w < 40) w = 80;
    if (w > 160) w = 160;
    return w;
}

}  // namespace leadctl::cli
