# Shared by bench/peers.sh and bench/scaling.sh (sourced, not run).
#
#   measure REPS CMD…   runs CMD REPS times (output discarded) and sets
#                       WALL (best wall seconds), CPU (user+sys of that run), RSS (its peak
#                       RSS in KiB), RC (its exit status)
#   corpus NAME         generates a corpus once into $CORPUS_DIR (see the case list)
#   emit METRIC VALUE   appends a line to $RESULTS (TSV, read by bench/gate.sh)

BUILD=${BUILD:-build}
CORPUS_DIR=${WENFENG_BENCH_DIR:-/tmp/wenfeng-bench}
RESULTS=${RESULTS:-bench/out/results.tsv}
GEN="$BUILD/wenfeng_gen"
mkdir -p "$CORPUS_DIR" "$(dirname "$RESULTS")"

measure() {
  local reps=$1; shift
  local tf; tf=$(mktemp)
  WALL=; CPU=; RSS=; RC=0
  for _ in $(seq "$reps"); do
    set +e
    /usr/bin/time -o "$tf" -f '%e %U %S %M %x' "$@" >/dev/null 2>&1
    set -e
    read -r e u s m x < <(tail -1 "$tf")
    if [ -z "$WALL" ] || awk -v a="$e" -v b="$WALL" 'BEGIN{exit !(a<b)}'; then
      WALL=$e; CPU=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}'); RSS=$m; RC=$x
    fi
  done
  rm -f "$tf"
}

# Time-limited, one run (for the slow peers): sets WALL (or "timeout"), CPU, RSS.
measure_limited() {
  local limit=$1; shift
  local tf; tf=$(mktemp)
  set +e
  /usr/bin/time -o "$tf" -f '%e %U %S %M %x' timeout "$limit" "$@" >/dev/null 2>&1
  local rc=$?
  set -e
  read -r e u s m x < <(tail -1 "$tf")
  rm -f "$tf"
  if [ "$rc" = 124 ]; then WALL=timeout; CPU=; RSS=; return; fi
  WALL=$e; CPU=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}'); RSS=$m
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b == "" || a == "" || b+0 == 0 || a == "timeout" || b == "timeout") print "-"; else printf "%.2f", a/b }'; }

emit() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS"; }

# Corpora (generated once; delete $CORPUS_DIR to regenerate):
#   text-N.txt       N MiB of official text, full-width punctuation
#   half-N.txt       the same typed as web copies (half-width , . : ; ( ))
#   para-N.txt       N MiB in one paragraph
#   xml-N.xml        N MiB as one simple XML document
#   docx-N.docx      a DOCX of N MiB of text (runs split the way Word writes them)
#   small/           1,000 drafts of 3 KB;  docx/  1,000 DOCX drafts of 3 KB
#   *.md             copies for the Markdown linters
corpus() {
  local name=$1 path="$CORPUS_DIR/$1"
  [ -e "$path" ] && return 0
  case $name in
    text-*.txt) n=${name#text-}; "$GEN" official-text "$path" "${n%.txt}" ;;
    half-*.txt) n=${name#half-}; "$GEN" official-text "$path" "${n%.txt}" --halfwidth ;;
    para-*.txt) n=${name#para-}; "$GEN" official-text "$path" "${n%.txt}" --one-paragraph ;;
    xml-*.xml) n=${name#xml-}; "$GEN" official-xml "$path" "${n%.xml}" ;;
    docx-*.docx) n=${name#docx-}; corpus "text-${n%.docx}.txt"; "$GEN" docx "$CORPUS_DIR/text-${n%.docx}.txt" "$path" ;;
    small) "$GEN" official-files "$path" 1000 3 ;;
    small-md) corpus small; mkdir -p "$path"; for f in "$CORPUS_DIR"/small/*.txt; do cp "$f" "$path/$(basename "${f%.txt}").md"; done ;;
    docx) "$GEN" official-files "$path" 1000 3 --docx ;;
    *.md) corpus "${name%.md}.txt"; cp "$CORPUS_DIR/${name%.md}.txt" "$path" ;;
    *) echo "unknown corpus $name" >&2; return 1 ;;
  esac
}
