#include "core/util/text.hpp"

#include <doctest/doctest.h>

using namespace leadctl::text;

TEST_SUITE("core::text") {
    TEST_CASE("edit distance counts a swap of neighbours as one edit") {
        CHECK(edit_distance("title", "titel") == 1);
        CHECK(edit_distance("kitten", "sitting") == 3);
        CHECK(edit_distance("", "abc") == 3);
        CHECK(edit_distance("ABC", "abc") == 0);
    }

    TEST_CASE("closest match suggests plausible typos and unique prefixes only") {
        const std::vector<std::string> keys{"description", "name", "code", "corporate", "core"};
        CHECK(closest_match("descripton", keys) == "description");
        CHECK(closest_match("nmae", keys) == "name");
        CHECK_FALSE(closest_match("zzzzzz", keys).has_value());
        CHECK(closest_match("corpo", keys) == "corporate");
        // One- and two-character words only match exactly: "2" is not a typo of "1".
        const std::vector<std::string> codes{"1", "2.1"};
        CHECK_FALSE(closest_match("3", codes).has_value());
        CHECK(did_you_mean("2.2", codes) == " (did you mean \"2.1\"?)");
        CHECK(did_you_mean("qqqqq", codes).empty());
    }

    TEST_CASE("invalid UTF-8 is found at its first bad byte") {
        CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
        CHECK_FALSE(find_invalid_utf8("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80").has_value());
        CHECK(find_invalid_utf8("caf\xe9") == 3u);           // Latin-1 e-acute
        CHECK(find_invalid_utf8("a\xc0\x80") == 1u);         // overlong NUL
        CHECK(find_invalid_utf8("ab\xed\xa0\x80") == 2u);    // UTF-16 surrogate
        CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // above U+10FFFF
        CHECK(find_invalid_utf8("x\xe2\x80") == 1u);         // truncated sequence
    }

    TEST_CASE("line and column are 1-based and count code points") {
        const std::string s = "ab\ncd\xc3\xa9x";
        CHECK(line_column_at(s, 0).line == 1);
        CHECK(line_column_at(s, 0).column == 1);
        CHECK(line_column_at(s, 3).line == 2);
        CHECK(line_column_at(s, 3).column == 1);
        CHECK(line_column_at(s, 7).column == 4);  // after "cd" and the two-byte e-acute
    }

    TEST_CASE("slugs are lowercase words joined by single hyphens") {
        CHECK(slugify("Building & Maintaining Relationships") == "building-and-maintaining-relationships");
        CHECK(slugify("  Engaging the team ") == "engaging-the-team");
        CHECK(is_slug("engaging-the-team"));
        CHECK_FALSE(is_slug("Engaging"));
        CHECK_FALSE(is_slug("a--b"));
        CHECK_FALSE(is_slug("-a"));
        CHECK_FALSE(is_slug(""));
    }

    TEST_CASE("a Markdown table cell escapes pipes and folds line breaks") {
        CHECK(markdown_cell("a|b\r\nc") == "a\\|b  c");
        CHECK(markdown_cell("plain") == "plain");
    }

    TEST_CASE("markdown_safe leaves no raw HTML, entity, link or image") {
        CHECK(markdown_safe("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
        CHECK(markdown_safe("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))");
        CHECK(markdown_safe("![x](http://e/x.png)") == "!\\[x\\](http://e/x.png)");
        CHECK(markdown_safe("a & b &lt;") == "a & b &lt;");  // an entity shows a character, no more
        // A backslash of the user's cannot undo one of ours.
        CHECK(markdown_safe("\\[a]") == "\\\\\\[a\\]");
        CHECK(markdown_safe("`<b>`") == "\\`\\<b\\>\\`");
        CHECK(markdown_safe("two\nlines | kept") == "two\nlines | kept");
        CHECK(markdown_safe("Leading (and) *managing*") == "Leading (and) *managing*");
        // A control character is made visible; Markdown shows the escape's backslash as such.
        CHECK(markdown_safe("bell\x07") == "bell\\\\x07");
    }

    TEST_CASE("markdown_safe makes a code span that its text cannot close") {
        CHECK(markdown_safe("nhs:1.2", MarkdownSink::code) == "`nhs:1.2`");
        CHECK(markdown_safe("a`<b>`", MarkdownSink::code) == "`` a`<b>` ``");
        CHECK(markdown_safe("x``y", MarkdownSink::code) == "```x``y```");
        CHECK(markdown_safe("a\nb", MarkdownSink::code) == "`a b`");
    }

    TEST_CASE("terminal_safe makes every control character visible") {
        CHECK(terminal_safe("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");
        CHECK(terminal_safe("\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\") ==
              "\\x1b]8;;http://e\\x1b\\link\\x1b]8;;\\x1b\\");
        CHECK(terminal_safe("a\bb\rc\x7f") == "a\\x08b\\x0dc\\x7f");
        CHECK(terminal_safe("tab\tline\n") == "tab\\x09line\\x0a");
        CHECK(terminal_safe("tab\tline\n", TerminalText::block) == "tab\tline\n");
        CHECK(terminal_safe("cr\r\n", TerminalText::block) == "cr\\x0d\n");
        CHECK(terminal_safe("c1 \xc2\x9b"
                            "31m") == "c1 \\u009b31m");
        CHECK(terminal_safe("\xe2\x80\xae"
                            "evil") == "\\u202eevil");
        CHECK(terminal_safe("bad \xff byte") == "bad \\xff byte");
        CHECK(terminal_safe("Amara \xc3\x89 \xe2\x80\x94 \xc2\xb7 \\n") == "Amara \xc3\x89 \xe2\x80\x94 \xc2\xb7 \\n");
        CHECK(terminal_safe("") == "");
    }

    TEST_CASE("escape_html escapes quotes for attributes and keeps them in content") {
        CHECK(escape_html("a<b> & \"c\" 'd'") == "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;");
        CHECK(escape_html("a<b> & \"c\" 'd'", HtmlSink::content) == "a&lt;b&gt; &amp; \"c\" 'd'");
        CHECK(escape_html("plain é") == "plain é");
    }

    TEST_CASE("escape_html shows control characters in reports as text output does, and keeps them for Moodle") {
        // Issue 17: a log's ESC, BEL, CR, DEL, C1 or bidi override never reaches a report's HTML raw.
        CHECK(escape_html("a\x1b[2Jb\x07"
                          "c\rd\x7f") == "a\\x1b[2Jb\\x07c\\x0dd\\x7f");
        CHECK(escape_html("x\xc2\x9by\xe2\x80\xaez") == "x\\u009by\\u202ez");
        CHECK(escape_html("two\nlines\tand a tab") == "two\nlines\tand a tab");
        CHECK(escape_html("bad \xff byte") == "bad \\xff byte");
        CHECK(escape_html("a\x1b"
                          "b",
                          HtmlSink::content) ==
              "a\x1b"
              "b");
    }

    TEST_CASE("wrap breaks at word boundaries within the width") {
        const auto lines = wrap("one two three four five six", 10);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == "one two");
        CHECK(lines[1] == "three four");
        CHECK(lines[2] == "five six");
        CHECK(display_width("\xc3\xa9t\xc3\xa9") == 3);
    }

    TEST_CASE("wrap never breaks inside a word: a longer word overflows on its own line") {
        const auto lines = wrap("a verylongwordindeed b", 6);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == "a");
        CHECK(lines[1] == "verylongwordindeed");
        CHECK(lines[2] == "b");
        // Width is measured in code points, not bytes.
        const auto accents = wrap("\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9", 7);
        REQUIRE(accents.size() == 1);
    }

    TEST_CASE("truncate cuts to a display width with one ellipsis") {
        CHECK(truncate("Managing Yourself", 20) == "Managing Yourself");
        CHECK(truncate("Managing Yourself", 17) == "Managing Yourself");
        CHECK(truncate("Managing Yourself", 12) == "Managing Yo\u2026");
        CHECK(display_width(truncate("Managing Yourself", 12)) == 12);
        // The space before the cut is dropped, so the ellipsis follows a letter.
        CHECK(truncate("Managing Yourself", 10) == "Managing\u2026");
        CHECK(truncate("abc", 1) == "\u2026");
        CHECK(truncate("abc", 0).empty());
        // Multi-byte code points are kept whole and counted as one column each.
        CHECK(truncate("caf\xc3\xa9s et th\xc3\xa9s", 5) == "caf\xc3\xa9\u2026");
        CHECK(truncate("\xc3\xa9\xc3\xa9\xc3\xa9", 2) == "\xc3\xa9\u2026");
        // from_start keeps the end (a path's file name).
        CHECK(truncate("frameworks/local.yaml", 11, true) == "\u2026local.yaml");
        CHECK(truncate("a b.yaml", 7, true) == "\u2026b.yaml");
        CHECK(truncate("\xc3\xa9\xc3\xa9\xc3\xa9", 2, true) == "\u2026\xc3\xa9");
    }
}
