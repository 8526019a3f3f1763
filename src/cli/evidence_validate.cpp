// `leadctl evidence validate LOG...`: every problem in evidence logs, in one run.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/evidence/log_files.hpp"
#include "core/feedback/round.hpp"

#include <fmt/format.h>
#include <filesystem>

namespace leadctl::cli {

namespace {

struct EvidenceValidateOptions {
    /// evidence logs to check
    std::vector<std::string> logs;
    /// --format: text or json
    std::string format = "text";
    /// --strict: warnings fail too
    bool strict = false;
    /// --as-of: the date entries must not be after (default today)
    std::string as_of;
    /// --no-privacy-check: skip the search for patient-identifiable data
    bool no_privacy = false;
    /// --input-format: yaml, csv or jsonl instead of detecting it
    std::string input_format;
};

int run_evidence_validate(const EvidenceValidateOptions& opt, Context& ctx) {
    LogReadOptions read;
    read.as_of = as_of_date(opt.as_of);
    read.privacy = !opt.no_privacy;
    read.format = opt.input_format;
    Diagnostics all;
    all.set_limit(kMaxProblemsPerRun);
    std::size_t unreadable = 0;
    std::size_t invalid = 0;
    std::size_t dropped_in_logs = 0;  // by each log's own limit
    std::size_t dropped_errors_in_logs = 0;
    // A folder stands for the logs under it (searched as report searches), so that
    // `evidence validate examples/cohort` checks a cohort.
    std::vector<std::string> logs;
    for (const auto& path : opt.logs) {
        std::error_code ec;
        if (path == "-" || !std::filesystem::is_directory(path, ec)) {
            logs.push_back(path);
            continue;
        }
        auto found = leadctl::collect_logs({path});
        if (found.logs.empty()) {
            ++unreadable;
            all.error({path, 0, 0}, "no-logs",
                      fmt::format("no evidence logs ({}) under this folder", log_extensions_text()));
        }
        for (auto& l : found.logs) logs.push_back(std::move(l));
    }
    for (const auto& path : logs) {
        Diagnostics d;
        const auto r = read_log(ctx, path, read, d, nullptr, nullptr);
        if (!r.readable) ++unreadable;
        // The 360 rounds the log lists are checked too (leadctl-feedback(5)).
        for (const auto& f : r.feedback) {
            (void)read_listed_round(path, f.path, f.location, registry_source(ctx).lookup, d);
        }
        d.sort();
        if (d.error_count() > 0 || (opt.strict && d.warning_count() > 0)) ++invalid;
        dropped_in_logs += d.dropped();
        dropped_errors_in_logs += d.dropped_errors();
        all.append(d);
    }
    if (const std::size_t more = all.dropped() - dropped_in_logs; more > 0) {
        const bool errors = all.dropped_errors() > dropped_errors_in_logs;
        all.add_in_place_of_dropped({errors ? Severity::error : Severity::warning,
                                     "too-many-problems",
                                     fmt::format("... and {} more problem{} in these logs, counted but not shown "
                                                 "(at most {} are printed in one run)",
                                                 more, more == 1 ? "" : "s", kMaxProblemsPerRun),
                                     {"", 0, 0}});
    }
    return report_diagnostics(ctx, all, logs.size(), opt.format, opt.strict, unreadable, invalid);
}

}  // namespace

void setup_evidence_validate(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<EvidenceValidateOptions>();
    auto* cmd = parent.add_subcommand("validate", "Check evidence logs and report every problem found");
    cmd->add_option("logs", opt->logs, "Evidence logs (.yaml, .csv, .jsonl) to check, or folders of them")
        ->required()
        ->type_name("LOG");
    cmd->add_option("--format", opt->format, "Output format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}).description(""))
        ->type_name("FORMAT");
    cmd->add_flag("--strict", opt->strict, "Treat warnings as errors");
    cmd->add_option("--as-of", opt->as_of, "Entries dated after this day are flagged (default: today)")
        ->type_name("YYYY-MM-DD");
    cmd->add_flag("--no-privacy-check", opt->no_privacy,
                  "Do not look for NHS numbers, dates of birth, record numbers or postcodes");
    cmd->add_option("--input-format", opt->input_format, "Read logs as yaml, csv or jsonl (default: from the name)")
        ->check(CLI::IsMember({"yaml", "csv", "jsonl"}).description(""))
        ->type_name("FORMAT");
    cmd->footer(R"(Each problem is printed as FILE:LINE:COL: error|warning: [CODE] message.
Exit status: 0 no errors (warnings alone do not fail unless --strict), 1 errors,
2 a log could not be read or the command line is wrong.

Patient-identifiable data (an NHS number with a valid check digit, a date of
birth, a hospital or record number, a full postcode) in free text is warned
about, with all but the last two characters masked.

Examples:
  leadctl evidence validate examples/logs/*.yaml
  leadctl evidence validate --as-of 2026-08-01 --format json my-log.csv)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_evidence_validate(*opt, ctx); });
}

}  // namespace leadctl::cli
