// The rules of leadctl-framework(5) that a framework must keep whatever file it
// was read from: the YAML loader checks what it read with them, and so does every
// importer (CASE, Moodle, the flat CSV), so that all of them accept the same
// frameworks and say the same things about the others.
#pragma once

#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"

#include <string_view>

namespace leadctl {

/// Deepest item tree accepted (domain → element → standard → ... ).
inline constexpr int kMaxItemDepth = 8;

/// The closed sets of header values, for validation and documentation.
inline constexpr std::string_view kStatuses[] = {"published", "draft", "historical", "superseded", "withdrawn"};
inline constexpr std::string_view kCompleteness[] = {"complete", "partial"};

/// Every broken rule, located through fw.places (see Places), in file order. `fw`
/// must be indexed (Framework::index). Rules: the header has an id (a slug
/// starting with a letter) and a title; a plausible year; status and completeness
/// from their closed sets, and a completeness_note when partial; scale level ids
/// are slugs, each once; no items is a warning (no-items); items no deeper than kMaxItemDepth,
/// each with a code (a valid one, used once) and a name, a slug for a type, level
/// headings only for levels of the scale; aliases are slugs, neither another
/// item's code nor another item's alias; profile ids are slugs, each once; a
/// profile requires at least one item, each a known code or alias (twice is a
/// warning), and sets a level of the scale if any.
Diagnostics check_framework(const Framework& fw);

/// Profile requirements as item codes: aliases resolved, each item once, unknown
/// ones dropped. For a reader after check_framework found no errors.
void resolve_requirements(Framework& fw);

}  // namespace leadctl
