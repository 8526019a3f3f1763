#include "core/render/render_assess.hpp"

#include "core/render/html.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

std::string ref(const Assessment& a, int i) {
    return a.framework->id + ":" + a.framework->at(i).code;
}
std::string level_name(const Assessment& a, int l) {
    return l < 0 ? "" : a.framework->scale[static_cast<std::size_t>(l)].name;
}

std::string headline(const Assessment& a) {
    std::string who = a.person.name.empty() ? a.person.id : fmt::format("{} ({})", a.person.name, a.person.id);
    if (who.empty()) who = "(no person named in the log)";
    return fmt::format("{} · {} {} · as of {}", who, a.framework->id, a.profile->id, a.as_of.str());
}

std::string summary_line(const Assessment& a) {
    return fmt::format(
        "Coverage {:.0f}%: {} of {} required items met{}, {} partial, {} gap{}", a.coverage * 100, a.met, a.assessed,
        a.met_indirectly ? fmt::format(" ({} only through crosswalks)", a.met_indirectly) : std::string(), a.partial,
        a.gap, a.gap == 1 ? "" : "s");
}

/// The tags (in the evidence's order, each once) through which an item's counted
/// entries came by crosswalks, and how many entries did.
std::pair<std::vector<std::string>, std::size_t> crosswalk_tags(const ItemResult& r) {
    std::vector<std::string> tags;
    std::size_t entries = 0;
    for (const auto& ev : r.evidence) {
        if (ev.via == "direct") continue;
        ++entries;
        const std::string tag = ev.via.substr(0, ev.via.find(' '));
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    }
    return {tags, entries};
}

/// An item's status; for a met item whose evidence came (all or in part) through
/// crosswalks, the tags it came through (at most two, then "..."): "met (via
/// hlm:7)" when all of it did, "met (1 of 3 via hlm:7)" when some did. The
/// terminal's table (`in_part` false) keeps its column narrow and lists the
/// second kind under the table instead.
std::string status_text(const ItemResult& r, bool in_part = true) {
    std::string s(to_string(r.status));
    if (r.status != ItemStatus::met || (!in_part && !r.indirect)) return s;
    auto [tags, entries] = crosswalk_tags(r);
    if (tags.empty()) return s;
    if (tags.size() > 2) {
        tags.resize(2);
        tags.emplace_back("...");
    }
    const std::string share = r.indirect ? "" : fmt::format("{} of {} ", entries, r.evidence.size());
    return s + " (" + share + "via " + text::join(tags, ", ") + ")";
}

std::string bar(int met, int partial, int total, int width) {
    if (total <= 0) return std::string(static_cast<std::size_t>(width), ' ');
    const int m = met * width / total;
    const int p = partial * width / total;
    std::string s;
    for (int i = 0; i < width; ++i) s += i < m ? "█" : i < m + p ? "▒" : "░";
    return s;
}

std::vector<const ItemResult*> required(const Assessment& a) {
    std::vector<const ItemResult*> out;
    for (const auto& r : a.items) {
        if (r.required) out.push_back(&r);
    }
    return out;
}

std::string level_cell(const Assessment& a, const ItemResult& r) {
    if (a.framework->scale.empty()) return "";
    std::string s = r.level_attained >= 0 ? level_name(a, r.level_attained) : "-";
    if (r.level_target >= 0) s += " / " + level_name(a, r.level_target);
    return s;
}

std::string refs(const Assessment& a, const std::vector<int>& items) {
    std::vector<std::string> out;
    for (int i : items) out.push_back(ref(a, i));
    return text::join(out, ", ");
}

/// Whether any required item still needs something (the section is shown then).
bool any_needs(const Assessment& a) {
    const auto r = required(a);
    return std::any_of(r.begin(), r.end(), [](const ItemResult* x) { return !x->needs.empty(); });
}

