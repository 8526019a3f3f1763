#include "core/formats/moodle_csv.hpp"

#include "core/model/codes.hpp"
#include "core/model/framework_loader.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace leadctl {

namespace {

/// Column positions, in Moodle's order.
enum Col : std::size_t {
    kParent,
    kIdnumber,
    kShortname,
    kDescription,
    kFormat,
    kScaleValues,
    kScaleConfig,
    kRuleType,
    kRuleOutcome,
    kRuleConfig,
    kRelated,
    kExportId,
    kIsFramework,
    kTaxonomy,
};

/// x: keys, "moodle." + Moodle's own name for the column.
constexpr std::string_view kKeys[kMoodleColumns] = {
    "moodle.parentidnumber",    "moodle.idnumber",    "moodle.shortname",          "moodle.description",
    "moodle.descriptionformat", "moodle.scalevalues", "moodle.scaleconfiguration", "moodle.ruletype",
    "moodle.ruleoutcome",       "moodle.ruleconfig",  "moodle.relatedidnumbers",   "moodle.exportid",
    "moodle.isframework",       "moodle.taxonomy"};
constexpr std::string_view kHeaderKey = "moodle.header";

/// What export writes for a cell when x: has nothing for it.
constexpr std::string_view kCompetencyDefault[kMoodleColumns] = {"", "",  "",     "", "1", "", "",
                                                                 "", "0", "null", "", "",  "", ""};
constexpr std::string_view kFrameworkDefault[kMoodleColumns] = {"", "", "", "", "1", "",  "",
                                                                "", "", "", "", "",  "1", ""};

/// Moodle's closed list of taxonomy terms (core_competency\competency_framework).
constexpr std::string_view kTaxonomyTerms[] = {"behaviour", "competency", "concept",     "domain", "indicator", "level",
                                               "outcome",   "practice",   "proficiency", "skill",  "value"};
struct TypeTerm {
    std::string_view type;
    std::string_view term;
};
/// Our item types that are not Moodle terms; anything else not listed becomes "competency".
constexpr TypeTerm kTypeTerms[] = {
    {"dimension", "domain"}, {"element", "competency"}, {"theme", "competency"}, {"standard", "outcome"}};
constexpr std::string_view kDefaultTerm = "competency";

constexpr std::string_view kDefaultScale = "Not yet competent,Competent";
constexpr std::string_view kDefaultScaleConfig = R"([{"scaleid":""},{"id":2,"scaledefault":1,"proficient":1}])";

// ---------------------------------------------------------------- small helpers

std::string extra_or(const Extra& x, Col c, std::string_view fallback) {
    const auto* v = find_extra(x, kKeys[c]);
    return v ? *v : std::string(fallback);
}

/// The loader's rule for framework ids.
bool valid_id(std::string_view id) {
    return text::is_slug(id) && id.front() >= 'a' && id.front() <= 'z';
}

bool is_space(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char ch : s) {
        if (is_space(ch)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += ch;
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

struct NamedEntity {
    std::string_view name;
    std::uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"bull", 0x2022},  {"middot", 0xB7},
    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},  {"eacute", 0xE9},  {"egrave", 0xE8},
    {"agrave", 0xE0},  {"ccedil", 0xE7},  {"uuml", 0xFC},     {"ouml", 0xF6},    {"auml", 0xE4}};

/// The entity at s[0] == '&': its text and length, or nullopt when it is not one.
std::optional<std::pair<std::string, std::size_t>> entity_at(std::string_view s) {
    const auto semi = s.find(';');
    if (semi == std::string_view::npos || semi < 2 || semi > 10) return std::nullopt;
    const auto name = s.substr(1, semi - 1);
    std::string out;
    if (name.front() == '#') {
        std::uint32_t cp = 0;
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const auto digits = name.substr(hex ? 2 : 1);
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() || cp == 0 || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return std::nullopt;
        }
        append_utf8(out, cp);
        return std::pair{out, semi + 1};
    }
    for (const auto& e : kEntities) {
        if (e.name == name) {
            append_utf8(out, e.cp);
            return std::pair{out, semi + 1};
        }
    }
    return std::nullopt;
}

constexpr std::string_view kBlockTags[] = {"p",  "br", "div", "li", "ul",  "ol",         "h1",     "h2",
                                           "h3", "h4", "h5",  "h6", "tr",  "td",         "th",     "table",
                                           "hr", "dd", "dt",  "dl", "pre", "blockquote", "section"};

