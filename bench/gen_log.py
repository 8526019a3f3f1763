#!/usr/bin/env python3
"""Write a synthetic evidence log with N entries (deterministic for a given seed).

    bench/gen_log.py N OUT.{yaml,csv,jsonl} [--seed S]

Entries have realistic shapes: a type from the closed set, one to three tags from
the MLCF and HLM, a one-line description, and a sign-off on about 60% of them.
gen_cohort.py uses entries() and write_log() to write one such log per person.
"""
import argparse
import json
import random

TYPES = ["audit", "qip", "teaching", "committee", "management", "shadowing", "course",
         "reflection", "feedback-360", "presentation", "publication", "other"]
TAGS = [f"mlcf:{d}.{e}" for d in range(1, 6) for e in range(1, 5)] + [f"hlm:{i}" for i in range(1, 10)]


def entries(n, rng, tags=TAGS):
    """n entries; their competencies are drawn from tags (default: every MLCF and HLM item)."""
    for i in range(n):
        y, m, d = rng.randint(2022, 2026), rng.randint(1, 10), rng.randint(1, 28)
        e = {
            "id": f"e{i:06d}",
            "date": f"{y}-{m:02d}-{d:02d}",
            "type": rng.choice(TYPES),
            "title": f"Activity {i}: {rng.choice(['ward round', 'audit meeting', 'QI huddle', 'teaching'])}",
            "description": "What happened, who was involved and what changed as a result of it.",
            "competencies": rng.sample(tags, rng.randint(1, 3)),
        }
        if rng.random() < 0.6:
            e["signed_off"] = {"by": "Dr A. Supervisor", "date": f"{y}-{m:02d}-{min(d + 1, 28):02d}"}
        yield e


def write_log(f, fmt, person, log_entries):
    """Write one log (person mapping, then entries) to the open text file f in fmt:
    "yaml", "csv" or "jsonl". Used by gen_cohort.py too."""
    if fmt == "jsonl":
        f.write(json.dumps({"person": person}) + "\n")
        for e in log_entries:
            f.write(json.dumps(e) + "\n")
    elif fmt == "csv":
        f.write("person_id,person_name,person_stage,id,date,type,title,description,competencies,"
                "signed_off_by,signed_off_date\n")
        for e in log_entries:
            so = e.get("signed_off", {})
            f.write(",".join([person["id"], person["name"], person["stage"], e["id"], e["date"], e["type"],
                              f'"{e["title"]}"', e["description"].replace(",", ""), ";".join(e["competencies"]),
                              so.get("by", ""), so.get("date", "")]) + "\n")
    else:
        f.write(f"person:\n  id: {person['id']}\n  name: {person['name']}\n  stage: {person['stage']}\nentries:\n")
        for e in log_entries:
            f.write(f"  - id: {e['id']}\n    date: {e['date']}\n    type: {e['type']}\n"
                    f"    title: \"{e['title']}\"\n    description: {e['description']}\n"
                    f"    competencies: [{', '.join(e['competencies'])}]\n")
            if "signed_off" in e:
                f.write(f"    signed_off: {{by: {e['signed_off']['by']}, date: {e['signed_off']['date']}}}\n")


def format_of(path):
    """The log format told from a file name, as leadctl does: .jsonl, .csv, else YAML."""
    return "jsonl" if path.endswith(".jsonl") else "csv" if path.endswith(".csv") else "yaml"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    person = {"id": f"p{args.seed:04d}", "name": f"Synthetic Person {args.seed}", "stage": "postgraduate"}
    with open(args.out, "w", encoding="utf-8") as f:
        write_log(f, format_of(args.out), person, entries(args.n, rng))


if __name__ == "__main__":
    main()
