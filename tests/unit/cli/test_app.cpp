// The CLI run in-process: exit codes, streams, colour and the search path.
#include "cli/app.hpp"

#include "core/util/files.hpp"
#include "scratch_dir.hpp"

#include <doctest/doctest.h>
#include <map>
#include <sstream>

using namespace leadctl;
using leadctl::testing::ScratchDir;

namespace {

struct Run {
    int rc = 0;
    std::string out;
    std::string err;
};

Run run(std::vector<std::string> args, std::map<std::string, std::string> env = {}, bool terminal = false) {
    std::ostringstream out, err;
    cli::Io io{out, err, terminal, terminal, 80, [env](const std::string& k) -> std::optional<std::string> {
                   auto it = env.find(k);
                   return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
               }};
    Run r;
    r.rc = cli::run(args, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace

TEST_SUITE("cli::app") {
    TEST_CASE("--version and --help succeed on stdout") {
        const auto v = run({"--version"});
        CHECK(v.rc == 0);
        CHECK(v.out == std::string("leadctl ") + cli::version() + "\n");
        const auto h = run({"frameworks", "show", "--help"});
        CHECK(h.rc == 0);
        CHECK(h.out.find("Usage: leadctl frameworks show") != std::string::npos);
        CHECK(h.err.empty());
    }

    TEST_CASE("usage errors exit 2 with a suggestion on stderr") {
        const auto r = run({"framework", "list"});
        CHECK(r.rc == 2);
        CHECK(r.out.empty());
        CHECK(r.err.starts_with(
            "leadctl: error: unknown command \"framework\" for 'leadctl' (did you mean \"frameworks\"?)"));
        CHECK(run({}).rc == 2);
        CHECK(run({"frameworks", "show", "mlcf", "--format", "xml"}).rc == 2);
        CHECK(run({"frameworks", "show", "mlcf", "--depth", "-1"}).rc == 2);
    }

    TEST_CASE("unknown frameworks and items exit 2 and name what exists") {
        const auto fw = run({"frameworks", "show", "mlfc"});
        CHECK(fw.rc == 2);
        CHECK(fw.err ==
              "leadctl: error: unknown framework \"mlfc\" (did you mean \"mlcf\"?); known frameworks: "
              "fmlm, fmlm-2e, hlm, mlcf\n");
        const auto item = run({"frameworks", "show", "hlm:engaging-teh-team"});
        CHECK(item.rc == 2);
        CHECK(item.err.find("did you mean \"engaging-the-team\"") != std::string::npos);
    }

    TEST_CASE("colour only on a terminal, and never with NO_COLOR") {
        CHECK(run({"frameworks", "list"}).out.find('\x1b') == std::string::npos);
        CHECK(run({"frameworks", "list"}, {}, true).out.find('\x1b') != std::string::npos);
        CHECK(run({"frameworks", "list"}, {{"NO_COLOR", "1"}}, true).out.find('\x1b') == std::string::npos);
        CHECK(run({"--color", "always", "frameworks", "list"}, {{"NO_COLOR", "1"}}).out.find('\x1b') !=
              std::string::npos);
        CHECK(run({"--color=never", "frameworks", "list"}, {}, true).out.find('\x1b') == std::string::npos);
    }

    TEST_CASE("a user framework overrides the bundled one and list says so") {
        ScratchDir dir;
        const auto mine = dir.write("hlm.yaml", "id: hlm\ntitle: My HLM\nitems:\n  - {code: \"1\", name: One}\n");
        const auto r = run({"--framework-path", mine, "frameworks", "list"});
        CHECK(r.rc == 0);
        CHECK(r.out.find(mine + " (overrides bundled)") != std::string::npos);
        CHECK(r.out.find("bundled (overridden by " + mine + ")") != std::string::npos);
        const auto show = run({"frameworks", "show", "hlm"}, {{"LEADCTL_PATH", dir.path()}});
        CHECK(show.out.starts_with("hlm  My HLM\n"));
    }

    TEST_CASE("a bad framework on the path is reported and skipped, other commands still work") {
        ScratchDir dir;
        dir.write("bad.yaml", "id: bad\ntitle: [\n");
        const auto r = run({"frameworks", "show", "mlcf:1.1"}, {{"LEADCTL_PATH", dir.path()}});
        CHECK(r.rc == 0);
        CHECK(r.out.starts_with("mlcf:1.1  Developing Self Awareness"));
        CHECK(r.err.find("leadctl: warning: ignoring framework file " + dir.path() + "/bad.yaml: 1 error") !=
              std::string::npos);
    }

    TEST_CASE("a missing --framework-path is an error, a missing LEADCTL_PATH entry a warning") {
        const auto opt = run({"--framework-path", "/no/such/dir", "frameworks", "list"});
        CHECK(opt.rc == 2);
        CHECK(opt.err == "leadctl: error: --framework-path /no/such/dir: no such file or directory\n");
        const auto env = run({"frameworks", "list"}, {{"LEADCTL_PATH", "/no/such/dir"}});
        CHECK(env.rc == 0);
        CHECK(env.err == "leadctl: warning: LEADCTL_PATH entry /no/such/dir: no such file or directory\n");
    }

    TEST_CASE("validate exits 0 when clean, 1 on errors, 2 when a file cannot be read") {
        ScratchDir dir;
        const auto good = dir.write("good.yaml", "id: good\ntitle: Good\nitems:\n  - {code: \"1\", name: One}\n");
        const auto bad = dir.write("bad.yaml", "id: bad\nitems:\n  - {code: \"1\", name: One}\n");
        const auto warn = dir.write("warn.yaml",
                                    "id: w\ntitle: W\nitems:\n  - {code: \"1\", name: One}\nprofiles:\n"
                                    "  - {id: p, name: P, requires: [\"1\", \"1\"]}\n");
        CHECK(run({"frameworks", "validate", good}).rc == 0);
        const auto b = run({"frameworks", "validate", good, bad});
        CHECK(b.rc == 1);
        CHECK(b.out == bad +
                           ":1:1: error: [missing-field] the framework header has no \"title\"\n"
                           "2 files checked: 1 valid, 1 error, 0 warnings\n");
        CHECK(run({"frameworks", "validate", warn}).rc == 0);
        CHECK(run({"frameworks", "validate", "--strict", warn}).rc == 1);
        CHECK(run({"frameworks", "validate", good, dir.path() + "/missing.yaml"}).rc == 2);
    }

    TEST_CASE("issue 17: -o refuses the --policy file and the files of the search path") {
        ScratchDir dir;
        const auto policy = dir.write("policy.yaml", "min_entries: 3\n");
        const auto cw = dir.write("path/note.yaml", "not: a framework\n");
        const auto log = std::string(LEADCTL_SOURCE_DIR) + "/examples/logs/foundation-f2.yaml";
        const auto a =
            run({"assess", log, "--framework", "mlcf", "--as-of", "2026-11-25", "--policy", policy, "-o", policy});
        CHECK(a.rc == 2);
        CHECK(a.err == "leadctl: error: refusing to overwrite the input file " + policy + " with the output\n");
        const auto m = run({"map", "mlcf", "hlm", "-o", cw}, {{"LEADCTL_PATH", dir.path() + "/path"}});
        CHECK(m.rc == 2);
        CHECK(m.err.find("refusing to overwrite the input file " + cw) != std::string::npos);
        CHECK(*files::read(policy).text == "min_entries: 3\n");
        CHECK(*files::read(cw).text == "not: a framework\n");
        // Beside them, a new file is written.
        CHECK(run({"map", "mlcf", "hlm", "-o", dir.path() + "/out.txt"}).rc == 0);
    }
}
