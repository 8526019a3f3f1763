// `leadctl frameworks`: the command group for browsing and checking frameworks.
#include "cli/commands.hpp"

namespace leadctl::cli {

void setup_frameworks(CLI::App& app, Context& ctx, CommandResult& result) {
    auto* group = app.add_subcommand("frameworks", "List, show and validate competency frameworks");
    group->require_subcommand(1);
    group->fallthrough();
    group->footer(R"(Examples:
  leadctl frameworks list
  leadctl frameworks show fmlm --depth 1
  leadctl frameworks show mlcf:2.4
  leadctl frameworks validate my-framework.yaml

The framework file format is described in leadctl-framework(5).)");
    setup_frameworks_list(*group, ctx, result);
    setup_frameworks_show(*group, ctx, result);
    setup_frameworks_validate(*group, ctx, result);
}

}  // namespace leadctl::cli
