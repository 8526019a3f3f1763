// Diagnostics: problems found in user input, as values with a source location.
// They are rendered into text only at the edge (see format_diagnostic).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// A position in a user's file. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
    std::string file;
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
class Diagnostics {
public:
    void error(SourceLocation where, std::string code, std::string message);
    void warning(SourceLocation where, std::string code, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);
    /// Keep only the first `n` (drop what a phase added after a checkpoint).
    void truncate(std::size_t n) {
        if (n < items_.size()) items_.resize(n);
    }

    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

    /// Stable order for output: by file, line, column, then insertion order.
    void sort();

private:
    std::vector<Diagnostic> items_;
};

std::string_view to_string(Severity s);

/// "FILE:LINE:COL: error: [code] message" (line/column omitted when unknown).
std::string format_diagnostic(const Diagnostic& d);

}  // namespace leadctl
