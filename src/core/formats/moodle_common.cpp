#include "core/formats/moodle_common.hpp"

#include "core/model/codes.hpp"
#include "core/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>

namespace leadctl {

using namespace moodle_detail;

namespace {

bool is_space(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char ch : s) {
        if (is_space(ch)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += ch;
    }
    return out;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

struct NamedEntity {
    std::string_view name;
    std::uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"bull", 0x2022},  {"middot", 0xB7},
    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},  {"eacute", 0xE9},  {"egrave", 0xE8},
    {"agrave", 0xE0},  {"ccedil", 0xE7},  {"uuml", 0xFC},     {"ouml", 0xF6},    {"auml", 0xE4}};

/// The entity at s[0] == '&': its text and length, or nullopt when it is not one.
std::optional<std::pair<std::string, std::size_t>> entity_at(std::string_view s) {
    const auto semi = s.find(';');
    if (semi == std::string_view::npos || semi < 2 || semi > 10) return std::nullopt;
    const auto name = s.substr(1, semi - 1);
    std::string out;
    if (name.front() == '#') {
        std::uint32_t cp = 0;
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const auto digits = name.substr(hex ? 2 : 1);
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() || cp == 0 || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return std::nullopt;
        }
        append_utf8(out, cp);
        return std::pair{out, semi + 1};
    }
    for (const auto& e : kEntities) {
        if (e.name == name) {
            append_utf8(out, e.cp);
            return std::pair{out, semi + 1};
        }
    }
    return std::nullopt;
}

constexpr std::string_view kBlockTags[] = {"p",  "br", "div", "li", "ul",  "ol",         "h1",     "h2",
                                           "h3", "h4", "h5",  "h6", "tr",  "td",         "th",     "table",
                                           "hr", "dd", "dt",  "dl", "pre", "blockquote", "section"};

std::string strip_html(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const char ch = s[i];
        if (ch == '<' && i + 1 < s.size() && s.substr(i, 4) == "<!--") {
            const auto end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        if (ch == '<' && i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
            const auto end = s.find('>', i);
            if (end != std::string_view::npos) {
                std::size_t n = i + 1 + (s[i + 1] == '/' ? 1 : 0);
                std::size_t k = n;
                while (k < end && std::isalnum(static_cast<unsigned char>(s[k]))) ++k;
                const std::string name = text::to_lower(s.substr(n, k - n));
                if (std::find(std::begin(kBlockTags), std::end(kBlockTags), name) != std::end(kBlockTags)) out += ' ';
                i = end + 1;
                continue;
            }
        }
        if (ch == '&') {
            if (auto e = entity_at(s.substr(i))) {
                out += e->first;
                i += e->second;
                continue;
            }
        }
        out += ch;
        ++i;
    }
    return out;
}

/// Our item type for a taxonomy term.
std::string type_of_term(std::string_view term) {
    const auto t = text::trim(term);
    if (t.empty()) return std::string(kDefaultTerm);
    std::string type = text::to_lower(t);
    if (!text::is_slug(type)) type = text::slugify(type);
    return type.empty() ? std::string(kDefaultTerm) : type;
}

/// Depth-first tree order, from roots and children (not trusting fw.items' order).
std::vector<int> tree_order(const Framework& fw) {
    std::vector<int> out;
    std::vector<int> stack(fw.roots.rbegin(), fw.roots.rend());
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        out.push_back(i);
        const auto& ch = fw.at(i).children;
        stack.insert(stack.end(), ch.rbegin(), ch.rend());
    }
    return out;
}

std::optional<long long> number(std::string_view s) {
    long long v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

namespace moodle_detail {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::vector<std::string> scale_names(std::string_view cell) {
    std::vector<std::string> out;
    for (const auto& part : split(cell, ',')) {
        const auto t = text::trim(part);
        if (!t.empty()) out.emplace_back(t);
    }
    return out;
}

std::string type_at_depth(const std::vector<std::string>& terms, int depth) {
    const auto d = static_cast<std::size_t>(depth);
    return d < terms.size() ? type_of_term(terms[d]) : std::string(kDefaultTerm);
}

std::vector<int> export_order(const Framework& fw) {
    const auto tree = tree_order(fw);
    std::vector<long long> ids(fw.items.size());
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        const auto* x = find_extra(fw.items[i].extra, kKeys[kExportId]);
        const auto v = x ? number(*x) : std::nullopt;
        if (!v) return tree;
        ids[i] = *v;
    }
    auto order = tree;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return ids[static_cast<std::size_t>(a)] < ids[static_cast<std::size_t>(b)]; });
    std::vector<std::size_t> pos(fw.items.size());
    for (std::size_t k = 0; k < order.size(); ++k) pos[static_cast<std::size_t>(order[k])] = k;
    auto in_order = [&](const std::vector<int>& siblings) {
        for (std::size_t k = 1; k < siblings.size(); ++k) {
            if (pos[static_cast<std::size_t>(siblings[k - 1])] > pos[static_cast<std::size_t>(siblings[k])]) {
                return false;
            }
        }
        return true;
    };
    if (!in_order(fw.roots)) return tree;
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        const auto& it = fw.items[i];
        if (it.parent >= 0 && pos[static_cast<std::size_t>(it.parent)] > pos[i]) return tree;
        if (!in_order(it.children)) return tree;
    }
    return order;
}

}  // namespace moodle_detail

std::vector<std::string> moodle_split_idnumbers(std::string_view cell) {
    std::vector<std::string> out;
    if (cell.empty()) return out;
    for (auto& part : split(cell, ',')) {
        if (part.empty()) continue;
        std::string id;
        for (std::size_t k = 0; k < part.size(); ++k) {
            if (part.compare(k, 3, "%2C") == 0) {
                id += ',';
                k += 2;
            } else {
                id += part[k];
            }
        }
        out.push_back(std::move(id));
    }
    return out;
}

std::string moodle_description_text(std::string_view cell, std::string_view format) {
    if (format == "2" || format == "4") return collapse_spaces(cell);
    return collapse_spaces(strip_html(cell));
}

std::string moodle_description_html(std::string_view text) {
    std::string out;
    std::string para;
    auto flush = [&] {
        const auto p = collapse_spaces(para);
        if (!p.empty()) out += "<p>" + text::escape_html(p, text::HtmlSink::content) + "</p>";
        para.clear();
    };
    for (const auto& line : split(text, '\n')) {
        if (text::trim(line).empty()) {
            flush();
        } else {
            para += line;
            para += ' ';
        }
    }
    flush();
    return out;
}

}  // namespace leadctl
