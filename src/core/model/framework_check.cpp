#include "core/model/framework_check.hpp"

#include "core/model/codes.hpp"
#include "core/model/entry_types.hpp"
#include "core/model/stage.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <span>
#include <unordered_map>

namespace leadctl {

namespace {

bool valid_id(std::string_view id) {
    return text::is_slug(id) && id.front() >= 'a' && id.front() <= 'z';
}

bool blank(std::string_view s) {
    return text::trim(s).empty();
}

/// " (did you mean ...?)", or the declared levels when nothing is close.
std::string level_hint(std::string_view level, const std::vector<std::string>& level_ids) {
    auto hint = text::did_you_mean(level, level_ids);
    return hint.empty() ? " (declared: " + text::join(level_ids, ", ") + ")" : hint;
}

class Checker {
public:
    explicit Checker(const Framework& fw) : fw_(fw) {
        for (const auto& l : fw.scale) {
            if (std::find(level_ids_.begin(), level_ids_.end(), l.id) == level_ids_.end()) level_ids_.push_back(l.id);
        }
    }

    Diagnostics run() {
        header();
        scale();
        if (fw_.items.empty()) {
            diags_.warning(place("items"), "no-items",
                           "there are no items: nothing can be assessed against this "
                           "framework");
        }
        for (std::size_t i = 0; i < fw_.items.size(); ++i) item(i);
        aliases();
        for (std::size_t k = 0; k < fw_.profiles.size(); ++k) profile(k);
        diags_.sort();
        return std::move(diags_);
    }

private:
    const Framework& fw_;
    Diagnostics diags_;
    std::vector<std::string> level_ids_;                    ///< the scale's, each once
    std::unordered_map<std::string, std::size_t> by_code_;  ///< the first item with each valid code

    /// The place of `path`, else of the framework.
    [[nodiscard]] SourceLocation place(std::string_view path) const {
        if (const auto* p = fw_.places.find(path)) return *p;
        if (const auto* p = fw_.places.find("")) return *p;
        return {};
    }
    [[nodiscard]] SourceLocation item_place(std::size_t i, std::string_view field) const {
        const auto* p = fw_.places.find(fmt::format("item.{}.{}", i, field));
        return p ? *p : fw_.items[i].location;
    }
    [[nodiscard]] SourceLocation profile_place(std::size_t k, std::string_view field) const {
        if (const auto* p = fw_.places.find(fmt::format("profile.{}.{}", k, field))) return *p;
        if (field.starts_with("requires.")) return profile_place(k, "requires");
        if (field.starts_with("stages.")) return profile_place(k, "stages");
        if (field.starts_with("not_for_stages.")) return profile_place(k, "not_for_stages");
        return fw_.profiles[k].location;
    }
    [[nodiscard]] bool outside_depth(const Item& it) const { return it.depth >= kMaxItemDepth; }

