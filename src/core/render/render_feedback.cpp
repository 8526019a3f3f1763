#include "core/render/render_feedback.hpp"

#include "core/render/html.hpp"
#include "core/render/numbers.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

constexpr RaterGroup kShownGroups[] = {RaterGroup::line_manager, RaterGroup::peer, RaterGroup::direct_report,
                                       RaterGroup::other};
constexpr std::string_view kFlags[] = {"blind-spot", "hidden-strength", "strength", "priority"};

std::string num(double x) {
    return render::one_decimal(x);
}
using render::round2;

std::string group_words(RaterGroup g) {
    switch (g) {
        case RaterGroup::self:
            return "self";
        case RaterGroup::line_manager:
            return "line manager";
        case RaterGroup::peer:
            return "peers";
        case RaterGroup::direct_report:
            return "direct reports";
        case RaterGroup::other:
            return "others";
    }
    return "";
}

std::string flag_words(std::string_view f) {
    if (f == "blind-spot") return "blind spot";
    if (f == "hidden-strength") return "hidden strength";
    return std::string(f);
}

const Framework& fw_of(const FeedbackSummary& s) {
    return *s.round->framework;
}
std::string ref(const FeedbackSummary& s, int item) {
    return fw_of(s).id + ":" + fw_of(s).items[static_cast<std::size_t>(item)].code;
}
const std::string& name(const FeedbackSummary& s, int item) {
    return fw_of(s).items[static_cast<std::size_t>(item)].name;
}

const GroupCell* cell(const ItemFeedback& it, RaterGroup g) {
    for (const auto& c : it.groups) {
        if (c.group == g) return &c;
    }
    return nullptr;
}

std::string headline(const FeedbackSummary& s) {
    const Round& r = *s.round;
    std::string who = r.person_name.empty() ? r.person_id : fmt::format("{} ({})", r.person_name, r.person_id);
    std::string out =
        fmt::format("{} · {}{} · round {} · {} to {}", who, fw_of(s).id,
                    r.instrument.empty() ? "" : " · " + r.instrument, r.id, r.opened.str(), r.closed.str());
    if (!r.facilitated_by.empty()) {
        out += fmt::format(" · facilitated by {}{}", r.facilitated_by,
                           r.facilitated_on ? " on " + r.facilitated_on->str() : std::string());
    }
    return out;
}

std::string scale_line(const FeedbackSummary& s) {
    const Round& r = *s.round;
    std::string out;
    if (r.scale.levels) {
        std::vector<std::string> parts;
        for (std::size_t k = 0; k < fw_of(s).scale.size(); ++k) {
            parts.push_back(fmt::format("{} {}", k + 1, fw_of(s).scale[k].name));
        }
        out = "Ratings are ranks on the framework's scale: " + text::join(parts, ", ");
    } else {
        out = fmt::format("Ratings from {} to {}", r.scale.min, r.scale.max);
        std::vector<std::string> parts;
        for (const auto& [v, l] : r.scale.labels) parts.push_back(fmt::format("{} {}", v, l));
        if (!parts.empty()) out += ": " + text::join(parts, ", ");
    }
    if (r.importance_scale) {
        out += fmt::format("; importance to the role from {} to {}", r.importance_scale->min, r.importance_scale->max);
    }
    return out + ".";
}

/// Who is shown, merged and left out, in words.
std::vector<std::string> anonymity_lines(const FeedbackSummary& s) {
    std::vector<std::string> out;
    if (s.line_manager) {
        out.emplace_back("The line manager's ratings are shown as their own group: they are not anonymous.");
    }
    for (auto g : s.merged) {
        out.push_back(fmt::format("Fewer than {} {} responded: their ratings are counted with others.",
                                  s.options.min_raters, group_words(g)));
    }
    for (auto g : s.suppressed) {
        out.push_back(
            fmt::format("Fewer than {} {} responded, too few to keep them anonymous even with others: "
                        "their ratings and comments are left out.",
                        s.options.min_raters, group_words(g)));
    }
    out.push_back(
        fmt::format("A group with fewer than {} ratings of an item is not shown for it, nor counted "
                    "among its others.",
                    s.options.min_raters));
    return out;
}

std::string rate_text(const GroupRate& r) {
    return fmt::format("{} {} of {} ({:.0f}%)", group_words(r.group), r.responded, r.invited,
                       r.invited > 0 ? 100.0 * r.responded / r.invited : 0.0);
}

