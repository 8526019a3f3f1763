#include "cli/app.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    leadctl::cli::Io io{std::cout, std::cerr, false, false, 80, {}};
    io.in = &std::cin;
    io.out_is_terminal = ::isatty(STDOUT_FILENO) != 0;
    io.err_is_terminal = ::isatty(STDERR_FILENO) != 0;
    io.getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    if (const char* cols = std::getenv("COLUMNS")) {
        io.terminal_width = static_cast<std::size_t>(std::strtoul(cols, nullptr, 10));
    } else if (io.out_is_terminal) {
        winsize ws{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) io.terminal_width = ws.ws_col;
    }
    if (io.terminal_width < 40) io.terminal_width = 80;
    if (io.terminal_width > 160) io.terminal_width = 160;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int rc = leadctl::cli::run(args, io);
    std::cout.flush();
    if (!std::cout) return rc == 0 ? 2 : rc;  // e.g. stdout closed or disk full
    return rc;
}
