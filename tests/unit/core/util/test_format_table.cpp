#include "core/util/format_table.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

namespace {

using Writer = int (*)(int);
const FormatTable<Writer, 3> kTable{{
    {"text", ".txt", [](int x) { return x; }},
    {"json", ".json", [](int x) { return x * 2; }},
    {"html", ".html", nullptr},
}};

}  // namespace

TEST_CASE("find_format: by exact name, else nullptr") {
    const auto* json = find_format(kTable, "json");
    REQUIRE(json != nullptr);
    CHECK(json->extension == ".json");
    CHECK(json->write(21) == 42);
    CHECK((find_format(kTable, "html")->write == nullptr));
    CHECK((find_format(kTable, "text")->write != nullptr));
    CHECK(find_format(kTable, "JSON") == nullptr);
    CHECK(find_format(kTable, "") == nullptr);
}

TEST_CASE("format_names keeps the table's order") {
    CHECK(format_names(kTable) == std::vector<std::string>{"text", "json", "html"});
}

TEST_CASE("describe_formats: a phrase for --help, the default marked") {
    CHECK(describe_formats(format_names(kTable), "text") == "text (default), json or html");
    CHECK(describe_formats(format_names(kTable), "html") == "text, json or html (default)");
    CHECK(describe_formats(format_names(kTable), "") == "text, json or html");
    CHECK(describe_formats({"text", "json"}, "text") == "text (default) or json");
    CHECK(describe_formats({"yaml"}, "") == "yaml");
    CHECK(describe_formats({}, "text").empty());
}
