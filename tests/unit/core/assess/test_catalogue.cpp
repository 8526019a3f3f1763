// The bundled catalogue of opportunities (frameworks/opportunities.yaml) against
// the bundled frameworks: it loads cleanly, and every item any bundled profile
// requires is developed by at least one opportunity that suits each career stage
// the profile serves (directly or through the bundled crosswalks, as assess reads it).
#include "core/assess/assess.hpp"
#include "core/model/stage.hpp"
#include "core/registry/bundled.hpp"
#include "core/registry/registry.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace leadctl;

TEST_SUITE("bundled catalogue") {
    TEST_CASE("the catalogue loads with no diagnostics, and every opportunity says its stages and type") {
        const auto load = load_opportunities(bundled_opportunities(), "opportunities.yaml");
        CHECK(load.diagnostics.empty());
        REQUIRE(load.opportunities.size() >= 20);
        for (const auto& o : load.opportunities) {
            CAPTURE(o.id);
            CHECK_FALSE(o.stages.empty());
            CHECK_FALSE(o.type.empty());
            CHECK_FALSE(o.develops.empty());
        }
    }

    TEST_CASE("every required item of every bundled profile has advice that suits each stage the profile serves") {
        Registry reg(bundled_frameworks(), {}, bundled_crosswalks());
        Diagnostics ignored;
        const auto& index = reg.crosswalk_index(ignored);
        const auto load = load_opportunities(bundled_opportunities(), "opportunities.yaml");
        const auto ids = reg.ids();
        const FrameworkLookup lookup = [&](std::string_view id) { return reg.get(id).get(); };
        const FrameworkSource source{lookup, ids};
        int checked = 0;
        for (const auto& id : ids) {
            const auto fw = reg.get(id);
            REQUIRE(fw);
            for (const auto& profile : fw->profiles) {
                std::vector<std::string> stages = profile.stages;
                if (stages.empty()) {  // chosen with --target: advice for every stage
                    for (const auto& s : career_stages()) {
                        // FMLM fellowship needs GMC/GDC registration (../shared/reference,
                        // fellowship criteria): no student works toward it.
                        if (fw->id.starts_with("fmlm") && s.id == "medical-student") continue;
                        stages.emplace_back(s.id);
                    }
                }
                const TargetMap targets(*fw, profile, {}, index, source);
                for (const auto& stage : stages) {
                    Assessor a(targets, {2026, 6, 1}, lookup, load.opportunities);
                    Person p;
                    p.stage = stage;
                    a.person(p);
                    const auto result = a.finish();
                    for (const auto& s : result.suggestions) {
                        CAPTURE(id);
                        CAPTURE(profile.id);
                        CAPTURE(stage);
                        CAPTURE(fw->at(s.item).code);
                        CHECK_FALSE(s.opportunities.empty());
                        ++checked;
                    }
                }
            }
        }
        CHECK(checked > 100);
    }

    TEST_CASE("no opportunity for medical students only reaches a doctor, and none needing registration a student") {
        const auto load = load_opportunities(bundled_opportunities(), "opportunities.yaml");
        for (const auto& o : load.opportunities) {
            CAPTURE(o.id);
            const bool student = std::find(o.stages.begin(), o.stages.end(), "medical-student") != o.stages.end();
            // Roles that need GMC registration or a training post are for doctors.
            if (o.type == "appraisal" || o.type == "leadership-role" || o.type == "wpba") CHECK_FALSE(student);
            // The seed's student activities are for students.
            if (o.id == "student-selected-component" || o.id == "run-a-society" || o.id == "nice-student-champion") {
                CHECK(o.stages == std::vector<std::string>{"medical-student"});
            }
        }
    }
}
