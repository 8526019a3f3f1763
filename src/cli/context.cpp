#include "cli/context.hpp"

#include "core/registry/bundled.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>

namespace leadctl::cli {

namespace {
bool color_wanted(const std::string& mode, bool is_terminal, const Io& io) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (auto nc = io.getenv("NO_COLOR"); nc && !nc->empty()) return false;
    if (auto term = io.getenv("TERM"); term && *term == "dumb") return false;
    return is_terminal;
}
}  // namespace

Style Context::out_style() const {
    return Style{color_wanted(global_.color, io_.out_is_terminal, io_), io_.output_width};
}
Style Context::err_style() const {
    return Style{color_wanted(global_.color, io_.err_is_terminal, io_)};
}

void Context::warn(const std::string& message) {
    const Style s = err_style();
    io_.err << "leadctl: " << s.yellow("warning:") << " " << text::terminal_safe(message) << "\n";
}

void Context::print_diagnostic(const Diagnostic& d) {
    io_.err << format_diagnostic(d) << "\n";
}

std::vector<std::string> Context::search_path() const {
    std::vector<std::string> path = global_.framework_path;
    if (auto env = io_.getenv("LEADCTL_PATH"); env && !env->empty()) {
        std::string_view rest = *env;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const auto part = rest.substr(0, colon);
            if (!part.empty()) path.emplace_back(part);
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    return path;
}

void Context::note_input(const std::string& path) {
    if (!path.empty() && path != "-") inputs_.push_back(path);
}

std::vector<std::string> Context::inputs() const {
    namespace fs = std::filesystem;
    std::vector<std::string> all = inputs_;
    for (const auto& p : search_path()) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            all.push_back(p);
            continue;
        }
        // A folder on the path: its YAML files are read (frameworks, crosswalks, catalogues).
        for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
            const auto ext = it->path().extension();
            if (ext == ".yaml" || ext == ".yml") all.push_back(it->path().string());
        }
    }
    return all;
}

Registry& Context::registry() {
    if (registry_) return *registry_;
    std::vector<std::string> path = search_path();
    const std::size_t from_cli = global_.framework_path.size();
    registry_ = std::make_unique<Registry>(bundled_frameworks(), path, bundled_crosswalks());
    for (const auto& e : registry_->path_errors()) {
        // A path given on the command line must exist; LEADCTL_PATH may name folders
        // that are absent on this machine.
        const bool explicit_option = std::any_of(path.begin(), path.begin() + static_cast<long>(from_cli),
                                                 [&](const std::string& p) { return e.starts_with(p + ":"); });
        if (explicit_option) throw UsageError(fmt::format("--framework-path {}", e));
        warn(fmt::format("LEADCTL_PATH entry {}", e));
    }
    for (const auto& s : registry_->skipped()) {
        const auto& items = s.diagnostics.items();
        const bool crosswalk = s.kind == SkippedFile::Kind::crosswalk;
        const std::string_view what = crosswalk                                ? "crosswalk"
                                      : s.kind == SkippedFile::Kind::catalogue ? "opportunity catalogue"
                                                                               : "framework";
        warn(fmt::format("ignoring {} file {}: {} error{} (check it with 'leadctl {} {}')", what, s.path,
                         s.diagnostics.error_count(), s.diagnostics.error_count() == 1 ? "" : "s",
                         crosswalk ? "map --check" : "frameworks validate", s.path));
        for (const auto& d : items) {
            if (d.severity == Severity::error) {
                io_.err << "  " << format_diagnostic(d) << "\n";
                break;
            }
        }
    }
    return *registry_;
}

FrameworkInput Context::read_framework(const std::string& spec, const FrameworkReadOptions& options) {
    auto in = read_framework_input(spec, options, [this]() -> Registry& { return registry(); });
    if (!in.bundled) note_input(in.path);
    if (!in.usage_error.empty()) throw UsageError(in.usage_error);
    for (const auto& d : in.diagnostics.items()) print_diagnostic(d);
    return in;
}

std::shared_ptr<const Framework> Context::framework(const std::string& id) {
    auto& reg = registry();
    if (auto fw = reg.get(id)) return fw;
    const auto ids = reg.ids();
    throw UsageError(fmt::format("unknown framework \"{}\"{}; known frameworks: {}", id, text::did_you_mean(id, ids),
                                 text::join(ids, ", ")));
}

}  // namespace leadctl::cli
