#include "core/util/files.hpp"

#include "core/util/text.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace leadctl::files {

namespace {
std::string errno_text(int e) {
    return std::strerror(e);
}

/// Give the file open on `fd` the owner, group and permissions of `st` (owner and
/// group where the user may; the permissions after them, as chown may clear some).
void copy_attributes(int fd, const struct stat& st) {
    if (::fchown(fd, st.st_uid, st.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), st.st_gid);
    ::fchmod(fd, st.st_mode & 07777);
}
}  // namespace

ReadResult read(const std::string& path, std::size_t max_bytes) {
    ReadResult r;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        r.error = errno_text(errno);
        return r;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        r.error = errno_text(errno);
        ::close(fd);
        return r;
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        r.error = "is a directory";
        return r;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        ::close(fd);
        r.error = "not a regular file";
        return r;
    }
    std::string text;
    if (S_ISREG(st.st_mode)) {
        if (static_cast<std::size_t>(st.st_size) > max_bytes) {
            ::close(fd);
            r.error = fmt::format("file is larger than {} MiB", max_bytes >> 20);
            return r;
        }
        text.reserve(static_cast<std::size_t>(st.st_size));
    }
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            r.error = errno_text(errno);
            ::close(fd);
            return r;
        }
        if (n == 0) break;
        if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
            ::close(fd);
            r.error = fmt::format("file is larger than {} MiB", max_bytes >> 20);
            return r;
        }
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    r.text = std::move(text);
    return r;
}

TempFile write_temp(const std::string& dir, std::string_view name, std::string_view content,
                    const std::string& mode_from) {
    namespace fs = std::filesystem;
    TempFile t;
    const fs::path d = dir.empty() ? fs::path(".") : fs::path(dir);
    std::string tmpl = (d / ("." + std::string(name) + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        t.error = fmt::format("cannot create a temporary file in {}: {}", d.string(), errno_text(errno));
        return t;
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            ::close(fd);
            ::unlink(tmpl.c_str());
            t.error = fmt::format("cannot write {}: {}", tmpl, errno_text(e));
            return t;
        }
        written += static_cast<std::size_t>(n);
    }
    // Keep the permissions an existing file had; new files get 0666 less the umask.
    struct stat st {};
    if (!mode_from.empty() && ::stat(mode_from.c_str(), &st) == 0) {
        copy_attributes(fd, st);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int e = errno;
        ::unlink(tmpl.c_str());
        t.error = fmt::format("cannot write {}: {}", tmpl, errno_text(e));
        return t;
    }
    t.path = std::move(tmpl);
    return t;
}

std::string commit_temp(const std::string& temp, const std::string& path) {
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(temp.c_str());
        return fmt::format("cannot replace {}: {}", path, errno_text(e));
    }
    return {};
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    namespace fs = std::filesystem;
    const fs::path target(path_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        error_ = fmt::format("cannot create a temporary file in {}: {}", dir.string(), errno_text(errno));
        return;
    }
    ::close(fd);
    temp_ = std::move(tmpl);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) error_ = fmt::format("cannot write {}: {}", temp_, errno_text(errno));
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !temp_.empty()) {
        out_.close();
        ::unlink(temp_.c_str());
    }
}

std::string AtomicFile::commit() {
    if (!error_.empty()) return error_;
    out_.flush();
    const bool ok = static_cast<bool>(out_);
    out_.close();
    if (!ok || out_.fail()) return fmt::format("cannot write {}: {}", path_, errno_text(errno ? errno : EIO));
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat st {};
        if (::stat(path_.c_str(), &st) == 0) {
            copy_attributes(fd, st);
        } else {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            ::fchmod(fd, 0666 & ~mask);
        }
        const bool synced = ::fsync(fd) == 0;
        ::close(fd);
        if (!synced) return fmt::format("cannot write {}: {}", path_, errno_text(errno));
    }
    committed_ = true;
    return commit_temp(temp_, path_);
}

std::string write_atomic(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    auto t = write_temp(dir, target.filename().string(), content, path);
    if (!t.error.empty()) return t.error;
    return commit_temp(t.path, path);
}

UpdateLock::UpdateLock(const std::string& path) : path_(path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const auto real = fs::canonical(path, ec); !ec) path_ = real.string();
    for (int attempt = 0; attempt < 1000; ++attempt) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is not locked).
        const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) return;  // reading it will say why
        struct stat held {};
        if (::fstat(fd, &held) != 0 || !S_ISREG(held.st_mode)) {
            ::close(fd);
            return;
        }
        int rc = 0;
        while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
        }
        if (rc != 0) {
            error_ = fmt::format("cannot lock {}: {}", path_, errno_text(errno));
            ::close(fd);
            return;
        }
        // Whoever held the lock may have replaced the file: then this lock guards a
        // file no longer at `path_`; take the lock of the one that is.
        struct stat now {};
        if (::stat(path_.c_str(), &now) == 0 && now.st_dev == held.st_dev && now.st_ino == held.st_ino) {
            fd_ = fd;
            return;
        }
        ::close(fd);
    }
    error_ = fmt::format("cannot lock {}: it keeps being replaced", path_);
}

UpdateLock::~UpdateLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {
    }, sb{};
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace leadctl::files
