// What the evidence subcommands share: reading a log file (encoding check,
// format detection, streaming read, framework checks, privacy) and --as-of.
#pragma once

#include "cli/context.hpp"
#include "core/date.hpp"
#include "core/evidence.hpp"
#include "core/evidence_check.hpp"

#include <functional>
#include <string>
#include <vector>

namespace leadctl::cli {

/// Today's local date, or --as-of.
Date as_of_date(const std::string& as_of);

struct LogReadOptions {
    Date as_of;
    bool privacy = true;
    std::string format;  ///< "", yaml, csv or jsonl: overrides detection
};

struct LogReadResult {
    bool readable = false;  ///< false when the file could not be opened (reported)
    LogFormat format = LogFormat::yaml;
    std::size_t entries = 0;
};

/// Files named, and the logs (.yaml, .yml, .csv, .jsonl, .ndjson, any case) found in folders named,
/// searched recursively, each folder's files sorted. Missing paths are a UsageError.
std::vector<std::string> collect_logs(const std::vector<std::string>& paths);

/// Read and check one log, passing each entry (after checks) to `on_entry` and
/// the person to `on_person`. Every problem goes to `diags`.
LogReadResult read_log(Context& ctx, const std::string& path, const LogReadOptions& opt, Diagnostics& diags,
                       const std::function<void(const Person&)>& on_person,
                       const std::function<void(const Entry&, const EvidenceChecker&)>& on_entry);

}  // namespace leadctl::cli
