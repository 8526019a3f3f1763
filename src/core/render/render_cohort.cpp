#include "core/render/render_cohort.hpp"

#include "core/render/html.hpp"
#include "core/render/render_assess.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

std::string ref(const CohortReport& c, int i) {
    return c.framework->id + ":" + c.framework->at(i).code;
}
int root_of(const CohortReport& c, int i) {
    while (c.framework->at(i).parent >= 0) i = c.framework->at(i).parent;
    return i;
}

std::string who(const CohortRow& r) {
    if (!r.person.name.empty() && !r.person.id.empty()) return fmt::format("{} ({})", r.person.name, r.person.id);
    if (!r.person.id.empty()) return r.person.id;
    return r.path;
}

std::string percent(double x) {
    return fmt::format("{:.0f}%", x * 100);
}

std::string headline(const CohortReport& c) {
    return fmt::format("Cohort report · {} · {} · as of {}", c.framework->id,
                       c.target.empty() ? std::string("each person's stage") : "target " + c.target, c.as_of.str());
}

std::string summary_line(const CohortReport& c) {
    const std::size_t logs = c.rows.size();
    std::string s = fmt::format("{} log{}: {} assessed", logs, logs == 1 ? "" : "s", c.assessed_people);
    if (c.failed > 0) s += fmt::format(", {} could not be", c.failed);
    s += fmt::format("; {} below {} coverage", c.at_risk.size(), percent(c.at_risk_below));
    return s;
}

/// The row's roll-up of a domain, or nullopt when none of its items was required.
std::optional<DomainResult> domain_of(const CohortReport& c, const CohortRow& r, int root) {
    auto d = row_domain(*c.framework, r, root);
    if (d.assessed == 0) return std::nullopt;
    return d;
}

/// "3/4" for a domain a person was assessed on, "" otherwise.
std::string domain_cell(const CohortReport& c, const CohortRow& r, int root) {
    const auto d = domain_of(c, r, root);
    if (!d) return "";
    return fmt::format("{}/{}", d->met, d->assessed);
}

std::string item_cell(const CohortRow& r, int item) {
    const auto& cell = r.at(item);
    if (cell.status == ItemStatus::not_required) return "";
    return fmt::format("{} ({})", to_string(cell.status), cell.entries);
}

std::string gap_line(const ItemTally& t) {
    return fmt::format("{} of {} people ({} gap, {} partial)", t.unmet(), t.assessed, t.gap, t.partial);
}

/// "  LEAD REST" on one line or, when the style's width asks, wrapped at spaces with the
/// following lines indented 4; LEAD (already terminal-safe) painted with `sgr`.
std::string listed(const Style& s, const std::string& lead, const std::string& rest, std::string_view sgr) {
    const std::string plain = lead + " " + rest;
    if (s.width == 0 || 2 + text::display_width(plain) <= s.width) return "  " + s.paint(lead, sgr) + " " + rest + "\n";
    auto lines = text::wrap(plain, s.wrap_width(s.width, 4));
    if (!lines.empty() && lines[0].starts_with(lead) &&
        (lines[0].size() == lead.size() || lines[0][lead.size()] == ' ')) {
        lines[0] = s.paint(lead, sgr) + lines[0].substr(lead.size());
    }
    std::string out;
    for (std::size_t k = 0; k < lines.size(); ++k) out += (k ? "    " : "  ") + lines[k] + "\n";
    return out;
}

}  // namespace

