#!/usr/bin/env bash
# MCP Inspector CLI checks against $ZSCALER_MCP_BIN (stdio, streamable HTTP, legacy SSE).
#   ZSCALER_MCP_BIN=... tests/clients/inspector/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${ZSCALER_MCP_BIN:?ZSCALER_MCP_BIN must point at the built zscaler-mcp binary}"
ENV_SH="${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}/env.sh"
if [[ -z "${NODE22:-}" ]]; then
    [[ -f "$ENV_SH" ]] || { echo "inspector: $ENV_SH missing; run scripts/bootstrap-test-deps.sh" >&2; exit 1; }
    # shellcheck source=/dev/null
    source "$ENV_SH"
fi
exec "$NODE22" --test --test-reporter="${NODE_TEST_REPORTER:-spec}" "$HERE/inspector.test.mjs"
