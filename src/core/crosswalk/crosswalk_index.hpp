// All crosswalks on the search path merged into one graph of items, queried for
// "what does this item map to in that framework", directly or composed through
// other frameworks (A→B→C) within a hop limit.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/util/diagnostic.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// One direction of a stored mapping: `from relation to`.
struct Edge {
    std::string from;
    std::string to;
    Relation relation = Relation::related;
    double confidence = 0;
    const Mapping* mapping = nullptr;      ///< the stored mapping (read subject→object)
    const Crosswalk* crosswalk = nullptr;  ///< where it came from
    bool inverted = false;                 ///< true when read object→subject
};

/// A mapping from one item to an item of the target framework.
struct Resolved {
    std::string from;
    std::string to;
    Relation relation = Relation::related;
    double confidence = 0;
    std::vector<std::string> via;    ///< intermediate items; empty for a direct mapping
    std::vector<const Edge*> edges;  ///< the edges of the path, in order
    [[nodiscard]] bool direct() const { return via.empty(); }
};

/// Framework id of a reference ("mlcf" for "mlcf:2.4").
std::string_view prefix_of(std::string_view ref);

class CrosswalkIndex {
public:
    /// `crosswalks` in priority order: when two give the same pair different
    /// relations, the earlier wins and a "crosswalk-conflict" warning is recorded.
    explicit CrosswalkIndex(std::vector<std::shared_ptr<const Crosswalk>> crosswalks);

    [[nodiscard]] const Diagnostics& conflicts() const { return conflicts_; }
    [[nodiscard]] const std::vector<std::shared_ptr<const Crosswalk>>& crosswalks() const { return crosswalks_; }

    /// Every edge leaving `ref` (an item reference with its canonical code).
    [[nodiscard]] const std::vector<Edge>& edges_from(const std::string& ref) const;

    /// Items of `target` that `from` maps to. Direct mappings always win over
    /// composed ones; among composed paths to the same item the one with the
    /// highest confidence (then the more specific relation, then the path) is
    /// kept. A path never visits a framework twice. Results are sorted by `to`
    /// (string order); callers that want framework order sort again.
    [[nodiscard]] std::vector<Resolved> resolve(const std::string& from, std::string_view target,
                                                int max_hops = 2) const;

private:
    std::vector<std::shared_ptr<const Crosswalk>> crosswalks_;
    std::map<std::string, std::vector<Edge>> edges_;
    Diagnostics conflicts_;
};

}  // namespace leadctl
