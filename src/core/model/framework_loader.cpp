#include "core/model/framework_loader.hpp"

#include "core/yaml/yaml_fields.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <limits>

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
constexpr std::string_view kProfileKeys[] = {"id",    "name",   "description",    "notes",          "requires",
                                             "level", "stages", "not_for_stages", "recent_evidence"};
constexpr std::string_view kRecentKeys[] = {"type", "within_months", "note"};

/// Reads the file into the model as it is, reporting what has the wrong shape
/// (unknown keys, wrong types, missing profile and level fields) and recording
/// where each field was (Framework::places); check_framework judges the rest.
class Loader {
public:
    Loader(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    Framework load(const yaml::Node& root) {
        yaml::Fields f(root, file_, diags_, kHeaderKeys, "the framework header");
        Framework fw;
        fw.places.set("", f.where());
        fw.id = f.text("id");
        place(fw, "id", f, "id");
        fw.title = f.text("title");
        fw.edition = f.text("edition");
        fw.publisher = f.text("publisher");
        if (auto y = f.integer("year")) {
            place(fw, "year", f, "year");
            if (*y < std::numeric_limits<int>::min() || *y > std::numeric_limits<int>::max()) {
                // No int holds it; a plausible year is check_framework's to judge.
                diags_.error(f.at(*f.get("year")), "invalid-value", fmt::format("year {} is not plausible", *y));
            } else {
                fw.year = static_cast<int>(*y);
            }
        }
        fw.uri = f.text("uri");
        fw.status = f.text("status");
        place(fw, "status", f, "status");
        fw.completeness = f.text("completeness");
        place(fw, "completeness", f, "completeness");
        fw.completeness_note = f.text("completeness_note");
        fw.description = f.text("description");
        fw.notes = f.text("notes");
        fw.license = f.text("license");
        fw.extra = read_extra(f);
        read_sources(f, fw);
        read_scale(f, fw);
        if (const auto* items = f.list("items")) {
            fw.places.set("items", f.at(*items));
            for (const auto& n : items->items) read_item(*n, fw, -1, 0);
        }
        fw.index();
        read_profiles(f, fw);
        return fw;
    }

private:
    /// Record where `key` of `f` is, when it is there.
    static void place(Framework& fw, std::string path, const yaml::Fields& f, std::string_view key) {
        if (const auto* n = f.get(key)) fw.places.set(std::move(path), f.at(*n));
    }

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
            place(fw, fmt::format("scale.{}", fw.scale.size()), lf, "id");
            fw.scale.push_back(std::move(lv));
        }
    }

    void read_item(const yaml::Node& n, Framework& fw, int parent, int depth) {
        if (!yaml::expect_map(n, file_, diags_, "an item")) return;
        yaml::Fields f(n, file_, diags_, kItemKeys, "item");
        const int index = static_cast<int>(fw.items.size());
        const std::string path = fmt::format("item.{}.", index);
        Item it;
        it.code = f.text("code");
        place(fw, path + "code", f, "code");
        it.name = f.text("name");
        it.type = f.text("type");
        place(fw, path + "type", f, "type");
        it.description = f.text("description");
        it.notes = f.text("notes");
        it.aliases = f.texts("aliases");
        it.outcomes = f.texts("outcomes");
        it.extra = read_extra(f);
        it.parent = parent;
        it.depth = depth;
        it.location = f.where();
        read_level_headings(f, fw, path, it);
        if (parent < 0) {
            fw.roots.push_back(index);
        } else {
            fw.at(parent).children.push_back(index);
        }
        fw.items.push_back(std::move(it));
        if (const auto* children = f.list("items")) {
            for (const auto& c : children->items) read_item(*c, fw, index, depth + 1);
        }
    }

    void read_level_headings(yaml::Fields& f, Framework& fw, const std::string& path, Item& it) {
        const auto* levels = f.mapping("levels");
        if (!levels) return;
        for (const auto& [k, v] : levels->entries) {
            if (!v->is_scalar()) {
                diags_.error({file_, v->line, v->column}, "wrong-type", "a level heading must be text");
                continue;
            }
            fw.places.set(path + "level." + k->value, {file_, k->line, k->column});
            it.level_headings.push_back({k->value, v->value});
        }
        std::stable_sort(it.level_headings.begin(), it.level_headings.end(),
                         [&](const LevelHeading& a, const LevelHeading& b) {
                             return fw.level_index(a.level) < fw.level_index(b.level);
                         });
    }

    void read_profiles(yaml::Fields& f, Framework& fw) {
        const auto* profiles = f.list("profiles");
        if (!profiles) return;
        for (const auto& n : profiles->items) {
            if (!yaml::expect_map(*n, file_, diags_, "a profile")) continue;
            yaml::Fields pf(*n, file_, diags_, kProfileKeys, "profile");
            const std::string path = fmt::format("profile.{}.", fw.profiles.size());
            Profile p;
            p.id = pf.text("id", true);
            place(fw, path + "id", pf, "id");
            p.name = pf.text("name", true);
            p.description = pf.text("description");
            p.notes = pf.text("notes");
            p.level = pf.text("level");
            place(fw, path + "level", pf, "level");
            p.location = pf.where();
            if (const auto* req = pf.list("requires")) {
                fw.places.set(path + "requires", pf.at(*req));
                for (const auto& r : req->items) {
                    const SourceLocation where{file_, r->line, r->column};
                    if (!r->is_scalar()) {
                        diags_.error(where, "wrong-type", "entries of \"requires\" must be item codes");
                        continue;
                    }
                    fw.places.set(fmt::format("{}requires.{}", path, p.required.size()), where);
                    p.required.push_back(r->value);
                }
            }
            for (auto [key, out] : {std::pair{std::string_view("stages"), &p.stages},
                                    std::pair{std::string_view("not_for_stages"), &p.not_for_stages}}) {
                const auto* st = pf.list(key);
                if (!st) continue;
                fw.places.set(fmt::format("{}{}", path, key), pf.at(*st));
                for (const auto& r : st->items) {
                    const SourceLocation where{file_, r->line, r->column};
                    if (!r->is_scalar()) {
                        diags_.error(where, "wrong-type",
                                     fmt::format("entries of \"{}\" must be career stage ids", key));
                        continue;
                    }
                    fw.places.set(fmt::format("{}{}.{}", path, key, out->size()), where);
                    out->push_back(r->value);
                }
            }
            if (const auto* rec = pf.list("recent_evidence")) {
                for (const auto& r : rec->items) {
                    if (!yaml::expect_map(*r, file_, diags_, "a recent_evidence condition")) continue;
                    yaml::Fields rf(*r, file_, diags_, kRecentKeys, "recent_evidence condition");
                    RecentEvidence c;
                    c.type = rf.text("type", true);
                    fw.places.set(fmt::format("{}recent_evidence.{}", path, p.recent_evidence.size()), rf.where());
                    if (!rf.get("within_months")) rf.missing("within_months");
                    if (auto m = rf.integer("within_months")) {
                        if (*m < 1 || *m > 600) {
                            diags_.error(rf.at(*rf.get("within_months")), "invalid-value",
                                         "within_months must be from 1 to 600");
                        } else {
                            c.within_months = static_cast<int>(*m);
                        }
                    }
                    c.note = rf.text("note");
                    p.recent_evidence.push_back(std::move(c));
                }
            }
            fw.profiles.push_back(std::move(p));
        }
    }

    const std::string& file_;
    Diagnostics& diags_;
};

}  // namespace

FrameworkLoad load_framework(const yaml::Node& root, const std::string& file) {
    FrameworkLoad out;
    if (!yaml::expect_map(root, file, out.diagnostics, "a framework file")) return out;
    auto fw = Loader(file, out.diagnostics).load(root);
    out.diagnostics.append(check_framework(fw));
    out.diagnostics.sort();
    if (out.diagnostics.has_errors()) return out;
    resolve_requirements(fw);
    out.framework = std::move(fw);
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
