#!/usr/bin/env bash
# wenfeng check against the CJK prose linters, on the same generated corpora.
#
#   bench/peers.sh [--quick] [--no-peers]
#
# Installs the peers from npm, at fixed versions so that the gate's ratios compare like with
# like, into a scratch folder outside the repository
# (${WENFENG_PEERS:-~/.cache/wenfeng-peers}): AutoCorrect (autocorrect-node, Rust), zhlint,
# textlint with textlint-rule-sentence-length (max 100), lint-md. Corpora (bench/lib.sh)
# go to ${WENFENG_BENCH_DIR:-/tmp/wenfeng-bench}: 1, 10 and 100 MiB of official text with
# full-width and with half-width punctuation, one 5 MiB paragraph, 1,000 drafts of 3 KB,
# 1,000 DOCX drafts.
#
# Prints, per corpus, wenfeng's best wall time of $REPS runs (default 3; 1 at 100 MiB), its
# CPU time and peak RSS, its time as a ratio to `wc -m` (DOCX: to a loop of `unzip -p`
# over word/document.xml), and each peer's time divided by wenfeng's (how many times
# faster wenfeng is). zhlint, textlint and lint-md read Markdown and are 10–100× slower:
# they run once, on corpora up to $SLOW_MAX_MB MiB (default 1) and on the 1,000 files,
# with a limit of $SLOW_LIMIT seconds (default 600). --quick leaves out the 100 MiB
# corpora; --no-peers times wenfeng, wc and unzip only. Results also go to
# bench/out/peers.tsv for bench/gate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${RESULTS:-bench/out/peers.tsv}
source bench/lib.sh
: >"$RESULTS"

quick=0 peers=1
for a in "$@"; do
  case $a in
    --quick) quick=1 ;;
    --no-peers) peers=0 ;;
    *) echo "usage: bench/peers.sh [--quick] [--no-peers]" >&2; exit 2 ;;
  esac
done
REPS=${REPS:-3}
SLOW_MAX_MB=${SLOW_MAX_MB:-1}
SLOW_LIMIT=${SLOW_LIMIT:-600}
PEERS=${WENFENG_PEERS:-$HOME/.cache/wenfeng-peers}
export LC_ALL=C.UTF-8

[ -x "$BUILD/wenfeng" ] || { echo "build first: scripts/build" >&2; exit 2; }
WENFENG=$(realpath "$BUILD/wenfeng")

if [ "$peers" = 1 ]; then
  if [ ! -x "$PEERS/node_modules/.bin/autocorrect" ] || [ ! -x "$PEERS/node_modules/.bin/textlint" ]; then
    mkdir -p "$PEERS"
    (cd "$PEERS" && { [ -f package.json ] || npm init -y >/dev/null; } &&
       npm install --no-audit --no-fund autocorrect-node@2.14.0 zhlint@0.8.2 textlint@15.8.0 textlint-rule-sentence-length@5.2.1 @lint-md/cli@2.2.4 >/dev/null)
  fi
  printf '{"rules":{"sentence-length":{"max":100}}}\n' >"$PEERS/.textlintrc.json"
  BIN=$PEERS/node_modules/.bin
  echo "peers: AutoCorrect $("$BIN/autocorrect" --version 2>/dev/null | awk '{print $NF}'), zhlint $(node -p "require('$PEERS/node_modules/zhlint/package.json').version"), textlint $("$BIN/textlint" --version), lint-md $(node -p "require('$PEERS/node_modules/@lint-md/cli/package.json').version"); node $(node --version)"
fi
echo "machine: $(nproc) cores; wenfeng best of $REPS runs (1 at 100 MiB); peers' slow ones once"
echo

rows=(text-1 text-10 half-1 half-10 para-5 small docx)
[ "$quick" = 1 ] || rows=(text-1 text-10 text-100 half-1 half-10 half-100 para-5 small docx)

printf '%-9s %9s %7s %8s %7s | %9s %7s | %8s %8s %8s\n' corpus wenfeng cpu rss_MiB "×wc" AutoCorr "faster" zhlint textlint lint-md
for row in "${rows[@]}"; do
  case $row in
    small) corpus small; files=("$CORPUS_DIR"/small/*.txt); mb=3 ;;
    docx) corpus docx; files=("$CORPUS_DIR"/docx/*.docx); mb=3 ;;
    *) ext=txt; corpus "$row.$ext"; files=("$CORPUS_DIR/$row.$ext"); mb=${row#*-} ;;
  esac
  reps=$REPS; [ "$mb" = 100 ] && reps=1
  measure "$reps" "$WENFENG" check "${files[@]}"
  w=$WALL; wcpu=$CPU; wrss=$((RSS / 1024))
  if [ "$row" = docx ]; then
    measure "$reps" bash -c 'for f in "$@"; do unzip -p "$f" word/document.xml; done' _ "${files[@]}"
  else
    measure "$reps" wc -m "${files[@]}"
  fi
  base=$WALL
  emit "peers.$row.wenfeng_s" "$w"; emit "peers.$row.rss_mib" "$wrss"; emit "peers.$row.vs_wc" "$(ratio "$w" "$base")"
  ac=-; acx=-; zh=-; tl=-; lm=-
  if [ "$peers" = 1 ] && [ "$row" != docx ]; then
    target=("${files[@]}"); [ "$row" = small ] && target=("$CORPUS_DIR/small")
    measure "$reps" "$BIN/autocorrect" --lint "${target[@]}"
    ac=$WALL; acx=$(ratio "$ac" "$w"); emit "peers.$row.vs_autocorrect" "$acx"
    if [ "$row" = small ] || { [ "${mb%%.*}" -le "$SLOW_MAX_MB" ] 2>/dev/null && [ "$row" != para-5 ]; }; then
      # The Markdown linters run in the corpus folder on relative paths (zhlint wants them).
      if [ "$row" = small ]; then corpus small-md; md=(small-md/*.md); else corpus "$row.md"; md=("$row.md"); fi
      in_corpus=(bash -c 'cd "$0" && exec "$@"' "$CORPUS_DIR")
      measure_limited "$SLOW_LIMIT" "${in_corpus[@]}" "$BIN/zhlint" "${md[@]}"; zh=$(ratio "$WALL" "$w")
      measure_limited "$SLOW_LIMIT" "${in_corpus[@]}" "$BIN/textlint" -c "$PEERS/.textlintrc.json" \
        --rules-base-directory "$PEERS/node_modules" "${md[@]}"
      tl=$(ratio "$WALL" "$w")
      measure_limited "$SLOW_LIMIT" "${in_corpus[@]}" "$BIN/lint-md" "${md[@]}"; lm=$(ratio "$WALL" "$w")
      emit "peers.$row.vs_zhlint" "$zh"; emit "peers.$row.vs_textlint" "$tl"; emit "peers.$row.vs_lintmd" "$lm"
    fi
  fi
  printf '%-9s %8ss %6ss %8s %7s | %8ss %6s× | %7s× %7s× %7s×\n' "$row" "$w" "$wcpu" "$wrss" "$(ratio "$w" "$base")" \
    "$ac" "$acx" "$zh" "$tl" "$lm"
done
echo
echo "faster = peer time / wenfeng time; ×wc = wenfeng time / wc -m time (docx: / unzip -p loop); results in $RESULTS"
