// `leadctl evidence add LOG ...`: append one entry to a log without rewriting what
// is already there (comments and formatting kept), after checking the new entry
// exactly as `evidence validate` would. Written atomically; on any error the log
// is left byte for byte as it was.
#include "cli/commands.hpp"
#include "cli/evidence_common.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/stlemitter.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace leadctl::cli {

namespace {

struct EvidenceAddOptions {
    /// the log to append to
    std::string log;
    /// --type: one of the entry types
    std::string type;
    /// --title: what was done
    std::string title;
    /// --tag: a competency reference (repeatable)
    std::vector<std::string> tags;
    /// --date: when (default today)
    std::string date;
    /// --id: the entry id (default: made from the date and title)
    std::string id;
    /// --level: a level of the tagged framework's scale
    std::string level;
    /// --role: led, contributed or attended
    std::string role;
    /// --description, --reflection: free text
    std::string description, reflection;
    /// --signed-off-by / --signed-off-date
    std::string signed_off_by, signed_off_date;
    /// --showcase
    bool showcase = false;
    /// --attachment (repeatable)
    std::vector<std::string> attachments;
    /// --as-of: the day for date checks (default today)
    std::string as_of;
    /// --no-privacy-check
    bool no_privacy = false;
};

/// Ids already in the log, and whether the log reads at all.
struct Existing {
    std::set<std::string> ids;
    Diagnostics diagnostics;
};

std::string make_id(const std::string& date, const std::string& title, const std::set<std::string>& taken) {
    std::string slug = text::slugify(title);
    if (slug.size() > 32) {
        slug.resize(32);
        if (auto dash = slug.find_last_of('-'); dash != std::string::npos && dash > 8) slug.resize(dash);
    }
    std::string base = slug.empty() ? date : date + "-" + slug;
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = fmt::format("{}-{}", base, n);
    return id;
}

std::string yaml_entry_block(const EvidenceAddOptions& o, const std::string& id, const std::string& date,
                             std::size_t indent) {
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value << id;
    e << YAML::Key << "date" << YAML::Value << date;
    e << YAML::Key << "type" << YAML::Value << o.type;
    e << YAML::Key << "title" << YAML::Value << o.title;
    if (!o.description.empty()) e << YAML::Key << "description" << YAML::Value << o.description;
    if (!o.reflection.empty()) e << YAML::Key << "reflection" << YAML::Value << o.reflection;
    e << YAML::Key << "competencies" << YAML::Value << YAML::Flow << o.tags;
    if (!o.level.empty()) e << YAML::Key << "level" << YAML::Value << o.level;
    if (!o.role.empty()) e << YAML::Key << "role" << YAML::Value << o.role;
    if (!o.signed_off_by.empty() || !o.signed_off_date.empty()) {
        e << YAML::Key << "signed_off" << YAML::Value << YAML::Flow << YAML::BeginMap;
        if (!o.signed_off_by.empty()) e << YAML::Key << "by" << YAML::Value << o.signed_off_by;
        if (!o.signed_off_date.empty()) e << YAML::Key << "date" << YAML::Value << o.signed_off_date;
        e << YAML::EndMap;
    }
    if (o.showcase) e << YAML::Key << "showcase" << YAML::Value << true;
    if (!o.attachments.empty()) e << YAML::Key << "attachments" << YAML::Value << YAML::Flow << o.attachments;
    e << YAML::EndMap;
    std::string out;
    std::istringstream lines(e.c_str());
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
        out += std::string(indent, ' ') + (first ? "- " : "  ") + line + "\n";
        first = false;
    }
    return out;
}

/// Offset of the start of 1-based line `line` in `text` (text.size() past the end).
std::size_t line_offset(const std::string& text, int line) {
    std::size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string::npos) return text.size();
        ++pos;
    }
    return pos;
}

