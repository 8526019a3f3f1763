// Renderers for `leadctl report`: a text summary for a terminal, the cohort
// matrix as CSV (spreadsheet-safe), Markdown and a self-contained HTML heat-map,
// and JSON (leadctl.cohort/2) for scripts. Layouts are documented in leadctl(1).
#pragma once

#include "core/report/cohort.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <ostream>
#include <string>

namespace leadctl {

std::string render_cohort_text(const CohortReport& c, const Style& style);
std::string render_cohort_csv(const CohortReport& c);
/// The CSV written row by row to `out`, so that a large cohort's report is never
/// held in memory whole.
void write_cohort_csv(const CohortReport& c, std::ostream& out);
std::string render_cohort_markdown(const CohortReport& c);
std::string render_cohort_json(const CohortReport& c);
std::string render_cohort_html(const CohortReport& c, const Style& style);

/// A cohort report's formats (`report --format`), each written to a stream
/// (CSV row by row); text uses the style's colour, HTML its generated-on day.
using CohortWriter = void (*)(const CohortReport& c, const Style& style, std::ostream& out);
inline constexpr FormatTable<CohortWriter, 5> kCohortFormats{{
    {"text", ".txt", [](const CohortReport& c, const Style& s, std::ostream& o) { o << render_cohort_text(c, s); }},
    {"csv", ".csv", [](const CohortReport& c, const Style&, std::ostream& o) { write_cohort_csv(c, o); }},
    {"json", ".json", [](const CohortReport& c, const Style&, std::ostream& o) { o << render_cohort_json(c); }},
    {"markdown", ".md", [](const CohortReport& c, const Style&, std::ostream& o) { o << render_cohort_markdown(c); }},
    {"html", ".html", [](const CohortReport& c, const Style& s, std::ostream& o) { o << render_cohort_html(c, s); }},
}};

}  // namespace leadctl
