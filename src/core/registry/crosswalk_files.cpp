#include "core/registry/crosswalk_files.hpp"

#include "core/util/files.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>

namespace leadctl {

CrosswalkCheck check_crosswalk_files(const std::vector<std::string>& paths, Registry& registry) {
    CrosswalkCheck out;
    Diagnostics& all = out.diagnostics;
    const FrameworkLookup lookup = [&](std::string_view id) { return registry.get(id).get(); };
    if (paths.empty()) {
        registry.crosswalk_index(all);
        out.checked = registry.crosswalk_entries().size();
        for (const auto& s : registry.skipped()) {  // crosswalk files on the path that could not be read
            if (s.kind != SkippedFile::Kind::crosswalk) continue;
            all.append(s.diagnostics);
            ++out.checked;
        }
    }
    for (const auto& path : paths) {
        ++out.checked;
        auto read = files::read(path);
        if (!read.text) {
            ++out.unreadable;
            all.error({path, 0, 0}, "unreadable", fmt::format("cannot read file: {}", read.error));
            continue;
        }
        auto doc = yaml::parse(*read.text, path);
        all.append(doc.diagnostics);
        if (!doc.root) continue;
        if (!is_crosswalk_document(*doc.root)) {
            all.error({path, doc.root->line, doc.root->column}, "not-a-crosswalk",
                      "this is not a crosswalk file (it has no \"mappings\"); frameworks are checked with "
                      "'leadctl frameworks validate'");
            continue;
        }
        auto load = load_crosswalk(*doc.root, path);
        all.append(load.diagnostics);
        check_crosswalk(load.partial, lookup, all);  // what could be read, so every problem shows
    }
    all.sort();
    return out;
}

}  // namespace leadctl
