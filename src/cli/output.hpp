// Output helpers shared by subcommands: atomic writes to -o files, and the one way
// diagnostics are reported (text or JSON, with a summary and an exit code).
#pragma once

#include "cli/context.hpp"
#include "core/util/diagnostic.hpp"

#include <string>
#include <vector>

namespace leadctl::cli {

/// Write `content` to standard output, or atomically to `path` when it is not
/// empty. Refuses (UsageError) to overwrite any of `inputs`.
void write_output(Context& ctx, const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs);

/// UsageError when `path` (an output file) is one of `inputs`: for commands that
/// check before long work rather than only when writing.
void check_not_an_input(const std::string& path, const std::vector<std::string>& inputs);

/// Print diagnostics and a summary ("N files checked: ...") in `format` (text or
/// json, schema leadctl.diagnostics/1). Returns 2 when `unreadable` > 0, 1 on
/// errors (or warnings when strict), else 0.
int report_diagnostics(Context& ctx, const Diagnostics& all, std::size_t files, const std::string& format, bool strict,
                       std::size_t unreadable);

}  // namespace leadctl::cli
