// CR-only line ends (classic Mac): found in one pass over bytes that arrive in
// pieces, and refused in plain words. Internal to the YAML tree (yaml_tree.cpp).
#pragma once

#include "core/util/diagnostic.hpp"

#include <cstddef>
#include <string>

namespace leadctl::yaml::detail {

/// A CR not followed by LF (classic Mac line ends), at a 1-based line (counted by LF,
/// as every other part of leadctl counts lines) and column.
struct LoneCr {
    int line = 1;
    int column = 1;
};

/// libyaml takes a lone CR for a line break (YAML 1.1), but the rest of leadctl (line
/// lookups for privacy findings, quoting checks, editors' line numbers in messages)
/// counts LF: one file would have two sets of line numbers. Refused, in plain words.
Diagnostic lone_cr_error(const std::string& file, const LoneCr& at);

/// Finds the first lone CR of a text that arrives in pieces (each byte seen once).
class LoneCrScanner {
public:
    /// Scans p[0..n), the next bytes of the text.
    void feed(const unsigned char* p, std::size_t n) {
        for (std::size_t i = 0; i < n && !found_; ++i) {
            const unsigned char c = p[i];
            if (cr_pending_) {
                cr_pending_ = false;
                if (c != '\n') {
                    found_ = true;
                    return;
                }
            }
            if (c == '\n') {
                ++at_.line;
                at_.column = 1;
            } else if (c == '\r') {
                cr_pending_ = true;  // at_ stays on the CR until the next byte tells
            } else if ((c & 0xC0u) != 0x80u) {
                ++at_.column;
            }
        }
    }
    /// At the end of the text: a CR as its last byte is a lone one.
    void finish() {
        if (cr_pending_) found_ = true;
    }
    [[nodiscard]] bool found() const { return found_; }
    [[nodiscard]] LoneCr where() const { return at_; }

private:
    LoneCr at_;
    bool cr_pending_ = false;
    bool found_ = false;
};

}  // namespace leadctl::yaml::detail
