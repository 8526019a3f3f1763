#!/usr/bin/python3
"""Checks leadctl's CASE (1EdTech CFPackage JSON) converter.   check_case.py LEADCTL FIXTURES_DIR
  1. each bundled framework as CASE 1.0 and 1.1: valid against the official schema; identifiers
     lowercase UUIDs (variant 8-b), unique, referenced consistently; the same bytes every run;
     its import exported again gives the same JSON;
  2. ours -> CASE 1.1 -> ours gives the same YAML, byte for byte;
  3. each OpenSALT package in FIXTURES_DIR/case, imported and exported as 1.0: valid, and the same
     document, items, associations, definitions and rubrics as the original;
  4. every crosswalk link in a bundled framework's 1.1 export points at the identifier and uri
     that the other framework's own export gives that item.
Debian's /usr/bin/python3 with python3-jsonschema (`sh .ci/setup`). Exit 0 pass, 1 fail, 77 and a
"SKIPPED:" line when FIXTURES_DIR (it has the schemas) is absent. self_test.py checks these checks.
"""
import datetime, difflib, json, os, re, subprocess, sys, tempfile
from pathlib import Path

SCHEMAS = {"1.0": "case-v1p0-cfpackage-schema.json", "1.1": "case-v1p1-cfpackage-schema.json"}
PACKAGES = ["Utf8TestFramework.json", "SequenceNumberFramework.json", "MarkdownFramework.json"]
# The schemas' pattern is unanchored (and 1.0's allows upper case and any variant): be strict.
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
failures = []


class Failed(Exception):
    pass


def fail(what, details=()):
    failures.append(what)
    print(f"FAIL: {what}" + "".join(f"\n    {line}" for line in details))


def check(what, fn, *args):
    """Runs one check: fn returns its problems (none = pass) or raises Failed. True if it passed."""
    try:
        problems = fn(*args)
    except Failed as e:
        problems = str(e).splitlines()
    except Exception as e:  # a malformed export must not stop the other checks
        problems = [f"check crashed: {type(e).__name__}: {e}"]
    if problems:
        fail(what, problems)
    return not problems


