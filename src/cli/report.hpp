// `leadctl report`'s options, shared by a cohort run (report.cpp) and the
// combining of shard reports (report_combine.cpp).
#pragma once

#include "cli/assessment_options.hpp"
#include "cli/context.hpp"
#include "core/report/cohort.hpp"

#include <string>
#include <vector>

namespace leadctl::cli {

struct ReportOptions {
    std::vector<std::string> paths;  ///< logs or folders; "-" reads paths from standard input
    AssessmentOptions assessment;    ///< --framework, --target (one profile for everyone), --as-of, --policy
    std::string format = "text";     ///< --format: text, csv, json, markdown or html
    std::string output;              ///< --output
    std::string per_person;          ///< --per-person: a folder for each person's full report
    std::string per_person_format;   ///< --per-person-format: text, markdown, json or html
    unsigned jobs = 0;               ///< --jobs: logs assessed at once, 1 to 1024; 0 when not given (one per core)
    double at_risk_below = 0.5;      ///< --at-risk-below: coverage under which a person is listed as at risk
    bool quiet = false;              ///< --quiet: no progress bar
    bool combine = false;            ///< --combine: the paths are leadctl.cohort/2 JSON reports of shards
};

/// Problems, in row order: the logs that could not be assessed, people in two
/// logs, and the warnings counted.
void print_problems(const CohortReport& c, Context& ctx);

/// --combine: the shards' reports merged and written in --format; the exit code.
int run_report_combine(const ReportOptions& o, Context& ctx);

}  // namespace leadctl::cli
