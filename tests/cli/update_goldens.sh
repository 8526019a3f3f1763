#!/usr/bin/env bash
# Rewrite the expected output of golden tests after an intended change, then review
# the diff before committing (git diff tests/cli).
#
#   tests/cli/update_goldens.sh [BUILD_DIR] [CASE...]
#
# BUILD_DIR defaults to build/default; CASE names folders under tests/cli/ (default:
# all). Each case runs in a scratch copy, as under CTest; only its expected.* files
# in the source tree are written.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build/default}
[ $# -gt 0 ] && shift
bin="$build/leadctl"
[ -x "$bin" ] || { echo "no leadctl in $build (build first: cmake --workflow --preset default)" >&2; exit 2; }
if [ $# -eq 0 ]; then
  mapfile -t cases < <(cd "$here" && for d in */; do [ -f "$d/cmd" ] && echo "${d%/}"; done)
else
  cases=("$@")
fi
for c in "${cases[@]}"; do
  [ -f "$here/$c/cmd" ] || { echo "no golden case $c" >&2; exit 2; }
  LEADCTL_UPDATE_GOLDEN=1 bash "$here/run_golden.sh" "$bin" "$here/$c" | grep -v '^updated ' || true
done
echo "updated ${#cases[@]} case(s); review: git diff --stat tests/cli"
