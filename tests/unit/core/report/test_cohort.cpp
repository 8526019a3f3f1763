#include "core/report/cohort.hpp"

#include "core/model/framework_loader.hpp"
#include "core/render/render_cohort.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace leadctl;

namespace {

Framework small_framework() {
    auto l = load_framework(R"(id: x
title: X
items:
  - {code: d1, name: "Domain <one>", items: [{code: a, name: A}, {code: b, name: B}]}
  - {code: d2, name: Domain two, items: [{code: c, name: C}]}
profiles:
  - {id: p, name: P, requires: [a, b, c]}
  - {id: q, name: Q, requires: [a]}
)",
                            "x.yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

/// A row as make_row would leave it: statuses of a, b, c (index 1, 2, 4).
CohortRow row(const Framework& fw, std::string id, std::string path, ItemStatus a, ItemStatus b, ItemStatus c) {
    CohortRow r;
    r.path = std::move(path);
    r.person.id = std::move(id);
    r.ok = true;
    r.items.resize(fw.items.size());
    r.items[1].status = a;
    r.items[2].status = b;
    r.items[4].status = c;
    for (auto& cell : r.items) {
        if (cell.status == ItemStatus::not_required) continue;
        ++r.assessed;
        r.met += cell.status == ItemStatus::met;
        r.partial += cell.status == ItemStatus::partial;
        r.gap += cell.status == ItemStatus::gap;
        cell.entries = cell.status == ItemStatus::met ? 2 : cell.status == ItemStatus::partial ? 1 : 0;
    }
    r.coverage = r.assessed ? static_cast<double>(r.met) / r.assessed : 0;
    return r;
}

CohortRow failed(std::string path, std::string why) {
    CohortRow r;
    r.path = std::move(path);
    r.failure = std::move(why);
    r.errors = 1;
    return r;
}

}  // namespace

TEST_SUITE("core::cohort") {
    using S = ItemStatus;

    TEST_CASE("finish_cohort sorts rows by person id then path and tallies only assessed rows") {
        const auto fw = small_framework();
        CohortReport c;
        c.framework = &fw;
        c.at_risk_below = 0.5;
        c.rows.push_back(row(fw, "p2", "z.yaml", S::met, S::gap, S::gap));  // 1/3
        c.rows.push_back(failed("broken.yaml", "3 errors in the log"));
        c.rows.push_back(row(fw, "p1", "b.yaml", S::met, S::met, S::partial));                // 2/3
        c.rows.push_back(row(fw, "p1", "a.yaml", S::gap, S::not_required, S::not_required));  // 0/1
        finish_cohort(c);
        REQUIRE(c.rows.size() == 4);
        CHECK(c.rows[0].path == "broken.yaml");  // no person id sorts first
        CHECK(c.rows[1].path == "a.yaml");
        CHECK(c.rows[2].path == "b.yaml");
        CHECK(c.rows[3].path == "z.yaml");
        CHECK(c.assessed_people == 3);
        CHECK(c.failed == 1);
        CHECK(c.item_columns == std::vector<int>{1, 2, 4});
        CHECK(c.domain_columns == std::vector<int>{0, 3});  // both domains rolled up from the items
        REQUIRE(c.tallies.size() == 3);
        CHECK(c.tallies[0].met == 2);  // a: met, met, gap
        CHECK(c.tallies[0].gap == 1);
        CHECK(c.tallies[0].assessed == 3);
        CHECK(c.tallies[1].assessed == 2);  // b was not required for a.yaml's person
        CHECK(c.tallies[2].partial == 1);
        // Most unmet first, ties in framework order: c (2 unmet), then a and b (1 each).
        REQUIRE(c.common_gaps.size() == 3);
        CHECK(c.common_gaps[0].item == 4);
        CHECK(c.common_gaps[1].item == 1);
        CHECK(c.common_gaps[2].item == 2);
        // Below 0.5: a.yaml (0) then z.yaml (1/3); b.yaml (2/3) is not.
        CHECK(c.at_risk == std::vector<std::size_t>{1, 3});
    }

    TEST_CASE("the at-risk threshold is strict") {
        const auto fw = small_framework();
        CohortReport c;
        c.framework = &fw;
        c.at_risk_below = 0.5;
        c.rows.push_back(row(fw, "half", "h.yaml", S::met, S::gap, S::not_required));
        finish_cohort(c);
        CHECK(c.at_risk.empty());
        c.at_risk_below = 0.51;
        finish_cohort(c);
        CHECK(c.at_risk.size() == 1);
    }

    TEST_CASE("safe_file_stem makes person ids into harmless file names") {
        CHECK(safe_file_stem("nbfs-f1-01") == "nbfs-f1-01");
        CHECK(safe_file_stem("../../etc/passwd") == "etc_passwd");
        CHECK(safe_file_stem(".hidden") == "hidden");
        CHECK(safe_file_stem("a..b") == "a_b");
        CHECK(safe_file_stem("a/b\\c d") == "a_b_c_d");
        CHECK(safe_file_stem("") == "person");
        CHECK(safe_file_stem("...") == "person");
        CHECK(safe_file_stem("Zoë") == "Zo_");
        CHECK(safe_file_stem(std::string(300, 'x')).size() == 100);
        for (const char* id : {"../x", "x/..", "./.", "a\nb", "C:\\x"}) {
            CAPTURE(id);
            const auto s = safe_file_stem(id);
            CHECK(s.find('/') == std::string::npos);
            CHECK(s.find("..") == std::string::npos);
            CHECK(s.front() != '.');
        }
    }

    TEST_CASE("assign_file_names numbers collisions in row order, ignoring case") {
        const auto fw = small_framework();
        CohortReport c;
        c.framework = &fw;
        c.rows.push_back(row(fw, "Dup", "1.yaml", S::met, S::met, S::met));
        c.rows.push_back(row(fw, "dup", "2.yaml", S::met, S::met, S::met));
        c.rows.push_back(failed("3.yaml", "bad"));
        c.rows.push_back(row(fw, "dup", "4.yaml", S::met, S::met, S::met));
        c.rows.push_back(row(fw, "dup-2", "5.yaml", S::met, S::met, S::met));
        assign_file_names(c, ".md");
        CHECK(c.rows[0].per_person_file == "Dup.md");
        CHECK(c.rows[1].per_person_file == "dup-2.md");
        CHECK(c.rows[2].per_person_file == "");
        CHECK(c.rows[3].per_person_file == "dup-3.md");
        CHECK(c.rows[4].per_person_file == "dup-2-2.md");
    }

    TEST_CASE("issue 17, defect 10: per-person file names and rows pass through the masker") {
        const auto fw = small_framework();
        CohortReport c;
        c.framework = &fw;
        c.rows.push_back(row(fw, "943 476 5919", "1.yaml", S::met, S::met, S::met));
        c.rows.push_back(row(fw, "NHS9434765919", "2.yaml", S::met, S::met, S::met));
        assign_file_names(c, ".json");
        CHECK(c.rows[0].per_person_file == "xxx_xxx_xx19.json");
        CHECK(c.rows[1].per_person_file == "NHSxxxxxxxx19.json");
        // A shard of report --combine written by an older leadctl is masked too.
        CohortRow r = failed("3.yaml", "date \"943 476 5919\" is not a date");
        r.person = {"943 476 5919", "Pat, DOB 12/03/1990", "", ""};
        r.per_person_file = "943_476_5919.json";
        r.problems.push_back({Severity::error, "x", "role \"943-476-5919\"", {"3.yaml", 1, 1}});
        redact_row(r);
        CHECK(r.person.id == "*** *** **19");
        CHECK(r.person.name == "Pat, DOB **/**/**90");
        CHECK(r.failure == "date \"*** *** **19\" is not a date");
        CHECK(r.per_person_file == "***_***_**19.json");
        CHECK(r.problems[0].message == "role \"***-***-**19\"");
    }

    TEST_CASE("make_row keeps statuses and counts, and why a log failed") {
        const auto fw = small_framework();
        CrosswalkIndex index{{}};
        std::vector<Opportunity> ops;
        const FrameworkLookup lookup = [&](std::string_view id) -> const Framework* {
            return id == "x" ? &fw : nullptr;
        };
        const TargetMap targets(fw, *fw.profile("p"), {}, index, {lookup, {"x"}});
        Assessor as(targets, {2026, 1, 1}, lookup, ops);
        for (const char* id : {"e1", "e2"}) {
            Entry e;
            e.id = id;
            e.date = Date{2025, 5, 5};
            e.type = std::string(id) == "e1" ? "audit" : "qip";
            e.signed_off = SignOff{"Dr S", Date{2025, 6, 1}, {}};
            e.competencies.push_back({"x:a", {}});
            as.entry(e);
        }
        AssessLogResult r;
        r.person = Person{"p-1", "Pat", "p", "", std::nullopt, {}, {}};
        r.assessment = as.finish();
        r.entries = 2;
        r.diagnostics.warning({"f.yaml", 3, 1}, "w", "a warning");
        const auto ok = make_row("f.yaml", r);
        CHECK(ok.ok);
        CHECK(ok.person.id == "p-1");
        CHECK(ok.profile == "p");
        CHECK(ok.warnings == 1);
        CHECK(ok.met == 1);
        CHECK(ok.gap == 2);
        CHECK(ok.items[1].status == S::met);
        CHECK(ok.items[1].entries == 2);
        CHECK(ok.items[2].status == S::gap);
        CHECK(ok.items[0].status == S::not_required);  // a domain, not required itself

        AssessLogResult bad;
        for (int k = 0; k < 30; ++k) bad.diagnostics.error({"g.yaml", k + 1, 1}, "e", "an error");
        bad.failure = AssessFailure::invalid;
        const auto row_bad = make_row("g.yaml", bad);
        CHECK_FALSE(row_bad.ok);
        CHECK(row_bad.errors == 30);
        CHECK(row_bad.problems.size() == kMaxProblemsKept);
        CHECK(row_bad.failure == "30 errors in the log");
        CHECK(row_bad.items.empty());
    }

    TEST_CASE("cohort renderers carry error rows and escape what logs say") {
        const auto fw = small_framework();
        CohortReport c;
        c.framework = &fw;
        c.as_of = {2026, 11, 25};
        auto r = row(fw, "=cmd", "a.yaml", S::met, S::partial, S::gap);
        r.person.name = "<script>alert(1)</script>";
        c.rows.push_back(r);
        c.rows.push_back(failed("b.yaml", "cannot read <file>"));
        finish_cohort(c);

        const auto j = nlohmann::json::parse(render_cohort_json(c));
        CHECK(j["schema"] == "leadctl.cohort/2");
        CHECK(j["summary"]["logs"] == 2);
        CHECK(j["summary"]["errors"] == 1);
        REQUIRE(j["people"].size() == 1);
        CHECK(j["people"][0]["items"]["x:b"]["status"] == "partial");
        CHECK(j["people"][0]["items"]["x:b"]["count"] == 1);
        REQUIRE(j["errors"].size() == 1);
        CHECK(j["errors"][0]["path"] == "b.yaml");
        // One shape for a person in people[] and errors[] (leadctl.cohort/2).
        CHECK(j["errors"][0]["person"].is_object());
        CHECK(j["errors"][0]["person"]["id"] == "");
        CHECK(j["people"][0]["person"].is_object());
        CHECK(j["people"][0]["privacy"].empty());

        const auto csv = render_cohort_csv(c);
        CHECK(csv.find("b.yaml,,,,,error,") != std::string::npos);
        CHECK(csv.find(",'=cmd,") != std::string::npos);

        const auto html = render_cohort_html(c, Style{});
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("&lt;script&gt;") != std::string::npos);
        CHECK(html.find("cannot read &lt;file&gt;") != std::string::npos);

        const auto md = render_cohort_markdown(c);
        CHECK(md.find("| **error** |") != std::string::npos);
        const auto txt = render_cohort_text(c, Style{});
        CHECK(txt.find("2 logs: 1 assessed, 1 could not be") != std::string::npos);
        CHECK(txt.find("b.yaml: cannot read <file>") != std::string::npos);
    }
}
