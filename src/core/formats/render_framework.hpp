// Renderers of a framework (or one item and its subtree): text for people, JSON
// and YAML for scripts, Markdown for documents, as `frameworks show` prints them;
// and the framework file itself (render_yaml of the whole framework, and
// render_file_json), which `convert` writes.
// Every renderer returns a string; none writes to a terminal.
#pragma once

#include "core/model/model.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>

namespace leadctl {

/// Version of the JSON contract of `frameworks show --format json`.
inline constexpr std::string_view kFrameworkSchema = "leadctl.framework/1";
inline constexpr std::string_view kItemSchema = "leadctl.item/1";

struct ShowOptions {
    int max_depth = 0;  ///< levels of items to show below the start (0 = all)
    Style style;
    std::size_t width = 80;  ///< for wrapping prose in text output
};

/// `item` is an index into fw.items, or -1 for the whole framework.
std::string render_text(const Framework& fw, int item, const ShowOptions& opt);
std::string render_json(const Framework& fw, int item, const ShowOptions& opt);
std::string render_yaml(const Framework& fw, int item, const ShowOptions& opt);
std::string render_markdown(const Framework& fw, int item, const ShowOptions& opt);

/// A framework view's formats (`frameworks show --format`).
using FrameworkViewWriter = std::string (*)(const Framework& fw, int item, const ShowOptions& opt);
inline constexpr FormatTable<FrameworkViewWriter, 4> kFrameworkViewFormats{{
    {"text", ".txt", render_text},
    {"json", ".json", render_json},
    {"yaml", ".yaml", render_yaml},
    {"markdown", ".md", render_markdown},
}};

/// The whole framework in the file format of leadctl-framework(5), as JSON:
/// the same keys as the YAML file (loads back with the same loader).
std::string render_file_json(const Framework& fw);

/// "mlcf:2.4"
std::string ref_of(const Framework& fw, int item);

}  // namespace leadctl
