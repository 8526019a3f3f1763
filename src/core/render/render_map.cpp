#include "core/render/render_map.hpp"

#include "core/util/csv.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

std::string ref(const Framework& fw, int i) {
    return fw.id + ":" + fw.at(i).code;
}
std::string conf_text(double c) {
    return fmt::format("{:.2f}", c);
}

std::string header_line(const MapResult& r, const MapRenderOptions& opt) {
    std::size_t direct = 0;
    for (const auto& row : r.rows) direct += row.mapping.direct();
    std::vector<std::string> cws;
    for (const auto* cw : r.crosswalks) cws.push_back(fmt::format("{} ({})", cw->id, cw->basis));
    std::string s = fmt::format("{} → {}: {} mapping{} ({} direct", r.from->id, r.to->id, r.rows.size(),
                                r.rows.size() == 1 ? "" : "s", direct);
    if (opt.filter.max_hops > 1) {
        s += fmt::format(", {} composed through up to {} crosswalks)", r.rows.size() - direct, opt.filter.max_hops);
    } else {
        s += ")";
    }
    if (r.hidden_composed > 0) s += fmt::format("; {} composed hidden (--all shows them)", r.hidden_composed);
    if (!cws.empty()) s += fmt::format("; crosswalk {}", text::join(cws, ", "));
    return s;
}

/// The legend, broken between relations (never inside one) to fit 80 columns, or the
/// style's width when narrower.
std::string legend_lines(const Style& s) {
    const std::size_t width = s.width > 0 ? std::min<std::size_t>(s.width, 80) : 80;
    std::string out;
    std::string line = "Relations:";
    for (std::size_t k = 0; k < kRelations.size(); ++k) {
        const auto& ri = kRelations[k];
        const std::string part =
            fmt::format(" {} {} ({}){}", ri.symbol, ri.name, ri.meaning, k + 1 < kRelations.size() ? "," : "");
        if (text::display_width(line) + text::display_width(part) > width) {
            out += s.dim(line) + "\n";
            line = " ";
        }
        line += part;
    }
    return out + s.dim(line) + "\n";
}

std::string reason_of(const Edge& e) {
    const auto& m = *e.mapping;
    return fmt::format("{} {} {} ({}, {}, {}): {}", e.from, info(e.relation).symbol, e.to, conf_text(e.confidence),
                       e.crosswalk->id, m.author, m.rationale);
}

/// Reason an item has no row: its `unmapped` entry, or nothing.
const Unmapped* unmapped_entry(const MapResult& r, int i) {
    const std::string rf = ref(*r.from, i);
    for (const auto& u : r.unmapped) {
        if (u.item == rf) return &u;
    }
    return nullptr;
}

}  // namespace

std::string via_text(const Resolved& r) {
    return r.direct() ? "" : "via " + text::join(r.via, ", ");
}

