#include "core/formats/moodle_common.hpp"

#include "core/model/codes.hpp"
#include "core/model/framework_check.hpp"
#include "core/util/csv.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

namespace leadctl {

using namespace moodle_detail;

namespace {

/// The loader's rule for framework ids.
bool valid_id(std::string_view id) {
    return text::is_slug(id) && id.front() >= 'a' && id.front() <= 'z';
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
        diags_.append(check_framework(fw));
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
            // Our exporter puts an apostrophe before a formula-like cell; take it off again
            // so that our own export round-trips.
            for (auto& field : f) field.value = csv::spreadsheet_unsafe(field.value);
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
        if (!opt_.framework_id.empty()) return opt_.framework_id;
        std::string id = text::slugify(row.cell(kIdnumber));
        if (id.empty()) id = text::slugify(row.cell(kShortname));
        if (id.empty()) return "moodle";
        return valid_id(id) ? id : "moodle-" + id;
    }

    bool build(Framework& fw) {
        const Row& frow = rows_[*framework_row_];
        fw.id = framework_id(frow);
        fw.places.set("", {file_, frow.line, 1});
        if (!opt_.framework_id.empty()) fw.places.set("id", {file_, 0, 0});  // given, not read from the file
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
                fw.at(fr.parent).children.push_back(index);
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

MoodleImport import_moodle_csv(std::string_view text, const std::string& file, const MoodleImportOptions& opt) {
    MoodleImport out;
    Importer(file, opt, out).run(text);
    out.diagnostics.sort();
    return out;
}

}  // namespace leadctl
