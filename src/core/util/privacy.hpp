// Checks text for patient-identifiable data that must not be in an evidence log:
// NHS numbers (with a valid Modulus 11 check digit; not ten identical digits, not
// an ISBN-10 after "ISBN"), date-of-birth phrases, hospital or medical record
// numbers, and full UK postcodes; and masks what it finds (redact, the one masker).
// The rules and their sources: PRIVACY in leadctl-evidence(5). Recall and precision
// on a corpus of examples: tests/unit/core/util/privacy_corpus.tsv.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl::privacy {

enum class Kind { nhs_number, date_of_birth, record_number, postcode };

struct KindInfo {
    Kind kind;
    std::string_view code;         ///< stable diagnostic code
    std::string_view description;  ///< for messages
};

/// One row per kind, in the order of the enum.
inline constexpr std::array<KindInfo, 4> kKinds{{
    {Kind::nhs_number, "privacy-nhs-number", "an NHS number"},
    {Kind::date_of_birth, "privacy-date-of-birth", "a date of birth"},
    {Kind::record_number, "privacy-record-number", "a hospital or medical record number"},
    {Kind::postcode, "privacy-postcode", "a full postcode"},
}};

struct Finding {
    Kind kind;
    std::size_t offset = 0;  ///< byte offset of the identifier in the text
    std::string text;        ///< the identifier as written (never print it: see mask())
};

/// True when `digits` (exactly ten digits) has a valid NHS Modulus 11 check digit.
bool valid_nhs_number(std::string_view digits);

/// Everything that looks patient-identifiable, in order of offset.
std::vector<Finding> scan(std::string_view text);

/// All letters and digits except the last two replaced by '*': "*** *** **19".
std::string mask(std::string_view identifier);

/// The masker: `text` with everything scan() finds masked ("NHS 943 476 5919" →
/// "NHS *** *** **19"), the rest as it is. Every value from a user's file that
/// leadctl echoes in a diagnostic, writes to an output or uses in a file name
/// passes through it (Diagnostics::add, the cohort's rows and file names, the
/// person and entries an assessment reports).
std::string redact(std::string_view text);

/// "an NHS number", "a date of birth", ...
inline std::string_view describe(Kind k) {
    return kKinds[static_cast<std::size_t>(k)].description;
}
/// Stable diagnostic code: "privacy-nhs-number", ...
inline std::string_view code(Kind k) {
    return kKinds[static_cast<std::size_t>(k)].code;
}

}  // namespace leadctl::privacy
