#include "cli/per_person.hpp"

#include "cli/context.hpp"
#include "core/render/render_assess.hpp"
#include "core/util/files.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <set>

namespace leadctl::cli {

PerPersonOutput::PerPersonOutput(std::string dir, std::string format, std::string generated)
    : dir_(std::move(dir)), format_(std::move(format)), generated_(std::move(generated)) {
    if (find_format(kAssessFormats, format_) == nullptr) {
        throw UsageError(fmt::format("--per-person-format: unknown format \"{}\"", format_));
    }
    if (dir_.empty()) return;
    std::error_code ec;
    made_ = !std::filesystem::exists(dir_, ec);
    std::filesystem::create_directories(dir_, ec);
    if (ec || !std::filesystem::is_directory(dir_)) {
        throw UsageError(
            fmt::format("--per-person {}: cannot use it as a folder{}", dir_, ec ? ": " + ec.message() : ""));
    }
    (void)files::remove_stale_temps(dir_, kPerPersonTempName);
}

PerPersonOutput::~PerPersonOutput() {
    if (made_ && !kept_) ::rmdir(dir_.c_str());
}

std::string PerPersonOutput::extension() const {
    return std::string(find_format(kAssessFormats, format_)->extension);
}

std::string PerPersonOutput::render(const Assessment& a) const {
    Style style;
    style.generated = generated_;
    return find_format(kAssessFormats, format_)->write(a, style);
}

void PerPersonOutput::commit(const CohortRun& run, const std::vector<std::string>& other_inputs) const {
    std::set<std::filesystem::path> inputs;
    for (const auto& r : run.report.rows) inputs.insert(std::filesystem::weakly_canonical(r.path.str()));
    for (std::size_t i = 0; i < run.temps.size(); ++i) {
        if (run.temps[i].empty()) continue;
        const auto target = (std::filesystem::path(dir_) / run.report.rows[i].per_person_file).string();
        const bool other = std::any_of(other_inputs.begin(), other_inputs.end(),
                                       [&](const std::string& in) { return files::same_file(in, target); });
        if (other || inputs.count(std::filesystem::weakly_canonical(target)) != 0) {
            remove_temps(run.temps, i);
            throw UsageError(fmt::format("--per-person {}: refusing to overwrite the input {}", dir_, target));
        }
        if (auto err = files::commit_temp(run.temps[i], target); !err.empty()) {
            remove_temps(run.temps, i + 1);
            throw UsageError(err);
        }
    }
}

void remove_temps(const std::vector<std::string>& temps, std::size_t from) {
    for (std::size_t k = from; k < temps.size(); ++k) {
        if (!temps[k].empty()) ::unlink(temps[k].c_str());
    }
}

}  // namespace leadctl::cli
