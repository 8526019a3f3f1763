// A 360-degree feedback round (leadctl-feedback(5)): the person rates themself and
// raters in groups rate items of one framework, for performance and optionally for
// importance to the role. Read from YAML in one pass and checked against the framework:
// every problem is a located diagnostic; rater ids never leave this model except in
// those diagnostics (reports never show them).
#pragma once

#include "core/model/model.hpp"
#include "core/util/date.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

inline constexpr std::string_view kFeedbackFormat = "leadctl.feedback-round/1";

/// The rater groups of the HLM 360 (NHS Leadership Academy), in report order.
enum class RaterGroup : std::uint8_t { self, line_manager, peer, direct_report, other };
inline constexpr std::array<std::string_view, 5> kRaterGroups{"self", "line-manager", "peer", "direct-report", "other"};
std::string_view to_string(RaterGroup g);
std::optional<RaterGroup> parse_rater_group(std::string_view s);

/// A rating scale: the framework's levels (rank 1 = the first level), or a declared
/// numeric range with optional labels.
struct RatingScale {
    bool levels = true;  ///< the framework's own levels
    double min = 1, max = 1;
    std::vector<std::pair<int, std::string>> labels;  ///< declared: value -> label
};

/// A numeric scale as a command line gives it: "MIN-MAX" (or "MIN..MAX"), whole numbers
/// (MIN may be negative: "-2-2"), MAX above MIN, both within the range a round file
/// allows. nullopt, with the reason in `why`, when it is not one.
std::optional<RatingScale> parse_scale_range(std::string_view text, std::string& why);

struct Rater {
    std::string id;  ///< opaque; never shown in a report
    RaterGroup group = RaterGroup::other;
    SourceLocation location;
};

struct Response {
    int rater = -1;  ///< index into Round::raters
    int item = -1;   ///< index into the framework's items
    double rating = 0;
    std::optional<double> importance;
    std::string comment;
    SourceLocation location;
};

struct Round {
    std::string id;
    std::string person_id;
    std::string person_name;
    const Framework* framework = nullptr;
    std::string instrument;
    RatingScale scale;
    std::optional<RatingScale> importance_scale;
    Date opened, closed;
    std::string facilitated_by;
    std::optional<Date> facilitated_on;
    std::array<std::optional<int>, 5> invited{};  ///< per group (self unused)
    std::vector<Rater> raters;
    std::vector<Response> responses;
};

struct RoundLoad {
    std::optional<Round> round;  ///< nullopt when the file has errors
    Diagnostics diagnostics;
};

/// A framework by id (the prefix of its references), or nullptr.
using RoundFrameworks = std::function<const Framework*(std::string_view id)>;

/// Read and check a round file. `privacy` scans comments for patient-identifiable data
/// (warnings, masked).
RoundLoad load_round(std::string_view text, const std::string& file, const RoundFrameworks& frameworks,
                     bool privacy = true);

/// The same from a document already built (an import builds one from CSV cells, so
/// that every problem is located in the CSV).
RoundLoad load_round(const yaml::Node& root, const std::string& file, const RoundFrameworks& frameworks,
                     bool privacy = true);

/// Read a round file named by an evidence log (`ref`, relative to the log's folder
/// unless absolute): its problems go to `diags`, and one error located at the log's
/// line names it when it cannot be read or has errors (nullopt then).
std::optional<Round> read_listed_round(const std::string& log_path, const std::string& ref,
                                       const SourceLocation& ref_at, const RoundFrameworks& frameworks,
                                       Diagnostics& diags);

}  // namespace leadctl
