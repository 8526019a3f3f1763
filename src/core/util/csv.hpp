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

/// The one formula neutraliser: every CSV or TSV writer passes each text from a user's
/// file through it. A value that begins with '=', '+', '-', '@', a tab or a carriage
/// return, after any apostrophes, gets one more leading apostrophe (OWASP's advice
/// against CSV injection), so a spreadsheet shows it as text. Because a value that
/// already begins with apostrophes before such a character gets one more too,
/// spreadsheet_unsafe undoes it exactly: our readers of our own CSV round-trip.
std::string spreadsheet_safe(std::string_view value);
/// The inverse of spreadsheet_safe: drops the one apostrophe it added, leaves any other
/// value unchanged.
std::string spreadsheet_unsafe(std::string_view value);

/// A TSV field: tabs and line breaks become spaces (TSV has no quoting).
std::string tsv_field(std::string_view value);

}  // namespace leadctl::csv
