#include "core/util/files.hpp"

#include "scratch_dir.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <cerrno>
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
        CHECK(std::filesystem::path(t.path).filename().string().rfind(
                  ".report.md.tmp-" + std::to_string(::getpid()) + "-", 0) == 0);
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

    TEST_CASE("issue 17: error_words gives the system's words in lower case") {
        CHECK(files::error_words(EACCES) == "permission denied");
        CHECK(files::error_words(ENOENT) == "no such file or directory");
        CHECK(files::error_words(ENOSPC) == "no space left on device");
    }

    TEST_CASE("issue 17: open_input refuses a named FIFO nobody writes to, after a bounded wait") {
        ScratchDir dir;
        const std::string fifo = dir.path() + "/f";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        const auto start = std::chrono::steady_clock::now();
        const auto r = files::open_input(fifo, 200);
        CHECK(r.fd < 0);
        CHECK(r.error.find("nothing was written to this FIFO") == 0);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        // With a writer, it reads what is written.
        std::thread writer([&] {
            const int w = ::open(fifo.c_str(), O_WRONLY);
            if (w >= 0) {
                (void)::write(w, "hello", 5);
                ::close(w);
            }
        });
        const auto ok = files::open_input(fifo, 5000);
        REQUIRE(ok.fd >= 0);
        char buf[16] = {};
        std::string got;
        for (ssize_t n = 0; (n = ::read(ok.fd, buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
        ::close(ok.fd);
        writer.join();
        CHECK(got == "hello");
        CHECK(files::read("/dev/null").error == "not a regular file");
    }

    TEST_CASE("issue 17: write_atomic writes a device through a link and leaves the link") {
        ScratchDir dir;
        const std::string link = dir.path() + "/null";
        std::filesystem::create_symlink("/dev/null", link);
        CHECK(files::write_atomic(link, "x").empty());
        CHECK(std::filesystem::is_symlink(link));
        CHECK(std::filesystem::is_character_file("/dev/null"));
        int n = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++n;
        CHECK(n == 1);  // no temporary file
        CHECK(files::write_atomic(dir.path(), "x") == "cannot write " + dir.path() + ": is a directory");
    }

    TEST_CASE("issue 17: a full device is reported by write_atomic, AtomicFile and FdWriter") {
        if (!std::filesystem::is_character_file("/dev/full")) return;
        CHECK(files::write_atomic("/dev/full", "x") == "cannot write /dev/full: No space left on device");
        {
            files::AtomicFile f("/dev/full");
            REQUIRE(f.error().empty());
            f.stream() << std::string(200000, 'x');
            CHECK(f.commit() == "cannot write /dev/full: No space left on device");
        }
        const int fd = ::open("/dev/full", O_WRONLY);
        REQUIRE(fd >= 0);
        files::FdWriter buf(fd);
        std::ostream out(&buf);
        out << "some text";
        out.flush();
        CHECK_FALSE(out);
        CHECK(buf.error() == ENOSPC);
        ::close(fd);
    }

    TEST_CASE("issue 17: remove_stale_temps removes those of dead processes only") {
        ScratchDir dir;
        const pid_t child = ::fork();
        if (child == 0) ::_exit(0);
        REQUIRE(child > 0);
        ::waitpid(child, nullptr, 0);  // now a pid with no process
        const std::string dead = std::to_string(child);
        const std::string live = std::to_string(::getpid());
        dir.write(".r.tmp-" + dead + "-aaaaaa", "x");
        dir.write(".r.tmp-" + live + "-bbbbbb", "x");
        dir.write(".r.tmp-cccccc", "x");              // not of the shape: kept
        dir.write(".other.tmp-" + dead + "-d", "x");  // another name: kept
        CHECK(files::remove_stale_temps(dir.path(), "r") == 1);
        CHECK_FALSE(std::filesystem::exists(dir.path() + "/.r.tmp-" + dead + "-aaaaaa"));
        CHECK(std::filesystem::exists(dir.path() + "/.r.tmp-" + live + "-bbbbbb"));
        CHECK(std::filesystem::exists(dir.path() + "/.r.tmp-cccccc"));
        CHECK(std::filesystem::exists(dir.path() + "/.other.tmp-" + dead + "-d"));
        // Writing an output there cleans its own name's leftovers.
        dir.write(".out.txt.tmp-" + dead + "-eeeeee", "x");
        CHECK(files::write_atomic(dir.path() + "/out.txt", "y").empty());
        CHECK_FALSE(std::filesystem::exists(dir.path() + "/.out.txt.tmp-" + dead + "-eeeeee"));
    }
}
