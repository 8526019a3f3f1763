#include "core/render/render_assess.hpp"

#include "crosswalk_fixtures.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

using namespace leadctl;
using namespace leadctl::testing;

namespace {

/// Every tag name in an HTML document, in order ("p", "/p", ...).
std::vector<std::string> tags(const std::string& html) {
    std::vector<std::string> out;
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        std::size_t j = i + 1;
        while (j < html.size() &&
               (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '/' || html[j] == '!'))
            ++j;
        out.push_back(html.substr(i + 1, j - i - 1));
    }
    return out;
}

struct Hostile {
    Framework fw = [] {
        auto l = load_framework(R"(id: x
title: "X <b>bold</b>"
items:
  - {code: d, name: "Domain <script>alert('d')</script>", items: [{code: a, name: "A & \"B\""}]}
profiles:
  - {id: p, name: P, requires: [a]}
)",
                                "x.yaml");
        REQUIRE(l.framework);
        return *l.framework;
    }();
    CrosswalkIndex index{{}};
    std::vector<Opportunity> ops{{"o", "Try <img src=x onerror=alert(1)>", "", "qip", "editorial", {"x:a"}, {}}};
};

/// `more`: also an entry with a hostile title counted toward x:a, and a privacy finding.
Assessment hostile_assessment(const Hostile& h, bool more = false) {
    const FrameworkLookup lookup = [&](std::string_view id) -> const Framework* { return id == "x" ? &h.fw : nullptr; };
    const TargetMap targets(h.fw, *h.fw.profile("p"), {}, h.index, {lookup, {"x"}});
    Assessor as(targets, {2026, 1, 1}, lookup, h.ops);
    as.person({"<script>evil()</script>", "O'Brien \"The <Leader>\"", "", "", std::nullopt, {}, {}});
    Entry e;
    e.id = "<e1>";
    e.date = Date{2025, 5, 5};
    e.type = "audit";
    e.competencies.push_back({"x:d", {}});  // a parent tag: its warning quotes user text
    as.entry(e);
    if (!more) return as.finish();
    Entry t;
    t.id = "e2";
    t.date = Date{2025, 6, 6};
    t.type = "qip";
    t.title.value = "Audit <img src=x onerror=alert(2)> & co";
    t.competencies.push_back({"x:a", {}});
    as.entry(t);
    auto a = as.finish();
    a.privacy.push_back({Severity::warning, "privacy-nhs-number", "an NHS number <*** *** **19>", {"log.yaml", 7, 12}});
    return a;
}

}  // namespace

