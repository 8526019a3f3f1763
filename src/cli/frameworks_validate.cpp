// `leadctl frameworks validate FILE...`: check framework files written by users.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "core/files.hpp"
#include "core/framework_loader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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
    auto& out = ctx.io().out;
    Diagnostics all;
    std::size_t unreadable = 0;
    std::size_t clean = 0;
    for (const auto& path : opt.files) {
        auto read = files::read(path);
        if (!read.text) {
            ++unreadable;
            all.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", read.error));
            continue;
        }
        auto load = load_framework(*read.text, path);
        if (!load.diagnostics.has_errors() && (!opt.strict || load.diagnostics.empty())) ++clean;
        all.append(load.diagnostics);
    }
    const std::size_t errors = all.error_count();
    const std::size_t warnings = all.warning_count();
    if (opt.format == "json") {
        nlohmann::ordered_json j;
        j["schema"] = "leadctl.diagnostics/1";
        auto arr = nlohmann::ordered_json::array();
        for (const auto& d : all.items()) {
            arr.push_back({{"file", d.location.file},
                           {"line", d.location.line},
                           {"column", d.location.column},
                           {"severity", std::string(to_string(d.severity))},
                           {"code", d.code},
                           {"message", d.message}});
        }
        j["diagnostics"] = std::move(arr);
        j["files"] = opt.files.size();
        j["errors"] = errors;
        j["warnings"] = warnings;
        out << j.dump(2) << "\n";
    } else {
        for (const auto& d : all.items()) out << format_diagnostic(d) << "\n";
        out << fmt::format("{} file{} checked: {} valid, {} error{}, {} warning{}\n", opt.files.size(),
                           opt.files.size() == 1 ? "" : "s", clean, errors, errors == 1 ? "" : "s", warnings,
                           warnings == 1 ? "" : "s");
    }
    if (unreadable > 0) return kExitUsage;
    if (errors > 0 || (opt.strict && warnings > 0)) return kExitFindings;
    return kExitOk;
}

}  // namespace

void setup_frameworks_validate(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<ValidateOptions>();
    auto* cmd = parent.add_subcommand("validate", "Check framework files and report every problem found");
    cmd->add_option("files", opt->files, "Framework files (YAML) to check")->required()->type_name("FILE");
    cmd->add_option("--format", opt->format, "Output format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}).description(""))
        ->type_name("FORMAT");
    cmd->add_flag("--strict", opt->strict, "Treat warnings as errors");
    cmd->footer(R"(Each problem is printed as FILE:LINE:COL: error|warning: [CODE] message.
Exit status: 0 no errors, 1 errors found (or warnings with --strict),
2 a file could not be read. The file format is described in leadctl-framework(5).

Example:
  leadctl frameworks validate frameworks/*.yaml)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_validate(*opt, ctx); });
}

}  // namespace leadctl::cli
