// Reading evidence logs (YAML, CSV, JSON Lines) into the evidence model.
// Each format is turned into the same small YAML node shape per entry, so one
// function checks the fields of every entry the same way.
#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_file.hpp"
#include "core/evidence/log_files.hpp"
#include "core/util/csv.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>

namespace leadctl {

namespace {

constexpr std::string_view kRootKeys[] = {"person", "entries", "feedback"};
constexpr std::string_view kPersonKeys[] = {"id", "name", "stage", "programme", "ltft"};
constexpr std::string_view kEntryKeys[] = {"id",           "date",  "type", "title",      "description", "reflection",
                                           "competencies", "level", "role", "signed_off", "showcase",    "attachments"};
constexpr std::string_view kSignOffKeys[] = {"by", "date"};

std::vector<std::string> names(std::span<const std::string_view> xs) {
    return {xs.begin(), xs.end()};
}

/// Built once: every entry of every log is checked against it.
const std::vector<std::string>& type_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& t : kEvidenceTypes) out.emplace_back(t.name);
        return out;
    }();
    return names;
}

std::optional<Date> read_date(yaml::Fields& f, std::string_view key, Diagnostics& d, bool required,
                              SourceLocation& where) {
    const std::string v = f.text(key, required);
    const yaml::Node* n = f.get(key);
    where = n ? f.at(*n) : f.where();
    if (v.empty()) return std::nullopt;
    DateError err = DateError::none;
    auto date = parse_date(text::trim(v), &err);
    if (!date) {
        d.error(where, "invalid-date",
                err == DateError::impossible ? fmt::format("{} \"{}\" is not a real date", key, v)
                                             : fmt::format("{} \"{}\" is not a date written YYYY-MM-DD", key, v));
    }
    return date;
}

TextField text_field(yaml::Fields& f, std::string_view key, bool required = false) {
    TextField t;
    t.value = f.text(key, required);
    if (const auto* n = f.get(key)) {
        t.location = f.at(*n);
        t.last_line = n->end_line;
    }
    return t;
}

/// Every scalar under `n` (keys that are not field names too), named by its path
/// from `prefix` ("signed_off.by"; a list's elements by the list's name), into
/// `out`; `skip` names top-level fields kept elsewhere.
void collect_texts(const yaml::Node& n, const FileName& file, const std::string& prefix,
                   std::span<const std::string_view> fields, std::span<const std::string_view> skip,
                   std::vector<NamedText>& out) {
    if (n.is_scalar()) {
        if (!n.value.empty()) out.push_back({prefix, {n.value, {file, n.line, n.column}, n.end_line}});
        return;
    }
    if (n.is_sequence()) {
        for (const auto& item : n.items) collect_texts(*item, file, prefix, {}, {}, out);
        return;
    }
    for (const auto& [k, v] : n.entries) {
        // A field kept elsewhere is skipped; a second value under its key (a JSON
        // line's duplicate key, reported) is scanned here.
        if (prefix.empty() && std::find(skip.begin(), skip.end(), k->value) != skip.end() &&
            n.find(k->value) == v.get()) {
            continue;
        }
        const bool known = std::find(fields.begin(), fields.end(), k->value) != fields.end();
        if (!known && !k->value.empty()) out.push_back({"a key", {k->value, {file, k->line, k->column}, k->end_line}});
        const std::string name = prefix.empty() ? k->value : prefix + "." + k->value;
        const bool signoff = prefix.empty() && k->value == "signed_off";
        collect_texts(*v, file, name, signoff ? std::span<const std::string_view>(kSignOffKeys) : fields.subspan(0, 0),
                      {}, out);
    }
}

}  // namespace

Person person_from_node(const yaml::Node& n, const FileName& file, Diagnostics& d) {
    Person p;
    if (!yaml::expect_map(n, file, d, "\"person\"")) return p;
    yaml::Fields f(n, file, d, kPersonKeys, "person");
    p.location = f.where();
    collect_texts(n, file, "", kPersonKeys, {}, p.texts);
    p.id = f.text("id", true);
    p.name = f.text("name", true);
    p.stage = f.text("stage");
    p.programme = f.text("programme");
    const std::string ltft = f.text("ltft");
    if (!ltft.empty()) {
        double x = 0;
        const auto [ptr, ec] = std::from_chars(ltft.data(), ltft.data() + ltft.size(), x);
        if (ec != std::errc{} || ptr != ltft.data() + ltft.size() || !(x > 0 && x <= 1)) {
            d.error(f.at(*f.get("ltft")), "invalid-value",
                    fmt::format("ltft \"{}\" must be a fraction of full time above 0 and at most 1 (e.g. 0.8)", ltft));
        } else {
            p.ltft = x;
        }
    }
    return p;
}

