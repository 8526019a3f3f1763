#include "core/registry/registry.hpp"

#include "core/model/framework_loader.hpp"
#include "core/util/files.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>

namespace leadctl {

namespace fs = std::filesystem;

Registry::Registry(std::span<const BundledFile> bundled, const std::vector<std::string>& search_path,
                   std::span<const BundledCrosswalk> bundled_crosswalks) {
    for (const auto& p : search_path) {
        std::error_code ec;
        const auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
            path_errors_.push_back(
                fmt::format("{}: {}", p, missing ? "no such file or directory" : files::error_words(ec.value())));
            continue;
        }
        if (fs::is_directory(st)) {
            std::vector<std::string> files;
            for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
                const auto ext = it->path().extension();
                if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) files.push_back(it->path().string());
            }
            if (ec) path_errors_.push_back(fmt::format("{}: {}", p, ec.message()));
            std::sort(files.begin(), files.end());
            for (const auto& f : files) add_file(f);
        } else {
            add_file(p);
        }
    }
    for (const auto& b : bundled) {
        RegistryEntry e;
        e.id = b.id;
        e.title = b.title;
        e.edition = b.edition;
        if (b.year) e.year = b.year;
        e.status = b.status;
        e.completeness = b.completeness;
        e.bundled = true;
        e.origin = fmt::format("bundled:{}", b.file);
        e.bundled_text = b.text;
        entries_.push_back(std::move(e));
    }
    for (const auto& b : bundled_crosswalks) {
        CrosswalkEntry e;
        e.id = b.id;
        e.bundled = true;
        e.origin = fmt::format("bundled:crosswalks/{}", b.file);
        e.bundled_text = b.text;
        crosswalks_.push_back(std::move(e));
    }
    // Earlier entries win.
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (entries_[j].id == entries_[i].id && entries_[j].overridden_by < 0) {
                entries_[i].overridden_by = static_cast<int>(j);
                break;
            }
        }
    }
    add_catalogues();
}

void Registry::add_catalogues() {
    if (pending_catalogues_.empty()) return;
    // A framework's id is the prefix of its references.
    const FrameworkByPrefix frameworks = [this](std::string_view prefix) { return get(prefix).get(); };
    for (const auto& [path, root] : pending_catalogues_) {
        auto load = load_opportunities(*root, path, frameworks);
        if (load.diagnostics.has_errors()) {
            skipped_.push_back({path, std::move(load.diagnostics), SkippedFile::Kind::catalogue});
            continue;
        }
        catalogues_.push_back({std::move(load.id), path, std::move(load.opportunities)});
    }
    pending_catalogues_.clear();
}

std::vector<Opportunity> Registry::opportunities(std::string_view bundled_text) const {
    std::vector<Opportunity> out;
    auto add = [&out](const std::vector<Opportunity>& from) {
        for (const auto& o : from) {
            const bool seen = std::any_of(out.begin(), out.end(), [&](const Opportunity& x) { return x.id == o.id; });
            if (!seen) out.push_back(o);
        }
    };
    for (const auto& c : catalogues_) add(c.opportunities);
    add(load_opportunities(bundled_text, "bundled:opportunities.yaml").opportunities);
    return out;
}

void Registry::add_file(const std::string& path) {
    auto read = files::read(path);
    if (!read.text) {
        SkippedFile s{path, {}};
        s.diagnostics.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", read.error));
        skipped_.push_back(std::move(s));
        return;
    }
    // One parse decides whether this is a framework or a crosswalk.
    auto doc = yaml::parse(*read.text, path);
    if (!doc.root || doc.diagnostics.has_errors()) {
        skipped_.push_back({path, std::move(doc.diagnostics)});
        return;
    }
    if (is_opportunity_catalogue(*doc.root)) {  // checked once every framework is known
        pending_catalogues_.emplace_back(path, doc.root);
        return;
    }
    if (is_crosswalk_document(*doc.root)) {
        auto cw = load_crosswalk(*doc.root, path);
        if (!cw.crosswalk) {
            skipped_.push_back({path, std::move(cw.diagnostics), SkippedFile::Kind::crosswalk});
            return;
        }
        CrosswalkEntry e;
        e.id = cw.crosswalk->id;
        e.origin = path;
        e.crosswalk = std::make_shared<Crosswalk>(std::move(*cw.crosswalk));
        crosswalks_.push_back(std::move(e));
        return;
    }
    auto load = load_framework(*doc.root, path);
    if (!load.framework) {
        skipped_.push_back({path, std::move(load.diagnostics)});
        return;
    }
    const auto& fw = *load.framework;
    RegistryEntry e;
    e.id = fw.id;
    e.title = fw.title;
    e.edition = fw.edition;
    e.year = fw.year;
    e.status = fw.status;
    e.completeness = fw.completeness;
    e.origin = path;
    e.framework = std::make_shared<const Framework>(std::move(*load.framework));
    entries_.push_back(std::move(e));
}

const RegistryEntry* Registry::find(std::string_view id) const {
    for (const auto& e : entries_) {
        if (e.id == id && e.overridden_by < 0) return &e;
    }
    return nullptr;
}

std::vector<std::string> Registry::ids() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) {
        if (e.overridden_by < 0) out.push_back(e.id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::shared_ptr<const Framework> Registry::get(std::string_view id) {
    for (auto& e : entries_) {
        if (e.id != id || e.overridden_by >= 0) continue;
        if (!e.framework && e.bundled) {
            auto load = load_framework(e.bundled_text, e.origin);
            if (load.framework) e.framework = std::make_shared<const Framework>(std::move(*load.framework));
        }
        return e.framework;
    }
    return nullptr;
}

}  // namespace leadctl

namespace leadctl {

const CrosswalkIndex& Registry::crosswalk_index(Diagnostics& diagnostics) {
    if (index_) return *index_;
    std::vector<std::shared_ptr<const Crosswalk>> usable;
    const FrameworkLookup lookup = [this](std::string_view id) { return get(id).get(); };
    for (auto& e : crosswalks_) {
        if (!e.crosswalk) {
            auto load = load_crosswalk(e.bundled_text, e.origin);
            diagnostics.append(load.diagnostics);
            if (!load.crosswalk) continue;
            e.crosswalk = std::make_shared<Crosswalk>(std::move(*load.crosswalk));
        }
        Diagnostics found;
        check_crosswalk(*e.crosswalk, lookup, found);
        diagnostics.append(found);
        if (!found.has_errors()) usable.push_back(e.crosswalk);
    }
    index_ = std::make_unique<CrosswalkIndex>(std::move(usable));
    diagnostics.append(index_->conflicts());
    return *index_;
}

}  // namespace leadctl
