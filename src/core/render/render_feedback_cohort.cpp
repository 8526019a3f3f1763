#include "core/render/render_feedback_cohort.hpp"

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
using render::round2;

std::string ref(const CohortFeedback& c, int item) {
    return c.framework->id + ":" + c.framework->items[static_cast<std::size_t>(item)].code;
}
const std::string& name(const CohortFeedback& c, int item) {
    return c.framework->items[static_cast<std::size_t>(item)].name;
}

/// The name of scale point `k` (0-based): the framework's level, or the number.
std::string point_name(const CohortFeedback& c, std::size_t k) {
    if (c.levels && k < c.framework->scale.size()) return c.framework->scale[k].name;
    return fmt::format("{}", c.scale_min + static_cast<double>(k));
}

std::string headline(const CohortFeedback& c) {
    return fmt::format("{} people · {} · the latest round of each", c.counted.size(), c.framework->id);
}

std::vector<std::string> rule_lines(const CohortFeedback& c) {
    std::vector<std::string> out;
    out.push_back(fmt::format(
        "Per item, the spread of the people's others' means (each as that person's own report shows it: groups of "
        "at least {} raters); shown only when at least {} people contribute, so that no one person's numbers "
        "stand alone.",
        c.options.feedback.min_raters, c.options.min_people));
    out.emplace_back(
        "Quartiles interpolate between the people's means; the count per scale point rounds each mean to the "
        "nearest point (halves up).");
    if (!c.superseded.empty()) {
        out.push_back(fmt::format("{} earlier round{} of people counted with a later one {} not counted.",
                                  c.superseded.size(), c.superseded.size() == 1 ? "" : "s",
                                  c.superseded.size() == 1 ? "is" : "are"));
    }
    return out;
}

std::string spread_text(const Spread& s) {
    return fmt::format("{} ({}–{})", num(s.median), num(s.q1), num(s.q3));
}

std::string levels_text(const CohortItem& it) {
    std::vector<std::string> parts;
    for (int n : it.levels) parts.push_back(fmt::format("{}", n));
    return text::join(parts, " / ");
}

std::string points_header(const CohortFeedback& c) {
    std::vector<std::string> parts;
    const auto n = static_cast<std::size_t>(std::lround(c.scale_max - c.scale_min)) + 1;
    for (std::size_t k = 0; k < n; ++k) parts.push_back(point_name(c, k));
    return text::join(parts, " / ");
}

/// What the axis's numbers stand for: "1 Essential, 2 Proficient, …" for levels, else
/// "numbers from 1 to 7".
std::string scale_key(const CohortFeedback& c) {
    if (!c.levels) return fmt::format("numbers from {} to {}", c.scale_min, c.scale_max);
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < c.framework->scale.size(); ++k) {
        parts.push_back(fmt::format("{} {}", k + 1, c.framework->scale[k].name));
    }
    return text::join(parts, ", ");
}

}  // namespace

std::string render_feedback_cohort_text(const CohortFeedback& c, const Style& style) {
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    std::string out = style.bold("360-degree feedback of a cohort: " + safe(headline(c))) + "\n";
    for (const auto& r : rule_lines(c)) {
        for (const auto& l : text::wrap(r, style.wrap_width(80, 0))) out += l + "\n";
    }
    for (const auto& l : text::wrap("People per point: " + safe(points_header(c)) + ".", style.wrap_width(80, 0)))
        out += l + "\n";
    out += "\n";
    Table t({"ITEM", "NAME", "PEOPLE", "MEDIAN (Q1–Q3)", "RANGE", "PER POINT", "BLIND SPOTS"});
    t.align(2, Table::Align::right);
    t.align(6, Table::Align::right);
    t.shrink(1);
    for (const auto& it : c.items) {
        if (it.others) {
            t.add_row({Cell(ref(c, it.item), "36"), safe(name(c, it.item)), fmt::format("{}", it.people),
                       spread_text(*it.others), num(it.others->min) + "–" + num(it.others->max), levels_text(it),
                       fmt::format("{}", it.blind_spots)});
        } else {
            t.add_row({Cell(ref(c, it.item), "36"), safe(name(c, it.item)), fmt::format("{}", it.people),
                       fmt::format("fewer than {} people", c.options.min_people), "-", "-", "-"});
        }
    }
    out += t.render(style);
    if (!c.not_included.empty()) {
        out += "\n" + style.bold("Not included") + "\n";
        for (const auto& [file, why] : c.not_included) out += "  " + safe(file) + ": " + safe(why) + "\n";
    }
    return out;
}

