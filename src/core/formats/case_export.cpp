#include "core/formats/case_common.hpp"

#include "core/util/text.hpp"
#include "core/util/uuid.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace leadctl {

using namespace case_detail;

namespace {

class Exporter {
public:
    Exporter(const Framework& fw, const CaseExportOptions& o)
        : fw_(fw),
          o_(o),
          v11_(o.version != "1.0"),
          doc_uri_(case_document_uri(fw)),
          doc_id_(doc_identifier(fw)),
          base_(base_uri(doc_uri_, doc_id_)) {}

    CaseExport run() {
        Json pkg = Json::object();
        pkg["CFDocument"] = document();
        Json items = Json::array();
        for (std::size_t i = 0; i < fw_.items.size(); ++i) items.push_back(item(static_cast<int>(i)));
        pkg["CFItems"] = std::move(items);
        pkg["CFAssociations"] = associations();
        package_members(pkg);
        if (!fw_.scale.empty()) rubric(pkg);
        report_counted_losses();
        check_identifiers(pkg);
        out_.text = pkg.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
        return std::move(out_);
    }

private:
    const Framework& fw_;
    const CaseExportOptions& o_;
    bool v11_;
    std::string doc_uri_;
    std::string doc_id_;
    std::string base_;
    CaseExport out_;
    std::map<std::string, std::size_t> counted_;  ///< per-item losses: what -> items
    std::vector<std::string_view> doc_fields_ = fields_of(kDocFields, v11_);
    std::vector<std::string_view> item_fields_ = fields_of(kItemFields, v11_);
    std::vector<std::string_view> assoc_fields_ = fields_of(kAssocFields, v11_);

    [[nodiscard]] std::span<const std::string_view> doc_fields() const { return doc_fields_; }
    [[nodiscard]] std::span<const std::string_view> item_fields() const { return item_fields_; }
    [[nodiscard]] std::span<const std::string_view> assoc_fields() const { return assoc_fields_; }
    [[nodiscard]] std::string_view version() const { return v11_ ? "1.1" : "1.0"; }

    void loss(std::string s) { out_.losses.push_back(std::move(s)); }

    [[nodiscard]] std::string uri_of(std::string_view collection, const std::string& id) const {
        return fmt::format("{}/{}/{}", base_, collection, id);
    }
    [[nodiscard]] std::string item_timestamp(const Extra& x) const {
        if (const auto* t = x_text(x, "lastChangeDateTime")) return *t;
        return doc_timestamp(fw_, o_.timestamp);
    }
    [[nodiscard]] Json doc_node() const { return {{"title", fw_.title}, {"identifier", doc_id_}, {"uri", doc_uri_}}; }
    [[nodiscard]] Json item_node(int i) const {
        return {{"title", node_title(fw_, i)},
                {"identifier", case_item_identifier(fw_, i)},
                {"uri", case_item_uri(fw_, i)}};
    }

    /// x: case.* keys of an object that are not among `fields` (plus `also`): not written.
    void unknown_x(const Extra& x, std::span<const std::string_view> fields, std::string_view what,
                   std::span<const std::string_view> also = {}) {
        for (const auto& [k, v] : x) {
            auto key = case_key(k);
            if (!key || contains(fields, *key) || contains(also, *key)) continue;
            if (key->starts_with(kChildOf)) {
                if (contains(assoc_fields(), std::string_view(*key).substr(kChildOf.size()))) continue;
            }
            loss(fmt::format("{}: x: {} (not a CASE {} field)", what, k, version()));
        }
    }

