// One setup function per subcommand. Each binds its options to a plain struct and
// installs a callback that calls the core and a renderer, and stores the command's
// exit code in the CommandResult that run() returns.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>

namespace leadctl::cli {

/// Where a subcommand stores its exit code for run() to return.
struct CommandResult {
    int exit_code = 0;
};

void setup_frameworks(CLI::App& app, Context& ctx, CommandResult& result);
void setup_frameworks_list(CLI::App& parent, Context& ctx, CommandResult& result);
void setup_frameworks_show(CLI::App& parent, Context& ctx, CommandResult& result);
void setup_frameworks_validate(CLI::App& parent, Context& ctx, CommandResult& result);
void setup_map(CLI::App& app, Context& ctx, CommandResult& result);
void setup_evidence(CLI::App& app, Context& ctx, CommandResult& result);
void setup_assess(CLI::App& app, Context& ctx, CommandResult& result);
void setup_report(CLI::App& app, Context& ctx, CommandResult& result);
void setup_convert(CLI::App& app, Context& ctx, CommandResult& result);
void setup_diff(CLI::App& app, Context& ctx, CommandResult& result);
void setup_feedback(CLI::App& app, Context& ctx, CommandResult& result);
void setup_completion(CLI::App& app, Context& ctx, CommandResult& result);
void setup_evidence_validate(CLI::App& parent, Context& ctx, CommandResult& result);
void setup_evidence_stats(CLI::App& parent, Context& ctx, CommandResult& result);
void setup_evidence_add(CLI::App& parent, Context& ctx, CommandResult& result);
void setup_evidence_init(CLI::App& parent, Context& ctx, CommandResult& result);

}  // namespace leadctl::cli
