#include "core/formats/case_common.hpp"

#include "core/model/codes.hpp"
#include "core/model/framework_check.hpp"
#include "core/util/json_parse.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>
#include <unordered_map>

namespace leadctl {

using namespace case_detail;

namespace {

using Path = std::vector<std::string>;

Path operator+(Path p, std::string_view more) {
    p.emplace_back(more);
    return p;
}
Path operator+(Path p, std::size_t index) {
    p.push_back(std::to_string(index));
    return p;
}

/// Store a CASE field that the model has no place for: text as case.KEY, any
/// other JSON value as case.KEY.json.
void keep(Extra& x, std::string_view key, const Json& v) {
    if (v.is_string()) {
        x.emplace_back(fmt::format("{}{}", kX, key), v.get<std::string>());
    } else {
        x.emplace_back(fmt::format("{}{}{}", kX, key, kJsonSuffix), v.dump());
    }
}

struct RawItem {
    const Json* obj = nullptr;
    std::size_t index = 0;  ///< in CFItems
    std::string identifier;
    int parent = -2;                 ///< raw index of the parent item; -1 the document; -2 none (not in the tree)
    const Json* child_of = nullptr;  ///< its isChildOf association
    std::size_t child_of_index = 0;  ///< in CFAssociations
    int new_index = -1;              ///< in Framework::items
};

class Importer {
public:
    Importer(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    CaseImport run() {
        auto parsed = parse_json(text_, file_);
        if (parsed.error) {
            diags_.add(*parsed.error);
            return finish();
        }
        return run(parsed.value);
    }

    CaseImport run(const Json& pkg) {
        // A key given twice in one object: JSON readers disagree on which counts.
        where({});
        for (const auto& d : located_->diagnostics.items()) {
            if (d.code == "yaml-duplicate-key") {
                diags_.error(d.location, "duplicate-key", d.message);
            }
        }
        if (diags_.has_errors()) return finish();
        if (!pkg.is_object() || !pkg.contains("CFDocument") || !pkg["CFDocument"].is_object()) {
            diags_.error(where({}), "not-case",
                         "not a CASE package: a CASE CFPackage is a JSON object with a \"CFDocument\" object");
            return finish();
        }
        document(pkg["CFDocument"]);
        items(pkg);
        associations(pkg);
        if (diags_.has_errors()) return finish();
        build_tree();
        if (diags_.has_errors()) return finish();
        rubrics(pkg);
        for (const auto& [k, v] : pkg.items()) {
            if (k == "CFDefinitions") {
                keep(fw_.extra, "CFDefinitions", v);
            } else if (k != "CFDocument" && k != "CFItems" && k != "CFAssociations" && k != "CFRubrics") {
                keep(fw_.extra, "package." + k, v);
            }
        }
        if (!kept_associations_.empty()) keep(fw_.extra, "CFAssociations", kept_associations_);
        if (!kept_rubrics_.empty()) keep(fw_.extra, "CFRubrics", kept_rubrics_);
        if (diags_.has_errors()) return finish();
        drop_derived_x(fw_, uri_derived_);
        fw_.index();
        check_model();
        if (!diags_.has_errors()) out_.framework = std::move(fw_);
        return finish();
    }

private:
    std::string_view text_;
    const std::string& file_;
    Diagnostics diags_;
    CaseImport out_;
    Framework fw_;
    std::optional<yaml::Document> located_;  ///< the text parsed again for positions, on first need
    std::string doc_id_;
    std::vector<RawItem> raw_;
    std::unordered_map<std::string, std::size_t> item_by_id_;
    std::set<std::string> ids_;
    Json kept_associations_ = Json::array();
    Json kept_rubrics_ = Json::array();

    CaseImport finish() {
        diags_.sort();
        out_.diagnostics = std::move(diags_);
        return std::move(out_);
    }

    /// Where a JSON value is in the file: JSON is YAML, so the YAML reader gives
    /// each node's line and column. Parsed only when a message needs a position.
    SourceLocation where(const Path& path) {
        if (!located_) located_ = yaml::parse(text_, file_);
        const yaml::Node* n = located_->root.get();
        SourceLocation loc{file_, n ? n->line : 1, n ? n->column : 1};
        for (const auto& step : path) {
            if (!n) break;
            if (n->is_map()) {
                n = n->find(step);
            } else if (n->is_sequence() && !step.empty() &&
                       std::all_of(step.begin(), step.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                const auto k = static_cast<std::size_t>(std::stoul(step));
                n = k < n->items.size() ? n->items[k].get() : nullptr;
            } else {
                n = nullptr;
            }
            if (n) loc = {file_, n->line, n->column};
        }
        return loc;
    }

    /// A text member; nullopt when absent (an error when required) or not text (an error).
    std::optional<std::string> text_of(const Json& obj, std::string_view key, const Path& path, std::string_view what,
                                       bool required) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) diags_.error(where(path), "missing-field", fmt::format("{} has no \"{}\"", what, key));
            return std::nullopt;
        }
        if (!it->is_string()) {
            diags_.error(where(path + key), "wrong-type",
                         fmt::format("\"{}\" of {} must be text, not {}", key, what, it->type_name()));
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    bool identifier(const Json& obj, const Path& path, std::string_view what, std::string& out) {
        auto id = text_of(obj, "identifier", path, what, true);
        if (!id) return false;
        if (id->empty()) {
            diags_.error(where(path + "identifier"), "invalid-value", fmt::format("{} has an empty identifier", what));
            return false;
        }
        if (!ids_.insert(*id).second) {
            diags_.error(where(path + "identifier"), "duplicate-identifier",
                         fmt::format("{} has the identifier {}, which another object of the package has", what, *id));
            return false;
        }
        out = *id;
        return true;
    }

    /// CASE 1.1 extensions are objects; anything else is an error.
    bool extensions_object(const Json& v, const Path& path) {
        if (v.is_object()) return true;
        diags_.error(where(path), "wrong-type", fmt::format("\"extensions\" must be an object, not {}", v.type_name()));
        return false;
    }

    void document(const Json& doc) {
        const Path path{"CFDocument"};
        identifier(doc, path, "the CFDocument", doc_id_);
        if (auto t = text_of(doc, "title", path, "the CFDocument", true); t) {
            if (text::trim(*t).empty()) {
                diags_.error(where(path + "title"), "invalid-value", "the CFDocument's title is empty");
            }
            fw_.title = *t;
        }
        text_of(doc, "uri", path, "the CFDocument", true);
        for (const auto& [k, v] : doc.items()) {
            if (k == "title") continue;
            std::string* field = k == "uri"           ? &fw_.uri
                                 : k == "publisher"   ? &fw_.publisher
                                 : k == "description" ? &fw_.description
                                 : k == "notes"       ? &fw_.notes
                                 : k == "version"     ? &fw_.edition
                                                      : nullptr;
            if (field && v.is_string() && !text::trim(v.get<std::string>()).empty()) {
                *field = v.get<std::string>();
            } else if (k == "extensions") {
                if (!extensions_object(v, path + k)) continue;
                Json rest = v;
                if (rest.contains("leadctl")) {
                    document_extension(rest["leadctl"], path + "extensions" + "leadctl");
                    rest.erase("leadctl");
                }
                if (!rest.empty()) keep(fw_.extra, k, rest);
            } else if (k != "caseVersion") {  // written by every 1.1 export
                keep(fw_.extra, k, v);
            }
        }
        if (fw_.id.empty()) fw_.id = framework_id_from(fw_.title);
    }

    std::vector<std::string> texts(const Json& v, const Path& path, std::string_view what) {
        std::vector<std::string> out;
        if (!v.is_array()) {
            diags_.error(where(path), "wrong-type", fmt::format("{} must be a list of text", what));
            return out;
        }
        for (std::size_t k = 0; k < v.size(); ++k) {
            if (v[k].is_string()) {
                out.push_back(v[k].get<std::string>());
            } else {
                diags_.error(where(path + k), "wrong-type", fmt::format("entries of {} must be text", what));
            }
        }
        return out;
    }

    void foreign_x_of(const Json& v, const Path& path, Extra& x) {
        if (!v.is_object()) {
            diags_.error(where(path), "wrong-type", "extensions.leadctl.x must be an object of text values");
            return;
        }
        for (const auto& [k, val] : v.items()) {
            if (val.is_string() && !case_key(k)) {
                x.emplace_back(k, val.get<std::string>());
            } else {
                diags_.error(where(path + k), "wrong-type",
                             fmt::format("extensions.leadctl.x.{}: must be text, under a key of another format", k));
            }
        }
    }

    void document_extension(const Json& e, const Path& path) {
        if (!e.is_object()) {
            diags_.error(where(path), "wrong-type", "extensions.leadctl must be an object");
            return;
        }
        auto text_into = [&](std::string_view key, std::string& out) {
            if (auto t = text_of(e, key, path, "extensions.leadctl", false)) {
                out = *t;
                fw_.places.set(std::string(key), where(path + key));
            }
        };
        text_into("id", fw_.id);
        if (auto u = e.find("uri"); u != e.end() && u->is_null()) uri_derived_ = true;
        text_into("status", fw_.status);
        text_into("completeness", fw_.completeness);
        text_into("completeness_note", fw_.completeness_note);
        text_into("license", fw_.license);
        if (auto y = e.find("year"); y != e.end()) {
            if (y->is_number_integer()) {
                fw_.year = y->get<int>();
                fw_.places.set("year", where(path + "year"));
            } else {
                diags_.error(where(path + "year"), "wrong-type", "extensions.leadctl.year must be a whole number");
            }
        }
        auto objects = [&](std::string_view key, auto&& each) {
            const auto it = e.find(key);
            if (it == e.end()) return;
            if (!it->is_array()) {
                diags_.error(where(path + key), "wrong-type", fmt::format("extensions.leadctl.{} must be a list", key));
                return;
            }
            for (std::size_t k = 0; k < it->size(); ++k) {
                const Json& o = (*it)[k];
                const Path p = path + key + k;
                if (!o.is_object()) {
                    diags_.error(where(p), "wrong-type",
                                 fmt::format("entries of extensions.leadctl.{} must be objects", key));
                    continue;
                }
                each(o, p);
            }
        };
        objects("sources", [&](const Json& o, const Path& p) {
            SourceCitation c;
            c.citation = text_of(o, "citation", p, "a source", true).value_or("");
            c.url = text_of(o, "url", p, "a source", false).value_or("");
            fw_.sources.push_back(std::move(c));
        });
        objects("scale", [&](const Json& o, const Path& p) {
            Level l;
            l.id = text_of(o, "id", p, "a scale level", true).value_or("");
            if (auto x = o.find("x"); x != o.end()) foreign_x_of(*x, p + "x", l.extra);
            scale_ext_.push_back(std::move(l));
        });
        objects("profiles", [&](const Json& o, const Path& p) {
            Profile pr;
            pr.location = where(p);
            pr.id = text_of(o, "id", p, "a profile", true).value_or("");
            pr.name = text_of(o, "name", p, "a profile", true).value_or("");
            pr.description = text_of(o, "description", p, "a profile", false).value_or("");
            pr.notes = text_of(o, "notes", p, "a profile", false).value_or("");
            pr.level = text_of(o, "level", p, "a profile", false).value_or("");
            if (auto r = o.find("requires"); r != o.end()) pr.required = texts(*r, p + "requires", "requires");
            if (auto r = o.find("stages"); r != o.end()) pr.stages = texts(*r, p + "stages", "stages");
            if (auto r = o.find("not_for_stages"); r != o.end())
                pr.not_for_stages = texts(*r, p + "not_for_stages", "not_for_stages");
            if (auto r = o.find("recent_evidence"); r != o.end() && r->is_array()) {
                for (const auto& c : *r) {
                    if (!c.is_object()) continue;
                    RecentEvidence re;
                    if (auto t = c.find("type"); t != c.end() && t->is_string()) re.type = t->get<std::string>();
                    if (auto m = c.find("within_months"); m != c.end() && m->is_number_integer())
                        re.within_months = m->get<int>();
                    if (auto n = c.find("note"); n != c.end() && n->is_string()) re.note = n->get<std::string>();
                    pr.recent_evidence.push_back(std::move(re));
                }
            }
            fw_.profiles.push_back(std::move(pr));
        });
        if (auto x = e.find("x"); x != e.end()) foreign_x_of(*x, path + "x", fw_.extra);
    }
    std::vector<Level> scale_ext_;  ///< level ids (and x:) from extensions.leadctl.scale
    bool uri_derived_ = false;      ///< extensions.leadctl.uri is null: the framework had no uri

    void items(const Json& pkg) {
        const auto it = pkg.find("CFItems");
        // A package without items (OpenSALT's "external framework" stub) is read as a
        // framework without items; check_framework warns (no-items).
        if (it == pkg.end() || (it->is_array() && it->empty())) return;
        if (!it->is_array()) {
            diags_.error(where({"CFItems"}), "wrong-type", "CFItems must be a list");
            return;
        }
        for (std::size_t k = 0; k < it->size(); ++k) {
            const Json& obj = (*it)[k];
            const Path path = Path{"CFItems"} + k;
            const auto what = fmt::format("CFItems[{}]", k);
            if (!obj.is_object()) {
                diags_.error(where(path), "wrong-type", fmt::format("{} must be an object", what));
                continue;
            }
            RawItem r;
            r.obj = &obj;
            r.index = k;
            const bool ok = identifier(obj, path, what, r.identifier);
            text_of(obj, "fullStatement", path, what, true);
            for (auto f : {"humanCodingScheme", "abbreviatedStatement", "CFItemType", "notes"}) {
                text_of(obj, f, path, what, false);
            }
            if (!ok) continue;
            item_by_id_[r.identifier] = raw_.size();
            raw_.push_back(std::move(r));
        }
    }

    std::string association_what(const Json& a, std::size_t k) {
        return fmt::format("CFAssociations[{}] ({})", k, str(a, "associationType", "?"));
    }

    /// The identifier a node reference points to; nullopt when malformed (reported).
    std::optional<std::string> node(const Json& a, std::string_view key, const Path& path, std::string_view what) {
        const auto it = a.find(key);
        if (it == a.end() || !it->is_object()) {
            diags_.error(where(it == a.end() ? path : path + key), it == a.end() ? "missing-field" : "wrong-type",
                         fmt::format("{} needs \"{}\" as an object with an identifier", what, key));
            return std::nullopt;
        }
        return text_of(*it, "identifier", path + key, fmt::format("{}'s {}", what, key), true);
    }

    void associations(const Json& pkg) {
        const auto it = pkg.find("CFAssociations");
        if (it == pkg.end()) return;
        if (!it->is_array()) {
            diags_.error(where({"CFAssociations"}), "wrong-type", "CFAssociations must be a list");
            return;
        }
        for (std::size_t k = 0; k < it->size(); ++k) {
            const Json& a = (*it)[k];
            const Path path = Path{"CFAssociations"} + k;
            const auto what = association_what(a, k);
            if (!a.is_object()) {
                diags_.error(where(path), "wrong-type", fmt::format("{} must be an object", what));
                continue;
            }
            std::string id;
            const bool id_ok = identifier(a, path, what, id);
            const auto type = text_of(a, "associationType", path, what, true);
            const auto origin = node(a, "originNodeURI", path, what);
            const auto destination = node(a, "destinationNodeURI", path, what);
            if (!id_ok || !type || !origin || !destination) continue;
            const bool ext = type->starts_with("ext:") && type->size() > 4 &&
                             std::all_of(type->begin() + 4, type->end(), [](char c) {
                                 return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
                             });
            if (!ext && !contains(kAssociationTypes, *type)) {
                diags_.error(
                    where(path + "associationType"), "unknown-association-type",
                    fmt::format(
                        "{}: unknown association type \"{}\"{} (CASE has {}, and \"ext:NAME\" in 1.1)", what, *type,
                        text::did_you_mean(*type, std::vector<std::string>(std::begin(kAssociationTypes),
                                                                           std::end(kAssociationTypes))),
                        text::join(std::vector<std::string>(std::begin(kAssociationTypes), std::end(kAssociationTypes)),
                                   ", ")));
                continue;
            }
            const auto o = item_by_id_.find(*origin);
            const bool dest_is_doc = *destination == doc_id_;
            const auto d = item_by_id_.find(*destination);
            if (*type == "isChildOf") {
                if (o == item_by_id_.end()) {
                    diags_.error(where(path + "originNodeURI" + "identifier"), "broken-reference",
                                 fmt::format("{}: its origin {} is not a CFItem of this package", what, *origin));
                    continue;
                }
                if (!dest_is_doc && d == item_by_id_.end()) {
                    diags_.error(where(path + "destinationNodeURI" + "identifier"), "broken-reference",
                                 fmt::format("{}: its destination {} is neither the CFDocument nor a CFItem of this "
                                             "package",
                                             what, *destination));
                    continue;
                }
                if (const auto s = a.find("sequenceNumber"); s != a.end() && !s->is_number_integer()) {
                    if (!sequence_number(*s)) {
                        diags_.error(where(path + "sequenceNumber"), "wrong-type",
                                     fmt::format("{}: sequenceNumber must be a whole number", what));
                        continue;
                    }
                    // OpenSALT writes sequence numbers as strings; the intent is plain.
                    diags_.warning(where(path + "sequenceNumber"), "sequence-number-string",
                                   fmt::format("{}: sequenceNumber {} is text, not a number; read as {} (kept as "
                                               "text on export)",
                                               what, s->dump(), *sequence_number(*s)));
                }
                RawItem& child = raw_[o->second];
                if (child.parent == -2) {  // the first isChildOf of an item places it in the tree
                    child.parent = dest_is_doc ? -1 : static_cast<int>(d->second);
                    child.child_of = &a;
                    child.child_of_index = k;
                    continue;
                }
            }
            kept_associations_.push_back(a);
        }
    }

    void build_tree() {
        // Cycles: walk up from each item; meeting an item of the same walk again is
        // a loop (reported once, from where it was entered).
        auto label = [&](std::size_t k) { return str(*raw_[k].obj, "humanCodingScheme", raw_[k].identifier); };
        std::vector<int> walk_of(raw_.size(), -1);  // which walk first reached the item
        for (std::size_t r = 0; r < raw_.size(); ++r) {
            std::vector<std::size_t> path;
            int p = static_cast<int>(r);
            while (p >= 0 && walk_of[static_cast<std::size_t>(p)] < 0) {
                walk_of[static_cast<std::size_t>(p)] = static_cast<int>(r);
                path.push_back(static_cast<std::size_t>(p));
                p = raw_[static_cast<std::size_t>(p)].parent;
            }
            if (p < 0 || walk_of[static_cast<std::size_t>(p)] != static_cast<int>(r)) continue;
            // p is on this walk: the loop is p ... back to p.
            const auto start = static_cast<std::size_t>(std::find(path.begin(), path.end(), p) - path.begin());
            std::vector<std::string> chain;
            for (std::size_t k = start; k < path.size(); ++k) chain.push_back(label(path[k]));
            chain.push_back(label(static_cast<std::size_t>(p)));
            diags_.error(where(Path{"CFAssociations"} + raw_[static_cast<std::size_t>(p)].child_of_index),
                         "parent-cycle", fmt::format("parent cycle: {}", text::join(chain, " under ")));
        }
        if (diags_.has_errors()) return;
        // Children of each parent (-1 = the document), by sequenceNumber, then file order.
        std::map<int, std::vector<std::size_t>> children;
        std::vector<std::size_t> orphans;
        for (std::size_t r = 0; r < raw_.size(); ++r) {
            if (raw_[r].parent == -2) {
                orphans.push_back(r);
            } else {
                children[raw_[r].parent].push_back(r);
            }
        }
        auto seq_key = [&](std::size_t r) {
            const auto s = raw_[r].child_of->find("sequenceNumber");
            const bool has = s != raw_[r].child_of->end();
            return std::tuple(has ? 0 : 1, has ? sequence_number(*s).value_or(0) : 0LL, raw_[r].child_of_index);
        };
        for (auto& [parent, list] : children) {
            std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) { return seq_key(a) < seq_key(b); });
        }
        for (std::size_t r : orphans) {
            const auto msg = fmt::format(
                "CFItems[{}] ({}) is not in the tree (no isChildOf association): read as a top-level item; "
                "export places it under the CFDocument",
                raw_[r].index, raw_[r].identifier);
            diags_.warning(where(Path{"CFItems"} + raw_[r].index), "not-in-tree", msg);
            out_.losses.push_back(msg);
        }
        // Codes, from humanCodingScheme (or the identifier), in tree order (the
        // order export writes the items in), so that two items sharing a code get
        // the same "-2" suffix when the package is read back.
        std::vector<std::size_t> order;
        auto walk = [&](auto& self, std::size_t r, int depth) -> void {
            if (depth >= kMaxItemDepth) return;
            order.push_back(r);
            if (auto c = children.find(static_cast<int>(r)); c != children.end()) {
                for (std::size_t k : c->second) self(self, k, depth + 1);
            }
        };
        for (std::size_t r : children[-1]) walk(walk, r, 0);
        for (std::size_t r : orphans) walk(walk, r, 0);
        std::vector<std::string> labels;
        for (std::size_t r : order) {
            const auto h = raw_[r].obj->find("humanCodingScheme");
            labels.push_back(h != raw_[r].obj->end() && h->is_string() && !h->get<std::string>().empty()
                                 ? h->get<std::string>()
                                 : raw_[r].identifier);
        }
        const auto ordered_codes = codes_for(labels);
        std::vector<std::string> codes(raw_.size());
        for (std::size_t k = 0; k < order.size(); ++k) codes[order[k]] = ordered_codes[k];
        // Pre-order, as the model wants.
        auto add = [&](auto& self, std::size_t r, int parent, int depth) -> void {
            if (depth >= kMaxItemDepth) {
                diags_.error(where(Path{"CFItems"} + raw_[r].index), "too-deep",
                             fmt::format("CFItems[{}] lies deeper than {} levels", raw_[r].index, kMaxItemDepth));
                return;
            }
            const int index = static_cast<int>(fw_.items.size());
            raw_[r].new_index = index;
            fw_.items.push_back(make_item(raw_[r], codes[r]));
            Item& it = fw_.items.back();
            it.parent = parent;
            it.depth = depth;
            if (parent >= 0) {
                fw_.at(parent).children.push_back(index);
            } else {
                fw_.roots.push_back(index);
            }
            if (auto c = children.find(static_cast<int>(r)); c != children.end()) {
                for (std::size_t k : c->second) self(self, k, index, depth + 1);
            }
        };
        for (std::size_t r : children[-1]) add(add, r, -1, 0);
        for (std::size_t r : orphans) add(add, r, -1, 0);
    }

