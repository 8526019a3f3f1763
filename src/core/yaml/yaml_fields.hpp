// Typed, diagnosing access to the fields of a YAML mapping. Used by every loader
// of user files (frameworks, crosswalks, policies, opportunity catalogues, evidence
// logs) so that unknown keys, missing fields and wrong types are reported the same
// way everywhere.
#pragma once

#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl::yaml {

class Fields {
public:
    /// `what` names the mapping in messages ("item", "profile"). Unknown keys are
    /// reported at once, with a suggestion from `allowed`.
    Fields(const Node& map, const FileName& file, Diagnostics& diags, std::span<const std::string_view> allowed,
           std::string_view what);

    /// The value node for `key`, or nullptr when absent.
    [[nodiscard]] const Node* get(std::string_view key) const { return map_.find(key); }

    /// A scalar as text. Absent or null gives "" (and a "missing-field" error when required).
    std::string text(std::string_view key, bool required = false);
    /// A whole number; nullopt when absent or not a number (reported).
    std::optional<long long> integer(std::string_view key);
    /// A list of scalars; a single scalar is accepted as a one-element list.
    std::vector<std::string> texts(std::string_view key);
    /// The value when it is a list (nullptr, with a "wrong-type" error, otherwise).
    const Node* list(std::string_view key, bool required = false);
    /// The value when it is a mapping.
    const Node* mapping(std::string_view key, bool required = false);

    [[nodiscard]] SourceLocation where() const { return at(map_); }
    [[nodiscard]] SourceLocation at(const Node& n) const { return {file_, n.line, n.column}; }
    void missing(std::string_view key);
    void wrong_type(std::string_view key, const Node& value, std::string_view expected);

private:
    const Node& map_;
    FileName file_;
    Diagnostics& diags_;
    std::string what_;
};

/// Report "wrong-type" unless `n` is a mapping. Returns whether it is one.
bool expect_map(const Node& n, const FileName& file, Diagnostics& diags, std::string_view what);

}  // namespace leadctl::yaml
