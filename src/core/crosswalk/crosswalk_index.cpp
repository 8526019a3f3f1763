#include "core/crosswalk/crosswalk_index.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>

namespace leadctl {

std::string_view prefix_of(std::string_view ref) {
    return ref.substr(0, ref.find(':'));
}

CrosswalkIndex::CrosswalkIndex(std::vector<std::shared_ptr<const Crosswalk>> crosswalks)
    : crosswalks_(std::move(crosswalks)) {
    // The stored pair, read in a canonical direction (smaller reference first).
    struct Kept {
        Relation relation;
        const Crosswalk* crosswalk;
    };
    std::map<std::pair<std::string, std::string>, Kept> kept;
    for (const auto& cw : crosswalks_) {
        for (const auto& m : cw->mappings) {
            const bool flip = m.object < m.subject;
            const auto key = flip ? std::make_pair(m.object, m.subject) : std::make_pair(m.subject, m.object);
            const Relation canonical = flip ? inverse(m.relation) : m.relation;
            auto [it, inserted] = kept.emplace(key, Kept{canonical, cw.get()});
            if (!inserted) {
                if (it->second.crosswalk != cw.get() && it->second.relation != canonical) {
                    conflicts_.warning(m.location, "crosswalk-conflict",
                                       fmt::format("{} {} {} conflicts with {} ({}); using {}", m.subject,
                                                   info(m.relation).name, m.object, it->second.crosswalk->origin,
                                                   info(flip ? inverse(it->second.relation) : it->second.relation).name,
                                                   it->second.crosswalk->origin));
                }
                continue;  // the earlier crosswalk wins (and a repeat adds nothing)
            }
            edges_[m.subject].push_back({m.subject, m.object, m.relation, m.confidence, &m, cw.get(), false});
            edges_[m.object].push_back({m.object, m.subject, inverse(m.relation), m.confidence, &m, cw.get(), true});
        }
    }
}

const std::vector<Edge>& CrosswalkIndex::edges_from(const std::string& ref) const {
    static const std::vector<Edge> none;
    const auto it = edges_.find(ref);
    return it == edges_.end() ? none : it->second;
}

std::vector<Resolved> CrosswalkIndex::resolve(const std::string& from, std::string_view target, int max_hops) const {
    std::map<std::string, Resolved> best;
    auto better = [](const Resolved& a, const Resolved& b) {
        if (a.direct() != b.direct()) return a.direct();
        if (a.confidence != b.confidence) return a.confidence > b.confidence;
        if (info(a.relation).specificity != info(b.relation).specificity) {
            return info(a.relation).specificity > info(b.relation).specificity;
        }
        return a.via < b.via;
    };
    std::set<std::string, std::less<>> visited{std::string(prefix_of(from))};
    Resolved current;
    current.from = from;
    auto walk = [&](auto& self, const std::string& at, Relation rel, double conf, int hops) -> void {
        for (const auto& e : edges_from(at)) {
            const auto fw = prefix_of(e.to);
            const Relation r = hops == 0 ? e.relation : compose(rel, e.relation);
            const double c = hops == 0 ? e.confidence : conf * e.confidence;
            current.edges.push_back(&e);
            if (fw == target) {
                Resolved res = current;
                res.to = e.to;
                res.relation = r;
                res.confidence = c;
                auto it = best.find(e.to);
                if (it == best.end()) {
                    best.emplace(e.to, std::move(res));
                } else if (better(res, it->second)) {
                    it->second = std::move(res);
                }
            } else if (hops + 1 < max_hops && !visited.count(fw)) {
                visited.insert(std::string(fw));
                current.via.push_back(e.to);
                self(self, e.to, r, c, hops + 1);
                current.via.pop_back();
                visited.erase(visited.find(fw));
            }
            current.edges.pop_back();
        }
    };
    if (prefix_of(from) != target) walk(walk, from, Relation::exact, 1.0, 0);
    std::vector<Resolved> out;
    for (auto& [to, r] : best) out.push_back(std::move(r));
    return out;
}

}  // namespace leadctl
