// One pass over an input file: a std::streambuf that reads a file descriptor front to
// back (regular files, pipes, FIFOs, /dev/stdin alike: it never seeks or reopens),
// checks the bytes for NUL and invalid UTF-8 on the way, and keeps a bounded window of
// the most recent lines so that a reader can look back at the raw text it has just
// parsed (to place a privacy finding at its exact column) without reading twice.
#pragma once

#include "core/util/files.hpp"

#include <cstddef>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

namespace leadctl::files {

class CheckedInput : public std::streambuf {
public:
    /// Bytes asked of the file at a time.
    static constexpr std::size_t kChunk = std::size_t{64} << 10;

    /// The longest line read by default (bytes, without the line end): a limit of
    /// ours, far above any real log line, so that one runaway line cannot take the
    /// memory (the window keeps the current line whole).
    static constexpr std::size_t kMaxLine = std::size_t{16} << 20;

    /// Reads `fd` (not owned, not closed). `keep_bytes`: how much already-read text
    /// is kept for line() (at least the current line is always kept; by default
    /// 128 KiB, far more than an entry spans, and the window is then at most
    /// 2 x 128 KiB + kChunk, whatever the length of the file). A line longer
    /// than `max_line` bytes is a problem (too_long) and ends the stream there.
    explicit CheckedInput(int fd, std::size_t keep_bytes = std::size_t{128} << 10, std::size_t max_line = kMaxLine);

    /// The first bytes of the input (up to `n`, fewer at its end or before an
    /// encoding problem), without consuming them: for format detection.
    std::string_view prefix(std::size_t n);

    /// Set once a NUL byte, invalid UTF-8 or a line over the limit is found; the
    /// stream ends just before it.
    [[nodiscard]] const std::optional<EncodingProblem>& problem() const { return problem_; }
    /// Set when the operating system failed a read ("Is a directory", ...); the stream ends there.
    [[nodiscard]] const std::string& read_error() const { return read_error_; }

    /// The text of line `n` (1-based, without its line end) when it has been read
    /// and is still in the window; nullopt otherwise.
    [[nodiscard]] std::optional<std::string_view> line(int n) const;
    /// The number of the last line that has been read completely (0 before any).
    [[nodiscard]] int complete_lines() const;
    /// True when the whole input has been read (or reading stopped at a problem).
    [[nodiscard]] bool at_end() const { return eof_; }

protected:
    int_type underflow() override;

private:
    /// Reads one more chunk into the window and checks it; false at end of input.
    bool fill();
    void check_new_bytes();
    void evict();
    /// Where in window_[checked_, end) a line first grows past max_line_, if it does.
    std::optional<std::size_t> long_line_at(std::size_t end);

    int fd_;
    std::size_t keep_;
    std::size_t max_line_;
    std::string window_;         ///< bytes from the start of line first_line_ to the last read
    int first_line_ = 1;         ///< line number at window_[0]
    std::size_t checked_ = 0;    ///< window_[0, checked_) is known to be good
    std::size_t delivered_ = 0;  ///< window_[0, delivered_) has been handed to the reader
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t nl_scanned_ = 0;   ///< evict() has looked for line ends in window_[0, nl_scanned_)
    std::size_t last_nl_ = kNone;  ///< the last line end found there
    std::size_t line_start_ = 0;   ///< where the line being checked starts in window_
    bool eof_ = false;
    std::optional<EncodingProblem> problem_;
    std::string read_error_;
};

}  // namespace leadctl::files