std::string strip_html(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const char ch = s[i];
        if (ch == '<' && i + 1 < s.size() && s.substr(i, 4) == "<!--") {
            const auto end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        if (ch == '<' && i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
            const auto end = s.find('>', i);
            if (end != std::string_view::npos) {
                std::size_t n = i + 1 + (s[i + 1] == '/' ? 1 : 0);
                std::size_t k = n;
                while (k < end && std::isalnum(static_cast<unsigned char>(s[k]))) ++k;
                const std::string name = text::to_lower(s.substr(n, k - n));
                if (std::find(std::begin(kBlockTags), std::end(kBlockTags), name) != std::end(kBlockTags)) out += ' ';
                i = end + 1;
                continue;
            }
        }
        if (ch == '&') {
            if (auto e = entity_at(s.substr(i))) {
                out += e->first;
                i += e->second;
                continue;
            }
        }
        out += ch;
        ++i;
    }
    return out;
}

std::string escape_html(std::string_view s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

// ---------------------------------------------------------------- scale and taxonomy

/// Scale values as Moodle reads them: split on ',', trimmed, empty ones dropped.
std::vector<std::string> scale_names(std::string_view cell) {
    std::vector<std::string> out;
    for (const auto& part : split(cell, ',')) {
        const auto t = text::trim(part);
        if (!t.empty()) out.emplace_back(t);
    }
    return out;
}

std::vector<Level> scale_levels(std::string_view cell) {
    std::vector<Level> out;
    std::set<std::string> ids;
    for (const auto& name : scale_names(cell)) {
        std::string id = text::slugify(name);
        if (id.empty() || ids.count(id)) id = fmt::format("level-{}", out.size() + 1);
        for (int n = 2; ids.count(id); ++n) id = fmt::format("level-{}-{}", out.size() + 1, n);
        ids.insert(id);
        out.push_back({id, name, "", {}});
    }
    return out;
}

/// Our item type for a taxonomy term.
std::string type_of_term(std::string_view term) {
    const auto t = text::trim(term);
    if (t.empty()) return std::string(kDefaultTerm);
    std::string type = text::to_lower(t);
    if (!text::is_slug(type)) type = text::slugify(type);
    return type.empty() ? std::string(kDefaultTerm) : type;
}

std::string type_at_depth(const std::vector<std::string>& terms, int depth) {
    const auto d = static_cast<std::size_t>(depth);
    return d < terms.size() ? type_of_term(terms[d]) : std::string(kDefaultTerm);
}

/// Moodle's taxonomy term for one of our item types.
std::string_view term_of_type(std::string_view type) {
    if (std::find(std::begin(kTaxonomyTerms), std::end(kTaxonomyTerms), type) != std::end(kTaxonomyTerms)) return type;
    for (const auto& m : kTypeTerms) {
        if (m.type == type) return m.term;
    }
    return kDefaultTerm;
}

std::string export_taxonomy(const Framework& fw) {
    if (const auto* x = find_extra(fw.extra, kKeys[kTaxonomy])) {
        const auto terms = split(*x, ',');
        const bool same = std::all_of(fw.items.begin(), fw.items.end(),
                                      [&](const Item& it) { return it.type == type_at_depth(terms, it.depth); });
        if (same) return *x;
    }
    std::vector<std::string> terms;
    for (std::size_t d = 0; d < fw.max_depth(); ++d) {
        std::vector<std::pair<std::string_view, int>> counts;  // in first-seen order
        for (const auto& it : fw.items) {
            if (static_cast<std::size_t>(it.depth) != d || it.type.empty()) continue;
            const auto term = term_of_type(it.type);
            auto pos = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == term; });
            if (pos == counts.end()) {
                counts.emplace_back(term, 1);
            } else {
                ++pos->second;
            }
        }
        auto best = std::max_element(counts.begin(), counts.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
        terms.emplace_back(best == counts.end() ? kDefaultTerm : best->first);
    }
    return text::join(terms, ",");
}

/// Index of the scale level that counts as the pass mark.
std::size_t threshold_level(const std::vector<Level>& scale) {
    for (std::size_t k = 0; k < scale.size(); ++k) {
        const auto name = text::to_lower(scale[k].name);
        if (scale[k].id == "proficient" || scale[k].id == "competent" || name == "proficient" || name == "competent") {
            return k;
        }
    }
    return scale.size() >= 2 ? 1 : 0;
}

std::pair<std::string, std::string> export_scale(const Framework& fw) {
    std::vector<std::string> names;
    for (const auto& l : fw.scale) names.push_back(l.name);
    if (const auto* x = find_extra(fw.extra, kKeys[kScaleValues]); x && scale_names(*x) == names) {
        const auto* config = find_extra(fw.extra, kKeys[kScaleConfig]);
        if (config) return {*x, *config};
    }
    if (fw.scale.empty()) return {std::string(kDefaultScale), std::string(kDefaultScaleConfig)};
    for (auto& n : names) std::replace(n.begin(), n.end(), ',', ' ');  // Moodle has no way to quote a comma
    const std::size_t t = threshold_level(fw.scale);
    std::string config = R"([{"scaleid":""})";
    for (std::size_t k = t; k < fw.scale.size(); ++k) {
        config += fmt::format(R"(,{{"id":{},"scaledefault":{},"proficient":1}})", k + 1, k == t ? 1 : 0);
    }
    config += "]";
    return {text::join(names, ","), config};
}

