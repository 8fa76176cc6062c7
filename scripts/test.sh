#!/usr/bin/env bash
# The project's test command (README; .ci/run calls it). On a fresh machine it installs what
# the tests need by itself (Python venv with mcp==2.3.0, Node 22, npm packages: see
# scripts/bootstrap-test-deps.sh), caching them and the build outside the clone.
#
#   scripts/test.sh
#
# Stages: format and lint; Rust unit and integration tests; the release build; real MCP clients
# (Python mcp, TypeScript SDK, Inspector CLI) over stdio, streamable HTTP and SSE, with the
# packaging tests (OCI image, Kubernetes manifests, release archives, MCPB bundle); the official conformance
# suite against the server (with its baselines) and against the test-only fixture server.
# Ends with one line: "N passed, M failed".
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export CARGO_TERM_COLOR=never
# A test run compiles once: no incremental state (it grew the shared cache by tens of GB a run).
export CARGO_INCREMENTAL=0
cd "$ROOT" || exit 2

STARTED=$SECONDS
LOGDIR=$(mktemp -d "${TMPDIR:-/tmp}/zscaler-mcp-test.XXXXXX")
trap 'rm -rf "$LOGDIR"' EXIT
passed=0
failed=0
status=0

stage() { echo; echo "===== $* ====="; }
fail() { echo "FAILED: $*"; status=1; }

stage "format and lint"
if cargo fmt --all -- --check >"$LOGDIR/fmt.log" 2>&1; then
    echo "cargo fmt: clean"
else
    cat "$LOGDIR/fmt.log"; fail "cargo fmt --check"
    failed=$((failed + 1))
fi
if cargo clippy --workspace --all-targets --quiet -- -D warnings >"$LOGDIR/clippy.log" 2>&1; then
    echo "cargo clippy: clean"
else
    cat "$LOGDIR/clippy.log"; fail "cargo clippy"
    failed=$((failed + 1))
fi

stage "build"
if ! cargo build --workspace --bins --quiet 2>&1; then
    fail "cargo build"
    echo "0 passed, 1 failed"
    exit 1
fi
BIN="$CARGO_TARGET_DIR/debug/zscaler-mcp"
FIXTURE="$CARGO_TARGET_DIR/debug/conformance-fixture"

stage "rust tests"
cargo test --workspace --quiet 2>&1 | tee "$LOGDIR/cargo-test.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || fail "cargo test"
p=$(awk '/^test result:/ {for (i = 1; i <= NF; i++) if ($(i+1) ~ /^passed/) s += $i} END {print s + 0}' "$LOGDIR/cargo-test.log")
f=$(awk '/^test result:/ {for (i = 1; i <= NF; i++) if ($(i+1) ~ /^failed/) s += $i} END {print s + 0}' "$LOGDIR/cargo-test.log")
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))

stage "test dependencies"
if ! bash scripts/bootstrap-test-deps.sh; then
    fail "bootstrap of test dependencies"
    echo "$passed passed, $((failed + 1)) failed"
    exit 1
fi

stage "release build"
# The packaging tests (test_image.py, test_distribution.py) package the release binary. Its
# dependencies stay compiled in the cache; after a change only the server crate and the thin
# LTO step are redone.
release_start=$SECONDS
RELEASE_BIN="$CARGO_TARGET_DIR/release/zscaler-mcp.build-failed"  # the tests then fail, not skip
if cargo build --release --locked -p zscaler-mcp --bin zscaler-mcp --quiet 2>&1; then
    RELEASE_BIN="$CARGO_TARGET_DIR/release/zscaler-mcp"
    echo "cargo build --release: $((SECONDS - release_start)) s"
else
    fail "cargo build --release"
    failed=$((failed + 1))
fi

stage "real MCP clients"
: >"$LOGDIR/timings.txt"
ZSCALER_MCP_BIN="$BIN" ZSCALER_MCP_RELEASE_BIN="$RELEASE_BIN" ZSCALER_MCP_TIMINGS="$LOGDIR/timings.txt" \
    ZSCALER_MCP_SKIP_BOOTSTRAP=1 bash tests/clients/run.sh 2>&1 | tee "$LOGDIR/clients.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || fail "client suites"
line=$(grep -E '^clients: [0-9]+ passed, [0-9]+ failed' "$LOGDIR/clients.log" | tail -n1)
passed=$((passed + $(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || echo 0)))
failed=$((failed + $(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || echo 1)))
if [[ -s "$LOGDIR/timings.txt" ]]; then
    echo "packaging steps (image, archives, bundle, manifests):"
    sed 's/^/  /' "$LOGDIR/timings.txt"
fi

stage "conformance suite"
ZSCALER_MCP_BIN="$BIN" CONFORMANCE_FIXTURE_BIN="$FIXTURE" bash tests/conformance/run.sh 2>&1 | tee "$LOGDIR/conformance.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || fail "conformance"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGDIR/conformance.log" | tail -n1)
passed=$((passed + $(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || echo 0)))
failed=$((failed + $(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || echo 1)))

echo
[[ $status -eq 0 ]] && echo "all stages passed" || echo "some stages FAILED (see above)"
elapsed=$((SECONDS - STARTED))
echo "duration: $((elapsed / 60)) min $((elapsed % 60)) s"
echo "$passed passed, $failed failed"
exit $status
