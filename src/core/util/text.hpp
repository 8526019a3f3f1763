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

/// Lowercase ASCII letters, digits and single hyphens: "engaging-the-team".
bool is_slug(std::string_view s);

/// "Building & Maintaining Relationships" -> "building-and-maintaining-relationships".
std::string slugify(std::string_view s);

std::string join(std::span<const std::string> parts, std::string_view sep);
std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);

/// Text for one cell of a Markdown table: '|' escaped, line breaks as spaces.
std::string markdown_cell(std::string_view s);

/// Where escaped text goes in an HTML document: `attribute` escapes &, <, >, " and '
/// (safe anywhere); `content` escapes only &, < and > (enough between tags, and what
/// Moodle's descriptions are written with, so imported text round-trips byte for byte).
enum class HtmlSink { attribute, content };
/// The one HTML escaper: every text from a user's file that reaches HTML goes through it.
std::string escape_html(std::string_view s, HtmlSink sink = HtmlSink::attribute);

/// Split text into lines of at most `width` columns at word boundaries.
std::vector<std::string> wrap(std::string_view s, std::size_t width);

}  // namespace leadctl::text
