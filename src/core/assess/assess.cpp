#include "core/assess/assess.hpp"

#include "core/model/stage.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <map>

namespace leadctl {

DomainResult roll_up(const Framework& fw, int root, const std::function<ItemStatus(int item)>& status_of) {
    DomainResult d;
    d.item = root;
    for (std::size_t y = 0; y < fw.items.size(); ++y) {
        const int i = static_cast<int>(y);
        const auto s = status_of(i);
        if (s == ItemStatus::not_required || !fw.within(i, root)) continue;
        ++d.assessed;
        d.met += s == ItemStatus::met;
        d.partial += s == ItemStatus::partial;
    }
    d.status = d.met == d.assessed              ? ItemStatus::met
               : (d.met == 0 && d.partial == 0) ? ItemStatus::gap
                                                : ItemStatus::partial;
    return d;
}

std::string_view to_string(Need::Kind k) {
    switch (k) {
        case Need::Kind::entries:
            return "entries";
        case Need::Kind::types:
            return "types";
        case Need::Kind::signoff:
            return "signoff";
        case Need::Kind::level:
            return "level";
        case Need::Kind::recent:
            return "recent";
        case Need::Kind::direct:
            return "direct";
    }
    return "";
}

std::string_view to_string(PlanStep::Kind k) {
    switch (k) {
        case PlanStep::Kind::opportunity:
            return "opportunity";
        case PlanStep::Kind::signoff:
            return "signoff";
        case PlanStep::Kind::level:
            return "level";
    }
    return "";
}

std::string_view to_string(ItemStatus s) {
    switch (s) {
        case ItemStatus::met:
            return "met";
        case ItemStatus::partial:
            return "partial";
        case ItemStatus::gap:
            return "gap";
        case ItemStatus::not_required:
            return "not-required";
    }
    return "";
}

// ------------------------------------------------------------------ policy

namespace {

constexpr std::string_view kPolicyKeys[] = {"window_years",       "max_items_per_entry", "min_entries",
                                            "min_types",          "require_signoff",     "count_relations",
                                            "max_hops",           "max_share",           "min_pairs_for_distribution",
                                            "max_suggestions",    "level_relations",     "max_steps",
                                            "min_direct_entries", "min_raters",          "feedback_crosswalks"};

void read_int(yaml::Fields& f, std::string_view key, int& out, int min, int max, Diagnostics& d) {
    if (auto v = f.integer(key)) {
        if (*v < min || *v > max) {
            d.error(f.at(*f.get(key)), "invalid-value", fmt::format("{} must be from {} to {}", key, min, max));
        } else {
            out = static_cast<int>(*v);
        }
    }
}

}  // namespace

PolicyLoad load_policy(std::string_view text, const std::string& file) {
    PolicyLoad out;
    auto& d = out.diagnostics;
    auto doc = yaml::parse(text, file);
    const bool empty = doc.diagnostics.items().size() == 1 && doc.diagnostics.items()[0].code == "empty-file";
    if (empty) return out;  // an empty policy keeps every default
    d.append(doc.diagnostics);
    if (!doc.root) return out;
    auto settings = load_policy(*doc.root, file, "a policy file");
    d.append(settings.diagnostics);
    out.policy = settings.policy;
    d.sort();
    return out;
}

PolicyLoad load_policy(const yaml::Node& root, const std::string& file, std::string_view what) {
    PolicyLoad out;
    auto& d = out.diagnostics;
    if (!yaml::expect_map(root, file, d, what)) return out;
    yaml::Fields f(root, file, d, kPolicyKeys, "the policy");
    Policy& p = out.policy;
    read_int(f, "window_years", p.window_years, 1, 50, d);
    read_int(f, "max_items_per_entry", p.max_items_per_entry, 1, 100, d);
    read_int(f, "min_entries", p.min_entries, 1, 1000, d);
    read_int(f, "min_types", p.min_types, 1, 12, d);
    read_int(f, "max_hops", p.max_hops, 1, 5, d);
    read_int(f, "min_pairs_for_distribution", p.min_pairs_for_distribution, 1, 100000, d);
    read_int(f, "max_suggestions", p.max_suggestions, 0, 20, d);
    read_int(f, "max_steps", p.max_steps, 0, 20, d);
    read_int(f, "min_direct_entries", p.min_direct_entries, 0, 100, d);
    read_int(f, "min_raters", p.min_raters, 1, 100, d);
    for (auto [key, flag] : {std::pair{std::string_view("require_signoff"), &p.require_signoff},
                             std::pair{std::string_view("feedback_crosswalks"), &p.feedback_crosswalks}}) {
        const auto v = f.text(key);
        if (v.empty()) continue;
        if (text::to_lower(v) == "true" || text::to_lower(v) == "false") {
            *flag = text::to_lower(v) == "true";
        } else {
            d.error(f.at(*f.get(key)), "invalid-value", fmt::format("{} must be true or false", key));
        }
    }
    if (const auto v = f.text("max_share"); !v.empty()) {
        double x = -1;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (ec != std::errc{} || ptr != v.data() + v.size() || !(x > 0 && x <= 1)) {
            d.error(f.at(*f.get("max_share")), "invalid-value", "max_share must be a fraction above 0, at most 1");
        } else {
            p.max_share = x;
        }
    }
    for (auto [key, set] : {std::pair{std::string_view("count_relations"), &p.count_relations},
                            std::pair{std::string_view("level_relations"), &p.level_relations}}) {
        if (!f.get(key)) continue;
        set->clear();
        for (const auto& r : f.texts(key)) {
            if (auto rel = parse_relation(r)) {
                set->insert(*rel);
            } else {
                d.error(f.at(*f.get(key)), "invalid-value",
                        fmt::format("{}: \"{}\" is not one of exact, close, broad, narrow, related", key, r));
            }
        }
    }
    d.sort();
    return out;
}

// ------------------------------------------------------------------ assessment

TargetMap::TargetMap(const Framework& fw, const Profile& profile, Policy policy, const CrosswalkIndex& index,
                     const FrameworkSource& frameworks)
    : fw_(fw), profile_(profile), policy_(std::move(policy)) {
    for (const auto& code : profile.required) {
        if (const int i = fw.find(code); i >= 0) assessed_.push_back(i);
    }
    auto add_items_of = [&](const Framework& f) {
        const NoCounterpart none =
            f.id == fw.id ? NoCounterpart{} : no_counterpart(index, f, fw);  // once per framework
        for (std::size_t i = 0; i < f.items.size(); ++i) {
            Reach r = work_out(f, static_cast<int>(i), index, none);
            if (!r.targets.empty() || r.parent_only) reach_.emplace(f.id + ":" + f.items[i].code, std::move(r));
        }
    };
    add_items_of(fw);
    for (const auto& id : frameworks.ids) {
        const Framework* f = id == fw.id ? nullptr : frameworks.lookup(id);
        if (f) add_items_of(*f);
    }
}

const TargetMap::Reach& TargetMap::reach(const std::string& canonical_ref) const {
    static const Reach nothing;
    const auto it = reach_.find(canonical_ref);
    return it == reach_.end() ? nothing : it->second;
}

TargetMap::Reach TargetMap::work_out(const Framework& from, int x, const CrosswalkIndex& index,
                                     const NoCounterpart& none) const {
    Reach out;
    if (&from == &fw_ || from.id == fw_.id) {
        bool ancestor = false;
        for (int y : assessed_) {
            if (fw_.within(x, y))
                out.targets.push_back({y, "direct", true});
            else if (fw_.within(y, x))
                ancestor = true;
        }
        out.parent_only = out.targets.empty() && ancestor;
        return out;
    }
    // No composed mapping leaves or reaches an item without a counterpart (`map`
    // hides the same ones).
    const bool from_unmapped = NoCounterpart::covers(from, none.in_a, x);
    const std::string ref = from.id + ":" + from.at(x).code;
    for (const auto& r : index.resolve(ref, fw_.id, policy_.max_hops)) {
        if (!policy_.count_relations.count(r.relation)) continue;
        const int t = fw_.find(r.to.substr(r.to.find(':') + 1));
        if (t < 0) continue;
        if (!r.direct() && (from_unmapped || NoCounterpart::covers(fw_, none.in_b, t))) {
            continue;
        }
        for (int y : assessed_) {
            if (!fw_.within(t, y)) continue;
            std::string via = fmt::format("{} {} {}", ref, info(r.relation).symbol, r.to);
            if (!r.direct()) via += " via " + text::join(r.via, ", ");
            out.targets.push_back({y, via, policy_.level_relations.count(r.relation) > 0});
        }
    }
    return out;
}

Assessor::Assessor(const TargetMap& targets, Date as_of, FrameworkLookup lookup,
                   const std::vector<Opportunity>& opportunities)
    : targets_(targets), fw_(targets.framework()), lookup_(std::move(lookup)), opportunities_(opportunities) {
    result_.framework = &fw_;
    result_.profile = &targets.profile();
    result_.as_of = as_of;
    result_.policy = targets.policy();
    result_.items.resize(fw_.items.size());
    const Profile& profile = targets.profile();
    const int target = profile.level.empty() ? -1 : fw_.level_index(profile.level);
    for (std::size_t i = 0; i < fw_.items.size(); ++i) result_.items[i].item = static_cast<int>(i);
    for (int i : targets.assessed()) {
        auto& r = result_.at(i);
        r.required = true;
        r.level_target = target;
    }
}

std::string Assessor::canonical(const std::string& ref) const {
    const auto r = parse_reference(text::trim(ref));
    if (!r) return {};
    const Framework* f = lookup_(r->prefix);
    const Item* it = f ? f->item(r->code) : nullptr;
    return it ? f->id + ":" + it->code : std::string();
}

void Assessor::entry(const Entry& e) {
    ++result_.entries_read;
    if (!e.date) return;  // reported by validation
    const Policy& p = result_.policy;
    if (*e.date > result_.as_of) {
        result_.future.push_back({e.id, *e.date});
        result_.warnings.push_back(
            {"future-entry", fmt::format("entry {} ({}) is after the as-of date {} and is ignored", e.id, e.date->str(),
                                         result_.as_of.str())});
        return;
    }
    if (!e.type.empty()) {
        auto [it, inserted] = latest_of_type_.try_emplace(e.type, *e.date, e.id);
        if (!inserted && it->second.first < *e.date) it->second = {*e.date, e.id};
    }
    const bool expired = *e.date < result_.as_of.minus_years(p.window_years);
    if (expired) result_.expired.push_back({e.id, *e.date});
    // Every assessed item this entry reaches, in the order of its tags, each once.
    std::vector<const TargetMap::Target*> targets;
    for (const auto& tag : e.competencies) {
        const std::string ref = canonical(tag.ref);
        if (ref.empty()) continue;
        const auto& reach = targets_.reach(ref);
        for (const auto& t : reach.targets) {
            const auto seen = std::find_if(targets.begin(), targets.end(),
                                           [&](const TargetMap::Target* x) { return x->item == t.item; });
            if (seen == targets.end()) {
                targets.push_back(&t);
            } else if (t.carries_level && !(*seen)->carries_level) {
                *seen = &t;  // the same item reached again, and this way its level counts
            }
        }
        if (reach.parent_only && !expired) {
            result_.warnings.push_back(
                {"parent-tag", fmt::format("entry {} is tagged {}, a parent item: tag its elements, since a parent "
                                           "tag counts toward none of them",
                                           e.id, ref)});
        }
    }
    if (expired) {
        // Too old to count: noted on the items it would reach ("recent" needs).
        for (const auto* t : targets) result_.at(t->item).expired.push_back(e.id);
        return;
    }
    // A level counts when the entry is tagged to a framework whose scale has it
    // (a level on an MLCF-only entry says nothing about the HLM's scale).
    int level = -1;
    if (!e.level.empty() && fw_.level_index(e.level) >= 0) {
        for (const auto& tag : e.competencies) {
            const auto r = parse_reference(text::trim(tag.ref));
            const Framework* f = r ? lookup_(r->prefix) : nullptr;
            if (f && f->level_index(e.level) >= 0) {
                level = fw_.level_index(e.level);
                break;
            }
        }
    }
    for (std::size_t k = 0; k < targets.size(); ++k) {
        auto& r = result_.at(targets[k]->item);
        if (static_cast<int>(k) >= p.max_items_per_entry) {
            r.dropped.push_back(e.id);
            continue;
        }
        r.evidence.push_back({e.id, *e.date, e.type, e.signed_off && !e.signed_off->by.empty(),
                              targets[k]->carries_level ? level : -1, targets[k]->via, e.title.value});
    }
}

bool Assessor::reaches(const std::string& ref, int y) const {
    const std::string c = canonical(ref);
    if (c.empty()) return false;
    const auto& t = targets_.reach(c).targets;
    return std::any_of(t.begin(), t.end(), [y](const TargetMap::Target& x) { return x.item == y; });
}

namespace {

/// What a required item not met still lacks, in the order the rules test it.
/// `direct`: the counted entries tagged to the item itself.
void needs_of(ItemResult& r, const Policy& p, int direct) {
    const int have = static_cast<int>(r.evidence.size());
    const int types = static_cast<int>(r.types.size());
    if (have < p.min_entries) r.needs.push_back({Need::Kind::entries, p.min_entries - have, {}, -1, false});
    if (types < p.min_types) r.needs.push_back({Need::Kind::types, p.min_types - types, {}, -1, false});
    if (p.require_signoff && !r.signed_off && have > 0) {
        Need n{Need::Kind::signoff, 0, {}, -1, false};
        for (const auto& ev : r.evidence) {
            if (!ev.signed_off && std::find(n.entries.begin(), n.entries.end(), ev.entry) == n.entries.end())
                n.entries.push_back(ev.entry);
        }
        n.count = static_cast<int>(n.entries.size());
        r.needs.push_back(std::move(n));
    }
    if (r.level_target >= 0 && r.level_attained < r.level_target) {
        const bool none =
            std::none_of(r.evidence.begin(), r.evidence.end(), [](const CountedEvidence& ev) { return ev.level >= 0; });
        r.needs.push_back({Need::Kind::level, 0, {}, r.level_target, none});
    }
    if (direct < p.min_direct_entries) {
        r.needs.push_back({Need::Kind::direct, p.min_direct_entries - direct, {}, -1, false});
    }
    if (!r.expired.empty()) {
        r.needs.push_back({Need::Kind::recent, static_cast<int>(r.expired.size()), r.expired, -1, false});
    }
}

/// What is left of an item's needs while the plan is made.
struct Open {
    int item = -1;
    int entries = 0, types = 0, direct = 0;
    std::set<std::string> have_types;
    bool signoff = false;
    std::vector<std::string> unsigned_entries;
    bool level = false;
    [[nodiscard]] bool closed() const { return entries == 0 && types == 0 && direct == 0 && !signoff && !level; }
    /// The same needs left (what a step changes; the types held aside).
    [[nodiscard]] bool same_needs(const Open& o) const {
        return entries == o.entries && types == o.types && direct == o.direct && signoff == o.signoff &&
               level == o.level;
    }
};

}  // namespace

void Assessor::plan(Assessment& a, const std::vector<std::vector<int>>& develops) const {
    const Policy& p = a.policy;
    std::vector<Open> open;
    for (int y : targets_.assessed()) {
        const auto& r = a.at(y);
        if (r.status == ItemStatus::met) continue;
        Open o;
        o.item = y;
        o.have_types = r.types;
        for (const auto& n : r.needs) {
            if (n.kind == Need::Kind::entries) o.entries = n.count;
            if (n.kind == Need::Kind::types) o.types = n.count;
            if (n.kind == Need::Kind::direct) o.direct = n.count;
            if (n.kind == Need::Kind::signoff) {
                o.signoff = true;
                o.unsigned_entries = n.entries;
            }
            if (n.kind == Need::Kind::level) o.level = true;
        }
        // A gap's new entries must be signed off too; the opportunity that brings
        // them says so, and no separate step is needed.
        open.push_back(std::move(o));
    }
    std::vector<bool> used(opportunities_.size(), false);
    bool signoff_used = false, level_used = false;
    while (static_cast<int>(a.plan.size()) < p.max_steps) {
        // Each candidate: what it would do to a copy of the open items.
        // Scored per unit of effort: a new activity is 1, getting existing entries
        // signed off 0.5 (leadctl's weighting: a signature is quicker to get than
        // an activity is to do, so an item short only of one is closed that way).
        PlanStep best;
        std::vector<Open> best_after;
        double best_closes = 0, best_helps = 0;
        std::size_t best_opportunity = opportunities_.size();
        auto consider = [&](PlanStep step, std::vector<Open> after, std::size_t which) {
            const double effort = step.kind == PlanStep::Kind::signoff ? 0.5 : 1.0;
            int closes = 0, helps = 0;
            for (std::size_t k = 0; k < open.size(); ++k) {
                if (after[k].same_needs(open[k])) continue;
                ++helps;
                step.items.push_back(open[k].item);
                if (after[k].closed() && !open[k].closed()) {
                    ++closes;
                    step.closes.push_back(open[k].item);
                }
            }
            if (helps == 0) return;
            const double c = closes / effort, h = helps / effort;
            if (c > best_closes || (c == best_closes && h > best_helps)) {
                best_closes = c;
                best_helps = h;
                best = std::move(step);
                best_after = std::move(after);
                best_opportunity = which;
            }
        };
        // Getting counted entries signed off.
        if (!signoff_used) {
            PlanStep step;
            step.kind = PlanStep::Kind::signoff;
            auto after = open;
            for (auto& o : after) {
                if (!o.signoff || o.unsigned_entries.empty()) continue;
                o.signoff = false;
                for (const auto& e : o.unsigned_entries) {
                    if (std::find(step.entries.begin(), step.entries.end(), e) == step.entries.end())
                        step.entries.push_back(e);
                }
            }
            consider(std::move(step), std::move(after), opportunities_.size());
        }
        // Showing the level the profile asks for.
        if (!level_used) {
            PlanStep step;
            step.kind = PlanStep::Kind::level;
            auto after = open;
            for (auto& o : after) {
                if (!o.level) continue;
                o.level = false;
                step.level = a.at(o.item).level_target;
            }
            consider(std::move(step), std::move(after), opportunities_.size());
        }
        // Each opportunity not yet in the plan: one new entry of its type, signed
        // off, counted toward at most max_items_per_entry of the items it develops
        // (those it would close first).
        for (std::size_t q = 0; q < opportunities_.size(); ++q) {
            if (used[q] || develops[q].empty()) continue;
            const Opportunity& op = opportunities_[q];
            auto after = open;
            std::vector<std::size_t> reach;
            for (std::size_t k = 0; k < after.size(); ++k) {
                if (std::find(develops[q].begin(), develops[q].end(), after[k].item) != develops[q].end())
                    reach.push_back(k);
            }
            // A direct need is left as it is: the opportunity may reach the item only
            // through a crosswalk, so no step claims to meet an item short of one.
            auto apply = [&](Open& o) {
                if (o.entries > 0) --o.entries;
                if (o.types > 0 && !op.type.empty() && !o.have_types.count(op.type)) {
                    --o.types;
                    o.have_types.insert(op.type);
                }
                o.signoff = false;
            };
            // Closing ones first, then any it helps, in framework order: each item's
            // outcome worked out once, then applied to at most max_items_per_entry.
            std::vector<Open> applied;
            applied.reserve(reach.size());
            for (std::size_t k : reach) {
                applied.push_back(after[k]);
                apply(applied.back());
            }
            std::vector<std::size_t> order(reach.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return applied[i].closed(); });
            int counted = 0;
            for (std::size_t i : order) {
                if (counted >= p.max_items_per_entry) break;
                if (applied[i].same_needs(after[reach[i]])) continue;
                after[reach[i]] = std::move(applied[i]);
                ++counted;
            }
            PlanStep step;
            step.kind = PlanStep::Kind::opportunity;
            step.opportunity = &op;
            consider(std::move(step), std::move(after), q);
        }
        if (best_helps <= 0) break;
        std::sort(best.entries.begin(), best.entries.end());
        if (best.kind == PlanStep::Kind::signoff) signoff_used = true;
        if (best.kind == PlanStep::Kind::level) level_used = true;
        if (best_opportunity < opportunities_.size()) used[best_opportunity] = true;
        open = std::move(best_after);
        a.plan.push_back(std::move(best));
    }
}

