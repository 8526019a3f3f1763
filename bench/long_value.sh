#!/usr/bin/env bash
# One very long value: `leadctl evidence validate` on a log whose entry holds a single
# 1 MB and then an 8 MB title (no line break in it), in YAML, CSV and JSON Lines.
#
#   bench/long_value.sh [LEADCTL_BINARY]     (default: build/default/leadctl; needs python3)
#
# The claim measured: reading is linear in the length of a line. The 1 MB log is the
# baseline of the same format in the same run; 8x the bytes should cost about 8x the
# CPU time. (Before the fix in checked_input.cpp, every 64 KiB chunk searched the whole
# line read so far for a line end: 33 s for a 60 MB value. Lines over 16 MiB are refused since.)
set -euo pipefail
bin=$(realpath "${1:-build/default/leadctl}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %8s %9s %9s %9s\n' format size_MB user_s wall_s rss_MB
for fmt in yaml csv jsonl; do
  base=""
  for mb in 1 8; do
    f="$work/long$mb.$fmt"
    python3 - "$fmt" "$mb" "$f" <<'PY'
import sys
fmt, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
v = "x" * (mb << 20)
if fmt == "yaml":
    t = ("person: {id: p1, name: P, stage: f1}\nentries:\n  - id: e1\n    date: 2026-01-01\n"
         "    type: audit\n    title: \"" + v + "\"\n    competencies: [mlcf:1.1]\n")
elif fmt == "csv":
    t = "id,date,type,title,competencies\ne1,2026-01-01,audit," + v + ",mlcf:1.1\n"
else:
    t = ('{"id":"e1","date":"2026-01-01","type":"audit","title":"' + v +
         '","competencies":["mlcf:1.1"]}\n')
open(out, "w").write(t)
PY
    /usr/bin/time -f "%U %e %M" -o "$work/time" "$bin" evidence validate --no-privacy-check \
      --as-of 2026-12-31 "$f" >/dev/null
    read -r user wall rss <"$work/time"
    [ -n "$base" ] || base=$user
    awk -v f="$fmt" -v m="$mb" -v u="$user" -v w="$wall" -v r="$rss" -v b="$base" 'BEGIN {
      printf "%-6s %8d %9.2f %9.2f %9.1f   (CPU %.1fx the 1 MB log; linear is 8x)\n",
             f, m, u, w, r / 1024, (b > 0 ? u / b : 0) }'
  done
done
