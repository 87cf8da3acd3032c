#!/usr/bin/env bash
# Load benchmark of `wenfeng serve` (issue 17): requests per second and p99 latency of
# POST /v1/check for a 3 KB draft and a ~1 MB DOCX at 1, 8 and 64 concurrent clients, with
# the server's peak RSS. Traffic goes to 127.0.0.1 only, each run is bounded in time.
#
#   bench/serve.sh [BUILD_DIR] [SECONDS_PER_RUN]     (defaults: build, 5)
#
# Needs wrk (Debian package, installed by scripts/bootstrap). Prints one line per run:
#   draft-3k  c=8   requests=…  errors=0  rps=…  p99_ms=…
# and the server's peak RSS (VmHWM) at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
secs=${2:-5}
out=bench/out/serve
mkdir -p "$out"
command -v wrk >/dev/null || { echo "bench/serve.sh: wrk is not installed (scripts/bootstrap)" >&2; exit 2; }

# Inputs: a real 3 KB draft, and a DOCX of about 1 MB generated from repeated drafts
# (written the way Word writes: runs split every few characters).
small=samples/jinxiang/research-main-long.txt
: > "$out/long.txt"
for _ in $(seq 1 135); do cat samples/jinxiang/research-main-long.txt samples/daxing/exchange-speech.txt >> "$out/long.txt"; done
"$build/wenfeng_gen" docx "$out/long.txt" "$out/big.docx" >/dev/null
printf 'inputs: %s (%d bytes), %s (%d bytes)\n' "$small" "$(stat -c %s "$small")" "$out/big.docx" "$(stat -c %s "$out/big.docx")"

"$build/wenfeng" serve --port 0 --threads 80 > "$out/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q 'http://' "$out/server.log" && break; sleep 0.1; done
port=$(grep -o ':[0-9][0-9]*/' "$out/server.log" | head -1 | tr -d ':/')
[ -n "$port" ] || { echo "bench/serve.sh: the server did not start" >&2; cat "$out/server.log" >&2; exit 2; }

cat > "$out/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("WENFENG_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = os.getenv("WENFENG_TYPE")
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p99_ms=%.1f\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000))
end
LUA

# Requests a run leaves behind when wrk stops are still checked: wait for them, so that
# the next run starts with an empty queue.
drain() {
  for _ in $(seq 1 600); do
    m=$(curl -s --noproxy '*' "http://127.0.0.1:$port/metrics")
    if grep -q '^wenfeng_checks_in_flight 0$' <<<"$m" && grep -q '^wenfeng_checks_waiting 0$' <<<"$m"; then return; fi
    sleep 0.5
  done
}

run() {  # name body content-type query clients [seconds]
  local name=$1 body=$2 type=$3 query=$4 c=$5 d=${6:-$secs}
  local t=$(( c < 2 ? c : 2 ))
  local line
  line=$(WENFENG_BODY=$body WENFENG_TYPE=$type wrk -t "$t" -c "$c" -d "${d}s" --timeout 150s -s "$out/post.lua" \
         "http://127.0.0.1:$port/v1/check?$query" | grep '^RESULT' | sed 's/^RESULT //')
  printf '%-9s c=%-3d %3ds %s\n' "$name" "$c" "$d" "$line"
  drain
}

# One request each first: the answer must be a report, not an error.
curl -sf --noproxy '*' -o /dev/null -H 'Content-Type: text/plain' --data-binary @"$small" \
  "http://127.0.0.1:$port/v1/check?filename=draft.txt&profile=jinxiang" || { echo "small draft refused" >&2; exit 2; }
curl -sf --noproxy '*' -o /dev/null -H 'Content-Type: application/octet-stream' --data-binary @"$out/big.docx" \
  "http://127.0.0.1:$port/v1/check?filename=big.docx" || { echo "big DOCX refused" >&2; exit 2; }

for c in 1 8 64; do run draft-3k "$small" "text/plain" "filename=draft.txt&profile=jinxiang" "$c"; done
# At 64 clients each DOCX waits for 63 others (about 0.3 s of CPU each on two cores): the
# run is long enough for every client to be answered several times.
for c in 1 8; do run docx-1m "$out/big.docx" "application/octet-stream" "filename=big.docx" "$c" $((secs * 2)); done
run docx-1m "$out/big.docx" "application/octet-stream" "filename=big.docx" 64 $((secs * 8 > 40 ? secs * 8 : 40))
printf 'server peak RSS: %s\n' "$(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
printf 'server errors counted: %s\n' "$(curl -s --noproxy '*' "http://127.0.0.1:$port/metrics" | grep -c '^wenfeng_errors_total' || true)"
