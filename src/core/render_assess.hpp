// Renderers for `leadctl assess`: text for a terminal, Markdown for a portfolio or
// an e-mail, JSON (leadctl.assess/1) for scripts, and one self-contained HTML page.
#pragma once

#include "core/assess.hpp"
#include "core/table.hpp"

#include <string>

namespace leadctl {

std::string render_assess_text(const Assessment& a, const Style& style);
std::string render_assess_markdown(const Assessment& a);
std::string render_assess_json(const Assessment& a);
std::string render_assess_html(const Assessment& a);

/// Escape &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace leadctl
