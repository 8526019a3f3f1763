// What a feedback report shows of a round: per item self against others, by group,
// with anonymity kept. Rules (leadctl's own, documented in leadctl-feedback(5); the
// HLM 360's own thresholds are not published):
//  - a group of fewer than min_raters responding raters is merged into "other" when
//    that makes "other" large enough, else left out (with "other" too when it is small);
//    the line manager group is shown as such, and reports say it is not anonymous;
//  - per item, a group with fewer than min_raters ratings of it is not shown for that
//    item, and its ratings are left out of "others" there too, so that no hidden
//    rating can be recovered as "others" minus the shown groups;
//  - the self rating never counts among others; raters' ids are never kept here.
#pragma once

#include "core/feedback/round.hpp"

#include <optional>
#include <string>
#include <vector>

namespace leadctl {

struct FeedbackOptions {
    int min_raters = 3;       ///< smallest anonymous group shown (the line manager excepted)
    double blind_spot = 1.0;  ///< self above others' mean by at least this: blind spot (reverse: hidden strength)
    int strengths = 3;        ///< items with the highest others' means flagged strength (ties included)
    int priorities = 3;       ///< items with the highest importance considered for priority
};

struct RatingStat {
    int n = 0;
    double mean = 0, min = 0, max = 0;
    double sd = 0;  ///< sample standard deviation (n - 1); 0 when n < 2
};

struct GroupCell {
    RaterGroup group = RaterGroup::other;
    RatingStat stat;
};

struct ItemFeedback {
    int item = -1;
    std::optional<double> self;
    RatingStat others;
    std::vector<GroupCell> groups;   ///< groups shown for this item, in report order
    RatingStat importance;           ///< others' importance ratings counted here
    std::vector<std::string> flags;  ///< blind-spot, hidden-strength, strength, priority
};

struct GroupRate {
    RaterGroup group = RaterGroup::other;
    int responded = 0;
    int invited = 0;
};

struct FeedbackComment {
    int item = -1;
    std::string text;  ///< privacy-masked
};

struct FeedbackSummary {
    const Round* round = nullptr;
    FeedbackOptions options;
    std::vector<ItemFeedback> items;        ///< items rated by anyone, in framework order
    std::vector<RaterGroup> merged;         ///< groups merged into "other"
    std::vector<RaterGroup> suppressed;     ///< groups left out
    bool line_manager = false;              ///< a line manager's ratings are shown
    std::vector<GroupRate> rates;           ///< groups with an invited count
    std::vector<FeedbackComment> comments;  ///< others' comments of shown groups, by item then text
};

FeedbackSummary summarise(const Round& round, const FeedbackOptions& options);

}  // namespace leadctl