    void closed_value(std::string_view key, const std::string& v, std::span<const std::string_view> allowed) {
        if (v.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return;
        const std::vector<std::string> names(allowed.begin(), allowed.end());
        diags_.error(place(key), "invalid-value",
                     fmt::format("{} \"{}\" is not one of: {}{}", key, v, text::join(names, ", "),
                                 text::did_you_mean(v, names)));
    }

    void header() {
        if (blank(fw_.id)) diags_.error(place(""), "missing-field", "the framework header has no \"id\"");
        if (!fw_.id.empty() && !valid_id(fw_.id)) {
            diags_.error(place("id"), "invalid-id",
                         fmt::format("framework id \"{}\" must be lowercase letters, digits and hyphens, "
                                     "starting with a letter (it is the prefix in references such as \"{}:1.1\")",
                                     fw_.id, text::slugify(fw_.id).empty() ? "mlcf" : text::slugify(fw_.id)));
        }
        if (blank(fw_.title)) diags_.error(place(""), "missing-field", "the framework header has no \"title\"");
        if (fw_.year && (*fw_.year < 1900 || *fw_.year > 2200)) {
            diags_.error(place("year"), "invalid-value", fmt::format("year {} is not plausible", *fw_.year));
        }
        closed_value("status", fw_.status, kStatuses);
        closed_value("completeness", fw_.completeness, kCompleteness);
        if (fw_.completeness == "partial" && fw_.completeness_note.empty()) {
            diags_.error(place("completeness"), "missing-field",
                         "completeness is \"partial\" but there is no \"completeness_note\" saying what is missing");
        }
    }

    void scale() {
        for (std::size_t k = 0; k < fw_.scale.size(); ++k) {
            const auto& id = fw_.scale[k].id;
            const auto where = place(fmt::format("scale.{}", k));
            if (!text::is_slug(id)) {
                diags_.error(where, "invalid-id",
                             fmt::format("level id \"{}\" must be lowercase letters, digits and hyphens", id));
            }
            if (fw_.level_index(id) != static_cast<int>(k)) {
                diags_.error(where, "duplicate-level", fmt::format("scale level \"{}\" is declared twice", id));
            }
        }
    }

    void item(std::size_t i) {
        const Item& it = fw_.items[i];
        if (outside_depth(it)) {
            // Said once, at the first item too deep; what lies below it is not checked.
            if (it.parent < 0 || !outside_depth(fw_.at(it.parent))) {
                diags_.error(it.location, "too-deep",
                             fmt::format("items nest deeper than {} levels; flatten the tree", kMaxItemDepth));
            }
            return;
        }
        if (blank(it.code)) diags_.error(it.location, "missing-field", "item has no \"code\"");
        if (blank(it.name)) diags_.error(it.location, "missing-field", "item has no \"name\"");
        if (!it.code.empty()) {
            const auto where = item_place(i, "code");
            if (!is_valid_code(it.code)) {
                diags_.error(where, "invalid-code",
                             fmt::format("item code \"{}\" may use only letters, digits, '.', '-' and '_', "
                                         "starting with a letter or digit",
                                         it.code));
            } else if (auto [pos, fresh] = by_code_.emplace(it.code, i); !fresh) {
                diags_.error(where, "duplicate-code",
                             fmt::format("code \"{}\" is already used by the item at line {}", it.code,
                                         item_place(pos->second, "code").line));
            }
        }
        if (!it.type.empty() && !text::is_slug(it.type)) {
            diags_.error(item_place(i, "type"), "invalid-value",
                         fmt::format("item type \"{}\" must be a lowercase word such as domain or element", it.type));
        }
        for (const auto& h : it.level_headings) {
            if (fw_.level_index(h.level) >= 0) continue;
            diags_.error(item_place(i, "level." + h.level), "unknown-level",
                         fw_.scale.empty()
                             ? fmt::format("level heading for \"{}\", but the framework declares no scale", h.level)
                             : fmt::format("level \"{}\" is not declared in the scale{}", h.level,
                                           level_hint(h.level, level_ids_)));
        }
    }

    void aliases() {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < fw_.items.size(); ++i) {
            const auto& it = fw_.items[i];
            if (outside_depth(it)) continue;
            for (const auto& a : it.aliases) {
                if (!text::is_slug(a)) {
                    diags_.error(it.location, "invalid-alias",
                                 fmt::format("alias \"{}\" of item \"{}\" must be lowercase words joined by hyphens "
                                             "(try \"{}\")",
                                             a, it.code, text::slugify(a)));
                }
                const int by_code = fw_.find(a);
                if (by_code >= 0 && fw_.at(by_code).code == a) {
                    diags_.error(it.location, "duplicate-alias",
                                 fmt::format("alias \"{}\" of item \"{}\" is also the code of an item", a, it.code));
                } else if (auto [pos, fresh] = seen.emplace(a, i); !fresh) {
                    const auto& other = fw_.items[pos->second];
                    diags_.error(it.location, "duplicate-alias",
                                 fmt::format("alias \"{}\" of item \"{}\" is also an alias of item \"{}\" at line {}",
                                             a, it.code, other.code, other.location.line));
                }
            }
        }
    }

