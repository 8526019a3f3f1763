// `leadctl convert IN --to FORMAT`: a framework from one format into another.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/formats/case_json.hpp"
#include "core/formats/framework_csv.hpp"
#include "core/formats/moodle_csv.hpp"
#include "core/formats/render_framework.hpp"
#include "core/registry/framework_input.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <charconv>

namespace leadctl::cli {

namespace {

struct ConvertOptions {
    /// a framework file, or the id of a framework on the search path
    std::string input;
    /// --to: yaml, json, csv, case, moodle or markdown
    std::string to;
    /// --from: yaml, json, csv, case or moodle (default: detected)
    std::string from;
    /// --output
    std::string output;
    /// --case-version: 1.0 or 1.1
    std::string case_version = "1.1";
    /// --strict: anything that cannot be represented is an error
    bool strict = false;
    /// --no-crosswalks: CASE output without links to other frameworks
    bool no_crosswalks = false;
};

struct Written {
    std::string text;
    std::vector<std::string> losses;    ///< what the target format cannot hold
    std::vector<std::string> warnings;  ///< what it holds but other tools may reject
};

Written write_as(const Framework& fw, const std::string& to, const ConvertOptions& o, Context& ctx) {
    Written w;
    if (to == "yaml") {
        w.text = render_yaml(fw, -1, {});
    } else if (to == "json") {
        w.text = render_file_json(fw);
    } else if (to == "markdown") {
        w.text = render_markdown(fw, -1, {});
    } else if (to == "csv") {
        w.text = export_framework_csv(fw);
        w.losses.emplace_back("the framework's header (title, edition, publisher, year, status, sources, notes)");
        if (!fw.scale.empty()) w.losses.emplace_back("the scale's level names and descriptions");
        if (!fw.profiles.empty()) w.losses.emplace_back(fmt::format("{} profiles", fw.profiles.size()));
    } else if (to == "moodle") {
        w.text = export_moodle_csv(fw);
        w.losses = moodle_export_losses(fw);
        w.warnings = moodle_export_warnings(fw);
    } else if (to == "case") {
        CaseExportOptions co;
        co.version = o.case_version;
        co.timestamp = case_timestamp(fw, source_date_epoch(ctx));
        if (!o.no_crosswalks) co.links = case_links(fw, ctx.registry());
        auto e = export_case(fw, co);
        w.text = std::move(e.text);
        w.losses = std::move(e.losses);
        w.warnings = std::move(e.warnings);
    } else {
        throw UsageError(fmt::format("writing {} is not supported yet", to));
    }
    return w;
}

int run_convert(const ConvertOptions& o, Context& ctx) {
    FrameworkReadOptions read;
    if (!o.from.empty()) read.from = parse_framework_format(o.from);
    read.strict = o.strict;
    check_not_an_input(ctx, o.output, {o.input});
    const auto in = ctx.read_framework(o.input, read);
    if (!in.framework) {
        ctx.io().err << fmt::format("leadctl: {} has errors; nothing written\n", text::terminal_safe(o.input));
        return kExitUsage;
    }
    if (!in.detected.empty() && (in.format != FrameworkFormat::yaml)) {
        ctx.io().err << fmt::format("leadctl: reading {} as {} ({})\n", text::terminal_safe(o.input),
                                    format_name(in.format), text::terminal_safe(in.detected));
    }
    auto out = write_as(*in.framework, o.to, o, ctx);
    std::vector<std::string> losses;
    for (const auto& l : in.losses) losses.push_back(fmt::format("leadctl's model cannot hold: {}", l));
    const std::string target = o.to == "case" ? "CASE " + o.case_version : o.to;
    for (const auto& l : out.losses) losses.push_back(fmt::format("{} cannot hold: {}", target, l));
    for (const auto& l : losses) ctx.warn(l);
    for (const auto& l : out.warnings) ctx.warn(l);
    if (o.strict && !losses.empty()) {
        ctx.io().err << fmt::format("leadctl: --strict: {} thing{} would be lost; nothing written\n", losses.size(),
                                    losses.size() == 1 ? "" : "s");
        return kExitFindings;
    }
    write_output(ctx, o.output, out.text, in.path.empty() ? std::vector<std::string>{} : std::vector{in.path});
    return kExitOk;
}

}  // namespace

void setup_convert(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ConvertOptions>();
    auto* cmd = app.add_subcommand("convert", "Convert a framework between formats (YAML, JSON, CSV, CASE, Moodle)");
    cmd->add_option("input", opt->input, "A framework file, or the id of a framework (mlcf, hlm, ...)")
        ->required()
        ->type_name("IN");
    cmd->add_option("--to", opt->to, "Output format: yaml, json, csv, case, moodle or markdown")
        ->required()
        ->check(CLI::IsMember({"yaml", "json", "csv", "case", "moodle", "markdown"}).description(""))
        ->type_name("FORMAT");
    cmd->add_option("--from", opt->from, "Input format: yaml, json, csv, case or moodle (default: detected)")
        ->check(CLI::IsMember({"yaml", "json", "csv", "case", "moodle"}).description(""))
        ->type_name("FORMAT");
    cmd->add_option("-o,--output", opt->output, "Write to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_option("--case-version", opt->case_version, "CASE version to write: 1.0 or 1.1 (default)")
        ->check(CLI::IsMember({"1.0", "1.1"}).description(""))
        ->type_name("VERSION");
    cmd->add_flag("--strict", opt->strict, "Exit 1 and write nothing when anything cannot be represented");
    cmd->add_flag("--no-crosswalks", opt->no_crosswalks,
                  "CASE: leave out the links to other frameworks that the crosswalks give");
    cmd->footer(R"(The input format is told from the file name and, for .json and .csv, the
content: a JSON file with a CFDocument is CASE, a CSV file whose header starts
with "code" is leadctl's table, any other CSV is Moodle's. What a format cannot
hold is reported on stderr as a warning, by name.

Exit status: 0 converted, 1 with --strict when something cannot be
represented (nothing written), 2 when the input has errors or cannot be read,
or the command line is wrong (nothing written).

Examples:
  leadctl convert mlcf --to csv -o mlcf.csv
  leadctl convert mlcf --to case -o mlcf.case.json
  leadctl convert framework.csv --to yaml -o framework.yaml)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_convert(*opt, ctx); });
}

}  // namespace leadctl::cli
