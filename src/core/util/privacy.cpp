#include "core/util/privacy.hpp"

#include <algorithm>
#include <array>

namespace leadctl::privacy {

namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}
// ASCII classes without the C library's locale lookups (leadctl never sets a locale,
// so these are what isalpha/toupper/tolower answer; the scan calls them per byte).
bool alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool alnum(char c) {
    return digit(c) || alpha(c);
}
char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool word_start(std::string_view s, std::size_t i) {
    return i == 0 || !alnum(s[i - 1]);
}
bool word_end(std::string_view s, std::size_t j) {
    return j >= s.size() || !alnum(s[j]);
}

/// Case-insensitive match of `word` at i, on word boundaries.
bool keyword_at(std::string_view s, std::size_t i, std::string_view word) {
    if (i + word.size() > s.size() || !word_start(s, i)) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (lower(s[i + k]) != word[k]) return false;
    }
    // "d.o.b." ends in punctuation; otherwise the keyword must end a word.
    return !alnum(word.back()) || word_end(s, i + word.size());
}

std::size_t skip(std::string_view s, std::size_t j, std::string_view chars, std::size_t max) {
    std::size_t n = 0;
    while (j < s.size() && n < max && chars.find(s[j]) != std::string_view::npos) ++j, ++n;
    return j;
}

// ---- NHS numbers: ten digits, optionally grouped 3-3-4.

/// Byte length of a group separator at j, or 0: a space, hyphen, dot or underscore
/// (ids and file names: 943_476_5919), or (as
/// word processors and copy-paste produce them) a no-break, narrow no-break, thin or
/// figure space, or a hyphen, non-breaking hyphen, figure dash, en dash, em dash or
/// minus sign written in UTF-8.
std::size_t separator_at(std::string_view s, std::size_t j) {
    if (j >= s.size()) return 0;
    if (s[j] == ' ' || s[j] == '-' || s[j] == '.' || s[j] == '_') return 1;
    if (s.substr(j, 2) == "\xC2\xA0") return 2;  // U+00A0 no-break space
    if (s.size() - j >= 3 && s[j] == '\xE2') {
        constexpr std::string_view kThree[] = {
            "\xE2\x80\xAF",  // U+202F narrow no-break space
            "\xE2\x80\x89",  // U+2009 thin space
            "\xE2\x80\x87",  // U+2007 figure space
            "\xE2\x80\x90",  // U+2010 hyphen
            "\xE2\x80\x91",  // U+2011 non-breaking hyphen
            "\xE2\x80\x92",  // U+2012 figure dash
            "\xE2\x80\x93",  // U+2013 en dash
            "\xE2\x80\x94",  // U+2014 em dash
            "\xE2\x88\x92",  // U+2212 minus sign
        };
        const std::string_view here = s.substr(j, 3);
        for (auto sep : kThree) {
            if (here == sep) return 3;
        }
    }
    return 0;
}

bool nhs_at(std::string_view s, std::size_t i, std::size_t& end, std::string& digits) {
    digits.clear();
    std::size_t j = i;
    while (j < s.size() && digits.size() < 10) {
        if (digit(s[j])) {
            digits += s[j++];
            continue;
        }
        const std::size_t sep = digits.size() == 3 || digits.size() == 6 ? separator_at(s, j) : 0;
        if (sep == 0 || j + sep >= s.size() || !digit(s[j + sep])) break;
        j += sep;
    }
    end = j;
    return digits.size() == 10 && word_end(s, j);
}

/// "NHS9434765919": the digits glued to the letters NHS (any case) start a number.
bool after_nhs(std::string_view s, std::size_t i) {
    return i >= 3 && lower(s[i - 3]) == 'n' && lower(s[i - 2]) == 'h' && lower(s[i - 1]) == 's' && word_start(s, i - 3);
}

/// An ISBN-10 has the same weights and check as an NHS number, so only its context
/// tells them apart: the letters ISBN in the 12 bytes before the number ("ISBN
/// 0198526636", "ISBN-10: 0198526636"). (An ISBN hyphenated by its groups, such as
/// 0-19-852663-6, is not grouped 3-3-4 and is never taken for an NHS number.)
bool isbn_before(std::string_view s, std::size_t i) {
    const std::size_t from = i > 12 ? i - 12 : 0;
    for (std::size_t k = from; k + 4 <= i; ++k) {
        if (lower(s[k]) == 'i' && lower(s[k + 1]) == 's' && lower(s[k + 2]) == 'b' && lower(s[k + 3]) == 'n') {
            return true;
        }
    }
    return false;
}

/// Ten identical digits (0000000000, 1111111111, ...) pass the Modulus 11 check by
/// arithmetic (the weights 10..2 sum to 54, which is -1 modulo 11, so the check digit
/// equals the repeated digit); they are placeholders, not numbers of patients.
bool placeholder(std::string_view digits) {
    return std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits.front(); });
}

// ---- Dates after a date-of-birth phrase.

constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};