std::string flags_rule(const FeedbackSummary& s) {
    return fmt::format(
        "blind spot: self at least {} above others' mean; hidden strength: others' mean at least {} above self; "
        "strength: among the {} highest others' means; priority: among the {} most important to the role and "
        "rated below the median (leadctl's rules)",
        num(s.options.blind_spot), num(s.options.blind_spot), s.options.strengths, s.options.priorities);
}

std::vector<std::string> items_with(const FeedbackSummary& s, std::string_view flag) {
    std::vector<std::string> out;
    for (const auto& it : s.items) {
        if (std::find(it.flags.begin(), it.flags.end(), flag) != it.flags.end()) out.push_back(ref(s, it.item));
    }
    return out;
}

}  // namespace

std::string render_feedback_text(const FeedbackSummary& s, const Style& style) {
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    std::string out;
    const auto head = text::wrap("360-degree feedback: " + safe(headline(s)), style.wrap_width(80, 2));
    for (std::size_t k = 0; k < head.size(); ++k) out += (k ? "  " + head[k] : style.bold(head[k])) + "\n";
    for (const auto& l : text::wrap(safe(scale_line(s)), style.wrap_width(80, 0))) out += l + "\n";
    if (!s.rates.empty()) {
        std::vector<std::string> parts;
        for (const auto& r : s.rates) parts.push_back(rate_text(r));
        for (const auto& l : text::wrap("Responses: " + text::join(parts, "; ") + ".", style.wrap_width(80, 0)))
            out += l + "\n";
    }
    for (const auto& a : anonymity_lines(s)) {
        for (const auto& l : text::wrap(a, style.wrap_width(80, 0))) out += l + "\n";
    }
    out += "\n";
    Table t({"ITEM", "NAME", "SELF", "OTHERS (N)", "LM", "PEERS", "DRS", "OTHER", "IMPORTANCE"});
    for (std::size_t c = 2; c < 9; ++c) t.align(c, Table::Align::right);
    t.shrink(1);
    for (const auto& it : s.items) {
        std::vector<Cell> row{Cell(ref(s, it.item), "36"), safe(name(s, it.item)), it.self ? num(*it.self) : "-",
                              it.others.n ? fmt::format("{} ({})", num(it.others.mean), it.others.n) : "-"};
        for (auto g : kShownGroups) {
            const auto* c = cell(it, g);
            row.emplace_back(c ? num(c->stat.mean) : "-");
        }
        row.emplace_back(it.importance.n ? num(it.importance.mean) : "-");
        t.add_row(std::move(row));
    }
    out += t.render(style);
    std::string flagged;
    for (auto f : kFlags) {
        const auto refs = items_with(s, f);
        if (refs.empty()) continue;
        for (const auto& l :
             text::wrap(fmt::format("{}: {}", flag_words(f), text::join(refs, ", ")), style.wrap_width(76, 2))) {
            flagged += "  " + l + "\n";
        }
    }
    if (!flagged.empty()) {
        out += "\n" + style.bold("Flags") + "\n" + flagged;
        for (const auto& l : text::wrap("(" + flags_rule(s) + ")", style.wrap_width(76, 2)))
            out += "  " + style.dim(l) + "\n";
    }
    if (!s.comments.empty()) {
        out += "\n" + style.bold("Comments") + " (without names, in an order that does not say who wrote them)\n";
        int last = -1;
        for (const auto& c : s.comments) {
            if (c.item != last) {
                out += fmt::format("  {} {}\n", ref(s, c.item), safe(name(s, c.item)));
                last = c.item;
            }
            const auto lines = text::wrap(text::terminal_safe(c.text), style.wrap_width(72, 6));
            for (std::size_t k = 0; k < lines.size(); ++k) out += (k ? "      " : "    - ") + lines[k] + "\n";
        }
    }
    return out;
}