std::string render_cohort_text(const CohortReport& c, const Style& s) {
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    std::string out;
    for (const auto& l : fit_lines(s, safe(headline(c)))) out += s.bold(l) + "\n";
    for (const auto& l : fit_lines(s, summary_line(c))) out += l + "\n";
    if (c.rows.empty()) return out;
    // People: one row each, with the domains (or, for frameworks whose domains
    // are the assessed items, the items) as columns.
    const std::vector<int>& cols = c.domain_columns.empty() ? c.item_columns : c.domain_columns;
    const bool item_cols = c.domain_columns.empty();
    std::vector<std::string> headers{"PERSON", "NAME", "PROFILE", "COVERAGE", "MET", "PARTIAL", "GAP"};
    const std::size_t fixed = headers.size();
    for (int col : cols) headers.push_back(item_cols ? c.framework->at(col).code : ref(c, col));
    std::vector<std::vector<Cell>> rows;
    for (const auto& r : c.rows) {
        std::vector<Cell> cells{Cell(r.person.id.empty() ? "-" : r.person.id, "36"), r.person.name};
        if (!r.ok) {
            cells.emplace_back("-");
            cells.emplace_back("error", "31");
            cells.resize(headers.size(), Cell(""));
            rows.push_back(std::move(cells));
            continue;
        }
        cells.emplace_back(r.profile);
        cells.emplace_back(percent(r.coverage), r.coverage < c.at_risk_below ? "31" : "");
        cells.emplace_back(std::to_string(r.met));
        cells.emplace_back(std::to_string(r.partial));
        cells.emplace_back(std::to_string(r.gap));
        for (int col : cols) {
            if (item_cols) {
                const auto st = r.at(col).status;
                cells.emplace_back(st == ItemStatus::not_required ? "-" : std::string(to_string(st)), status_sgr(st));
            } else {
                const auto d = domain_of(c, r, col);
                std::string cell = domain_cell(c, r, col);
                cells.emplace_back(cell.empty() ? "-" : cell, d ? status_sgr(d->status) : "");
            }
        }
        cells.resize(headers.size(), Cell(""));
        rows.push_back(std::move(cells));
    }
    // A table of some of the columns (PERSON first); the error rows only where the
    // table has more than PERSON's columns to say.
    const auto table_of = [&](const std::vector<std::size_t>& which, bool errors) {
        std::vector<std::string> h;
        for (auto k : which) h.push_back(headers[k]);
        Table t(h);
        for (std::size_t k = 0; k < which.size(); ++k) {
            if (which[k] >= 3) t.align(k, Table::Align::right);
            if (which[k] == 1) t.shrink(k, {.min_width = 10});
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (!errors && !c.rows[i].ok) continue;
            std::vector<Cell> cells;
            for (auto k : which) cells.push_back(rows[i][k]);
            t.add_row(std::move(cells));
        }
        return t;
    };
    std::vector<std::size_t> all(headers.size());
    for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
    const Table whole = table_of(all, true);
    if (s.width == 0 || cols.empty() || whole.width("", true) <= s.width) {
        out += "\n" + whole.render(s);
    } else {
        // Too wide even with the names cut: the people's columns first, then the
        // domain (or item) columns in as many tables, each led by PERSON, as they need.
        std::vector<std::size_t> people(fixed);
        for (std::size_t k = 0; k < fixed; ++k) people[k] = k;
        out += "\n" + table_of(people, true).render(s);
        std::vector<std::size_t> chunk{0};
        for (std::size_t k = fixed; k < headers.size(); ++k) {
            chunk.push_back(k);
            if (chunk.size() > 2 && table_of(chunk, false).width() > s.width) {
                chunk.pop_back();
                out += "\n" + table_of(chunk, false).render(s);
                chunk = {0, k};
            }
        }
        out += "\n" + table_of(chunk, false).render(s);
    }
    if (!c.tallies.empty()) {
        Table items({"ITEM", "NAME", "MET", "PARTIAL", "GAP", "MET %"});
        for (std::size_t k = 2; k < 6; ++k) items.align(k, Table::Align::right);
        items.shrink(1);
        for (const auto& tl : c.tallies) {
            items.add_row({Cell(ref(c, tl.item), "36"), c.framework->at(tl.item).name, std::to_string(tl.met),
                           std::to_string(tl.partial), std::to_string(tl.gap),
                           tl.assessed ? percent(static_cast<double>(tl.met) / tl.assessed) : "-"});
        }
        out += "\n" + items.render(s);
    }
    if (!c.common_gaps.empty()) {
        out += "\n" + s.bold("Most common gaps") + "\n";
        for (std::size_t k = 0; k < c.common_gaps.size() && k < 5; ++k) {
            const auto& tl = c.common_gaps[k];
            out += listed(s, safe(ref(c, tl.item)), safe(c.framework->at(tl.item).name) + " — " + gap_line(tl), "36");
        }
    }
    if (!c.at_risk.empty()) {
        out += "\n" + s.bold(fmt::format("Below {} coverage", percent(c.at_risk_below))) + "\n";
        for (auto i : c.at_risk) {
            const auto& r = c.rows[i];
            out += listed(
                s, safe(r.person.id),
                fmt::format("{} — {} ({} of {} met)", safe(r.person.name), percent(r.coverage), r.met, r.assessed),
                "36");
        }
    }
    if (c.failed > 0) {
        out += "\n" + s.bold("Not assessed") + "\n";
        for (const auto& r : c.rows) {
            if (!r.ok) out += listed(s, safe(r.path.str()) + ":", safe(r.failure), "");
        }
    }
    return out;
}

