#include "core/evidence/evidence_check.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace leadctl {

EvidenceChecker::EvidenceChecker(FrameworkLookup lookup, EvidenceCheckOptions options, Diagnostics& diags)
    : lookup_(std::move(lookup)), options_(std::move(options)), diags_(diags) {}

void EvidenceChecker::person(const Person& p) {
    file_ = p.location.file;
    if (!options_.privacy) return;
    for (const auto& t : p.texts) check_text(t.text, t.field, nullptr, "person.");
}

void EvidenceChecker::other(const std::vector<NamedText>& texts) {
    if (!options_.privacy) return;
    for (const auto& t : texts) check_text(t.text, t.field, nullptr, "");
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
        if (const auto first = first_line_of_id_.insert(e.id, e.location.line)) {
            diags_.error(e.location, "duplicate-id",
                         fmt::format("entry id \"{}\" is already used by the entry at line {}", e.id, *first));
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
    // Scratch lists kept by the checker: cleared, not reallocated, per entry.
    auto& seen = seen_items_;
    auto& tagged = tagged_;
    seen.clear();
    tagged.clear();
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
        if (std::find(seen.begin(), seen.end(), it) != seen.end()) {
            diags_.warning(t.location, "duplicate-competency",
                           fmt::format("{}:{} is tagged twice in this entry", fw->id, it->code));
        } else {
            seen.push_back(it);
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
        check_text(e.title, "title", &e.id, "");
        check_text(e.description, "description", &e.id, "");
        check_text(e.reflection, "reflection", &e.id, "");
        for (const auto& t : e.texts) check_text(t.text, t.field, &e.id, "");
    }
}

namespace {

/// The most lines a finding is searched over (the lines must still be at hand).
constexpr int kSearch = 51;

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Where `needle` starts in `hay`, a white space in the needle matching any run of
/// white space (so a value folded over two lines is found in its raw lines), or npos.
std::size_t find_folded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return std::string_view::npos;
    for (std::size_t start = 0; start < hay.size(); ++start) {
        std::size_t h = start, n = 0;
        while (n < needle.size() && h < hay.size()) {
            if (space(needle[n])) {
                if (!space(hay[h])) break;
                while (n < needle.size() && space(needle[n])) ++n;
                while (h < hay.size() && space(hay[h])) ++h;
            } else if (needle[n] == hay[h]) {
                ++n, ++h;
            } else {
                break;
            }
        }
        if (n == needle.size()) return start;
    }
    return std::string_view::npos;
}

}  // namespace

void EvidenceChecker::check_text(const TextField& t, std::string_view field, const std::string* entry_id,
                                 std::string_view prefix) {
    if (t.value.empty()) return;
    for (const auto& f : privacy::scan(t.value)) {
        const int newlines =
            static_cast<int>(std::count(t.value.begin(), t.value.begin() + static_cast<long>(f.offset), '\n'));
        const int from = t.location.line + newlines;
        const int to = std::clamp(t.last_line, from, from + kSearch);
        pending_.push_back({f.kind, f.text, from, to, fmt::format("{}{}", prefix, field),
                            entry_id ? fmt::format("entry \"{}\"", *entry_id) : "the log", 0, 0});
        ++unplaced_;
    }
}

void EvidenceChecker::place_privacy(const LineLookup& line, int complete_lines, bool at_end) {
    // Each finding: searched in the lines its value spans (from_line to to_line),
    // once they are all read; else (a line no longer at hand, text written with
    // escapes) placed at the start of from_line.
    for (auto& p : pending_) {
        if (p.line) continue;
        if (complete_lines < p.to_line && !at_end) continue;
        std::string text;
        int got = 0;
        for (int l = p.from_line; l <= p.to_line && l <= complete_lines; ++l, ++got) {
            const auto raw = line(l);
            if (!raw) break;
            if (got) text += '\n';
            text += *raw;
        }
        p.line = p.from_line;
        if (const auto pos = find_folded(text, p.needle); pos != std::string::npos) {
            const auto lc = text::line_column_at(text, pos);
            p.line = p.from_line + lc.line - 1;
            p.column = lc.column;
        }
        --unplaced_;
    }
}

void EvidenceChecker::emit_privacy() {
    std::stable_sort(pending_.begin(), pending_.end(),
                     [](const PendingPrivacy& a, const PendingPrivacy& b) { return a.from_line < b.from_line; });
    for (const auto& p : pending_) {
        diags_.warning({file_, p.line ? p.line : p.from_line, p.column}, std::string(privacy::code(p.kind)),
                       fmt::format("{} of {} seems to contain {} ({}); evidence logs must not hold "
                                   "patient-identifiable data",
                                   p.field, p.owner, privacy::describe(p.kind), privacy::mask(p.needle)));
    }
    discard_privacy();
}

void EvidenceChecker::discard_privacy() {
    pending_.clear();
    unplaced_ = 0;
}

void EvidenceChecker::locate_privacy(std::istream& in) {
    if (pending_.empty()) return;
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(std::move(l));
    place_privacy(
        [&lines](int n) -> std::optional<std::string_view> {
            if (n < 1 || static_cast<std::size_t>(n) > lines.size()) return std::nullopt;
            return std::string_view(lines[static_cast<std::size_t>(n) - 1]);
        },
        static_cast<int>(lines.size()), true);
    emit_privacy();
}

}  // namespace leadctl
