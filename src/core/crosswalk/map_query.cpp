#include "core/crosswalk/map_query.hpp"

#include <algorithm>

namespace leadctl {

namespace {

/// A composed confidence shown as 0.20 is not below a floor of 0.2: products of
/// decimal confidences are off by a rounding error.
constexpr double kConfidenceSlack = 1e-9;

/// Index in `fw` of a reference to one of its items, or -1.
int index_in(const Framework& fw, const std::string& ref) {
    if (prefix_of(ref) != fw.id) return -1;
    return fw.find(ref.substr(ref.find(':') + 1));
}

}  // namespace

bool NoCounterpart::covers(const Framework& fw, const std::vector<int>& tops, int x) {
    return std::any_of(tops.begin(), tops.end(), [&](int top) { return fw.within(x, top); });
}

NoCounterpart no_counterpart(const CrosswalkIndex& index, const Framework& a, const Framework& b) {
    NoCounterpart out;
    for (const auto& cw : index.crosswalks()) {
        const bool between = (cw->frameworks[0] == a.id && cw->frameworks[1] == b.id) ||
                             (cw->frameworks[0] == b.id && cw->frameworks[1] == a.id);
        if (!between) continue;
        for (const auto& u : cw->unmapped) {
            if (const int i = index_in(a, u.item); i >= 0) out.in_a.push_back(i);
            if (const int j = index_in(b, u.item); j >= 0) out.in_b.push_back(j);
        }
    }
    return out;
}

MapResult query_map(const CrosswalkIndex& index, const Framework& from, const Framework& to, std::optional<int> item,
                    const MapFilter& filter) {
    MapResult out;
    out.from = &from;
    out.to = &to;
    out.item = item.value_or(-1);
    for (const auto& cw : index.crosswalks()) {
        const bool between = (cw->frameworks[0] == from.id && cw->frameworks[1] == to.id) ||
                             (cw->frameworks[0] == to.id && cw->frameworks[1] == from.id);
        if (!between) continue;
        out.crosswalks.push_back(cw.get());
        for (const auto& u : cw->unmapped) {
            if (prefix_of(u.item) != from.id) continue;
            const int i = from.find(u.item.substr(u.item.find(':') + 1));
            if (!item || i == *item) out.unmapped.push_back(u);
        }
    }
    // No composed mapping leaves one of FROM's items without a counterpart, or
    // reaches one of TO's.
    const NoCounterpart none = no_counterpart(index, from, to);
    const auto within_any = [](const Framework& fw, int x, const std::vector<int>& tops) {
        return NoCounterpart::covers(fw, tops, x);
    };
    const auto& from_unmapped = none.in_a;
    const auto& to_unmapped = none.in_b;
    auto add = [&](int i) {
        const bool no_counterpart = within_any(from, i, from_unmapped);
        const std::string ref = from.id + ":" + from.at(i).code;
        auto found = index.resolve(ref, to.id, filter.max_hops);
        // TO's items this item maps to directly, whatever the filters keep.
        std::vector<int> direct_targets;
        for (const auto& r : found) {
            if (!r.direct()) continue;
            if (const int t = index_in(to, r.to); t >= 0) direct_targets.push_back(t);
        }
        // True when a direct mapping already says what the composed one to `t` says:
        // it reaches `t`, an ancestor of `t` or a descendant of `t`.
        auto implied = [&](int t) {
            return std::any_of(direct_targets.begin(), direct_targets.end(),
                               [&](int d) { return to.within(t, d) || to.within(d, t); });
        };
        std::vector<MapRow> rows;
        for (auto& r : found) {
            if (!filter.relations.empty() && !filter.relations.count(r.relation)) continue;
            if (r.confidence < filter.min_confidence) continue;
            const int t = index_in(to, r.to);
            if (t < 0) continue;  // a user crosswalk naming an item this version lacks
            if (filter.prune_composed && !r.direct() &&
                (no_counterpart || within_any(to, t, to_unmapped) || implied(t) ||
                 r.confidence < filter.composed_min_confidence - kConfidenceSlack)) {
                ++out.hidden_composed;
                continue;
            }
            rows.push_back({i, t, std::move(r)});
        }
        std::sort(rows.begin(), rows.end(), [](const MapRow& a, const MapRow& b) { return a.to_item < b.to_item; });
        for (auto& r : rows) out.rows.push_back(std::move(r));
    };
    if (item) {
        add(*item);
    } else {
        for (std::size_t i = 0; i < from.items.size(); ++i) add(static_cast<int>(i));
    }
    return out;
}

}  // namespace leadctl
