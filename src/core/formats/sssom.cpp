#include "core/formats/sssom.hpp"

#include "core/formats/yaml_text.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>

namespace leadctl {

namespace {

constexpr std::string_view kNoTermFound = "sssom:NoTermFound";
constexpr std::string_view kBasisPrefix = "leadctl basis: ";

struct LicenseUrl {
    std::string_view spdx;
    std::string_view url;
};
constexpr LicenseUrl kLicenses[] = {{"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
                                    {"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"}};

std::string license_url(std::string_view spdx) {
    for (const auto& l : kLicenses) {
        if (l.spdx == spdx) return std::string(l.url);
    }
    return std::string(spdx);
}

std::string license_spdx(std::string_view url) {
    for (const auto& l : kLicenses) {
        if (l.url == url) return std::string(l.spdx);
    }
    return std::string(url);
}

std::string prefix_uri(const Framework& fw) {
    const std::string base = fw.uri.empty() ? "https://leadctl.invalid/frameworks/" + fw.id : fw.uri;
    return base.ends_with('/') ? base : base + "/";
}

std::string number(double d) {
    return fmt::format("{}", d);
}

/// Columns written by export_sssom, in order.
constexpr std::string_view kColumns[] = {
    "subject_id", "subject_label", "predicate_id", "object_id", "object_label", "mapping_justification",
    "author_id",  "author_label",  "confidence",   "comment"};

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

}  // namespace

std::string export_sssom(const CrosswalkIndex& index, const Framework& a, const Framework& b) {
    const Crosswalk* meta = nullptr;
    for (const auto& cw : index.crosswalks()) {
        if ((cw->frameworks[0] == a.id && cw->frameworks[1] == b.id) ||
            (cw->frameworks[0] == b.id && cw->frameworks[1] == a.id)) {
            meta = cw.get();
            break;
        }
    }
    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "curie_map" << YAML::Value << YAML::BeginMap;
    std::map<std::string, std::string> curies{{a.id, prefix_uri(a)},
                                              {b.id, prefix_uri(b)},
                                              {"semapv", "https://w3id.org/semapv/vocab/"},
                                              {"skos", "http://www.w3.org/2004/02/skos/core#"},
                                              {"sssom", "https://w3id.org/sssom/"}};
    for (const auto& [k, v] : curies) e << YAML::Key << k << YAML::Value << v;
    e << YAML::EndMap;
    const std::string id = meta ? meta->id : a.id + "-" + b.id;
    e << YAML::Key << "mapping_set_id" << YAML::Value << "https://leadctl.invalid/crosswalks/" + id;
    if (meta && !meta->title.empty()) {
        e << YAML::Key << "mapping_set_title" << YAML::Value;
        emit_text(e, meta->title);
    }
    if (meta && !meta->version.empty()) {
        e << YAML::Key << "mapping_set_version" << YAML::Value << YAML::DoubleQuoted << meta->version;
    }
    if (meta && !meta->basis_note.empty()) {
        e << YAML::Key << "mapping_set_description" << YAML::Value;
        emit_text(e, meta->basis_note);
    }
    if (meta && !meta->license.empty()) e << YAML::Key << "license" << YAML::Value << license_url(meta->license);
    e << YAML::Key << "subject_source" << YAML::Value << prefix_uri(a).substr(0, prefix_uri(a).size() - 1);
    e << YAML::Key << "object_source" << YAML::Value << prefix_uri(b).substr(0, prefix_uri(b).size() - 1);
    e << YAML::Key << "comment" << YAML::Value << std::string(kBasisPrefix) + (meta ? meta->basis : "editorial");
    e << YAML::EndMap;

    // Every text is on one line of the emitter's output (a line break in a title or a
    // note is escaped inside double quotes), so each line is one "#" line.
    std::string out;
    const std::string emitted = emitted_yaml(e);
    std::string_view header = emitted;
    while (!header.empty()) {
        const auto nl = header.find('\n');
        out += "# " + std::string(header.substr(0, nl)) + "\n";
        if (nl == std::string_view::npos) break;
        header.remove_prefix(nl + 1);
    }
    std::vector<std::string> cols(std::begin(kColumns), std::end(kColumns));
    out += text::join(cols, "\t") + "\n";

    auto row = [&](std::vector<std::string> f) {
        for (auto& x : f) x = csv::tsv_field(csv::spreadsheet_safe(x));
        out += text::join(f, "\t") + "\n";
    };
    auto label = [](const Framework& fw, std::string_view ref) {
        const Item* it = fw.item(ref.substr(ref.find(':') + 1));
        return it ? it->name : std::string();
    };
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const std::string from = a.id + ":" + a.items[i].code;
        std::vector<const Edge*> edges;
        for (const auto& edge : index.edges_from(from)) {
            if (prefix_of(edge.to) == b.id) edges.push_back(&edge);
        }
        std::sort(edges.begin(), edges.end(), [&](const Edge* x, const Edge* y) {
            return b.find(x->to.substr(x->to.find(':') + 1)) < b.find(y->to.substr(y->to.find(':') + 1));
        });
        for (const Edge* edge : edges) {
            const auto& m = *edge->mapping;
            const bool curie_author = m.author.find(':') != std::string::npos;
            row({from, a.items[i].name, std::string(info(edge->relation).skos), edge->to, label(b, edge->to),
                 std::string(semapv_of(m.justification)), curie_author ? m.author : "", curie_author ? "" : m.author,
                 number(m.confidence), m.rationale});
        }
    }
    // Items declared unmapped, as "no term found" rows.
    for (const auto& cw : index.crosswalks()) {
        if (cw.get() != meta) continue;
        for (const auto& u : cw->unmapped) {
            const bool in_a = prefix_of(u.item) == a.id;
            const std::string lbl = label(in_a ? a : b, u.item);
            if (in_a) {
                row({u.item, lbl, "skos:exactMatch", std::string(kNoTermFound), "", "semapv:ManualMappingCuration", "",
                     "", "", u.reason});
            } else {
                row({std::string(kNoTermFound), "", "skos:exactMatch", u.item, lbl, "semapv:ManualMappingCuration", "",
                     "", "", u.reason});
            }
        }
    }
    return out;
}

SssomImport import_sssom(std::string_view text_in, const std::string& file) {
    SssomImport out;
    auto& diags = out.diagnostics;
    if (auto bad = text::find_invalid_utf8(text_in)) {
        const auto lc = text::line_column_at(text_in, *bad);
        diags.error({file, lc.line, lc.column}, "not-utf8", "file is not valid UTF-8");
        return out;
    }
    // Split the "#" header (YAML) from the table.
    std::string header;
    // For each header line: its line in the file and the columns "#" and " " took.
    std::vector<std::pair<int, int>> header_at;
    std::vector<std::pair<int, std::string_view>> lines;
    int line_no = 0;
    std::string_view rest = text_in;
    if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // a byte order mark (Excel's "UTF-8")
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (lines.empty() && line.starts_with('#')) {
            line.remove_prefix(1);
            const bool space = line.starts_with(' ');
            if (space) line.remove_prefix(1);
            header += std::string(line) + "\n";
            header_at.emplace_back(line_no, space ? 2 : 1);
        } else if (!line.empty()) {
            lines.emplace_back(line_no, line);
        }
    }
    Crosswalk cw;
    cw.origin = file;
    cw.basis = "editorial";
    std::map<std::string, std::string> curie_map;
    std::string subject_source, object_source;
    // Where a node of the header YAML is in the file.
    const auto in_file = [&](const auto& node) -> SourceLocation {
        const auto i = static_cast<std::size_t>(node->line - 1);
        if (node->line < 1 || i >= header_at.size()) return {file, node->line, node->column};
        return {file, header_at[i].first, node->column + header_at[i].second};
    };
    if (!text::trim(header).empty()) {
        auto doc = yaml::parse(header, file + " (header)");
        diags.append(doc.diagnostics);
        if (doc.root && doc.root->is_map()) {
            for (const auto& [k, v] : doc.root->entries) {
                const std::string key = k->value;
                if (key == "curie_map" && v->is_map()) {
                    for (const auto& [p, u] : v->entries) curie_map[p->value] = u->value;
                } else if (!v->is_scalar()) {
                    diags.warning(in_file(k), "sssom-not-kept",
                                  fmt::format("header field \"{}\" is not kept in a leadctl crosswalk", key));
                } else if (key == "mapping_set_id") {
                    const auto slash = v->value.find_last_of('/');
                    cw.id = slash == std::string::npos ? v->value : v->value.substr(slash + 1);
                } else if (key == "mapping_set_title") {
                    cw.title = v->value;
                } else if (key == "mapping_set_version") {
                    cw.version = v->value;
                } else if (key == "mapping_set_description") {
                    cw.basis_note = v->value;
                } else if (key == "license") {
                    cw.license = license_spdx(v->value);
                } else if (key == "subject_source") {
                    subject_source = v->value;
                } else if (key == "object_source") {
                    object_source = v->value;
                } else if (key == "comment" && v->value.starts_with(kBasisPrefix)) {
                    // What `map --export` writes; a basis the crosswalk format does not
                    // know would be written and then refused by `map --check` (fuzz).
                    std::string basis = v->value.substr(kBasisPrefix.size());
                    if (auto problem = basis_problem(basis, " in the header comment"); !problem.empty()) {
                        diags.error(in_file(v), "invalid-value", std::move(problem));
                    } else {
                        cw.basis = std::move(basis);
                    }
                } else {
                    diags.warning(in_file(k), "sssom-not-kept",
                                  fmt::format("header field \"{}\" is not kept in a leadctl crosswalk", key));
                }
            }
        }
    }
    cw.id = text::slugify(cw.id);  // ids are slugs; a URL's last segment may not be
    if (cw.id.empty()) cw.id = text::slugify(std::filesystem::path(file).stem().stem().string());
    if (cw.id.empty()) cw.id = "imported";
    // What the crosswalk loader takes as missing (blank) gets the stand-ins below, so
    // that what `map --import` writes passes `map --check` (found by fuzz_sssom_tsv).
    if (text::trim(cw.title).empty()) cw.title = "Imported from " + std::filesystem::path(file).filename().string();
    if (lines.empty()) {
        diags.error({file, 0, 0}, "empty-file", "no column header row and no mappings");
        return out;
    }
    const auto [header_line, header_row] = lines.front();
    const auto names = split_tabs(header_row);
    std::map<std::string, std::size_t, std::less<>> col;
    for (std::size_t i = 0; i < names.size(); ++i) col.emplace(std::string(names[i]), i);
    for (const char* required : {"subject_id", "predicate_id", "object_id", "mapping_justification"}) {
        if (!col.count(required)) {
            diags.error({file, header_line, 1}, "missing-field",
                        fmt::format("the column header row has no \"{}\" column", required));
        }
    }
    for (const auto& n : names) {
        if (std::find(std::begin(kColumns), std::end(kColumns), n) == std::end(kColumns)) {
            diags.warning({file, header_line, 1}, "sssom-not-kept",
                          fmt::format("column \"{}\" is not kept in a leadctl crosswalk", n));
        }
    }
    if (diags.has_errors()) return out;
    auto field = [&](const std::vector<std::string_view>& f, std::string_view name) -> std::string {
        const auto it = col.find(name);
        // Undo the apostrophe our writer puts before a formula-like value, so that our
        // own export reads back as it was.
        return it == col.end() || it->second >= f.size() ? std::string() : csv::spreadsheet_unsafe(f[it->second]);
    };
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const auto [ln, raw] = lines[k];
        const auto f = split_tabs(raw);
        if (f.size() != names.size()) {
            diags.error({file, ln, 1}, "ragged-row",
                        fmt::format("row has {} fields; the header has {}", f.size(), names.size()));
            continue;
        }
        const std::string subject = field(f, "subject_id");
        const std::string object = field(f, "object_id");
        if (subject == kNoTermFound || object == kNoTermFound) {
            // A crosswalk file needs a reason for each unmapped item, as it needs a
            // rationale for each mapping: the same stand-in as for a mapping below.
            std::string reason = field(f, "comment");
            if (text::trim(reason).empty()) reason = "(no comment in the SSSOM source)";
            std::string item = subject == kNoTermFound ? object : subject;
            if (item == kNoTermFound || !parse_reference(item)) {
                diags.error({file, ln, 1}, "invalid-reference",
                            fmt::format("an unmapped row needs one side to be a reference such as mlcf:2.4, "
                                        "not \"{}\"",
                                        item));
                continue;
            }
            cw.unmapped.push_back({std::move(item), std::move(reason), {file, ln, 1}});
            continue;
        }
        Mapping m;
        m.location = {file, ln, 1};
        m.subject = subject;
        m.object = object;
        if (!parse_reference(subject) || !parse_reference(object)) {
            diags.error(m.location, "invalid-reference",
                        fmt::format("\"{}\" and \"{}\" must both be references such as mlcf:2.4", subject, object));
            continue;
        }
        const std::string pred = field(f, "predicate_id");
        if (auto r = parse_skos(pred)) {
            m.relation = *r;
        } else {
            diags.error(m.location, "unsupported-predicate",
                        fmt::format("predicate \"{}\" is not a SKOS mapping relation (exactMatch, closeMatch, "
                                    "broadMatch, narrowMatch, relatedMatch)",
                                    pred));
            continue;
        }
        const std::string conf = field(f, "confidence");
        const auto [ptr, ec] = std::from_chars(conf.data(), conf.data() + conf.size(), m.confidence);
        // from_chars reads "nan" and "inf" too: not numbers from 0 to 1 (nan passes both comparisons).
        if (conf.empty() || ec != std::errc{} || ptr != conf.data() + conf.size() || !std::isfinite(m.confidence) ||
            m.confidence < 0 || m.confidence > 1) {
            diags.error(
                m.location, "confidence-range",
                fmt::format("confidence \"{}\" must be a number from 0 to 1 (leadctl needs one per mapping)", conf));
            continue;
        }
        m.justification = justification_of(field(f, "mapping_justification"));
        m.author = field(f, "author_label");
        if (text::trim(m.author).empty()) m.author = field(f, "author_id");
        if (text::trim(m.author).empty()) m.author = "unknown";
        m.rationale = field(f, "comment");
        if (text::trim(m.rationale).empty()) m.rationale = "(no comment in the SSSOM source)";
        cw.mappings.push_back(std::move(m));
    }
    // The two frameworks: from subject_source/object_source, else the first mapping.
    auto prefix_for = [&](const std::string& source) -> std::string {
        if (source.empty()) return {};
        for (const auto& [p, u] : curie_map) {
            if (u == source + "/" || u == source) return p;
        }
        return {};
    };
    cw.frameworks = {prefix_for(subject_source), prefix_for(object_source)};
    if ((cw.frameworks[0].empty() || cw.frameworks[1].empty()) && !cw.mappings.empty()) {
        cw.frameworks = {std::string(prefix_of(cw.mappings.front().subject)),
                         std::string(prefix_of(cw.mappings.front().object))};
    }
    if (cw.frameworks[0].empty() || cw.frameworks[1].empty()) {
        diags.error({file, 0, 0}, "missing-field", "cannot tell which two frameworks this mapping set joins");
    } else if (cw.frameworks[0] == cw.frameworks[1]) {
        diags.error({file, 0, 0}, "invalid-value",
                    fmt::format("subjects and objects both come from \"{}\"; a crosswalk joins two frameworks",
                                cw.frameworks[0]));
    }
    out.partial = cw;
    if (!diags.has_errors()) out.crosswalk = std::move(cw);
    return out;
}

