// `report --per-person DIR`: the folder, the format of each person's report,
// and the commit of the temporary files run_cohort leaves there.
#pragma once

#include "core/report/cohort_run.hpp"

#include <string>
#include <vector>

namespace leadctl::cli {

class PerPersonOutput {
public:
    /// No folder when `dir` is empty. A missing folder is created, and removed
    /// again (if still empty) on destruction unless keep() was called; one that
    /// cannot be used is a UsageError. Temporary files that a killed run left in
    /// an existing folder are removed (files::remove_stale_temps).
    /// `generated`: the day for the reports' footers (Style::generated).
    PerPersonOutput(std::string dir, std::string format, std::string generated = "");
    ~PerPersonOutput();
    PerPersonOutput(const PerPersonOutput&) = delete;
    PerPersonOutput& operator=(const PerPersonOutput&) = delete;

    [[nodiscard]] bool enabled() const { return !dir_.empty(); }
    [[nodiscard]] const std::string& dir() const { return dir_; }
    /// ".txt", ".md", ".json" or ".html"
    [[nodiscard]] std::string extension() const;
    /// One person's report. Reads nothing but its arguments: safe on any thread.
    [[nodiscard]] std::string render(const Assessment& a) const;
    void keep() { kept_ = true; }
    /// Rename each row's temporary file to its name in the folder. An input (a
    /// log, or one of `other_inputs`) in the way or a failed rename is a
    /// UsageError (the files not yet renamed are removed).
    void commit(const CohortRun& run, const std::vector<std::string>& other_inputs = {}) const;

private:
    std::string dir_;
    std::string format_;
    std::string generated_;
    bool made_ = false;
    bool kept_ = false;
};

/// Remove the temporary files of `temps` from index `from` on ("" entries are skipped).
void remove_temps(const std::vector<std::string>& temps, std::size_t from = 0);

}  // namespace leadctl::cli
