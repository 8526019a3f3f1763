#include "core/feedback/feedback_compare.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace leadctl {

namespace {

const ItemFeedback* find_item(const FeedbackSummary& s, int item) {
    for (const auto& it : s.items) {
        if (it.item == item) return &it;
    }
    return nullptr;
}

bool same_scale(const RatingScale& a, const RatingScale& b) {
    if (a.levels != b.levels) return false;
    return a.levels || (a.min == b.min && a.max == b.max);
}

std::string scale_words(const RatingScale& s) {
    return s.levels ? std::string("the framework's levels") : fmt::format("{} to {}", s.min, s.max);
}

}  // namespace

std::string incomparable(const Round& old_round, const Round& new_round) {
    if (old_round.framework != new_round.framework) {
        return fmt::format("the rounds rate different frameworks ({} and {})", old_round.framework->id,
                           new_round.framework->id);
    }
    if (old_round.person_id != new_round.person_id) {
        return fmt::format("the rounds are about different people ({} and {})", old_round.person_id,
                           new_round.person_id);
    }
    if (!same_scale(old_round.scale, new_round.scale)) {
        return fmt::format("the rounds rate on different scales ({} and {})", scale_words(old_round.scale),
                           scale_words(new_round.scale));
    }
    return "";
}

RoundCompare compare_rounds(const Round& old_round, const Round& new_round, const CompareOptions& options) {
    RoundCompare out;
    out.old_round = &old_round;
    out.new_round = &new_round;
    out.options = options;
    const FeedbackSummary before = summarise(old_round, options.feedback);
    const FeedbackSummary after = summarise(new_round, options.feedback);
    const std::size_t n_items = old_round.framework->items.size();
    for (std::size_t i = 0; i < n_items; ++i) {
        const int item = static_cast<int>(i);
        const ItemFeedback* a = find_item(before, item);
        const ItemFeedback* b = find_item(after, item);
        if (!a && !b) continue;
        ItemChange c;
        c.item = item;
        if (a) {
            c.old_self = a->self;
            if (a->others.n > 0) c.old_others = a->others;
        }
        if (b) {
            c.new_self = b->self;
            if (b->others.n > 0) c.new_others = b->others;
        }
        if (c.old_others && c.new_others) {
            ++out.compared;
            c.change = c.new_others->mean - c.old_others->mean;
            if (c.old_others->n >= 2 && c.new_others->n >= 2) {
                const auto var = [](const RatingStat& s) {
                    const double sd = std::max(s.sd, kMinRatingSd);
                    return sd * sd / static_cast<double>(s.n);
                };
                c.margin = options.z * std::sqrt(var(*c.old_others) + var(*c.new_others));
                if (std::abs(*c.change) > *c.margin) {
                    c.flag = *c.change > 0 ? "improved" : "declined";
                    ++(*c.change > 0 ? out.improved : out.declined);
                }
            }
        }
        out.items.push_back(std::move(c));
    }
    return out;
}

}  // namespace leadctl
