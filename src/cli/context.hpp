// What every subcommand gets: the output streams, the environment, the global
// options and (built on first use) the framework registry.
#pragma once

#include "core/registry/framework_input.hpp"
#include "core/registry/registry.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/table.hpp"

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace leadctl::cli {

/// The process's view of the outside world, injectable for in-process tests.
struct Io {
    std::ostream& out;
    std::ostream& err;
    bool out_is_terminal = false;
    bool err_is_terminal = false;
    std::size_t terminal_width = 80;  ///< progress bar, `frameworks show` and `diff` prose
    std::function<std::optional<std::string>(const std::string&)> getenv;
    std::istream* in = nullptr;  ///< standard input, for "-" arguments
    /// Columns stdout's text output is fitted to, 0 for unlimited (cli/terminal_width.hpp).
    std::size_t output_width = 0;
};

struct GlobalOptions {
    /// --framework-path: extra framework files or folders, searched before LEADCTL_PATH and the bundled ones
    std::vector<std::string> framework_path;
    /// --color: auto, always or never
    std::string color = "auto";
};

/// Thrown for problems the user can fix on the command line; reported as
/// "leadctl: error: ..." with exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Context {
public:
    explicit Context(Io& io) : io_(io) {}

    Io& io() { return io_; }
    GlobalOptions& global() { return global_; }

    /// Colour for stdout: --color, then NO_COLOR, then whether stdout is a terminal;
    /// the width to fit is io().output_width.
    [[nodiscard]] Style out_style() const;
    [[nodiscard]] Style err_style() const;

    /// The framework registry (search path + bundled), built on first call.
    /// Bad user files on the path are reported on stderr as warnings and skipped.
    Registry& registry();
    /// The framework with this id, or a UsageError naming the known ids.
    std::shared_ptr<const Framework> framework(const std::string& id);
    /// A framework named on the command line (an id or a file in any format), read
    /// by the core with its problems printed; a missing or unreadable one is a UsageError.
    FrameworkInput read_framework(const std::string& spec, const FrameworkReadOptions& options);

    void warn(const std::string& message);
    void print_diagnostic(const Diagnostic& d);

    /// Remember a file this command reads (a policy, a framework file), so that no
    /// output (-o, --per-person) may overwrite it.
    void note_input(const std::string& path);
    /// Every file the command reads besides those it names itself: the noted ones,
    /// and the files of the search path (--framework-path, LEADCTL_PATH).
    [[nodiscard]] std::vector<std::string> inputs() const;

private:
    /// --framework-path entries, then LEADCTL_PATH's.
    [[nodiscard]] std::vector<std::string> search_path() const;

    Io& io_;
    GlobalOptions global_;
    std::vector<std::string> inputs_;
    std::unique_ptr<Registry> registry_;
};

}  // namespace leadctl::cli
