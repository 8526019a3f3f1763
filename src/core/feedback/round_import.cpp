#include "core/feedback/round_import.hpp"

#include "core/formats/yaml_text.hpp"
#include "core/util/csv_reader.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

namespace leadctl {

namespace {

using yaml::Node;
using yaml::NodePtr;

NodePtr scalar(std::string v, int line = 0, int column = 0) {
    auto n = std::make_shared<Node>();
    n->kind = yaml::Kind::scalar;
    n->value = std::move(v);
    n->line = line;
    n->column = column;
    return n;
}

std::shared_ptr<Node> collection(yaml::Kind kind, int line = 0, int column = 0) {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->line = line;
    n->column = column;
    return n;
}

void put(Node& map, std::string key, NodePtr value) {
    auto k = scalar(std::move(key), value->line, value->column);
    map.entries.emplace_back(std::move(k), std::move(value));
}

NodePtr cell(const csv::Field& f) {
    return scalar(std::string(text::trim(f.value)), f.line, f.column);
}

std::string lower(std::string_view s) {
    return text::to_lower(text::trim(s));
}

/// The item a wide column names: its code, alias, reference or name (any case).
int item_of(const Framework& fw, std::string_view name) {
    std::string code(text::trim(name));
    if (const auto r = parse_reference(code); r && r->prefix == fw.id) code = r->code;
    if (const int i = fw.find(code); i >= 0) return i;
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        if (lower(fw.items[i].name) == lower(name)) return static_cast<int>(i);
    }
    return -1;
}

struct WideColumn {
    int item = -1;
    enum class Kind { rating, importance, comment } kind = Kind::rating;
};

}  // namespace

