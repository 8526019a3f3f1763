#include "cli/output.hpp"

#include "cli/exit_codes.hpp"
#include "core/util/date.hpp"
#include "core/util/files.hpp"

#include <fmt/format.h>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

namespace leadctl::cli {

void check_not_an_input(Context& ctx, const std::string& path, const std::vector<std::string>& inputs) {
    if (path.empty() || path == "-") return;
    // Only a regular file can be overwritten; a device or FIFO is written to.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return;
    auto all = inputs;
    const auto more = ctx.inputs();
    all.insert(all.end(), more.begin(), more.end());
    for (const auto& in : all) {
        if (files::same_file(in, path)) {
            throw UsageError(fmt::format("refusing to overwrite the input file {} with the output", in));
        }
    }
}

void write_output(Context& ctx, const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs) {
    if (path.empty() || path == "-") {
        ctx.io().out << content;
        return;
    }
    check_not_an_input(ctx, path, inputs);
    if (auto err = files::write_atomic(path, content); !err.empty()) throw UsageError(err);
}

int report_diagnostics(Context& ctx, const Diagnostics& all, std::size_t files, const std::string& format, bool strict,
                       std::size_t unreadable, std::optional<std::size_t> invalid) {
    auto& out = ctx.io().out;
    const std::size_t errors = all.error_count();
    const std::size_t warnings = all.warning_count();
    if (format == "json") {
        nlohmann::ordered_json j;
        j["schema"] = "leadctl.diagnostics/1";
        auto arr = nlohmann::ordered_json::array();
        for (const auto& d : all.items()) {
            arr.push_back({{"file", d.location.file},
                           {"line", d.location.line},
                           {"column", d.location.column},
                           {"severity", std::string(to_string(d.severity))},
                           {"code", d.code},
                           {"message", d.message}});
        }
        j["diagnostics"] = std::move(arr);
        j["files"] = files;
        j["errors"] = errors;
        j["warnings"] = warnings;
        out << j.dump(2) << "\n";
    } else {
        // A file is valid when it has no errors (and, when strict, no warnings).
        std::map<std::string, bool> bad;
        for (const auto& d : all.items()) {
            if (d.severity == Severity::error || strict) bad[d.location.file] = true;
        }
        for (const auto& d : all.items()) out << format_diagnostic(d) << "\n";
        const std::size_t bad_files = invalid.value_or(bad.size());  // `invalid` counts what was not kept too
        const std::size_t valid = files >= bad_files ? files - bad_files : 0;
        out << fmt::format("{} file{} checked: {} valid, {} error{}, {} warning{}\n", files, files == 1 ? "" : "s",
                           valid, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
    if (unreadable > 0) return kExitUsage;
    if (errors > 0 || (strict && warnings > 0)) return kExitFindings;
    return kExitOk;
}

std::optional<long long> source_date_epoch(Context& ctx) {
    const auto v = ctx.io().getenv("SOURCE_DATE_EPOCH");
    if (!v || v->empty()) return std::nullopt;
    long long out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || ptr != v->data() + v->size() || out < 0) {
        throw UsageError(fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds, not \"{}\"", *v));
    }
    return out;
}

std::string generated_on(Context& ctx) {
    const long long seconds = source_date_epoch(ctx).value_or(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    return date_from_days(static_cast<long>(seconds / 86400)).str();
}

}  // namespace leadctl::cli
