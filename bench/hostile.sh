#!/usr/bin/env bash
# Every class of hostile input (issue 15) against the built binary under /usr/bin/time:
# each must end in a clear error or a correct result within a second of CPU and 100 MB.
# The files come from tests/support/hostile_files (wenfeng_gen hostile); the special files
# (FIFO, device, symlink loop, sparse 600 MiB file, 1.1 GB on standard input) are made here.
#   bench/hostile.sh [BUILD_DIR]        prints one line per input; exit 1 if one is over
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/wenfeng
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/wenfeng_gen" hostile "$dir/gen"
mkfifo "$dir/fifo.txt"
ln -s loop-b "$dir/loop-a"
ln -s loop-a "$dir/loop-b"
truncate -s 600M "$dir/sparse-600m.txt"
over=0
measure() {  # measure LABEL COMMAND…: user seconds, max RSS, exit status
  local label=$1
  shift
  /usr/bin/time -o "$dir/time" -f '%U %M %x' "$@" >/dev/null 2>&1 || true
  read -r user rss status < <(tail -1 "$dir/time")
  local flag=""
  if awk -v u="$user" -v r="$rss" 'BEGIN { exit !(u > 1.0 || r > 102400) }'; then flag="  OVER"; over=1; fi
  printf '%-34s %6ss %7s KB  exit %s%s\n' "$label" "$user" "$rss" "$status" "$flag"
}
printf '%-34s %7s %10s\n' input "user" "max RSS"
for f in "$dir"/gen/*.*; do
  measure "$(basename "$f")" timeout 60 "$bin" check --format json "$f"
done
for f in "$dir"/gen/profiles/*.yaml; do
  measure "profile $(basename "$f")" timeout 60 "$bin" check --profile "$f" samples/national/notice-ok.txt
done
measure "fifo.txt" timeout 10 "$bin" check "$dir/fifo.txt"
measure "/dev/zero" timeout 10 "$bin" check /dev/zero
measure "symlink loop" timeout 10 "$bin" check "$dir/loop-a"
measure "sparse 600 MiB file" timeout 10 "$bin" check "$dir/sparse-600m.txt"
measure "1.1 GB on standard input" timeout 60 sh -c "head -c 1100M /dev/zero | tr '\\0' a | '$bin' count -"
exit $over
