#include "core/crosswalk/crosswalk.hpp"

#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace leadctl {

namespace {

constexpr std::string_view kHeaderKeys[] = {"id",         "title",      "version",  "license", "basis",
                                            "basis_note", "frameworks", "mappings", "unmapped"};
constexpr std::string_view kMappingKeys[] = {"subject",       "object",    "relation", "confidence",
                                             "justification", "rationale", "author"};
constexpr std::string_view kUnmappedKeys[] = {"item", "reason"};

struct SemapvPair {
    std::string_view ours;
    std::string_view semapv;
};
constexpr SemapvPair kSemapv[] = {{"manual-curation", "semapv:ManualMappingCuration"},
                                  {"lexical-matching", "semapv:LexicalMatching"},
                                  {"logical-reasoning", "semapv:LogicalReasoning"},
                                  {"unspecified", "semapv:UnspecifiedMatching"}};

std::vector<std::string> names_of(std::span<const std::string_view> xs) {
    return {xs.begin(), xs.end()};
}

std::vector<std::string> relation_names() {
    std::vector<std::string> out;
    for (const auto& r : kRelations) out.emplace_back(r.name);
    return out;
}

bool one_of(std::string_view v, std::span<const std::string_view> set) {
    return std::find(set.begin(), set.end(), v) != set.end();
}

}  // namespace

std::string basis_problem(std::string_view basis, std::string_view where) {
    if (one_of(basis, kBases)) return {};
    return fmt::format("basis \"{}\"{} is not one of: editorial, published{}", basis, where,
                       text::did_you_mean(basis, names_of(kBases)));
}

std::string_view semapv_of(std::string_view justification) {
    for (const auto& p : kSemapv) {
        if (p.ours == justification) return p.semapv;
    }
    return "semapv:UnspecifiedMatching";
}

std::string justification_of(std::string_view semapv) {
    for (const auto& p : kSemapv) {
        if (p.semapv == semapv) return std::string(p.ours);
    }
    return "unspecified";
}

bool is_crosswalk_document(const yaml::Node& root) {
    return root.is_map() && root.find("mappings") != nullptr;
}

