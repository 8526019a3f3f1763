// The exit codes of leadctl, documented in leadctl(1) under EXIT STATUS.
#pragma once

namespace leadctl::cli {

enum ExitCode : int {
    kExitOk = 0,            ///< success; validation found no errors
    kExitFindings = 1,      ///< validation errors (or other findings a command reports)
    kExitUsage = 2,         ///< bad command line, unknown framework or item, unreadable input
    kExitInternal = 70,     ///< a bug in leadctl (EX_SOFTWARE of sysexits.h); the message asks for a report
    kExitInterrupted = 130  ///< stopped by SIGINT or SIGTERM
};

}  // namespace leadctl::cli
