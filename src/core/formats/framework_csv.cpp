#include "core/formats/framework_csv.hpp"

#include "core/model/framework_loader.hpp"
#include "core/util/csv.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

namespace leadctl {

namespace {

constexpr std::string_view kColumns[] = {"code",        "parent",  "depth",    "type", "name",
                                         "description", "aliases", "outcomes", "notes"};

std::string protect(std::string_view v) {
    if (!v.empty() && std::string_view("=+-@\t\r'").find(v.front()) != std::string_view::npos) {
        return "'" + std::string(v);
    }
    return std::string(v);
}

std::string unprotect(std::string v) {
    if (!v.empty() && v.front() == '\'') v.erase(0, 1);
    return v;
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

// ---- building a YAML tree so that the framework loader checks the result and
// reports problems at the cell they came from.

using NodeRef = std::shared_ptr<yaml::Node>;

NodeRef scalar(std::string value, int line, int column) {
    auto n = std::make_shared<yaml::Node>();
    n->kind = yaml::Kind::scalar;
    n->value = std::move(value);
    n->quoted = true;
    n->line = line;
    n->column = column;
    return n;
}

NodeRef collection(yaml::Kind kind, int line, int column) {
    auto n = std::make_shared<yaml::Node>();
    n->kind = kind;
    n->line = line;
    n->column = column;
    return n;
}

void put(const NodeRef& map, std::string key, NodeRef value) {
    map->entries.emplace_back(scalar(std::move(key), value->line, value->column), std::move(value));
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
                                     it.parent >= 0 ? protect(fw.items[static_cast<std::size_t>(it.parent)].code) : "",
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
    std::function<NodeRef(std::size_t)> item_node = [&](std::size_t r) {
        const Row& row = rows[r];
        auto n = collection(yaml::Kind::map, row.line, 1);
        for (std::string_view name : {"code", "name", "type", "description", "notes"}) {
            const auto* f = cell(row, name);
            if (!f || (f->value.empty() && name != "code" && name != "name")) continue;
            put(n, std::string(name), scalar(unprotect(f->value), f->line, f->column));
        }
        for (auto [name, sep] : {std::pair{"aliases", ';'}, std::pair{"outcomes", '\n'}}) {
            const auto* f = cell(row, name);
            if (!f || f->value.empty()) continue;
            auto seq = collection(yaml::Kind::sequence, f->line, f->column);
            for (auto& v : split(unprotect(f->value), sep)) seq->items.push_back(scalar(v, f->line, f->column));
            put(n, name, seq);
        }
        auto heads = collection(yaml::Kind::map, row.line, 1);
        for (const auto& [level, k] : levels) {
            const auto& f = row.fields[k];
            if (!f.value.empty()) put(heads, level, scalar(unprotect(f.value), f.line, f.column));
        }
        if (!heads->entries.empty()) put(n, "levels", heads);
        if (!children[r].empty()) {
            auto seq = collection(yaml::Kind::sequence, row.line, 1);
            for (auto c : children[r]) seq->items.push_back(item_node(c));
            put(n, "items", seq);
        }
        return n;
    };
    auto root = collection(yaml::Kind::map, 1, 1);
    put(root, "id", scalar(id, 1, 1));
    put(root, "title", scalar(id, 1, 1));
    put(root, "status", scalar("draft", 1, 1));
    put(root, "completeness", scalar("partial", 1, 1));
    put(root, "completeness_note",
        scalar(fmt::format("Read from the flat CSV table {}, which holds items only.", file), 1, 1));
    if (!levels.empty()) {
        auto scale = collection(yaml::Kind::sequence, 1, 1);
        for (const auto& [level, k] : levels) {
            auto l = collection(yaml::Kind::map, header[k].line, header[k].column);
            put(l, "id", scalar(level, header[k].line, header[k].column + 6));
            put(l, "name", scalar(level, header[k].line, header[k].column + 6));
            scale->items.push_back(l);
        }
        put(root, "scale", scale);
    }
    auto items = collection(yaml::Kind::sequence, 1, 1);
    for (auto r : roots) items->items.push_back(item_node(r));
    put(root, "items", items);
    auto load = load_framework(*root, file);
    for (const auto& d : load.diagnostics.items()) out.diagnostics.add(d);
    out.framework = std::move(load.framework);
    return out;
}

}  // namespace leadctl