// ---------------------------------------------------------------- row order

/// Depth-first tree order, from roots and children (not trusting fw.items' order).
std::vector<int> tree_order(const Framework& fw) {
    std::vector<int> out;
    std::vector<int> stack(fw.roots.rbegin(), fw.roots.rend());
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        out.push_back(i);
        const auto& ch = fw.items[static_cast<std::size_t>(i)].children;
        stack.insert(stack.end(), ch.rbegin(), ch.rend());
    }
    return out;
}

std::optional<long long> number(std::string_view s) {
    long long v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

/// The order export writes items in (see "Row order" in the header).
std::vector<int> export_order(const Framework& fw) {
    const auto tree = tree_order(fw);
    std::vector<long long> ids(fw.items.size());
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        const auto* x = find_extra(fw.items[i].extra, kKeys[kExportId]);
        const auto v = x ? number(*x) : std::nullopt;
        if (!v) return tree;
        ids[i] = *v;
    }
    auto order = tree;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return ids[static_cast<std::size_t>(a)] < ids[static_cast<std::size_t>(b)]; });
    std::vector<std::size_t> pos(fw.items.size());
    for (std::size_t k = 0; k < order.size(); ++k) pos[static_cast<std::size_t>(order[k])] = k;
    auto in_order = [&](const std::vector<int>& siblings) {
        for (std::size_t k = 1; k < siblings.size(); ++k) {
            if (pos[static_cast<std::size_t>(siblings[k - 1])] > pos[static_cast<std::size_t>(siblings[k])]) {
                return false;
            }
        }
        return true;
    };
    if (!in_order(fw.roots)) return tree;
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        const auto& it = fw.items[i];
        if (it.parent >= 0 && pos[static_cast<std::size_t>(it.parent)] > pos[i]) return tree;
        if (!in_order(it.children)) return tree;
    }
    return order;
}

// ---------------------------------------------------------------- export helpers

/// A field as PHP's fputcsv writes it (Moodle's exporter).
std::string php_field(std::string_view v) {
    if (v.find_first_of(" \t,\"\\\r\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char ch : v) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
    return out;
}

std::string php_record(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (k) out += ',';
        out += php_field(cells[k]);
    }
    out += '\n';
    return out;
}

/// Description and format cells: the kept HTML while it still says the same.
std::pair<std::string, std::string> export_description(const Extra& x, const std::string& description) {
    const auto* html = find_extra(x, kKeys[kDescription]);
    const std::string format = extra_or(x, kFormat, "1");
    if (html && moodle_description_text(*html, format) == description) return {*html, format};
    return {moodle_description_html(description), "1"};
}

std::vector<std::string> header_cells(const Framework& fw) {
    if (const auto* x = find_extra(fw.extra, kHeaderKey)) {
        const auto j = nlohmann::json::parse(*x, nullptr, false);
        if (j.is_array() && j.size() == kMoodleColumns &&
            std::all_of(j.begin(), j.end(), [](const auto& e) { return e.is_string(); })) {
            std::vector<std::string> out;
            for (const auto& e : j) out.push_back(e.get<std::string>());
            return out;
        }
    }
    return {std::begin(kMoodleHeader), std::end(kMoodleHeader)};
}

/// Each item's ID number: x: moodle.idnumber while the code is still made from it.
std::vector<std::string> export_idnumbers(const Framework& fw) {
    std::vector<std::string> out(fw.items.size());
    std::set<std::string> used;
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        const auto& it = fw.items[i];
        const auto* x = find_extra(it.extra, kKeys[kIdnumber]);
        out[i] = x && code_made_from(it.code, *x) ? *x : it.code;
        if (!used.insert(out[i]).second) out[i] = it.code;
    }
    return out;
}

// ---------------------------------------------------------------- import

struct Row {
    std::vector<csv::Field> f;
    int line = 0;
    [[nodiscard]] const std::string& cell(Col c) const { return f[c].value; }
};

class Importer {
public:
    Importer(const std::string& file, const MoodleImportOptions& opt, MoodleImport& out)
        : file_(file), opt_(opt), out_(out), diags_(out.diagnostics) {}

