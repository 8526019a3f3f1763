// `leadctl evidence add LOG ...`: append one entry to a log without rewriting what
// is already there (comments and formatting kept), after checking the new entry
// exactly as `evidence validate` would. Written atomically; on any error the log
// is left byte for byte as it was.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "core/evidence/append.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace leadctl::cli {

namespace {

struct EvidenceAddOptions {
    /// the log to append to
    std::string log;
    /// --type: one of the entry types
    std::string type;
    /// --title: what was done
    std::string title;
    /// --tag: a competency reference (repeatable)
    std::vector<std::string> tags;
    /// --date: when (default today)
    std::string date;
    /// --id: the entry id (default: made from the date and title)
    std::string id;
    /// --level: a level of the tagged framework's scale
    std::string level;
    /// --role: led, contributed or attended
    std::string role;
    /// --description, --reflection: free text
    std::string description, reflection;
    /// --signed-off-by / --signed-off-date
    std::string signed_off_by, signed_off_date;
    /// --showcase
    bool showcase = false;
    /// --attachment (repeatable)
    std::vector<std::string> attachments;
    /// --as-of: the day for date checks (default today)
    std::string as_of;
    /// --no-privacy-check
    bool no_privacy = false;
};

/// The entry as given, with the date defaulted to `today`.
NewEntry new_entry(const EvidenceAddOptions& o, const Date& today) {
    return {.id = o.id,
            .date = o.date.empty() ? today.str() : o.date,
            .type = o.type,
            .title = o.title,
            .description = o.description,
            .reflection = o.reflection,
            .competencies = o.tags,
            .level = o.level,
            .role = o.role,
            .signed_off_by = o.signed_off_by,
            .signed_off_date = o.signed_off_date,
            .showcase = o.showcase,
            .attachments = o.attachments};
}

int run_evidence_add(const EvidenceAddOptions& o, Context& ctx) {
    const Date today = as_of_date(o.as_of);
    // Held from the read to the replacement, so that parallel adds to one log run one
    // after the other (each sees the entries of the one before) instead of the last
    // rename dropping what the others added. A symbolic link is followed: the file it
    // names is the one read and replaced, and the link stays a link.
    const files::UpdateLock lock(o.log);
    if (!lock.error().empty()) throw UsageError(lock.error());
    auto read = files::read(lock.path());
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", o.log, read.error));
    const std::string& text = *read.text;
    const LogFormat format = detect_log_format(o.log, std::string_view(text).substr(0, 512));
    const Appended added = append_entry(text, o.log, format, new_entry(o, today));
    switch (added.status) {
        case AppendStatus::appended:
            break;
        case AppendStatus::not_text:
            ctx.io().err << fmt::format(
                "leadctl: {} is not UTF-8 text (run 'leadctl evidence validate {}'); nothing was added\n",
                text::terminal_safe(o.log), text::terminal_safe(o.log));
            return kExitFindings;
        case AppendStatus::unreadable:
            ctx.print_diagnostic(added.diagnostics.items().front());
            ctx.io().err << fmt::format("leadctl: {} cannot be read as an evidence log; nothing was added\n",
                                        text::terminal_safe(o.log));
            return kExitFindings;
        case AppendStatus::refused:
            throw UsageError(added.diagnostics.items().front().message);
        case AppendStatus::lossy:
            for (const auto& d : added.diagnostics.items()) ctx.print_diagnostic(d);
            ctx.io().err << fmt::format("leadctl: entry not added; {} is unchanged\n", text::terminal_safe(o.log));
            return kExitFindings;
    }

    const FrameworkSource frameworks = registry_source(ctx);
    EvidenceCheckOptions copt;
    copt.as_of = today;
    copt.privacy = !o.no_privacy;
    copt.framework_ids = frameworks.ids;
    const Diagnostics mine = check_appended(added, o.log, format, frameworks.lookup, copt);
    for (const auto& d : mine.items()) ctx.print_diagnostic(d);
    if (mine.has_errors()) {
        const bool privacy = std::any_of(mine.items().begin(), mine.items().end(),
                                         [](const Diagnostic& x) { return x.code.starts_with("privacy-"); });
        ctx.io().err << fmt::format("leadctl: entry not added: {} error{}; {} is unchanged{}\n", mine.error_count(),
                                    mine.error_count() == 1 ? "" : "s", text::terminal_safe(o.log),
                                    privacy ? " (if a privacy finding is a false alarm, add --no-privacy-check)" : "");
        return kExitFindings;
    }
    if (auto err = files::write_atomic(lock.path(), added.text); !err.empty()) throw UsageError(err);
    ctx.io().out << fmt::format("added entry {} to {}\n", text::terminal_safe(added.id), text::terminal_safe(o.log));
    return kExitOk;
}

}  // namespace

