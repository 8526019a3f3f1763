#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time on its seeds: the CTest test
# "fuzz: NAME" of the fuzz preset (fuzz/README.md). Seeds are read in place, never
# copied into the repository: fuzz/corpus/NAME and fuzz/regressions/NAME, and the
# files of examples/, frameworks/, tests/ and ../shared/fixtures/ (when present)
# whose extension fits the target. New inputs libFuzzer finds go to WORK/corpus/NAME,
# crashes to WORK/crashes/ (libFuzzer prints the file name).
# usage: run_fuzz.sh BINARY NAME SOURCE_DIR FIXTURES_DIR SECONDS WORK_DIR [more libFuzzer flags]
set -euo pipefail
bin=$1 name=$2 src=$3 fixtures=$4 seconds=$5 work=$6
shift 6
case $name in
  framework_yaml | crosswalk_yaml | policy | opportunities | evidence_yaml | feedback_round) exts=(yaml yml) dict=yaml ;;
  evidence_csv | moodle_csv) exts=(csv) dict=csv ;;
  sssom_tsv) exts=(tsv) dict=csv ;;
  evidence_jsonl) exts=(jsonl ndjson) dict=json ;;
  case_json) exts=(json) dict=json ;;
  *) echo "run_fuzz.sh: unknown target $name" >&2; exit 2 ;;
esac
mkdir -p "$work/corpus/$name" "$work/crashes"
roots=("$src/examples" "$src/frameworks" "$src/tests")
[ -d "$fixtures" ] && roots+=("$fixtures")
names=()
for e in "${exts[@]}"; do names+=(-o -name "*.$e"); done
# Seeds up to 256 KiB, as a comma-separated list (libFuzzer's -seed_inputs=@FILE).
find "${roots[@]}" -type f -size -256k \( "${names[@]:1}" \) | LC_ALL=C sort | paste -sd, - >"$work/$name.seeds"
dirs=("$work/corpus/$name")
for d in "$src/fuzz/corpus/$name" "$src/fuzz/regressions/$name"; do [ -d "$d" ] && dirs+=("$d"); done
args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
      -dict="$src/fuzz/dict/$dict.dict" -artifact_prefix="$work/crashes/$name-")
[ -s "$work/$name.seeds" ] && args+=(-seed_inputs=@"$work/$name.seeds")
echo "+ $bin ${args[*]} $* ${dirs[*]}"
exec "$bin" "${args[@]}" "$@" "${dirs[@]}"
