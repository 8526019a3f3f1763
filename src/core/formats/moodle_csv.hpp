// Moodle competency framework CSV (the admin tool "lpimportcsv"): import a file
// into a framework, export a framework as a file Moodle's importer accepts.
//
// THE FILE. A header row, then records of 14 fields read by position (the header
// wording varies between Moodle versions and is not checked):
//
//   1 Parent ID number   2 ID number        3 Short name            4 Description
//   5 Description format 6 Scale values     7 Scale configuration   8 Rule type
//   9 Rule outcome      10 Rule config     11 Cross-referenced competency ID numbers
//  12 Exported ID       13 Is framework    14 Taxonomy
//
// Every record must have exactly 14 fields. The "optional" columns are optional
// in content, not in presence: Moodle's reader rejects a file whose rows do not all
// have as many fields as the header, and its exporter always writes 14. A leading
// UTF-8 byte order mark is ignored; blank lines are skipped.
//
// IMPORT. The row whose "Is framework" is set (anything but empty or "0", as in
// Moodle) becomes the Framework; every other row a competency, i.e. an Item.
//
//   Framework row
//     id           MoodleImportOptions::framework_id (leadctl convert's id option),
//                  else a slug of the ID number ("MY-FRAMEWORK" -> "my-framework"),
//                  prefixed "moodle-" unless it starts with a letter; a slug of the
//                  short name when the ID number is empty
//     title        the short name (surrounding spaces trimmed)
//     description  the description as plain text (see Descriptions)
//     scale        "Scale values" split on ',' and trimmed (as Moodle does): one
//                  level per non-empty value, id = slug of the name ("level-N"
//                  when that is empty or taken), name as written
//     x:           moodle.idnumber, moodle.scalevalues, moodle.scaleconfiguration
//                  (the JSON, with its default and proficient marks) and
//                  moodle.taxonomy, always, verbatim; moodle.description (the HTML)
//                  when not empty; moodle.header (JSON array of the 14 header
//                  cells) when it differs from Moodle's exporter's header; and
//                  every other cell (see Defaults).
//   Competency rows, in tree order (each parent before its children, siblings in
//   file order, as Moodle's importer builds the tree)
//     code         the ID number when it is a valid code (letters, digits, '.', '-',
//                  '_', starting with a letter or digit, at most 64 characters);
//                  otherwise the ID number with every other byte written _XX
//                  (hex: "A,1" -> "A_2C1", "C 2" -> "C_202"), "id" put in front
//                  when that does not start with a letter or digit, cut to 56
//                  characters, and "-2", "-3" ... added if another competency has
//                  that code (ID numbers that are valid codes keep theirs). The ID
//                  number itself is then kept verbatim in x: moodle.idnumber, which
//                  export writes back: the mapping is reversed through x:, not by
//                  decoding the code
//     parent       the competency whose ID number is "Parent ID number"
//                  (empty = top level)
//     name         the short name, trimmed (x: moodle.shortname keeps it verbatim
//                  when trimming changed it)
//     type         the framework's taxonomy term for the item's depth (the first
//                  term for top-level competencies); "competency", Moodle's own
//                  default, where the list has no term for that depth
//     description  plain text (see Descriptions); the cell verbatim in
//                  x: moodle.description
//     x:           moodle.descriptionformat, moodle.scalevalues,
//                  moodle.scaleconfiguration (a competency's own scale),
//                  moodle.ruletype, moodle.ruleoutcome, moodle.ruleconfig (the
//                  literal "null" included), moodle.relatedidnumbers (the
//                  cross-reference cell verbatim; moodle_split_idnumbers() gives the
//                  ID numbers, "%2C" decoded to ','), moodle.exportid,
//                  moodle.isframework, moodle.taxonomy (see Defaults).
//
//   Descriptions: format 1 (HTML), 0 (Moodle auto-format) and anything else: tags
//   removed (block tags such as <p> and <br> count as a space), entities decoded
//   (&amp; &lt; &gt; &quot; &apos; &#39; &nbsp; and numeric ones), whitespace
//   collapsed to single spaces and trimmed. Formats 2 (plain) and 4 (Markdown):
//   whitespace collapsed only.
//
//   Defaults (what export writes when an x: key is absent): Description format
//   "1", Rule outcome "0" and Rule config "null" on competency rows, "Is
//   framework" "1" on the framework row, empty for everything else. x: holds
//   every such cell that is not empty (so "0" and the literal "null" are kept),
//   and an empty one where the default is not, so export reproduces each cell.
//
//   Errors (each with file:line:column; no framework is returned): text that is
//   not UTF-8, CSV syntax (an unclosed quote, a stray quote), a header or row
//   without exactly 14 fields, no framework row, more than one framework row, a
//   framework row without a short name, no competencies, duplicate ID numbers, a
//   parent ID number that no competency has, parent cycles (A under B under A),
//   trees deeper than 8 levels; and whatever breaks the rules every framework
//   keeps (check_framework), such as an invalid framework_id option.
//   Warnings (errors with `strict`; each also listed in `losses`): rows that
//   Moodle itself skips (an empty ID number or short name, and a skipped row's
//   descendants); a row order that export cannot reproduce (see Row order).
//   Warnings only: cross-references to ID numbers not in the file (Moodle ignores
//   them; the cell is kept), a scale configuration that is not a JSON array.
//
// EXPORT. A header row (x: moodle.header, else Moodle's exporter's header), the
// framework row first, then one row per item, each parent before its children.
// Quoting and line ends as PHP's fputcsv, which Moodle's exporter uses: a field is
// quoted when it holds a space, tab, comma, quote, backslash, CR or LF (quotes
// doubled), records end with LF.
//
//   ID numbers     the item's code, or x: moodle.idnumber when the code was made
//                  from it; the framework: x: moodle.idnumber, else the id
//   short name     the item's name / the framework's title
//   description    x: moodle.description while its plain text still equals the
//                  description (an edited description wins), with its format;
//                  otherwise the description as HTML, format 1: paragraphs
//                  (split at blank lines) in <p>...</p>, & < > escaped
//   scale          x: moodle.scalevalues and moodle.scaleconfiguration while the
//                  values still name the framework's scale levels in order;
//                  otherwise the level names joined with ',' and a configuration
//                  whose default is the threshold level and whose proficient
//                  levels are the threshold and everything above it. The threshold
//                  is the level with id or name "proficient" or "competent", else
//                  the second-lowest level (the lowest when there is one). A
//                  framework without a scale gets Moodle's default competency
//                  scale "Not yet competent,Competent" (default and proficient:
//                  Competent). The "scaleid" written is "" (Moodle's importer
//                  replaces it with the scale it finds or creates).
//   taxonomy       x: moodle.taxonomy while every item's type is still the term
//                  for its depth; otherwise, per depth, the Moodle term of the
//                  most common item type there: Moodle's own terms (behaviour,
//                  competency, concept, domain, indicator, level, outcome,
//                  practice, proficiency, skill, value) as they are, dimension ->
//                  domain, element -> competency, theme -> competency, standard ->
//                  outcome, anything else -> competency
//   rule columns   x: moodle.ruletype / ruleoutcome / ruleconfig, else "", "0",
//                  "null" (what Moodle's exporter writes for a competency without a
//                  rule)
//   cross-refs     x: moodle.relatedidnumbers, else empty
//   exported ID    x: moodle.exportid, else empty
//
//   Row order: items in exported-ID order (the order of Moodle's own export) when
//   every item has a numeric x: moodle.exportid and that order keeps each parent
//   before its children and siblings in tree order; otherwise depth-first tree
//   order. Moodle builds the same tree from either.
//
//   A Moodle CSV has no place for: edition, publisher, year, uri, sources, status,
//   completeness, notes, license, profiles, level descriptions, item aliases,
//   outcomes, level headings and notes, x: keys of other formats, and item types
//   outside Moodle's taxonomy terms (see moodle_export_losses()).
#pragma once

