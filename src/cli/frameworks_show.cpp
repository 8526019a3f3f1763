// `leadctl frameworks show ID|PREFIX:CODE`: a framework's tree, or one item.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/formats/render_framework.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct ShowCommandOptions {
    /// framework id ("mlcf") or item reference ("mlcf:2.4", "hlm:engaging-the-team")
    std::string target;
    /// --depth: item levels to show (0 = all)
    int depth = 0;
    /// --format: text, json, yaml or markdown
    std::string format = "text";
};

int run_show(const ShowCommandOptions& opt, Context& ctx) {
    std::string id = opt.target;
    std::string code;
    if (auto ref = parse_reference(opt.target)) {
        id = ref->prefix;
        code = ref->code;
    } else if (opt.target.find(':') != std::string::npos) {
        throw UsageError(fmt::format("\"{}\" is not a framework id or a reference such as mlcf:2.4", opt.target));
    }
    auto fw = ctx.framework(id);
    int item = -1;
    if (!code.empty()) {
        item = fw->find(code);
        if (item < 0) {
            throw UsageError(
                fmt::format("{} has no item \"{}\"{}", fw->id, code, text::did_you_mean(code, fw->all_names())));
        }
    }
    ShowOptions show;
    show.max_depth = opt.depth;
    show.style = ctx.out_style();
    show.width = ctx.io().terminal_width;
    ctx.io().out << find_format(kFrameworkViewFormats, opt.format)->write(*fw, item, show);
    return kExitOk;
}

}  // namespace

void setup_frameworks_show(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ShowCommandOptions>();
    auto* cmd = parent.add_subcommand("show", "Show a framework's tree, or one item in full");
    cmd->add_option("target", opt->target,
                    "A framework id (mlcf) or an item reference (mlcf:2.4, hlm:engaging-the-team)")
        ->required()
        ->type_name("ID|PREFIX:CODE");
    cmd->add_option("--depth", opt->depth, "Show only this many levels of items (0 = all)")
        ->check(CLI::Range(0, 100).description(""))
        ->type_name("N");
    add_format_option(*cmd, opt->format, kFrameworkViewFormats);
    cmd->footer(R"(Examples:
  leadctl frameworks show mlcf                 domains and elements of the MLCF
  leadctl frameworks show fmlm --depth 1       only the FMLM domains
  leadctl frameworks show hlm:1                one dimension with its level headings
  leadctl frameworks show hlm:engaging-the-team   (an alias works too)
  leadctl frameworks show hlm --format json    for scripts (schema leadctl.framework/1))");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_show(*opt, ctx); });
}

}  // namespace leadctl::cli
