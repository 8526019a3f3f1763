#include "core/render/render_feedback_compare.hpp"

#include "core/render/html.hpp"
#include "core/render/numbers.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <cmath>
#include <nlohmann/json.hpp>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

std::string num(double x) {
    return render::one_decimal(x);
}
std::string signed_num(double x) {
    // "+0.0" would claim a direction a rounded zero does not have.
    if (std::abs(x) < 0.05) return "0.0";
    return fmt::format("{:+.1f}", x);
}
using render::round2;

const Framework& fw_of(const RoundCompare& c) {
    return *c.old_round->framework;
}
std::string ref(const RoundCompare& c, int item) {
    return fw_of(c).id + ":" + fw_of(c).items[static_cast<std::size_t>(item)].code;
}
const std::string& name(const RoundCompare& c, int item) {
    return fw_of(c).items[static_cast<std::size_t>(item)].name;
}

std::string round_words(const Round& r) {
    return fmt::format("round {} ({} to {})", r.id, r.opened.str(), r.closed.str());
}

std::string headline(const RoundCompare& c) {
    const Round& r = *c.new_round;
    const std::string who = r.person_name.empty() ? r.person_id : fmt::format("{} ({})", r.person_name, r.person_id);
    return fmt::format("{} · {} · {} → {}", who, fw_of(c).id, round_words(*c.old_round), round_words(r));
}

std::string tally(const RoundCompare& c) {
    const int within = c.compared - c.improved - c.declined;
    return fmt::format("Others' means compared for {} item{}: {} improved, {} declined, {} within the raters' spread.",
                       c.compared, c.compared == 1 ? "" : "s", c.improved, c.declined, within);
}

std::string rule(const RoundCompare& c) {
    return fmt::format(
        "A change of others' mean is flagged when it is larger than {} standard errors of the difference, "
        "sqrt(s1²/n1 + s2²/n2), with each round's spread s taken as at least {:.2f} (rounding to a whole rating) "
        "and at least 2 others' ratings in each round (leadctl's rule). A self rating has no spread: its change is "
        "shown, never flagged.",
        num(c.options.z), kMinRatingSd);
}

std::string anonymity(const RoundCompare& c) {
    return fmt::format(
        "Each round shows only what its report would: groups of at least {} raters; others' means pool the groups "
        "shown, which may differ between the rounds.",
        c.options.feedback.min_raters);
}

/// What became of an item's change, in words.
std::string result(const ItemChange& x) {
    if (!x.flag.empty()) return x.flag;
    if (x.change) return x.margin ? "within spread" : "too few to judge";
    if (x.old_others && !x.new_others) return "only before";
    if (!x.old_others && x.new_others) return "only now";
    return "no others' ratings";
}

std::string stat_cell(const std::optional<RatingStat>& s) {
    return s ? fmt::format("{} ({})", num(s->mean), s->n) : "-";
}

std::string self_cell(const ItemChange& x, std::string_view none, std::string_view arrow) {
    if (!x.old_self && !x.new_self) return std::string(none);
    return fmt::format("{}{}{}", x.old_self ? num(*x.old_self) : std::string(none), arrow,
                       x.new_self ? num(*x.new_self) : std::string(none));
}

Json stat_json(const std::optional<RatingStat>& s) {
    if (!s) return nullptr;
    return {{"mean", round2(s->mean)}, {"n", s->n}, {"sd", round2(s->sd)}, {"min", s->min}, {"max", s->max}};
}
Json opt(const std::optional<double>& v, bool rounded = false) {
    if (!v) return nullptr;
    return rounded ? round2(*v) : *v;
}

Json round_json(const Round& r) {
    return {{"id", r.id}, {"opened", r.opened.str()}, {"closed", r.closed.str()}, {"instrument", r.instrument}};
}

}  // namespace

std::string render_compare_text(const RoundCompare& c, const Style& style) {
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    std::string out;
    const auto head = text::wrap("360-degree feedback compared: " + safe(headline(c)), style.wrap_width(80, 2));
    for (std::size_t k = 0; k < head.size(); ++k) out += (k ? "  " + head[k] : style.bold(head[k])) + "\n";
    for (const auto& para : {tally(c), anonymity(c)}) {
        for (const auto& l : text::wrap(para, style.wrap_width(80, 0))) out += l + "\n";
    }
    out += "\n";
    Table t({"ITEM", "NAME", "BEFORE (N)", "NOW (N)", "CHANGE", "MARGIN", "RESULT", "SELF"});
    for (std::size_t col : {std::size_t{2}, std::size_t{3}, std::size_t{4}, std::size_t{5}})
        t.align(col, Table::Align::right);
    t.shrink(1);
    for (const auto& x : c.items) {
        std::string flag = result(x);
        t.add_row({Cell(ref(c, x.item), "36"), safe(name(c, x.item)), stat_cell(x.old_others), stat_cell(x.new_others),
                   x.change ? signed_num(*x.change) : "-", x.margin ? "±" + num(*x.margin) : "-",
                   x.flag.empty() ? Cell(flag) : Cell(flag, "1"), self_cell(x, "-", " → ")});
    }
    out += t.render(style) + "\n";
    for (const auto& l : text::wrap("(" + rule(c) + ")", style.wrap_width(80, 0))) out += style.dim(l) + "\n";
    return out;
}

