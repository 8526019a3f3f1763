// A plain main() over the fuzz targets, for builds without libFuzzer (gcc: the ci and
// sanitize presets). Each fuzz_<target>.cpp is compiled here with its
// LLVMFuzzerTestOneInput renamed leadctl_fuzz_<target> (fuzz/CMakeLists.txt), and
//   leadctl_fuzz_replay TARGET PATH...
// runs that target once on each file named, or on each file of each folder named (not
// recursing): CTest replays every target's seed and regression corpus this way. A
// crash or a failed round trip aborts, as under libFuzzer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#define X(name) extern "C" int leadctl_fuzz_##name(const std::uint8_t* data, std::size_t size);
LEADCTL_FUZZ_LIST
#undef X

namespace {

struct Target {
    std::string_view name;
    int (*run)(const std::uint8_t* data, std::size_t size);
};

constexpr Target kTargets[] = {
#define X(name) {#name, leadctl_fuzz_##name},
    LEADCTL_FUZZ_LIST
#undef X
};

}  // namespace

int main(int argc, char** argv) {
    const auto* target = argc < 2 ? std::end(kTargets)
                                  : std::find_if(std::begin(kTargets), std::end(kTargets),
                                                 [&](const Target& t) { return t.name == argv[1]; });
    if (target == std::end(kTargets)) {
        std::fprintf(stderr, "usage: leadctl_fuzz_replay TARGET PATH...\ntargets:");
        for (const auto& t : kTargets) std::fprintf(stderr, " %.*s", static_cast<int>(t.name.size()), t.name.data());
        std::fprintf(stderr, "\n");
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            for (const auto& e : std::filesystem::directory_iterator(arg))
                if (e.is_regular_file()) files.push_back(e.path());
        } else {
            files.push_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "cannot read %s\n", f.c_str());
            return 2;
        }
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::printf("replaying %s (%zu bytes)\n", f.c_str(), bytes.size());
        std::fflush(stdout);
        target->run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("%zu inputs replayed\n", files.size());
    return 0;
}
