// `leadctl assess LOG --framework F`: one person's gap report.
#include "cli/assessment_options.hpp"
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/assess/assess_log.hpp"
#include "core/registry/bundled.hpp"
#include "core/render/render_assess.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct AssessOptions {
    /// the evidence log
    std::string log;
    /// --framework, --target, --as-of, --policy
    AssessmentOptions assessment;
    /// --format: text, markdown, json or html
    std::string format = "text";
    /// --output: write here atomically
    std::string output;
    /// --fail-on-gaps: exit 1 when a required item is not met
    bool fail_on_gaps = false;
};

int run_assess(const AssessOptions& o, Context& ctx) {
    const auto settings = resolve_assessment_options(o.assessment, ctx);
    if (!settings) return kExitUsage;
    const auto opportunities = ctx.registry().opportunities(bundled_opportunities());
    Diagnostics index_diags;
    const FrameworkSource frameworks = registry_source(ctx);
    AssessLogRequest req;
    req.framework = settings->framework.get();
    req.target = settings->target;
    req.as_of = settings->as_of;
    req.policy = settings->policy;
    req.index = &ctx.registry().crosswalk_index(index_diags);
    req.frameworks = &frameworks;
    req.opportunities = &opportunities;
    auto r = assess_log(o.log, req);
    for (const auto& d : r.diagnostics.items()) ctx.print_diagnostic(d);
    switch (r.failure) {
        case AssessFailure::none:
            break;
        case AssessFailure::unreadable:
        case AssessFailure::cancelled:
            return kExitUsage;
        case AssessFailure::invalid:
            ctx.io().err << fmt::format("leadctl: {} has errors; fix them first (leadctl evidence validate {})\n",
                                        text::terminal_safe(o.log), text::terminal_safe(o.log));
            return kExitUsage;
        case AssessFailure::no_profile:
            throw UsageError(r.message);
    }
    const Assessment& a = *r.assessment;
    const auto* format = find_format(kAssessFormats, o.format);  // CLI11 has checked the name
    Style style = o.output.empty() ? ctx.out_style() : Style{};
    style.generated = generated_on(ctx);
    write_output(ctx, o.output, format->write(a, style), {o.log});
    if (o.fail_on_gaps && a.met < a.assessed) return kExitFindings;
    return kExitOk;
}

}  // namespace

void setup_assess(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<AssessOptions>();
    auto* cmd = app.add_subcommand("assess", "Gap report: one person's evidence against a framework and a target");
    cmd->add_option("log", opt->log, "The person's evidence log (.yaml, .csv or .jsonl)")->required()->type_name("LOG");
    add_assessment_options(*cmd, opt->assessment, "Profile of the framework (default: the person's stage)");
    add_format_option(*cmd, opt->format, kAssessFormats);
    cmd->add_option("-o,--output", opt->output, "Write the report to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_flag("--fail-on-gaps", opt->fail_on_gaps, "Exit 1 when any required item is not met");
    cmd->footer(R"(An item is met with at least 2 counted entries of at least 2 types, one of them
signed off (and the target level, where the profile sets one). Entries count
toward the item they are tagged to, its parents, and, through the crosswalks,
items of other frameworks (exact, close or broad mappings); each entry counts
toward at most 3 items and only within 3 years before --as-of. All of these are
policy settings (leadctl-policy(5)).

The report opens with "Your next steps": at most 5 actions (a sign-off to get,
a level to show, or an opportunity that suits the person's career stage), each
chosen for the most unmet items it would close, and ends with what each item
still needs. Without --target, the profile comes from the person's stage: a
profile id, or words such as F2, ST5, medical student or consultant
(leadctl-evidence(5)).

Exit status: 0 report written, 1 with --fail-on-gaps when a required item is
not met, 2 when the log has errors or the command line is wrong.

Examples:
  leadctl assess examples/logs/foundation-f2.yaml --framework mlcf --as-of 2026-11-25
  leadctl assess log.yaml --framework fmlm --target fellow --format html -o report.html
  leadctl assess log.yaml --framework hlm --target proficient --format json)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_assess(*opt, ctx); });
}

}  // namespace leadctl::cli
