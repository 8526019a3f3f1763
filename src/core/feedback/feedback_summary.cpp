#include "core/feedback/feedback_summary.hpp"

#include "core/util/privacy.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace leadctl {

namespace {

RatingStat stat_of(const std::vector<double>& v) {
    RatingStat s;
    if (v.empty()) return s;
    s.n = static_cast<int>(v.size());
    double sum = 0;
    for (double x : v) sum += x;
    s.mean = sum / static_cast<double>(v.size());
    s.min = *std::min_element(v.begin(), v.end());
    s.max = *std::max_element(v.begin(), v.end());
    if (v.size() >= 2) {
        double ss = 0;
        for (double x : v) ss += (x - s.mean) * (x - s.mean);
        s.sd = std::sqrt(ss / static_cast<double>(v.size() - 1));
    }
    return s;
}

constexpr std::size_t idx(RaterGroup g) {
    return static_cast<std::size_t>(g);
}

}  // namespace

FeedbackSummary summarise(const Round& round, const FeedbackOptions& options) {
    FeedbackSummary out;
    out.round = &round;
    out.options = options;
    const int min = std::max(1, options.min_raters);

    // Responding raters per group.
    std::vector<bool> responded(round.raters.size(), false);
    for (const auto& r : round.responses) responded[static_cast<std::size_t>(r.rater)] = true;
    std::array<int, 5> count{};
    for (std::size_t k = 0; k < round.raters.size(); ++k) {
        if (responded[k]) ++count[idx(round.raters[k].group)];
    }
    for (std::size_t g = 1; g < 5; ++g) {
        if (round.invited[g]) out.rates.push_back({static_cast<RaterGroup>(g), count[g], *round.invited[g]});
    }

    // Where each group's raters are shown: as themselves, in "other", or not at all.
    std::array<std::optional<RaterGroup>, 5> shown_as{};
    shown_as[idx(RaterGroup::line_manager)] = RaterGroup::line_manager;
    out.line_manager = count[idx(RaterGroup::line_manager)] > 0;
    int pool = count[idx(RaterGroup::other)];
    std::vector<RaterGroup> small;
    for (auto g : {RaterGroup::peer, RaterGroup::direct_report}) {
        if (count[idx(g)] >= min) {
            shown_as[idx(g)] = g;
        } else if (count[idx(g)] > 0) {
            small.push_back(g);
            pool += count[idx(g)];
        }
    }
    if (pool >= min) {
        shown_as[idx(RaterGroup::other)] = RaterGroup::other;
        for (auto g : small) {
            shown_as[idx(g)] = RaterGroup::other;
            out.merged.push_back(g);
        }
    } else {
        for (auto g : small) out.suppressed.push_back(g);
        if (count[idx(RaterGroup::other)] > 0) out.suppressed.push_back(RaterGroup::other);
    }

    const Framework& fw = *round.framework;
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        ItemFeedback item;
        item.item = static_cast<int>(i);
        std::array<std::vector<double>, 5> ratings;
        std::array<std::vector<double>, 5> importance;
        bool any = false;
        for (const auto& r : round.responses) {
            if (r.item != item.item) continue;
            any = true;
            const auto group = round.raters[static_cast<std::size_t>(r.rater)].group;
            if (group == RaterGroup::self) {
                item.self = r.rating;
                continue;
            }
            const auto as = shown_as[idx(group)];
            if (!as) continue;
            ratings[idx(*as)].push_back(r.rating);
            if (r.importance) importance[idx(*as)].push_back(*r.importance);
        }
        if (!any) continue;
        std::vector<double> others, imp;
        for (auto g : {RaterGroup::line_manager, RaterGroup::peer, RaterGroup::direct_report, RaterGroup::other}) {
            const auto& v = ratings[idx(g)];
            if (v.empty()) continue;
            // Too few ratings of this item in an anonymous group: neither shown nor in
            // "others", so that they cannot be worked out from what is shown.
            if (g != RaterGroup::line_manager && static_cast<int>(v.size()) < min) continue;
            item.groups.push_back({g, stat_of(v)});
            others.insert(others.end(), v.begin(), v.end());
            imp.insert(imp.end(), importance[idx(g)].begin(), importance[idx(g)].end());
        }
        item.others = stat_of(others);
        item.importance = stat_of(imp);
        if (item.self && item.others.n > 0) {
            if (*item.self - item.others.mean >= options.blind_spot) item.flags.emplace_back("blind-spot");
            if (item.others.mean - *item.self >= options.blind_spot) item.flags.emplace_back("hidden-strength");
        }
        out.items.push_back(std::move(item));
    }

    // Strengths: the highest others' means (ties at the cut included).
    std::vector<double> means, importances;
    for (const auto& it : out.items) {
        if (it.others.n > 0) means.push_back(it.others.mean);
        if (it.importance.n > 0) importances.push_back(it.importance.mean);
    }
    std::sort(means.begin(), means.end(), std::greater<>());
    std::sort(importances.begin(), importances.end(), std::greater<>());
    if (means.size() > static_cast<std::size_t>(options.strengths) && options.strengths > 0) {
        const double cut = means[static_cast<std::size_t>(options.strengths) - 1];
        const double median = means[means.size() / 2];
        const double icut = importances.size() > static_cast<std::size_t>(options.priorities) && options.priorities > 0
                                ? importances[static_cast<std::size_t>(options.priorities) - 1]
                                : (importances.empty() ? 0 : importances.back());
        for (auto& it : out.items) {
            if (it.others.n == 0) continue;
            if (it.others.mean >= cut) it.flags.emplace_back("strength");
            // Priority: among the most important to the role, and rated below the median.
            if (it.importance.n > 0 && it.importance.mean >= icut && it.others.mean < median) {
                it.flags.emplace_back("priority");
            }
        }
    }

    // Comments of others in the groups shown, in item order then by text: the order
    // says nothing of who wrote them.
    for (const auto& r : round.responses) {
        if (r.comment.empty()) continue;
        const auto group = round.raters[static_cast<std::size_t>(r.rater)].group;
        if (group == RaterGroup::self || !shown_as[idx(group)]) continue;
        out.comments.push_back({r.item, privacy::redact(r.comment)});
    }
    std::sort(out.comments.begin(), out.comments.end(), [](const FeedbackComment& a, const FeedbackComment& b) {
        return a.item != b.item ? a.item < b.item : a.text < b.text;
    });
    return out;
}

}  // namespace leadctl
