#!/usr/bin/env bash
# Does `wenfeng check` stay linear? The time for a 10× larger input divided by the time
# for the smaller one (target ≤ 11), for text (1 → 10 MiB), one giant paragraph
# (0.5 → 5 MiB), XML (1 → 10 MiB) and DOCX (1 → 10 MiB of text), one thread.
#
#   bench/scaling.sh        REPS=3 by default; corpora in ${WENFENG_BENCH_DIR:-/tmp/wenfeng-bench}
#
# Both CPU time (user + sys, steadier on a shared machine) and wall time are shown; the
# CPU ratio goes to bench/out/scaling.tsv for bench/gate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${RESULTS:-bench/out/scaling.tsv}
source bench/lib.sh
: >"$RESULTS"
REPS=${REPS:-3}
[ -x "$BUILD/wenfeng" ] || { echo "build first: scripts/build" >&2; exit 2; }

printf '%-10s %10s %10s %10s %10s %9s %9s\n' input small_cpu large_cpu small_wall large_wall "cpu ×" "wall ×"
for pair in "text text-1.txt text-10.txt" "paragraph para-0.5.txt para-5.txt" "xml xml-1.xml xml-10.xml" \
            "docx docx-1.docx docx-10.docx"; do
  read -r name small large <<<"$pair"
  corpus "$small"; corpus "$large"
  measure "$REPS" "$BUILD/wenfeng" check --jobs 1 "$CORPUS_DIR/$small"
  sc=$CPU sw=$WALL
  measure "$REPS" "$BUILD/wenfeng" check --jobs 1 "$CORPUS_DIR/$large"
  lc=$CPU lw=$WALL
  printf '%-10s %9ss %9ss %9ss %9ss %9s %9s\n' "$name" "$sc" "$lc" "$sw" "$lw" "$(ratio "$lc" "$sc")" "$(ratio "$lw" "$sw")"
  emit "scaling.$name.cpu_ratio" "$(ratio "$lc" "$sc")"
done
echo
echo "best of $REPS runs each; target: ratio ≤ 11; results in $RESULTS"