    Json document() {
        Json d = Json::object();
        const Extra& x = fw_.extra;
        for (auto f : doc_fields()) {
            if (f == "identifier") {
                d[f] = doc_id_;
            } else if (f == "uri") {
                d[f] = doc_uri_;
            } else if (f == "caseVersion") {
                d[f] = "1.1";
            } else if (f == "creator") {
                const auto* c = x_text(x, f);
                d[f] = c ? *c : !fw_.publisher.empty() ? fw_.publisher : std::string(kCreatorDefault);
            } else if (f == "title") {
                d[f] = fw_.title;
            } else if (f == "lastChangeDateTime") {
                d[f] = doc_timestamp(fw_, o_.timestamp);
            } else if (f == "publisher" && !fw_.publisher.empty()) {
                d[f] = fw_.publisher;
            } else if (f == "description" && !fw_.description.empty()) {
                d[f] = fw_.description;
            } else if (f == "version" && !fw_.edition.empty()) {
                d[f] = fw_.edition;
            } else if (f == "notes" && !fw_.notes.empty()) {
                d[f] = fw_.notes;
            } else if (f == "adoptionStatus" && !x_value(x, f) && !fw_.status.empty()) {
                d[f] = adoption_status_of(fw_.status);
            } else if (f == "extensions") {
                Json ext = x_json(x, f).value_or(Json::object());
                if (Json mine = document_extension(); !mine.empty()) ext["leadctl"] = std::move(mine);
                if (!ext.empty()) d[f] = std::move(ext);
            } else if (auto v = x_value(x, f)) {
                d[f] = std::move(*v);
            }
        }
        if (!v11_) document_losses();
        unknown_x(x, doc_fields(), "the framework", fields_of(kPackageKeys, v11_));
        return d;
    }

    /// CFDocument.extensions.leadctl (1.1): what CASE has no field for.
    Json document_extension() const {
        Json e = Json::object();
        e["id"] = fw_.id;
        if (fw_.uri.empty()) e["uri"] = nullptr;  // the document's uri is leadctl's own
        if (fw_.year) e["year"] = *fw_.year;
        if (!fw_.status.empty()) e["status"] = fw_.status;
        if (!fw_.completeness.empty()) e["completeness"] = fw_.completeness;
        if (!fw_.completeness_note.empty()) e["completeness_note"] = fw_.completeness_note;
        if (!fw_.license.empty()) e["license"] = fw_.license;
        if (!fw_.sources.empty()) {
            Json s = Json::array();
            for (const auto& src : fw_.sources) {
                Json one = {{"citation", src.citation}};
                if (!src.url.empty()) one["url"] = src.url;
                s.push_back(std::move(one));
            }
            e["sources"] = std::move(s);
        }
        if (!fw_.scale.empty()) {
            Json s = Json::array();
            for (const auto& l : fw_.scale) {
                Json one = {{"id", l.id}};
                if (Json lx = foreign_x(l.extra); !lx.empty()) one["x"] = std::move(lx);
                s.push_back(std::move(one));
            }
            e["scale"] = std::move(s);
        }
        if (!fw_.profiles.empty()) {
            Json ps = Json::array();
            for (const auto& p : fw_.profiles) {
                Json one = {{"id", p.id}, {"name", p.name}};
                if (!p.description.empty()) one["description"] = p.description;
                one["requires"] = p.required;
                if (!p.level.empty()) one["level"] = p.level;
                if (!p.stages.empty()) one["stages"] = p.stages;
                if (!p.not_for_stages.empty()) one["not_for_stages"] = p.not_for_stages;
                if (!p.recent_evidence.empty()) {
                    Json rec = Json::array();
                    for (const auto& c : p.recent_evidence) {
                        Json r = {{"type", c.type}, {"within_months", c.within_months}};
                        if (!c.note.empty()) r["note"] = c.note;
                        rec.push_back(std::move(r));
                    }
                    one["recent_evidence"] = std::move(rec);
                }
                if (!p.notes.empty()) one["notes"] = p.notes;
                ps.push_back(std::move(one));
            }
            e["profiles"] = std::move(ps);
        }
        if (Json fx = foreign_x(fw_.extra); !fx.empty()) e["x"] = std::move(fx);
        return e;
    }

