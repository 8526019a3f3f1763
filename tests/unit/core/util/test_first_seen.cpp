#include "core/util/first_seen.hpp"

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>

using namespace leadctl;

TEST_SUITE("core::first_seen") {
    TEST_CASE("a key's first number is kept and given back on every later insert") {
        FirstSeen s;
        CHECK_FALSE(s.insert("e1", 3));
        CHECK_FALSE(s.insert("e2", 9));
        CHECK(s.insert("e1", 20) == 3);
        CHECK(s.insert("e1", 30) == 3);
        CHECK(s.insert("e2", 40) == 9);
        CHECK(s.size() == 2);
    }

    TEST_CASE("empty, prefix, long and binary keys are told apart") {
        FirstSeen s;
        const std::string big(200000, 'x');  // longer than a block: a block of its own
        const std::string big2 = big + "y";
        const std::string nul("a\0b", 3);
        CHECK_FALSE(s.insert("", 1));
        CHECK_FALSE(s.insert("a", 2));
        CHECK_FALSE(s.insert("ab", 3));
        CHECK_FALSE(s.insert(big, 4));
        CHECK_FALSE(s.insert(big2, 5));
        CHECK_FALSE(s.insert(nul, 6));
        CHECK_FALSE(s.insert("after the big ones", 7));
        CHECK(s.insert("", 0) == 1);
        CHECK(s.insert("a", 0) == 2);
        CHECK(s.insert("ab", 0) == 3);
        CHECK(s.insert(big, 0) == 4);
        CHECK(s.insert(big2, 0) == 5);
        CHECK(s.insert(nul, 0) == 6);
        CHECK(s.insert("after the big ones", 0) == 7);
        CHECK_FALSE(s.insert("a\0c", 8) == 6);
    }

    TEST_CASE("agrees with a std::unordered_map over many keys, across blocks and rehashes") {
        FirstSeen s;
        std::unordered_map<std::string, int> ref;
        unsigned x = 12345;
        for (int i = 0; i < 200000; ++i) {
            x = x * 1103515245U + 12345U;
            // Keys of 1 to 40 bytes from a small alphabet: many repeats.
            const std::string key = "k" + std::to_string((x >> 8) % 150000) + std::string((x >> 4) % 33, '-');
            const auto [it, inserted] = ref.emplace(key, i);
            const auto got = s.insert(key, i);
            if (inserted) {
                REQUIRE_FALSE(got);
            } else {
                REQUIRE(got);
                REQUIRE(*got == it->second);
            }
        }
        CHECK(s.size() == ref.size());
    }
}
