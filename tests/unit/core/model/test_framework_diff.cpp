#include "core/model/framework_diff.hpp"

#include "core/model/framework_loader.hpp"
#include "core/render/render_diff.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace leadctl;

namespace {

Framework load(const std::string& yaml) {
    auto l = load_framework(yaml, "x.yaml");
    std::string problems;
    for (const auto& d : l.diagnostics.items()) problems += format_diagnostic(d) + "\n";
    INFO(problems);
    REQUIRE(l.framework);
    return *l.framework;
}

/// A small framework: `items` replaces the item list, `more` is added to the header.
Framework fw(const std::string& items, const std::string& more = "") {
    return load("id: x\ntitle: X\n" + more + "items:\n" + items);
}

const std::string kItems = R"(  - code: d1
    name: Self
    type: domain
    description: Knowing oneself and one's effect on others.
    items:
      - {code: a, name: Self awareness, type: theme, description: Understanding how one comes across to colleagues., aliases: [aware, self-aware]}
      - {code: b, name: Resilience, type: theme, description: Staying resilient and keeping up energy under pressure.}
  - code: d2
    name: Team
    type: domain
    items:
      - {code: c, name: Teamwork, type: theme, description: Working in and leading teams so that they function well.}
)";

std::vector<Change> of_kind(const FrameworkDiff& d, ChangeKind k) {
    std::vector<Change> out;
    for (const auto& c : d.changes) {
        if (c.kind == k) out.push_back(c);
    }
    return out;
}

std::vector<std::string> kinds(const FrameworkDiff& d) {
    std::vector<std::string> out;
    for (const auto& c : d.changes) {
        std::string s(to_string(c.kind));
        if (c.old_code || c.new_code) s += " " + c.new_code.value_or(c.old_code.value_or(""));
        if (!c.field.empty()) s += " " + c.field;
        out.push_back(s);
    }
    return out;
}