std::string render_cohort_csv(const CohortReport& c) {
    std::ostringstream out;
    write_cohort_csv(c, out);
    return std::move(out).str();
}

void write_cohort_csv(const CohortReport& c, std::ostream& out) {
    const auto safe = csv::spreadsheet_safe;
    std::vector<std::string> header{"path",   "person_id", "name",     "stage",    "profile",
                                    "status", "coverage",  "assessed", "met",      "partial",
                                    "gap",    "entries",   "errors",   "warnings", "error"};
    for (int d : c.domain_columns) header.push_back(ref(c, d));
    for (int i : c.item_columns) header.push_back(ref(c, i));
    for (int i : c.item_columns) header.push_back(ref(c, i) + " entries");
    // Last: the columns are an interface, and new ones are only added after the
    // existing ones (leadctl(1)), so no script reading them by position breaks.
    header.emplace_back("programme");
    for (auto& h : header) h = safe(h);
    out << csv::record(header);
    for (const auto& r : c.rows) {
        std::vector<std::string> f{safe(r.path.str()),
                                   safe(r.person.id),
                                   safe(r.person.name),
                                   safe(r.person.stage),
                                   safe(r.profile),
                                   r.ok ? "ok" : "error",
                                   r.ok ? fmt::format("{:.4f}", r.coverage) : "",
                                   r.ok ? std::to_string(r.assessed) : "",
                                   r.ok ? std::to_string(r.met) : "",
                                   r.ok ? std::to_string(r.partial) : "",
                                   r.ok ? std::to_string(r.gap) : "",
                                   std::to_string(r.entries),
                                   std::to_string(r.errors),
                                   std::to_string(r.warnings),
                                   safe(r.failure)};
        for (int d : c.domain_columns) {
            const auto dr = domain_of(c, r, d);
            f.emplace_back(dr ? std::string(to_string(dr->status)) : "");
        }
        for (int i : c.item_columns) {
            const auto st = r.ok ? r.at(i).status : ItemStatus::not_required;
            f.emplace_back(st == ItemStatus::not_required ? "" : std::string(to_string(st)));
        }
        for (int i : c.item_columns) {
            const bool req = r.ok && r.at(i).status != ItemStatus::not_required;
            f.emplace_back(req ? std::to_string(r.at(i).entries) : "");
        }
        f.push_back(safe(r.person.programme));
        out << csv::record(f);
    }
}

std::string render_cohort_markdown(const CohortReport& c) {
    const auto cell = text::markdown_cell;
    const auto code = [](std::string_view x) { return text::markdown_safe(x, text::MarkdownSink::code); };
    std::string out = fmt::format("# {}\n\n**{}**\n\n", cell(headline(c)), cell(summary_line(c)));
    if (c.rows.empty()) return out;
    out += "## People\n\n| Person | Name | Profile | Coverage |";
    std::string rule = "|---|---|---|---|";
    for (int d : c.domain_columns) {
        out += fmt::format(" {} |", code(ref(c, d)));
        rule += "---|";
    }
    for (int i : c.item_columns) {
        out += fmt::format(" {} |", code(ref(c, i)));
        rule += "---|";
    }
    out += "\n" + rule + "\n";
    for (const auto& r : c.rows) {
        out += fmt::format("| {} | {} |", r.person.id.empty() ? "–" : cell(r.person.id), cell(r.person.name));
        if (!r.ok) {
            out +=
                fmt::format(" – | **error** |{}\n", std::string(c.domain_columns.size() + c.item_columns.size(), '|'));
            continue;
        }
        out += fmt::format(" {} | {} |", cell(r.profile), percent(r.coverage));
        for (int d : c.domain_columns) out += fmt::format(" {} |", domain_cell(c, r, d));
        for (int i : c.item_columns) out += fmt::format(" {} |", item_cell(r, i));
        out += "\n";
    }
    if (!c.tallies.empty()) {
        out += "\n## Items\n\n| Item | Name | Met | Partial | Gap | Met % |\n|---|---|---|---|---|---|\n";
        for (const auto& t : c.tallies) {
            out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", code(ref(c, t.item)),
                               cell(c.framework->at(t.item).name), t.met, t.partial, t.gap,
                               t.assessed ? percent(static_cast<double>(t.met) / t.assessed) : "–");
        }
    }
    if (!c.common_gaps.empty()) {
        out += "\n## Most common gaps\n\n";
        for (const auto& t : c.common_gaps) {
            out += fmt::format("- {} {}: {}\n", code(ref(c, t.item)), cell(c.framework->at(t.item).name), gap_line(t));
        }
    }
    if (!c.at_risk.empty()) {
        out += fmt::format("\n## Below {} coverage\n\n", percent(c.at_risk_below));
        for (auto i : c.at_risk) {
            const auto& r = c.rows[i];
            out += fmt::format("- {}: {} ({} of {} met)\n", cell(who(r)), percent(r.coverage), r.met, r.assessed);
        }
    }
    if (c.failed > 0) {
        out += "\n## Not assessed\n\n";
        for (const auto& r : c.rows) {
            if (!r.ok) out += fmt::format("- {}: {}\n", code(r.path.str()), cell(r.failure));
        }
    }
    if (std::any_of(c.rows.begin(), c.rows.end(), [](const CohortRow& r) { return r.privacy_count > 0; })) {
        out += "\n## Privacy\n\nThese logs hold what looks like patient-identifiable data (masked here):\n\n";
        for (const auto& r : c.rows) {
            if (r.privacy_count == 0) continue;
            std::vector<std::string> where;
            for (const auto& d : r.privacy) {
                where.push_back(fmt::format("{} at {}:{}", d.code, d.location.line, d.location.column));
            }
            out += fmt::format("- {}: {}\n", code(r.path.str()), cell(text::join(where, ", ")));
        }
    }
    return out;
}

