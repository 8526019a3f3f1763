#!/usr/bin/env bash
# Every C++ file of the project is formatted as .clang-format says, by clang-format 14
# (Debian bookworm's; other versions format some constructs differently, so they skip).
#   tests/arch/check_format.sh SOURCE_DIR       exit 0 formatted, 1 not (files listed), 77 skipped
#   tests/arch/check_format.sh --fix SOURCE_DIR reformat in place
set -uo pipefail
fix=0
[ "${1:-}" = --fix ] && { fix=1; shift; }
root=${1:?usage: check_format.sh [--fix] SOURCE_DIR}
cf=${CLANG_FORMAT:-}
if [ -z "$cf" ]; then
  for c in clang-format-14 clang-format; do command -v "$c" >/dev/null && { cf=$c; break; }; done
fi
if [ -z "$cf" ]; then echo "SKIPPED: no clang-format (apt-get install clang-format)"; exit 77; fi
major=$("$cf" --version | sed -n 's/.*version \([0-9]*\).*/\1/p')
if [ "$major" != 14 ]; then echo "SKIPPED: $cf is version $major, the style is pinned to 14"; exit 77; fi
cd "$root" || exit 2
mapfile -t files < <(git ls-files -co --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' \
  'bench/*.cpp' 'fuzz/*.cpp' 'fuzz/*.hpp' 2>/dev/null || find src tests bench fuzz -name '*.[ch]pp' 2>/dev/null)
[ "${#files[@]}" -gt 0 ] || { echo "no C++ files found under $root"; exit 2; }
if [ $fix = 1 ]; then "$cf" -i "${files[@]}"; exit; fi
bad=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  if ! "$cf" --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f   (fix: $cf -i $f, or tests/arch/check_format.sh --fix .)"
    bad=$((bad + 1))
  fi
done
echo "${#files[@]} files checked with $cf, $bad not formatted"
[ $bad = 0 ]
