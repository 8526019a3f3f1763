#include "core/formats/render_framework.hpp"

#include "core/formats/framework_tree.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

/// Items to show: `start` (or the roots) and descendants down to max_depth levels.
template <typename F>
void walk(const Framework& fw, int start, int max_depth, F&& visit) {
    auto rec = [&](auto& self, int i, int rel) -> void {
        visit(i, rel);
        if (max_depth > 0 && rel + 1 >= max_depth) return;
        for (int c : fw.at(i).children) self(self, c, rel + 1);
    };
    if (start >= 0) {
        rec(rec, start, 0);
    } else {
        for (int r : fw.roots) rec(rec, r, 0);
    }
}

std::string edition_line(const Framework& fw) {
    std::string s = fw.edition;
    if (fw.year) s += s.empty() ? fmt::format("{}", *fw.year) : fmt::format(" ({})", *fw.year);
    if (!fw.publisher.empty()) s += (s.empty() ? "" : " · ") + fw.publisher;
    return s;
}

void wrapped(std::string& out, std::string_view prose, std::string_view indent, std::size_t width) {
    const std::size_t w = width > indent.size() + 20 ? width - indent.size() : 60;
    for (const auto& l : text::wrap(text::terminal_safe(prose, text::TerminalText::block), w)) {
        out += fmt::format("{}{}\n", indent, l);
    }
}

Json recent_json(const Profile& p) {
    Json out = Json::array();
    for (const auto& c : p.recent_evidence) {
        out.push_back({{"type", c.type}, {"within_months", c.within_months}, {"note", c.note}});
    }
    return out;
}

std::vector<std::string> required_by(const Framework& fw, const Item& it) {
    std::vector<std::string> out;
    for (const auto& p : fw.profiles) {
        for (const auto& code : p.required) {
            if (code == it.code) out.push_back(p.id);
        }
    }
    return out;
}

std::string tree_table(const Framework& fw, int start, const ShowOptions& opt) {
    Table t({"CODE", "NAME", "TYPE"});
    t.shrink(1);
    const int base = start >= 0 ? fw.at(start).depth : 0;
    walk(fw, start, opt.max_depth, [&](int i, int) {
        const auto& it = fw.at(i);
        const std::size_t indent = static_cast<std::size_t>(2 * (it.depth - base));
        const bool top = it.depth == base && !it.children.empty();
        t.add_row({Cell(std::string(indent, ' ') + it.code, "36"), Cell(it.name, top ? "1" : ""), Cell(it.type, "2")});
    });
    return t.render(opt.style);
}

/// Labelled facts, one a line ("  Framework  fmlm — …"): labels dim and padded to the
/// widest; a value wider than what style.width leaves wraps, continuing under itself.
std::string fact_lines(const Style& s, const std::vector<std::pair<std::string, std::string>>& facts,
                       std::string_view indent) {
    std::size_t label_w = 0;
    for (const auto& [label, value] : facts) label_w = std::max(label_w, text::display_width(label));
    const std::size_t hang = indent.size() + label_w + 2;
    std::string out;
    for (const auto& [label, value] : facts) {
        const auto lines = fit_lines(s, text::terminal_safe(value), hang);
        out += fmt::format("{}{}{}  {}\n", indent, s.dim(label), std::string(label_w - text::display_width(label), ' '),
                           lines.front());
        for (std::size_t k = 1; k < lines.size(); ++k) out += std::string(hang, ' ') + lines[k] + "\n";
    }
    return out;
}

