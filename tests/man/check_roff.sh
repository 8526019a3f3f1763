#!/usr/bin/env bash
# Check that every man page formats without a warning from groff (an unknown escape,
# such as \(u25D0 where \[u25D0] was meant, prints as stray characters in `man`).
#
#   tests/man/check_roff.sh MAN_DIR
#
# First shows that groff does warn, on a page with a known mistake (else the check
# could pass anything); then formats each MAN_DIR/*.[1-8] with all warnings on.
# Exits 0 when no page draws a warning, 1 (with the warnings) otherwise, 2 on bad usage.
set -u -o pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
    echo "usage: $0 MAN_DIR" >&2
    exit 2
fi
if ! command -v groff >/dev/null; then
    echo "check_roff: groff is not installed (Debian: groff-base)" >&2
    exit 1
fi
format() { LC_ALL=C.UTF-8 groff -ww -man -Tutf8 -z "$1" 2>&1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/check_roff.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
printf '.TH BAD 1\n.SH NAME\nbad \\- a page with \\(u25D0 in it\n' >"$scratch/bad.1"
if [[ -z $(format "$scratch/bad.1") ]]; then
    echo "check_roff: groff gave no warning for \\(u25D0: this check would catch nothing" >&2
    exit 1
fi

status=0
count=0
for page in "$1"/*.[1-8]; do
    count=$((count + 1))
    out=$(format "$page")
    if [[ -n $out ]]; then
        echo "$page:"
        echo "$out"
        status=1
    fi
done
echo "$count man pages formatted, $([[ $status == 0 ]] && echo "no warnings" || echo "warnings above")"
exit $status
