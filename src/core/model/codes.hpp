// Item codes (leadctl-framework(5)): the rule every loader and importer shares,
// and how an importer makes a code from another format's label (a Moodle ID
// number, a CASE humanCodingScheme) that is not a valid code.
#pragma once

#include "core/model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

inline constexpr std::size_t kMaxCode = 64;

/// 1 to 64 ASCII letters, digits, '.', '-' and '_', starting with a letter or digit.
bool is_valid_code(std::string_view c);

/// A code made from a label, before clashes are resolved: the label itself when it
/// is a valid code; otherwise every other byte written _XX (hex: "A,1" -> "A_2C1"),
/// "id" put in front when that does not start with a letter or digit, cut to 56
/// characters (room for a "-N" clash suffix).
std::string code_base(std::string_view label);

/// True when `code` is what an importer made of `label`: code_base(label), or
/// that and "-N".
bool code_made_from(std::string_view code, std::string_view label);

/// Codes for a list of labels, unique: labels that are valid codes keep them (the
/// first of equal labels wins), every other one gets code_base and, if that is
/// taken, "-2", "-3" ...
std::vector<std::string> codes_for(const std::vector<std::string>& labels);

/// The value of an x: key, or nullptr.
const std::string* find_extra(const Extra& x, std::string_view key);

}  // namespace leadctl
