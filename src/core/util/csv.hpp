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

/// A cell that a spreadsheet cannot take for a formula: values beginning with
/// '=', '+', '-', '@', a tab or a carriage return get a leading apostrophe
/// (OWASP's advice against CSV injection). Use for text from users' files.
std::string spreadsheet_safe(std::string_view value);

/// A TSV field: tabs and line breaks become spaces (TSV has no quoting).
std::string tsv_field(std::string_view value);

}  // namespace leadctl::csv
