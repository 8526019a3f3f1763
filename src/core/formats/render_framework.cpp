#include "core/formats/render_framework.hpp"

#include "core/util/text.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

const Item& at(const Framework& fw, int i) {
    return fw.items[static_cast<std::size_t>(i)];
}

/// Items to show: `start` (or the roots) and descendants down to max_depth levels.
template <typename F>
void walk(const Framework& fw, int start, int max_depth, F&& visit) {
    auto rec = [&](auto& self, int i, int rel) -> void {
        visit(i, rel);
        if (max_depth > 0 && rel + 1 >= max_depth) return;
        for (int c : at(fw, i).children) self(self, c, rel + 1);
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
    for (const auto& l : text::wrap(prose, w)) out += fmt::format("{}{}\n", indent, l);
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
    const int base = start >= 0 ? at(fw, start).depth : 0;
    walk(fw, start, opt.max_depth, [&](int i, int) {
        const auto& it = at(fw, i);
        const std::size_t indent = static_cast<std::size_t>(2 * (it.depth - base));
        const bool top = it.depth == base && !it.children.empty();
        t.add_row({Cell(std::string(indent, ' ') + it.code, "36"), Cell(it.name, top ? "1" : ""), Cell(it.type, "2")});
    });
    return t.render(opt.style);
}

}  // namespace

std::string ref_of(const Framework& fw, int item) {
    return fw.id + ":" + at(fw, item).code;
}

// ---------------------------------------------------------------- text

