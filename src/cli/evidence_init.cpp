// `leadctl evidence init [LOG]`: start an evidence log holding the person and no
// entries, in the form its name gives (.yaml, .csv, .jsonl), checked as
// `evidence validate` would check it. A new file is created atomically and never
// replaces anything already there; without LOG the log goes to standard output.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "core/evidence/new_log.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <filesystem>

namespace leadctl::cli {

namespace {

struct EvidenceInitOptions {
    /// the log to create ("" or "-": standard output, as YAML)
    std::string log;
    /// --id, --name, --stage, --programme, --ltft: the person's keys
    std::string id, name, stage, programme, ltft;
    /// --no-privacy-check
    bool no_privacy = false;
};

/// The profile ids of the frameworks on the search path: a stage may name one.
std::vector<std::string> profile_ids(Context& ctx) {
    std::vector<std::string> ids;
    for (const auto& fw_id : ctx.registry().ids()) {
        if (const auto fw = ctx.registry().get(fw_id)) {
            for (const auto& p : fw->profiles) ids.push_back(p.id);
        }
    }
    return ids;
}

int run_evidence_init(const EvidenceInitOptions& o, Context& ctx) {
    const bool to_stdout = o.log.empty() || o.log == "-";
    std::error_code ec;
    if (!to_stdout && std::filesystem::symlink_status(o.log, ec).type() != std::filesystem::file_type::not_found) {
        throw UsageError(
            fmt::format("{} already exists; evidence init starts a new log (to add to this one: "
                        "leadctl evidence add {} ...)",
                        o.log, o.log));
    }
    const LogFormat format = to_stdout ? LogFormat::yaml : detect_log_format(o.log, "");
    EvidenceCheckOptions copt;
    copt.as_of = as_of_date("");
    copt.privacy = !o.no_privacy;
    const std::vector<std::string> profiles = o.stage.empty() ? std::vector<std::string>{} : profile_ids(ctx);
    const NewLog made =
        new_log({.id = o.id, .name = o.name, .stage = o.stage, .programme = o.programme, .ltft = o.ltft}, format,
                to_stdout ? "(standard output)" : o.log, profiles, copt);
    for (const auto& d : made.diagnostics.items()) ctx.print_diagnostic(d);
    if (made.diagnostics.has_errors()) {
        ctx.io().err << "leadctl: no log was written\n";
        return kExitUsage;
    }
    if (to_stdout) {
        ctx.io().out << made.text;
        return kExitOk;
    }
    const auto created = files::create_new(o.log, made.text);
    if (created.exists) {
        throw UsageError(fmt::format("{} already exists; evidence init starts a new log", o.log));
    }
    if (!created.error.empty()) throw UsageError(created.error);
    ctx.io().out << fmt::format("started {} log {}\n", format_name(format), text::terminal_safe(o.log));
    return kExitOk;
}

}  // namespace

void setup_evidence_init(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<EvidenceInitOptions>();
    auto* cmd = parent.add_subcommand("init", "Start a new evidence log for a person");
    cmd->add_option("log", opt->log,
                    "The log to create: .yaml (the default form), .csv or .jsonl; without it, YAML on standard output")
        ->type_name("LOG");
    cmd->add_option("--id", opt->id, "The person's id, such as a trainee number (YAML, JSON Lines: required)")
        ->type_name("ID");
    cmd->add_option("--name", opt->name, "The person's name (YAML, JSON Lines: required)")->type_name("NAME");
    cmd->add_option("--stage", opt->stage, "Stage of training or career, e.g. F2, ST5, consultant")->type_name("STAGE");
    cmd->add_option("--programme", opt->programme, "Training programme or post")->type_name("TEXT");
    cmd->add_option("--ltft", opt->ltft, "Fraction of full time worked, above 0 and at most 1 (e.g. 0.8)")
        ->type_name("FRACTION");
    cmd->add_flag("--no-privacy-check", opt->no_privacy, "Do not look for patient-identifiable data in the values");
    cmd->footer(R"(The log holds the person and no entries, and passes 'leadctl evidence validate'.
Its form comes from its name, as for every log (leadctl-evidence(5)). A CSV log is
its header row with every column; it keeps the person on its entry rows, so the
person's options are refused for it. A stage that is neither a career stage word
nor a profile is a warning. An existing file is never replaced (exit status 2);
the new one is created atomically.

Examples:
  leadctl evidence init my-log.yaml --id fy-0387 --name "Callum Adeyemi" --stage F2 \
      --programme "F2, Northbridge Foundation School"
  leadctl evidence init my-log.csv
  leadctl evidence add my-log.yaml --type audit --title "VTE audit" --tag mlcf:4.1)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_evidence_init(*opt, ctx); });
}

}  // namespace leadctl::cli
