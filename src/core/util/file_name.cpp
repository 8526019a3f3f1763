#include "core/util/file_name.hpp"

#include <mutex>
#include <unordered_set>

namespace leadctl {

namespace {

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct Names {
    std::mutex mutex;
    std::unordered_set<std::string, Hash, std::equal_to<>> names;  // nodes never move: pointers stay valid
};

Names& names() {
    static auto* n = new Names;  // never destroyed: FileNames may outlive static destructors
    return *n;
}

const std::string& empty_name() {
    static const std::string empty;
    return empty;
}

}  // namespace

FileName::FileName() noexcept : name_(&empty_name()) {}

FileName::FileName(std::string_view name) : name_(&empty_name()) {
    if (name.empty()) return;
    auto& n = names();
    const std::lock_guard lock(n.mutex);
    auto it = n.names.find(name);
    if (it == n.names.end()) it = n.names.emplace(name).first;
    name_ = &*it;
}

}  // namespace leadctl
