// libyaml's errors in plain words: where the reader, scanner or parser stopped
// (1-based, as every leadctl diagnostic) and what to do about it. Internal to the
// YAML tree (yaml_tree.cpp); nothing else includes libyaml.
#pragma once

#include "core/util/diagnostic.hpp"

#include <yaml.h>
#include <cstdint>
#include <string>

namespace leadctl::yaml::detail {

/// 1-based line and column of a libyaml mark (which counts from 0, in characters).
struct Place {
    int line = 0;
    int column = 0;
};
inline Place place(const yaml_mark_t& m) {
    return {static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
}

/// The last scalar seen: a quoted value that runs over several lines just before a
/// syntax error is usually a closing quote that is missing.
struct LastScalar {
    yaml_mark_t start{};
    yaml_mark_t end{};
    bool quoted = false;  ///< single- or double-quoted (not block)
};

/// A libyaml error as a located diagnostic in plain words. `reserved` is the
/// private-use character the input held that the reader reserves (0 if none).
Diagnostic describe_error(const yaml_parser_t& p, const std::string& file, const LastScalar& last,
                          std::uint32_t reserved);

}  // namespace leadctl::yaml::detail