/// The profiles of `fw` as a table; with a FOR STAGES column when any profile names stages,
/// unless that cannot fit style.width: then each profile's stages go on a line of their own
/// under it, wrapped, so that no stage is cut.
std::string profiles_table(const Framework& fw, const Style& s, bool staged) {
    auto make = [&](bool stage_column) {
        Table t(stage_column ? std::vector<std::string>{"PROFILE", "NAME", "REQUIRES", "FOR STAGES"}
                             : std::vector<std::string>{"PROFILE", "NAME", "REQUIRES"});
        t.shrink(1);
        for (const auto& p : fw.profiles) {
            std::string req = fmt::format("{} item{}", p.required.size(), p.required.size() == 1 ? "" : "s");
            if (!p.level.empty()) req += fmt::format(" at {}", p.level);
            if (stage_column) {
                t.add_row({Cell(p.id, "36"), p.name, req, p.stages.empty() ? "-" : text::join(p.stages, ", ")});
            } else {
                t.add_row({Cell(p.id, "36"), p.name, req});
            }
        }
        return t;
    };
    const Table with = make(staged);
    if (!staged || s.width == 0 || with.width("  ", true) <= s.width) return with.render(s, "  ");
    // Header, then one line a profile, in the profiles' order.
    const std::string table = make(false).render(s, "  ");
    std::vector<std::string> lines;
    for (std::size_t a = 0, b; a < table.size(); a = b + 1) {
        b = table.find('\n', a);
        if (b == std::string::npos) b = table.size();
        lines.push_back(table.substr(a, b - a));
    }
    std::string out = lines.front() + "\n";
    for (std::size_t k = 0; k < fw.profiles.size() && k + 1 < lines.size(); ++k) {
        out += lines[k + 1] + "\n";
        const auto& stages = fw.profiles[k].stages;
        const std::string what = "for stages: " + (stages.empty() ? std::string("-") : text::join(stages, ", "));
        for (const auto& l : fit_lines(s, text::terminal_safe(what), 4)) out += "    " + s.dim(l) + "\n";
    }
    return out;
}

}  // namespace

std::string ref_of(const Framework& fw, int item) {
    return fw.id + ":" + fw.at(item).code;
}

// ---------------------------------------------------------------- text

