#include "core/util/files.hpp"

#include "core/util/text.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>
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

/// The prefix of this process's temporary files for `name`: ".NAME.tmp-PID-".
std::string temp_prefix(std::string_view name) {
    return fmt::format(".{}.tmp-{}-", name, ::getpid());
}

/// Wait up to `ms` for `fd` (a FIFO opened without blocking) to have data or be
/// closed by a writer. True when it has.
bool wait_for_writer(int fd, int ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        const int rc = ::poll(&p, 1, static_cast<int>(left));
        if (rc > 0) return true;
        if (rc < 0 && errno != EINTR) return true;  // let read() say what is wrong
    }
}

/// Open a device or FIFO for writing. A FIFO without a reader is waited for (up to
/// kFifoWaitMs), not forever; then -1 with errno ENXIO.
int open_output_fd(const std::string& path, bool fifo) {
    if (!fifo) return ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_TRUNC);
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(kFifoWaitMs);
    for (;;) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd >= 0) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            return fd;
        }
        if (errno != ENXIO || std::chrono::steady_clock::now() >= until) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}
}  // namespace

std::string error_words(int e) {
    std::string s = std::strerror(e);
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

InputFd open_input(const std::string& path, int fifo_wait_ms) {
    InputFd r;
    // O_NONBLOCK: opening a FIFO must not wait (forever) for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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
    if (S_ISFIFO(st.st_mode)) {
        // A pipe (/dev/stdin, <(...)) has had its writer from the start: it is read as
        // it comes. A named FIFO may have none yet: wait for one, but not forever.
        std::error_code ec;
        const bool named = std::filesystem::is_fifo(std::filesystem::canonical(path, ec), ec) && !ec;
        if (named && !wait_for_writer(fd, fifo_wait_ms)) {
            ::close(fd);
            r.error = fmt::format("nothing was written to this FIFO within {} seconds (has it a writer?)",
                                  fifo_wait_ms / 1000);
            return r;
        }
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    r.fd = fd;
    return r;
}

ReadResult read(const std::string& path, std::size_t max_bytes) {
    ReadResult r;
    const auto in = open_input(path);
    if (in.fd < 0) {
        r.error = in.error;
        return r;
    }
    const int fd = in.fd;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        r.error = errno_text(errno);
        ::close(fd);
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
    std::string tmpl = (d / (temp_prefix(name) + "XXXXXX")).string();
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

CreateResult create_new(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const TempFile temp = write_temp(target.parent_path().string(), target.filename().string(), content);
    if (!temp.error.empty()) return {temp.error, false};
    int rc = ::renameat2(AT_FDCWD, temp.path.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    int e = rc == 0 ? 0 : errno;
    if (rc != 0 && (e == EINVAL || e == ENOSYS)) {
        // No RENAME_NOREPLACE on this file system: a hard link fails just the same
        // when the name is taken.
        rc = ::link(temp.path.c_str(), path.c_str());
        e = rc == 0 ? 0 : errno;
        ::unlink(temp.path.c_str());
    } else if (rc != 0) {
        ::unlink(temp.path.c_str());
    }
    if (rc == 0) return {};
    if (e == EEXIST) return {fmt::format("{} already exists", path), true};
    return {fmt::format("cannot create {}: {}", path, errno_text(e)), false};
}

namespace {

/// mkstemp's six letters and digits, and nothing else.
bool old_style_temp(std::string_view rest) {
    return rest.size() == 6 && std::all_of(rest.begin(), rest.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
           });
}

}  // namespace

std::size_t remove_stale_temps(const std::string& dir, std::string_view name) {
    namespace fs = std::filesystem;
    const std::string prefix = fmt::format(".{}.tmp-", name);
    std::size_t removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : fs::path(dir), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (!file.starts_with(prefix)) continue;
        // ".NAME.tmp-PID-XXXXXX": only files of that shape, whose process is gone.
        const std::string_view rest = std::string_view(file).substr(prefix.size());
        if (old_style_temp(rest)) {
            // ".NAME.tmp-XXXXXX" (leadctl before 2026-11 wrote no PID): no owner to
            // ask, so only one untouched for a day (no run of ours takes that long).
            std::error_code file_ec;
            const auto status = it->symlink_status(file_ec);
            const auto age = fs::file_time_type::clock::now() - fs::last_write_time(it->path(), file_ec);
            if (!file_ec && fs::is_regular_file(status) && age > std::chrono::hours(24) &&
                ::unlink(it->path().c_str()) == 0) {
                ++removed;
            }
            continue;
        }
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string_view::npos || dash > 9) continue;
        long pid = 0;
        bool digits = true;
        for (const char c : rest.substr(0, dash)) {
            if (c < '0' || c > '9') digits = false;
            pid = pid * 10 + (c - '0');
        }
        std::error_code file_ec;
        if (!digits || pid <= 0 || !fs::is_regular_file(it->symlink_status(file_ec))) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
        if (::unlink(it->path().c_str()) == 0) ++removed;
    }
    return removed;
}

FdWriter::FdWriter(int fd) : fd_(fd) {
    setp(buf_.data(), buf_.data() + buf_.size());
}

FdWriter::~FdWriter() = default;  // unflushed bytes are dropped: the file may be closed by now

bool FdWriter::write_all(const char* s, std::size_t n) {
    if (error_ != 0) return false;
    while (n > 0) {
        const ssize_t w = ::write(fd_, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            return false;
        }
        if (w == 0) {
            error_ = EIO;
            return false;
        }
        s += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

bool FdWriter::drain() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    setp(buf_.data(), buf_.data() + buf_.size());
    return n == 0 || write_all(buf_.data(), n);
}

FdWriter::int_type FdWriter::overflow(int_type c) {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

std::streamsize FdWriter::xsputn(const char* s, std::streamsize n) {
    const auto room = epptr() - pptr();
    if (n <= room) {
        std::memcpy(pptr(), s, static_cast<std::size_t>(n));
        pbump(static_cast<int>(n));
        return n;
    }
    if (!drain() || !write_all(s, static_cast<std::size_t>(n))) return 0;
    return n;
}

int FdWriter::sync() {
    return drain() ? 0 : -1;
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), target_(path_) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Through a symbolic link, the file it names is replaced; the link stays.
    if (fs::is_symlink(target_, ec)) {
        if (auto real = fs::canonical(target_, ec); !ec) target_ = real.string();
    }
    struct stat st {};
    if (::stat(target_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            error_ = fmt::format("cannot write {}: is a directory", path_);
            return;
        }
        // A device or FIFO (/dev/null, /dev/stdout, a named pipe) is written to, not replaced.
        fd_ = open_output_fd(target_, S_ISFIFO(st.st_mode));
        if (fd_ < 0) {
            error_ = errno == ENXIO ? fmt::format("cannot write {}: nobody read this FIFO within {} seconds", path_,
                                                  kFifoWaitMs / 1000)
                                    : fmt::format("cannot write {}: {}", path_, errno_text(errno));
            return;
        }
        buf_.attach(fd_);
        return;
    }
    const fs::path target(target_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    (void)remove_stale_temps(dir.string(), target.filename().string());
    std::string tmpl = (dir / (temp_prefix(target.filename().string()) + "XXXXXX")).string();
    fd_ = ::mkstemp(tmpl.data());
    if (fd_ < 0) {
        error_ = fmt::format("cannot create a temporary file in {}: {}", dir.string(), errno_text(errno));
        return;
    }
    temp_ = std::move(tmpl);
    buf_.attach(fd_);
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    out_.rdbuf(nullptr);  // nothing more reaches the file
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

std::string AtomicFile::commit() {
    if (!error_.empty()) return error_;
    out_.flush();
    const int fd = fd_;
    fd_ = -1;
    committed_ = true;
    auto fail = [&](int e) {
        if (fd >= 0) ::close(fd);
        if (!temp_.empty()) ::unlink(temp_.c_str());
        return fmt::format("cannot write {}: {}", path_, errno_text(e));
    };
    if (buf_.error() != 0) return fail(buf_.error());
    if (!out_) return fail(EIO);
    if (temp_.empty()) {
        // A device or FIFO: written as it went; only closing can still fail.
        if (::close(fd) != 0 && errno != EINTR) return fmt::format("cannot write {}: {}", path_, errno_text(errno));
        return {};
    }
    struct stat st {};
    if (::stat(target_.c_str(), &st) == 0) {
        copy_attributes(fd, st);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(temp_.c_str());
        return fmt::format("cannot write {}: {}", path_, errno_text(e));
    }
    return commit_temp(temp_, target_);
}

std::string write_atomic(const std::string& path, std::string_view content) {
    AtomicFile file(path);
    if (!file.error().empty()) return file.error();
    file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
    return file.commit();
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
