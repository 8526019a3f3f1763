#include "core/evidence/stats.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace leadctl {

void Stats::add(const Entry& e, const RefResolver& canonical) {
    ++entries;
    if (e.date) {
        if (!first || *e.date < *first) first = e.date;
        if (!last || *e.date > *last) last = e.date;
        ++by_year[e.date->year];
    }
    if (!e.type.empty()) ++by_type[e.type];
    std::set<std::string> seen;
    for (const auto& t : e.competencies) {
        const std::string ref = canonical(t.ref);
        if (ref.empty()) {
            ++unknown_tags;
        } else if (seen.insert(ref).second) {
            ++by_item[ref];
        }
    }
}

std::vector<ItemCount> items_in_framework_order(const Stats& s, const FrameworkLookup& frameworks) {
    std::vector<std::tuple<std::string, int, ItemCount>> rows;
    for (const auto& [ref, n] : s.by_item) {
        const auto colon = ref.find(':');
        const std::string id = ref.substr(0, colon);
        const std::string code = colon == std::string::npos ? "" : ref.substr(colon + 1);
        const Framework* fw = frameworks(id);
        const Item* item = fw ? fw->item(code) : nullptr;
        rows.emplace_back(id, fw ? fw->find(code) : -1, ItemCount{ref, item ? item->name : "", n});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a).ref) <
               std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b).ref);
    });
    std::vector<ItemCount> out;
    out.reserve(rows.size());
    for (auto& row : rows) out.push_back(std::move(std::get<2>(row)));
    return out;
}

StatsRun read_stats(const std::vector<std::string>& paths, const LogReadOptions& options,
                    const FrameworkSource& frameworks) {
    StatsRun run;
    for (const auto& path : paths) {
        Diagnostics d;
        const auto r =
            read_log_file(path, options, frameworks, d, nullptr, [&](const Entry& e, const EvidenceChecker& checker) {
                run.stats.add(e, [&](const std::string& ref) { return checker.canonical(ref); });
            });
        if (r.readable)
            ++run.stats.logs;
        else
            ++run.unreadable;
        run.errors += d.error_count();
    }
    return run;
}

}  // namespace leadctl
