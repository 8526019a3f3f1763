#!/usr/bin/env bash
# Parallel `leadctl evidence add` on one log must keep every entry (issue 17:
# "lost writes with concurrent evidence add"), in each log format; and an add
# through a symbolic link must write the link's target, leave the link a link and
# keep the target's permissions.
# Usage: check_parallel_add.sh LEADCTL [N]
set -u
leadctl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-20}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
fail=0

printf 'person:\n  id: p1\n  name: Pat\nentries:\n' >log.yaml
printf 'id,date,type,title,competencies\n' >log.csv
printf '{"person": {"id": "p1", "name": "Pat"}}\n' >log.jsonl

for log in log.yaml log.csv log.jsonl; do
    pids=()
    for i in $(seq 1 "$n"); do
        "$leadctl" evidence add "$log" --as-of 2026-11-25 --date 2026-10-01 --type course \
            --title "Parallel entry $i" --tag mlcf:1.3 --id "e$i" >"out.$log.$i" 2>&1 &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do
        if ! wait "${pids[$i]}"; then
            echo "FAIL: $log: add $((i + 1)) failed: $(cat "out.$log.$((i + 1))")"
            fail=1
        fi
    done
    missing=()
    for i in $(seq 1 "$n"); do
        grep -q "Parallel entry $i\\b" "$log" || missing+=("e$i")
    done
    if ((${#missing[@]})); then
        echo "FAIL: $log: ${#missing[@]} of $n entries lost: ${missing[*]}"
        fail=1
    fi
    if ! "$leadctl" evidence validate --as-of 2026-11-25 "$log" >"validate.$log" 2>&1; then
        echo "FAIL: $log does not validate after the adds:"
        cat "validate.$log"
        fail=1
    fi
    if ls -A | grep -q '\.tmp-'; then
        echo "FAIL: $log: a temporary file was left behind: $(ls -A | grep '\.tmp-')"
        fail=1
    fi
done

# Through a symbolic link: the target changes, the link stays, the mode is kept.
mkdir real
printf 'person:\n  id: p1\n  name: Pat\nentries:\n' >real/target.yaml
chmod 0640 real/target.yaml
ln -s real/target.yaml link.yaml
if ! "$leadctl" evidence add link.yaml --as-of 2026-11-25 --date 2026-10-01 --type course \
    --title "Through the link" --tag mlcf:1.3 >out.link 2>&1; then
    echo "FAIL: add through a symlink failed: $(cat out.link)"
    fail=1
fi
if [[ ! -L link.yaml ]]; then
    echo "FAIL: link.yaml is no longer a symbolic link"
    fail=1
fi
if ! grep -q "Through the link" real/target.yaml; then
    echo "FAIL: the link's target does not hold the entry"
    fail=1
fi
mode=$(stat -c %a real/target.yaml)
if [[ $mode != 640 ]]; then
    echo "FAIL: the target's mode is $mode, not 640"
    fail=1
fi
if ls -A real | grep -q '\.tmp-'; then
    echo "FAIL: a temporary file was left beside the target"
    fail=1
fi

((fail)) || echo "ok: $n parallel adds kept in YAML, CSV and JSON Lines; add through a symlink kept link and mode"
exit $fail
