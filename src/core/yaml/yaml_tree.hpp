// A small, defensive YAML document model built from libyaml's event parser
// (yaml_parser_parse; yaml-cpp is used only to write YAML).
//
// Why not a ready-made tree (YAML::Load, libyaml's yaml_document_t)? We need (1) the
// line and column of every node for error messages, (2) raw scalar text ("1.10" stays
// "1.10", never a float), (3) hard limits: nesting depth and alias expansion are
// bounded so that a hostile file (an "alias bomb", 100 000 nested brackets) fails fast
// with a clear error instead of hanging or exhausting memory. Aliased nodes are shared,
// never copied. libyaml is strict where yaml-cpp was lenient (an unterminated quoted
// value is an error, never entries silently lost); its errors become located
// diagnostics in plain words.
#pragma once

#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leadctl::yaml {

struct Node;
using NodePtr = std::shared_ptr<const Node>;

enum class Kind { null, scalar, sequence, map };

struct Node {
    Kind kind = Kind::null;
    int line = 0;                                      ///< 1-based
    int column = 0;                                    ///< 1-based
    int end_line = 0;                                  ///< last line a scalar's text reaches (0: unknown)
    std::string value;                                 ///< scalar text
    bool quoted = false;                               ///< scalar was single- or double-quoted (or a block scalar)
    std::vector<NodePtr> items;                        ///< sequence elements
    std::vector<std::pair<NodePtr, NodePtr>> entries;  ///< map key/value pairs, in file order

    [[nodiscard]] bool is_map() const { return kind == Kind::map; }
    [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    [[nodiscard]] bool is_null() const { return kind == Kind::null; }
    /// Value for `key` in a map (first occurrence), or nullptr.
    [[nodiscard]] const Node* find(std::string_view key) const;
};

std::string_view kind_name(Kind k);

struct Limits {
    int max_depth = 64;                       ///< nested collections
    std::uint64_t max_alias_nodes = 100'000;  ///< nodes that aliases may add by expansion
    std::size_t max_bytes = 64u << 20;        ///< input size (for text given in memory)
    std::size_t max_value_bytes = 16u << 20;  ///< one scalar (a limit of ours; real values are far smaller)
    /// diagnostics kept in the document; more are only counted (Diagnostics::set_limit)
    std::size_t max_diagnostics = static_cast<std::size_t>(-1);
};

struct Document {
    NodePtr root;  ///< nullptr when the input could not be parsed at all
    Diagnostics diagnostics;
};

/// Parse one YAML document. `file` names the source in diagnostics. Checks, in order:
/// size, binary content (NUL bytes), UTF-8 validity, YAML syntax, limits, a single
/// document, duplicate map keys. Every failure becomes a diagnostic; nothing throws.
/// An empty document (only comments or whitespace) yields root == nullptr and an
/// "empty-file" error.
Document parse(std::string_view text, const FileName& file, const Limits& limits = {});

/// Called for each value of the root mapping as soon as it is complete (with its
/// key), and for each element of a root-level sequence value (with that key and
/// the element). Returning true means "consumed": the node is not kept in the
/// document, so a long list is streamed in constant memory.
using StreamHook = std::function<bool(const Node& key, const Node& value, bool is_element)>;

/// Parse from a stream with a hook (see StreamHook). Checks syntax and the limits;
/// the caller checks encoding as the bytes arrive (see files::CheckedInput).
Document parse(std::istream& in, const FileName& file, const StreamHook& hook, const Limits& limits = {});

}  // namespace leadctl::yaml
