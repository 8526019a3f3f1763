// The one testable entry point of the command-line tool.
#pragma once

#include "cli/context.hpp"

#include <string>
#include <vector>

namespace leadctl::cli {

/// Run leadctl with `args` (without the program name). Holds the only top-level
/// try/catch: every error becomes "leadctl: error: ..." on io.err and an exit code.
int run(std::vector<std::string> args, Io& io);

/// "0.1.0"
const char* version();

}  // namespace leadctl::cli