    void document_losses() {
        if (fw_.id != framework_id_from(fw_.title)) loss(fmt::format("the framework id \"{}\"", fw_.id));
        if (fw_.uri.empty()) loss(fmt::format("that the framework has no uri (read back as {})", doc_uri_));
        if (fw_.year) loss(fmt::format("the year {}", *fw_.year));
        if (!fw_.status.empty()) {
            loss(fmt::format("the status \"{}\" (written as adoptionStatus \"{}\")", fw_.status,
                             adoption_status_of(fw_.status)));
        }
        if (!fw_.completeness.empty()) loss(fmt::format("completeness \"{}\" and its note", fw_.completeness));
        if (!fw_.license.empty()) loss(fmt::format("the license \"{}\"", fw_.license));
        if (!fw_.sources.empty()) loss(plural(fw_.sources.size(), "source citation", "source citations"));
        if (!fw_.profiles.empty()) {
            std::vector<std::string> ids;
            for (const auto& p : fw_.profiles) ids.push_back(p.id);
            loss(fmt::format("{} ({})", plural(ids.size(), "profile", "profiles"), text::join(ids, ", ")));
        }
        for (const auto& l : fw_.scale) {
            if (l.id != text::slugify(l.name))
                loss(fmt::format("the scale level id \"{}\" (read back as \"{}\")", l.id, text::slugify(l.name)));
            if (!foreign_x(l.extra).empty()) loss(fmt::format("x: fields of scale level \"{}\"", l.id));
        }
        if (!foreign_x(fw_.extra).empty()) loss("x: fields of other formats on the framework");
    }

    Json item(int i) {
        const Item& it = fw_.at(i);
        const Extra& x = it.extra;
        const std::string what = fmt::format("item {}", it.code);
        Json j = Json::object();
        for (auto f : item_fields()) {
            if (f == "identifier") {
                j[f] = case_item_identifier(fw_, i);
            } else if (f == "fullStatement") {
                j[f] = full_statement(it);
            } else if (f == "CFItemType") {
                const auto* t = x_text(x, f);
                if (t && text::slugify(*t) == it.type) {
                    j[f] = *t;
                } else if (!it.type.empty()) {
                    j[f] = it.type;
                }
            } else if (f == "uri") {
                j[f] = case_item_uri(fw_, i);
            } else if (f == "humanCodingScheme") {
                if (auto h = coding_scheme(fw_, i)) j[f] = *h;
            } else if (f == "abbreviatedStatement") {
                if (auto a = abbreviated_statement(it)) j[f] = *a;
            } else if (f == "notes" && !it.notes.empty()) {
                j[f] = it.notes;
            } else if (f == "lastChangeDateTime") {
                j[f] = item_timestamp(x);
            } else if (f == "extensions") {
                Json ext = x_json(x, f).value_or(Json::object());
                if (Json mine = item_extension(it); !mine.empty()) ext["leadctl"] = std::move(mine);
                if (!ext.empty()) j[f] = std::move(ext);
            } else if (auto v = x_value(x, f)) {
                j[f] = std::move(*v);
            }
        }
        if (!it.description.empty() && it.description == it.name) {
            ++counted_["descriptions that only repeat the name (CASE has one statement for both: read back as none)"];
        }
        if (!v11_) {
            if (!it.aliases.empty()) ++counted_["aliases"];
            if (!it.outcomes.empty()) ++counted_["outcomes"];
            if (!foreign_x(x).empty()) ++counted_["x: fields of other formats"];
        }
        unknown_x(x, item_fields(), what);
        return j;
    }

    static Json item_extension(const Item& it) {
        Json e = Json::object();
        if (!it.aliases.empty()) e["aliases"] = it.aliases;
        if (!it.outcomes.empty()) e["outcomes"] = it.outcomes;
        if (Json fx = foreign_x(it.extra); !fx.empty()) e["x"] = std::move(fx);
        return e;
    }

    void report_counted_losses() {
        for (const auto& [what, n] : counted_) loss(fmt::format("{} (of {})", what, plural(n, "item", "items")));
    }

    /// Whether a sibling group keeps the sequence numbers it was read with: at
    /// least one member has one stored (a number, or null for "none"), the numbers
    /// never fall in sibling order (import orders equal numbers by file order), and members without one (null, or not
    /// in the tree when read) come after the numbered ones. A member that was read in the tree but has no number stored
    /// was renumbered by import's pruning: renumber all.
    static bool keeps_sequence(const Framework& fw, const std::vector<int>& group) {
        std::optional<long long> last;
        bool seen_none = false;
        bool stored = false;
        for (int c : group) {
            const Extra& x = fw.at(c).extra;
            auto s = x_value(x, "isChildOf.sequenceNumber");  // text when OpenSALT wrote it so
            if (!s && x_text(x, "isChildOf.identifier")) return false;
            stored = stored || s.has_value();
            if (!s || s->is_null()) {
                seen_none = true;
                continue;
            }
            const auto number = sequence_number(*s);
            if (!number || seen_none) return false;
            const auto n = *number;
            if (last && n < *last) return false;  // equal numbers: import keeps file order (fuzz)
            last = n;
        }
        return stored;
    }

