// choose_profile: the profile a log is assessed against, from --target, from a
// stage that names a profile, or from the career stage a person's stage means.
#include "core/assess/assess_log.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

namespace {

Framework staged() {
    auto load = load_framework(R"(id: s
title: S
items: [{code: a, name: A}]
profiles:
  - {id: student, name: Student, requires: [a], stages: [medical-student]}
  - {id: trainee, name: Trainee, requires: [a], stages: [foundation, core-training, specialty-training]}
  - {id: senior, name: Senior, requires: [a], not_for_stages: [medical-student]}
)",
                               "s.yaml");
    REQUIRE(load.framework);
    return *load.framework;
}

std::string chosen(const Framework& fw, const std::string& target, const std::string& stage,
                   std::string* why = nullptr) {
    Person p;
    p.stage = stage;
    std::string w;
    const Profile* profile = choose_profile(fw, target, &p, w);
    if (why) *why = w;
    return profile ? profile->id : "-";
}

}  // namespace

TEST_SUITE("core::assess::choose_profile") {
    TEST_CASE("a person's stage words choose the profile that serves their career stage") {
        const auto fw = staged();
        CHECK(chosen(fw, "", "F1") == "trainee");
        CHECK(chosen(fw, "", "ST5") == "trainee");
        CHECK(chosen(fw, "", "CT2") == "trainee");
        CHECK(chosen(fw, "", "medical student") == "student");
        CHECK(chosen(fw, "", "senior") == "senior");    // a profile id still names its profile
        CHECK(chosen(fw, "senior", "F1") == "senior");  // --target wins
    }

    TEST_CASE("a profile not open to the person's career stage is refused, even with --target") {
        const auto fw = staged();
        std::string why;
        CHECK(chosen(fw, "senior", "medical student", &why) == "-");
        CHECK(why ==
              "s senior is not open to the career stage medical-student (the person's stage \"medical student\")");
        CHECK(chosen(fw, "senior", "F1") == "senior");
    }

    TEST_CASE("a stage no profile serves, or words that are no stage, say what to do") {
        const auto fw = staged();
        std::string why;
        CHECK(chosen(fw, "", "consultant", &why) == "-");
        CHECK(why ==
              "s has no profile for the career stage post-cct (the person's stage \"consultant\"): say which to assess "
              "against: --target student|trainee|senior");
        CHECK(chosen(fw, "", "ST 9", &why) == "-");
        CHECK(why.find("is neither a profile nor a career stage") != std::string::npos);
        CHECK(chosen(fw, "", "consultnat", &why) == "-");
        CHECK(why.find("did you mean \"consultant\"?") != std::string::npos);
    }

    TEST_CASE("a framework whose profiles serve no stages says so") {
        auto load = load_framework(R"(id: h
title: H
items: [{code: a, name: A}]
profiles:
  - {id: essential, name: Essential, requires: [a]}
)",
                                   "h.yaml");
        REQUIRE(load.framework);
        std::string why;
        CHECK(chosen(*load.framework, "", "FY2", &why) == "-");
        CHECK(why ==
              "h has no profile for the career stage foundation (the person's stage \"FY2\"); its profiles are not "
              "tied to career stages: say which to assess against: --target essential");
    }
}
