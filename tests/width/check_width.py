#!/usr/bin/env python3
"""Text output fits the width COLUMNS asks for.

    check_width.py LEADCTL SOURCE_DIR

Runs `assess`, `report`, `frameworks list`, `frameworks show`, `map` (list and
--matrix) and `diff` on the examples with COLUMNS=80 and fails when a line of standard
output is wider, in display columns (code points, as leadctl counts them; colour codes do
not count). A line that is one web address alone is allowed to be wider: an address is
never broken, so that it can still be followed and copied. It also checks the goldens
tests/cli/*-columns-80/expected.stdout, and that the commands without COLUMNS (piped:
unlimited) do print lines wider than 80, so the check would fail if the fitting were
removed; `diff` and `frameworks show ITEM` are left out of that last check, as they wrap
their prose to 80 columns even when piped (ALWAYS_WRAPPED).
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

COMMANDS = [
    ["assess", "examples/logs/foundation-f2.yaml", "--framework", "mlcf", "--as-of", "2026-11-25"],
    ["assess", "examples/logs/specialty-trainee.yaml", "--framework", "hlm", "--target", "proficient",
     "--as-of", "2026-11-25"],
    ["report", "examples/cohort", "--framework", "mlcf", "--as-of", "2026-11-25"],
    ["frameworks", "list"],
    ["frameworks", "list", "--framework-path", "examples/frameworks"],
    ["map", "hlm", "fmlm"],
    ["map", "mlcf", "fmlm", "--all"],
    ["map", "hlm", "mlcf", "--matrix"],
    ["map", "fmlm", "mlcf", "--matrix"],
    ["frameworks", "show", "mlcf"],
]
# Checked with COLUMNS=80 only: they wrap to 80 columns when piped as well (diff, an
# item's facts), or have nothing but web addresses wider than that.
ALWAYS_WRAPPED = [
    ["frameworks", "show", "fmlm", "--depth", "1"],
    ["diff", "fmlm-2e", "fmlm"],
    ["diff", "mlcf", "hlm"],
    ["frameworks", "show", "fmlm-2e:self.1.a"],
]
GOLDENS = ["assess-columns-80", "report-columns-80", "frameworks-list-columns-80", "map-columns-80"]
SGR = re.compile(r"\x1b\[[0-9;]*m")
ADDRESS = re.compile(r"^\s*<?https?://\S+$")


def widest(text: str) -> tuple[int, str]:
    best = (0, "")
    for line in text.split("\n"):
        line = SGR.sub("", line)
        if ADDRESS.match(line):
            continue
        w = len(line)
        if w > best[0]:
            best = (w, line)
    return best


def run(leadctl: str, src: Path, args: list[str], columns: str | None, home: str) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LC_ALL": "C", "NO_COLOR": "1"}
    if columns is not None:
        env["COLUMNS"] = columns
    p = subprocess.run([leadctl, *args], cwd=src, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return p.stdout.decode("utf-8")


def main() -> int:
    leadctl, src = os.path.abspath(sys.argv[1]), Path(sys.argv[2])
    failures = []
    with tempfile.TemporaryDirectory() as home:
        for args in COMMANDS + ALWAYS_WRAPPED:
            name = "leadctl " + " ".join(args)
            w, line = widest(run(leadctl, src, args, "80", home))
            if w > 80:
                failures.append(f"COLUMNS=80 {name}: a line of {w} columns: {line!r}")
            if args in ALWAYS_WRAPPED:
                continue
            w, _ = widest(run(leadctl, src, args, None, home))
            if w <= 80:
                failures.append(f"{name}: piped without COLUMNS its widest line is {w} (<= 80): "
                                "the example no longer exercises the fitting")
    for case in GOLDENS:
        expected = src / "tests" / "cli" / case / "expected.stdout"
        w, line = widest(expected.read_text(encoding="utf-8"))
        if w > 80:
            failures.append(f"{expected}: a line of {w} columns: {line!r}")
    for f in failures:
        print(f)
    print(f"{len(COMMANDS) + len(ALWAYS_WRAPPED)} commands and {len(GOLDENS)} goldens checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
