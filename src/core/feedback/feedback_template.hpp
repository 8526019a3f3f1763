// `leadctl feedback template`: the blank form of a round on a framework. What a rater
// fills in (the framework's leaf items, in framework order, each rated on the
// framework's scale of levels, or on a numeric scale, and for importance to the role) and the columns of the
// wide CSV that `feedback import` reads back (round_import.hpp): rater, group, then per
// item its column, "<column> importance" and "<column> comment".
#pragma once

#include "core/feedback/round.hpp"
#include "core/model/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace leadctl {

struct TemplateItem {
    int item = -1;       ///< index into the framework's items
    std::string column;  ///< the item's CSV column: its code, or its reference where the code is a column name
};

struct FeedbackTemplate {
    const Framework* framework = nullptr;
    std::vector<TemplateItem> items;             ///< the items rated: those with no sub-items, in framework order
    int importance_min = 1, importance_max = 5;  ///< what feedback import declares when importance is given
    std::optional<RatingScale> scale;            ///< a numeric scale of the ratings; nullopt: the framework's levels
};

/// The scales a form asks for (`feedback template --scale`, `--importance-scale`), which
/// `feedback import` must be given the same.
struct TemplateScales {
    std::optional<RatingScale> scale;  ///< numeric; nullopt: the framework's levels
    int importance_min = 1, importance_max = 5;
};

struct FeedbackTemplateBuild {
    std::optional<FeedbackTemplate> form;
    std::string problem;  ///< why there is no form (the framework cannot be rated so that import reads it back)
};

/// The form for `fw`, its items rated on `scales.scale` when given, else on the
/// framework's levels (as feedback import reads them: by id or rank). A framework with
/// no items, or with no scale of levels and no numeric scale given, gives no form.
FeedbackTemplateBuild build_feedback_template(const Framework& fw, const TemplateScales& scales = {});

/// The header of the wide CSV: rater, group, then each item's three columns.
std::vector<std::string> template_columns(const FeedbackTemplate& t);

}  // namespace leadctl
