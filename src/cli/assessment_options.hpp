// The options `assess` and `report` share (--framework, --target, --as-of,
// --policy): added to a command the same way and checked the same way.
#pragma once

#include "cli/context.hpp"
#include "core/assess/assess.hpp"
#include "core/util/date.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

namespace leadctl::cli {

struct AssessmentOptions {
    /// --framework: the framework to assess against
    std::string framework;
    /// --target: a profile of the framework (default: the person's stage)
    std::string target;
    /// --as-of: the day of the report (default today)
    std::string as_of;
    /// --policy: a policy file overriding the defaults
    std::string policy;
};

/// Add the four options to `cmd`, in the order above; `target_help` says what
/// --target means for this command.
/// --framework is required unless `framework_required` is false (the command then checks it).
void add_assessment_options(CLI::App& cmd, AssessmentOptions& o, const std::string& target_help,
                            bool framework_required = true);

struct AssessmentSettings {
    std::shared_ptr<const Framework> framework;
    std::string target;  ///< a profile of `framework`, or ""
    Date as_of;
    Policy policy;
};

/// The options checked and loaded, in order: an unknown framework or profile, an
/// unreadable policy file or a bad date is a UsageError; a policy file with
/// errors has them printed and gives nullopt.
std::optional<AssessmentSettings> resolve_assessment_options(const AssessmentOptions& o, Context& ctx);

}  // namespace leadctl::cli
