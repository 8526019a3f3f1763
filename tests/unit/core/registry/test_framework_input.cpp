#include "core/registry/framework_input.hpp"

#include "scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using leadctl::testing::ScratchDir;

namespace {

constexpr std::string_view kAlpha = "id: alpha\ntitle: Alpha (bundled)\nitems:\n  - {code: \"1\", name: One}\n";
const BundledFile kBundled[] = {{"alpha.yaml", "alpha", "Alpha (bundled)", "", 0, "published", "complete", kAlpha}};

/// A registry built on first use, counting how often it is asked for.
struct LazyRegistry {
    std::optional<Registry> registry;
    int calls = 0;
    RegistryAccess access() {
        return [this]() -> Registry& {
            ++calls;
            if (!registry) registry.emplace(kBundled, std::vector<std::string>{});
            return *registry;
        };
    }
};

FrameworkInput read(std::string_view text, const std::string& path, FrameworkReadOptions options = {}) {
    LazyRegistry reg;
    return read_framework_text(text, path, options, reg.access());
}

std::string detect(const std::string& path, std::string_view text, const nlohmann::ordered_json* json = nullptr) {
    const auto d = detect_framework_format(path, text, json);
    return std::string(format_name(d.format)) + ": " + d.why;
}

constexpr std::string_view kCase =
    R"({"CFDocument": {"identifier": "d1a6e6e0-0000-5000-8000-000000000000", "uri": "https://example.org/d",
  "creator": "x", "title": "T", "lastChangeDateTime": "2024-01-01T00:00:00+00:00"},
 "CFItems": [{"identifier": "aaaaaaaa-0000-5000-8000-000000000001", "uri": "https://example.org/a",
  "lastChangeDateTime": "2024-01-01T00:00:00+00:00", "humanCodingScheme": "A", "fullStatement": "Item A"}],
 "CFAssociations": [{"identifier": "c0000000-0000-5000-8000-000000000001", "associationType": "isChildOf",
  "uri": "https://example.org/c1", "lastChangeDateTime": "2024-01-01T00:00:00+00:00",
  "originNodeURI": {"title": "o", "identifier": "aaaaaaaa-0000-5000-8000-000000000001", "uri": "https://example.org/a"},
  "destinationNodeURI": {"title": "d", "identifier": "d1a6e6e0-0000-5000-8000-000000000000",
   "uri": "https://example.org/d"}}]}
)";

}  // namespace

