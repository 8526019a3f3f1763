// One person's log, read, checked and assessed in one streaming pass: what
// `leadctl assess` does for one file and `leadctl report` for each file of a
// cohort (on several threads at once: everything here is read-only but the
// result).
#pragma once

#include "core/assess/assess.hpp"
#include "core/evidence/evidence_file.hpp"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace leadctl {

struct AssessLogRequest {
    const Framework* framework = nullptr;
    std::string target;  ///< a profile id, or "" for the person's stage
    Date as_of;
    Policy policy;
    const CrosswalkIndex* index = nullptr;
    const FrameworkSource* frameworks = nullptr;
    const std::vector<Opportunity>* opportunities = nullptr;
    /// Target maps made beforehand for profiles of `framework` under `policy` (a
    /// cohort makes them once for all its logs); assess_log makes the one it
    /// needs when this is null or lacks the profile chosen.
    const std::vector<TargetMap>* targets = nullptr;
    bool privacy = true;
    const std::atomic<bool>* cancel = nullptr;
};

enum class AssessFailure {
    none,
    unreadable,  ///< the file could not be opened
    invalid,     ///< the log has errors (in `diagnostics`)
    no_profile,  ///< no --target and no usable stage (`message` says why)
    cancelled,
};

struct AssessLogResult {
    AssessFailure failure = AssessFailure::none;
    std::string message;  ///< for no_profile
    Diagnostics diagnostics;
    std::optional<Person> person;
    std::optional<Assessment> assessment;  ///< set when failure is none
    std::size_t entries = 0;
};

/// The profile of `fw` to assess against: `target`, else the person's stage.
/// nullptr with `why` set when it cannot be told.
const Profile* choose_profile(const Framework& fw, const std::string& target, const Person* person, std::string& why);

/// Read, check and assess one log. The assessor needs the profile, which may
/// come from the person's stage, so entries are kept only until the person is
/// known (YAML logs give it first; CSV and JSON Lines on the first line).
AssessLogResult assess_log(const std::string& path, const AssessLogRequest& request);

}  // namespace leadctl
