// `leadctl map`: query, check, export and import crosswalks between frameworks.
#include "cli/map.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/crosswalk/map_query.hpp"
#include "core/formats/sssom.hpp"
#include "core/render/render_map.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

/// Report crosswalk problems met while building the index (not coverage: that is
/// for --check), as warnings on stderr.
const CrosswalkIndex& index_for_queries(Context& ctx) {
    Diagnostics found;
    const auto& index = ctx.registry().crosswalk_index(found);
    std::set<std::string> reported;
    for (const auto& d : found.items()) {
        if (d.code == "uncovered-item" || d.code == "unmapped-but-mapped") continue;
        if (d.severity == Severity::error) {
            if (reported.insert(d.location.file).second) {
                ctx.warn(fmt::format("ignoring crosswalk {} (check it with 'leadctl map --check {}'):", d.location.file,
                                     d.location.file));
            }
            ctx.io().err << "  " << format_diagnostic(d) << "\n";
        } else {
            ctx.io().err << format_diagnostic(d) << "\n";
        }
    }
    return index;
}

int run_query(const MapOptions& opt, Context& ctx) {
    if (opt.args.empty()) throw UsageError("map needs FROM and TO frameworks, or an item reference (see --help)");
    if (opt.args.size() > 2) throw UsageError(fmt::format("unexpected argument \"{}\"", opt.args[2]));
    if (opt.max_hops < 1) throw UsageError("--max-hops must be at least 1");
    MapFilter filter;
    filter.max_hops = opt.max_hops;
    auto relations = parse_relation_list(opt.relations);
    if (!relations.error.empty()) throw UsageError("--relations: " + relations.error);
    filter.relations = std::move(relations.relations);
    filter.min_confidence = opt.min_confidence;
    filter.prune_composed = !opt.all;

    const auto ref = parse_reference(opt.args[0]);
    auto from = ctx.framework(ref ? ref->prefix : opt.args[0]);
    std::optional<int> item;
    if (ref) {
        item = from->find(ref->code);
        if (*item < 0) {
            throw UsageError(fmt::format("{} has no item \"{}\"{}", from->id, ref->code,
                                         text::did_you_mean(ref->code, from->all_names())));
        }
    }
    std::string to_id = opt.to;
    if (opt.args.size() == 2) {
        if (!to_id.empty() && to_id != opt.args[1]) throw UsageError("give the target once: as TO or as --to");
        to_id = opt.args[1];
    }
    if (to_id.empty() && !item) throw UsageError("map needs a target framework: leadctl map FROM TO");
    if (opt.matrix && (item || opt.format != "text")) {
        throw UsageError("--matrix shows whole frameworks as text: leadctl map FROM TO --matrix");
    }
    if (opt.format == "sssom" && item) throw UsageError("--format sssom exports whole crosswalks: leadctl map FROM TO");
    const auto& index = index_for_queries(ctx);

    MapRenderOptions render;
    render.style = opt.output.empty() ? ctx.out_style() : Style{};
    render.item_mode = item.has_value();
    render.filter = filter;

    std::vector<std::string> targets;
    if (!to_id.empty()) {
        targets.push_back(to_id);
    } else {
        if (opt.format != "text")
            throw UsageError(fmt::format("--format {} needs a target: --to FRAMEWORK", opt.format));
        for (const auto& id : ctx.registry().ids()) {
            if (id != from->id) targets.push_back(id);
        }
    }
    std::string out;
    for (const auto& t : targets) {
        auto to = ctx.framework(t);
        if (to->id == from->id) throw UsageError("FROM and TO are the same framework");
        if (opt.format == "sssom") {
            out += export_sssom(index, *from, *to);
            continue;
        }
        const auto result = query_map(index, *from, *to, item, filter);
        // Only targets that something maps to, or that the crosswalk says it has no counterpart in.
        if (to_id.empty() && result.rows.empty() && result.unmapped.empty()) continue;
        if (!out.empty()) out += "\n";
        out += opt.matrix ? render_map_matrix(result, render)
                          : find_format(kMapFormats, opt.format)->write(result, render);
    }
    if (out.empty()) {
        out = fmt::format("{} maps to nothing in the other frameworks.\n", text::terminal_safe(opt.args[0]));
    }
    write_output(ctx, opt.output, out, {});
    return kExitOk;
}

}  // namespace