std::string render_feedback_markdown(const FeedbackSummary& s) {
    const auto cell_of = text::markdown_cell;
    const auto md = [](std::string_view x) { return text::markdown_safe(x); };
    std::string out = "# 360-degree feedback\n\n" + md(headline(s)) + "\n\n" + md(scale_line(s)) + "\n\n";
    if (!s.rates.empty()) {
        std::vector<std::string> parts;
        for (const auto& r : s.rates) parts.push_back(rate_text(r));
        out += "Responses: " + text::join(parts, "; ") + ".\n\n";
    }
    for (const auto& a : anonymity_lines(s)) out += "- " + a + "\n";
    out +=
        "\n| Item | Name | Self | Others | N | Range | Line manager | Peers | Direct reports | Other | Importance | "
        "Flags |\n|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|---|\n";
    for (const auto& it : s.items) {
        std::vector<std::string> flags;
        for (const auto& f : it.flags) flags.push_back(flag_words(f));
        out += fmt::format("| {} | {} | {} | {} | {} | {} |", ref(s, it.item), cell_of(name(s, it.item)),
                           it.self ? num(*it.self) : "–", it.others.n ? num(it.others.mean) : "–", it.others.n,
                           it.others.n ? num(it.others.min) + "–" + num(it.others.max) : "–");
        for (auto g : kShownGroups) {
            const auto* c = cell(it, g);
            out += " " + (c ? num(c->stat.mean) : std::string("–")) + " |";
        }
        out += fmt::format(" {} | {} |\n", it.importance.n ? num(it.importance.mean) : "–", text::join(flags, ", "));
    }
    out += "\nFlags: " + flags_rule(s) + ".\n";
    if (!s.comments.empty()) {
        out += "\n## Comments\n\nWithout names, in an order that does not say who wrote them.\n";
        int last = -1;
        for (const auto& c : s.comments) {
            if (c.item != last) {
                out += fmt::format("\n### {} {}\n\n", ref(s, c.item), md(name(s, c.item)));
                last = c.item;
            }
            out += "- " + text::markdown_safe(c.text, text::MarkdownSink::cell) + "\n";
        }
    }
    return out;
}

namespace {

/// A scale's ends, whole numbers (round.hpp); with `levels` whether they are the framework's levels.
Json scale_json(const RatingScale& s, bool with_levels) {
    Json j;
    if (with_levels) j["levels"] = s.levels;
    j["min"] = static_cast<long long>(s.min);
    j["max"] = static_cast<long long>(s.max);
    return j;
}

}  // namespace

std::string render_feedback_json(const FeedbackSummary& s) {
    const Round& r = *s.round;
    Json j;
    j["schema"] = kFeedbackSchema;
    j["round"] = {
        {"id", r.id},
        {"person", {{"id", r.person_id}, {"name", r.person_name}}},
        {"framework", fw_of(s).id},
        {"instrument", r.instrument},
        {"scale", scale_json(r.scale, true)},
        {"importance_scale", r.importance_scale ? scale_json(*r.importance_scale, false) : Json(nullptr)},
        {"opened", r.opened.str()},
        {"closed", r.closed.str()},
        {"facilitated", r.facilitated_by.empty()
                            ? Json(nullptr)
                            : Json{{"by", r.facilitated_by},
                                   {"date", r.facilitated_on ? Json(r.facilitated_on->str()) : Json(nullptr)}}}};
    j["min_raters"] = s.options.min_raters;
    Json items = Json::array();
    for (const auto& it : s.items) {
        Json groups = Json::array();
        for (const auto& c : it.groups) {
            groups.push_back({{"group", to_string(c.group)}, {"mean", round2(c.stat.mean)}, {"n", c.stat.n}});
        }
        items.push_back(
            {{"ref", ref(s, it.item)},
             {"name", name(s, it.item)},
             {"self", it.self ? Json(*it.self) : Json(nullptr)},
             {"others", it.others.n ? Json{{"mean", round2(it.others.mean)},
                                           {"n", it.others.n},
                                           {"min", it.others.min},
                                           {"max", it.others.max}}
                                    : Json(nullptr)},
             {"groups", groups},
             {"importance",
              it.importance.n ? Json{{"mean", round2(it.importance.mean)}, {"n", it.importance.n}} : Json(nullptr)},
             {"flags", it.flags}});
    }
    j["items"] = std::move(items);
    Json merged = Json::array();
    for (auto g : s.merged) merged.push_back({{"group", to_string(g)}, {"into", "other"}});
    j["merged"] = std::move(merged);
    Json suppressed = Json::array();
    for (auto g : s.suppressed) suppressed.push_back({{"group", to_string(g)}, {"reason", "too few raters"}});
    j["suppressed"] = std::move(suppressed);
    j["line_manager_not_anonymous"] = s.line_manager;
    Json rates = Json::array();
    for (const auto& x : s.rates) {
        rates.push_back({{"group", to_string(x.group)}, {"responded", x.responded}, {"invited", x.invited}});
    }
    j["response_rates"] = std::move(rates);
    Json comments = Json::array();
    for (const auto& c : s.comments) comments.push_back({{"item", ref(s, c.item)}, {"text", c.text}});
    j["comments"] = std::move(comments);
    return j.dump(2) + "\n";
}