/// One need, for people: "1 more entry", "a sign-off (e003, e007)".
std::string need_text(const Assessment& a, const Need& n) {
    switch (n.kind) {
        case Need::Kind::entries:
            return fmt::format("{} more entr{}", n.count, n.count == 1 ? "y" : "ies");
        case Need::Kind::types:
            return n.count == 1 ? std::string("another type of evidence")
                                : fmt::format("{} more types of evidence", n.count);
        case Need::Kind::signoff:
            return fmt::format("a sign-off ({})", text::join(n.entries, ", "));
        case Need::Kind::level:
            return fmt::format("evidence at {}{}", level_name(a, n.level),
                               n.no_level ? fmt::format(" (no counted entry gives a level on the {} scale: add "
                                                        "\"level:\" to entries tagged to {})",
                                                        a.framework->id, a.framework->id)
                                          : std::string());
        case Need::Kind::direct:
            return fmt::format("{} more entr{} tagged to the item itself (policy min_direct_entries)", n.count,
                               n.count == 1 ? "y" : "ies");
        case Need::Kind::recent:
            return fmt::format("recent evidence ({} older than {} years: {})", text::join(n.entries, ", "),
                               a.policy.window_years, n.count == 1 ? "it no longer counts" : "they no longer count");
    }
    return "";
}

std::string needs_text(const Assessment& a, const ItemResult& r) {
    std::vector<std::string> parts;
    for (const auto& n : r.needs) parts.push_back(need_text(a, n));
    return text::join(parts, "; ");
}

/// A profile condition, judged: "an appraisal entry within 12 months: e014 (2026-05-01)".
std::string condition_text(const ConditionResult& c) {
    const auto& rc = *c.condition;
    std::string s = fmt::format("{} entry within {} months (since {}): ", rc.type, rc.within_months, c.since.str());
    if (c.met) {
        s += fmt::format("met by {} ({})", c.entry, c.date->str());
    } else if (c.date) {
        s += fmt::format("NOT MET: the latest, {}, is from {}", c.entry, c.date->str());
    } else {
        s += "NOT MET: no entry of that type";
    }
    if (!rc.note.empty()) s += " — " + rc.note;
    return s;
}

/// A plan step's action, in a line.
std::string step_action(const Assessment& a, const PlanStep& st) {
    switch (st.kind) {
        case PlanStep::Kind::opportunity:
            return st.opportunity->title;
        case PlanStep::Kind::signoff:
            return fmt::format("Get {} signed off by your supervisor", text::join(st.entries, ", "));
        case PlanStep::Kind::level:
            return fmt::format(
                "Show your level: tag your entries for these items to {} itself with \"level: {}\" "
                "where it is true (a level crosses only exact mappings)",
                a.framework->id, a.framework->scale[static_cast<std::size_t>(st.level)].id);
    }
    return "";
}

/// Why the step is in the plan: what it would do.
std::string step_reason(const Assessment& a, const PlanStep& st) {
    std::string what;
    if (st.kind == PlanStep::Kind::opportunity) {
        what = fmt::format("a new {} entry, signed off: ", st.opportunity->type.empty() ? "" : st.opportunity->type);
    }
    std::vector<int> helps_only;
    for (int i : st.items) {
        if (std::find(st.closes.begin(), st.closes.end(), i) == st.closes.end()) helps_only.push_back(i);
    }
    std::vector<std::string> parts;
    if (!st.closes.empty()) parts.push_back("would meet " + refs(a, st.closes));
    if (!helps_only.empty()) parts.push_back("helps " + refs(a, helps_only));
    return what + text::join(parts, "; ");
}

/// The assessment's privacy findings as lines: "line 12, column 5: [privacy-nhs-number] ...".
std::vector<std::string> privacy_lines(const Assessment& a) {
    std::vector<std::string> out;
    for (const auto& d : a.privacy) {
        out.push_back(
            fmt::format("line {}, column {}: [{}] {}", d.location.line, d.location.column, d.code, d.message));
    }
    return out;
}

constexpr std::string_view kPrivacyAdvice =
    "The log holds what looks like patient-identifiable data. Remove it from the log before you share the log or "
    "this report (the values are masked here).";

}  // namespace

std::string status_sgr(ItemStatus s) {
    switch (s) {
        case ItemStatus::met:
            return "32";
        case ItemStatus::partial:
            return "33";
        case ItemStatus::gap:
            return "31";
        case ItemStatus::not_required:
            return "2";
    }
    return "";
}

