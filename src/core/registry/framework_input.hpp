// A framework named on the command line, in any format leadctl reads: the id of
// a framework on the search path ("mlcf"), or a file in leadctl's YAML or JSON,
// leadctl's flat CSV, CASE JSON or Moodle's CSV. Used by `convert` and `diff`.
// Nothing here prints: problems come back as values for the caller to report.
//
// Each file is read once. A JSON file (unless --from names its format) is parsed
// here once, and that value gives both its syntax error and its format. The
// readers then take the text: load_framework reads leadctl's JSON as YAML (for
// line and column numbers), and import_case parses a CASE package itself, as it
// takes no parsed value.
#pragma once

#include "core/formats/case_json.hpp"
#include "core/model/model.hpp"
#include "core/registry/registry.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/json_parse.hpp"

#include <array>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

enum class FrameworkFormat { yaml, json, csv, case_json, moodle };

struct FrameworkFormatName {
    FrameworkFormat format;
    std::string_view name;  ///< as given to --from
};

/// Every input format and its name: the one table both directions use.
inline constexpr std::array<FrameworkFormatName, 5> kFrameworkFormats{{
    {FrameworkFormat::yaml, "yaml"},
    {FrameworkFormat::json, "json"},
    {FrameworkFormat::csv, "csv"},
    {FrameworkFormat::case_json, "case"},
    {FrameworkFormat::moodle, "moodle"},
}};

/// "yaml", "json", "csv", "case", "moodle".
std::string_view format_name(FrameworkFormat f);
std::optional<FrameworkFormat> parse_framework_format(std::string_view name);

/// Whether a file is read as JSON: its extension is .json (any case), or it has
/// no extension and its first 4 KiB start, after blanks, with '{'.
bool is_json_file(const std::string& path, std::string_view text);

struct DetectedFormat {
    FrameworkFormat format = FrameworkFormat::yaml;
    std::string why;  ///< how it was told, for the "reading IN as FORMAT (WHY)" note
};

/// The format of a file from its name and content:
///   JSON (is_json_file)  CASE when `json` (the file's parsed value) is an object
///                        with a "CFDocument" key; otherwise leadctl's own JSON
///   .csv (any case)      leadctl's flat CSV when the first line starts with the
///                        cell code (any case, quoted or not); otherwise Moodle's
///   anything else        YAML
DetectedFormat detect_framework_format(const std::string& path, std::string_view text,
                                       const nlohmann::ordered_json* json);

struct FrameworkReadOptions {
    std::optional<FrameworkFormat> from;  ///< the format given (--from); detected when unset
    bool strict = false;                  ///< Moodle: what the model cannot hold is an error, not a warning
};

struct FrameworkInput {
    std::shared_ptr<const Framework> framework;  ///< nullptr when it could not be read
    FrameworkFormat format = FrameworkFormat::yaml;
    bool bundled = false;  ///< named by id, not a file
    std::string path;      ///< the file, or "" for an id
    std::string detected;  ///< how the format was told; "" when it was given or for an id
    /// What the source holds that the model cannot: one line each, such as
    /// "CFRubrics: 2 rubrics". Empty when the conversion loses nothing.
    std::vector<std::string> losses;
    Diagnostics diagnostics;  ///< the reader's errors and warnings, in its order
    /// Set when there is no such file or framework, or the file cannot be read:
    /// a usage error ("mlcfx: no such file, and no framework with that id ...").
    std::string usage_error;
};

/// The registry, built on first call: reading a file needs it only for CASE.
using RegistryAccess = std::function<Registry&()>;

/// Read a file's `text` (`path` names it in diagnostics and gives its extension).
/// A CASE package's links that the registry's crosswalks give again are dropped
/// (drop_derived_links), so that a package leadctl wrote reads back without them.
FrameworkInput read_framework_text(std::string_view text, const std::string& path, const FrameworkReadOptions& options,
                                   const RegistryAccess& registry);

/// Read `spec`: an existing file, else the id of a framework in the registry (an
/// id has no '/'). Neither is a usage error naming the known ids.
FrameworkInput read_framework_input(const std::string& spec, const FrameworkReadOptions& options,
                                    const RegistryAccess& registry);

/// Links from the framework's items to items of the registry's other frameworks,
/// from the crosswalks on the search path, each read from this framework's side
/// (for CASE export). Crosswalk files with errors are left out silently (`leadctl
/// map --check` reports them).
std::vector<CaseLink> case_links(const Framework& fw, Registry& registry);

}  // namespace leadctl