std::size_t digits_run(std::string_view s, std::size_t j, std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (j + n < s.size() && digit(s[j + n]) && n < max) ++n;
    return n >= min && (j + n >= s.size() || !digit(s[j + n])) ? n : 0;
}

std::size_t month_name(std::string_view s, std::size_t j) {
    if (j + 3 > s.size()) return 0;
    for (const auto& m : kMonths) {
        if (lower(s[j]) == m[0] && lower(s[j + 1]) == m[1] && lower(s[j + 2]) == m[2]) {
            std::size_t n = 3;
            while (j + n < s.size() && alpha(s[j + n])) ++n;  // "March", "Sept"
            return n;
        }
    }
    return 0;
}

/// Length of a date written at j ("12/03/1990", "1990-03-12", "12th March 1990",
/// "March 12, 1990"), or 0.
int number(std::string_view s, std::size_t j, std::size_t n) {
    int x = 0;
    for (std::size_t k = 0; k < n; ++k) x = x * 10 + (s[j + k] - '0');
    return x;
}

bool day_month(int day, int month) {
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/// Length of a date written without separators at j ("12031990" DDMMYYYY,
/// "19900312" YYYYMMDD, "120390" DDMMYY) that reads as a plausible day and month, or 0.
std::size_t compact_date_at(std::string_view s, std::size_t j) {
    if (digits_run(s, j, 8, 8) == 8) {
        const int y1 = number(s, j + 4, 4), y2 = number(s, j, 4);
        if (day_month(number(s, j, 2), number(s, j + 2, 2)) && y1 >= 1900 && y1 <= 2099) return 8;
        if (day_month(number(s, j + 6, 2), number(s, j + 4, 2)) && y2 >= 1900 && y2 <= 2099) return 8;
        return 0;
    }
    if (digits_run(s, j, 6, 6) == 6 && day_month(number(s, j, 2), number(s, j + 2, 2))) return 6;
    return 0;
}

std::size_t date_at(std::string_view s, std::size_t j) {
    if (const std::size_t n = compact_date_at(s, j)) return n;
    if (std::size_t d = digits_run(s, j, 1, 4)) {
        std::size_t k = j + d;
        if (k < s.size() && (s[k] == '/' || s[k] == '-' || s[k] == '.')) {
            const char sep = s[k];
            const std::size_t m = digits_run(s, k + 1, 1, 2);
            if (m && k + 1 + m < s.size() && s[k + 1 + m] == sep) {
                const std::size_t y = digits_run(s, k + 2 + m, 2, 4);
                if (y) return k + 2 + m + y - j;
            }
            return 0;
        }
        if (d > 2) return 0;
        // "12th March 1990", "12 of March 1990"
        for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
            if (k + 2 <= s.size() && lower(s[k]) == suffix[0] && lower(s[k + 1]) == suffix[1]) {
                k += 2;
                break;
            }
        }
        k = skip(s, k, " ", 2);
        if (keyword_at(s, k, "of")) k = skip(s, k + 2, " ", 2);
        const std::size_t mn = month_name(s, k);
        if (!mn) return 0;
        k = skip(s, k + mn, " ,.", 3);
        const std::size_t y = digits_run(s, k, 4, 4);
        return y ? k + y - j : 0;
    }
    if (const std::size_t mn = month_name(s, j)) {
        std::size_t k = skip(s, j + mn, " ", 2);
        const std::size_t d = digits_run(s, k, 1, 2);
        if (!d) return 0;
        k += d;
        for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
            if (k + 2 <= s.size() && lower(s[k]) == suffix[0] && lower(s[k + 1]) == suffix[1]) {
                k += 2;
                break;
            }
        }
        k = skip(s, k, " ,", 3);
        const std::size_t y = digits_run(s, k, 4, 4);
        return y ? k + y - j : 0;
    }
    return 0;
}

constexpr std::string_view kDobPhrases[] = {"date of birth", "d.o.b.", "d.o.b", "dob", "born on", "born"};
constexpr std::string_view kRecordPhrases[] = {
    "medical record number", "medical record no", "hospital number", "hospital no", "hosp no",     "hosp. no",
    "record number",         "patient number",    "patient id",      "unit number", "case number", "mrn"};

// ---- UK postcodes: outward code (area + district), space optional, inward code.

constexpr std::string_view kAreas[] = {
    "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO",
    "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",  "EC", "EH", "EN", "EX",
    "FK", "FY", "G",  "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV",
    "JE", "KA", "KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",  "ME", "MK", "ML", "N",
    "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",
    "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN",
    "TQ", "TR", "TS", "TW", "UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE"};

bool area(std::string_view a) {
    char up[2] = {};
    for (std::size_t k = 0; k < a.size() && k < 2; ++k) up[k] = upper(a[k]);
    const std::string_view u(up, a.size() < 2 ? a.size() : 2);
    return std::find(std::begin(kAreas), std::end(kAreas), u) != std::end(kAreas);
}

bool inward_letter(char c) {
    // The inward code's letters never use C, I, K, M, O or V.
    const char u = upper(c);
    return alpha(c) && std::string_view("CIKMOV").find(u) == std::string_view::npos;
}

