#!/usr/bin/env bash
# Evidence log reading: peak memory and throughput of `leadctl evidence validate`
# for logs of 1,000, 10,000 and 100,000 entries, in YAML, CSV and JSON Lines.
#
#   bench/evidence.sh [LEADCTL_BINARY]     (default: build/default/leadctl; needs python3)
#
# The claim measured: reading streams one entry at a time, so peak RSS stays
# nearly flat as a log grows 100-fold (ratio printed against the 1,000-entry
# log, same format, same run). Throughput is entries per second of wall time.
set -euo pipefail
bin=$(realpath "${1:-build/default/leadctl}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %8s %10s %9s %9s %12s\n' format entries size_MB wall_s rss_MB entries_per_s
for fmt in yaml csv jsonl; do
  base_rss=""
  for n in 1000 10000 100000; do
    f="$work/log$n.$fmt"
    python3 "$here/gen_log.py" "$n" "$f"
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" evidence validate --as-of 2026-12-31 "$f" >/dev/null
    read -r wall rss <"$work/time"
    [ -n "$base_rss" ] || base_rss=$rss
    size=$(stat -c %s "$f")
    awk -v f="$fmt" -v n="$n" -v s="$size" -v w="$wall" -v r="$rss" -v b="$base_rss" 'BEGIN {
      printf "%-6s %8d %10.1f %9.2f %9.1f %12.0f   (RSS %.2fx the 1,000-entry log)\n",
             f, n, s / 1048576, w, r / 1024, (w > 0 ? n / w : 0), r / b }'
  done
done
