// Two 360-degree feedback rounds of one person side by side (leadctl feedback compare):
// per item the change in others' mean and in the self rating, and which changes are
// larger than the raters' spread can explain. Only what summarise() shows of each round
// is compared, so anonymity holds exactly as in a report.
//
// The rule (leadctl's own; the HLM 360 publishes none, documented in leadctl(1)):
// a change of others' mean is flagged "improved" or "declined" when
//   |new mean - old mean| > z * sqrt(s_old^2 / n_old + s_new^2 / n_new)
// (z = 2 by default: about a 95% interval for a difference of two means), where s is the
// sample standard deviation of the others' ratings of that item in that round, never
// taken below 1/sqrt(12) (about 0.29: the spread of rounding to a whole rating), and
// both rounds need at least 2 others' ratings of the item. A self rating is one number
// with no spread: its change is shown, never flagged.
#pragma once

#include "core/feedback/feedback_summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace leadctl {

struct CompareOptions {
    FeedbackOptions feedback;  ///< min_raters for both rounds (anonymity as in a report)
    double z = 2.0;            ///< how many standard errors a change must exceed
};

/// The smallest standard deviation taken for a round's ratings of an item: the spread
/// that rounding to a whole rating alone gives (uniform over one step: 1/sqrt(12)).
inline constexpr double kMinRatingSd = 0.28867513459481287;

struct ItemChange {
    int item = -1;                                     ///< index into the framework's items
    std::optional<RatingStat> old_others, new_others;  ///< nullopt: not rated by others shown
    std::optional<double> old_self, new_self;
    std::optional<double> change;  ///< new - old others' mean, when both are shown
    std::optional<double> margin;  ///< the change must exceed this to be flagged (both n >= 2)
    std::string flag;              ///< "improved", "declined" or "" (within the spread, or not comparable)
};

struct RoundCompare {
    const Round* old_round = nullptr;
    const Round* new_round = nullptr;
    CompareOptions options;
    std::vector<ItemChange> items;  ///< items rated in either round, in framework order
    int compared = 0, improved = 0, declined = 0;
};

/// Why two rounds cannot be compared ("" when they can): another framework, another
/// person, or ratings on different scales.
std::string incomparable(const Round& old_round, const Round& new_round);

/// The comparison; the rounds must be comparable (incomparable() == "").
RoundCompare compare_rounds(const Round& old_round, const Round& new_round, const CompareOptions& options);

}  // namespace leadctl
