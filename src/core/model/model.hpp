// The framework model: a competency framework as a tree of items, an optional
// ordered scale of levels, and named profiles (targets). Pure data plus lookups.
#pragma once

#include "core/util/diagnostic.hpp"

#include <cassert>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace leadctl {

/// Fields of an interchange format that the model has no place for, kept under
/// `x:` so that converting back to that format loses nothing. Keys are
/// namespaced by format ("case.identifier", "moodle.ruletype"); values are text
/// (JSON text for structured values). In file order.
using Extra = std::vector<std::pair<std::string, std::string>>;

struct Level {
    std::string id;    ///< slug, e.g. "proficient"
    std::string name;  ///< e.g. "Proficient"
    std::string description;
    Extra extra;
};

struct SourceCitation {
    std::string citation;
    std::string url;  ///< may be empty
};

struct LevelHeading {
    std::string level;  ///< a scale level id
    std::string text;
};

struct Item {
    std::string code;  ///< unique in its framework, e.g. "2.4" or "self"
    std::string name;
    std::string type;  ///< domain, element, dimension, theme, standard, ...
    std::string description;
    std::string notes;
    std::vector<std::string> aliases;
    std::vector<std::string> outcomes;
    std::vector<LevelHeading> level_headings;  ///< in scale order
    int parent = -1;                           ///< index into Framework::items, -1 for a root
    int depth = 0;                             ///< 0 for roots
    std::vector<int> children;                 ///< indices, in file order
    Extra extra;
    SourceLocation location;
};

/// A profile's condition on recent evidence: an entry of `type` dated within
/// `within_months` before the as-of day (FMLM fellowship: an appraisal within 12
/// months, 360-degree feedback within 3 years).
struct RecentEvidence {
    std::string type;
    int within_months = 0;
    std::string note;  ///< where the condition comes from
};

struct Profile {
    std::string id;
    std::string name;
    std::string description;
    std::string notes;
    std::vector<std::string> required;        ///< item codes
    std::string level;                        ///< scale level id, or empty
    std::vector<std::string> stages;          ///< career stage ids (core/model/stage.hpp) the profile serves
    std::vector<std::string> not_for_stages;  ///< career stage ids the profile is not open to
    std::vector<RecentEvidence> recent_evidence;
    SourceLocation location;
};

/// Where the parts of a framework were read from, so that a check of the model
/// can point at the file. Keys are paths in the terms of the framework file:
///   ""                  the framework as a whole (the header; every fallback ends here)
///   "id" "title" "year" "status" "completeness" "items"
///   "scale.K"           the id of scale level K (0-based)
///   "item.N.code" "item.N.type" "item.N.level.LEVEL"   (N indexes Framework::items;
///                       fallback: the item's own location)
///   "profile.K.id" "profile.K.requires" "profile.K.requires.J" "profile.K.level"
///                       (fallback: "profile.K.requires", then the profile's location)
/// A reader records what it knows; a path it does not know falls back as shown.
class Places {
public:
    void set(std::string path, SourceLocation where) { by_path_[std::move(path)] = std::move(where); }
    /// The place recorded for `path`, or nullptr.
    [[nodiscard]] const SourceLocation* find(std::string_view path) const {
        auto it = by_path_.find(path);
        return it == by_path_.end() ? nullptr : &it->second;
    }

private:
    std::map<std::string, SourceLocation, std::less<>> by_path_;
};

struct Framework {
    std::string id;  ///< the prefix in references ("mlcf")
    std::string title;
    std::string edition;
    std::string publisher;
    std::optional<int> year;
    std::string uri;
    std::vector<SourceCitation> sources;
    std::string status;        ///< published, draft, historical, superseded, withdrawn
    std::string completeness;  ///< complete or partial
    std::string completeness_note;
    std::string description;
    std::string notes;
    std::string license;
    std::vector<Level> scale;  ///< lowest first
    std::vector<Item> items;   ///< pre-order: every parent before its children
    std::vector<int> roots;
    std::vector<Profile> profiles;
    Extra extra;
    Places places;  ///< where the fields were read from (for check_framework's messages)

    /// The item at a position of `items` (asserted in range; positions are ints
    /// because every index in the model is).
    [[nodiscard]] const Item& at(int index) const {
        assert(index >= 0 && static_cast<std::size_t>(index) < items.size());
        return items[static_cast<std::size_t>(index)];
    }
    [[nodiscard]] Item& at(int index) {
        assert(index >= 0 && static_cast<std::size_t>(index) < items.size());
        return items[static_cast<std::size_t>(index)];
    }

    /// Build the code and alias indexes; call after filling `items`.
    void index();

    /// Index of the item with this code or alias, or -1.
    [[nodiscard]] int find(std::string_view code_or_alias) const;
    [[nodiscard]] const Item* item(std::string_view code_or_alias) const;
    /// Position of a level in the scale (0 = lowest), or -1.
    [[nodiscard]] int level_index(std::string_view level_id) const;
    [[nodiscard]] const Profile* profile(std::string_view id) const;
    [[nodiscard]] bool is_leaf(int index) const { return at(index).children.empty(); }
    /// True when `index` is `ancestor` or lies below it.
    [[nodiscard]] bool within(int index, int ancestor) const;
    /// All codes and aliases, for "did you mean" suggestions.
    [[nodiscard]] std::vector<std::string> all_names() const;
    [[nodiscard]] std::size_t max_depth() const;

private:
    std::unordered_map<std::string, int> by_code_;
    std::unordered_map<std::string, int> by_alias_;
};

/// A competency reference "PREFIX:CODE" (code may be an alias).
struct Reference {
    std::string prefix;
    std::string code;
};

/// Parse "mlcf:2.4". Returns nullopt unless there is exactly one ':' with text on both sides.
std::optional<Reference> parse_reference(std::string_view text);

}  // namespace leadctl
