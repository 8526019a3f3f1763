// `leadctl feedback`: 360-degree feedback rounds (validate, report, import, template).
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/evidence/log_files.hpp"
#include "core/feedback/feedback_cohort.hpp"
#include "core/feedback/feedback_compare.hpp"
#include "core/feedback/feedback_summary.hpp"
#include "core/feedback/round_import.hpp"
#include "core/render/render_feedback.hpp"
#include "core/render/render_feedback_cohort.hpp"
#include "core/render/render_feedback_compare.hpp"
#include "core/render/render_feedback_template.hpp"
#include "core/util/date.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>

namespace leadctl::cli {

namespace {

struct FeedbackValidateOptions {
    /// round files to check
    std::vector<std::string> files;
    /// --format: text or json
    std::string format = "text";
    /// --strict: warnings fail too
    bool strict = false;
    /// --no-privacy-check
    bool no_privacy = false;
};

struct FeedbackReportOptions {
    /// the round file, or (several, or folders) the rounds of a cohort
    std::vector<std::string> files;
    /// --format: text, markdown, json or html
    std::string format = "text";
    /// --output: written atomically
    std::string output;
    /// --min-raters: smallest anonymous group shown
    int min_raters = 3;
    /// --min-people: fewest people whose means make a cohort item's spread shown
    int min_people = 5;
};

struct FeedbackImportOptions {
    /// the survey export
    std::string file;
    /// --framework, --person, --name, --round, --opened, --closed, --instrument
    RoundImportOptions round;
    /// --scale, --importance-scale: MIN-MAX, or empty (the framework's levels; importance 1-5)
    std::string scale, importance_scale;
    /// --output: written atomically
    std::string output;
};

/// The scales given as --scale and --importance-scale ("" when not given): a usage error
/// when either is not a scale MIN-MAX.
TemplateScales scales_of(const std::string& scale, const std::string& importance) {
    TemplateScales out;
    std::string why;
    if (!scale.empty()) {
        out.scale = parse_scale_range(scale, why);
        if (!out.scale) throw UsageError("--scale " + why);
    }
    if (!importance.empty()) {
        const auto s = parse_scale_range(importance, why);
        if (!s) throw UsageError("--importance-scale " + why);
        out.importance_min = static_cast<int>(s->min);
        out.importance_max = static_cast<int>(s->max);
    }
    return out;
}

struct FeedbackCompareOptions {
    /// the earlier and the later round file
    std::string old_file, new_file;
    /// --format: text, markdown, json or html
    std::string format = "text";
    /// --output: written atomically
    std::string output;
    /// --min-raters: smallest anonymous group shown, in both rounds
    int min_raters = 3;
};

int run_feedback_validate(const FeedbackValidateOptions& o, Context& ctx) {
    Diagnostics all;
    std::size_t unreadable = 0;
    for (const auto& path : o.files) {
        auto read = files::read(path);
        if (!read.text) {
            ++unreadable;
            all.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", read.error));
            continue;
        }
        all.append(load_round(*read.text, path, registry_source(ctx).lookup, !o.no_privacy).diagnostics);
    }
    return report_diagnostics(ctx, all, o.files.size(), o.format, o.strict, unreadable);
}

int run_feedback_cohort(const FeedbackReportOptions& o, Context& ctx) {
    if (o.min_people < 1) throw UsageError("--min-people must be 1 or more");
    // Files as named; folders searched (recursively, sorted) for *.yaml and *.yml.
    const auto paths = cli::collect_logs(o.files, LogFormat::yaml);
    if (paths.empty()) throw UsageError("no round files (*.yaml, *.yml) found in the folders given");
    std::vector<Round> rounds;
    rounds.reserve(paths.size());
    std::vector<std::string> loaded_from;
    std::vector<std::pair<std::string, std::string>> broken;
    for (const auto& path : paths) {
        auto read = files::read(path);
        if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", path, read.error));
        ctx.note_input(path);
        auto load = load_round(*read.text, path, registry_source(ctx).lookup);
        for (const auto& d : load.diagnostics.items()) ctx.print_diagnostic(d);
        if (!load.round) {
            broken.emplace_back(path, fmt::format("it has errors (leadctl feedback validate {})", path));
            continue;
        }
        rounds.push_back(std::move(*load.round));
        loaded_from.push_back(path);
    }
    std::vector<CohortRound> given;
    for (std::size_t k = 0; k < rounds.size(); ++k) given.push_back({loaded_from[k], &rounds[k]});
    CohortFeedbackOptions options;
    options.feedback.min_raters = o.min_raters;
    options.min_people = o.min_people;
    CohortFeedback c = summarise_cohort(given, options);
    if (!c.framework) {
        ctx.io().err << "leadctl: no round could be read; nothing written\n";
        return kExitFindings;
    }
    c.not_included.insert(c.not_included.begin(), broken.begin(), broken.end());
    for (const auto& [file, why] : c.not_included) {
        ctx.warn(fmt::format("{}: not included: {}", file, why));
    }
    const auto* format = find_format(kFeedbackCohortFormats, o.format);  // same names as the report's
    Style style = o.output.empty() ? ctx.out_style() : Style{};
    style.generated = generated_on(ctx);
    write_output(ctx, o.output, format->write(c, style), paths);
    return c.not_included.empty() ? kExitOk : kExitFindings;
}

int run_feedback_report(const FeedbackReportOptions& o, Context& ctx) {
    if (o.min_raters < 1) throw UsageError("--min-raters must be 1 or more");
    std::error_code ec;
    if (o.files.size() > 1 || std::filesystem::is_directory(o.files.front(), ec)) return run_feedback_cohort(o, ctx);
    const std::string& file = o.files.front();
    auto read = files::read(file);
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", file, read.error));
    ctx.note_input(file);
    auto load = load_round(*read.text, file, registry_source(ctx).lookup);
    for (const auto& d : load.diagnostics.items()) ctx.print_diagnostic(d);
    if (!load.round) {
        ctx.io().err << fmt::format("leadctl: {} has errors; nothing written (leadctl feedback validate {})\n",
                                    text::terminal_safe(file), text::terminal_safe(file));
        return kExitFindings;
    }
    FeedbackOptions options;
    options.min_raters = o.min_raters;
    const FeedbackSummary s = summarise(*load.round, options);
    const auto* format = find_format(kFeedbackFormats, o.format);  // CLI11 has checked the name
    Style style = o.output.empty() ? ctx.out_style() : Style{};
    style.generated = generated_on(ctx);
    const std::string out = format->write(s, style);
    write_output(ctx, o.output, out, {file});
    return kExitOk;
}

int run_feedback_import(FeedbackImportOptions o, Context& ctx) {
    for (auto [name, value] : {std::pair{"--opened", &o.round.opened}, std::pair{"--closed", &o.round.closed}}) {
        if (!parse_date(*value)) throw UsageError(fmt::format("{} \"{}\" is not a date YYYY-MM-DD", name, *value));
    }
    const auto fw = ctx.framework(o.round.framework);  // unknown: a usage error with the known ids
    const auto scales = scales_of(o.scale, o.importance_scale);
    if (!scales.scale && fw->scale.empty()) {
        throw UsageError(
            fmt::format("{} has no scale of levels to read the ratings as: give their numeric scale "
                        "with --scale MIN-MAX (such as --scale 1-5)",
                        fw->id));
    }
    o.round.scale = scales.scale;
    o.round.importance_min = scales.importance_min;
    o.round.importance_max = scales.importance_max;
    auto read = files::read(o.file);
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", o.file, read.error));
    ctx.note_input(o.file);
    const auto imported = import_round_csv(*read.text, o.file, o.round, registry_source(ctx).lookup);
    for (const auto& d : imported.diagnostics.items()) ctx.print_diagnostic(d);
    if (imported.yaml.empty()) {
        ctx.io().err << fmt::format("leadctl: {} could not be imported; nothing written\n",
                                    text::terminal_safe(o.file));
        return kExitFindings;
    }
    write_output(ctx, o.output, imported.yaml, {o.file});
    return kExitOk;
}

int run_feedback_compare(const FeedbackCompareOptions& o, Context& ctx) {
    if (o.min_raters < 1) throw UsageError("--min-raters must be 1 or more");
    // Both rounds are read and checked before anything is said of either.
    std::vector<std::optional<Round>> rounds;
    for (const auto* path : {&o.old_file, &o.new_file}) {
        auto read = files::read(*path);
        if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", *path, read.error));
        ctx.note_input(*path);
        auto load = load_round(*read.text, *path, registry_source(ctx).lookup);
        for (const auto& d : load.diagnostics.items()) ctx.print_diagnostic(d);
        rounds.push_back(std::move(load.round));
    }
    for (std::size_t k = 0; k < 2; ++k) {
        if (!rounds[k]) {
            const auto& path = k == 0 ? o.old_file : o.new_file;
            ctx.io().err << fmt::format("leadctl: {} has errors; nothing written (leadctl feedback validate {})\n",
                                        text::terminal_safe(path), text::terminal_safe(path));
            return kExitFindings;
        }
    }
    const Round& before = *rounds[0];
    const Round& after = *rounds[1];
    if (const auto why = incomparable(before, after); !why.empty()) {
        ctx.io().err << fmt::format("leadctl: cannot compare {} with {}: {}; nothing written\n",
                                    text::terminal_safe(o.old_file), text::terminal_safe(o.new_file),
                                    text::terminal_safe(why));
        return kExitFindings;
    }
    if (after.closed < before.closed) {
        ctx.warn(fmt::format("{} closed on {}, before {} ({}): the changes shown are the second minus the first",
                             o.new_file, after.closed.str(), o.old_file, before.closed.str()));
    }
    CompareOptions options;
    options.feedback.min_raters = o.min_raters;
    const RoundCompare c = compare_rounds(before, after, options);
    const auto* format = find_format(kCompareFormats, o.format);  // CLI11 has checked the name
    Style style = o.output.empty() ? ctx.out_style() : Style{};
    style.generated = generated_on(ctx);
    write_output(ctx, o.output, format->write(c, style), {o.old_file, o.new_file});
    return kExitOk;
}

struct FeedbackTemplateOptions {
    /// --framework: the framework rated (its id)
    std::string framework;
    /// --format: csv, markdown or html
    std::string format = "csv";
    /// --scale, --importance-scale: MIN-MAX, or empty (the framework's levels; importance 1-5)
    std::string scale, importance_scale;
    /// --output: written atomically
    std::string output;
};

int run_feedback_template(const FeedbackTemplateOptions& o, Context& ctx) {
    const auto fw = ctx.framework(o.framework);  // unknown: a usage error with the known ids
    const auto built = build_feedback_template(*fw, scales_of(o.scale, o.importance_scale));
    if (!built.form) {
        if (!fw->scale.empty() || fw->items.empty()) throw UsageError(built.problem);
        std::vector<std::string> rated;  // the frameworks whose levels can be rated on
        for (const auto& id : ctx.registry().ids()) {
            if (const auto other = ctx.registry().get(id); other && build_feedback_template(*other).form) {
                rated.push_back(id);
            }
        }
        throw UsageError(
            built.problem + ": give a numeric scale with --scale MIN-MAX (such as --scale 1-5)" +
            (rated.empty() ? std::string() : "; frameworks with a scale of levels: " + text::join(rated, ", ")));
    }
    const auto* format = find_format(kFeedbackTemplateFormats, o.format);  // CLI11 has checked the name
    Style style;
    style.generated = generated_on(ctx);
    write_output(ctx, o.output, format->write(*built.form, style), {});
    return kExitOk;
}

}  // namespace

void setup_feedback(CLI::App& app, Context& ctx, CommandResult& result) {
    auto* group =
        app.add_subcommand("feedback", "360-degree feedback rounds: check them and report self against others");
    group->require_subcommand(1);
    group->fallthrough();
    group->footer(R"(Examples:
  leadctl feedback validate examples/feedback/st5-hlm360-2026.yaml
  leadctl feedback report examples/feedback/st5-hlm360-2026.yaml --format html -o feedback.html

A round file is YAML, described in leadctl-feedback(5).)");

    auto v = std::make_shared<FeedbackValidateOptions>();
    auto* validate = group->add_subcommand("validate", "Check round files and report every problem found");
    validate->add_option("files", v->files, "Round files (YAML) to check")->required()->type_name("FILE");
    validate->add_option("--format", v->format, "Output format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}).description(""))
        ->type_name("FORMAT");
    validate->add_flag("--strict", v->strict, "Treat warnings as errors");
    validate->add_flag("--no-privacy-check", v->no_privacy,
                       "Do not look for patient-identifiable data in the comments");
    validate->footer(R"(Each problem is printed as FILE:LINE:COL: error|warning: [CODE] message.
Exit status: 0 no errors, 1 errors found (or warnings with --strict),
2 a file could not be read.)");
    validate->callback([&ctx, &result, v] { result.exit_code = run_feedback_validate(*v, ctx); });

    auto r = std::make_shared<FeedbackReportOptions>();
    auto* report = group->add_subcommand("report", "Self against others, per item, with anonymity kept");
    report
        ->add_option("files", r->files,
                     "The round file; several files, or folders of them, for the cohort view (the latest round of "
                     "each person)")
        ->required()
        ->type_name("FILE|DIR");
    add_format_option(*report, r->format, kFeedbackFormats);
    report->add_option("-o,--output", r->output, "Write the report to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    report
        ->add_option("--min-raters", r->min_raters,
                     "Smallest group shown, so that no rater can be singled out (default 3)")
        ->type_name("N");
    report
        ->add_option("--min-people", r->min_people,
                     "Cohort view: fewest people whose means make an item's spread shown (default 5)")
        ->type_name("N");
    report->footer(R"(Per item: the self rating, each shown group's mean, all others' mean and
count, and mean importance; flags blind spot, hidden strength, strength and
priority (rules in leadctl-feedback(5)). No output ever holds a rater's id.
A group with fewer than --min-raters raters is merged into "other" when that
makes "other" large enough, else left out; the line manager is shown as such
and is not anonymous. Exit status: 0 written, 1 the round has errors (nothing
written), 2 unreadable file or bad command line.

Cohort view (several files, or folders searched for *.yaml and *.yml): per item
the spread of the people's others' means (median, quartiles, range, people per
scale point, blind spots), each person counted once with their latest round and
each round showing only what its own report would. An item is shown only when at
least --min-people people contribute. Rounds with errors, or of another framework
or scale than the first, are listed as not included (exit 1, the rest written).)");
    report->callback([&ctx, &result, r] { result.exit_code = run_feedback_report(*r, ctx); });

    auto im = std::make_shared<FeedbackImportOptions>();
    auto* import_cmd = group->add_subcommand("import", "Turn a survey export (CSV) into a round file");
    import_cmd->add_option("file", im->file, "The CSV export: long (a row per rating) or wide (a row per rater)")
        ->required()
        ->type_name("FILE");
    import_cmd->add_option("--framework", im->round.framework, "The framework rated (its id)")
        ->required()
        ->type_name("FRAMEWORK");
    import_cmd->add_option("--person", im->round.person_id, "The id of the person the round is about")
        ->required()
        ->type_name("ID");
    import_cmd->add_option("--name", im->round.person_name, "The person's name")->type_name("NAME");
    import_cmd->add_option("--round", im->round.round_id, "The round's id (default: PERSON-CLOSED)")->type_name("ID");
    import_cmd->add_option("--opened", im->round.opened, "When the round opened")->required()->type_name("YYYY-MM-DD");
    import_cmd->add_option("--closed", im->round.closed, "When it closed")->required()->type_name("YYYY-MM-DD");
    import_cmd
        ->add_option("--scale", im->scale, "The ratings' numeric scale, such as 1-5 (default: the framework's levels)")
        ->type_name("MIN-MAX");
    import_cmd->add_option("--importance-scale", im->importance_scale, "The importance ratings' scale (default: 1-5)")
        ->type_name("MIN-MAX");
    import_cmd->add_option("--instrument", im->round.instrument, "The questionnaire's name (e.g. HLM360)")
        ->type_name("TEXT");
    import_cmd
        ->add_option("-o,--output", im->output, "Write the round file to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    import_cmd->footer(R"(Long form: columns rater, group, item, rating, and optionally importance and
comment (one row per rating). Wide form: rater, group, then one column per item,
named by its code, reference or name, with optional "<item> importance" and
"<item> comment" columns (one row per rater; an empty cell: not rated). Ratings
are level ids or ranks of the framework's scale, or with --scale numbers from
MIN to MAX (needed for a framework without levels, such as mlcf); importance is
1 to 5, or --importance-scale. Every problem is located in the CSV (a column that
names no item gets a did-you-mean), and nothing is written on an error (exit 1).

Examples:
  leadctl feedback import hlm360-export.csv --framework hlm --person st-anaes-0219 \
      --opened 2026-09-01 --closed 2026-09-30 -o round.yaml
  leadctl feedback import mlcf-survey.csv --framework mlcf --scale 1-5 --person f2-0417 \
      --opened 2026-05-01 --closed 2026-05-31 -o round.yaml)");
    import_cmd->callback([&ctx, &result, im] { result.exit_code = run_feedback_import(*im, ctx); });

    auto tp = std::make_shared<FeedbackTemplateOptions>();
    auto* form = group->add_subcommand("template", "A blank form for raters, and the CSV that import reads back");
    form->add_option("--framework", tp->framework, "The framework rated (its id)")->required()->type_name("FRAMEWORK");
    add_format_option(*form, tp->format, kFeedbackTemplateFormats);
    form->add_option("--scale", tp->scale, "Rate on a numeric scale, such as 1-5 (default: the framework's levels)")
        ->type_name("MIN-MAX");
    form->add_option("--importance-scale", tp->importance_scale, "The importance scale (default: 1-5)")
        ->type_name("MIN-MAX");
    form->add_option("-o,--output", tp->output, "Write the template to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    form->footer(R"(csv: the header row of a wide survey export and no data: rater, group, then
per item rated (those with no sub-items, in framework order) its code,
"<code> importance" and "<code> comment" (an item whose code is a column name,
such as "group", is named by its reference). Fill in a row per rater, a rating
as a level id or rank (or with --scale a number from MIN to MAX), importance 1
to 5 (or --importance-scale), and read it with feedback import given the same
--scale and --importance-scale.
markdown, html: a printable form for one rater (the HTML prints on A4): who
they are to the person, the scale, then per item a box per level (or per
number; a line to write the number on when the scale has more than 11 points),
importance and room for a comment. A framework with no scale of levels needs
--scale. Exit status: 0 written, 2 unknown framework, no scale to rate on or bad
command line.

Examples:
  leadctl feedback template --framework hlm -o hlm360.csv
  leadctl feedback template --framework hlm --format html -o hlm360-form.html
  leadctl feedback template --framework mlcf --scale 1-5 --format html -o mlcf-form.html)");
    form->callback([&ctx, &result, tp] { result.exit_code = run_feedback_template(*tp, ctx); });

    auto cmp = std::make_shared<FeedbackCompareOptions>();
    auto* compare =
        group->add_subcommand("compare", "Two rounds of one person: what changed beyond the raters' spread");
    compare->add_option("old", cmp->old_file, "The earlier round file")->required()->type_name("OLD");
    compare->add_option("new", cmp->new_file, "The later round file")->required()->type_name("NEW");
    add_format_option(*compare, cmp->format, kCompareFormats);
    compare
        ->add_option("-o,--output", cmp->output, "Write the comparison to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    compare
        ->add_option("--min-raters", cmp->min_raters,
                     "Smallest group shown in either round, as in feedback report (default 3)")
        ->type_name("N");
    compare->footer(R"(Per item: others' mean and count in each round, the change, the margin it must
    exceed to be flagged, improved or declined, and the self rating before and after.
    Rule (leadctl's own): a change is flagged when it is larger than 2 standard errors
    of the difference of the two means, sqrt(s1^2/n1 + s2^2/n2), each spread s taken as
    at least 0.29 (rounding to a whole rating), with at least 2 others' ratings of the
    item in each round. A self rating is never flagged. Only what feedback report would
    show of each round is compared; no output holds a rater's id.
    The rounds must be about the same person and framework, on the same scale.
    Exit status: 0 written, 1 a round has errors or the rounds cannot be compared
    (nothing written), 2 unreadable file or bad command line.

    Example:
      leadctl feedback compare round-2025.yaml round-2026.yaml --format html -o change.html)");
    compare->callback([&ctx, &result, cmp] { result.exit_code = run_feedback_compare(*cmp, ctx); });
}

}  // namespace leadctl::cli
