# Sourced by the bench scripts: installs the Python reference server (zscaler-mcp==0.15.4 from
# PyPI) once into $ZSCALER_MCP_CACHE/bench-venv-ref and sets REF_VERSION, CACHE, VENV.
# Usage: source "$(dirname "${BASH_SOURCE[0]}")/reference-venv.sh"; ensure_reference_venv NAME

REF_VERSION=0.15.4
CACHE="${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}"
VENV="$CACHE/bench-venv-ref"

reference_version() {
  "$VENV/bin/python" - <<'PY' 2>/dev/null || true
import importlib.metadata as m
print(m.version("zscaler-mcp"))
PY
}

# ensure_reference_venv NAME: NAME prefixes the progress and error lines.
ensure_reference_venv() {
  local name="$1" python="${PYTHON:-python3}"
  if [[ "$(reference_version)" != "$REF_VERSION" || ! -x "$VENV/bin/zscaler-mcp" ]]; then
    echo "$name: installing zscaler-mcp==$REF_VERSION into $VENV ..." >&2
    mkdir -p "$CACHE"
    [[ -x "$VENV/bin/python" ]] || "$python" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      "zscaler-mcp==$REF_VERSION" >&2
    if [[ "$(reference_version)" != "$REF_VERSION" ]]; then
      echo "$name: failed to install zscaler-mcp==$REF_VERSION into $VENV" >&2
      exit 1
    fi
  fi
}
