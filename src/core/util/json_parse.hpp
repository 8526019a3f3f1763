// Parsing a JSON document once, its syntax error located (file, line, column):
// the one place JSON text becomes a value, for every reader of JSON files.
#pragma once

#include "core/util/diagnostic.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace leadctl {

struct JsonParse {
    nlohmann::ordered_json value;     ///< as written (keys in file order); null on an error
    std::optional<Diagnostic> error;  ///< json-syntax, at the line and column in `file`
};

JsonParse parse_json(std::string_view text, const std::string& file);

}  // namespace leadctl
