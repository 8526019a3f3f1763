// Small frameworks and crosswalks for the crosswalk tests: A (a1, a2 under a),
// B (b1, b2) and C (c1, c2, c3).
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/model/framework_loader.hpp"

#include <doctest/doctest.h>
#include <map>
#include <memory>
#include <sstream>

namespace leadctl::testing {

inline Framework tiny_framework(const std::string& id, const std::string& items_yaml) {
    auto l = load_framework("id: " + id + "\ntitle: " + id + "\nitems:\n" + items_yaml, id + ".yaml");
    REQUIRE(l.framework);
    return *l.framework;
}

struct TinyWorld {
    std::map<std::string, Framework> frameworks{
        {"a", tiny_framework("a",
                             "  - code: a\n    name: Dom\n    items:\n      - {code: a1, name: One}\n"
                             "      - {code: a2, name: Two, aliases: [two]}\n")},
        {"b", tiny_framework("b", "  - {code: b1, name: Bee one}\n  - {code: b2, name: Bee two}\n")},
        {"c", tiny_framework("c",
                             "  - {code: c1, name: Sea one}\n  - {code: c2, name: Sea two}\n"
                             "  - {code: c3, name: Sea three}\n")}};

    FrameworkLookup lookup() const {
        return [this](std::string_view id) -> const Framework* {
            auto it = frameworks.find(std::string(id));
            return it == frameworks.end() ? nullptr : &it->second;
        };
    }
};

/// A crosswalk file between `first` and `second` with the given mapping lines
/// ("a:a1 close b:b1 0.8").
inline std::string crosswalk_yaml(const std::string& id, const std::string& first, const std::string& second,
                                  const std::vector<std::string>& mappings, const std::string& extra = "") {
    std::string s =
        "id: " + id + "\ntitle: T\nbasis: editorial\nframeworks: [" + first + ", " + second + "]\nmappings:\n";
    for (const auto& m : mappings) {
        std::istringstream in(m);
        std::string subj, rel, obj, conf;
        in >> subj >> rel >> obj >> conf;
        s += "  - {subject: \"" + subj + "\", object: \"" + obj + "\", relation: " + rel + ", confidence: " + conf +
             ", justification: manual-curation, rationale: because, author: tester}\n";
    }
    return s + extra;
}

/// The `unmapped:` part of a crosswalk file, for crosswalk_yaml's `extra`: `item`
/// declared to have no counterpart.
inline std::string unmapped_yaml(const std::string& item) {
    return "unmapped:\n  - {item: \"" + item + "\", reason: no counterpart}\n";
}

inline std::shared_ptr<Crosswalk> checked(const std::string& text, const TinyWorld& w) {
    auto l = load_crosswalk(text, "cw.yaml");
    REQUIRE(l.crosswalk);
    Diagnostics d;
    check_crosswalk(*l.crosswalk, w.lookup(), d);
    REQUIRE_FALSE(d.has_errors());
    return std::make_shared<Crosswalk>(std::move(*l.crosswalk));
}

}  // namespace leadctl::testing
