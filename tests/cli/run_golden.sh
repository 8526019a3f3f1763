#!/usr/bin/env bash
# Golden test runner: runs one case folder and compares what leadctl printed with
# what is expected, byte for byte.
#
#   run_golden.sh LEADCTL_BINARY CASE_DIR
#
# A case folder holds:
#   cmd              a bash snippet; `leadctl` is on PATH, the working directory is
#                    a scratch copy of the case folder, $SRC is the source tree
#   expected.stdout  expected standard output          (missing = empty)
#   expected.stderr  expected standard error           (missing = empty)
#   expected.rc      expected exit code                (missing = 0)
# A cmd that cannot run here (its fixtures are absent) prints "SKIPPED: why" and
# exits 77; the case is then reported as skipped, not passed.
# and any input files the command reads.
#
# With LEADCTL_UPDATE_GOLDEN=1 the expected files are rewritten from the actual
# output instead (review the diff before committing).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$2" && pwd)
name=$(basename "$case_dir")
SRC=$(cd "$(dirname "$0")/../.." && pwd)
export SRC

scratch=$(mktemp -d "${TMPDIR:-/tmp}/leadctl-golden.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin" "$scratch/case"
ln -s "$bin" "$scratch/bin/leadctl"
cp -R "$case_dir/." "$scratch/case/"

# A fixed, colourless, English environment with nothing from the user's setup.
actual_rc=0
(
  cd "$scratch/case" &&
  env -i PATH="$scratch/bin:/usr/bin:/bin" HOME="$scratch" LC_ALL=C NO_COLOR=1 \
      TMPDIR="$scratch" SRC="$SRC" bash -c "$(cat "$case_dir/cmd")" \
      >"$scratch/stdout" 2>"$scratch/stderr"
) || actual_rc=$?

# A case whose inputs are missing (../shared/fixtures) says so and exits 77: skipped.
if [ "$actual_rc" = 77 ] && grep -q '^SKIPPED' "$scratch/stdout"; then
  cat "$scratch/stdout"
  exit 77
fi

if [ "${LEADCTL_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$scratch/stdout" "$case_dir/expected.stdout"
  if [ -s "$scratch/stderr" ]; then cp "$scratch/stderr" "$case_dir/expected.stderr"; else rm -f "$case_dir/expected.stderr"; fi
  if [ "$actual_rc" != 0 ]; then echo "$actual_rc" >"$case_dir/expected.rc"; else rm -f "$case_dir/expected.rc"; fi
  echo "updated $name"
  exit 0
fi

status=0
expected_rc=0
[ -f "$case_dir/expected.rc" ] && expected_rc=$(tr -d '[:space:]' <"$case_dir/expected.rc")
if [ "$actual_rc" != "$expected_rc" ]; then
  echo "$name: exit code $actual_rc, expected $expected_rc"
  status=1
fi
for stream in stdout stderr; do
  expected="$case_dir/expected.$stream"
  [ -f "$expected" ] || expected=/dev/null
  if ! cmp -s "$expected" "$scratch/$stream"; then
    echo "$name: $stream differs (--- expected, +++ actual):"
    diff -u "$expected" "$scratch/$stream" | head -60
    status=1
  fi
done
exit $status
