#include "core/evidence/log_files.hpp"

#include "scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using leadctl::testing::ScratchDir;

TEST_SUITE("core::evidence::log_files") {
    TEST_CASE("the extension, in any case, tells the format, and other names tell nothing") {
        CHECK(log_format_of_name("a/b.yaml") == LogFormat::yaml);
        CHECK(log_format_of_name("B.YML") == LogFormat::yaml);
        CHECK(log_format_of_name("log.Csv") == LogFormat::csv);
        CHECK(log_format_of_name("log.jsonl") == LogFormat::jsonl);
        CHECK(log_format_of_name("log.ndjson") == LogFormat::jsonl);
        CHECK_FALSE(log_format_of_name("log.json"));
        CHECK_FALSE(log_format_of_name("yaml"));
        CHECK_FALSE(log_format_of_name("notes.txt"));
    }

    TEST_CASE("messages name every extension of the table, in its order") {
        CHECK(log_extensions_text() == ".yaml, .yml, .csv, .jsonl, .ndjson");
    }

    TEST_CASE("folders are searched recursively for logs, each folder's finds sorted, named files kept as given") {
        ScratchDir dir;
        dir.write("cohort/b.yaml", "");
        dir.write("cohort/a.NDJSON", "");
        dir.write("cohort/sub/c.csv", "");
        dir.write("cohort/notes.txt", "");
        dir.write("cohort/.leadctl-report.tmp-abc123", "");
        const auto single = dir.write("single.txt", "");
        const auto found = collect_logs({single, dir.path() + "/cohort"});
        CHECK_FALSE(found.problems.has_errors());
        CHECK(found.logs == std::vector<std::string>{single, dir.path() + "/cohort/a.NDJSON",
                                                     dir.path() + "/cohort/b.yaml", dir.path() + "/cohort/sub/c.csv"});
    }

    TEST_CASE("a path that does not exist is an error located at that path, and the others are still searched") {
        ScratchDir dir;
        const auto log = dir.write("a.yaml", "");
        const auto found = collect_logs({dir.path() + "/gone", log});
        CHECK(found.logs == std::vector<std::string>{log});
        REQUIRE(found.problems.items().size() == 1);
        const auto& d = found.problems.items()[0];
        CHECK(d.code == "no-such-path");
        CHECK(d.location.file == dir.path() + "/gone");
        CHECK(d.message == "no such file or directory");
    }
}
