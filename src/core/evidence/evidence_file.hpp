// Reading one evidence log file and checking it against the frameworks, in one
// pass over its bytes (files::CheckedInput: encoding checked as they arrive, so a
// pipe or FIFO reads like a file): format detection from the first bytes, a
// streaming read (each entry is passed on and dropped), and privacy findings
// placed at their exact line and column. Shared by `evidence`, `assess` and `report`.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_check.hpp"
#include "core/util/date.hpp"
#include "core/util/diagnostic.hpp"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace leadctl {

/// A log this broken is not worth reading to the end.
inline constexpr std::size_t kMaxProblemsPerLog = 1000;
/// Problems kept over all the logs of one run (evidence validate of many logs);
/// the rest are counted. Limits of ours, so that output and memory stay bounded.
inline constexpr std::size_t kMaxProblemsPerRun = 10'000;

struct LogReadOptions {
    Date as_of;
    bool privacy = true;
    std::string format;  ///< "", yaml, csv or jsonl: overrides detection
    /// Checked between entries: when it becomes true the read stops (cancelled).
    const std::atomic<bool>* cancel = nullptr;
};

struct LogReadResult {
    bool readable = false;  ///< false when the file could not be opened (reported)
    bool cancelled = false;
    LogFormat format = LogFormat::yaml;
    std::size_t entries = 0;
    std::vector<FeedbackRef> feedback;  ///< the rounds the log lists, as written
};

/// Where the frameworks come from: a lookup (must be safe to call from the
/// reading thread) and the known ids, for suggestions.
struct FrameworkSource {
    FrameworkLookup lookup;
    std::vector<std::string> ids;
};

/// Read and check one log, passing the person to `on_person` and each entry
/// (after checks, valid only during the call) to `on_entry`. Every problem goes
/// to `diags`.
LogReadResult read_log_file(const std::string& path, const LogReadOptions& opt, const FrameworkSource& frameworks,
                            Diagnostics& diags, const std::function<void(const Person&)>& on_person,
                            const std::function<void(const Entry&, const EvidenceChecker&)>& on_entry);

}  // namespace leadctl
