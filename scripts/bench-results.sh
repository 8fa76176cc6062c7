#!/usr/bin/env bash
# Result-token benchmark: o200k_base tokens per row of every list tool both servers have, ours
# next to the Python reference server, on the same sandbox data in the same run.
#
#   scripts/bench-results.sh
#
# Installs the reference (zscaler-mcp==0.15.4 from PyPI) into $ZSCALER_MCP_CACHE/bench-venv-ref
# once (shared with scripts/bench-tools.sh and scripts/bench-startup.sh), then runs
# `cargo bench --bench results`: scripts/bench_results.py (run with that venv's Python, which
# has the `mcp` client) starts one TLS sandbox, reaches it from the reference through name
# resolution inside its Python (no /etc/hosts change) and from ours through a base URL, calls
# every common list tool with no arguments, and the bench counts the tokens and prints the table.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
source "$ROOT/scripts/reference-venv.sh"
ensure_reference_venv bench-results
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"

cd "$ROOT"
ZSCALER_MCP_REFERENCE_BIN="$VENV/bin/zscaler-mcp" ZSCALER_MCP_BENCH_PYTHON="$VENV/bin/python" \
  exec cargo bench -p zscaler-mcp --bench results