nlohmann::ordered_json policy_json(const Policy& p) {
    Json rels = Json::array();
    for (auto r : p.count_relations) rels.push_back(info(r).name);
    Json level_rels = Json::array();
    for (auto r : p.level_relations) level_rels.push_back(info(r).name);
    return {{"window_years", p.window_years},
            {"max_items_per_entry", p.max_items_per_entry},
            {"min_entries", p.min_entries},
            {"min_types", p.min_types},
            {"require_signoff", p.require_signoff},
            {"count_relations", rels},
            {"max_hops", p.max_hops},
            {"max_share", p.max_share},
            {"min_pairs_for_distribution", p.min_pairs_for_distribution},
            {"max_suggestions", p.max_suggestions},
            {"max_steps", p.max_steps},
            {"min_direct_entries", p.min_direct_entries},
            {"level_relations", level_rels},
            {"min_raters", p.min_raters},
            {"feedback_crosswalks", p.feedback_crosswalks}};
}

std::string render_assess_text(const Assessment& a, const Style& s) {
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    // Prose wraps at spaces to its own measure (74 or 76 columns) or, when the output
    // is narrower (Style::width), to what the width leaves after the indent.
    const auto para = [&](std::string& out, std::string_view body, std::size_t measure) {
        const auto lines = text::wrap(body, s.wrap_width(measure, 4));
        for (std::size_t k = 0; k < lines.size(); ++k) out += fmt::format("{}{}\n", k ? "    " : "  ", lines[k]);
    };
    std::string out;
    for (const auto& l : fit_lines(s, safe(headline(a)))) out += s.bold(l) + "\n";
    for (const auto& l : fit_lines(s, summary_line(a))) out += l + "\n";
    out += "\n";
    if (!a.conditions.empty()) {
        for (const auto& l : fit_lines(s, safe(fmt::format("Conditions of {} {}", a.framework->id, a.profile->id))))
            out += s.bold(l) + "\n";
        for (const auto& c : a.conditions) {
            const auto lines = text::wrap(safe(condition_text(c)), s.wrap_width(74, 5));
            for (std::size_t l = 0; l < lines.size(); ++l) {
                out += l ? fmt::format("     {}\n", lines[l])
                         : fmt::format("  {} {}\n", c.met ? s.paint("ok", "32") : s.paint("!!", "31"), lines[l]);
            }
        }
        out += "\n";
    }
    if (!a.plan.empty()) {
        out += s.bold("Your next steps") + "\n";
        for (std::size_t k = 0; k < a.plan.size(); ++k) {
            const auto& st = a.plan[k];
            const std::string number = fmt::format("  {}. ", k + 1);
            const auto lines = text::wrap(safe(step_action(a, st)), s.wrap_width(74, number.size()));
            for (std::size_t l = 0; l < lines.size(); ++l) {
                out += l ? fmt::format("     {}\n", lines[l]) : fmt::format("{}{}\n", number, lines[l]);
            }
            for (const auto& w : text::wrap(safe(step_reason(a, st)), s.wrap_width(72, 5)))
                out += fmt::format("     {}\n", s.dim(w));
        }
        out += "\n";
    }
    // The domains' bars give way first (down to 10 columns), then their names (down to
    // 12), then the bars again (down to 4).
    const auto domain_table = [&](int bar_width) {
        Table d({"DOMAIN", "", "", "MET"});
        d.shrink(1);
        for (const auto& dom : a.domains) {
            d.add_row({Cell(ref(a, dom.item), "36"), a.framework->at(dom.item).name,
                       Cell(bar(dom.met, dom.partial, dom.assessed, bar_width), status_sgr(dom.status)),
                       fmt::format("{}/{}", dom.met, dom.assessed)});
        }
        return d;
    };
    int bar_width = 20;
    if (s.width > 0) {
        while (bar_width > 10 && domain_table(bar_width).width() > s.width) --bar_width;
        while (bar_width > 4 && domain_table(bar_width).width("", true) > s.width) --bar_width;
    }
    out += domain_table(bar_width).render(s);
    out += "\n";
    const bool scale = !a.framework->scale.empty();
    Table t({"ITEM", "NAME", "STATUS", "ENTRIES", "TYPES", "SIGNED OFF", scale ? "LEVEL / TARGET" : ""});
    t.align(3, Table::Align::right);
    t.align(4, Table::Align::right);
    t.shrink(1, {.min_width = 10});
    t.shrink(6, {.min_width = 14, .rank = 1});  // level names: only when the item names cannot make room
    for (const auto* r : required(a)) {
        t.add_row({Cell(ref(a, r->item), "36"), a.framework->at(r->item).name,
                   Cell(status_text(*r, false), status_sgr(r->status)), std::to_string(r->evidence.size()),
                   std::to_string(r->types.size()), r->evidence.empty() ? "-" : (r->signed_off ? "yes" : "no"),
                   level_cell(a, *r)});
    }
    out += t.render(s);
    std::string in_part;
    for (const auto* r : required(a)) {
        if (r->status != ItemStatus::met || r->indirect) continue;
        const auto [tags, entries] = crosswalk_tags(*r);
        if (tags.empty()) continue;
        para(in_part,
             safe(fmt::format("{} {}: {} of {} entries via {}", ref(a, r->item), a.framework->at(r->item).name, entries,
                              r->evidence.size(), text::join(tags, ", "))),
             76);
    }
    if (!in_part.empty()) out += "\n" + s.bold("Met in part through crosswalks") + "\n" + in_part;
    if (!a.expired.empty()) {
        out += "\n";
        for (const auto& l :
             fit_lines(s, fmt::format("{} entr{} older than {} years before {} no longer count{}.", a.expired.size(),
                                      a.expired.size() == 1 ? "y" : "ies", a.policy.window_years, a.as_of.str(),
                                      a.expired.size() == 1 ? "s" : "")))
            out += l + "\n";
    }
    if (!a.warnings.empty()) {
        out += "\n" + s.bold("Warnings") + "\n";
        for (const auto& w : a.warnings) para(out, safe(fmt::format("[{}] {}", w.code, w.message)), 76);
    }
    if (!a.privacy.empty()) {
        out += "\n" + s.bold("Privacy") + "\n";
        for (const auto& line : text::wrap(kPrivacyAdvice, 76)) out += "  " + line + "\n";
        for (const auto& p : privacy_lines(a)) {
            const auto lines = text::wrap(safe(p), 74);
            for (std::size_t k = 0; k < lines.size(); ++k)
                out += fmt::format("{}{}\n", k ? "      " : "  - ", lines[k]);
        }
    }
    if (any_needs(a)) {
        out += "\n" + s.bold("What each item still needs") + "\n";
        for (const auto* r : required(a)) {
            if (r->needs.empty()) continue;
            const auto head =
                fmt::format("{} {} ({}): ", ref(a, r->item), a.framework->at(r->item).name, to_string(r->status));
            para(out, safe(head + needs_text(a, *r)), 76);
        }
    }
    return out;
}

