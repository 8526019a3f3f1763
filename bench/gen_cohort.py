#!/usr/bin/env python3
"""Write a synthetic cohort: one evidence log per person (deterministic for a given seed).

    bench/gen_cohort.py N_PEOPLE M_ENTRIES OUTDIR [--seed S] [--format yaml|csv|jsonl]

OUTDIR gets N_PEOPLE files p00001.yaml, p00002.yaml, ... (or .csv, .jsonl), each the
log of one person (a unique id, a name, and a stage that is an MLCF profile) with
M_ENTRIES entries made by gen_log.py's generator: a type from the closed set, one to
three MLCF and HLM tags, a sign-off on about 60% of them, no date after 2026-11-25.
Each person leaves out each MLCF domain with probability 0.2, so people differ in
coverage as in a real cohort (about a third cover every domain).

Each person's log depends only on the seed and the person's number, so the first 200
logs of a 2,000-person cohort are the 200 logs of a 200-person cohort (same seed).
"""
import argparse
import os
import random

from gen_log import TAGS, entries, write_log

FIRST = ["Amara", "Ben", "Chloe", "Daniyal", "Eilidh", "Felix", "Grace", "Harvey", "Isla", "Jonah",
         "Kavya", "Liam", "Maja", "Nathaniel", "Orla", "Priyanka", "Rory", "Sadia", "Theo", "Uma",
         "Victor", "Wen", "Yusuf", "Zara"]
LAST = ["Osei", "Hughes", "Nakamura", "Rahman", "MacLeod", "Brandt", "Okafor", "Patel", "Campbell",
        "Levy", "Iyer", "Doyle", "Kowalski", "Adeyemi", "Byrne", "Sharma", "Fraser", "Chowdhury",
        "Evans", "Novak", "Mensah", "Li", "Haddad", "Jones"]
# Stages are ids of the MLCF's profiles (frameworks/mlcf.yaml, profiles:), weighted
# towards doctors in training as in a real cohort.
STAGES = ["undergraduate", "postgraduate", "continuing-practice"]
STAGE_WEIGHTS = [3, 6, 1]


def tag_pool(rng):
    """The tags one person's entries use: everything, less each MLCF domain with
    probability 0.2, so that a cohort report shows gaps and not only full coverage."""
    left_out = {f"mlcf:{d}." for d in range(1, 6) if rng.random() < 0.2}
    return [t for t in TAGS if t[:7] not in left_out]


def person(number, width, rng):
    return {
        "id": f"p{number:0{width}d}",
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "stage": rng.choices(STAGES, STAGE_WEIGHTS)[0],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("people", type=int, metavar="N_PEOPLE")
    ap.add_argument("entries", type=int, metavar="M_ENTRIES")
    ap.add_argument("outdir", metavar="OUTDIR")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["yaml", "csv", "jsonl"], default="yaml")
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    width = max(5, len(str(args.people)))
    for number in range(1, args.people + 1):
        # One generator per person, seeded from (seed, number): an int, so the same on
        # every Python version and independent of PYTHONHASHSEED.
        rng = random.Random(args.seed * 1_000_003 + number)
        who = person(number, width, rng)
        path = os.path.join(args.outdir, f"{who['id']}.{args.format}")
        with open(path, "w", encoding="utf-8") as f:
            write_log(f, args.format, who, entries(args.entries, rng, tag_pool(rng)))


if __name__ == "__main__":
    main()