#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

inline constexpr std::size_t kMoodleColumns = 14;

/// The header Moodle's exporter writes (lang strings of tool_lpimportcsv).
inline constexpr std::string_view kMoodleHeader[kMoodleColumns] = {"Parent ID number",
                                                                   "ID number",
                                                                   "Short name",
                                                                   "Description",
                                                                   "Description format",
                                                                   "Scale values",
                                                                   "Scale configuration",
                                                                   "Rule type (optional)",
                                                                   "Rule outcome (optional)",
                                                                   "Rule config (optional)",
                                                                   "Cross-referenced competency ID numbers",
                                                                   "Exported ID (optional)",
                                                                   "Is framework",
                                                                   "Taxonomy"};

struct MoodleImportOptions {
    std::string framework_id;  ///< the framework's id; empty: a slug of the framework row's ID number
    bool strict = false;       ///< anything that cannot be kept is an error, not a warning
};

struct MoodleImport {
    std::optional<Framework> framework;  ///< set only when there were no errors
    Diagnostics diagnostics;             ///< errors and warnings, sorted by position
    std::vector<std::string> losses;     ///< what the framework does not keep, one sentence each
};

/// Read a Moodle competency framework CSV. `file` names it in diagnostics.
MoodleImport import_moodle_csv(std::string_view text, const std::string& file, const MoodleImportOptions& = {});

/// The framework as a Moodle competency framework CSV (see the comment above).
std::string export_moodle_csv(const Framework& fw);

/// What export_moodle_csv leaves out of this framework, one sentence each (empty
/// when the CSV holds everything).
std::vector<std::string> moodle_export_losses(const Framework& fw);

/// What Moodle's importer would get wrong in export_moodle_csv's output, one
/// sentence each: ID numbers that are different text but equal as numbers
/// ("1.1" and "1.10"), which its PHP == takes for the same parent.
std::vector<std::string> moodle_export_warnings(const Framework& fw);

/// The ID numbers of a "Cross-referenced competency ID numbers" cell: split on ',',
/// "%2C" decoded to ',' inside each; empty parts dropped.
std::vector<std::string> moodle_split_idnumbers(std::string_view cell);

/// A description cell as plain text: tags removed, entities decoded, whitespace
/// collapsed (formats 2 and 4: whitespace collapsed only). `format` is the
/// "Description format" cell.
std::string moodle_description_text(std::string_view cell, std::string_view format);

/// Plain text as Moodle HTML: paragraphs (split at blank lines) in <p>...</p>, with
/// & < > escaped; empty text gives "".
std::string moodle_description_html(std::string_view text);

}  // namespace leadctl
