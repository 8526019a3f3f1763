// Appending one entry to the text of an evidence log (`leadctl evidence add`):
// every byte already there is kept (comments, quoting, line ends), the entry is
// added in the log's own format, and the result is checked as `evidence validate`
// would check it. Pure functions on text; reading and writing files is the
// caller's job.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_check.hpp"
#include "core/util/diagnostic.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// The fields of a new entry, as given; an empty string or list means "not given".
struct NewEntry {
    std::string id;  ///< "" = made from the date and title (make_id)
    std::string date;
    std::string type;
    std::string title;
    std::string description;
    std::string reflection;
    std::vector<std::string> competencies;
    std::string level;
    std::string role;
    std::string signed_off_by;
    std::string signed_off_date;
    bool showcase = false;
    std::vector<std::string> attachments;
};

/// An id for an entry: DATE-SLUG (the title slugified, cut to at most 32
/// characters, at a hyphen when there is one after the ninth), or DATE when the
/// title gives no slug; "-2", "-3"... is added while the id is in `taken`.
std::string make_id(std::string_view date, std::string_view title, const std::set<std::string>& taken);

enum class AppendStatus {
    appended,    ///< `text` is the log with the entry
    not_text,    ///< NUL bytes or invalid UTF-8 (diagnostics: where)
    unreadable,  ///< not readable as an evidence log (diagnostics: the first problem that stops reading)
    refused,     ///< readable, but its shape cannot take an entry (diagnostics: why)
    lossy,       ///< a value given has no place in the log (a CSV without its column); diagnostics: each
};

struct Appended {
    AppendStatus status = AppendStatus::appended;
    std::string id;  ///< the entry's id, as given or made
    std::string text;
    int first_line = 0;  ///< the entry's lines in `text`: first_line..last_line
    int last_line = 0;
    Diagnostics diagnostics;
};

/// `log` (the text of the log named `file`, in `format`) with `entry` appended:
/// YAML as a block mapping at the end of the "entries" list, in the list's own
/// indentation; CSV as a row in the order of the header's columns (a value given
/// with no column refuses the entry: status lossy), ending as the header row ends; JSON Lines as one
/// line. A log without a final line break gets one first.
Appended append_entry(std::string_view log, const std::string& file, LogFormat format, const NewEntry& entry);

/// The problems `evidence validate` finds at the new entry's lines of `appended`
/// (status appended), sorted. Privacy findings are errors here: patient-identifiable
/// data must never be written into a log.
Diagnostics check_appended(const Appended& appended, const std::string& file, LogFormat format,
                           const FrameworkLookup& lookup, const EvidenceCheckOptions& options);

}  // namespace leadctl
