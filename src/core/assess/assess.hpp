// Gap reports: one person's evidence against a framework profile, through the
// crosswalks, under a policy (window, reuse cap, thresholds). Rules and defaults
// are documented in leadctl-policy(5); every number here is a Policy setting.
#pragma once

#include "core/crosswalk/crosswalk_index.hpp"
#include "core/crosswalk/map_query.hpp"
#include "core/evidence/evidence.hpp"
#include "core/evidence/evidence_file.hpp"
#include "core/model/model.hpp"
#include "core/model/opportunity.hpp"
#include "core/util/date.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <cassert>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace leadctl {

inline constexpr std::string_view kAssessSchema = "leadctl.assess/2";

struct Policy {
    int window_years = 3;         ///< entries older than this many years before as-of are expired
    int max_items_per_entry = 3;  ///< one entry counts toward at most this many assessed items
    int min_entries = 2;          ///< counted entries an item needs to be met
    int min_types = 2;            ///< distinct entry types an item needs to be met
    bool require_signoff = true;  ///< at least one counted entry must be signed off
    std::set<Relation> count_relations{Relation::exact, Relation::close, Relation::broad};
    /// Relations across which an entry's level is carried to the item reached
    /// (leadctl's rule: a level says how well, and only an exact counterpart is
    /// the same thing done as well); a tag in the assessed framework always carries it.
    std::set<Relation> level_relations{Relation::exact};
    int max_hops = 2;                    ///< crosswalks composed at most
    double max_share = 0.5;              ///< share of evidence in one domain above which it is "clustered"
    int min_pairs_for_distribution = 4;  ///< counted (entry, item) pairs before clustering is judged
    int max_suggestions = 3;             ///< opportunities suggested per unmet item
    int max_steps = 5;                   ///< actions in the plan ("Your next steps")
    int min_direct_entries = 0;          ///< counted entries tagged to the item (or inside it) an item needs to be met
    int min_raters = 3;                  ///< 360 rounds: smallest anonymous group counted (as feedback report)
    bool feedback_crosswalks = false;    ///< 360 rounds: count toward items of other frameworks through crosswalks
};

struct PolicyLoad {
    Policy policy;
    Diagnostics diagnostics;
};
/// Read a policy file: any subset of the Policy settings, by the names above.
PolicyLoad load_policy(std::string_view text, const std::string& file);
/// The same from a mapping already read (a cohort shard's "policy"); `what`
/// names it in a wrong-type error.
PolicyLoad load_policy(const yaml::Node& root, const std::string& file, std::string_view what);

struct CountedEvidence {
    std::string entry;
    Date date;
    std::string type;
    bool signed_off = false;
    int level = -1;     ///< index on the framework's scale, or -1
    std::string via;    ///< "direct", or the crosswalk path
    std::string title;  ///< the entry's title (masked by assess_log before anything shows it)
};

enum class ItemStatus : std::uint8_t { met, partial, gap, not_required };
std::string_view to_string(ItemStatus s);

/// One thing an item not met still needs to be met.
struct Need {
    enum class Kind : std::uint8_t { entries, types, signoff, level, recent, direct };
    Kind kind = Kind::entries;
    int count = 0;                     ///< entries, types, direct: how many more; recent: entries too old to count
    std::vector<std::string> entries;  ///< signoff: counted entries not signed off; recent: the expired ones
    int level = -1;                    ///< level: the target level (index on the scale)
    bool no_level = false;             ///< level: no counted entry carries a level on this scale
};
std::string_view to_string(Need::Kind k);

struct ItemResult {
    int item = -1;
    bool required = false;
    ItemStatus status = ItemStatus::not_required;
    std::vector<CountedEvidence> evidence;
    std::set<std::string> types;
    bool signed_off = false;
    int level_attained = -1;
    int level_target = -1;
    std::vector<std::string> dropped;  ///< entries that reached this item past the reuse cap
    std::vector<std::string> expired;  ///< entries that would reach it, older than the window
    std::vector<Need> needs;           ///< for a required item not met: what it lacks
    bool indirect = false;             ///< it has counted evidence, and all of it came through crosswalks
};

struct DomainResult {
    int item = -1;  ///< a root of the framework
    ItemStatus status = ItemStatus::gap;
    int assessed = 0;
    int met = 0;
    int partial = 0;
};

/// A top-level domain rolled up from its items' statuses (items not required are
/// left out): met when all are met, a gap when none is met or partial.
DomainResult roll_up(const Framework& fw, int root, const std::function<ItemStatus(int item)>& status_of);

struct SuggestedOpportunity {
    const Opportunity* opportunity = nullptr;
    int addresses = 0;  ///< how many of the person's unmet items it develops
};

struct Suggestion {
    int item = -1;
    std::vector<SuggestedOpportunity> opportunities;
};

/// One action of the plan: an opportunity to take, the entries to get signed
/// off, or the level to record; chosen greedily (Assessor::finish).
struct PlanStep {
    enum class Kind : std::uint8_t { opportunity, signoff, level };
    Kind kind = Kind::opportunity;
    const Opportunity* opportunity = nullptr;  ///< kind opportunity
    std::vector<std::string> entries;          ///< kind signoff: the entries to get signed off
    int level = -1;                            ///< kind level: the level to show
    std::vector<int> items;                    ///< the unmet items it helps, framework order
    std::vector<int> closes;                   ///< of those, the ones it would leave met
};
std::string_view to_string(PlanStep::Kind k);

