#!/usr/bin/env python3
"""Print leadctl's HTML reports in a real browser and read the paper back.

    print_check.py LEADCTL SRC            run the check (exit 77: no chromium or pdftotext)
    print_check.py LEADCTL SRC --self-test
                                          the same pages with the legend, a status word or the
                                          last heat-map column taken out must FAIL the check

Each page is rendered by headless Chromium to an A4 PDF the way a browser prints by
default: backgrounds off (no --print-background), no header or footer. pdftotext then
reads the PDF, and the check asks of the text what a reader of the paper needs:

  - the legend, and every status word the report uses (from its JSON twin);
  - every required item's code (from the JSON twin), and the footer's policy line;
  - for the cohort report, the last item column of the heat map on the first page
    (the heat map fits A4 landscape: no column cut off at the right edge).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = next((c for c in ("chromium", "chromium-browser", "google-chrome") if shutil.which(c)), None)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def to_pdf(html, pdf, workdir):
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-pdf-header-footer", "--user-data-dir=" + os.path.join(workdir, "profile"),
         "--print-to-pdf=" + pdf, "file://" + html],
        check=True, capture_output=True, timeout=120)


def pdf_text(pdf, first=None, last=None):
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return run(cmd + [pdf, "-"]).stdout


def squash(text):
    """Text with all white space removed: rotated headers come out a letter a line."""
    return re.sub(r"\s+", "", text)


class Page:
    def __init__(self, name, html_cmd, json_cmd, cohort=False):
        self.name, self.html_cmd, self.json_cmd, self.cohort = name, html_cmd, json_cmd, cohort


def pages(leadctl, src):
    as_of = ["--as-of", "2026-11-25"]
    return [
        Page("assess-mlcf",
             [leadctl, "assess", f"{src}/examples/logs/foundation-f2.yaml", "--framework", "mlcf", *as_of],
             None),
        Page("assess-hlm",
             [leadctl, "assess", f"{src}/examples/logs/specialty-trainee.yaml", "--framework", "hlm",
              "--target", "strong", *as_of],
             None),
        Page("cohort-mlcf",
             [leadctl, "report", f"{src}/examples/cohort", "--framework", "mlcf", *as_of],
             None, cohort=True),
    ]


def expectations(page):
    """What the paper must show: (item codes, status words, last heat-map column)."""
    # `report` exits 1 when a log could not be assessed (the example cohort has one).
    out = subprocess.run(page.html_cmd + ["--format", "json"], capture_output=True, text=True)
    j = json.loads(out.stdout)
    if page.cohort:
        codes = [i["ref"] for i in j["items"]]
        words = set()
        for p in j["people"]:
            for cell in p["items"].values():
                words.add(cell["status"])
        return codes, sorted(words), codes[-1]
    codes = [i["ref"] for i in j["items"] if i["required"]]
    words = sorted({i["status"] for i in j["items"] if i["required"]})
    return codes, words, None


def check(page, html, workdir):
    """The problems found on paper ([] when none)."""
    codes, words, last_column = expectations(page)
    pdf = os.path.join(workdir, page.name + ".pdf")
    to_pdf(html, pdf, workdir)
    text = pdf_text(pdf)
    flat = squash(text)
    problems = []
    if "Legend" not in text:
        problems.append("no legend")
    for w in words:
        if not re.search(r"\b%s\b" % re.escape(w), text):
            problems.append(f"status word {w!r} missing")
    for c in codes:
        if c not in flat:
            problems.append(f"item {c} missing")
    if "Policy:" not in text:
        problems.append("no policy line in the footer")
    if last_column:
        # The heat map's header row is the first run of item codes on page 1; the
        # last column must be there (on the page, not cut off past its right edge).
        first = squash(pdf_text(pdf, 1))
        heat = first.split("ItemNameMetPartialGap", 1)[0]  # page 1 up to the table of items
        if last_column not in heat:
            problems.append(f"last heat-map column {last_column} not on page 1")
    return problems


def mutate(html_text, how, page):
    if how == "no-legend":
        return re.sub(r'<section class="legend".*?</section>', "", html_text, flags=re.S)
    if how == "no-status-word":
        return re.sub(r"\b(partial)\b", "p", html_text)
    if how == "cut-last-column":
        # A table far too wide for the page: the last columns fall off the edge.
        return html_text.replace("<table class=\"heat\">", "<table class=\"heat\" style=\"min-width:600mm\">")
    raise ValueError(how)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    leadctl, src = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    self_test = "--self-test" in argv
    if not CHROMIUM or not shutil.which("pdftotext"):
        print("SKIPPED: needs chromium and pdftotext (poppler-utils); .ci/setup installs them")
        return 77
    failures = 0
    with tempfile.TemporaryDirectory(prefix="leadctl-print.") as work:
        for page in pages(leadctl, src):
            html = os.path.join(work, page.name + ".html")
            subprocess.run(page.html_cmd + ["--format", "html", "-o", html], capture_output=True)
            if not os.path.exists(html):
                print(f"{page.name}: leadctl wrote no HTML")
                failures += 1
                continue
            if not self_test:
                problems = check(page, html, work)
                print(f"{page.name}: {'ok' if not problems else '; '.join(problems)}")
                failures += bool(problems)
                continue
            original = open(html, encoding="utf-8").read()
            hows = ["no-legend", "no-status-word"] + (["cut-last-column"] if page.cohort else [])
            for how in hows:
                bad = os.path.join(work, f"{page.name}-{how}.html")
                with open(bad, "w", encoding="utf-8") as f:
                    f.write(mutate(original, how, page))
                if how == "no-status-word" and "partial" not in original:
                    continue
                problems = check(page, bad, work)
                caught = bool(problems)
                print(f"{page.name} {how}: {'caught: ' + '; '.join(problems) if caught else 'NOT CAUGHT'}")
                failures += not caught
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
