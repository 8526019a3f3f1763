// Many people's 360-degree feedback rounds at once (leadctl feedback report DIR…): per
// item, how the others' means of the people in a cohort are spread. Each person counts
// once, with their latest round; each round shows only what its own report would
// (summarise(), min_raters), and an item's spread is shown only when at least
// min_people people contribute to it, so that no one person's numbers stand alone.
#pragma once

#include "core/feedback/feedback_summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace leadctl {

struct CohortFeedbackOptions {
    FeedbackOptions feedback;  ///< min_raters for each round, as in a report
    int min_people = 5;        ///< fewest people whose means make an item's spread shown
};

/// A round given to the cohort view, with the file it came from.
struct CohortRound {
    std::string file;
    const Round* round = nullptr;
};

struct Spread {
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};

struct CohortItem {
    int item = -1;
    int people = 0;                             ///< people whose others rated it (as shown in their report)
    std::optional<Spread> others;               ///< of the people's others' means; nullopt below min_people
    std::vector<int> levels;                    ///< people per scale point (others' mean rounded), when shown
    int blind_spots = 0, hidden_strengths = 0;  ///< people so flagged, when shown
};

struct CohortFeedback {
    const Framework* framework = nullptr;
    CohortFeedbackOptions options;
    bool levels = true;                   ///< rated on the framework's levels (else numbers)
    double scale_min = 1, scale_max = 1;  ///< the rounds' rating scale
    std::vector<CohortRound> counted;     ///< one per person, the latest, by file name
    std::vector<CohortRound> superseded;  ///< earlier rounds of a person counted with a later one
    std::vector<std::pair<std::string, std::string>> not_included;  ///< file, why
    std::vector<CohortItem> items;  ///< items rated in any counted round, framework order
};

/// Quartiles by linear interpolation between order statistics (R's type 7, numpy's
/// default); `v` need not be sorted and must not be empty.
Spread spread_of(std::vector<double> v);

/// The cohort view of `rounds` (already read and checked). Rounds that rate another
/// framework than the first, or on another scale, are not included (with the reason).
CohortFeedback summarise_cohort(const std::vector<CohortRound>& rounds, const CohortFeedbackOptions& options);

}  // namespace leadctl