    void run(std::string_view text) {
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        if (auto bad = text::find_invalid_utf8(text)) {
            const auto lc = text::line_column_at(text, *bad);
            diags_.error({file_, lc.line, lc.column}, "not-utf8",
                         fmt::format("file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                                     static_cast<unsigned char>(text[*bad])));
            return;
        }
        if (!read(text)) return;
        if (!find_framework_row()) return;
        index_competencies();
        link_parents();
        if (diags_.has_errors()) return;
        skip_unnamed_subtrees();
        Framework fw;
        if (!build(fw)) return;
        check_row_order(fw);
        check_crossrefs();
        if (diags_.has_errors()) return;
        out_.framework = std::move(fw);
    }

private:
    SourceLocation at(const Row& r, Col c) const { return {file_, r.f[c].line, r.f[c].column}; }

    /// Something the framework will not keep: a warning, or an error when strict.
    void loss(SourceLocation where, const std::string& what) {
        out_.losses.push_back(what);
        if (opt_.strict) {
            diags_.error(std::move(where), "moodle-not-kept", what);
        } else {
            diags_.warning(std::move(where), "moodle-not-kept", what);
        }
    }

    bool read(std::string_view text) {
        std::istringstream in{std::string(text)};
        csv::Reader reader(in, file_);
        if (!reader.next(header_, diags_)) {
            if (!diags_.has_errors()) diags_.error({file_, 1, 1}, "empty-file", "the file is empty (no header row)");
            return false;
        }
        header_line_ = reader.record_line();
        if (header_.size() != kMoodleColumns) {
            diags_.error({file_, header_line_, 1}, "ragged-row",
                         fmt::format("the header row has {} fields; a Moodle competency framework CSV has {} "
                                     "(Parent ID number, ID number, Short name, ..., Is framework, Taxonomy)",
                                     header_.size(), kMoodleColumns));
            return false;
        }
        for (std::vector<csv::Field> f; reader.next(f, diags_);) {
            const int line = reader.record_line();
            if (f.size() != kMoodleColumns) {
                const int column = f.size() > kMoodleColumns ? f[kMoodleColumns].column : 1;
                diags_.error({file_, line, column}, "ragged-row",
                             fmt::format("this row has {} fields; the header and every row must have {}", f.size(),
                                         kMoodleColumns));
                continue;
            }
            rows_.push_back({std::move(f), line});
        }
        return !diags_.has_errors();
    }

    static bool is_framework(const Row& r) {
        const auto& v = r.cell(kIsFramework);
        return !v.empty() && v != "0";  // PHP truthiness, as Moodle's importer tests it
    }

    bool find_framework_row() {
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            if (!is_framework(rows_[r])) {
                competencies_.push_back(r);
                continue;
            }
            if (framework_row_) {
                diags_.error(at(rows_[r], kIsFramework), "duplicate-framework-row",
                             fmt::format("a second framework row (\"Is framework\" is set); the first is on line {}",
                                         rows_[*framework_row_].line));
                continue;
            }
            framework_row_ = r;
        }
        if (!framework_row_ && !diags_.has_errors()) {
            diags_.error({file_, header_line_, 1}, "missing-framework-row",
                         "no framework row: one row must have \"Is framework\" (column 13) set to 1");
        }
        if (framework_row_ && text::trim(rows_[*framework_row_].cell(kShortname)).empty()) {
            diags_.error(at(rows_[*framework_row_], kShortname), "missing-field",
                         "the framework row has no short name (column 3); Moodle requires one");
        }
        return !diags_.has_errors();
    }

    void index_competencies() {
        for (std::size_t r : competencies_) {
            const Row& row = rows_[r];
            const auto& id = row.cell(kIdnumber);
            if (id.empty()) {
                skipped_.insert(r);
                loss(at(row, kIdnumber), fmt::format("line {}: a competency without an ID number is skipped, as "
                                                     "Moodle skips it",
                                                     row.line));
                continue;
            }
            if (auto [pos, fresh] = by_idnumber_.emplace(id, r); !fresh) {
                diags_.error(at(row, kIdnumber), "duplicate-idnumber",
                             fmt::format("ID number \"{}\" is already used on line {}", id, rows_[pos->second].line));
            }
        }
    }

    void link_parents() {
        parent_.assign(rows_.size(), std::nullopt);
        std::vector<std::string> ids;
        for (const auto& [id, r] : by_idnumber_) ids.push_back(id);
        for (std::size_t r : competencies_) {
            const Row& row = rows_[r];
            const auto& p = row.cell(kParent);
            if (skipped_.count(r) || p.empty()) continue;
            auto it = by_idnumber_.find(p);
            if (it == by_idnumber_.end()) {
                const bool is_fw = framework_row_ && p == rows_[*framework_row_].cell(kIdnumber);
                diags_.error(at(row, kParent), "unknown-parent",
                             fmt::format("parent \"{}\" is not the ID number of any competency in the file{}", p,
                                         is_fw ? " (it is the framework's ID number: leave the parent empty for a "
                                                 "top-level competency)"
                                               : text::did_you_mean(p, ids)));
                continue;
            }
            parent_[r] = it->second;
        }
        // Cycles: walk up from each row; rows met on the current walk are "open".
        enum class State { fresh, open, done };
        std::vector<State> state(rows_.size(), State::fresh);
        for (std::size_t start : competencies_) {
            std::vector<std::size_t> walk;
            std::optional<std::size_t> r = start;
            while (r && state[*r] == State::fresh) {
                state[*r] = State::open;
                walk.push_back(*r);
                r = parent_[*r];
            }
            if (r && state[*r] == State::open) {
                // The cycle is the part of the walk from *r on.
                auto first = std::find(walk.begin(), walk.end(), *r);
                std::vector<std::size_t> cycle(first, walk.end());
                const auto top = *std::min_element(cycle.begin(), cycle.end(),
                                                   [&](auto a, auto b) { return rows_[a].line < rows_[b].line; });
                std::vector<std::string> names;
                for (std::size_t k = top, n = 0; n <= cycle.size(); k = *parent_[k], ++n) {
                    names.push_back(rows_[k].cell(kIdnumber));
                }
                diags_.error(at(rows_[top], kParent), "parent-cycle",
                             fmt::format("a cycle of parents: {}", text::join(names, " under ")));
            }
            for (auto w : walk) state[w] = State::done;
        }
    }

    /// Moodle creates no competency without a short name, nor anything below one.
    void skip_unnamed_subtrees() {
        for (std::size_t r : competencies_) {
            if (skipped_.count(r)) continue;
            const Row& row = rows_[r];
            if (text::trim(row.cell(kShortname)).empty()) {
                skipped_.insert(r);
                loss(at(row, kShortname),
                     fmt::format("line {}: competency \"{}\" has no short name and is skipped, as Moodle skips it",
                                 row.line, row.cell(kIdnumber)));
            }
        }
        for (std::size_t r : competencies_) {
            if (skipped_.count(r)) continue;
            for (auto p = parent_[r]; p; p = parent_[*p]) {
                if (skipped_.count(*p) && text::trim(rows_[*p].cell(kShortname)).empty()) {
                    loss(at(rows_[r], kParent),
                         fmt::format("line {}: competency \"{}\" is skipped with its ancestor \"{}\", which has no "
                                     "short name, as Moodle skips it",
                                     rows_[r].line, rows_[r].cell(kIdnumber), rows_[*p].cell(kIdnumber)));
                    break;
                }
            }
        }
        for (std::size_t r : competencies_) {
            for (auto p = parent_[r]; p; p = parent_[*p]) {
                if (skipped_.count(*p)) {
                    skipped_.insert(r);
                    break;
                }
            }
        }
    }

    /// Cells the model has no field for, kept when they differ from what export writes.
    static void keep_cells(const Row& row, std::initializer_list<Col> cols,
                           const std::string_view (&defaults)[kMoodleColumns], Extra& x) {
        for (Col c : cols) {
            if (!row.cell(c).empty() || row.cell(c) != defaults[c]) x.emplace_back(kKeys[c], row.cell(c));
        }
    }

    std::string framework_id(const Row& row) {
        if (!opt_.framework_id.empty()) {
            if (!valid_id(opt_.framework_id)) {
                diags_.error({file_, 0, 0}, "invalid-id",
                             fmt::format("framework id \"{}\" must be lowercase letters, digits and hyphens, "
                                         "starting with a letter",
                                         opt_.framework_id));
            }
            return opt_.framework_id;
        }
        std::string id = text::slugify(row.cell(kIdnumber));
        if (id.empty()) id = text::slugify(row.cell(kShortname));
        if (id.empty()) return "moodle";
        return valid_id(id) ? id : "moodle-" + id;
    }

    bool build(Framework& fw) {
        const Row& frow = rows_[*framework_row_];
        fw.id = framework_id(frow);
        fw.title = std::string(text::trim(frow.cell(kShortname)));
        fw.description = moodle_description_text(frow.cell(kDescription), frow.cell(kFormat));
        fw.scale = scale_levels(frow.cell(kScaleValues));
        const std::vector<std::string> header_now = [&] {
            std::vector<std::string> h;
            for (const auto& f : header_) h.push_back(f.value);
            return h;
        }();
        if (!std::equal(header_now.begin(), header_now.end(), std::begin(kMoodleHeader))) {
            fw.extra.emplace_back(kHeaderKey, nlohmann::json(header_now).dump());
        }
        keep_cells(frow, {kParent}, kFrameworkDefault, fw.extra);
        fw.extra.emplace_back(kKeys[kIdnumber], frow.cell(kIdnumber));
        if (frow.cell(kShortname) != fw.title) fw.extra.emplace_back(kKeys[kShortname], frow.cell(kShortname));
        if (!frow.cell(kDescription).empty()) fw.extra.emplace_back(kKeys[kDescription], frow.cell(kDescription));
        keep_cells(frow, {kFormat}, kFrameworkDefault, fw.extra);
        fw.extra.emplace_back(kKeys[kScaleValues], frow.cell(kScaleValues));
        fw.extra.emplace_back(kKeys[kScaleConfig], frow.cell(kScaleConfig));
        keep_cells(frow, {kRuleType, kRuleOutcome, kRuleConfig, kRelated, kExportId, kIsFramework}, kFrameworkDefault,
                   fw.extra);
        fw.extra.emplace_back(kKeys[kTaxonomy], frow.cell(kTaxonomy));
        check_scale_config(frow);
        const auto terms = split(frow.cell(kTaxonomy), ',');

        // Items in tree order: children in file order, as Moodle's importer adds them.
        std::vector<std::vector<std::size_t>> children(rows_.size());
        std::vector<std::size_t> roots;
        for (std::size_t r : competencies_) {
            if (skipped_.count(r)) continue;
            (parent_[r] ? children[*parent_[r]] : roots).push_back(r);
        }
        const auto codes = assign_codes();
        std::vector<std::size_t> row_of;  // item index -> row
        struct Frame {
            std::size_t row;
            int parent;
            int depth;
        };
        std::vector<Frame> stack;
        for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, -1, 0});
        while (!stack.empty()) {
            const Frame fr = stack.back();
            stack.pop_back();
            const Row& row = rows_[fr.row];
            if (fr.depth >= kMaxItemDepth) {
                diags_.error(
                    at(row, kParent), "too-deep",
                    fmt::format("competencies nest deeper than {} levels, more than leadctl holds", kMaxItemDepth));
                continue;
            }
            const int index = static_cast<int>(fw.items.size());
            Item it;
            it.code = codes.at(fr.row);
            it.name = std::string(text::trim(row.cell(kShortname)));
            it.type = type_at_depth(terms, fr.depth);
            it.description = moodle_description_text(row.cell(kDescription), row.cell(kFormat));
            it.parent = fr.parent;
            it.depth = fr.depth;
            it.location = at(row, kIdnumber);
            if (it.code != row.cell(kIdnumber)) it.extra.emplace_back(kKeys[kIdnumber], row.cell(kIdnumber));
            if (it.name != row.cell(kShortname)) it.extra.emplace_back(kKeys[kShortname], row.cell(kShortname));
            if (!row.cell(kDescription).empty()) it.extra.emplace_back(kKeys[kDescription], row.cell(kDescription));
            keep_cells(row,
                       {kFormat, kScaleValues, kScaleConfig, kRuleType, kRuleOutcome, kRuleConfig, kRelated, kExportId,
                        kIsFramework, kTaxonomy},
                       kCompetencyDefault, it.extra);
            if (fr.parent < 0) {
                fw.roots.push_back(index);
            } else {
                fw.items[static_cast<std::size_t>(fr.parent)].children.push_back(index);
            }
            fw.items.push_back(std::move(it));
            row_of.push_back(fr.row);
            const auto& ch = children[fr.row];
            for (auto c = ch.rbegin(); c != ch.rend(); ++c) stack.push_back({*c, index, fr.depth + 1});
        }
        if (fw.items.empty() && !diags_.has_errors()) {
            diags_.error({file_, frow.line, 1}, "missing-field",
                         "the file has no competencies, only the framework row; a framework needs at least one");
        }
        if (diags_.has_errors()) return false;
        fw.index();
        row_of_ = std::move(row_of);
        return true;
    }

    /// Codes for every kept row: ID numbers that are valid codes first, then the rest.
    std::unordered_map<std::size_t, std::string> assign_codes() {
        std::unordered_map<std::size_t, std::string> codes;
        std::set<std::string> used;
        for (std::size_t r : competencies_) {
            if (skipped_.count(r) || !is_valid_code(rows_[r].cell(kIdnumber))) continue;
            codes[r] = rows_[r].cell(kIdnumber);
            used.insert(codes[r]);
        }
        for (std::size_t r : competencies_) {
            if (skipped_.count(r) || codes.count(r)) continue;
            const std::string base = code_base(rows_[r].cell(kIdnumber));
            std::string code = base;
            for (int n = 2; used.count(code); ++n) code = fmt::format("{}-{}", base, n);
            used.insert(code);
            codes[r] = code;
        }
        return codes;
    }

    void check_scale_config(const Row& frow) {
        const auto& cfg = frow.cell(kScaleConfig);
        if (cfg.empty()) return;
        const auto j = nlohmann::json::parse(cfg, nullptr, false);
        if (!j.is_array() || j.empty() || !j.front().is_object()) {
            diags_.warning(at(frow, kScaleConfig), "invalid-value",
                           "the scale configuration is not a JSON array starting with {\"scaleid\": ...}; Moodle "
                           "will not accept it (it is kept as it is)");
        }
    }

    /// Export writes rows in export_order(); say so when that is not the file's order.
    void check_row_order(const Framework& fw) {
        if (competencies_.front() < *framework_row_) {
            loss({file_, rows_[*framework_row_].line, 1},
                 fmt::format("line {}: the framework row will be written first, before the competencies",
                             rows_[*framework_row_].line));
        }
        std::vector<std::size_t> file_order;
        for (std::size_t r : competencies_) {
            if (!skipped_.count(r)) file_order.push_back(r);
        }
        std::vector<std::size_t> written;
        for (int i : export_order(fw)) written.push_back(row_of_[static_cast<std::size_t>(i)]);
        if (written != file_order) {
            const auto k = static_cast<std::size_t>(
                std::mismatch(written.begin(), written.end(), file_order.begin()).first - written.begin());
            const Row& row = rows_[file_order[k]];
            loss({file_, row.line, 1},
                 fmt::format("row order: from line {} on, rows will be written parents first (depth-first), not in "
                             "the file's order; Moodle builds the same tree from either",
                             row.line));
        }
    }

    void check_crossrefs() {
        for (std::size_t r : competencies_) {
            if (skipped_.count(r)) continue;
            for (const auto& id : moodle_split_idnumbers(rows_[r].cell(kRelated))) {
                if (!by_idnumber_.count(id)) {
                    diags_.warning(at(rows_[r], kRelated), "unknown-crossref",
                                   fmt::format("cross-reference \"{}\" is not the ID number of any competency in the "
                                               "file (Moodle ignores it; it is kept)",
                                               id));
                }
            }
        }
    }

    const std::string& file_;
    const MoodleImportOptions& opt_;
    MoodleImport& out_;
    Diagnostics& diags_;
    std::vector<csv::Field> header_;
    int header_line_ = 1;
    std::vector<Row> rows_;
    std::optional<std::size_t> framework_row_;
    std::vector<std::size_t> competencies_;  ///< rows, in file order
    std::map<std::string, std::size_t> by_idnumber_;
    std::vector<std::optional<std::size_t>> parent_;
    std::set<std::size_t> skipped_;
    std::vector<std::size_t> row_of_;
};

}  // namespace