std::string render_cohort_json(const CohortReport& c) {
    Json j;
    j["schema"] = kCohortSchema;
    j["framework"] = {{"id", c.framework->id}, {"title", c.framework->title}, {"edition", c.framework->edition}};
    j["target"] = c.target.empty() ? Json(nullptr) : Json(c.target);
    j["as_of"] = c.as_of.str();
    j["at_risk_below"] = c.at_risk_below;
    j["policy"] = policy_json(c.policy);
    j["summary"] = {
        {"logs", c.rows.size()}, {"assessed", c.assessed_people}, {"errors", c.failed}, {"at_risk", c.at_risk.size()}};
    Json domains = Json::array();
    for (int d : c.domain_columns) domains.push_back({{"ref", ref(c, d)}, {"name", c.framework->at(d).name}});
    Json items = Json::array();
    for (const auto& t : c.tallies) {
        items.push_back({{"ref", ref(c, t.item)},
                         {"name", c.framework->at(t.item).name},
                         {"domain", ref(c, root_of(c, t.item))},
                         {"assessed", t.assessed},
                         {"met", t.met},
                         {"partial", t.partial},
                         {"gap", t.gap}});
    }
    j["domains"] = std::move(domains);
    j["items"] = std::move(items);
    Json gaps = Json::array();
    for (const auto& t : c.common_gaps) gaps.push_back({{"ref", ref(c, t.item)}, {"unmet", t.unmet()}});
    j["common_gaps"] = std::move(gaps);
    Json risk = Json::array();
    for (auto i : c.at_risk) {
        risk.push_back({{"id", c.rows[i].person.id}, {"path", c.rows[i].path.str()}, {"coverage", c.rows[i].coverage}});
    }
    j["at_risk"] = std::move(risk);
    Json people = Json::array();
    Json errors = Json::array();
    const auto diagnostics = [](const std::vector<Diagnostic>& list) {
        Json out = Json::array();
        for (const auto& d : list) {
            out.push_back({{"file", d.location.file},
                           {"line", d.location.line},
                           {"column", d.location.column},
                           {"severity", to_string(d.severity)},
                           {"code", d.code},
                           {"message", d.message}});
        }
        return out;
    };
    for (const auto& r : c.rows) {
        // One shape for a person everywhere (leadctl.cohort/2): people[] and errors[] alike.
        const Json person = {
            {"id", r.person.id}, {"name", r.person.name}, {"stage", r.person.stage}, {"programme", r.person.programme}};
        if (!r.ok) {
            errors.push_back({{"path", r.path.str()},
                              {"person", person},
                              {"message", r.failure},
                              {"entries", r.entries},
                              {"errors", r.errors},
                              {"warnings", r.warnings},
                              {"diagnostics", diagnostics(r.problems)},
                              {"privacy", diagnostics(r.privacy)}});
            continue;
        }
        Json p;
        p["path"] = r.path.str();
        p["person"] = person;
        p["profile"] = r.profile;
        p["entries"] = r.entries;
        p["warnings"] = r.warnings;
        p["privacy"] = diagnostics(r.privacy);
        p["summary"] = {
            {"assessed", r.assessed}, {"met", r.met}, {"partial", r.partial}, {"gap", r.gap}, {"coverage", r.coverage}};
        Json doms = Json::object();
        for (int root : c.framework->roots) {
            const auto d = row_domain(*c.framework, r, root);
            if (d.assessed == 0) continue;
            doms[ref(c, d.item)] = {
                {"status", to_string(d.status)}, {"assessed", d.assessed}, {"met", d.met}, {"partial", d.partial}};
        }
        p["domains"] = std::move(doms);
        Json its = Json::object();
        for (int i : c.item_columns) {
            const auto& cell = r.at(i);
            if (cell.status == ItemStatus::not_required) continue;
            its[ref(c, i)] = {{"status", to_string(cell.status)}, {"count", cell.entries}};
        }
        p["items"] = std::move(its);
        if (!r.per_person_file.empty()) p["report"] = r.per_person_file;
        people.push_back(std::move(p));
    }
    j["people"] = std::move(people);
    j["errors"] = std::move(errors);
    return j.dump(2) + "\n";
}