std::string render_text(const Framework& fw, int item, const ShowOptions& opt) {
    const Style& s = opt.style;
    // The framework's own text is made safe for a terminal before our styling is added.
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    std::string out;
    if (item < 0) {
        out += fmt::format("{}  {}\n", s.bold(s.cyan(safe(fw.id))), s.bold(safe(fw.title)));
        const std::string pad(text::display_width(safe(fw.id)) + 2, ' ');
        if (auto e = edition_line(fw); !e.empty()) {
            for (const auto& l : fit_lines(s, safe(e), pad.size())) out += pad + l + "\n";
        }
        std::vector<std::string> facts;
        if (!fw.status.empty()) facts.push_back("status: " + fw.status);
        if (!fw.completeness.empty()) facts.push_back("completeness: " + fw.completeness);
        if (!facts.empty()) out += fmt::format("{}{}\n", pad, s.dim(safe(text::join(facts, " · "))));
        if (!fw.description.empty()) {
            out += '\n';
            wrapped(out, fw.description, "", opt.width);
        }
        out += '\n';
        out += tree_table(fw, -1, opt);
        if (!fw.scale.empty()) {
            std::vector<std::string> names;
            for (const auto& l : fw.scale) names.push_back(l.name);
            out += fmt::format("\n{} {} (lowest to highest)\n", s.bold("Scale:"), safe(text::join(names, " < ")));
        }
        if (!fw.profiles.empty()) {
            out += fmt::format("\n{}\n", s.bold("Profiles (targets):"));
            const bool staged =
                std::any_of(fw.profiles.begin(), fw.profiles.end(), [](const Profile& p) { return !p.stages.empty(); });
            out += profiles_table(fw, s, staged);
        }
        if (fw.completeness == "partial" && !fw.completeness_note.empty()) {
            out += fmt::format("\n{}\n", s.bold("Not held (completeness: partial):"));
            wrapped(out, fw.completeness_note, "  ", opt.width);
        }
        if (!fw.sources.empty()) {
            out += fmt::format("\n{}\n", s.bold("Sources:"));
            for (const auto& src : fw.sources) {
                wrapped(out, src.url.empty() ? src.citation : src.citation + " " + src.url, "  ", opt.width);
            }
        }
        return out;
    }

    const Item& it = fw.at(item);
    out += fmt::format("{}  {}\n", s.bold(s.cyan(safe(ref_of(fw, item)))), s.bold(safe(it.name)));
    std::vector<std::pair<std::string, std::string>> facts;
    facts.emplace_back("Framework", fmt::format("{} — {}", fw.id, fw.title));
    if (!it.type.empty()) facts.emplace_back("Type", it.type);
    if (it.parent >= 0) {
        facts.emplace_back("Parent", fmt::format("{}  {}", ref_of(fw, it.parent), fw.at(it.parent).name));
    }
    if (!it.aliases.empty()) {
        std::vector<std::string> refs;
        for (const auto& a : it.aliases) refs.push_back(fw.id + ":" + a);
        facts.emplace_back("Aliases", text::join(refs, ", "));
    }
    if (auto req = required_by(fw, it); !req.empty()) facts.emplace_back("Required by", text::join(req, ", "));
    out += fact_lines(s, facts, "  ");
    if (!it.description.empty()) {
        out += fmt::format("\n{}\n", s.bold("Description"));
        wrapped(out, it.description, "  ", opt.width);
    }
    if (!it.outcomes.empty()) {
        out += fmt::format("\n{}\n", s.bold("Outcomes"));
        for (const auto& o : it.outcomes) {
            const auto lines = text::wrap(safe(o), opt.width > 30 ? opt.width - 4 : 60);
            for (std::size_t k = 0; k < lines.size(); ++k) out += fmt::format("  {} {}\n", k ? " " : "-", lines[k]);
        }
    }
    if (!it.level_headings.empty()) {
        out += fmt::format("\n{}\n", s.bold("Level headings"));
        Table t({"LEVEL", "HEADING"});
        t.shrink(1, {.min_width = 20});
        for (const auto& h : it.level_headings) {
            t.add_row({fw.scale[static_cast<std::size_t>(fw.level_index(h.level))].name, h.text});
        }
        out += t.render(s, "  ");
    }
    if (!it.notes.empty()) {
        out += fmt::format("\n{}\n", s.bold("Notes"));
        wrapped(out, it.notes, "  ", opt.width);
    }
    if (!it.children.empty() && opt.max_depth != 1) {
        ShowOptions below = opt;
        below.max_depth = opt.max_depth > 0 ? opt.max_depth - 1 : 0;
        out += fmt::format("\n{}\n", s.bold("Contains"));
        // One table for all children, so that columns align across them.
        Table t({"CODE", "NAME", "TYPE"});
        t.shrink(1);
        for (int c : it.children) {
            walk(fw, c, below.max_depth, [&](int i, int rel) {
                const auto& ci = fw.at(i);
                t.add_row({Cell(std::string(static_cast<std::size_t>(2 * rel), ' ') + ci.code, "36"), ci.name,
                           Cell(ci.type, "2")});
            });
        }
        out += t.render(s, "  ");
    }
    return out;
}

// ---------------------------------------------------------------- JSON

namespace {

Json item_json(const Framework& fw, int i, int max_depth, int rel) {
    const Item& it = fw.at(i);
    Json j;
    j["code"] = it.code;
    j["ref"] = ref_of(fw, i);
    j["name"] = it.name;
    j["type"] = it.type;
    j["description"] = it.description;
    j["aliases"] = it.aliases;
    j["outcomes"] = it.outcomes;
    Json levels = Json::array();
    for (const auto& h : it.level_headings) levels.push_back({{"level", h.level}, {"heading", h.text}});
    j["level_headings"] = std::move(levels);
    j["notes"] = it.notes;
    Json children = Json::array();
    if (max_depth == 0 || rel + 1 < max_depth) {
        for (int c : it.children) children.push_back(item_json(fw, c, max_depth, rel + 1));
    }
    j["items"] = std::move(children);
    return j;
}

}  // namespace

