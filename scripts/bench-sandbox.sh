#!/usr/bin/env bash
# Sandbox benchmark (a command, not a test): GET throughput and memory of the simulated tenant,
# so that it is never the bottleneck when the server is measured. Starts a release
# `zscaler-mcp sandbox --scale N` on loopback, fetches a token, and drives it with wrk
# (installed from Debian's packages if missing). Prints requests/s per endpoint, the target
# (over 20,000 GET requests/s on 2 cores), and the process's RSS after seeding and after load.
#
#   scripts/bench-sandbox.sh [--scale 50000] [--seconds 10] [--connections 64]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
SCALE=50000 SECONDS_=10 CONNECTIONS=64
while [[ $# -gt 0 ]]; do
    case $1 in
        --scale) SCALE=$2; shift 2 ;;
        --seconds) SECONDS_=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        *) echo "bench-sandbox: unknown argument $1 (accepted: --scale N, --seconds N, --connections N)" >&2; exit 2 ;;
    esac
done

if ! command -v wrk >/dev/null 2>&1; then
    (apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }) >/dev/null 2>&1 \
        || { echo "bench-sandbox: wrk is not installed and could not be installed" >&2; exit 1; }
fi
BIN=${ZSCALER_MCP_BIN:-$CARGO_TARGET_DIR/release/zscaler-mcp}
if [[ -z "${ZSCALER_MCP_BIN:-}" ]]; then
    (cd "$ROOT" && cargo build --release -p zscaler-mcp --quiet)
fi

OUT=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null; rm -rf "$OUT"' EXIT
started=$(date +%s%N)
"$BIN" sandbox --scale "$SCALE" >"$OUT/info" 2>"$OUT/log" &
PID=$!
for _ in $(seq 1 600); do
    [[ $(wc -l <"$OUT/info") -ge 7 ]] && break
    sleep 0.05
done
ready=$(date +%s%N)
value() { grep "^$1: " "$OUT/info" | cut -d' ' -f2-; }
BASE=$(value base_url)
[[ -n "$BASE" ]] || { echo "bench-sandbox: the sandbox did not start"; cat "$OUT/log"; exit 1; }
TOKEN=$(curl -s -X POST "$(value token_url)" -d grant_type=client_credentials -d "client_id=$(value client_id)" \
    -d "client_secret=$(value client_secret)" -d audience=https://api.zscaler.com | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
rss() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status"; }
hwm() { awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status"; }
echo "sandbox --scale $SCALE: ready in $(( (ready - started) / 1000000 )) ms, RSS $(rss) MiB (peak $(hwm) MiB)"
echo
printf '%-58s %12s %10s %10s\n' "GET endpoint" "requests/s" "p50" "p99"
best=0
run() {
    local path=$1
    local res
    res=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -H "Authorization: Bearer $TOKEN" "$BASE$path" 2>&1)
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$res")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$res")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$res")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$res" || true)
    printf '%-58s %12s %10s %10s\n' "$path" "$rps" "$p50" "$p99"
    [[ -z "$errors" ]] || echo "  ! $errors"
    best=$(awk -v a="$best" -v b="$rps" 'BEGIN {print (b > a) ? b : a}')
}
run "/zia/api/v1/status"
run "/zia/api/v1/firewallFilteringRules/$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/zia/api/v1/firewallFilteringRules?page=1&pageSize=1" | sed -E 's/^\[\{"id":([0-9]+).*/\1/')"
run "/zia/api/v1/users?page=1&pageSize=100"
echo
echo "RSS after load: $(rss) MiB (peak $(hwm) MiB)"
awk -v b="$best" 'BEGIN {printf "best GET throughput %.0f requests/s: target > 20000 requests/s: %s\n", b, (b > 20000) ? "MET" : "NOT MET"}'
echo "(wrk and the sandbox share this machine's $(nproc) cores)"
