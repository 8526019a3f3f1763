// Indentation of the lines of a YAML text, for the check that a quoted value's further
// lines stay indented under its key (Builder::check_continuation in yaml_tree.cpp).
// Internal to the YAML tree.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace leadctl::yaml::detail {

// libyaml does not check that the lines a quoted value runs on to are indented
// under its key, as YAML requires; so an unterminated quote closed by the next
// entry's opening quote silently takes the entries between into the value. We
// check it (Builder::check_continuation) from the indentation of recent lines.

/// Indentation (leading spaces and tabs) of the lines of a text as it passes, counted
/// as libyaml counts lines; the most recent kKept lines are kept.
class LineIndents {
public:
    static constexpr std::size_t kKept = std::size_t{1} << 14;
    static constexpr std::uint16_t kBlank = 0xFFFF;

    /// Records p[0..n), the next bytes of the text.
    void feed(const unsigned char* p, std::size_t n) {
        if (lone_cr_ || n == 0) return;
        if (cr_at_end_ && p[0] != '\n') lone_cr_ = true;
        cr_at_end_ = false;
        // A lone CR is a line break to libyaml too; rare enough not to count it: stop.
        for (const void* cr = std::memchr(p, '\r', n); cr;) {
            const auto at = static_cast<std::size_t>(static_cast<const unsigned char*>(cr) - p);
            if (at + 1 == n) {
                cr_at_end_ = true;
                break;
            }
            if (p[at + 1] != '\n') lone_cr_ = true;
            cr = std::memchr(p + at + 1, '\r', n - at - 1);
        }
        std::size_t i = 0;
        while (i < n) {
            if (in_indent_) {
                while (i < n && (p[i] == ' ' || p[i] == '\t')) {
                    ++indent_;
                    ++i;
                }
                if (i == n) return;
                const bool blank = p[i] == '\n' || p[i] == '\r';
                ring_[line_ % kKept] =
                    blank ? kBlank : static_cast<std::uint16_t>(std::min<std::size_t>(indent_, kBlank - 1));
                in_indent_ = false;
            }
            const void* nl = std::memchr(p + i, '\n', n - i);
            if (!nl) return;
            i = static_cast<std::size_t>(static_cast<const unsigned char*>(nl) - p) + 1;
            ++line_;
            in_indent_ = true;
            indent_ = 0;
        }
    }

    /// The first line in [from, to] (0-based) that is not blank and is indented by
    /// `limit` or less: 0 if none, -1 when these lines are not (or no longer) known.
    [[nodiscard]] long long first_shallow(std::size_t from, std::size_t to, std::size_t limit) const {
        if (lone_cr_ || to > line_ || (to == line_ && in_indent_) || line_ - from >= kKept) return -1;
        for (std::size_t l = from; l <= to; ++l) {
            const std::uint16_t ind = ring_[l % kKept];
            if (ind != kBlank && ind <= limit) return static_cast<long long>(l) + 1;
        }
        return 0;
    }

private:
    std::vector<std::uint16_t> ring_ = std::vector<std::uint16_t>(kKept, kBlank);
    std::size_t line_ = 0;  ///< the line being read
    bool in_indent_ = true;
    std::size_t indent_ = 0;
    bool cr_at_end_ = false;
    bool lone_cr_ = false;
};

/// The same question over a text held whole (parse(string_view)): its line starts are
/// found the first time they are needed.
class TextLines {
public:
    explicit TextLines(std::string_view text) : text_(text) {}

    [[nodiscard]] long long first_shallow(std::size_t from, std::size_t to, std::size_t limit) {
        if (starts_.empty()) index();
        if (lone_cr_ || to >= starts_.size()) return -1;
        for (std::size_t l = from; l <= to; ++l) {
            std::size_t i = starts_[l];
            while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
            const bool blank = i == text_.size() || text_[i] == '\n' || text_[i] == '\r';
            if (!blank && i - starts_[l] <= limit) return static_cast<long long>(l) + 1;
        }
        return 0;
    }

private:
    void index() {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                starts_.push_back(i + 1);
            } else if (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')) {
                lone_cr_ = true;  // a line break to libyaml too; rare enough not to count it
            }
        }
    }

    std::string_view text_;
    std::vector<std::size_t> starts_;
    bool lone_cr_ = false;
};

}  // namespace leadctl::yaml::detail
