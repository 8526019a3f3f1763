#include "core/formats/case_common.hpp"

#include "core/model/codes.hpp"
#include "core/util/uuid.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>

namespace leadctl {

using namespace case_detail;

namespace {

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

}  // namespace

namespace case_detail {

void drop_derived_x(Framework& fw, bool uri_derived) {
    Extra& dx = fw.extra;
    if (uri_derived && fw.uri == fmt::format("https://leadctl.invalid/frameworks/{}", fw.id)) fw.uri.clear();
    prune_text(dx, "identifier", uuid5(kCaseNamespace, case_document_uri(fw)));
    prune_text(dx, "creator", fw.publisher.empty() ? std::string(kCreatorDefault) : fw.publisher);
    const std::string stamp = case_timestamp(fw, std::nullopt);
    prune_text(dx, "lastChangeDateTime", stamp);
    if (!fw.status.empty()) prune_text(dx, "adoptionStatus", std::string(adoption_status_of(fw.status)));
    const std::string doc_stamp = doc_timestamp(fw, stamp);
    const std::string doc_id = doc_identifier(fw);
    const std::string base = base_uri(case_document_uri(fw), doc_id);
    // Everything derived is computed before anything is dropped.
    const std::size_t n = fw.items.size();
    std::vector<std::string> id(n), uri(n);
    std::vector<Json> self(n);
    for (std::size_t i = 0; i < n; ++i) {
        id[i] = case_item_identifier(fw, static_cast<int>(i));
        uri[i] = case_item_uri(fw, static_cast<int>(i));
        self[i] = {{"title", node_title(fw, static_cast<int>(i))}, {"identifier", id[i]}, {"uri", uri[i]}};
    }
    const Json doc_node = {{"title", fw.title}, {"identifier", doc_id}, {"uri", case_document_uri(fw)}};
    for (std::size_t i = 0; i < n; ++i) {
        Item& it = fw.items[i];
        Extra& x = it.extra;
        prune_text(x, "identifier", uuid5(kCaseNamespace, fmt::format("{}#item/{}", case_document_uri(fw), it.code)));
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
            auto s = x_json(fw.at(members[k]).extra, "isChildOf.sequenceNumber");
            if (!s || !s->is_number_integer() || s->get<long long>() != static_cast<long long>(k + 1)) return;
        }
        for (int c : members) {
            erase_x(fw.at(c).extra, "case.isChildOf.sequenceNumber.json");
        }
    };
    group(fw.roots);
    for (const auto& it : fw.items) group(it.children);
}

}  // namespace case_detail

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
