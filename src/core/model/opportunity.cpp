#include "core/model/opportunity.hpp"

#include "core/model/entry_types.hpp"
#include "core/model/stage.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace leadctl {

bool is_opportunity_catalogue(const yaml::Node& root) {
    return root.is_map() && root.find("opportunities");
}

namespace {

/// Where the k-th text of a key is (Fields::texts: one scalar, or the scalars of a list).
SourceLocation value_at(const yaml::Fields& f, std::string_view key, std::size_t k) {
    const yaml::Node* n = f.get(key);
    if (!n) return f.where();
    if (n->is_sequence()) {
        for (const auto& e : n->items) {
            if (e->is_scalar() && k-- == 0) return f.at(*e);
        }
    }
    return f.at(*n);
}

void check_reference(const std::string& r, SourceLocation at, const FrameworkByPrefix& frameworks, Diagnostics& d) {
    const auto ref = parse_reference(r);
    if (!ref) {
        d.error(at, "invalid-reference", fmt::format("\"{}\" is not a reference such as mlcf:2.4", r));
        return;
    }
    if (!frameworks) return;
    const Framework* fw = frameworks(ref->prefix);
    if (!fw) {
        d.error(at, "unknown-framework",
                fmt::format("develops \"{}\": no framework \"{}\" is known (bundled or on the framework path)", r,
                            ref->prefix));
        return;
    }
    if (fw->item(ref->code)) return;
    std::vector<std::string> codes;
    for (const auto& it : fw->items) codes.push_back(it.code);
    d.error(at, "unknown-item",
            fmt::format("develops \"{}\": {} has no item \"{}\"{}", r, fw->id, ref->code,
                        text::did_you_mean(ref->code, codes)));
}

}  // namespace

OpportunityLoad load_opportunities(std::string_view text, const std::string& file,
                                   const FrameworkByPrefix& frameworks) {
    auto doc = yaml::parse(text, file);
    if (!doc.root) return {{}, {}, std::move(doc.diagnostics)};
    auto out = load_opportunities(*doc.root, file, frameworks);
    Diagnostics merged = std::move(doc.diagnostics);
    merged.append(out.diagnostics);
    merged.sort();
    out.diagnostics = std::move(merged);
    return out;
}

OpportunityLoad load_opportunities(const yaml::Node& root, const std::string& file,
                                   const FrameworkByPrefix& frameworks) {
    static constexpr std::string_view kHeader[] = {"id", "title", "version", "license", "source", "opportunities"};
    static constexpr std::string_view kKeys[] = {"id", "title", "description", "type", "origin", "develops", "stages"};
    OpportunityLoad out;
    auto& d = out.diagnostics;
    if (!yaml::expect_map(root, file, d, "an opportunity catalogue")) return out;
    yaml::Fields f(root, file, d, kHeader, "the catalogue header");
    out.id = f.text("id");
    std::vector<std::string> seen;
    if (const auto* list = f.list("opportunities", true)) {
        for (const auto& n : list->items) {
            if (!yaml::expect_map(*n, file, d, "an opportunity")) continue;
            yaml::Fields o(*n, file, d, kKeys, "opportunity");
            Opportunity op{o.text("id", true), o.text("title", true), o.text("description"), o.text("type", true),
                           o.text("origin"),   o.texts("develops"),   o.texts("stages")};
            if (!op.id.empty()) {
                if (std::find(seen.begin(), seen.end(), op.id) != seen.end()) {
                    d.error(o.where(), "duplicate-id",
                            fmt::format("opportunity \"{}\" is given twice in this catalogue", op.id));
                }
                seen.push_back(op.id);
            }
            for (std::size_t k = 0; k < op.develops.size(); ++k) {
                check_reference(op.develops[k], value_at(o, "develops", k), frameworks, d);
            }
            if (!op.type.empty() && std::none_of(kEvidenceTypes.begin(), kEvidenceTypes.end(),
                                                 [&](const EvidenceType& t) { return t.name == op.type; })) {
                std::vector<std::string> types;
                for (const auto& t : kEvidenceTypes) types.emplace_back(t.name);
                d.error(o.at(*o.get("type")), "unknown-type",
                        fmt::format("opportunity \"{}\": type \"{}\" is not an entry type{}", op.id, op.type,
                                    text::did_you_mean(op.type, types)));
            }
            // Which stages it suits: said for every opportunity, so that no
            // student-only advice reaches a consultant (and none the other way).
            if (op.stages.empty()) {
                d.error(o.where(), "missing-field",
                        fmt::format("opportunity \"{}\" says no \"stages\" (career stage ids it suits)", op.id));
            }
            for (std::size_t k = 0; k < op.stages.size(); ++k) {
                const auto& st = op.stages[k];
                if (career_stage(st)) continue;
                d.error(value_at(o, "stages", k), "unknown-stage",
                        fmt::format("opportunity \"{}\": \"{}\" is not a career stage{}; stages: {}", op.id, st,
                                    stage_id_hint(st), text::join(career_stage_ids(), ", ")));
            }
            out.opportunities.push_back(std::move(op));
        }
    }
    d.sort();
    return out;
}

}  // namespace leadctl