/// The log with the entry appended, and the line where the new entry starts.
std::pair<std::string, int> append_yaml(const std::string& text, const yaml::Node& root, const EvidenceAddOptions& o,
                                        const std::string& id, const std::string& date) {
    const yaml::Node* key = nullptr;
    const yaml::Node* value = nullptr;
    const yaml::Node* next_key = nullptr;
    for (const auto& [k, v] : root.entries) {
        if (key && !next_key && k->line > key->line) next_key = k.get();
        if (k->is_scalar() && k->value == "entries") {
            key = k.get();
            value = v.get();
        }
    }
    std::string base = text;
    if (!base.empty() && base.back() != '\n') base += '\n';
    if (!key) {  // no entries yet: add the list at the end
        const int line = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 2;
        return {base + "entries:\n" + yaml_entry_block(o, id, date, 2), line};
    }
    const bool flow = value->is_sequence() && value->line == key->line &&
                      line_offset(base, value->line) + static_cast<std::size_t>(value->column - 1) < base.size() &&
                      base[line_offset(base, value->line) + static_cast<std::size_t>(value->column - 1)] == '[';
    if (flow && !value->items.empty()) {
        throw UsageError("the log writes \"entries\" as a flow list ([...]); write it as a block list to use add");
    }
    const std::size_t key_indent = static_cast<std::size_t>(key->column - 1);
    if (value->is_null() || flow) {
        // "entries:" or "entries: []": end the key line after the colon, then the list.
        const std::size_t start = line_offset(base, key->line);
        std::size_t end = base.find('\n', start);
        std::string key_line = base.substr(start, end - start);
        if (flow) key_line = key_line.substr(0, key_line.find('['));
        while (!key_line.empty() && key_line.back() == ' ') key_line.pop_back();
        const std::string block = yaml_entry_block(o, id, date, key_indent + 2);
        return {base.substr(0, start) + key_line + "\n" + block + base.substr(end + 1), key->line + 1};
    }
    const std::size_t indent = static_cast<std::size_t>(value->column - 1);  // the dashes' column
    const std::string block = yaml_entry_block(o, id, date, indent);
    if (!next_key) return {base + block, static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1};
    // Before the next top-level key, after the last line that belongs to the list
    // (blank lines and comments directly above the next key stay with that key).
    int line = next_key->line;
    while (line > key->line + 1) {
        const std::size_t s = line_offset(base, line - 1);
        const std::string prev = base.substr(s, base.find('\n', s) - s);
        const auto t = text::trim(prev);
        if (!t.empty() && t.front() != '#') break;
        --line;
    }
    const std::size_t at = line_offset(base, line);
    return {base.substr(0, at) + block + base.substr(at), line};
}

