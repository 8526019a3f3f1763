// Queries over the crosswalks: what the items of one framework (or one item) map to
// in another, with filters. The result feeds the renderers in render_map.hpp.
#pragma once

#include "core/crosswalk/crosswalk_index.hpp"
#include "core/model/model.hpp"

#include <optional>
#include <set>
#include <vector>

namespace leadctl {

/// The lowest confidence a composed mapping needs to be shown by default. leadctl's
/// own choice, from no published source: just below the weakest direct mapping the
/// bundled crosswalks record (0.25), and about the product of two middling links
/// (0.45 × 0.45); a chain weaker than that is weaker than anything an editor wrote
/// down directly, and says little.
inline constexpr double kComposedMinConfidence = 0.2;

struct MapFilter {
    int max_hops = 2;              ///< 1 = direct mappings only
    std::set<Relation> relations;  ///< empty = all
    double min_confidence = 0;
    /// Hide the composed mappings that add nothing: those of an item a crosswalk
    /// between FROM and TO lists as unmapped (either way); those implied by a direct
    /// mapping of the same item to the target, to an ancestor of it or to a
    /// descendant of it; those below `composed_min_confidence`.
    bool prune_composed = true;
    double composed_min_confidence = kComposedMinConfidence;  ///< with prune_composed
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
    /// Composed mappings that passed the relations and min_confidence filters but
    /// were hidden by MapFilter::prune_composed.
    std::size_t hidden_composed = 0;
};

/// The items that a crosswalk between `a` and `b` lists as having no counterpart
/// in the other (unmapped), as item indices; an item inside one is covered too.
/// No composed mapping leaves or reaches a covered item (`map` hides them, and
/// the assessor does not count them).
struct NoCounterpart {
    std::vector<int> in_a, in_b;
    [[nodiscard]] static bool covers(const Framework& fw, const std::vector<int>& tops, int x);
};
NoCounterpart no_counterpart(const CrosswalkIndex& index, const Framework& a, const Framework& b);

/// Mappings of `item` (or of every item when nullopt) of `from` into `to`.
MapResult query_map(const CrosswalkIndex& index, const Framework& from, const Framework& to, std::optional<int> item,
                    const MapFilter& filter);

}  // namespace leadctl
