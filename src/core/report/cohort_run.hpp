// A cohort run: many people's logs assessed on worker threads against one
// immutable snapshot of the frameworks. Each log becomes one small row (an
// error row when it cannot be assessed: never the end of the batch), and each
// assessed person's full report can be rendered into a temporary file that the
// caller renames into place once the whole run has succeeded.
#pragma once

#include "core/assess/assess_log.hpp"
#include "core/registry/registry.hpp"
#include "core/report/cohort.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// Everything a worker reads, built in full before any worker starts and never
/// changed afterwards: every framework parsed, the crosswalks merged into an
/// index of its own, the opportunity catalogue loaded. Workers receive it as
/// `const CohortSnapshot&`; the Registry, which parses on first use, is not
/// reachable from it. Not copyable: its lookup refers to its own frameworks.
class CohortSnapshot {
public:
    explicit CohortSnapshot(Registry& registry);
    CohortSnapshot(const CohortSnapshot&) = delete;
    CohortSnapshot& operator=(const CohortSnapshot&) = delete;

    /// The framework with this id, or nullptr.
    [[nodiscard]] const Framework* framework(std::string_view id) const;
    [[nodiscard]] const FrameworkSource& frameworks() const { return source_; }
    [[nodiscard]] const CrosswalkIndex& index() const { return index_; }
    [[nodiscard]] const std::vector<Opportunity>& opportunities() const { return opportunities_; }

private:
    std::map<std::string, std::shared_ptr<const Framework>, std::less<>> frameworks_;
    CrosswalkIndex index_;
    std::vector<Opportunity> opportunities_;
    FrameworkSource source_;  ///< reads frameworks_
};

/// What to assess the cohort against.
struct CohortRequest {
    const Framework* framework = nullptr;  ///< one of the snapshot's
    std::string target;                    ///< a profile id, or "" for each person's stage
    Date as_of;
    Policy policy;
    double at_risk_below = 0.5;
};

/// The name of the per-person temporary files: ".leadctl-report.tmp-PID-XXXXXX".
inline constexpr std::string_view kPerPersonTempName = "leadctl-report";

struct CohortOptions {
    unsigned jobs = 1;  ///< worker threads; no more than there are logs. With 1 the calling thread does the work.
    std::string per_person_dir;        ///< where per-person temporary files go (with a renderer)
    std::string per_person_extension;  ///< ".md": for the names assign_file_names gives
};

struct CohortCallbacks {
    /// Logs assessed so far, of all: called on the calling thread only, with
    /// counts that never decrease (after each log with one job, otherwise at
    /// least every 100 ms); the last call has done == total unless the run stopped.
    std::function<void(std::size_t done, std::size_t total)> progress;
    /// One person's full report, written to a temporary file. Called on worker
    /// threads at once, so it must read nothing but its argument. Unset: no files.
    std::function<std::string(const Assessment&)> render_person;
};

struct CohortRun {
    bool cancelled = false;   ///< the cancel flag stopped the run before every log was assessed
    std::string write_error;  ///< a per-person file could not be written: the run stopped there
    std::size_t done = 0;     ///< logs assessed (error rows included)
    std::size_t total = 0;
    /// Finished (rows sorted, file names assigned) when the run completed; when
    /// it stopped, empty and every temporary file already removed.
    CohortReport report;
    std::vector<std::string> temps;  ///< per-person temporary file of each row of `report`, or ""
};

/// Assess each log of `paths` against `request` on `options.jobs` threads. The
/// rows do not depend on the number of threads. `cancel` is polled between
/// logs and between a log's entries.
CohortRun run_cohort(std::vector<std::string> paths, const CohortSnapshot& snapshot, const CohortRequest& request,
                     const CohortOptions& options, const CohortCallbacks& callbacks, const std::atomic<bool>& cancel);

}  // namespace leadctl
