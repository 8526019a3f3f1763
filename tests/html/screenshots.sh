#!/usr/bin/env bash
# Pictures of leadctl's HTML reports, for people to look at (not a test):
#
#   tests/html/screenshots.sh [LEADCTL] [OUTDIR]
#
# For the assess report (MLCF and HLM examples), the cohort report and the 360°
# feedback report it writes OUTDIR/NAME.html, NAME-screen.png (Chromium's window,
# 1280 wide) and NAME-print-N.png (the pages as printed on A4 with the browser's
# default settings: backgrounds off), from NAME.pdf. Needs chromium and
# poppler-utils (sh .ci/setup installs both).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
leadctl=${1:-$src/build/ci/leadctl}
out=${2:-screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ] || ! command -v pdftoppm >/dev/null; then
  echo "screenshots.sh: needs chromium and pdftoppm (poppler-utils)" >&2
  exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
as_of=(--as-of 2026-11-25)
"$leadctl" assess "$src/examples/logs/foundation-f2.yaml" --framework mlcf "${as_of[@]}" --format html -o "$out/assess-mlcf.html"
"$leadctl" assess "$src/examples/logs/specialty-trainee.yaml" --framework hlm --target strong "${as_of[@]}" --format html -o "$out/assess-hlm.html"
"$leadctl" report "$src/examples/cohort" --framework mlcf "${as_of[@]}" --format html -o "$out/cohort-mlcf.html" 2>/dev/null || true
"$leadctl" feedback report "$src/examples/feedback/st5-hlm360-2026.yaml" --format html -o "$out/feedback-hlm.html"
for page in assess-mlcf assess-hlm cohort-mlcf feedback-hlm; do
  # --no-sandbox: Chromium refuses its sandbox when run as root.
  "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --hide-scrollbars \
    --window-size=1280,1800 --screenshot="$out/$page-screen.png" "file://$out/$page.html" 2>/dev/null
  "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out/$page.pdf" "file://$out/$page.html" 2>/dev/null
  pdftoppm -r 60 -png "$out/$page.pdf" "$out/$page-print"
  echo "$page: $out/$page-screen.png, $(ls "$out/$page"-print-*.png | wc -l) printed page(s)"
done
