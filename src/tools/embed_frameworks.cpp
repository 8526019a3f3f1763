// Build-time tool: checks the bundled framework files and writes a C++ source that
// holds their text and header fields (see core/registry/bundled.hpp).
//
//   leadctl_embed OUTPUT.cpp FRAMEWORK.yaml... [--crosswalks CROSSWALK.yaml...]
//
// Exits 1 (failing the build) when any file has an error, two share an id, or a
// crosswalk names unknown items. (Coverage warnings are left to the test suite.)
#include "core/assess/assess.hpp"
#include "core/crosswalk/crosswalk.hpp"
#include "core/model/framework_loader.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/files.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>

namespace {

std::string c_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: leadctl_embed OUTPUT.cpp FRAMEWORK.yaml... [--crosswalks CROSSWALK.yaml...]\n";
        return 2;
    }
    const std::string delimiter = "leadctl_embed";
    std::string data;
    std::string table;
    std::string crosswalk_table;
    std::set<std::string> ids;
    std::map<std::string, leadctl::Framework> frameworks;
    bool failed = false;
    int i = 2;
    for (; i < argc && std::string_view(argv[i]) != "--crosswalks"; ++i) {
        const std::string path = argv[i];
        auto read = leadctl::files::read(path);
        if (!read.text) {
            std::cerr << path << ": cannot read: " << read.error << "\n";
            return 1;
        }
        auto load = leadctl::load_framework(*read.text, path);
        for (const auto& d : load.diagnostics.items()) std::cerr << leadctl::format_diagnostic(d) << "\n";
        if (!load.framework) {
            failed = true;
            continue;
        }
        const auto& fw = *load.framework;
        if (!ids.insert(fw.id).second) {
            std::cerr << path << ": error: two bundled frameworks have the id \"" << fw.id << "\"\n";
            failed = true;
        }
        if (read.text->find(")" + delimiter + "\"") != std::string::npos) {
            std::cerr << path << ": error: file contains the raw-string delimiter\n";
            failed = true;
        }
        data += fmt::format("constexpr char k_text_{}[] = R\"{}({}){}\";\n", i, delimiter, *read.text, delimiter);
        table += fmt::format("    {{{}, {}, {}, {}, {}, {}, {}, std::string_view(k_text_{}, sizeof k_text_{} - 1)}},\n",
                             c_string(std::filesystem::path(path).filename().string()), c_string(fw.id),
                             c_string(fw.title), c_string(fw.edition), fw.year.value_or(0), c_string(fw.status),
                             c_string(fw.completeness), i, i);
        frameworks.emplace(fw.id, fw);
    }
    std::string opportunities = "std::string_view{}";
    for (++i; i < argc; ++i) {
        const std::string path = argv[i];
        if (std::string_view(argv[i]) == "--opportunities" && i + 1 < argc) {
            const std::string opath = argv[++i];
            auto oread = leadctl::files::read(opath);
            if (!oread.text) {
                std::cerr << opath << ": cannot read: " << oread.error << "\n";
                return 1;
            }
            auto load = leadctl::load_opportunities(*oread.text, opath);
            for (const auto& d : load.diagnostics.items()) std::cerr << leadctl::format_diagnostic(d) << "\n";
            if (load.diagnostics.has_errors()) failed = true;
            data +=
                fmt::format("constexpr char k_opportunities[] = R\"{}({}){}\";\n", delimiter, *oread.text, delimiter);
            opportunities = "std::string_view(k_opportunities, sizeof k_opportunities - 1)";
            continue;
        }
        auto read = leadctl::files::read(path);
        if (!read.text) {
            std::cerr << path << ": cannot read: " << read.error << "\n";
            return 1;
        }
        auto load = leadctl::load_crosswalk(*read.text, path);
        leadctl::Diagnostics found = load.diagnostics;
        if (load.crosswalk) {
            leadctl::check_crosswalk(
                *load.crosswalk,
                [&](std::string_view id) -> const leadctl::Framework* {
                    auto it = frameworks.find(std::string(id));
                    return it == frameworks.end() ? nullptr : &it->second;
                },
                found);
        }
        for (const auto& d : found.items()) std::cerr << leadctl::format_diagnostic(d) << "\n";
        if (!load.crosswalk || found.has_errors()) {
            failed = true;
            continue;
        }
        if (!ids.insert("crosswalk:" + load.crosswalk->id).second) {
            std::cerr << path << ": error: two bundled crosswalks have the id \"" << load.crosswalk->id << "\"\n";
            failed = true;
        }
        if (read.text->find(")" + delimiter + "\"") != std::string::npos) {
            std::cerr << path << ": error: file contains the raw-string delimiter\n";
            failed = true;
        }
        data += fmt::format("constexpr char k_text_{}[] = R\"{}({}){}\";\n", i, delimiter, *read.text, delimiter);
        crosswalk_table +=
            fmt::format("    {{{}, {}, std::string_view(k_text_{}, sizeof k_text_{} - 1)}},\n",
                        c_string(std::filesystem::path(path).filename().string()), c_string(load.crosswalk->id), i, i);
    }
    if (failed) return 1;
    const std::string out = fmt::format(
        "// Generated by leadctl_embed from frameworks/*.yaml. Do not edit.\n"
        "#include \"core/registry/bundled.hpp\"\n\n#include <iterator>\n\n"
        "namespace leadctl {{\nnamespace {{\n{}\nconstexpr BundledFile k_files[] = {{\n{}}};\n"
        "constexpr BundledCrosswalk k_crosswalks[] = {{\n{}{}}};\n}}  // namespace\n\n"
        "std::span<const BundledFile> bundled_frameworks() {{ return k_files; }}\n"
        "std::span<const BundledCrosswalk> bundled_crosswalks() {{ return {{k_crosswalks, {}}}; }}\n"
        "std::string_view bundled_opportunities() {{ return {}; }}\n\n"
        "}}  // namespace leadctl\n",
        data, table, crosswalk_table, crosswalk_table.empty() ? "    {}\n" : "",
        crosswalk_table.empty() ? "0" : "std::size(k_crosswalks)", opportunities);
    if (auto err = leadctl::files::write_atomic(argv[1], out); !err.empty()) {
        std::cerr << err << "\n";
        return 1;
    }
    return 0;
}
