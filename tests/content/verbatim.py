#!/usr/bin/env python3
"""Guard against copying the publishers' wording into the framework files.

The frameworks' names, codes and structure are facts and are held exactly; every
description, outcome, level heading and note is leadctl's own short paraphrase.
This script keeps only *hashes* of the source texts' runs of 8 consecutive words
(never the text) and fails when a framework's prose shares any such run.

  verbatim.py hash NAME < source.txt       print the hashed 8-word runs of a text
                                           read from stdin (to add to
                                           tests/content/source-runs/NAME.txt)
  verbatim.py check --leadctl BIN --runs DIR FILE...
                                           exit 1 if any prose field of a
                                           framework FILE shares a run with DIR/*.txt
  verbatim.py self-test BIN                a copied run is caught, a paraphrase passes

Words: lower-cased letters and digits (apostrophes inside a word kept); curly
quotes and dashes are folded first. A run is 8 words joined by one space; its hash
is the first 16 hex digits of SHA-256. The prose fields checked are every
description, notes, outcome, level heading and completeness_note that
`leadctl convert FILE --to json` gives, of the framework, its scale, items and
profiles; names, codes and source citations are not prose and are not checked.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

RUN = 8
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": " ", "\u2014": " "})
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text):
    return WORD.findall(text.translate(FOLD).lower())


def runs(text):
    w = words(text)
    for i in range(len(w) - RUN + 1):
        run = " ".join(w[i:i + RUN])
        yield hashlib.sha256(run.encode()).hexdigest()[:16], run


def prose(fw):
    """(where, text) for each prose field of a framework in leadctl's JSON."""
    out = []
    for key in ("description", "notes", "completeness_note"):
        if fw.get(key):
            out.append((key, fw[key]))
    for lvl in fw.get("scale", []):
        if lvl.get("description"):
            out.append((f"scale {lvl.get('id')}", lvl["description"]))

    def walk(items):
        for it in items:
            code = it.get("code")
            for key in ("description", "notes"):
                if it.get(key):
                    out.append((f"item {code} {key}", it[key]))
            for k, o in enumerate(it.get("outcomes", [])):
                out.append((f"item {code} outcome {k + 1}", o))
            levels = it.get("levels", {})
            for lvl, text in (levels.items() if isinstance(levels, dict) else []):
                out.append((f"item {code} level {lvl}", text))
            walk(it.get("items", []))

    walk(fw.get("items", []))
    for p in fw.get("profiles", []):
        if p.get("description"):
            out.append((f"profile {p.get('id')}", p["description"]))
    return out


def load_runs(folder):
    known = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    known[line] = name
    return known


def check(leadctl, folder, files):
    known = load_runs(folder)
    if not known:
        print(f"verbatim: no hashed runs in {folder}", file=sys.stderr)
        return 2
    found = 0
    for path in files:
        res = subprocess.run([leadctl, "convert", path, "--to", "json"], capture_output=True, text=True)
        if res.returncode != 0:
            print(f"verbatim: {path}: leadctl convert failed: {res.stderr.strip()}", file=sys.stderr)
            return 2
        for where, text in prose(json.loads(res.stdout)):
            for h, run in runs(text):
                if h in known:
                    found += 1
                    print(f"{path}: {where}: 8 words as in the source ({known[h]}): \"{run}\"")
    n = sum(1 for _ in files)
    print(f"verbatim: {n} file(s) checked against {len(known)} hashed source runs: {found} shared run(s)")
    return 1 if found else 0


def self_test(leadctl):
    import tempfile
    source = "Leaders champion learning so that they and others gain the skills they need"
    fw = ("id: demo\ntitle: Demo\nitems:\n  - code: \"1\"\n    name: One\n    description: >-\n      {}\n"
          "    levels: {{}}\n")
    with tempfile.TemporaryDirectory() as tmp:
        runs_dir = os.path.join(tmp, "runs")
        os.mkdir(runs_dir)
        with open(os.path.join(runs_dir, "demo.txt"), "w", encoding="utf-8") as f:
            f.write("# demo source\n" + "\n".join(sorted({h for h, _ in runs(source)})) + "\n")
        cases = [("copied, case and quotes changed", "As the model says, \u2018leaders champion LEARNING so that they and "
                  "others gain the skills\u2019 needed.", 1),
                 ("seven words shared only", "Leaders champion learning so that they and colleagues grow.", 0),
                 ("own words", "Help people build the abilities the service will need.", 0)]
        failed = 0
        for what, text, want in cases:
            path = os.path.join(tmp, "demo.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(fw.format(text))
            got = check(leadctl, runs_dir, [path])
            if got != want:
                print(f"self-test: {what}: exit {got}, wanted {want}", file=sys.stderr)
                failed += 1
        return 1 if failed else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "self-test":
        return self_test(argv[2])
    if len(argv) >= 2 and argv[1] == "hash":
        for h in sorted({h for h, _ in runs(sys.stdin.read())}):
            print(h)
        return 0
    if len(argv) >= 6 and argv[1] == "check" and argv[2] == "--leadctl" and argv[4] == "--runs":
        return check(argv[3], argv[5], argv[6:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
