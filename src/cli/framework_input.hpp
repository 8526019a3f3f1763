// A framework named on the command line, in any format leadctl reads: the id of
// a framework on the search path ("mlcf"), or a file in one of the interchange
// formats. Shared by `convert` and `diff`.
#pragma once

#include "cli/context.hpp"
#include "core/formats/case_json.hpp"
#include "core/model/model.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace leadctl::cli {

enum class FrameworkFormat { yaml, json, csv, case_json, moodle };

/// "yaml", "json", "csv", "case", "moodle".
std::string_view format_name(FrameworkFormat f);
std::optional<FrameworkFormat> parse_framework_format(std::string_view name);

/// The format of a file: from the extension (.yaml/.yml, .json, .csv) and, for
/// JSON and CSV, from the content (a "CFDocument" key is CASE, other JSON is
/// ours; a CSV header starting with "code" is our table, any other CSV Moodle's).
/// `why` says how it was told, for the "reading IN as FORMAT" message.
FrameworkFormat detect_framework_format(const std::string& path, std::string_view text, std::string& why);

struct FrameworkInput {
    std::shared_ptr<const Framework> framework;  ///< nullptr when it could not be read (reported)
    FrameworkFormat format = FrameworkFormat::yaml;
    bool bundled = false;  ///< named by id, not a file
    std::string path;      ///< the file, or "" for an id
    std::string detected;  ///< how the format was told, when it was not given
    /// What the source holds that the model cannot: one line each, such as
    /// "CFRubrics: 2 rubrics". Empty when the conversion loses nothing.
    std::vector<std::string> losses;
};

/// Read `spec` (an existing file, else a framework id on the search path) as
/// `from` (or detected). Problems are printed as diagnostics; on errors the
/// result has no framework. An unknown id that is not a file is a UsageError.
/// With `strict`, importers treat what the model cannot hold as errors.
FrameworkInput read_framework_input(Context& ctx, const std::string& spec, std::optional<FrameworkFormat> from,
                                    bool strict = false);

/// Links from the framework's items to other frameworks, from the crosswalks on
/// the search path, each read from this framework's side (for CASE export).
std::vector<CaseLink> case_links(const Framework& fw, Context& ctx);

}  // namespace leadctl::cli
