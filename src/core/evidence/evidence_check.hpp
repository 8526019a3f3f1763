// Checks of evidence entries that need the frameworks and the date: competencies
// that exist (with suggestions), levels on the tagged framework's scale, dates
// not after the as-of date, sign-off after the entry, unique ids, at most three
// tags, and (unless turned off) patient-identifiable data in free text.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/evidence/evidence.hpp"
#include "core/util/date.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/first_seen.hpp"
#include "core/util/privacy.hpp"

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
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
    /// Strings outside the person and the entries (EvidenceSink::other).
    void other(const std::vector<NamedText>& texts);

    /// Resolve a reference to "prefix:code" (aliases become codes), or "" when unknown.
    [[nodiscard]] std::string canonical(const std::string& ref) const;

    /// Privacy findings are placed exactly (line and column of the identifier in
    /// the raw text, which folded YAML can move a line or two below the value's
    /// start, or split across lines: a space of the value matches any run of
    /// white space, line breaks included). The search never leaves the lines the
    /// value can span, so an identifier is never placed in another entry. `line(n)` gives the raw text of line n while
    /// it is still at hand; call place_privacy() as lines arrive (cheap when nothing is pending), and once more with
    /// `at_end` after the last entry; then emit_privacy() adds the warnings, in line order.
    using LineLookup = std::function<std::optional<std::string_view>(int)>;
    [[nodiscard]] bool has_unplaced_privacy() const { return unplaced_ > 0; }
    void place_privacy(const LineLookup& line, int complete_lines, bool at_end);
    void emit_privacy();
    /// Forget pending findings (the text they were found in is not reported).
    void discard_privacy();
    /// place_privacy + emit_privacy over a whole text read from `in` (for small
    /// texts such as one new entry).
    void locate_privacy(std::istream& in);

private:
    struct PendingPrivacy {
        privacy::Kind kind;
        std::string needle;  ///< the identifier as written in the value
        int from_line = 0;   ///< search from this line
        int to_line = 0;     ///< to this one: the last the value can reach
        std::string field;
        std::string owner;  ///< entry "e1", or the person
        int line = 0;       ///< where it was placed (0: not yet)
        int column = 0;
    };

    /// Scans one value, named `prefix` + `field` in a warning, of the entry with id
    /// `entry_id` (nullptr: of the log: the person, an unknown top-level key).
    void check_text(const TextField& t, std::string_view field, const std::string* entry_id, std::string_view prefix);
    void unknown_competency(const Tag& t, std::string_view why);

    FrameworkLookup lookup_;
    EvidenceCheckOptions options_;
    Diagnostics& diags_;
    FirstSeen first_line_of_id_;  ///< compact: a long log's ids are most of what validate keeps
    std::vector<PendingPrivacy> pending_;
    std::vector<const Item*> seen_items_;   ///< scratch: the items an entry is tagged to
    std::vector<const Framework*> tagged_;  ///< scratch: the frameworks an entry is tagged to
    std::size_t unplaced_ = 0;
    FileName file_;
};

}  // namespace leadctl
