// `leadctl report --framework F PATH...`: a whole cohort's gap reports, in
// parallel (the run itself is run_cohort's). Each log is streamed, assessed and
// dropped, leaving one small row; a log that cannot be assessed becomes an error
// row, not the end of the batch. Every output goes to a temporary file renamed
// at the end, so an interrupted run (SIGINT, SIGTERM) leaves nothing behind.
#include "cli/report.hpp"
#include "cli/assessment_options.hpp"
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "cli/per_person.hpp"
#include "cli/progress_bar.hpp"
#include "core/evidence/log_files.hpp"
#include "core/render/render_assess.hpp"
#include "core/render/render_cohort.hpp"
#include "core/report/cohort_run.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>
#include <utility>

namespace leadctl::cli {

namespace {

/// Paths named, "-" replaced by the lines of standard input (blank lines and
/// surrounding spaces ignored), then folders searched for logs.
/// The logs named by `words` (taken: a cohort's paths are not held twice).
std::vector<std::string> gather_paths(std::vector<std::string> words, Context& ctx) {
    std::vector<std::string> named;
    bool stdin_read = false;
    for (auto& p : words) {
        if (p != "-") {
            named.push_back(std::move(p));
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
    return collect_logs(std::move(named));
}

}  // namespace

namespace {

/// The --per-person folder as a relative URL from where the report is written
/// (the working directory for standard output), ending in "/".
std::string link_to(const std::string& dir, const std::string& output) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path from =
        (output.empty() || output == "-") ? fs::current_path(ec) : fs::absolute(output, ec).parent_path();
    fs::path rel = fs::absolute(dir, ec).lexically_normal().lexically_relative(from.lexically_normal());
    if (rel.empty()) rel = fs::absolute(dir, ec);
    std::string out;
    for (char ch : rel.generic_string()) {
        switch (ch) {
            case ' ':
                out += "%20";
                break;
            case '#':
                out += "%23";
                break;
            case '?':
                out += "%3F";
                break;
            case '%':
                out += "%25";
                break;
            default:
                out += ch;
        }
    }
    if (out.empty() || out == ".") return "./";
    return out.back() == '/' ? out : out + "/";
}

}  // namespace

void print_problems(const CohortReport& c, Context& ctx) {
    std::size_t warnings = 0, warned_logs = 0;
    for (const auto& r : c.rows) {
        if (r.warnings > 0) {
            warnings += r.warnings;
            ++warned_logs;
        }
        if (r.ok) continue;
        for (std::size_t k = 0; k < r.problems.size() && k < 5; ++k) ctx.print_diagnostic(r.problems[k]);
        const std::string path = text::terminal_safe(r.path.str());
        if (r.errors > 5) ctx.io().err << fmt::format("  ... and {} more problems in {}\n", r.errors - 5, path);
        ctx.io().err << fmt::format("leadctl: {}: not assessed: {}\n", path, text::terminal_safe(r.failure));
    }
    for (std::size_t i = 1; i < c.rows.size(); ++i) {
        const auto& a = c.rows[i - 1];
        const auto& b = c.rows[i];
        if (!a.person.id.empty() && a.person.id == b.person.id) {
            ctx.warn(fmt::format("person {} is in more than one log ({} and {})", b.person.id, a.path, b.path));
        }
    }
    // Privacy findings are named per log (kind and place; the identifier itself
    // is never printed), so that whoever runs the report can have them removed.
    for (const auto& r : c.rows) {
        if (r.privacy_count == 0) continue;
        std::vector<std::string> where;
        for (const auto& d : r.privacy) {
            where.push_back(fmt::format("{} at {}:{}", d.code, d.location.line, d.location.column));
        }
        if (r.privacy_count > r.privacy.size())
            where.push_back(fmt::format("{} more", r.privacy_count - r.privacy.size()));
        ctx.warn(fmt::format("{}: {} privacy finding{}: {}", r.path, r.privacy_count, r.privacy_count == 1 ? "" : "s",
                             text::join(where, ", ")));
    }
    if (warnings > 0) {
        ctx.warn(fmt::format("{} warning{} in {} log{} (leadctl evidence validate shows them)", warnings,
                             warnings == 1 ? "" : "s", warned_logs, warned_logs == 1 ? "" : "s"));
    }
}

namespace {

/// The cohort report to -o FILE (atomically) or standard output; per-person files
/// are committed first, so that the report never names a file that is not there.
void write_report(const ReportOptions& o, const CohortRun& run, const PerPersonOutput& per_person, Context& ctx) {
    std::optional<files::AtomicFile> file;
    if (!o.output.empty() && o.output != "-") {
        check_not_an_input(ctx, o.output, {});
        file.emplace(o.output);
        if (!file->error().empty()) throw UsageError(file->error());
    }
    std::ostream& sink = file ? file->stream() : ctx.io().out;
    Style style = o.output.empty() ? ctx.out_style() : Style{};
    style.generated = generated_on(ctx);
    find_format(kCohortFormats, o.format)->write(run.report, style, sink);
    if (per_person.enabled()) per_person.commit(run, ctx.inputs());
    if (file) {
        if (auto err = file->commit(); !err.empty()) throw UsageError(err);
    }
}

int run_report(const ReportOptions& o, std::vector<std::string> words, Context& ctx) {
    InterruptGuard guard;
    const auto& stop = InterruptGuard::flag();
    const auto settings = resolve_assessment_options(o.assessment, ctx);
    if (!settings) return kExitUsage;
    if (!o.per_person_format.empty() && o.per_person.empty()) {
        throw UsageError("--per-person-format needs --per-person DIR");
    }
    auto paths = gather_paths(std::move(words), ctx);
    if (stop) {
        ctx.io().err << "leadctl: interrupted; nothing written\n";
        return kExitInterrupted;
    }
    if (paths.empty()) {
        throw UsageError(fmt::format("no evidence logs found ({}) in the paths given", log_extensions_text()));
    }
    check_not_an_input(ctx, o.output, paths);
    std::string person_format = o.per_person_format;
    if (person_format.empty()) person_format = o.format == "csv" ? "json" : o.format;
    PerPersonOutput per_person(o.per_person, person_format, generated_on(ctx));

    const CohortSnapshot snapshot(ctx.registry());
    const CohortRequest request{settings->framework.get(), settings->target, settings->as_of, settings->policy,
                                o.at_risk_below};
    const unsigned jobs = o.jobs ? o.jobs : std::max(1U, std::thread::hardware_concurrency());
    const CohortOptions options{jobs, o.per_person, per_person.extension()};
    ProgressBar bar(ctx, !o.quiet && ctx.io().err_is_terminal);
    CohortCallbacks callbacks{[&bar](std::size_t done, std::size_t total) { bar.draw(done, total); }, {}};
    if (per_person.enabled()) callbacks.render_person = [&](const Assessment& a) { return per_person.render(a); };
    auto run = run_cohort(std::move(paths), snapshot, request, options, callbacks, stop);
    bar.clear();
    if (run.cancelled || stop) {
        remove_temps(run.temps);
        ctx.io().err << fmt::format("leadctl: interrupted after {} of {} logs; nothing written\n", run.done, run.total);
        return kExitInterrupted;
    }
    if (!run.write_error.empty()) throw UsageError(fmt::format("--per-person {}: {}", o.per_person, run.write_error));
    const auto& rows = run.report.rows;
    const auto unprofiled = std::count_if(rows.begin(), rows.end(), [](const CohortRow& r) { return r.no_profile; });
    if (unprofiled > 0 && std::none_of(rows.begin(), rows.end(), [](const CohortRow& r) { return r.ok; })) {
        // No one's stage chose a profile: one usage error, not one per log (the other
        // logs' own problems are still shown), and no report of nobody.
        CohortReport others;
        for (const auto& r : rows) {
            if (!r.no_profile) others.rows.push_back(r);
        }
        print_problems(others, ctx);
        remove_temps(run.temps);
        std::vector<std::string> ids;
        for (const auto& p : settings->framework->profiles) ids.push_back(p.id);
        throw UsageError(fmt::format(
            "no profile of {} could be chosen from the stage of {} of the {} people; say which to assess against: "
            "--target {}",
            settings->framework->id, unprofiled, rows.size(), text::join(ids, "|")));
    }
    print_problems(run.report, ctx);
    per_person.keep();
    if (per_person.enabled()) run.report.per_person_href = link_to(per_person.dir(), o.output);
    write_report(o, run, per_person, ctx);
    return run.report.failed > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", "Cohort report: many people's logs against one framework, in parallel");
    auto* paths =
        cmd->add_option("paths", opt->paths, "Logs, or folders searched for them; - reads paths from standard input")
            ->required()
            ->type_name("PATH...");
    add_assessment_options(*cmd, opt->assessment, "One profile for everyone (default: each person's stage)", false);
    add_format_option(*cmd, opt->format, kCohortFormats);
    cmd->add_option("-o,--output", opt->output, "Write the report to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_option("--per-person", opt->per_person, "Also write each person's full report into DIR")->type_name("DIR");
    add_format_option(*cmd, opt->per_person_format, kAssessFormats, "--per-person-format",
                      fmt::format("Format of those: {} (default: --format; json for csv)",
                                  describe_formats(format_names(kAssessFormats), "")));
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
    cmd->add_flag("--combine", opt->combine, "PATHs are JSON reports of parts of one cohort: merge them into one");
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
  leadctl report cohort/ --framework mlcf --format html -o cohort.html --per-person reports/
  leadctl report --combine part-*.json --format html -o cohort.html   (shards of --format json))");
    cmd->callback([&ctx, &result, opt, paths] {
        if (opt->combine) {
            result.exit_code = run_report_combine(*opt, ctx);
            return;
        }
        if (opt->assessment.framework.empty()) throw CLI::RequiredError("--framework");
        // The paths are moved out and CLI11's copy of them dropped: a cohort's
        // paths are then held once (bench/report.sh measures peak RSS).
        paths->clear();
        result.exit_code = run_report(*opt, std::exchange(opt->paths, {}), ctx);
    });
}

}  // namespace leadctl::cli
