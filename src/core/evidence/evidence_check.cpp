#include "core/evidence/evidence_check.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>

namespace leadctl {

EvidenceChecker::EvidenceChecker(FrameworkLookup lookup, EvidenceCheckOptions options, Diagnostics& diags)
    : lookup_(std::move(lookup)), options_(std::move(options)), diags_(diags) {}

void EvidenceChecker::person(const Person& p) {
    file_ = p.location.file;
}

std::string EvidenceChecker::canonical(const std::string& ref) const {
    const auto r = parse_reference(ref);
    if (!r) return {};
    const Framework* fw = lookup_(r->prefix);
    if (!fw) return {};
    const Item* it = fw->item(r->code);
    return it ? fw->id + ":" + it->code : std::string();
}

void EvidenceChecker::unknown_competency(const Tag& t, std::string_view why) {
    diags_.error(t.location, "unknown-competency", fmt::format("unknown competency \"{}\": {}", t.ref, why));
}

void EvidenceChecker::entry(const Entry& e) {
    if (file_.empty()) file_ = e.location.file;
    // Unique ids.
    if (!e.id.empty()) {
        auto [it, inserted] = first_line_of_id_.emplace(e.id, e.location.line);
        if (!inserted) {
            diags_.error(e.location, "duplicate-id",
                         fmt::format("entry id \"{}\" is already used by the entry at line {}", e.id, it->second));
        }
    }
    // Dates.
    if (e.date && *e.date > options_.as_of) {
        diags_.warning(e.date_location, "future-date",
                       fmt::format("date {} is after {} (the as-of date); the entry will not count until then",
                                   e.date->str(), options_.as_of.str()));
    }
    if (e.signed_off) {
        const auto& so = *e.signed_off;
        if (so.date && e.date && *so.date < *e.date) {
            diags_.error(so.date_location, "signoff-before-entry",
                         fmt::format("signed off on {}, before the entry's date {}", so.date->str(), e.date->str()));
        }
        if (so.date && *so.date > options_.as_of) {
            diags_.warning(
                so.date_location, "future-date",
                fmt::format("sign-off date {} is after {} (the as-of date)", so.date->str(), options_.as_of.str()));
        }
    }
    // Competencies.
    std::set<std::string> seen;
    std::vector<const Framework*> tagged;
    for (const auto& t : e.competencies) {
        const auto r = parse_reference(text::trim(t.ref));
        if (!r) {
            diags_.error(t.location, "invalid-reference",
                         fmt::format("\"{}\" is not a competency reference such as mlcf:2.4", t.ref));
            continue;
        }
        const Framework* fw = lookup_(r->prefix);
        if (!fw) {
            unknown_competency(t, fmt::format("no framework \"{}\"{}", r->prefix,
                                              text::did_you_mean(r->prefix, options_.framework_ids)));
            continue;
        }
        const Item* it = fw->item(r->code);
        if (!it) {
            // Suggest from codes, aliases and (slugified) names.
            std::vector<std::string> candidates = fw->all_names();
            for (const auto& item : fw->items) candidates.push_back(text::slugify(item.name));
            auto best = text::closest_match(r->code, candidates);
            if (!best) best = text::closest_match(text::slugify(r->code), candidates);
            if (!best && r->code.size() >= 4) {  // a unique item whose name contains the words
                const std::string words = text::slugify(r->code);
                for (const auto& item : fw->items) {
                    if (text::slugify(item.name).find(words) == std::string::npos) continue;
                    if (best) {
                        best.reset();
                        break;
                    }
                    best = item.code;
                }
            }
            std::string hint;
            if (best) {
                const Item* target = fw->item(*best);
                if (!target) {
                    for (const auto& item : fw->items) {
                        if (text::slugify(item.name) == *best) target = &item;
                    }
                }
                if (target) hint = fmt::format(" (did you mean \"{}:{}\", {}?)", fw->id, target->code, target->name);
            }
            unknown_competency(t, fmt::format("{} has no item \"{}\"{}", fw->id, r->code, hint));
            continue;
        }
        if (!seen.insert(fw->id + ":" + it->code).second) {
            diags_.warning(t.location, "duplicate-competency",
                           fmt::format("{}:{} is tagged twice in this entry", fw->id, it->code));
        }
        if (std::find(tagged.begin(), tagged.end(), fw) == tagged.end()) tagged.push_back(fw);
    }
    if (e.competencies.size() > kMaxTagsPerEntry) {
        diags_.warning(e.competencies[kMaxTagsPerEntry].location, "too-many-competencies",
                       fmt::format("entry is tagged to {} competencies; most portfolio rules count one entry "
                                   "toward at most {}",
                                   e.competencies.size(), kMaxTagsPerEntry));
    }
    // Level: on the scale of a tagged framework that has one.
    if (!e.level.empty()) {
        std::vector<std::string> levels;
        bool any_scale = false, found = false;
        for (const auto* fw : tagged) {
            if (fw->scale.empty()) continue;
            any_scale = true;
            found = found || fw->level_index(e.level) >= 0;
            for (const auto& l : fw->scale) levels.push_back(l.id);
        }
        if (!any_scale && !tagged.empty()) {
            std::vector<std::string> ids;
            for (const auto* fw : tagged) ids.push_back(fw->id);
            diags_.warning(e.level_location, "level-without-scale",
                           fmt::format("level \"{}\" is ignored: {} {} no scale of levels", e.level,
                                       text::join(ids, " and "), ids.size() == 1 ? "has" : "have"));
        } else if (any_scale && !found) {
            diags_.error(e.level_location, "unknown-level",
                         fmt::format("level \"{}\" is not on the scale ({}){}", e.level, text::join(levels, ", "),
                                     text::did_you_mean(e.level, levels)));
        }
    }
    if (options_.privacy) {
        check_text(e, e.title, "title");
        check_text(e, e.description, "description");
        check_text(e, e.reflection, "reflection");
    }
}

void EvidenceChecker::check_text(const Entry& e, const TextField& t, std::string_view field) {
    if (t.value.empty()) return;
    for (const auto& f : privacy::scan(t.value)) {
        const int newlines =
            static_cast<int>(std::count(t.value.begin(), t.value.begin() + static_cast<long>(f.offset), '\n'));
        pending_.push_back({f.kind, f.text, t.location.line + newlines, std::string(field), e.id});
    }
}

void EvidenceChecker::locate_privacy(std::istream& again) {
    if (pending_.empty()) return;
    std::sort(pending_.begin(), pending_.end(),
              [](const PendingPrivacy& a, const PendingPrivacy& b) { return a.from_line < b.from_line; });
    // For each finding, the first line at or after `from_line` holding the identifier
    // (folded YAML text can move it down a line or two).
    std::vector<std::pair<int, int>> where(pending_.size(), {0, 0});
    std::string line;
    int line_no = 0;
    std::size_t open = 0;  // findings before this index are located or given up
    while (open < pending_.size() && std::getline(again, line)) {
        ++line_no;
        for (std::size_t k = open; k < pending_.size() && pending_[k].from_line <= line_no; ++k) {
            if (where[k].first) continue;
            const auto pos = line.find(pending_[k].needle);
            if (pos != std::string::npos) {
                where[k] = {line_no, text::line_column_at(line, pos).column};
            } else if (line_no - pending_[k].from_line > 50) {
                where[k] = {pending_[k].from_line, 0};  // not found near: the line alone
            }
        }
        while (open < pending_.size() && where[open].first) ++open;
    }
    for (std::size_t k = 0; k < pending_.size(); ++k) {
        const auto& p = pending_[k];
        const auto [l, c] = where[k].first ? where[k] : std::make_pair(p.from_line, 0);
        diags_.warning({file_, l, c}, std::string(privacy::code(p.kind)),
                       fmt::format("{} of entry \"{}\" seems to contain {} ({}); evidence logs must not hold "
                                   "patient-identifiable data",
                                   p.field, p.entry, privacy::describe(p.kind), privacy::mask(p.needle)));
    }
    pending_.clear();
}

}  // namespace leadctl
