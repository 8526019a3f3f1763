#include "core/formats/case_json.hpp"

#include "core/formats/render_framework.hpp"
#include "core/model/codes.hpp"
#include "core/model/framework_loader.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

/// A CASE field and the versions that have it.
enum class In { both, v10, v11 };
struct Field {
    std::string_view name;
    In in = In::both;
};

// CASE fields of each object, in the order of the specification (and of our output).
constexpr Field kDocFields[] = {{"identifier"},
                                {"uri"},
                                {"frameworkType", In::v11},
                                {"caseVersion", In::v11},
                                {"creator"},
                                {"title"},
                                {"lastChangeDateTime"},
                                {"officialSourceURL"},
                                {"publisher"},
                                {"description"},
                                {"subject"},
                                {"subjectURI"},
                                {"language"},
                                {"version"},
                                {"adoptionStatus"},
                                {"statusStartDate"},
                                {"statusEndDate"},
                                {"licenseURI"},
                                {"notes"},
                                {"extensions", In::v11},
                                {"CFPackageURI", In::v10}};
constexpr Field kItemFields[] = {{"identifier"},
                                 {"fullStatement"},
                                 {"alternativeLabel"},
                                 {"CFItemType"},
                                 {"uri"},
                                 {"humanCodingScheme"},
                                 {"listEnumeration"},
                                 {"abbreviatedStatement"},
                                 {"conceptKeywords"},
                                 {"conceptKeywordsURI"},
                                 {"notes"},
                                 {"subject", In::v11},
                                 {"subjectURI", In::v11},
                                 {"language"},
                                 {"educationLevel"},
                                 {"CFItemTypeURI"},
                                 {"licenseURI"},
                                 {"statusStartDate"},
                                 {"statusEndDate"},
                                 {"lastChangeDateTime"},
                                 {"extensions", In::v11},
                                 {"CFDocumentURI", In::v10}};
constexpr Field kAssocFields[] = {
    {"identifier"},     {"associationType"},     {"sequenceNumber"},           {"uri"},
    {"originNodeURI"},  {"destinationNodeURI"},  {"CFAssociationGroupingURI"}, {"lastChangeDateTime"},
    {"notes", In::v11}, {"extensions", In::v11}, {"CFDocumentURI", In::v10}};

/// The names of `fields` that CASE 1.1 (or 1.0) has, in order.
template <std::size_t N>
std::vector<std::string_view> fields_of(const Field (&fields)[N], bool v11) {
    std::vector<std::string_view> out;
    for (const auto& f : fields) {
        if (f.in == In::both || f.in == (v11 ? In::v11 : In::v10)) out.push_back(f.name);
    }
    return out;
}

/// x: keys of the framework, besides CFDocument fields, for what a package holds
/// whole: kept associations and rubrics, CFDefinitions, the package's extensions.
constexpr Field kPackageKeys[] = {
    {"CFAssociations"}, {"CFRubrics"}, {"CFDefinitions"}, {"package.extensions", In::v11}};

constexpr std::string_view kAssociationTypes[] = {"isChildOf",     "isPeerOf",       "isPartOf",   "exactMatchOf",
                                                  "precedes",      "isRelatedTo",    "replacedBy", "exemplar",
                                                  "hasSkillLevel", "isTranslationOf"};

constexpr std::string_view kX = "case.";
constexpr std::string_view kChildOf = "isChildOf.";
constexpr std::string_view kJsonSuffix = ".json";
constexpr std::string_view kCreatorDefault = "leadctl";
constexpr std::size_t kMaxNameBytes = 100;

bool contains(std::span<const std::string_view> set, std::string_view s) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

