// Which files are evidence logs: one table of file extensions, used to tell a
// log's format from its name, to search folders for logs, and to name the
// extensions in messages, so that the three cannot drift apart.
#pragma once

#include "core/evidence/evidence.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

struct LogExtension {
    std::string_view extension;  ///< lower case, with the dot
    LogFormat format;
};

inline constexpr LogExtension kLogExtensions[] = {
    {".yaml", LogFormat::yaml},   {".yml", LogFormat::yaml},     {".csv", LogFormat::csv},
    {".jsonl", LogFormat::jsonl}, {".ndjson", LogFormat::jsonl},
};

/// The format a file name's extension (any case) gives, or nullopt for none of the table's.
std::optional<LogFormat> log_format_of_name(std::string_view path);

/// The extensions for messages: ".yaml, .yml, .csv, .jsonl, .ndjson".
std::string log_extensions_text();

struct CollectedLogs {
    std::vector<std::string> logs;
    Diagnostics problems;  ///< one "no-such-path" error per path that does not exist, located at the path
};

/// Files named, and the logs found in folders named (by extension, any case),
/// searched recursively, each folder's files sorted; the order of `paths` is kept.
/// With `only`, folders are searched for files of that format alone (feedback
/// rounds are YAML files beside, perhaps, the survey's CSV).
CollectedLogs collect_logs(std::vector<std::string> paths, std::optional<LogFormat> only = std::nullopt);

}  // namespace leadctl
