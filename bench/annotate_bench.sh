#!/usr/bin/env bash
# What writing findings back into a DOCX costs against checking it (issue: annotate).
# Target: `wenfeng annotate` (comments and tracked-change fixes) under twice `wenfeng check`.
#
# Generates two long faulty drafts of about MIB MiB of text each (default 2), makes DOCX
# files of them with runs split mid-phrase (wenfeng_gen docx), then reports for one thread:
#   - user CPU seconds, best of 3, of `check` and of `annotate -o` (the annotate run
#     includes its own check: read, lint, then write the copy), on
#       format-faults: samples/national/format-faults.txt repeated: a finding every 36
#         characters, of many rules, few repeated in one paragraph (the worst case: about
#         one comment per finding);
#       web-copy: samples/national/web-copy-faults.txt repeated: a web copy with half-width
#         punctuation throughout, where grouped findings make one comment per paragraph;
#   - with valgrind installed, callgrind instruction counts of both on a smaller
#     format-faults draft (repeatable where timings on a shared machine are not);
#   - with ../shared/calibration/word-pages present (real Word documents, never copied into
#     the repository), the same two figures over all of them.
# Usage: bench/annotate_bench.sh [BUILD_DIR] [MIB]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mib=${2:-2}
out=bench/out/annotate
rm -rf "$out" && mkdir -p "$out"

make_draft() {  # make_draft SAMPLE BYTES OUT.docx
  local sample=$1 want=$2 txt="$out/draft.txt"
  head -n 1 "$sample" > "$txt"
  while [ "$(stat -c %s "$txt")" -lt "$want" ]; do tail -n +2 "$sample" >> "$txt"; done
  "$build/wenfeng_gen" docx "$txt" "$3"
}

# "FINDINGS GROUPS" of a check --format json report: every occurrence, and the groups the
# annotated copy has one comment each for (the overview of a rule in most paragraphs aside).
tally() {
  python3 -c 'import json, sys
f = json.load(open(sys.argv[1]))["files"][0]["findings"]
own = [x for x in f if not (x["document_level"] and x["count"] > 1)]
print(sum(x["count"] for x in own), len(own))' "$1"
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

for name in format-faults web-copy-faults; do
  make_draft "samples/national/$name.txt" $((mib << 20)) "$out/$name.docx"
  "$build/wenfeng" check --jobs 1 --format json "$out/$name.docx" > "$out/$name.json" || true
  read -r findings groups < <(tally "$out/$name.json")
  tc=$(user_cpu "$build/wenfeng" check --jobs 1 --format json "$out/$name.docx")
  ta=$(user_cpu "$build/wenfeng" annotate --jobs 1 "$out/$name.docx" -o "$out/$name.annotated.docx")
  printf '%s: %s bytes of DOCX, %s findings in %s groups (comments)\n' "$name" "$(stat -c %s "$out/$name.docx")" \
    "$findings" "$groups"
  printf '  user CPU, best of 3: check %.2f s, annotate %.2f s, ratio %.2f (target < 2)\n' "$tc" "$ta" \
    "$(echo "$ta / $tc" | bc -l)"
done

if command -v valgrind >/dev/null; then
  make_draft samples/national/format-faults.txt $((256 << 10)) "$out/small.docx"
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
