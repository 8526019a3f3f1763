#!/usr/bin/env python3
"""The reference a supervisor could write instead of `leadctl report`: PyYAML's C loader.

    bench/pyyaml_report.py --as-of 2026-11-25 LOG.yaml... > report.csv

About a hundred lines, as a user would write them: load each log with PyYAML's
CSafeLoader (libyaml underneath, the fastest way to read YAML from Python), apply
leadctl's default rules to MLCF tags only, and print one CSV row per person.
bench/report.sh times it on the same cohort as `leadctl report --jobs 1`.

The default rules (leadctl-policy(5)): an entry counts only if dated within 3 years
before --as-of, and toward at most 3 items (the first 3 tags); a tag to an element
(mlcf:2.4) also counts toward its domain (mlcf:2); an item is met with at least 2
counted entries of at least 2 types, at least one signed off. It does less than
leadctl: no crosswalks (HLM tags are ignored rather than mapped), no checks of the
log, no privacy scan, no profiles (all 20 elements are required) -- so it is a
floor for "a script doing the same rules", not an equal.
"""
import argparse
import csv
import datetime
import sys

import yaml

DOMAINS = range(1, 6)
ELEMENTS = [f"{d}.{e}" for d in DOMAINS for e in range(1, 5)]


def as_date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def assess(log, as_of):
    earliest = as_of.replace(year=as_of.year - 3)
    counted = {}  # item code -> list of (type, signed off)
    for entry in log.get("entries") or []:
        day = as_date(entry["date"])
        if day > as_of or day < earliest:
            continue
        tags = [t for t in entry.get("competencies") or [] if str(t).startswith("mlcf:")][:3]
        reached = set()
        for tag in tags:
            code = str(tag)[len("mlcf:"):]
            reached.add(code)
            reached.add(code.split(".")[0])
        signed = bool(entry.get("signed_off"))
        for code in reached:
            counted.setdefault(code, []).append((entry["type"], signed))
    met = 0
    for code in ELEMENTS:
        got = counted.get(code, [])
        if len(got) >= 2 and len({t for t, _ in got}) >= 2 and any(s for _, s in got):
            met += 1
    return met


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--as-of", required=True, type=datetime.date.fromisoformat)
    ap.add_argument("logs", nargs="+")
    args = ap.parse_args()
    out = csv.writer(sys.stdout)
    out.writerow(["person", "path", "met", "required", "coverage"])
    for path in sorted(args.logs):
        with open(path, "rb") as f:
            log = yaml.load(f, Loader=yaml.CSafeLoader)
        person = (log.get("person") or {}).get("id", "")
        met = assess(log, args.as_of)
        out.writerow([person, path, met, len(ELEMENTS), f"{met / len(ELEMENTS):.2f}"])


if __name__ == "__main__":
    main()