std::string render_json(const Framework& fw, int item, const ShowOptions& opt) {
    Json j;
    if (item >= 0) {
        const Item& it = fw.at(item);
        j["schema"] = kItemSchema;
        j["framework"] = fw.id;
        Json path = Json::array();
        for (int p = it.parent; p >= 0; p = fw.at(p).parent) path.insert(path.begin(), ref_of(fw, p));
        j["ancestors"] = std::move(path);
        j["required_by"] = required_by(fw, it);
        j["item"] = item_json(fw, item, opt.max_depth, 0);
        return j.dump(2) + "\n";
    }
    j["schema"] = kFrameworkSchema;
    j["id"] = fw.id;
    j["title"] = fw.title;
    j["edition"] = fw.edition;
    j["publisher"] = fw.publisher;
    j["year"] = fw.year ? Json(*fw.year) : Json(nullptr);
    j["uri"] = fw.uri;
    j["status"] = fw.status;
    j["completeness"] = fw.completeness;
    j["completeness_note"] = fw.completeness_note;
    j["description"] = fw.description;
    j["notes"] = fw.notes;
    j["license"] = fw.license;
    Json sources = Json::array();
    for (const auto& src : fw.sources) sources.push_back({{"citation", src.citation}, {"url", src.url}});
    j["sources"] = std::move(sources);
    Json scale = Json::array();
    for (const auto& l : fw.scale) scale.push_back({{"id", l.id}, {"name", l.name}, {"description", l.description}});
    j["scale"] = std::move(scale);
    Json items = Json::array();
    for (int r : fw.roots) items.push_back(item_json(fw, r, opt.max_depth, 0));
    j["items"] = std::move(items);
    Json profiles = Json::array();
    for (const auto& p : fw.profiles) {
        profiles.push_back({{"id", p.id},
                            {"name", p.name},
                            {"description", p.description},
                            {"requires", p.required},
                            {"level", p.level.empty() ? Json(nullptr) : Json(p.level)},
                            {"stages", p.stages},
                            {"not_for_stages", p.not_for_stages},
                            {"recent_evidence", recent_json(p)},
                            {"notes", p.notes}});
    }
    j["profiles"] = std::move(profiles);
    return j.dump(2) + "\n";
}

// ---------------------------------------------------------------- YAML and file JSON

std::string render_yaml(const Framework& fw, int item, const ShowOptions& opt) {
    return to_yaml(framework_tree(fw, item, opt.max_depth));
}

std::string render_file_json(const Framework& fw) {
    return to_json(framework_tree(fw, -1, 0));
}

// ---------------------------------------------------------------- Markdown

namespace {

const auto md_cell = text::markdown_cell;
std::string md(std::string_view s) {
    return text::markdown_safe(s);
}
std::string md_code(std::string_view s) {
    return text::markdown_safe(s, text::MarkdownSink::code);
}
/// A source's address as a live link only when it is plainly a web address; any other
/// (`javascript:`, `data:`, ...) is shown as text.
std::string md_url(const std::string& url) {
    const bool web =
        (url.starts_with("https://") || url.starts_with("http://")) && std::none_of(url.begin(), url.end(), [](char c) {
            return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == 0x7F;
        });
    return web ? "<" + url + ">" : md(url);
}

void md_item_table(std::string& out, const Framework& fw, int start, int max_depth) {
    out += "| Code | Name | Type | Description |\n|---|---|---|---|\n";
    auto row = [&](int i, int) {
        const Item& it = fw.at(i);
        const std::string name = it.children.empty() ? md_cell(it.name) : "**" + md_cell(it.name) + "**";
        out +=
            fmt::format("| {} | {} | {} | {} |\n", md_code(it.code), name, md_cell(it.type), md_cell(it.description));
    };
    if (start >= 0) {
        for (int c : fw.at(start).children) walk(fw, c, max_depth, row);
    } else {
        walk(fw, -1, max_depth, row);
    }
}

}  // namespace

