#!/usr/bin/env bash
# Stdio startup benchmark: Rust zscaler-mcp vs the Python reference
# (zscaler-mcp 0.15.4), measured in the same run.  A benchmark, not a test:
# it prints figures, ratios and whether the targets are met; it exits non-zero
# only when a server fails to start or answer.
#
#   scripts/bench-startup.sh [--runs N] [--warm M] [--warmup K]
#                            [--servers python,rust] [--json] ...
#
# Environment:
#   ZSCALER_MCP_CACHE  cache dir (default ~/.cache/zscaler-mcp); the reference
#                      venv lives in $ZSCALER_MCP_CACHE/bench-venv-ref
#   ZSCALER_MCP_BIN    Rust binary (default $ZSCALER_MCP_CACHE/target/release/zscaler-mcp)
#   PYTHON             interpreter used to create the venv (default python3)
#
# All arguments are forwarded to bench/startup/bench_startup.py (see --help).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
source "$ROOT/scripts/reference-venv.sh"
ensure_reference_venv bench-startup
RUST_BIN="${ZSCALER_MCP_BIN:-$CACHE/target/release/zscaler-mcp}"

# The harness is stdlib-only; run it with the venv's interpreter (a known 3.11
# that is guaranteed to exist once the venv does).
exec "$VENV/bin/python" "$ROOT/bench/startup/bench_startup.py" \
  --python-bin "$VENV/bin/zscaler-mcp" \
  --rust-bin "$RUST_BIN" \
  "$@"