/// obj[key] when it is text, else `fallback` (never throws on foreign input).
std::string str(const Json& obj, std::string_view key, std::string_view fallback = "") {
    if (!obj.is_object()) return std::string(fallback);
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

/// obj[key] when it is a whole number, else 0.
long long integer(const Json& obj, std::string_view key) {
    if (!obj.is_object()) return 0;
    const auto it = obj.find(key);
    return it != obj.end() && it->is_number_integer() ? it->get<long long>() : 0;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// ---------------------------------------------------------------- x: access

/// The text value of x: case.KEY, or nullptr.
const std::string* x_text(const Extra& x, std::string_view key) {
    return find_extra(x, fmt::format("{}{}", kX, key));
}

/// The JSON value of x: case.KEY.json, or nullopt (also when it is not JSON).
std::optional<Json> x_json(const Extra& x, std::string_view key) {
    const auto* v = find_extra(x, fmt::format("{}{}{}", kX, key, kJsonSuffix));
    if (!v) return std::nullopt;
    auto j = Json::parse(*v, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    return j;
}

/// x: case.KEY or case.KEY.json as a JSON value.
std::optional<Json> x_value(const Extra& x, std::string_view key) {
    if (const auto* t = x_text(x, key)) return Json(*t);
    return x_json(x, key);
}

/// "case.KEY[.json]" -> "KEY"; nullopt for keys of other formats.
std::optional<std::string> case_key(std::string_view k) {
    if (!k.starts_with(kX)) return std::nullopt;
    k.remove_prefix(kX.size());
    if (k.ends_with(kJsonSuffix)) k.remove_suffix(kJsonSuffix.size());
    return std::string(k);
}

/// The x: entries that belong to no CASE field (other formats' keys).
Json foreign_x(const Extra& x) {
    Json out = Json::object();
    for (const auto& [k, v] : x) {
        if (!case_key(k)) out[k] = v;
    }
    return out;
}

// ---------------------------------------------------------------- shared derivations

std::string first_line_name(std::string_view full) {
    // The first line that is not blank, trimmed, cut at kMaxNameBytes on a word break.
    std::string_view line;
    while (!full.empty()) {
        const auto end = full.find_first_of("\r\n");
        line = text::trim(full.substr(0, end));
        if (!line.empty() || end == std::string_view::npos) break;
        full.remove_prefix(end + 1);
    }
    if (line.size() <= kMaxNameBytes) return std::string(line);
    std::size_t cut = kMaxNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
    if (const auto space = line.substr(0, cut + 1).rfind(' '); space != std::string_view::npos && space > cut / 2) {
        cut = space;  // a word break at or before the cut
    }
    return std::string(text::trim(line.substr(0, cut))) + "\u2026";
}

/// The name an item without an abbreviatedStatement gets: the first line of its
/// fullStatement, or its code when that is blank.
std::string name_from(std::string_view full, const std::string& code) {
    auto name = first_line_name(full);
    return name.empty() ? code : name;
}

std::string framework_id_from(std::string_view title) {
    auto id = text::slugify(title);
    if (id.size() > 48) id = std::string(text::trim(std::string_view(id).substr(0, 48)));
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty()) return "case-framework";
    if (id.front() < 'a' || id.front() > 'z') id = "case-" + id;
    return id;
}

std::string_view adoption_status_of(std::string_view status) {
    if (status == "published") return "Adopted";
    if (status == "draft") return "Draft";
    if (status.empty()) return "";
    return "Deprecated";  // historical, superseded, withdrawn
}

/// The part of the document uri that object uris are built on.
std::string base_uri(std::string_view doc_uri, std::string_view doc_id) {
    const std::string tail = fmt::format("/CFDocuments/{}", doc_id);
    if (doc_uri.ends_with(tail)) doc_uri.remove_suffix(tail.size());
    while (doc_uri.ends_with('/')) doc_uri.remove_suffix(1);
    return std::string(doc_uri);
}

std::string association_id(std::string_view origin, std::string_view type, std::string_view destination) {
    return uuid5(kCaseNamespace, fmt::format("{}|{}|{}", origin, type, destination));
}

std::string_view link_type(Relation r, bool v11) {
    switch (r) {
        case Relation::exact:
            return "exactMatchOf";
        case Relation::related:
            return "isRelatedTo";
        case Relation::close:
            return v11 ? "ext:closeMatch" : "isRelatedTo";
        case Relation::broad:
            return v11 ? "ext:broadMatch" : "isRelatedTo";
        case Relation::narrow:
            return v11 ? "ext:narrowMatch" : "isRelatedTo";
    }
    return "isRelatedTo";
}

const Item& at(const Framework& fw, int i) {
    return fw.items[static_cast<std::size_t>(i)];
}

std::string doc_identifier(const Framework& fw) {
    if (const auto* x = x_text(fw.extra, "identifier")) return *x;
    return uuid5(kCaseNamespace, case_document_uri(fw));
}

/// What export writes as the item's fullStatement.
std::string full_statement(const Item& it) {
    if (!it.description.empty()) return it.description;
    if (const auto* x = x_text(it.extra, "fullStatement")) return *x;
    return it.name;
}

/// The humanCodingScheme export writes, or nullopt for none.
std::optional<std::string> coding_scheme(const Framework& fw, int i) {
    const Item& it = at(fw, i);
    if (const auto* x = x_text(it.extra, "humanCodingScheme"); x && (x->empty() || code_made_from(it.code, *x))) {
        return *x;
    }
    // Read from an item that had none (null): none, while the code is still the one made from its identifier.
    if (auto none = x_json(it.extra, "humanCodingScheme"); none && none->is_null()) {
        if (code_made_from(it.code, case_item_identifier(fw, i))) return std::nullopt;
    }
    return it.code;
}

/// The abbreviatedStatement export writes, or nullopt for none.
std::optional<std::string> abbreviated_statement(const Item& it) {
    // Written when import would not give the name back without it, and when the
    // description is the name itself (import reads a lone statement as a name).
    if (it.name != name_from(full_statement(it), it.code) || it.description == it.name) return it.name;
    if (const auto* x = x_text(it.extra, "abbreviatedStatement"); x && (*x == it.name || text::trim(*x).empty())) {
        return *x;
    }
    return std::nullopt;
}

/// How tools title an item in a node reference (as OpenSALT does): its
/// humanCodingScheme, else its abbreviated statement, else its full statement.
std::string node_title(const Framework& fw, int i) {
    if (auto h = coding_scheme(fw, i)) return *h;
    if (auto a = abbreviated_statement(at(fw, i))) return *a;
    return full_statement(at(fw, i));
}

std::string doc_timestamp(const Framework& fw, const std::string& fallback) {
    if (const auto* x = x_text(fw.extra, "lastChangeDateTime")) return *x;
    return fallback;
}

// ---------------------------------------------------------------- export

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
        const Item& it = at(fw_, i);
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
    /// rise in sibling order, and members without one (null, or not in the tree
    /// when read) come after the numbered ones. A member that was read in the tree
    /// but has no number stored was renumbered by import's pruning: renumber all.
    static bool keeps_sequence(const Framework& fw, const std::vector<int>& group) {
        std::optional<long long> last;
        bool seen_none = false;
        bool stored = false;
        for (int c : group) {
            const Extra& x = at(fw, c).extra;
            auto s = x_json(x, "isChildOf.sequenceNumber");
            if (!s && x_text(x, "isChildOf.identifier")) return false;
            stored = stored || s.has_value();
            if (!s || s->is_null()) {
                seen_none = true;
                continue;
            }
            if (!s->is_number_integer() || seen_none) return false;
            const auto n = s->get<long long>();
            if (last && n <= *last) return false;
            last = n;
        }
        return stored;
    }

    Json child_of(int i, int position, bool keep_sequence) {
        const Item& it = at(fw_, i);
        const Extra& x = it.extra;
        const Json origin = item_node(i);
        const Json destination = it.parent >= 0 ? item_node(it.parent) : doc_node();
        const auto stored_id = x_text(x, "isChildOf.identifier");
        const std::string id = stored_id ? *stored_id
                                         : association_id(origin["identifier"].get<std::string>(), "isChildOf",
                                                          destination["identifier"].get<std::string>());
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
                } else if (auto s = x_json(x, key); s && !s->is_null()) {
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
        for (std::size_t i = 0; i < fw_.items.size(); ++i) {
            out.push_back(child_of(static_cast<int>(i), position[i], keep[i] != 0));
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

std::string case_document_uri(const Framework& fw) {
    return fw.uri.empty() ? fmt::format("https://leadctl.invalid/frameworks/{}", fw.id) : fw.uri;
}

std::string case_item_identifier(const Framework& fw, int index) {
    const Item& it = at(fw, index);
    if (const auto* x = x_text(it.extra, "identifier")) return *x;
    return uuid5(kCaseNamespace, fmt::format("{}#item/{}", case_document_uri(fw), it.code));
}

std::string case_item_uri(const Framework& fw, int index) {
    const Item& it = at(fw, index);
    if (const auto* x = x_text(it.extra, "uri")) return *x;
    return fmt::format("{}/CFItems/{}", base_uri(case_document_uri(fw), doc_identifier(fw)),
                       case_item_identifier(fw, index));
}

std::string case_timestamp(const Framework& fw, std::optional<long long> source_date_epoch) {
    if (source_date_epoch) {
        const std::time_t t = static_cast<std::time_t>(*source_date_epoch);
        std::tm tm{};
        if (gmtime_r(&t, &tm)) {
            return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00", tm.tm_year + 1900, tm.tm_mon + 1,
                               tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        }
    }
    if (fw.year) return fmt::format("{:04}-01-01T00:00:00+00:00", *fw.year);
    return "1970-01-01T00:00:00+00:00";
}

CaseExport export_case(const Framework& fw, const CaseExportOptions& options) {
    return Exporter(fw, options).run();
}

// ---------------------------------------------------------------- import

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

void erase_x(Extra& x, const std::string& key) {
    x.erase(std::remove_if(x.begin(), x.end(), [&](const auto& kv) { return kv.first == key; }), x.end());
}

/// Drop x: case.KEY when it holds what export derives anyway.
void prune_text(Extra& x, std::string_view key, const std::string& derived) {
    const std::string k = fmt::format("{}{}", kX, key);
    if (const auto* v = find_extra(x, k); v && *v == derived) erase_x(x, k);
}
void prune_json(Extra& x, std::string_view key, const Json& derived) {
    const std::string k = fmt::format("{}{}{}", kX, key, kJsonSuffix);
    if (const auto* v = find_extra(x, k)) {
        auto j = Json::parse(*v, nullptr, false);
        if (!j.is_discarded() && j == derived) erase_x(x, k);
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
        Json pkg;
        try {
            pkg = Json::parse(text_);
        } catch (const Json::parse_error& e) {
            const auto offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text_.size());
            const auto lc = text::line_column_at(text_, offset);
            std::string what = e.what();
            if (auto p = what.find(": syntax error"); p != std::string::npos) what = what.substr(p + 2);
            diags_.error({file_, lc.line, lc.column}, "json-syntax", "JSON " + what);
            return finish();
        }
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
        prune();
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
            if (auto t = text_of(e, key, path, "extensions.leadctl", false)) out = *t;
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
            pr.id = text_of(o, "id", p, "a profile", true).value_or("");
            pr.name = text_of(o, "name", p, "a profile", true).value_or("");
            pr.description = text_of(o, "description", p, "a profile", false).value_or("");
            pr.notes = text_of(o, "notes", p, "a profile", false).value_or("");
            pr.level = text_of(o, "level", p, "a profile", false).value_or("");
            if (auto r = o.find("requires"); r != o.end()) pr.required = texts(*r, p + "requires", "requires");
            fw_.profiles.push_back(std::move(pr));
        });
        if (auto x = e.find("x"); x != e.end()) foreign_x_of(*x, path + "x", fw_.extra);
    }
    std::vector<Level> scale_ext_;  ///< level ids (and x:) from extensions.leadctl.scale
    bool uri_derived_ = false;      ///< extensions.leadctl.uri is null: the framework had no uri

    void items(const Json& pkg) {
        const auto it = pkg.find("CFItems");
        if (it == pkg.end() || (it->is_array() && it->empty())) {
            diags_.error(where({}), "no-items", "the package has no CFItems; a framework needs at least one item");
            return;
        }
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
                    diags_.error(where(path + "sequenceNumber"), "wrong-type",
                                 fmt::format("{}: sequenceNumber must be a whole number", what));
                    continue;
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
            return std::tuple(has ? 0 : 1, has ? s->get<long long>() : 0LL, raw_[r].child_of_index);
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
        // Codes, from humanCodingScheme (or the identifier), in file order.
        std::vector<std::string> labels;
        for (const auto& r : raw_) {
            const auto h = r.obj->find("humanCodingScheme");
            labels.push_back(h != r.obj->end() && h->is_string() && !h->get<std::string>().empty()
                                 ? h->get<std::string>()
                                 : r.identifier);
        }
        const auto codes = codes_for(labels);
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
                fw_.items[static_cast<std::size_t>(parent)].children.push_back(index);
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
            auto& target = fw_.items[static_cast<std::size_t>(index)].level_headings;
            target = std::move(hs);
            std::sort(target.begin(), target.end(), [&](const LevelHeading& a, const LevelHeading& b) {
                return fw_.level_index(a.level) < fw_.level_index(b.level);
            });
        }
        return true;
    }

    /// Drop the x: values that export derives to the same thing (a package leadctl
    /// wrote comes back without any).
    void prune() {
        Extra& dx = fw_.extra;
        if (uri_derived_ && fw_.uri == fmt::format("https://leadctl.invalid/frameworks/{}", fw_.id)) fw_.uri.clear();
        prune_text(dx, "identifier", uuid5(kCaseNamespace, case_document_uri(fw_)));
        prune_text(dx, "creator", fw_.publisher.empty() ? std::string(kCreatorDefault) : fw_.publisher);
        const std::string stamp = case_timestamp(fw_, std::nullopt);
        prune_text(dx, "lastChangeDateTime", stamp);
        if (!fw_.status.empty()) prune_text(dx, "adoptionStatus", std::string(adoption_status_of(fw_.status)));
        const std::string doc_stamp = doc_timestamp(fw_, stamp);
        const std::string doc_id = doc_identifier(fw_);
        const std::string base = base_uri(case_document_uri(fw_), doc_id);
        // Everything derived is computed before anything is dropped.
        const std::size_t n = fw_.items.size();
        std::vector<std::string> id(n), uri(n);
        std::vector<Json> self(n);
        for (std::size_t i = 0; i < n; ++i) {
            id[i] = case_item_identifier(fw_, static_cast<int>(i));
            uri[i] = case_item_uri(fw_, static_cast<int>(i));
            self[i] = {{"title", node_title(fw_, static_cast<int>(i))}, {"identifier", id[i]}, {"uri", uri[i]}};
        }
        const Json doc_node = {{"title", fw_.title}, {"identifier", doc_id}, {"uri", case_document_uri(fw_)}};
        for (std::size_t i = 0; i < n; ++i) {
            Item& it = fw_.items[i];
            Extra& x = it.extra;
            prune_text(x, "identifier",
                       uuid5(kCaseNamespace, fmt::format("{}#item/{}", case_document_uri(fw_), it.code)));
            prune_text(x, "uri", fmt::format("{}/CFItems/{}", base, id[i]));
            prune_text(x, "lastChangeDateTime", doc_stamp);
            if (!x_text(x, "isChildOf.identifier")) continue;
            const Json& parent = it.parent >= 0 ? self[static_cast<std::size_t>(it.parent)] : doc_node;
            const auto aid = association_id(id[i], "isChildOf", parent["identifier"].get<std::string>());
            const std::string stored_aid = *x_text(x, "isChildOf.identifier");
            prune_text(x, "isChildOf.uri", fmt::format("{}/CFAssociations/{}", base, stored_aid));
            prune_text(x, "isChildOf.identifier", aid);
            prune_text(x, "isChildOf.lastChangeDateTime", doc_stamp);
            prune_json(x, "isChildOf.originNodeURI", self[i]);
            prune_json(x, "isChildOf.destinationNodeURI", parent);
        }
        // Sequence numbers that are just 1..n in sibling order are what export writes.
        auto group = [&](const std::vector<int>& members) {
            for (std::size_t k = 0; k < members.size(); ++k) {
                auto s = x_json(fw_.items[static_cast<std::size_t>(members[k])].extra, "isChildOf.sequenceNumber");
                if (!s || !s->is_number_integer() || s->get<long long>() != static_cast<long long>(k + 1)) return;
            }
            for (int c : members) {
                erase_x(fw_.items[static_cast<std::size_t>(c)].extra, "case.isChildOf.sequenceNumber.json");
            }
        };
        group(fw_.roots);
        for (const auto& it : fw_.items) group(it.children);
    }

    /// The result must be a valid framework file: render it and read it back.
    void check_model() {
        const auto back = load_framework(render_yaml(fw_, -1, {}), "(imported)");
        for (const auto& d : back.diagnostics.items()) {
            if (d.severity != Severity::error) continue;
            diags_.error(where({"CFDocument"}), "invalid-framework",
                         fmt::format("the package does not make a valid leadctl framework: {}", d.message));
        }
    }
};

}  // namespace

