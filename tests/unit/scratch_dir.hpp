// A temporary directory for a test, removed when it goes out of scope.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <unistd.h>

namespace leadctl::testing {

/// A thread that writes `text` into the pipe end `fd` and then closes it: for
/// tests that read a pipe larger than its buffer. Join it after reading.
inline std::thread feed_pipe(int fd, std::string text) {
    return std::thread([fd, t = std::move(text)] {
        std::size_t off = 0;
        while (off < t.size()) {
            const auto n = ::write(fd, t.data() + off, t.size() - off);
            if (n <= 0) break;
            off += static_cast<std::size_t>(n);
        }
        ::close(fd);
    });
}

class ScratchDir {
public:
    ScratchDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "leadctl-test.XXXXXX").string();
        path_ = ::mkdtemp(tmpl.data());
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    [[nodiscard]] std::string path() const { return path_.string(); }
    std::string write(const std::string& name, const std::string& content) const {
        const auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }

private:
    std::filesystem::path path_;
};

}  // namespace leadctl::testing