// ---------------------------------------------------------------- public

std::vector<std::string> moodle_split_idnumbers(std::string_view cell) {
    std::vector<std::string> out;
    if (cell.empty()) return out;
    for (auto& part : split(cell, ',')) {
        if (part.empty()) continue;
        std::string id;
        for (std::size_t k = 0; k < part.size(); ++k) {
            if (part.compare(k, 3, "%2C") == 0) {
                id += ',';
                k += 2;
            } else {
                id += part[k];
            }
        }
        out.push_back(std::move(id));
    }
    return out;
}

std::string moodle_description_text(std::string_view cell, std::string_view format) {
    if (format == "2" || format == "4") return collapse_spaces(cell);
    return collapse_spaces(strip_html(cell));
}

std::string moodle_description_html(std::string_view text) {
    std::string out;
    std::string para;
    auto flush = [&] {
        const auto p = collapse_spaces(para);
        if (!p.empty()) out += "<p>" + escape_html(p) + "</p>";
        para.clear();
    };
    for (const auto& line : split(text, '\n')) {
        if (text::trim(line).empty()) {
            flush();
        } else {
            para += line;
            para += ' ';
        }
    }
    flush();
    return out;
}

MoodleImport import_moodle_csv(std::string_view text, const std::string& file, const MoodleImportOptions& opt) {
    MoodleImport out;
    Importer(file, opt, out).run(text);
    out.diagnostics.sort();
    return out;
}