std::string render_markdown(const Framework& fw, int item, const ShowOptions& opt) {
    std::string out;
    if (item >= 0) {
        const Item& it = fw.at(item);
        out += fmt::format("## {} {}\n\n", md_code(ref_of(fw, item)), md_cell(it.name));
        out += fmt::format("- **Framework:** {} ({})\n", md_cell(fw.title), md_cell(fw.id));
        if (!it.type.empty()) out += fmt::format("- **Type:** {}\n", md_cell(it.type));
        if (it.parent >= 0) {
            out += fmt::format("- **Parent:** {} {}\n", md_code(ref_of(fw, it.parent)), md_cell(fw.at(it.parent).name));
        }
        if (!it.aliases.empty()) out += fmt::format("- **Aliases:** {}\n", md_cell(text::join(it.aliases, ", ")));
        if (auto req = required_by(fw, it); !req.empty())
            out += fmt::format("- **Required by:** {}\n", md_cell(text::join(req, ", ")));
        if (!it.description.empty()) out += fmt::format("\n{}\n", md(it.description));
        if (!it.outcomes.empty()) {
            out += "\n### Outcomes\n\n";
            for (const auto& o : it.outcomes) out += fmt::format("- {}\n", md_cell(o));
        }
        if (!it.level_headings.empty()) {
            out += "\n### Level headings\n\n| Level | Heading |\n|---|---|\n";
            for (const auto& h : it.level_headings) {
                out += fmt::format("| {} | {} |\n",
                                   md_cell(fw.scale[static_cast<std::size_t>(fw.level_index(h.level))].name),
                                   md_cell(h.text));
            }
        }
        if (!it.notes.empty()) out += fmt::format("\n### Notes\n\n{}\n", md(it.notes));
        if (!it.children.empty() && opt.max_depth != 1) {
            out += "\n### Contains\n\n";
            md_item_table(out, fw, item, opt.max_depth > 0 ? opt.max_depth - 1 : 0);
        }
        return out;
    }
    out += fmt::format("# {} ({})\n\n", md_cell(fw.title), md_code(fw.id));
    if (!fw.edition.empty() || fw.year) {
        out += fmt::format("- **Edition:** {}{}\n", md_cell(fw.edition),
                           fw.year ? fmt::format("{}{}", fw.edition.empty() ? "" : ", ", *fw.year) : "");
    }
    if (!fw.publisher.empty()) out += fmt::format("- **Publisher:** {}\n", md_cell(fw.publisher));
    if (!fw.status.empty()) out += fmt::format("- **Status:** {}\n", md_cell(fw.status));
    if (!fw.completeness.empty()) out += fmt::format("- **Completeness:** {}\n", md_cell(fw.completeness));
    if (!fw.description.empty()) out += fmt::format("\n{}\n", md(fw.description));
    out += "\n## Items\n\n";
    md_item_table(out, fw, -1, opt.max_depth);
    if (!fw.scale.empty()) {
        out += "\n## Scale (lowest to highest)\n\n";
        for (std::size_t k = 0; k < fw.scale.size(); ++k) {
            out += fmt::format("{}. **{}**{}\n", k + 1, md_cell(fw.scale[k].name),
                               fw.scale[k].description.empty() ? "" : " — " + md_cell(fw.scale[k].description));
        }
    }
    if (!fw.profiles.empty()) {
        out += "\n## Profiles\n\n| Profile | Name | Requires | Level | For stages |\n|---|---|---|---|---|\n";
        for (const auto& p : fw.profiles) {
            out += fmt::format("| {} | {} | {} | {} | {} |\n", md_code(p.id), md_cell(p.name),
                               md_cell(text::join(p.required, ", ")), p.level.empty() ? "—" : md_cell(p.level),
                               p.stages.empty() ? "—" : md_cell(text::join(p.stages, ", ")));
        }
    }
    if (fw.completeness == "partial" && !fw.completeness_note.empty()) {
        out += fmt::format("\n## Not held\n\n{}\n", md(fw.completeness_note));
    }
    if (!fw.sources.empty()) {
        out += "\n## Sources\n\n";
        for (const auto& src : fw.sources) {
            out += fmt::format("- {}{}\n", md_cell(src.citation), src.url.empty() ? "" : " " + md_url(src.url));
        }
    }
    return out;
}

}  // namespace leadctl
