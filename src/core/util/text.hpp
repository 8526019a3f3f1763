// Small text utilities shared by the loaders and renderers. Pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl::text {

/// Edit distance (insert, delete, substitute, swap neighbours: each costs 1), ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate to `word`, if it is close enough to be a plausible typo
/// (distance at most len/3, at least 1 for words of 3+ characters), or if `word` is a
/// prefix of exactly one candidate.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// " (did you mean \"x\"?)" or "" when there is no plausible suggestion.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

inline constexpr std::uint32_t kInvalidCodePoint = 0xFFFFFFFF;

/// The code point that starts at s[i], moving i past it; kInvalidCodePoint (and i
/// one byte on) where no valid UTF-8 sequence starts (overlongs, surrogates and
/// code points above U+10FFFF are invalid). Requires i < s.size().
std::uint32_t next_code_point(std::string_view s, std::size_t& i);

/// Offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
/// code points above U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// 1-based line and column (counted in code points) of a byte offset.
struct LineColumn {
    int line = 1;
    int column = 1;
};
LineColumn line_column_at(std::string_view s, std::size_t offset);

/// Number of terminal columns `s` occupies (one per code point; good enough for the
/// Latin text we print; no East Asian wide characters in our data).
std::size_t display_width(std::string_view s);

/// `s` cut to at most `width` columns (display_width): unchanged when it fits, else its
/// first width-1 code points, spaces at the cut dropped, then "…" (U+2026, one column).
/// With `from_start` the end is kept instead: "…" then the last code points (for paths).
/// Never splits a code point; width 0 gives "".
std::string truncate(std::string_view s, std::size_t width, bool from_start = false);

/// Lowercase ASCII letters, digits and single hyphens: "engaging-the-team".
bool is_slug(std::string_view s);

/// "Building & Maintaining Relationships" -> "building-and-maintaining-relationships".
std::string slugify(std::string_view s);

std::string join(std::span<const std::string> parts, std::string_view sep);
std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);

/// Where text from a user's file goes in a Markdown document.
/// `text`: running text (line breaks kept); `cell`: one cell of a table ('|' escaped,
/// line breaks as spaces); `code`: a whole code span, backticks included, fenced with
/// more backticks than the text holds (so it cannot be closed early), '|' escaped (so it
/// may stand in a table cell).
enum class MarkdownSink { text, cell, code };
/// The one Markdown neutraliser: every text from a user's file that reaches Markdown goes
/// through it (in `cell` and `code`, line breaks become spaces). Outside code spans it
/// backslash-escapes `\`, `` ` ``, `<`, `>`, `[` and `]`: no raw HTML, autolink, link or
/// image (`javascript:` or otherwise) can be formed; an entity such as `&lt;` only ever
/// shows a character. Control characters are made visible as by terminal_safe.
std::string markdown_safe(std::string_view s, MarkdownSink sink = MarkdownSink::text);
/// Text for one cell of a Markdown table: markdown_safe(s, MarkdownSink::cell).
std::string markdown_cell(std::string_view s);

/// Where text goes on a terminal: `line` (a name, id, path or message: every control
/// character is escaped, tab and line feed too) or `block` (several lines: tab and line
/// feed are kept).
enum class TerminalText { line, block };
/// The one terminal neutraliser: every text from a user's file (or a path) that is written
/// to a terminal-bound text output or a diagnostic goes through it, never our own styling.
/// C0 controls (ESC, BEL, BS, CR, ...) and DEL become `\x1b`-style escapes, C1 controls
/// (U+0080-U+009F) and the bidirectional overrides (U+202A-U+202E, U+2066-U+2069) become
/// `\u009b`-style escapes, a byte that is not UTF-8 becomes `\xff`-style. Other text,
/// backslashes included, is unchanged.
std::string terminal_safe(std::string_view s, TerminalText kind = TerminalText::line);

/// Where escaped text goes in an HTML document: `attribute` escapes &, <, >, " and '
/// (safe anywhere) and shows control characters as terminal_safe does (block: tab and
/// line feed kept), as leadctl's HTML reports need; `content` escapes only &, < and >
/// (enough between tags, and what Moodle's descriptions are written with, so imported
/// text round-trips byte for byte, control characters included).
enum class HtmlSink { attribute, content };
/// The one HTML escaper: every text from a user's file that reaches HTML goes through it.
std::string escape_html(std::string_view s, HtmlSink sink = HtmlSink::attribute);

/// Split text into lines of at most `width` columns at word boundaries (runs of white
/// space become one space). Never breaks inside a word: a word longer than `width`
/// stands alone on a line that is longer than `width`.
std::vector<std::string> wrap(std::string_view s, std::size_t width);

}  // namespace leadctl::text
