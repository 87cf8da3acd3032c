#!/usr/bin/env bash
# Every class of hostile input (issues 15 and 11) against the built binary under /usr/bin/time:
# each must end in a clear error or a correct result within a second and 100 MB.
# The files come from tests/support/hostile_files (wenfeng_gen hostile); the 1 MB
# paragraphs from wenfeng_gen official-text; the special files (FIFO, device, symlink loop,
# sparse 600 MiB file, 1.1 GB on standard input) are made here.
#
#   bench/hostile.sh [BUILD_DIR]
#
# Prints a table, one row per input, grouped by the issue's reproducer classes: wall time,
# CPU time (user + system), peak RSS, exit status and pass/FAIL. An input passes when its
# CPU time is at most 1 s, its peak RSS at most 100 MB, it was not killed by the 10 s
# watchdog (a FIFO that blocks takes no CPU: the watchdog is what catches it) and it did
# not crash (status 0, 1 or 2). Wall time is shown, not judged: the machine may be shared.
# The exit status is 1 if any input fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$(realpath "$build/wenfeng")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/wenfeng_gen" hostile "$dir/gen"
"$build/wenfeng_gen" official-text "$dir/gen/one-mb-paragraph-official.txt" 1 --one-paragraph
"$build/wenfeng_gen" official-text "$dir/gen/one-mb-paragraph-official-web.txt" 1 --one-paragraph --halfwidth
mkfifo "$dir/fifo.txt"
ln -s loop-b "$dir/loop-a"
ln -s loop-a "$dir/loop-b"
truncate -s 600M "$dir/sparse-600m.txt"
# 20,000 directive lines, each over a paragraph with findings: every finding against every
# suppression was 2e9 tests.
awk 'BEGIN { print "关于做好有关工作的通知"; for (i = 0; i < 20000; i++) { print "# wenfeng-ignore: 高度重视";
  print "各单位要认真落实,切实做好有关工作.加强组织领导,确保取得实效." } }' > "$dir/gen/ignore-directives-20000.txt"

class_of() {  # the issue's reproducer class of a generated file
  case "$1" in
    truncated-utf8-*|f8-lead*|surrogate-*|cut-utf8*|short-gb*) echo "heap overflow: bad UTF-8" ;;
    styles-named-*) echo "re-targeted relationships" ;;
    19000-headers*) echo "relationship amplification" ;;
    numbering-bomb*) echo "numbering bomb" ;;
    80000-p*|nested-p*) echo "80,000 <p> XML" ;;
    charrefs*) echo "HTML character references" ;;
    text-s-1000*) echo "FODT text:s c=1000" ;;
    one-mb-paragraph*) echo "1 MB paragraph" ;;
    one-line*) echo "ODT on one line" ;;
    info-bar-*) echo "info-bar lines" ;;
    deep*|nested-tables*) echo "deep nesting" ;;
    keep-chain-*) echo "keep-with-next chains" ;;
    truncated-zip*|garbled-deflate*) echo "truncated zip" ;;
    declares-4gb*|lying-size-bomb*) echo "zip bomb" ;;
    100000-empty-runs*) echo "100,000 empty runs" ;;
    ten-mb-wt*) echo "10 MB w:t" ;;
    50000-equations*) echo "50,000 equations" ;;
    bom-only*) echo "BOM only" ;;
    ignore-directives*) echo "suppressions × findings" ;;
    *) echo "other" ;;
  esac
}

# The issue's reproducer classes in its order; the table is printed in this order.
order=("heap overflow: bad UTF-8" "re-targeted relationships" "relationship amplification" "numbering bomb"
  "profile alias bomb" "profile caps" "80,000 <p> XML" "HTML character references" "FODT text:s c=1000"
  "1 MB paragraph" "10 MB w:t" "truncated zip" "zip bomb" "100,000 empty runs" "50,000 equations" "FIFO" "huge stdin" "/dev/zero" "oversize file" "symlink loop" "BOM only" "deep nesting"
  "ODT on one line" "info-bar lines" "suppressions × findings" "other")
