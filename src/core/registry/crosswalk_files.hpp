// `map --check`: crosswalk files read and checked against the frameworks of the
// search path, every problem reported (not only the first), none thrown.
#pragma once

#include "core/registry/registry.hpp"
#include "core/util/diagnostic.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace leadctl {

struct CrosswalkCheck {
    Diagnostics diagnostics;     ///< sorted by file, line, column
    std::size_t checked = 0;     ///< files looked at
    std::size_t unreadable = 0;  ///< of those, files that could not be read at all
};

/// Check each file of `paths`; with no paths, every crosswalk on `registry`'s
/// search path (the bundled ones included, and files there that could not be
/// read as crosswalks). A file that is not a crosswalk (no "mappings") is an
/// error naming the command that checks frameworks.
CrosswalkCheck check_crosswalk_files(const std::vector<std::string>& paths, Registry& registry);

}  // namespace leadctl
