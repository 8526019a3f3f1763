#include "core/model/model.hpp"

#include <algorithm>

namespace leadctl {

void Framework::index() {
    by_code_.clear();
    by_alias_.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        by_code_.emplace(items[i].code, static_cast<int>(i));
        for (const auto& a : items[i].aliases) by_alias_.emplace(a, static_cast<int>(i));
    }
}

int Framework::find(std::string_view code_or_alias) const {
    const std::string key(code_or_alias);
    if (auto it = by_code_.find(key); it != by_code_.end()) return it->second;
    if (auto it = by_alias_.find(key); it != by_alias_.end()) return it->second;
    return -1;
}

const Item* Framework::item(std::string_view code_or_alias) const {
    const int i = find(code_or_alias);
    return i < 0 ? nullptr : &at(i);
}

int Framework::level_index(std::string_view level_id) const {
    for (std::size_t i = 0; i < scale.size(); ++i) {
        if (scale[i].id == level_id) return static_cast<int>(i);
    }
    return -1;
}

const Profile* Framework::profile(std::string_view id_) const {
    for (const auto& p : profiles) {
        if (p.id == id_) return &p;
    }
    return nullptr;
}

bool Framework::within(int index, int ancestor) const {
    while (index >= 0) {
        if (index == ancestor) return true;
        index = at(index).parent;
    }
    return false;
}

std::vector<std::string> Framework::all_names() const {
    std::vector<std::string> names;
    for (const auto& it : items) {
        names.push_back(it.code);
        names.insert(names.end(), it.aliases.begin(), it.aliases.end());
    }
    return names;
}

std::size_t Framework::max_depth() const {
    std::size_t d = 0;
    for (const auto& it : items) d = std::max(d, static_cast<std::size_t>(it.depth) + 1);
    return d;
}

std::optional<Reference> parse_reference(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
    if (text.find(':', colon + 1) != std::string_view::npos) return std::nullopt;
    return Reference{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

}  // namespace leadctl