CaseImport import_case(std::string_view text, const std::string& file) {
    return Importer(text, file).run();
}

std::size_t drop_derived_links(Framework& fw, const std::vector<CaseLink>& links) {
    const std::string key = fmt::format("{}CFAssociations{}", kX, kJsonSuffix);
    auto it = std::find_if(fw.extra.begin(), fw.extra.end(), [&](const auto& kv) { return kv.first == key; });
    if (it == fw.extra.end()) return 0;
    auto kept = Json::parse(it->second, nullptr, false);
    if (!kept.is_array()) return 0;
    std::set<std::string> derived;
    for (const auto& link : links) {
        const int i = fw.find(link.code);
        if (i < 0) continue;
        const auto origin = case_item_identifier(fw, i);
        for (bool v11 : {false, true}) {
            derived.insert(association_id(origin, link_type(link.relation, v11), link.target_identifier));
        }
    }
    Json rest = Json::array();
    std::size_t dropped = 0;
    for (auto& a : kept) {
        if (derived.count(str(a, "identifier"))) {
            ++dropped;
        } else {
            rest.push_back(std::move(a));
        }
    }
    if (rest.empty()) {
        fw.extra.erase(it);
    } else {
        it->second = rest.dump();
    }
    return dropped;
}

}  // namespace leadctl
