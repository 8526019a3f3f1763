// A progress bar on standard error, redrawn in place:
// "[#####.....] 120/2000 logs  35.2/s  ETA 0:53". Drawn only when enabled
// (stderr is a terminal and the user did not ask for quiet).
#pragma once

#include "cli/context.hpp"

#include <chrono>
#include <cstddef>

namespace leadctl::cli {

class ProgressBar {
public:
    ProgressBar(Context& ctx, bool enabled);
    void draw(std::size_t done, std::size_t total);
    /// Erase the bar (when it was drawn), leaving the cursor at the line's start.
    void clear();

private:
    Context& ctx_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace leadctl::cli
