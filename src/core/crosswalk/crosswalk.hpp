// Crosswalks: typed mappings between the items of two frameworks, stored once per
// pair (inverses are derived). Format: leadctl-crosswalk(5).
#pragma once

#include "core/model/model.hpp"
#include "core/model/relation.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

struct Mapping {
    std::string subject;  ///< "mlcf:2.4" (as written; canonical after check_crosswalk)
    std::string object;   ///< "hlm:6"
    Relation relation = Relation::related;
    double confidence = 0;
    std::string justification;  ///< manual-curation, lexical-matching, ...
    std::string rationale;
    std::string author;
    SourceLocation location;
};

struct Unmapped {
    std::string item;  ///< "mlcf:3.2"
    std::string reason;
    SourceLocation location;
};

struct Crosswalk {
    std::string id;
    std::string title;
    std::string version;
    std::string license;
    std::string basis;  ///< editorial or published
    std::string basis_note;
    std::array<std::string, 2> frameworks;  ///< subjects come from the first, objects from the second
    std::vector<Mapping> mappings;
    std::vector<Unmapped> unmapped;
    std::string origin;  ///< "bundled:mlcf-hlm.yaml" or a path
};

/// Closed sets, for validation and documentation.
inline constexpr std::string_view kBases[] = {"editorial", "published"};
/// "basis \"X\" is not one of: editorial, published (did you mean ...)", or "" when
/// `basis` is one: the one wording for the crosswalk loader and SSSOM import.
std::string basis_problem(std::string_view basis, std::string_view where = "");
inline constexpr std::string_view kJustifications[] = {"manual-curation", "lexical-matching", "logical-reasoning",
                                                       "unspecified"};
/// The SSSOM (semapv) term for a justification, and back.
std::string_view semapv_of(std::string_view justification);
std::string justification_of(std::string_view semapv);

struct CrosswalkLoad {
    std::optional<Crosswalk> crosswalk;  ///< set when there were no errors
    Diagnostics diagnostics;
    /// Whatever could be read, even with errors: the mappings and unmapped entries
    /// whose own fields were valid. Lets --check report every problem in one run.
    Crosswalk partial;
};

/// Read a crosswalk file: fields, relation names, confidence range, reference syntax.
/// References are not resolved here (see check_crosswalk).
CrosswalkLoad load_crosswalk(std::string_view text, const std::string& file);
CrosswalkLoad load_crosswalk(const yaml::Node& root, const std::string& file);

/// True when the parsed YAML looks like a crosswalk rather than a framework.
bool is_crosswalk_document(const yaml::Node& root);

/// Finds a framework by id (nullptr when unknown).
using FrameworkLookup = std::function<const Framework*(std::string_view id)>;

/// Check a crosswalk against its frameworks: unknown frameworks and codes (with
/// suggestions), references to the wrong framework, an item mapped to itself,
/// duplicate pairs, contradictions, and coverage of every leaf item (a leaf is
/// covered when it or an ancestor is in a mapping, or it is listed as unmapped).
/// Rewrites aliases in `cw` to codes so later lookups are exact.
void check_crosswalk(Crosswalk& cw, const FrameworkLookup& lookup, Diagnostics& diags);

}  // namespace leadctl
