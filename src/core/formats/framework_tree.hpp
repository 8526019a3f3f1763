// The framework file of leadctl-framework(5) as one ordered tree, built once
// from the model and then written as YAML or as JSON, so that the two spellings
// of a framework file hold the same fields in the same order.
#pragma once

#include "core/model/model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace leadctl {

struct FileEntry;

struct FileNode {
    enum class Kind { text, number, list, map };
    /// How YAML writes a text (JSON has one way): `name` plain when that reads
    /// back the same, else double-quoted; `prose` as `name`, or a literal block
    /// when that reads back the same; `quoted` always double-quoted.
    enum class Style { name, prose, quoted };

    Kind kind = Kind::text;
    Style style = Style::name;
    std::string text;                ///< a text
    int number = 0;                  ///< a number
    std::vector<FileNode> items;     ///< a list
    std::vector<FileEntry> entries;  ///< a map, in order
};

/// A key of a map and its value. (Not std::pair: clang with libstdc++ cannot decide
/// whether std::pair<std::string, FileNode> is default-constructible while FileNode's
/// own default constructor is being defined, and rejects the file.)
struct FileEntry {
    std::string key;
    FileNode value;
};

/// The framework file: the whole framework when `item` < 0, else that item and
/// its subtree, `max_depth` levels of items (0 = all). Empty optional fields are
/// left out; ids, names and the items list are always there.
FileNode framework_tree(const Framework& fw, int item, int max_depth);

/// The tree as YAML that load_framework reads back to the same texts.
std::string to_yaml(const FileNode& tree);
/// The tree as JSON (pretty-printed, ending in a newline); malformed UTF-8 is
/// written as U+FFFD, a byte each, as the YAML writer does.
std::string to_json(const FileNode& tree);

}  // namespace leadctl