    /// Identifiers the package holds whatever export derives: the document's, the
    /// items', isChildOf identifiers read from a package, kept associations'.
    [[nodiscard]] std::set<std::string> fixed_identifiers() const {
        std::set<std::string> out{doc_id_};
        for (std::size_t i = 0; i < fw_.items.size(); ++i) {
            out.insert(case_item_identifier(fw_, static_cast<int>(i)));
            if (const auto* s = x_text(fw_.items[i].extra, "isChildOf.identifier")) out.insert(*s);
        }
        if (auto kept = x_json(fw_.extra, "CFAssociations"); kept && kept->is_array()) {
            for (const auto& a : *kept) {
                if (a.is_object()) out.insert(str(a, "identifier"));
            }
        }
        return out;
    }

    /// `taken`: identifiers already in the package; a derived one that clashes
    /// with one of them (a package that reuses an identifier leadctl derives for
    /// another object) is derived again with a counter, and that is reported.
    Json child_of(int i, int position, bool keep_sequence, std::set<std::string>& taken) {
        const Item& it = fw_.at(i);
        const Extra& x = it.extra;
        const Json origin = item_node(i);
        const Json destination = it.parent >= 0 ? item_node(it.parent) : doc_node();
        const auto stored_id = x_text(x, "isChildOf.identifier");
        std::string id;
        if (stored_id) {
            id = *stored_id;
        } else {
            const auto& from = origin["identifier"].get_ref<const std::string&>();
            const auto& to = destination["identifier"].get_ref<const std::string&>();
            const std::string plain = association_id(from, "isChildOf", to);
            id = plain;
            for (int n = 2; taken.count(id); ++n) id = association_id(from, fmt::format("isChildOf#{}", n), to);
            if (id != plain) {
                loss(
                    fmt::format("the isChildOf association of {}: the identifier leadctl derives for it is "
                                "already used by another object of the package; written as {}",
                                it.code, id));
            }
            taken.insert(id);
        }
        Json a = Json::object();
        for (auto f : assoc_fields()) {
            const std::string key = fmt::format("{}{}", kChildOf, f);
            if (f == "identifier") {
                a[f] = id;
            } else if (f == "associationType") {
                a[f] = "isChildOf";
            } else if (f == "sequenceNumber") {
                if (!keep_sequence) {
                    a[f] = position + 1;
                } else if (auto s = x_value(x, key); s && !s->is_null()) {
                    a[f] = *s;
                }
            } else if (f == "uri") {
                const auto* u = x_text(x, key);
                a[f] = u ? *u : uri_of("CFAssociations", id);
            } else if (f == "originNodeURI" || f == "destinationNodeURI") {
                const Json& derived = f == "originNodeURI" ? origin : destination;
                auto stored = x_json(x, key);
                a[f] = stored && stored->is_object() && str(*stored, "identifier") == derived["identifier"] ? *stored
                                                                                                            : derived;
            } else if (f == "lastChangeDateTime") {
                const auto* t = x_text(x, key);
                a[f] = t ? *t : doc_timestamp(fw_, o_.timestamp);
            } else if (auto v = x_value(x, key)) {
                a[f] = std::move(*v);
            }
        }
        return a;
    }

