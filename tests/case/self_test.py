#!/usr/bin/python3
"""Checks check_case.py's own checks on the OpenSALT fixtures; needs no leadctl.

  self_test.py FIXTURES_DIR      exit 0 pass, 1 fail, 77 ("SKIPPED:") when FIXTURES_DIR is absent

The fixtures must be valid CASE 1.0; the strict identifier check must flag their variant-0 ids
(d0000000-0000-0000-0000-000000000000); with those ids replaced by v5 UUIDs they must be valid
CASE 1.1 and pass it; and copies spoilt in known ways must be reported where they were spoilt.
"""
import json, re, sys, uuid
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_case as cc  # noqa: E402


def expect(what, problems, *wanted):
    """wanted: texts that some problem must contain; none at all means no problem may be found."""
    missing = [w for w in wanted if not any(w in p for p in problems)]
    if (problems and not wanted) or missing:
        cc.fail(what, problems + [f"expected a problem mentioning {w!r}" for w in missing])
    else:
        shown = [next(p for p in problems if w in p) for w in wanted]
        print(f"ok: {what}" + "".join(f"\n    {p[:160]}" for p in dict.fromkeys(shown)))


def self_test(fixtures, tmp):
    for name in cc.PACKAGES:
        text = (fixtures / "case" / name).read_text(encoding="utf-8")
        pkg = json.loads(text)
        expect(f"{name} is valid CASE 1.0", cc.schema_errors(pkg, fixtures, "1.0"))
        expect(f"{name}: the identifier check flags the variant-0 document id", cc.id_problems(pkg),
               "$.CFDocument.identifier: 'd0000000-0000-0000-0000-000000000000' does not match")
        (tmp / name).write_text(json.dumps(pkg, ensure_ascii=False, indent=1), encoding="utf-8")
        copy = json.loads((tmp / name).read_text(encoding="utf-8"))
        expect(f"{name} equals its own (reformatted) copy", cc.semantic_diff(pkg, copy))
        for old in sorted(set(re.findall(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", text))):
            text = text.replace(old, str(uuid.uuid5(uuid.NAMESPACE_URL, old)))
        v5 = json.loads(text)
        expect(f"{name} with v5 identifiers is valid CASE 1.1", cc.schema_errors(v5, fixtures, "1.1"))
        expect(f"{name} with v5 identifiers passes the identifier check", cc.id_problems(v5))

    mod = json.loads(text)  # the last package (Markdown) with v5 ids, spoilt in known ways
    item, assoc = mod["CFItems"][0], mod["CFAssociations"]
    item["fullStatement"] += " (edited)"
    mod["CFDocument"]["caseVersion"] = "1.1"
    assoc[0]["sequenceNumber"] = 3
    lost = assoc.pop()["identifier"]
    mod["CFDefinitions"]["CFSubjects"].append({"identifier": item["identifier"], "uri": "x"})
    (tmp / "modified.json").write_text(json.dumps(mod), encoding="utf-8")
    mod = json.loads((tmp / "modified.json").read_text(encoding="utf-8"))
    expect("a modified copy differs where it was modified", cc.semantic_diff(v5, mod),
           f"CFItems[{item['identifier']}].fullStatement:", 'CFDocument.caseVersion: (absent) -> "1.1"',
           f"CFAssociations[{assoc[0]['identifier']}].sequenceNumber: (absent) -> 3",
           f"CFAssociations[{lost}]: lost", f"CFDefinitions.CFSubjects[{item['identifier']}]: added")
    expect("the modified copy breaks the schemas",
           cc.schema_errors(mod, fixtures, "1.0") + cc.schema_errors(mod, fixtures, "1.1"),
           "$.CFDocument: not CASE 1.0 properties: caseVersion", "alternative 1: $.CFDefinitions.",
           "$.CFDefinitions.CFSubjects[0]: 'title' is a required property", "'x' is not a 'uri'")

    mod["CFDocument"]["lastChangeDateTime"] = "2017-10-24 17:19"
    mod["CFDocument"]["statusStartDate"] = "20171024"
    assoc = mod["CFAssociations"][0]
    assoc["identifier"] = assoc["identifier"].upper()
    assoc["originNodeURI"]["uri"] = mod["CFItems"][0]["uri"]  # but the identifier of CFItems[1]
    expect("bad dates are caught (date-time, date)", cc.schema_errors(mod, fixtures, "1.1"),
           "$.CFDocument.lastChangeDateTime: '2017-10-24 17:19' is not a 'date-time'",
           "$.CFDocument.statusStartDate: '20171024' is not a 'date'")
    expect("an upper-case id, a duplicate id and a mismatched node are caught", cc.id_problems(mod),
           "$.CFAssociations[0].identifier: 'A", "is also the identifier of $.CFItems[0]",
           "$.CFAssociations[0].originNodeURI: identifier")
    mod["extensions"], mod["CFRubrics"] = {"x": 1}, [{"identifier": "r"}]
    expect("extra top-level data and rubrics are compared too", cc.semantic_diff(v5, mod),
           "$.extensions: (absent) -> {", "CFRubrics[r]: added")


if __name__ == "__main__":
    sys.exit(cc.main(sys.argv, self_test))
