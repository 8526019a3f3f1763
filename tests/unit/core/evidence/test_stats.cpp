#include "core/evidence/stats.hpp"

#include "core/model/framework_loader.hpp"
#include "scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using leadctl::testing::ScratchDir;

namespace {

/// Items listed out of alphabetical order, so that framework order shows.
Framework small_framework() {
    auto l = load_framework(R"(id: x
title: X
items:
  - {code: b, name: Bee, aliases: [bee]}
  - {code: a, name: Ay}
)",
                            "x.yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

/// Resolves "x:CODE" and "x:ALIAS" through the framework, as EvidenceChecker does.
RefResolver resolver(const Framework& fw) {
    return [&fw](const std::string& ref) -> std::string {
        if (!ref.starts_with("x:")) return "";
        const Item* it = fw.item(ref.substr(2));
        return it ? "x:" + it->code : "";
    };
}

Entry entry(std::optional<Date> date, std::string type, std::vector<std::string> tags) {
    Entry e;
    e.date = date;
    e.type = std::move(type);
    for (auto& t : tags) e.competencies.push_back({std::move(t), {}});
    return e;
}

}  // namespace

TEST_SUITE("core::evidence::stats") {
    TEST_CASE("entries are counted by type, by year and by item") {
        const Framework fw = small_framework();
        Stats s;
        s.add(entry(Date{2025, 3, 1}, "audit", {"x:a"}), resolver(fw));
        s.add(entry(Date{2026, 1, 9}, "audit", {"x:a", "x:b"}), resolver(fw));
        s.add(entry(Date{2025, 12, 31}, "qip", {"x:b"}), resolver(fw));
        CHECK(s.entries == 3);
        CHECK(s.by_type == std::map<std::string, std::size_t>{{"audit", 2}, {"qip", 1}});
        CHECK(s.by_year == std::map<int, std::size_t>{{2025, 2}, {2026, 1}});
        CHECK(s.by_item == std::map<std::string, std::size_t>{{"x:a", 2}, {"x:b", 2}});
        CHECK(s.unknown_tags == 0);
    }

    TEST_CASE("an entry tagged to one item by code and by alias counts once for it") {
        const Framework fw = small_framework();
        Stats s;
        s.add(entry(Date{2025, 3, 1}, "audit", {"x:b", "x:bee"}), resolver(fw));
        CHECK(s.by_item == std::map<std::string, std::size_t>{{"x:b", 1}});
    }

    TEST_CASE("every tag that names no known item is counted as unknown") {
        const Framework fw = small_framework();
        Stats s;
        s.add(entry(Date{2025, 3, 1}, "audit", {"x:zz", "x:zz", "y:1", "x:a"}), resolver(fw));
        CHECK(s.unknown_tags == 3);
        CHECK(s.by_item == std::map<std::string, std::size_t>{{"x:a", 1}});
    }

    TEST_CASE("the first and last dates span the dated entries, and undated and untyped entries count only in total") {
        const Framework fw = small_framework();
        Stats s;
        s.add(entry(Date{2025, 6, 2}, "audit", {}), resolver(fw));
        s.add(entry(std::nullopt, "", {}), resolver(fw));
        s.add(entry(Date{2024, 11, 30}, "audit", {}), resolver(fw));
        s.add(entry(Date{2025, 1, 1}, "audit", {}), resolver(fw));
        CHECK(s.entries == 4);
        REQUIRE(s.first);
        REQUIRE(s.last);
        CHECK(s.first->str() == "2024-11-30");
        CHECK(s.last->str() == "2025-06-02");
        CHECK(s.by_year == std::map<int, std::size_t>{{2024, 1}, {2025, 2}});
        CHECK(s.by_type == std::map<std::string, std::size_t>{{"audit", 3}});
    }

    TEST_CASE("no entries give no dates and no rows") {
        const Stats s;
        CHECK(s.entries == 0);
        CHECK_FALSE(s.first);
        CHECK_FALSE(s.last);
        CHECK(items_in_framework_order(s, [](std::string_view) -> const Framework* { return nullptr; }).empty());
    }

    TEST_CASE("items come by framework id, then in framework order, with their names") {
        const Framework fw = small_framework();
        Stats s;
        s.by_item = {{"x:a", 1}, {"x:b", 2}, {"gone:1", 3}};
        const auto rows = items_in_framework_order(s, [&](std::string_view id) { return id == "x" ? &fw : nullptr; });
        REQUIRE(rows.size() == 3);
        CHECK(rows[0].ref == "gone:1");
        CHECK(rows[0].name == "");  // no such framework
        CHECK(rows[1].ref == "x:b");
        CHECK(rows[1].name == "Bee");
        CHECK(rows[1].entries == 2);
        CHECK(rows[2].ref == "x:a");
        CHECK(rows[2].name == "Ay");
    }

    TEST_CASE("reading logs counts readable logs, unreadable ones and the errors found") {
        const Framework fw = small_framework();
        ScratchDir dir;
        const auto good = dir.write("good.yaml", R"(person: {id: p1, name: Pat}
entries:
  - {id: e1, date: 2025-02-03, type: audit, title: T, competencies: [x:a, x:bee]}
  - {id: e2, date: 2026-02-03, type: qip, title: T, competencies: [x:nope]}
)");
        const auto bad = dir.write("bad.yaml", R"(person: {id: p2, name: Sam}
entries:
  - {id: e1, date: 2025-13-40, type: audit, title: T, competencies: [x:b]}
)");
        LogReadOptions read;
        read.as_of = {2026, 6, 1};
        read.privacy = false;
        const FrameworkSource source{[&](std::string_view id) { return id == "x" ? &fw : nullptr; }, {"x"}};
        const auto run = read_stats({good, bad, dir.path() + "/missing.yaml"}, read, source);
        CHECK(run.stats.logs == 2);
        CHECK(run.unreadable == 1);
        CHECK(run.stats.entries == 3);
        CHECK(run.stats.by_item == std::map<std::string, std::size_t>{{"x:a", 1}, {"x:b", 2}});
        CHECK(run.stats.unknown_tags == 1);
        CHECK(run.stats.by_year == std::map<int, std::size_t>{{2025, 1}, {2026, 1}});
        CHECK(run.errors == 3);  // the bad date, the unknown tag, the missing file
    }
}