std::string export_moodle_csv(const Framework& fw) {
    std::string out = php_record(header_cells(fw));
    const auto [scale_values, scale_config] = export_scale(fw);
    const auto [fw_description, fw_format] = export_description(fw.extra, fw.description);
    std::string fw_shortname = extra_or(fw.extra, kShortname, fw.title);
    if (text::trim(fw_shortname) != fw.title) fw_shortname = fw.title;
    const auto* fw_idnumber = find_extra(fw.extra, kKeys[kIdnumber]);
    auto fw_cell = [&](Col c) { return extra_or(fw.extra, c, kFrameworkDefault[c]); };
    out += php_record({fw_cell(kParent), fw_idnumber ? *fw_idnumber : fw.id, fw_shortname, fw_description, fw_format,
                       scale_values, scale_config, fw_cell(kRuleType), fw_cell(kRuleOutcome), fw_cell(kRuleConfig),
                       fw_cell(kRelated), fw_cell(kExportId), fw_cell(kIsFramework), export_taxonomy(fw)});

    const auto idnumbers = export_idnumbers(fw);
    for (int i : export_order(fw)) {
        const Item& it = fw.items[static_cast<std::size_t>(i)];
        auto cell = [&](Col c) { return extra_or(it.extra, c, kCompetencyDefault[c]); };
        std::string shortname = cell(kShortname);
        if (shortname.empty() || text::trim(shortname) != it.name) shortname = it.name;
        const auto [description, format] = export_description(it.extra, it.description);
        out += php_record({it.parent >= 0 ? idnumbers[static_cast<std::size_t>(it.parent)] : "",
                           idnumbers[static_cast<std::size_t>(i)], shortname, description, format, cell(kScaleValues),
                           cell(kScaleConfig), cell(kRuleType), cell(kRuleOutcome), cell(kRuleConfig), cell(kRelated),
                           cell(kExportId), cell(kIsFramework), cell(kTaxonomy)});
    }
    return out;
}

