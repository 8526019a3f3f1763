#include "core/feedback/feedback_template.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <string_view>

namespace leadctl {

namespace {

/// The header names feedback import gives a meaning of their own (either shape): an
/// item whose code is one of them (any case) is named by its reference instead.
constexpr std::array<std::string_view, 6> kImportColumns{"rater", "group", "item", "rating", "importance", "comment"};

std::string column_of(const Framework& fw, const Item& it) {
    const std::string lower = text::to_lower(it.code);
    const bool taken = std::find(kImportColumns.begin(), kImportColumns.end(), lower) != kImportColumns.end();
    return taken ? fw.id + ":" + it.code : it.code;
}

}  // namespace

FeedbackTemplateBuild build_feedback_template(const Framework& fw, const TemplateScales& scales) {
    FeedbackTemplateBuild out;
    if (fw.scale.empty() && !scales.scale) {
        out.problem = fmt::format("{} has no scale of levels to rate on", fw.id);
        return out;
    }
    FeedbackTemplate t;
    t.framework = &fw;
    t.importance_min = scales.importance_min;
    t.importance_max = scales.importance_max;
    t.scale = scales.scale;
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
        if (!fw.items[i].children.empty()) continue;
        t.items.push_back({static_cast<int>(i), column_of(fw, fw.items[i])});
    }
    if (t.items.empty()) {
        out.problem = fmt::format("{} has no items to rate", fw.id);
        return out;
    }
    out.form = std::move(t);
    return out;
}

std::vector<std::string> template_columns(const FeedbackTemplate& t) {
    std::vector<std::string> out{"rater", "group"};
    for (const auto& it : t.items) {
        out.push_back(it.column);
        out.push_back(it.column + " importance");
        out.push_back(it.column + " comment");
    }
    return out;
}

}  // namespace leadctl
