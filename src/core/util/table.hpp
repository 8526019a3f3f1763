// Aligned text tables and ANSI styling for human-readable output. Renderers return
// strings; whether colour is wanted, and how wide the output may be, is decided at the
// edge (the CLI) and passed in as Style.
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
    Style(bool colour, std::size_t columns) : color(colour), width(columns) {}

    bool color = false;
    /// Columns the text output should fit in (tables shrink, prose wraps); 0: unlimited,
    /// nothing is fitted (the output of a pipe, or a file).
    std::size_t width = 0;

    /// The width at which to wrap prose whose lines start `indent` columns in: `preferred`
    /// (the renderer's own measure) or, when `width` is narrower, what is left of it
    /// after the indent (never less than 20: narrower prose is mostly line breaks).
    [[nodiscard]] std::size_t wrap_width(std::size_t preferred, std::size_t indent) const;

    std::string generated;

    [[nodiscard]] std::string paint(std::string_view text, std::string_view sgr) const;
    [[nodiscard]] std::string bold(std::string_view t) const { return paint(t, "1"); }
    [[nodiscard]] std::string dim(std::string_view t) const { return paint(t, "2"); }
    [[nodiscard]] std::string cyan(std::string_view t) const { return paint(t, "36"); }
    [[nodiscard]] std::string yellow(std::string_view t) const { return paint(t, "33"); }
};

/// A line of our own prose (a headline, a summary) as it should be printed: as it is when
/// `style.width` is 0 or it fits, else wrapped at spaces to what is left after `indent`
/// (Style::wrap_width; a word is never split).
std::vector<std::string> fit_lines(const Style& style, std::string_view text, std::size_t indent = 0);

struct Cell {
    std::string text;
    std::string sgr;                             ///< style for this cell when colour is on ("" for none)
    Cell(std::string t) : text(std::move(t)) {}  // NOLINT: implicit on purpose
    Cell(const char* t) : text(t) {}             // NOLINT
    Cell(std::string t, std::string s) : text(std::move(t)), sgr(std::move(s)) {}
};

/// How a text column of a Table may shrink when the table is wider than Style::width.
struct ColumnShrink {
    std::size_t min_width = 12;  ///< never narrower (nor than its header)
    bool from_start = false;     ///< cut at the start, keeping the end (for paths)
    int rank = 0;                ///< higher ranks shrink only when lower ones are at their minimum
};

class Table {
public:
    enum class Align { left, right };

    explicit Table(std::vector<std::string> headers);
    void align(std::size_t column, Align a);
    using Shrink = ColumnShrink;
    /// Let a text column (a name or title, never a code, reference, number or status)
    /// shrink; its longer cells are then cut with "…". Among the columns of the lowest
    /// rank that can still shrink, the widest shrinks first.
    void shrink(std::size_t column, Shrink how = {});
    void add_row(std::vector<Cell> cells);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    /// Columns separated by two spaces, header in bold, no trailing spaces; control
    /// characters in cells are escaped (text::terminal_safe).
    /// `indent` is prepended to every line. When style.width is set and the longest line
    /// would be wider, the shrinkable columns shrink (see shrink()); if they cannot shrink
    /// enough, lines stay longer than the width (codes and numbers are never cut).
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "") const;
    /// Columns of the longest line render() gives: as it is (`fitted` false), or with
    /// every shrinkable column at its narrowest (`fitted` true).
    [[nodiscard]] std::size_t width(std::string_view indent = "", bool fitted = false) const;

private:
    struct Layout;
    [[nodiscard]] Layout layout(std::string_view indent) const;

    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::size_t> min_width_;  ///< 0: the column never shrinks
    std::vector<Shrink> shrink_;
    std::vector<std::vector<Cell>> rows_;
};

}  // namespace leadctl
