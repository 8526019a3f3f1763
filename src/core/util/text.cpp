#include "core/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace leadctl::text {

namespace {
char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: like Levenshtein, plus swapping two neighbours ("titel").
    const std::size_t n = b.size();
    std::vector<std::size_t> prev2(n + 1), prev(n + 1), cur(n + 1);
    std::iota(prev.begin(), prev.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= n; ++j) {
            const std::size_t subst = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[n];
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
    if (word.empty() || candidates.empty()) return std::nullopt;
    // One edit per three characters; words of one or two characters only match exactly
    // (up to case), since any other one-letter code would be "close".
    const std::size_t limit = word.size() < 3 ? 0 : std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    if (best) return best;
    // A unique candidate that starts with the word ("corp" -> "corporate").
    std::optional<std::string> prefixed;
    const std::string lw = to_lower(word);
    for (const auto& c : candidates) {
        if (to_lower(c).starts_with(lw)) {
            if (prefixed) return std::nullopt;
            prefixed = c;
        }
    }
    return prefixed;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    auto m = closest_match(word, candidates);
    if (!m || *m == word) return {};
    return " (did you mean \"" + *m + "\"?)";
}

std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t len = 1;
    std::uint32_t cp = c;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07u;
    } else if (c >= 0x80) {
        ++i;
        return kInvalidCodePoint;
    }
    if (i + len > s.size()) {
        ++i;
        return kInvalidCodePoint;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) {
            ++i;
            return kInvalidCodePoint;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalidCodePoint;
    }
    i += len;
    return cp;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        // Eight ASCII bytes at a time: most of a log is ASCII.
        if (i + 8 <= s.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, s.data() + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const std::size_t at = i;
        if (next_code_point(s, i) == kInvalidCodePoint) return at;
    }
    return std::nullopt;
}

LineColumn line_column_at(std::string_view s, std::size_t offset) {
    LineColumn lc;
    offset = std::min(offset, s.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0u) != 0x80u) {
            ++lc.column;
        }
    }
    return lc;
}

std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

std::string truncate(std::string_view s, std::size_t width, bool from_start) {
    const std::size_t w = display_width(s);
    if (w <= width) return std::string(s);
    if (width == 0) return "";
    static constexpr std::string_view kEllipsis = "…";
    const auto is_start = [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; };
    if (from_start) {
        // Keep the last width-1 code points.
        std::size_t keep = width - 1;
        std::size_t i = s.size();
        while (i > 0 && keep > 0) {
            --i;
            if (is_start(s[i])) --keep;
        }
        while (i < s.size() && s[i] == ' ') ++i;
        return std::string(kEllipsis) + std::string(s.substr(i));
    }
    // Keep the first width-1 code points.
    std::size_t keep = width - 1;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_start(s[i])) {
            if (keep == 0) break;
            --keep;
        }
        ++i;
    }
    std::string out(s.substr(0, i));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    char prev = 0;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

std::string slugify(std::string_view s) {
    std::string out;
    bool pending_dash = false;
    auto put_word = [&](std::string_view w) {
        if (pending_dash && !out.empty()) out += '-';
        pending_dash = false;
        out += w;
    };
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            put_word(std::string(1, lower(c)));
        } else if (c == '&') {
            pending_dash = true;
            put_word("and");
            pending_dash = true;
        } else {
            pending_dash = true;
        }
    }
    return out;
}

std::string join(std::span<const std::string> parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string_view trim(std::string_view s) {
    const auto ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = lower(c);
    return out;
}

namespace {

bool is_bidi_control(std::uint32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_hex_escape(std::string& out, char kind, unsigned value, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '\\';
    out += kind;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

}  // namespace

std::string terminal_safe(std::string_view s, TerminalText kind) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const bool kept_break = kind == TerminalText::block && (c == '\n' || c == '\t');
            if ((c < 0x20 && !kept_break) || c == 0x7F) {
                append_hex_escape(out, 'x', c, 2);
            } else {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(s, i);
        if (cp == kInvalidCodePoint) {
            append_hex_escape(out, 'x', c, 2);
        } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
            append_hex_escape(out, 'u', cp, 4);
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::string markdown_safe(std::string_view s, MarkdownSink sink) {
    std::string visible;
    if (sink == MarkdownSink::text) {
        visible = terminal_safe(s, TerminalText::block);
    } else {
        // One line: line breaks read as spaces, as Markdown itself would show them.
        std::string flat(s);
        std::replace_if(
            flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
        visible = terminal_safe(flat, TerminalText::line);
    }
    std::string out;
    if (sink == MarkdownSink::code) {
        // A code span shows its text literally; only a run of backticks as long as the
        // fence could end it, so the fence is one longer than the longest run inside.
        std::size_t longest = 0;
        std::size_t run = 0;
        for (char c : visible) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        const std::string fence(longest + 1, '`');
        const bool pad = !visible.empty() && (visible.front() == '`' || visible.back() == '`');
        out = fence + (pad ? " " : "");
        for (char c : visible) {
            if (c == '|') out += '\\';  // a table would split the span there, even inside it
            out += c;
        }
        out += (pad ? " " : "") + fence;
        return out;
    }
    out.reserve(visible.size());
    for (char c : visible) {
        switch (c) {
            case '\\':
            case '`':
            case '<':
            case '>':
            case '[':
            case ']':
                out += '\\';
                out += c;
                break;
            case '|':
                if (sink == MarkdownSink::cell) out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string markdown_cell(std::string_view s) {
    return markdown_safe(s, MarkdownSink::cell);
}

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j == i) break;
        const std::string_view word = s.substr(i, j - i);
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
        i = j;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

std::string escape_html(std::string_view s, HtmlSink sink) {
    std::string visible;
    if (sink == HtmlSink::attribute) {
        visible = terminal_safe(s, TerminalText::block);
        s = visible;
    }
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += sink == HtmlSink::attribute ? "&quot;" : "\"";
                break;
            case '\'':
                out += sink == HtmlSink::attribute ? "&#39;" : "'";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace leadctl::text