std::string render_map_text(const MapResult& r, const MapRenderOptions& opt) {
    const Style& s = opt.style;
    std::string out;
    for (const auto& l : fit_lines(s, text::terminal_safe(header_line(r, opt)))) out += s.bold(l) + "\n";
    out += legend_lines(s) + "\n";

    Table t({"FROM", "NAME", "REL", "TO", "NAME", "CONF", "VIA"});
    t.align(5, Table::Align::right);
    t.shrink(1);
    t.shrink(4);
    std::map<int, std::vector<const MapRow*>> by_item;
    for (const auto& row : r.rows) by_item[row.from_item].push_back(&row);
    std::vector<int> items;
    std::vector<const Unmapped*> unmapped_notes;
    if (r.item >= 0) {
        items.push_back(r.item);  // the queried item, even when nothing maps
    } else {
        for (std::size_t i = 0; i < r.from->items.size(); ++i) {
            const int ii = static_cast<int>(i);
            // With a filter, an item with nothing left says nothing: leave it out.
            const bool filtered = !opt.filter.relations.empty() || opt.filter.min_confidence > 0;
            if (by_item.count(ii) || (r.from->is_leaf(ii) && !filtered)) items.push_back(ii);
        }
    }
    for (int i : items) {
        const auto it = by_item.find(i);
        if (it == by_item.end()) {
            const Unmapped* u = unmapped_entry(r, i);
            t.add_row({Cell(ref(*r.from, i), "36"), r.from->at(i).name, Cell("-", "2"),
                       Cell(u ? "(unmapped)" : "(no mapping)", "2")});
            if (u) unmapped_notes.push_back(u);
            continue;
        }
        bool first = true;
        for (const auto* row : it->second) {
            const auto& m = row->mapping;
            t.add_row({Cell(first ? ref(*r.from, i) : "", "36"), first ? r.from->at(i).name : "",
                       Cell(std::string(info(m.relation).symbol), "1"), Cell(m.to, "36"), r.to->at(row->to_item).name,
                       conf_text(m.confidence), Cell(via_text(m), "2")});
            first = false;
        }
    }
    if (t.empty()) {
        out += "No mappings match.\n";
    } else {
        out += t.render(s);
    }
    if (!unmapped_notes.empty()) {
        out += "\n" + s.bold("Unmapped, as the crosswalk says:") + "\n";
        for (const auto* u : unmapped_notes) {
            const auto lines = text::wrap(text::terminal_safe(u->item + ": " + u->reason), s.wrap_width(76, 4));
            for (std::size_t k = 0; k < lines.size(); ++k) out += fmt::format("{}{}\n", k ? "    " : "  ", lines[k]);
        }
    }
    if (opt.item_mode && !r.rows.empty()) {
        out += "\n" + s.bold("Why:") + "\n";
        for (const auto& row : r.rows) {
            out += fmt::format("  {}\n", s.cyan(text::terminal_safe(row.mapping.to)));
            for (const auto* e : row.mapping.edges) {
                for (const auto& l : text::wrap(text::terminal_safe(reason_of(*e)), s.wrap_width(74, 4)))
                    out += fmt::format("    {}\n", l);
            }
        }
    }
    return out;
}

namespace {

/// The grid of `r` over the target leaves `cols`: two label columns (code, name) and one
/// column a leaf.
Table matrix_table(const MapResult& r, const std::vector<int>& cols,
                   const std::map<std::pair<int, int>, const Resolved*>& cell) {
    std::vector<std::string> headers{"", ""};
    for (int c : cols) headers.push_back(r.to->at(c).code);
    Table t(headers);
    for (std::size_t c = 0; c < cols.size(); ++c) t.align(c + 2, Table::Align::right);
    t.shrink(1);
    for (std::size_t i = 0; i < r.from->items.size(); ++i) {
        const int ii = static_cast<int>(i);
        const Item& it = r.from->at(ii);
        std::vector<Cell> cells{Cell(std::string(static_cast<std::size_t>(2 * it.depth), ' ') + it.code, "36"),
                                Cell(it.name, it.children.empty() ? "" : "1")};
        for (int c : cols) {
            // A target leaf is hit by a mapping to it or to one of its ancestors.
            const Resolved* best = nullptr;
            for (int a = c; a >= 0; a = r.to->at(a).parent) {
                auto f = cell.find({ii, a});
                if (f != cell.end() && (!best || f->second->confidence > best->confidence)) best = f->second;
            }
            cells.push_back(best ? Cell(std::string(info(best->relation).symbol), best->direct() ? "1" : "2")
                                 : Cell("·", "2"));
        }
        t.add_row(std::move(cells));
    }
    return t;
}

}  // namespace