int run_evidence_add(const EvidenceAddOptions& o, Context& ctx) {
    const Date today = as_of_date(o.as_of);
    auto read = files::read(o.log);
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", o.log, read.error));
    const std::string& text = *read.text;
    if (text.find('\0') != std::string::npos || text::find_invalid_utf8(text)) {
        ctx.io().err << fmt::format(
            "leadctl: {} is not UTF-8 text (run 'leadctl evidence validate {}'); nothing was added\n", o.log, o.log);
        return kExitFindings;
    }
    const LogFormat format = detect_log_format(o.log, std::string_view(text).substr(0, 512));

    // What is there already: ids, and whether the log can be read at all.
    Existing existing;
    {
        std::istringstream in(text);
        EvidenceSink sink;
        sink.entry = [&](const Entry& e) { existing.ids.insert(e.id); };
        read_evidence(in, o.log, format, sink, existing.diagnostics);
    }
    for (const auto& d : existing.diagnostics.items()) {
        const bool csv_header = format == LogFormat::csv && d.severity == Severity::error && d.location.line <= 1;
        if (d.code.starts_with("yaml-") || d.code.starts_with("csv-") || d.code.starts_with("json-") ||
            d.code == "empty-file" || csv_header) {
            ctx.print_diagnostic(d);
            ctx.io().err << fmt::format("leadctl: {} cannot be read as an evidence log; nothing was added\n", o.log);
            return kExitFindings;
        }
    }
    const std::string date = o.date.empty() ? today.str() : o.date;
    const std::string id = o.id.empty() ? make_id(date, o.title, existing.ids) : o.id;

    std::string updated;
    int first_line = 1;
    int last_line = 0;  // the new entry's lines: first_line..last_line
    if (format == LogFormat::yaml) {
        auto doc = yaml::parse(text, o.log);
        if (!doc.root || !doc.root->is_map()) throw UsageError(fmt::format("{} is not an evidence log", o.log));
        std::tie(updated, first_line) = append_yaml(text, *doc.root, o, id, date);
        last_line = first_line +
                    static_cast<int>(std::count(updated.begin(), updated.end(), '\n') -
                                     std::count(text.begin(), text.end(), '\n')) -
                    1;
    } else if (format == LogFormat::csv) {
        // Columns in the order of the header row.
        std::istringstream in(text);
        std::string header;
        std::getline(in, header);
        const bool crlf = !header.empty() && header.back() == '\r';
        if (crlf) header.pop_back();
        // The value of each known column for the new row (others stay empty).
        const std::map<std::string, std::string, std::less<>> values{{"id", id},
                                                                     {"date", date},
                                                                     {"type", o.type},
                                                                     {"title", o.title},
                                                                     {"description", o.description},
                                                                     {"reflection", o.reflection},
                                                                     {"competencies", text::join(o.tags, ";")},
                                                                     {"level", o.level},
                                                                     {"role", o.role},
                                                                     {"signed_off_by", o.signed_off_by},
                                                                     {"signed_off_date", o.signed_off_date},
                                                                     {"showcase", o.showcase ? "true" : ""},
                                                                     {"attachments", text::join(o.attachments, ";")}};
        std::vector<std::string> row;
        std::string_view rest = header;
        while (true) {
            const auto comma = rest.find(',');
            const std::string col = text::to_lower(text::trim(rest.substr(0, comma)));
            const auto it = values.find(col);
            const std::string v = it == values.end() ? std::string() : it->second;
            row.push_back(v);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        std::string line = csv::record(row);
        if (!crlf) line.replace(line.size() - 2, 2, "\n");
        updated = text;
        if (!updated.empty() && updated.back() != '\n') updated += crlf ? "\r\n" : "\n";
        first_line = static_cast<int>(std::count(updated.begin(), updated.end(), '\n')) + 1;
        last_line = first_line;
        updated += line;
    } else {
        nlohmann::ordered_json j;
        j["id"] = id;
        j["date"] = date;
        j["type"] = o.type;
        j["title"] = o.title;
        if (!o.description.empty()) j["description"] = o.description;
        if (!o.reflection.empty()) j["reflection"] = o.reflection;
        j["competencies"] = o.tags;
        if (!o.level.empty()) j["level"] = o.level;
        if (!o.role.empty()) j["role"] = o.role;
        if (!o.signed_off_by.empty() || !o.signed_off_date.empty()) {
            nlohmann::ordered_json s;
            if (!o.signed_off_by.empty()) s["by"] = o.signed_off_by;
            if (!o.signed_off_date.empty()) s["date"] = o.signed_off_date;
            j["signed_off"] = s;
        }
        if (o.showcase) j["showcase"] = true;
        if (!o.attachments.empty()) j["attachments"] = o.attachments;
        updated = text;
        if (!updated.empty() && updated.back() != '\n') updated += '\n';
        first_line = static_cast<int>(std::count(updated.begin(), updated.end(), '\n')) + 1;
        last_line = first_line;
        updated += j.dump() + "\n";
    }

    // Check the log as it would be, and keep what concerns the new entry.
    Diagnostics all;
    {
        auto& reg = ctx.registry();
        EvidenceCheckOptions copt;
        copt.as_of = today;
        copt.privacy = !o.no_privacy;
        copt.framework_ids = reg.ids();
        EvidenceChecker checker([&reg](std::string_view fid) { return reg.get(fid).get(); }, copt, all);
        EvidenceSink sink;
        sink.person = [&](const Person& p) { checker.person(p); };
        sink.entry = [&](const Entry& e) { checker.entry(e); };
        std::istringstream in(updated);
        read_evidence(in, o.log, format, sink, all);
        std::istringstream again(updated);
        checker.locate_privacy(again);
    }
    Diagnostics mine;
    for (const auto& d : all.items()) {
        if (d.location.line < first_line || d.location.line > last_line) continue;
        Diagnostic x = d;
        // Patient-identifiable data must not be written into a log at all.
        if (x.code.starts_with("privacy-")) x.severity = Severity::error;
        mine.add(std::move(x));
    }
    mine.sort();
    for (const auto& d : mine.items()) ctx.print_diagnostic(d);
    if (mine.has_errors()) {
        ctx.io().err << fmt::format("leadctl: entry not added: {} error{}; {} is unchanged{}\n", mine.error_count(),
                                    mine.error_count() == 1 ? "" : "s", o.log,
                                    std::any_of(mine.items().begin(), mine.items().end(),
                                                [](const Diagnostic& x) { return x.code.starts_with("privacy-"); })
                                        ? " (if a privacy finding is a false alarm, add --no-privacy-check)"
                                        : "");
        return kExitFindings;
    }
    if (auto err = files::write_atomic(o.log, updated); !err.empty()) throw UsageError(err);
    ctx.io().out << fmt::format("added entry {} to {}\n", id, o.log);
    return kExitOk;
}

}  // namespace

