// leadctl-parse-floor: the floor for reading YAML evidence logs.
//
//   leadctl-parse-floor [--parser yaml-cpp|libyaml] FILE...
//   leadctl-parse-floor [--parser yaml-cpp|libyaml] -     (paths read from standard input, one per line)
//
// Parses each file with an event parser that only counts events, and prints the
// number of files, events and bytes: yaml-cpp's (YAML::Parser with a counting
// EventHandler; the default) or libyaml's (yaml_parser_parse, the parser leadctl reads
// YAML with). Both count the same events -- document start and end, scalars (nulls
// included), aliases, collection starts and ends -- so their counts agree. It does
// nothing else -- no tree, no checks, no output per file -- so its time is the least
// any leadctl command that reads the same files with that parser can take
// (bench/report.sh compares `leadctl report` with both). Single-threaded, one file after
// another.
//
// Exit status: 0, or 1 when a file cannot be opened or is not valid YAML (the
// message is printed and the remaining files are still parsed), 2 on a usage error.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <yaml.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// Counts events; ignores their content.
class Counter final : public YAML::EventHandler {
public:
    std::uint64_t events = 0;

    void OnDocumentStart(const YAML::Mark&) override { ++events; }
    void OnDocumentEnd() override { ++events; }
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnSequenceEnd() override { ++events; }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnMapEnd() override { ++events; }
};

// One file with yaml-cpp; false (and a message) when it cannot be read or parsed.
bool count_yaml_cpp(const std::string& path, Counter& counter, std::uint64_t& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << path << ": cannot open\n";
        return false;
    }
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(counter)) {
        }
    } catch (const std::exception& e) {  // YAML::ParserException and I/O errors
        std::cerr << path << ": " << e.what() << '\n';
        return false;
    }
    // The stream is at its end after parsing; clear it to ask how far it read.
    in.clear();
    const auto end = in.tellg();
    bytes += end > 0 ? static_cast<std::uint64_t>(end) : 0;
    return true;
}

// One file with libyaml, reading it as leadctl does (a read handler's chunks).
bool count_libyaml(const std::string& path, std::uint64_t& events, std::uint64_t& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        std::cerr << path << ": cannot open\n";
        return false;
    }
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    bool ok = true;
    for (bool done = false; !done;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&parser, &e)) {
            std::cerr << path << ":" << parser.problem_mark.line + 1 << ":" << parser.problem_mark.column + 1 << ": "
                      << (parser.problem ? parser.problem : "error") << '\n';
            ok = false;
            break;
        }
        // The events yaml-cpp's handler sees (it has no stream start and end).
        if (e.type == YAML_STREAM_END_EVENT) {
            done = true;
        } else if (e.type != YAML_STREAM_START_EVENT) {
            ++events;
        }
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&parser);
    const long end = std::ftell(f);
    std::fclose(f);
    if (ok) bytes += end > 0 ? static_cast<std::uint64_t>(end) : 0;
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths(argv + 1, argv + argc);
    const char* usage = "usage: leadctl-parse-floor [--parser yaml-cpp|libyaml] FILE... | - (paths on stdin)\n";
    std::string parser = "yaml-cpp";
    if (!paths.empty() && paths[0].rfind("--parser", 0) == 0) {
        if (paths[0].size() > 9 && paths[0][8] == '=') {
            parser = paths[0].substr(9);
            paths.erase(paths.begin());
        } else if (paths[0] == "--parser" && paths.size() >= 2) {
            parser = paths[1];
            paths.erase(paths.begin(), paths.begin() + 2);
        } else {
            std::cerr << usage;
            return 2;
        }
        if (parser != "yaml-cpp" && parser != "libyaml") {
            std::cerr << "leadctl-parse-floor: --parser is yaml-cpp or libyaml, not " << parser << '\n' << usage;
            return 2;
        }
    }
    if (paths.empty() || (paths.size() == 1 && (paths[0] == "-h" || paths[0] == "--help"))) {
        std::cerr << usage;
        return paths.empty() ? 2 : 0;
    }
    if (paths.size() == 1 && paths[0] == "-") {
        paths.clear();
        for (std::string line; std::getline(std::cin, line);) {
            if (!line.empty()) paths.push_back(line);
        }
    }

    Counter counter;
    std::uint64_t libyaml_events = 0;
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
    int status = 0;
    for (const auto& path : paths) {
        const bool ok =
            parser == "libyaml" ? count_libyaml(path, libyaml_events, bytes) : count_yaml_cpp(path, counter, bytes);
        if (!ok) {
            status = 1;
            continue;
        }
        ++files;
    }
    std::cout << "files " << files << " events " << counter.events + libyaml_events << " bytes " << bytes << '\n';
    return status;
}
