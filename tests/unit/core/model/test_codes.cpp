#include "core/model/codes.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

TEST_SUITE("core::codes") {
    TEST_CASE("codes follow the framework file rule") {
        CHECK(is_valid_code("2.4"));
        CHECK(is_valid_code("self.1.a"));
        CHECK(is_valid_code("MD.Table"));
        CHECK(is_valid_code(std::string(64, 'a')));
        CHECK_FALSE(is_valid_code(std::string(65, 'a')));
        CHECK_FALSE(is_valid_code(""));
        CHECK_FALSE(is_valid_code(".1"));
        CHECK_FALSE(is_valid_code("A 1"));
    }

    TEST_CASE("labels that are not codes are encoded, and clashes numbered") {
        CHECK(code_base("A,1") == "A_2C1");
        CHECK(code_base(" x") == "id_20x");
        CHECK(code_base(std::string(100, ' ')).size() == kMaxCode - 8);
        CHECK(code_made_from("A_2C1-3", "A,1"));
        CHECK_FALSE(code_made_from("A_2C1-x", "A,1"));
        // Valid labels keep their code even when an encoded one would clash with it.
        const std::vector<std::string> labels{"1", "1", "A,1", "A_2C1", ""};
        const auto codes = codes_for(labels);
        CHECK(codes == std::vector<std::string>{"1", "1-2", "A_2C1-2", "A_2C1", "id"});
    }
}
