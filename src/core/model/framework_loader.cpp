#include "core/model/framework_loader.hpp"

#include "core/model/codes.hpp"

#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <unordered_map>

namespace leadctl {

namespace {

constexpr std::string_view kHeaderKeys[] = {"id",          "title",  "edition", "publisher",    "year",
                                            "uri",         "source", "status",  "completeness", "completeness_note",
                                            "description", "notes",  "license", "scale",        "items",
                                            "profiles",    "x"};
constexpr std::string_view kSourceKeys[] = {"citation", "url"};
constexpr std::string_view kLevelKeys[] = {"id", "name", "description", "x"};
constexpr std::string_view kItemKeys[] = {"code",    "name",     "type",   "description", "notes",
                                          "aliases", "outcomes", "levels", "items",       "x"};
constexpr std::string_view kProfileKeys[] = {"id", "name", "description", "notes", "requires", "level"};

bool valid_id(std::string_view id) {
    return text::is_slug(id) && id.front() >= 'a' && id.front() <= 'z';
}

/// " (did you mean ...?)", or the declared levels when nothing is close.
std::string level_hint(std::string_view level, const std::vector<std::string>& level_ids) {
    auto hint = text::did_you_mean(level, level_ids);
    return hint.empty() ? " (declared: " + text::join(level_ids, ", ") + ")" : hint;
}

std::vector<std::string> to_strings(std::span<const std::string_view> xs) {
    return {xs.begin(), xs.end()};
}

class Loader {
public:
    Loader(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    std::optional<Framework> load(const yaml::Node& root) {
        if (!yaml::expect_map(root, file_, diags_, "a framework file")) return std::nullopt;
        yaml::Fields f(root, file_, diags_, kHeaderKeys, "the framework header");
        Framework fw;
        fw.id = f.text("id", true);
        if (!fw.id.empty() && !valid_id(fw.id)) {
            diags_.error(f.at(*f.get("id")), "invalid-id",
                         fmt::format("framework id \"{}\" must be lowercase letters, digits and hyphens, "
                                     "starting with a letter (it is the prefix in references such as \"{}:1.1\")",
                                     fw.id, text::slugify(fw.id).empty() ? "mlcf" : text::slugify(fw.id)));
        }
        fw.title = f.text("title", true);
        fw.edition = f.text("edition");
        fw.publisher = f.text("publisher");
        if (auto y = f.integer("year")) {
            if (*y < 1900 || *y > 2200) {
                diags_.error(f.at(*f.get("year")), "invalid-value", fmt::format("year {} is not plausible", *y));
            } else {
                fw.year = static_cast<int>(*y);
            }
        }
        fw.uri = f.text("uri");
        fw.status = closed_value(f, "status", kStatuses);
        fw.completeness = closed_value(f, "completeness", kCompleteness);
        fw.completeness_note = f.text("completeness_note");
        if (fw.completeness == "partial" && fw.completeness_note.empty()) {
            diags_.error(f.at(*f.get("completeness")), "missing-field",
                         "completeness is \"partial\" but there is no \"completeness_note\" saying what is missing");
        }
        fw.description = f.text("description");
        fw.notes = f.text("notes");
        fw.license = f.text("license");
        fw.extra = read_extra(f);
        read_sources(f, fw);
        read_scale(f, fw);
        if (const auto* items = f.list("items", true)) {
            if (items->items.empty()) {
                diags_.error(f.at(*items), "missing-field", "\"items\" is empty: a framework needs at least one item");
            }
            for (const auto& n : items->items) read_item(*n, fw, -1, 0);
        }
        fw.index();
        check_aliases(fw);
        read_profiles(f, fw);
        if (diags_.has_errors()) return std::nullopt;
        return fw;
    }

private:
    /// `x:`, a mapping of namespaced keys to text, kept as it is.
    Extra read_extra(yaml::Fields& f) {
        Extra out;
        const auto* m = f.mapping("x");
        if (!m) return out;
        for (const auto& [k, v] : m->entries) {
            if (!v->is_scalar() && !v->is_null()) {
                diags_.error(f.at(*v), "wrong-type",
                             fmt::format("x.{} must be text (JSON text for structured values), not a {}", k->value,
                                         yaml::kind_name(v->kind)));
                continue;
            }
            out.emplace_back(k->value, v->value);
        }
        return out;
    }

    std::string closed_value(yaml::Fields& f, std::string_view key, std::span<const std::string_view> allowed) {
        std::string v = f.text(key);
        if (v.empty()) return v;
        if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
            const auto names = to_strings(allowed);
            diags_.error(f.at(*f.get(key)), "invalid-value",
                         fmt::format("{} \"{}\" is not one of: {}{}", key, v, text::join(names, ", "),
                                     text::did_you_mean(v, names)));
        }
        return v;
    }