void setup_evidence_add(CLI::App& parent, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<EvidenceAddOptions>();
    auto* cmd = parent.add_subcommand("add", "Append an entry to a log, keeping the rest of the file as it is");
    cmd->add_option("log", opt->log, "The evidence log (.yaml, .csv or .jsonl) to add to")
        ->required()
        ->type_name("LOG");
    cmd->add_option("--type", opt->type,
                    "Entry type: audit, qip, teaching, committee, management, shadowing, course, "
                    "reflection, feedback-360, presentation, publication or other")
        ->required()
        ->type_name("TYPE");
    cmd->add_option("--title", opt->title, "What was done")->required()->type_name("TEXT");
    cmd->add_option("--tag", opt->tags, "A competency it evidences, e.g. mlcf:4.1 (repeatable)")
        ->required()
        ->allow_extra_args(false)
        ->type_name("PREFIX:CODE");
    cmd->add_option("--date", opt->date, "When (default: today)")->type_name("YYYY-MM-DD");
    cmd->add_option("--id", opt->id, "Entry id (default: the date and title, made unique)")->type_name("ID");
    cmd->add_option("--level", opt->level, "Level on the tagged framework's scale (e.g. proficient)")
        ->type_name("LEVEL");
    cmd->add_option("--role", opt->role, "led, contributed or attended")->type_name("ROLE");
    cmd->add_option("--description", opt->description, "What happened")->type_name("TEXT");
    cmd->add_option("--reflection", opt->reflection, "What you learnt")->type_name("TEXT");
    cmd->add_option("--signed-off-by", opt->signed_off_by, "Who signed it off")->type_name("NAME");
    cmd->add_option("--signed-off-date", opt->signed_off_date, "When it was signed off")->type_name("YYYY-MM-DD");
    cmd->add_flag("--showcase", opt->showcase, "Mark it as showcase evidence");
    cmd->add_option("--attachment", opt->attachments, "A file that goes with it (repeatable)")
        ->allow_extra_args(false)
        ->type_name("FILE");
    cmd->add_option("--as-of", opt->as_of, "Reference day for date checks (default: today)")->type_name("YYYY-MM-DD");
    cmd->add_flag("--no-privacy-check", opt->no_privacy, "Do not look for patient-identifiable data in the text");
    cmd->footer(R"(The entry is checked exactly as 'leadctl evidence validate' would check it;
with an error nothing is written and the exit status is 1. Otherwise the entry
is appended (YAML: at the end of the entries list, in the list's own indentation;
CSV: as a row in the header's column order; JSON Lines: as a line), comments and
formatting of the rest of the file untouched, and the file replaced atomically.

Examples:
  leadctl evidence add log.yaml --type committee --title "Chaired the junior doctors' forum" \
      --tag mlcf:2.3 --tag hlm:6 --role led
  leadctl evidence add log.csv --type course --title "IHI Open School: Leadership" --tag mlcf:1.3 \
      --date 2026-10-02)");
    cmd->callback([&ctx, &result, opt] { result.exit_code = run_evidence_add(*opt, ctx); });
}

}  // namespace leadctl::cli
