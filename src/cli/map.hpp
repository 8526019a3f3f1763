// `leadctl map`'s options, shared by its query (map.cpp) and its file modes,
// --check and --import (map_files.cpp).
#pragma once

#include "cli/context.hpp"

#include <string>
#include <vector>

namespace leadctl::cli {

struct MapOptions {
    /// FROM [TO], or PREFIX:CODE, or (with --check) crosswalk files
    std::vector<std::string> args;
    /// --to: the target framework (with an item reference)
    std::string to;
    /// --matrix: a grid of FROM's items against TO's items
    bool matrix = false;
    /// --relations: comma-separated relations to keep
    std::string relations;
    /// --min-confidence: drop mappings below this confidence
    double min_confidence = 0;
    /// --max-hops: longest chain of crosswalks to compose (1 = direct only)
    int max_hops = 2;
    /// --all, or --max-hops or --min-confidence given: show every composed mapping,
    /// not only those that add something to the direct ones
    bool all = false;
    /// --format: text, json, csv, markdown or sssom
    std::string format = "text";
    /// --import: an SSSOM TSV file to turn into a crosswalk file
    std::string import_file;
    /// -o/--output: write here (atomically) instead of standard output
    std::string output;
    /// --check: check crosswalk files (or all on the path)
    bool check = false;
    /// --strict: with --check, warnings fail too
    bool strict = false;
};

/// --check: crosswalk files (or every one on the path) checked; the exit code.
int run_map_check(const MapOptions& opt, Context& ctx);
/// --import: an SSSOM file written as a crosswalk file; the exit code.
int run_map_import(const MapOptions& opt, Context& ctx);

}  // namespace leadctl::cli
