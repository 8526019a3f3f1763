// `leadctl frameworks validate FILE...`: check framework files written by users.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/model/framework_loader.hpp"
#include "core/model/opportunity.hpp"
#include "core/util/files.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

namespace {

struct ValidateOptions {
    /// framework files to check
    std::vector<std::string> files;
    /// --format: text or json
    std::string format = "text";
    /// --strict: warnings fail too
    bool strict = false;
};

int run_validate(const ValidateOptions& opt, Context& ctx) {
    Diagnostics all;
    std::size_t unreadable = 0;
    for (const auto& path : opt.files) {
        auto read = files::read(path);
        if (!read.text) {
            ++unreadable;
            all.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", read.error));
            continue;
        }
        // One parse says what the file is: a framework, or an opportunity catalogue
        // (whose references are checked against the frameworks known).
        auto doc = yaml::parse(*read.text, path);
        Diagnostics found = std::move(doc.diagnostics);
        if (doc.root && is_opportunity_catalogue(*doc.root)) {
            found.append(load_opportunities(*doc.root, path, registry_source(ctx).lookup).diagnostics);
        } else if (doc.root) {
            found.append(load_framework(*doc.root, path).diagnostics);
        }
        found.sort();
        all.append(found);
    }
    return report_diagnostics(ctx, all, opt.files.size(), opt.format, opt.strict, unreadable);
}

}  // namespace

void setup_frameworks_validate(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ValidateOptions>();
    auto* cmd = parent.add_subcommand("validate", "Check framework files and report every problem found");
    cmd->add_option("files", opt->files, "Framework files or opportunity catalogues (YAML) to check")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--format", opt->format, "Output format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}).description(""))
        ->type_name("FORMAT");
    cmd->add_flag("--strict", opt->strict, "Treat warnings as errors");
    cmd->footer(R"(Each problem is printed as FILE:LINE:COL: error|warning: [CODE] message.
Exit status: 0 no errors, 1 errors found (or warnings with --strict),
2 a file could not be read. The file format is described in leadctl-framework(5);
a file with a top-level "opportunities" list is checked as an opportunity
catalogue (leadctl-policy(5)), its references against the frameworks known.

Example:
  leadctl frameworks validate frameworks/*.yaml)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_validate(*opt, ctx); });
}

}  // namespace leadctl::cli
