#!/usr/bin/env bash
# What writing findings back into a DOCX costs against checking it (issue: annotate).
# Target: `wenfeng annotate` (comments and tracked-change fixes) under twice `wenfeng check`.
#
# Generates a long faulty draft (samples/national/format-faults.txt repeated to about
# MIB MiB of text, default 4), makes a DOCX of it with runs split mid-phrase
# (wenfeng_gen docx), then reports for one thread:
#   - user CPU seconds, best of 3, of `check` and of `annotate -o` (the annotate run
#     includes its own check: read, lint, then write the copy);
#   - with valgrind installed, callgrind instruction counts of both on a smaller draft
#     (repeatable where timings on a shared machine are not).
#   - with ../shared/calibration/word-pages present (real Word documents, never copied into
#     the repository), the same two figures over all of them.
# Usage: bench/annotate_bench.sh [BUILD_DIR] [MIB]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mib=${2:-2}
out=bench/out/annotate
rm -rf "$out" && mkdir -p "$out"

make_draft() {  # make_draft BYTES OUT.docx
  local want=$1 txt="$out/draft.txt"
  head -n 1 samples/national/format-faults.txt > "$txt"
  while [ "$(stat -c %s "$txt")" -lt "$want" ]; do tail -n +2 samples/national/format-faults.txt >> "$txt"; done
  "$build/wenfeng_gen" docx "$txt" "$2"
}

user_cpu() {  # best user CPU seconds of 3 runs
  local best=999999
  for _ in 1 2 3; do
    local u
    /usr/bin/time -f %U -o "$out/time" "$@" >/dev/null 2>&1 || true
    u=$(tail -n 1 "$out/time")
    if (( $(echo "$u < $best" | bc -l) )); then best=$u; fi
  done
  echo "$best"
}

make_draft $((mib << 20)) "$out/big.docx"
"$build/wenfeng" check --jobs 1 --format json "$out/big.docx" > "$out/big.json" || true
findings=$(grep -o '"rule":' "$out/big.json" | wc -l)
tc=$(user_cpu "$build/wenfeng" check --jobs 1 --format json "$out/big.docx")
ta=$(user_cpu "$build/wenfeng" annotate --jobs 1 "$out/big.docx" -o "$out/big.annotated.docx")
printf 'draft: %s bytes of DOCX, %s findings\n' "$(stat -c %s "$out/big.docx")" "$findings"
printf 'user CPU, best of 3: check %.2f s, annotate %.2f s, ratio %.2f (target < 2)\n' "$tc" "$ta" \
  "$(echo "$ta / $tc" | bc -l)"

if command -v valgrind >/dev/null; then
  make_draft $((256 << 10)) "$out/small.docx"
  irs() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*$' || true
  }
  ic=$(irs "$build/wenfeng" check --jobs 1 --format json "$out/small.docx")
  ia=$(irs "$build/wenfeng" annotate --jobs 1 "$out/small.docx" -o "$out/small.annotated.docx")
  printf 'callgrind, 256 KiB of text: check %s Ir, annotate %s Ir, ratio %.2f\n' "$ic" "$ia" "$(echo "$ia / $ic" | bc -l)"
fi

real=../shared/calibration/word-pages
if ls "$real"/*.docx >/dev/null 2>&1; then
  mkdir -p "$out/real" && cp "$real"/*.docx "$out/real/"
  rc=$(user_cpu "$build/wenfeng" check --jobs 1 --format json "$out"/real/*.docx)
  ra=$(user_cpu sh -c "rm -f '$out'/real/*.wenfeng.docx; '$build/wenfeng' annotate --jobs 1 '$out'/real/*.docx")
  printf 'real documents (%s): check %.2f s, annotate %.2f s, ratio %.2f\n' "$(ls "$real"/*.docx | wc -l)" "$rc" "$ra" \
    "$(echo "$ra / $rc" | bc -l)"
fi
