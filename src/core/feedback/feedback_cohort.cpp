#include "core/feedback/feedback_cohort.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>

namespace leadctl {

namespace {

double quantile(const std::vector<double>& sorted, double p) {
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

bool has_flag(const ItemFeedback& it, std::string_view flag) {
    return std::find(it.flags.begin(), it.flags.end(), flag) != it.flags.end();
}

}  // namespace

Spread spread_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v.front(), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), v.back()};
}

CohortFeedback summarise_cohort(const std::vector<CohortRound>& rounds, const CohortFeedbackOptions& options) {
    CohortFeedback out;
    out.options = options;
    if (rounds.empty()) return out;
    const Round& first = *rounds.front().round;
    out.framework = first.framework;
    out.levels = first.scale.levels;
    out.scale_min = first.scale.levels ? 1 : first.scale.min;
    out.scale_max = first.scale.levels ? static_cast<double>(first.framework->scale.size()) : first.scale.max;

    // One round per person: the latest by closing date (the later file on a tie).
    std::map<std::string, std::size_t> latest;
    std::vector<bool> comparable(rounds.size(), false);
    for (std::size_t k = 0; k < rounds.size(); ++k) {
        const Round& r = *rounds[k].round;
        if (r.framework != first.framework) {
            out.not_included.emplace_back(rounds[k].file, fmt::format("it rates {}, not {} (the first round's)",
                                                                      r.framework->id, first.framework->id));
            continue;
        }
        if (r.scale.levels != first.scale.levels ||
            (!r.scale.levels && (r.scale.min != first.scale.min || r.scale.max != first.scale.max))) {
            out.not_included.emplace_back(rounds[k].file, "it rates on another scale than the first round");
            continue;
        }
        comparable[k] = true;
        auto [at, fresh] = latest.try_emplace(r.person_id, k);
        if (!fresh && !(r.closed < rounds[at->second].round->closed)) at->second = k;
    }
    for (std::size_t k = 0; k < rounds.size(); ++k) {
        if (!comparable[k]) continue;
        (latest.at(rounds[k].round->person_id) == k ? out.counted : out.superseded).push_back(rounds[k]);
    }

    std::vector<FeedbackSummary> summaries;
    summaries.reserve(out.counted.size());
    for (const auto& c : out.counted) summaries.push_back(summarise(*c.round, options.feedback));
    const int points = std::max(1, static_cast<int>(std::lround(out.scale_max - out.scale_min)) + 1);
    for (std::size_t i = 0; i < out.framework->items.size(); ++i) {
        CohortItem item;
        item.item = static_cast<int>(i);
        std::vector<double> means;
        std::vector<int> levels(static_cast<std::size_t>(points), 0);
        int blind = 0, hidden = 0;
        bool rated = false;
        for (const auto& s : summaries) {
            for (const auto& it : s.items) {
                if (it.item != item.item) continue;
                rated = true;
                if (it.others.n == 0) continue;
                means.push_back(it.others.mean);
                const long point = std::lround(it.others.mean - out.scale_min);
                ++levels[static_cast<std::size_t>(std::clamp(point, 0L, static_cast<long>(points) - 1))];
                blind += has_flag(it, "blind-spot") ? 1 : 0;
                hidden += has_flag(it, "hidden-strength") ? 1 : 0;
            }
        }
        if (!rated) continue;
        item.people = static_cast<int>(means.size());
        if (item.people >= std::max(1, options.min_people)) {
            item.others = spread_of(means);
            item.levels = std::move(levels);
            item.blind_spots = blind;
            item.hidden_strengths = hidden;
        }
        out.items.push_back(std::move(item));
    }
    return out;
}

}  // namespace leadctl
