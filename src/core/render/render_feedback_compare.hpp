// Two feedback rounds compared (leadctl feedback compare): text, Markdown, JSON
// (schema leadctl.feedback-compare/1) and a self-contained HTML page. Like the
// feedback report, they show only what summarise() lets through of each round.
#pragma once

#include "core/feedback/feedback_compare.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>
#include <string_view>

namespace leadctl {

inline constexpr std::string_view kFeedbackCompareSchema = "leadctl.feedback-compare/1";

std::string render_compare_text(const RoundCompare& c, const Style& style);
std::string render_compare_markdown(const RoundCompare& c);
std::string render_compare_json(const RoundCompare& c);
std::string render_compare_html(const RoundCompare& c, const Style& style);

/// `feedback compare --format`; text and HTML use the style.
using CompareWriter = std::string (*)(const RoundCompare& c, const Style& style);
inline constexpr FormatTable<CompareWriter, 4> kCompareFormats{{
    {"text", ".txt", render_compare_text},
    {"markdown", ".md", [](const RoundCompare& c, const Style&) { return render_compare_markdown(c); }},
    {"json", ".json", [](const RoundCompare& c, const Style&) { return render_compare_json(c); }},
    {"html", ".html", render_compare_html},
}};

}  // namespace leadctl
