#include "cli/evidence_common.hpp"

#include "core/util/files.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>

namespace leadctl::cli {

bool load_policy_option(Context& ctx, const std::string& path, Policy& policy) {
    if (path.empty()) return true;
    auto read = files::read(path);
    if (!read.text) throw UsageError(fmt::format("cannot read --policy {}: {}", path, read.error));
    auto load = load_policy(*read.text, path);
    for (const auto& d : load.diagnostics.items()) ctx.print_diagnostic(d);
    if (load.diagnostics.has_errors()) return false;
    policy = load.policy;
    return true;
}

Date as_of_date(const std::string& as_of) {
    if (!as_of.empty()) {
        DateError err = DateError::none;
        if (auto d = parse_date(as_of, &err)) return *d;
        throw UsageError(fmt::format("--as-of \"{}\" is not {}", as_of,
                                     err == DateError::impossible ? "a real date" : "a date written YYYY-MM-DD"));
    }
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::vector<std::string> collect_logs(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::exists(p, ec)) throw UsageError(fmt::format("{}: no such file or directory", p));
        if (!fs::is_directory(p, ec)) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            std::string ext = it->path().extension().string();
            for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (ext == ".yaml" || ext == ".yml" || ext == ".csv" || ext == ".jsonl" || ext == ".ndjson") {
                found.push_back(it->path().string());
            }
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

FrameworkSource registry_source(Context& ctx) {
    auto& reg = ctx.registry();
    return {[&reg](std::string_view id) { return reg.get(id).get(); }, reg.ids()};
}

LogReadResult read_log(Context& ctx, const std::string& path, const LogReadOptions& opt, Diagnostics& diags,
                       const std::function<void(const Person&)>& on_person,
                       const std::function<void(const Entry&, const EvidenceChecker&)>& on_entry) {
    return read_log_file(path, opt, registry_source(ctx), diags, on_person, on_entry);
}

}  // namespace leadctl::cli
