// Writing CSV (RFC 4180) and TSV fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadctl::csv {

/// One field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
std::string field(std::string_view value);
/// A record: fields joined by commas, ended by CRLF as RFC 4180 says.
std::string record(const std::vector<std::string>& fields);

/// A TSV field: tabs and line breaks become spaces (TSV has no quoting).
std::string tsv_field(std::string_view value);

}  // namespace leadctl::csv
