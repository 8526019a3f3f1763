// `leadctl diff OLD NEW` (being written).
#include "cli/commands.hpp"

namespace leadctl::cli {

void setup_diff(CLI::App& /*app*/, Context& /*ctx*/, CommandResult& /*result*/) {}

}  // namespace leadctl::cli
