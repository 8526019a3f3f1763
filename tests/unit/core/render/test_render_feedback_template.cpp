#include "core/render/render_feedback_template.hpp"

#include "core/feedback/round_import.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace leadctl;

namespace {

const Framework& demo() {
    static const Framework fw = *load_framework(R"yaml(id: demo
title: Demo <b>model</b>
edition: "2nd [edition](javascript:alert(1))"
scale:
  - {id: low, name: Low, description: Starting out.}
  - {id: mid, name: Middling}
  - {id: high, name: High, description: Leading others.}
items:
  - code: "1"
    name: Listening <script>
    description: Hearing what is said.
    levels: {low: Lets people finish, high: Draws out the quiet ones}
  - code: "2"
    name: Deciding
    items:
      - {code: "2.1", name: Weighing}
      - {code: group, name: Deciding together}
)yaml",
                                                "demo.yaml")
                                     .framework;
    return fw;
}

FeedbackTemplate form() {
    auto built = build_feedback_template(demo());
    REQUIRE(built.form);
    return *built.form;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_SUITE("core::render_feedback_template") {
    TEST_CASE("the CSV is one header row: rater, group, then each rated item's three columns") {
        CHECK(render_template_csv(form()) ==
              "rater,group,1,1 importance,1 comment,2.1,2.1 importance,2.1 comment,demo:group,demo:group "
              "importance,demo:group comment\r\n");
    }

    TEST_CASE("feedback import reads the CSV back once a row per rater is filled in") {
        const std::string csv = render_template_csv(form()) +
                                "s01,self,high,4,,low,,,mid,2,\n"
                                "r01,line-manager,2,5,\"Listens, then acts\",mid,3,,,,\n"
                                "r02,peer,low,,,1,1,,3,5,\n"
                                "r03,peer,,,,high,2,,high,4,Good at it\n";
        RoundImportOptions o;
        o.framework = "demo";
        o.person_id = "p1";
        o.opened = "2026-01-01";
        o.closed = "2026-01-31";
        const auto imported = import_round_csv(csv, "form.csv", o, [](std::string_view id) -> const Framework* {
            return id == "demo" ? &demo() : nullptr;
        });
        CHECK(imported.wide);
        CHECK_FALSE(imported.diagnostics.has_errors());
        REQUIRE_FALSE(imported.yaml.empty());
        // 10 ratings: every non-empty rating cell, each on the item its column names.
        CHECK(count(imported.yaml, "rating:") == 10);
        CHECK(imported.yaml.find("{rater: r01, item: demo:1, rating: mid, importance: 5, comment: \"Listens, then "
                                 "acts\"}") != std::string::npos);
        CHECK(imported.yaml.find("{rater: r03, item: demo:group, rating: high, importance: 4, comment: Good at it}") !=
              std::string::npos);
        CHECK(imported.yaml.find("{rater: r02, item: demo:2.1, rating: low, importance: 1}") != std::string::npos);
    }

    TEST_CASE("the Markdown form: a box per level per item, the item's own level texts, importance 1 to 5") {
        const std::string md = render_template_markdown(form());
        CHECK(
            md.find("# 360-degree feedback form: Demo \\<b\\>model\\</b\\>, 2nd \\[edition\\](javascript:alert(1))") ==
            0);
        CHECK(md.find("<script>") == std::string::npos);
        CHECK(md.find("## 1 Listening \\<script\\>\n\nHearing what is said.\n") != std::string::npos);
        CHECK(md.find("- [ ] 1 Low: Lets people finish\n- [ ] 2 Middling\n- [ ] 3 High: Draws out the quiet ones\n") !=
              std::string::npos);
        CHECK(count(md, "- [ ] ") == 3 * 3);
        CHECK(count(md, "Importance to the role (tick one):  [ ] 1  [ ] 2  [ ] 3  [ ] 4  [ ] 5\n") == 3);
        // The elements of domain 2 under its heading, once; the domain itself is not rated.
        CHECK(count(md, "## 2 Deciding\n") == 1);
        CHECK(md.find("### 2.1 Weighing") != std::string::npos);
        CHECK(md.find("### group Deciding together") != std::string::npos);
        CHECK(md.find("| 1 | Low | Starting out. |\n| 2 | Middling |  |\n| 3 | High | Leading others. |\n") !=
              std::string::npos);
        CHECK(md.find("[ ] self (the form is about you)") != std::string::npos);
        CHECK(md.find("group (self, line-manager, peer, direct-report, other)") != std::string::npos);
    }

    TEST_CASE("on a numeric scale: a box per number, or a line to write it on above 11 points") {
        std::string why;
        TemplateScales scales;
        scales.scale = parse_scale_range("1-5", why);
        auto built = build_feedback_template(demo(), scales);
        REQUIRE(built.form);
        std::string md = render_template_markdown(*built.form);
        CHECK(count(md, "Rating (tick one):  [ ] 1  [ ] 2  [ ] 3  [ ] 4  [ ] 5\n") == 3);
        CHECK(md.find("Numbers from 1 (lowest) to 5 (highest).") != std::string::npos);
        CHECK(md.find("| Rank | Level |") == std::string::npos);  // the levels are not what is rated
        CHECK(md.find("Lets people finish") == std::string::npos);
        CHECK(md.find("a number from 1 to 5; empty when not rated") != std::string::npos);
        CHECK(md.find("--framework demo --scale 1-5 --format csv") != std::string::npos);
        CHECK(md.find("leadctl feedback import --scale 1-5 turns") != std::string::npos);

        scales.scale = parse_scale_range("0-10", why);  // 11 points: still boxes
        built = build_feedback_template(demo(), scales);
        REQUIRE(built.form);
        CHECK(count(render_template_markdown(*built.form), "[ ] 10\n") == 3);

        scales.scale = parse_scale_range("0-11", why);  // 12 points: written in
        scales.importance_min = 1;
        scales.importance_max = 100;
        built = build_feedback_template(demo(), scales);
        REQUIRE(built.form);
        md = render_template_markdown(*built.form);
        CHECK(count(md, "Rating (a number from 0 to 11): ________\n") == 3);
        CHECK(count(md, "Importance to the role (a number from 1 to 100): ________") == 3);
        CHECK(md.find("[ ] 7") == std::string::npos);
        CHECK(md.find("For each item, write the one number from 0 (lowest) to 11 (highest)") != std::string::npos);
        CHECK(md.find("--scale 0-11 --importance-scale 1-100") != std::string::npos);
        const std::string page = render_template_html(*built.form, Style{});
        CHECK(count(page, "<p>Rating (a number from 0 to 11): <span class=\"line short\"></span></p>") == 3);
        CHECK(page.find("<table class=\"rate\"") == std::string::npos);
    }

    TEST_CASE("the HTML form: the shared page, boxes to tick, user text escaped, the footer's date when given") {
        Style style;
        const std::string plain = render_template_html(form(), style);
        style.generated = "2026-11-25";
        const std::string page = render_template_html(form(), style);
        CHECK(page.find("<!DOCTYPE html>") == 0);
        CHECK(page.find("@media print") != std::string::npos);
        CHECK(page.find("<script>") == std::string::npos);
        CHECK(page.find("Listening &lt;script&gt;") != std::string::npos);
        CHECK(page.find("<title>360-degree feedback form: Demo &lt;b&gt;model&lt;/b&gt;, 2nd [edition]") !=
              std::string::npos);
        // 5 groups, then per item 3 levels and 5 points of importance.
        CHECK(count(page, "<span class=\"box\"") == 5 + 3 * (3 + 5));
        CHECK(count(page, "<section class=\"item\">") == 3);
        CHECK(count(page, "<div class=\"comment\">") == 3);
        CHECK(page.find("Draws out the quiet ones</td>") != std::string::npos);
        CHECK(page.find("Generated on 2026-11-25 by leadctl.") != std::string::npos);
        CHECK(plain.find("Generated on") == std::string::npos);
        CHECK(page.rfind("</html>\n") == page.size() - 8);
    }
}
