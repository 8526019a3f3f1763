// SIGINT and SIGTERM as a flag that long-running commands poll, so that they
// can stop cleanly (remove their temporary files, write nothing) and exit 130.
#pragma once

#include <atomic>

namespace leadctl::cli {

/// While alive, SIGINT and SIGTERM set the flag instead of killing the process;
/// the previous handlers come back on destruction.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    /// Set (by the signal handler) once a signal has arrived.
    [[nodiscard]] static const std::atomic<bool>& flag();
    [[nodiscard]] static bool interrupted() { return flag().load(); }
};

}  // namespace leadctl::cli