std::string render_assess_markdown(const Assessment& a) {
    const auto cell = text::markdown_cell;
    const auto code = [](std::string_view x) { return text::markdown_safe(x, text::MarkdownSink::code); };
    std::string out = fmt::format("# Leadership gap report: {}\n\n", cell(headline(a)));
    out += fmt::format("**{}**\n\n", summary_line(a));
    if (!a.conditions.empty()) {
        out += "## Conditions\n\n";
        for (const auto& c : a.conditions) out += fmt::format("- {}\n", cell(condition_text(c)));
        out += "\n";
    }
    if (!a.plan.empty()) {
        out += "## Your next steps\n\n";
        for (std::size_t k = 0; k < a.plan.size(); ++k) {
            out += fmt::format("{}. **{}** — {}\n", k + 1, cell(step_action(a, a.plan[k])),
                               cell(step_reason(a, a.plan[k])));
        }
        out += "\n";
    }
    out += "| Domain | Met | Status |\n|---|---|---|\n";
    for (const auto& d : a.domains) {
        out += fmt::format("| {} {} | {}/{} | {} |\n", code(ref(a, d.item)), cell(a.framework->at(d.item).name), d.met,
                           d.assessed, to_string(d.status));
    }
    out += "\n| Item | Name | Status | Entries | Types | Signed off | Level |\n|---|---|---|---|---|---|---|\n";
    for (const auto* r : required(a)) {
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", code(ref(a, r->item)),
                           cell(a.framework->at(r->item).name), status_text(*r), r->evidence.size(), r->types.size(),
                           r->evidence.empty() ? "–" : (r->signed_off ? "yes" : "no"), cell(level_cell(a, *r)));
    }
    if (!a.warnings.empty()) {
        out += "\n## Warnings\n\n";
        for (const auto& w : a.warnings) out += fmt::format("- **{}**: {}\n", cell(w.code), cell(w.message));
    }
    if (!a.privacy.empty()) {
        out += "\n## Privacy\n\n" + std::string(kPrivacyAdvice) + "\n\n";
        for (const auto& p : privacy_lines(a)) out += "- " + cell(p) + "\n";
    }
    if (any_needs(a)) {
        out += "\n## What each item still needs\n\n";
        for (const auto* r : required(a)) {
            if (r->needs.empty()) continue;
            out += fmt::format("- {} {} ({}): {}\n", code(ref(a, r->item)), cell(a.framework->at(r->item).name),
                               to_string(r->status), cell(needs_text(a, *r)));
        }
    }
    return out;
}