TEST_SUITE("core::registry::framework_input") {
    TEST_CASE("each format has one name, read back by parse_framework_format") {
        for (const auto& [format, name] : kFrameworkFormats) {
            CHECK(format_name(format) == name);
            CHECK(parse_framework_format(name) == format);
        }
        CHECK(format_name(FrameworkFormat::case_json) == "case");
        CHECK_FALSE(parse_framework_format("markdown"));
    }

    TEST_CASE("the extension tells YAML and CSV, and CSV content tells ours from Moodle's") {
        CHECK(detect("f.YML", "id: x") == "yaml: a YAML file");
        CHECK(detect("f.yaml", "{}") == "yaml: a YAML file");
        CHECK(detect("f.txt", "{}") == "yaml: not JSON or CSV: read as YAML");
        CHECK(detect("f", "id: x\n") == "yaml: not JSON or CSV: read as YAML");
        CHECK(detect("f.csv", "Code,Name\n") ==
              "csv: a CSV file whose header starts with \"code\": leadctl's flat CSV");
        CHECK(detect("f.CSV", "\"code\",\"name\"\r\n") ==
              "csv: a CSV file whose header starts with \"code\": leadctl's flat CSV");
        CHECK(detect("f.csv", "Parent ID number,ID number\ncode,x\n") ==
              "moodle: a CSV file whose header does not start with \"code\": Moodle's competency framework CSV");
        CHECK(is_json_file("f.Json", "id: x"));
        CHECK(is_json_file("f", "  \n{\"id\": 1}"));
        CHECK_FALSE(is_json_file("f", "id: x"));
    }

    TEST_CASE("a JSON file is told CASE or ours by its parsed value, not by its text") {
        const auto with_doc = nlohmann::ordered_json::parse(R"({"CFDocument": {}})");
        const auto without = nlohmann::ordered_json::parse(R"({"id": "x", "notes": "\"CFDocument\""})");
        CHECK(detect("f.json", "", &with_doc) == "case: a JSON file with a CFDocument: CASE");
        CHECK(detect("f.json", R"({"CFDocument": {}})", &without) ==
              "json: a JSON file without a CFDocument: leadctl's own JSON");
        CHECK(detect("f.json", "{") == "json: a JSON file without a CFDocument: leadctl's own JSON");
    }

    TEST_CASE("YAML is read from text") {
        const auto in = read("id: t\ntitle: T\nitems:\n  - {code: a, name: A}\n", "t.yaml");
        REQUIRE(in.framework);
        CHECK(in.framework->id == "t");
        CHECK(in.format == FrameworkFormat::yaml);
        CHECK(in.path == "t.yaml");
        CHECK(in.detected == "a YAML file");
        CHECK(in.diagnostics.empty());
        CHECK(in.usage_error.empty());
    }

    TEST_CASE("our JSON is read from text, even when a value mentions a CFDocument") {
        const auto in = read(R"({"id": "t", "title": "T", "notes": "no \"CFDocument\" here",
 "items": [{"code": "a", "name": "A"}]})",
                             "t.json");
        REQUIRE(in.framework);
        CHECK(in.format == FrameworkFormat::json);
        CHECK(in.framework->items.at(0).name == "A");
    }

    TEST_CASE("a JSON syntax error is one located diagnostic, detected or given") {
        const std::string bad = "{\"id\": \"x\", \"title\": \"X\",\n  \"items\": [ }\n";
        const std::string message =
            "bad.json:2:14: error: [json-syntax] JSON syntax error while parsing value - unexpected '}'; expected "
            "'[', '{', or a literal";
        for (const auto from : {std::optional<FrameworkFormat>{}, std::optional{FrameworkFormat::json}}) {
            const auto in = read(bad, "bad.json", {from, false});
            CHECK_FALSE(in.framework);
            REQUIRE(in.diagnostics.items().size() == 1);
            CHECK(format_diagnostic(in.diagnostics.items()[0]) == message);
        }
    }

    TEST_CASE("a flat CSV is read from text, its id made from the file name") {
        const auto in = read("code,name,parent\na,A,\nb,B,a\n", "dir/My framework.csv");
        REQUIRE(in.framework);
        CHECK(in.format == FrameworkFormat::csv);
        CHECK(in.framework->id == "my-framework");
        CHECK(in.framework->items.size() == 2);
    }

    TEST_CASE("a Moodle CSV is read from text, strict turning what is lost into errors") {
        std::string text =
            "Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,"
            "Rule type (optional),Rule outcome (optional),Rule config (optional),Cross-referenced competency ID "
            "numbers,Exported ID (optional),Is framework,Taxonomy";
        text += "\n,FW-1,Framework One,,1,,,,,,,,1,\n";
        text += ",C1,Competency one,,1,,,,0,null,,,,\n";
        text += ",,Skipped,,1,,,,0,null,,,,\n";  // no ID number: Moodle skips the row
        const auto in = read(text, "fw.csv");
        REQUIRE(in.framework);
        CHECK(in.format == FrameworkFormat::moodle);
        CHECK(in.framework->id == "fw-1");
        CHECK(in.framework->items.size() == 1);
        CHECK(in.losses.size() == 1);
        CHECK(in.diagnostics.warning_count() == 1);
        const auto strict = read(text, "fw.csv", {std::nullopt, true});
        CHECK_FALSE(strict.framework);
        CHECK(strict.diagnostics.error_count() == 1);
    }

    TEST_CASE("a CASE package is read from text, asking the registry for crosswalk links") {
        LazyRegistry reg;
        const auto in = read_framework_text(kCase, "p.json", {}, reg.access());
        REQUIRE(in.framework);
        CHECK(in.format == FrameworkFormat::case_json);
        CHECK(in.detected == "a JSON file with a CFDocument: CASE");
        CHECK(in.framework->items.at(0).code == "A");
        CHECK(reg.calls == 1);
    }

    TEST_CASE("a file is read without building the registry") {
        ScratchDir dir;
        const auto path = dir.write("t.yaml", "id: t\ntitle: T\nitems:\n  - {code: a, name: A}\n");
        LazyRegistry reg;
        const auto in = read_framework_input(path, {}, reg.access());
        REQUIRE(in.framework);
        CHECK_FALSE(in.bundled);
        CHECK(in.path == path);
        CHECK(reg.calls == 0);
    }

    TEST_CASE("an id is read from the registry") {
        LazyRegistry reg;
        const auto in = read_framework_input("alpha", {}, reg.access());
        REQUIRE(in.framework);
        CHECK(in.framework->title == "Alpha (bundled)");
        CHECK(in.bundled);
        CHECK(in.path.empty());
        CHECK(in.detected.empty());
    }

    TEST_CASE("an unknown id that is not a file is a usage error naming the ids") {
        LazyRegistry reg;
        const auto in = read_framework_input("alphx", {}, reg.access());
        CHECK_FALSE(in.framework);
        CHECK(in.usage_error ==
              "alphx: no such file, and no framework with that id (did you mean \"alpha\"?); frameworks: alpha");
        const auto path = read_framework_input("no/such/alpha", {}, reg.access());
        CHECK(path.usage_error == "no/such/alpha: no such file, and no framework with that id; frameworks: alpha");
    }

    TEST_CASE("a file that cannot be read is a usage error") {
        ScratchDir dir;
        LazyRegistry reg;
        const auto in = read_framework_input(dir.path(), {}, reg.access());
        CHECK_FALSE(in.framework);
        CHECK(in.usage_error.starts_with("cannot read " + dir.path() + ": "));
    }
}
