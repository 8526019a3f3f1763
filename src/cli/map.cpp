// `leadctl map`: query, check, export and import crosswalks between frameworks.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/crosswalk/map_query.hpp"
#include "core/formats/sssom.hpp"
#include "core/render/render_map.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct MapOptions {
    /// FROM [TO], or PREFIX:CODE, or (with --check) crosswalk files
    std::vector<std::string> args;
    /// --to: the target framework (with an item reference)
    std::string to;
    /// --matrix: a grid of FROM's items against TO's items
    bool matrix = false;
    /// --relations: comma-separated relations to keep
    std::string relations;
    /// --min-confidence: drop mappings below this confidence
    double min_confidence = 0;
    /// --max-hops: longest chain of crosswalks to compose (1 = direct only)
    int max_hops = 2;
    /// --format: text, json, csv, markdown or sssom
    std::string format = "text";
    /// --import: an SSSOM TSV file to turn into a crosswalk file
    std::string import_file;
    /// -o/--output: write here (atomically) instead of standard output
    std::string output;
    /// --check: check crosswalk files (or all on the path)
    bool check = false;
    /// --strict: with --check, warnings fail too
    bool strict = false;
};

std::set<Relation> parse_relations(const std::string& list) {
    std::set<Relation> out;
    std::vector<std::string> names;
    for (const auto& r : kRelations) names.emplace_back(r.name);
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto word = text::trim(rest.substr(0, comma));
        if (!word.empty()) {
            auto r = parse_relation(word);
            if (!r) {
                throw UsageError(fmt::format("--relations: unknown relation \"{}\"{}; use {}", word,
                                             text::did_you_mean(word, names), text::join(names, ",")));
            }
            out.insert(*r);
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

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

int run_check(const MapOptions& opt, Context& ctx) {
    auto& reg = ctx.registry();
    Diagnostics all;
    std::size_t unreadable = 0;
    std::size_t checked = 0;
    const FrameworkLookup lookup = [&](std::string_view id) { return reg.get(id).get(); };
    if (opt.args.empty()) {
        reg.crosswalk_index(all);
        checked = reg.crosswalk_entries().size();
        for (const auto& s : reg.skipped()) {  // crosswalk files on the path that could not be read
            if (!s.crosswalk) continue;
            all.append(s.diagnostics);
            ++checked;
        }
    }
    for (const auto& path : opt.args) {
        ++checked;
        auto read = files::read(path);
        if (!read.text) {
            ++unreadable;
            all.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", read.error));
            continue;
        }
        auto doc = yaml::parse(*read.text, path);
        all.append(doc.diagnostics);
        if (!doc.root) continue;
        if (!is_crosswalk_document(*doc.root)) {
            all.error({path, doc.root->line, doc.root->column}, "not-a-crosswalk",
                      "this is not a crosswalk file (it has no \"mappings\"); frameworks are checked with "
                      "'leadctl frameworks validate'");
            continue;
        }
        auto load = load_crosswalk(*doc.root, path);
        all.append(load.diagnostics);
        check_crosswalk(load.partial, lookup, all);  // what could be read, so every problem shows
    }
    all.sort();
    return report_diagnostics(ctx, all, checked, opt.format, opt.strict, unreadable);
}

int run_import(const MapOptions& opt, Context& ctx) {
    auto read = files::read(opt.import_file);
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", opt.import_file, read.error));
    auto imported = import_sssom(*read.text, opt.import_file);
    Diagnostics& d = imported.diagnostics;
    auto& reg = ctx.registry();
    const FrameworkLookup lookup = [&](std::string_view id) { return reg.get(id).get(); };
    check_crosswalk(imported.crosswalk ? *imported.crosswalk : imported.partial, lookup, d);
    d.sort();
    for (const auto& x : d.items()) {
        // Coverage of a set that cannot be imported anyway is noise.
        if (x.code == "uncovered-item" && d.has_errors()) continue;
        ctx.io().err << format_diagnostic(x) << "\n";
    }
    if (!imported.crosswalk || d.has_errors()) {
        ctx.io().err << fmt::format("leadctl: {} not imported: {} error{}; nothing written\n", opt.import_file,
                                    d.error_count(), d.error_count() == 1 ? "" : "s");
        return kExitFindings;
    }
    write_output(ctx, opt.output, render_crosswalk_yaml(*imported.crosswalk), {opt.import_file});
    return kExitOk;
}

int run_query(const MapOptions& opt, Context& ctx) {
    if (opt.args.empty()) throw UsageError("map needs FROM and TO frameworks, or an item reference (see --help)");
    if (opt.args.size() > 2) throw UsageError(fmt::format("unexpected argument \"{}\"", opt.args[2]));
    if (opt.max_hops < 1) throw UsageError("--max-hops must be at least 1");
    MapFilter filter;
    filter.max_hops = opt.max_hops;
    filter.relations = parse_relations(opt.relations);
    filter.min_confidence = opt.min_confidence;

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
        if (to_id.empty() && result.rows.empty()) continue;  // only targets that something maps to
        if (!out.empty()) out += "\n";
        if (opt.format == "json") {
            out += render_map_json(result, render);
        } else if (opt.format == "csv") {
            out += render_map_csv(result);
        } else if (opt.format == "markdown") {
            out += render_map_markdown(result);
        } else if (opt.matrix) {
            out += render_map_matrix(result, render);
        } else {
            out += render_map_text(result, render);
        }
    }
    if (out.empty()) out = fmt::format("{} maps to nothing in the other frameworks.\n", opt.args[0]);
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
    cmd->add_option("--min-confidence", opt->min_confidence, "Drop mappings with a lower confidence (0-1)")
        ->check(CLI::Range(0.0, 1.0).description(""))
        ->type_name("X");
    cmd->add_option("--max-hops", opt->max_hops, "Compose through at most N crosswalks (default 2; 1 = direct only)")
        ->check(CLI::Range(1, 5).description(""))
        ->type_name("N");
    cmd->add_option("--format", opt->format, "Output format: text (default), json, csv, markdown or sssom")
        ->check(CLI::IsMember({"text", "json", "csv", "markdown", "sssom"}).description(""))
        ->type_name("FORMAT");
    cmd->add_option("--import", opt->import_file, "Read an SSSOM TSV mapping set and write it as a crosswalk file")
        ->type_name("FILE.sssom.tsv");
    cmd->add_option("-o,--output", opt->output, "Write to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_flag("--check", opt->check, "Check crosswalk files (default: every crosswalk on the path)");
    cmd->add_flag("--strict", opt->strict, "With --check: treat warnings (such as missing coverage) as errors");
    cmd->footer(R"(Relations read "FROM-item RELATION TO-item": = exact, ≈ close, ⊂ broad (the
target is broader), ⊃ narrow (the target is narrower), ~ related. When no
crosswalk joins two items directly, mappings are composed through a third
framework (shown "via hlm:6"); confidence multiplies along the path.

Examples:
  leadctl map mlcf hlm                      every MLCF item and what it maps to in the HLM
  leadctl map mlcf hlm --matrix             the same as a grid
  leadctl map mlcf:2.4 --to fmlm            one item, with composed mappings and reasons
  leadctl map mlcf fmlm --relations exact,close --min-confidence 0.5
  leadctl map mlcf hlm --format sssom -o mlcf-hlm.sssom.tsv
  leadctl map --import mlcf-hlm.sssom.tsv -o my-crosswalk.yaml
  leadctl map --check                       check every crosswalk on the search path
  leadctl map --check my-crosswalk.yaml

Crosswalk files are described in leadctl-crosswalk(5).)");
    cmd->callback([&ctx, &result, opt] {
        if (opt->check && !opt->import_file.empty()) throw UsageError("--check and --import do not go together");
        if (opt->strict && !opt->check) throw UsageError("--strict goes with --check");
        if (opt->check && opt->format != "text" && opt->format != "json") {
            throw UsageError("--check reports as text or json");
        }
        if (opt->check && !opt->output.empty())
            throw UsageError("--check prints its report; redirect it instead of -o");
        if (opt->check) {
            result.exit_code = run_check(*opt, ctx);
        } else if (!opt->import_file.empty()) {
            if (!opt->args.empty()) throw UsageError("--import takes no other arguments");
            result.exit_code = run_import(*opt, ctx);
        } else {
            result.exit_code = run_query(*opt, ctx);
        }
    });
}

}  // namespace leadctl::cli
