#include "core/evidence/evidence_file.hpp"

#include "scratch_dir.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <string>
#include <thread>

using namespace leadctl;

namespace {

struct Read {
    LogReadResult result;
    Diagnostics diags;
    std::vector<std::string> ids;
};

Read read(const std::string& path) {
    static const Framework mlcf = testing::bundled("mlcf");
    FrameworkSource source{[](std::string_view id) -> const Framework* { return id == "mlcf" ? &mlcf : nullptr; },
                           {"mlcf"}};
    LogReadOptions opt;
    opt.as_of = {2026, 11, 25};
    Read out;
    out.result = read_log_file(path, opt, source, out.diags, nullptr,
                               [&](const Entry& e, const EvidenceChecker&) { out.ids.push_back(e.id); });
    return out;
}

std::string log_with(int entries, const std::string& extra_title = "Audit") {
    std::string s = "person:\n  id: p1\n  name: P One\n  stage: postgraduate\nentries:\n";
    for (int i = 0; i < entries; ++i) {
        s += "  - id: e" + std::to_string(i) +
             "\n    date: 2025-03-01\n    type: audit\n    title: " + (i == 0 ? extra_title : "Audit") +
             "\n    competencies: [mlcf:1.1]\n";
    }
    return s;
}

std::string codes(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) {
        out += fmt::format("{}:{}:{} {}\n", x.location.file.empty() ? "" : "f", x.location.line, x.location.column,
                           x.code);
    }
    return out;
}

}  // namespace

TEST_SUITE("core::evidence::evidence_file") {
    TEST_CASE("a log read from a pipe validates: it is read once, never sought") {
        int p[2];
        REQUIRE(::pipe(p) == 0);
        const std::string text = log_with(3000);  // larger than a pipe's buffer
        std::thread writer = testing::feed_pipe(p[1], text);
        const auto r = read("/dev/fd/" + std::to_string(p[0]));
        writer.join();
        ::close(p[0]);
        CHECK(r.result.readable);
        CHECK(r.result.entries == 3000);
        CHECK(r.diags.empty());
    }

    TEST_CASE("invalid UTF-8 is the one problem reported, at its place") {
        testing::ScratchDir dir;
        std::string text = log_with(3);
        text += "  - id: bad\n    date: 2025-03-01\n    type: audit\n    title: caf\xE9\n";
        const auto r = read(dir.write("log.yaml", text));
        CHECK(codes(r.diags) == "f:24:15 not-utf8\n");
        CHECK(r.diags.items()[0].message == "file is not valid UTF-8 (byte 0xE9); save it as UTF-8");
    }

    TEST_CASE("a privacy finding early in a long log is placed at its exact column") {
        testing::ScratchDir dir;
        const auto r = read(dir.write("log.yaml", log_with(25000, "Audit of patient 943 476 5919 notes")));
        REQUIRE(r.diags.items().size() == 1);
        CHECK(codes(r.diags) == "f:9:29 privacy-nhs-number\n");
        CHECK(r.result.entries == 25000);
    }

    TEST_CASE("a directory is unreadable, with a clear message") {
        testing::ScratchDir dir;
        const auto r = read(dir.path());
        CHECK_FALSE(r.result.readable);
        CHECK(codes(r.diags) == "f:0:0 unreadable\n");
        CHECK(r.diags.items()[0].message == "cannot read file: is it a directory?");
    }

    TEST_CASE("issue 17: every problem a reader finds is capped, JSON Lines syntax errors too") {
        testing::ScratchDir dir;
        std::string text;
        for (int i = 0; i < 50000; ++i) text += "{\"id\": \"e1\",}\n";
        const auto r = read(dir.write("log.jsonl", text));
        CHECK(r.result.readable);
        REQUIRE(r.diags.items().size() == kMaxProblemsPerLog + 1);
        CHECK(r.diags.error_count() == 50000);  // counted, though not kept
        const auto& last = r.diags.items().back();
        CHECK(last.code == "too-many-problems");
        CHECK(last.message.starts_with("... and 49000 more problems in this log"));
    }

    TEST_CASE("issue 17: ragged CSV rows are capped, and good rows after them still counted") {
        testing::ScratchDir dir;
        std::string text = "id,date,type,title,competencies\n";
        for (int i = 0; i < 50000; ++i) text += "e1,2025-01-01,audit\n";
        text += "ok,2025-03-01,audit,Audit,mlcf:1.1\n";
        const auto r = read(dir.write("log.csv", text));
        REQUIRE(r.diags.items().size() == kMaxProblemsPerLog + 1);
        CHECK(r.diags.error_count() == 50000);
        CHECK(r.diags.items().back().code == "too-many-problems");
        CHECK(r.ids == std::vector<std::string>{"ok"});  // read to the end
    }

    TEST_CASE("issue 17: YAML problems are capped as well") {
        testing::ScratchDir dir;
        std::string text = "person:\n  id: p1\n  name: P\nentries:\n";
        for (int i = 0; i < 3000; ++i) text += "  - {id: e" + std::to_string(i) + ", date: 2025-03-01, type: nope}\n";
        const auto r = read(dir.write("log.yaml", text));
        REQUIRE(r.diags.items().size() == kMaxProblemsPerLog + 1);
        CHECK(r.diags.error_count() > 3000);
        CHECK(r.diags.items().back().code == "too-many-problems");
        CHECK(r.result.entries == 3000);
    }
}