Entry entry_from_node(const yaml::Node& n, const FileName& file, Diagnostics& d) {
    Entry e;
    e.location = {file, n.line, n.column};
    if (!yaml::expect_map(n, file, d, "an entry")) return e;
    yaml::Fields f(n, file, d, kEntryKeys, "entry");
    e.id = f.text("id", true);
    e.date = read_date(f, "date", d, true, e.date_location);
    e.type = f.text("type", true);
    if (!e.type.empty()) {
        const auto& types = type_names();
        if (std::find(types.begin(), types.end(), e.type) == types.end()) {
            d.error(f.at(*f.get("type")), "unknown-type",
                    fmt::format("unknown entry type \"{}\"{}; types: {}", e.type, text::did_you_mean(e.type, types),
                                text::join(types, ", ")));
        }
    }
    e.title = text_field(f, "title", true);
    e.description = text_field(f, "description");
    e.reflection = text_field(f, "reflection");
    if (const auto* c = f.get("competencies"); !c || c->is_null()) {
        f.missing("competencies");
    } else if (c->is_scalar()) {
        e.competencies.push_back({c->value, f.at(*c)});
    } else if (c->is_sequence()) {
        if (c->items.empty()) {
            d.warning(f.at(*c), "untagged", "entry is tagged to no competency, so it counts toward nothing");
        }
        for (const auto& t : c->items) {
            if (t->is_scalar()) {
                e.competencies.push_back({t->value, {file, t->line, t->column}});
            } else {
                d.error({file, t->line, t->column}, "wrong-type", "competencies must be references such as mlcf:2.4");
            }
        }
    } else {
        f.wrong_type("competencies", *c, "a list of references such as mlcf:2.4");
    }
    e.level = f.text("level");
    if (const auto* l = f.get("level")) e.level_location = f.at(*l);
    e.role = f.text("role");
    if (!e.role.empty() && std::find(kRoles.begin(), kRoles.end(), e.role) == kRoles.end()) {
        d.error(f.at(*f.get("role")), "invalid-value",
                fmt::format("role \"{}\" is not one of: led, contributed, attended{}", e.role,
                            text::did_you_mean(e.role, names(kRoles))));
    }
    if (const auto* s = f.mapping("signed_off")) {
        yaml::Fields sf(*s, file, d, kSignOffKeys, "signed_off");
        SignOff so;
        so.by = sf.text("by", true);
        so.date = read_date(sf, "date", d, false, so.date_location);
        e.signed_off = std::move(so);
    }
    const std::string showcase = f.text("showcase");
    if (!showcase.empty()) {
        static const std::map<std::string, bool> kBool{{"true", true},   {"yes", true}, {"1", true},
                                                       {"false", false}, {"no", false}, {"0", false}};
        auto it = kBool.find(text::to_lower(showcase));
        if (it == kBool.end()) {
            d.error(f.at(*f.get("showcase")), "invalid-value",
                    fmt::format("showcase \"{}\" must be true or false", showcase));
        } else {
            e.showcase = it->second;
        }
    }
    e.attachments = f.texts("attachments");
    constexpr std::string_view kFreeText[] = {"title", "description", "reflection"};
    collect_texts(n, file, "", kEntryKeys, kFreeText, e.texts);
    return e;
}

LogFormat detect_log_format(std::string_view path, std::string_view head) {
    if (const auto by_name = log_format_of_name(path)) return *by_name;
    const auto t = text::trim(head);
    if (!t.empty() && t.front() == '{') return LogFormat::jsonl;
    const auto first_line = t.substr(0, t.find('\n'));
    if (first_line.find(',') != std::string_view::npos && first_line.find(':') == std::string_view::npos) {
        return LogFormat::csv;
    }
    return LogFormat::yaml;
}

