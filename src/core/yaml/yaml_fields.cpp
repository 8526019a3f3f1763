#include "core/yaml/yaml_fields.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <charconv>

namespace leadctl::yaml {

Fields::Fields(const Node& map, const FileName& file, Diagnostics& diags, std::span<const std::string_view> allowed,
               std::string_view what)
    : map_(map), file_(file), diags_(diags), what_(what) {
    for (const auto& [key, value] : map_.entries) {
        if (!key->is_scalar()) {
            diags_.error(at(*key), "wrong-type", fmt::format("keys in a {} must be plain words", what_));
            continue;
        }
        bool ok = false;
        for (auto a : allowed) ok = ok || a == key->value;
        if (!ok) {
            // Built only here: a Fields is made for every entry of every log.
            const std::vector<std::string> known(allowed.begin(), allowed.end());
            diags_.error(
                at(*key), "unknown-key",
                fmt::format("unknown key \"{}\" in {}{}", key->value, what_, text::did_you_mean(key->value, known)));
        }
    }
}

void Fields::missing(std::string_view key) {
    diags_.error(where(), "missing-field", fmt::format("{} has no \"{}\"", what_, key));
}

void Fields::wrong_type(std::string_view key, const Node& value, std::string_view expected) {
    diags_.error(at(value), "wrong-type",
                 fmt::format("\"{}\" in {} must be {}, not a {}", key, what_, expected, kind_name(value.kind)));
}

std::string Fields::text(std::string_view key, bool required) {
    const Node* v = get(key);
    if (!v || v->is_null() || (v->is_scalar() && text::trim(v->value).empty())) {
        if (required) missing(key);
        return {};
    }
    if (!v->is_scalar()) {
        wrong_type(key, *v, "text");
        return {};
    }
    return v->value;
}

std::optional<long long> Fields::integer(std::string_view key) {
    const Node* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    long long out = 0;
    if (v->is_scalar()) {
        const auto& s = v->value;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        if (ec == std::errc{} && ptr == s.data() + s.size()) return out;
    }
    wrong_type(key, *v, "a whole number");
    return std::nullopt;
}

std::vector<std::string> Fields::texts(std::string_view key) {
    std::vector<std::string> out;
    const Node* v = get(key);
    if (!v || v->is_null()) return out;
    if (v->is_scalar()) {
        out.push_back(v->value);
        return out;
    }
    if (!v->is_sequence()) {
        wrong_type(key, *v, "a list of text");
        return out;
    }
    for (const auto& e : v->items) {
        if (e->is_scalar()) {
            out.push_back(e->value);
        } else {
            diags_.error(at(*e), "wrong-type",
                         fmt::format("entries of \"{}\" in {} must be text, not a {}", key, what_, kind_name(e->kind)));
        }
    }
    return out;
}

const Node* Fields::list(std::string_view key, bool required) {
    const Node* v = get(key);
    if (!v || v->is_null()) {
        if (required) missing(key);
        return nullptr;
    }
    if (!v->is_sequence()) {
        wrong_type(key, *v, "a list");
        return nullptr;
    }
    return v;
}

const Node* Fields::mapping(std::string_view key, bool required) {
    const Node* v = get(key);
    if (!v || v->is_null()) {
        if (required) missing(key);
        return nullptr;
    }
    if (!v->is_map()) {
        wrong_type(key, *v, "a mapping (key: value pairs)");
        return nullptr;
    }
    return v;
}

bool expect_map(const Node& n, const FileName& file, Diagnostics& diags, std::string_view what) {
    if (n.is_map()) return true;
    diags.error({file, n.line, n.column}, "wrong-type",
                fmt::format("{} must be a mapping (key: value pairs), not a {}", what, kind_name(n.kind)));
    return false;
}

}  // namespace leadctl::yaml
