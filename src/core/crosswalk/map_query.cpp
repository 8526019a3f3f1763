#include "core/crosswalk/map_query.hpp"

#include <algorithm>

namespace leadctl {

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
    auto add = [&](int i) {
        const std::string ref = from.id + ":" + from.at(i).code;
        std::vector<MapRow> rows;
        for (auto& r : index.resolve(ref, to.id, filter.max_hops)) {
            if (!filter.relations.empty() && !filter.relations.count(r.relation)) continue;
            if (r.confidence < filter.min_confidence) continue;
            const int t = to.find(r.to.substr(r.to.find(':') + 1));
            if (t < 0) continue;  // a user crosswalk naming an item this version lacks
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
