// The closed set of evidence entry types (leadctl-evidence(5)): here, below the
// evidence area, because a framework's profile can name one (recent_evidence).
#pragma once

#include <array>
#include <string_view>

namespace leadctl {

struct EvidenceType {
    std::string_view name;
    std::string_view description;
};

/// The closed set of entry types.
inline constexpr std::array<EvidenceType, 16> kEvidenceTypes{{
    {"audit", "clinical audit or re-audit, led or taken part in"},
    {"qip", "quality improvement project (e.g. PDSA cycles)"},
    {"teaching", "teaching or training others, peer teaching"},
    {"committee", "committee, forum or student/trainee representative work"},
    {"management", "a management role: rota, service, budget, project"},
    {"shadowing", "shadowing a manager, director or leader"},
    {"course", "a course or e-learning module (e.g. IHI Open School)"},
    {"reflection", "written reflection on a leadership experience"},
    {"feedback-360", "multi-source (360-degree) feedback"},
    {"presentation", "presenting at a meeting or conference"},
    {"publication", "a publication, poster or report"},
    {"appraisal", "an appraisal or educational review, with a personal development plan"},
    {"supervisor-report", "an educational or clinical supervisor's report"},
    {"wpba", "a workplace-based assessment (e.g. a leadership case-based discussion)"},
    {"leadership-role", "a formal leadership role or fellowship (e.g. chief registrar)"},
    {"other", "anything else, described in the title"},
}};

}  // namespace leadctl