void setup_evidence_add(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<EvidenceAddOptions>();
    auto* cmd = parent.add_subcommand("add", "Append an entry to a log, keeping the rest of the file as it is");
    cmd->add_option("log", opt->log, "The evidence log (.yaml, .csv or .jsonl) to add to")
        ->required()
        ->type_name("LOG");
    cmd->add_option("--type", opt->type,
                    "Entry type: audit, qip, teaching, committee, management, shadowing, course, "
                    "reflection, feedback-360, presentation, publication, appraisal, supervisor-report, wpba, "
                    "leadership-role or other")
        ->required()
        ->type_name("TYPE");
    cmd->add_option("--title", opt->title, "What was done")->required()->type_name("TEXT");
    cmd->add_option("--tag", opt->tags, "A competency it evidences, e.g. mlcf:4.1 (repeatable)")
        ->required()
        ->allow_extra_args(false)
        ->type_name("PREFIX:CODE");
    cmd->add_option("--date", opt->date, "When (default: today)")->type_name("YYYY-MM-DD");
    cmd->add_option("--id", opt->id, "Entry id (default: the date and title, made unique)")->type_name("ID");
    cmd->add_option("--level", opt->level, "Level on the tagged framework's scale (e.g. proficient)")
        ->type_name("LEVEL");
    cmd->add_option("--role", opt->role, "led, contributed or attended")->type_name("ROLE");
    cmd->add_option("--description", opt->description, "What happened")->type_name("TEXT");
    cmd->add_option("--reflection", opt->reflection, "What you learnt")->type_name("TEXT");
    cmd->add_option("--signed-off-by", opt->signed_off_by, "Who signed it off")->type_name("NAME");
    cmd->add_option("--signed-off-date", opt->signed_off_date, "When it was signed off")->type_name("YYYY-MM-DD");
    cmd->add_flag("--showcase", opt->showcase, "Mark it as showcase evidence");
    cmd->add_option("--attachment", opt->attachments, "A file that goes with it (repeatable)")
        ->allow_extra_args(false)
        ->type_name("FILE");
    cmd->add_option("--as-of", opt->as_of, "Reference day for date checks (default: today)")->type_name("YYYY-MM-DD");
    cmd->add_flag("--no-privacy-check", opt->no_privacy, "Do not look for patient-identifiable data in the text");
    cmd->footer(R"(The entry is checked exactly as 'leadctl evidence validate' would check it;
with an error nothing is written and the exit status is 1. Otherwise the entry
is appended (YAML: at the end of the entries list, in the list's own indentation;
CSV: as a row in the header's column order; JSON Lines: as a line), comments and
formatting of the rest of the file untouched, and the file replaced atomically
(keeping its permissions). Adds to one log at the same time take turns (an
advisory flock(2) on the log); a symbolic link is followed and stays a link.

Examples:
  leadctl evidence add log.yaml --type committee --title "Chaired the junior doctors' forum" \
      --tag mlcf:2.3 --tag hlm:6 --role led
  leadctl evidence add log.csv --type course --title "IHI Open School: Leadership" --tag mlcf:1.3 \
      --date 2026-10-02)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_evidence_add(*opt, ctx); });
}

}  // namespace leadctl::cli
