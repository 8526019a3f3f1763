// `leadctl evidence stats LOG...`: entries per framework item, per type, per year.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/evidence/stats.hpp"
#include "core/render/render_stats.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct EvidenceStatsOptions {
    /// evidence logs, or folders of logs
    std::vector<std::string> paths;
    /// --format: text, json or csv
    std::string format = "text";
};

int run_evidence_stats(const EvidenceStatsOptions& opt, Context& ctx) {
    LogReadOptions read;
    read.as_of = as_of_date("");  // date warnings are not reported by stats
    read.privacy = false;
    const auto logs = collect_logs(opt.paths);  // a missing path is an error before anything is read
    const FrameworkSource frameworks = registry_source(ctx);
    const StatsRun run = read_stats(logs, read, frameworks);
    if (run.errors) {
        ctx.warn(
            fmt::format("{} error{} in the logs; counts include only what could be read "
                        "(see 'leadctl evidence validate')",
                        run.errors, run.errors == 1 ? "" : "s"));
    }
    ctx.io().out << find_format(kStatsFormats, opt.format)->write(run.stats, frameworks.lookup, ctx.out_style());
    return run.unreadable ? kExitUsage : kExitOk;
}

}  // namespace

void setup_evidence_stats(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<EvidenceStatsOptions>();
    auto* cmd = parent.add_subcommand("stats", "Count entries per framework item, per type and per year");
    cmd->add_option("paths", opt->paths, "Evidence logs, or folders searched for logs")->required()->type_name("LOG");
    add_format_option(*cmd, opt->format, kStatsFormats);
    cmd->footer(R"(An entry tagged to an item by code or by alias counts once for that item.
Errors in a log are summarised on standard error; run 'leadctl evidence
validate' to see them.

Examples:
  leadctl evidence stats examples/logs/foundation-f2.yaml
  leadctl evidence stats --format csv examples/cohort/ > cohort-stats.csv)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_evidence_stats(*opt, ctx); });
}

}  // namespace leadctl::cli