RoundImport import_round_csv(std::string_view csv_text, const std::string& file, const RoundImportOptions& o,
                             const RoundFrameworks& frameworks) {
    RoundImport out;
    auto& d = out.diagnostics;
    const Framework* fw = frameworks(o.framework);
    if (!fw) {
        d.error({file, 0, 0}, "unknown-framework", fmt::format("framework \"{}\" is not known", o.framework));
        return out;
    }
    if (!o.scale && fw->scale.empty()) {
        d.error({file, 0, 0}, "invalid-scale",
                fmt::format("{} has no scale of levels to read the ratings as: give their numeric scale with "
                            "--scale MIN-MAX (such as --scale 1-5)",
                            fw->id));
        return out;
    }
    std::istringstream in{std::string(csv_text)};
    csv::Reader reader(in, file);
    std::vector<std::vector<csv::Field>> rows;
    std::vector<csv::Field> fields;
    while (reader.next(fields, d)) rows.push_back(fields);
    if (d.has_errors()) return out;
    if (rows.empty()) {
        d.error({file, 1, 1}, "empty-file", "the file has no header row");
        return out;
    }
    const auto& header = rows.front();
    std::map<std::string, std::size_t> named;
    for (std::size_t c = 0; c < header.size(); ++c) named.emplace(lower(header[c].value), c);
    for (const char* required : {"rater", "group"}) {
        if (!named.count(required)) {
            d.error({file, header.empty() ? 1 : header[0].line, 1}, "missing-column",
                    fmt::format("the header row has no \"{}\" column", required));
        }
    }
    out.wide = !(named.count("item") && named.count("rating"));
    // The columns: long form, every one known; wide form, every other one an item.
    std::vector<WideColumn> wide(header.size());
    std::vector<std::string> names;
    for (const auto& it : fw->items) {
        names.push_back(it.code);
        names.push_back(it.name);
    }
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string h = lower(header[c].value);
        if (h == "rater" || h == "group") continue;
        if (!out.wide) {
            static const std::vector<std::string> kLong{"rater", "group", "item", "rating", "importance", "comment"};
            if (std::find(kLong.begin(), kLong.end(), h) == kLong.end()) {
                d.error({file, header[c].line, header[c].column}, "unknown-column",
                        fmt::format("column \"{}\" is not one of {}{}", header[c].value, text::join(kLong, ", "),
                                    text::did_you_mean(h, kLong)));
            }
            continue;
        }
        std::string base(text::trim(header[c].value));
        auto kind = WideColumn::Kind::rating;
        for (auto [suffix, k] : {std::pair{std::string_view(" importance"), WideColumn::Kind::importance},
                                 std::pair{std::string_view(" comment"), WideColumn::Kind::comment}}) {
            if (lower(base).ends_with(suffix)) {
                base = std::string(text::trim(std::string_view(base).substr(0, base.size() - suffix.size())));
                kind = k;
            }
        }
        const int item = item_of(*fw, base);
        if (item < 0) {
            d.error({file, header[c].line, header[c].column}, "unknown-column",
                    fmt::format("column \"{}\" names no item of {}{}", header[c].value, fw->id,
                                text::did_you_mean(base, names)));
            continue;
        }
        wide[c] = {item, kind};
    }

    // The document a round file would give, each value where the CSV has it.
    auto root = collection(yaml::Kind::map, 1, 1);
    auto head = collection(yaml::Kind::map);
    put(*head, "id", scalar(o.round_id.empty() ? fmt::format("{}-{}", o.person_id, o.closed) : o.round_id));
    auto person = collection(yaml::Kind::map);
    put(*person, "id", scalar(o.person_id));
    if (!o.person_name.empty()) put(*person, "name", scalar(o.person_name));
    put(*head, "person", person);
    put(*head, "framework", scalar(fw->id));
    if (!o.instrument.empty()) put(*head, "instrument", scalar(o.instrument));
    put(*head, "opened", scalar(o.opened));
    put(*head, "closed", scalar(o.closed));
    if (o.scale) {
        auto scale = collection(yaml::Kind::map);
        put(*scale, "min", scalar(fmt::format("{}", o.scale->min)));
        put(*scale, "max", scalar(fmt::format("{}", o.scale->max)));
        put(*head, "scale", scale);
    }
    auto raters = collection(yaml::Kind::sequence);
    auto responses = collection(yaml::Kind::sequence);
    bool any_importance = false;
    std::map<std::string, std::pair<std::string, int>> groups;  // rater -> (group, line)
    const auto col = [&](const char* name) { return named.count(name) ? std::optional(named.at(name)) : std::nullopt; };
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const auto at = [&](std::size_t c) -> const csv::Field* { return c < row.size() ? &row[c] : nullptr; };
        const csv::Field* rater = at(*col("rater"));
        const csv::Field* group = at(*col("group"));
        if (!rater || text::trim(rater->value).empty()) {
            d.error({file, reader.record_line(), 1}, "missing-field", "a row with no rater");
            continue;
        }
        const std::string id(text::trim(rater->value));
        const std::string g = group ? std::string(text::trim(group->value)) : std::string();
        auto [known, inserted] = groups.try_emplace(id, g, rater->line);
        if (inserted) {
            auto rt = collection(yaml::Kind::map, rater->line, rater->column);
            put(*rt, "id", cell(*rater));
            put(*rt, "group", group ? cell(*group) : scalar("", rater->line, rater->column));
            raters->items.push_back(rt);
        } else if (known->second.first != g) {
            d.error({file, group ? group->line : rater->line, group ? group->column : rater->column},
                    "rater-group-conflict",
                    fmt::format("rater \"{}\" is in group \"{}\" at line {}", id, known->second.first,
                                known->second.second));
        }
        const auto add = [&](const csv::Field& item, const csv::Field& rating, const csv::Field* importance,
                             const csv::Field* comment) {
            auto x = collection(yaml::Kind::map, rating.line, rating.column);
            put(*x, "rater", cell(*rater));
            put(*x, "item", cell(item));
            put(*x, "rating", cell(rating));
            if (importance && !text::trim(importance->value).empty()) {
                put(*x, "importance", cell(*importance));
                any_importance = true;
            }
            if (comment && !text::trim(comment->value).empty()) put(*x, "comment", cell(*comment));
            responses->items.push_back(x);
        };
        if (!out.wide) {
            const csv::Field* item = at(*col("item"));
            const csv::Field* rating = at(*col("rating"));
            if (!item || !rating || text::trim(rating->value).empty()) continue;  // not rated
            // An item may be named as in a wide header: by name too.
            csv::Field named_item = *item;
            if (const int i = item_of(*fw, item->value); i >= 0) {
                named_item.value = fw->id + ":" + fw->items[static_cast<std::size_t>(i)].code;
            }
            add(named_item, *rating, col("importance") ? at(*col("importance")) : nullptr,
                col("comment") ? at(*col("comment")) : nullptr);
            continue;
        }
        for (std::size_t c = 0; c < header.size() && c < row.size(); ++c) {
            if (wide[c].item < 0 || wide[c].kind != WideColumn::Kind::rating) continue;
            if (text::trim(row[c].value).empty()) continue;  // this rater did not rate the item
            const csv::Field* importance = nullptr;
            const csv::Field* comment = nullptr;
            for (std::size_t k = 0; k < header.size() && k < row.size(); ++k) {
                if (wide[k].item != wide[c].item) continue;
                if (wide[k].kind == WideColumn::Kind::importance) importance = &row[k];
                if (wide[k].kind == WideColumn::Kind::comment) comment = &row[k];
            }
            const csv::Field item{fw->id + ":" + fw->items[static_cast<std::size_t>(wide[c].item)].code, header[c].line,
                                  header[c].column, false};
            add(item, row[c], importance, comment);
        }
    }
    if (any_importance) {
        auto scale = collection(yaml::Kind::map);
        put(*scale, "min", scalar(std::to_string(o.importance_min)));
        put(*scale, "max", scalar(std::to_string(o.importance_max)));
        put(*head, "importance_scale", scale);
    }
    put(*root, "round", head);
    put(*root, "raters", raters);
    put(*root, "responses", responses);
    auto load = load_round(*root, file, frameworks);
    d.append(load.diagnostics);
    d.sort();
    if (!load.round || d.has_errors()) return out;
    out.yaml = render_round_yaml(*load.round);
    return out;
}

