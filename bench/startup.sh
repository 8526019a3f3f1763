#!/usr/bin/env bash
# Startup cost: `leadctl frameworks list`, `frameworks show mlcf` and one `assess`
# of a 50-entry log, against the baseline `leadctl --version`, measured in the same
# run on the same machine.
#
#   bench/startup.sh [LEADCTL_BINARY]     (default: build/default/leadctl)
#
# Uses hyperfine when installed (apt-get install hyperfine); otherwise times
# 200 runs of each command with bash's clock. Prints mean times and the ratio
# to the baseline. Listing must not parse the bundled YAML (only header fields
# are read, from a table built at compile time), so the ratio should stay near 1.
set -euo pipefail
bin=$(realpath "${1:-build/default/leadctl}")
[ -x "$bin" ] || { echo "no executable at $bin (build first: cmake --workflow --preset default)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
cd "$(mktemp -d)"
# A 50-entry log for one small assess (the gap report's own start-up cost).
assess=()
if command -v python3 >/dev/null; then
  python3 "$here/gen_log.py" 50 log50.yaml
  assess=("$bin assess log50.yaml --framework mlcf --as-of 2026-11-25")
fi

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 --export-json startup.json \
    "$bin --version" "$bin frameworks list" "$bin frameworks show mlcf" "${assess[@]}" >/dev/null
  python3 - <<'PY' 2>/dev/null || jq -r '.results[] | "\(.command)\t\(.mean*1000) ms"' startup.json
import json
r = json.load(open("startup.json"))["results"]
base = r[0]["mean"]
for x in r:
    print(f'{x["mean"]*1000:7.2f} ms ± {x["stddev"]*1000:5.2f}  {x["mean"]/base:5.2f}x  {x["command"]}')
PY
  exit 0
fi

runs=200
mean_ms() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000 ))  # microseconds
}
base=$(mean_ms "$bin" --version)
cmds=("--version" "frameworks list" "frameworks show mlcf")
[ ${#assess[@]} -eq 0 ] || cmds+=("assess log50.yaml --framework mlcf --as-of 2026-11-25")
for cmd in "${cmds[@]}"; do
  # shellcheck disable=SC2086
  t=$(mean_ms "$bin" $cmd)
  awk -v t="$t" -v b="$base" -v c="$cmd" 'BEGIN { printf "%7.2f ms  %5.2fx  leadctl %s\n", t / 1000, t / b, c }'
done