TEST_SUITE("core::render_assess") {
    TEST_CASE("HTML escapes every piece of user text and holds only known tags, no scripts") {
        Hostile h;
        Style style;
        style.generated = "2026-12-06";
        const auto html = render_assess_html(hostile_assessment(h, true), style);
        static const std::set<std::string> allowed{
            "!DOCTYPE", "html",    "/html",   "head",     "/head",  "meta",  "title", "/title",  "style",    "/style",
            "body",     "/body",   "h1",      "/h1",      "h2",     "/h2",   "h3",    "/h3",     "p",        "/p",
            "strong",   "/strong", "svg",     "/svg",     "rect",   "defs",  "/defs", "pattern", "/pattern", "table",
            "/table",   "thead",   "/thead",  "tbody",    "/tbody", "tr",    "/tr",   "th",      "/th",      "td",
            "/td",      "ul",      "/ul",     "li",       "/li",    "ol",    "/ol",   "br",      "header",   "/header",
            "footer",   "/footer", "section", "/section", "dl",     "/dl",   "dt",    "/dt",     "dd",       "/dd",
            "span",     "/span",   "a",       "/a",       "small",  "/small"};
        for (const auto& t : tags(html)) {
            CAPTURE(t);
            CHECK(allowed.count(t) == 1);
        }
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("&lt;script&gt;evil()&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("O&#39;Brien &quot;The &lt;Leader&gt;&quot;") != std::string::npos);
        CHECK(html.find("Try &lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
        CHECK(html.find("A &amp; &quot;B&quot;") != std::string::npos);
        CHECK(html.find("<svg") != std::string::npos);
        CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // no external assets
        // The entry's title in the item's evidence table, escaped.
        CHECK(html.find("Audit &lt;img src=x onerror=alert(2)&gt; &amp; co") != std::string::npos);
        CHECK(html.find("<img") == std::string::npos);
    }

    TEST_CASE("HTML: legend, status by word and symbol, privacy, per-item evidence and a footer") {
        Hostile h;
        Style style;
        style.generated = "2026-12-06";
        const auto a = hostile_assessment(h, true);
        const auto html = render_assess_html(a, style);
        CHECK(html.find("<h2 id=\"legend\">Legend</h2>") != std::string::npos);
        // x:a has one counted entry (e2): partial, shown with its symbol and word.
        CHECK(html.find("<span class=\"st partial\">◐ partial</span>") != std::string::npos);
        CHECK(html.find("@media print") != std::string::npos);
        // Privacy findings are on the page, their message escaped (the value is masked upstream).
        CHECK(html.find("<h2 id=\"privacy\">Privacy</h2>") != std::string::npos);
        CHECK(html.find("line 7, column 12: [privacy-nhs-number] an NHS number &lt;*** *** **19&gt;") !=
              std::string::npos);
        // The item's detail: its anchor, what it still needs, the entry that counts.
        CHECK(html.find("id=\"item-x-a\"") != std::string::npos);
        CHECK(html.find("href=\"#item-x-a\"") != std::string::npos);
        CHECK(html.find("Still needs: 1 more entry") != std::string::npos);
        CHECK(html.find("<td class=\"code\">2025-06-06</td><td class=\"code\">e2</td><td>qip</td>") !=
              std::string::npos);
        // The footer: generated on, as of, the framework, the policy in words.
        CHECK(html.find("Generated on 2026-12-06 by leadctl; as of 2026-01-01.") != std::string::npos);
        CHECK(html.find("an item is met with at least 2 counted entries of at least 2 types, one of them signed off") !=
              std::string::npos);
        // Without a generated day the footer leaves it out.
        CHECK(render_assess_html(a, Style{}).find("Generated on") == std::string::npos);
        // Text, Markdown and JSON show the privacy findings as well.
        CHECK(render_assess_text(a, Style{}).find("Privacy\n") != std::string::npos);
        CHECK(render_assess_markdown(a).find("## Privacy") != std::string::npos);
        const auto j = nlohmann::json::parse(render_assess_json(a));
        REQUIRE(j["privacy"].size() == 1);
        CHECK(j["privacy"][0]["code"] == "privacy-nhs-number");
        CHECK(j["privacy"][0]["line"] == 7);
    }

    TEST_CASE("JSON follows the leadctl.assess/2 contract") {
        Hostile h;
        const auto j = nlohmann::json::parse(render_assess_json(hostile_assessment(h)));
        CHECK(j["schema"] == "leadctl.assess/2");
        CHECK(j["person"]["id"] == "<script>evil()</script>");
        CHECK(j["framework"] == "x");
        CHECK(j["target"] == "p");
        CHECK(j["as_of"] == "2026-01-01");
        CHECK(j["policy"]["min_entries"] == 2);
        CHECK(j["summary"]["assessed"] == 1);
        CHECK(j["summary"]["gap"] == 1);
        CHECK(j["summary"]["coverage"] == 0.0);
        const auto& a = j["items"][1];
        CHECK(a["ref"] == "x:a");
        CHECK(a["required"] == true);
        CHECK(a["status"] == "gap");
        CHECK(a["level_attained"].is_null());
        CHECK(j["items"][0]["status"] == "not-required");
        CHECK(j["warnings"][0]["code"] == "parent-tag");
        CHECK(j["suggestions"][0]["item"] == "x:a");
        CHECK(j["suggestions"][0]["opportunities"][0]["id"] == "o");
        for (const char* key : {"domains", "expired"}) CHECK(j.contains(key));
        // What the item needs, and the plan: one step, the opportunity that develops it.
        REQUIRE(a["needs"].size() == 2);
        CHECK(a["needs"][0]["kind"] == "entries");
        CHECK(a["needs"][0]["count"] == 2);
        CHECK(a["needs"][1]["kind"] == "types");
        CHECK(j["items"][0]["needs"].empty());
        REQUIRE(j["plan"].size() == 1);
        CHECK(j["plan"][0]["kind"] == "opportunity");
        CHECK(j["plan"][0]["opportunity"] == "o");
        CHECK(j["plan"][0]["action"] == "Try <img src=x onerror=alert(1)>");
        CHECK(j["plan"][0]["items"] == nlohmann::json::array({"x:a"}));
        CHECK(j["plan"][0]["closes"].empty());  // one new entry: the item needs two
        CHECK(j["plan"][0]["reason"] == "a new qip entry, signed off: helps x:a");
    }

    TEST_CASE("text and Markdown show status, the next steps and what each item still needs") {
        Hostile h;
        const auto a = hostile_assessment(h);
        const auto text = render_assess_text(a, Style{});
        CHECK(text.find("Coverage 0%: 0 of 1 required items met, 0 partial, 1 gap") != std::string::npos);
        CHECK(text.find("x:a   A & \"B\"  gap") != std::string::npos);
        CHECK(text.find("Your next steps\n  1. Try <img src=x onerror=alert(1)>\n") != std::string::npos);
        CHECK(
            text.find("What each item still needs\n  x:a A & \"B\" (gap): 2 more entries; 2 more types of evidence") !=
            std::string::npos);
        const auto md = render_assess_markdown(a);
        CHECK(md.find("| `x:a` | A & \"B\" | gap |") != std::string::npos);
        CHECK(md.find("## Your next steps\n\n1. **Try \\<img src=x onerror=alert(1)\\>**") != std::string::npos);
        CHECK(md.find("- `x:a` A & \"B\" (gap): 2 more entries; 2 more types of evidence") != std::string::npos);
    }
}
