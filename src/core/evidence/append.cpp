#include "core/evidence/append.hpp"

#include "core/formats/yaml_text.hpp"
#include "core/util/csv.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/stlemitter.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace leadctl {

std::string make_id(std::string_view date, std::string_view title, const std::set<std::string>& taken) {
    std::string slug = text::slugify(title);
    if (slug.size() > 32) {
        slug.resize(32);
        if (auto dash = slug.find_last_of('-'); dash != std::string::npos && dash > 8) slug.resize(dash);
    }
    const std::string base = slug.empty() ? std::string(date) : fmt::format("{}-{}", date, slug);
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = fmt::format("{}-{}", base, n);
    return id;
}

namespace {

int count_lines(std::string_view s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

/// NUL bytes or invalid UTF-8, located, as `evidence validate` reports them.
std::optional<Diagnostic> encoding_problem(std::string_view log, const std::string& file) {
    Diagnostics d;
    if (const auto nul = log.find('\0'); nul != std::string_view::npos) {
        const auto lc = text::line_column_at(log, nul);
        d.error({file, lc.line, lc.column}, "binary-file",
                "file contains a NUL byte: it looks binary, not an evidence log");
    } else if (const auto bad = text::find_invalid_utf8(log)) {
        const auto lc = text::line_column_at(log, *bad);
        d.error({file, lc.line, lc.column}, "not-utf8",
                fmt::format("file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                            static_cast<unsigned char>(log[*bad])));
    }
    if (d.empty()) return std::nullopt;
    return d.items().front();
}

/// The ids already in the log, and the first problem that stops it being read
/// (syntax, an empty file, a CSV header row that cannot be used). Other problems
/// already in the log do not stop an entry being added.
struct Existing {
    std::set<std::string> ids;
    std::optional<Diagnostic> blocker;
};

Existing read_existing(std::string_view log, const std::string& file, LogFormat format) {
    Existing out;
    Diagnostics diags;
    EvidenceSink sink;
    sink.entry = [&out](const Entry& e) { out.ids.insert(e.id); };
    std::istringstream in{std::string(log)};
    read_evidence(in, file, format, sink, diags);
    for (const auto& d : diags.items()) {
        const bool csv_header = format == LogFormat::csv && d.severity == Severity::error && d.location.line <= 1;
        if (d.code.starts_with("yaml-") || d.code.starts_with("csv-") || d.code.starts_with("json-") ||
            d.code == "empty-file" || csv_header) {
            out.blocker = d;
            break;
        }
    }
    return out;
}

/// The log's line break: CRLF when its first line ends in one, else LF. What is
/// added keeps that style, so a log written on Windows stays CRLF throughout.
std::string_view log_eol(std::string_view log) {
    const auto nl = log.find('\n');
    return nl != std::string_view::npos && nl > 0 && log[nl - 1] == '\r' ? "\r\n" : "\n";
}

/// `lines` (ending in LF) with each LF written as `eol`.
std::string with_eol(const std::string& lines, std::string_view eol) {
    if (eol == "\n") return lines;
    std::string out;
    out.reserve(lines.size() + lines.size() / 16);
    for (char c : lines) {
        if (c == '\n') {
            out += eol;
        } else {
            out += c;
        }
    }
    return out;
}

/// `log` ending in a line break (`eol` added when it does not).
std::string with_final_break(std::string_view log, std::string_view eol) {
    std::string out(log);
    if (!out.empty() && out.back() != '\n') out += eol;
    return out;
}

/// Put `row` (whole lines) at the end of `log`.
void append_lines(Appended& out, std::string base, const std::string& row) {
    out.first_line = count_lines(base) + 1;
    out.last_line = out.first_line + count_lines(row) - 1;
    out.text = std::move(base) + row;
}

// ---- YAML

/// The entry as a block list item, each line indented by `indent` spaces.
std::string yaml_entry_block(const NewEntry& n, const std::string& id, std::size_t indent) {
    // Every text goes through emit_text/emitted_yaml: a CR, DEL or other control
    // character is written escaped inside double quotes, so the log reads back (here,
    // and in PyYAML) with exactly the text given.
    YAML::Emitter e;
    e.SetIndent(2);
    auto field = [&e](const char* key, const std::string& value) {
        e << YAML::Key << key << YAML::Value;
        emit_text(e, value);
    };
    e << YAML::BeginMap;
    field("id", id);
    field("date", n.date);
    field("type", n.type);
    field("title", n.title);
    if (!n.description.empty()) field("description", n.description);
    if (!n.reflection.empty()) field("reflection", n.reflection);
    e << YAML::Key << "competencies" << YAML::Value;
    emit_texts(e, n.competencies);
    if (!n.level.empty()) field("level", n.level);
    if (!n.role.empty()) field("role", n.role);
    if (!n.signed_off_by.empty() || !n.signed_off_date.empty()) {
        e << YAML::Key << "signed_off" << YAML::Value << YAML::Flow << YAML::BeginMap;
        if (!n.signed_off_by.empty()) field("by", n.signed_off_by);
        if (!n.signed_off_date.empty()) field("date", n.signed_off_date);
        e << YAML::EndMap;
    }
    if (n.showcase) e << YAML::Key << "showcase" << YAML::Value << true;
    if (!n.attachments.empty()) {
        e << YAML::Key << "attachments" << YAML::Value;
        emit_texts(e, n.attachments);
    }
    e << YAML::EndMap;
    std::string out;
    std::istringstream lines(emitted_yaml(e));
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
        out += std::string(indent, ' ') + (first ? "- " : "  ") + line + "\n";
        first = false;
    }
    return out;
}

/// Offset of the start of 1-based line `line` in `text` (text.size() past the end).
std::size_t line_offset(std::string_view text, int line) {
    std::size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return text.size();
        ++pos;
    }
    return pos;
}

/// The text of 1-based line `line`, without its line break.
std::string_view line_at(std::string_view text, int line) {
    const std::size_t start = line_offset(text, line);
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

/// Put `block` (whole lines) in place of the bytes [at, at + replace) of `base`;
/// `line` is the line at which the block starts in the result.
void splice(Appended& out, const std::string& base, std::size_t at, std::size_t replace, const std::string& block,
            int line) {
    out.text = base.substr(0, at) + block + base.substr(at + replace);
    out.first_line = line;
    out.last_line = line + count_lines(block) - 1;
}

void append_yaml(Appended& out, std::string_view log, const std::string& file, const NewEntry& n) {
    const auto doc = yaml::parse(log, file);
    if (!doc.root || !doc.root->is_map()) {
        out.status = AppendStatus::refused;
        out.diagnostics.error({file, doc.root ? doc.root->line : 1, doc.root ? doc.root->column : 1}, "wrong-type",
                              fmt::format("{} is not an evidence log", file));
        return;
    }
    const yaml::Node* key = nullptr;
    const yaml::Node* value = nullptr;
    const yaml::Node* next_key = nullptr;  // the top-level key after "entries"
    for (const auto& [k, v] : doc.root->entries) {
        if (key && !next_key && k->line > key->line) next_key = k.get();
        if (k->is_scalar() && k->value == "entries") {
            key = k.get();
            value = v.get();
        }
    }
    const std::string_view eol = log_eol(log);
    const std::string base = with_final_break(log, eol);
    if (!key) {  // no entries yet: add the list at the end
        append_lines(out, base, with_eol("entries:\n" + yaml_entry_block(n, out.id, 2), eol));
        ++out.first_line;  // the entry starts below "entries:"
        return;
    }
    const std::size_t value_at = line_offset(base, value->line) + static_cast<std::size_t>(value->column - 1);
    const bool flow =
        value->is_sequence() && value->line == key->line && value_at < base.size() && base[value_at] == '[';
    if (flow && !value->items.empty()) {
        out.status = AppendStatus::refused;
        out.diagnostics.error({file, value->line, value->column}, "flow-entries",
                              "the log writes \"entries\" as a flow list ([...]); write it as a block list to use add");
        return;
    }
    const std::size_t key_indent = static_cast<std::size_t>(key->column - 1);
    if (value->is_null() || flow) {
        // "entries:" or "entries: []": end the key line after the colon (a comment
        // after "entries:" stays), then the list.
        std::string_view key_line = line_at(base, key->line);
        if (!key_line.empty() && key_line.back() == '\r') key_line.remove_suffix(1);
        if (flow) key_line = key_line.substr(0, key_line.find('['));
        while (!key_line.empty() && key_line.back() == ' ') key_line.remove_suffix(1);
        const std::size_t start = line_offset(base, key->line);
        const std::size_t old_length = line_at(base, key->line).size();
        const std::string block =
            with_eol(std::string(key_line) + "\n" + yaml_entry_block(n, out.id, key_indent + 2), eol);
        splice(out, base, start, old_length + 1, block, key->line);
        ++out.first_line;  // the entry starts below the key line
        return;
    }
    const std::size_t indent = static_cast<std::size_t>(value->column - 1);  // the dashes' column
    const std::string block = with_eol(yaml_entry_block(n, out.id, indent), eol);
    if (!next_key) {
        append_lines(out, base, block);
        return;
    }
    // Before the next top-level key, after the last line that belongs to the list
    // (blank lines and comments directly above the next key stay with that key).
    int line = next_key->line;
    while (line > key->line + 1) {
        const auto t = text::trim(line_at(base, line - 1));
        if (!t.empty() && t.front() != '#') break;
        --line;
    }
    splice(out, base, line_offset(base, line), 0, block, line);
}

// ---- CSV

/// The value of each known column for the new row; the person_* columns and
/// any other column stay empty.
std::map<std::string, std::string, std::less<>> csv_values(const NewEntry& n, const std::string& id) {
    return {{"id", id},
            {"date", n.date},
            {"type", n.type},
            {"title", n.title},
            {"description", n.description},
            {"reflection", n.reflection},
            {"competencies", text::join(n.competencies, ";")},
            {"level", n.level},
            {"role", n.role},
            {"signed_off_by", n.signed_off_by},
            {"signed_off_date", n.signed_off_date},
            {"showcase", n.showcase ? "true" : ""},
            {"attachments", text::join(n.attachments, ";")}};
}

void append_csv(Appended& out, std::string_view log, const std::string& file, const NewEntry& n) {
    // The header row read as `evidence validate` reads it: names may be quoted.
    std::istringstream in{std::string(log)};
    csv::Reader reader(in, file);
    std::vector<csv::Field> header;
    Diagnostics ignored;  // read_existing has already stopped at anything that matters here
    reader.next(header, ignored);
    const std::streamoff header_end = in.tellg();  // -1 when the header row ends the file
    std::string_view head = log.substr(0, header_end < 0 ? log.size() : static_cast<std::size_t>(header_end));
    if (!head.empty() && head.back() == '\n') head.remove_suffix(1);
    const bool crlf = !head.empty() && head.back() == '\r';

    const auto values = csv_values(n, out.id);
    // A value given for a column the log does not have would be lost: refuse, naming
    // the option (nothing is written). The required columns are checked by the reader.
    static constexpr std::pair<std::string_view, std::string_view> kOptional[] = {
        {"description", "--description"},
        {"reflection", "--reflection"},
        {"level", "--level"},
        {"role", "--role"},
        {"signed_off_by", "--signed-off-by"},
        {"signed_off_date", "--signed-off-date"},
        {"showcase", "--showcase"},
        {"attachments", "--attachment"}};
    for (const auto& [column, option] : kOptional) {
        const auto it = values.find(column);
        if (it == values.end() || it->second.empty()) continue;
        // A named copy: C++20 lambdas may not capture structured bindings (clang rejects it).
        const std::string_view wanted = column;
        const bool present = std::any_of(header.begin(), header.end(), [&](const csv::Field& h) {
            return text::to_lower(text::trim(h.value)) == wanted;
        });
        if (present) continue;
        out.diagnostics.error({file, 1, 1}, "no-column",
                              fmt::format("{}: the log has no \"{}\" column, so the value would be lost; add the "
                                          "column to the header row, or leave {} out",
                                          option, column, option));
    }
    if (out.diagnostics.has_errors()) {
        out.status = AppendStatus::lossy;
        return;
    }
    std::vector<std::string> row;
    for (const auto& column : header) {
        const auto it = values.find(text::to_lower(text::trim(column.value)));
        std::string value = it == values.end() ? std::string() : it->second;
        // A CR on its own inside a quoted field reads as a CR-only line end: write it
        // as the line break it stands for.
        for (std::size_t k = 0; k < value.size(); ++k) {
            if (value[k] == '\r' && (k + 1 == value.size() || value[k + 1] != '\n')) value[k] = '\n';
        }
        // Against formula injection when the log is opened in a spreadsheet; the
        // reader drops the apostrophe again.
        row.push_back(csv::spreadsheet_safe(value));
    }
    std::string line = csv::record(row);
    if (!crlf) line.replace(line.size() - 2, 2, "\n");
    append_lines(out, with_final_break(log, crlf ? "\r\n" : "\n"), line);
}

// ---- JSON Lines

void append_jsonl(Appended& out, std::string_view log, const NewEntry& n) {
    nlohmann::ordered_json j;
    j["id"] = out.id;
    j["date"] = n.date;
    j["type"] = n.type;
    j["title"] = n.title;
    if (!n.description.empty()) j["description"] = n.description;
    if (!n.reflection.empty()) j["reflection"] = n.reflection;
    j["competencies"] = n.competencies;
    if (!n.level.empty()) j["level"] = n.level;
    if (!n.role.empty()) j["role"] = n.role;
    if (!n.signed_off_by.empty() || !n.signed_off_date.empty()) {
        nlohmann::ordered_json s;
        if (!n.signed_off_by.empty()) s["by"] = n.signed_off_by;
        if (!n.signed_off_date.empty()) s["date"] = n.signed_off_date;
        j["signed_off"] = s;
    }
    if (n.showcase) j["showcase"] = true;
    if (!n.attachments.empty()) j["attachments"] = n.attachments;
    const std::string_view eol = log_eol(log);
    append_lines(out, with_final_break(log, eol), j.dump() + std::string(eol));
}

}  // namespace

Appended append_entry(std::string_view log, const std::string& file, LogFormat format, const NewEntry& entry) {
    Appended out;
    if (auto bad = encoding_problem(log, file)) {
        out.status = AppendStatus::not_text;
        out.diagnostics.add(std::move(*bad));
        return out;
    }
    const Existing existing = read_existing(log, file, format);
    if (existing.blocker) {
        out.status = AppendStatus::unreadable;
        out.diagnostics.add(*existing.blocker);
        return out;
    }
    out.id = entry.id.empty() ? make_id(entry.date, entry.title, existing.ids) : entry.id;
    switch (format) {
        case LogFormat::yaml:
            append_yaml(out, log, file, entry);
            break;
        case LogFormat::csv:
            append_csv(out, log, file, entry);
            break;
        case LogFormat::jsonl:
            append_jsonl(out, log, entry);
            break;
    }
    return out;
}

Diagnostics check_appended(const Appended& appended, const std::string& file, LogFormat format,
                           const FrameworkLookup& lookup, const EvidenceCheckOptions& options) {
    Diagnostics all;
    EvidenceChecker checker(lookup, options, all);
    EvidenceSink sink;
    sink.person = [&checker](const Person& p) { checker.person(p); };
    sink.entry = [&checker](const Entry& e) { checker.entry(e); };
    sink.other = [&checker](const std::vector<NamedText>& t) { checker.other(t); };
    std::istringstream in(appended.text);
    read_evidence(in, file, format, sink, all);
    std::istringstream again(appended.text);
    checker.locate_privacy(again);

    Diagnostics mine;
    for (const auto& d : all.items()) {
        if (d.location.line < appended.first_line || d.location.line > appended.last_line) continue;
        Diagnostic x = d;
        if (x.code.starts_with("privacy-")) x.severity = Severity::error;
        mine.add(std::move(x));
    }
    mine.sort();
    return mine;
}

}  // namespace leadctl
