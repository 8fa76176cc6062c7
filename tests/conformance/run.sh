#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance) against
#   - the real server (zscaler-mcp --transport streamable-http), with the expected-failures
#     baselines beside this script: scenarios that need the suite's fixture tools, resources
#     and prompts, which the real server does not have;
#   - the test-only fixture server (crates/conformance-fixture), with no baseline: it has every
#     fixture, so everything must pass;
# each on three suite runs: 0.1.16 --suite all, and 0.2.0-alpha.12 --suite all with
# --spec-version 2025-11-25 and 2026-07-28.
#
#   ZSCALER_MCP_BIN=$HOME/.cache/zscaler-mcp/target/debug/zscaler-mcp \
#   CONFORMANCE_FIXTURE_BIN=$HOME/.cache/zscaler-mcp/target/debug/conformance-fixture \
#   tests/conformance/run.sh
#
# Builds nothing and needs no network: Node 22 and both conformance packages come from
# $ZSCALER_MCP_CACHE/env.sh (written by scripts/bootstrap-test-deps.sh), or from NODE22,
# NPM_PREFIX and NPM_CONFORMANCE_ALPHA_PREFIX when those are already set.
# Exits non-zero when a scenario fails that is not in its baseline, or when a baselined one
# starts passing (stale baseline). CONFORMANCE_OUT=DIR keeps every run's results there.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
STARTUP_TIMEOUT=20   # seconds for a server to answer GET /health
RUN_TIMEOUT=240      # seconds for one suite run

die() { echo "conformance: $*" >&2; exit 2; }

binary() { # binary VAR: check that $VAR names an executable file and print its absolute path
    local var=$1 path=${!1:-}
    [[ -n "$path" ]] || die "$var is not set (e.g. $CACHE/target/debug/${2})"
    [[ -x "$path" && -f "$path" ]] || die "$var=$path is not an executable file"
    echo "$(cd "$(dirname "$path")" && pwd)/$(basename "$path")"
}
REAL_BIN=$(binary ZSCALER_MCP_BIN zscaler-mcp) || exit 2
FIXTURE_BIN=$(binary CONFORMANCE_FIXTURE_BIN conformance-fixture) || exit 2

if [[ -z "${NODE22:-}" || -z "${NPM_PREFIX:-}" || -z "${NPM_CONFORMANCE_ALPHA_PREFIX:-}" ]]; then
    # shellcheck source=/dev/null
    source "$CACHE/env.sh" 2>/dev/null || die "$CACHE/env.sh missing: run scripts/bootstrap-test-deps.sh, or set NODE22, NPM_PREFIX and NPM_CONFORMANCE_ALPHA_PREFIX"
fi
CONFORMANCE_STABLE=$NPM_PREFIX/node_modules/@modelcontextprotocol/conformance/dist/index.js
CONFORMANCE_ALPHA=$NPM_CONFORMANCE_ALPHA_PREFIX/node_modules/@modelcontextprotocol/conformance/dist/index.js
[[ -x "$NODE22" ]] || die "NODE22=$NODE22 is not executable"
node_major=$("$NODE22" -p 'process.versions.node.split(".")[0]' 2>/dev/null) || die "cannot run $NODE22"
[[ "$node_major" -ge 22 ]] || die "NODE22=$NODE22 is Node $node_major; the conformance suite needs Node 22+"
for pkg in "$CONFORMANCE_STABLE" "$CONFORMANCE_ALPHA"; do
    [[ -f "$pkg" ]] || die "$pkg missing: run scripts/bootstrap-test-deps.sh"
done
PATH="$(dirname "$NODE22"):$PATH"
export PATH
export NO_COLOR=1 FORCE_COLOR=0 NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zscaler-mcp-conformance.XXXXXX") || die "cannot create a temporary directory"
OUT=${CONFORMANCE_OUT:-$WORK/results}
mkdir -p "$OUT" || die "cannot create $OUT"

declare -a SERVER_PIDS=()
cleanup() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${SERVER_PIDS[@]}"; do
        wait "$pid" 2>/dev/null
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    "$NODE22" -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

health_ok() { # health_ok PORT
    # shellcheck disable=SC2016  # JavaScript, not shell
    "$NODE22" -e '
        fetch(`http://127.0.0.1:${process.argv[1]}/health`, { signal: AbortSignal.timeout(1000) })
            .then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1));' "$1"
}

# start_server NAME CMD... (the command line ends with --port; the port is appended):
# starts it on a free port, waits for GET /health == 200, sets PORT.
start_server() {
    local name=$1; shift
    local attempt pid log deadline
    for attempt in 1 2 3; do
        PORT=$(free_port) || die "cannot find a free port"
        log="$WORK/$name.log"
        # From an empty directory (no .env) and without the caller's ZSCALER_MCP_* settings.
        (
            cd "$WORK" || exit 1
            while read -r var; do unset "$var"; done < <(compgen -e | grep '^ZSCALER_MCP_')
            # HTTP authenticates clients by default; the suite's scenarios run without it.
            export ZSCALER_MCP_AUTH_MODE=none
            exec "$@" "$PORT" >"$log" 2>&1 </dev/null
        ) &
        pid=$!
        SERVER_PIDS+=("$pid")
        deadline=$((SECONDS + STARTUP_TIMEOUT))
        while ((SECONDS < deadline)); do
            if ! kill -0 "$pid" 2>/dev/null; then
                break
            fi
            if health_ok "$PORT"; then
                echo "conformance: $name listening on http://127.0.0.1:$PORT/mcp (pid $pid)"
                return 0
            fi
            sleep 0.2
        done
        kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
        echo "conformance: $name did not come up on port $PORT (attempt $attempt); its log:" >&2
        tail -n 20 "$log" >&2
    done
    die "cannot start $name"
}