std::string_view format_name(LogFormat f) {
    switch (f) {
        case LogFormat::yaml:
            return "YAML";
        case LogFormat::csv:
            return "CSV";
        case LogFormat::jsonl:
            return "JSON Lines";
    }
    return "";
}

namespace {

void read_yaml(std::istream& in, const FileName& file, const EvidenceSink& sink, Diagnostics& d) {
    bool saw_person = false;
    bool saw_entries = false;
    std::map<std::string, int> root_lines;  // top-level keys seen, for duplicates
    const std::vector<std::string> root_keys = names(kRootKeys);
    const yaml::StreamHook hook = [&](const yaml::Node& key, const yaml::Node& value, bool element) {
        if (element) {
            if (key.value != "entries") return false;  // kept, and reported when complete
            const Entry e = entry_from_node(value, file, d);
            if (sink.entry) sink.entry(e);
            return true;
        }
        const SourceLocation where{file, key.line, key.column};
        if (auto [it, inserted] = root_lines.emplace(key.value, key.line); !inserted) {
            d.error(where, "yaml-duplicate-key",
                    fmt::format("duplicate key \"{}\" (first at line {})", key.value, it->second));
            return true;
        }
        if (key.value == "person") {
            saw_person = true;
            const Person p = person_from_node(value, file, d);
            if (sink.person) sink.person(p);
        } else if (key.value == "feedback") {
            // The rounds of 360-degree feedback the log counts (leadctl-evidence(5)).
            const auto one = [&](const yaml::Node& n) {
                if (!n.is_scalar() || text::trim(n.value).empty()) {
                    d.error({file, n.line, n.column}, "wrong-type",
                            "\"feedback\" must list the paths of round files (leadctl-feedback(5))");
                } else if (sink.feedback) {
                    sink.feedback({n.value, {file, n.line, n.column}});
                }
            };
            if (value.is_sequence()) {
                for (const auto& x : value.items) one(*x);
            } else if (!value.is_null()) {
                one(value);
            }
        } else if (key.value == "entries") {
            saw_entries = true;
            if (!value.is_sequence() && !value.is_null()) {
                d.error({file, value.line, value.column}, "wrong-type", "\"entries\" must be a list of entries");
            }
        } else {
            d.error(where, "unknown-key",
                    fmt::format("unknown key \"{}\" at the top of the log{}", key.value,
                                text::did_you_mean(key.value, root_keys)));
            if (sink.other) {
                std::vector<NamedText> texts{{"a key", {key.value, where, key.end_line}}};
                collect_texts(value, file, key.value, {}, {}, texts);
                sink.other(texts);
            }
        }
        return true;
    };
    const auto before = d.checkpoint();
    yaml::Limits limits;
    limits.max_diagnostics = kMaxProblemsPerLog;  // what the parser finds (duplicate keys) is bounded too
    auto doc = yaml::parse(in, file, hook, limits);
    const auto& parsed = doc.diagnostics.items();
    if (std::any_of(parsed.begin(), parsed.end(), [](const Diagnostic& x) { return x.code == "cr-line-ends"; })) {
        d.rollback(before);  // what the entries said was placed by lines counted another way
    }
    d.append(doc.diagnostics);
    if (!doc.root) return;
    if (!doc.root->is_map()) {
        d.error({file, doc.root->line, doc.root->column}, "wrong-type",
                "an evidence log must be a mapping with \"person\" and \"entries\"");
        return;
    }
    if (!saw_person) d.error({file, 1, 1}, "missing-field", "the log has no \"person\"");
    if (!saw_entries) d.error({file, 1, 1}, "missing-field", "the log has no \"entries\"");
}

// ---- CSV: one row per entry; competencies and attachments separated by ';'.

constexpr std::string_view kCsvColumns[] = {
    "id",           "date",      "type",        "title",         "description",      "reflection",
    "competencies", "level",     "role",        "signed_off_by", "signed_off_date",  "showcase",
    "attachments",  "person_id", "person_name", "person_stage",  "person_programme", "person_ltft"};

std::shared_ptr<yaml::Node> scalar(const csv::Field& f) {
    auto n = std::make_shared<yaml::Node>();
    n->kind = yaml::Kind::scalar;
    n->value = f.value;
    n->quoted = true;
    n->line = f.line;
    n->column = f.column;
    n->end_line = f.line + static_cast<int>(std::count(f.value.begin(), f.value.end(), '\n'));
    return n;
}

std::shared_ptr<yaml::Node> map_node(int line, int column) {
    auto n = std::make_shared<yaml::Node>();
    n->kind = yaml::Kind::map;
    n->line = line;
    n->column = column;
    return n;
}

void put(yaml::Node& map, std::string key, yaml::NodePtr value) {
    auto k = std::make_shared<yaml::Node>();
    k->kind = yaml::Kind::scalar;
    k->value = std::move(key);
    k->line = value->line;
    k->column = value->column;
    map.entries.emplace_back(std::move(k), std::move(value));
}

/// "a; b" → a list node, each element at its own column.
yaml::NodePtr split_list(const csv::Field& f) {
    auto seq = std::make_shared<yaml::Node>();
    seq->kind = yaml::Kind::sequence;
    seq->line = f.line;
    seq->column = f.column;
    std::size_t start = 0;
    while (start <= f.value.size()) {
        const auto semi = f.value.find(';', start);
        const auto end = semi == std::string::npos ? f.value.size() : semi;
        const std::string_view raw = std::string_view(f.value).substr(start, end - start);
        const auto item = text::trim(raw);
        if (!item.empty()) {
            const std::size_t pos = start + static_cast<std::size_t>(item.data() - raw.data());
            csv::Field part{std::string(item), f.line,
                            f.column + (f.quoted ? 1 : 0) +
                                static_cast<int>(text::display_width(std::string_view(f.value).substr(0, pos))),
                            true};
            seq->items.push_back(scalar(part));
        }
        if (semi == std::string::npos) break;
        start = semi + 1;
    }
    return seq;
}

void read_csv(std::istream& in, const FileName& file, const EvidenceSink& sink, Diagnostics& d) {
    csv::Reader reader(in, file);
    std::vector<csv::Field> header;
    if (!reader.next(header, d)) {
        if (!d.has_errors()) d.error({file, 0, 0}, "empty-file", "file is empty (no header row)");
        return;
    }
    std::map<std::string, std::size_t> col;
    const auto known = names(kCsvColumns);
    if (header.size() > 2 * std::size(kCsvColumns)) {
        d.error(
            {file, 1, 1}, "csv-header",
            fmt::format("the header row has {} columns; an evidence log has {} known columns (see leadctl-evidence(5))",
                        header.size(), std::size(kCsvColumns)));
        return;
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = text::to_lower(text::trim(header[i].value));
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            d.error({file, header[i].line, header[i].column}, "unknown-key",
                    fmt::format("unknown column \"{}\"{}", header[i].value, text::did_you_mean(name, known)));
            continue;
        }
        if (!col.emplace(name, i).second) {
            d.error({file, header[i].line, header[i].column}, "duplicate-column",
                    fmt::format("column \"{}\" appears twice", name));
        }
    }
    for (const char* required : {"id", "date", "type", "title", "competencies"}) {
        if (!col.count(required)) {
            d.error({file, 1, 1}, "missing-field", fmt::format("the header row has no \"{}\" column", required));
        }
    }
    if (d.has_errors()) return;
    bool person_sent = false;
    std::vector<csv::Field> row;
    while (reader.next(row, d)) {
        // A cell `evidence add` (or a report) wrote as '=... against formula injection
        // reads back as it was given.
        for (auto& f : row) {
            if (f.value.starts_with('\'')) f.value = csv::spreadsheet_unsafe(f.value);
        }
        if (row.size() != header.size()) {
            d.error({file, reader.record_line(), 1}, "csv-ragged-row",
                    fmt::format("row has {} fields; the header row has {}", row.size(), header.size()));
            continue;
        }
        auto entry = map_node(reader.record_line(), 1);
        auto person = map_node(reader.record_line(), 1);
        std::shared_ptr<yaml::Node> signoff;
        for (const auto& [name, i] : col) {
            const auto& f = row[i];
            if (text::trim(f.value).empty()) continue;
            if (name == "competencies" || name == "attachments") {
                put(*entry, name, split_list(f));
            } else if (name.starts_with("person_")) {
                put(*person, name.substr(7), scalar(f));
            } else if (name.starts_with("signed_off_")) {
                if (!signoff) signoff = map_node(f.line, f.column);
                put(*signoff, name.substr(11), scalar(f));
            } else {
                put(*entry, name, scalar(f));
            }
        }
        if (signoff) put(*entry, "signed_off", signoff);
        if (!person_sent && !person->entries.empty()) {
            person_sent = true;
            const Person p = person_from_node(*person, file, d);
            if (sink.person) sink.person(p);
        }
        const Entry e = entry_from_node(*entry, file, d);
        if (sink.entry) sink.entry(e);
    }
}

