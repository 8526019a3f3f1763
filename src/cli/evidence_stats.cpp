// `leadctl evidence stats LOG...`: entries per framework item, per type, per year.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/util/csv.hpp"
#include "core/util/table.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace leadctl::cli {

namespace {

struct EvidenceStatsOptions {
    /// evidence logs, or folders of logs
    std::vector<std::string> paths;
    /// --format: text, json or csv
    std::string format = "text";
};

struct Stats {
    std::size_t logs = 0;
    std::size_t entries = 0;
    std::size_t unknown_tags = 0;
    std::optional<Date> first, last;
    std::map<std::string, std::size_t> by_item;  ///< canonical reference → entries
    std::map<std::string, std::size_t> by_type;
    std::map<int, std::size_t> by_year;
};

/// Items in framework order (framework id, then position in the framework).
std::vector<std::pair<std::string, std::size_t>> ordered_items(Context& ctx, const Stats& s) {
    std::vector<std::tuple<std::string, int, std::string, std::size_t>> rows;
    for (const auto& [ref, n] : s.by_item) {
        const auto colon = ref.find(':');
        auto fw = ctx.registry().get(ref.substr(0, colon));
        rows.emplace_back(ref.substr(0, colon), fw ? fw->find(ref.substr(colon + 1)) : 0, ref, n);
    }
    std::sort(rows.begin(), rows.end());
    std::vector<std::pair<std::string, std::size_t>> out;
    for (auto& [fw, i, ref, n] : rows) out.emplace_back(ref, n);
    return out;
}

std::string item_name(Context& ctx, const std::string& ref) {
    const auto colon = ref.find(':');
    auto fw = ctx.registry().get(ref.substr(0, colon));
    const Item* it = fw ? fw->item(ref.substr(colon + 1)) : nullptr;
    return it ? it->name : "";
}

int run_evidence_stats(const EvidenceStatsOptions& opt, Context& ctx) {
    LogReadOptions read;
    read.as_of = as_of_date("");  // date warnings are not reported by stats
    read.privacy = false;
    Stats s;
    Diagnostics problems;
    std::size_t unreadable = 0;
    for (const auto& path : collect_logs(opt.paths)) {
        Diagnostics d;
        const auto r = read_log(ctx, path, read, d, nullptr, [&](const Entry& e, const EvidenceChecker& checker) {
            ++s.entries;
            if (e.date) {
                if (!s.first || *e.date < *s.first) s.first = e.date;
                if (!s.last || *e.date > *s.last) s.last = e.date;
                ++s.by_year[e.date->year];
            }
            if (!e.type.empty()) ++s.by_type[e.type];
            std::set<std::string> seen;
            for (const auto& t : e.competencies) {
                const std::string ref = checker.canonical(t.ref);
                if (ref.empty()) {
                    ++s.unknown_tags;
                } else if (seen.insert(ref).second) {
                    ++s.by_item[ref];
                }
            }
        });
        if (r.readable)
            ++s.logs;
        else
            ++unreadable;
        for (const auto& x : d.items()) {
            if (x.severity == Severity::error) problems.add(x);
        }
    }
    if (problems.has_errors()) {
        ctx.warn(
            fmt::format("{} error{} in the logs; counts include only what could be read "
                        "(see 'leadctl evidence validate')",
                        problems.error_count(), problems.error_count() == 1 ? "" : "s"));
    }
    auto& out = ctx.io().out;
    const auto items = ordered_items(ctx, s);
    if (opt.format == "json") {
        nlohmann::ordered_json j;
        j["schema"] = "leadctl.evidence-stats/1";
        j["logs"] = s.logs;
        j["entries"] = s.entries;
        j["first_date"] = s.first ? nlohmann::ordered_json(s.first->str()) : nlohmann::ordered_json(nullptr);
        j["last_date"] = s.last ? nlohmann::ordered_json(s.last->str()) : nlohmann::ordered_json(nullptr);
        j["unknown_tags"] = s.unknown_tags;
        auto arr = nlohmann::ordered_json::array();
        for (const auto& [ref, n] : items) arr.push_back({{"ref", ref}, {"name", item_name(ctx, ref)}, {"entries", n}});
        j["by_item"] = std::move(arr);
        arr = nlohmann::ordered_json::array();
        for (const auto& t : kEvidenceTypes) {
            if (auto it = s.by_type.find(std::string(t.name)); it != s.by_type.end()) {
                arr.push_back({{"type", t.name}, {"entries", it->second}});
            }
        }
        j["by_type"] = std::move(arr);
        arr = nlohmann::ordered_json::array();
        for (const auto& [y, n] : s.by_year) arr.push_back({{"year", y}, {"entries", n}});
        j["by_year"] = std::move(arr);
        out << j.dump(2) << "\n";
    } else if (opt.format == "csv") {
        out << csv::record({"section", "key", "name", "entries"});
        for (const auto& [ref, n] : items) out << csv::record({"item", ref, item_name(ctx, ref), std::to_string(n)});
        for (const auto& t : kEvidenceTypes) {
            if (auto it = s.by_type.find(std::string(t.name)); it != s.by_type.end()) {
                out << csv::record({"type", std::string(t.name), "", std::to_string(it->second)});
            }
        }
        for (const auto& [y, n] : s.by_year) out << csv::record({"year", std::to_string(y), "", std::to_string(n)});
    } else {
        const Style st = ctx.out_style();
        out << st.bold(fmt::format("{} log{}, {} entr{}", s.logs, s.logs == 1 ? "" : "s", s.entries,
                                   s.entries == 1 ? "y" : "ies"));
        if (s.first) out << fmt::format(", {} to {}", s.first->str(), s.last->str());
        out << "\n\n" << st.bold("By competency (entries tagged, each entry counted once per item)") << "\n";
        Table t({"ITEM", "NAME", "ENTRIES"});
        t.align(2, Table::Align::right);
        for (const auto& [ref, n] : items) t.add_row({Cell(ref, "36"), item_name(ctx, ref), std::to_string(n)});
        if (s.unknown_tags)
            t.add_row({Cell("(unknown)", "2"), "tags that name no known item", std::to_string(s.unknown_tags)});
        out << t.render(st, "  ");
        out << "\n" << st.bold("By type") << "\n";
        Table tt({"TYPE", "ENTRIES"});
        tt.align(1, Table::Align::right);
        for (const auto& ty : kEvidenceTypes) {
            if (auto it = s.by_type.find(std::string(ty.name)); it != s.by_type.end()) {
                tt.add_row({std::string(ty.name), std::to_string(it->second)});
            }
        }
        out << tt.render(st, "  ");
        out << "\n" << st.bold("By year") << "\n";
        Table ty({"YEAR", "ENTRIES"});
        ty.align(1, Table::Align::right);
        for (const auto& [y, n] : s.by_year) ty.add_row({std::to_string(y), std::to_string(n)});
        out << ty.render(st, "  ");
    }
    return unreadable ? kExitUsage : kExitOk;
}

}  // namespace

void setup_evidence_stats(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<EvidenceStatsOptions>();
    auto* cmd = parent.add_subcommand("stats", "Count entries per framework item, per type and per year");
    cmd->add_option("paths", opt->paths, "Evidence logs, or folders searched for logs")->required()->type_name("LOG");
    cmd->add_option("--format", opt->format, "Output format: text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}).description(""))
        ->type_name("FORMAT");
    cmd->footer(R"(An entry tagged to an item by code or by alias counts once for that item.
Errors in a log are summarised on standard error; run 'leadctl evidence
validate' to see them.

Examples:
  leadctl evidence stats examples/logs/foundation-f2.yaml
  leadctl evidence stats --format csv examples/cohort/ > cohort-stats.csv)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_evidence_stats(*opt, ctx); });
}

}  // namespace leadctl::cli
