#!/usr/bin/env python3
"""The one dependency rule of ARCHITECTURE.md, checked.

    check_layers.py SRC_DIR       check the tree under SRC_DIR (the repository's src/)
    check_layers.py --self-test   show that each kind of violation is caught

Rules:
  1. Every file of the core library lives in one area folder, src/core/<area>/, and the
     areas are ranked (LAYERS below, lowest first).
  2. A file in area A includes "core/B/..." only when B's rank is A's rank or lower.
  3. The core never includes the command line: no "cli/..." header, no CLI11 (<CLI/...>),
     no terminal (<sys/ioctl.h>, <termios.h>, isatty), no std::cout / std::cerr.
Exit status: 0 when the tree keeps the rules, 1 with one line per violation
(FILE:LINE: what) when it does not, 2 on a usage error.
"""
import os
import re
import sys
import tempfile

# Lowest first. Keep in step with ARCHITECTURE.md.
LAYERS = ["util", "yaml", "model", "crosswalk", "formats", "registry",
          "evidence", "feedback", "assess", "report", "render"]
RANK = {name: i for i, name in enumerate(LAYERS)}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
FORBIDDEN_TEXT = [
    (re.compile(r'\bstd::(cout|cerr|clog)\b'), "writes to the terminal (std::cout/cerr/clog)"),
    (re.compile(r'\bisatty\s*\('), "asks about the terminal (isatty)"),
]
FORBIDDEN_SYSTEM = {
    "sys/ioctl.h": "a terminal header",
    "termios.h": "a terminal header",
}


def check(src):
    problems = []
    core = os.path.join(src, "core")
    if not os.path.isdir(core):
        return [f"{core}: no core folder"]
    for dirpath, _dirs, files in os.walk(core):
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp", ".h")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, src)
            parts = rel.split(os.sep)
            if len(parts) != 3:
                problems.append(f"{rel}:1: not in an area folder (src/core/<area>/{name})")
                continue
            area = parts[1]
            if area not in RANK:
                problems.append(f"{rel}:1: unknown area '{area}' (add it to LAYERS and ARCHITECTURE.md)")
                continue
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            for number, line in enumerate(lines, 1):
                m = INCLUDE.match(line)
                if m:
                    kind, target = m.groups()
                    if kind == '"' and target.startswith("cli/"):
                        problems.append(f"{rel}:{number}: core includes the command line ({target})")
                    elif kind == "<" and target.startswith("CLI/"):
                        problems.append(f"{rel}:{number}: core includes CLI11 ({target})")
                    elif kind == "<" and target in FORBIDDEN_SYSTEM:
                        problems.append(f"{rel}:{number}: core includes {FORBIDDEN_SYSTEM[target]} ({target})")
                    elif kind == '"' and target.startswith("core/"):
                        tparts = target.split("/")
                        if len(tparts) != 3 or tparts[1] not in RANK:
                            problems.append(f"{rel}:{number}: includes {target}, which is not in an area")
                        elif RANK[tparts[1]] > RANK[area]:
                            problems.append(
                                f"{rel}:{number}: {area} includes {target}: "
                                f"{tparts[1]} is a higher layer than {area}")
                    continue
                code = line.split("//", 1)[0]
                for pattern, what in FORBIDDEN_TEXT:
                    if pattern.search(code):
                        problems.append(f"{rel}:{number}: core {what}")
    return problems


def self_test():
    """Each rule catches a file written to break it; a clean tree passes."""
    cases = {
        "clean": ("core/model/a.hpp", '#include "core/util/text.hpp"\n', 0),
        "upward include": ("core/util/a.hpp", '#include "core/render/render_assess.hpp"\n', 1),
        "cli include": ("core/render/a.cpp", '#include "cli/output.hpp"\n', 1),
        "CLI11": ("core/report/a.cpp", "#include <CLI/CLI.hpp>\n", 1),
        "terminal output": ("core/assess/a.cpp", 'void f() { std::cerr << "x"; }\n', 1),
        "isatty": ("core/render/a.cpp", "bool t() { return isatty(1); }\n", 1),
        "flat file": ("core/a.cpp", "\n", 1),
        "unknown area": ("core/misc/a.cpp", "\n", 1),
    }
    failed = 0
    for label, (rel, text, expected) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            got = len(check(tmp))
            ok = got == expected
            print(f"{'ok  ' if ok else 'FAIL'} {label}: {got} problem(s), expected {expected}")
            failed += not ok
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"check_layers: {len(problems)} violation(s) of the rule in ARCHITECTURE.md", file=sys.stderr)
        return 1
    print("check_layers: every core file keeps the layer rule")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
