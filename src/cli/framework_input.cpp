#include "cli/framework_input.hpp"

#include "core/crosswalk/crosswalk_index.hpp"
#include "core/formats/case_json.hpp"
#include "core/formats/framework_csv.hpp"
#include "core/formats/moodle_csv.hpp"
#include "core/model/framework_loader.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace leadctl::cli {

std::string_view format_name(FrameworkFormat f) {
    switch (f) {
        case FrameworkFormat::yaml:
            return "yaml";
        case FrameworkFormat::json:
            return "json";
        case FrameworkFormat::csv:
            return "csv";
        case FrameworkFormat::case_json:
            return "case";
        case FrameworkFormat::moodle:
            return "moodle";
    }
    return "";
}

std::optional<FrameworkFormat> parse_framework_format(std::string_view name) {
    for (auto f : {FrameworkFormat::yaml, FrameworkFormat::json, FrameworkFormat::csv, FrameworkFormat::case_json,
                   FrameworkFormat::moodle}) {
        if (format_name(f) == name) return f;
    }
    return std::nullopt;
}

FrameworkFormat detect_framework_format(const std::string& path, std::string_view text, std::string& why) {
    std::string ext = text::to_lower(std::filesystem::path(path).extension().string());
    const std::string_view head = text.substr(0, 4096);
    if (ext == ".json" || (ext.empty() && text::trim(head).starts_with("{"))) {
        if (head.find("\"CFDocument\"") != std::string_view::npos ||
            text.find("\"CFDocument\"") != std::string_view::npos) {
            why = "a JSON file with a CFDocument: CASE";
            return FrameworkFormat::case_json;
        }
        why = "a JSON file without a CFDocument: leadctl's own JSON";
        return FrameworkFormat::json;
    }
    if (ext == ".csv") {
        // Moodle's header: "Parent ID number","ID number",... (wording varies); ours starts with "code".
        const auto first_line = head.substr(0, head.find('\n'));
        const auto lower = text::to_lower(first_line);
        if (lower.starts_with("code,") || lower.starts_with("\"code\",")) {
            why = "a CSV file whose header starts with \"code\": leadctl's flat CSV";
            return FrameworkFormat::csv;
        }
        why = "a CSV file whose header does not start with \"code\": Moodle's competency framework CSV";
        return FrameworkFormat::moodle;
    }
    why = ext == ".yaml" || ext == ".yml" ? "a YAML file" : "not JSON or CSV: read as YAML";
    return FrameworkFormat::yaml;
}

namespace {
std::optional<Diagnostic> json_syntax_error(const std::string& text, const std::string& file) {
    try {
        [[maybe_unused]] const auto parsed = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const auto offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        const auto lc = text::line_column_at(text, offset);
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 2, column 14: syntax error while parsing ..."
        if (auto p = what.find(": syntax error"); p != std::string::npos) what = what.substr(p + 2);
        return Diagnostic{Severity::error, "json-syntax", "JSON " + what, {file, lc.line, lc.column}};
    }
    return std::nullopt;
}

/// A table has no id: the file's name, made a slug ("My framework.csv" -> "my-framework").
std::string csv_framework_id(const std::string& path) {
    auto id = text::slugify(std::filesystem::path(path).stem().string());
    return id.empty() ? std::string("framework") : id;
}
}  // namespace

/// Links from the framework's items to other frameworks, from the crosswalks on
/// the search path (each read from this framework's side).
std::vector<CaseLink> case_links(const Framework& fw, Context& ctx) {
    std::vector<CaseLink> links;
    Diagnostics problems;  // bad crosswalk files are reported by `leadctl map --check`, not here
    const auto& index = ctx.registry().crosswalk_index(problems);
    for (const auto& it : fw.items) {
        for (const auto& e : index.edges_from(fw.id + ":" + it.code)) {
            const auto other_id = std::string(prefix_of(e.to));
            if (other_id == fw.id || !ctx.registry().find(other_id)) continue;
            const auto other = ctx.framework(other_id);
            const int target = other->find(e.to.substr(other_id.size() + 1));
            if (target < 0) continue;
            links.push_back(
                {it.code, e.relation, case_item_identifier(*other, target), case_item_uri(*other, target), e.to});
        }
    }
    return links;
}

FrameworkInput read_framework_input(Context& ctx, const std::string& spec, std::optional<FrameworkFormat> from,
                                    bool strict) {
    FrameworkInput in;
    std::error_code ec;
    if (!std::filesystem::exists(spec, ec)) {
        if (spec.find('/') == std::string::npos && ctx.registry().find(spec)) {
            in.framework = ctx.framework(spec);
            in.bundled = true;
            return in;
        }
        auto ids = ctx.registry().ids();
        throw UsageError(fmt::format("{}: no such file, and no framework with that id{}; frameworks: {}", spec,
                                     text::did_you_mean(spec, ids), text::join(ids, ", ")));
    }
    in.path = spec;
    auto read = files::read(spec);
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", spec, read.error));
    std::string why;
    in.format = from ? *from : detect_framework_format(spec, *read.text, why);
    in.detected = from ? "" : why;
    FrameworkLoad load;
    switch (in.format) {
        case FrameworkFormat::json:
            // Check it is JSON first (a JSON message for a JSON file), then load it
            // with the YAML loader: JSON is YAML, so lines and columns carry over.
            if (auto bad = json_syntax_error(*read.text, spec)) {
                ctx.print_diagnostic(*bad);
                return in;
            }
            load = load_framework(*read.text, spec);
            break;
        case FrameworkFormat::yaml:
            load = load_framework(*read.text, spec);
            break;
        case FrameworkFormat::csv: {
            auto imp = import_framework_csv(*read.text, spec, csv_framework_id(spec));
            load.framework = std::move(imp.framework);
            load.diagnostics = std::move(imp.diagnostics);
            break;
        }
        case FrameworkFormat::moodle: {
            MoodleImportOptions mo;
            mo.strict = strict;
            auto imp = import_moodle_csv(*read.text, spec, mo);
            load.framework = std::move(imp.framework);
            load.diagnostics = std::move(imp.diagnostics);
            in.losses = std::move(imp.losses);
            break;
        }
        case FrameworkFormat::case_json: {
            auto imp = import_case(*read.text, spec);
            // Links that our crosswalks give again are not the framework's to keep.
            if (imp.framework) drop_derived_links(*imp.framework, case_links(*imp.framework, ctx));
            load.framework = std::move(imp.framework);
            load.diagnostics = std::move(imp.diagnostics);
            in.losses = std::move(imp.losses);
            break;
        }
    }
    for (const auto& d : load.diagnostics.items()) ctx.print_diagnostic(d);
    if (load.framework) in.framework = std::make_shared<const Framework>(std::move(*load.framework));
    return in;
}

}  // namespace leadctl::cli
