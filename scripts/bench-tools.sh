#!/usr/bin/env bash
# Tool-surface benchmark: tools/list context cost (o200k tokens) and latency, next to the
# Python reference server measured in the same run; tools/call overhead over the raw API call.
#
#   scripts/bench-tools.sh
#
# Installs the reference (zscaler-mcp==0.15.4 from PyPI) into $ZSCALER_MCP_CACHE/bench-venv-ref
# once (shared with scripts/bench-startup.sh), then runs `cargo bench --bench tools`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
source "$ROOT/scripts/reference-venv.sh"
ensure_reference_venv bench-tools
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"

cd "$ROOT"
ZSCALER_MCP_REFERENCE_BIN="$VENV/bin/zscaler-mcp" exec cargo bench -p zscaler-mcp --bench tools