namespace {

Json needs_json(const Assessment& a, const ItemResult& r) {
    Json out = Json::array();
    for (const auto& n : r.needs) {
        Json one = {{"kind", to_string(n.kind)}};
        switch (n.kind) {
            case Need::Kind::entries:
            case Need::Kind::types:
            case Need::Kind::direct:
                one["count"] = n.count;
                break;
            case Need::Kind::signoff:
            case Need::Kind::recent:
                one["entries"] = n.entries;
                break;
            case Need::Kind::level:
                one["level"] = a.framework->scale[static_cast<std::size_t>(n.level)].id;
                one["no_level"] = n.no_level;
                break;
        }
        one["text"] = need_text(a, n);
        out.push_back(std::move(one));
    }
    return out;
}

}  // namespace

std::string render_assess_json(const Assessment& a) {
    Json j;
    j["schema"] = kAssessSchema;
    j["person"] = {{"id", a.person.id},
                   {"name", a.person.name},
                   {"stage", a.person.stage},
                   {"programme", a.person.programme},
                   {"ltft", a.person.ltft ? Json(*a.person.ltft) : Json(nullptr)}};
    j["framework"] = a.framework->id;
    j["target"] = a.profile->id;
    j["as_of"] = a.as_of.str();
    j["policy"] = policy_json(a.policy);
    j["summary"] = {{"assessed", a.assessed},   {"met", a.met}, {"met_indirectly", a.met_indirectly},
                    {"partial", a.partial},     {"gap", a.gap}, {"coverage", a.coverage},
                    {"entries", a.entries_read}};
    Json items = Json::array();
    for (const auto& r : a.items) {
        Json ev = Json::array();
        for (const auto& e : r.evidence) ev.push_back({{"entry", e.entry}, {"via", e.via}});
        Json types = Json::array();
        for (const auto& t : r.types) types.push_back(t);
        items.push_back(
            {{"ref", ref(a, r.item)},
             {"name", a.framework->at(r.item).name},
             {"required", r.required},
             {"status", to_string(r.status)},
             {"indirect", r.indirect},
             {"via", crosswalk_tags(r).first},
             {"count", r.evidence.size()},
             {"types", types},
             {"signed_off", r.signed_off},
             {"level_attained", r.level_attained >= 0
                                    ? Json(a.framework->scale[static_cast<std::size_t>(r.level_attained)].id)
                                    : Json(nullptr)},
             {"level_target", r.level_target >= 0
                                  ? Json(a.framework->scale[static_cast<std::size_t>(r.level_target)].id)
                                  : Json(nullptr)},
             {"evidence", ev},
             {"dropped", r.dropped},
             {"needs", needs_json(a, r)}});
    }
    j["items"] = std::move(items);
    Json domains = Json::array();
    for (const auto& d : a.domains) {
        domains.push_back({{"ref", ref(a, d.item)},
                           {"name", a.framework->at(d.item).name},
                           {"status", to_string(d.status)},
                           {"assessed", d.assessed},
                           {"met", d.met},
                           {"partial", d.partial}});
    }
    j["domains"] = std::move(domains);
    Json warnings = Json::array();
    for (const auto& w : a.warnings) warnings.push_back({{"code", w.code}, {"message", w.message}});
    j["warnings"] = std::move(warnings);
    Json privacy = Json::array();
    for (const auto& d : a.privacy) {
        privacy.push_back({{"file", d.location.file},
                           {"line", d.location.line},
                           {"column", d.location.column},
                           {"code", d.code},
                           {"message", d.message}});
    }
    j["privacy"] = std::move(privacy);
    Json expired = Json::array();
    for (const auto& e : a.expired) expired.push_back({{"entry", e.entry}, {"date", e.date.str()}});
    j["expired"] = std::move(expired);
    Json suggestions = Json::array();
    for (const auto& s : a.suggestions) {
        Json ops = Json::array();
        for (const auto& o : s.opportunities) {
            ops.push_back({{"id", o.opportunity->id}, {"title", o.opportunity->title}, {"addresses", o.addresses}});
        }
        suggestions.push_back({{"item", ref(a, s.item)}, {"opportunities", ops}});
    }
    j["suggestions"] = std::move(suggestions);
    Json plan = Json::array();
    for (const auto& st : a.plan) {
        Json helped = Json::array();
        for (int i : st.items) helped.push_back(ref(a, i));
        Json closes = Json::array();
        for (int i : st.closes) closes.push_back(ref(a, i));
        Json step = {{"kind", to_string(st.kind)},
                     {"action", step_action(a, st)},
                     {"opportunity", st.opportunity ? Json(st.opportunity->id) : Json(nullptr)},
                     {"items", helped},
                     {"closes", closes},
                     {"reason", step_reason(a, st)}};
        if (st.kind == PlanStep::Kind::signoff) step["entries"] = st.entries;
        if (st.kind == PlanStep::Kind::level) step["level"] = a.framework->scale[static_cast<std::size_t>(st.level)].id;
        plan.push_back(std::move(step));
    }
    j["plan"] = std::move(plan);
    Json conditions = Json::array();
    for (const auto& c : a.conditions) {
        conditions.push_back({{"type", c.condition->type},
                              {"within_months", c.condition->within_months},
                              {"since", c.since.str()},
                              {"met", c.met},
                              {"entry", c.entry.empty() ? Json(nullptr) : Json(c.entry)},
                              {"date", c.date ? Json(c.date->str()) : Json(nullptr)},
                              {"note", c.condition->note}});
    }
    j["conditions"] = std::move(conditions);
    return j.dump(2) + "\n";
}

