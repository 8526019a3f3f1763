// Name-based (version 5, SHA-1) UUIDs, as RFC 9562 defines them, and a check for
// the lowercase form that CASE identifiers must have. The SHA-1 work is done by
// libuuid (util-linux, Debian's uuid-dev), not by code of our own.
#pragma once

#include <string>
#include <string_view>

namespace leadctl {

/// A UUID in its canonical text form: 36 characters, lowercase hex, four hyphens.
bool is_uuid(std::string_view s);

/// True when `s` is a lowercase UUID whose variant is RFC 9562's (the 17th hex
/// digit is 8, 9, a or b): the pattern of CASE 1.1 identifiers.
bool is_case_uuid(std::string_view s);

/// The version 5 UUID of `name` in `ns` (a UUID in text form), lowercase.
/// Throws std::invalid_argument when `ns` is not a UUID.
std::string uuid5(std::string_view ns, std::string_view name);

/// The namespace of the identifiers leadctl derives for CASE packages:
/// uuid5(the URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8,
///       "https://leadctl.invalid/ns/case").
inline constexpr std::string_view kCaseNamespace = "09703e1b-9b32-5ca5-88ca-249c1f1672ca";

}  // namespace leadctl
