#include "core/model/framework_loader.hpp"
#include "core/model/opportunity.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace leadctl;

namespace {

/// "line:column code" of each diagnostic, in order.
std::vector<std::string> located(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items())
        out.push_back(std::to_string(x.location.line) + ":" + std::to_string(x.location.column) + " " + x.code);
    return out;
}

const Framework& alpha() {
    static const Framework fw =
        *load_framework("id: alpha\ntitle: Alpha\nitems:\n  - {code: \"1\", name: One}\n  - {code: \"2\", name: Two}\n",
                        "alpha.yaml")
             .framework;
    return fw;
}

const FrameworkByPrefix kAlphaOnly = [](std::string_view id) -> const Framework* {
    return id == "alpha" ? &alpha() : nullptr;
};

}  // namespace

TEST_SUITE("core::opportunity") {
    TEST_CASE("a valid catalogue loads in file order, with its id") {
        const auto load = load_opportunities(R"(id: trust-x
opportunities:
  - id: rota-lead
    title: Lead the junior doctors' rota for a term
    type: leadership-role
    stages: [core-training, specialty-training]
    develops: [alpha:1, alpha:2]
  - id: teach
    title: Teach on the trust's induction
    type: teaching
    stages: foundation
    develops: alpha:2
)",
                                             "trust.yaml", kAlphaOnly);
        CHECK_FALSE(load.diagnostics.has_errors());
        CHECK(load.id == "trust-x");
        REQUIRE(load.opportunities.size() == 2);
        CHECK(load.opportunities[0].develops == std::vector<std::string>{"alpha:1", "alpha:2"});
        CHECK(load.opportunities[1].stages == std::vector<std::string>{"foundation"});
    }

    TEST_CASE("with the frameworks known, each reference is checked where it is written") {
        const auto load = load_opportunities(R"(opportunities:
  - id: a
    title: A
    type: audit
    stages: [foundation, F2]
    develops: [alpha:1, alpha:3, beta:1, nonsense]
  - id: a
    title: A again
    type: audti
    stages: [sas]
)",
                                             "trust.yaml", kAlphaOnly);
        CHECK(located(load.diagnostics) == std::vector<std::string>{
                                               "5:26 unknown-stage",
                                               "6:25 unknown-item",
                                               "6:34 unknown-framework",
                                               "6:42 invalid-reference",
                                               "7:5 duplicate-id",
                                               "9:11 unknown-type",
                                           });
        const std::string all = [&] {
            std::string s;
            for (const auto& d : load.diagnostics.items()) s += d.message + "\n";
            return s;
        }();
        CHECK(all.find("alpha has no item \"3\"") != std::string::npos);
        CHECK(all.find("no framework \"beta\"") != std::string::npos);
        CHECK(all.find("did you mean \"audit\"") != std::string::npos);
        CHECK(all.find("\"F2\" is not a career stage") != std::string::npos);
    }

    TEST_CASE("without frameworks, only the shape of a reference is checked") {
        const auto load = load_opportunities(
            "opportunities:\n  - {id: a, title: A, type: audit, stages: [sas], develops: [beta:9, x]}\n", "c.yaml");
        CHECK(located(load.diagnostics) == std::vector<std::string>{"2:70 invalid-reference"});
    }

    TEST_CASE("a document that is not a catalogue, or is not YAML, is an error, never a crash") {
        CHECK(load_opportunities("opportunities: 3\n", "c.yaml").diagnostics.has_errors());
        CHECK(load_opportunities("[1, 2]\n", "c.yaml").diagnostics.has_errors());
        CHECK(load_opportunities("opportunities: [\n", "c.yaml").diagnostics.has_errors());
        CHECK(load_opportunities("", "c.yaml").diagnostics.has_errors());
    }
}
