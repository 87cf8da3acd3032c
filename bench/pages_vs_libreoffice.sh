#!/usr/bin/env bash
# Page estimates against LibreOffice (not run by CI: it installs LibreOffice and converts
# dozens of documents). Usage: bench/pages_vs_libreoffice.sh [BUILD_DIR] [N]
#
# 1. Generates N (default 36) DOCX files without a document grid in varied shapes
#    (wenfeng_gen layout-corpus), converts each to PDF with LibreOffice headless, and
#    compares wenfeng's estimate with LibreOffice's pages, both as page counts and as
#    "fractional pages" (full pages + how far down the last page the text ends).
# 2. For gridded documents (the samples, on the GB/T 9704 grid) LibreOffice does not
#    squeeze characters to the grid pitch, so the reference is the grid arithmetic itself:
#    the same draft's 22 lines × 28 characters estimate from its text version.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-36}
out=bench/out/pages
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -q "Noto Serif CJK" || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -q "Liberation Serif" || need+=(fonts-liberation2)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
rm -rf "$out" && mkdir -p "$out/pdf"
"$build/wenfeng_gen" layout-corpus "$out" "$n"
HOME=$(mktemp -d) soffice --headless --convert-to pdf --outdir "$out/pdf" "$out"/*.docx >/dev/null 2>&1

twips_attr() { grep -o "w:$1=\"[0-9-]*\"" <<<"$2" | head -1 | grep -o '[0-9-]*' ; }
printf '| file | wenfeng | LibreOffice pages | LibreOffice fractional | difference |\n|---|---|---|---|---|\n' > "$out/table.md"
within=0; total=0; worst=0; same_count=0
for f in "$out"/*.docx; do
  b=$(basename "$f" .docx)
  pdf="$out/pdf/$b.pdf"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
  page_h=$(pdfinfo "$pdf" | awk '/^Page size:/{print $5}')
  mar=$(unzip -p "$f" word/document.xml | grep -o '<w:pgMar[^>]*>')
  top=$(echo "$(twips_attr top "$mar") / 20" | bc -l)
  bottom=$(echo "$(twips_attr bottom "$mar") / 20" | bc -l)
  last_y=$(pdftotext -f "$pages" -l "$pages" -bbox "$pdf" - | grep -o 'yMax="[0-9.]*"' | grep -o '[0-9.]*' | sort -g | tail -1)
  [ -n "$last_y" ] || last_y=$top
  lo=$(echo "frac = ($last_y - $top) / ($page_h - $top - $bottom); if (frac < 0) frac = 0; if (frac > 1) frac = 1; $pages - 1 + frac" | bc -l)
  est=$("$build/wenfeng" count --jobs 1 "$f" | awk 'NR==2{print $(NF)}')
  diff=$(echo "d = $est - $lo; if (d < 0) d = -d; d" | bc -l)
  total=$((total + 1))
  # As a page count: the estimate's last, partly filled page counts as a page.
  est_pages=$(echo "e = $est; i = e / 1; scale = 0; c = e / 1; if (e > c) c = c + 1; c" | bc -l)
  if [ "$est_pages" = "$pages" ]; then same_count=$((same_count + 1)); fi
  if (( $(echo "$diff <= 0.5" | bc -l) )); then within=$((within + 1)); fi
  if (( $(echo "$diff > $worst" | bc -l) )); then worst=$diff; fi
  printf '| %s | %s | %s | %.2f | %.2f |\n' "$b" "$est" "$pages" "$lo" "$diff" >> "$out/table.md"
done
cat "$out/table.md"
printf '\nwithin 0.5 page: %d of %d (%.0f%%); largest difference %.2f page; same page count: %d of %d\n' \
  "$within" "$total" "$(echo "100 * $within / $total" | bc -l)" "$worst" "$same_count" "$total" | tee "$out/summary.txt"

echo
echo "Gridded samples (GB/T 9704 grid): DOCX estimate vs grid arithmetic of the same text"
printf '| sample | DOCX estimate | grid arithmetic (text) | difference |\n|---|---|---|---|\n' | tee "$out/grid.md"
for d in samples/*/*.docx; do
  t=${d%.docx}.txt
  [ -f "$t" ] || continue
  a=$("$build/wenfeng" count --jobs 1 "$d" | awk 'NR==2{print $(NF)}')
  g=$("$build/wenfeng" count --jobs 1 "$t" | awk 'NR==2{print $(NF)}')
  printf '| %s | %s | %s | %.1f |\n' "$d" "$a" "$g" "$(echo "d = $a - $g; if (d < 0) d = -d; d" | bc -l)" | tee -a "$out/grid.md"
done