    Item make_item(const RawItem& r, const std::string& code) {
        const Json& obj = *r.obj;
        const Path path = Path{"CFItems"} + r.index;
        Item it;
        it.code = code;
        if (!obj.contains("humanCodingScheme")) keep(it.extra, "humanCodingScheme", Json(nullptr));
        it.location = where(path);
        const std::string full = str(obj, "fullStatement");
        std::optional<std::string> abbreviated;
        for (const auto& [k, v] : obj.items()) {
            if (k == "fullStatement") {
                if (full.empty()) keep(it.extra, k, v);
            } else if (k == "humanCodingScheme") {
                if (v.get<std::string>() != code) keep(it.extra, k, v);
            } else if (k == "abbreviatedStatement") {
                abbreviated = v.get<std::string>();
            } else if (k == "CFItemType") {
                it.type = text::slugify(v.get<std::string>());
                if (it.type != v.get<std::string>()) keep(it.extra, k, v);
            } else if (k == "notes" && !text::trim(v.get<std::string>()).empty()) {
                it.notes = v.get<std::string>();
            } else if (k == "extensions") {
                if (!extensions_object(v, path + k)) continue;
                Json rest = v;
                if (rest.contains("leadctl")) {
                    item_extension(rest["leadctl"], path + "extensions" + "leadctl", it);
                    rest.erase("leadctl");
                }
                if (!rest.empty()) keep(it.extra, k, rest);
            } else {
                keep(it.extra, k, v);
            }
        }
        const std::string derived = name_from(full, code);
        if (abbreviated && !text::trim(*abbreviated).empty()) {
            it.name = *abbreviated;
            if (*abbreviated == derived) keep(it.extra, "abbreviatedStatement", *abbreviated);
        } else {
            it.name = derived;
            if (abbreviated) keep(it.extra, "abbreviatedStatement", *abbreviated);
        }
        it.description = full == it.name ? "" : full;
        if (r.child_of) {
            const Json& a = *r.child_of;
            for (const auto& [k, v] : a.items()) {
                if (k == "associationType") continue;
                keep(it.extra, fmt::format("{}{}", kChildOf, k), v);
            }
            if (!a.contains("sequenceNumber")) keep(it.extra, "isChildOf.sequenceNumber", Json(nullptr));
        } else {
            // Not in the tree: export places it under the CFDocument without a number,
            // and that reads back as this "none"; without it the round trip adds it.
            keep(it.extra, "isChildOf.sequenceNumber", Json(nullptr));
        }
        return it;
    }

