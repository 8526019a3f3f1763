#include "cli/evidence_common.hpp"

#include "core/files.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace leadctl::cli {

/// A log this broken is not worth reading to the end.
constexpr std::size_t kMaxProblemsPerLog = 1000;

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

LogReadResult read_log(Context& ctx, const std::string& path, const LogReadOptions& opt, Diagnostics& diags,
                       const std::function<void(const Person&)>& on_person,
                       const std::function<void(const Entry&, const EvidenceChecker&)>& on_entry) {
    LogReadResult result;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", std::strerror(errno)));
        return result;
    }
    // A directory opens but does not read.
    if (in.peek() == EOF && !in.eof()) {
        diags.error({path, 0, 0}, "unreadable", "cannot read file: is it a directory?");
        return result;
    }
    result.readable = true;
    // Pass 1: encoding, in constant memory.
    if (auto bad = files::check_encoding(in)) {
        diags.error({path, bad->line, bad->column}, bad->binary ? "binary-file" : "not-utf8",
                    bad->binary ? "file contains a NUL byte: it looks binary, not an evidence log"
                                : fmt::format("file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8", bad->byte));
        return result;
    }
    in.clear();
    in.seekg(0);
    char head[512] = {};
    in.read(head, sizeof head - 1);
    in.clear();
    in.seekg(0);
    if (opt.format == "yaml") {
        result.format = LogFormat::yaml;
    } else if (opt.format == "csv") {
        result.format = LogFormat::csv;
    } else if (opt.format == "jsonl") {
        result.format = LogFormat::jsonl;
    } else {
        result.format = detect_log_format(path, std::string_view(head));
    }
    // Pass 2: read and check, one entry at a time.
    auto& reg = ctx.registry();
    EvidenceCheckOptions check_opt;
    check_opt.as_of = opt.as_of;
    check_opt.privacy = opt.privacy;
    check_opt.framework_ids = reg.ids();
    EvidenceChecker checker([&reg](std::string_view id) { return reg.get(id).get(); }, check_opt, diags);
    EvidenceSink sink;
    sink.person = [&](const Person& p) {
        checker.person(p);
        if (on_person) on_person(p);
    };
    struct TooMany {};
    sink.entry = [&](const Entry& e) {
        if (diags.items().size() > kMaxProblemsPerLog) throw TooMany{};
        ++result.entries;
        checker.entry(e);
        if (on_entry) on_entry(e, checker);
    };
    try {
        read_evidence(in, path, result.format, sink, diags);
    } catch (const TooMany&) {
        diags.error({path, 0, 0}, "too-many-problems",
                    fmt::format("more than {} problems; stopped reading this log", kMaxProblemsPerLog));
    }
    // Pass 3 (only when something was found): exact places of privacy findings.
    std::ifstream again(path, std::ios::binary);
    checker.locate_privacy(again);
    return result;
}

}  // namespace leadctl::cli
