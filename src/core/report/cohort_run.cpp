#include "core/report/cohort_run.hpp"

#include "core/registry/bundled.hpp"
#include "core/util/files.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

namespace leadctl {

namespace {

std::map<std::string, std::shared_ptr<const Framework>, std::less<>> parse_all(Registry& registry) {
    std::map<std::string, std::shared_ptr<const Framework>, std::less<>> out;
    for (const auto& id : registry.ids()) {
        if (auto fw = registry.get(id)) out.emplace(id, std::move(fw));
    }
    return out;
}

/// A copy of the registry's merged index, so that the snapshot owns all it reads.
/// Crosswalk problems are `map --check`'s to report: one with errors is left out.
CrosswalkIndex merged_index(Registry& registry) {
    Diagnostics ignored;
    return CrosswalkIndex(registry.crosswalk_index(ignored).crosswalks());
}

void remove_temps(const std::vector<CohortRow>& rows) {
    for (const auto& r : rows) {
        if (!r.per_person_file.empty()) ::unlink(r.per_person_file.c_str());
    }
}

/// What the workers share. Each log's row and temporary file go to a slot of
/// its own; the rest is atomic or guarded by `mu`.
struct Batch {
    Batch(std::vector<std::string> logs, const AssessLogRequest& request, const CohortOptions& opts,
          const CohortCallbacks& cbs, const std::atomic<bool>& stop)
        : paths(std::move(logs)), req(request), options(opts), callbacks(cbs), cancel(stop), rows(paths.size()) {}

    /// Each path is given up once its log is done and its row names the interned
    /// path: a cohort's paths are held once (bench/report.sh measures peak RSS
    /// against cohort size).
    std::vector<std::string> paths;
    const AssessLogRequest& req;
    const CohortOptions& options;
    const CohortCallbacks& callbacks;
    const std::atomic<bool>& cancel;
    std::vector<CohortRow> rows;  ///< a row's per_person_file is its temporary file until the rows are finished
    std::atomic<std::size_t> next{0};
    std::atomic<bool> write_failed{false};
    std::mutex mu;
    std::condition_variable cv;
    std::size_t done = 0;     ///< guarded by mu
    std::string write_error;  ///< the first one; guarded by mu

    [[nodiscard]] bool stopping() const { return cancel.load() || write_failed.load(); }

    std::size_t done_so_far() {
        std::lock_guard lock(mu);
        return done;
    }

    /// Assess logs until none is left or the run stops, calling `after_each` after each.
    template <typename AfterEach>
    void work(AfterEach after_each) {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= paths.size() || stopping()) return;
            if (assess(i)) {
                std::lock_guard lock(mu);
                ++done;
            }
            after_each();
        }
    }

    /// False when `cancel` interrupted the log.
    bool assess(std::size_t i) {
        CohortRow row;
        std::string temp;
        try {
            const auto r = assess_log(paths[i], req);
            if (r.failure == AssessFailure::cancelled) return false;
            if (r.failure == AssessFailure::none && callbacks.render_person) {
                auto t = files::write_temp(options.per_person_dir, kPerPersonTempName,
                                           callbacks.render_person(*r.assessment));
                temp = std::move(t.path);
                if (!t.error.empty()) {
                    std::lock_guard lock(mu);
                    if (write_error.empty()) write_error = t.error;
                    write_failed = true;
                }
            }
            row = make_row(std::string(), r);  // the path is moved in below, whatever happened
        } catch (const std::exception& e) {
            row = CohortRow{};
            row.failure = fmt::format("internal error: {}", e.what());
            ++row.errors;
        }
        row.path = paths[i];
        std::string().swap(paths[i]);  // the interned name is the one copy kept
        row.per_person_file = std::move(temp);
        rows[i] = std::move(row);
        return true;
    }
};

/// Workers on threads of their own; the calling thread reports progress until
/// every log is done or the run stops, then waits for each to finish its log.
void run_threads(Batch& batch, unsigned jobs) {
    std::vector<std::jthread> workers;
    workers.reserve(jobs);
    for (unsigned k = 0; k < jobs; ++k) {
        workers.emplace_back([&batch] { batch.work([&batch] { batch.cv.notify_one(); }); });
    }
    const std::size_t total = batch.paths.size();
    std::unique_lock lock(batch.mu);
    for (std::size_t seen = 0;;) {
        batch.cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return batch.done != seen || batch.stopping(); });
        seen = batch.done;
        lock.unlock();
        if (batch.callbacks.progress) batch.callbacks.progress(seen, total);
        lock.lock();
        if (seen == total || batch.stopping()) return;
    }
}

}  // namespace

CohortSnapshot::CohortSnapshot(Registry& registry)
    : frameworks_(parse_all(registry)),
      index_(merged_index(registry)),
      opportunities_(registry.opportunities(bundled_opportunities())),
      source_{[this](std::string_view id) { return framework(id); }, registry.ids()} {}

const Framework* CohortSnapshot::framework(std::string_view id) const {
    const auto it = frameworks_.find(id);
    return it == frameworks_.end() ? nullptr : it->second.get();
}

CohortRun run_cohort(std::vector<std::string> paths, const CohortSnapshot& snapshot, const CohortRequest& request,
                     const CohortOptions& options, const CohortCallbacks& callbacks, const std::atomic<bool>& cancel) {
    // Made once for the whole cohort: what each reference counts toward, per profile.
    std::vector<TargetMap> targets;
    targets.reserve(request.framework->profiles.size());
    for (const auto& p : request.framework->profiles) {
        if (request.target.empty() || p.id == request.target) {
            targets.emplace_back(*request.framework, p, request.policy, snapshot.index(), snapshot.frameworks());
        }
    }
    AssessLogRequest req;
    req.framework = request.framework;
    req.target = request.target;
    req.as_of = request.as_of;
    req.policy = request.policy;
    req.index = &snapshot.index();
    req.frameworks = &snapshot.frameworks();
    req.opportunities = &snapshot.opportunities();
    req.targets = &targets;
    req.cancel = &cancel;

    const std::size_t total = paths.size();
    Batch batch(std::move(paths), req, options, callbacks, cancel);
    const auto jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(options.jobs, 1U), total));
    if (jobs <= 1) {
        batch.work([&] {
            if (callbacks.progress) callbacks.progress(batch.done_so_far(), total);
        });
    } else {
        run_threads(batch, jobs);
    }

    CohortRun run;
    run.total = total;
    run.done = batch.done;  // the workers have joined
    run.write_error = batch.write_error;
    run.cancelled = run.write_error.empty() && run.done < total;
    if (run.cancelled || !run.write_error.empty()) {
        remove_temps(batch.rows);
        return run;
    }
    CohortReport& c = run.report;
    c.framework = request.framework;
    c.target = request.target;
    c.as_of = request.as_of;
    c.policy = request.policy;
    c.at_risk_below = request.at_risk_below;
    // Each row carries its temporary file through the sort, in the field that
    // then receives its final name.
    c.rows = std::move(batch.rows);
    finish_cohort(c);
    for (auto& r : c.rows) run.temps.push_back(std::exchange(r.per_person_file, {}));
    if (callbacks.render_person) assign_file_names(c, options.per_person_extension);
    return run;
}

}  // namespace leadctl