/// kItems with one substring replaced.
std::string edited(const std::string& from, const std::string& to) {
    std::string s = kItems;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_SUITE("core::framework_diff") {
    TEST_CASE("a framework compared with itself is identical") {
        const auto a = fw(kItems, "edition: 1st\nyear: 2020\n");
        const auto d = diff_frameworks(a, a);
        CHECK(d.identical());
        CHECK(d.changes.empty());
        CHECK(render_diff_text(d, {}) == "x → x: identical\n");
        const auto j = nlohmann::json::parse(render_diff_json(d, {}));
        CHECK(j["identical"] == true);
        CHECK(j["changes"].empty());
        CHECK(j["summary"]["added"] == 0);
    }

    TEST_CASE("header fields are compared one by one, year and x fields included") {
        const auto a = fw(kItems, "edition: 1st\nyear: 2020\nx: {case.uri: u1, case.gone: g}\n");
        const auto b = fw(kItems, "edition: 2nd\nyear: 2021\nuri: https://x.invalid\nx: {case.uri: u2, case.new: n}\n");
        const auto d = diff_frameworks(a, b);
        CHECK(kinds(d) == std::vector<std::string>{"header_changed edition", "header_changed year",
                                                   "header_changed uri", "header_changed x.case.uri",
                                                   "header_changed x.case.gone", "header_changed x.case.new"});
        CHECK(d.changes[1].old_value == "2020");
        CHECK(d.changes[1].new_value == "2021");
        CHECK_FALSE(d.changes[2].old_value.has_value());  // no uri before
        CHECK_FALSE(d.changes[4].new_value.has_value());  // x field dropped
    }

    TEST_CASE("added and removed items carry their type and parent") {
        const auto a = fw(kItems);
        const auto b = fw(edited("      - {code: b, name: Resilience, type: theme, description: Staying resilient and "
                                 "keeping up energy under pressure.}\n",
                                 "") +
                          "  - {code: d3, name: System, type: domain, items: [{code: e, name: System leadership}]}\n");
        const auto d = diff_frameworks(a, b);
        CHECK(kinds(d) == std::vector<std::string>{"removed b", "added d3", "added e"});
        CHECK(d.changes[0].old_value == "Resilience");
        CHECK(d.changes[0].parent == "d1");
        CHECK(d.changes[0].item_type == "theme");
        CHECK_FALSE(d.changes[1].parent.has_value());
        CHECK(d.changes[2].parent == "d3");
    }

    TEST_CASE("a new name under the same code is a renaming") {
        const auto d = diff_frameworks(fw(kItems), fw(edited("name: Teamwork", "name: Effective teamwork")));
        REQUIRE(d.changes.size() == 1);
        CHECK(d.changes[0].kind == ChangeKind::renamed);
        CHECK(d.changes[0].old_code == "c");
        CHECK(d.changes[0].old_value == "Teamwork");
        CHECK(d.changes[0].new_value == "Effective teamwork");
    }

    TEST_CASE("an item under a new parent is moved, with both parents") {
        const std::string moved = R"(  - code: d1
    name: Self
    type: domain
    description: Knowing oneself and one's effect on others.
    items:
      - {code: a, name: Self awareness, type: theme, description: Understanding how one comes across to colleagues., aliases: [aware, self-aware]}
  - code: d2
    name: Team
    type: domain
    items:
      - {code: c, name: Teamwork, type: theme, description: Working in and leading teams so that they function well.}
      - {code: b, name: Resilience, type: theme, description: Staying resilient and keeping up energy under pressure.}
)";
        const auto d = diff_frameworks(fw(kItems), fw(moved));
        REQUIRE(d.changes.size() == 1);
        CHECK(d.changes[0].kind == ChangeKind::moved);
        CHECK(d.changes[0].old_value == "d1");
        CHECK(d.changes[0].new_value == "d2");
    }

    TEST_CASE("field changes of a kept item are each reported") {
        const std::string after = R"(  - code: d1
    name: Self
    type: area
    description: Knowing oneself.
    notes: A note.
    levels: {low: Knows self}
    x: {case.uri: u}
    items:
      - {code: a, name: Self awareness, type: theme, description: Understanding how one comes across to colleagues., aliases: [self-aware, aware]}
      - {code: b, name: Resilience, type: theme, description: Staying resilient and keeping up energy under pressure., outcomes: [Copes]}
  - code: d2
    name: Team
    type: domain
    items:
      - {code: c, name: Teamwork, type: theme, description: Working in and leading teams so that they function well., aliases: [tw]}
)";
        const std::string scale = "scale: [{id: low, name: Low}]\n";
        const auto d = diff_frameworks(fw(kItems, scale), fw(after, scale));
        // Aliases are a set: a's are only reordered, so a is unchanged.
        CHECK(kinds(d) == std::vector<std::string>{"type_changed d1", "description_changed d1", "notes_changed d1",
                                                   "level_headings_changed d1", "x_changed d1 x.case.uri",
                                                   "outcomes_changed b", "aliases_changed c"});
        const auto h = of_kind(d, ChangeKind::level_headings_changed);
        CHECK(h[0].added == std::vector<std::string>{"low: Knows self"});
        const auto al = of_kind(d, ChangeKind::aliases_changed);
        CHECK(al[0].added == std::vector<std::string>{"tw"});
        CHECK(al[0].removed.empty());
    }

    TEST_CASE("an item whose code is gone is found under its new code by its name") {
        const auto d = diff_frameworks(fw(kItems), fw(edited("code: c,", "code: t1,")));
        REQUIRE(d.changes.size() == 1);
        const auto& c = d.changes[0];
        CHECK(c.kind == ChangeKind::recoded);
        CHECK(c.old_code == "c");
        CHECK(c.new_code == "t1");
        CHECK(c.match == RecodeMatch::name);
        CHECK(c.similarity == 1.0);
    }

    TEST_CASE("a re-coding is found by a name that differs only in case and spaces") {
        const auto d =
            diff_frameworks(fw(kItems), fw(edited("code: c, name: Teamwork", "code: t1, name: \"  TEAMWORK \"")));
        CHECK(kinds(d) == std::vector<std::string>{"recoded t1", "renamed t1"});
        CHECK(d.changes[0].match == RecodeMatch::name);
    }

    TEST_CASE("a re-coding is found by an alias holding the old code") {
        const auto d =
            diff_frameworks(fw(kItems), fw(edited("code: c, name: Teamwork", "code: t1, aliases: [c], name: Teams")));
        CHECK(kinds(d) == std::vector<std::string>{"recoded t1", "renamed t1", "aliases_changed t1"});
        CHECK(d.changes[0].match == RecodeMatch::alias);
    }

    TEST_CASE("a re-coding is found by a similar description under a new name") {
        const auto d = diff_frameworks(
            fw(kItems),
            fw(edited("code: b, name: Resilience, type: theme, description: Staying resilient and keeping up "
                      "energy under pressure.",
                      "code: b2, name: Personal resilience, type: theme, description: Staying resilient "
                      "and keeping up drive and energy under pressure.")));
        CHECK(kinds(d) == std::vector<std::string>{"recoded b2", "renamed b2", "description_changed b2"});
        CHECK(d.changes[0].match == RecodeMatch::similarity);
        CHECK(d.changes[0].similarity >= 0.6);
    }

    TEST_CASE("unrelated items under new codes are removed and added, not re-coded") {
        const auto d = diff_frameworks(
            fw(kItems),
            fw(edited("code: b, name: Resilience, type: theme, description: Staying resilient and keeping "
                      "up energy under pressure.",
                      "code: f, name: Finance, type: theme, description: \"Budgets, contracts and the money "
                      "that services run on.\"")));
        CHECK(kinds(d) == std::vector<std::string>{"removed b", "added f"});
    }

    TEST_CASE("recoding can be switched off") {
        DiffOptions o;
        o.detect_recoding = false;
        const auto d = diff_frameworks(fw(kItems), fw(edited("code: c,", "code: t1,")), o);
        CHECK(kinds(d) == std::vector<std::string>{"removed c", "added t1"});
    }

    TEST_CASE("a re-coded item is compared like a kept one and its children do not count as moved") {
        // d2 becomes team (same name); c stays c under it: no move.
        const auto d =
            diff_frameworks(fw(kItems), fw(edited("code: d2\n    name: Team", "code: team\n    name: Team")));
        CHECK(kinds(d) == std::vector<std::string>{"recoded team"});
        // c re-coded and moved at once.
        const std::string after = R"(  - code: d1
    name: Self
    type: domain
    description: Knowing oneself and one's effect on others.
    items:
      - {code: a, name: Self awareness, type: theme, description: Understanding how one comes across to colleagues., aliases: [aware, self-aware]}
      - {code: b, name: Resilience, type: theme, description: Staying resilient and keeping up energy under pressure.}
      - {code: t, name: Teamwork, type: theme, description: Working in and leading teams so that they function well.}
  - code: d2
    name: Team
    type: domain
)";
        const auto e = diff_frameworks(fw(kItems), fw(after));
        CHECK(kinds(e) == std::vector<std::string>{"recoded t", "moved t"});
    }

    TEST_CASE("greedy matching takes the best pair first and breaks ties by code") {
        // Two old items with the same name as one new item: the lower old code wins.
        const auto a = fw("  - {code: p, name: Planning}\n  - {code: q, name: Planning}\n");
        const auto b = fw("  - {code: r, name: Planning}\n");
        const auto d = diff_frameworks(a, b);
        CHECK(kinds(d) == std::vector<std::string>{"recoded r", "removed q"});
        CHECK(d.changes[0].old_code == "p");
        // An exact name beats a near one, whatever the order of the items.
        const auto c = fw("  - {code: m, name: Managing people}\n  - {code: n, name: Managing peoples}\n");
        const auto e = diff_frameworks(fw("  - {code: o, name: Managing peoples}\n"), c);
        CHECK(kinds(e) == std::vector<std::string>{"recoded n", "added m"});
    }

    TEST_CASE("a new order of children is reported once, under the parent") {
        const std::string swapped = R"(  - code: d2
    name: Team
    type: domain
    items:
      - {code: c, name: Teamwork, type: theme, description: Working in and leading teams so that they function well.}
  - code: d1
    name: Self
    type: domain
    description: Knowing oneself and one's effect on others.
    items:
      - {code: b, name: Resilience, type: theme, description: Staying resilient and keeping up energy under pressure.}
      - {code: a, name: Self awareness, type: theme, description: Understanding how one comes across to colleagues., aliases: [aware, self-aware]}
)";
        const auto d = diff_frameworks(fw(kItems), fw(swapped));
        CHECK(kinds(d) == std::vector<std::string>{"reordered d1", "reordered"});
        CHECK(d.changes[0].old_list == std::vector<std::string>{"a", "b"});
        CHECK(d.changes[0].new_list == std::vector<std::string>{"b", "a"});
        CHECK_FALSE(d.changes[1].old_code.has_value());  // the top level
        CHECK(d.changes[1].new_list == std::vector<std::string>{"d2", "d1"});
    }

    TEST_CASE("levels of the scale are added, removed, renamed and reordered") {
        const auto a = fw(kItems, "scale: [{id: low, name: Low}, {id: mid, name: Mid}, {id: high, name: High}]\n");
        const auto b = fw(kItems, "scale: [{id: high, name: Top}, {id: low, name: Low}, {id: new, name: New}]\n");
        const auto d = diff_frameworks(a, b);
        CHECK(kinds(d) == std::vector<std::string>{"level_removed mid", "level_changed high name", "level_added new",
                                                   "scale_reordered"});
        CHECK(d.changes[1].old_value == "High");
        CHECK(d.changes[1].new_value == "Top");
    }

    TEST_CASE("profiles are added, removed and changed, requires compared through re-codings") {
        const std::string scale = "scale: [{id: low, name: Low}, {id: high, name: High}]\n";
        const auto a = fw(kItems +
                              "profiles:\n  - {id: p, name: P, requires: [a, c], level: low}\n"
                              "  - {id: gone, name: Gone, requires: [a]}\n",
                          scale);
        const auto b = fw(edited("code: c,", "code: t1,") +
                              "profiles:\n  - {id: p, name: P, requires: [t1, b], level: high}\n"
                              "  - {id: new, name: New, requires: [a]}\n",
                          scale);
        const auto d = diff_frameworks(a, b);
        CHECK(kinds(d) == std::vector<std::string>{"recoded t1", "profile_changed p level",
                                                   "profile_changed p requires", "profile_removed gone",
                                                   "profile_added new"});
        const auto r = of_kind(d, ChangeKind::profile_changed)[1];
        CHECK(r.removed == std::vector<std::string>{"a"});
        CHECK(r.added == std::vector<std::string>{"b"});  // c → t1 is the same item
    }

    TEST_CASE("a profile's career stages are compared as a list") {
        const auto a = fw(kItems + "profiles:\n  - {id: p, name: P, requires: [a], stages: [foundation, sas]}\n", "");
        const auto b = fw(kItems + "profiles:\n  - {id: p, name: P, requires: [a], stages: [sas, post-cct]}\n", "");
        const auto d = diff_frameworks(a, b);
        REQUIRE(kinds(d) == std::vector<std::string>{"profile_changed p stages"});
        const auto c = of_kind(d, ChangeKind::profile_changed)[0];
        CHECK(c.removed == std::vector<std::string>{"foundation"});
        CHECK(c.added == std::vector<std::string>{"post-cct"});
        CHECK(diff_frameworks(a, a).changes.empty());
    }

    TEST_CASE("changes come in a fixed order: header, OLD's items, additions, scale, profiles") {
        const auto a = fw(kItems, "edition: 1st\n");
        const auto b = fw("  - {code: z, name: Zeta}\n" + edited("name: Teamwork", "name: Teams") +
                              "profiles:\n  - {id: p, name: P, requires: [a]}\n",
                          "edition: 2nd\nscale: [{id: low, name: Low}]\n");
        const auto d = diff_frameworks(a, b);
        CHECK(kinds(d) == std::vector<std::string>{"header_changed edition", "renamed c", "added z", "level_added low",
                                                   "profile_added p"});
        CHECK(kinds(diff_frameworks(a, b)) == kinds(d));
        const auto n = d.counts();
        CHECK(n[static_cast<std::size_t>(ChangeKind::renamed)] == 1);
        CHECK(n[static_cast<std::size_t>(ChangeKind::added)] == 1);
    }

    TEST_CASE("similarity is 1 for equal names and low for unrelated items") {
        Item a, b;
        a.name = "Self awareness and self development";
        b.name = "self  AWARENESS and self development ";
        CHECK(similarity(a, b) == 1.0);
        a.name = "Planning";
        a.description = "Contributing to plans that achieve the service's goals.";
        b.name = "Learning";
        b.description = "Taking part in continuing professional development.";
        CHECK(similarity(a, b) < 0.6);
        b.name = "Service planning";
        b.description = "Contributing to plans that achieve the goals of the service.";
        CHECK(similarity(a, b) >= 0.6);
    }

    TEST_CASE("the text rendering has a summary and one aligned line per change") {
        const auto a = fw(kItems, "edition: 1st\n");
        const auto b = fw(edited("name: Teamwork", "name: Teams") + "  - {code: d3, name: System, type: domain}\n",
                          "edition: 2nd\n");
        const auto d = diff_frameworks(a, b);
        DiffRenderOptions o;
        o.old_label = "old.yaml";
        CHECK(render_diff_text(d, o) ==
              "old.yaml → x: 1 added, 1 renamed, 1 header field changed\n"
              "\n"
              "~ header   edition  \"1st\" → \"2nd\"\n"
              "~ renamed  c        \"Teamwork\" → \"Teams\"\n"
              "+ added    d3       \"System\" (domain)\n");
        o.style.color = true;
        CHECK(render_diff_text(d, o).find("\x1b[32m+ added") != std::string::npos);
    }

    TEST_CASE("long values go on lines of their own in the text rendering") {
        const auto a = fw(kItems);
        const auto b = fw(edited("Knowing oneself and one's effect on others.",
                                 "Knowing oneself and one's effect on others, and working to improve, with resilience "
                                 "and drive."));
        DiffRenderOptions o;
        o.width = 60;
        CHECK(render_diff_text(diff_frameworks(a, b), o) ==
              "x → x: 1 description changed\n"
              "\n"
              "~ description  d1\n"
              "    - Knowing oneself and one's effect on others.\n"
              "    + Knowing oneself and one's effect on others, and\n"
              "      working to improve, with resilience and drive.\n");
    }

    TEST_CASE("a framework held only in part gets a note that its missing items may only be unknown") {
        const auto a = fw(kItems, "completeness: partial\ncompleteness_note: Some.\n");
        const auto b = fw(kItems + "  - {code: d3, name: System}\n", "completeness: complete\n");
        const auto d = diff_frameworks(a, b);
        const auto text = render_diff_text(d, {});
        CHECK(text.find("\nNote: x is held only in part (completeness: partial), so an item shown as added\n"
                        "may only be missing from it.\n") != std::string::npos);
        CHECK(render_diff_markdown(d, {}).find("> **Note:** x is held only in part") != std::string::npos);
        CHECK(nlohmann::json::parse(render_diff_json(d, {}))["old"]["completeness"] == "partial");
        // No note when nothing was added or removed.
        const auto e = diff_frameworks(
            a, fw(edited("name: Teamwork", "name: Teams"), "completeness: partial\ncompleteness_note: Some.\n"));
        CHECK(render_diff_text(e, {}).find("Note:") == std::string::npos);
    }

    TEST_CASE("the JSON rendering holds every change with its kind's fields") {
        const auto a = fw(kItems);
        const auto b = fw(edited("code: c, name: Teamwork", "code: t1, name: Teams, aliases: [c]"));
        const auto j = nlohmann::json::parse(render_diff_json(diff_frameworks(a, b), {}));
        CHECK(j["schema"] == "leadctl.diff/1");
        CHECK(j["old"]["id"] == "x");
        CHECK(j["identical"] == false);
        CHECK(j["summary"]["recoded"] == 1);
        CHECK(j["summary"].size() == kDiffKinds.size());
        const auto& c = j["changes"];
        REQUIRE(c.size() == 3);
        CHECK(c[0]["kind"] == "recoded");
        CHECK(c[0]["subject"] == "item");
        CHECK(c[0]["old_code"] == "c");
        CHECK(c[0]["new_code"] == "t1");
        CHECK(c[0]["match"] == "alias");
        CHECK(c[0]["similarity"] == 1.0);
        CHECK(c[1]["kind"] == "renamed");
        CHECK(c[1]["field"].is_null());
        CHECK(c[2]["kind"] == "aliases_changed");
        CHECK(c[2]["added"] == nlohmann::json::array({"c"}));
        CHECK(c[2]["old"] == nlohmann::json::array());
    }

    TEST_CASE("the Markdown rendering has a table per part that changed") {
        const auto a = fw(kItems, "edition: 1st\n");
        const auto b = fw(edited("name: Teamwork", "name: Team | work"), "edition: 2nd\n");
        const auto md = render_diff_markdown(diff_frameworks(a, b), {});
        CHECK(md.find("# Changes from `x` to `x`\n") == 0);
        CHECK(md.find("**1 renamed, 1 header field changed.**\n") != std::string::npos);
        CHECK(md.find("## Header\n\n| Field | Old | New |\n|---|---|---|\n| `edition` | 1st | 2nd |\n") !=
              std::string::npos);
        CHECK(md.find("| renamed | `c` | Teamwork | Team \\| work |\n") != std::string::npos);
        CHECK(md.find("## Profiles") == std::string::npos);
    }
}
