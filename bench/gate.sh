#!/usr/bin/env bash
# Fails when a benchmark ratio is more than 20% worse than the checked-in baseline.
#
#   bench/gate.sh              runs bench/peers.sh --quick, bench/scaling.sh and bench/startup.sh,
#                              then compares
#   bench/gate.sh --no-run     compares the last results (bench/out/peers.tsv, scaling.tsv,
#                              startup.tsv)
#   bench/gate.sh --update     runs, then writes the results as the new baseline
#
# bench/baseline.tsv holds `metric <TAB> value <TAB> better` (higher or lower): how many
# times faster than AutoCorrect and the other peers (higher is better), time as a ratio to
# wc -m / unzip -p, peak RSS, the 10× scaling ratios and the instructions of one small check
# and count (lower is better). Seconds and milliseconds are not compared: they depend on the
# machine. A metric missing from the results, or "-", is
# reported and skipped. TOLERANCE (default 0.20) sets the allowed regression.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=bench/baseline.tsv
tol=${TOLERANCE:-0.20}
run=1 update=0
for a in "$@"; do
  case $a in
    --no-run) run=0 ;;
    --update) update=1 ;;
    *) echo "usage: bench/gate.sh [--no-run] [--update]" >&2; exit 2 ;;
  esac
done
if [ "$run" = 1 ]; then
  bench/peers.sh --quick
  bench/scaling.sh
  bench/startup.sh
fi
results=$(cat bench/out/peers.tsv bench/out/scaling.tsv bench/out/startup.tsv 2>/dev/null || true)
[ -n "$results" ] || { echo "no results: run bench/peers.sh and bench/scaling.sh" >&2; exit 2; }

if [ "$update" = 1 ]; then
  {
    echo "# metric	value	better   (bench/gate.sh --update; $(date -u +%Y-%m-%d), $(nproc) cores)"
    printf '%s\n' "$results" | awk -F'\t' '$2 != "-" && $1 !~ /(wenfeng_s|_ms)$/ {
      better = ($1 ~ /\.vs_(autocorrect|zhlint|textlint|lintmd)$/) ? "higher" : "lower"
      print $1 "\t" $2 "\t" better }'
  } >"$baseline"
  echo "wrote $baseline"
  exit 0
fi

printf '%s\n' "$results" | awk -F'\t' -v tol="$tol" '
  NR == FNR { if ($0 ~ /^#/) next; base[$1] = $2; better[$1] = $3; next }
  { got[$1] = $2 }
  END {
    bad = 0
    for (m in base) {
      if (!(m in got) || got[m] == "-") { printf "skip  %-36s (no result)\n", m; continue }
      b = base[m] + 0; v = got[m] + 0
      worse = better[m] == "higher" ? (v < b / (1 + tol)) : (v > b * (1 + tol))
      printf "%s %-36s %10s  baseline %10s  (%s is better)\n", worse ? "FAIL" : "ok  ", m, got[m], base[m], better[m]
      bad += worse
    }
    if (bad) { printf "%d metric(s) regressed by more than %d%%\n", bad, tol * 100; exit 1 }
    print "no regression"
  }' "$baseline" -
