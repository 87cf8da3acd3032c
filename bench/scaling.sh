#!/usr/bin/env bash
# Does `wenfeng check` stay linear? The time for a 10× larger input divided by the time
# for the smaller one (target ≤ 11), for text (1 → 10 MiB), one giant paragraph
# (0.5 → 5 MiB), XML (1 → 10 MiB) and DOCX (1 → 10 MiB of text), one thread.
#
#   bench/scaling.sh        REPS=5 by default; corpora in ${WENFENG_BENCH_DIR:-/tmp/wenfeng-bench}
#
# Both CPU time (user + sys, steadier on a shared machine) and wall time are shown; the
# CPU ratio goes to bench/out/scaling.tsv for bench/gate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${RESULTS:-bench/out/scaling.tsv}
source bench/lib.sh
: >"$RESULTS"
REPS=${REPS:-5}
[ -x "$BUILD/wenfeng" ] || { echo "build first: scripts/build" >&2; exit 2; }

# Best CPU (user + sys) and wall time of N runs in seconds to the millisecond: /usr/bin/time's
# 10 ms steps made the ratio of a 0.02 s run jump between 8 and 14 from one run to the next.
precise() {
  python3 - "$@" <<'PY'
import os, subprocess, sys, time
reps, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(reps):
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)  # the child's own rusage, in microseconds
    wall = time.perf_counter() - t0
    cpu = usage.ru_utime + usage.ru_stime
    if best is None or cpu < best[0]:
        best = (cpu, wall)
print(f"{best[0]:.3f} {best[1]:.3f}")
PY
}
ratio4() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "-" }'; }

printf '%-10s %10s %10s %10s %10s %9s %9s\n' input small_cpu large_cpu small_wall large_wall "cpu ×" "wall ×"
for pair in "text text-1.txt text-10.txt" "paragraph para-0.5.txt para-5.txt" "xml xml-1.xml xml-10.xml" \
            "docx docx-1.docx docx-10.docx"; do
  read -r name small large <<<"$pair"
  corpus "$small"; corpus "$large"
  read -r sc sw < <(precise "$REPS" "$BUILD/wenfeng" check --jobs 1 "$CORPUS_DIR/$small")
  read -r lc lw < <(precise "$REPS" "$BUILD/wenfeng" check --jobs 1 "$CORPUS_DIR/$large")
  printf '%-10s %9ss %9ss %9ss %9ss %9s %9s\n' "$name" "$sc" "$lc" "$sw" "$lw" "$(ratio4 "$lc" "$sc")" "$(ratio4 "$lw" "$sw")"
  emit "scaling.$name.cpu_ratio" "$(ratio4 "$lc" "$sc")"
done
echo
echo "best of $REPS runs each; target: ratio ≤ 11; results in $RESULTS"
