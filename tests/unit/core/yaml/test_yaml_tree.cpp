#include "core/yaml/yaml_tree.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace leadctl;

namespace {
std::string first_code(const yaml::Document& d) {
    return d.diagnostics.items().empty() ? "" : d.diagnostics.items().front().code;
}
const Diagnostic& first(const yaml::Document& d) {
    return d.diagnostics.items().at(0);
}

/// Parses `text` as a stream, as the evidence reader does: root-level list elements
/// go to the hook; returns the "id" of each element handed over.
yaml::Document stream(const std::string& text, std::vector<std::string>& ids) {
    std::istringstream in(text);
    const yaml::StreamHook hook = [&](const yaml::Node&, const yaml::Node& value, bool element) {
        if (!element) return false;
        const auto* id = value.find("id");
        ids.push_back(id ? id->value : "?");
        return true;
    };
    return yaml::parse(in, "log.yaml", hook);
}

/// A stream that hands over one byte at a time, as a slow pipe may.
class Trickle : public std::streambuf {
public:
    explicit Trickle(std::string text) : text_(std::move(text)) {}

protected:
    int_type underflow() override {
        if (at_ >= text_.size()) return traits_type::eof();
        setg(&text_[at_], &text_[at_], &text_[at_] + 1);
        ++at_;
        return traits_type::to_int_type(text_[at_ - 1]);
    }

private:
    std::string text_;
    std::size_t at_ = 0;
};

/// A stream that hands over chunks of random sizes (1 byte to 40 kB).
class Chunky : public std::streambuf {
public:
    Chunky(std::string text, unsigned seed) : text_(std::move(text)), rng_(seed) {}

protected:
    int_type underflow() override {
        if (at_ >= text_.size()) return traits_type::eof();
        std::size_t n = rng_() % 5 == 0 ? 1 + rng_() % 40000 : 1 + rng_() % 7;
        n = std::min(n, text_.size() - at_);
        setg(&text_[at_], &text_[at_], &text_[at_] + n);
        at_ += n;
        return traits_type::to_int_type(*gptr());
    }

private:
    std::string text_;
    std::size_t at_ = 0;
    std::mt19937 rng_;
};

/// Diagnostics and whether there is a root, as one comparable text.
std::string outcome(const yaml::Document& d) {
    std::string s = d.root ? "root\n" : "no root\n";
    for (const auto& x : d.diagnostics.items()) {
        s += x.code + " " + std::to_string(x.location.line) + ":" + std::to_string(x.location.column) + " " +
             x.message + "\n";
    }
    return s;
}

// An evidence log whose second entry opens a quote it never closes.
const std::string kUnterminatedToEnd =
    "entries:\n"
    "  - id: e1\n"
    "    reflection: \"fine\"\n"
    "  - id: e2\n"
    "    reflection: \"I learned that\n"
    "  - id: e3\n"
    "    title: x\n"
    "  - id: e4\n"
    "    title: last\n";
}  // namespace

