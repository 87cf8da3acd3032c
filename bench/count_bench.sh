#!/usr/bin/env bash
# Whole-process benchmarks for `wenfeng count` (issue: foundation).
#  1. Counting throughput on >= 50 MB of generated Chinese text, single thread
#     (target >= 200 MB/s for the counting itself; the Google Benchmark BM_CountText
#     isolates it, this script also times the whole process: read, validate, split, count).
#  2. DOCX reading on a generated corpus vs `unzip -p` of the same document.xml parts
#     (target: within 2x).
# Usage: bench/count_bench.sh [BUILD_DIR]   (defaults to ./build; run scripts/build first)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=bench/out
mkdir -p "$out"

now() { date +%s.%N; }
best_of() {  # best wall time of N runs of a command
  local n=$1; shift
  local best=999999
  for _ in $(seq "$n"); do
    local t0 t1 dt
    t0=$(now); "$@" >/dev/null; t1=$(now)
    dt=$(echo "$t1 - $t0" | bc -l)
    if (( $(echo "$dt < $best" | bc -l) )); then best=$dt; fi
  done
  echo "$best"
}

"$build/wenfeng_gen" text-corpus "$out/corpus.txt" 64
bytes=$(stat -c %s "$out/corpus.txt")
t=$(best_of 3 "$build/wenfeng" count --jobs 1 "$out/corpus.txt")
printf 'text: %d bytes, whole process %.3f s, %.0f MB/s\n' "$bytes" "$t" "$(echo "$bytes / $t / 1000000" | bc -l)"

if [ -x "$build/wenfeng_bench" ]; then
  "$build/wenfeng_bench" --benchmark_filter=BM_CountText --benchmark_min_time=0.5 2>/dev/null | grep BM_
fi

rm -rf "$out/docx" && "$build/wenfeng_gen" docx-corpus "$out/docx" 200 60
dbytes=$(du -sb "$out/docx" | cut -f1)
td=$(best_of 3 "$build/wenfeng" count --jobs 1 "$out"/docx/*.docx)
unzip_all() { for f in "$out"/docx/*.docx; do unzip -p "$f" word/document.xml; done; }
tu=$(best_of 3 unzip_all)
printf 'docx: 200 files (%d bytes), wenfeng count --jobs 1 %.3f s, unzip -p document.xml %.3f s, ratio %.2f\n' \
  "$dbytes" "$td" "$tu" "$(echo "$td / $tu" | bc -l)"
tp=$(best_of 3 "$build/wenfeng" count "$out"/docx/*.docx)
printf 'docx: same corpus, parallel across %d cores: %.3f s\n' "$(nproc)" "$tp"
