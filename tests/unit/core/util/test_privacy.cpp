#include "core/util/privacy.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace leadctl::privacy;

namespace {
std::vector<Kind> kinds(std::string_view text) {
    std::vector<Kind> out;
    for (const auto& f : scan(text)) out.push_back(f.kind);
    return out;
}
}  // namespace

TEST_SUITE("core::privacy") {
    TEST_CASE("NHS numbers need a valid Modulus 11 check digit") {
        CHECK(valid_nhs_number("9434765919"));  // the NHS's own example
        CHECK(valid_nhs_number("4010232137"));
        CHECK_FALSE(valid_nhs_number("9434765918"));  // wrong check digit
        CHECK_FALSE(valid_nhs_number("9434765910"));
        CHECK_FALSE(valid_nhs_number("1234567890"));  // check digit would be 10: never valid
        CHECK_FALSE(valid_nhs_number("943476591"));   // nine digits
    }

    TEST_CASE("NHS numbers are found plain, spaced 3-3-4 or hyphenated, and invalid ones are not flagged") {
        CHECK(kinds("patient 9434765919 seen") == std::vector<Kind>{Kind::nhs_number});
        CHECK(kinds("number 943 476 5919.") == std::vector<Kind>{Kind::nhs_number});
        CHECK(kinds("(943-476-5919)") == std::vector<Kind>{Kind::nhs_number});
        CHECK(kinds("number 943 476 5918").empty());   // invalid check digit
        CHECK(kinds("ref 94347659190 long").empty());  // eleven digits
        CHECK(kinds("94 3476 5919").empty());          // not grouped 3-3-4
        const auto f = scan("NHS no 943 476 5919");
        REQUIRE(f.size() == 1);
        CHECK(f[0].offset == 7);
        CHECK(f[0].text == "943 476 5919");
    }

    TEST_CASE("a date of birth needs a phrase and a date") {
        CHECK(kinds("DOB: 12/03/1990") == std::vector<Kind>{Kind::date_of_birth});
        CHECK(kinds("date of birth 1990-03-12") == std::vector<Kind>{Kind::date_of_birth});
        CHECK(kinds("she was born on the 12th of March 1990") == std::vector<Kind>{Kind::date_of_birth});
        CHECK(kinds("D.O.B. March 12, 1990") == std::vector<Kind>{Kind::date_of_birth});
        CHECK(kinds("the audit on 12/03/2024 went well").empty());  // a date alone is fine
        CHECK(kinds("DOB not recorded").empty());
        CHECK(scan("dob 1.2.90")[0].text == "1.2.90");
    }

    TEST_CASE("hospital and record numbers need a phrase and digits") {
        CHECK(kinds("MRN: RX1234567") == std::vector<Kind>{Kind::record_number});
        CHECK(kinds("hospital number 12345678") == std::vector<Kind>{Kind::record_number});
        CHECK(kinds("the hospital number was lost").empty());
        CHECK(kinds("unit number 12").empty());
    }

    TEST_CASE("full UK postcodes in known areas are found, look-alikes are not") {
        CHECK(kinds("lives at SW1A 1AA") == std::vector<Kind>{Kind::postcode});
        CHECK(kinds("M1 1AE") == std::vector<Kind>{Kind::postcode});
        CHECK(kinds("b33 8th") == std::vector<Kind>{Kind::postcode});
        CHECK(kinds("DN551PT") == std::vector<Kind>{Kind::postcode});
        CHECK(kinds("during F2 3rd rotation").empty());  // F is no postcode area
        CHECK(kinds("SW1A").empty());                    // outward code alone
        CHECK(kinds("EC1A 1CA").empty());                // C is never an inward letter
    }

    TEST_CASE("masking keeps only the last two letters or digits") {
        CHECK(mask("943 476 5919") == "*** *** **19");
        CHECK(mask("SW1A 1AA") == "**** *AA");
        CHECK(mask("ab") == "ab");
        CHECK(code(Kind::postcode) == "privacy-postcode");
    }
}

TEST_CASE("privacy kinds: the table is in enum order, codes are unique and stable") {
    using leadctl::privacy::kKinds;
    std::set<std::string_view> codes;
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        CHECK(static_cast<std::size_t>(kKinds[i].kind) == i);
        CHECK(codes.insert(kKinds[i].code).second);
        CHECK(kKinds[i].code.starts_with("privacy-"));
    }
    CHECK(leadctl::privacy::code(leadctl::privacy::Kind::postcode) == "privacy-postcode");
    CHECK(leadctl::privacy::describe(leadctl::privacy::Kind::nhs_number) == "an NHS number");
}
