#include "core/util/checked_input.hpp"

#include "core/util/text.hpp"

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace leadctl::files {

CheckedInput::CheckedInput(int fd, std::size_t keep_bytes, std::size_t max_line)
    : fd_(fd), keep_(std::max<std::size_t>(keep_bytes, 1)), max_line_(std::max<std::size_t>(max_line, 1)) {}

std::string_view CheckedInput::prefix(std::size_t n) {
    while (checked_ < n && fill()) {
    }
    return std::string_view(window_).substr(0, std::min(n, checked_));
}

std::optional<std::string_view> CheckedInput::line(int n) const {
    if (n < first_line_) return std::nullopt;
    const std::string_view w(window_.data(), checked_);
    std::size_t start = 0;
    for (int l = first_line_; l < n; ++l) {
        const auto nl = w.find('\n', start);
        if (nl == std::string_view::npos) return std::nullopt;
        start = nl + 1;
    }
    const auto end = w.find('\n', start);
    if (end == std::string_view::npos) {
        // The last line is complete only at the end of the input.
        if (!eof_ || start >= w.size()) return std::nullopt;
        return w.substr(start);
    }
    return w.substr(start, end - start);
}

int CheckedInput::complete_lines() const {
    const auto newlines = std::count(window_.begin(), window_.begin() + static_cast<std::ptrdiff_t>(checked_), '\n');
    int n = first_line_ - 1 + static_cast<int>(newlines);
    if (eof_ && checked_ > 0 && window_[checked_ - 1] != '\n') ++n;  // a last line without a line end
    return n;
}

CheckedInput::int_type CheckedInput::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    for (;;) {
        if (delivered_ < checked_) {
            char* base = window_.data();
            setg(base, base + delivered_, base + checked_);
            delivered_ = checked_;
            return traits_type::to_int_type(*gptr());
        }
        if (!fill()) return traits_type::eof();
    }
}

bool CheckedInput::fill() {
    if (eof_) return false;
    evict();
    const std::size_t old = window_.size();
    window_.resize(old + kChunk);
    ssize_t got = 0;
    do {
        got = ::read(fd_, window_.data() + old, kChunk);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        read_error_ = std::strerror(errno);
        got = 0;
    }
    window_.resize(old + static_cast<std::size_t>(got));
    if (got == 0) eof_ = true;
    check_new_bytes();
    // Handing out what is already there (setg) happens in underflow, which sets
    // the get area again after every fill: the window may have moved.
    setg(nullptr, nullptr, nullptr);
    return true;
}

void CheckedInput::check_new_bytes() {
    std::size_t limit = window_.size();
    if (!eof_) {
        // Hold back a UTF-8 sequence that the chunk boundary may have cut.
        std::size_t k = window_.size();
        for (int back = 0; back < 3 && k > checked_; ++back) {
            const auto c = static_cast<unsigned char>(window_[k - 1]);
            if ((c & 0xC0U) == 0x80U) {
                --k;
                continue;
            }
            k = c >= 0xC0U ? k - 1 : window_.size();
            break;
        }
        limit = k;
    }
    const std::string_view part(window_.data() + checked_, limit - checked_);
    std::optional<std::size_t> bad;
    bool binary = false;
    if (auto nul = part.find('\0'); nul != std::string_view::npos) {
        bad = nul;
        binary = true;
    }
    if (auto u = text::find_invalid_utf8(part); u && (!bad || *u < *bad)) {
        bad = u;
        binary = false;
    }
    bool too_long = false;
    if (auto t = long_line_at(limit); t && (!bad || *t < checked_ + *bad)) {
        bad = *t - checked_;
        binary = false;
        too_long = true;
    }
    if (!bad) {
        checked_ = limit;
        return;
    }
    const std::size_t at = checked_ + *bad;
    const std::string_view before(window_.data(), at);
    const auto line_start = before.rfind('\n');
    const std::size_t ls = line_start == std::string_view::npos ? 0 : line_start + 1;
    EncodingProblem p;
    p.binary = binary;
    p.too_long = too_long;
    p.line = first_line_ + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    p.column = text::line_column_at(std::string_view(window_.data() + ls, at - ls + 1), at - ls).column;
    p.byte = static_cast<unsigned char>(window_[at]);
    problem_ = p;
    checked_ = at;
    eof_ = true;  // nothing after the bad byte is read or handed out
}

std::optional<std::size_t> CheckedInput::long_line_at(std::size_t end) {
    for (std::size_t at = checked_; at < end;) {
        const void* hit = std::memchr(window_.data() + at, '\n', end - at);
        const std::size_t stop = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - window_.data()) : end;
        if (stop - line_start_ > max_line_) return line_start_ + max_line_;
        if (!hit) break;
        line_start_ = stop + 1;
        at = stop + 1;
    }
    return std::nullopt;
}

void CheckedInput::evict() {
    // Drop text well behind the reader, at a line start, once the window is twice
    // what is kept: amortised, each byte is moved about once.
    if (window_.size() < 2 * keep_ + kChunk || delivered_ <= keep_) return;
    const std::size_t cut_before = delivered_ - keep_;
    // The last line end before cut_before, searched forward from where the last
    // search stopped: one very long line is scanned once, not once per chunk.
    for (std::size_t at = nl_scanned_; at < cut_before;) {
        const void* hit = std::memchr(window_.data() + at, '\n', cut_before - at);
        if (!hit) break;
        last_nl_ = static_cast<std::size_t>(static_cast<const char*>(hit) - window_.data());
        at = last_nl_ + 1;
    }
    nl_scanned_ = cut_before;
    if (last_nl_ == kNone) return;  // one very long line: keep it whole
    const std::size_t cut = last_nl_ + 1;
    last_nl_ = kNone;
    nl_scanned_ -= cut;
    first_line_ +=
        static_cast<int>(std::count(window_.begin(), window_.begin() + static_cast<std::ptrdiff_t>(cut), '\n'));
    window_.erase(0, cut);
    checked_ -= cut;
    delivered_ -= cut;
    line_start_ -= cut;
}

}  // namespace leadctl::files
