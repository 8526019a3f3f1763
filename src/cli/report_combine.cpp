// `leadctl report --combine SHARD.json...`: the JSON reports of parts of one
// cohort merged into the report of the whole (the merge is combine_cohorts's).
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "cli/report.hpp"
#include "core/render/render_cohort.hpp"
#include "core/report/cohort_combine.hpp"
#include "core/util/files.hpp"

#include <fmt/format.h>
#include <sstream>

namespace leadctl::cli {

namespace {

/// What the shards already settle cannot be given again.
void check_combine_options(const ReportOptions& o) {
    const std::pair<bool, const char*> settled[] = {
        {!o.assessment.framework.empty(), "--framework"}, {!o.assessment.target.empty(), "--target"},
        {!o.assessment.as_of.empty(), "--as-of"},         {!o.assessment.policy.empty(), "--policy"},
        {!o.per_person.empty(), "--per-person"},          {!o.per_person_format.empty(), "--per-person-format"},
        {o.at_risk_below != 0.5, "--at-risk-below"},      {o.jobs != 0, "--jobs"},
    };
    for (const auto& [given, name] : settled) {
        if (given) {
            throw UsageError(
                fmt::format("{} does not go with --combine: the shards' reports already settle it "
                            "(they must all have been made with the same options)",
                            name));
        }
    }
    for (const auto& p : o.paths) {
        if (p == "-") throw UsageError("--combine reads shard files; \"-\" (paths from standard input) is not one");
    }
}

}  // namespace

int run_report_combine(const ReportOptions& o, Context& ctx) {
    check_combine_options(o);
    check_not_an_input(ctx, o.output, o.paths);
    std::vector<std::string> texts;
    texts.reserve(o.paths.size());
    for (const auto& path : o.paths) {
        auto read = files::read(path, std::size_t{1} << 30);
        if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", path, read.error));
        texts.push_back(std::move(*read.text));
    }
    std::vector<CohortShard> shards;
    for (std::size_t i = 0; i < texts.size(); ++i) shards.push_back({o.paths[i], texts[i]});
    const auto combined = combine_cohorts(shards, [&ctx](std::string_view id) { return ctx.registry().get(id).get(); });
    for (const auto& d : combined.diagnostics.items()) ctx.print_diagnostic(d);
    if (!combined.report) {
        ctx.io().err << fmt::format("leadctl: the shards cannot be combined: {} error{}; nothing written\n",
                                    combined.diagnostics.error_count(),
                                    combined.diagnostics.error_count() == 1 ? "" : "s");
        return kExitUsage;
    }
    const CohortReport& c = *combined.report;
    print_problems(c, ctx);
    std::ostringstream out;
    Style style = o.output.empty() ? ctx.out_style() : Style{};
    style.generated = generated_on(ctx);
    find_format(kCohortFormats, o.format)->write(c, style, out);
    write_output(ctx, o.output, out.str(), o.paths);
    return c.failed > 0 ? kExitFindings : kExitOk;
}

}  // namespace leadctl::cli