# ---- schema validation --------------------------------------------------------------------------
def format_checker():
    fc = jsonschema.FormatChecker()
    # jsonschema checks date-time only if rfc3339-validator is installed (Debian: not), and on
    # Python >= 3.11 its "date" takes 20170922: check both strictly, whatever is installed.
    def parses(pattern, parse):
        return lambda s: not isinstance(s, str) or bool(re.fullmatch(pattern, s) and parse(s))
    fc.checks("date-time", raises=ValueError)(parses(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", datetime.datetime.fromisoformat))
    fc.checks("date", raises=ValueError)(parses(r"\d{4}-\d\d-\d\d", datetime.date.fromisoformat))
    if "uri" not in fc.checkers:  # it needs python3-rfc3987
        fc.checks("uri")(parses(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", bool))
    return fc


_validators = {}


def validator(fixtures, version):
    if version not in _validators:
        schema = json.loads((fixtures / "case" / SCHEMAS[version]).read_text(encoding="utf-8"))
        # 1.0 has no $schema and is draft-04 style ("definitions"). 1.1 says http://json-schema.org/
        # draft/2020-12/schema, which validator_for() does not know (only https://): it would fall
        # back to its default draft without a word. So name the class.
        cls = {"1.0": jsonschema.Draft4Validator, "1.1": jsonschema.Draft202012Validator}[version]
        declared = schema.get("$schema", "none")
        if {"1.0": "none", "1.1": "json-schema.org/draft/2020-12/schema"}[version] not in declared:
            raise Failed(f"{SCHEMAS[version]} declares $schema {declared}, not what {cls.__name__} checks")
        cls.check_schema(schema)
        _validators[version] = (cls(schema, format_checker=format_checker()), schema)
    return _validators[version]


def schema_errors(pkg, fixtures, version):
    v, schema = validator(fixtures, version)
    out = []
    for e in sorted(v.iter_errors(pkg), key=lambda e: list(map(str, e.absolute_path))):
        out.append(f"{e.json_path}: {e.message[:300]}")
        for sub in e.context or ():  # oneOf/anyOf: why each alternative failed
            out.append(f"    alternative {sub.schema_path[0]}: {sub.json_path}: {sub.message[:200]}")
    if version == "1.0":
        # Here additionalProperties is {"CFPackageURI": LinkURI} (or CFDocumentURI): a schema with
        # an unknown keyword, so it lets anything in. Allow those names, as LinkURIs, and no others.
        defs = schema["definitions"]
        kinds = {"CFDocument": "CFPackageDocument", "CFItems": "CFPackageItem",
                 "CFAssociations": "CFPackageAssociation"}
        for path, o in package_objects(pkg):
            kind = defs.get(kinds.get(re.sub(r"^\$\.(\w+).*", r"\1", path), ""))
            if not (kind and isinstance(o, dict)):
                continue
            links = kind["additionalProperties"]
            if set(o) - set(kind["properties"]) - set(links):
                extra = ", ".join(sorted(set(o) - set(kind["properties"]) - set(links)))
                out.append(f"{path}: not CASE 1.0 properties: {extra}")
            for key in set(o) & set(links):
                link = jsonschema.Draft4Validator(dict(links[key], definitions=defs),
                                                  format_checker=v.format_checker)
                out += [f"{path}.{key}{e.json_path[1:]}: {e.message[:200]}" for e in link.iter_errors(o[key])]
    return out


# ---- identifiers ---------------------------------------------------------------------------------
def package_objects(pkg):
    """(path, object) for each object in the package that has an identifier of its own."""
    yield "$.CFDocument", pkg.get("CFDocument")
    defs = pkg.get("CFDefinitions")
    lists = [(k, pkg.get(k)) for k in ("CFItems", "CFAssociations")] + [
        (f"CFDefinitions.{k}", v) for k, v in (defs.items() if isinstance(defs, dict) else [])]
    for key, objs in lists:
        for i, o in enumerate(objs if isinstance(objs, list) else []):
            yield f"$.{key}[{i}]", o
    for i, r in enumerate(pkg.get("CFRubrics") or []):
        yield f"$.CFRubrics[{i}]", r
        for j, c in enumerate(r.get("CFRubricCriteria") or []):
            yield f"$.CFRubrics[{i}].CFRubricCriteria[{j}]", c
            for k, lv in enumerate(c.get("CFRubricCriterionLevels") or []):
                yield f"$.CFRubrics[{i}].CFRubricCriteria[{j}].CFRubricCriterionLevels[{k}]", lv


def walk(x, path="$"):
    if isinstance(x, dict):
        yield path, x
        for k, v in x.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from walk(v, f"{path}[{i}]")


def id_problems(pkg):
    out, by_id, by_uri = [], {}, {}
    def expect_uuid(where, value):
        if not (isinstance(value, str) and UUID.match(value)):
            out.append(f"{where}: {value!r} does not match {UUID.pattern}")
    objects = [(p, o) for p, o in package_objects(pkg) if isinstance(o, dict)]
    for path, o in objects:
        expect_uuid(f"{path}.identifier", o.get("identifier"))
        for seen, key in ((by_id, "identifier"), (by_uri, "uri")):
            if o.get(key) in seen:
                out.append(f"{path}.{key}: {o.get(key)!r} is also the {key} of {seen[o.get(key)][0]}")
            seen.setdefault(o.get(key), (path, o))
    own = {id(o) for _, o in objects}
    for path, d in walk(pkg):  # references: node URIs, LinkURIs, rubric ids
        for key in ("rubricId", "rubricCriterionId"):
            if key in d:
                expect_uuid(f"{path}.{key}", d[key])
        if id(d) in own or ".extensions" in path or "identifier" not in d:
            continue
        ident, uri = d.get("identifier"), d.get("uri")
        target = by_id.get(ident) or by_uri.get(uri)
        if target is None and path.endswith("NodeURI"):
            continue  # a node outside this package: its identifier is not ours to check
        expect_uuid(f"{path}.identifier", ident)
        if target and (target[1].get("identifier"), target[1].get("uri")) != (ident, uri):
            out.append(f"{path}: identifier {ident!r} and uri {uri!r} do not both name {target[0]}")
    return out


# ---- semantic comparison -------------------------------------------------------------------------
def show(o, key):
    return "(absent)" if key not in o else json.dumps(o[key], ensure_ascii=False)[:200]


def diff_object(old, new, where, out):
    for key in sorted(set(old) | set(new)):
        if key in old and key in new and isinstance(old[key], dict) and isinstance(new[key], dict):
            diff_object(old[key], new[key], f"{where}.{key}", out)
        elif key not in old or key not in new or old[key] != new[key]:
            out.append(f"{where}.{key}: {show(old, key)} -> {show(new, key)}")


def diff_list(old, new, where, out):
    """Two lists of objects, compared as sets keyed by identifier."""
    a, b = {}, {}
    for objs, d in ((old or [], a), (new or [], b)):
        for o in objs:
            k = o.get("identifier") if isinstance(o, dict) else json.dumps(o)
            if k in d:
                out.append(f"{where}: identifier {k} appears more than once")
            d[k] = o
    for k in sorted(set(a) | set(b), key=str):
        if k not in b or k not in a:
            lost, o = (True, a[k]) if k in a else (False, b[k])
            out.append(f"{where}[{k}]: {'lost, was' if lost else 'added:'} "
                       + json.dumps(o, ensure_ascii=False)[:200])
        elif isinstance(a[k], dict) and isinstance(b[k], dict):
            diff_object(a[k], b[k], f"{where}[{k}]", out)
        elif a[k] != b[k]:
            out.append(f"{where}[{k}]: {a[k]!r} -> {b[k]!r}")


def semantic_diff(old, new):
    """What differs between two packages (absent, [] and all-empty CFDefinitions count as equal)."""
    out = []
    diff_object(old.get("CFDocument") or {}, new.get("CFDocument") or {}, "CFDocument", out)
    for key in ("CFItems", "CFAssociations", "CFRubrics"):
        diff_list(old.get(key), new.get(key), key, out)
    da, db = [p["CFDefinitions"] if isinstance(p.get("CFDefinitions"), dict) else {} for p in (old, new)]
    for key in sorted(set(da) | set(db)):
        if isinstance(da.get(key, []), list) and isinstance(db.get(key, []), list):
            diff_list(da.get(key), db.get(key), f"CFDefinitions.{key}", out)
        elif da.get(key) != db.get(key):
            out.append(f"CFDefinitions.{key}: {show(da, key)} -> {show(db, key)}")
    done = {"CFDocument", "CFItems", "CFAssociations", "CFRubrics", "CFDefinitions"}
    diff_object(*[{k: v for k, v in p.items() if k not in done} for p in (old, new)], "$", out)
    return out


def text_diff(a, b, name_a, name_b):
    a, b = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    return list(difflib.unified_diff(a, b, name_a, name_b, lineterm=""))[:60]


def json_diff(a, b, name_a, name_b):
    """For two outputs that should be byte-identical: what differs, in content if it does."""
    if a == b:
        return []
    content = semantic_diff(json.loads(a), json.loads(b))
    return [f"{name_a} and {name_b} differ:"] + (
        content or ["same content, other bytes:"] + text_diff(a, b, name_a, name_b)[:20])


# ---- the checks ----------------------------------------------------------------------------------
def converter_checks(leadctl, fixtures, tmp):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "LC_ALL": "C", "NO_COLOR": "1", "TMPDIR": str(tmp)}

    def run(*args):
        r = subprocess.run([leadctl, *map(str, args)], capture_output=True, env=env, cwd=tmp)
        if r.returncode != 0:
            raise Failed(f"`leadctl {' '.join(map(str, args))}` exited {r.returncode}:\n"
                         + r.stderr.decode(errors="replace").strip())
        return r

    def export(fid, ver):  # 1. schema, identifiers, determinism, re-import
        out, yml = tmp / f"{fid}-{ver}.json", tmp / f"{fid}-{ver}.yaml"
        first = run("convert", fid, "--to", "case", "--case-version", ver).stdout
        run("convert", fid, "--to", "case", "--case-version", ver, "-o", out)
        problems = json_diff(first, out.read_bytes(), "stdout", "the -o file")
        problems += schema_errors(json.loads(first), fixtures, ver) + id_problems(json.loads(first))
        run("convert", out, "--to", "yaml", "-o", yml)
        again = run("convert", yml, "--to", "case", "--case-version", ver).stdout
        return problems + json_diff(first, again, "the export", "the export of its import")

    def ours_case_ours(fid):  # 2.
        direct = run("convert", fid, "--to", "yaml").stdout
        run("convert", fid, "--to", "case", "-o", tmp / f"{fid}.case.json")
        via = run("convert", tmp / f"{fid}.case.json", "--to", "yaml").stdout
        return text_diff(direct, via, "--to yaml", "--to case, then --to yaml")

    def fixture(name):  # 3.
        orig = json.loads((fixtures / "case" / name).read_text(encoding="utf-8"))
        r = run("convert", fixtures / "case" / name, "--to", "yaml", "-o", tmp / f"{name}.yaml")
        for line in r.stderr.decode(errors="replace").splitlines():
            print(f"  {name} import: {line}")
        run("convert", tmp / f"{name}.yaml", "--to", "case", "--case-version", "1.0", "-o", tmp / name)
        back = json.loads((tmp / name).read_text(encoding="utf-8"))
        return schema_errors(back, fixtures, "1.0") + semantic_diff(orig, back)

    listing = json.loads(run("frameworks", "list", "--format", "json").stdout)
    ids = [f["id"] for f in listing["frameworks"] if f.get("bundled")]
    if not ids:
        raise Failed("`leadctl frameworks list --format json` lists no bundled framework")
    for fid in ids:
        for ver in ("1.0", "1.1"):
            if check(f"{fid} as CASE {ver}", export, fid, ver):
                print(f"{fid} as CASE {ver}: valid, identifiers ok, deterministic, re-imports exactly")
        if check(f"{fid}: YAML -> CASE 1.1 -> YAML", ours_case_ours, fid):
            print(f"{fid}: YAML -> CASE 1.1 -> YAML identical")
    def links(ids):  # 4. a link's destination is the item as the other framework's own export has it
        items = {}
        for fid in ids:
            for it in json.loads((tmp / f"{fid}-1.1.json").read_text(encoding="utf-8"))["CFItems"]:
                items[f"{fid}:{it.get('humanCodingScheme')}"] = (it["identifier"], it["uri"])
        problems, count = [], 0
        for fid in ids:
            for a in json.loads((tmp / f"{fid}-1.1.json").read_text(encoding="utf-8"))["CFAssociations"]:
                d = a["destinationNodeURI"]
                if a["associationType"] == "isChildOf":
                    continue
                count += 1
                if items.get(d["title"]) != (d["identifier"], d["uri"]):
                    problems.append(f"{fid}: link {a['identifier']} to {d['title']}: {d['identifier']} is not "
                                    f"that item's identifier in its own export")
        if count == 0:
            problems.append("no links between the bundled frameworks were exported")
        print(f"{count} crosswalk links between bundled frameworks point at the other export's items")
        return problems

    check("links between the bundled frameworks", links, ids)
    for name in PACKAGES:
        if check(f"{name}: import + export as CASE 1.0", fixture, name):
            pkg = json.loads((fixtures / "case" / name).read_text(encoding="utf-8"))
            print(f"{name}: {len(pkg.get('CFItems') or [])} items, "
                  f"{len(pkg.get('CFAssociations') or [])} associations round-trip exactly")


def main(argv, body=None):
    """body(fixtures, tmp) replaces the converter checks (self_test.py); argv then has no LEADCTL."""
    if len(argv) != (2 if body else 3):
        sys.exit(__doc__)
    fixtures = Path(argv[-1]).resolve()
    if not fixtures.is_dir():
        print(f"SKIPPED: {fixtures} is absent (the CASE schemas and packages are there)")
        return 77
    global jsonschema
    try:
        import jsonschema
    except ImportError as e:
        print(f"FAIL: cannot import jsonschema ({e}) in {sys.executable}; run `sh .ci/setup`")
        return 1
    with tempfile.TemporaryDirectory(prefix="leadctl-case.") as tmp:
        if body:
            body(fixtures, Path(tmp))
        else:
            check("the CASE checks", converter_checks, os.path.abspath(argv[1]), fixtures, Path(tmp))
    print(f"{len(failures)} check(s) failed" if failures else "all CASE checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
