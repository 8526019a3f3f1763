// `leadctl report --framework F PATH...`: a whole cohort's gap reports, in
// parallel. Each log is streamed, assessed and dropped, leaving one small row;
// a log that cannot be assessed becomes an error row, not the end of the batch.
// Every output goes to a temporary file renamed at the end, so an interrupted
// run (SIGINT, SIGTERM) leaves nothing behind.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "core/assess/assess_log.hpp"
#include "core/registry/bundled.hpp"
#include "core/render/render_assess.hpp"
#include "core/render/render_cohort.hpp"
#include "core/report/cohort.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace leadctl::cli {

namespace {

struct ReportOptions {
    /// logs or folders; "-" reads paths from standard input
    std::vector<std::string> paths;
    /// --framework
    std::string framework;
    /// --target: one profile for everyone (default: each person's stage)
    std::string target;
    /// --as-of
    std::string as_of;
    /// --policy
    std::string policy;
    /// --format: text, csv, json, markdown or html
    std::string format = "text";
    /// --output
    std::string output;
    /// --per-person: a folder for each person's full report
    std::string per_person;
    /// --per-person-format: text, markdown, json or html
    std::string per_person_format;
    /// --jobs: worker threads (0: the number of cores)
    unsigned jobs = 0;
    /// --at-risk-below: coverage under which a person is listed as at risk
    double at_risk_below = 0.5;
    /// --quiet: no progress bar
    bool quiet = false;
};

/// Paths named, "-" replaced by the lines of standard input (blank lines and
/// surrounding spaces ignored), then folders searched for logs.
std::vector<std::string> gather_paths(const ReportOptions& o, Context& ctx) {
    std::vector<std::string> named;
    bool stdin_read = false;
    for (const auto& p : o.paths) {
        if (p != "-") {
            named.push_back(p);
            continue;
        }
        if (stdin_read) throw UsageError("\"-\" (read paths from standard input) may be given only once");
        stdin_read = true;
        if (!ctx.io().in) throw UsageError("no standard input to read paths from");
        std::string line;
        while (std::getline(*ctx.io().in, line)) {
            auto t = std::string(text::trim(line));
            if (!t.empty()) named.push_back(std::move(t));
        }
        if (InterruptGuard::interrupted()) return {};
    }
    return collect_logs(named);
}

std::string extension_of(const std::string& format) {
    if (format == "markdown") return ".md";
    if (format == "json") return ".json";
    if (format == "html") return ".html";
    return ".txt";
}

std::string render_person(const Assessment& a, const std::string& format) {
    if (format == "markdown") return render_assess_markdown(a);
    if (format == "json") return render_assess_json(a);
    if (format == "html") return render_assess_html(a);
    return render_assess_text(a, Style{});
}

std::string duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02}", s / 60, s % 60);
}

/// "[#####.....] 120/2000 logs  35.2/s  ETA 0:53", redrawn in place.
std::string progress_line(std::size_t done, std::size_t total, double elapsed, std::size_t width) {
    const std::size_t bar = width > 70 ? 30 : 15;
    const std::size_t filled = total ? bar * done / total : bar;
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    std::string eta = rate > 0 ? duration(static_cast<double>(total - done) / rate) : "-";
    return fmt::format("\r[{}{}] {}/{} logs  {:.1f}/s  ETA {}\x1b[K", std::string(filled, '#'),
                       std::string(bar - filled, '.'), done, total, rate, eta);
}