declare -a SUMMARY=()
total_scenarios=0 total_ok=0 total_expected=0 total_bad=0 total_stale=0 failed_runs=0

# suite SERVER_NAME PORT LABEL PACKAGE BASELINE|- [conformance args...]
suite() {
    local server=$1 port=$2 label=$3 package=$4 baseline=$5; shift 5
    local tag="$server-$label"
    local results="$OUT/$tag" log="$OUT/$tag.log"
    local -a extra=()
    [[ "$baseline" != - ]] && extra=(--expected-failures "$baseline")
    rm -rf "$results"
    timeout --kill-after=10 "$RUN_TIMEOUT" "$NODE22" "$package" server \
        --url "http://127.0.0.1:$port/mcp" "$@" "${extra[@]}" -o "$results" >"$log" 2>&1 </dev/null
    local code=$?
    local summary_args=(--results "$results" --label "$server $label")
    [[ "$baseline" != - ]] && summary_args+=(--baseline "$baseline")
    local report
    report=$("$NODE22" "$HERE/summarize.mjs" "${summary_args[@]}" 2>&1)
    local verdict=$?
    grep -v '^COUNTS ' <<<"$report"
    local counts
    counts=$(grep '^COUNTS ' <<<"$report" | tail -n1)
    if [[ -n "$counts" ]]; then
        local n ok expected bad stale
        read -r _ n ok expected bad stale _ _ <<<"$counts"
        total_scenarios=$((total_scenarios + n)); total_ok=$((total_ok + ok))
        total_expected=$((total_expected + expected)); total_bad=$((total_bad + bad))
        total_stale=$((total_stale + stale))
    else
        total_bad=$((total_bad + 1))
    fi
    if [[ $code -ne 0 || $verdict -ne 0 ]]; then
        failed_runs=$((failed_runs + 1))
        if [[ $code -ne 0 && $verdict -eq 0 ]]; then
            # The CLI failed where our own reading of its results found nothing wrong.
            total_bad=$((total_bad + 1))
            echo "  the conformance CLI exited $code; last lines of $log:"
            tail -n 25 "$log" | sed 's/^/    /'
        fi
    fi
    SUMMARY+=("$(grep -v '^ ' <<<"$report" | grep -v '^COUNTS ' | head -n1) [cli exit $code]")
}

echo "conformance: real server $REAL_BIN"
echo "conformance: fixture     $FIXTURE_BIN"
echo "conformance: suites      $("$NODE22" -p "require('$NPM_PREFIX/node_modules/@modelcontextprotocol/conformance/package.json').version"), $("$NODE22" -p "require('$NPM_CONFORMANCE_ALPHA_PREFIX/node_modules/@modelcontextprotocol/conformance/package.json').version") (Node $("$NODE22" --version))"

start_server zscaler-mcp "$REAL_BIN" --transport streamable-http --host 127.0.0.1 --port
real_port=$PORT
start_server conformance-fixture "$FIXTURE_BIN" --port
fixture_port=$PORT

suite zscaler-mcp "$real_port" 0.1.16 "$CONFORMANCE_STABLE" "$HERE/baseline-0.1.16.yml" --suite all
suite zscaler-mcp "$real_port" 2025-11-25 "$CONFORMANCE_ALPHA" "$HERE/baseline-2025-11-25.yml" --suite all --spec-version 2025-11-25
suite zscaler-mcp "$real_port" 2026-07-28 "$CONFORMANCE_ALPHA" "$HERE/baseline-2026-07-28.yml" --suite all --spec-version 2026-07-28
suite conformance-fixture "$fixture_port" 0.1.16 "$CONFORMANCE_STABLE" - --suite all
suite conformance-fixture "$fixture_port" 2025-11-25 "$CONFORMANCE_ALPHA" - --suite all --spec-version 2025-11-25
suite conformance-fixture "$fixture_port" 2026-07-28 "$CONFORMANCE_ALPHA" - --suite all --spec-version 2026-07-28

echo
echo "===== conformance summary ====="
printf '%s\n' "${SUMMARY[@]}"
echo "conformance: ${#SUMMARY[@]} runs, $total_scenarios scenarios: $total_ok passed, $total_expected failed as expected (baseline), $total_bad failed unexpectedly or went stale ($total_stale stale entries)"
[[ -n "${CONFORMANCE_OUT:-}" ]] && echo "conformance: results in $OUT"
echo "$total_ok passed, $total_bad failed"
[[ $failed_runs -eq 0 && $total_bad -eq 0 ]]
