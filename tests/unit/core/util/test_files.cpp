#include "core/util/files.hpp"

#include "scratch_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

using namespace leadctl;
using leadctl::testing::ScratchDir;

TEST_SUITE("core::files") {
    TEST_CASE("read returns the bytes or says why not") {
        ScratchDir dir;
        const auto p = dir.write("a.txt", std::string("x\0y", 3));
        const auto r = files::read(p);
        REQUIRE(r.text);
        CHECK(*r.text == std::string("x\0y", 3));
        CHECK(files::read(dir.path() + "/missing").error == "No such file or directory");
        CHECK(files::read(dir.path()).error == "is a directory");
        const auto big = files::read(p, 2);
        CHECK_FALSE(big.text);
        CHECK(big.error.find("larger than") != std::string::npos);
    }

    TEST_CASE("write_atomic replaces a file whole and keeps its permissions") {
        ScratchDir dir;
        const auto p = dir.write("out.txt", "old");
        ::chmod(p.c_str(), 0600);
        CHECK(files::write_atomic(p, "new content") == "");
        CHECK(*files::read(p).text == "new content");
        struct stat st {};
        REQUIRE(::stat(p.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        // No temporary files are left behind.
        int n = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++n;
        CHECK(n == 1);
    }

    TEST_CASE("write_atomic into a missing folder fails and creates nothing") {
        ScratchDir dir;
        const auto err = files::write_atomic(dir.path() + "/no/such/dir/out.txt", "x");
        CHECK(err.find("cannot create a temporary file") != std::string::npos);
    }

    TEST_CASE("same_file recognises two names of one file") {
        ScratchDir dir;
        const auto p = dir.write("a.txt", "a");
        CHECK(files::same_file(p, dir.path() + "/./a.txt"));
        CHECK_FALSE(files::same_file(p, dir.write("b.txt", "b")));
    }

    TEST_CASE("write_temp leaves a hidden file that commit_temp renames into place") {
        ScratchDir dir;
        const auto t = files::write_temp(dir.path(), "report.md", "body");
        REQUIRE(t.error == "");
        CHECK(std::filesystem::path(t.path).filename().string().rfind(".report.md.tmp-", 0) == 0);
        CHECK(*files::read(t.path).text == "body");
        const auto target = dir.path() + "/report.md";
        CHECK_FALSE(std::filesystem::exists(target));
        CHECK(files::commit_temp(t.path, target) == "");
        CHECK(*files::read(target).text == "body");
        CHECK_FALSE(std::filesystem::exists(t.path));
        // A rename that fails removes the temporary file.
        const auto t2 = files::write_temp(dir.path(), "x", "y");
        CHECK(files::commit_temp(t2.path, dir.path() + "/no/such/dir/x").find("cannot replace") == 0);
        CHECK_FALSE(std::filesystem::exists(t2.path));
    }

    TEST_CASE("issue 17: UpdateLock follows a symlink, and write_atomic through it keeps the link and the mode") {
        testing::ScratchDir dir;
        const std::string target = dir.write("real/log.yaml", "old\n");
        ::chmod(target.c_str(), 0640);
        const std::string link = dir.path() + "/link.yaml";
        std::filesystem::create_symlink("real/log.yaml", link);
        {
            const files::UpdateLock lock(link);
            CHECK(lock.locked());
            CHECK(lock.error().empty());
            CHECK(files::same_file(lock.path(), target));
            CHECK(lock.path() != link);
            CHECK(files::write_atomic(lock.path(), "new\n").empty());
        }
        CHECK(std::filesystem::is_symlink(link));
        CHECK(*files::read(target).text == "new\n");
        struct stat st {};
        REQUIRE(::stat(target.c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == 0640);
    }

    TEST_CASE("issue 17: UpdateLock waits for the holder and then locks the file that replaced it") {
        testing::ScratchDir dir;
        const std::string log = dir.write("log.csv", "a\n");
        auto first = std::make_unique<files::UpdateLock>(log);
        REQUIRE(first->locked());
        std::atomic<bool> second_locked{false};
        std::string seen;
        std::thread waiter([&] {
            const files::UpdateLock second(log);  // blocks until `first` is gone
            second_locked = second.locked();
            seen = *files::read(second.path()).text;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK_FALSE(second_locked.load());
        REQUIRE(files::write_atomic(log, "a\nb\n").empty());  // a new inode at the path
        first.reset();
        waiter.join();
        CHECK(second_locked.load());
        CHECK(seen == "a\nb\n");
    }
}