std::vector<std::string> moodle_export_losses(const Framework& fw) {
    std::vector<std::string> out;
    std::vector<std::string> header;
    auto note = [&](bool present, std::string_view what) {
        if (present) header.emplace_back(what);
    };
    note(!fw.edition.empty(), "edition");
    note(!fw.publisher.empty(), "publisher");
    note(fw.year.has_value(), "year");
    note(!fw.uri.empty(), "uri");
    note(!fw.sources.empty(), "sources");
    note(!fw.status.empty(), "status");
    note(!fw.completeness.empty(), "completeness");
    note(!fw.notes.empty(), "notes");
    note(!fw.license.empty(), "license");
    if (!header.empty()) out.push_back("the framework's " + text::join(header, ", "));
    if (!fw.profiles.empty()) out.push_back(fmt::format("{} profile(s)", fw.profiles.size()));
    if (std::any_of(fw.scale.begin(), fw.scale.end(), [](const Level& l) { return !l.description.empty(); })) {
        out.emplace_back("the scale levels' descriptions");
    }
    if (std::any_of(fw.scale.begin(), fw.scale.end(),
                    [](const Level& l) { return l.name.find(',') != std::string::npos; })) {
        out.emplace_back("commas in scale level names (written as spaces: Moodle separates levels with commas)");
    }
    std::size_t aliases = 0, outcomes = 0, headings = 0, notes = 0;
    std::set<std::string> types;
    for (const auto& it : fw.items) {
        aliases += !it.aliases.empty();
        outcomes += !it.outcomes.empty();
        headings += !it.level_headings.empty();
        notes += !it.notes.empty();
        if (!it.type.empty() && term_of_type(it.type) != it.type) {
            types.insert(fmt::format("{} → {}", it.type, term_of_type(it.type)));
        }
    }
    auto items = [&](std::size_t n, std::string_view what) {
        if (n) out.push_back(fmt::format("{} of {} item(s)", what, n));
    };
    items(aliases, "the aliases");
    items(outcomes, "the outcomes");
    items(headings, "the level headings");
    items(notes, "the notes");
    if (!types.empty()) {
        out.push_back("item types as Moodle taxonomy terms, per depth (" +
                      text::join(std::vector<std::string>(types.begin(), types.end()), ", ") + ")");
    }
    std::set<std::string> other;
    auto others = [&](const Extra& x) {
        for (const auto& [k, v] : x) {
            if (!k.starts_with("moodle.")) other.insert(k);
        }
    };
    others(fw.extra);
    for (const auto& l : fw.scale) others(l.extra);
    for (const auto& it : fw.items) others(it.extra);
    if (!other.empty()) {
        out.push_back("x: keys of other formats (" +
                      text::join(std::vector<std::string>(other.begin(), other.end()), ", ") + ")");
    }
    return out;
}