CrosswalkLoad load_crosswalk(const yaml::Node& root, const std::string& file) {
    CrosswalkLoad out;
    auto& diags = out.diagnostics;
    if (!yaml::expect_map(root, file, diags, "a crosswalk file")) return out;
    yaml::Fields f(root, file, diags, kHeaderKeys, "the crosswalk header");
    Crosswalk cw;
    cw.origin = file;
    cw.id = f.text("id", true);
    if (!cw.id.empty() && !text::is_slug(cw.id)) {
        diags.error(f.at(*f.get("id")), "invalid-id",
                    fmt::format("crosswalk id \"{}\" must be lowercase letters, digits and hyphens", cw.id));
    }
    cw.title = f.text("title", true);
    cw.version = f.text("version");
    cw.license = f.text("license");
    cw.basis = f.text("basis", true);
    if (!cw.basis.empty()) {
        if (auto problem = basis_problem(cw.basis); !problem.empty()) {
            diags.error(f.at(*f.get("basis")), "invalid-value", std::move(problem));
        }
    }
    cw.basis_note = f.text("basis_note");
    const auto fws = f.texts("frameworks");
    if (fws.size() != 2 || fws[0] == fws[1]) {
        const auto* n = f.get("frameworks");
        diags.error(n ? f.at(*n) : f.where(), n ? "invalid-value" : "missing-field",
                    "\"frameworks\" must name two different frameworks: [subjects' framework, objects' framework]");
    } else {
        cw.frameworks = {fws[0], fws[1]};
    }
    if (const auto* list = f.list("mappings", true)) {
        for (const auto& n : list->items) {
            if (!yaml::expect_map(*n, file, diags, "a mapping")) continue;
            const std::size_t errors_before = diags.error_count();
            yaml::Fields m(*n, file, diags, kMappingKeys, "mapping");
            Mapping mp;
            mp.location = m.where();
            mp.subject = m.text("subject", true);
            mp.object = m.text("object", true);
            for (const auto* key : {"subject", "object"}) {
                const std::string& v = std::string_view(key) == "subject" ? mp.subject : mp.object;
                if (!v.empty() && !parse_reference(v)) {
                    diags.error(m.at(*m.get(key)), "invalid-reference",
                                fmt::format("{} \"{}\" is not a reference such as mlcf:2.4", key, v));
                }
            }
            const auto rel = m.text("relation", true);
            if (!rel.empty()) {
                if (auto r = parse_relation(rel)) {
                    mp.relation = *r;
                } else {
                    diags.error(m.at(*m.get("relation")), "invalid-value",
                                fmt::format("relation \"{}\" is not one of: exact, close, broad, narrow, related{}",
                                            rel, text::did_you_mean(rel, relation_names())));
                }
            }
            const auto conf = m.text("confidence", true);
            if (!conf.empty()) {
                double c = -1;
                const auto [ptr, ec] = std::from_chars(conf.data(), conf.data() + conf.size(), c);
                if (ec != std::errc{} || ptr != conf.data() + conf.size() || !(c >= 0.0 && c <= 1.0)) {
                    diags.error(m.at(*m.get("confidence")), "confidence-range",
                                fmt::format("confidence \"{}\" must be a number from 0 to 1", conf));
                } else {
                    mp.confidence = c;
                }
            }
            mp.justification = m.text("justification", true);
            if (!mp.justification.empty() && !one_of(mp.justification, kJustifications)) {
                diags.error(m.at(*m.get("justification")), "invalid-value",
                            fmt::format("justification \"{}\" is not one of: {}{}", mp.justification,
                                        text::join(names_of(kJustifications), ", "),
                                        text::did_you_mean(mp.justification, names_of(kJustifications))));
            }
            mp.rationale = m.text("rationale", true);
            mp.author = m.text("author", true);
            if (diags.error_count() == errors_before) cw.mappings.push_back(std::move(mp));
        }
    }
    if (const auto* list = f.list("unmapped")) {
        for (const auto& n : list->items) {
            if (!yaml::expect_map(*n, file, diags, "an unmapped entry")) continue;
            yaml::Fields u(*n, file, diags, kUnmappedKeys, "unmapped entry");
            const std::size_t errors_before = diags.error_count();
            Unmapped um{u.text("item", true), u.text("reason", true), u.where()};
            if (!um.item.empty() && !parse_reference(um.item)) {
                diags.error(u.at(*u.get("item")), "invalid-reference",
                            fmt::format("item \"{}\" is not a reference such as mlcf:2.4", um.item));
            }
            if (diags.error_count() == errors_before) cw.unmapped.push_back(std::move(um));
        }
    }
    if (diags.has_errors()) {
        out.partial = std::move(cw);
    } else {
        out.partial = cw;
        out.crosswalk = std::move(cw);
    }
    return out;
}

CrosswalkLoad load_crosswalk(std::string_view text, const std::string& file) {
    auto doc = yaml::parse(text, file);
    if (!doc.root) return {std::nullopt, std::move(doc.diagnostics), {}};
    auto out = load_crosswalk(*doc.root, file);
    Diagnostics merged = std::move(doc.diagnostics);
    merged.append(out.diagnostics);
    merged.sort();
    out.diagnostics = std::move(merged);
    if (out.diagnostics.has_errors()) out.crosswalk.reset();
    return out;
}

