// Reads a leadctl framework file (format: leadctl-framework(5)) into the model,
// reporting every problem found rather than stopping at the first: the shape of
// the file here, the rules of the model by check_framework.
#pragma once

#include "core/model/framework_check.hpp"
#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace leadctl {

struct FrameworkLoad {
    std::optional<Framework> framework;  ///< set only when there were no errors
    Diagnostics diagnostics;             ///< errors and warnings, in file order
};

/// Parse and check framework text. `file` names it in diagnostics.
FrameworkLoad load_framework(std::string_view text, const std::string& file);

/// Check an already parsed YAML tree (used by tools that parse once).
FrameworkLoad load_framework(const yaml::Node& root, const std::string& file);

}  // namespace leadctl
