// The differences between two frameworks (two editions, a file and its
// conversion, ...): header fields, items (added, removed, renamed, moved,
// re-coded, fields changed), the scale and the profiles. Pure: frameworks in,
// a list of change records out; rendered by core/render_diff.
#pragma once

#include "core/model/model.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// What a change is about.
enum class DiffSubject { header, item, level, profile };

/// Every kind of change, in the order of kDiffKinds.
enum class ChangeKind {
    header_changed,  ///< a header field (`field`: "title", "year", "sources", "x.KEY", ...)
    added,           ///< an item only NEW has
    removed,         ///< an item only OLD has
    recoded,         ///< the same item under a new code (found by name, alias or similarity)
    renamed,         ///< an item's name
    moved,           ///< an item's parent (old/new value: the parents' codes; nullopt = top level)
    type_changed,
    description_changed,
    notes_changed,
    aliases_changed,         ///< compared as sets
    outcomes_changed,        ///< compared as lists
    level_headings_changed,  ///< compared as lists of "LEVEL: heading"
    x_changed,               ///< an item's interchange field (`field`: "x.KEY")
    reordered,               ///< the order of an item's children (or of the top-level items)
    level_added,
    level_removed,
    level_changed,  ///< a level's name, description or x.KEY (`field`)
    scale_reordered,
    profile_added,
    profile_removed,
    profile_changed,  ///< a profile's name, description, notes, level or requires (`field`)
};

struct ChangeKindInfo {
    ChangeKind kind;
    std::string_view name;  ///< in JSON: "description_changed"
    DiffSubject subject;
    std::string_view label;     ///< in text lines: "description"
    std::string_view singular;  ///< in summaries: "description changed"
    std::string_view plural;    ///< "descriptions changed"
};

inline constexpr std::array<ChangeKindInfo, 21> kDiffKinds{{
    {ChangeKind::header_changed, "header_changed", DiffSubject::header, "header", "header field changed",
     "header fields changed"},
    {ChangeKind::added, "added", DiffSubject::item, "added", "added", "added"},
    {ChangeKind::removed, "removed", DiffSubject::item, "removed", "removed", "removed"},
    {ChangeKind::recoded, "recoded", DiffSubject::item, "re-coded", "re-coded", "re-coded"},
    {ChangeKind::renamed, "renamed", DiffSubject::item, "renamed", "renamed", "renamed"},
    {ChangeKind::moved, "moved", DiffSubject::item, "moved", "moved", "moved"},
    {ChangeKind::type_changed, "type_changed", DiffSubject::item, "type", "type changed", "types changed"},
    {ChangeKind::description_changed, "description_changed", DiffSubject::item, "description", "description changed",
     "descriptions changed"},
    {ChangeKind::notes_changed, "notes_changed", DiffSubject::item, "notes", "notes changed", "notes changed"},
    {ChangeKind::aliases_changed, "aliases_changed", DiffSubject::item, "aliases", "aliases changed",
     "aliases changed"},
    {ChangeKind::outcomes_changed, "outcomes_changed", DiffSubject::item, "outcomes", "outcomes changed",
     "outcomes changed"},
    {ChangeKind::level_headings_changed, "level_headings_changed", DiffSubject::item, "headings",
     "level headings changed", "level headings changed"},
    {ChangeKind::x_changed, "x_changed", DiffSubject::item, "x", "x field changed", "x fields changed"},
    {ChangeKind::reordered, "reordered", DiffSubject::item, "reordered", "reordered", "reordered"},
    {ChangeKind::level_added, "level_added", DiffSubject::level, "level", "level added", "levels added"},
    {ChangeKind::level_removed, "level_removed", DiffSubject::level, "level", "level removed", "levels removed"},
    {ChangeKind::level_changed, "level_changed", DiffSubject::level, "level", "level field changed",
     "level fields changed"},
    {ChangeKind::scale_reordered, "scale_reordered", DiffSubject::level, "scale", "scale reordered", "scale reordered"},
    {ChangeKind::profile_added, "profile_added", DiffSubject::profile, "profile", "profile added", "profiles added"},
    {ChangeKind::profile_removed, "profile_removed", DiffSubject::profile, "profile", "profile removed",
     "profiles removed"},
    {ChangeKind::profile_changed, "profile_changed", DiffSubject::profile, "profile", "profile field changed",
     "profile fields changed"},
}};

