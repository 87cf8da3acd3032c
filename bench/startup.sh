#!/usr/bin/env bash
# What `check` of one small draft costs beyond `count` (issue 16: an editor runs it on every
# save; target ≤ 10 ms of CPU for a 3 KB draft).
#
#   bench/startup.sh
#
# Runs `wenfeng check` and `wenfeng count` on one 3 KB draft of the `small` corpus
# (bench/lib.sh), the startup cache warm (base/cache.h; run once first), and prints their CPU
# time (perf stat, mean of $REPS runs, default 20; /usr/bin/time otherwise), the instructions
# callgrind counts when valgrind is installed (steadier than time on a shared machine), and
# check's CPU time and instructions as a ratio to count's; also check with a cold cache (a
# fresh WENFENG_CACHE_DIR each run) and with the cache off. Results also go to
# bench/out/startup.tsv for bench/gate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${RESULTS:-bench/out/startup.tsv}
source bench/lib.sh
: >"$RESULTS"
REPS=${REPS:-20}
export LC_ALL=C.UTF-8
[ -x "$BUILD/wenfeng" ] || { echo "build first: scripts/build" >&2; exit 2; }
WENFENG=$(realpath "$BUILD/wenfeng")
corpus small
draft=$CORPUS_DIR/small/draft0000.txt
cold=$(mktemp -d)
trap 'rm -rf "$cold"' EXIT

cpu_ms() {  # CPU milliseconds of one run, mean of $REPS
  if perf stat -r 1 true >/dev/null 2>&1; then
    perf stat -r "$REPS" "$@" 2>&1 >/dev/null | awk '/task-clock/ { print $1; exit }'
  else
    local total=0
    for _ in $(seq "$REPS"); do
      total=$(/usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk -v t="$total" '{ print t + ($1 + $2) * 1000 }')
    done
    awk -v t="$total" -v n="$REPS" 'BEGIN { printf "%.2f", t / n }'
  fi
}
instructions() {  # millions of instructions of one run (callgrind), or "-"
  command -v valgrind >/dev/null || { echo -; return; }
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected/ { printf "%.1f", $NF / 1e6 }'
}

"$WENFENG" check "$draft" >/dev/null || true  # the cache warm
check=$(cpu_ms "$WENFENG" check "$draft")
count=$(cpu_ms "$WENFENG" count "$draft")
check_i=$(instructions "$WENFENG" check "$draft")
count_i=$(instructions "$WENFENG" count "$draft")
off=$(cpu_ms env WENFENG_CACHE_DIR=off "$WENFENG" check "$draft")
if perf stat -r 1 true >/dev/null 2>&1; then
  coldms=$(perf stat -r "$REPS" --pre "rm -rf '$cold/c'" env WENFENG_CACHE_DIR="$cold/c" "$WENFENG" check "$draft" 2>&1 >/dev/null |
    awk '/task-clock/ { print $1; exit }')
else
  coldms=-
fi
printf '%-28s %10s %14s\n' "3 KB draft" "CPU ms" "M instructions"
printf '%-28s %10s %14s\n' "check (cache warm)" "$check" "$check_i" "count" "$count" "$count_i"
printf '%-28s %10s\n' "check (cache cold)" "$coldms" "check (cache off)" "$off"
printf '%-28s %10s %14s\n' "check / count" "$(ratio "$check" "$count")" "$(ratio "$check_i" "$count_i")"
emit startup.check_ms "$check"; emit startup.count_ms "$count"
emit startup.check_minstr "$check_i"; emit startup.count_minstr "$count_i"
emit startup.check_vs_count "$(ratio "$check_i" "$count_i")"
echo "results in $RESULTS (target: check ≤ 10 ms of CPU)"
