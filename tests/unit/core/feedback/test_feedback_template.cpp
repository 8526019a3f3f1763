#include "core/feedback/feedback_template.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace leadctl;

namespace {

Framework load(const std::string& yaml) {
    auto l = load_framework(yaml, "t.yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

std::vector<std::string> codes(const Framework& fw, const FeedbackTemplate& t) {
    std::vector<std::string> out;
    for (const auto& it : t.items) out.push_back(fw.at(it.item).code);
    return out;
}

}  // namespace

TEST_SUITE("core::feedback_template") {
    TEST_CASE("the form rates the items with no sub-items, in framework order, on a scale of importance 1 to 5") {
        const Framework fw = load(R"(id: nest
title: Nested
scale:
  - {id: low, name: Low}
  - {id: high, name: High}
items:
  - code: "2"
    name: Second domain
    items:
      - {code: "2.2", name: Later}
      - {code: "2.1", name: Earlier}
  - {code: "1", name: A domain with no elements}
)");
        const auto built = build_feedback_template(fw);
        REQUIRE(built.form);
        CHECK(built.problem.empty());
        CHECK(codes(fw, *built.form) == std::vector<std::string>{"2.2", "2.1", "1"});
        CHECK(built.form->importance_min == 1);
        CHECK(built.form->importance_max == 5);
        CHECK(template_columns(*built.form) ==
              std::vector<std::string>{"rater", "group", "2.2", "2.2 importance", "2.2 comment", "2.1",
                                       "2.1 importance", "2.1 comment", "1", "1 importance", "1 comment"});
    }

    TEST_CASE("an item whose code is a column name of feedback import is named by its reference") {
        const Framework fw = load(R"(id: odd
title: Odd codes
scale:
  - {id: low, name: Low}
items:
  - {code: group, name: Group work}
  - {code: Rating, name: Rating others}
  - {code: raters, name: Not a column name}
)");
        const auto built = build_feedback_template(fw);
        REQUIRE(built.form);
        std::vector<std::string> columns;
        for (const auto& it : built.form->items) columns.push_back(it.column);
        CHECK(columns == std::vector<std::string>{"odd:group", "odd:Rating", "raters"});
    }

    TEST_CASE("a framework with no scale of levels has no form, and says why") {
        const Framework fw = load(R"(id: flat
title: No levels
items:
  - {code: "1", name: One}
)");
        const auto built = build_feedback_template(fw);
        CHECK_FALSE(built.form);
        CHECK(built.problem == "flat has no scale of levels to rate on");
    }

    TEST_CASE("a numeric scale gives a form for a framework without levels, with the same CSV columns") {
        const Framework fw = load(R"(id: flat
title: No levels
items:
  - {code: "1", name: One}
  - {code: "2", name: Two}
)");
        std::string why;
        TemplateScales scales;
        scales.scale = parse_scale_range("1-5", why);
        scales.importance_min = 0;
        scales.importance_max = 3;
        const auto built = build_feedback_template(fw, scales);
        REQUIRE(built.form);
        REQUIRE(built.form->scale);
        CHECK_FALSE(built.form->scale->levels);
        CHECK(built.form->scale->min == 1);
        CHECK(built.form->scale->max == 5);
        CHECK(built.form->importance_min == 0);
        CHECK(built.form->importance_max == 3);
        CHECK(template_columns(*built.form) == std::vector<std::string>{"rater", "group", "1", "1 importance",
                                                                        "1 comment", "2", "2 importance", "2 comment"});
    }

    TEST_CASE("a framework with nothing to rate has no form") {
        Framework fw;
        fw.id = "empty";
        fw.scale.push_back({"low", "Low", "", {}});
        const auto built = build_feedback_template(fw);
        CHECK_FALSE(built.form);
        CHECK(built.problem == "empty has no items to rate");
    }
}
