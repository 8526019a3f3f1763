// The blank form of a feedback round (leadctl feedback template): the CSV header that
// feedback import reads back, and a printable form for a rater in Markdown and HTML
// (the scale, then per item its boxes, importance 1 to 5 and room for a comment).
#pragma once

#include "core/feedback/feedback_template.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>

namespace leadctl {

/// The wide CSV's header row and no data: rater, group, then per item its column,
/// "<column> importance" and "<column> comment" (RFC 4180, CRLF).
std::string render_template_csv(const FeedbackTemplate& t);
std::string render_template_markdown(const FeedbackTemplate& t);
/// A self-contained page that prints on A4; the footer says when it was generated
/// when `style.generated` is set.
std::string render_template_html(const FeedbackTemplate& t, const Style& style);

/// The template's formats (`feedback template --format`); only html uses the style.
using FeedbackTemplateWriter = std::string (*)(const FeedbackTemplate& t, const Style& style);
inline constexpr FormatTable<FeedbackTemplateWriter, 3> kFeedbackTemplateFormats{{
    {"csv", ".csv", [](const FeedbackTemplate& t, const Style&) { return render_template_csv(t); }},
    {"markdown", ".md", [](const FeedbackTemplate& t, const Style&) { return render_template_markdown(t); }},
    {"html", ".html", render_template_html},
}};

}  // namespace leadctl
