#include "core/render/render_feedback_template.hpp"

#include "core/feedback/round.hpp"
#include "core/render/html.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace leadctl {

namespace {

const Framework& fw_of(const FeedbackTemplate& t) {
    return *t.framework;
}

/// "Healthcare Leadership Model, version 1.0" (user text: escape it for the sink).
std::string framework_title(const Framework& fw) {
    std::string out = fw.title.empty() ? fw.id : fw.title;
    if (!fw.edition.empty()) out += ", " + fw.edition;
    return out;
}

/// Who a rater is to the person, for each group (in kRaterGroups order), as the form asks it.
std::vector<std::string> group_choices() {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < kRaterGroups.size(); ++k) {
        switch (static_cast<RaterGroup>(k)) {
            case RaterGroup::self:
                out.emplace_back("self (the form is about you)");
                break;
            case RaterGroup::line_manager:
                out.emplace_back("their line manager");
                break;
            case RaterGroup::peer:
                out.emplace_back("a peer");
                break;
            case RaterGroup::direct_report:
                out.emplace_back("a direct report");
                break;
            case RaterGroup::other:
                out.emplace_back("other");
                break;
        }
    }
    return out;
}

/// The item's own text for a level of the scale, or empty.
const std::string& level_text(const Item& it, const Level& level) {
    static const std::string none;
    for (const auto& h : it.level_headings) {
        if (h.level == level.id) return h.text;
    }
    return none;
}

/// The root above an item (itself when it is one).
int root_of(const Framework& fw, int item) {
    while (fw.at(item).parent >= 0) item = fw.at(item).parent;
    return item;
}

/// More points than this are written in as a number rather than ticked (ours: a form of
/// boxes 0 to 10 still fits a line).
constexpr long long kMaxBoxes = 11;

/// The whole numbers a rater may give on a numeric scale.
std::vector<long long> numbers(double min, double max) {
    std::vector<long long> out;
    for (auto v = static_cast<long long>(min); v <= static_cast<long long>(max); ++v) out.push_back(v);
    return out;
}

bool write_in(double min, double max) {
    return static_cast<long long>(max) - static_cast<long long>(min) + 1 > kMaxBoxes;
}

/// "1-5", as the command line takes a scale.
std::string range_arg(double min, double max) {
    return fmt::format("{}-{}", min, max);
}

std::string instructions(const FeedbackTemplate& t) {
    std::string rate;
    if (!t.scale) {
        rate = "tick the one point of the scale that best describes how you have seen the person act";
    } else {
        rate = fmt::format(
            "{} the one number from {} (lowest) to {} (highest) that best describes how you have "
            "seen the person act",
            write_in(t.scale->min, t.scale->max) ? "write" : "tick", t.scale->min, t.scale->max);
    }
    return fmt::format(
        "For each item, {}, or leave the item blank if you have not seen enough to say. Then {} how important the "
        "item is to their role, from {} (not important) to {} (essential to the role), and add a comment if you "
        "wish. Comments are shown to the person without your name: write nothing that could identify you, a "
        "colleague or a patient.",
        rate, write_in(t.importance_min, t.importance_max) ? "write" : "tick", t.importance_min, t.importance_max);
}

/// The scale options the CSV and its import need (" --scale 1-5"), or "".
std::string scale_args(const FeedbackTemplate& t) {
    std::string out;
    if (t.scale) out += " --scale " + range_arg(t.scale->min, t.scale->max);
    if (const TemplateScales defaults;
        t.importance_min != defaults.importance_min || t.importance_max != defaults.importance_max) {
        out += " --importance-scale " + range_arg(t.importance_min, t.importance_max);
    }
    return out;
}

/// How a completed form becomes a row of the CSV (user text: escape it for the sink).
std::string entry_note(const FeedbackTemplate& t) {
    std::vector<std::string> ids(kRaterGroups.begin(), kRaterGroups.end());
    const std::string rating = t.scale ? fmt::format("a number from {} to {}", t.scale->min, t.scale->max)
                                       : std::string("the level's id or its rank");
    return fmt::format(
        "For whoever enters the forms: each form is one row of the CSV that leadctl feedback template --framework "
        "{}{} --format csv writes: rater (the rater code, never a name), group ({}), then for each item its rating "
        "({}; empty when not rated), its importance ({} to {}) and the comment. leadctl feedback import{} turns "
        "the CSV into a round file.",
        fw_of(t).id, scale_args(t), text::join(ids, ", "), rating, t.importance_min, t.importance_max, scale_args(t));
}

constexpr std::string_view kWriteLine = "______________________________________________________________________";

}  // namespace

