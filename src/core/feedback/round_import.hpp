// `leadctl feedback import`: what survey tools export (CSV) turned into a round file.
// Two shapes: long (one row per rating: rater, group, item, rating[, importance][,
// comment]) and wide (one row per rater: rater, group, then a column per item, named
// by its code, reference or name, with optional "<item> importance" and
// "<item> comment" columns). The cells become a document checked exactly as a round
// file is, so every problem is located in the CSV; nothing is written on an error.
#pragma once

#include "core/feedback/round.hpp"

#include <string>
#include <string_view>

namespace leadctl {

struct RoundImportOptions {
    std::string framework;  ///< required
    std::string person_id;  ///< required
    std::string person_name;
    std::string round_id;        ///< default: PERSON-CLOSED
    std::string opened, closed;  ///< YYYY-MM-DD; required
    std::string instrument;
    int importance_min = 1, importance_max = 5;  ///< the importance scale, when importance is given
    /// A numeric scale for the ratings (--scale); nullopt: the framework's levels, by id or rank.
    std::optional<RatingScale> scale;
};

struct RoundImport {
    std::string yaml;  ///< the round file, when the import has no errors
    Diagnostics diagnostics;
    bool wide = false;  ///< which shape the header showed
};

RoundImport import_round_csv(std::string_view csv_text, const std::string& file, const RoundImportOptions& options,
                             const RoundFrameworks& frameworks);

/// A round as a round file (YAML, format leadctl.feedback-round/1).
std::string render_round_yaml(const Round& round);

}  // namespace leadctl
