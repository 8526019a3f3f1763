#!/usr/bin/env bash
# Cohort reports: wall time, throughput and peak RSS of `leadctl report` on synthetic
# cohorts of 200 and 2,000 people with 200 entries each, against baselines measured
# in the same run on the same machine:
#   - the parse floors: the same YAML files parsed by an event parser and nothing
#     else (bench/parse_floor.cpp, built here as leadctl-parse-floor), with yaml-cpp's
#     parser and with libyaml's (the one leadctl reads YAML with);
#   - `report --jobs 1` against `report --jobs 2`;
#   - a PyYAML script doing the default rules (bench/pyyaml_report.py), the
#     reference a supervisor could write instead (skipped without python3-yaml);
#   - one `leadctl assess` of a 50-entry log against `leadctl --version`.
#
#   bench/report.sh [LEADCTL_BINARY]     (default: build/default/leadctl; needs python3)
#   REPORT_PEOPLE="20 200" bench/report.sh ...   (other cohort sizes, smallest first)
#
# Targets, each printed as PASS or MISS with its number:
#   report --jobs 1 within 2.5x the libyaml parse floor (issue 13); the PyYAML script
#   at least 5x slower than report --jobs 1; --jobs 2 at least 1.8x faster than
#   --jobs 1; peak RSS of --jobs 1 for 2,000 people within 1.2x that for 200 people;
#   one small assess within 3x of --version. The ratio of report --jobs 1 to the
#   yaml-cpp parse floor (the parser leadctl used before) is printed without a target.
# Wall times are the best of 3 runs, peak RSS the largest of the 3 (/usr/bin/time's
# %M: the largest single process, which for a multi-threaded leadctl is all of it).
# Run on an otherwise idle machine: the load average is printed with the results.
# The exit status is 0 whatever the numbers (this is a measurement), 2 when
# `LEADCTL_BINARY report --help` fails (the other measurements are still made) or
# something cannot be built or run.
set -euo pipefail
bin=$(realpath "${1:-build/default/leadctl}")
[ -x "$bin" ] || { echo "no executable at $bin (build first: cmake --workflow --preset default)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as_of=2026-11-25
runs=3

# The floor tool is built in the binary's own build tree when it is one, else in
# build/default. Only its target is built, so a half-finished src/ does not matter.
build=$(dirname "$bin")
[ -f "$build/CMakeCache.txt" ] || build="$here/../build/default"
echo "building leadctl-parse-floor in $build" >&2
cmake --build "$build" --target leadctl-parse-floor >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; echo "could not build leadctl-parse-floor" >&2; exit 2; }
floor="$build/bench/leadctl-parse-floor"

# `report` must exist for its rows; without it the rest is still measured. (CLI11
# answers `leadctl UNKNOWN --help` with the top-level help and status 0, so the
# help printed must also be report's own.)
have_report=1
if ! "$bin" report --help >"$work/report-help.out" 2>&1 || ! grep -q 'Usage: leadctl report' "$work/report-help.out"; then
  have_report=0
  echo "*** $bin report --help failed or printed no report usage: no 'leadctl report' in this binary;" \
    "its rows are skipped" >&2
fi