void setup_map(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<MapOptions>();
    auto* cmd = app.add_subcommand("map", "Show, check, export and import crosswalks between frameworks");
    cmd->add_option("args", opt->args, "FROM TO frameworks, or an item PREFIX:CODE, or files to --check")
        ->type_name("ARG");
    cmd->add_option("--to", opt->to, "Target framework (with an item reference)")->type_name("FRAMEWORK");
    cmd->add_flag("--matrix", opt->matrix, "Show a grid of FROM's items against TO's items");
    cmd->add_option("--relations", opt->relations, "Keep only these relations: exact,close,broad,narrow,related")
        ->type_name("LIST");
    auto* min_confidence = cmd->add_option("--min-confidence", opt->min_confidence,
                                           "Drop mappings with a lower confidence (0-1); show every other composed one")
                               ->check(CLI::Range(0.0, 1.0).description(""))
                               ->type_name("X");
    auto* max_hops = cmd->add_option("--max-hops", opt->max_hops,
                                     "Compose through at most N crosswalks (default 2; 1 = direct only); "
                                     "show every composed mapping")
                         ->check(CLI::Range(1, 5).description(""))
                         ->type_name("N");
    cmd->add_flag("--all", opt->all, "Show every composed mapping, also those that add nothing (see below)");
    add_format_option(*cmd, opt->format, kMapFormats);
    cmd->add_option("--import", opt->import_file, "Read an SSSOM TSV mapping set and write it as a crosswalk file")
        ->type_name("FILE.sssom.tsv");
    cmd->add_option("-o,--output", opt->output, "Write to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_flag("--check", opt->check, "Check crosswalk files (default: every crosswalk on the path)");
    cmd->add_flag("--strict", opt->strict, "With --check: treat warnings (such as missing coverage) as errors");
    cmd->footer(fmt::format(R"(Relations read "FROM-item RELATION TO-item": = exact, ≈ close, ⊂ broad (the
target is broader), ⊃ narrow (the target is narrower), ~ related. When no
crosswalk joins two items directly, mappings are composed through a third
framework (shown "via hlm:6"); confidence multiplies along the path.

By default, composed mappings that add nothing are hidden (the summary line
counts them): those of an item that a crosswalk between FROM and TO lists as
unmapped, those that a direct mapping of the same item to the target, to an
ancestor or to a descendant of it already gives, and those with a confidence
below {:.1f}. That floor is leadctl's own choice, from no published source: just
below the weakest direct mapping in the bundled crosswalks (0.25), about the
product of two middling links (0.45 × 0.45). --all, --max-hops or
--min-confidence (which replaces the floor) show every composed mapping.

Examples:
  leadctl map mlcf hlm                      every MLCF item and what it maps to in the HLM
  leadctl map mlcf hlm --matrix             the same as a grid
  leadctl map mlcf:2.4 --to fmlm            one item, with composed mappings and reasons
  leadctl map mlcf fmlm --relations exact,close --min-confidence 0.5
  leadctl map mlcf hlm --format sssom -o mlcf-hlm.sssom.tsv
  leadctl map --import mlcf-hlm.sssom.tsv -o my-crosswalk.yaml
  leadctl map --check                       check every crosswalk on the search path
  leadctl map --check my-crosswalk.yaml

Crosswalk files are described in leadctl-crosswalk(5).)",
                            kComposedMinConfidence));
    cmd->callback([&ctx, &result, opt, min_confidence, max_hops] {
        // Asked for explicitly, composed mappings are shown as asked, none pruned.
        if (min_confidence->count() > 0 || max_hops->count() > 0) opt->all = true;
        if (opt->check && !opt->import_file.empty()) throw UsageError("--check and --import do not go together");
        if (opt->strict && !opt->check) throw UsageError("--strict goes with --check");
        if (opt->check && opt->format != "text" && opt->format != "json") {
            throw UsageError("--check reports as text or json");
        }
        if (opt->check && !opt->output.empty())
            throw UsageError("--check prints its report; redirect it instead of -o");
        if (opt->check) {
            result.exit_code = run_map_check(*opt, ctx);
        } else if (!opt->import_file.empty()) {
            if (!opt->args.empty()) throw UsageError("--import takes no other arguments");
            result.exit_code = run_map_import(*opt, ctx);
        } else {
            result.exit_code = run_query(*opt, ctx);
        }
    });
}

}  // namespace leadctl::cli