/// A profile's recent_evidence condition, judged on the as-of day.
struct ConditionResult {
    const RecentEvidence* condition = nullptr;
    bool met = false;
    std::string entry;         ///< the latest entry of that type, or ""
    std::optional<Date> date;  ///< its date
    Date since;                ///< the first day that counts
};

struct AssessWarning {
    std::string code;
    std::string message;
};

struct EntryNote {
    std::string entry;
    Date date;
};

struct Assessment {
    Person person;
    const Framework* framework = nullptr;
    const Profile* profile = nullptr;
    Date as_of;
    Policy policy;
    std::vector<ItemResult> items;  ///< every item of the framework, in framework order
    std::vector<DomainResult> domains;
    int assessed = 0, met = 0, partial = 0, gap = 0;
    int met_indirectly = 0;  ///< of `met`, items whose evidence all came through crosswalks
    double coverage = 0;
    std::vector<AssessWarning> warnings;
    std::vector<EntryNote> expired;
    std::vector<EntryNote> future;
    std::vector<Suggestion> suggestions;
    std::vector<PlanStep> plan;               ///< at most policy.max_steps
    std::vector<ConditionResult> conditions;  ///< the profile's recent_evidence, in its order
    std::size_t entries_read = 0;
    /// The log's privacy findings (warnings, their messages masked), for every
    /// format of the report to show, not only standard error.
    std::vector<Diagnostic> privacy;

    /// The result for the framework item at `index` (asserted in range).
    [[nodiscard]] const ItemResult& at(int index) const {
        assert(index >= 0 && static_cast<std::size_t>(index) < items.size());
        return items[static_cast<std::size_t>(index)];
    }
    [[nodiscard]] ItemResult& at(int index) {
        assert(index >= 0 && static_cast<std::size_t>(index) < items.size());
        return items[static_cast<std::size_t>(index)];
    }
};

/// What each item reference counts toward under one profile and policy: the
/// required items it falls within, directly or through the crosswalks. Worked
/// out once, for every item of every framework known, and only read afterwards,
/// so one map serves every log of a cohort, from any number of threads.
class TargetMap {
public:
    /// An assessed item, and how the reference reaches it ("direct", or the crosswalk path).
    struct Target {
        int item = -1;
        std::string via;
        bool carries_level = true;  ///< the entry's level counts here (Policy::level_relations)
    };
    struct Reach {
        std::vector<Target> targets;
        bool parent_only = false;  ///< reaches none, but is a parent of an assessed item
    };

    /// `fw` and `profile`, `index` and what `frameworks` names must outlive the map.
    TargetMap(const Framework& fw, const Profile& profile, Policy policy, const CrosswalkIndex& index,
              const FrameworkSource& frameworks);

    [[nodiscard]] const Framework& framework() const { return fw_; }
    [[nodiscard]] const Profile& profile() const { return profile_; }
    [[nodiscard]] const Policy& policy() const { return policy_; }
    /// Item indices the profile requires, in its order.
    [[nodiscard]] const std::vector<int>& assessed() const { return assessed_; }
    /// What a canonical reference ("mlcf:2.4") reaches; nothing for any other string.
    [[nodiscard]] const Reach& reach(const std::string& canonical_ref) const;

private:
    /// `none`: the items without a counterpart between `from` and the assessed framework.
    Reach work_out(const Framework& from, int item, const CrosswalkIndex& index, const NoCounterpart& none) const;

    const Framework& fw_;
    const Profile& profile_;
    Policy policy_;
    std::vector<int> assessed_;
    std::unordered_map<std::string, Reach> reach_;  ///< references that reach something (or are parents)
};

/// Builds an Assessment from entries fed one at a time.
class Assessor {
public:
    /// `targets` and `opportunities` must outlive the assessor; `lookup` canonicalises tags.
    Assessor(const TargetMap& targets, Date as_of, FrameworkLookup lookup,
             const std::vector<Opportunity>& opportunities);

    void person(const Person& p) { result_.person = p; }
    void entry(const Entry& e);
    /// Status, roll-up, distribution and suggestions; call once after the last entry.
    Assessment finish();

private:
    std::string canonical(const std::string& ref) const;
    bool reaches(const std::string& ref, int assessed_item) const;
    /// "Your next steps": at most policy.max_steps actions, each chosen for the
    /// most unmet items it would close, then the most it would help; `develops`
    /// lists, per opportunity that suits the person, the unmet items it reaches.
    void plan(Assessment& a, const std::vector<std::vector<int>>& develops) const;

    const TargetMap& targets_;
    const Framework& fw_;
    FrameworkLookup lookup_;
    const std::vector<Opportunity>& opportunities_;
    Assessment result_;
    std::map<std::string, std::pair<Date, std::string>, std::less<>> latest_of_type_;  ///< any entry, up to as-of
};

}  // namespace leadctl
