// Closed sets of output formats, one table per command family.
//
// A family (gap reports, cohort reports, map results, diffs, framework views,
// evidence statistics) lists its formats once, in the order its --help shows
// them: the name given on the command line, the extension of a file written in
// that format, and the function that writes it. The CLI takes the option's
// allowed values and help text from the table, dispatches through it, and
// `report --per-person` names files by it, so adding a format is one row.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

template <typename Writer>
struct FormatEntry {
    std::string_view name;       ///< as given to --format
    std::string_view extension;  ///< of a file in this format, with the dot
    Writer write;                ///< the family's writer; nullptr when the command writes it itself
};

template <typename Writer, std::size_t N>
using FormatTable = std::array<FormatEntry<Writer>, N>;

/// The entry named `name`, or nullptr.
template <typename Writer, std::size_t N>
const FormatEntry<Writer>* find_format(const FormatTable<Writer, N>& table, std::string_view name) {
    for (const auto& f : table) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

/// The names, in table order.
template <typename Writer, std::size_t N>
std::vector<std::string> format_names(const FormatTable<Writer, N>& table) {
    std::vector<std::string> out;
    out.reserve(N);
    for (const auto& f : table) out.emplace_back(f.name);
    return out;
}

/// "text (default), markdown, json or html": `names` as a phrase for help text,
/// the one equal to `default_name` marked (none when it is empty or not there).
std::string describe_formats(const std::vector<std::string>& names, std::string_view default_name);

}  // namespace leadctl