// ---- JSON Lines: one JSON object per line; {"person": {...}} names the person.

/// Byte offsets of the keys of a JSON text (each key's opening quote), in the order
/// the parser meets them: a string followed by ':' outside strings.
std::vector<std::size_t> json_key_offsets(std::string_view s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '"') continue;
        const std::size_t start = i;
        for (++i; i < s.size() && s[i] != '"'; ++i) {
            if (s[i] == '\\') ++i;
        }
        std::size_t j = i + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) ++j;
        if (j < s.size() && s[j] == ':') out.push_back(start);
    }
    return out;
}

/// Builds the node shape of one JSON line with nlohmann's SAX interface, in one pass,
/// refusing what a DOM parse would hide or throw on: a key given twice in one object
/// (the DOM keeps the last value, so the first would never be checked) and a number
/// too large for a double.
class JsonLineBuilder {
public:
    using json = nlohmann::json;

    struct Failure {
        std::string code;
        std::string message;
        std::size_t offset = 0;  ///< byte in the line
    };

    explicit JsonLineBuilder(int line) : line_(line) {}

    bool null() { return value(make(yaml::Kind::null)); }
    bool boolean(bool b) { return scalar(b ? "true" : "false", false); }
    bool number_integer(json::number_integer_t x) { return scalar(std::to_string(x), false); }
    bool number_unsigned(json::number_unsigned_t x) { return scalar(std::to_string(x), false); }
    bool number_float(json::number_float_t x, const json::string_t&) { return scalar(json(x).dump(), false); }
    bool string(json::string_t& v) { return scalar(std::move(v), true); }
    bool binary(json::binary_t&) { return scalar("", false); }  // not produced by the JSON parser
    bool start_object(std::size_t) {
        open(yaml::Kind::map);
        return true;
    }
    bool key(json::string_t& k) {
        const std::size_t index = keys_seen_++;
        Frame& f = stack_.back();
        if (const auto [it, inserted] = f.keys.emplace(k, index); !inserted) {
            duplicates_.push_back({k, it->second, index});
        }
        auto key = make(yaml::Kind::scalar);
        key->value = std::move(k);
        f.pending_key = std::move(key);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) {
        open(yaml::Kind::sequence);
        return true;
    }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        Failure f;
        if (ex.id == 406) {  // out_of_range: a number that does not fit in a double
            std::string shown = last_token.size() > 24 ? last_token.substr(0, 20) + "..." : last_token;
            f.code = "json-number-out-of-range";
            f.message = fmt::format(
                "number {} ({} characters) is out of range: too large for a number; "
                "quote it if it is text",
                shown, last_token.size());
            f.offset = position >= last_token.size() ? position - last_token.size() : 0;
        } else {
            std::string what = ex.what();
            if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
            f.code = "json-syntax";
            f.message = "JSON " + what;
            f.offset = position > 0 ? position - 1 : 0;
        }
        failure_ = std::move(f);
        return false;
    }

    [[nodiscard]] const std::optional<Failure>& failure() const { return failure_; }
    [[nodiscard]] yaml::NodePtr root() const { return root_; }

    struct Duplicate {
        std::string key;
        std::size_t first = 0;   ///< index of the first occurrence among all keys of the line
        std::size_t second = 0;  ///< index of this occurrence
    };
    [[nodiscard]] const std::vector<Duplicate>& duplicates() const { return duplicates_; }