Assessment Assessor::finish() {
    Assessment& a = result_;
    const Policy& p = a.policy;
    std::map<int, int> pairs_per_root;
    int pairs = 0;
    for (int y : targets_.assessed()) {
        auto& r = a.at(y);
        for (const auto& ev : r.evidence) {
            if (!ev.type.empty()) r.types.insert(ev.type);
            r.signed_off = r.signed_off || ev.signed_off;
        }
        // Highest level L that at least min_entries counted entries reach.
        for (int L = static_cast<int>(a.framework->scale.size()) - 1; L >= 0 && r.level_attained < 0; --L) {
            const auto n = std::count_if(r.evidence.begin(), r.evidence.end(),
                                         [&](const CountedEvidence& ev) { return ev.level >= L; });
            if (n >= p.min_entries) r.level_attained = L;
        }
        const auto direct = static_cast<int>(std::count_if(
            r.evidence.begin(), r.evidence.end(), [](const CountedEvidence& ev) { return ev.via == "direct"; }));
        r.indirect = !r.evidence.empty() && direct == 0;
        const bool enough = direct >= p.min_direct_entries && static_cast<int>(r.evidence.size()) >= p.min_entries &&
                            static_cast<int>(r.types.size()) >= p.min_types && (!p.require_signoff || r.signed_off) &&
                            (r.level_target < 0 || r.level_attained >= r.level_target);
        r.status = enough ? ItemStatus::met : r.evidence.empty() ? ItemStatus::gap : ItemStatus::partial;
        if (r.status != ItemStatus::met) needs_of(r, p, direct);
        ++a.assessed;
        if (r.status == ItemStatus::met) ++a.met;
        if (r.status == ItemStatus::met && r.indirect) ++a.met_indirectly;
        if (r.status == ItemStatus::partial) ++a.partial;
        if (r.status == ItemStatus::gap) ++a.gap;
        int root = y;
        while (a.framework->at(root).parent >= 0) {
            root = a.framework->at(root).parent;
        }
        pairs_per_root[root] += static_cast<int>(r.evidence.size());
        pairs += static_cast<int>(r.evidence.size());
    }
    a.coverage = a.assessed ? static_cast<double>(a.met) / a.assessed : 0;
    for (const auto& c : a.profile->recent_evidence) {
        ConditionResult cr;
        cr.condition = &c;
        cr.since = a.as_of.minus_months(c.within_months);
        if (const auto it = latest_of_type_.find(c.type); it != latest_of_type_.end()) {
            cr.date = it->second.first;
            cr.entry = it->second.second;
            cr.met = !(*cr.date < cr.since);
        }
        a.conditions.push_back(std::move(cr));
    }
    // Roll-up per top-level domain.
    for (int root : a.framework->roots) {
        const DomainResult d = roll_up(*a.framework, root, [&a](int y) { return a.at(y).status; });
        if (d.assessed > 0) a.domains.push_back(d);
    }
    // Clustering: too much of the evidence in one domain.
    if (pairs >= p.min_pairs_for_distribution) {
        for (const auto& [root, n] : pairs_per_root) {
            const double share = static_cast<double>(n) / pairs;
            if (share > p.max_share) {
                const auto& it = a.framework->at(root);
                a.warnings.push_back(
                    {"clustered", fmt::format("{} of {} counted pieces of evidence ({:.0f}%) are in "
                                              "{}:{} {}; review panels look for a spread",
                                              n, pairs, share * 100, a.framework->id, it.code, it.name)});
            }
        }
    }
    // What to do next: for each unmet item, the opportunities that develop it,
    // ranked by how many of the person's unmet items each addresses.
    std::vector<int> unmet;
    for (int y : targets_.assessed()) {
        if (a.at(y).status != ItemStatus::met) unmet.push_back(y);
    }
    // Only what suits the person's career stage: the one their stage words name,
    // else those the profile serves; neither known (HLM with --target): any.
    std::vector<std::string_view> stages;
    if (const CareerStage* cs = career_stage_of(a.person.stage)) {
        stages.push_back(cs->id);
    } else {
        for (const auto& st : targets_.profile().stages) stages.emplace_back(st);
    }
    const auto suits = [&](const Opportunity& op) {
        if (stages.empty() || op.stages.empty()) return true;
        return std::any_of(op.stages.begin(), op.stages.end(), [&](const std::string& st) {
            return std::find(stages.begin(), stages.end(), st) != stages.end();
        });
    };
    std::vector<std::vector<int>> develops(opportunities_.size());
    for (std::size_t o = 0; o < opportunities_.size(); ++o) {
        if (!suits(opportunities_[o])) continue;
        for (int y : unmet) {
            for (const auto& ref : opportunities_[o].develops) {
                if (reaches(ref, y)) {
                    develops[o].push_back(y);
                    break;
                }
            }
        }
    }
    for (int y : unmet) {
        Suggestion s;
        s.item = y;
        for (std::size_t o = 0; o < opportunities_.size(); ++o) {
            if (std::find(develops[o].begin(), develops[o].end(), y) == develops[o].end()) continue;
            s.opportunities.push_back({&opportunities_[o], static_cast<int>(develops[o].size())});
        }
        std::stable_sort(
            s.opportunities.begin(), s.opportunities.end(),
            [](const SuggestedOpportunity& x, const SuggestedOpportunity& z) { return x.addresses > z.addresses; });
        if (static_cast<int>(s.opportunities.size()) > p.max_suggestions)
            s.opportunities.resize(static_cast<std::size_t>(p.max_suggestions));
        a.suggestions.push_back(std::move(s));
    }
    plan(a, develops);
    return std::move(result_);
}

}  // namespace leadctl