/// Length of an inward code ("1AA") at j, ending a word, or 0.
std::size_t inward_at(std::string_view s, std::size_t j) {
    if (j + 3 <= s.size() && digit(s[j]) && inward_letter(s[j + 1]) && inward_letter(s[j + 2]) && word_end(s, j + 3)) {
        return 3;
    }
    return 0;
}

std::size_t postcode_at(std::string_view s, std::size_t i) {
    if (!word_start(s, i)) return 0;
    for (std::size_t letters = 2; letters >= 1; --letters) {
        if (i + letters >= s.size()) continue;
        bool ok = digit(s[i + letters]);  // cheapest test first: most words have no digit here
        for (std::size_t k = 0; ok && k < letters; ++k) ok = alpha(s[i + k]);
        if (!ok || !area(s.substr(i, letters))) continue;
        const std::size_t district = i + letters + 1;
        // The district may have a second character ("SW1A", "B33"); try with and without.
        for (std::size_t extra : {std::size_t{1}, std::size_t{0}}) {
            std::size_t j = district + extra;
            if (extra && (j > s.size() || !alnum(s[district]))) continue;
            if (j < s.size() && s[j] == ' ') ++j;
            if (const std::size_t n = inward_at(s, j)) return j + n - i;
        }
    }
    return 0;
}

}  // namespace

bool valid_nhs_number(std::string_view d) {
    if (d.size() != 10 || !std::all_of(d.begin(), d.end(), digit)) return false;
    int sum = 0;
    for (int k = 0; k < 9; ++k) sum += (d[static_cast<std::size_t>(k)] - '0') * (10 - k);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == d[9] - '0';
}

std::vector<Finding> scan(std::string_view s) {
    std::vector<Finding> out;
    // Every pattern holds at least two ASCII digits (a postcode's district and
    // inward code, a date's day and year, 4 of a record number, 10 of an NHS
    // number): most values have none, and are done with in one cheap pass.
    int digits_in_value = 0;
    for (const char c : s) {
        if (digit(c) && ++digits_in_value == 2) break;
    }
    if (digits_in_value < 2) return out;
    std::string digits;
    std::size_t i = 0;
    while (i < s.size()) {
        // Every pattern starts a word: skip the rest of each word quickly.
        if (!word_start(s, i) && !(digit(s[i]) && after_nhs(s, i))) {
            ++i;
            continue;
        }
        std::size_t end = 0;
        if (digit(s[i]) && nhs_at(s, i, end, digits)) {
            if (valid_nhs_number(digits) && !placeholder(digits) && !isbn_before(s, i)) {
                out.push_back({Kind::nhs_number, i, std::string(s.substr(i, end - i))});
                i = end;
                continue;
            }
        }
        bool matched = false;
        const char first = lower(s[i]);
        for (auto phrase : kDobPhrases) {
            if (phrase[0] != first) continue;
            if (!keyword_at(s, i, phrase)) continue;
            std::size_t j = skip(s, i + phrase.size(), " :-=", 4);
            if (keyword_at(s, j, "is")) j = skip(s, j + 2, " :", 2);
            if (keyword_at(s, j, "the")) j = skip(s, j + 3, " ", 2);
            if (const std::size_t n = date_at(s, j)) {
                out.push_back({Kind::date_of_birth, j, std::string(s.substr(j, n))});
                i = j + n;
                matched = true;
            }
            break;
        }
        if (matched) continue;
        for (auto phrase : kRecordPhrases) {
            if (phrase[0] != first || !keyword_at(s, i, phrase)) continue;
            std::size_t j = skip(s, i + phrase.size(), " :#.-", 4);
            if (keyword_at(s, j, "is")) j = skip(s, j + 2, " :", 2);
            std::size_t k = j;
            int digits_seen = 0;
            while (k < s.size() && (alnum(s[k]) || s[k] == '-') && k - j < 16) digits_seen += digit(s[k++]);
            if (k - j >= 4 && digits_seen >= 4 && word_end(s, k)) {
                out.push_back({Kind::record_number, j, std::string(s.substr(j, k - j))});
                i = k;
                matched = true;
            }
            break;
        }
        if (matched) continue;
        if (alpha(s[i])) {
            if (const std::size_t n = postcode_at(s, i)) {
                out.push_back({Kind::postcode, i, std::string(s.substr(i, n))});
                i += n;
                continue;
            }
        }
        ++i;
    }
    return out;
}

std::string mask(std::string_view id) {
    std::string out(id);
    int keep = 2;
    for (std::size_t k = out.size(); k-- > 0;) {
        if (!alnum(out[k])) continue;
        if (keep > 0) {
            --keep;
        } else {
            out[k] = '*';
        }
    }
    return out;
}

std::string redact(std::string_view text) {
    const auto found = scan(text);
    if (found.empty()) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (const auto& f : found) {
        out.append(text.substr(at, f.offset - at));
        out += mask(f.text);
        at = f.offset + f.text.size();
    }
    out.append(text.substr(at));
    return out;
}

}  // namespace leadctl::privacy
