#include "core/render/render_feedback_cohort.hpp"

#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace leadctl;

namespace {

const Framework& flat() {
    static const Framework fw =
        *load_framework("id: flat\ntitle: Flat\nitems:\n  - {code: \"1\", name: One}\n", "flat.yaml").framework;
    return fw;
}

/// A cohort view of one shown item on the numeric scale lo..hi (no rounds needed to render).
CohortFeedback cohort(double lo, double hi) {
    CohortFeedback c;
    c.framework = &flat();
    c.levels = false;
    c.scale_min = lo;
    c.scale_max = hi;
    CohortItem it;
    it.item = 0;
    it.people = 5;
    it.others = Spread{lo, lo, (lo + hi) / 2, hi, hi};
    it.levels.assign(static_cast<std::size_t>(hi - lo) + 1, 0);
    c.items.push_back(it);
    return c;
}

/// The axis's labels, left to right: the texts of its <text y="17" …> elements. (No
/// std::regex: GCC 12 warns inside it in the sanitizer build, and warnings are errors.)
std::vector<std::string> axis_labels(const std::string& page) {
    std::vector<std::string> out;
    const std::string open = "y=\"17\" text-anchor=\"";
    for (auto at = page.find(open); at != std::string::npos; at = page.find(open, at + 1)) {
        const auto start = page.find('>', at) + 1;
        out.push_back(page.substr(start, page.find('<', start) - start));
    }
    return out;
}

}  // namespace

TEST_SUITE("core::render::feedback_cohort") {
    TEST_CASE("the spread column has an axis: every point up to 11, about ten evenly above") {
        CHECK(axis_labels(render_feedback_cohort_html(cohort(1, 5), Style{})) ==
              std::vector<std::string>{"1", "2", "3", "4", "5"});
        CHECK(axis_labels(render_feedback_cohort_html(cohort(0, 10), Style{})).size() == 11);
        CHECK(axis_labels(render_feedback_cohort_html(cohort(-2, 2), Style{})) ==
              std::vector<std::string>{"-2", "-1", "0", "1", "2"});
        // 0..100: 101 points, every 11th; 99 is too close to the top end to read apart, so 100 takes its place.
        CHECK(axis_labels(render_feedback_cohort_html(cohort(0, 100), Style{})) ==
              std::vector<std::string>{"0", "11", "22", "33", "44", "55", "66", "77", "88", "100"});
        // 1..20: every 2nd; 19 is only half a step from 20, so 20 takes its place.
        CHECK(axis_labels(render_feedback_cohort_html(cohort(1, 20), Style{})) ==
              std::vector<std::string>{"1", "3", "5", "7", "9", "11", "13", "15", "17", "20"});
        // 0..30: every 4th; 28 is a half step from 30 too; 0..32: 32 is a tick of its own.
        CHECK(axis_labels(render_feedback_cohort_html(cohort(0, 30), Style{})).back() == "30");
        CHECK(axis_labels(render_feedback_cohort_html(cohort(0, 32), Style{})).size() == 9);
    }

    TEST_CASE("the legend says what the axis numbers are") {
        const std::string page = render_feedback_cohort_html(cohort(1, 7), Style{});
        CHECK(page.find("against the scale drawn above the column (numbers from 1 to 7)") != std::string::npos);
        CHECK(page.find("aria-label=\"the scale, 1 to 7\"") != std::string::npos);
    }
}
