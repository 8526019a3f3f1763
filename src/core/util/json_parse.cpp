#include "core/util/json_parse.hpp"

#include "core/util/text.hpp"

#include <algorithm>

namespace leadctl {

JsonParse parse_json(std::string_view text, const std::string& file) {
    JsonParse out;
    try {
        out.value = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::ordered_json::parse_error& e) {
        const auto offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        const auto lc = text::line_column_at(text, offset);
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 2, column 14: syntax error while parsing ..."
        if (auto p = what.find(": syntax error"); p != std::string::npos) what = what.substr(p + 2);
        out.error = Diagnostic{Severity::error, "json-syntax", "JSON " + what, {file, lc.line, lc.column}};
    }
    return out;
}

}  // namespace leadctl
