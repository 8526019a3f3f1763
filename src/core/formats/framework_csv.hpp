// A framework as a flat CSV table for analysts and spreadsheets: one row per
// item, in the framework's order (every parent before its children), with the
// columns
//   code, parent, depth, type, name, description, aliases, outcomes, notes,
//   level:<id> (one per level of the scale: the item's level heading)
// Aliases are joined with ';', outcomes with line breaks (in one quoted cell).
// A cell that begins with '=', '+', '-', '@', a tab, a carriage return or an
// apostrophe gets one more leading apostrophe, so that a spreadsheet shows it
// as text; reading removes one leading apostrophe, so the round trip is exact.
// The table holds items only: the framework's header (title, edition, status,
// sources...), the scale's names and descriptions and the profiles are not in
// it: writing a table reports them as lost; reading one gives a framework with
// the id from the caller, status draft and completeness partial.
#pragma once

#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

std::string export_framework_csv(const Framework& fw);

struct FrameworkCsvImport {
    std::optional<Framework> framework;  ///< set when there were no errors
    Diagnostics diagnostics;             ///< with the line and column of the cell at fault
};

/// Read a table written by export_framework_csv (or by hand: only "code" and
/// "name" are required; rows may come in any order, parents are found by
/// code). `id` becomes the framework's id (and title).
FrameworkCsvImport import_framework_csv(std::string_view text, const std::string& file, const std::string& id);

}  // namespace leadctl
