#include "core/render/render_stats.hpp"

#include "core/util/csv.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

/// The types counted, in the order of kEvidenceTypes.
std::vector<std::pair<std::string, std::size_t>> types_in_order(const Stats& s) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto& t : kEvidenceTypes) {
        if (auto it = s.by_type.find(std::string(t.name)); it != s.by_type.end()) out.emplace_back(*it);
    }
    return out;
}

Json date_or_null(const std::optional<Date>& d) {
    return d ? Json(d->str()) : Json(nullptr);
}

}  // namespace

std::string render_stats_text(const Stats& s, const FrameworkLookup& frameworks, const Style& style) {
    std::string out = style.bold(
        fmt::format("{} log{}, {} entr{}", s.logs, s.logs == 1 ? "" : "s", s.entries, s.entries == 1 ? "y" : "ies"));
    if (s.first) out += fmt::format(", {} to {}", s.first->str(), s.last->str());
    out += "\n\n" + style.bold("By competency (entries tagged, each entry counted once per item)") + "\n";
    Table items({"ITEM", "NAME", "ENTRIES"});
    items.align(2, Table::Align::right);
    items.shrink(1);
    for (const auto& i : items_in_framework_order(s, frameworks)) {
        items.add_row({Cell(i.ref, "36"), i.name, std::to_string(i.entries)});
    }
    if (s.unknown_tags) {
        items.add_row({Cell("(unknown)", "2"), "tags that name no known item", std::to_string(s.unknown_tags)});
    }
    out += items.render(style, "  ");
    out += "\n" + style.bold("By type") + "\n";
    Table types({"TYPE", "ENTRIES"});
    types.align(1, Table::Align::right);
    for (const auto& [type, n] : types_in_order(s)) types.add_row({type, std::to_string(n)});
    out += types.render(style, "  ");
    out += "\n" + style.bold("By year") + "\n";
    Table years({"YEAR", "ENTRIES"});
    years.align(1, Table::Align::right);
    for (const auto& [y, n] : s.by_year) years.add_row({std::to_string(y), std::to_string(n)});
    out += years.render(style, "  ");
    return out;
}

std::string render_stats_csv(const Stats& s, const FrameworkLookup& frameworks) {
    std::string out = csv::record({"section", "key", "name", "entries"});
    for (const auto& i : items_in_framework_order(s, frameworks)) {
        out += csv::record(
            {"item", csv::spreadsheet_safe(i.ref), csv::spreadsheet_safe(i.name), std::to_string(i.entries)});
    }
    for (const auto& [type, n] : types_in_order(s)) out += csv::record({"type", type, "", std::to_string(n)});
    for (const auto& [y, n] : s.by_year) out += csv::record({"year", std::to_string(y), "", std::to_string(n)});
    return out;
}

std::string render_stats_json(const Stats& s, const FrameworkLookup& frameworks) {
    Json j;
    j["schema"] = "leadctl.evidence-stats/1";
    j["logs"] = s.logs;
    j["entries"] = s.entries;
    j["first_date"] = date_or_null(s.first);
    j["last_date"] = date_or_null(s.last);
    j["unknown_tags"] = s.unknown_tags;
    auto arr = Json::array();
    for (const auto& i : items_in_framework_order(s, frameworks)) {
        arr.push_back({{"ref", i.ref}, {"name", i.name}, {"entries", i.entries}});
    }
    j["by_item"] = std::move(arr);
    arr = Json::array();
    for (const auto& [type, n] : types_in_order(s)) arr.push_back({{"type", type}, {"entries", n}});
    j["by_type"] = std::move(arr);
    arr = Json::array();
    for (const auto& [y, n] : s.by_year) arr.push_back({{"year", y}, {"entries", n}});
    j["by_year"] = std::move(arr);
    return j.dump(2) + "\n";
}

}  // namespace leadctl