rank() { local i; for i in "${!order[@]}"; do [ "${order[i]}" = "$1" ] && { echo "$i"; return; }; done; echo 99; }
over=0
: > "$dir/rows"
measure() {  # measure CLASS LABEL COMMAND…   (stdin from $stdin_cmd when set)
  local class=$1 label=$2
  shift 2
  if [ -n "${stdin_cmd:-}" ]; then
    sh -c "$stdin_cmd" | /usr/bin/time -o "$dir/time" -f '%e %U %S %M %x' timeout 10 "$@" >/dev/null 2>&1 || true
  else
    /usr/bin/time -o "$dir/time" -f '%e %U %S %M %x' timeout 10 "$@" </dev/null >/dev/null 2>&1 || true
  fi
  local wall user sys rss status
  read -r wall user sys rss status < <(tail -1 "$dir/time")
  # /usr/bin/time reports a signal as "Command terminated by signal N" on the line before
  if grep -q 'terminated by signal' "$dir/time"; then status="sig$(grep -o 'signal [0-9]*' "$dir/time" | grep -o '[0-9]*')"; fi
  local cpu verdict=pass
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local mb
  mb=$(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }')
  if awk -v c="$cpu" -v r="$rss" 'BEGIN { exit !(c > 1.0 || r > 102400) }'; then verdict=FAIL; fi
  case "$status" in 0|1|2) ;; 124) verdict="FAIL (blocked)" ;; *) verdict="FAIL (crash)" ;; esac
  [ "$verdict" = pass ] || over=1
  printf '%02d %-28s %-38s %6s %6s %7s %5s  %s\n' "$(rank "$class")" "$class" "$label" "$wall" "$cpu" "$mb" \
    "$status" "$verdict" >> "$dir/rows"
  printf '.' >&2
}

for f in "$dir"/gen/*.*; do
  name=$(basename "$f")
  measure "$(class_of "$name")" "$name" "$bin" check --format json "$f"
done
for f in "$dir"/gen/profiles/*.yaml; do
  name=$(basename "$f")
  case "$name" in alias-bomb*|many-aliases*|cyclic-alias*) class="profile alias bomb" ;; *) class="profile caps" ;; esac
  measure "$class" "--profile $name" "$bin" check --profile "$f" samples/national/notice-ok.txt
done
# The alias bomb as a drafts folder's .wenfeng.yaml, found by walking up from the draft.
mkdir -p "$dir/drafts"
{ echo "profile: national"; sed -n '/^a0:/,$p' "$dir/gen/profiles/alias-bomb.yaml"; } > "$dir/drafts/.wenfeng.yaml"
cp samples/national/notice-ok.txt "$dir/drafts/draft.txt"
measure "profile alias bomb" ".wenfeng.yaml alias bomb" "$bin" check "$dir/drafts/draft.txt"
mkdir -p "$dir/fifo-config"
mkfifo "$dir/fifo-config/.wenfeng.yaml"
cp samples/national/notice-ok.txt "$dir/fifo-config/draft.txt"
mkfifo "$dir/fifo-profile.yaml"
measure "FIFO" "fifo.txt" "$bin" check "$dir/fifo.txt"
measure "FIFO" "FIFO as --profile" "$bin" check --profile "$dir/fifo-profile.yaml" samples/national/notice-ok.txt
measure "FIFO" "FIFO as .wenfeng.yaml" "$bin" check "$dir/fifo-config/draft.txt"
measure "/dev/zero" "/dev/zero" "$bin" check /dev/zero
measure "symlink loop" "loop-a -> loop-b -> loop-a" "$bin" check "$dir/loop-a"
measure "oversize file" "sparse 600 MiB file" "$bin" check "$dir/sparse-600m.txt"
stdin_cmd="head -c 1100M /dev/zero | tr '\\0' a" measure "huge stdin" "1.1 GB on standard input (count)" "$bin" count -
stdin_cmd="head -c 1100M /dev/zero | tr '\\0' a" measure "huge stdin" "1.1 GB on standard input (check)" "$bin" check -
echo >&2
printf '%-28s %-38s %6s %6s %7s %5s  %s\n' class input "wall s" "CPU s" "RSS MB" exit "CPU ≤ 1 s, RSS ≤ 100 MB"
sort -s -n -k1,1 "$dir/rows" | cut -c4-
if [ "$over" -ne 0 ]; then echo "hostile.sh: some inputs FAIL"; else echo "hostile.sh: every input within 1 s of CPU and 100 MB"; fi
exit $over