std::string render_feedback_cohort_markdown(const CohortFeedback& c) {
    const auto md = [](std::string_view x) { return text::markdown_safe(x); };
    std::string out = "# 360-degree feedback of a cohort\n\n" + md(headline(c)) + "\n\n";
    for (const auto& r : rule_lines(c)) out += "- " + md(r) + "\n";
    out += "\n| Item | Name | People | Median | Q1 | Q3 | Min | Max | People per point (" +
           text::markdown_cell(points_header(c)) + ") | Blind spots | Hidden strengths |\n";
    out += "|---|---|--:|--:|--:|--:|--:|--:|---|--:|--:|\n";
    for (const auto& it : c.items) {
        out += fmt::format("| {} | {} | {} |", ref(c, it.item), text::markdown_cell(name(c, it.item)), it.people);
        if (it.others) {
            out += fmt::format(" {} | {} | {} | {} | {} | {} | {} | {} |\n", num(it.others->median), num(it.others->q1),
                               num(it.others->q3), num(it.others->min), num(it.others->max), levels_text(it),
                               it.blind_spots, it.hidden_strengths);
        } else {
            out += fmt::format(" fewer than {} people | – | – | – | – | – | – | – |\n", c.options.min_people);
        }
    }
    if (!c.not_included.empty()) {
        out += "\n## Not included\n\n";
        for (const auto& [file, why] : c.not_included)
            out += "- `" + text::markdown_cell(file) + "`: " + md(why) + "\n";
    }
    return out;
}

std::string render_feedback_cohort_json(const CohortFeedback& c) {
    Json j;
    j["schema"] = kFeedbackCohortSchema;
    j["framework"] = c.framework ? Json(c.framework->id) : Json(nullptr);
    j["min_raters"] = c.options.feedback.min_raters;
    j["min_people"] = c.options.min_people;
    const auto round_json = [](const CohortRound& r) {
        return Json{{"file", r.file},
                    {"person", {{"id", r.round->person_id}, {"name", r.round->person_name}}},
                    {"round", r.round->id},
                    {"closed", r.round->closed.str()}};
    };
    Json rounds = Json::array(), superseded = Json::array(), excluded = Json::array();
    for (const auto& r : c.counted) rounds.push_back(round_json(r));
    for (const auto& r : c.superseded) superseded.push_back(round_json(r));
    for (const auto& [file, why] : c.not_included) excluded.push_back({{"file", file}, {"reason", why}});
    j["rounds"] = std::move(rounds);
    j["superseded"] = std::move(superseded);
    j["not_included"] = std::move(excluded);
    Json points = Json::array();
    if (c.framework) {
        const auto n = static_cast<std::size_t>(std::lround(c.scale_max - c.scale_min)) + 1;
        for (std::size_t k = 0; k < n; ++k) points.push_back(point_name(c, k));
    }
    j["points"] = std::move(points);
    Json items = Json::array();
    for (const auto& it : c.items) {
        Json o = nullptr;
        if (it.others) {
            o = {{"min", round2(it.others->min)},
                 {"q1", round2(it.others->q1)},
                 {"median", round2(it.others->median)},
                 {"q3", round2(it.others->q3)},
                 {"max", round2(it.others->max)}};
        }
        items.push_back({{"ref", ref(c, it.item)},
                         {"name", name(c, it.item)},
                         {"people", it.people},
                         {"shown", it.others.has_value()},
                         {"others", o},
                         {"per_point", it.others ? Json(it.levels) : Json(nullptr)},
                         {"blind_spots", it.others ? Json(it.blind_spots) : Json(nullptr)},
                         {"hidden_strengths", it.others ? Json(it.hidden_strengths) : Json(nullptr)}});
    }
    j["items"] = std::move(items);
    return j.dump(2) + "\n";
}

