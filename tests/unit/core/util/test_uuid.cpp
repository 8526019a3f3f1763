#include "core/util/uuid.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace leadctl;

TEST_SUITE("core::uuid") {
    TEST_CASE("uuid5 gives the published test vector and the documented CASE namespace") {
        // RFC 9562, appendix A.4: the DNS namespace and "www.example.com".
        CHECK(uuid5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com") ==
              "2ed6657d-e927-568b-95e1-2665a8aea6a2");
        // kCaseNamespace is what its comment says it is.
        CHECK(uuid5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://leadctl.invalid/ns/case") == kCaseNamespace);
        // Names are bytes: non-ASCII text is hashed as UTF-8 (value from Python's uuid.uuid5).
        CHECK(uuid5(kCaseNamespace, "Item \xf0\x9d\x91\x91 1") == "73ab4379-1ee1-5e8c-a020-b2cef81eb5d4");
        CHECK(uuid5(kCaseNamespace, "a") != uuid5(kCaseNamespace, "b"));
        CHECK_THROWS_AS(uuid5("not-a-uuid", "x"), std::invalid_argument);
    }

    TEST_CASE("CASE identifiers are lowercase UUIDs with the RFC variant") {
        CHECK(is_case_uuid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        CHECK(is_uuid("d0000000-0000-0000-0000-000000000000"));
        CHECK_FALSE(is_case_uuid("d0000000-0000-0000-0000-000000000000"));  // variant digit 0
        CHECK_FALSE(is_uuid("2ED6657D-E927-568B-95E1-2665A8AEA6A2"));
        CHECK_FALSE(is_uuid("2ed6657d-e927-568b-95e1-2665a8aea6a"));
        CHECK_FALSE(is_uuid("2ed6657de927-568b-95e1-2665a8aea6a2x"));
    }
}
