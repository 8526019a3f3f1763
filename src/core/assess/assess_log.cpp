#include "core/assess/assess_log.hpp"

#include "core/feedback/feedback_summary.hpp"
#include "core/model/stage.hpp"
#include "core/util/privacy.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <memory>

namespace leadctl {

const Profile* choose_profile(const Framework& fw, const std::string& target, const Person* person, std::string& why) {
    std::vector<std::string> ids;
    for (const auto& p : fw.profiles) ids.push_back(p.id);
    if (ids.empty()) {
        why = fmt::format("{} has no profiles to assess against", fw.id);
        return nullptr;
    }
    const std::string stage = person ? person->stage : std::string();
    std::string wanted = target;
    if (wanted.empty() && fw.profile(stage)) wanted = stage;  // a stage that names a profile
    if (wanted.empty() && !stage.empty()) {
        // Else the career stage the words mean, and the profile that serves it.
        if (const CareerStage* cs = career_stage_of(stage)) {
            for (const auto& p : fw.profiles) {
                if (std::find(p.stages.begin(), p.stages.end(), cs->id) != p.stages.end()) return &p;
            }
            why = fmt::format(
                "{} has no profile for the career stage {} (the person's stage \"{}\"){}: say which "
                "to assess against: --target {}",
                fw.id, cs->id, stage,
                std::none_of(fw.profiles.begin(), fw.profiles.end(), [](const Profile& p) { return !p.stages.empty(); })
                    ? std::string("; its profiles are not tied to career stages")
                    : std::string(),
                text::join(ids, "|"));
            return nullptr;
        }
    }
    if (wanted.empty()) {
        std::string about;
        if (!stage.empty()) {
            auto words = career_stage_words();
            words.insert(words.end(), ids.begin(), ids.end());
            const auto close = text::closest_match(stage, words);
            about = fmt::format(" (the person's stage \"{}\" is neither a profile nor a career stage{})", stage,
                                close ? fmt::format("; did you mean \"{}\"?", *close) : std::string());
        }
        why =
            fmt::format("say which profile of {} to assess against: --target {}{}", fw.id, text::join(ids, "|"), about);
        return nullptr;
    }
    const Profile* profile = fw.profile(wanted);
    if (!profile) {
        why = fmt::format("{} has no profile \"{}\"{}; profiles: {}", fw.id, wanted, text::did_you_mean(wanted, ids),
                          text::join(ids, ", "));
        return nullptr;
    }
    if (const CareerStage* cs = career_stage_of(stage);
        cs && std::find(profile->not_for_stages.begin(), profile->not_for_stages.end(), cs->id) !=
                  profile->not_for_stages.end()) {
        why = fmt::format("{} {} is not open to the career stage {} (the person's stage \"{}\")", fw.id, profile->id,
                          cs->id, stage);
        return nullptr;
    }
    return profile;
}

namespace {

/// What an assessment reports of the person passes through the masker.
Person redacted(const Person& p) {
    Person out = p;
    for (std::string* s : {&out.id, &out.name, &out.stage, &out.programme}) *s = privacy::redact(*s);
    out.texts.clear();
    return out;
}

const TargetMap& targets_for(const AssessLogRequest& req, const Profile& profile, std::optional<TargetMap>& own) {
    if (req.targets) {
        for (const auto& t : *req.targets) {
            if (&t.profile() == &profile) return t;
        }
    }
    return own.emplace(*req.framework, profile, req.policy, *req.index, *req.frameworks);
}

/// A round's items that others rated, each counted as one feedback-360 entry dated
/// at its close, at the level the others' mean reaches (the self never counts),
/// signed off when the round was facilitated (leadctl-evidence(5), "feedback").
void count_round(Assessor& assessor, const Round& round, const AssessLogRequest& req) {
    const Framework& fw = *round.framework;
    if (fw.id != req.framework->id && !req.policy.feedback_crosswalks) return;
    FeedbackOptions options;
    options.min_raters = req.policy.min_raters;
    const FeedbackSummary s = summarise(round, options);
    for (const auto& it : s.items) {
        if (it.others.n == 0) continue;
        const Item& item = fw.items[static_cast<std::size_t>(it.item)];
        Entry e;
        e.id = privacy::redact(round.id + ":" + item.code);
        e.date = round.closed;
        e.type = "feedback-360";
        e.competencies.push_back({fw.id + ":" + item.code, {}});
        if (round.scale.levels && !fw.scale.empty()) {
            const int rank =
                std::clamp(static_cast<int>(std::floor(it.others.mean + 1e-9)), 1, static_cast<int>(fw.scale.size()));
            e.level = fw.scale[static_cast<std::size_t>(rank - 1)].id;
        }
        if (!round.facilitated_by.empty()) {
            SignOff so;
            so.by = round.facilitated_by;
            so.date = round.facilitated_on;
            e.signed_off = so;
        }
        assessor.entry(e);
    }
}

}  // namespace

AssessLogResult assess_log(const std::string& path, const AssessLogRequest& req) {
    AssessLogResult out;
    LogReadOptions read;
    read.as_of = req.as_of;
    read.privacy = req.privacy;
    read.cancel = req.cancel;
    std::vector<Entry> waiting;
    std::optional<TargetMap> own_targets;
    std::unique_ptr<Assessor> assessor;
    auto try_start = [&]() -> bool {
        if (assessor) return true;
        std::string why;
        const Profile* profile = choose_profile(*req.framework, req.target, out.person ? &*out.person : nullptr, why);
        if (!profile) {
            out.message = why;
            return false;
        }
        assessor = std::make_unique<Assessor>(targets_for(req, *profile, own_targets), req.as_of,
                                              req.frameworks->lookup, *req.opportunities);
        if (out.person) assessor->person(*out.person);
        for (const auto& e : waiting) assessor->entry(e);
        waiting.clear();
        return true;
    };
    const auto r = read_log_file(
        path, read, *req.frameworks, out.diagnostics, [&](const Person& p) { out.person = redacted(p); },
        [&](const Entry& entry, const EvidenceChecker&) {
            // Of an entry, the report shows its id (type, level and role are from
            // closed sets, the free text is not shown): masked when it needs it.
            std::optional<Entry> masked;
            if (!privacy::scan(entry.id).empty()) {
                masked = entry;
                masked->id = privacy::redact(entry.id);
            }
            const Entry& e = masked ? *masked : entry;
            if (!assessor && (out.person || !req.target.empty())) (void)try_start();
            if (assessor) {
                assessor->entry(e);
            } else {
                waiting.push_back(e);
            }
        });
    out.entries = r.entries;
    std::vector<Round> rounds;
    for (const auto& f : r.feedback) {
        if (auto round = read_listed_round(path, f.path, f.location, req.frameworks->lookup, out.diagnostics)) {
            rounds.push_back(std::move(*round));
        }
    }
    out.diagnostics.sort();
    if (r.cancelled) {
        out.failure = AssessFailure::cancelled;
    } else if (!r.readable) {
        out.failure = AssessFailure::unreadable;
    } else if (out.diagnostics.has_errors()) {
        out.failure = AssessFailure::invalid;
    } else if (!try_start()) {
        out.failure = AssessFailure::no_profile;
    } else {
        for (const auto& round : rounds) count_round(*assessor, round, req);
        out.assessment = assessor->finish();
        if (out.person) out.assessment->person = *out.person;
        // Titles are free text: masked here, once, before any renderer sees them.
        for (auto& item : out.assessment->items) {
            for (auto& ev : item.evidence) {
                if (!ev.title.empty()) ev.title = privacy::redact(ev.title);
            }
        }
        for (const auto& d : out.diagnostics.items()) {
            if (d.code.rfind("privacy-", 0) == 0) out.assessment->privacy.push_back(d);
        }
    }
    return out;
}

}  // namespace leadctl
