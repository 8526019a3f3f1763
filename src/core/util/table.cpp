#include "core/util/table.hpp"

#include "core/util/text.hpp"

#include <algorithm>

namespace leadctl {

std::string Style::paint(std::string_view text, std::string_view sgr) const {
    if (!color || sgr.empty() || text.empty()) return std::string(text);
    std::string out = "\x1b[";
    out += sgr;
    out += 'm';
    out += text;
    out += "\x1b[0m";
    return out;
}

std::size_t Style::wrap_width(std::size_t preferred, std::size_t indent) const {
    if (width == 0) return preferred;
    const std::size_t left = width > indent ? width - indent : 0;
    return std::max<std::size_t>(std::min(preferred, left), 20);
}

std::vector<std::string> fit_lines(const Style& style, std::string_view s, std::size_t indent) {
    if (style.width == 0 || indent + text::display_width(s) <= style.width) return {std::string(s)};
    return text::wrap(s, style.wrap_width(style.width, indent));
}

Table::Table(std::vector<std::string> headers)
    : headers_(std::move(headers)),
      align_(headers_.size(), Align::left),
      min_width_(headers_.size(), 0),
      shrink_(headers_.size()) {}

void Table::align(std::size_t column, Align a) {
    if (column < align_.size()) align_[column] = a;
}

void Table::shrink(std::size_t column, Shrink how) {
    if (column >= min_width_.size()) return;
    min_width_[column] =
        std::max<std::size_t>({how.min_width, 1, text::display_width(text::terminal_safe(headers_[column]))});
    shrink_[column] = how;
}

void Table::add_row(std::vector<Cell> cells) {
    cells.resize(headers_.size(), Cell(""));
    rows_.push_back(std::move(cells));
}

/// The table's lines as they will be printed (header first, cells made terminal-safe),
/// with each cell's width and each column's natural width.
struct Table::Layout {
    std::size_t indent = 0;
    std::vector<std::vector<Cell>> lines;
    std::vector<std::vector<std::size_t>> cell_width;
    std::vector<std::size_t> last;  ///< per line: the last column with content
    std::vector<std::size_t> width;

    /// Columns of the longest line with these column widths (a shrunk cell is cut to
    /// its column; a left-aligned last cell is not padded).
    [[nodiscard]] std::size_t longest(const std::vector<std::size_t>& w, const std::vector<Align>& align) const {
        std::size_t most = 0;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            std::size_t n = indent;
            const std::size_t k = last[l];
            for (std::size_t c = 0; c < k; ++c) n += w[c] + 2;
            n += align[k] == Align::right ? w[k] : std::min(cell_width[l][k], w[k]);
            most = std::max(most, n);
        }
        return most;
    }
};

Table::Layout Table::layout(std::string_view indent) const {
    const std::size_t n = headers_.size();
    Layout out;
    out.indent = text::display_width(indent);
    // Cells hold the user's text: their control characters are made visible (and
    // measured as such) before our own styling is added.
    std::vector<Cell> head;
    for (const auto& h : headers_) head.emplace_back(text::terminal_safe(h));
    out.lines.push_back(std::move(head));
    for (const auto& r : rows_) {
        std::vector<Cell> line = r;
        for (auto& cell : line) cell.text = text::terminal_safe(cell.text);
        out.lines.push_back(std::move(line));
    }
    out.width.assign(n, 0);
    for (const auto& line : out.lines) {
        std::vector<std::size_t> w(n, 0);
        std::size_t last = 0;
        for (std::size_t c = 0; c < n; ++c) {
            w[c] = text::display_width(line[c].text);
            out.width[c] = std::max(out.width[c], w[c]);
            if (!line[c].text.empty()) last = c;
        }
        out.cell_width.push_back(std::move(w));
        out.last.push_back(last);
    }
    return out;
}

std::size_t Table::width(std::string_view indent, bool fitted) const {
    const Layout lay = layout(indent);
    std::vector<std::size_t> w = lay.width;
    if (fitted) {
        for (std::size_t c = 0; c < w.size(); ++c) {
            if (min_width_[c] > 0) w[c] = std::min(w[c], min_width_[c]);
        }
    }
    return lay.longest(w, align_);
}

std::string Table::render(const Style& style, std::string_view indent) const {
    const std::size_t n = headers_.size();
    Layout lay = layout(indent);
    std::vector<std::size_t> width = lay.width;
    if (style.width > 0) {
        // Shrink the widest shrinkable column of the lowest rank, to the next widest of
        // its rank (or its minimum) at most, until the longest line fits or nothing can
        // shrink any more.
        for (std::size_t most = lay.longest(width, align_); most > style.width; most = lay.longest(width, align_)) {
            std::size_t pick = n;
            for (std::size_t c = 0; c < n; ++c) {
                if (min_width_[c] == 0 || width[c] <= min_width_[c]) continue;
                if (pick == n || shrink_[c].rank < shrink_[pick].rank ||
                    (shrink_[c].rank == shrink_[pick].rank && width[c] > width[pick]))
                    pick = c;
            }
            if (pick == n) break;
            std::size_t floor = min_width_[pick];
            for (std::size_t c = 0; c < n; ++c) {
                if (c != pick && min_width_[c] > 0 && shrink_[c].rank == shrink_[pick].rank && width[c] <= width[pick])
                    floor = std::max(floor, width[c]);
            }
            width[pick] -= std::max<std::size_t>(1, std::min(most - style.width, width[pick] - floor));
        }
        for (std::size_t c = 0; c < n; ++c) {
            if (width[c] == lay.width[c]) continue;
            for (std::size_t l = 1; l < lay.lines.size(); ++l) {
                auto& cell = lay.lines[l][c];
                if (lay.cell_width[l][c] <= width[c]) continue;
                cell.text = text::truncate(cell.text, width[c], shrink_[c].from_start);
                lay.cell_width[l][c] = text::display_width(cell.text);
            }
        }
    }
    std::string out;
    for (std::size_t l = 0; l < lay.lines.size(); ++l) {
        const auto& cells = lay.lines[l];
        const bool header = l == 0;
        std::string s(indent);
        // The last column with content decides where the line ends (no trailing spaces).
        const std::size_t last = lay.last[l];
        for (std::size_t c = 0; c <= last; ++c) {
            const auto& cell = cells[c];
            const std::size_t pad = width[c] - lay.cell_width[l][c];
            const std::string painted = header ? style.bold(cell.text) : style.paint(cell.text, cell.sgr);
            if (align_[c] == Align::right) s.append(pad, ' ');
            s += painted;
            if (align_[c] == Align::left && c < last) s.append(pad, ' ');
            if (c < last) s += "  ";
        }
        out += s;
        out += '\n';
    }
    return out;
}

}  // namespace leadctl