std::string render_feedback_html(const FeedbackSummary& s, const Style& style) {
    const auto e = [](std::string_view x) { return text::escape_html(x); };
    const double lo = s.round->scale.min, hi = s.round->scale.max;
    std::string out = html::begin_page("360-degree feedback: " + headline(s),
                                       "svg text{font-size:12px}\nsection{break-inside:avoid}\n");
    out += "<h1>360-degree feedback</h1>\n<p>" + e(headline(s)) + "</p>\n<p>" + e(scale_line(s)) + "</p>\n<ul>\n";
    for (const auto& a : anonymity_lines(s)) out += "<li>" + e(a) + "</li>\n";
    out += "</ul>\n";
    out += html::legend({{"<svg width=\"28\" height=\"12\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" width=\"26\" "
                          "height=\"10\" fill=\"#fff\" stroke=\"#333\"/></svg> Self",
                          "your own rating"},
                         {"<svg width=\"28\" height=\"12\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" width=\"26\" "
                          "height=\"10\" fill=\"#888\" stroke=\"#333\"/></svg> Group (n=5)",
                          "the mean of a group of raters, shown only when the group is large enough to keep them "
                          "anonymous; the number at the end of each bar is the value"},
                         {"Flags", flags_rule(s)}});
    // One chart per item: a row per series, a bar from the scale's bottom to the value,
    // labelled with the number (so it reads in greyscale and on paper).
    const int label_w = 170, bar_w = 300, row_h = 20;
    for (const auto& it : s.items) {
        std::vector<std::pair<std::string, double>> series;
        if (it.self) series.emplace_back("Self", *it.self);
        for (const auto& c : it.groups) {
            std::string g = group_words(c.group);
            g[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(g[0])));
            series.emplace_back(fmt::format("{} (n={})", g, c.stat.n), c.stat.mean);
        }
        if (it.others.n) series.emplace_back(fmt::format("All others (n={})", it.others.n), it.others.mean);
        std::vector<std::string> flags;
        for (const auto& f : it.flags) flags.push_back(flag_words(f));
        out += "<section>\n<h2>" + e(ref(s, it.item)) + " " + e(name(s, it.item)) + "</h2>\n";
        if (!flags.empty()) out += "<p><strong>" + e(text::join(flags, ", ")) + "</strong></p>\n";
        if (it.importance.n) {
            out += fmt::format("<p>Importance to the role: {} (n={})</p>\n", num(it.importance.mean), it.importance.n);
        }
        const int h = row_h * static_cast<int>(series.size()) + 4;
        out += fmt::format(
            "<svg role=\"img\" width=\"{}\" height=\"{}\" aria-labelledby=\"t{}\"><title id=\"t{}\">{} "
            "ratings</title>\n",
            label_w + bar_w + 50, h, it.item, it.item, e(ref(s, it.item)));
        for (std::size_t k = 0; k < series.size(); ++k) {
            const auto& [label, v] = series[k];
            const int y = static_cast<int>(k) * row_h + 2;
            const int w = hi > lo ? static_cast<int>(std::lround((v - lo) / (hi - lo) * bar_w)) : 0;
            out += fmt::format(
                "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                "stroke=\"#333\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                y + 14, e(label), label_w, y + 3, std::max(w, 1), row_h - 6, k == 0 && it.self ? "#fff" : "#888",
                label_w + std::max(w, 1) + 6, y + 14, num(v));
        }
        out += "</svg>\n</section>\n";
    }
    if (!s.comments.empty()) {
        out += "<h2>Comments</h2>\n<p>Without names, in an order that does not say who wrote them.</p>\n";
        int last = -1;
        for (const auto& c : s.comments) {
            if (c.item != last) {
                if (last >= 0) out += "</ul>\n";
                out += "<h3>" + e(ref(s, c.item)) + " " + e(name(s, c.item)) + "</h3>\n<ul>\n";
                last = c.item;
            }
            out += "<li>" + e(c.text) + "</li>\n";
        }
        out += "</ul>\n";
    }
    out += "<footer>\n<p>";
    out += html::generated_by(style);
    out += e(scale_line(s)) + "</p>\n</footer>\n";
    return out + html::end_page();
}

}  // namespace leadctl
