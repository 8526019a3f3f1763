// Diagnostics: problems found in user input, as values with a source location.
// They are rendered into text only at the edge (see format_diagnostic).
#pragma once

#include "core/util/file_name.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// A position in a user's file. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
    FileName file;
    int line = 0;
    int column = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     ///< stable, kebab-case identifier such as "unknown-key"
    std::string message;  ///< one sentence, no trailing period
    SourceLocation location;
};

/// Collects every problem of one phase, so that all of them can be reported at once.
/// With a limit (set_limit), problems past it are counted but not kept, so that a
/// hostile input cannot make the list grow without bound.
class Diagnostics {
public:
    void error(SourceLocation where, std::string code, std::string message);
    void warning(SourceLocation where, std::string code, std::string message);
    void add(Diagnostic d);
    /// Adds the other's items (within this one's limit) and its count of dropped ones.
    void append(const Diagnostics& other);
    /// Where the list stands, to roll back to (drop what a phase added after it).
    struct Checkpoint {
        std::size_t items = 0;
        std::size_t dropped_errors = 0;
        std::size_t dropped_warnings = 0;
    };
    [[nodiscard]] Checkpoint checkpoint() const { return {items_.size(), dropped_errors_, dropped_warnings_}; }
    void rollback(const Checkpoint& c) {
        if (c.items < items_.size()) items_.resize(c.items);
        dropped_errors_ = c.dropped_errors;
        dropped_warnings_ = c.dropped_warnings;
    }
    /// Keep at most `n` items from now on; later ones are only counted (dropped()).
    void set_limit(std::size_t n) { limit_ = n; }
    [[nodiscard]] std::size_t limit() const { return limit_; }
    /// Problems counted but not kept because of the limit.
    [[nodiscard]] std::size_t dropped() const { return dropped_errors_ + dropped_warnings_; }
    [[nodiscard]] std::size_t dropped_errors() const { return dropped_errors_; }
    /// Keeps `d` whatever the limit, in place of one dropped problem of its severity
    /// (a summary of those dropped), so that the counts stay the same.
    void add_in_place_of_dropped(Diagnostic d);

    [[nodiscard]] bool has_errors() const;
    /// Errors and warnings, counting those dropped past the limit.
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

    /// Stable order for output: by file, line, column, then insertion order.
    void sort();

private:
    std::vector<Diagnostic> items_;
    std::size_t limit_ = static_cast<std::size_t>(-1);
    std::size_t dropped_errors_ = 0;
    std::size_t dropped_warnings_ = 0;
};

std::string_view to_string(Severity s);

/// "FILE:LINE:COL: error: [code] message" (line/column omitted when unknown).
/// Control characters in the file name, code and message are escaped (text::terminal_safe).
std::string format_diagnostic(const Diagnostic& d);

}  // namespace leadctl