int run_report(const ReportOptions& o, Context& ctx) {
    InterruptGuard guard;
    const auto& stop = InterruptGuard::flag();
    auto fw = ctx.framework(o.framework);
    if (!o.target.empty() && !fw->profile(o.target)) {
        std::string why;
        (void)choose_profile(*fw, o.target, nullptr, why);
        throw UsageError(why);
    }
    Policy policy;
    if (!load_policy_option(ctx, o.policy, policy)) return kExitUsage;
    const Date as_of = as_of_date(o.as_of);
    std::string person_format = o.per_person_format;
    if (person_format.empty()) person_format = o.format == "csv" ? "json" : o.format;
    if (!o.per_person_format.empty() && o.per_person.empty()) {
        throw UsageError("--per-person-format needs --per-person DIR");
    }

    auto paths = gather_paths(o, ctx);
    if (stop) {
        ctx.io().err << "leadctl: interrupted; nothing written\n";
        return kExitInterrupted;
    }
    if (paths.empty()) throw UsageError("no evidence logs found (.yaml, .yml, .csv, .jsonl) in the paths given");
    check_not_an_input(o.output, paths);

    bool made_dir = false;  // removed again (if still empty) when nothing is written
    if (!o.per_person.empty()) {
        std::error_code ec;
        made_dir = !std::filesystem::exists(o.per_person, ec);
        std::filesystem::create_directories(o.per_person, ec);
        if (ec || !std::filesystem::is_directory(o.per_person)) {
            throw UsageError(fmt::format("--per-person {}: cannot use it as a folder{}", o.per_person,
                                         ec ? ": " + ec.message() : ""));
        }
    }

    // Everything the workers read is built here, before they start: every
    // framework parsed, the crosswalk index merged, the opportunities loaded.
    std::map<std::string, std::shared_ptr<const Framework>, std::less<>> loaded;
    for (const auto& id : ctx.registry().ids()) loaded[id] = ctx.registry().get(id);
    const FrameworkSource frameworks{[&loaded](std::string_view id) -> const Framework* {
                                         auto it = loaded.find(id);
                                         return it == loaded.end() ? nullptr : it->second.get();
                                     },
                                     ctx.registry().ids()};
    Diagnostics index_diags;
    const CrosswalkIndex& index = ctx.registry().crosswalk_index(index_diags);
    const auto opportunities = load_opportunities(bundled_opportunities(), "bundled:opportunities.yaml").opportunities;

    AssessLogRequest req;
    req.framework = fw.get();
    req.target = o.target;
    req.as_of = as_of;
    req.policy = policy;
    req.index = &index;
    req.frameworks = &frameworks;
    req.opportunities = &opportunities;
    req.cancel = &stop;

    const std::size_t n = paths.size();
    std::vector<CohortRow> rows(n);
    std::vector<std::string> temps(n);  // per-person reports waiting to be renamed
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex mu;
    std::condition_variable cv;
    std::string worker_error;  // a per-person file that could not be written

    auto work = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n || stop.load(std::memory_order_relaxed)) break;
            CohortRow row;
            try {
                const auto r = assess_log(paths[i], req);
                row = make_row({}, r);  // the path is moved in after the run: one copy only
                if (row.ok && !o.per_person.empty()) {
                    auto t =
                        files::write_temp(o.per_person, "leadctl-report", render_person(*r.assessment, person_format));
                    if (t.error.empty()) {
                        temps[i] = t.path;
                    } else {
                        std::lock_guard lock(mu);
                        if (worker_error.empty()) worker_error = t.error;
                    }
                }
            } catch (const std::exception& e) {
                row = CohortRow{};
                row.failure = fmt::format("internal error: {}", e.what());
                ++row.errors;
            }
            rows[i] = std::move(row);
            done.fetch_add(1);
            cv.notify_one();
        }
        cv.notify_one();
    };

    unsigned jobs = o.jobs ? o.jobs : std::max(1U, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
    const bool progress = !o.quiet && ctx.io().err_is_terminal;
    const auto started = std::chrono::steady_clock::now();
    {
        std::vector<std::jthread> workers;
        workers.reserve(jobs);
        for (unsigned k = 0; k < jobs; ++k) workers.emplace_back(work);
        std::unique_lock lock(mu);
        while (done.load() < n && !stop.load()) {
            cv.wait_for(lock, std::chrono::milliseconds(100));
            if (progress) {
                const double elapsed =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                ctx.io().err << progress_line(done.load(), n, elapsed, ctx.io().terminal_width) << std::flush;
            }
        }
        lock.unlock();
    }  // the workers finish their current log (or stop at the next entry) and join here
    if (progress) ctx.io().err << "\r\x1b[K" << std::flush;

    auto discard_temps = [&] {
        for (const auto& t : temps) {
            if (!t.empty()) ::unlink(t.c_str());
        }
        if (made_dir) ::rmdir(o.per_person.c_str());
    };
    if (stop) {
        discard_temps();
        ctx.io().err << fmt::format("leadctl: interrupted after {} of {} logs; nothing written\n", done.load(), n);
        return kExitInterrupted;
    }
    if (!worker_error.empty()) {
        discard_temps();
        throw UsageError(fmt::format("--per-person {}: {}", o.per_person, worker_error));
    }

    CohortReport c;
    c.framework = fw.get();
    c.target = o.target;
    c.as_of = as_of;
    c.policy = policy;
    c.at_risk_below = o.at_risk_below;
    // Rows and their temporary files move together through the sort.
    for (std::size_t i = 0; i < n; ++i) {
        rows[i].path = std::move(paths[i]);
        rows[i].per_person_file = temps[i];
    }
    c.rows = std::move(rows);
    finish_cohort(c);
    std::vector<std::string> sorted_temps;
    for (auto& r : c.rows) sorted_temps.push_back(std::exchange(r.per_person_file, {}));
    if (!o.per_person.empty()) assign_file_names(c, extension_of(person_format));

    // Problems, in row order: the logs that could not be assessed, and people in two logs.
    std::size_t warnings = 0, warned_logs = 0;
    for (const auto& r : c.rows) {
        if (r.warnings > 0) {
            warnings += r.warnings;
            ++warned_logs;
        }
        if (r.ok) continue;
        for (std::size_t k = 0; k < r.problems.size() && k < 5; ++k) ctx.print_diagnostic(r.problems[k]);
        if (r.errors > 5) ctx.io().err << fmt::format("  ... and {} more problems in {}\n", r.errors - 5, r.path);
        ctx.io().err << fmt::format("leadctl: {}: not assessed: {}\n", r.path, r.failure);
    }
    for (std::size_t i = 1; i < c.rows.size(); ++i) {
        const auto& a = c.rows[i - 1];
        const auto& b = c.rows[i];
        if (!a.person.id.empty() && a.person.id == b.person.id) {
            ctx.warn(fmt::format("person {} is in more than one log ({} and {})", b.person.id, a.path, b.path));
        }
    }
    if (warnings > 0) {
        ctx.warn(fmt::format("{} warning{} in {} log{} (leadctl evidence validate shows them)", warnings,
                             warnings == 1 ? "" : "s", warned_logs, warned_logs == 1 ? "" : "s"));
    }

    // The CSV is streamed (row by row) into the output; the other formats are
    // rendered whole first.
    std::string out;
    if (o.format == "json") {
        out = render_cohort_json(c);
    } else if (o.format == "markdown") {
        out = render_cohort_markdown(c);
    } else if (o.format == "html") {
        out = render_cohort_html(c);
    } else if (o.format == "text") {
        out = render_cohort_text(c, o.output.empty() ? ctx.out_style() : Style{});
    }
    std::optional<files::AtomicFile> file;
    if (!o.output.empty() && o.output != "-") {
        file.emplace(o.output);
        if (!file->error().empty()) throw UsageError(file->error());
    }
    std::ostream& sink = file ? file->stream() : ctx.io().out;
    if (o.format == "csv") {
        write_cohort_csv(c, sink);
    } else {
        sink << out;
    }

    // Commit: per-person files first, then the report that names them.
    if (!o.per_person.empty()) {
        std::set<std::filesystem::path> inputs;
        for (const auto& r : c.rows) inputs.insert(std::filesystem::weakly_canonical(r.path));
        for (std::size_t i = 0; i < c.rows.size(); ++i) {
            if (sorted_temps[i].empty()) continue;
            const auto target = (std::filesystem::path(o.per_person) / c.rows[i].per_person_file).string();
            if (inputs.count(std::filesystem::weakly_canonical(target)) != 0) {
                for (std::size_t k = i; k < sorted_temps.size(); ++k) {
                    if (!sorted_temps[k].empty()) ::unlink(sorted_temps[k].c_str());
                }
                throw UsageError(
                    fmt::format("--per-person {}: refusing to overwrite the input {}", o.per_person, target));
            }
            if (auto err = files::commit_temp(sorted_temps[i], target); !err.empty()) {
                for (std::size_t k = i + 1; k < sorted_temps.size(); ++k) {
                    if (!sorted_temps[k].empty()) ::unlink(sorted_temps[k].c_str());
                }
                throw UsageError(err);
            }
        }
    }
    if (file) {
        if (auto err = file->commit(); !err.empty()) throw UsageError(err);
    }
    return c.failed > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", "Cohort report: many people's logs against one framework, in parallel");
    cmd->add_option("paths", opt->paths, "Logs, or folders searched for them; - reads paths from standard input")
        ->required()
        ->type_name("PATH...");
    cmd->add_option("--framework", opt->framework, "Framework to assess against (mlcf, hlm, fmlm, ...)")
        ->required()
        ->type_name("ID");
    cmd->add_option("--target", opt->target, "One profile for everyone (default: each person's stage)")
        ->type_name("PROFILE");
    cmd->add_option("--as-of", opt->as_of, "Day of the report (default: today)")->type_name("YYYY-MM-DD");
    cmd->add_option("--policy", opt->policy, "Policy file overriding the rules' defaults (leadctl-policy(5))")
        ->type_name("FILE");
    cmd->add_option("--format", opt->format, "Output format: text (default), csv, json, markdown or html")
        ->check(CLI::IsMember({"text", "csv", "json", "markdown", "html"}).description(""))
        ->type_name("FORMAT");
    cmd->add_option("-o,--output", opt->output, "Write the report to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_option("--per-person", opt->per_person, "Also write each person's full report into DIR")->type_name("DIR");
    cmd->add_option("--per-person-format", opt->per_person_format,
                    "Format of those: text, markdown, json or html (default: --format; json for csv)")
        ->check(CLI::IsMember({"text", "markdown", "json", "html"}).description(""))
        ->type_name("FORMAT");
    cmd->add_option("-j,--jobs", opt->jobs, "Logs assessed at once (default: the number of cores)")
        ->check(CLI::Range(1U, 1024U).description(""))
        ->type_name("N");
    cmd->add_option("--at-risk-below", opt->at_risk_below, "List people whose coverage is below this (default 0.5)")
        ->check(CLI::Validator(
            [](const std::string& v) -> std::string {
                double x = -1;
                try {
                    x = std::stod(v);
                } catch (const std::exception&) {
                }
                return x >= 0 && x <= 1 ? "" : "\"" + v + "\" is not a fraction from 0 to 1 (0.5 is 50%)";
            },
            ""))
        ->type_name("FRACTION");
    cmd->add_flag("-q,--quiet", opt->quiet, "No progress bar (it is shown only when stderr is a terminal)");
    cmd->footer(R"(Each log is assessed as `leadctl assess` would (same rules and policy). Rows
are sorted by person id, then path, whatever --jobs is. A log that cannot be
read or has errors is reported on stderr and becomes an error row; the rest of
the cohort is still assessed. CSV cells that a spreadsheet could run as a
formula (starting with = + - @, a tab or CR) get a leading apostrophe.

Exit status: 0 every log assessed, 1 some logs could not be assessed, 2 the
command line is wrong, 130 interrupted (nothing is written).

Examples:
  leadctl report examples/cohort --framework mlcf --as-of 2026-11-25
  leadctl report cohort/ --framework mlcf --format csv -o cohort.csv
  find logs -name '*.yaml' | leadctl report - --framework hlm --target proficient --format json
  leadctl report cohort/ --framework mlcf --format html -o cohort.html --per-person reports/)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_report(*opt, ctx); });
}

}  // namespace leadctl::cli
