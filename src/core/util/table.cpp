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

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)), align_(headers_.size(), Align::left) {}

void Table::align(std::size_t column, Align a) {
    if (column < align_.size()) align_[column] = a;
}

void Table::add_row(std::vector<Cell> cells) {
    cells.resize(headers_.size(), Cell(""));
    rows_.push_back(std::move(cells));
}

std::string Table::render(const Style& style, std::string_view indent) const {
    const std::size_t n = headers_.size();
    // Cells hold the user's text: their control characters are made visible (and
    // measured as such) before our own styling is added.
    std::vector<std::vector<Cell>> rows = rows_;
    for (auto& r : rows) {
        for (auto& cell : r) cell.text = text::terminal_safe(cell.text);
    }
    std::vector<std::size_t> width(n, 0);
    for (std::size_t c = 0; c < n; ++c) width[c] = text::display_width(text::terminal_safe(headers_[c]));
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < n; ++c) width[c] = std::max(width[c], text::display_width(r[c].text));
    }
    std::string out;
    auto line = [&](const std::vector<Cell>& cells, bool header) {
        std::string s(indent);
        // The last column with content decides where the line ends (no trailing spaces).
        std::size_t last = 0;
        for (std::size_t c = 0; c < n; ++c) {
            if (!cells[c].text.empty()) last = c;
        }
        for (std::size_t c = 0; c <= last; ++c) {
            const auto& cell = cells[c];
            const std::size_t pad = width[c] - text::display_width(cell.text);
            const std::string painted = header ? style.bold(cell.text) : style.paint(cell.text, cell.sgr);
            if (align_[c] == Align::right) s.append(pad, ' ');
            s += painted;
            if (align_[c] == Align::left && c < last) s.append(pad, ' ');
            if (c < last) s += "  ";
        }
        out += s;
        out += '\n';
    };
    std::vector<Cell> head;
    for (const auto& h : headers_) head.emplace_back(text::terminal_safe(h));
    line(head, true);
    for (const auto& r : rows) line(r, false);
    return out;
}

}  // namespace leadctl
