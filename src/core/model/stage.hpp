// Career stages: the small set of stages a profile can say it serves, and the
// words people write for them in an evidence log's `stage` ("F2", "ST5", "CT1",
// "medical student", "consultant"...). UK medical career grades; the words are
// the usual names and abbreviations of those grades (leadctl-evidence(5) lists
// them), the grouping into six stages is leadctl's own.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

struct CareerStage {
    std::string_view id;    ///< "foundation": what a profile's `stages` lists
    std::string_view name;  ///< "Foundation training (F1, F2)": for people
};

/// The six stages, in career order.
std::span<const CareerStage> career_stages();

/// The stage with this id, or nullptr.
const CareerStage* career_stage(std::string_view id);

/// The stage that `words` (a person's `stage`) name, or nullptr. Case, spaces,
/// dots, '-' and '_' do not matter: "FY2", "f2", "F 2" and "foundation year 2"
/// are all foundation; a stage id is its own word.
const CareerStage* career_stage_of(std::string_view words);

/// The six stage ids, in career order.
std::vector<std::string> career_stage_ids();

/// For text that is not a stage id: " (did you mean \"foundation\"?)" when it is
/// a stage word (or close to an id), else "".
std::string stage_id_hint(std::string_view written);

/// Every word career_stage_of knows (as written in leadctl-evidence(5)), for
/// did-you-mean suggestions.
std::vector<std::string> career_stage_words();

}  // namespace leadctl
