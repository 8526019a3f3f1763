// 1EdTech CASE (Competencies and Academic Standards Exchange) 1.0 and 1.1: a
// framework as a CFPackage JSON document, and a CFPackage read into a framework.
// The full mapping is documented in leadctl-convert(1) ("CASE"); in short:
//
// EXPORT
//   CFDocument   identifier, uri (the framework's uri, else
//                https://leadctl.invalid/frameworks/ID), creator (x: case.creator,
//                else the publisher, else "leadctl"), title, lastChangeDateTime,
//                publisher, description, version (= edition), adoptionStatus
//                (x: case.adoptionStatus, else from status: published -> Adopted,
//                draft -> Draft, historical/superseded/withdrawn -> Deprecated),
//                notes, caseVersion "1.1" (1.1 only).
//   CFItems      one per item, in tree order: identifier, uri, fullStatement (the
//                description, else the name), abbreviatedStatement (the name, left
//                out when it is what an importer derives from fullStatement: its
//                first line), humanCodingScheme (the code; x: case.humanCodingScheme
//                when the code was made from it; left out when the code is the
//                item's identifier, as import makes it for items without one),
//                CFItemType (the type; x: case.CFItemType when its slug is still
//                the type), notes, lastChangeDateTime.
//   CFAssociations  the tree as isChildOf (origin = child, destination = parent
//                item or the CFDocument) with sequenceNumber = 1-based position
//                among siblings; then crosswalk links (CaseLink) from this
//                framework's items: exact -> exactMatchOf, related -> isRelatedTo,
//                close/broad/narrow -> ext:closeMatch/ext:broadMatch/ext:narrowMatch
//                in 1.1 and isRelatedTo in 1.0 (reported); then associations kept
//                from an imported package.
//   CFRubrics    the scale and level headings, when there is a scale: one rubric
//                whose first criterion (category "scale", no item) has one level
//                per scale level (quality = name, description, position and score
//                = 1-based rank, lowest first), and one criterion per item with
//                level headings (CFItemURI = the item; levels: quality = the scale
//                level's name, description = the heading).
//   1.1 only: CFDocument.extensions.leadctl holds what CASE has no field for (id,
//                year, status, completeness, completeness_note, license, sources,
//                uri: null when the framework has none (the document uri is derived),
//                profiles, scale level ids, x: keys of other formats), and
//                CFItem.extensions.leadctl the aliases, outcomes and other formats'
//                x: keys. In 1.0 these are reported as losses.
//   Every other CASE field comes from x: ("case.KEY" holds a text value,
//   "case.KEY.json" any other JSON value), so an imported package is written back
//   as it was read.
//
// IDENTIFIERS. x: case.identifier when there is one (imported identifiers are never
//   re-minted); otherwise uuid5(kCaseNamespace, NAME) where NAME is, with U the
//   document uri: the document U; an item U + "#item/" + code; the rubric U +
//   "#rubric/scale"; the scale criterion U + "#rubric/scale/levels"; a scale level
//   U + "#rubric/scale/level/" + rank (1 = lowest); an item's criterion ITEM-ID +
//   "#levels" and its levels ITEM-ID + "#level/" + rank; an association ORIGIN-ID + "|" +
//   TYPE + "|" + DESTINATION-ID. Object URIs: x: case.uri, else B + "/CFItems/" +
//   id (CFAssociations, CFRubrics, CFRubricCriteria, CFRubricCriterionLevels alike),
//   B being the document uri without a trailing "/CFDocuments/" + document id.
//
// IMPORT. The reverse, keeping every field the model has no place for under x:
//   (see above), identifiers included; children ordered by sequenceNumber (those
//   without one after, in the order of their isChildOf associations). Items
//   without humanCodingScheme get their identifier (made a valid code) as code and
//   x: case.humanCodingScheme.json = null, so that export writes none; without
//   abbreviatedStatement, the first line of fullStatement (at most 100 bytes, then
//   "…"), or the code when that is blank, as name. A key given twice in one object
//   is an error. Associations other than the tree
//   (a second parent, links to other frameworks) and rubrics other than leadctl's
//   are kept under x: of the framework (case.CFAssociations.json,
//   case.CFRubrics.json) and written back unchanged; CFDefinitions likewise.
//   Links to other frameworks are kept like any other association; a caller with
//   crosswalks drops those the crosswalks give again (drop_derived_links), so
//   that a package leadctl wrote reads back without them.
//   Errors (file:line:column): JSON syntax, no CFDocument, wrong types, required
//   fields missing, duplicate identifiers, unknown association types, isChildOf
//   references to objects that are not in the package, parent cycles, trees
//   deeper than 8 levels; a result that breaks the rules every framework keeps
//   (check_framework) is "invalid-framework", at the field it was read from.
#pragma once

#include "core/model/model.hpp"
#include "core/model/relation.hpp"
#include "core/util/diagnostic.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// A crosswalk mapping from one of the framework's items to an item of another
/// framework, read from this framework's side.
struct CaseLink {
    std::string code;  ///< the item of this framework
    Relation relation = Relation::related;
    std::string target_identifier;  ///< the other item's CASE identifier (case_item_identifier)
    std::string target_uri;         ///< its CASE uri (case_item_uri)
    std::string target_title;       ///< for the node: "hlm:6"
};

struct CaseExportOptions {
    std::string version = "1.1";  ///< "1.0" or "1.1"
    /// lastChangeDateTime for objects without one of their own (RFC 3339).
    std::string timestamp = "1970-01-01T00:00:00+00:00";
    std::vector<CaseLink> links;
};

struct CaseExport {
    std::string text;                   ///< the CFPackage, pretty-printed, ending in a newline
    std::vector<std::string> losses;    ///< what the package cannot hold, one sentence each
    std::vector<std::string> warnings;  ///< what it holds but other tools may reject
};

CaseExport export_case(const Framework& fw, const CaseExportOptions& options);

struct CaseImport {
    std::optional<Framework> framework;  ///< set only when there were no errors
    Diagnostics diagnostics;
    std::vector<std::string> losses;  ///< what the framework does not keep, one sentence each
};

/// Read a CASE CFPackage (1.0 or 1.1). `file` names it in diagnostics.
CaseImport import_case(std::string_view text, const std::string& file);
/// The same, from the package already parsed from `text` (which still gives the
/// lines and columns of diagnostics): a file is parsed once.
CaseImport import_case(const nlohmann::ordered_json& package, std::string_view text, const std::string& file);

/// Remove from the associations an import kept (x: case.CFAssociations.json) the
/// links that export derives from `links` anyway (same identifier, in 1.0 or 1.1
/// form). Returns how many were removed.
std::size_t drop_derived_links(Framework& fw, const std::vector<CaseLink>& links);

/// The document uri export writes (see above).
std::string case_document_uri(const Framework& fw);
/// The identifier and uri export gives item `index` (for links from other frameworks).
std::string case_item_identifier(const Framework& fw, int index);
std::string case_item_uri(const Framework& fw, int index);

/// The lastChangeDateTime for a framework's own objects: SOURCE_DATE_EPOCH when
/// given (reproducible builds), else 1 January of the framework's year, else the
/// Unix epoch; always in UTC, "YYYY-MM-DDTHH:MM:SS+00:00".
std::string case_timestamp(const Framework& fw, std::optional<long long> source_date_epoch);

}  // namespace leadctl
