// Frameworks and crosswalks compiled into the binary. The tables are generated at
// build time from frameworks/*.yaml and frameworks/crosswalks/*.yaml by src/tools/embed_frameworks.cpp, which also
// checks every file, so a broken bundled framework fails the build, not the user.
#pragma once

#include <span>
#include <string_view>

namespace leadctl {

struct BundledFile {
    std::string_view file;  ///< "mlcf.yaml"
    std::string_view id;
    std::string_view title;
    std::string_view edition;
    int year = 0;  ///< 0 when the file gives none
    std::string_view status;
    std::string_view completeness;
    std::string_view text;  ///< the whole YAML file
};

struct BundledCrosswalk {
    std::string_view file;  ///< "mlcf-hlm.yaml"
    std::string_view id;
    std::string_view text;
};

/// Defined in the generated leadctl_bundled library.
std::span<const BundledFile> bundled_frameworks();
std::span<const BundledCrosswalk> bundled_crosswalks();
/// frameworks/opportunities.yaml: the catalogue `assess` suggests from.
std::string_view bundled_opportunities();

}  // namespace leadctl
