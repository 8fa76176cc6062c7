#!/usr/bin/env bash
# Real-MCP-client test suites against a built zscaler-mcp binary:
#   python  (PyPI mcp 2.3.0: stdio / streamable HTTP / legacy SSE, legacy + 2026-07-28)
#   ts      (@modelcontextprotocol/sdk 1.32: stdio / streamable HTTP / SSE)
#   inspector (@modelcontextprotocol/inspector 2.12 --cli: stdio / http / sse)
#
#   ZSCALER_MCP_BIN=$HOME/.cache/zscaler-mcp/target/debug/zscaler-mcp tests/clients/run.sh
#
# Runs scripts/bootstrap-test-deps.sh first (a no-op when the cache is current; set
# ZSCALER_MCP_SKIP_BOOTSTRAP=1 to only source the existing env.sh). Runs every suite even
# when an earlier one fails; exits non-zero if any failed. Extra args go to pytest.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}

if [[ -z "${ZSCALER_MCP_BIN:-}" ]]; then
    echo "clients: ZSCALER_MCP_BIN is not set (e.g. $CACHE/target/debug/zscaler-mcp)" >&2
    exit 2
fi
if [[ ! -x "$ZSCALER_MCP_BIN" ]]; then
    echo "clients: ZSCALER_MCP_BIN=$ZSCALER_MCP_BIN is not an executable file" >&2
    exit 2
fi
ZSCALER_MCP_BIN=$(cd "$(dirname "$ZSCALER_MCP_BIN")" && pwd)/$(basename "$ZSCALER_MCP_BIN")
export ZSCALER_MCP_BIN

version_out=$(timeout 10 "$ZSCALER_MCP_BIN" --version 2>&1 </dev/null) || true
if [[ ! "$version_out" =~ ^zscaler-mcp\ [0-9] ]]; then
    echo "clients: '$ZSCALER_MCP_BIN --version' printed '$version_out', expected 'zscaler-mcp <version>'" >&2
    exit 2
fi
echo "clients: testing $ZSCALER_MCP_BIN ($version_out)"

if [[ "${ZSCALER_MCP_SKIP_BOOTSTRAP:-}" != 1 ]]; then
    bash "$ROOT/scripts/bootstrap-test-deps.sh" >/dev/null || { echo "clients: bootstrap failed" >&2; exit 2; }
fi
# shellcheck source=/dev/null
source "$CACHE/env.sh" || { echo "clients: $CACHE/env.sh missing; run scripts/bootstrap-test-deps.sh" >&2; exit 2; }

export PYTHONDONTWRITEBYTECODE=1 NO_COLOR=1
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
LOGDIR=$(mktemp -d "${TMPDIR:-/tmp}/zscaler-mcp-clients.XXXXXX")
trap 'rm -rf "$LOGDIR"' EXIT

declare -a NAMES=() CODES=() SUMMARY=()
total_pass=0
total_fail=0

# run_suite NAME CMD...: run with a time limit, stream output, remember the exit code and counts.
run_suite() {
    local name=$1; shift
    local log="$LOGDIR/$name.log"
    echo
    echo "===== $name ====="
    timeout --kill-after=10 600 "$@" 2>&1 | tee "$log"
    local code=${PIPESTATUS[0]}
    NAMES+=("$name"); CODES+=("$code")
    local p f
    if [[ $name == python ]]; then
        # pytest's closing line, e.g. "29 passed, 2 failed, 1 error in 20.1s"
        local last; last=$(grep -E '^(=+ )?[0-9]+ (passed|failed|error)' "$log" | tail -n1)
        p=$(grep -oE '[0-9]+ passed' <<<"$last" | grep -oE '[0-9]+' || true)
        f=$(( $(grep -oE '[0-9]+ failed' <<<"$last" | grep -oE '[0-9]+' || echo 0) \
            + $(grep -oE '[0-9]+ errors?' <<<"$last" | grep -oE '[0-9]+' || echo 0) ))
    else
        # node --test spec reporter: "ℹ pass N" / "ℹ fail N"
        p=$(grep -oE '^ℹ pass [0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+$' || true)
        f=$(grep -oE '^ℹ fail [0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+$' || true)
    fi
    p=${p:-0}; f=${f:-0}
    # A runner that failed without reporting a failed test (crash, timeout) counts as one failure.
    if [[ $code -ne 0 && $f -eq 0 ]]; then f=1; fi
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
    SUMMARY+=("$(printf '%-10s exit %-3s %s passed, %s failed' "$name" "$code" "$p" "$f")")
}

cd "$ROOT" || exit 2
run_suite python "$PY" -m pytest "$ROOT/tests/clients/python" -q "$@"
run_suite ts "$NODE22" --test --test-reporter=spec "$ROOT/tests/clients/ts/clients.test.mjs" \
    "$ROOT/tests/clients/ts/oauth.test.mjs"
run_suite inspector env NODE_TEST_REPORTER=spec bash "$ROOT/tests/clients/inspector/run.sh"

echo
echo "===== summary ====="
status=0
for i in "${!NAMES[@]}"; do
    echo "${SUMMARY[$i]}"
    [[ ${CODES[$i]} -eq 0 ]] || status=1
done
echo "clients: $total_pass passed, $total_fail failed"
exit $status