    void read_sources(yaml::Fields& f, Framework& fw) {
        const yaml::Node* s = f.get("source");
        if (!s || s->is_null()) return;
        std::vector<const yaml::Node*> entries;
        if (s->is_map()) {
            entries.push_back(s);
        } else if (s->is_sequence()) {
            for (const auto& e : s->items) entries.push_back(e.get());
        } else {
            f.wrong_type("source", *s, "a mapping or a list of mappings with \"citation\" and \"url\"");
            return;
        }
        for (const auto* e : entries) {
            if (!yaml::expect_map(*e, file_, diags_, "a source")) continue;
            yaml::Fields sf(*e, file_, diags_, kSourceKeys, "source");
            fw.sources.push_back({sf.text("citation", true), sf.text("url")});
        }
    }

    void read_scale(yaml::Fields& f, Framework& fw) {
        const auto* scale = f.list("scale");
        if (!scale) return;
        for (const auto& n : scale->items) {
            if (!yaml::expect_map(*n, file_, diags_, "a scale level")) continue;
            yaml::Fields lf(*n, file_, diags_, kLevelKeys, "scale level");
            Level lv{lf.text("id", true), lf.text("name", true), lf.text("description"), read_extra(lf)};
            if (lv.id.empty()) continue;
            if (!text::is_slug(lv.id)) {
                diags_.error(lf.at(*lf.get("id")), "invalid-id",
                             fmt::format("level id \"{}\" must be lowercase letters, digits and hyphens", lv.id));
            }
            if (fw.level_index(lv.id) >= 0) {
                diags_.error(lf.at(*lf.get("id")), "duplicate-level",
                             fmt::format("scale level \"{}\" is declared twice", lv.id));
                continue;
            }
            fw.scale.push_back(std::move(lv));
        }
    }

    void read_item(const yaml::Node& n, Framework& fw, int parent, int depth) {
        if (!yaml::expect_map(n, file_, diags_, "an item")) return;
        yaml::Fields f(n, file_, diags_, kItemKeys, "item");
        if (depth >= kMaxItemDepth) {
            diags_.error(f.where(), "too-deep",
                         fmt::format("items nest deeper than {} levels; flatten the tree", kMaxItemDepth));
            return;
        }
        Item it;
        it.code = f.text("code", true);
        it.name = f.text("name", true);
        it.type = f.text("type");
        it.description = f.text("description");
        it.notes = f.text("notes");
        it.aliases = f.texts("aliases");
        it.outcomes = f.texts("outcomes");
        it.extra = read_extra(f);
        it.parent = parent;
        it.depth = depth;
        it.location = f.where();
        if (!it.code.empty()) {
            const auto* code_node = f.get("code");
            if (!is_valid_code(it.code)) {
                diags_.error(f.at(*code_node), "invalid-code",
                             fmt::format("item code \"{}\" may use only letters, digits, '.', '-' and '_', "
                                         "starting with a letter or digit",
                                         it.code));
            } else if (auto [pos, inserted] = first_code_line_.emplace(it.code, code_node->line); !inserted) {
                diags_.error(f.at(*code_node), "duplicate-code",
                             fmt::format("code \"{}\" is already used by the item at line {}", it.code, pos->second));
            }
        }
        if (!it.type.empty() && !text::is_slug(it.type)) {
            diags_.error(f.at(*f.get("type")), "invalid-value",
                         fmt::format("item type \"{}\" must be a lowercase word such as domain or element", it.type));
        }
        read_level_headings(f, fw, it);
        const int index = static_cast<int>(fw.items.size());
        if (parent < 0) {
            fw.roots.push_back(index);
        } else {
            fw.items[static_cast<std::size_t>(parent)].children.push_back(index);
        }
        fw.items.push_back(std::move(it));
        if (const auto* children = f.list("items")) {
            for (const auto& c : children->items) read_item(*c, fw, index, depth + 1);
        }
    }

    void read_level_headings(yaml::Fields& f, const Framework& fw, Item& it) {
        const auto* levels = f.mapping("levels");
        if (!levels) return;
        std::vector<std::string> level_ids;
        for (const auto& l : fw.scale) level_ids.push_back(l.id);
        for (const auto& [k, v] : levels->entries) {
            const SourceLocation where{file_, k->line, k->column};
            if (fw.level_index(k->value) < 0) {
                diags_.error(
                    where, "unknown-level",
                    fw.scale.empty()
                        ? fmt::format("level heading for \"{}\", but the framework declares no scale", k->value)
                        : fmt::format("level \"{}\" is not declared in the scale{}", k->value,
                                      level_hint(k->value, level_ids)));
                continue;
            }
            if (!v->is_scalar()) {
                diags_.error({file_, v->line, v->column}, "wrong-type", "a level heading must be text");
                continue;
            }
            it.level_headings.push_back({k->value, v->value});
        }
        std::sort(it.level_headings.begin(), it.level_headings.end(),
                  [&](const LevelHeading& a, const LevelHeading& b) {
                      return fw.level_index(a.level) < fw.level_index(b.level);
                  });
    }