    void item_extension(const Json& e, const Path& path, Item& it) {
        if (!e.is_object()) {
            diags_.error(where(path), "wrong-type", "extensions.leadctl must be an object");
            return;
        }
        if (auto a = e.find("aliases"); a != e.end()) it.aliases = texts(*a, path + "aliases", "aliases");
        if (auto o = e.find("outcomes"); o != e.end()) it.outcomes = texts(*o, path + "outcomes", "outcomes");
        if (auto x = e.find("x"); x != e.end()) foreign_x_of(*x, path + "x", it.extra);
    }

    /// leadctl's own rubric becomes the scale and the level headings; others are kept.
    void rubrics(const Json& pkg) {
        const auto it = pkg.find("CFRubrics");
        if (it == pkg.end()) return;
        if (!it->is_array()) {
            diags_.error(where({"CFRubrics"}), "wrong-type",
                         fmt::format("CFRubrics must be a list, not {}", it->type_name()));
            return;
        }
        const std::string ours = uuid5(kCaseNamespace, case_document_uri(fw_) + "#rubric/scale");
        for (std::size_t k = 0; k < it->size(); ++k) {
            const Json& r = (*it)[k];
            if (!r.is_object() || str(r, "identifier") != ours || !scale_from(r)) {
                kept_rubrics_.push_back(r);
            }
        }
    }

