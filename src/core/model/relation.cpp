#include "core/model/relation.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <vector>

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

RelationList parse_relation_list(std::string_view list) {
    RelationList out;
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto word = text::trim(rest.substr(0, comma));
        if (!word.empty()) {
            auto r = parse_relation(word);
            if (!r) {
                std::vector<std::string> names;
                for (const auto& k : kRelations) names.emplace_back(k.name);
                out.error = fmt::format("unknown relation \"{}\"{}; use {}", word, text::did_you_mean(word, names),
                                        text::join(names, ","));
                return out;
            }
            out.relations.insert(*r);
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

Relation compose(Relation r1, Relation r2) {
    if (r1 == Relation::exact) return r2;
    if (r2 == Relation::exact) return r1;
    if (r1 == r2 && (r1 == Relation::narrow || r1 == Relation::broad)) return r1;
    return Relation::related;
}

}  // namespace leadctl
