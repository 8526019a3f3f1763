#include "core/evidence/new_log.hpp"

#include "core/formats/yaml_text.hpp"
#include "core/model/stage.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace leadctl {

namespace {

/// The person's keys that were given, in the order of leadctl-evidence(5).
std::vector<std::pair<const char*, const std::string*>> given(const NewPerson& p) {
    std::vector<std::pair<const char*, const std::string*>> out;
    for (const auto& [key, value] : {std::pair{"id", &p.id}, std::pair{"name", &p.name}, std::pair{"stage", &p.stage},
                                     std::pair{"programme", &p.programme}, std::pair{"ltft", &p.ltft}}) {
        if (!value->empty()) out.emplace_back(key, value);
    }
    return out;
}

std::string yaml_log(const NewPerson& p) {
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::BeginMap << YAML::Key << "person" << YAML::Value << YAML::BeginMap;
    for (const auto& [key, value] : given(p)) {
        e << YAML::Key << key << YAML::Value;
        emit_text(e, *value);
    }
    e << YAML::EndMap;
    e << YAML::Key << "entries" << YAML::Value << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    e << YAML::EndMap;
    return "# An evidence log (leadctl-evidence(5)); add entries with 'leadctl evidence add'.\n" + emitted_yaml(e) +
           "\n";
}

std::string jsonl_log(const NewPerson& p) {
    nlohmann::ordered_json person;
    for (const auto& [key, value] : given(p)) {
        double x = 0;
        const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), x);
        // ltft as the number it is (checked by the read back); everything else as text.
        if (std::string_view(key) == "ltft" && ec == std::errc{} && ptr == value->data() + value->size()) {
            person[key] = x;
        } else {
            person[key] = *value;
        }
    }
    nlohmann::ordered_json line;
    line["person"] = person;
    return line.dump() + "\n";
}

std::string csv_log() {
    std::vector<std::string> header;
    for (const auto column : csv_log_columns()) header.emplace_back(column);
    std::string row = csv::record(header);
    row.replace(row.size() - 2, 2, "\n");  // LF, as `evidence add` keeps the header's line end
    return row;
}

/// What `evidence validate` finds in `text`, without locations (the file does not
/// exist yet); privacy findings are errors.
Diagnostics read_back(const std::string& text, const std::string& file, LogFormat format,
                      const EvidenceCheckOptions& options) {
    Diagnostics all;
    EvidenceChecker checker([](std::string_view) -> const Framework* { return nullptr; }, options, all);
    EvidenceSink sink;
    sink.person = [&checker](const Person& p) { checker.person(p); };
    sink.entry = [&checker](const Entry& e) { checker.entry(e); };
    sink.other = [&checker](const std::vector<NamedText>& t) { checker.other(t); };
    std::istringstream in(text);
    read_evidence(in, file, format, sink, all);
    std::istringstream again(text);
    checker.locate_privacy(again);
    Diagnostics out;
    for (Diagnostic d : all.items()) {
        d.location = {};
        d.severity = Severity::error;
        d.message = fmt::format("the new log {} would not be valid: {}", file, d.message);
        out.add(std::move(d));
    }
    return out;
}

}  // namespace

NewLog new_log(const NewPerson& person, LogFormat format, const std::string& file,
               std::span<const std::string> profile_ids, const EvidenceCheckOptions& options) {
    NewLog out;
    Diagnostics& d = out.diagnostics;
    if (format == LogFormat::csv) {
        std::vector<std::string> options_given;
        for (const auto& [key, value] : given(person)) options_given.push_back(fmt::format("--{}", key));
        if (!options_given.empty()) {
            d.error({}, "no-person-row",
                    fmt::format("{}: a CSV log keeps the person in the person_* columns of its entry rows, and a new "
                                "log has no rows; leave {} out, or start a .yaml or .jsonl log",
                                text::join(options_given, ", "), options_given.size() == 1 ? "it" : "them"));
        }
    } else {
        for (const auto& [key, value] : {std::pair{"id", &person.id}, std::pair{"name", &person.name}}) {
            if (!value->empty()) continue;
            d.error({}, "missing-field", fmt::format("a {} log names its person: give --{}", format_name(format), key));
        }
    }
    if (!person.stage.empty() && !career_stage_of(person.stage) &&
        std::find(profile_ids.begin(), profile_ids.end(), person.stage) == profile_ids.end()) {
        auto words = career_stage_words();
        words.insert(words.end(), profile_ids.begin(), profile_ids.end());
        d.warning({}, "unknown-stage",
                  fmt::format("stage \"{}\" is neither a career stage nor a profile{}; the log is written with it, "
                              "and assessing it will need --target (the stage words are in leadctl-evidence(5))",
                              person.stage, text::did_you_mean(person.stage, words)));
    }
    if (d.has_errors()) return out;

    std::string text;
    switch (format) {
        case LogFormat::yaml:
            text = yaml_log(person);
            break;
        case LogFormat::csv:
            text = csv_log();
            break;
        case LogFormat::jsonl:
            text = jsonl_log(person);
            break;
    }
    d.append(read_back(text, file, format, options));
    if (!d.has_errors()) out.text = std::move(text);
    return out;
}

}  // namespace leadctl