namespace {

/// A stacked bar for a domain: met solid, partial hatched, the rest outlined
/// (tells apart in greyscale and on paper); its <title> says it in words.
std::string domain_bar(const DomainResult& d, std::string_view title, int n) {
    const auto share = [&](int k) { return d.assessed > 0 ? 100.0 * k / d.assessed : 0.0; };
    const double met = share(d.met), partial = share(d.partial);
    return fmt::format(
        "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" "
        "aria-labelledby=\"bar{0}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"bar{0}\">{1}</title>"
        "<defs><pattern id=\"hatch{0}\" width=\"2\" height=\"2\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"2\" fill=\"#f2cc60\"/>"
        "<rect width=\"1\" height=\"2\" fill=\"#7d4e00\"/></pattern></defs>"
        "<rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" fill=\"#fff\" stroke=\"#59636e\" stroke-width=\"0.6\"/>"
        "<rect x=\"0\" y=\"0\" width=\"{2:.2f}\" height=\"10\" fill=\"#1a7f37\"/>"
        "<rect x=\"{2:.2f}\" y=\"0\" width=\"{3:.2f}\" height=\"10\" fill=\"url(#hatch{0})\"/></svg>",
        n, html::escape(title), met, partial);
}

/// "2 of 4 met, 1 partial, 1 gap"
std::string domain_words(const DomainResult& d) {
    const int gaps = d.assessed - d.met - d.partial;
    return fmt::format("{} of {} met, {} partial, {} gap{}", d.met, d.assessed, d.partial, gaps, gaps == 1 ? "" : "s");
}

/// The ladder of a scaled framework's item: one cell per level, reached ones
/// filled, the target framed, and the same in words.
std::string ladder_row(const Assessment& a, const ItemResult& r) {
    const auto e = html::escape;
    std::string out =
        "<tr><td class=\"code\">" + e(ref(a, r.item)) + "</td><td>" + e(a.framework->at(r.item).name) + "</td>";
    for (int l = 0; l < static_cast<int>(a.framework->scale.size()); ++l) {
        const bool reached = r.level_attained >= l;
        const bool target = r.level_target == l;
        out += fmt::format("<td class=\"step{}{}\">{}{}</td>", reached ? " reached" : "", target ? " target" : "",
                           reached ? "●" : "○", target ? " <small>target</small>" : "");
    }
    const std::string reached = r.level_attained >= 0 ? level_name(a, r.level_attained) : "none shown";
    const std::string target = r.level_target >= 0 ? level_name(a, r.level_target) : "none set";
    const bool ok = r.level_target < 0 || r.level_attained >= r.level_target;
    out += "<td>" + e(reached) + " / " + e(target) + " " +
           (ok ? html::badge(ItemStatus::met, "at target") : html::badge(ItemStatus::gap, "below target")) +
           "</td></tr>\n";
    return out;
}

/// "tagged" for an entry tagged to the item (or inside it), else the crosswalk path.
std::string via_text(const CountedEvidence& ev) {
    return ev.via == "direct" ? std::string("tagged to it") : ev.via;
}

constexpr std::string_view kAssessCss = R"(.bar{width:100%;height:1rem;display:block}
td.chart{width:40%}
table.ladder td.step{text-align:center;color:#59636e}
table.ladder td.reached{color:#116329;font-weight:700}
table.ladder td.target{outline:2px solid #1f2328;outline-offset:-3px}
.item h3 .st{margin-left:.5rem}
table.ev{font-size:.9rem}
)";

}  // namespace

std::string render_assess_html(const Assessment& a, const Style& style) {
    const auto e = html::escape;
    std::string out = html::begin_page("Leadership gap report: " + headline(a), kAssessCss);
    out += "<header>\n<h1>Leadership gap report</h1>\n<p>" + e(headline(a)) + "</p>\n<p><strong>" + e(summary_line(a)) +
           "</strong></p>\n</header>\n";
    const bool scaled = !a.framework->scale.empty();
    std::vector<html::LegendEntry> legend = {
        {html::badge(ItemStatus::met),
         "the item has enough counted evidence under the policy (see the foot of the page)"},
        {html::badge(ItemStatus::partial), "some evidence counts toward it, not yet enough"},
        {html::badge(ItemStatus::gap), "no evidence counts toward it yet"},
        {"met (via <span class=\"code\">hlm:7</span>)",
         "met, and (some of) the entries that count were tagged to that item of another framework and reach this one "
         "through a crosswalk"},
        {"<svg class=\"bar\" style=\"width:4rem;display:inline\" viewBox=\"0 0 100 10\" aria-hidden=\"true\">"
         "<rect width=\"100\" height=\"10\" fill=\"#fff\" stroke=\"#59636e\"/><rect width=\"50\" height=\"10\" "
         "fill=\"#1a7f37\"/><rect x=\"50\" width=\"25\" height=\"10\" fill=\"#f2cc60\"/></svg>",
         "a domain's items: solid met, hatched partial, empty gaps"}};
    if (scaled) {
        legend.push_back({"● ○", "a level of the scale reached, or not yet (a framed level is the target)"});
    }
    out += html::legend(legend);
    if (!a.privacy.empty()) {
        out += "<section class=\"alert\" aria-labelledby=\"privacy\">\n<h2 id=\"privacy\">Privacy</h2>\n<p>" +
               e(kPrivacyAdvice) + "</p>\n<ul>\n";
        for (const auto& line : privacy_lines(a)) out += "<li>" + e(line) + "</li>\n";
        out += "</ul>\n</section>\n";
    }
    if (!a.conditions.empty()) {
        out += "<h2>Conditions</h2>\n<ul>\n";
        for (const auto& c : a.conditions) {
            out += "<li>" + html::badge(c.met ? ItemStatus::met : ItemStatus::gap, c.met ? "met" : "not met") + " " +
                   e(condition_text(c)) + "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!a.plan.empty()) {
        out += "<h2>Your next steps</h2>\n<ol>\n";
        for (const auto& st : a.plan) {
            out += "<li><strong>" + e(step_action(a, st)) + "</strong><br>" + e(step_reason(a, st)) + "</li>\n";
        }
        out += "</ol>\n";
    }
    out +=
        "<h2>Coverage by domain</h2>\n<table>\n<thead><tr><th scope=\"col\">Domain</th><th scope=\"col\">Items"
        "</th><th scope=\"col\">Met</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n";
    int n = 0;
    for (const auto& d : a.domains) {
        const std::string name = ref(a, d.item) + " " + a.framework->at(d.item).name;
        out += "<tr><th scope=\"row\">" + e(name) + "</th><td class=\"chart\">" +
               domain_bar(d, name + ": " + domain_words(d), n++) + "</td><td>" + e(domain_words(d)) + "</td><td>" +
               html::badge(d.status) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    const auto items = required(a);
    if (scaled && std::any_of(items.begin(), items.end(), [](const ItemResult* r) { return r->level_target >= 0; })) {
        out +=
            "<h2>Levels reached</h2>\n<table class=\"ladder\">\n<thead><tr><th scope=\"col\">Item</th>"
            "<th scope=\"col\">Name</th>";
        for (const auto& l : a.framework->scale) out += "<th scope=\"col\">" + e(l.name) + "</th>";
        out += "<th scope=\"col\">Reached / target</th></tr></thead>\n<tbody>\n";
        for (const auto* r : items) out += ladder_row(a, *r);
        out += "</tbody>\n</table>\n";
    }
    out +=
        "<h2>Items</h2>\n<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Name</th>"
        "<th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Entries</th><th scope=\"col\" class=\"num\">"
        "Types</th><th scope=\"col\">Signed off</th>";
    if (scaled) out += "<th scope=\"col\">Level / target</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto* r : items) {
        const std::string code = ref(a, r->item);
        out += fmt::format(
            "<tr><td class=\"code\"><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td>{}</td>",
            e(html::anchor(code)), e(code), e(a.framework->at(r->item).name), html::badge(r->status, status_text(*r)),
            r->evidence.size(), r->types.size(), r->evidence.empty() ? "–" : (r->signed_off ? "yes" : "no"));
        if (scaled) out += "<td>" + e(level_cell(a, *r)) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    out += "<h2>Evidence for each item</h2>\n";
    for (const auto* r : items) {
        const std::string code = ref(a, r->item);
        out += "<section class=\"item\" id=\"" + e(html::anchor(code)) + "\">\n<h3><span class=\"code\">" + e(code) +
               "</span> " + e(a.framework->at(r->item).name) + html::badge(r->status, status_text(*r)) + "</h3>\n";
        if (!r->needs.empty()) out += "<p>Still needs: " + e(needs_text(a, *r)) + ".</p>\n";
        if (r->evidence.empty()) {
            out += "<p class=\"muted\">No entry counts toward this item yet.</p>\n";
        } else {
            out +=
                "<table class=\"ev\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Entry</th>"
                "<th scope=\"col\">Type</th><th scope=\"col\">Title</th><th scope=\"col\">Signed off</th>";
            if (scaled) out += "<th scope=\"col\">Level</th>";
            out += "<th scope=\"col\">Counts through</th></tr></thead>\n<tbody>\n";
            for (const auto& ev : r->evidence) {
                out += fmt::format(
                    "<tr><td class=\"code\">{}</td><td class=\"code\">{}</td><td>{}</td><td>{}</td>"
                    "<td>{}</td>",
                    ev.date.str(), e(ev.entry), e(ev.type), e(ev.title), ev.signed_off ? "yes" : "no");
                if (scaled) out += "<td>" + e(ev.level >= 0 ? level_name(a, ev.level) : "–") + "</td>";
                out += "<td>" + e(via_text(ev)) + "</td></tr>\n";
            }
            out += "</tbody>\n</table>\n";
        }
        if (!r->dropped.empty()) {
            out += "<p class=\"muted\">Also tagged here, not counted (each entry counts toward at most " +
                   std::to_string(a.policy.max_items_per_entry) + " items): " + e(text::join(r->dropped, ", ")) +
                   ".</p>\n";
        }
        out += "</section>\n";
    }
    if (!a.expired.empty()) {
        out += fmt::format("<p>{} entr{} older than {} years before {} no longer count{}.</p>\n", a.expired.size(),
                           a.expired.size() == 1 ? "y" : "ies", a.policy.window_years, a.as_of.str(),
                           a.expired.size() == 1 ? "s" : "");
    }
    if (!a.warnings.empty()) {
        out += "<h2>Warnings</h2>\n<ul>\n";
        for (const auto& w : a.warnings) out += "<li><strong>" + e(w.code) + "</strong>: " + e(w.message) + "</li>\n";
        out += "</ul>\n";
    }
    out += html::footer(style, *a.framework, a.framework->id + " " + a.profile->id, a.as_of, a.policy);
    return out + html::end_page();
}

}  // namespace leadctl
