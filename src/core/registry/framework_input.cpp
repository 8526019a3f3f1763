#include "core/registry/framework_input.hpp"

#include "core/crosswalk/crosswalk_index.hpp"
#include "core/formats/framework_csv.hpp"
#include "core/formats/moodle_csv.hpp"
#include "core/model/framework_loader.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>

namespace leadctl {

std::string_view format_name(FrameworkFormat f) {
    for (const auto& [format, name] : kFrameworkFormats) {
        if (format == f) return name;
    }
    return "";
}

std::optional<FrameworkFormat> parse_framework_format(std::string_view name) {
    for (const auto& [format, n] : kFrameworkFormats) {
        if (n == name) return format;
    }
    return std::nullopt;
}

namespace {
std::string extension(const std::string& path) {
    return text::to_lower(std::filesystem::path(path).extension().string());
}

/// A table has no id: the file's name, made a slug ("My framework.csv" -> "my-framework").
std::string csv_framework_id(const std::string& path) {
    auto id = text::slugify(std::filesystem::path(path).stem().string());
    return id.empty() ? std::string("framework") : id;
}

/// What a reader gives, whatever its format.
struct Read {
    std::optional<Framework> framework;
    Diagnostics diagnostics;
    std::vector<std::string> losses;
};

template <typename Import>
Read read_without_losses(Import imp) {
    return {std::move(imp.framework), std::move(imp.diagnostics), {}};
}
}  // namespace

bool is_json_file(const std::string& path, std::string_view text) {
    const std::string ext = extension(path);
    return ext == ".json" || (ext.empty() && text::trim(text.substr(0, 4096)).starts_with("{"));
}

DetectedFormat detect_framework_format(const std::string& path, std::string_view text,
                                       const nlohmann::ordered_json* json) {
    if (is_json_file(path, text)) {
        if (json && json->is_object() && json->contains("CFDocument")) {
            return {FrameworkFormat::case_json, "a JSON file with a CFDocument: CASE"};
        }
        return {FrameworkFormat::json, "a JSON file without a CFDocument: leadctl's own JSON"};
    }
    const std::string ext = extension(path);
    if (ext == ".csv") {
        // Moodle's header: "Parent ID number","ID number",... (wording varies); ours starts with "code".
        const auto lower = text::to_lower(text.substr(0, std::min(text.find('\n'), std::size_t{4096})));
        if (lower.starts_with("code,") || lower.starts_with("\"code\",")) {
            return {FrameworkFormat::csv, "a CSV file whose header starts with \"code\": leadctl's flat CSV"};
        }
        return {FrameworkFormat::moodle,
                "a CSV file whose header does not start with \"code\": Moodle's competency framework CSV"};
    }
    return {FrameworkFormat::yaml, ext == ".yaml" || ext == ".yml" ? "a YAML file" : "not JSON or CSV: read as YAML"};
}

std::vector<CaseLink> case_links(const Framework& fw, Registry& registry) {
    std::vector<CaseLink> links;
    Diagnostics ignored;  // bad crosswalk files are reported by `leadctl map --check`, not here
    const auto& index = registry.crosswalk_index(ignored);
    for (const auto& it : fw.items) {
        for (const auto& e : index.edges_from(fw.id + ":" + it.code)) {
            const auto other_id = std::string(prefix_of(e.to));
            if (other_id == fw.id) continue;
            const auto other = registry.get(other_id);
            const int target = other ? other->find(e.to.substr(other_id.size() + 1)) : -1;
            if (target < 0) continue;
            links.push_back(
                {it.code, e.relation, case_item_identifier(*other, target), case_item_uri(*other, target), e.to});
        }
    }
    return links;
}

FrameworkInput read_framework_text(std::string_view text, const std::string& path, const FrameworkReadOptions& options,
                                   const RegistryAccess& registry) {
    FrameworkInput in;
    in.path = path;
    // A JSON file is parsed here once: for its syntax error, and to tell CASE from ours.
    std::optional<JsonParse> json;
    const auto parse_once = [&] {
        if (!json) json = parse_json(text, path);
        return !json->error;
    };
    if (options.from) {
        in.format = *options.from;
    } else {
        if (is_json_file(path, text) && !parse_once()) {
            in.format = FrameworkFormat::json;
            in.diagnostics.add(*json->error);
            return in;
        }
        auto detected = detect_framework_format(path, text, json ? &json->value : nullptr);
        in.format = detected.format;
        in.detected = std::move(detected.why);
    }
    Read read;
    switch (in.format) {
        case FrameworkFormat::json:
            // A JSON message for a JSON file, then the YAML loader: JSON is YAML, so
            // lines and columns carry over.
            if (!parse_once()) {
                in.diagnostics.add(*json->error);
                return in;
            }
            read = read_without_losses(load_framework(text, path));
            break;
        case FrameworkFormat::yaml:
            read = read_without_losses(load_framework(text, path));
            break;
        case FrameworkFormat::csv:
            read = read_without_losses(import_framework_csv(text, path, csv_framework_id(path)));
            break;
        case FrameworkFormat::moodle: {
            MoodleImportOptions mo;
            mo.strict = options.strict;
            auto imp = import_moodle_csv(text, path, mo);
            read = {std::move(imp.framework), std::move(imp.diagnostics), std::move(imp.losses)};
            break;
        }
        case FrameworkFormat::case_json: {
            // The JSON value parsed to tell the format is the one imported.
            auto imp = parse_once() ? import_case(json->value, text, path) : import_case(text, path);
            // Links that our crosswalks give again are not the framework's to keep.
            if (imp.framework) drop_derived_links(*imp.framework, case_links(*imp.framework, registry()));
            read = {std::move(imp.framework), std::move(imp.diagnostics), std::move(imp.losses)};
            break;
        }
    }
    in.diagnostics = std::move(read.diagnostics);
    in.losses = std::move(read.losses);
    if (read.framework) in.framework = std::make_shared<const Framework>(std::move(*read.framework));
    return in;
}

FrameworkInput read_framework_input(const std::string& spec, const FrameworkReadOptions& options,
                                    const RegistryAccess& registry) {
    std::error_code ec;
    if (!std::filesystem::exists(spec, ec)) {
        FrameworkInput in;
        if (ec && ec != std::errc::no_such_file_or_directory) {
            // There may be a file, but a folder on the way may not be searched.
            in.path = spec;
            in.usage_error = fmt::format("cannot read {}: {}", spec, files::error_words(ec.value()));
            return in;
        }
        if (spec.find('/') == std::string::npos && registry().find(spec)) {
            in.framework = registry().get(spec);
            in.bundled = true;
            return in;
        }
        const auto ids = registry().ids();
        in.usage_error = fmt::format("{}: no such file, and no framework with that id{}; frameworks: {}", spec,
                                     text::did_you_mean(spec, ids), text::join(ids, ", "));
        return in;
    }
    auto file = files::read(spec);
    if (!file.text) {
        FrameworkInput in;
        in.path = spec;
        in.usage_error = fmt::format("cannot read {}: {}", spec, file.error);
        return in;
    }
    return read_framework_text(*file.text, spec, options, registry);
}

}  // namespace leadctl
