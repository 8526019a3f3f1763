#include "cli/progress_bar.hpp"

#include <fmt/format.h>
#include <ostream>
#include <string>

namespace leadctl::cli {

namespace {

std::string duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ProgressBar::ProgressBar(Context& ctx, bool enabled)
    : ctx_(ctx), enabled_(enabled), started_(std::chrono::steady_clock::now()) {}

void ProgressBar::draw(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const std::size_t bar = ctx_.io().terminal_width > 70 ? 30 : 15;
    const std::size_t filled = total ? bar * done / total : bar;
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const std::string eta = rate > 0 ? duration(static_cast<double>(total - done) / rate) : "-";
    ctx_.io().err << fmt::format("\r[{}{}] {}/{} logs  {:.1f}/s  ETA {}\x1b[K", std::string(filled, '#'),
                                 std::string(bar - filled, '.'), done, total, rate, eta)
                  << std::flush;
    drawn_ = true;
}

void ProgressBar::clear() {
    if (drawn_) ctx_.io().err << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace leadctl::cli
