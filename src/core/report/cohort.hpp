// A cohort report: one small row per person (their assessment summarised, the
// full assessment dropped), then the cohort's tallies. Rows are what `leadctl
// report` keeps in memory while it works, so they hold counts and statuses only.
#pragma once

#include "core/assess/assess_log.hpp"
#include "core/util/file_name.hpp"

#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

namespace leadctl {

inline constexpr std::string_view kCohortSchema = "leadctl.cohort/2";

struct CohortCell {
    ItemStatus status = ItemStatus::not_required;
    std::uint16_t entries = 0;  ///< entries counted toward the item (at most 65,535)
};

/// Who a row is about: the log's person without the source location (rows are
/// kept for the whole run, so they carry nothing they do not print).
struct RowPerson {
    std::string id;
    std::string name;
    std::string stage;
    std::string programme;
};

struct CohortRow {
    FileName path;     ///< interned: the reader's diagnostics name the same string
    RowPerson person;  ///< as far as the log gave it
    bool ok = false;
    std::string failure;               ///< one line, when !ok
    bool no_profile = false;           ///< !ok because no profile could be chosen from the person's stage
    std::vector<Diagnostic> problems;  ///< the log's errors (at most kMaxProblemsKept), when !ok
    std::uint32_t errors = 0;          ///< all of them
    std::uint32_t warnings = 0;
    std::vector<Diagnostic> privacy;  ///< the log's privacy findings (at most kMaxProblemsKept; messages masked)
    std::uint32_t privacy_count = 0;  ///< all of them
    std::uint32_t entries = 0;
    std::string profile;
    int assessed = 0, met = 0, partial = 0, gap = 0;
    double coverage = 0;
    std::vector<CohortCell> items;  ///< per framework item (empty when !ok); domains are rolled up from these
    std::string per_person_file;    ///< file name given by assign_file_names, or ""

    /// The cell for the framework item at `index` (asserted in range).
    [[nodiscard]] const CohortCell& at(int index) const {
        assert(index >= 0 && static_cast<std::size_t>(index) < items.size());
        return items[static_cast<std::size_t>(index)];
    }
    [[nodiscard]] CohortCell& at(int index) {
        assert(index >= 0 && static_cast<std::size_t>(index) < items.size());
        return items[static_cast<std::size_t>(index)];
    }
};

/// Errors kept per failed log; the rest are counted.
inline constexpr std::size_t kMaxProblemsKept = 20;

/// Every value of the row that came from a user's file (person, failure, the
/// problems' messages, the per-person file name) through the masker, privacy::redact.
void redact_row(CohortRow& row);

/// The row for one log, from its assess_log result (its values masked).
CohortRow make_row(const std::string& path, const AssessLogResult& r);

struct ItemTally {
    int item = -1;
    int met = 0, partial = 0, gap = 0;
    int assessed = 0;  ///< people for whom the item was required
    [[nodiscard]] int unmet() const { return partial + gap; }
};

struct CohortReport {
    const Framework* framework = nullptr;
    std::string target;  ///< "" when each person's stage chose their profile
    Date as_of;
    Policy policy;
    double at_risk_below = 0.5;
    std::vector<CohortRow> rows;         ///< sorted by person id, then path
    std::vector<int> item_columns;       ///< items required for anyone, framework order
    std::vector<int> domain_columns;     ///< roots rolled up for anyone that are not item columns themselves
    std::vector<ItemTally> tallies;      ///< one per item column
    std::vector<ItemTally> common_gaps;  ///< tallies with unmet > 0, most unmet first (at most 10)
    std::vector<std::size_t> at_risk;    ///< rows below the threshold, lowest coverage first
    int assessed_people = 0;
    int failed = 0;
    std::string per_person_href;  ///< the --per-person folder as the HTML report links to it ("" no links)
};

/// A row's roll-up of a top-level domain (assessed == 0 when none of its items
/// was required, or the row is an error row).
DomainResult row_domain(const Framework& fw, const CohortRow& row, int root);

/// Sort the rows and work out the columns and tallies.
void finish_cohort(CohortReport& c);

/// A file name stem from a person id: letters, digits, '-', '_' and '.' kept,
/// anything else '_', no leading dot, no "..", at most 100 bytes; "person" when
/// nothing is left.
std::string safe_file_stem(std::string_view id);

/// Give each assessed row a file name "<stem><ext>" in row order; a stem already
/// taken (compared ignoring case, for case-insensitive file systems) gets "-2",
/// "-3"... Deterministic for a given set of rows.
void assign_file_names(CohortReport& c, std::string_view ext);

}  // namespace leadctl
