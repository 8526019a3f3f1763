// `leadctl frameworks list`: every framework on the search path.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "core/util/table.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace leadctl::cli {

namespace {

struct ListOptions {
    /// --format: text or json
    std::string format = "text";
};

std::string origin_text(const Registry& reg, const RegistryEntry& e) {
    const auto& all = reg.entries();
    std::string s = e.bundled ? "bundled" : e.origin;
    if (e.overridden_by >= 0) {
        const auto& winner = all[static_cast<std::size_t>(e.overridden_by)];
        return s + " (overridden by " + (winner.bundled ? "bundled" : winner.origin) + ")";
    }
    std::vector<std::string> beaten;
    for (const auto& o : all) {
        if (o.overridden_by >= 0 && &all[static_cast<std::size_t>(o.overridden_by)] == &e) {
            beaten.push_back(o.bundled ? "bundled" : o.origin);
        }
    }
    if (!beaten.empty()) {
        s += " (overrides ";
        for (std::size_t i = 0; i < beaten.size(); ++i) s += (i ? ", " : "") + beaten[i];
        s += ")";
    }
    return s;
}

/// Entries sorted by id; for one id the winner first, then what it overrides.
std::vector<const RegistryEntry*> ordered(const Registry& reg) {
    std::vector<const RegistryEntry*> out;
    for (const auto& e : reg.entries()) out.push_back(&e);
    std::stable_sort(out.begin(), out.end(),
                     [](const RegistryEntry* a, const RegistryEntry* b) { return a->id < b->id; });
    return out;
}

int run_list(const ListOptions& opt, Context& ctx) {
    auto& reg = ctx.registry();
    auto& out = ctx.io().out;
    if (opt.format == "json") {
        nlohmann::ordered_json j;
        j["schema"] = "leadctl.framework-list/1";
        auto arr = nlohmann::ordered_json::array();
        for (const auto* e : ordered(reg)) {
            nlohmann::ordered_json f;
            f["id"] = e->id;
            f["title"] = e->title;
            f["edition"] = e->edition;
            f["year"] = e->year ? nlohmann::ordered_json(*e->year) : nlohmann::ordered_json(nullptr);
            f["status"] = e->status;
            f["completeness"] = e->completeness;
            f["origin"] = e->bundled ? "bundled" : e->origin;
            f["bundled"] = e->bundled;
            f["active"] = e->overridden_by < 0;
            f["overridden_by"] =
                e->overridden_by < 0
                    ? nlohmann::ordered_json(nullptr)
                    : nlohmann::ordered_json(reg.entries()[static_cast<std::size_t>(e->overridden_by)].origin);
            arr.push_back(std::move(f));
        }
        j["frameworks"] = std::move(arr);
        auto skipped = nlohmann::ordered_json::array();
        for (const auto& s : reg.skipped()) {
            skipped.push_back({{"path", s.path}, {"errors", s.diagnostics.error_count()}});
        }
        j["skipped"] = std::move(skipped);
        auto catalogues = nlohmann::ordered_json::array();
        for (const auto& c : reg.catalogues()) {
            catalogues.push_back({{"path", c.origin}, {"id", c.id}, {"opportunities", c.opportunities.size()}});
        }
        j["catalogues"] = std::move(catalogues);
        out << j.dump(2) << "\n";
        return kExitOk;
    }
    const Style style = ctx.out_style();
    Table t({"ID", "TITLE", "EDITION", "YEAR", "STATUS", "COMPLETENESS", "SOURCE"});
    t.align(3, Table::Align::right);
    t.shrink(1, {.min_width = 10});
    t.shrink(6, {.min_width = 10, .from_start = true});  // a path: its end (the file's name) is kept
    t.shrink(2, {.min_width = 8, .rank = 1});
    for (const auto* e : ordered(reg)) {
        const bool active = e->overridden_by < 0;
        const std::string dim = active ? "" : "2";
        t.add_row({Cell(e->id, active ? "36" : "2"), Cell(e->title, dim), Cell(e->edition, dim),
                   Cell(e->year ? fmt::format("{}", *e->year) : "-", dim), Cell(e->status, dim),
                   Cell(e->completeness, e->completeness == "partial" && active ? "33" : dim),
                   Cell(origin_text(reg, *e), dim)});
    }
    out << t.render(style);
    for (const auto& c : reg.catalogues()) {
        const auto line = fmt::format(
            "opportunity catalogue {}{}: {} opportunit{}, offered by assess before the bundled ones",
            text::terminal_safe(c.origin), c.id.empty() ? "" : fmt::format(" ({})", text::terminal_safe(c.id)),
            c.opportunities.size(), c.opportunities.size() == 1 ? "y" : "ies");
        for (const auto& l : fit_lines(style, line)) out << l << "\n";
    }
    return kExitOk;
}

}  // namespace

void setup_frameworks_list(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ListOptions>();
    auto* cmd = parent.add_subcommand("list", "List every framework on the search path and where it comes from");
    cmd->add_option("--format", opt->format, "Output format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}).description(""))
        ->type_name("FORMAT");
    cmd->footer(R"(Frameworks come from --framework-path, then LEADCTL_PATH, then the ones built
into leadctl. When two have the same id the first wins; the SOURCE column says
which file overrides which. Partial frameworks hold only what is known of the
published source: 'leadctl frameworks show ID' says what is missing.)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_list(*opt, ctx); });
}

}  // namespace leadctl::cli