    void check_aliases(const Framework& fw) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < fw.items.size(); ++i) {
            const auto& it = fw.items[i];
            for (const auto& a : it.aliases) {
                if (!text::is_slug(a)) {
                    diags_.error(it.location, "invalid-alias",
                                 fmt::format("alias \"{}\" of item \"{}\" must be lowercase words joined by hyphens "
                                             "(try \"{}\")",
                                             a, it.code, text::slugify(a)));
                }
                const int by_code = fw.find(a);
                if (by_code >= 0 && fw.items[static_cast<std::size_t>(by_code)].code == a) {
                    diags_.error(it.location, "duplicate-alias",
                                 fmt::format("alias \"{}\" of item \"{}\" is also the code of an item", a, it.code));
                } else if (auto [pos, inserted] = seen.emplace(a, i); !inserted) {
                    const auto& other = fw.items[pos->second];
                    diags_.error(it.location, "duplicate-alias",
                                 fmt::format("alias \"{}\" of item \"{}\" is also an alias of item \"{}\" at line {}",
                                             a, it.code, other.code, other.location.line));
                }
            }
        }
    }

    void read_profiles(yaml::Fields& f, Framework& fw) {
        const auto* profiles = f.list("profiles");
        if (!profiles) return;
        const auto names = fw.all_names();
        std::vector<std::string> level_ids;
        for (const auto& l : fw.scale) level_ids.push_back(l.id);
        for (const auto& n : profiles->items) {
            if (!yaml::expect_map(*n, file_, diags_, "a profile")) continue;
            yaml::Fields pf(*n, file_, diags_, kProfileKeys, "profile");
            Profile p;
            p.id = pf.text("id", true);
            p.name = pf.text("name", true);
            p.description = pf.text("description");
            p.notes = pf.text("notes");
            p.level = pf.text("level");
            p.location = pf.where();
            if (!p.id.empty() && !text::is_slug(p.id)) {
                diags_.error(pf.at(*pf.get("id")), "invalid-id",
                             fmt::format("profile id \"{}\" must be lowercase letters, digits and hyphens", p.id));
            }
            if (!p.id.empty() && fw.profile(p.id)) {
                diags_.error(pf.at(*pf.get("id")), "duplicate-profile",
                             fmt::format("profile \"{}\" is declared twice", p.id));
            }
            if (const auto* req = pf.list("requires", true)) {
                if (req->items.empty()) {
                    diags_.error(pf.at(*req), "missing-field", "\"requires\" is empty: a profile requires items");
                }
                for (const auto& r : req->items) {
                    const SourceLocation where{file_, r->line, r->column};
                    if (!r->is_scalar()) {
                        diags_.error(where, "wrong-type", "entries of \"requires\" must be item codes");
                        continue;
                    }
                    const int idx = fw.find(r->value);
                    if (idx < 0) {
                        diags_.error(where, "unknown-item",
                                     fmt::format("profile \"{}\" requires unknown item \"{}\"{}", p.id, r->value,
                                                 text::did_you_mean(r->value, names)));
                        continue;
                    }
                    const auto& code = fw.items[static_cast<std::size_t>(idx)].code;
                    if (std::find(p.required.begin(), p.required.end(), code) != p.required.end()) {
                        diags_.warning(where, "duplicate-item",
                                       fmt::format("profile \"{}\" requires \"{}\" twice", p.id, r->value));
                        continue;
                    }
                    p.required.push_back(code);
                }
            }
            if (!p.level.empty() && fw.level_index(p.level) < 0) {
                diags_.error(pf.at(*pf.get("level")), "unknown-level",
                             fw.scale.empty()
                                 ? fmt::format("profile \"{}\" sets level \"{}\", but the framework declares no scale",
                                               p.id, p.level)
                                 : fmt::format("profile \"{}\" sets level \"{}\", which is not in the scale{}", p.id,
                                               p.level, level_hint(p.level, level_ids)));
            }
            fw.profiles.push_back(std::move(p));
        }
    }

    const std::string& file_;
    Diagnostics& diags_;
    std::unordered_map<std::string, int> first_code_line_;
};

}  // namespace

FrameworkLoad load_framework(const yaml::Node& root, const std::string& file) {
    FrameworkLoad out;
    Loader loader(file, out.diagnostics);
    out.framework = loader.load(root);
    out.diagnostics.sort();
    return out;
}

FrameworkLoad load_framework(std::string_view text, const std::string& file) {
    auto doc = yaml::parse(text, file);
    if (!doc.root) {
        FrameworkLoad out;
        out.diagnostics = std::move(doc.diagnostics);
        return out;
    }
    auto out = load_framework(*doc.root, file);
    Diagnostics merged = std::move(doc.diagnostics);
    merged.append(out.diagnostics);
    merged.sort();
    out.diagnostics = std::move(merged);
    if (out.diagnostics.has_errors()) out.framework.reset();  // e.g. a duplicate key
    return out;
}

}  // namespace leadctl
