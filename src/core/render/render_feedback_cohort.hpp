// The cohort view of 360-degree feedback (leadctl feedback report DIR…): text,
// Markdown, JSON (schema leadctl.feedback-cohort/1) and a self-contained HTML page.
#pragma once

#include "core/feedback/feedback_cohort.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>
#include <string_view>

namespace leadctl {

inline constexpr std::string_view kFeedbackCohortSchema = "leadctl.feedback-cohort/1";

std::string render_feedback_cohort_text(const CohortFeedback& c, const Style& style);
std::string render_feedback_cohort_markdown(const CohortFeedback& c);
std::string render_feedback_cohort_json(const CohortFeedback& c);
std::string render_feedback_cohort_html(const CohortFeedback& c, const Style& style);

/// The cohort view's formats: the same names as `feedback report --format`.
using FeedbackCohortWriter = std::string (*)(const CohortFeedback& c, const Style& style);
inline constexpr FormatTable<FeedbackCohortWriter, 4> kFeedbackCohortFormats{{
    {"text", ".txt", render_feedback_cohort_text},
    {"markdown", ".md", [](const CohortFeedback& c, const Style&) { return render_feedback_cohort_markdown(c); }},
    {"json", ".json", [](const CohortFeedback& c, const Style&) { return render_feedback_cohort_json(c); }},
    {"html", ".html", render_feedback_cohort_html},
}};

}  // namespace leadctl