private:
    struct Frame {
        std::shared_ptr<yaml::Node> node;
        std::shared_ptr<yaml::Node> pending_key;
        std::map<std::string, std::size_t> keys;
    };

    std::shared_ptr<yaml::Node> make(yaml::Kind kind) const {
        auto n = std::make_shared<yaml::Node>();
        n->kind = kind;
        n->line = line_;
        n->end_line = line_;
        n->column = 1;
        return n;
    }
    bool scalar(std::string v, bool quoted) {
        auto n = make(yaml::Kind::scalar);
        n->value = std::move(v);
        n->quoted = quoted;
        return value(std::move(n));
    }
    bool value(std::shared_ptr<yaml::Node> n) {
        if (stack_.empty()) {
            root_ = std::move(n);
            return true;
        }
        Frame& f = stack_.back();
        if (f.node->kind == yaml::Kind::sequence) {
            f.node->items.push_back(std::move(n));
        } else {
            f.node->entries.emplace_back(std::move(f.pending_key), std::move(n));
            f.pending_key.reset();
        }
        return true;
    }
    void open(yaml::Kind kind) { stack_.push_back({make(kind), nullptr, {}}); }
    bool close() {
        auto n = std::move(stack_.back().node);
        stack_.pop_back();
        return value(std::move(n));
    }

    int line_;
    std::vector<Frame> stack_;
    yaml::NodePtr root_;
    std::size_t keys_seen_ = 0;
    std::vector<Duplicate> duplicates_;
    std::optional<Failure> failure_;
};

