// Renderers for `leadctl assess`: text for a terminal, Markdown for a portfolio or
// an e-mail, JSON (leadctl.assess/1) for scripts, and one self-contained HTML page.
#pragma once

#include "core/assess/assess.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace leadctl {

std::string render_assess_text(const Assessment& a, const Style& style);
std::string render_assess_markdown(const Assessment& a);
std::string render_assess_json(const Assessment& a);
std::string render_assess_html(const Assessment& a, const Style& style);

/// A gap report's formats (`assess --format`, `report --per-person-format`);
/// text uses the style's colour, HTML its generated-on day.
using AssessWriter = std::string (*)(const Assessment& a, const Style& style);
inline constexpr FormatTable<AssessWriter, 4> kAssessFormats{{
    {"text", ".txt", render_assess_text},
    {"markdown", ".md", [](const Assessment& a, const Style&) { return render_assess_markdown(a); }},
    {"json", ".json", [](const Assessment& a, const Style&) { return render_assess_json(a); }},
    {"html", ".html", render_assess_html},
}};

/// The policy's settings as a JSON object (shared by leadctl.assess/2 and leadctl.cohort/2).
nlohmann::ordered_json policy_json(const Policy& p);

/// The SGR colour of a status in terminal output: met green, partial yellow,
/// gap red, not required dim.
std::string status_sgr(ItemStatus s);

}  // namespace leadctl
