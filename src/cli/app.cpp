#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cctype>

#ifndef LEADCTL_VERSION
#define LEADCTL_VERSION "0.0.0"
#endif

namespace leadctl::cli {

const char* version() {
    return LEADCTL_VERSION;
}

namespace {

constexpr const char* kFooter = R"(Examples:
  leadctl frameworks list                 what frameworks are available
  leadctl frameworks show mlcf            the MLCF's domains and elements
  leadctl frameworks show hlm:engaging-the-team
  leadctl frameworks validate my.yaml     check a framework file you wrote
  leadctl map mlcf hlm                    how MLCF items map to HLM dimensions
  leadctl map mlcf:2.4 --to fmlm          one item, with the reasons
  leadctl evidence validate my-log.yaml   check an evidence log
  leadctl assess my-log.yaml --framework mlcf   a gap report
  leadctl report cohort/ --framework mlcf --format csv   a cohort, as a spreadsheet

Environment:
  LEADCTL_PATH   colon-separated framework files or folders, searched after
                 --framework-path and before the bundled frameworks
  NO_COLOR       when set and not empty, no colour (unless --color=always)

Exit status: 0 success, 1 errors found by a check, 2 usage error or unreadable input,
70 internal error (a bug in leadctl), 130 interrupted.
Run 'leadctl COMMAND --help' for a command's options; see leadctl(1).)";

/// The deepest subcommand the user selected, for naming it in error hints.
const CLI::App* selected(const CLI::App& app) {
    for (const auto* sub : app.get_subcommands()) return selected(*sub);
    return &app;
}

std::string command_path(const CLI::App* app) {
    std::string path;
    for (const CLI::App* a = app; a; a = a->get_parent()) {
        path = path.empty() ? a->get_name() : a->get_name() + " " + path;
    }
    return path;
}

/// Help for a (sub)command, with its full path in the usage line.
std::string help_of(const CLI::App* app) {
    std::string h = app->get_parent() ? app->help(command_path(app->get_parent())) : app->help();
    if (!h.empty() && h.back() != '\n') h += '\n';
    return h;
}

}  // namespace

int run(std::vector<std::string> args, Io& io) {
    Context ctx(io);
    CommandResult result;
    CLI::App app{"leadctl: medical leadership competency frameworks (MLCF, HLM, FMLM) from the command line.",
                 "leadctl"};
    app.footer(kFooter);
    app.set_version_flag("--version", std::string("leadctl ") + version(), "Print the version and exit");
    app.set_help_flag("-h,--help", "Print this help and exit");
    app.get_formatter()->column_width(28);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--framework-path", ctx.global().framework_path,
                   "Framework file or folder to search before the bundled ones (repeatable)")
        ->type_name("PATH")
        ->allow_extra_args(false);
    app.add_option("--color", ctx.global().color,
                   "Colour: auto (on a terminal, unless NO_COLOR is set), always or never; default auto")
        ->check(CLI::IsMember({"auto", "always", "never"}).description(""))
        ->type_name("WHEN");

    setup_frameworks(app, ctx, result);
    setup_map(app, ctx, result);
    setup_evidence(app, ctx, result);
    setup_assess(app, ctx, result);
    setup_report(app, ctx, result);
    setup_convert(app, ctx, result);
    setup_diff(app, ctx, result);
    setup_feedback(app, ctx, result);
    setup_completion(app, ctx, result);

    // An unknown word where a command was expected: say so, with a suggestion.
    auto unknown_command = [&]() -> int {
        const CLI::App* where = selected(app);
        std::vector<std::string> names;
        for (const auto* sub : where->get_subcommands({})) names.push_back(sub->get_name());
        for (const auto& word : app.remaining(true)) {
            if (names.empty() || word.empty() || word[0] == '-') continue;
            io.err << fmt::format("leadctl: error: unknown command \"{}\" for '{}'{}\n", text::terminal_safe(word),
                                  command_path(where), text::did_you_mean(word, names))
                   << fmt::format("Run '{} --help' for usage.\n", command_path(where));
            return kExitUsage;
        }
        return -1;
    };

    // An option the command does not have: name it, with a suggestion from the options
    // of the command and of the commands above it (CLI11 alone says only "The following
    // arguments were not expected", or that a required option is missing).
    auto unknown_option = [&]() -> int {
        const CLI::App* where = selected(app);
        std::vector<std::string> names;
        for (const CLI::App* a = where; a != nullptr; a = a->get_parent()) {
            for (const auto* o : a->get_options()) {
                for (const auto& l : o->get_lnames()) names.push_back("--" + l);
                for (const auto& sn : o->get_snames()) names.push_back("-" + sn);
            }
        }
        for (const auto& word : app.remaining(true)) {
            if (word.size() < 2 || word[0] != '-' || std::isdigit(static_cast<unsigned char>(word[1]))) continue;
            const std::string name = word.substr(0, word.find('='));
            io.err << fmt::format("leadctl: error: unknown option \"{}\" for '{}'{}\n", text::terminal_safe(name),
                                  command_path(where), text::did_you_mean(name, names))
                   << fmt::format("Run '{} --help' for usage.\n", command_path(where));
            return kExitUsage;
        }
        return -1;
    };

    // CLI11 takes the words last first; moved, so that a cohort's paths are not held twice.
    std::vector<std::string> reversed(std::make_move_iterator(args.rbegin()), std::make_move_iterator(args.rend()));
    std::vector<std::string>().swap(args);
    try {
        try {
            app.parse(reversed);
        } catch (const CLI::CallForHelp&) {
            io.out << help_of(selected(app));
            return kExitOk;
        } catch (const CLI::CallForAllHelp&) {
            io.out << app.help("", CLI::AppFormatMode::All);
            return kExitOk;
        } catch (const CLI::CallForVersion& v) {
            io.out << v.what() << "\n";
            return kExitOk;
        } catch (const CLI::RequiredError&) {
            if (int rc = unknown_option(); rc >= 0) return rc;
            if (int rc = unknown_command(); rc >= 0) return rc;
            const CLI::App* where = selected(app);
            if (!where->get_subcommands({}).empty() && where->get_subcommands().empty()) {
                // A command group with no command: show what there is to run.
                io.err << help_of(where);
                return kExitUsage;
            }
            throw;
        } catch (const CLI::ExtrasError&) {
            if (int rc = unknown_option(); rc >= 0) return rc;
            if (int rc = unknown_command(); rc >= 0) return rc;
            throw;
        }
        return result.exit_code;
    } catch (const CLI::ParseError& e) {
        io.err << "leadctl: error: " << text::terminal_safe(e.what()) << "\n"
               << fmt::format("Run '{} --help' for usage.\n", command_path(selected(app)));
        return kExitUsage;
    } catch (const UsageError& e) {
        io.err << "leadctl: error: " << text::terminal_safe(e.what()) << "\n";
        return kExitUsage;
    } catch (const std::bad_alloc&) {
        io.err << "leadctl: error: out of memory\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        io.err << "leadctl: internal error: " << text::terminal_safe(e.what()) << "\n"
               << "This is a bug in leadctl; please report it with the command you ran.\n";
        return kExitInternal;
    }
}

}  // namespace leadctl::cli