std::string render_feedback_cohort_html(const CohortFeedback& c, const Style& style) {
    const auto e = [](std::string_view x) { return text::escape_html(x); };
    std::string out = html::begin_page("360-degree feedback of a cohort: " + headline(c),
                                       "svg text{font-size:11px}\n.box{white-space:nowrap}\n");
    out += "<h1>360-degree feedback of a cohort</h1>\n<p>" + e(headline(c)) + "</p>\n<ul>\n";
    for (const auto& r : rule_lines(c)) out += "<li>" + e(r) + "</li>\n";
    out += "</ul>\n";
    out += html::legend(
        {{"<svg width=\"60\" height=\"14\" aria-hidden=\"true\"><line x1=\"2\" y1=\"7\" x2=\"58\" y2=\"7\" "
          "stroke=\"#333\"/><rect x=\"16\" y=\"2\" width=\"26\" height=\"10\" fill=\"#ddd\" stroke=\"#333\"/><line "
          "x1=\"30\" y1=\"2\" x2=\"30\" y2=\"12\" stroke=\"#000\" stroke-width=\"2\"/></svg>",
          "the people's others' means: the line from lowest to highest, the box from the first to the third "
          "quartile, the bar at the median, against the scale drawn above the column (" +
              scale_key(c) + ") with a faint line at each point; the numbers are written beside it"},
         {"People per point",
          "how many people's others' mean is nearest each point of the scale (" + points_header(c) + ")"}});
    const int w = 200;
    const double lo = c.scale_min, hi = c.scale_max;
    const auto x = [&](double v) { return hi > lo ? 4 + static_cast<int>(std::lround((v - lo) / (hi - lo) * w)) : 4; };
    // The scale's whole points, every one up to 11 of them, else about 10 evenly: the axis
    // above the column and a faint line through each row's spread at each.
    std::vector<double> ticks;
    {
        const auto points = static_cast<long long>(std::lround(hi - lo)) + 1;
        const long long step = points <= 11 ? 1 : (points + 9) / 10;
        for (long long k = 0; k < points; k += step) ticks.push_back(lo + static_cast<double>(k));
        // The top end is always labelled: in place of a last tick too close to it to read apart.
        if (ticks.back() != hi && hi - ticks.back() <= static_cast<double>(step) / 2) ticks.back() = hi;
        if (ticks.back() != hi) ticks.push_back(hi);
    }
    std::string grid;
    for (double t : ticks) {
        grid += fmt::format("<line x1=\"{}\" y1=\"0\" x2=\"{}\" y2=\"16\" stroke=\"#ccc\"/>", x(t), x(t));
    }
    std::string axis = fmt::format(
        "<svg role=\"img\" width=\"{}\" height=\"18\" aria-label=\"the scale, {} to {}\">"
        "<line x1=\"{}\" y1=\"4\" x2=\"{}\" y2=\"4\" stroke=\"#333\"/>",
        w + 8, lo, hi, x(lo), x(hi));
    for (double t : ticks) {
        axis += fmt::format(
            "<line x1=\"{}\" y1=\"1\" x2=\"{}\" y2=\"7\" stroke=\"#333\"/><text x=\"{}\" y=\"17\" "
            "text-anchor=\"{}\">{}</text>",
            x(t), x(t), x(t),
            t == lo   ? "start"
            : t == hi ? "end"
                      : "middle",
            t);
    }
    axis += "</svg>";
    out +=
        "<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Name</th><th "
        "scope=\"col\">People</th><th scope=\"col\" class=\"box\">Spread<br>" +
        axis +
        "</th><th scope=\"col\">Median (Q1–Q3), range</th><th "
        "scope=\"col\">People per point</th><th scope=\"col\">Blind spots</th></tr></thead>\n<tbody>\n";
    for (const auto& it : c.items) {
        out += fmt::format("<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td class=\"num\">{}</td>",
                           e(ref(c, it.item)), e(name(c, it.item)), it.people);
        if (!it.others) {
            out += fmt::format("<td colspan=\"4\">fewer than {} people: not shown</td></tr>\n", c.options.min_people);
            continue;
        }
        const Spread& s = *it.others;
        out += fmt::format(
            "<td class=\"box\"><svg role=\"img\" width=\"{}\" height=\"16\" aria-labelledby=\"c{}\"><title "
            "id=\"c{}\">{}: median {}, quartiles {} to {}, range {} to {}</title>{}<line x1=\"{}\" y1=\"8\" x2=\"{}\" "
            "y2=\"8\" stroke=\"#333\"/><rect x=\"{}\" y=\"2\" width=\"{}\" height=\"12\" fill=\"#ddd\" "
            "stroke=\"#333\"/><line x1=\"{}\" y1=\"1\" x2=\"{}\" y2=\"15\" stroke=\"#000\" "
            "stroke-width=\"2\"/></svg></td>",
            w + 8, it.item, it.item, e(ref(c, it.item)), num(s.median), num(s.q1), num(s.q3), num(s.min), num(s.max),
            grid, x(s.min), x(s.max), x(s.q1), std::max(1, x(s.q3) - x(s.q1)), x(s.median), x(s.median));
        out += fmt::format("<td>{}, {}–{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n", e(spread_text(s)),
                           num(s.min), num(s.max), e(levels_text(it)), it.blind_spots);
    }
    out += "</tbody>\n</table>\n";
    if (!c.not_included.empty()) {
        out += "<h2>Not included</h2>\n<ul>\n";
        for (const auto& [file, why] : c.not_included) out += "<li><code>" + e(file) + "</code>: " + e(why) + "</li>\n";
        out += "</ul>\n";
    }
    out += "<footer>\n<p>";
    out += html::generated_by(style);
    out += e(rule_lines(c).front()) + "</p>\n</footer>\n";
    return out + html::end_page();
}

}  // namespace leadctl