    /// The objects of the list `obj[key]`, by their "position". Pointers into `obj`.
    static std::vector<const Json*> by_position(const Json& obj, std::string_view key) {
        std::vector<const Json*> out;
        const auto it = obj.find(key);
        if (it == obj.end() || !it->is_array()) return out;
        const Json& list = *it;
        for (const auto& l : list) {
            if (l.is_object()) out.push_back(&l);
        }
        std::stable_sort(out.begin(), out.end(), [](const Json* a, const Json* b) {
            return integer(*a, "position") < integer(*b, "position");
        });
        return out;
    }

    /// Read leadctl's rubric. False (nothing changed) when it is not as export writes it.
    bool scale_from(const Json& rubric) {
        std::vector<Level> scale;
        std::vector<std::pair<int, std::vector<LevelHeading>>> headings;
        const auto criteria = by_position(rubric, "CFRubricCriteria");
        auto level_of = [&](const std::string& quality) {
            for (const auto& l : scale) {
                if (l.name == quality) return l.id;
            }
            return std::string();
        };
        for (const Json* c : criteria) {
            const auto levels = by_position(*c, "CFRubricCriterionLevels");
            if (str(*c, "category") == "scale" && scale.empty()) {
                std::set<std::string> used;
                for (std::size_t n = 0; n < levels.size(); ++n) {
                    Level l;
                    l.name = str(*levels[n], "quality");
                    l.description = str(*levels[n], "description");
                    if (n < scale_ext_.size()) {
                        l.id = scale_ext_[n].id;
                        l.extra = scale_ext_[n].extra;
                    } else {
                        l.id = text::slugify(l.name);
                    }
                    if (l.id.empty() || !used.insert(l.id).second) l.id = fmt::format("level-{}", n + 1);
                    used.insert(l.id);
                    if (l.name.empty()) return false;
                    scale.push_back(std::move(l));
                }
                continue;
            }
            const auto node = c->find("CFItemURI");
            const auto item = node != c->end() && node->is_object() ? str(*node, "identifier") : std::string();
            const auto r = item_by_id_.find(item);
            if (r == item_by_id_.end() || raw_[r->second].new_index < 0) return false;
            std::vector<LevelHeading> hs;
            for (const Json* l : levels) {
                auto id = level_of(str(*l, "quality"));
                if (id.empty()) return false;
                hs.push_back({id, str(*l, "description")});
            }
            headings.emplace_back(raw_[r->second].new_index, std::move(hs));
        }
        if (scale.empty()) return false;
        fw_.scale = std::move(scale);
        for (auto& [index, hs] : headings) {
            auto& target = fw_.at(index).level_headings;
            target = std::move(hs);
            std::sort(target.begin(), target.end(), [&](const LevelHeading& a, const LevelHeading& b) {
                return fw_.level_index(a.level) < fw_.level_index(b.level);
            });
        }
        return true;
    }

    /// The result must keep the rules of every framework; where it does not, the
    /// package is at fault, at the place the field came from.
    void check_model() {
        fw_.places.set("", where({"CFDocument"}));
        const auto found = check_framework(fw_);
        for (const auto& d : found.items()) {
            if (d.severity != Severity::error) {
                diags_.add(d);
                continue;
            }
            diags_.error(d.location, "invalid-framework",
                         fmt::format("the package does not make a valid leadctl framework: {}", d.message));
        }
        resolve_requirements(fw_);
    }
};

}  // namespace

CaseImport import_case(std::string_view text, const std::string& file) {
    return Importer(text, file).run();
}

CaseImport import_case(const nlohmann::ordered_json& package, std::string_view text, const std::string& file) {
    return Importer(text, file).run(package);
}

}  // namespace leadctl
