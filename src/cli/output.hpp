// Output helpers shared by subcommands: atomic writes to -o files, and the one way
// diagnostics are reported (text or JSON, with a summary and an exit code).
#pragma once

#include "cli/context.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/format_table.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace leadctl::cli {

/// Write `content` to standard output, or atomically to `path` when it is not
/// empty (a device or FIFO directly). Refuses (UsageError) to overwrite any of
/// `inputs` or of the command's other inputs (ctx.inputs()); a failed write is a
/// UsageError naming the path.
void write_output(Context& ctx, const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs);

/// UsageError when `path` (an output file) is one of `inputs` or of ctx.inputs()
/// (the same file by device and inode: links and other spellings are caught): for
/// commands that check before long work rather than only when writing.
void check_not_an_input(Context& ctx, const std::string& path, const std::vector<std::string>& inputs);

/// `--format` (or `name`) bound to `value`, its allowed values and its help text
/// ("Output format: text (default), json or csv") taken from a family's table,
/// the current `value` marked as the default.
template <typename Writer, std::size_t N>
CLI::Option* add_format_option(CLI::App& cmd, std::string& value, const FormatTable<Writer, N>& table,
                               const std::string& name = "--format", const std::string& help = "") {
    const auto names = format_names(table);
    const auto text = help.empty() ? "Output format: " + describe_formats(names, value) : help;
    return cmd.add_option(name, value, text)->check(CLI::IsMember(names).description(""))->type_name("FORMAT");
}

/// SOURCE_DATE_EPOCH (reproducible-builds.org), when set: the time outputs are
/// stamped with instead of now. A value that is not a whole number of seconds is
/// a UsageError.
std::optional<long long> source_date_epoch(Context& ctx);

/// "Generated on" for a report's footer: the day (UTC) of SOURCE_DATE_EPOCH, or today.
std::string generated_on(Context& ctx);

/// Print diagnostics and a summary ("N files checked: ...") in `format` (text or
/// json, schema leadctl.diagnostics/1). Returns 2 when `unreadable` > 0, 1 on
/// errors (or warnings when strict), else 0. `invalid`: how many files had errors
/// (or warnings when strict), when `all` may not keep every problem (a limit).
int report_diagnostics(Context& ctx, const Diagnostics& all, std::size_t files, const std::string& format, bool strict,
                       std::size_t unreadable, std::optional<std::size_t> invalid = std::nullopt);

}  // namespace leadctl::cli
