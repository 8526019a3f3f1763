// Internal to the Moodle format (moodle_import.cpp, moodle_export.cpp): the
// columns and their x: keys, and what import and export must agree on (how
// cells split, the item type at each depth, the order rows are written in).
// The public interface is moodle_csv.hpp.
#pragma once

#include "core/formats/moodle_csv.hpp"
#include "core/model/model.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl::moodle_detail {

/// Column positions, in Moodle's order.
enum Col : std::size_t {
    kParent,
    kIdnumber,
    kShortname,
    kDescription,
    kFormat,
    kScaleValues,
    kScaleConfig,
    kRuleType,
    kRuleOutcome,
    kRuleConfig,
    kRelated,
    kExportId,
    kIsFramework,
    kTaxonomy,
};

/// x: keys, "moodle." + Moodle's own name for the column.
inline constexpr std::string_view kKeys[kMoodleColumns] = {
    "moodle.parentidnumber",    "moodle.idnumber",    "moodle.shortname",          "moodle.description",
    "moodle.descriptionformat", "moodle.scalevalues", "moodle.scaleconfiguration", "moodle.ruletype",
    "moodle.ruleoutcome",       "moodle.ruleconfig",  "moodle.relatedidnumbers",   "moodle.exportid",
    "moodle.isframework",       "moodle.taxonomy"};
inline constexpr std::string_view kHeaderKey = "moodle.header";

/// What export writes for a cell when x: has nothing for it.
inline constexpr std::string_view kCompetencyDefault[kMoodleColumns] = {"", "",  "",     "", "1", "", "",
                                                                        "", "0", "null", "", "",  "", ""};
inline constexpr std::string_view kFrameworkDefault[kMoodleColumns] = {"", "", "", "", "1", "",  "",
                                                                       "", "", "", "", "",  "1", ""};

inline constexpr std::string_view kDefaultTerm = "competency";

/// `s` cut at every `sep` (empty parts kept).
std::vector<std::string> split(std::string_view s, char sep);
/// Scale values as Moodle reads them: split on ',', trimmed, empty ones dropped.
std::vector<std::string> scale_names(std::string_view cell);
/// Our item type at `depth`, from the framework's taxonomy terms.
std::string type_at_depth(const std::vector<std::string>& terms, int depth);
/// The order export writes items in (see "Row order" in moodle_csv.hpp).
std::vector<int> export_order(const Framework& fw);

}  // namespace leadctl::moodle_detail
