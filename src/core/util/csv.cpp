#include "core/util/csv.hpp"

namespace leadctl::csv {

std::string field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += field(fields[i]);
    }
    out += "\r\n";
    return out;
}

namespace {

/// A value a spreadsheet would read as a formula once its leading apostrophes are gone.
bool formula_after_apostrophes(std::string_view value) {
    const auto first = value.find_first_not_of('\'');
    return first != std::string_view::npos && std::string_view("=+-@\t\r").find(value[first]) != std::string_view::npos;
}

}  // namespace

std::string spreadsheet_safe(std::string_view value) {
    if (formula_after_apostrophes(value)) return "'" + std::string(value);
    return std::string(value);
}

std::string spreadsheet_unsafe(std::string_view value) {
    if (value.starts_with('\'') && formula_after_apostrophes(value)) return std::string(value.substr(1));
    return std::string(value);
}

std::string tsv_field(std::string_view value) {
    std::string out(value);
    for (auto& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

}  // namespace leadctl::csv
