#include "core/report/cohort.hpp"

#include "core/util/privacy.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

namespace leadctl {

void redact_row(CohortRow& row) {
    for (std::string* s : {&row.person.id, &row.person.name, &row.person.stage, &row.person.programme, &row.failure,
                           &row.per_person_file}) {
        *s = privacy::redact(*s);
    }
    for (auto& d : row.problems) d.message = privacy::redact(d.message);
    for (auto& d : row.privacy) d.message = privacy::redact(d.message);
}

CohortRow make_row(const std::string& path, const AssessLogResult& r) {
    CohortRow row;
    row.path = path;
    if (r.person) {
        row.person = {privacy::redact(r.person->id), privacy::redact(r.person->name), privacy::redact(r.person->stage),
                      privacy::redact(r.person->programme)};
    }
    row.entries = static_cast<std::uint32_t>(r.entries);
    for (const auto& d : r.diagnostics.items()) {
        if (d.severity == Severity::error) {
            ++row.errors;
            if (row.problems.size() < kMaxProblemsKept) row.problems.push_back(d);
        } else {
            ++row.warnings;
            if (d.code.rfind("privacy-", 0) == 0) {
                ++row.privacy_count;
                if (row.privacy.size() < kMaxProblemsKept) row.privacy.push_back(d);
            }
        }
    }
    switch (r.failure) {
        case AssessFailure::none:
            break;
        case AssessFailure::unreadable:
            row.failure = row.problems.empty() ? "cannot read the file" : row.problems.front().message;
            return row;
        case AssessFailure::invalid:
            row.failure = fmt::format("{} error{} in the log", row.errors, row.errors == 1 ? "" : "s");
            return row;
        case AssessFailure::no_profile:
            row.failure = privacy::redact(r.message);
            row.no_profile = true;
            return row;
        case AssessFailure::cancelled:
            row.failure = "interrupted";
            return row;
    }
    const Assessment& a = *r.assessment;
    row.ok = true;
    row.profile = a.profile->id;
    row.assessed = a.assessed;
    row.met = a.met;
    row.partial = a.partial;
    row.gap = a.gap;
    row.coverage = a.coverage;
    row.items.resize(a.framework->items.size());
    for (const auto& it : a.items) {
        auto& cell = row.at(it.item);
        cell.status = it.required ? it.status : ItemStatus::not_required;
        cell.entries = static_cast<std::uint16_t>(std::min<std::size_t>(it.evidence.size(), UINT16_MAX));
    }
    return row;
}

DomainResult row_domain(const Framework& fw, const CohortRow& row, int root) {
    if (!row.ok) return DomainResult{root, ItemStatus::not_required, 0, 0, 0};
    return roll_up(fw, root, [&row](int i) { return row.at(i).status; });
}

void finish_cohort(CohortReport& c) {
    std::sort(c.rows.begin(), c.rows.end(), [](const CohortRow& x, const CohortRow& y) {
        if (x.person.id != y.person.id) return x.person.id < y.person.id;
        return x.path < y.path;
    });
    const auto& items = c.framework->items;
    std::vector<bool> required(items.size(), false);
    std::vector<bool> rolled(items.size(), false);
    c.assessed_people = 0;
    c.failed = 0;
    for (const auto& row : c.rows) {
        if (!row.ok) {
            ++c.failed;
            continue;
        }
        ++c.assessed_people;
        for (std::size_t i = 0; i < row.items.size(); ++i) {
            if (row.items[i].status != ItemStatus::not_required) required[i] = true;
        }
        for (int root : c.framework->roots) {
            if (row_domain(*c.framework, row, root).assessed > 0) rolled[static_cast<std::size_t>(root)] = true;
        }
    }
    c.item_columns.clear();
    c.domain_columns.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (required[i]) c.item_columns.push_back(static_cast<int>(i));
    }
    for (int root : c.framework->roots) {
        if (rolled[static_cast<std::size_t>(root)] && !required[static_cast<std::size_t>(root)]) {
            c.domain_columns.push_back(root);
        }
    }
    c.tallies.clear();
    for (int i : c.item_columns) {
        ItemTally t;
        t.item = i;
        for (const auto& row : c.rows) {
            if (!row.ok) continue;
            switch (row.at(i).status) {
                case ItemStatus::met:
                    ++t.met;
                    break;
                case ItemStatus::partial:
                    ++t.partial;
                    break;
                case ItemStatus::gap:
                    ++t.gap;
                    break;
                case ItemStatus::not_required:
                    continue;
            }
            ++t.assessed;
        }
        c.tallies.push_back(t);
    }
    c.common_gaps.clear();
    for (const auto& t : c.tallies) {
        if (t.unmet() > 0) c.common_gaps.push_back(t);
    }
    // Most people lacking it first; ties in framework order (stable).
    std::stable_sort(c.common_gaps.begin(), c.common_gaps.end(),
                     [](const ItemTally& x, const ItemTally& y) { return x.unmet() > y.unmet(); });
    if (c.common_gaps.size() > 10) c.common_gaps.resize(10);
    c.at_risk.clear();
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        if (c.rows[i].ok && c.rows[i].coverage < c.at_risk_below) c.at_risk.push_back(i);
    }
    std::stable_sort(c.at_risk.begin(), c.at_risk.end(),
                     [&c](std::size_t x, std::size_t y) { return c.rows[x].coverage < c.rows[y].coverage; });
}

std::string safe_file_stem(std::string_view id) {
    std::string out;
    for (char c : id) {
        const auto ch = static_cast<unsigned char>(c);
        const bool keep = std::isalnum(ch) != 0 || ch == '-' || ch == '_' || ch == '.';
        // Collapse runs of replaced characters.
        if (!keep) {
            if (out.empty() || out.back() != '_') out += '_';
            continue;
        }
        if (ch == '.' && !out.empty() && out.back() == '.') {
            out.back() = '_';  // no ".."
            continue;
        }
        out += static_cast<char>(ch);
    }
    while (!out.empty() && (out.front() == '.' || out.front() == '_')) out.erase(out.begin());
    while (!out.empty() && out.back() == '.') out.pop_back();
    if (out.size() > 100) out.resize(100);
    if (out.empty()) out = "person";
    return out;
}

void assign_file_names(CohortReport& c, std::string_view ext) {
    std::set<std::string> taken;  // lowercased
    auto lower = [](std::string s) {
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    for (auto& row : c.rows) {
        row.per_person_file.clear();
        if (!row.ok) continue;
        // Named after the person's id, masked, with x for the masked characters:
        // never 943_476_5919.json, but xxx_xxx_xx19.json.
        std::string id = privacy::redact(row.person.id);
        std::replace(id.begin(), id.end(), '*', 'x');
        const std::string stem = safe_file_stem(id);
        std::string name = stem + std::string(ext);
        for (int n = 2; taken.count(lower(name)) != 0; ++n) name = fmt::format("{}-{}{}", stem, n, ext);
        taken.insert(lower(name));
        row.per_person_file = name;
    }
}

}  // namespace leadctl
