// FileName: the name of a user's file as every SourceLocation carries it.
#pragma once

#include <fmt/format.h>
#include <compare>
#include <string>
#include <string_view>

namespace leadctl {

/// A file name interned once per process: copying one (every value read from a log
/// carries a SourceLocation) copies a pointer instead of allocating the path again
/// (issue 13: those copies were ~13 of ~120 allocations per evidence entry). The names
/// are kept until the process ends; a run names each of its files once, so they take
/// about as much memory as the list of its inputs. Thread-safe.
class FileName {
public:
    FileName() noexcept;
    FileName(std::string_view name);  // NOLINT(google-explicit-constructor): a path is a file name
    FileName(const std::string& name) : FileName(std::string_view(name)) {}  // NOLINT
    FileName(const char* name) : FileName(std::string_view(name)) {}         // NOLINT

    [[nodiscard]] const std::string& str() const noexcept { return *name_; }
    operator const std::string&() const noexcept { return *name_; }  // NOLINT
    [[nodiscard]] bool empty() const noexcept { return name_->empty(); }
    [[nodiscard]] const char* c_str() const noexcept { return name_->c_str(); }

    /// Interned: one pointer per name, so equality is pointer equality.
    friend bool operator==(const FileName& a, const FileName& b) noexcept { return a.name_ == b.name_; }
    friend std::strong_ordering operator<=>(const FileName& a, const FileName& b) noexcept {
        if (a.name_ == b.name_) return std::strong_ordering::equal;
        return *a.name_ <=> *b.name_;
    }

private:
    const std::string* name_;
};

}  // namespace leadctl

template <>
struct fmt::formatter<leadctl::FileName> : fmt::formatter<std::string_view> {
    template <typename Context>
    auto format(const leadctl::FileName& f, Context& ctx) const {
        return fmt::formatter<std::string_view>::format(std::string_view(f.str()), ctx);
    }
};
