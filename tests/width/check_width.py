#!/usr/bin/env python3
"""Text output fits the width COLUMNS asks for.

    check_width.py LEADCTL SOURCE_DIR

Runs `assess`, `report`, `frameworks list` and `map` on the examples with COLUMNS=80
and fails when a line of standard output is wider, in display columns (code
points, as leadctl counts them; colour codes do not count). It also checks the goldens
tests/cli/*-columns-80/expected.stdout, and that the same commands without COLUMNS
(piped: unlimited) do print lines wider than 80, so the check would fail if the fitting
were removed.
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
]
GOLDENS = ["assess-columns-80", "report-columns-80", "frameworks-list-columns-80", "map-columns-80"]
SGR = re.compile(r"\x1b\[[0-9;]*m")


def widest(text: str) -> tuple[int, str]:
    best = (0, "")
    for line in text.split("\n"):
        w = len(SGR.sub("", line))
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
        for args in COMMANDS:
            name = "leadctl " + " ".join(args)
            w, line = widest(run(leadctl, src, args, "80", home))
            if w > 80:
                failures.append(f"COLUMNS=80 {name}: a line of {w} columns: {line!r}")
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
    print(f"{len(COMMANDS)} commands and {len(GOLDENS)} goldens checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
