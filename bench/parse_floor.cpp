// leadctl-parse-floor: the floor for reading YAML evidence logs.
//
//   leadctl-parse-floor FILE...
//   leadctl-parse-floor -          (paths read from standard input, one per line)
//
// Parses each file with yaml-cpp's event parser (YAML::Parser with an EventHandler
// that only counts events) and prints the number of files, events and bytes. It does
// nothing else -- no tree, no checks, no output per file -- so its time is the least
// any leadctl command that reads the same files with yaml-cpp can take (bench/report.sh
// compares `leadctl report` with it). Single-threaded, one file after another.
//
// Exit status: 0, or 1 when a file cannot be opened or is not valid YAML (the
// message is printed and the remaining files are still parsed), 2 on a usage error.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
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

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths(argv + 1, argv + argc);
    if (paths.empty() || (paths.size() == 1 && (paths[0] == "-h" || paths[0] == "--help"))) {
        std::cerr << "usage: leadctl-parse-floor FILE... | leadctl-parse-floor -   (paths on stdin)\n";
        return paths.empty() ? 2 : 0;
    }
    if (paths.size() == 1 && paths[0] == "-") {
        paths.clear();
        for (std::string line; std::getline(std::cin, line);) {
            if (!line.empty()) paths.push_back(line);
        }
    }

    Counter counter;
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
    int status = 0;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << path << ": cannot open\n";
            status = 1;
            continue;
        }
        try {
            YAML::Parser parser(in);
            while (parser.HandleNextDocument(counter)) {
            }
        } catch (const std::exception& e) {  // YAML::ParserException and I/O errors
            std::cerr << path << ": " << e.what() << '\n';
            status = 1;
            continue;
        }
        // The stream is at its end after parsing; clear it to ask how far it read.
        in.clear();
        const auto end = in.tellg();
        bytes += end > 0 ? static_cast<std::uint64_t>(end) : 0;
        ++files;
    }
    std::cout << "files " << files << " events " << counter.events << " bytes " << bytes << '\n';
    return status;
}
