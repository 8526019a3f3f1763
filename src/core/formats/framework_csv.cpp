#include "core/formats/framework_csv.hpp"

#include "core/model/framework_check.hpp"
#include "core/util/csv.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <sstream>

namespace leadctl {

namespace {

constexpr std::string_view kColumns[] = {"code",        "parent",  "depth",    "type", "name",
                                         "description", "aliases", "outcomes", "notes"};

/// The one formula neutraliser, and its inverse for reading our own export back.
std::string protect(std::string_view v) {
    return csv::spreadsheet_safe(v);
}

std::string unprotect(std::string_view v) {
    return csv::spreadsheet_unsafe(v);
}

std::string join_lines(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "\n" : "") + v[i];
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const auto end = s.find(sep, start);
        out.emplace_back(text::trim(s.substr(start, end == std::string_view::npos ? end : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    return out;
}

struct Row {
    std::vector<csv::Field> fields;
    int line = 0;
};

}  // namespace

std::string export_framework_csv(const Framework& fw) {
    std::vector<std::string> header(std::begin(kColumns), std::end(kColumns));
    for (const auto& l : fw.scale) header.push_back("level:" + l.id);
    std::string out = csv::record(header);
    for (const auto& it : fw.items) {
        std::vector<std::string> row{protect(it.code),
                                     it.parent >= 0 ? protect(fw.at(it.parent).code) : "",
                                     std::to_string(it.depth),
                                     protect(it.type),
                                     protect(it.name),
                                     protect(it.description),
                                     protect(text::join(it.aliases, ";")),
                                     protect(join_lines(it.outcomes)),
                                     protect(it.notes)};
        for (const auto& l : fw.scale) {
            std::string heading;
            for (const auto& h : it.level_headings) {
                if (h.level == l.id) heading = h.text;
            }
            row.push_back(protect(heading));
        }
        out += csv::record(row);
    }
    return out;
}

FrameworkCsvImport import_framework_csv(std::string_view text, const std::string& file, const std::string& id) {
    FrameworkCsvImport out;
    std::istringstream in{std::string(text)};
    csv::Reader reader(in, file);
    std::vector<csv::Field> header;
    if (!reader.next(header, out.diagnostics)) {
        if (!out.diagnostics.has_errors()) out.diagnostics.error({file, 1, 1}, "empty-file", "the table is empty");
        return out;
    }
    std::map<std::string, std::size_t> col;
    std::vector<std::pair<std::string, std::size_t>> levels;  // level id, column
    for (std::size_t k = 0; k < header.size(); ++k) {
        const std::string name(text::trim(header[k].value));
        if (col.count(name)) {
            out.diagnostics.error({file, header[k].line, header[k].column}, "duplicate-column",
                                  fmt::format("column \"{}\" appears twice", name));
        }
        col[name] = k;
        if (name.starts_with("level:")) levels.emplace_back(name.substr(6), k);
    }
    for (std::string_view need : {"code", "name"}) {
        if (!col.count(std::string(need))) {
            out.diagnostics.error({file, 1, 1}, "missing-column",
                                  fmt::format("no \"{}\" column; the header must name at least code and name", need));
        }
    }
    if (out.diagnostics.has_errors()) return out;

    std::vector<Row> rows;
    std::map<std::string, std::size_t> by_code;
    for (std::vector<csv::Field> f; reader.next(f, out.diagnostics);) {
        const int line = reader.record_line();
        if (f.size() != header.size()) {
            const auto& last = f.back();
            out.diagnostics.error({file, line, f.size() > header.size() ? f[header.size()].column : last.column},
                                  "ragged-row",
                                  fmt::format("row has {} fields, the header has {}", f.size(), header.size()));
            continue;
        }
        const auto& code = f[col["code"]];
        const std::string c = unprotect(code.value);
        if (auto [it, fresh] = by_code.emplace(c, rows.size()); !fresh) {
            out.diagnostics.error({file, code.line, code.column}, "duplicate-code",
                                  fmt::format("code \"{}\" is already used on line {}", c, rows[it->second].line));
            continue;
        }
        rows.push_back({std::move(f), line});
    }
    if (out.diagnostics.has_errors()) return out;

    // Parents by code; children in row order; cycles and unknown parents are errors.
    const bool has_parent = col.count("parent") != 0;
    std::vector<int> parent(rows.size(), -1);
    std::vector<std::vector<std::size_t>> children(rows.size());
    std::vector<std::size_t> roots;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::string p = has_parent ? unprotect(rows[r].fields[col["parent"]].value) : "";
        if (p.empty()) {
            roots.push_back(r);
            continue;
        }
        auto it = by_code.find(p);
        if (it == by_code.end()) {
            const auto& f = rows[r].fields[col["parent"]];
            out.diagnostics.error({file, f.line, f.column}, "unknown-parent",
                                  fmt::format("parent \"{}\" is not the code of any row", p));
            continue;
        }
        parent[r] = static_cast<int>(it->second);
        children[it->second].push_back(r);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        // Walk up at most rows.size() steps: more means a cycle.
        std::size_t steps = 0;
        for (int p = parent[r]; p >= 0 && steps <= rows.size(); p = parent[static_cast<std::size_t>(p)]) ++steps;
        if (steps > rows.size()) {
            const auto& f = rows[r].fields[col["parent"]];
            out.diagnostics.error({file, f.line, f.column}, "parent-cycle",
                                  fmt::format("\"{}\" is its own ancestor (a cycle of parents)",
                                              unprotect(rows[r].fields[col["code"]].value)));
        }
    }
    if (out.diagnostics.has_errors()) return out;

    auto cell = [&](const Row& row, std::string_view name) -> const csv::Field* {
        auto it = col.find(std::string(name));
        return it == col.end() ? nullptr : &row.fields[it->second];
    };
    // A cell's text, as the YAML loader reads a value: blank is none.
    auto text_of = [&](const Row& row, std::string_view name) {
        const auto* f = cell(row, name);
        std::string v = f ? unprotect(f->value) : std::string();
        return text::trim(v).empty() ? std::string() : v;
    };
    Framework fw;
    fw.id = id;
    fw.title = id;
    fw.status = "draft";
    fw.completeness = "partial";
    fw.completeness_note = fmt::format("Read from the flat CSV table {}, which holds items only.", file);
    fw.places.set("", {file, 1, 1});
    for (const auto& [level, k] : levels) {
        fw.places.set(fmt::format("scale.{}", fw.scale.size()), {file, header[k].line, header[k].column + 6});
        fw.scale.push_back({level, level, "", {}});
    }
    // Pre-order, as the model wants: each row, then its children in row order.
    auto add = [&](auto& self, std::size_t r, int parent_index, int depth) -> void {
        const Row& row = rows[r];
        const int index = static_cast<int>(fw.items.size());
        const std::string path = fmt::format("item.{}.", index);
        Item it;
        it.code = text_of(row, "code");
        it.name = text_of(row, "name");
        it.type = text_of(row, "type");
        it.description = text_of(row, "description");
        it.notes = text_of(row, "notes");
        for (const auto* name : {"code", "type"}) {
            if (const auto* f = cell(row, name)) fw.places.set(path + name, {file, f->line, f->column});
        }
        if (const auto* f = cell(row, "aliases")) it.aliases = split(unprotect(f->value), ';');
        if (const auto* f = cell(row, "outcomes")) it.outcomes = split(unprotect(f->value), '\n');
        for (const auto& [level, k] : levels) {
            const auto& f = row.fields[k];
            if (f.value.empty()) continue;
            fw.places.set(path + "level." + level, {file, f.line, f.column});
            it.level_headings.push_back({level, unprotect(f.value)});
        }
        it.parent = parent_index;
        it.depth = depth;
        it.location = {file, row.line, 1};
        if (parent_index < 0) {
            fw.roots.push_back(index);
        } else {
            fw.at(parent_index).children.push_back(index);
        }
        fw.items.push_back(std::move(it));
        for (auto c : children[r]) self(self, c, index, depth + 1);
    };
    for (auto r : roots) add(add, r, -1, 0);
    fw.index();
    out.diagnostics.append(check_framework(fw));
    if (!out.diagnostics.has_errors()) out.framework = std::move(fw);
    return out;
}

}  // namespace leadctl