namespace {

// The heat map: tinted cells for the screen, symbol and number in dark text for
// paper (backgrounds off) and greyscale; A4 landscape when printed, small type,
// header rows repeated on each page.
constexpr std::string_view kCohortCss = R"(body{max-width:none}
table.heat{width:auto;font-size:.82rem}
table.heat th,table.heat td{border:1px solid #d0d7de;padding:.15rem .3rem;text-align:center}
table.heat td.l,table.heat th.l{text-align:left}
table.heat th.v{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom;font-weight:600}
table.heat td.met{background:#dafbe1}table.heat td.partial{background:#fff1c2}table.heat td.gap{background:#ffebe9}
table.heat td.na{background:#f6f8fa}table.heat td.error{font-weight:700}
table.heat td.c{white-space:nowrap;font-variant-numeric:tabular-nums}
@media print{@page{size:A4 landscape;margin:8mm}table.heat{font-size:6.5pt}table.heat th,table.heat td{padding:1px 2px}
table.heat td.met,table.heat td.partial,table.heat td.gap,table.heat td.na{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)";

/// A heat-map cell: symbol and number in the status's colour, on its tint.
std::string heat_cell(ItemStatus st, const std::string& number, std::string_view title) {
    return fmt::format("<td class=\"c {0}\" title=\"{1}\"><span class=\"{0}\">{2}&#8239;{3}</span></td>",
                       html::css_class(st), html::escape(title), html::symbol(st), number);
}

}  // namespace

std::string render_cohort_html(const CohortReport& c, const Style& style) {
    const auto e = html::escape;
    std::string out = html::begin_page(headline(c), kCohortCss);
    out += "<header>\n<h1>" + e(headline(c)) + "</h1>\n<p><strong>" + e(summary_line(c)) + "</strong></p>\n</header>\n";
    out += html::legend({
        {html::badge(ItemStatus::met), "the item is met (the number: entries counted toward it)"},
        {html::badge(ItemStatus::partial), "some evidence counts toward it, not yet enough"},
        {html::badge(ItemStatus::gap), "no evidence counts toward it"},
        {html::badge(ItemStatus::not_required, "blank"), "not required of that person (another profile)"},
        {"<span class=\"met\">✓&#8239;3/4</span>", "a domain: items met of those required (✓ all met, ◐ some, ✗ none)"},
        {"<span class=\"code\">mlcf:2.3</span>", "an item or domain; the table under the heat map names each one"},
    });
    out +=
        "<table class=\"heat\">\n<thead><tr><th scope=\"col\" class=\"l\">Person</th><th scope=\"col\" "
        "class=\"l\">Name</th><th scope=\"col\" class=\"l\">Profile</th><th scope=\"col\">Coverage</th>";
    for (int d : c.domain_columns) out += "<th scope=\"col\" class=\"v\">" + e(ref(c, d)) + "</th>";
    for (int i : c.item_columns) out += "<th scope=\"col\" class=\"v\">" + e(ref(c, i)) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    const std::size_t ncols = c.domain_columns.size() + c.item_columns.size();
    for (const auto& r : c.rows) {
        std::string id = e(r.person.id.empty() ? r.path.str() : r.person.id);
        if (!r.per_person_file.empty() && !c.per_person_href.empty()) {
            id = "<a href=\"" + e(c.per_person_href + r.per_person_file) + "\">" + id + "</a>";
        }
        out += "<tr><th scope=\"row\" class=\"l\">" + id + "</th><td class=\"l\">" + e(r.person.name) + "</td>";
        if (!r.ok) {
            out += fmt::format(
                "<td class=\"l\"></td><td class=\"error\">✗ error</td><td class=\"l\" colspan=\"{}\">{}</td>"
                "</tr>\n",
                ncols, e(r.path.str() + ": " + r.failure));
            continue;
        }
        out += "<td class=\"l\">" + e(r.profile) + "</td><td class=\"num\">" + percent(r.coverage) + "</td>";
        for (int d : c.domain_columns) {
            const auto dr = domain_of(c, r, d);
            if (!dr) {
                out += "<td class=\"na\"></td>";
            } else {
                out += heat_cell(dr->status, fmt::format("{}/{}", dr->met, dr->assessed),
                                 fmt::format("{} {}: {}", ref(c, d), c.framework->at(d).name, to_string(dr->status)));
            }
        }
        for (int i : c.item_columns) {
            const auto& cell = r.at(i);
            if (cell.status == ItemStatus::not_required) {
                out += "<td class=\"na\"></td>";
            } else {
                out += heat_cell(cell.status, std::to_string(cell.entries),
                                 fmt::format("{} {}: {}", ref(c, i), c.framework->at(i).name, to_string(cell.status)));
            }
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    out +=
        "<h2>Items</h2>\n<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Name</th>"
        "<th scope=\"col\" class=\"num\">Met</th><th scope=\"col\" class=\"num\">Partial</th>"
        "<th scope=\"col\" class=\"num\">Gap</th><th scope=\"col\" class=\"num\">Assessed</th></tr></thead>\n<tbody>\n";
    for (int d : c.domain_columns) {
        out += "<tr><td class=\"code\">" + e(ref(c, d)) + "</td><td>" + e(c.framework->at(d).name) +
               " <span class=\"muted\">(domain)</span></td><td colspan=\"4\"></td></tr>\n";
    }
    for (const auto& t : c.tallies) {
        out += fmt::format(
            "<tr><td class=\"code\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            e(ref(c, t.item)), e(c.framework->at(t.item).name), t.met, t.partial, t.gap, t.assessed);
    }
    out += "</tbody>\n</table>\n";
    if (!c.common_gaps.empty()) {
        out += "<h2>Most common gaps</h2>\n<ul>\n";
        for (const auto& t : c.common_gaps) {
            out += "<li>" + e(ref(c, t.item) + " " + c.framework->at(t.item).name) + ": " + e(gap_line(t)) + "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!c.at_risk.empty()) {
        out += "<h2>" + e(fmt::format("Below {} coverage", percent(c.at_risk_below))) + "</h2>\n<ul>\n";
        for (auto i : c.at_risk) {
            const auto& r = c.rows[i];
            out += "<li>" + e(who(r)) + ": " + percent(r.coverage) + "</li>\n";
        }
        out += "</ul>\n";
    }
    const bool any_privacy =
        std::any_of(c.rows.begin(), c.rows.end(), [](const CohortRow& r) { return r.privacy_count > 0; });
    if (any_privacy) {
        out +=
            "<section class=\"alert\" aria-labelledby=\"privacy\">\n<h2 id=\"privacy\">Privacy</h2>\n<p>These logs "
            "hold what looks like patient-identifiable data (masked here); have it removed before the logs or "
            "this report are shared.</p>\n<ul>\n";
        for (const auto& r : c.rows) {
            if (r.privacy_count == 0) continue;
            std::vector<std::string> where;
            for (const auto& d : r.privacy) {
                where.push_back(fmt::format("{} at line {}, column {}", d.code, d.location.line, d.location.column));
            }
            out += "<li>" + e(r.path.str()) + ": " + e(text::join(where, "; ")) + "</li>\n";
        }
        out += "</ul>\n</section>\n";
    }
    out += html::footer(style, *c.framework,
                        c.target.empty() ? "each person's stage" : c.framework->id + " " + c.target, c.as_of, c.policy);
    return out + html::end_page();
}

}  // namespace leadctl