std::string render_template_csv(const FeedbackTemplate& t) {
    std::vector<std::string> header;
    for (const auto& c : template_columns(t)) header.push_back(csv::spreadsheet_safe(c));
    return csv::record(header);
}

std::string render_template_markdown(const FeedbackTemplate& t) {
    const Framework& fw = fw_of(t);
    const auto md = [](std::string_view x) { return text::markdown_safe(x); };
    std::string out = "# 360-degree feedback form: " + md(framework_title(fw)) + "\n\n";
    out += "About (the person this feedback is for): ______________________________\n\n";
    out += "Rater code (given by whoever runs the round; not your name): __________\n\n";
    out += "You are (tick one):";
    for (const auto& g : group_choices()) out += "  [ ] " + g;
    out += "\n\n## How to fill it in\n\n" + instructions(t) + "\n\n## The rating scale\n\n";
    if (t.scale) {
        out += fmt::format("Numbers from {} (lowest) to {} (highest).\n", t.scale->min, t.scale->max);
    } else {
        out += "| Rank | Level | Description |\n|--:|---|---|\n";
        for (std::size_t k = 0; k < fw.scale.size(); ++k) {
            out += fmt::format("| {} | {} | {} |\n", k + 1, text::markdown_cell(fw.scale[k].name),
                               text::markdown_cell(fw.scale[k].description));
        }
    }
    int last_root = -1;
    for (const auto& ti : t.items) {
        const Item& it = fw.at(ti.item);
        std::string level = "##";
        if (it.depth > 0) {
            const int root = root_of(fw, ti.item);
            if (root != last_root) {
                out += "\n## " + md(fw.at(root).code) + " " + md(fw.at(root).name) + "\n";
                last_root = root;
            }
            level = "###";
        }
        out += "\n" + level + " " + md(it.code) + " " + md(it.name) + "\n\n";
        if (!it.description.empty()) out += md(it.description) + "\n\n";
        if (!t.scale) {
            out += "Rating (tick one):\n\n";
            for (std::size_t k = 0; k < fw.scale.size(); ++k) {
                out += fmt::format("- [ ] {} {}", k + 1, text::markdown_cell(fw.scale[k].name));
                const std::string& anchor = level_text(it, fw.scale[k]);
                if (!anchor.empty()) out += ": " + text::markdown_cell(anchor);
                out += "\n";
            }
        } else if (write_in(t.scale->min, t.scale->max)) {
            out += fmt::format("Rating (a number from {} to {}): ________\n", t.scale->min, t.scale->max);
        } else {
            out += "Rating (tick one):";
            for (auto v : numbers(t.scale->min, t.scale->max)) out += fmt::format("  [ ] {}", v);
            out += "\n";
        }
        if (write_in(t.importance_min, t.importance_max)) {
            out += fmt::format("\nImportance to the role (a number from {} to {}): ________", t.importance_min,
                               t.importance_max);
        } else {
            out += "\nImportance to the role (tick one):";
            for (auto v : numbers(t.importance_min, t.importance_max)) out += fmt::format("  [ ] {}", v);
        }
        out += "\n\nComment:\n\n" + std::string(kWriteLine) + "\n\n" + std::string(kWriteLine) + "\n";
    }
    out += "\n---\n\n" + md(entry_note(t)) + "\n";
    return out;
}

