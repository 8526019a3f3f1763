#include "core/formats/framework_tree.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

namespace leadctl {

// ---------------------------------------------------------------- the tree

namespace {

using Style = FileNode::Style;

FileNode text_node(std::string s, Style style) {
    FileNode n;
    n.text = std::move(s);
    n.style = style;
    return n;
}

FileNode list_node() {
    FileNode n;
    n.kind = FileNode::Kind::list;
    return n;
}

FileNode map_node() {
    FileNode n;
    n.kind = FileNode::Kind::map;
    return n;
}

void put(FileNode& map, std::string key, FileNode value) {
    map.entries.push_back({std::move(key), std::move(value)});
}

/// `key: value`, written even when empty (ids, names).
void put_name(FileNode& map, std::string key, const std::string& value) {
    put(map, std::move(key), text_node(value, Style::name));
}

/// `key: value` for optional prose, left out when empty.
void put_prose(FileNode& map, std::string key, const std::string& value) {
    if (!value.empty()) put(map, std::move(key), text_node(value, Style::prose));
}

void put_list(FileNode& map, std::string key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    FileNode list = list_node();
    for (const auto& v : values) list.items.push_back(text_node(v, Style::quoted));
    put(map, std::move(key), std::move(list));
}

/// `x:` with every value quoted, so that it reads back as the same text (empty,
/// "null", "1" and multi-line values included).
void put_extra(FileNode& map, const Extra& extra) {
    if (extra.empty()) return;
    FileNode x = map_node();
    for (const auto& [k, v] : extra) put(x, k, text_node(v, Style::quoted));
    put(map, "x", std::move(x));
}

FileNode item_node(const Framework& fw, int i, int max_depth, int rel) {
    const Item& it = fw.at(i);
    FileNode n = map_node();
    put(n, "code", text_node(it.code, Style::quoted));
    put_name(n, "name", it.name);
    put_prose(n, "type", it.type);
    put_prose(n, "description", it.description);
    put_list(n, "aliases", it.aliases);
    put_list(n, "outcomes", it.outcomes);
    if (!it.level_headings.empty()) {
        FileNode levels = map_node();
        for (const auto& h : it.level_headings) put_name(levels, h.level, h.text);
        put(n, "levels", std::move(levels));
    }
    put_prose(n, "notes", it.notes);
    put_extra(n, it.extra);
    if (!it.children.empty() && (max_depth == 0 || rel + 1 < max_depth)) {
        FileNode children = list_node();
        for (int c : it.children) children.items.push_back(item_node(fw, c, max_depth, rel + 1));
        put(n, "items", std::move(children));
    }
    return n;
}

}  // namespace

FileNode framework_tree(const Framework& fw, int item, int max_depth) {
    if (item >= 0) return item_node(fw, item, max_depth, 0);
    FileNode n = map_node();
    put_name(n, "id", fw.id);
    put_name(n, "title", fw.title);
    put_prose(n, "edition", fw.edition);
    put_prose(n, "publisher", fw.publisher);
    if (fw.year) {
        FileNode year;
        year.kind = FileNode::Kind::number;
        year.number = *fw.year;
        put(n, "year", std::move(year));
    }
    put_prose(n, "uri", fw.uri);
    if (!fw.sources.empty()) {
        FileNode sources = list_node();
        for (const auto& src : fw.sources) {
            FileNode s = map_node();
            put_prose(s, "citation", src.citation);
            put_prose(s, "url", src.url);
            sources.items.push_back(std::move(s));
        }
        put(n, "source", std::move(sources));
    }
    put_prose(n, "status", fw.status);
    put_prose(n, "completeness", fw.completeness);
    put_prose(n, "completeness_note", fw.completeness_note);
    put_prose(n, "description", fw.description);
    put_prose(n, "notes", fw.notes);
    put_prose(n, "license", fw.license);
    put_extra(n, fw.extra);
    if (!fw.scale.empty()) {
        FileNode scale = list_node();
        for (const auto& l : fw.scale) {
            FileNode level = map_node();
            put_name(level, "id", l.id);
            put_name(level, "name", l.name);
            put_prose(level, "description", l.description);
            put_extra(level, l.extra);
            scale.items.push_back(std::move(level));
        }
        put(n, "scale", std::move(scale));
    }
    FileNode items = list_node();
    for (int r : fw.roots) items.items.push_back(item_node(fw, r, max_depth, 0));
    put(n, "items", std::move(items));
    if (!fw.profiles.empty()) {
        FileNode profiles = list_node();
        for (const auto& p : fw.profiles) {
            FileNode profile = map_node();
            put_name(profile, "id", p.id);
            put_name(profile, "name", p.name);
            put_prose(profile, "description", p.description);
            put_list(profile, "requires", p.required);
            put_prose(profile, "level", p.level);
            if (!p.stages.empty()) put_list(profile, "stages", p.stages);
            if (!p.not_for_stages.empty()) put_list(profile, "not_for_stages", p.not_for_stages);
            if (!p.recent_evidence.empty()) {
                FileNode rec = list_node();
                for (const auto& c : p.recent_evidence) {
                    FileNode one = map_node();
                    put_name(one, "type", c.type);
                    put(one, "within_months", text_node(std::to_string(c.within_months), Style::name));
                    put_prose(one, "note", c.note);
                    rec.items.push_back(std::move(one));
                }
                put(profile, "recent_evidence", std::move(rec));
            }
            put_prose(profile, "notes", p.notes);
            profiles.items.push_back(std::move(profile));
        }
        put(n, "profiles", std::move(profiles));
    }
    return n;
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

void emit(YamlOut& out, const FileNode& n) {
    switch (n.kind) {
        case FileNode::Kind::text:
            out.text(n.text, n.style == Style::quoted, n.style == Style::prose);
            return;
        case FileNode::Kind::number:
            out.e << n.number;
            return;
        case FileNode::Kind::list:
            out.e << YAML::BeginSeq;
            for (const auto& i : n.items) emit(out, i);
            out.e << YAML::EndSeq;
            return;
        case FileNode::Kind::map:
            out.e << YAML::BeginMap;
            for (const auto& [k, v] : n.entries) {
                out.e << YAML::Key;
                out.text(k);
                out.e << YAML::Value;
                emit(out, v);
            }
            out.e << YAML::EndMap;
            return;
    }
}

}  // namespace

std::string to_yaml(const FileNode& tree) {
    YamlOut out;
    emit(out, tree);
    return out.str();
}

// ---------------------------------------------------------------- JSON

namespace {

using Json = nlohmann::ordered_json;

/// `s` with each byte of malformed UTF-8 as U+FFFD.
std::string valid_utf8(const std::string& s) {
    if (!text::find_invalid_utf8(s)) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        if (next_code_point(s, i) == kInvalid) {
            out += "\uFFFD";
        } else {
            out.append(s, start, i - start);
        }
    }
    return out;
}

Json json_of(const FileNode& n) {
    switch (n.kind) {
        case FileNode::Kind::text:
            return valid_utf8(n.text);
        case FileNode::Kind::number:
            return n.number;
        case FileNode::Kind::list: {
            Json a = Json::array();
            for (const auto& i : n.items) a.push_back(json_of(i));
            return a;
        }
        case FileNode::Kind::map: {
            Json o = Json::object();
            for (const auto& [k, v] : n.entries) o[valid_utf8(k)] = json_of(v);
            return o;
        }
    }
    return nullptr;
}

}  // namespace

std::string to_json(const FileNode& tree) {
    return json_of(tree).dump(2) + "\n";
}

}  // namespace leadctl
