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
    } catch (const nlohmann::ordered_json::out_of_range& e) {
        // A number too large for a double (1e999, a 400-digit integer). nlohmann names
        // it ("number overflow parsing '1e999'") but gives no position: place it at the
        // first occurrence of that number, and quote at most 24 bytes of it.
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        const std::string number =
            open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
        const auto at = number.empty() ? std::string_view::npos : text.find(number);
        const auto lc = text::line_column_at(text, at == std::string_view::npos ? 0 : at);
        const std::string shown = number.size() > 24 ? number.substr(0, 24) + "..." : number;
        out.value = nullptr;
        out.error = Diagnostic{Severity::error,
                               "json-syntax",
                               "JSON number " + shown + " is out of range (too large for a double)",
                               {file, lc.line, lc.column}};
    }
    return out;
}

}  // namespace leadctl
