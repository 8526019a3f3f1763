#include "cli/app.hpp"
#include "cli/exit_codes.hpp"
#include "cli/terminal_width.hpp"
#include "core/util/files.hpp"

#include <fcntl.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/ioctl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
#if defined(__GLIBC__)
    // Reading a cohort frees and allocates a log's worth of memory per file; with
    // glibc's default 128 KiB trim threshold each free gave the top of the heap back
    // to the kernel (brk, and a TLB flush) only to ask for it again (bench/report.sh:
    // ~4% of report's time). Peak RSS is unchanged: the memory is reused, not added.
    (void)::mallopt(M_TRIM_THRESHOLD, 64 << 20);
    (void)::mallopt(M_TOP_PAD, 1 << 20);
#endif
    // A closed standard stream is held open on /dev/null, so that no file leadctl
    // opens takes its number (and gets the output); a closed stdout is still an error.
    bool stdout_closed = false;
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            stdout_closed = stdout_closed || fd == STDOUT_FILENO;
            (void)::open("/dev/null", O_RDWR);  // takes the lowest free number: fd
        }
    }
    // Standard output through a buffer that remembers why a write failed (a full
    // disk, a closed descriptor), so that the failure can be reported by name.
    leadctl::files::FdWriter out_buf(stdout_closed ? -1 : STDOUT_FILENO);
    std::ostream out(&out_buf);
    leadctl::cli::Io io{out, std::cerr, false, false, 80, {}};
    io.in = &std::cin;
    io.out_is_terminal = ::isatty(STDOUT_FILENO) != 0;
    io.err_is_terminal = ::isatty(STDERR_FILENO) != 0;
    io.getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    std::optional<std::size_t> tty_columns;
    if (io.out_is_terminal) {
        winsize ws{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) tty_columns = ws.ws_col;
    }
    const auto columns = io.getenv("COLUMNS");
    io.terminal_width = leadctl::cli::terminal_width(columns, io.out_is_terminal, tty_columns);
    io.output_width = leadctl::cli::output_width(columns, io.out_is_terminal, tty_columns);
    const int rc = leadctl::cli::run(std::vector<std::string>(argv + 1, argv + argc), io);
    out.flush();
    int e = out_buf.error();
    if (e == 0 && !out) e = EIO;
    if (e == 0 && !stdout_closed && ::close(STDOUT_FILENO) != 0 && errno != EINTR) e = errno;
    if (e != 0) {
        // Whatever the command's own result (diff's 1 too): the output is incomplete.
        std::cerr << "leadctl: error: cannot write standard output: " << std::strerror(e) << "\n";
        return leadctl::cli::kExitUsage;
    }
    return rc;
}
