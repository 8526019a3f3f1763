#include "core/evidence/evidence_file.hpp"

#include "core/util/files.hpp"

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace leadctl {

LogReadResult read_log_file(const std::string& path, const LogReadOptions& opt, const FrameworkSource& frameworks,
                            Diagnostics& diags, const std::function<void(const Person&)>& on_person,
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
    EvidenceCheckOptions check_opt;
    check_opt.as_of = opt.as_of;
    check_opt.privacy = opt.privacy;
    check_opt.framework_ids = frameworks.ids;
    EvidenceChecker checker(frameworks.lookup, check_opt, diags);
    EvidenceSink sink;
    sink.person = [&](const Person& p) {
        checker.person(p);
        if (on_person) on_person(p);
    };
    struct Stop {};
    sink.entry = [&](const Entry& e) {
        if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            throw Stop{};
        }
        if (diags.items().size() > kMaxProblemsPerLog) throw Stop{};
        ++result.entries;
        checker.entry(e);
        if (on_entry) on_entry(e, checker);
    };
    try {
        read_evidence(in, path, result.format, sink, diags);
    } catch (const Stop&) {
        if (result.cancelled) return result;
        diags.error({path, 0, 0}, "too-many-problems",
                    fmt::format("more than {} problems; stopped reading this log", kMaxProblemsPerLog));
    }
    // Pass 3 (only when something was found): exact places of privacy findings.
    std::ifstream again(path, std::ios::binary);
    checker.locate_privacy(again);
    return result;
}

}  // namespace leadctl
