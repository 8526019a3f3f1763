#include "core/render/html.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

TEST_SUITE("core::render_html") {
    TEST_CASE("a status is a word and a symbol, not only a colour") {
        CHECK(html::badge(ItemStatus::met) == "<span class=\"st met\">✓ met</span>");
        CHECK(html::badge(ItemStatus::gap) == "<span class=\"st gap\">✗ gap</span>");
        CHECK(html::badge(ItemStatus::partial, "part <b>") == "<span class=\"st partial\">◐ part &lt;b&gt;</span>");
        CHECK(html::badge(ItemStatus::not_required) == "<span class=\"st na\">– not required</span>");
    }

    TEST_CASE("anchors keep letters, digits, '.', '_' and '-' only") {
        CHECK(html::anchor("mlcf:1.2") == "item-mlcf-1.2");
        CHECK(html::anchor("fmlm:self.1") == "item-fmlm-self.1");
        CHECK(html::anchor("x:a \"b\"<c>") == "item-x-a--b--c-");
    }

    TEST_CASE("the policy sentence follows the settings") {
        Policy p;
        CHECK(html::policy_sentence(p) ==
              "an item is met with at least 2 counted entries of at least 2 types, one of them signed off (and the "
              "target level, where the profile sets one); an entry counts within 3 years before the as-of day, toward "
              "at most 3 items, and through crosswalks of kind exact, close, broad (at most 2 hops)");
        p.min_entries = 1;
        p.min_types = 1;
        p.require_signoff = false;
        p.window_years = 1;
        p.count_relations.clear();
        const auto s = html::policy_sentence(p);
        CHECK(s.find("at least 1 counted entry of at least 1 type (") != std::string::npos);
        CHECK(s.find("signed off") == std::string::npos);
        CHECK(s.find("within 1 year before") != std::string::npos);
        CHECK(s.find("of kind none") != std::string::npos);
    }

    TEST_CASE("a page is self-contained, with a print style sheet and an escaped title") {
        const auto page = html::begin_page("A <b> & C", "td{}") + html::end_page();
        CHECK(page.find("<title>A &lt;b&gt; &amp; C</title>") != std::string::npos);
        CHECK(page.find("@media print") != std::string::npos);
        CHECK(page.find("td{}") != std::string::npos);
        CHECK(page.find("http") == std::string::npos);  // nothing fetched from anywhere
        CHECK(page.find("<script") == std::string::npos);
    }
}
