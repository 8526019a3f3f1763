// How wide leadctl's output may be: decided here, at the edge, from COLUMNS and the
// terminal, and passed to the core in Style::width (the core never asks the terminal).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace leadctl::cli {

/// The width text output to standard output is fitted to (tables shrink, prose wraps);
/// 0 for unlimited. COLUMNS, when it is a positive integer, even when the output is
/// piped; otherwise, when standard output is a terminal, its width (`tty_columns`), 80
/// when unknown; otherwise (piped, no COLUMNS) unlimited: the output is as it always was.
std::size_t output_width(const std::optional<std::string>& columns, bool out_is_terminal,
                         std::optional<std::size_t> tty_columns);

/// The width the progress bar, `frameworks show` and `diff` wrap to: COLUMNS, else the
/// terminal's width, else 80; below 40 (or not a number) 80, above 160 160.
std::size_t terminal_width(const std::optional<std::string>& columns, bool out_is_terminal,
                           std::optional<std::size_t> tty_columns);

}  // namespace leadctl::cli
