// `leadctl convert IN --to FORMAT` (being written).
#include "cli/commands.hpp"

namespace leadctl::cli {

void setup_convert(CLI::App& /*app*/, Context& /*ctx*/, CommandResult& /*result*/) {}

}  // namespace leadctl::cli
