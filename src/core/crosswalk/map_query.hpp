// Queries over the crosswalks: what the items of one framework (or one item) map to
// in another, with filters. The result feeds the renderers in render_map.hpp.
#pragma once

#include "core/crosswalk/crosswalk_index.hpp"
#include "core/model/model.hpp"

#include <optional>
#include <set>
#include <vector>

namespace leadctl {

struct MapFilter {
    int max_hops = 2;              ///< 1 = direct mappings only
    std::set<Relation> relations;  ///< empty = all
    double min_confidence = 0;
};

struct MapRow {
    int from_item = -1;  ///< index into MapResult::from->items
    int to_item = -1;    ///< index into MapResult::to->items
    Resolved mapping;
};

struct MapResult {
    const Framework* from = nullptr;
    const Framework* to = nullptr;
    int item = -1;                             ///< the queried item, or -1 for all
    std::vector<MapRow> rows;                  ///< in FROM's item order, then TO's
    std::vector<Unmapped> unmapped;            ///< items of FROM declared unmapped toward TO
    std::vector<const Crosswalk*> crosswalks;  ///< the crosswalks between FROM and TO
};

/// Mappings of `item` (or of every item when nullopt) of `from` into `to`.
MapResult query_map(const CrosswalkIndex& index, const Framework& from, const Framework& to, std::optional<int> item,
                    const MapFilter& filter);

}  // namespace leadctl