void check_crosswalk(Crosswalk& cw, const FrameworkLookup& lookup, Diagnostics& diags) {
    if (cw.frameworks[0].empty()) return;  // already reported by the loader
    const Framework* fw[2] = {lookup(cw.frameworks[0]), lookup(cw.frameworks[1])};
    bool missing_framework = false;
    for (int s = 0; s < 2; ++s) {
        if (!fw[s]) {
            diags.error({cw.origin, 0, 0}, "unknown-framework",
                        fmt::format("crosswalk {} names framework \"{}\", which is not on the search path", cw.id,
                                    cw.frameworks[static_cast<std::size_t>(s)]));
            missing_framework = true;
        }
    }
    if (missing_framework) return;

    // Resolve a reference to an item index of framework `side`, reporting problems.
    auto resolve = [&](std::string& ref, int side, const SourceLocation& where, std::string_view role) -> int {
        const auto r = parse_reference(ref);
        if (!r) return -1;
        const Framework& f = *fw[side];
        if (r->prefix != f.id) {
            const bool other = r->prefix == fw[1 - side]->id;
            diags.error(where, other ? "wrong-direction" : "unknown-framework",
                        other ? fmt::format("{} \"{}\" belongs to {}, but {}s of this crosswalk come from {} "
                                            "(write each pair once, {} first)",
                                            role, ref, r->prefix, role, f.id, cw.frameworks[0])
                              : fmt::format("{} \"{}\": this crosswalk maps {} to {}, not {}", role, ref,
                                            cw.frameworks[0], cw.frameworks[1], r->prefix));
            return -1;
        }
        const int i = f.find(r->code);
        if (i < 0) {
            diags.error(
                where, "unknown-item",
                fmt::format("{} has no item \"{}\"{}", f.id, r->code, text::did_you_mean(r->code, f.all_names())));
            return -1;
        }
        ref = f.id + ":" + f.at(i).code;  // aliases become codes
        return i;
    };

    std::vector<std::vector<bool>> covered{std::vector<bool>(fw[0]->items.size()),
                                           std::vector<bool>(fw[1]->items.size())};
    std::map<std::pair<std::string, std::string>, const Mapping*> seen;
    for (auto& m : cw.mappings) {
        if (m.subject == m.object) {
            diags.error(m.location, "self-mapping", fmt::format("{} is mapped to itself", m.subject));
            continue;
        }
        const int s = resolve(m.subject, 0, m.location, "subject");
        const int o = resolve(m.object, 1, m.location, "object");
        if (s < 0 || o < 0) continue;
        covered[0][static_cast<std::size_t>(s)] = true;
        covered[1][static_cast<std::size_t>(o)] = true;
        auto [it, inserted] = seen.emplace(std::make_pair(m.subject, m.object), &m);
        if (!inserted) {
            const Mapping& first = *it->second;
            if (first.relation == m.relation) {
                diags.error(m.location, "duplicate-mapping",
                            fmt::format("{} {} {} is already mapped at line {}", m.subject, info(m.relation).name,
                                        m.object, first.location.line));
            } else {
                diags.error(m.location, "contradiction",
                            fmt::format("{} and {} are mapped as {} here but as {} at line {}", m.subject, m.object,
                                        info(m.relation).name, info(first.relation).name, first.location.line));
            }
        }
    }
    // Items listed as unmapped.
    std::set<std::string> unmapped;
    for (auto& u : cw.unmapped) {
        const auto r = parse_reference(u.item);
        if (!r) continue;
        const int side = r->prefix == fw[0]->id ? 0 : r->prefix == fw[1]->id ? 1 : -1;
        if (side < 0) {
            diags.error(u.location, "unknown-framework",
                        fmt::format("unmapped item \"{}\" is in neither {} nor {}", u.item, cw.frameworks[0],
                                    cw.frameworks[1]));
            continue;
        }
        const int i = resolve(u.item, side, u.location, "unmapped item");
        if (i < 0) continue;
        if (covered[static_cast<std::size_t>(side)][static_cast<std::size_t>(i)]) {
            diags.warning(u.location, "unmapped-but-mapped",
                          fmt::format("{} is listed as unmapped but appears in a mapping", u.item));
        }
        unmapped.insert(u.item);
    }
    // Coverage: every leaf, or one of its ancestors, is mapped or listed as unmapped.
    for (int side = 0; side < 2; ++side) {
        const Framework& f = *fw[side];
        std::vector<std::string> uncovered;
        for (std::size_t i = 0; i < f.items.size(); ++i) {
            if (!f.is_leaf(static_cast<int>(i))) continue;
            bool ok = false;
            for (int a = static_cast<int>(i); a >= 0 && !ok; a = f.at(a).parent) {
                ok = covered[static_cast<std::size_t>(side)][static_cast<std::size_t>(a)] ||
                     unmapped.count(f.id + ":" + f.at(a).code) > 0;
            }
            if (!ok) uncovered.push_back(f.id + ":" + f.items[i].code);
        }
        if (!uncovered.empty()) {
            diags.warning(
                {cw.origin, 0, 0}, "uncovered-item",
                fmt::format("{} leaf item{} of {} appear{} in no mapping and {} not listed under unmapped: {}",
                            uncovered.size(), uncovered.size() == 1 ? "" : "s", f.id, uncovered.size() == 1 ? "s" : "",
                            uncovered.size() == 1 ? "is" : "are", text::join(uncovered, ", ")));
        }
    }
}

}  // namespace leadctl
