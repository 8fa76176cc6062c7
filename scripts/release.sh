#!/usr/bin/env bash
# Build release archives of zscaler-mcp with SHA-256 checksums (docs/distribution.md).
#
#   scripts/release.sh [--target TRIPLE]... [--binary PATH] [--out DIR]
#
#   --target TRIPLE  a Rust target to build and package; repeatable [default: this machine's
#                    host triple]. Each must be installed (`rustup target list --installed`):
#                    this script never downloads a toolchain.
#   --binary PATH    package this already built binary instead of building (one target only)
#   --out DIR        output directory [default: ~/.cache/zscaler-mcp/dist/<version>]
#
# For each target: zscaler-mcp-<version>-<target>.tar.gz (.zip for Windows targets) holding
#   zscaler-mcp-<version>-<target>/{zscaler-mcp[.exe], README.md, LICENSE (when the repository
#   has one), docs/}
# and, over all archives in DIR, SHA256SUMS (`sha256sum -c SHA256SUMS` verifies). Archives are
# reproducible: sorted entries, owner 0, mtime of the release commit.
# The host triple is built without --target, so it shares target/release with
# `cargo build --release`. Other platforms (macOS, Windows, arm64): the CI recipe in
# docs/release-workflow.yml runs this script on each platform's runner.
# Prints the archive paths, then the SHA256SUMS path, on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
TARGETS=()
BINARY=""
OUT=""

die() { echo "release: ERROR: $*" >&2; exit 1; }
say() { echo "release: $*" >&2; }

while (($#)); do
    case $1 in
        --target) TARGETS+=("${2:?--target needs a triple}"); shift 2 ;;
        --binary) BINARY=${2:?--binary needs a path}; shift 2 ;;
        --out) OUT=${2:?--out needs a directory}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

command -v cargo >/dev/null 2>&1 || die "cargo not found"
HOST=$(rustc -vV 2>/dev/null | sed -n 's/^host: //p')
[[ -n $HOST ]] || die "cannot read the host triple from 'rustc -vV'"
((${#TARGETS[@]})) || TARGETS=("$HOST")
if [[ -n $BINARY ]]; then
    ((${#TARGETS[@]} == 1)) || die "--binary packages one target; give at most one --target"
    [[ -f $BINARY && -x $BINARY ]] || die "--binary $BINARY is not an executable file"
fi

VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version *= *"\(.*\)"/\1/p' "$ROOT/Cargo.toml")
[[ -n $VERSION ]] || die "no [workspace.package] version in Cargo.toml"
OUT=${OUT:-$CACHE/dist/$VERSION}
EPOCH=$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)

if command -v sha256sum >/dev/null 2>&1; then SHA=(sha256sum); else SHA=(shasum -a 256); fi
command -v "${SHA[0]}" >/dev/null 2>&1 || die "neither sha256sum nor shasum found"

INSTALLED=$(rustup target list --installed 2>/dev/null || echo "$HOST")

mkdir -p "$OUT"
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/zscaler-mcp-release.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT

ARCHIVES=()
for target in "${TARGETS[@]}"; do
    exe=zscaler-mcp
    [[ $target == *windows* ]] && exe=zscaler-mcp.exe
    if [[ -n $BINARY ]]; then
        bin=$BINARY
    else
        grep -qx "$target" <<<"$INSTALLED" \
            || die "target $target is not installed (installed: $(tr '\n' ' ' <<<"$INSTALLED")); this machine cannot build it: use the CI recipe in docs/release-workflow.yml"
        start=$SECONDS
        if [[ $target == "$HOST" ]]; then
            cargo build --release --locked -p zscaler-mcp --bin zscaler-mcp --quiet
            bin="$CARGO_TARGET_DIR/release/$exe"
        else
            cargo build --release --locked -p zscaler-mcp --bin zscaler-mcp --target "$target" --quiet
            bin="$CARGO_TARGET_DIR/$target/release/$exe"
        fi
        say "built $target in $((SECONDS - start)) s"
    fi
    if [[ $target == "$HOST" ]]; then
        got=$("$bin" --version </dev/null) || die "$bin --version failed"
        [[ $got == "zscaler-mcp $VERSION" ]] || die "$bin --version printed '$got', expected 'zscaler-mcp $VERSION' (stale binary?)"
    fi

    name="zscaler-mcp-$VERSION-$target"
    dir="$STAGE/$name"
    mkdir -p "$dir"
    install -m 0755 "$bin" "$dir/$exe"
    install -m 0644 "$ROOT/README.md" "$dir/README.md"
    for lic in LICENSE LICENSE.md LICENSE-APACHE NOTICE; do
        [[ -f "$ROOT/$lic" ]] && install -m 0644 "$ROOT/$lic" "$dir/$lic"
    done
    cp -R "$ROOT/docs" "$dir/docs"
    find "$dir" -type d -exec chmod 0755 {} +
    find "$dir/docs" -type f -exec chmod 0644 {} +
    find "$dir" -exec touch -h -d "@$EPOCH" {} +

    if [[ $target == *windows* ]]; then
        command -v zip >/dev/null 2>&1 || die "zip not found (needed for Windows archives)"
        archive="$OUT/$name.zip"
        rm -f "$archive"
        (cd "$STAGE" && find "$name" | LC_ALL=C sort | zip -X -q "$archive" -@)
    else
        archive="$OUT/$name.tar.gz"
        (cd "$STAGE" && find "$name" -print0 | LC_ALL=C sort -z \
            | tar --null --no-recursion -T - --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" -cf -) \
            | gzip -n -6 >"$archive"
    fi
    ARCHIVES+=("$archive")
    say "$(basename "$archive"): $(du -h "$archive" | cut -f1)"
done

# SHA256SUMS covers every archive and bundle (scripts/build-mcpb.sh) of this version in DIR.
(
    cd "$OUT"
    shopt -s nullglob
    all=(zscaler-mcp-"$VERSION"-*.tar.gz zscaler-mcp-"$VERSION"-*.zip zscaler-mcp-"$VERSION"-*.mcpb)
    printf '%s\n' "${all[@]}" | LC_ALL=C sort | while IFS= read -r f; do "${SHA[@]}" "$f"; done >SHA256SUMS.tmp
    mv SHA256SUMS.tmp SHA256SUMS
)
printf '%s\n' "${ARCHIVES[@]}"
echo "$OUT/SHA256SUMS"
