#include "core/model/stage.hpp"

#include "core/util/text.hpp"

#include <array>
#include <cctype>

namespace leadctl {

namespace {

constexpr std::array kStages = {
    CareerStage{"medical-student", "Medical student"},
    CareerStage{"foundation", "Foundation training (F1, F2)"},
    CareerStage{"core-training", "Core training (CT, IMT, ACCS)"},
    CareerStage{"specialty-training", "Specialty training (ST, GP training)"},
    CareerStage{"sas", "Specialty and specialist doctor (SAS)"},
    CareerStage{"post-cct", "Consultant or GP (after CCT)"},
};

struct Word {
    std::string_view written;  ///< as documented
    std::string_view stage;
};

// The words for each stage. Grade names with a year ("ST1".."ST8") are matched
// by prefix and number below, not listed one by one.
constexpr std::array kWords = {
    Word{"medical student", "medical-student"},
    Word{"med student", "medical-student"},
    Word{"student", "medical-student"},
    Word{"undergraduate", "medical-student"},
    Word{"foundation", "foundation"},
    Word{"foundation doctor", "foundation"},
    Word{"foundation year 1", "foundation"},
    Word{"foundation year 2", "foundation"},
    Word{"F1", "foundation"},
    Word{"F2", "foundation"},
    Word{"FY1", "foundation"},
    Word{"FY2", "foundation"},
    Word{"core training", "core-training"},
    Word{"core trainee", "core-training"},
    Word{"ACCS", "core-training"},
    Word{"specialty training", "specialty-training"},
    Word{"specialty trainee", "specialty-training"},
    Word{"specialty registrar", "specialty-training"},
    Word{"registrar", "specialty-training"},
    Word{"StR", "specialty-training"},
    Word{"SpR", "specialty-training"},
    Word{"GP trainee", "specialty-training"},
    Word{"GPStR", "specialty-training"},
    Word{"SAS", "sas"},
    Word{"SAS doctor", "sas"},
    Word{"specialty doctor", "sas"},
    Word{"specialist", "sas"},
    Word{"associate specialist", "sas"},
    Word{"staff grade", "sas"},
    Word{"consultant", "post-cct"},
    Word{"GP", "post-cct"},
    Word{"general practitioner", "post-cct"},
    Word{"post-CCT", "post-cct"},
};

struct Numbered {
    std::string_view prefix;  ///< normalised
    int from, to;
    std::string_view stage;
};

// "CT1".."CT3", "ST1".."ST8" and the like. Years as UK curricula number them.
constexpr std::array kNumbered = {
    Numbered{"f", 1, 2, "foundation"},           Numbered{"fy", 1, 2, "foundation"},
    Numbered{"ct", 1, 3, "core-training"},       Numbered{"cst", 1, 2, "core-training"},
    Numbered{"imt", 1, 3, "core-training"},      Numbered{"accs", 1, 3, "core-training"},
    Numbered{"st", 1, 8, "specialty-training"},  Numbered{"gpst", 1, 3, "specialty-training"},
    Numbered{"spr", 1, 6, "specialty-training"},
};

/// Lower case, without spaces, dots, '-' and '_'.
std::string normalise(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == ' ' || c == '.' || c == '-' || c == '_' || c == '\t') continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

std::span<const CareerStage> career_stages() {
    return kStages;
}

const CareerStage* career_stage(std::string_view id) {
    for (const auto& s : kStages) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

const CareerStage* career_stage_of(std::string_view words) {
    const std::string w = normalise(words);
    if (w.empty()) return nullptr;
    for (const auto& s : kStages) {
        if (normalise(s.id) == w) return &s;
    }
    for (const auto& x : kWords) {
        if (normalise(x.written) == w) return career_stage(x.stage);
    }
    for (const auto& n : kNumbered) {
        if (w.size() <= n.prefix.size() || w.compare(0, n.prefix.size(), n.prefix) != 0) continue;
        const std::string_view rest = std::string_view(w).substr(n.prefix.size());
        if (rest.size() != 1 || !std::isdigit(static_cast<unsigned char>(rest[0]))) continue;
        const int year = rest[0] - '0';
        if (year >= n.from && year <= n.to) return career_stage(n.stage);
    }
    return nullptr;
}

std::vector<std::string> career_stage_ids() {
    std::vector<std::string> out;
    for (const auto& s : kStages) out.emplace_back(s.id);
    return out;
}

std::string stage_id_hint(std::string_view written) {
    if (const CareerStage* meant = career_stage_of(written)) {
        return " (did you mean \"" + std::string(meant->id) + "\"?)";
    }
    return text::did_you_mean(written, career_stage_ids());
}

std::vector<std::string> career_stage_words() {
    std::vector<std::string> out;
    for (const auto& s : kStages) out.emplace_back(s.id);
    for (const auto& x : kWords) out.emplace_back(x.written);
    for (const auto& n : kNumbered) {
        for (int y = n.from; y <= n.to; ++y) {
            std::string word(n.prefix);
            for (auto& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out.push_back(word + std::to_string(y));
        }
    }
    return out;
}

}  // namespace leadctl
