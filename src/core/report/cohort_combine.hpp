// `report --combine`: the leadctl.cohort/2 JSON reports of shards of a cohort
// (the same framework, target, date, policy and threshold, each over some of the
// logs) merged into the report of one run over all of their logs. People are
// independent, so a cohort too big for one machine is split by file, each part
// reported where it runs (GNU parallel, a job array, a CI matrix), and combined.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/report/cohort.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

struct CohortShard {
    std::string path;       ///< names the shard in diagnostics
    std::string_view text;  ///< its leadctl.cohort/2 JSON
};

struct CombinedCohort {
    std::optional<CohortReport> report;  ///< set only when there were no errors
    Diagnostics diagnostics;             ///< located in the shards
};

/// Read every shard (each its own problems, all reported), check that they agree
/// on the framework (id and edition, looked up in `frameworks`), target, as-of
/// date, policy and at-risk threshold and share no log, and rebuild the rows:
/// the result is finished (sorted, tallied) as one run over all the logs would be.
CombinedCohort combine_cohorts(const std::vector<CohortShard>& shards, const FrameworkLookup& frameworks);

}  // namespace leadctl
