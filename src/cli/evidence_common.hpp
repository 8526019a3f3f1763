// What the evidence subcommands share: reading a log file (encoding check,
// format detection, streaming read, framework checks, privacy) and --as-of.
#pragma once

#include "cli/context.hpp"
#include "core/assess/assess.hpp"
#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_check.hpp"
#include "core/evidence/evidence_file.hpp"
#include "core/util/date.hpp"

#include <functional>
#include <string>
#include <vector>

namespace leadctl::cli {

/// Read --policy FILE into `policy` (untouched when `path` is empty). Problems are
/// printed; false when the file has errors. An unreadable file is a UsageError.
bool load_policy_option(Context& ctx, const std::string& path, Policy& policy);

/// Today's local date, or --as-of.
Date as_of_date(const std::string& as_of);

/// leadctl::collect_logs (core/evidence/log_files.hpp), a missing path being a UsageError.
std::vector<std::string> collect_logs(std::vector<std::string> paths, std::optional<LogFormat> only = std::nullopt);

/// The registry's frameworks as a FrameworkSource, each parsed on first lookup:
/// the lookup changes the registry, so it is for the calling thread only. Work
/// spread over threads reads an immutable CohortSnapshot instead (`report`).
FrameworkSource registry_source(Context& ctx);

/// read_log_file with the registry's frameworks.
LogReadResult read_log(Context& ctx, const std::string& path, const LogReadOptions& opt, Diagnostics& diags,
                       const std::function<void(const Person&)>& on_person,
                       const std::function<void(const Entry&, const EvidenceChecker&)>& on_entry);

}  // namespace leadctl::cli
