// Checks free text for patient-identifiable data that must not be in an evidence
// log: NHS numbers (with a valid Modulus 11 check digit), date-of-birth phrases,
// hospital or medical record numbers, and full UK postcodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadctl::privacy {

enum class Kind { nhs_number, date_of_birth, record_number, postcode };

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

/// "an NHS number", "a date of birth", ...
std::string_view describe(Kind k);
/// Stable diagnostic code: "privacy-nhs-number", ...
std::string_view code(Kind k);

}  // namespace leadctl::privacy