/// Deepest nesting of [ and { outside strings (nlohmann's parser is not bounded).
int json_depth(std::string_view s) {
    int depth = 0, max = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            max = std::max(max, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return max;
}

void read_jsonl(std::istream& in, const FileName& file, const EvidenceSink& sink, Diagnostics& d) {
    std::string line;
    int line_no = 0;
    bool any = false;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (text::trim(line).empty()) continue;
        any = true;
        if (json_depth(line) > 16) {
            d.error({file, line_no, 1}, "json-too-deep", "JSON nested deeper than 16 levels; refusing to read it");
            continue;
        }
        JsonLineBuilder builder(line_no);
        if (!nlohmann::json::sax_parse(line, &builder) || !builder.root()) {
            const auto& f = builder.failure();
            const std::size_t at = f ? std::min(f->offset, line.size()) : 0;
            d.error({file, line_no, text::line_column_at(line, at).column}, f ? f->code : "json-syntax",
                    f ? f->message : "JSON syntax error");
            continue;
        }
        if (!builder.duplicates().empty()) {
            // Both values are kept in the node (as YAML does), so the checks of the
            // entry, the privacy scan among them, see the first one.
            const auto offsets = json_key_offsets(line);
            auto column = [&](std::size_t index) {
                return index < offsets.size() ? text::line_column_at(line, offsets[index]).column : 1;
            };
            for (const auto& dup : builder.duplicates()) {
                d.error({file, line_no, column(dup.second)}, "json-duplicate-key",
                        fmt::format("duplicate key \"{}\" (first at column {}); each key may appear once", dup.key,
                                    column(dup.first)));
            }
        }
        const auto node = builder.root();
        if (!node->is_map()) {
            d.error({file, line_no, 1}, "wrong-type",
                    "each line must be a JSON object (an entry, or {\"person\": ...})");
            continue;
        }
        if (node->entries.size() == 1 && node->entries.front().first->value == "person") {
            const Person p = person_from_node(*node->entries.front().second, file, d);
            if (sink.person) sink.person(p);
            continue;
        }
        const Entry e = entry_from_node(*node, file, d);
        if (sink.entry) sink.entry(e);
    }
    if (!any) d.error({file, 0, 0}, "empty-file", "file is empty (no JSON lines)");
}

}  // namespace

void read_evidence(std::istream& in, const FileName& file, LogFormat format, const EvidenceSink& sink,
                   Diagnostics& diags) {
    switch (format) {
        case LogFormat::yaml:
            read_yaml(in, file, sink, diags);
            break;
        case LogFormat::csv:
            read_csv(in, file, sink, diags);
            break;
        case LogFormat::jsonl:
            read_jsonl(in, file, sink, diags);
            break;
    }
}

std::span<const std::string_view> csv_log_columns() {
    return kCsvColumns;
}

}  // namespace leadctl
