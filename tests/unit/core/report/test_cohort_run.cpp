// run_cohort on a generated cohort of small logs in a scratch folder, against
// the bundled frameworks: the rows do not depend on the number of workers, a
// bad log is an error row, and the cancel flag and progress behave as promised.
#include "core/report/cohort_run.hpp"

#include "core/registry/bundled.hpp"
#include "scratch_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

using namespace leadctl;
using leadctl::testing::ScratchDir;

namespace {

constexpr std::size_t kLogs = 40;
const char* const kTypes[] = {"teaching", "audit", "reflection", "qip"};

/// Person i's log: a few entries, each tagged to MLCF 2.1 (met once two types and
/// a sign-off are in), to another MLCF item, and some to an HLM item (reaching
/// MLCF through the crosswalk).
std::string log_text(std::size_t i) {
    std::string s = fmt::format("person:\n  id: p{:02}\n  name: Person {}\n  stage: postgraduate\nentries:\n", i, i);
    for (std::size_t k = 0; k < 2 + i % 7; ++k) {
        s += fmt::format(
            "  - id: e{}\n    date: 2026-0{}-1{}\n    type: {}\n    title: Entry {}\n    competencies: "
            "[mlcf:2.1, mlcf:{}.{}{}]\n",
            k, 1 + k % 9, k % 9, kTypes[(i + k) % 4], k, 1 + (i + k) % 5, 1 + k % 4, k % 3 == 0 ? ", hlm:2" : "");
        if ((i + k) % 2 == 0) s += "    signed_off: {by: Dr S, date: 2026-10-01}\n";
    }
    return s;
}

/// The logs in a folder, in a path order unlike the person order (p39 first).
std::vector<std::string> write_cohort(const ScratchDir& dir) {
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < kLogs; ++i)
        paths.push_back(dir.write(fmt::format("log-{:02}.yaml", kLogs - 1 - i), log_text(kLogs - 1 - i)));
    return paths;
}

/// Everything a row holds, as one line.
std::string describe(const CohortRow& r) {
    std::string s =
        fmt::format("{} {} ok={} failure='{}' errors={} warnings={} entries={} profile={} {}/{}/{}/{} {:.4f} [",
                    std::filesystem::path(r.path.str()).filename().string(), r.person.id, r.ok, r.failure, r.errors,
                    r.warnings, r.entries, r.profile, r.assessed, r.met, r.partial, r.gap, r.coverage);
    for (const auto& c : r.items) s += fmt::format("{}:{} ", to_string(c.status), c.entries);
    return s + "]";
}

std::vector<std::string> describe(const CohortReport& c) {
    std::vector<std::string> out;
    for (const auto& r : c.rows) out.push_back(describe(r));
    return out;
}

