#include "cli/interrupt.hpp"

#include <csignal>

namespace leadctl::cli {

namespace {
std::atomic<bool> g_flag{false};
struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_signal(int /*sig*/) {
    g_flag.store(true);
}
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");
}  // namespace

InterruptGuard::InterruptGuard() {
    g_flag.store(false);
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking read of stdin returns EINTR
    ::sigaction(SIGINT, &sa, &g_old_int);
    ::sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptGuard::~InterruptGuard() {
    ::sigaction(SIGINT, &g_old_int, nullptr);
    ::sigaction(SIGTERM, &g_old_term, nullptr);
}

const std::atomic<bool>& InterruptGuard::flag() {
    return g_flag;
}

}  // namespace leadctl::cli
