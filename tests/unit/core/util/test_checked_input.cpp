#include "core/util/checked_input.hpp"

#include "scratch_dir.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>
#include <istream>
#include <iterator>
#include <string>
#include <thread>

using namespace leadctl;

namespace {

/// An open file descriptor on `content`, closed at the end of the scope.
struct OpenFile {
    testing::ScratchDir dir;
    int fd = -1;
    explicit OpenFile(const std::string& content) {
        const auto path = dir.write("f", content);
        fd = ::open(path.c_str(), O_RDONLY);
        REQUIRE(fd >= 0);
    }
    ~OpenFile() { ::close(fd); }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
};

std::string read_all(files::CheckedInput& in) {
    std::istream s(&in);
    return {std::istreambuf_iterator<char>(s), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("core::util::checked_input") {
    TEST_CASE("good UTF-8 text passes through unchanged") {
        const std::string text = "person:\n  name: Zoë Ångström\nentries: []\n";
        OpenFile f(text);
        files::CheckedInput in(f.fd);
        CHECK(read_all(in) == text);
        CHECK_FALSE(in.problem());
        CHECK(in.complete_lines() == 3);
        CHECK(in.line(2) == std::optional<std::string_view>("  name: Zoë Ångström"));
    }

    TEST_CASE("a character cut by the chunk boundary is not a problem") {
        std::string text(files::CheckedInput::kChunk - 1, 'a');
        text += "é and more\n";  // the two bytes of é straddle the first chunk's end
        OpenFile f(text);
        files::CheckedInput in(f.fd);
        CHECK(read_all(in) == text);
        CHECK_FALSE(in.problem());
    }

    TEST_CASE("invalid UTF-8 ends the stream just before the bad byte, with its line and column") {
        OpenFile f("line one\nab\xC3\xA9x\xFFtail\nmore\n");
        files::CheckedInput in(f.fd);
        CHECK(read_all(in) == "line one\nab\xC3\xA9x");
        REQUIRE(in.problem());
        CHECK_FALSE(in.problem()->binary);
        CHECK(in.problem()->line == 2);
        CHECK(in.problem()->column == 5);  // code points: a b é x, then the bad byte
        CHECK(in.problem()->byte == 0xFF);
    }

    TEST_CASE("a NUL byte is reported as binary") {
        OpenFile f(std::string("ab\ncd\0ef", 8));
        files::CheckedInput in(f.fd);
        CHECK(read_all(in) == "ab\ncd");
        REQUIRE(in.problem());
        CHECK(in.problem()->binary);
        CHECK(in.problem()->line == 2);
        CHECK(in.problem()->column == 3);
    }

    TEST_CASE("a sequence cut short by the end of the input is a problem") {
        OpenFile f("ok\n\xE2\x82");
        files::CheckedInput in(f.fd);
        CHECK(read_all(in) == "ok\n");
        REQUIRE(in.problem());
        CHECK(in.problem()->line == 2);
        CHECK(in.problem()->column == 1);
    }

    TEST_CASE("prefix looks at the first bytes without consuming them") {
        OpenFile f("id,date,type\n1,2025-01-01,audit\n");
        files::CheckedInput in(f.fd);
        CHECK(std::string(in.prefix(7)) == "id,date");
        CHECK(read_all(in) == "id,date,type\n1,2025-01-01,audit\n");
    }

    TEST_CASE("old lines leave the window, recent ones stay") {
        std::string text;
        for (int i = 1; i <= 40000; ++i) text += "line " + std::to_string(i) + "\n";
        OpenFile f(text);
        files::CheckedInput in(f.fd, 1024);
        CHECK(read_all(in) == text);
        CHECK(in.complete_lines() == 40000);
        CHECK_FALSE(in.line(1));
        CHECK(in.line(40000) == std::optional<std::string_view>("line 40000"));
        CHECK(in.line(39950) == std::optional<std::string_view>("line 39950"));
        CHECK_FALSE(in.line(40001));
    }

    TEST_CASE("a line longer than many chunks is kept whole, and lines after it are numbered right") {
        // Was quadratic: every chunk searched the whole long line again for a line end
        // (a 60 MB value took 33 s; now each byte is searched once).
        const std::string long_line(10 * files::CheckedInput::kChunk + 17, 'x');
        std::string text = "first\n" + long_line + "\n";
        for (int i = 3; i <= 3000; ++i) text += "line " + std::to_string(i) + "\n";
        text += long_line + "\nlast\n";
        OpenFile f(text);
        files::CheckedInput in(f.fd, 1024);
        CHECK(read_all(in) == text);
        CHECK(in.complete_lines() == 3002);
        CHECK(in.line(3002) == std::optional<std::string_view>("last"));
        CHECK(in.line(3001) == std::optional<std::string_view>(long_line));
        CHECK_FALSE(in.line(2));
    }

    TEST_CASE("a pipe is read to its end, like a file") {
        int p[2];
        REQUIRE(::pipe(p) == 0);
        std::string text;
        for (int i = 0; i < 20000; ++i) text += "entry " + std::to_string(i) + "\n";  // more than a pipe holds
        std::thread writer = testing::feed_pipe(p[1], text);
        files::CheckedInput in(p[0]);
        const std::string got = read_all(in);
        writer.join();
        ::close(p[0]);
        CHECK(got == text);
        CHECK_FALSE(in.problem());
    }

    TEST_CASE("a directory is a read error, not an empty input") {
        testing::ScratchDir dir;
        const int fd = ::open(dir.path().c_str(), O_RDONLY);
        REQUIRE(fd >= 0);
        files::CheckedInput in(fd);
        CHECK(read_all(in).empty());
        CHECK_FALSE(in.read_error().empty());
        ::close(fd);
    }
}
