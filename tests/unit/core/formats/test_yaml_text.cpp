#include "core/formats/yaml_text.hpp"

#include "core/yaml/yaml_tree.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

namespace {

/// `value` written under key "k" through emit_text, and read back by our reader.
std::pair<std::string, std::string> round_trip(const std::string& value) {
    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "k" << YAML::Value;
    emit_text(e, value);
    e << YAML::EndMap;
    const std::string text = emitted_yaml(e) + "\n";
    const auto doc = yaml::parse(text, "t.yaml");
    std::string back = "(unreadable)";
    if (doc.root && doc.root->is_map() && !doc.root->entries.empty()) back = doc.root->entries.front().second->value;
    return {text, back};
}

}  // namespace

TEST_SUITE("core::formats::yaml_text") {
    TEST_CASE("control characters are written escaped inside double quotes and read back the same") {
        for (const std::string& v : {std::string("a\rb"), std::string("\r"), std::string("del\x7f"),
                                     std::string("esc\x1b[2J"), std::string("bell\a"), std::string("c1 \xC2\x9B"),
                                     std::string("line\nbreak"), std::string("ls \xE2\x80\xA8 ps \xE2\x80\xA9"),
                                     std::string("plain text"), std::string("@at"), std::string("'quoted'")}) {
            CAPTURE(v);
            const auto [text, back] = round_trip(v);
            CAPTURE(text);
            CHECK(back == v);
            for (char c : text) {
                const auto u = static_cast<unsigned char>(c);
                CHECK(((u >= 0x20 || c == '\n') && u != 0x7F));
            }
            CHECK(text.find("\xE2\x80\xA8") == std::string::npos);
        }
    }

    TEST_CASE("DEL and a lone CR are escaped where yaml-cpp would write them raw") {
        CHECK(round_trip("a\rb").first == "k: \"a\\rb\"\n");
        CHECK(round_trip("del\x7f").first == "k: \"del\\x7f\"\n");
        CHECK(round_trip("plain").first == "k: plain\n");
    }

    TEST_CASE("yaml_needs_quotes finds control characters and Unicode line breaks") {
        CHECK(yaml_needs_quotes("a\tb"));
        CHECK(yaml_needs_quotes("\x7f"));
        CHECK(yaml_needs_quotes("\xC2\x85"));
        CHECK(yaml_needs_quotes("\xEF\xBB\xBF"));
        CHECK_FALSE(yaml_needs_quotes("Amara \xC3\x89 \xE2\x80\x94"));
    }
}
