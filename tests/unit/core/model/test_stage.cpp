#include "core/model/stage.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace leadctl;

namespace {
std::string stage_of(std::string_view words) {
    const auto* s = career_stage_of(words);
    return s ? std::string(s->id) : "-";
}
}  // namespace

TEST_SUITE("core::model::stage") {
    TEST_CASE("the words people write name a career stage, whatever the case, spaces and dots") {
        CHECK(stage_of("F1") == "foundation");
        CHECK(stage_of("fy2") == "foundation");
        CHECK(stage_of("F 2") == "foundation");
        CHECK(stage_of("Foundation Year 1") == "foundation");
        CHECK(stage_of("CT2") == "core-training");
        CHECK(stage_of("IMT3") == "core-training");
        CHECK(stage_of("ST5") == "specialty-training");
        CHECK(stage_of("st8") == "specialty-training");
        CHECK(stage_of("GPST1") == "specialty-training");
        CHECK(stage_of("StR") == "specialty-training");
        CHECK(stage_of("Specialty Registrar") == "specialty-training");
        CHECK(stage_of("medical student") == "medical-student");
        CHECK(stage_of("Medical-Student") == "medical-student");
        CHECK(stage_of("SAS") == "sas");
        CHECK(stage_of("specialty doctor") == "sas");
        CHECK(stage_of("Consultant") == "post-cct");
        CHECK(stage_of("GP") == "post-cct");
        CHECK(stage_of("post-cct") == "post-cct");
    }

    TEST_CASE("years outside a grade's range, other words and empty text name no stage") {
        CHECK(stage_of("F3") == "-");
        CHECK(stage_of("CT4") == "-");
        CHECK(stage_of("ST9") == "-");
        CHECK(stage_of("ST10") == "-");
        CHECK(stage_of("S") == "-");
        CHECK(stage_of("") == "-");
        CHECK(stage_of("postgraduate") == "-");  // an MLCF profile id, not a stage: a profile is chosen by id
        CHECK(stage_of("fellow") == "-");
    }

    TEST_CASE("every documented word names a stage, and every stage id is a word") {
        const auto words = career_stage_words();
        for (const auto& w : words) {
            INFO(w);
            CHECK(career_stage_of(w) != nullptr);
        }
        for (const auto& s : career_stages()) CHECK(career_stage(s.id) == career_stage_of(s.id));
        CHECK(career_stage("F2") == nullptr);  // ids only
    }
}
