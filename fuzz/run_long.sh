#!/usr/bin/env bash
# Runs one fuzz target until it has used CPU_SECONDS of CPU time (not wall time: on a
# shared machine a nice-19 fuzzer gets what is left over), restarting it after a
# finding, and prints one line for fuzz/README.md's Findings table:
#   TARGET CPU_S EXECUTIONS CORPUS CRASHES
# usage: run_long.sh BUILD_DIR TARGET CPU_SECONDS WORK_DIR [FIXTURES_DIR]
# e.g.   bash fuzz/run_long.sh build/fuzz sssom_tsv 900 /tmp/fuzz-work
# Each run is fuzz/run_fuzz.sh under nice -n 19 with a random seed and -timeout=60
# (a starved nice process is slow, not hung); the corpus grows in
# WORK_DIR/corpus/TARGET, crashes go to WORK_DIR/crashes/, logs to WORK_DIR/logs/.
set -euo pipefail
build=$1 name=$2 budget=$3 work=$4
src=$(cd "$(dirname "$0")/.." && pwd)
fixtures=${5:-$src/../shared/fixtures}
bin=$build/fuzz/fuzz_$name
[ -x "$bin" ] || { echo "run_long.sh: no $bin (cmake --build $build --target fuzz_$name)" >&2; exit 2; }
mkdir -p "$work/logs"
tick=$(getconf CLK_TCK)
used=0 execs=0 crashes=0 runs=0
# CPU seconds (user + system) of a live process, from /proc/PID/stat fields 14 and 15.
cpu_of() { awk -v t="$tick" '{ sub(/^.*\) /, ""); print int(($12 + $13) / t) }' "/proc/$1/stat" 2>/dev/null || echo 0; }
while [ "$used" -lt "$budget" ] && [ "$runs" -lt 20 ]; do
  runs=$((runs + 1))
  log=$work/logs/$name.$runs.log
  nice -n 19 bash "$src/fuzz/run_fuzz.sh" "$bin" "$name" "$src" "$fixtures" 86400 "$work" -timeout=60 >"$log" 2>&1 &
  pid=$!
  last=0
  while kill -0 "$pid" 2>/dev/null; do
    now=$(cpu_of "$pid")
    [ "$now" -gt "$last" ] && last=$now
    if [ $((used + last)) -ge "$budget" ]; then kill -INT "$pid" 2>/dev/null || true; fi
    sleep 2
  done
  wait "$pid" || true
  used=$((used + last))
  n=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log" | tail -1)
  execs=$((execs + ${n:-0}))
  if grep -q "Test unit written to" "$log"; then
    crashes=$((crashes + 1))
    grep "Test unit written to" "$log" | sed "s/^/$name: /" >&2
  fi
done
corpus=$(find "$work/corpus/$name" -type f | wc -l)
echo "$name $used $execs $corpus $crashes"
