// `leadctl evidence`: the command group for evidence logs.
#include "cli/commands.hpp"

namespace leadctl::cli {

void setup_evidence(CLI::App& app, Context& ctx, CommandResult& result) {
    auto* group = app.add_subcommand("evidence", "Start, validate, summarise and add to evidence logs");
    group->require_subcommand(1);
    group->fallthrough();
    group->footer(R"(Examples:
  leadctl evidence validate examples/logs/foundation-f2.yaml
  leadctl evidence stats examples/cohort/
  leadctl evidence init my-log.yaml --id fy-0387 --name "Callum Adeyemi" --stage F2
  leadctl evidence add my-log.yaml --type audit --title "Re-audit of VTE prophylaxis" --tag mlcf:4.1

Evidence logs are YAML, CSV or JSON Lines; the format is described in
leadctl-evidence(5).)");
    setup_evidence_init(*group, ctx, result);
    setup_evidence_validate(*group, ctx, result);
    setup_evidence_stats(*group, ctx, result);
    setup_evidence_add(*group, ctx, result);
}

}  // namespace leadctl::cli
