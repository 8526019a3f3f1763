// Statistics over evidence logs (`leadctl evidence stats`): how many entries,
// from when to when, and how many per framework item, per type and per year.
// Fed one entry at a time, so that memory stays flat however many logs are read.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_file.hpp"
#include "core/util/date.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace leadctl {

/// Resolves a tag as written to "prefix:code" (aliases become codes), or "" when
/// it names no known item (EvidenceChecker::canonical).
using RefResolver = std::function<std::string(const std::string& ref)>;

struct Stats {
    std::size_t logs = 0;  ///< logs that could be opened
    std::size_t entries = 0;
    std::size_t unknown_tags = 0;  ///< tags that name no known item, each occurrence counted
    std::optional<Date> first, last;
    std::map<std::string, std::size_t> by_item;  ///< canonical reference → entries tagged to it
    std::map<std::string, std::size_t> by_type;  ///< entries with a type (an entry without one is in no row)
    std::map<int, std::size_t> by_year;          ///< entries with a valid date

    /// Count one entry: an entry tagged to an item twice (by code and by alias)
    /// counts once for it.
    void add(const Entry& e, const RefResolver& canonical);
};

/// One row of the per-item counts, with the item's name.
struct ItemCount {
    std::string ref;
    std::string name;  ///< "" when the framework or item cannot be found
    std::size_t entries = 0;
};

/// `by_item` in framework order (framework id, then the item's position in its
/// framework), names looked up in `frameworks`.
std::vector<ItemCount> items_in_framework_order(const Stats& s, const FrameworkLookup& frameworks);

struct StatsRun {
    Stats stats;
    std::size_t unreadable = 0;  ///< logs that could not be opened
    std::size_t errors = 0;      ///< errors found in the logs (counts include only what could be read)
};

/// Read every log in `paths` (with read_log_file) and count what it holds.
StatsRun read_stats(const std::vector<std::string>& paths, const LogReadOptions& options,
                    const FrameworkSource& frameworks);

}  // namespace leadctl