TEST_SUITE("core::yaml_tree") {
    TEST_CASE("nodes carry 1-based line and column and raw scalar text") {
        const auto doc = yaml::parse("id: mlcf\nitems:\n  - code: 1.10\n    name: \"x\"\n", "f.yaml");
        REQUIRE(doc.root);
        CHECK(doc.diagnostics.empty());
        const auto* items = doc.root->find("items");
        REQUIRE(items);
        REQUIRE(items->is_sequence());
        const auto* code = items->items.at(0)->find("code");
        REQUIRE(code);
        CHECK(code->value == "1.10");  // not the float 1.1
        CHECK_FALSE(code->quoted);
        CHECK(code->line == 3);
        CHECK(code->column == 11);
        CHECK(items->items.at(0)->find("name")->quoted);
    }

    TEST_CASE("an alias bomb fails fast instead of expanding") {
        std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 12; ++i) {
            text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
            for (int k = 0; k < 9; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
            text += "]\n";
        }
        const auto start = std::chrono::steady_clock::now();
        const auto doc = yaml::parse(text, "bomb.yaml");
        const auto elapsed = std::chrono::steady_clock::now() - start;
        CHECK_FALSE(doc.root);
        CHECK(first_code(doc) == "yaml-too-large");
        // A functional bound, not a benchmark: expansion would take minutes and gigabytes.
        CHECK(elapsed < std::chrono::seconds(5));
    }

    TEST_CASE("small aliases are shared, not refused") {
        const auto doc = yaml::parse("base: &b {x: 1}\nother: *b\n", "a.yaml");
        REQUIRE(doc.root);
        CHECK(doc.root->find("other")->find("x")->value == "1");
        CHECK(doc.root->find("other") == doc.root->find("base"));
    }

    TEST_CASE("deep nesting is refused with its location") {
        const std::string text(100000, '[');
        const auto doc = yaml::parse(text, "deep.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-too-deep");
        CHECK(doc.diagnostics.items().front().location.line == 1);
        CHECK(doc.diagnostics.items().front().location.column > 1);
    }

    TEST_CASE("binary, non-UTF-8 and empty input are reported, not parsed") {
        CHECK(first_code(yaml::parse(std::string("id: x\n\0\1", 8), "b.yaml")) == "binary-file");
        const auto latin1 = yaml::parse("id: x\ntitle: caf\xe9\n", "l.yaml");
        REQUIRE(first_code(latin1) == "not-utf8");
        CHECK(latin1.diagnostics.items().front().location.line == 2);
        CHECK(latin1.diagnostics.items().front().location.column == 11);
        CHECK(first_code(yaml::parse("", "e.yaml")) == "empty-file");
        CHECK(first_code(yaml::parse("# only a comment\n\n", "c.yaml")) == "empty-file");
        yaml::Limits small;
        small.max_bytes = 4;
        CHECK(first_code(yaml::parse("id: abc\n", "big.yaml", small)) == "file-too-large");
    }

    TEST_CASE("a value over the limit is refused where it starts, however many lines it spans") {
        yaml::Limits small;
        small.max_value_bytes = 16;
        const auto ok = yaml::parse("a: |\n  0123456789\n  abcd\n", "ok.yaml", small);  // 16 bytes with line ends
        CHECK(ok.root);
        const auto doc = yaml::parse("a: x\nb: |\n  0123456789\n  abcdef\n", "v.yaml", small);
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "value-too-large");
        CHECK(doc.diagnostics.items().front().location.line == 2);
        CHECK(doc.diagnostics.items().front().location.column == 4);
    }

    TEST_CASE("syntax errors point at the problem") {
        const auto doc = yaml::parse("id: x\ntitle: [unclosed\nitems:\n", "s.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(doc.diagnostics.items().front().location.line == 3);
    }

    TEST_CASE("duplicate keys are errors but parsing goes on") {
        const auto doc = yaml::parse("id: a\nid: b\ntitle: t\n", "d.yaml");
        REQUIRE(doc.root);
        REQUIRE(first_code(doc) == "yaml-duplicate-key");
        CHECK(doc.diagnostics.items().front().location.line == 2);
    }

    TEST_CASE("a second document is refused where it starts") {
        const auto doc = yaml::parse("id: a\n---\nid: b\n", "m.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-multiple-documents");
        CHECK(first(doc).location.line == 2);
        CHECK(first(doc).location.column == 1);
    }

    TEST_CASE("an unterminated quoted value is a located error, never fewer entries") {
        // yaml-cpp ended the value at the end of the file: e3 and e4 vanished into e2's
        // reflection without a word. libyaml refuses the file.
        const auto doc = yaml::parse(kUnterminatedToEnd, "log.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(first(doc).location.line == 10);  // the end of the file, where the value is still open
        CHECK(first(doc).message ==
              "unterminated quoted value (the quote opened at line 5, column 17 is never closed)");

        // Streamed, as evidence logs are: the entry before it was handed over, and the
        // error stops the log there (the caller reports it; nothing is silently short).
        std::vector<std::string> ids;
        const auto streamed = stream(kUnterminatedToEnd, ids);
        CHECK_FALSE(streamed.root);
        CHECK(first_code(streamed) == "yaml-syntax");
        CHECK(first(streamed).location.line == 10);
        CHECK(ids == std::vector<std::string>{"e1"});
    }

    TEST_CASE("an unterminated quoted value closed by a later quote names where it opened") {
        // The next entry's opening quote closes e2's value; what follows it cannot parse.
        const std::string text =
            "entries:\n"
            "  - id: e1\n"
            "  - id: e2\n"
            "    reflection: \"I learned that\n"
            "  - id: e3\n"
            "    reflection: \"third\"\n"
            "  - id: e4\n";
        std::vector<std::string> ids;
        const auto doc = stream(text, ids);
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        // At the first line the value took that is not indented under its key.
        CHECK(first(doc).location.line == 5);
        CHECK(first(doc).location.column == 1);
        CHECK(first(doc).message.find("unterminated quoted value? The quote opened at line 4, column 17 runs on to "
                                      "line 6") == 0);
        CHECK(ids == std::vector<std::string>{"e1"});
        CHECK(first(yaml::parse(text, "log.yaml")).message == first(doc).message);
    }

    TEST_CASE("a quoted value that takes in the next entries is refused even when its quotes pair up") {
        // e2's quote is closed by the quote that should have ended e3's reflection:
        // valid to libyaml (and yaml-cpp), which lose e3; YAML wants the value's further
        // lines indented under its key, and they are not.
        const std::string text =
            "entries:\n"
            "  - id: e1\n"
            "  - id: e2\n"
            "    reflection: \"I learned that\n"
            "  - id: e3\n"
            "    reflection: ok\"\n"
            "  - id: e4\n";
        std::vector<std::string> ids;
        const auto doc = stream(text, ids);
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(first(doc).location.line == 5);
        CHECK(ids == std::vector<std::string>{"e1"});
        const auto whole = yaml::parse(text, "log.yaml");
        REQUIRE(first_code(whole) == "yaml-syntax");
        CHECK(first(whole).location.line == 5);

        // Quoted values over lines indented under their key (or '-') are fine, blank lines too.
        const std::string good =
            "entries:\n"
            "  - id: e1\n"
            "    reflection: \"one\n"
            "      two\n"
            "\n"
            "     three\"\n"
            "  - 'single\n"
            "   quoted'\n"
            "top: \"a\n"
            " b\"\n"
            "k:\n"
            "- \"indentless\n"
            "  list\"\n";
        const auto ok = yaml::parse(good, "ok.yaml");
        REQUIRE(ok.root);
        CHECK(ok.diagnostics.empty());
        CHECK(ok.root->find("entries")->items.at(0)->find("reflection")->value == "one two\nthree");
        CHECK(ok.root->find("top")->value == "a b");
        ids.clear();
        CHECK(stream(good, ids).diagnostics.empty());
        CHECK(ids.size() == 3);
    }

    TEST_CASE("an unterminated flow list names its opening bracket") {
        const auto doc = yaml::parse("a: [1, 2\nb: 3\n", "f.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(first(doc).location.line == 2);
        CHECK(first(doc).message.find("unterminated list: the '[' at line 1, column 4 is never closed") == 0);
        const auto map = yaml::parse("a: {x: 1\n", "m.yaml");
        REQUIRE(first_code(map) == "yaml-syntax");
        CHECK(first(map).message.find("unterminated mapping: the '{' at line 1, column 4") == 0);
    }

    TEST_CASE("a tab used as indentation is refused in plain words") {
        for (const char* text : {"a:\n\tb: 2\n", "a: 1\n\tb: 2\n", "a:\n  - x\n\t- y\n", "a: |\n  x\n\ty\n"}) {
            CAPTURE(text);
            const auto doc = yaml::parse(text, "t.yaml");
            CHECK_FALSE(doc.root);
            REQUIRE(first_code(doc) == "yaml-syntax");
            CHECK(first(doc).message == "tabs cannot indent YAML; use spaces");
            CHECK(first(doc).location.column == 1);
        }
        // A tab after "key:" separates, it does not indent: allowed.
        const auto ok = yaml::parse("a:\tb\n", "ok.yaml");
        REQUIRE(ok.root);
        CHECK(ok.root->find("a")->value == "b");
    }

    TEST_CASE("other syntax errors are explained in plain words") {
        const auto colon = yaml::parse("title: a: b\n", "c.yaml");
        REQUIRE(first_code(colon) == "yaml-syntax");
        CHECK(first(colon).location.column == 9);
        CHECK(first(colon).message.find("unexpected ':' here") == 0);
        const auto key = yaml::parse("a:\n  b: 1\n c: 2\n", "k.yaml");
        REQUIRE(first_code(key) == "yaml-syntax");
        CHECK(first(key).location.line == 3);
        CHECK(first(key).message.find("expected a key here") == 0);
        const auto at = yaml::parse("a: @home\n", "at.yaml");
        CHECK(first(at).message == "a value cannot begin with '@' (YAML reserves it); put the value in quotes");
        const auto undefined = yaml::parse("a: *nope\n", "u.yaml");
        REQUIRE(first_code(undefined) == "yaml-syntax");
        CHECK(first(undefined).message == "alias *nope refers to no anchor &nope before it");
        const auto recursive = yaml::parse("a: &x [1, *x]\n", "r.yaml");
        CHECK(first_code(recursive) == "yaml-alias");
    }

    TEST_CASE("a document that ends inside a block scalar keeps the value whole") {
        // Valid YAML: the end of the file ends the block scalar. Without a final line
        // break there is none to keep ("clip").
        const auto doc = yaml::parse("a: |\n  line one\n  line two", "b.yaml");
        REQUIRE(doc.root);
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root->find("a")->value == "line one\nline two");
        CHECK(doc.root->find("a")->quoted);
        const auto folded = yaml::parse("a: >\n  line one\n  line two\n", "b.yaml");
        REQUIRE(folded.root);
        CHECK(folded.root->find("a")->value == "line one line two\n");
    }

    TEST_CASE("control characters are refused at their line and column") {
        std::string text;
        for (int i = 0; i < 3000; ++i) text += "k" + std::to_string(i) + ": caf\xc3\xa9 " + std::to_string(i) + "\n";
        text += "bad: x\x0cy\n";
        const auto doc = yaml::parse(text, "c.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(first(doc).location.line == 3001);
        CHECK(first(doc).location.column == 7);
        CHECK(first(doc).message.find("control character U+000C") != std::string::npos);
        std::vector<std::string> ids;
        const auto streamed = stream(text, ids);
        REQUIRE(first_code(streamed) == "yaml-syntax");
        CHECK(first(streamed).location.line == 3001);
        CHECK(first(streamed).location.column == 7);
    }

    TEST_CASE("columns count characters, not bytes") {
        const auto doc = yaml::parse("k: [\xc3\xa9t\xc3\xa9, x]\n", "u.yaml");
        REQUIRE(doc.root);
        const auto& items = doc.root->find("k")->items;
        REQUIRE(items.size() == 2);
        CHECK(items[1]->column == 10);
    }

    TEST_CASE("the stream overload hands over elements and lets the hook's exceptions through") {
        const std::string text = "person: {id: p}\nentries:\n  - id: a\n  - id: b\n  - id: c\n";
        std::vector<std::string> ids;
        const auto doc = stream(text, ids);
        REQUIRE(doc.root);
        CHECK(ids == std::vector<std::string>{"a", "b", "c"});
        CHECK(doc.root->find("entries")->items.empty());  // consumed, not kept

        std::istringstream in(text);
        int seen = 0;
        const yaml::StreamHook stop = [&](const yaml::Node&, const yaml::Node&, bool element) -> bool {
            if (element && ++seen == 2) throw std::runtime_error("stop");
            return element;
        };
        CHECK_THROWS_AS(yaml::parse(in, "log.yaml", stop), std::runtime_error);
        CHECK(seen == 2);
    }

    TEST_CASE("NEL, LS, PS, DEL and U+FFFE read back as text, as YAML 1.2 and JSON have them") {
        // libyaml (YAML 1.1) takes NEL, LS and PS for line breaks and refuses DEL and U+FFFE;
        // stand-ins keep them text, columns included.
        const std::string nasty =
            "a\xC2\x85"
            "b\xE2\x80\xA8"
            "c\xE2\x80\xA9"
            "d\x7F"
            "e\xEF\xBF\xBE"
            "f\xC2\x9F";
        const std::string text = "q: \"" + nasty + "\"\np: " + nasty + "\nk: [" + nasty + ", x]\n";
        const auto doc = yaml::parse(text, "n.yaml");
        REQUIRE(doc.root);
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root->find("q")->value == nasty);
        CHECK(doc.root->find("p")->value == nasty);
        CHECK(doc.root->find("k")->items.at(1)->column == 19);  // one column per character
        CHECK(doc.root->find("k")->items.at(1)->line == 3);

        // Streamed one byte at a time (every character cut at every place), and in
        // chunks with characters cut by libyaml's reads.
        Trickle slow(text);
        std::istream in(&slow);
        const auto trickled =
            yaml::parse(in, "n.yaml", [](const yaml::Node&, const yaml::Node&, bool) { return false; });
        REQUIRE(trickled.root);
        CHECK(trickled.root->find("q")->value == nasty);
        std::string big;
        for (int i = 0; i < 4000; ++i) big += "k" + std::to_string(i) + ": \"" + nasty + "\"\n";
        std::vector<std::string> ids;
        std::istringstream big_in(big);
        const auto chunked =
            yaml::parse(big_in, "big.yaml", [](const yaml::Node&, const yaml::Node&, bool) { return false; });
        REQUIRE(chunked.root);
        REQUIRE(chunked.root->entries.size() == 4000);
        for (const auto& [k, v] : chunked.root->entries) REQUIRE(v->value == nasty);
        CHECK(chunked.root->entries.back().first->line == 4000);
    }

    TEST_CASE("a stand-in character in the file itself is refused where it is") {
        const auto doc = yaml::parse("a: x\nb: y\xF4\x8F\xBA\x85z\n", "r.yaml");
        CHECK_FALSE(doc.root);
        REQUIRE(first_code(doc) == "yaml-syntax");
        CHECK(first(doc).location.line == 2);
        CHECK(first(doc).location.column == 5);
        CHECK(first(doc).message.find("U+10FE85") != std::string::npos);
        // Other private-use characters are ordinary text.
        const auto ok = yaml::parse("a: \xF4\x8F\xBF\xBF\n", "ok.yaml");
        REQUIRE(ok.root);
        CHECK(ok.root->find("a")->value == "\xF4\x8F\xBF\xBF");
    }

    TEST_CASE("issue 17: CR-only line ends are refused at the first lone CR, read whole or as a stream") {
        // A policy that starts with a comment: under yaml-cpp it read as one comment,
        // so the defaults were used silently.
        const std::string policy = "# stricter\rmin_entries: 3\rwindow_years: 5\r";
        const auto whole = yaml::parse(policy, "p.yaml");
        CHECK_FALSE(whole.root);
        REQUIRE(whole.diagnostics.items().size() == 1);
        CHECK(first(whole).code == "cr-line-ends");
        CHECK(first(whole).location.line == 1);
        CHECK(first(whole).location.column == 11);
        CHECK(first(whole).message ==
              "this file uses CR-only line ends (classic Mac); save it with LF or CRLF line ends");
        for (unsigned seed = 0; seed < 20; ++seed) {
            Chunky chunks(policy, seed);
            std::istream in(&chunks);
            const auto streamed =
                yaml::parse(in, "p.yaml", [](const yaml::Node&, const yaml::Node&, bool) { return false; });
            CHECK(outcome(streamed) == outcome(whole));
        }
        // CR LF is fine, and so is a CR LF split across two reads.
        CHECK(yaml::parse("a: 1\r\nb: 2\r\n", "p.yaml").diagnostics.empty());
        // A lone CR after LF lines is placed by LF lines; a last byte CR is lone too.
        CHECK(first(yaml::parse("a: 1\nb: 2\rc: 3\n", "p.yaml")).location.line == 2);
        CHECK(first(yaml::parse("a: 1\nb: 2\r", "p.yaml")).code == "cr-line-ends");
        // A fatal problem before the lone CR comes first.
        CHECK(first(yaml::parse("a: [1\n\tb: 2\rc: 3\n", "p.yaml")).code != "cr-line-ends");
    }

    TEST_CASE("the text and the stream overloads agree on damaged files") {
        // Example logs with a few characters inserted, deleted or replaced (quotes,
        // brackets, tabs, CRs, stand-in characters...), read whole and as a stream in
        // chunks of random sizes: the same diagnostics at the same places.
        std::ifstream file(LEADCTL_SOURCE_DIR "/examples/logs/foundation-f2.yaml", std::ios::binary);
        std::stringstream buffer;
        buffer << file.rdbuf();
        const std::string seed = buffer.str();
        REQUIRE(!seed.empty());
        const std::string alphabet = "\"'[]{}:-#\t\n\r |>&*!,\x7f\xc2\x85\xe2\x80\xa8";
        std::mt19937 rng(42);
        int compared = 0;
        for (unsigned iteration = 0; iteration < 300; ++iteration) {
            std::string text = seed;
            for (unsigned m = 0; m < 1 + rng() % 4; ++m) {
                const std::size_t at = rng() % text.size();
                const char c = alphabet[rng() % alphabet.size()];
                switch (rng() % 3) {
                    case 0:
                        text.insert(at, 1, c);
                        break;
                    case 1:
                        text.erase(at, 1 + rng() % 3);
                        break;
                    default:
                        text[at] = c;
                }
            }
            const auto whole = yaml::parse(text, "f.yaml");
            const auto code = first_code(whole);
            if (code == "not-utf8" || code == "binary-file") continue;  // checked before parsing, not by it
            Chunky chunks(text, iteration);
            std::istream in(&chunks);
            const auto streamed =
                yaml::parse(in, "f.yaml", [](const yaml::Node&, const yaml::Node&, bool) { return false; });
            CAPTURE(text);
            CHECK(outcome(streamed) == outcome(whole));
            ++compared;
        }
        CHECK(compared > 150);
    }
}
