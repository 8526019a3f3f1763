// The framework search path: user files and folders first (in the order given),
// then the bundled frameworks. The first framework with a given id wins; the
// others stay listed as overridden. Bundled text is parsed only when a command
// asks for that framework, so listing stays cheap.
#pragma once

#include "core/crosswalk/crosswalk.hpp"
#include "core/crosswalk/crosswalk_index.hpp"
#include "core/model/model.hpp"
#include "core/model/opportunity.hpp"
#include "core/registry/bundled.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

struct RegistryEntry {
    std::string id;
    std::string title;
    std::string edition;
    std::optional<int> year;
    std::string status;
    std::string completeness;
    bool bundled = false;
    std::string origin;                          ///< "bundled:mlcf.yaml" or the user file's path
    std::string_view bundled_text;               ///< bundled entries only
    std::shared_ptr<const Framework> framework;  ///< user entries: loaded when found
    int overridden_by = -1;                      ///< index of the entry that wins over this one, or -1
};

struct CrosswalkEntry {
    std::string id;
    bool bundled = false;
    std::string origin;                    ///< "bundled:mlcf-hlm.yaml" or the user file's path
    std::string_view bundled_text;         ///< bundled entries only
    std::shared_ptr<Crosswalk> crosswalk;  ///< user entries: read when found
};

/// A deanery's or trust's opportunity catalogue found on the path.
struct CatalogueEntry {
    std::string id;      ///< the catalogue's id, or empty
    std::string origin;  ///< the file's path
    std::vector<Opportunity> opportunities;
};

/// A user file on the path that could not be used.
struct SkippedFile {
    enum class Kind : std::uint8_t { framework, crosswalk, catalogue };
    std::string path;
    Diagnostics diagnostics;
    Kind kind = Kind::framework;  ///< what the file looked like ("mappings": a crosswalk; "opportunities": a catalogue)
};

class Registry {
public:
    /// Scan `search_path` (files or folders; folders contribute their *.yaml and *.yml
    /// files, sorted by name, not recursing) ahead of `bundled`. Entries that do not
    /// exist are reported in `path_errors` as "path: reason".
    Registry(std::span<const BundledFile> bundled, const std::vector<std::string>& search_path,
             std::span<const BundledCrosswalk> bundled_crosswalks = {});

    [[nodiscard]] const std::vector<RegistryEntry>& entries() const { return entries_; }
    [[nodiscard]] const std::vector<SkippedFile>& skipped() const { return skipped_; }
    [[nodiscard]] const std::vector<std::string>& path_errors() const { return path_errors_; }

    /// The winning entry for an id, or nullptr.
    [[nodiscard]] const RegistryEntry* find(std::string_view id) const;
    /// Ids of the winning entries, sorted.
    [[nodiscard]] std::vector<std::string> ids() const;

    /// The framework for an id, parsing bundled text on first use. nullptr when unknown
    /// (or, for bundled text, invalid: that cannot happen with a checked build).
    std::shared_ptr<const Framework> get(std::string_view id);

    /// Opportunity catalogues found on the path (the valid ones), in path order. Each is
    /// checked when the registry is built, its references against the frameworks known;
    /// one with errors is in skipped() instead.
    [[nodiscard]] const std::vector<CatalogueEntry>& catalogues() const { return catalogues_; }
    /// The opportunities `assess` may suggest: those of the catalogues on the path, in path
    /// order, then the bundled ones (`bundled_text`, frameworks/opportunities.yaml); an id
    /// given again later is left out, so a catalogue on the path can replace a bundled
    /// opportunity by using its id.
    [[nodiscard]] std::vector<Opportunity> opportunities(std::string_view bundled_text) const;

    /// Crosswalk files found: user files first (in path order), then bundled ones.
    [[nodiscard]] const std::vector<CrosswalkEntry>& crosswalk_entries() const { return crosswalks_; }

    /// All crosswalks merged (user files win conflicts), built on first call: each is
    /// read and checked against its frameworks. `diagnostics` receives the problems
    /// found (a crosswalk with errors is left out of the index) and merge conflicts.
    const CrosswalkIndex& crosswalk_index(Diagnostics& diagnostics);

private:
    void add_file(const std::string& path);
    void add_catalogues();

    std::vector<RegistryEntry> entries_;
    std::vector<CrosswalkEntry> crosswalks_;
    std::vector<CatalogueEntry> catalogues_;
    std::vector<std::pair<std::string, yaml::NodePtr>> pending_catalogues_;  ///< read after the frameworks
    std::unique_ptr<CrosswalkIndex> index_;
    std::vector<SkippedFile> skipped_;
    std::vector<std::string> path_errors_;
};

}  // namespace leadctl
