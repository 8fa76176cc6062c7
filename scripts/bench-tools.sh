#!/usr/bin/env bash
# Tool-surface benchmark: tools/list context cost (o200k tokens) and latency, next to the
# Python reference server measured in the same run; tools/call overhead over the raw API call.
#
#   scripts/bench-tools.sh
#
# Installs the reference (zscaler-mcp==0.15.4 from PyPI) into $ZSCALER_MCP_CACHE/bench-venv-ref
# once (shared with scripts/bench-startup.sh), then runs `cargo bench --bench tools`.
set -euo pipefail

REF_VERSION=0.15.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}"
VENV="$CACHE/bench-venv-ref"
PYTHON="${PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"

installed_version() {
  "$VENV/bin/python" - <<'PY' 2>/dev/null || true
import importlib.metadata as m
print(m.version("zscaler-mcp"))
PY
}

if [[ "$(installed_version)" != "$REF_VERSION" || ! -x "$VENV/bin/zscaler-mcp" ]]; then
  echo "bench-tools: installing zscaler-mcp==$REF_VERSION into $VENV ..." >&2
  mkdir -p "$CACHE"
  [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "zscaler-mcp==$REF_VERSION" >&2
fi

cd "$ROOT"
ZSCALER_MCP_REFERENCE_BIN="$VENV/bin/zscaler-mcp" exec cargo bench -p zscaler-mcp --bench tools