namespace {

/// PHP's idea of a numeric string (is_numeric, PHP 8): optional white space
/// around an optional sign, digits with an optional fraction (or a fraction
/// alone), and an optional exponent. Its value, or nullopt.
std::optional<double> php_numeric(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i > from;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    bool mantissa = digits();
    if (i < s.size() && s[i] == '.') {
        ++i;
        mantissa = digits() || mantissa;
    }
    if (!mantissa) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    try {
        return std::stod(std::string(s));
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

}  // namespace

std::vector<std::string> moodle_export_warnings(const Framework& fw) {
    // Moodle's importer finds a competency's children with PHP's loose ==, which
    // compares two numeric strings as numbers: "1.1" == "1.10", "1" == "01".
    const auto idnumbers = export_idnumbers(fw);
    std::map<double, std::vector<std::size_t>> by_value;
    for (std::size_t i = 0; i < idnumbers.size(); ++i) {
        if (auto v = php_numeric(idnumbers[i])) by_value[*v].push_back(i);
    }
    std::vector<std::string> out;
    for (const auto& [value, items] : by_value) {
        if (items.size() < 2) continue;
        std::vector<std::string> names;
        for (std::size_t i : items) names.push_back(fmt::format("\"{}\"", idnumbers[i]));
        out.push_back(fmt::format(
            "the ID numbers {} are equal as numbers: Moodle's importer compares parent ID numbers with PHP's ==, "
            "so it would put the children of each under all of them (give the items codes that are not numbers, "
            "such as \"D1.1\")",
            text::join(names, ", ")));
    }
    return out;
}

}  // namespace leadctl