    Json associations() {
        Json out = Json::array();
        // The tree, parents first, siblings in order.
        std::vector<int> position(fw_.items.size(), 0);
        std::vector<char> keep(fw_.items.size(), 0);
        auto group = [&](const std::vector<int>& members) {
            const bool k = keeps_sequence(fw_, members);
            for (std::size_t n = 0; n < members.size(); ++n) {
                position[static_cast<std::size_t>(members[n])] = static_cast<int>(n);
                keep[static_cast<std::size_t>(members[n])] = k ? 1 : 0;
            }
        };
        group(fw_.roots);
        for (const auto& it : fw_.items) group(it.children);
        auto taken = fixed_identifiers();
        for (std::size_t i = 0; i < fw_.items.size(); ++i) {
            out.push_back(child_of(static_cast<int>(i), position[i], keep[i] != 0, taken));
        }
        // Crosswalk links.
        std::size_t folded = 0;
        for (const auto& link : o_.links) {
            const int i = fw_.find(link.code);
            if (i < 0) continue;
            const std::string type(link_type(link.relation, v11_));
            if (!v11_ && link.relation != Relation::exact && link.relation != Relation::related) ++folded;
            Json origin = item_node(i);
            Json destination = {
                {"title", link.target_title}, {"identifier", link.target_identifier}, {"uri", link.target_uri}};
            const auto id = association_id(origin["identifier"].get<std::string>(), type, link.target_identifier);
            out.push_back({{"identifier", id},
                           {"associationType", type},
                           {"uri", uri_of("CFAssociations", id)},
                           {"originNodeURI", std::move(origin)},
                           {"destinationNodeURI", std::move(destination)},
                           {"lastChangeDateTime", doc_timestamp(fw_, o_.timestamp)}});
        }
        if (folded > 0) {
            loss(
                fmt::format("the relation of {} (close, broad or narrow: CASE 1.0 has no such type; written as "
                            "isRelatedTo)",
                            plural(folded, "crosswalk link", "crosswalk links")));
        }
        // Associations kept from an imported package (but not twice: a link that
        // the crosswalks give again has the same identifier).
        std::set<std::string> written;
        for (const auto& a : out) written.insert(a["identifier"].get<std::string>());
        if (auto kept = x_json(fw_.extra, "CFAssociations"); kept && kept->is_array()) {
            for (auto& a : *kept) {
                if (!a.is_object() || written.count(str(a, "identifier"))) continue;
                const auto type = str(a, "associationType");
                if (!v11_ && (type == "isTranslationOf" || type.starts_with("ext:"))) {  // 1.1's own
                    loss(
                        fmt::format("association {} of type \"{}\" (not a CASE 1.0 type)", str(a, "identifier"), type));
                    continue;
                }
                out.push_back(only_fields(std::move(a), assoc_fields(), "association"));
            }
        }
        return out;
    }

    /// `obj` without members that are not CASE fields of this version (reported).
    Json only_fields(Json obj, std::span<const std::string_view> fields, std::string_view what) {
        Json out = Json::object();
        const std::string id = str(obj, "identifier");
        for (auto& [k, v] : obj.items()) {
            if (contains(fields, k)) {
                out[k] = std::move(v);
            } else {
                loss(fmt::format("{} {}: its \"{}\" (not a CASE {} field)", what, id, k, version()));
            }
        }
        return out;
    }

    void package_members(Json& pkg) {
        if (auto v = x_json(fw_.extra, "CFDefinitions")) pkg["CFDefinitions"] = std::move(*v);
        if (auto v = x_json(fw_.extra, "package.extensions"); v && v11_) pkg["extensions"] = std::move(*v);
        if (auto kept = x_json(fw_.extra, "CFRubrics"); kept && kept->is_array() && fw_.scale.empty()) {
            pkg["CFRubrics"] = std::move(*kept);
        }
    }

    [[nodiscard]] Json rubric_level(const std::string& id, const std::string& description, const std::string& quality,
                                    int rank, const std::string& criterion) const {
        Json l = Json::object();
        l["identifier"] = id;
        l["uri"] = uri_of("CFRubricCriterionLevels", id);
        if (!description.empty()) l["description"] = description;
        l["quality"] = quality;
        l["score"] = rank;
        l["position"] = rank;
        l["rubricCriterionId"] = criterion;
        l["lastChangeDateTime"] = doc_timestamp(fw_, o_.timestamp);
        return l;
    }

