#include "core/util/diagnostic.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace leadctl {

void Diagnostics::error(SourceLocation where, std::string code, std::string message) {
    items_.push_back({Severity::error, std::move(code), std::move(message), std::move(where)});
}

void Diagnostics::warning(SourceLocation where, std::string code, std::string message) {
    items_.push_back({Severity::warning, std::move(code), std::move(message), std::move(where)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
    return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
    return items_.size() - error_count();
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
    return fmt::format("{}: {}: [{}] {}", where, to_string(d.severity), d.code, d.message);
}

}  // namespace leadctl
