// Starting an evidence log (`leadctl evidence init`): the text of a log with the
// person and no entries, in one of the three forms, checked by reading it back as
// `evidence validate` would. A pure function on values; writing the file is the
// caller's job.
#pragma once

#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_check.hpp"
#include "core/util/diagnostic.hpp"

#include <span>
#include <string>

namespace leadctl {

/// The person's keys as given; an empty string means "not given".
struct NewPerson {
    std::string id;
    std::string name;
    std::string stage;
    std::string programme;
    std::string ltft;  ///< as written ("0.8")
};

struct NewLog {
    std::string text;  ///< empty when diagnostics has errors
    Diagnostics diagnostics;
};

/// A new log in `format` holding `person` and no entries:
/// - YAML: a comment, the `person` mapping and `entries: []` (id and name required);
/// - JSON Lines: the one `{"person": {...}}` line (id and name required: an empty
///   JSON Lines file is not a log);
/// - CSV: the header row with every column of csv_log_columns(); a CSV log keeps the
///   person on its entry rows, so giving any of the person's keys is an error.
/// Problems have no file location (they are about the values given, named by their
/// keys). A stage that is neither a career stage word nor one of `profile_ids` is a
/// warning (`unknown-stage`, with the closest word); what the reader or the privacy
/// check (`options.privacy`; an error here, as in `evidence add`) finds in the result
/// is an error. `file` names the log in those messages.
NewLog new_log(const NewPerson& person, LogFormat format, const std::string& file,
               std::span<const std::string> profile_ids, const EvidenceCheckOptions& options);

}  // namespace leadctl
