#include "core/formats/moodle_common.hpp"

#include "core/model/codes.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace leadctl {

using namespace moodle_detail;

namespace {

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

constexpr std::string_view kDefaultScale = "Not yet competent,Competent";
constexpr std::string_view kDefaultScaleConfig = R"([{"scaleid":""},{"id":2,"scaledefault":1,"proficient":1}])";

std::string extra_or(const Extra& x, Col c, std::string_view fallback) {
    const auto* v = find_extra(x, kKeys[c]);
    return v ? *v : std::string(fallback);
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

/// A row as PHP's fputcsv writes it. The cells of a framework or competency row hold
/// the user's text: each is neutralised against formulas (csv::spreadsheet_safe; the
/// importer undoes it). The header row is written as it is.
std::string php_record(const std::vector<std::string>& cells, bool header = false) {
    std::string out;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (k) out += ',';
        out += php_field(header ? cells[k] : csv::spreadsheet_safe(cells[k]));
    }
    out += '\n';
    return out;
}

/// Description and format cells: the kept HTML while it still says the same.
std::pair<std::string, std::string> export_description(const Extra& x, const std::string& description) {
    const auto* html = find_extra(x, kKeys[kDescription]);
    const std::string format = extra_or(x, kFormat, "1");
    if (html && moodle_description_text(*html, format) == description) return {*html, format};
    // No description: the cell stays empty and any format it had is kept.
    if (!html && description.empty()) return {"", format};
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

}  // namespace

std::string export_moodle_csv(const Framework& fw) {
    std::string out = php_record(header_cells(fw), true);
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
        const Item& it = fw.at(i);
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