std::string render_text(const Framework& fw, int item, const ShowOptions& opt) {
    const Style& s = opt.style;
    std::string out;
    if (item < 0) {
        out += fmt::format("{}  {}\n", s.bold(s.cyan(fw.id)), s.bold(fw.title));
        const std::string pad(text::display_width(fw.id) + 2, ' ');
        if (auto e = edition_line(fw); !e.empty()) out += fmt::format("{}{}\n", pad, e);
        std::vector<std::string> facts;
        if (!fw.status.empty()) facts.push_back("status: " + fw.status);
        if (!fw.completeness.empty()) facts.push_back("completeness: " + fw.completeness);
        if (!facts.empty()) out += fmt::format("{}{}\n", pad, s.dim(text::join(facts, " · ")));
        if (!fw.description.empty()) {
            out += '\n';
            wrapped(out, fw.description, "", opt.width);
        }
        out += '\n';
        out += tree_table(fw, -1, opt);
        if (!fw.scale.empty()) {
            std::vector<std::string> names;
            for (const auto& l : fw.scale) names.push_back(l.name);
            out += fmt::format("\n{} {} (lowest to highest)\n", s.bold("Scale:"), text::join(names, " < "));
        }
        if (!fw.profiles.empty()) {
            out += fmt::format("\n{}\n", s.bold("Profiles (targets):"));
            Table t({"PROFILE", "NAME", "REQUIRES"});
            for (const auto& p : fw.profiles) {
                std::string req = fmt::format("{} item{}", p.required.size(), p.required.size() == 1 ? "" : "s");
                if (!p.level.empty()) req += fmt::format(" at {}", p.level);
                t.add_row({Cell(p.id, "36"), p.name, req});
            }
            out += t.render(s, "  ");
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

    const Item& it = at(fw, item);
    out += fmt::format("{}  {}\n", s.bold(s.cyan(ref_of(fw, item))), s.bold(it.name));
    Table facts({"", ""});
    facts.add_row({Cell("Framework", "2"), fmt::format("{} — {}", fw.id, fw.title)});
    if (!it.type.empty()) facts.add_row({Cell("Type", "2"), it.type});
    if (it.parent >= 0) {
        facts.add_row({Cell("Parent", "2"), fmt::format("{}  {}", ref_of(fw, it.parent), at(fw, it.parent).name)});
    }
    if (!it.aliases.empty()) {
        std::vector<std::string> refs;
        for (const auto& a : it.aliases) refs.push_back(fw.id + ":" + a);
        facts.add_row({Cell("Aliases", "2"), text::join(refs, ", ")});
    }
    if (auto req = required_by(fw, it); !req.empty()) {
        facts.add_row({Cell("Required by", "2"), text::join(req, ", ")});
    }
    // The header row of `facts` is empty: render and drop its first line.
    std::string rendered = facts.render(s, "  ");
    out += rendered.substr(rendered.find('\n') + 1);
    if (!it.description.empty()) {
        out += fmt::format("\n{}\n", s.bold("Description"));
        wrapped(out, it.description, "  ", opt.width);
    }
    if (!it.outcomes.empty()) {
        out += fmt::format("\n{}\n", s.bold("Outcomes"));
        for (const auto& o : it.outcomes) {
            const auto lines = text::wrap(o, opt.width > 30 ? opt.width - 4 : 60);
            for (std::size_t k = 0; k < lines.size(); ++k) out += fmt::format("  {} {}\n", k ? " " : "-", lines[k]);
        }
    }
    if (!it.level_headings.empty()) {
        out += fmt::format("\n{}\n", s.bold("Level headings"));
        Table t({"LEVEL", "HEADING"});
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
        for (int c : it.children) {
            walk(fw, c, below.max_depth, [&](int i, int rel) {
                const auto& ci = at(fw, i);
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
    const Item& it = at(fw, i);
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
        const Item& it = at(fw, item);
        j["schema"] = kItemSchema;
        j["framework"] = fw.id;
        Json path = Json::array();
        for (int p = it.parent; p >= 0; p = at(fw, p).parent) path.insert(path.begin(), ref_of(fw, p));
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
                            {"notes", p.notes}});
    }
    j["profiles"] = std::move(profiles);
    return j.dump(2) + "\n";
}

// ---------------------------------------------------------------- YAML
//
// Every text must read back through load_framework byte for byte. yaml-cpp's
// own choices are not always faithful, so the writer decides per text:
//  - a literal block (`|`) only for text it reads back unchanged (see literal_safe);
//    its clip chomping keeps exactly one final line break, the first line sets
//    the indentation, and the reader turns CR and CRLF into LF;
//  - yaml-cpp's automatic style (plain when that is safe, else double-quoted)
//    for ordinary text, but double quotes for any control character: the plain
//    style writes a final CR raw, and the reader drops it;
//  - double quotes written by hand for text with a Unicode noncharacter
//    (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF): yaml-cpp's quoted and block styles
//    replace those with U+FFFD.

namespace {

constexpr std::uint32_t kInvalid = text::kInvalidCodePoint;
using text::next_code_point;

bool is_noncharacter(std::uint32_t cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || ((cp & 0xFFFEu) == 0xFFFEu && cp <= 0x10FFFF);
}

/// Control characters, and what some readers take for a line break or a byte order mark.
bool is_special(std::uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == kInvalid;
}

bool any_code_point(std::string_view s, bool (*pred)(std::uint32_t)) {
    for (std::size_t i = 0; i < s.size();) {
        if (pred(next_code_point(s, i))) return true;
    }
    return false;
}

/// True when a literal block holds exactly this text: it ends in exactly one
/// line break (clip chomping), its first line starts with neither a space nor
/// a line break (the first line sets the indentation), no line ends in a space,
/// and it has no tab, CR or other control character, nothing a reader may take
/// for a line break and no noncharacter.
bool literal_safe(std::string_view s) {
    if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n') return false;
    if (s.front() == ' ' || s.front() == '\n') return false;
    if (s.find(" \n") != std::string_view::npos) return false;
    return !any_code_point(s, [](std::uint32_t cp) { return (cp != '\n' && is_special(cp)) || is_noncharacter(cp); });
}

/// `s` as a YAML double-quoted scalar, escaping what yaml-cpp escapes and
/// noncharacters as well (which yaml-cpp cannot write).
std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(s, i);
        switch (cp) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case kInvalid:
                out += "\\ufffd";  // as yaml-cpp does; a reader refuses malformed UTF-8
                break;
            default:
                if (is_special(cp) || cp == 0xA0 || is_noncharacter(cp)) {
                    out += cp <= 0xFF     ? fmt::format("\\x{:02x}", cp)
                           : cp <= 0xFFFF ? fmt::format("\\u{:04x}", cp)
                                          : fmt::format("\\U{:08x}", cp);
                } else {
                    out.append(s.substr(start, i - start));
                }
        }
    }
    return out + "\"";
}

/// A yaml-cpp emitter, plus double-quoted scalars written by hand: each is
/// emitted as "" and put in its place by str().
class YamlOut {
public:
    YamlOut() { e.SetIndent(2); }

    YAML::Emitter e;

    /// Text as a key or a value: double-quoted when `quoted`, else a literal
    /// block when `block` and safe, else plain when yaml-cpp finds that safe.
    void text(const std::string& s, bool quoted = false, bool block = false) {
        if (any_code_point(s, is_noncharacter)) {
            by_hand(s);
        } else if (!quoted && block && literal_safe(s)) {
            e << YAML::Literal << s;
        } else if (quoted || any_code_point(s, is_special)) {
            e << YAML::DoubleQuoted << s;
        } else {
            e << s;  // plain when it reads back unchanged, else double-quoted
        }
    }

    [[nodiscard]] std::string str() const {
        std::string out(e.c_str(), e.size());
        for (auto it = splices_.rbegin(); it != splices_.rend(); ++it) out.replace(it->first, 2, it->second);
        return out + "\n";
    }

private:
    void by_hand(std::string_view s) {
        e << YAML::DoubleQuoted << std::string();
        const std::string_view so_far(e.c_str(), e.size());
        if (!so_far.ends_with("\"\"")) throw std::logic_error("render_yaml: the emitter did not write \"\"");
        splices_.emplace_back(so_far.size() - 2, double_quoted(s));
    }

    std::vector<std::pair<std::size_t, std::string>> splices_;  ///< offset of a "" in e, and the text for it
};

void emit_text(YamlOut& out, std::string_view key, const std::string& value) {
    if (value.empty()) return;
    out.e << YAML::Key << std::string(key) << YAML::Value;
    out.text(value, false, true);
}

/// `key: value` for a text that is always written (names, ids), never as a block.
void emit_name(YamlOut& out, std::string_view key, const std::string& value) {
    out.e << YAML::Key << std::string(key) << YAML::Value;
    out.text(value);
}

/// `x:` with every value double-quoted, so that it reads back as the same text
/// (empty, "null", "1" and multi-line values included).
void emit_extra(YamlOut& out, const Extra& extra) {
    if (extra.empty()) return;
    out.e << YAML::Key << "x" << YAML::Value << YAML::BeginMap;
    for (const auto& [k, v] : extra) {
        out.e << YAML::Key;
        out.text(k);
        out.e << YAML::Value;
        out.text(v, true);
    }
    out.e << YAML::EndMap;
}

void emit_list(YamlOut& out, std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out.e << YAML::Key << std::string(key) << YAML::Value << YAML::BeginSeq;
    for (const auto& v : values) out.text(v, true);
    out.e << YAML::EndSeq;
}

void emit_item(YamlOut& out, const Framework& fw, int i, int max_depth, int rel) {
    const Item& it = at(fw, i);
    auto& e = out.e;
    e << YAML::BeginMap;
    e << YAML::Key << "code" << YAML::Value;
    out.text(it.code, true);
    emit_name(out, "name", it.name);
    emit_text(out, "type", it.type);
    emit_text(out, "description", it.description);
    emit_list(out, "aliases", it.aliases);
    emit_list(out, "outcomes", it.outcomes);
    if (!it.level_headings.empty()) {
        e << YAML::Key << "levels" << YAML::Value << YAML::BeginMap;
        for (const auto& h : it.level_headings) emit_name(out, h.level, h.text);
        e << YAML::EndMap;
    }
    emit_text(out, "notes", it.notes);
    emit_extra(out, it.extra);
    if (!it.children.empty() && (max_depth == 0 || rel + 1 < max_depth)) {
        e << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
        for (int c : it.children) emit_item(out, fw, c, max_depth, rel + 1);
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;
}

}  // namespace

std::string render_yaml(const Framework& fw, int item, const ShowOptions& opt) {
    YamlOut out;
    auto& e = out.e;
    if (item >= 0) {
        emit_item(out, fw, item, opt.max_depth, 0);
        return out.str();
    }
    e << YAML::BeginMap;
    emit_name(out, "id", fw.id);
    emit_name(out, "title", fw.title);
    emit_text(out, "edition", fw.edition);
    emit_text(out, "publisher", fw.publisher);
    if (fw.year) e << YAML::Key << "year" << YAML::Value << *fw.year;
    emit_text(out, "uri", fw.uri);
    if (!fw.sources.empty()) {
        e << YAML::Key << "source" << YAML::Value << YAML::BeginSeq;
        for (const auto& src : fw.sources) {
            e << YAML::BeginMap;
            emit_text(out, "citation", src.citation);
            emit_text(out, "url", src.url);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
    emit_text(out, "status", fw.status);
    emit_text(out, "completeness", fw.completeness);
    emit_text(out, "completeness_note", fw.completeness_note);
    emit_text(out, "description", fw.description);
    emit_text(out, "notes", fw.notes);
    emit_text(out, "license", fw.license);
    emit_extra(out, fw.extra);
    if (!fw.scale.empty()) {
        e << YAML::Key << "scale" << YAML::Value << YAML::BeginSeq;
        for (const auto& l : fw.scale) {
            e << YAML::BeginMap;
            emit_name(out, "id", l.id);
            emit_name(out, "name", l.name);
            emit_text(out, "description", l.description);
            emit_extra(out, l.extra);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
    e << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
    for (int r : fw.roots) emit_item(out, fw, r, opt.max_depth, 0);
    e << YAML::EndSeq;
    if (!fw.profiles.empty()) {
        e << YAML::Key << "profiles" << YAML::Value << YAML::BeginSeq;
        for (const auto& p : fw.profiles) {
            e << YAML::BeginMap;
            emit_name(out, "id", p.id);
            emit_name(out, "name", p.name);
            emit_text(out, "description", p.description);
            emit_list(out, "requires", p.required);
            emit_text(out, "level", p.level);
            emit_text(out, "notes", p.notes);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;
    return out.str();
}

namespace {

/// `year` is the one number in the file, and only at the top: the same word
/// deeper down (under `x:`) is text.
Json node_json(const yaml::Node& n, bool is_year = false) {
    switch (n.kind) {
        case yaml::Kind::null:
            return nullptr;
        case yaml::Kind::scalar:
            if (is_year && !n.value.empty() && n.value.size() <= 9 &&
                std::all_of(n.value.begin(), n.value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                return std::stoi(n.value);
            }
            return n.value;
        case yaml::Kind::sequence: {
            Json a = Json::array();
            for (const auto& i : n.items) a.push_back(node_json(*i));
            return a;
        }
        case yaml::Kind::map: {
            Json o = Json::object();
            for (const auto& [k, v] : n.entries) o[k->value] = node_json(*v);
            return o;
        }
    }
    return nullptr;
}

}  // namespace

std::string render_file_json(const Framework& fw) {
    // The same fields as the YAML file, in the same order: render the YAML and
    // carry its tree over, so that the two never drift apart.
    const auto doc = yaml::parse(render_yaml(fw, -1, {}), "render");
    if (!doc.root) return "{}\n";
    Json j = Json::object();
    for (const auto& [k, v] : doc.root->entries) j[k->value] = node_json(*v, k->value == "year");
    return j.dump(2) + "\n";
}

// ---------------------------------------------------------------- Markdown

namespace {

const auto md_cell = text::markdown_cell;

void md_item_table(std::string& out, const Framework& fw, int start, int max_depth) {
    out += "| Code | Name | Type | Description |\n|---|---|---|---|\n";
    auto row = [&](int i, int) {
        const Item& it = at(fw, i);
        const std::string name = it.children.empty() ? md_cell(it.name) : "**" + md_cell(it.name) + "**";
        out += fmt::format("| `{}` | {} | {} | {} |\n", it.code, name, md_cell(it.type), md_cell(it.description));
    };
    if (start >= 0) {
        for (int c : at(fw, start).children) walk(fw, c, max_depth, row);
    } else {
        walk(fw, -1, max_depth, row);
    }
}

}  // namespace

std::string render_markdown(const Framework& fw, int item, const ShowOptions& opt) {
    std::string out;
    if (item >= 0) {
        const Item& it = at(fw, item);
        out += fmt::format("## `{}` {}\n\n", ref_of(fw, item), it.name);
        out += fmt::format("- **Framework:** {} ({})\n", fw.title, fw.id);
        if (!it.type.empty()) out += fmt::format("- **Type:** {}\n", it.type);
        if (it.parent >= 0)
            out += fmt::format("- **Parent:** `{}` {}\n", ref_of(fw, it.parent), at(fw, it.parent).name);
        if (!it.aliases.empty()) out += fmt::format("- **Aliases:** {}\n", text::join(it.aliases, ", "));
        if (auto req = required_by(fw, it); !req.empty())
            out += fmt::format("- **Required by:** {}\n", text::join(req, ", "));
        if (!it.description.empty()) out += fmt::format("\n{}\n", it.description);
        if (!it.outcomes.empty()) {
            out += "\n### Outcomes\n\n";
            for (const auto& o : it.outcomes) out += fmt::format("- {}\n", o);
        }
        if (!it.level_headings.empty()) {
            out += "\n### Level headings\n\n| Level | Heading |\n|---|---|\n";
            for (const auto& h : it.level_headings) {
                out += fmt::format("| {} | {} |\n", fw.scale[static_cast<std::size_t>(fw.level_index(h.level))].name,
                                   md_cell(h.text));
            }
        }
        if (!it.notes.empty()) out += fmt::format("\n### Notes\n\n{}\n", it.notes);
        if (!it.children.empty() && opt.max_depth != 1) {
            out += "\n### Contains\n\n";
            md_item_table(out, fw, item, opt.max_depth > 0 ? opt.max_depth - 1 : 0);
        }
        return out;
    }
    out += fmt::format("# {} (`{}`)\n\n", fw.title, fw.id);
    if (!fw.edition.empty() || fw.year) {
        out += fmt::format("- **Edition:** {}{}\n", fw.edition,
                           fw.year ? fmt::format("{}{}", fw.edition.empty() ? "" : ", ", *fw.year) : "");
    }
    if (!fw.publisher.empty()) out += fmt::format("- **Publisher:** {}\n", fw.publisher);
    if (!fw.status.empty()) out += fmt::format("- **Status:** {}\n", fw.status);
    if (!fw.completeness.empty()) out += fmt::format("- **Completeness:** {}\n", fw.completeness);
    if (!fw.description.empty()) out += fmt::format("\n{}\n", fw.description);
    out += "\n## Items\n\n";
    md_item_table(out, fw, -1, opt.max_depth);
    if (!fw.scale.empty()) {
        out += "\n## Scale (lowest to highest)\n\n";
        for (std::size_t k = 0; k < fw.scale.size(); ++k) {
            out += fmt::format("{}. **{}**{}\n", k + 1, fw.scale[k].name,
                               fw.scale[k].description.empty() ? "" : " — " + fw.scale[k].description);
        }
    }
    if (!fw.profiles.empty()) {
        out += "\n## Profiles\n\n| Profile | Name | Requires | Level |\n|---|---|---|---|\n";
        for (const auto& p : fw.profiles) {
            out += fmt::format("| `{}` | {} | {} | {} |\n", p.id, md_cell(p.name), text::join(p.required, ", "),
                               p.level.empty() ? "—" : p.level);
        }
    }
    if (fw.completeness == "partial" && !fw.completeness_note.empty()) {
        out += fmt::format("\n## Not held\n\n{}\n", fw.completeness_note);
    }
    if (!fw.sources.empty()) {
        out += "\n## Sources\n\n";
        for (const auto& src : fw.sources) {
            out += fmt::format("- {}{}\n", src.citation, src.url.empty() ? "" : " <" + src.url + ">");
        }
    }
    return out;
}

}  // namespace leadctl
