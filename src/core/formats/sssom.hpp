// SSSOM (Simple Standard for Sharing Ontological Mappings) TSV: export the direct
// mappings between two frameworks, and import a mapping set as a leadctl crosswalk.
// Export then import gives the same crosswalk: ids, labels aside, every mapping
// field, the unmapped items (as sssom:NoTermFound rows) and the header.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/crosswalk/crosswalk_index.hpp"
#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace leadctl {

/// The stored (direct) mappings between `a` and `b`, oriented a→b, as SSSOM TSV.
std::string export_sssom(const CrosswalkIndex& index, const Framework& a, const Framework& b);

struct SssomImport {
    std::optional<Crosswalk> crosswalk;  ///< set when there were no errors
    Diagnostics diagnostics;             ///< errors, and warnings naming what could not be kept
    Crosswalk partial;                   ///< the rows that could be read, for further checks
};

SssomImport import_sssom(std::string_view text, const std::string& file);

/// A crosswalk as a leadctl crosswalk file (leadctl-crosswalk(5)).
std::string render_crosswalk_yaml(const Crosswalk& cw);

}  // namespace leadctl