struct Fixture {
    Registry registry{bundled_frameworks(), {}, bundled_crosswalks()};
    const CohortSnapshot snapshot{registry};
    CohortRequest request;
    Fixture() {
        request.framework = snapshot.framework("mlcf");
        REQUIRE(request.framework != nullptr);
        request.as_of = Date{2026, 11, 25};
    }
    CohortRun run(const std::vector<std::string>& paths, unsigned jobs, const CohortCallbacks& callbacks = {},
                  const std::string& per_person_dir = {}) const {
        const std::atomic<bool> never{false};
        return run_cohort(paths, snapshot, request, {jobs, per_person_dir, ".txt"}, callbacks, never);
    }
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t files_in(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_SUITE("core::report::cohort_run") {
    TEST_CASE("the snapshot holds every framework of the registry, parsed, and the crosswalks merged") {
        Fixture f;
        CHECK(f.snapshot.frameworks().ids == f.registry.ids());
        for (const auto& id : f.registry.ids()) {
            REQUIRE(f.snapshot.frameworks().lookup(id) != nullptr);
            CHECK(f.snapshot.frameworks().lookup(id)->id == id);
        }
        CHECK(f.snapshot.framework("nonesuch") == nullptr);
        CHECK(f.snapshot.index().crosswalks().size() == f.registry.crosswalk_entries().size());
        CHECK_FALSE(f.snapshot.opportunities().empty());
    }

    TEST_CASE("rows are identical with one worker and with four, sorted by person id") {
        ScratchDir dir;
        const auto paths = write_cohort(dir);
        Fixture f;
        const auto one = f.run(paths, 1);
        const auto four = f.run(paths, 4);
        REQUIRE(one.report.rows.size() == kLogs);
        CHECK(describe(one.report) == describe(four.report));
        CHECK(one.report.rows.front().person.id == "p00");
        CHECK(one.report.rows.back().person.id == "p39");
        CHECK(one.report.assessed_people == 40);
        CHECK(one.report.failed == 0);
        CHECK(one.done == kLogs);
        CHECK_FALSE(one.cancelled);
        // Not a cohort of empty rows: some items are met.
        int met = 0;
        for (const auto& r : one.report.rows) met += r.met;
        CHECK(met > 0);
        CHECK(one.report.tallies.size() == one.report.item_columns.size());
    }

    TEST_CASE("each assessed person's report goes to a temporary file named for the row it belongs to") {
        ScratchDir logs;
        ScratchDir out;
        const auto paths = write_cohort(logs);
        Fixture f;
        CohortCallbacks callbacks;
        callbacks.render_person = [](const Assessment& a) { return "report of " + a.person.id + "\n"; };
        const auto run = f.run(paths, 4, callbacks, out.path());
        REQUIRE(run.temps.size() == kLogs);
        CHECK(files_in(out.path()) == kLogs);
        for (std::size_t i = 0; i < kLogs; ++i) {
            const auto& row = run.report.rows[i];
            CHECK(read_file(run.temps[i]) == "report of " + row.person.id + "\n");
            CHECK(row.per_person_file == row.person.id + ".txt");
        }
    }

    TEST_CASE("a log that cannot be assessed becomes an error row while the others are assessed") {
        ScratchDir dir;
        auto paths = write_cohort(dir);
        paths[7] = dir.write("broken.yaml", "person: {id: broken, stage: postgraduate}\nentries:\n  - id: x\n");
        paths.push_back(dir.path() + "/missing.yaml");
        Fixture f;
        for (unsigned jobs : {1U, 4U}) {
            CAPTURE(jobs);
            const auto run = f.run(paths, jobs);
            REQUIRE(run.report.rows.size() == kLogs + 1);
            CHECK(run.report.failed == 2);
            CHECK(run.report.assessed_people == 39);
            const auto& missing = run.report.rows[0];  // no person id: sorted first
            CHECK(missing.path == dir.path() + "/missing.yaml");
            CHECK_FALSE(missing.ok);
            CHECK(missing.failure == "cannot read file: No such file or directory");
            const auto& broken = run.report.rows[1];
            CHECK(broken.person.id == "broken");
            CHECK_FALSE(broken.ok);
            CHECK(broken.failure == fmt::format("{} errors in the log", broken.errors));
            CHECK(broken.errors >= 2);
        }
    }

    TEST_CASE("the cancel flag set after k logs stops the run there, says so and leaves no file behind") {
        ScratchDir logs;
        ScratchDir out;
        const auto paths = write_cohort(logs);
        Fixture f;
        std::atomic<bool> cancel{false};
        CohortCallbacks callbacks;
        callbacks.progress = [&cancel](std::size_t done, std::size_t) {
            if (done == 5) cancel = true;
        };
        callbacks.render_person = [](const Assessment& a) { return a.person.id; };
        const auto run = run_cohort(paths, f.snapshot, f.request, {1, out.path(), ".txt"}, callbacks, cancel);
        CHECK(run.cancelled);
        CHECK(run.done == 5);
        CHECK(run.total == kLogs);
        CHECK(run.report.rows.empty());
        CHECK(run.temps.empty());
        CHECK(files_in(out.path()) == 0);
    }

    TEST_CASE("a cancel flag already set stops four workers before any log") {
        ScratchDir dir;
        const auto paths = write_cohort(dir);
        Fixture f;
        const std::atomic<bool> cancel{true};
        const auto run = run_cohort(paths, f.snapshot, f.request, {4, {}, {}}, {}, cancel);
        CHECK(run.cancelled);
        CHECK(run.done == 0);
        CHECK(run.report.rows.empty());
    }

    TEST_CASE("a per-person file that cannot be written stops the run with the reason") {
        ScratchDir dir;
        const auto paths = write_cohort(dir);
        Fixture f;
        CohortCallbacks callbacks;
        callbacks.render_person = [](const Assessment& a) { return a.person.id; };
        const auto run = f.run(paths, 4, callbacks, dir.path() + "/no/such/folder");
        CHECK_FALSE(run.cancelled);
        CHECK_FALSE(run.write_error.empty());
        CHECK(run.done < kLogs);
        CHECK(run.report.rows.empty());
    }

    TEST_CASE("progress is reported after each log with one worker, and never goes back with four") {
        ScratchDir dir;
        const auto paths = write_cohort(dir);
        Fixture f;
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        CohortCallbacks callbacks;
        callbacks.progress = [&calls](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
        (void)f.run(paths, 1, callbacks);
        REQUIRE(calls.size() == kLogs);
        for (std::size_t k = 0; k < kLogs; ++k) CHECK(calls[k] == std::pair{k + 1, kLogs});

        calls.clear();
        (void)f.run(paths, 4, callbacks);
        REQUIRE_FALSE(calls.empty());
        for (std::size_t k = 1; k < calls.size(); ++k) CHECK(calls[k - 1].first <= calls[k].first);
        CHECK(calls.back() == std::pair{kLogs, kLogs});
    }
}