std::vector<std::vector<std::size_t>> matrix_bands(std::size_t labels, const std::vector<std::size_t>& columns,
                                                   std::size_t width) {
    std::vector<std::vector<std::size_t>> bands;
    if (columns.empty()) return {{}};
    auto cost = [&](std::size_t c) { return 2 + columns[c]; };
    std::size_t total = labels;
    for (std::size_t c = 0; c < columns.size(); ++c) total += cost(c);
    if (width == 0 || total <= width) {
        bands.emplace_back();
        for (std::size_t c = 0; c < columns.size(); ++c) bands.back().push_back(c);
        return bands;
    }
    // Fewest bands: fill each as far as it goes (a column wider than the room stands alone).
    std::size_t used = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (bands.empty() || used + cost(c) > width) {
            bands.emplace_back();
            used = labels;
        }
        bands.back().push_back(c);
        used += cost(c);
    }
    // Then the same number of bands, as even as they can be, when every one fits: the last
    // band is not a stub, and the names keep more room in every band.
    const std::size_t k = bands.size();
    const std::size_t n = columns.size();
    std::vector<std::vector<std::size_t>> even(k);
    bool fits = true;
    for (std::size_t b = 0, c = 0; b < k; ++b) {
        const std::size_t take = n / k + (b < n % k ? 1 : 0);
        std::size_t w = labels;
        for (std::size_t j = 0; j < take; ++j, ++c) {
            even[b].push_back(c);
            w += cost(c);
        }
        if (w > width) fits = false;
    }
    return fits ? even : bands;
}

std::string render_map_matrix(const MapResult& r, const MapRenderOptions& opt) {
    const Style& s = opt.style;
    // Columns: the target's leaf items; rows: the source's items grouped by their roots.
    std::vector<int> cols;
    for (std::size_t i = 0; i < r.to->items.size(); ++i) {
        if (r.to->is_leaf(static_cast<int>(i))) cols.push_back(static_cast<int>(i));
    }
    std::map<std::pair<int, int>, const Resolved*> cell;
    for (const auto& row : r.rows) cell[{row.from_item, row.to_item}] = &row.mapping;

    // A grid wider than the terminal is cut into bands of columns, one under the other, each
    // with the row labels again (names at their narrowest), like a wide matrix printed in R.
    std::vector<std::size_t> widths;
    for (int c : cols) {
        widths.push_back(std::max<std::size_t>(1, text::display_width(text::terminal_safe(r.to->at(c).code))));
    }
    const std::size_t labels = matrix_table(r, {}, cell).width("", true);
    const auto bands = matrix_bands(labels, widths, s.width);

    std::string out;
    for (const auto& l : fit_lines(s, text::terminal_safe(header_line(r, opt)))) out += s.bold(l) + "\n";
    for (std::size_t b = 0; b < bands.size(); ++b) {
        std::vector<int> part;
        for (std::size_t c : bands[b]) part.push_back(cols[c]);
        out += "\n";
        if (bands.size() > 1) {
            out +=
                s.dim(fmt::format("Columns {} to {} (part {} of {})", text::terminal_safe(r.to->at(part.front()).code),
                                  text::terminal_safe(r.to->at(part.back()).code), b + 1, bands.size())) +
                "\n";
        }
        out += matrix_table(r, part, cell).render(s);
    }
    out += "\n" + legend_lines(s);
    for (const auto& l : fit_lines(s,
                                   "A cell shows the strongest mapping from the row's item to the column's item or its "
                                   "parent; · none."))
        out += s.dim(l) + "\n";
    return out;
}

