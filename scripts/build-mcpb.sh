#!/usr/bin/env bash
# Build the Claude Desktop bundle (.mcpb) of zscaler-mcp for THIS platform, around the native
# binary: no Python, Node or uv at install or run time (docs/distribution.md).
#
#   scripts/build-mcpb.sh [--binary PATH] [--out DIR]
#
#   --binary PATH  the release binary [default: $CARGO_TARGET_DIR/release/zscaler-mcp(.exe),
#                  CARGO_TARGET_DIR defaulting to ~/.cache/zscaler-mcp/target]
#   --out DIR      output directory [default: ~/.cache/zscaler-mcp/dist/<version>]
#
# Writes zscaler-mcp-<version>-<platform>-<arch>.mcpb (a zip: manifest.json, server/zscaler-mcp
# [.exe], README.md, LICENSE when present) and its .sha256 next to it. The manifest comes from
# packaging/mcpb/manifest.json with this build's version, entry point, platform and the
# read-only tools the binary lists (`--list-tools --json`). Needs python3 (stdlib only) to
# write the manifest and the zip; validate with `mcpb validate` / `mcpb info` if you have the
# MCPB CLI. Prints the bundle path on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
TEMPLATE="$ROOT/packaging/mcpb/manifest.json"
BINARY=""
OUT=""
PYTHON=${PYTHON:-python3}

die() { echo "build-mcpb: ERROR: $*" >&2; exit 1; }
say() { echo "build-mcpb: $*" >&2; }

while (($#)); do
    case $1 in
        --binary) BINARY=${2:?--binary needs a path}; shift 2 ;;
        --out) OUT=${2:?--out needs a directory}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

case $(uname -s) in
    Linux) PLATFORM=linux; EXE=zscaler-mcp ;;
    Darwin) PLATFORM=darwin; EXE=zscaler-mcp ;;
    MINGW*|MSYS*|CYGWIN*|Windows_NT) PLATFORM=win32; EXE=zscaler-mcp.exe ;;
    *) die "unsupported OS $(uname -s) (Linux, macOS or Windows)" ;;
esac
case $(uname -m) in
    x86_64|amd64) ARCH=x64 ;;
    aarch64|arm64) ARCH=arm64 ;;
    *) die "unsupported machine $(uname -m)" ;;
esac
BINARY=${BINARY:-$TARGET_DIR/release/$EXE}
[[ -f $BINARY && -x $BINARY ]] || die "no executable at $BINARY: build it with 'cargo build --release -p zscaler-mcp --bin zscaler-mcp' or pass --binary"
command -v "$PYTHON" >/dev/null 2>&1 || die "python3 not found (set PYTHON)"
[[ -f $TEMPLATE ]] || die "$TEMPLATE missing"

version_line=$("$BINARY" --version </dev/null) || die "$BINARY --version failed: is it built for this machine?"
[[ $version_line =~ ^zscaler-mcp\ ([0-9][^ ]*)$ ]] || die "$BINARY --version printed '$version_line'"
VERSION=${BASH_REMATCH[1]}
OUT=${OUT:-$CACHE/dist/$VERSION}
mkdir -p "$OUT"
BUNDLE="$OUT/zscaler-mcp-$VERSION-$PLATFORM-$ARCH.mcpb"

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/zscaler-mcp-mcpb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/bundle/server"
install -m 0755 "$BINARY" "$STAGE/bundle/server/$EXE"
install -m 0644 "$ROOT/README.md" "$STAGE/bundle/README.md"
[[ -f "$ROOT/LICENSE" ]] && install -m 0644 "$ROOT/LICENSE" "$STAGE/bundle/LICENSE"
"$BINARY" --list-tools --json </dev/null >"$STAGE/tools.json" || die "$BINARY --list-tools --json failed"

"$PYTHON" - "$TEMPLATE" "$STAGE/tools.json" "$STAGE/bundle" "$BUNDLE" "$VERSION" "$PLATFORM" "$EXE" <<'PY'
import json
import os
import sys
import zipfile

template, tools_path, bundle_dir, bundle, version, platform, exe = sys.argv[1:]
manifest = json.load(open(template, encoding="utf-8"))
manifest["version"] = version
manifest["server"]["entry_point"] = f"server/{exe}"
manifest["compatibility"]["platforms"] = [platform]
if platform == "win32":
    manifest["server"]["mcp_config"]["command"] = "${__dirname}/server/" + exe


def first_sentence(text: str) -> str:
    cut = text.split(". ", 1)[0].strip()
    cut = cut if cut.endswith(".") else cut + "."
    return cut if len(cut) <= 280 else cut[:277] + "..."


# What a default configuration can show: the read tools (writes need an explicit allowlist).
catalog = json.load(open(tools_path, encoding="utf-8"))
manifest["tools"] = [
    {"name": t["name"], "description": first_sentence(t.get("description") or t.get("title") or t["name"])}
    for service in catalog["services"]
    for t in service["tools"]
    if t.get("action") == "read"
]
manifest["tools_generated"] = True
with open(os.path.join(bundle_dir, "manifest.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False)
    f.write("\n")

# A zip with fixed timestamps and sorted entries; the executable bit is kept for Unix.
tmp = bundle + ".tmp"
with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for dirpath, dirnames, filenames in os.walk(bundle_dir):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            arc = os.path.relpath(path, bundle_dir).replace(os.sep, "/")
            info = zipfile.ZipInfo(arc, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            info.external_attr = (0o100000 | mode) << 16
            with open(path, "rb") as src:
                z.writestr(info, src.read())
os.replace(tmp, bundle)
print(f"build-mcpb: {len(manifest['tools'])} tools listed in the manifest", file=sys.stderr)
PY

if command -v sha256sum >/dev/null 2>&1; then SHA=(sha256sum); else SHA=(shasum -a 256); fi
(cd "$OUT" && "${SHA[@]}" "$(basename "$BUNDLE")" >"$(basename "$BUNDLE").sha256")
say "$(basename "$BUNDLE"): $(du -h "$BUNDLE" | cut -f1) ($PLATFORM-$ARCH, $VERSION)"
echo "$BUNDLE"