const ChangeKindInfo& info(ChangeKind k);
std::string_view to_string(ChangeKind k);
std::string_view to_string(DiffSubject s);

/// How a re-coded item was found.
enum class RecodeMatch { name, alias, similarity };
std::string_view to_string(RecodeMatch m);

/// One difference. Which fields are set depends on the kind (see leadctl(1),
/// "diff", for the JSON form of each).
struct Change {
    ChangeKind kind = ChangeKind::header_changed;
    /// header, level and profile changes, x_changed: the field ("title", "requires", "x.case.uri")
    std::string field;
    /// the item code, level id or profile id in OLD and in NEW; nullopt where it has none
    /// (a header change; OLD of an addition; NEW of a removal; the top level for `reordered`)
    std::optional<std::string> old_code;
    std::optional<std::string> new_code;
    /// scalar values before and after; nullopt when absent (or for list fields)
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    /// list fields (aliases, outcomes, level headings, sources, requires, orders):
    bool list = false;
    std::vector<std::string> old_list, new_list;
    std::vector<std::string> removed, added;  ///< values only OLD has, only NEW has
    /// added and removed items: their type and parent's code (nullopt: top level)
    std::string item_type;
    std::optional<std::string> parent;
    /// recoded: how it was found and the similarity score (1 for equal names or an alias)
    RecodeMatch match = RecodeMatch::name;
    double similarity = 0;
};

struct DiffOptions {
    /// Least similarity score for two items under different codes to be taken as the
    /// same item re-coded (see similarity()); 0 < x <= 1.
    double min_similarity = 0.6;
    /// Look for re-coded items at all.
    bool detect_recoding = true;
};

struct FrameworkDiff {
    /// Identity of both sides, for headlines.
    std::string old_id, old_title, old_edition, old_completeness;
    std::string new_id, new_title, new_edition, new_completeness;
    /// In a fixed order: header fields; items in OLD's order (each removal, or a kept
    /// item's re-coding, renaming, move and field changes, then the order of its
    /// children), then added items in NEW's order, then the top-level order; the
    /// scale; the profiles (OLD's order, then additions).
    std::vector<Change> changes;

    [[nodiscard]] bool identical() const { return changes.empty(); }
    /// Number of changes of each kind, indexed like kDiffKinds.
    [[nodiscard]] std::array<std::size_t, kDiffKinds.size()> counts() const;
};

FrameworkDiff diff_frameworks(const Framework& old_fw, const Framework& new_fw, const DiffOptions& opt = {});

/// The parts of a framework a diff can be narrowed to (`diff --only`), by name.
struct DiffPart {
    std::string_view name;  ///< "items"
    DiffSubject subject;
};
inline constexpr std::array<DiffPart, 4> kDiffParts{{{"header", DiffSubject::header},
                                                     {"items", DiffSubject::item},
                                                     {"scale", DiffSubject::level},
                                                     {"profiles", DiffSubject::profile}}};

/// Which changes to keep.
struct DiffFilter {
    std::vector<DiffSubject> only;  ///< keep only changes about these; empty: all
    bool ignore_x = false;          ///< drop changes of x: fields ("x.KEY": header, items, levels)
};

/// Drop from `d` the changes `filter` does not keep; returns how many were dropped.
std::size_t filter_changes(FrameworkDiff& d, const DiffFilter& filter);

/// How alike two items under different codes are, from 0 to 1:
/// 1 when their names are equal ignoring case and runs of white space; otherwise
/// the mean of the name similarity (the larger of 1 - edit distance / longer length,
/// on the names lower-cased with runs of white space as one, and the Jaccard index
/// of the sets of words) and the description similarity
/// (the Jaccard index of the sets of words; the name similarity when either has no
/// description). Words are runs of letters and digits, lower-cased, without a short
/// list of stop words ("and", "the", "of", ...).
double similarity(const Item& a, const Item& b);

}  // namespace leadctl
