// What the fuzz targets share (fuzz/README.md). Each target is one file with one
// LLVMFuzzerTestOneInput: the bytes go to the core function the CLI calls for that
// kind of file and, where leadctl writes that format too, through the round trip
// parse -> write -> parse, which must give back what the first parse gave. A round
// trip that does not is reported here and aborts, so libFuzzer keeps the input.
// The same files build a libFuzzer binary (fuzz preset) and, with replay_main.cpp,
// a plain executable that replays the regression corpus in every other preset.
#pragma once

#include "core/evidence/evidence_file.hpp"
#include "core/formats/render_framework.hpp"
#include "core/model/framework_loader.hpp"
#include "core/model/model.hpp"
#include "core/registry/framework_input.hpp"
#include "core/registry/registry.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <sys/mman.h>
#include <unistd.h>

#ifndef LEADCTL_SOURCE_DIR
#error "LEADCTL_SOURCE_DIR must name the source tree (fuzz/CMakeLists.txt sets it)"
#endif

namespace leadctl::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A round trip changed what was read: say what, show both sides, and abort.
[[noreturn]] inline void round_trip_failed(std::string_view what, const std::string& first, const std::string& second) {
    std::fprintf(stderr,
                 "leadctl fuzz: round trip changed the %.*s\n--- first parse\n%s\n--- after write and parse\n%s\n",
                 static_cast<int>(what.size()), what.data(), first.c_str(), second.c_str());
    std::abort();
}

/// A check that must hold for every input (a writer's output must read back).
inline void require(bool ok, std::string_view what, const std::string& detail) {
    if (ok) return;
    std::fprintf(stderr, "leadctl fuzz: %.*s\n%s\n", static_cast<int>(what.size()), what.data(), detail.c_str());
    std::abort();
}

/// Two parses are equal when the full file format (JSON, every key and x: entry)
/// writes them alike. The order of x: keys is not compared: it is the order of the
/// file they came from, and a writer puts them where its format has them (CASE
/// export writes `creator` before `lastChangeDateTime`, whatever order it read).
inline std::string canonical(const Framework& fw) {
    Framework sorted = fw;
    std::sort(sorted.extra.begin(), sorted.extra.end());
    for (auto& level : sorted.scale) std::sort(level.extra.begin(), level.extra.end());
    for (auto& item : sorted.items) std::sort(item.extra.begin(), item.extra.end());
    return render_file_json(sorted);
}

inline void expect_same_framework(std::string_view what, const Framework& first, const Framework& second) {
    auto a = canonical(first);
    auto b = canonical(second);
    if (a != b) round_trip_failed(what, a, b);
}

inline std::string diagnostics_text(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items())
        out += d.location.file.str() + ":" + std::to_string(d.location.line) + ": " + d.message + "\n";
    return out;
}

/// A registry with no frameworks and no search path: reading a file needs one only
/// for a CASE package's links, and there are none to drop.
inline RegistryAccess empty_registry() {
    static Registry registry({}, {});
    return []() -> Registry& { return registry; };
}

/// Read framework text as the CLI's `convert` and `diff` do (read_framework_text).
inline FrameworkInput read_framework(std::string_view text, const std::string& path, FrameworkFormat from) {
    FrameworkReadOptions options;
    options.from = from;
    return read_framework_text(text, path, options, empty_registry());
}

/// A file of the source tree (frameworks/mlcf.yaml), read once at start-up.
inline std::string source_file(const std::string& relative) {
    std::ifstream in(std::string(LEADCTL_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Read an evidence log as `evidence validate`, `assess` and `report` do
/// (read_log_file: encoding, format, entries, checks against mlcf, privacy). It
/// takes a path: the bytes go to an in-memory file named /proc/self/fd/N.
inline void read_log(const std::uint8_t* data, std::size_t size, const std::string& format) {
    static const Framework mlcf = [] {
        auto load = load_framework(source_file("frameworks/mlcf.yaml"), "mlcf.yaml");
        require(load.framework.has_value(), "frameworks/mlcf.yaml does not load", diagnostics_text(load.diagnostics));
        return *load.framework;
    }();
    static const int fd = ::memfd_create("leadctl-fuzz-log", MFD_CLOEXEC);
    require(fd >= 0, "memfd_create failed", "");
    require(::ftruncate(fd, 0) == 0 && ::pwrite(fd, data, size, 0) == static_cast<ssize_t>(size),
            "cannot write the in-memory log", "");
    LogReadOptions options;
    options.as_of = {2026, 12, 31};
    options.format = format;
    FrameworkSource frameworks;
    frameworks.lookup = [](std::string_view id) -> const Framework* { return id == "mlcf" ? &mlcf : nullptr; };
    frameworks.ids = {"mlcf"};
    Diagnostics diags;
    std::size_t entries = 0;
    (void)read_log_file("/proc/self/fd/" + std::to_string(fd), options, frameworks, diags, {},
                        [&entries](const Entry&, const EvidenceChecker&) { ++entries; });
}

}  // namespace leadctl::fuzz
