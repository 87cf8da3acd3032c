#!/usr/bin/env bash
# ctest entry for the page's browser test: `run.sh BINARY SOURCE_DIR`. Exits 77 (skipped,
# with the reason) when Node, Chromium or playwright-core is missing; scripts/bootstrap
# installs all three.
set -euo pipefail
binary=$1
source=$2
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node is not installed (scripts/bootstrap installs nodejs)"
  exit 77
fi
shot=${WENFENG_BROWSER_SCREENSHOT:-}
exec node "$here/page_test.mjs" --binary "$binary" --source "$source" ${shot:+--screenshot "$shot"}
