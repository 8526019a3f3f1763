// Renderers for `leadctl diff`: a summary and one line per change for people,
// Markdown tables for documents, JSON (leadctl.diff/1) for scripts. Layouts are
// documented in leadctl(1). Every renderer returns a string.
#pragma once

#include "core/model/framework_diff.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>
#include <string_view>

namespace leadctl {

/// Version of the JSON contract of `diff --format json`.
inline constexpr std::string_view kDiffSchema = "leadctl.diff/1";

struct DiffRenderOptions {
    /// How OLD and NEW were named (a path or an id); their ids when empty.
    std::string old_label;
    std::string new_label;
    Style style;
    std::size_t width = 80;  ///< text: longer changes go on lines of their own
};

/// "fmlm-2e → fmlm: 4 added, 8 removed, ..." or "mlcf → mlcf: identical".
std::string diff_summary(const FrameworkDiff& d, const DiffRenderOptions& opt);

std::string render_diff_text(const FrameworkDiff& d, const DiffRenderOptions& opt);
std::string render_diff_markdown(const FrameworkDiff& d, const DiffRenderOptions& opt);
std::string render_diff_json(const FrameworkDiff& d, const DiffRenderOptions& opt);

/// A diff's formats (`diff --format`).
using DiffWriter = std::string (*)(const FrameworkDiff& d, const DiffRenderOptions& opt);
inline constexpr FormatTable<DiffWriter, 3> kDiffFormats{{
    {"text", ".txt", render_diff_text},
    {"json", ".json", render_diff_json},
    {"markdown", ".md", render_diff_markdown},
}};

}  // namespace leadctl
