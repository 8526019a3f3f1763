// Reading and writing files, with failures as values. Outputs are written atomically:
// a temporary file in the same directory, then rename(2), so a reader never sees a
// half-written file and an interrupted run leaves the old file untouched. Outputs that
// are not regular files (devices, FIFOs) are written directly, never replaced.
#pragma once

#include <array>
#include <istream>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace leadctl::files {

/// Plain words for an errno value: the system's text with a lower-case first
/// letter ("permission denied", "no such file or directory").
std::string error_words(int e);

/// How long open_input waits for a writer on a named FIFO (milliseconds).
inline constexpr int kFifoWaitMs = 5000;

/// A file opened for one pass of reading (`fd` >= 0, the caller closes it), or why not.
struct InputFd {
    int fd = -1;
    std::string error;  ///< "is a directory", "not a regular file", the system's text, ...
};

/// Open `path` for reading, front to back, without ever hanging: directories and
/// devices are refused; a pipe is read as it comes; a named FIFO must be written
/// to (or closed by its writer) within `fifo_wait_ms`, else it is refused rather
/// than waited on forever.
InputFd open_input(const std::string& path, int fifo_wait_ms = kFifoWaitMs);

struct ReadResult {
    std::optional<std::string> text;  ///< set on success
    std::string error;                ///< why reading failed ("No such file or directory")
};

/// Read a whole regular file. Directories, devices and files over `max_bytes` are refused.
ReadResult read(const std::string& path, std::size_t max_bytes = std::size_t{256} << 20);

/// Write `content` to `path` atomically (through a symbolic link, to the file it
/// names); a device or FIFO is written directly. Returns an error message, or "".
std::string write_atomic(const std::string& path, std::string_view content);

/// A finished temporary file, ready to be renamed into place.
struct TempFile {
    std::string path;   ///< set on success
    std::string error;  ///< why it failed
};

/// Write `content` to a new hidden temporary file ".NAME.tmp-PID-XXXXXX" in `dir`,
/// flushed to disk, with the permissions (and, where the user may set them, the
/// owner and group) of `mode_from` when that file exists.
TempFile write_temp(const std::string& dir, std::string_view name, std::string_view content,
                    const std::string& mode_from = {});

/// Rename `temp` to `path` (atomic on one file system); on failure the
/// temporary file is removed. Returns an error message, or "".
std::string commit_temp(const std::string& temp, const std::string& path);

struct CreateResult {
    std::string error;    ///< why it failed, or ""
    bool exists = false;  ///< it failed because something is already at the path
};

/// Create the file `path` holding `content`, atomically (a temporary file beside it,
/// moved into place whole), and only if nothing is at `path`: an existing file,
/// folder or symbolic link (even a dangling one) is never replaced, even one that
/// appears while the content is written (renameat2 RENAME_NOREPLACE, or link(2)
/// where the file system does not support that).
CreateResult create_new(const std::string& path, std::string_view content);

/// Remove the temporary files ".NAME.tmp-PID-*" in `dir` left by a process PID
/// that is gone (killed before it could clean up); those of a live process are
/// kept. Returns how many were removed.
std::size_t remove_stale_temps(const std::string& dir, std::string_view name);

/// A stream buffer writing to a file descriptor (not owned). The first failed
/// write's errno is kept (error()), and nothing more is written after it. Flush
/// the stream before destroying it: what is still buffered then is dropped.
class FdWriter : public std::streambuf {
public:
    explicit FdWriter(int fd);
    ~FdWriter() override;
    FdWriter(const FdWriter&) = delete;
    FdWriter& operator=(const FdWriter&) = delete;
    [[nodiscard]] int error() const { return error_; }  ///< 0, or the errno of the first failed write
    void attach(int fd) { fd_ = fd; }                   ///< write to `fd` from now on

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    bool drain();
    bool write_all(const char* s, std::size_t n);

    int fd_;
    int error_ = 0;
    std::array<char, std::size_t{1} << 16> buf_{};
};

/// An output file written as a stream: a hidden temporary file beside `path` (the
/// file a symbolic link names), renamed over it by commit(); stale temporary files
/// of the same name from killed runs are removed first. A device or FIFO is
/// written directly instead. Destroyed without commit() (an error, an exception,
/// an interrupt), it removes the temporary file: nothing is left.
class AtomicFile {
public:
    /// Opens the temporary file; check error() before writing.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    [[nodiscard]] const std::string& error() const { return error_; }
    std::ostream& stream() { return out_; }
    /// Flush, sync and rename into place (or close the device). Returns an error
    /// message naming the path (a full disk, an I/O error), or "".
    std::string commit();

private:
    std::string path_;    ///< as given, for messages
    std::string target_;  ///< the file written (symbolic links resolved)
    std::string temp_;    ///< "" when writing the target directly
    std::string error_;
    int fd_ = -1;
    FdWriter buf_{-1};
    std::ostream out_{&buf_};
    bool committed_ = false;
};

/// An exclusive advisory lock (flock(2)) on an existing file that is about to be
/// read, changed and replaced atomically (read-modify-write), so that two such
/// updates of one file run one after the other instead of one losing the other's
/// change. The lock is taken on the file itself (opened read-only), after symbolic
/// links are resolved: `path` is the file to read and to replace, so a link stays a
/// link. As the replacement is a new file (rename), a waiter that wakes up holding
/// the lock of a file already replaced lets it go and locks the new one. Released
/// when destroyed (after the replacement is in place). Only regular files are
/// locked; for anything else `path` is set and `locked` is false.
class UpdateLock {
public:
    explicit UpdateLock(const std::string& path);
    ~UpdateLock();
    UpdateLock(const UpdateLock&) = delete;
    UpdateLock& operator=(const UpdateLock&) = delete;

    [[nodiscard]] const std::string& path() const { return path_; }  ///< the file itself (links resolved)
    [[nodiscard]] bool locked() const { return fd_ >= 0; }
    [[nodiscard]] const std::string& error() const { return error_; }  ///< why it could not be locked

private:
    std::string path_;
    std::string error_;
    int fd_ = -1;
};

/// A file that is not UTF-8 text: NUL bytes ("binary") or invalid UTF-8.
struct EncodingProblem {
    bool binary = false;    ///< a NUL byte (else: invalid UTF-8, or too_long)
    bool too_long = false;  ///< a line longer than the reader's limit (CheckedInput::kMaxLine)
    int line = 1;
    int column = 1;
    unsigned char byte = 0;
};

/// True when both paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace leadctl::files
