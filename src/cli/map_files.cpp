// `leadctl map --check` and `map --import`: crosswalk files in and out.
#include "cli/exit_codes.hpp"
#include "cli/map.hpp"
#include "cli/output.hpp"
#include "core/formats/sssom.hpp"
#include "core/registry/crosswalk_files.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>

namespace leadctl::cli {

int run_map_check(const MapOptions& opt, Context& ctx) {
    const auto check = check_crosswalk_files(opt.args, ctx.registry());
    return report_diagnostics(ctx, check.diagnostics, check.checked, opt.format, opt.strict, check.unreadable);
}

int run_map_import(const MapOptions& opt, Context& ctx) {
    auto read = files::read(opt.import_file);
    if (!read.text) throw UsageError(fmt::format("cannot read {}: {}", opt.import_file, read.error));
    auto imported = import_sssom(*read.text, opt.import_file);
    Diagnostics& d = imported.diagnostics;
    auto& reg = ctx.registry();
    const FrameworkLookup lookup = [&](std::string_view id) { return reg.get(id).get(); };
    check_crosswalk(imported.crosswalk ? *imported.crosswalk : imported.partial, lookup, d);
    d.sort();
    for (const auto& x : d.items()) {
        // Coverage of a set that cannot be imported anyway is noise.
        if (x.code == "uncovered-item" && d.has_errors()) continue;
        ctx.io().err << format_diagnostic(x) << "\n";
    }
    if (!imported.crosswalk || d.has_errors()) {
        ctx.io().err << fmt::format("leadctl: {} not imported: {} error{}; nothing written\n",
                                    text::terminal_safe(opt.import_file), d.error_count(),
                                    d.error_count() == 1 ? "" : "s");
        return kExitFindings;
    }
    write_output(ctx, opt.output, render_crosswalk_yaml(*imported.crosswalk), {opt.import_file});
    return kExitOk;
}

}  // namespace leadctl::cli
