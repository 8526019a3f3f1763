#include "core/evidence/evidence_file.hpp"

#include "core/util/checked_input.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <algorithm>
#include <istream>

namespace leadctl {

namespace {

/// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

LogReadResult read_log_file(const std::string& path, const LogReadOptions& opt, const FrameworkSource& frameworks,
                            Diagnostics& diags, const std::function<void(const Person&)>& on_person,
                            const std::function<void(const Entry&, const EvidenceChecker&)>& on_entry) {
    LogReadResult result;
    // One pass over the bytes: opened once, never sought or reopened, so that a
    // pipe, a FIFO or /dev/stdin reads like a file.
    // A named FIFO nobody writes to is refused after a while, not waited on forever.
    auto opened = files::open_input(path);
    Fd file{opened.fd};
    if (file.fd < 0) {
        diags.error({path, 0, 0}, "unreadable",
                    opened.error == "is a directory" ? std::string("cannot read file: is it a directory?")
                                                     : fmt::format("cannot read file: {}", opened.error));
        return result;
    }
    files::CheckedInput bytes(file.fd);
    std::istream in(&bytes);
    const std::string head(bytes.prefix(511));
    if (!bytes.read_error().empty() && head.empty()) {
        diags.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", bytes.read_error()));
        return result;
    }
    result.readable = true;
    if (opt.format == "yaml") {
        result.format = LogFormat::yaml;
    } else if (opt.format == "csv") {
        result.format = LogFormat::csv;
    } else if (opt.format == "jsonl") {
        result.format = LogFormat::jsonl;
    } else {
        result.format = detect_log_format(path, head);
    }
    if (result.format != LogFormat::yaml) {
        // CR-only line ends (classic Mac) would run a CSV or JSON Lines log into one
        // line; refused as the YAML reader refuses them, at the first such line end.
        for (std::size_t i = head.find('\r'); i != std::string::npos; i = head.find('\r', i + 1)) {
            if (i + 1 < head.size() && head[i + 1] != '\n') {
                const auto lc = text::line_column_at(head, i);
                diags.error({path, lc.line, lc.column}, "cr-line-ends",
                            "this file uses CR-only line ends (classic Mac); save it with LF or CRLF line ends");
                return result;
            }
        }
    }
    // Read and check, one entry at a time; the encoding is checked as the bytes
    // arrive, and privacy findings are placed while their lines are at hand.
    EvidenceCheckOptions check_opt;
    check_opt.as_of = opt.as_of;
    check_opt.privacy = opt.privacy;
    check_opt.framework_ids = frameworks.ids;
    const Diagnostics::Checkpoint checkpoint = diags.checkpoint();
    // At most kMaxProblemsPerLog problems of this log are kept; the rest are
    // counted (so totals and exit codes stay right) while the log is read to the end.
    const std::size_t old_limit = diags.limit();
    diags.set_limit(std::min(old_limit, checkpoint.items + kMaxProblemsPerLog));
    struct RestoreLimit {
        Diagnostics& d;
        std::size_t limit;
        ~RestoreLimit() { d.set_limit(limit); }
    } restore{diags, old_limit};
    EvidenceChecker checker(frameworks.lookup, check_opt, diags);
    const EvidenceChecker::LineLookup line = [&bytes](int n) { return bytes.line(n); };
    EvidenceSink sink;
    sink.person = [&](const Person& p) {
        checker.person(p);
        if (on_person) on_person(p);
    };
    sink.other = [&](const std::vector<NamedText>& t) { checker.other(t); };
    sink.feedback = [&](const FeedbackRef& f) { result.feedback.push_back(f); };
    struct Stop {};
    sink.entry = [&](const Entry& e) {
        if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            throw Stop{};
        }
        ++result.entries;
        checker.entry(e);
        if (checker.has_unplaced_privacy()) checker.place_privacy(line, bytes.complete_lines(), false);
        if (on_entry) on_entry(e, checker);
    };
    try {
        read_evidence(in, path, result.format, sink, diags);
    } catch (const Stop&) {
        return result;  // cancelled
    }
    if (const auto& bad = bytes.problem()) {
        // What the reader made of a text cut short at the bad byte is noise: the
        // encoding is the one problem to fix first. (Entries before it were passed
        // on, as with any error part-way through a log.)
        diags.rollback(checkpoint);
        checker.discard_privacy();
        if (bad->too_long) {
            diags.error(
                {path, bad->line, bad->column}, "line-too-long",
                fmt::format("line {} is longer than {} MiB; leadctl reads lines of at most {} MiB (the rest "
                            "of the log is not read)",
                            bad->line, files::CheckedInput::kMaxLine >> 20, files::CheckedInput::kMaxLine >> 20));
        } else {
            diags.error({path, bad->line, bad->column}, bad->binary ? "binary-file" : "not-utf8",
                        bad->binary
                            ? "file contains a NUL byte: it looks binary, not an evidence log"
                            : fmt::format("file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8", bad->byte));
        }
        return result;
    }
    if (!bytes.read_error().empty()) {
        diags.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", bytes.read_error()));
    }
    const auto& all = diags.items();
    if (std::any_of(all.begin() + static_cast<std::ptrdiff_t>(std::min(checkpoint.items, all.size())), all.end(),
                    [](const Diagnostic& x) { return x.code == "cr-line-ends"; })) {
        checker.discard_privacy();  // its findings cannot be placed in lines counted another way
    }
    if (checker.has_unplaced_privacy()) checker.place_privacy(line, bytes.complete_lines(), true);
    checker.emit_privacy();
    const std::size_t dropped_before = checkpoint.dropped_errors + checkpoint.dropped_warnings;
    if (const std::size_t more = diags.dropped() - dropped_before; more > 0) {
        // One line past the limit says how many more there are. It stands in for one
        // of them, so the totals of errors and warnings stay exact.
        const bool errors = diags.dropped_errors() > checkpoint.dropped_errors;
        diags.add_in_place_of_dropped({errors ? Severity::error : Severity::warning,
                                       "too-many-problems",
                                       fmt::format("... and {} more problem{} in this log, counted but not shown "
                                                   "(only the first {} of a log are kept)",
                                                   more, more == 1 ? "" : "s", kMaxProblemsPerLog),
                                       {path, 0, 0}});
    }
    return result;
}

}  // namespace leadctl
