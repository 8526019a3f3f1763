// Mapping relations between items of two frameworks, with SKOS meanings
// (formats.md): read "subject RELATION object". `broad` means the object is
// broader than the subject; `narrow` the reverse.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace leadctl {

enum class Relation { exact, close, broad, narrow, related };

struct RelationInfo {
    Relation relation;
    std::string_view name;     ///< as written in crosswalk files: "close"
    std::string_view symbol;   ///< for people: "≈"
    std::string_view skos;     ///< SSSOM predicate: "skos:closeMatch"
    std::string_view meaning;  ///< for help and legends
    Relation inverse;          ///< relation of the pair read the other way
    int specificity;           ///< higher = tells more (for choosing between paths)
};

inline constexpr std::array<RelationInfo, 5> kRelations{{
    {Relation::exact, "exact", "=", "skos:exactMatch", "interchangeable", Relation::exact, 4},
    {Relation::close, "close", "≈", "skos:closeMatch", "interchangeable for some purposes", Relation::close, 3},
    {Relation::broad, "broad", "⊂", "skos:broadMatch", "the target is broader", Relation::narrow, 2},
    {Relation::narrow, "narrow", "⊃", "skos:narrowMatch", "the target is narrower", Relation::broad, 2},
    {Relation::related, "related", "~", "skos:relatedMatch", "associated, neither contains the other",
     Relation::related, 1},
}};

const RelationInfo& info(Relation r);
std::optional<Relation> parse_relation(std::string_view name);
std::optional<Relation> parse_skos(std::string_view predicate);

struct RelationList {
    std::set<Relation> relations;
    std::string error;  ///< "unknown relation \"clse\" (did you mean \"close\"?); use exact,...", or ""
};
/// "exact, close": comma-separated names (spaces and empty parts ignored).
RelationList parse_relation_list(std::string_view list);
inline Relation inverse(Relation r) {
    return info(r).inverse;
}

/// The relation of A to C when A r1 B and B r2 C (chaining through a third
/// framework): exact∘r = r∘exact = r; narrow∘narrow = narrow; broad∘broad = broad;
/// every other pair (close∘close included) = related.
Relation compose(Relation r1, Relation r2);

}  // namespace leadctl
