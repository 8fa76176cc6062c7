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

REF_VERSION=0.15.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}"
VENV="$CACHE/bench-venv-ref"
PYTHON="${PYTHON:-python3}"
RUST_BIN="${ZSCALER_MCP_BIN:-$CACHE/target/release/zscaler-mcp}"

installed_version() {
  "$VENV/bin/python" - <<'EOF' 2>/dev/null || true
import importlib.metadata as m
print(m.version("zscaler-mcp"))
EOF
}

if [[ "$(installed_version)" != "$REF_VERSION" || ! -x "$VENV/bin/zscaler-mcp" ]]; then
  echo "bench-startup: installing zscaler-mcp==$REF_VERSION into $VENV ..." >&2
  mkdir -p "$CACHE"
  [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "zscaler-mcp==$REF_VERSION" >&2
  if [[ "$(installed_version)" != "$REF_VERSION" ]]; then
    echo "bench-startup: failed to install zscaler-mcp==$REF_VERSION into $VENV" >&2
    exit 1
  fi
fi

# The harness is stdlib-only; run it with the venv's interpreter (a known 3.11
# that is guaranteed to exist once the venv does).
exec "$VENV/bin/python" "$ROOT/bench/startup/bench_startup.py" \
  --python-bin "$VENV/bin/zscaler-mcp" \
  --rust-bin "$RUST_BIN" \
  "$@"
