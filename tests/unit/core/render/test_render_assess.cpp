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

Assessment hostile_assessment(const Hostile& h) {
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
    return as.finish();
}

}  // namespace

TEST_SUITE("core::render_assess") {
    TEST_CASE("HTML escapes every piece of user text and holds only known tags, no scripts") {
        Hostile h;
        const auto html = render_assess_html(hostile_assessment(h));
        static const std::set<std::string> allowed{
            "!DOCTYPE", "html",  "/html", "head",  "/head",  "meta",  "title",  "/title", "style",   "/style", "body",
            "/body",    "h1",    "/h1",   "h2",    "/h2",    "p",     "/p",     "strong", "/strong", "svg",    "/svg",
            "text",     "/text", "rect",  "table", "/table", "thead", "/thead", "tbody",  "/tbody",  "tr",     "/tr",
            "th",       "/th",   "td",    "/td",   "ul",     "/ul",   "li",     "/li",    "ol",      "/ol",    "br"};
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
