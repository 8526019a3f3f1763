// Renderers for `leadctl evidence stats`: a text summary (three tables), CSV with
// one row per count (section,key,name,entries), and JSON (leadctl.evidence-stats/1).
// Items come in framework order (items_in_framework_order), types in the order of
// kEvidenceTypes, years ascending; names are looked up in `frameworks`.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/evidence/stats.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>

namespace leadctl {

std::string render_stats_text(const Stats& s, const FrameworkLookup& frameworks, const Style& style);
std::string render_stats_csv(const Stats& s, const FrameworkLookup& frameworks);
std::string render_stats_json(const Stats& s, const FrameworkLookup& frameworks);

/// Evidence statistics' formats (`evidence stats --format`); only text uses the style.
using StatsWriter = std::string (*)(const Stats& s, const FrameworkLookup& frameworks, const Style& style);
inline constexpr FormatTable<StatsWriter, 3> kStatsFormats{{
    {"text", ".txt", render_stats_text},
    {"json", ".json", [](const Stats& s, const FrameworkLookup& f, const Style&) { return render_stats_json(s, f); }},
    {"csv", ".csv", [](const Stats& s, const FrameworkLookup& f, const Style&) { return render_stats_csv(s, f); }},
}};

}  // namespace leadctl