std::string render_template_html(const FeedbackTemplate& t, const Style& style) {
    const Framework& fw = fw_of(t);
    const auto e = [](std::string_view x) { return text::escape_html(x); };
    const auto box = [] { return std::string("<span class=\"box\" aria-hidden=\"true\"></span>"); };
    std::string out = html::begin_page(
        "360-degree feedback form: " + framework_title(fw),
        ".box{display:inline-block;width:1em;height:1em;border:1.5px solid #1f2328;border-radius:2px;"
        "vertical-align:-.15em;margin:0 .3em 0 0}\n"
        ".line{display:inline-block;border-bottom:1px solid #1f2328;min-width:20em;height:1.2em}\n"
        ".line.short{min-width:8em}\n"
        ".choices{display:flex;flex-wrap:wrap;gap:.3rem 1.4rem;margin:.4rem 0}\n"
        ".fill p{margin:.7rem 0}\n"
        "table.rate{table-layout:fixed}\n"
        "table.rate td{border:1px solid #d0d7de;font-size:.85rem;padding:.35rem .45rem}\n"
        "table.rate .point{font-weight:600;font-size:.95rem;display:block;margin-bottom:.15rem}\n"
        ".comment{border:1px solid #59636e;border-radius:4px;min-height:5.5rem;padding:.25rem .5rem;margin:.4rem 0 "
        "0;color:#59636e;font-size:.85rem}\n"
        ".desc{font-size:.9rem}\n"
        "section.item{margin-bottom:1.4rem}\n"
        "@media print{@page{size:A4;margin:12mm}.comment{min-height:4.5rem}section.item{margin-bottom:.8rem}}\n");
    out += "<h1>360-degree feedback form</h1>\n<p>" + e(framework_title(fw)) + " (<span class=\"code\">" + e(fw.id) +
           "</span>)</p>\n";
    out += "<div class=\"fill\">\n<p>About (the person this feedback is for): <span class=\"line\"></span></p>\n";
    out += "<p>Rater code (given by whoever runs the round; not your name): <span class=\"line short\"></span></p>\n";
    out += "<p>You are (tick one):</p>\n<p class=\"choices\">";
    for (const auto& g : group_choices()) out += "<span>" + box() + e(g) + "</span>";
    out += "</p>\n</div>\n";
    out += "<h2>How to fill it in</h2>\n<p>" + e(instructions(t)) + "</p>\n";
    if (t.scale) {
        out += fmt::format("<h2>The rating scale</h2>\n<p>Numbers from {} (lowest) to {} (highest).</p>\n",
                           t.scale->min, t.scale->max);
    } else {
        out +=
            "<h2>The rating scale</h2>\n<table>\n<thead><tr><th class=\"num\">Rank</th><th>Level</th>"
            "<th>Description</th></tr></thead>\n<tbody>\n";
        for (std::size_t k = 0; k < fw.scale.size(); ++k) {
            out += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n", k + 1, e(fw.scale[k].name),
                               e(fw.scale[k].description));
        }
        out += "</tbody>\n</table>\n";
    }
    int last_root = -1;
    for (const auto& ti : t.items) {
        const Item& it = fw.at(ti.item);
        std::string level = "h2";
        if (it.depth > 0) {
            const int root = root_of(fw, ti.item);
            if (root != last_root) {
                out += "<h2><span class=\"code\">" + e(fw.at(root).code) + "</span> " + e(fw.at(root).name) + "</h2>\n";
                last_root = root;
            }
            level = "h3";
        }
        out += fmt::format("<section class=\"item\">\n<{}><span class=\"code\">{}</span> {}</{}>\n", level, e(it.code),
                           e(it.name), level);
        if (!it.description.empty()) out += "<p class=\"desc\">" + e(it.description) + "</p>\n";
        if (!t.scale) {
            out += "<table class=\"rate\" aria-label=\"Rating (tick one)\">\n<tr>";
            for (std::size_t k = 0; k < fw.scale.size(); ++k) {
                out += fmt::format("<td><span class=\"point\">{}{} {}</span>", box(), k + 1, e(fw.scale[k].name));
                const std::string& anchor = level_text(it, fw.scale[k]);
                if (!anchor.empty()) out += e(anchor);
                out += "</td>";
            }
            out += "</tr>\n</table>\n";
        } else if (write_in(t.scale->min, t.scale->max)) {
            out += fmt::format("<p>Rating (a number from {} to {}): <span class=\"line short\"></span></p>\n",
                               t.scale->min, t.scale->max);
        } else {
            out += "<p class=\"choices\">Rating:";
            for (auto v : numbers(t.scale->min, t.scale->max)) out += fmt::format("<span>{}{}</span>", box(), v);
            out +=
                fmt::format("<span class=\"muted\">({} lowest, {} highest)</span></p>\n", t.scale->min, t.scale->max);
        }
        if (write_in(t.importance_min, t.importance_max)) {
            out += fmt::format(
                "<p>Importance to the role (a number from {} to {}): <span class=\"line short\"></span></p>\n",
                t.importance_min, t.importance_max);
        } else {
            out += "<p class=\"choices\">Importance to the role:";
            for (auto v : numbers(t.importance_min, t.importance_max)) {
                out += fmt::format("<span>{}{}</span>", box(), v);
            }
            out += fmt::format("<span class=\"muted\">({} not important, {} essential to the role)</span></p>\n",
                               t.importance_min, t.importance_max);
        }
        out += "<div class=\"comment\">Comment</div>\n</section>\n";
    }
    out += "<footer>\n<p>";
    out += html::generated_by(style);
    out += "Framework: " + e(framework_title(fw)) + " (<span class=\"code\">" + e(fw.id) + "</span>).</p>\n<p>" +
           e(entry_note(t)) + "</p>\n</footer>\n";
    return out + html::end_page();
}

}  // namespace leadctl
