#include "core/evidence/log_files.hpp"

#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <algorithm>
#include <filesystem>

namespace leadctl {

std::optional<LogFormat> log_format_of_name(std::string_view path) {
    const std::string lower = text::to_lower(path);
    for (const auto& e : kLogExtensions) {
        if (lower.ends_with(e.extension)) return e.format;
    }
    return std::nullopt;
}

std::string log_extensions_text() {
    std::string out;
    for (const auto& e : kLogExtensions) {
        if (!out.empty()) out += ", ";
        out += e.extension;
    }
    return out;
}

CollectedLogs collect_logs(std::vector<std::string> paths, std::optional<LogFormat> only) {
    namespace fs = std::filesystem;
    CollectedLogs out;
    for (auto& p : paths) {
        std::error_code ec;
        if (!fs::exists(p, ec)) {
            // exists() is false too when a folder on the way may not be searched.
            const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
            out.problems.error({p, 0, 0}, missing ? "no-such-path" : "unreadable",
                               missing ? "no such file or directory" : files::error_words(ec.value()));
            continue;
        }
        if (!fs::is_directory(p, ec)) {
            out.logs.push_back(std::move(p));
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const auto format = log_format_of_name(it->path().filename().string());
            if (format && (!only || *format == *only)) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        out.logs.insert(out.logs.end(), found.begin(), found.end());
    }
    return out;
}

}  // namespace leadctl
