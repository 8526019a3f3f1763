// 360-degree feedback reports (leadctl feedback report): text, Markdown, JSON
// (schema leadctl.feedback/1) and a self-contained HTML page. They show only what
// summarise() lets through: never a rater's id, never a group too small to be anonymous.
#pragma once

#include "core/feedback/feedback_summary.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>
#include <string_view>

namespace leadctl {

inline constexpr std::string_view kFeedbackSchema = "leadctl.feedback/1";

std::string render_feedback_text(const FeedbackSummary& s, const Style& style);
std::string render_feedback_markdown(const FeedbackSummary& s);
std::string render_feedback_json(const FeedbackSummary& s);
std::string render_feedback_html(const FeedbackSummary& s, const Style& style);

/// A feedback report's formats (`feedback report --format`); only text uses the style.
using FeedbackWriter = std::string (*)(const FeedbackSummary& s, const Style& style);
inline constexpr FormatTable<FeedbackWriter, 4> kFeedbackFormats{{
    {"text", ".txt", render_feedback_text},
    {"markdown", ".md", [](const FeedbackSummary& s, const Style&) { return render_feedback_markdown(s); }},
    {"json", ".json", [](const FeedbackSummary& s, const Style&) { return render_feedback_json(s); }},
    {"html", ".html", render_feedback_html},
}};

}  // namespace leadctl
