// Reading and writing files, with failures as values. Outputs are written atomically:
// a temporary file in the same directory, then rename(2), so a reader never sees a
// half-written file and an interrupted run leaves the old file untouched.
#pragma once

#include <fstream>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace leadctl::files {

struct ReadResult {
    std::optional<std::string> text;  ///< set on success
    std::string error;                ///< why reading failed ("No such file or directory")
};

/// Read a whole regular file. Directories, devices and files over `max_bytes` are refused.
ReadResult read(const std::string& path, std::size_t max_bytes = std::size_t{256} << 20);

/// Write `content` to `path` atomically. Returns an error message, or "" on success.
std::string write_atomic(const std::string& path, std::string_view content);

/// A finished temporary file, ready to be renamed into place.
struct TempFile {
    std::string path;   ///< set on success
    std::string error;  ///< why it failed
};

/// Write `content` to a new hidden temporary file ".NAME.tmp-XXXXXX" in `dir`,
/// flushed to disk, with the permissions (and, where the user may set them, the
/// owner and group) of `mode_from` when that file exists.
TempFile write_temp(const std::string& dir, std::string_view name, std::string_view content,
                    const std::string& mode_from = {});

/// Rename `temp` to `path` (atomic on one file system); on failure the
/// temporary file is removed. Returns an error message, or "".
std::string commit_temp(const std::string& temp, const std::string& path);

/// An output file written as a stream: a hidden temporary file beside `path`,
/// renamed over it by commit(). Destroyed without commit() (an error, an
/// exception, an interrupt), it removes the temporary file: nothing is left.
class AtomicFile {
public:
    /// Opens the temporary file; check error() before writing.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    [[nodiscard]] const std::string& error() const { return error_; }
    std::ostream& stream() { return out_; }
    /// Flush, sync and rename into place. Returns an error message, or "".
    std::string commit();

private:
    std::string path_;
    std::string temp_;
    std::string error_;
    std::ofstream out_;
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
