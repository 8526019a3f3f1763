// Aligned text tables and ANSI styling for human-readable output. Renderers return
// strings; whether colour is wanted is decided at the edge and passed in as Style.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// How an output is presented: SGR colour codes, applied only when `color` is
/// true, and the day it is made (HTML footers' "generated on"; "" to leave it out).
struct Style {
    Style() = default;
    explicit Style(bool colour) : color(colour) {}

    bool color = false;
    std::string generated;

    [[nodiscard]] std::string paint(std::string_view text, std::string_view sgr) const;
    [[nodiscard]] std::string bold(std::string_view t) const { return paint(t, "1"); }
    [[nodiscard]] std::string dim(std::string_view t) const { return paint(t, "2"); }
    [[nodiscard]] std::string cyan(std::string_view t) const { return paint(t, "36"); }
    [[nodiscard]] std::string yellow(std::string_view t) const { return paint(t, "33"); }
};

struct Cell {
    std::string text;
    std::string sgr;                             ///< style for this cell when colour is on ("" for none)
    Cell(std::string t) : text(std::move(t)) {}  // NOLINT: implicit on purpose
    Cell(const char* t) : text(t) {}             // NOLINT
    Cell(std::string t, std::string s) : text(std::move(t)), sgr(std::move(s)) {}
};

class Table {
public:
    enum class Align { left, right };

    explicit Table(std::vector<std::string> headers);
    void align(std::size_t column, Align a);
    void add_row(std::vector<Cell> cells);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    /// Columns separated by two spaces, header in bold, no trailing spaces; control
    /// characters in cells are escaped (text::terminal_safe).
    /// `indent` is prepended to every line.
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::vector<Cell>> rows_;
};

}  // namespace leadctl