# One cohort of 2,000 people x 200 entries. A person's log depends only on the seed
# and the person's number, so the 200-person cohort is its first 200 files.
read -r -a sizes <<<"${REPORT_PEOPLE:-200 2000}"
small=${sizes[0]} large=${sizes[${#sizes[@]} - 1]}
echo "generating $large logs of 200 entries" >&2
python3 "$here/gen_cohort.py" "$large" 200 "$work/cohort"
python3 "$here/gen_log.py" 50 "$work/log50.yaml"
mapfile -t all < <(find "$work/cohort" -name '*.yaml' | sort)
entries_per_log=200

# measure NAME COMMAND...: runs COMMAND $runs times under /usr/bin/time; sets
# wall (best, seconds) and rss (largest, KiB). Stops the script when COMMAND fails.
measure() {
  local name=$1 w r i
  shift
  wall="" rss=0
  for ((i = 0; i < runs; i++)); do
    if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
      echo "*** $name failed:" >&2
      head -20 "$work/err" >&2
      exit 2
    fi
    read -r w r <"$work/time"
    if [ -z "$wall" ] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then wall=$w; fi
    [ "$r" -le "$rss" ] || rss=$r
  done
}

# row COHORT PEOPLE BYTES NAME: prints one line of the table from $wall and $rss.
row() {
  awk -v c="$1" -v p="$2" -v s="$3" -v n="$4" -v w="$wall" -v r="$rss" -v e="$entries_per_log" 'BEGIN {
    printf "%-8s %9d %8.1f  %-16s %8.2f %13.0f %9.2f %8.1f\n",
           c, p * e, s / 1048576, n, w, (w > 0 ? p * e / w : 0), (w > 0 ? s / 1048576 / w : 0), r / 1024 }'
}

# The PyYAML reference needs PyYAML with its C loader (Debian: python3-yaml).
have_pyyaml=1
python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null ||
  { have_pyyaml=0; echo "*** no PyYAML with libyaml (python3-yaml): the PyYAML rows are skipped" >&2; }

declare -A W R  # wall and RSS by "what:people"
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before measuring"
printf '%-8s %9s %8s  %-16s %8s %13s %9s %8s\n' \
  cohort entries size_MB command wall_s entries_per_s MB_per_s rss_MB
for people in "${sizes[@]}"; do
  files=("${all[@]:0:people}")
  bytes=$(stat -c %s "${files[@]}" | awk '{ s += $1 } END { print s }')
  cohort="${people}x$entries_per_log"
  for parser in yaml-cpp libyaml; do
    measure "parse floor $parser ($cohort)" "$floor" --parser "$parser" "${files[@]}"
    W[$parser:$people]=$wall R[$parser:$people]=$rss
    row "$cohort" "$people" "$bytes" "floor $parser"
  done
  if [ "$have_pyyaml" = 1 ]; then
    measure "PyYAML script ($cohort)" python3 "$here/pyyaml_report.py" --as-of "$as_of" "${files[@]}"
    W[py:$people]=$wall R[py:$people]=$rss
    row "$cohort" "$people" "$bytes" "PyYAML script"
  fi
  [ "$have_report" = 1 ] || continue
  for jobs in 1 2; do
    measure "report --jobs $jobs ($cohort)" "$bin" report --framework mlcf --as-of "$as_of" --format csv \
      --quiet --jobs "$jobs" -o "$work/report.csv" "${files[@]}"
    W[j$jobs:$people]=$wall R[j$jobs:$people]=$rss
    row "$cohort" "$people" "$bytes" "report --jobs $jobs"
  done
done

# One small assess against --version: mean times (milliseconds), as in startup.sh.
assess=("$bin" assess "$work/log50.yaml" --framework mlcf --as-of "$as_of")
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 --export-json "$work/startup.json" \
    "$bin --version" "${assess[*]}" >/dev/null
  read -r t_version t_assess < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["mean"] * 1000, r[1]["mean"] * 1000)' "$work/startup.json")
  how="hyperfine, 300 runs"
else
  loops=200
  mean_ms() {
    local start end i
    start=$(date +%s%N)
    for ((i = 0; i < loops; i++)); do "$@" >/dev/null; done
    end=$(date +%s%N)
    awk -v d=$((end - start)) -v n="$loops" 'BEGIN { print d / n / 1e6 }'
  }
  t_version=$(mean_ms "$bin" --version)
  t_assess=$(mean_ms "${assess[@]}")
  how="shell clock, $loops runs"
fi
printf '\nleadctl --version %.2f ms, assess of a 50-entry log %.2f ms (mean; %s)\n' "$t_version" "$t_assess" "$how"

# check LABEL VALUE OP GOAL: prints the value, the goal and PASS or MISS.
check() {
  awk -v l="$1" -v v="$2" -v op="$3" -v g="$4" 'BEGIN {
    ok = (op == "<=") ? v <= g : v >= g
    printf "%-52s %6.2fx  (target %s %.1fx)  %s\n", l, v, op, g, ok ? "PASS" : "MISS" }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print (b > 0 ? a / b : 0) }'; }

echo
echo "targets"
if [ "$have_report" = 1 ]; then
  for people in "${sizes[@]}"; do
    check "report --jobs 1 / floor libyaml, ${people}x200 (time)" "$(ratio "${W[j1:$people]}" "${W[libyaml:$people]}")" "<=" 2.5
    printf '%-52s %6.2fx  (no target)\n' "report --jobs 1 / floor yaml-cpp, ${people}x200 (time)" \
      "$(ratio "${W[j1:$people]}" "${W[yaml-cpp:$people]}")"
    if [ "$have_pyyaml" = 1 ]; then
      check "PyYAML script / report --jobs 1, ${people}x200 (time)" "$(ratio "${W[py:$people]}" "${W[j1:$people]}")" ">=" 5
    fi
  done
  for people in "${sizes[@]}"; do
    check "report --jobs 1 / --jobs 2, ${people}x200 (speed-up)" "$(ratio "${W[j1:$people]}" "${W[j2:$people]}")" ">=" 1.8
  done
  check "report --jobs 1 peak RSS, ${large}x200 / ${small}x200" "$(ratio "${R[j1:$large]}" "${R[j1:$small]}")" "<=" 1.2
else
  echo "report targets: not measured (no 'leadctl report')"
fi
check "assess of a 50-entry log / --version (time)" "$(ratio "$t_assess" "$t_version")" "<=" 3
[ "$have_report" = 1 ] || exit 2