std::string render_compare_markdown(const RoundCompare& c) {
    const auto md = [](std::string_view x) { return text::markdown_safe(x); };
    std::string out =
        "# 360-degree feedback compared\n\n" + md(headline(c)) + "\n\n" + tally(c) + "\n\n" + anonymity(c) + "\n\n";
    out +=
        "| Item | Name | Before | N | Now | N | Change | Margin | Result | Self |\n"
        "|---|---|--:|--:|--:|--:|--:|--:|---|---|\n";
    for (const auto& x : c.items) {
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", ref(c, x.item),
                           text::markdown_cell(name(c, x.item)), x.old_others ? num(x.old_others->mean) : "–",
                           x.old_others ? x.old_others->n : 0, x.new_others ? num(x.new_others->mean) : "–",
                           x.new_others ? x.new_others->n : 0, x.change ? signed_num(*x.change) : "–",
                           x.margin ? "±" + num(*x.margin) : "–", x.flag.empty() ? result(x) : "**" + x.flag + "**",
                           self_cell(x, "–", " → "));
    }
    out += "\n" + rule(c) + "\n";
    return out;
}

std::string render_compare_json(const RoundCompare& c) {
    const Round& r = *c.new_round;
    Json j;
    j["schema"] = kFeedbackCompareSchema;
    j["person"] = {{"id", r.person_id}, {"name", r.person_name}};
    j["framework"] = fw_of(c).id;
    j["old"] = round_json(*c.old_round);
    j["new"] = round_json(r);
    j["min_raters"] = c.options.feedback.min_raters;
    j["rule"] = {{"z", c.options.z}, {"min_sd", round2(kMinRatingSd)}, {"min_ratings", 2}};
    Json items = Json::array();
    for (const auto& x : c.items) {
        items.push_back({{"ref", ref(c, x.item)},
                         {"name", name(c, x.item)},
                         {"old", stat_json(x.old_others)},
                         {"new", stat_json(x.new_others)},
                         {"change", opt(x.change, true)},
                         {"margin", opt(x.margin, true)},
                         {"flag", x.flag.empty() ? Json(nullptr) : Json(x.flag)},
                         {"result", result(x)},
                         {"self", {{"old", opt(x.old_self)}, {"new", opt(x.new_self)}}}});
    }
    j["items"] = std::move(items);
    j["summary"] = {{"compared", c.compared},
                    {"improved", c.improved},
                    {"declined", c.declined},
                    {"within", c.compared - c.improved - c.declined}};
    return j.dump(2) + "\n";
}

std::string render_compare_html(const RoundCompare& c, const Style& style) {
    const auto e = [](std::string_view x) { return text::escape_html(x); };
    std::string out = html::begin_page("360-degree feedback compared: " + headline(c),
                                       "td.up{font-weight:bold}\ntd.down{font-weight:bold}\n");
    out += "<h1>360-degree feedback compared</h1>\n<p>" + e(headline(c)) + "</p>\n<p><strong>" + e(tally(c)) +
           "</strong></p>\n<p>" + e(anonymity(c)) + "</p>\n";
    out += html::legend({{"▲ improved", "others' mean rose by more than the raters' spread can explain"},
                         {"▼ declined", "others' mean fell by more than the raters' spread can explain"},
                         {"within spread", "a change the spread of the ratings can explain: not flagged"},
                         {"Margin", "how large a change must be to be flagged (± standard errors, see below)"}});
    out +=
        "<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Name</th><th scope=\"col\">Before "
        "(n)</th><th scope=\"col\">Now (n)</th><th scope=\"col\">Change</th><th scope=\"col\">Margin</th><th "
        "scope=\"col\">Result</th><th scope=\"col\">Self</th></tr></thead>\n<tbody>\n";
    for (const auto& x : c.items) {
        std::string res = e(result(x));
        std::string cls;
        if (x.flag == "improved") {
            res = "▲ " + res;
            cls = " class=\"up\"";
        } else if (x.flag == "declined") {
            res = "▼ " + res;
            cls = " class=\"down\"";
        }
        out += fmt::format(
            "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td{}>{}</td><td>{}</td></tr>\n",
            e(ref(c, x.item)), e(name(c, x.item)), stat_cell(x.old_others), stat_cell(x.new_others),
            x.change ? signed_num(*x.change) : "–", x.margin ? "±" + num(*x.margin) : "–", cls, res,
            e(self_cell(x, "–", " → ")));
    }
    out += "</tbody>\n</table>\n<footer>\n<p>";
    out += html::generated_by(style);
    out += e(rule(c)) + "</p>\n</footer>\n";
    return out + html::end_page();
}

}  // namespace leadctl
