// `leadctl assess LOG --framework F`: one person's gap report.
#include "core/assess.hpp"
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/bundled.hpp"
#include "core/files.hpp"
#include "core/render_assess.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct AssessOptions {
    /// the evidence log
    std::string log;
    /// --framework: the framework to assess against
    std::string framework;
    /// --target: a profile of the framework (default: the person's stage)
    std::string target;
    /// --as-of: the day of the report (default today)
    std::string as_of;
    /// --policy: a policy file overriding the defaults
    std::string policy;
    /// --format: text, markdown, json or html
    std::string format = "text";
    /// --output: write here atomically
    std::string output;
    /// --fail-on-gaps: exit 1 when a required item is not met
    bool fail_on_gaps = false;
};

int run_assess(const AssessOptions& o, Context& ctx) {
    auto fw = ctx.framework(o.framework);
    Policy policy;
    if (!o.policy.empty()) {
        auto read = files::read(o.policy);
        if (!read.text) throw UsageError(fmt::format("cannot read --policy {}: {}", o.policy, read.error));
        auto load = load_policy(*read.text, o.policy);
        for (const auto& d : load.diagnostics.items()) ctx.print_diagnostic(d);
        if (load.diagnostics.has_errors()) return kExitUsage;
        policy = load.policy;
    }
    auto opportunities = load_opportunities(bundled_opportunities(), "bundled:opportunities.yaml").opportunities;

    // Read the log once: validate it, and feed the assessor as entries stream by.
    // The assessor needs the profile, which may come from the person's stage, so
    // entries are kept only as long as the person is not yet known (YAML logs put
    // the person first; CSV and JSON Lines give it on the first line).
    LogReadOptions read;
    read.as_of = as_of_date(o.as_of);
    Diagnostics diags;
    Diagnostics index_diags;
    const auto& index = ctx.registry().crosswalk_index(index_diags);
    const auto lookup = [&ctx](std::string_view id) { return ctx.registry().get(id).get(); };
    std::optional<Person> person;
    std::vector<Entry> waiting;
    std::unique_ptr<Assessor> assessor;
    const Profile* profile = nullptr;
    // The profile to assess against: --target, else the person's stage. Returns an
    // error message when it cannot be told (yet).
    auto resolve_profile = [&]() -> std::string {
        std::vector<std::string> ids;
        for (const auto& p : fw->profiles) ids.push_back(p.id);
        if (ids.empty()) return fmt::format("{} has no profiles to assess against", fw->id);
        std::string target = o.target;
        if (target.empty() && person && fw->profile(person->stage)) target = person->stage;
        if (target.empty()) {
            return fmt::format("say which profile of {} to assess against: --target {}{}", fw->id, text::join(ids, "|"),
                               person && !person->stage.empty()
                                   ? fmt::format(" (the person's stage \"{}\" is not one)", person->stage)
                                   : "");
        }
        profile = fw->profile(target);
        if (!profile) {
            return fmt::format("{} has no profile \"{}\"{}; profiles: {}", fw->id, target,
                               text::did_you_mean(target, ids), text::join(ids, ", "));
        }
        return {};
    };
    auto try_start = [&]() -> std::string {
        if (assessor) return {};
        if (auto err = resolve_profile(); !err.empty()) return err;
        assessor = std::make_unique<Assessor>(*fw, *profile, read.as_of, policy, index, lookup, opportunities);
        if (person) assessor->person(*person);
        for (const auto& e : waiting) assessor->entry(e);
        waiting.clear();
        return {};
    };
    const auto r = read_log(
        ctx, o.log, read, diags, [&](const Person& p) { person = p; },
        [&](const Entry& e, const EvidenceChecker&) {
            if (!assessor && (person || !o.target.empty())) (void)try_start();
            if (assessor) {
                assessor->entry(e);
            } else {
                waiting.push_back(e);
            }
        });
    diags.sort();
    for (const auto& d : diags.items()) ctx.print_diagnostic(d);
    if (!r.readable) return kExitUsage;
    if (diags.has_errors()) {
        ctx.io().err << fmt::format("leadctl: {} has errors; fix them first (leadctl evidence validate {})\n", o.log,
                                    o.log);
        return kExitUsage;
    }
    if (auto err = try_start(); !err.empty()) throw UsageError(err);
    Assessment a = assessor->finish();
    if (person) a.person = *person;
    std::string out;
    if (o.format == "json") {
        out = render_assess_json(a);
    } else if (o.format == "markdown") {
        out = render_assess_markdown(a);
    } else if (o.format == "html") {
        out = render_assess_html(a);
    } else {
        out = render_assess_text(a, o.output.empty() ? ctx.out_style() : Style{});
    }
    write_output(ctx, o.output, out, {o.log});
    if (o.fail_on_gaps && a.met < a.assessed) return kExitFindings;
    return kExitOk;
}

}  // namespace

void setup_assess(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<AssessOptions>();
    auto* cmd = app.add_subcommand("assess", "Gap report: one person's evidence against a framework and a target");
    cmd->add_option("log", opt->log, "The person's evidence log (.yaml, .csv or .jsonl)")->required()->type_name("LOG");
    cmd->add_option("--framework", opt->framework, "Framework to assess against (mlcf, hlm, fmlm, ...)")
        ->required()
        ->type_name("ID");
    cmd->add_option("--target", opt->target, "Profile of the framework (default: the person's stage)")
        ->type_name("PROFILE");
    cmd->add_option("--as-of", opt->as_of, "Day of the report (default: today)")->type_name("YYYY-MM-DD");
    cmd->add_option("--policy", opt->policy, "Policy file overriding the rules' defaults (leadctl-policy(5))")
        ->type_name("FILE");
    cmd->add_option("--format", opt->format, "Output format: text (default), markdown, json or html")
        ->check(CLI::IsMember({"text", "markdown", "json", "html"}).description(""))
        ->type_name("FORMAT");
    cmd->add_option("-o,--output", opt->output, "Write the report to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_flag("--fail-on-gaps", opt->fail_on_gaps, "Exit 1 when any required item is not met");
    cmd->footer(R"(An item is met with at least 2 counted entries of at least 2 types, one of them
signed off (and the target level, where the profile sets one). Entries count
toward the item they are tagged to, its parents, and, through the crosswalks,
items of other frameworks (exact, close or broad mappings); each entry counts
toward at most 3 items and only within 3 years before --as-of. All of these are
policy settings (leadctl-policy(5)).

Exit status: 0 report written, 1 with --fail-on-gaps when a required item is
not met, 2 when the log has errors or the command line is wrong.

Examples:
  leadctl assess examples/logs/foundation-f2.yaml --framework mlcf --as-of 2026-11-25
  leadctl assess log.yaml --framework fmlm --target fellow --format html -o report.html
  leadctl assess log.yaml --framework hlm --target proficient --format json)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_assess(*opt, ctx); });
}

}  // namespace leadctl::cli