std::string render_map_json(const MapResult& r, const MapRenderOptions& opt) {
    Json j;
    j["schema"] = kMapSchema;
    j["from"] = r.from->id;
    j["to"] = r.to->id;
    Json filter;
    filter["max_hops"] = opt.filter.max_hops;
    Json rels = Json::array();
    for (auto rel : opt.filter.relations) rels.push_back(info(rel).name);
    filter["relations"] = std::move(rels);
    filter["min_confidence"] = opt.filter.min_confidence;
    filter["prune_composed"] = opt.filter.prune_composed;
    filter["composed_min_confidence"] = opt.filter.composed_min_confidence;
    j["filter"] = std::move(filter);
    Json cws = Json::array();
    for (const auto* cw : r.crosswalks) {
        cws.push_back({{"id", cw->id}, {"version", cw->version}, {"basis", cw->basis}, {"origin", cw->origin}});
    }
    j["crosswalks"] = std::move(cws);
    Json maps = Json::array();
    for (const auto& row : r.rows) {
        const auto& m = row.mapping;
        Json steps = Json::array();
        for (const auto* e : m.edges) {
            steps.push_back({{"from", e->from},
                             {"to", e->to},
                             {"relation", info(e->relation).name},
                             {"confidence", e->confidence},
                             {"crosswalk", e->crosswalk->id},
                             {"justification", e->mapping->justification},
                             {"author", e->mapping->author},
                             {"rationale", e->mapping->rationale},
                             {"derived_inverse", e->inverted}});
        }
        maps.push_back({{"subject", m.from},
                        {"subject_label", r.from->at(row.from_item).name},
                        {"relation", info(m.relation).name},
                        {"predicate", info(m.relation).skos},
                        {"object", m.to},
                        {"object_label", r.to->at(row.to_item).name},
                        {"confidence", m.confidence},
                        {"direct", m.direct()},
                        {"via", m.via},
                        {"steps", std::move(steps)}});
    }
    j["mappings"] = std::move(maps);
    Json un = Json::array();
    for (const auto& u : r.unmapped) un.push_back({{"item", u.item}, {"reason", u.reason}});
    j["unmapped"] = std::move(un);
    j["hidden_composed"] = r.hidden_composed;
    return j.dump(2) + "\n";
}

std::string render_map_csv(const MapResult& r) {
    std::string out = csv::record({"subject_id", "subject_label", "relation", "object_id", "object_label", "confidence",
                                   "via", "crosswalk", "justification", "author", "rationale"});
    for (const auto& row : r.rows) {
        const auto& m = row.mapping;
        const Edge& first = *m.edges.front();
        const auto safe = csv::spreadsheet_safe;
        out += csv::record(
            {safe(m.from), safe(r.from->at(row.from_item).name), std::string(info(m.relation).name), safe(m.to),
             safe(r.to->at(row.to_item).name), conf_text(m.confidence), safe(text::join(m.via, " ")),
             m.direct() ? safe(first.crosswalk->id) : "", m.direct() ? safe(first.mapping->justification) : "composed",
             m.direct() ? safe(first.mapping->author) : "", m.direct() ? safe(first.mapping->rationale) : ""});
    }
    return out;
}

std::string render_map_markdown(const MapResult& r) {
    const auto cell = text::markdown_cell;
    const auto md = [](std::string_view x) { return text::markdown_safe(x); };
    const auto code = [](std::string_view x) { return text::markdown_safe(x, text::MarkdownSink::code); };
    std::string out = fmt::format("## {} → {}\n\n", md(r.from->title), md(r.to->title));
    for (const auto* cw : r.crosswalks) {
        out += fmt::format("Crosswalk {} (version {}, {}). {}\n\n", code(cw->id), md(cw->version), md(cw->basis),
                           md(cw->basis_note));
    }
    out += "| From | | Relation | To | | Confidence | Via | Rationale |\n|---|---|---|---|---|---|---|---|\n";
    for (const auto& row : r.rows) {
        const auto& m = row.mapping;
        out += fmt::format("| {} | {} | {} {} | {} | {} | {} | {} | {} |\n", code(m.from),
                           cell(r.from->at(row.from_item).name), info(m.relation).symbol, info(m.relation).name,
                           code(m.to), cell(r.to->at(row.to_item).name), conf_text(m.confidence), cell(via_text(m)),
                           m.direct() ? cell(m.edges.front()->mapping->rationale) : "composed");
    }
    if (!r.unmapped.empty()) {
        out += "\n**Unmapped:**\n\n";
        for (const auto& u : r.unmapped) out += fmt::format("- {}: {}\n", code(u.item), md(u.reason));
    }
    if (r.hidden_composed > 0) {
        out += fmt::format("\n{} composed mapping{} hidden (`--all` shows {}).\n", r.hidden_composed,
                           r.hidden_composed == 1 ? "" : "s", r.hidden_composed == 1 ? "it" : "them");
    }
    return out;
}

}  // namespace leadctl
