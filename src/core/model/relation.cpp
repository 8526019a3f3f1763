#include "core/model/relation.hpp"

namespace leadctl {

const RelationInfo& info(Relation r) {
    return kRelations[static_cast<std::size_t>(r)];
}

std::optional<Relation> parse_relation(std::string_view name) {
    for (const auto& r : kRelations) {
        if (r.name == name) return r.relation;
    }
    return std::nullopt;
}

std::optional<Relation> parse_skos(std::string_view predicate) {
    for (const auto& r : kRelations) {
        if (r.skos == predicate) return r.relation;
    }
    return std::nullopt;
}

Relation compose(Relation r1, Relation r2) {
    if (r1 == Relation::exact) return r2;
    if (r2 == Relation::exact) return r1;
    if (r1 == r2 && (r1 == Relation::narrow || r1 == Relation::broad)) return r1;
    return Relation::related;
}

}  // namespace leadctl
