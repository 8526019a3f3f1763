// Checks of evidence entries that need the frameworks and the date: competencies
// that exist (with suggestions), levels on the tagged framework's scale, dates
// not after the as-of date, sign-off after the entry, unique ids, at most three
// tags, and (unless turned off) patient-identifiable data in free text.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/evidence/evidence.hpp"
#include "core/util/date.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/privacy.hpp"

#include <istream>
#include <string>
#include <unordered_map>
#include <vector>

namespace leadctl {

struct EvidenceCheckOptions {
    Date as_of;
    bool privacy = true;
    std::vector<std::string> framework_ids;  ///< for "did you mean" on unknown prefixes
};

/// Most portfolio rules count one entry toward at most this many items.
inline constexpr std::size_t kMaxTagsPerEntry = 3;

class EvidenceChecker {
public:
    EvidenceChecker(FrameworkLookup lookup, EvidenceCheckOptions options, Diagnostics& diags);

    void person(const Person& p);
    void entry(const Entry& e);

    /// Resolve a reference to "prefix:code" (aliases become codes), or "" when unknown.
    [[nodiscard]] std::string canonical(const std::string& ref) const;

    /// Privacy findings are located exactly (line and column of the identifier)
    /// by reading the file once more: call with the file reopened, after the last
    /// entry. Adds the privacy warnings to the diagnostics.
    void locate_privacy(std::istream& again);

private:
    struct PendingPrivacy {
        privacy::Kind kind;
        std::string needle;  ///< the identifier as written in the value
        int from_line = 0;   ///< search from this line
        std::string field;
        std::string entry;
    };

    void check_text(const Entry& e, const TextField& t, std::string_view field);
    void unknown_competency(const Tag& t, std::string_view why);

    FrameworkLookup lookup_;
    EvidenceCheckOptions options_;
    Diagnostics& diags_;
    std::unordered_map<std::string, int> first_line_of_id_;
    std::vector<PendingPrivacy> pending_;
    std::string file_;
};

}  // namespace leadctl
