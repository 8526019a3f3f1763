#include "core/formats/case_common.hpp"

#include "core/model/codes.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <ctime>

namespace leadctl {

using namespace case_detail;

namespace case_detail {

bool contains(std::span<const std::string_view> set, std::string_view s) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

/// obj[key] when it is text, else `fallback` (never throws on foreign input).
std::string str(const Json& obj, std::string_view key, std::string_view fallback) {
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

std::optional<long long> sequence_number(const Json& v) {
    if (v.is_number_integer()) return v.get<long long>();
    if (!v.is_string()) return std::nullopt;
    const auto& t = v.get_ref<const std::string&>();
    const char* first = t.data();
    const char* last = t.data() + t.size();
    if (first == last || (first[0] != '-' && (first[0] < '0' || first[0] > '9'))) return std::nullopt;
    long long n = 0;
    const auto [end, ec] = std::from_chars(first, last, n);
    if (ec != std::errc{} || end != last) return std::nullopt;
    return n;
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

namespace {

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

}  // namespace

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
    const Item& it = fw.at(i);
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
    if (auto a = abbreviated_statement(fw.at(i))) return *a;
    return full_statement(fw.at(i));
}

std::string doc_timestamp(const Framework& fw, const std::string& fallback) {
    if (const auto* x = x_text(fw.extra, "lastChangeDateTime")) return *x;
    return fallback;
}

}  // namespace case_detail

std::string case_document_uri(const Framework& fw) {
    return fw.uri.empty() ? fmt::format("https://leadctl.invalid/frameworks/{}", fw.id) : fw.uri;
}

std::string case_item_identifier(const Framework& fw, int index) {
    const Item& it = fw.at(index);
    if (const auto* x = x_text(it.extra, "identifier")) return *x;
    return uuid5(kCaseNamespace, fmt::format("{}#item/{}", case_document_uri(fw), it.code));
}

std::string case_item_uri(const Framework& fw, int index) {
    const Item& it = fw.at(index);
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

}  // namespace leadctl
