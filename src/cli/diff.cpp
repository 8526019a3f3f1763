// `leadctl diff OLD NEW`: what changed between two frameworks (two editions, a
// file and its conversion, ...). Exit status as diff(1): 0 identical, 1
// different, 2 trouble.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/model/framework_diff.hpp"
#include "core/registry/framework_input.hpp"
#include "core/render/render_diff.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct DiffCommandOptions {
    /// OLD: a framework file or the id of a framework on the search path
    std::string old_spec;
    /// NEW: likewise
    std::string new_spec;
    /// --from: the format of both files (default: from each file's name and content)
    std::string from;
    /// --format: text, json or markdown
    std::string format = "text";
    /// --output: write here atomically
    std::string output;
    /// --only: the parts to compare (header, items, scale, profiles); empty: all
    std::vector<std::string> only;
    /// --ignore-x: leave out changes of x: fields
    bool ignore_x = false;
};

DiffFilter diff_filter(const DiffCommandOptions& o) {
    DiffFilter f;
    f.ignore_x = o.ignore_x;
    for (const auto& name : o.only) {
        for (const auto& part : kDiffParts) {
            if (part.name == name) f.only.push_back(part.subject);  // CLI11 has checked the name
        }
    }
    return f;
}

/// What the source holds that the model cannot, and so was not compared.
void warn_losses(Context& ctx, const FrameworkInput& in) {
    for (const auto& loss : in.losses) ctx.warn(fmt::format("{}: not compared: {}", in.path, loss));
}

std::string render(const FrameworkDiff& d, const DiffCommandOptions& o, Context& ctx) {
    DiffRenderOptions r;
    r.old_label = o.old_spec;
    r.new_label = o.new_spec;
    const bool to_stdout = o.output.empty() || o.output == "-";
    r.style = to_stdout ? ctx.out_style() : Style{};  // text only
    r.width = to_stdout ? ctx.io().terminal_width : 80;
    return find_format(kDiffFormats, o.format)->write(d, r);
}

int run_diff(const DiffCommandOptions& o, Context& ctx) {
    check_not_an_input(ctx, o.output, {o.old_spec, o.new_spec});  // before any reading
    FrameworkReadOptions read;
    if (!o.from.empty()) read.from = parse_framework_format(o.from);  // CLI11 has checked the name
    const FrameworkInput a = ctx.read_framework(o.old_spec, read);
    const FrameworkInput b = ctx.read_framework(o.new_spec, read);
    if (!a.framework || !b.framework) return kExitUsage;  // the errors are printed
    warn_losses(ctx, a);
    warn_losses(ctx, b);
    std::vector<std::string> inputs;
    for (const auto* in : {&a, &b}) {
        if (!in->bundled) inputs.push_back(in->path);
    }
    FrameworkDiff d = diff_frameworks(*a.framework, *b.framework);
    if (const std::size_t hidden = filter_changes(d, diff_filter(o)); hidden > 0) {
        ctx.io().err << fmt::format("leadctl: {} change{} not shown ({})\n", hidden, hidden == 1 ? "" : "s",
                                    o.only.empty() ? "--ignore-x"
                                    : o.ignore_x   ? "--only, --ignore-x"
                                                   : "--only");
    }
    write_output(ctx, o.output, render(d, o, ctx), inputs);
    return d.identical() ? kExitOk : kExitFindings;
}

}  // namespace

void setup_diff(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<DiffCommandOptions>();
    auto* cmd = app.add_subcommand("diff", "What changed between two frameworks: items, scale, profiles, header");
    cmd->add_option("old", opt->old_spec, "The old framework: a file, or the id of a framework (fmlm-2e)")
        ->required()
        ->type_name("OLD");
    cmd->add_option("new", opt->new_spec, "The new framework: a file, or the id of a framework (fmlm)")
        ->required()
        ->type_name("NEW");
    cmd->add_option("--from", opt->from, "Format of OLD and NEW: yaml, json, csv, case or moodle (default: detected)")
        ->check(CLI::IsMember({"yaml", "json", "csv", "case", "moodle"}).description(""))
        ->type_name("FORMAT");
    add_format_option(*cmd, opt->format, kDiffFormats);
    cmd->add_option("-o,--output", opt->output, "Write the differences to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    std::vector<std::string> parts;
    for (const auto& part : kDiffParts) parts.emplace_back(part.name);
    cmd->add_option("--only", opt->only,
                    "Compare only these parts: header, items, scale or profiles (repeatable, or a comma list)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check(CLI::IsMember(parts).description(""))
        ->type_name("PART");
    cmd->add_flag("--ignore-x", opt->ignore_x,
                  "Leave out changes of x: fields (such as the x.moodle.* fields of a Moodle round trip)");
    cmd->footer(R"(Items are matched by code. An item of OLD whose code NEW lacks and an item of
NEW whose code OLD lacks are taken as one item re-coded when one's code is an
alias of the other, when their names are equal (ignoring case and spaces), or
when their similarity (name and description, see leadctl(1)) is at least 0.6;
best pairs first. Each matched item is then compared field by field: name,
parent, type, description, notes, aliases, outcomes, level headings, x: fields
and the order of its children. The header, the scale and the profiles are
compared too. Either side may be a bundled framework's id. --only and --ignore-x
narrow what is shown (and the exit status) to the rest; how many changes they
hide is said on stderr.

Exit status: 0 the frameworks are identical, 1 they differ, 2 a file cannot be
read or has errors, an id is unknown, or the command line is wrong.

Examples:
  leadctl diff fmlm-2e fmlm
  leadctl diff fmlm-2e fmlm --format markdown -o fmlm-changes.md
  leadctl diff mlcf my-mlcf.yaml --format json
  leadctl diff mlcf mlcf-from-moodle.csv --only items --ignore-x
  leadctl diff old.json new.yaml && echo "no changes")");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_diff(*opt, ctx); });
}

}  // namespace leadctl::cli
