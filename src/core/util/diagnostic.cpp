#include "core/util/diagnostic.hpp"

#include "core/util/privacy.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace leadctl {

void Diagnostics::error(SourceLocation where, std::string code, std::string message) {
    add({Severity::error, std::move(code), std::move(message), std::move(where)});
}

void Diagnostics::warning(SourceLocation where, std::string code, std::string message) {
    add({Severity::warning, std::move(code), std::move(message), std::move(where)});
}

void Diagnostics::add(Diagnostic d) {
    if (items_.size() >= limit_) {
        ++(d.severity == Severity::error ? dropped_errors_ : dropped_warnings_);
        return;
    }
    // Messages quote values from users' files ("date \"943 476 5919\" is not a
    // date"): whatever looks patient-identifiable in them is masked, here, once.
    d.message = privacy::redact(d.message);
    items_.push_back(std::move(d));
}

void Diagnostics::add_in_place_of_dropped(Diagnostic d) {
    auto& dropped = d.severity == Severity::error ? dropped_errors_ : dropped_warnings_;
    if (dropped > 0) --dropped;
    items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
    dropped_errors_ += other.dropped_errors_;
    dropped_warnings_ += other.dropped_warnings_;
}

bool Diagnostics::has_errors() const {
    return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
    return dropped_errors_ +
           static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
    return dropped_warnings_ +
           static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const auto& la = a.location;
        const auto& lb = b.location;
        if (la.file != lb.file) return la.file < lb.file;
        if (la.line != lb.line) return la.line < lb.line;
        return la.column < lb.column;
    });
}

std::string_view to_string(Severity s) {
    return s == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string where = d.location.file;
    if (d.location.line > 0) {
        where += fmt::format(":{}", d.location.line);
        if (d.location.column > 0) where += fmt::format(":{}", d.location.column);
    }
    if (where.empty()) where = "leadctl";
    // Paths, codes and messages quote the user's text: no control character of theirs
    // reaches the terminal.
    return fmt::format("{}: {}: [{}] {}", text::terminal_safe(where), to_string(d.severity),
                       text::terminal_safe(d.code), text::terminal_safe(d.message));
}

}  // namespace leadctl