    void profile(std::size_t k) {
        const Profile& p = fw_.profiles[k];
        if (!p.id.empty() && !text::is_slug(p.id)) {
            diags_.error(profile_place(k, "id"), "invalid-id",
                         fmt::format("profile id \"{}\" must be lowercase letters, digits and hyphens", p.id));
        }
        const bool earlier = std::any_of(fw_.profiles.begin(), fw_.profiles.begin() + static_cast<std::ptrdiff_t>(k),
                                         [&](const Profile& q) { return q.id == p.id; });
        if (!p.id.empty() && earlier) {
            diags_.error(profile_place(k, "id"), "duplicate-profile",
                         fmt::format("profile \"{}\" is declared twice", p.id));
        }
        if (p.required.empty()) {
            diags_.error(profile_place(k, "requires"), "missing-field",
                         fmt::format("profile \"{}\" requires no items: a profile requires at least one", p.id));
        }
        std::vector<std::string> codes;
        for (std::size_t j = 0; j < p.required.size(); ++j) {
            const auto& r = p.required[j];
            const auto where = profile_place(k, fmt::format("requires.{}", j));
            const int idx = fw_.find(r);
            if (idx < 0) {
                diags_.error(where, "unknown-item",
                             fmt::format("profile \"{}\" requires unknown item \"{}\"{}", p.id, r,
                                         text::did_you_mean(r, fw_.all_names())));
                continue;
            }
            const auto& code = fw_.at(idx).code;
            if (std::find(codes.begin(), codes.end(), code) != codes.end()) {
                diags_.warning(where, "duplicate-item", fmt::format("profile \"{}\" requires \"{}\" twice", p.id, r));
                continue;
            }
            codes.push_back(code);
        }
        if (!p.level.empty() && fw_.level_index(p.level) < 0) {
            diags_.error(profile_place(k, "level"), "unknown-level",
                         fw_.scale.empty()
                             ? fmt::format("profile \"{}\" sets level \"{}\", but the framework declares no scale",
                                           p.id, p.level)
                             : fmt::format("profile \"{}\" sets level \"{}\", which is not in the scale{}", p.id,
                                           p.level, level_hint(p.level, level_ids_)));
        }
        stages(k);
    }

    /// A profile's stages are career stage ids, each served by one profile only:
    /// a person's stage then chooses one profile.
    void stages(std::size_t k) {
        const Profile& p = fw_.profiles[k];
        for (std::size_t j = 0; j < p.not_for_stages.size(); ++j) {
            const auto& st = p.not_for_stages[j];
            if (career_stage(st)) continue;
            const auto* meant = career_stage_of(st);
            diags_.error(profile_place(k, fmt::format("not_for_stages.{}", j)), "unknown-stage",
                         fmt::format("profile \"{}\" is closed to unknown career stage \"{}\"{}", p.id, st,
                                     meant ? fmt::format(" (did you mean \"{}\"?)", meant->id) : std::string()));
        }
        for (std::size_t j = 0; j < p.recent_evidence.size(); ++j) {
            const auto& type = p.recent_evidence[j].type;
            if (type.empty() || std::any_of(kEvidenceTypes.begin(), kEvidenceTypes.end(),
                                            [&](const EvidenceType& t) { return t.name == type; }))
                continue;
            diags_.error(
                profile_place(k, fmt::format("recent_evidence.{}", j)), "unknown-type",
                fmt::format("profile \"{}\" asks for recent evidence of unknown entry type \"{}\"", p.id, type));
        }
        const auto ids = career_stage_ids();
        for (std::size_t j = 0; j < p.stages.size(); ++j) {
            const auto& st = p.stages[j];
            const auto where = profile_place(k, fmt::format("stages.{}", j));
            if (!career_stage(st)) {
                diags_.error(where, "unknown-stage",
                             fmt::format("profile \"{}\" serves unknown career stage \"{}\"{}; stages: {}", p.id, st,
                                         stage_id_hint(st), text::join(ids, ", ")));
                continue;
            }
            if (std::find(p.stages.begin(), p.stages.begin() + static_cast<std::ptrdiff_t>(j), st) !=
                p.stages.begin() + static_cast<std::ptrdiff_t>(j)) {
                diags_.warning(where, "duplicate-stage",
                               fmt::format("profile \"{}\" lists stage \"{}\" twice", p.id, st));
                continue;
            }
            for (std::size_t e = 0; e < k; ++e) {
                const auto& other = fw_.profiles[e];
                if (std::find(other.stages.begin(), other.stages.end(), st) != other.stages.end()) {
                    diags_.error(where, "stage-in-two-profiles",
                                 fmt::format("career stage \"{}\" is served by profile \"{}\" already: a stage chooses "
                                             "one profile",
                                             st, other.id));
                    break;
                }
            }
        }
    }
};

}  // namespace

Diagnostics check_framework(const Framework& fw) {
    return Checker(fw).run();
}

void resolve_requirements(Framework& fw) {
    for (auto& p : fw.profiles) {
        std::vector<std::string> codes;
        for (const auto& r : p.required) {
            const int idx = fw.find(r);
            if (idx < 0) continue;
            const auto& code = fw.at(idx).code;
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
        }
        p.required = std::move(codes);
    }
}

}  // namespace leadctl
