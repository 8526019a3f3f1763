#include "cli/evidence_common.hpp"

#include "core/evidence/log_files.hpp"
#include "core/util/files.hpp"

#include <fmt/format.h>
#include <ctime>

namespace leadctl::cli {

bool load_policy_option(Context& ctx, const std::string& path, Policy& policy) {
    if (path.empty()) return true;
    ctx.note_input(path);
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

std::vector<std::string> collect_logs(std::vector<std::string> paths, std::optional<LogFormat> only) {
    auto found = leadctl::collect_logs(std::move(paths), only);
    if (!found.problems.items().empty()) {
        const auto& d = found.problems.items().front();
        throw UsageError(fmt::format("{}: {}", d.location.file, d.message));
    }
    return std::move(found.logs);
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