    void rubric(Json& pkg) {
        const std::string stamp = doc_timestamp(fw_, o_.timestamp);
        const std::string rubric_id = uuid5(kCaseNamespace, doc_uri_ + "#rubric/scale");
        Json criteria = Json::array();
        const std::string scale_id = uuid5(kCaseNamespace, doc_uri_ + "#rubric/scale/levels");
        Json levels = Json::array();
        for (std::size_t k = 0; k < fw_.scale.size(); ++k) {
            const auto& l = fw_.scale[k];
            levels.push_back(
                rubric_level(uuid5(kCaseNamespace, fmt::format("{}#rubric/scale/level/{}", doc_uri_, k + 1)),
                             l.description, l.name, static_cast<int>(k) + 1, scale_id));
        }
        criteria.push_back({{"identifier", scale_id},
                            {"uri", uri_of("CFRubricCriteria", scale_id)},
                            {"category", "scale"},
                            {"description", "The levels of the framework's scale, lowest first."},
                            {"position", 1},
                            {"rubricId", rubric_id},
                            {"lastChangeDateTime", stamp},
                            {"CFRubricCriterionLevels", std::move(levels)}});
        for (std::size_t i = 0; i < fw_.items.size(); ++i) {
            const Item& it = fw_.items[i];
            if (it.level_headings.empty()) continue;
            const std::string item_id = case_item_identifier(fw_, static_cast<int>(i));
            const std::string cid = uuid5(kCaseNamespace, item_id + "#levels");
            Json hl = Json::array();
            for (const auto& h : it.level_headings) {
                const int rank = fw_.level_index(h.level) + 1;
                hl.push_back(rubric_level(uuid5(kCaseNamespace, fmt::format("{}#level/{}", item_id, rank)), h.text,
                                          fw_.scale[static_cast<std::size_t>(rank - 1)].name, rank, cid));
            }
            Json node = item_node(static_cast<int>(i));
            criteria.push_back({{"identifier", cid},
                                {"uri", uri_of("CFRubricCriteria", cid)},
                                {"category", "level headings"},
                                {"CFItemURI", std::move(node)},
                                {"position", static_cast<int>(criteria.size()) + 1},
                                {"rubricId", rubric_id},
                                {"lastChangeDateTime", stamp},
                                {"CFRubricCriterionLevels", std::move(hl)}});
        }
        Json rubrics = Json::array();
        rubrics.push_back(
            {{"identifier", rubric_id},
             {"uri", uri_of("CFRubrics", rubric_id)},
             {"title", "Scale"},
             {"description", fmt::format("The scale of {} and the level headings of its items.", fw_.title)},
             {"lastChangeDateTime", stamp},
             {"CFRubricCriteria", std::move(criteria)}});
        if (auto kept = x_json(fw_.extra, "CFRubrics"); kept && kept->is_array()) {
            for (auto& r : *kept) rubrics.push_back(std::move(r));
        }
        pkg["CFRubrics"] = std::move(rubrics);
    }

    /// CASE 1.1 identifiers must have the RFC variant; imported ones are kept as
    /// they are (never re-minted), so say which would fail a 1.1 validator.
    void check_identifiers(const Json& pkg) {
        if (!v11_) return;
        std::size_t bad = 0;
        std::string first;
        auto check = [&](const Json& obj) {
            const auto id = str(obj, "identifier");
            if (!is_case_uuid(id)) {
                if (bad++ == 0) first = id;
            }
        };
        check(pkg["CFDocument"]);
        for (const auto& it : pkg["CFItems"]) check(it);
        for (const auto& a : pkg["CFAssociations"]) check(a);
        if (bad > 0) {
            out_.warnings.push_back(fmt::format(
                "{} not {}CASE 1.1 identifier{} (a lowercase UUID whose 17th digit is 8, 9, a or b); kept as read, "
                "since identifiers are never re-minted: CASE 1.1 validators will reject the package (CASE 1.0 "
                "accepts it: --case-version 1.0)",
                bad == 1 ? fmt::format("the identifier {} is", first)
                         : fmt::format("{} identifiers (the first: {}) are", bad, first),
                bad == 1 ? "a " : "", bad == 1 ? "" : "s"));
        }
    }
};

}  // namespace

CaseExport export_case(const Framework& fw, const CaseExportOptions& options) {
    CaseExport out = Exporter(fw, options).run();
    if (fw.uri.empty()) {
        // A package meant for a CASE server should carry URIs that resolve, and its
        // identifiers are uuid5 of the document's URI: set the uri before publishing,
        // or the identifiers change when it is set later.
        out.warnings.push_back(fmt::format(
            "{} has no uri: the package's URIs, and the identifiers made from them, use the placeholder host "
            "leadctl.invalid ({}), which resolves nowhere; set \"uri:\" in the framework file to a URI you control "
            "(leadctl-framework(5)) before publishing the package",
            fw.id, case_document_uri(fw)));
    }
    return out;
}

}  // namespace leadctl
