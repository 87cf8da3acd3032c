#!/usr/bin/env bash
# Page estimates against the page counts Word and WPS saved (not run by CI).
# Usage: bench/pages_vs_word.sh [DIR] [BUILD_DIR] [--only LIST] [--except LIST] [--verbose]
#
# DIR (default ../shared/calibration/word-pages relative to the repository root) holds real
# DOCX files and a manifest.json listing, for each, the application that saved it, the page
# count it stored in docProps/app.xml (`pages`), whether that value looks stale
# (`pages_stale`) and the document grid. Files whose saved value is stale are reported but
# left out of the shares. The implied page count is the estimate rounded up.
# Prints, overall and by application and grid type: how many files the implied count equals
# the saved one, how many are within one page, the median signed error (estimate − saved,
# in pages), and the worst files; then the same shares leaving out also the files whose
# saved count wenfeng itself finds stale (saved_stale), and which those are.
# --only / --except take a file listing manifest names (one a line) to select a subset
# (e.g. a hold-out third).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=""
build="$root/build"
only=""
except=""
verbose=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=$2; shift 2 ;;
    --except) except=$2; shift 2 ;;
    --verbose|-v) verbose=1; shift ;;
    *) if [ -z "$dir" ]; then dir=$1; else build=$1; fi; shift ;;
  esac
done
[ -n "$dir" ] || dir="$root/../shared/calibration/word-pages"
[ -f "$dir/manifest.json" ] || { echo "no manifest.json in $dir" >&2; exit 2; }
for list in "$only" "$except"; do
  [ -z "$list" ] || [ -r "$list" ] || { echo "cannot read the file list $list" >&2; exit 2; }
done
[ -x "$build/wenfeng" ] || { echo "build first: $build/wenfeng is missing" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3 (apt-get install python3)" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Only the selected files are read: a held-out part is never opened by a run on the others.
files=()
while IFS= read -r f; do files+=("./$f"); done < <(
  cd "$dir" && for f in *.docx; do
    if [ -n "$only" ] && ! grep -qxF "$f" "$only"; then continue; fi
    if [ -n "$except" ] && grep -qxF "$f" "$except"; then continue; fi
    printf '%s\n' "$f"
  done)
if [ ${#files[@]} -gt 0 ]; then
  (cd "$dir" && "$build/wenfeng" count --format json --jobs 2 "${files[@]}" >"$out" 2>/dev/null) || true
else
  echo '{"files": []}' >"$out"
fi
python3 - "$dir/manifest.json" "$out" "$only" "$except" "$verbose" <<'PY'
import json, math, os, statistics, sys
manifest, result, only, except_, verbose = sys.argv[1:6]
files = json.load(open(manifest))["files"]
est = {}
for f in json.load(open(result))["files"]:
    name = os.path.basename(f["path"])
    if "pages" in f:
        est[name] = f["pages"]
def names(path):
    return {l.strip() for l in open(path) if l.strip()} if path else None
keep, drop = names(only), names(except_)
rows, stale = [], []
for m in files:
    n = m["file"]
    if keep is not None and n not in keep: continue
    if drop is not None and n in drop: continue
    app = m["application"] or ""
    app = "Word" if "Word" in app else "WPS" if "WPS" in app else "other"
    g = (m.get("grid") or {}).get("grid_type") or "none"
    if n not in est:
        print(f"  {n}: no estimate (read error)"); continue
    e = est[n]["estimate"]
    r = dict(file=n, app=app, grid=g, saved=int(m["pages"]), est=e, implied=max(1, math.ceil(e - 1e-9)),
             wenfeng_stale=bool(est[n].get("saved_stale")))
    (stale if m.get("pages_stale") else rows).append(r)
def summary(label, rs):
    if not rs: return
    eq = sum(r["implied"] == r["saved"] for r in rs)
    w1 = sum(abs(r["implied"] - r["saved"]) <= 1 for r in rs)
    med = statistics.median(r["implied"] - r["saved"] for r in rs)
    medf = statistics.median(r["est"] - r["saved"] for r in rs)
    print(f"{label:<24} n={len(rs):>3}  equal {eq:>3} ({100*eq/len(rs):5.1f}%)  within one {w1:>3} ({100*w1/len(rs):5.1f}%)"
          f"  median signed error {med:+.1f} page (estimate {medf:+.2f})")
print(f"pages vs saved page count, {len(rows)} files ({len(stale)} with a stale saved value left out)")
summary("all", rows)
for app in ("Word", "WPS", "other"):
    summary(f"  {app}", [r for r in rows if r["app"] == app])
for g in sorted({r["grid"] for r in rows}):
    summary(f"  grid {g}", [r for r in rows if r["grid"] == g])
for app in ("Word", "WPS", "other"):
    for g in sorted({r["grid"] for r in rows}):
        summary(f"  {app}, grid {g}", [r for r in rows if r["app"] == app and r["grid"] == g])
also = [r for r in rows if r["wenfeng_stale"]]
if also:
    print(f"leaving out also the {len(also)} whose saved value wenfeng finds stale (saved_stale: "
          + ", ".join(r["file"].split("_")[0] for r in also) + "):")
    kept = [r for r in rows if not r["wenfeng_stale"]]
    for app in ("Word", "WPS", "other"):
        summary(f"  {app}", [r for r in kept if r["app"] == app])
worst = sorted(rows, key=lambda r: -abs(r["implied"] - r["saved"]))
print("worst files (file, application, grid, saved, estimate):")
for r in (rows if verbose == "1" else worst[:12]):
    print(f"  {r['file']:<26} {r['app']:<5} {r['grid']:<13} saved {r['saved']:>3}  estimate {r['est']:>6}  ({r['implied']-r['saved']:+d})"
          + ("  saved_stale" if r["wenfeng_stale"] else ""))
PY
