#include "cli/assessment_options.hpp"

#include "cli/evidence_common.hpp"
#include "core/assess/assess_log.hpp"

namespace leadctl::cli {

void add_assessment_options(CLI::App& cmd, AssessmentOptions& o, const std::string& target_help,
                            bool framework_required) {
    cmd.add_option("--framework", o.framework, "Framework to assess against (mlcf, hlm, fmlm, ...)")
        ->required(framework_required)
        ->type_name("ID");
    cmd.add_option("--target", o.target, target_help)->type_name("PROFILE");
    cmd.add_option("--as-of", o.as_of, "Day of the report (default: today)")->type_name("YYYY-MM-DD");
    cmd.add_option("--policy", o.policy, "Policy file overriding the rules' defaults (leadctl-policy(5))")
        ->type_name("FILE");
}

std::optional<AssessmentSettings> resolve_assessment_options(const AssessmentOptions& o, Context& ctx) {
    AssessmentSettings s;
    s.framework = ctx.framework(o.framework);
    if (!o.target.empty() && !s.framework->profile(o.target)) {
        std::string why;
        (void)choose_profile(*s.framework, o.target, nullptr, why);
        throw UsageError(why);
    }
    s.target = o.target;
    if (!load_policy_option(ctx, o.policy, s.policy)) return std::nullopt;
    s.as_of = as_of_date(o.as_of);
    return s;
}

}  // namespace leadctl::cli