std::string render_round_yaml(const Round& r) {
    const Framework& fw = *r.framework;
    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "format" << YAML::Value << std::string(kFeedbackFormat);
    e << YAML::Key << "round" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value;
    emit_text(e, r.id);
    e << YAML::Key << "person" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
    emit_text(e, r.person_id);
    if (!r.person_name.empty()) {
        e << YAML::Key << "name" << YAML::Value;
        emit_text(e, r.person_name);
    }
    e << YAML::EndMap;
    e << YAML::Key << "framework" << YAML::Value << fw.id;
    if (!r.instrument.empty()) {
        e << YAML::Key << "instrument" << YAML::Value;
        emit_text(e, r.instrument);
    }
    if (!r.scale.levels) {
        e << YAML::Key << "scale" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "min" << YAML::Value
          << r.scale.min << YAML::Key << "max" << YAML::Value << r.scale.max << YAML::EndMap;
    }
    if (r.importance_scale) {
        e << YAML::Key << "importance_scale" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "min"
          << YAML::Value << r.importance_scale->min << YAML::Key << "max" << YAML::Value << r.importance_scale->max
          << YAML::EndMap;
    }
    e << YAML::Key << "opened" << YAML::Value << r.opened.str();
    e << YAML::Key << "closed" << YAML::Value << r.closed.str();
    e << YAML::EndMap;
    e << YAML::Key << "raters" << YAML::Value << YAML::BeginSeq;
    for (const auto& x : r.raters) {
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
        emit_text(e, x.id);
        e << YAML::Key << "group" << YAML::Value << std::string(to_string(x.group)) << YAML::EndMap;
    }
    e << YAML::EndSeq;
    e << YAML::Key << "responses" << YAML::Value << YAML::BeginSeq;
    for (const auto& x : r.responses) {
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "rater" << YAML::Value;
        emit_text(e, r.raters[static_cast<std::size_t>(x.rater)].id);
        e << YAML::Key << "item" << YAML::Value << fw.id + ":" + fw.items[static_cast<std::size_t>(x.item)].code;
        e << YAML::Key << "rating" << YAML::Value;
        if (r.scale.levels) {
            e << fw.scale[static_cast<std::size_t>(x.rating) - 1].id;
        } else {
            e << x.rating;
        }
        if (x.importance) e << YAML::Key << "importance" << YAML::Value << *x.importance;
        if (!x.comment.empty()) {
            e << YAML::Key << "comment" << YAML::Value;
            emit_text(e, x.comment);
        }
        e << YAML::EndMap;
    }
    e << YAML::EndSeq << YAML::EndMap;
    return emitted_yaml(e) + "\n";
}

}  // namespace leadctl
