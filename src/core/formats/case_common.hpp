// Internal to the CASE format (case_export.cpp, case_import.cpp,
// case_derived.cpp): the CASE field tables, access to the x: keys that hold CASE
// fields, and what export derives from a framework, which import relies on to
// recognise a package leadctl wrote. The public interface is case_json.hpp.
#pragma once

#include "core/formats/case_json.hpp"
#include "core/model/model.hpp"
#include "core/model/relation.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl::case_detail {

using Json = nlohmann::ordered_json;

/// A CASE field and the versions that have it.
enum class In { both, v10, v11 };
struct Field {
    std::string_view name;
    In in = In::both;
};

// CASE fields of each object, in the order of the specification (and of our output).
inline constexpr Field kDocFields[] = {{"identifier"},
                                       {"uri"},
                                       {"frameworkType", In::v11},
                                       {"caseVersion", In::v11},
                                       {"creator"},
                                       {"title"},
                                       {"lastChangeDateTime"},
                                       {"officialSourceURL"},
                                       {"publisher"},
                                       {"description"},
                                       {"subject"},
                                       {"subjectURI"},
                                       {"language"},
                                       {"version"},
                                       {"adoptionStatus"},
                                       {"statusStartDate"},
                                       {"statusEndDate"},
                                       {"licenseURI"},
                                       {"notes"},
                                       {"extensions", In::v11},
                                       {"CFPackageURI", In::v10}};
inline constexpr Field kItemFields[] = {{"identifier"},
                                        {"fullStatement"},
                                        {"alternativeLabel"},
                                        {"CFItemType"},
                                        {"uri"},
                                        {"humanCodingScheme"},
                                        {"listEnumeration"},
                                        {"abbreviatedStatement"},
                                        {"conceptKeywords"},
                                        {"conceptKeywordsURI"},
                                        {"notes"},
                                        {"subject", In::v11},
                                        {"subjectURI", In::v11},
                                        {"language"},
                                        {"educationLevel"},
                                        {"CFItemTypeURI"},
                                        {"licenseURI"},
                                        {"statusStartDate"},
                                        {"statusEndDate"},
                                        {"lastChangeDateTime"},
                                        {"extensions", In::v11},
                                        {"CFDocumentURI", In::v10}};
inline constexpr Field kAssocFields[] = {
    {"identifier"},     {"associationType"},     {"sequenceNumber"},           {"uri"},
    {"originNodeURI"},  {"destinationNodeURI"},  {"CFAssociationGroupingURI"}, {"lastChangeDateTime"},
    {"notes", In::v11}, {"extensions", In::v11}, {"CFDocumentURI", In::v10}};

/// The names of `fields` that CASE 1.1 (or 1.0) has, in order.
template <std::size_t N>
std::vector<std::string_view> fields_of(const Field (&fields)[N], bool v11) {
    std::vector<std::string_view> out;
    for (const auto& f : fields) {
        if (f.in == In::both || f.in == (v11 ? In::v11 : In::v10)) out.push_back(f.name);
    }
    return out;
}

/// x: keys of the framework, besides CFDocument fields, for what a package holds
/// whole: kept associations and rubrics, CFDefinitions, the package's extensions.
inline constexpr Field kPackageKeys[] = {
    {"CFAssociations"}, {"CFRubrics"}, {"CFDefinitions"}, {"package.extensions", In::v11}};

inline constexpr std::string_view kAssociationTypes[] = {
    "isChildOf",   "isPeerOf",   "isPartOf", "exactMatchOf",  "precedes",
    "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf"};

inline constexpr std::string_view kX = "case.";
inline constexpr std::string_view kChildOf = "isChildOf.";
inline constexpr std::string_view kJsonSuffix = ".json";
inline constexpr std::string_view kCreatorDefault = "leadctl";
inline constexpr std::size_t kMaxNameBytes = 100;

bool contains(std::span<const std::string_view> set, std::string_view s);
/// obj[key] when it is text, else `fallback` (never throws on foreign input).
std::string str(const Json& obj, std::string_view key, std::string_view fallback = "");
/// obj[key] when it is a whole number, else 0.
long long integer(const Json& obj, std::string_view key);
/// A sequenceNumber: a whole JSON number, or a string of decimal digits (with an
/// optional leading '-'), which OpenSALT writes ("1"); nullopt for anything else.
std::optional<long long> sequence_number(const Json& v);
std::string plural(std::size_t n, std::string_view one, std::string_view many);

// ---------------------------------------------------------------- x: access

/// The text value of x: case.KEY, or nullptr.
const std::string* x_text(const Extra& x, std::string_view key);
/// The JSON value of x: case.KEY.json, or nullopt (also when it is not JSON).
std::optional<Json> x_json(const Extra& x, std::string_view key);
/// x: case.KEY or case.KEY.json as a JSON value.
std::optional<Json> x_value(const Extra& x, std::string_view key);
/// "case.KEY[.json]" -> "KEY"; nullopt for keys of other formats.
std::optional<std::string> case_key(std::string_view k);
/// The x: entries that belong to no CASE field (other formats' keys).
Json foreign_x(const Extra& x);

// ---------------------------------------------------------------- shared derivations

/// The name an item without an abbreviatedStatement gets: the first line of its
/// fullStatement, or its code when that is blank.
std::string name_from(std::string_view full, const std::string& code);
std::string framework_id_from(std::string_view title);
std::string_view adoption_status_of(std::string_view status);
/// The part of the document uri that object uris are built on.
std::string base_uri(std::string_view doc_uri, std::string_view doc_id);
std::string association_id(std::string_view origin, std::string_view type, std::string_view destination);
std::string_view link_type(Relation r, bool v11);
std::string doc_identifier(const Framework& fw);
/// What export writes as the item's fullStatement.
std::string full_statement(const Item& it);
/// The humanCodingScheme export writes, or nullopt for none.
std::optional<std::string> coding_scheme(const Framework& fw, int i);
/// The abbreviatedStatement export writes, or nullopt for none.
std::optional<std::string> abbreviated_statement(const Item& it);
/// How tools title an item in a node reference (as OpenSALT does): its
/// humanCodingScheme, else its abbreviated statement, else its full statement.
std::string node_title(const Framework& fw, int i);
std::string doc_timestamp(const Framework& fw, const std::string& fallback);

/// After import: drop the x: values that export derives to the same thing (a
/// package leadctl wrote comes back without any). `uri_derived`: the package
/// says the framework had no uri of its own.
void drop_derived_x(Framework& fw, bool uri_derived);

}  // namespace leadctl::case_detail