std::string render_crosswalk_yaml(const Crosswalk& cw) {
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value;
    emit_text(e, cw.id);
    e << YAML::Key << "title" << YAML::Value;
    emit_text(e, cw.title);
    if (!cw.version.empty()) e << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << cw.version;
    if (!cw.license.empty()) {
        e << YAML::Key << "license" << YAML::Value;
        emit_text(e, cw.license);
    }
    e << YAML::Key << "basis" << YAML::Value;
    emit_text(e, cw.basis);
    if (!cw.basis_note.empty()) {
        e << YAML::Key << "basis_note" << YAML::Value;
        emit_text(e, cw.basis_note);
    }
    e << YAML::Key << "frameworks" << YAML::Value;
    emit_texts(e, {cw.frameworks[0], cw.frameworks[1]});
    e << YAML::Key << "mappings" << YAML::Value << YAML::BeginSeq;
    for (const auto& m : cw.mappings) {
        e << YAML::BeginMap;
        e << YAML::Key << "subject" << YAML::Value << YAML::DoubleQuoted << m.subject;
        e << YAML::Key << "object" << YAML::Value << YAML::DoubleQuoted << m.object;
        e << YAML::Key << "relation" << YAML::Value << std::string(info(m.relation).name);
        e << YAML::Key << "confidence" << YAML::Value << number(m.confidence);
        e << YAML::Key << "justification" << YAML::Value;
        emit_text(e, m.justification);
        e << YAML::Key << "rationale" << YAML::Value;
        emit_text(e, m.rationale);
        e << YAML::Key << "author" << YAML::Value;
        emit_text(e, m.author);
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
    if (!cw.unmapped.empty()) {
        e << YAML::Key << "unmapped" << YAML::Value << YAML::BeginSeq;
        for (const auto& u : cw.unmapped) {
            e << YAML::BeginMap << YAML::Key << "item" << YAML::Value << YAML::DoubleQuoted << u.item << YAML::Key
              << "reason" << YAML::Value;
            emit_text(e, u.reason);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;
    return emitted_yaml(e) + "\n";
}

}  // namespace leadctl
