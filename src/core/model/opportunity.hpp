// The opportunity catalogue: development opportunities, each with the entry type it
// produces, the career stages it suits and the items it develops. The bundled
// catalogue (frameworks/opportunities.yaml) is checked at build time; a deanery's or
// trust's own catalogue on the framework search path is read by the registry and
// checked the same way, its references against the frameworks known. Format:
// leadctl-policy(5), OPPORTUNITIES.
#pragma once

#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

struct Opportunity {
    std::string id;
    std::string title;
    std::string description;
    std::string type;                   ///< the evidence type it usually produces
    std::string origin;                 ///< seed or editorial
    std::vector<std::string> develops;  ///< references, any framework
    std::vector<std::string> stages;    ///< career stage ids it suits (core/model/stage.hpp); empty: any
};

struct OpportunityLoad {
    std::string id;  ///< the catalogue's id, when it gives one
    std::vector<Opportunity> opportunities;
    Diagnostics diagnostics;
};

/// A framework by id or prefix, or nullptr.
using FrameworkByPrefix = std::function<const Framework*(std::string_view prefix)>;

/// Read a catalogue. With `frameworks`, every `develops` reference must name an item of a
/// known framework (errors `unknown-framework`, `unknown-item`, located at the reference);
/// without, a reference is only checked to be one (the bundled catalogue's references
/// are checked by a unit test instead).
OpportunityLoad load_opportunities(std::string_view text, const std::string& file,
                                   const FrameworkByPrefix& frameworks = {});
/// The same from a document already parsed (its parse diagnostics are the caller's).
OpportunityLoad load_opportunities(const yaml::Node& root, const std::string& file,
                                   const FrameworkByPrefix& frameworks = {});

/// Is this parsed document a catalogue (a mapping with a top-level "opportunities")?
bool is_opportunity_catalogue(const yaml::Node& root);

}  // namespace leadctl
