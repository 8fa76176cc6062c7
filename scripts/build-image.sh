#!/usr/bin/env bash
# Build the zscaler-mcp OCI image OFFLINE with buildah, from an already built release binary:
# no base image, no registry, no network. The image holds only the binary, the shared libraries
# it links (found with ldd), CA certificates, /etc/passwd and /etc/group with the non-root user,
# and /tmp. Its configuration matches the Dockerfile (docs/container.md).
#
#   cargo build --release -p zscaler-mcp --bin zscaler-mcp
#   scripts/build-image.sh [--binary PATH] [--output PATH] [--tag NAME:TAG] [--source URL]
#
#   --binary PATH   the release binary [default: $CARGO_TARGET_DIR/release/zscaler-mcp, with
#                   CARGO_TARGET_DIR defaulting to ~/.cache/zscaler-mcp/target]
#   --output PATH   where to write the image: a path ending in .tar is an OCI archive, anything
#                   else an OCI layout directory [default:
#                   ~/.cache/zscaler-mcp/image/zscaler-mcp-<version>-linux-<arch>.oci.tar]
#   --tag NAME:TAG  the reference stored in the archive [default: zscaler-mcp:<version>]
#   --source URL    org.opencontainers.image.source [default: $ZSCALER_MCP_SOURCE_URL or the
#                   project URL below]
#
# Load the result with `skopeo copy oci-archive:FILE docker-daemon:zscaler-mcp:TAG`,
# `podman load -i FILE` or `docker load` (Docker 25+ reads OCI archives).
# buildah runs with the vfs storage driver and chroot isolation in a private temporary store,
# so it needs neither overlayfs nor user namespaces (run as root); the store is removed on exit.
# Prints the output path on the last line of stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${ZSCALER_MCP_CACHE:-$HOME/.cache/zscaler-mcp}
TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
BINARY="$TARGET_DIR/release/zscaler-mcp"
OUTPUT=""
TAG=""
SOURCE_URL=${ZSCALER_MCP_SOURCE_URL:-https://github.com/zscaler/zscaler-mcp}
BUILDAH=${BUILDAH:-buildah}

# The image's user: distroless's "nonroot", so the Dockerfile and this image agree.
UID_NONROOT=65532
GID_NONROOT=65532

die() { echo "build-image: ERROR: $*" >&2; exit 1; }
say() { echo "build-image: $*" >&2; }

while (($#)); do
    case $1 in
        --binary) BINARY=${2:?--binary needs a path}; shift 2 ;;
        --output) OUTPUT=${2:?--output needs a path}; shift 2 ;;
        --tag) TAG=${2:?--tag needs NAME:TAG}; shift 2 ;;
        --source) SOURCE_URL=${2:?--source needs a URL}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

command -v "$BUILDAH" >/dev/null 2>&1 || die "buildah not found (apt-get install buildah; scripts/bootstrap-test-deps.sh installs it)"
command -v ldd >/dev/null 2>&1 || die "ldd not found (it lists the libraries to copy)"
[[ $(id -u) -eq 0 ]] || die "run as root: buildah's vfs store and chroot isolation need it here"
[[ -f "$BINARY" && -x "$BINARY" ]] || die "no executable at $BINARY: build it with 'cargo build --release -p zscaler-mcp --bin zscaler-mcp' or pass --binary"
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
[[ -s "$CA_BUNDLE" ]] || die "$CA_BUNDLE missing (apt-get install ca-certificates)"

version_line=$("$BINARY" --version 2>/dev/null </dev/null) || die "$BINARY --version failed: is it built for this machine?"
[[ $version_line =~ ^zscaler-mcp\ ([0-9][^ ]*)$ ]] || die "$BINARY --version printed '$version_line', expected 'zscaler-mcp <version>'"
VERSION=${BASH_REMATCH[1]}
case $(uname -m) in
    x86_64) ARCH=amd64 ;;
    aarch64|arm64) ARCH=arm64 ;;
    *) die "unsupported machine $(uname -m) (amd64 or arm64)" ;;
esac
TAG=${TAG:-zscaler-mcp:$VERSION}
OUTPUT=${OUTPUT:-$CACHE/image/zscaler-mcp-$VERSION-linux-$ARCH.oci.tar}
case $OUTPUT in
    "$ROOT"/*) die "--output $OUTPUT is inside the repository; write images elsewhere" ;;
esac
if [[ $OUTPUT == *.tar ]]; then DEST="oci-archive:$OUTPUT:$TAG"; else DEST="oci:$OUTPUT:$TAG"; fi
REVISION=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
CREATED_EPOCH=$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)
CREATED=$(date -u -d "@$CREATED_EPOCH" +%Y-%m-%dT%H:%M:%SZ)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zscaler-mcp-image.XXXXXX")
CTR=""
B=("$BUILDAH" --root "$WORK/storage" --runroot "$WORK/run" --storage-driver vfs)
cleanup() {
    if [[ -n $CTR ]]; then "${B[@]}" rm "$CTR" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# ------------------------------------------------------------------ the root filesystem
FS="$WORK/rootfs"
mkdir -p "$FS/usr/local/bin" "$FS/etc/ssl/certs" "$FS/tmp" "$FS/home/nonroot"
chmod 1777 "$FS/tmp"
chown "$UID_NONROOT:$GID_NONROOT" "$FS/home/nonroot"
install -m 0755 "$BINARY" "$FS/usr/local/bin/zscaler-mcp"

# Every shared object the binary needs, at the path the loader looks for it (the interpreter's
# absolute path, e.g. /lib64/ld-linux-x86-64.so.2, and the resolved library paths).
libs=$(ldd "$BINARY" | awk '
    $2 == "=>" && $3 ~ /^\// { print $3; next }
    $1 ~ /^\// { print $1 }
    $2 == "=>" && $3 == "not" { print "MISSING:" $1 }')
[[ $libs != *MISSING:* ]] || die "ldd cannot resolve: $(grep -o 'MISSING:[^ ]*' <<<"$libs" | tr '\n' ' ')"
[[ -n $libs ]] || die "ldd found no libraries: a static binary needs no libraries, but this script expects the glibc build"
for lib in $libs; do
    mkdir -p "$FS$(dirname "$lib")"
    cp -L "$lib" "$FS$lib"
done
say "libraries: $(tr '\n' ' ' <<<"$libs")"

cp -L "$CA_BUNDLE" "$FS/etc/ssl/certs/ca-certificates.crt"
chmod 0644 "$FS/etc/ssl/certs/ca-certificates.crt"
cat >"$FS/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:$UID_NONROOT:$GID_NONROOT:zscaler-mcp:/home/nonroot:/sbin/nologin
EOF
cat >"$FS/etc/group" <<EOF
root:x:0:
nonroot:x:$GID_NONROOT:
EOF
# glibc's resolver: files then DNS (nss_files and nss_dns are inside libc since 2.34).
echo 'hosts: files dns' >"$FS/etc/nsswitch.conf"
chmod 0644 "$FS/etc/passwd" "$FS/etc/group" "$FS/etc/nsswitch.conf"

# ------------------------------------------------------------------ the image
CTR=$("${B[@]}" from --quiet scratch)
# Copied through a mount (not `buildah copy`, which makes every file root's): /home/nonroot
# stays the user's and /tmp keeps its sticky bit.
MNT=$("${B[@]}" mount "$CTR")
cp -a "$FS/." "$MNT/"
"${B[@]}" umount "$CTR" >/dev/null
"${B[@]}" config \
    --os linux --arch "$ARCH" \
    --user "$UID_NONROOT:$GID_NONROOT" \
    --workingdir /home/nonroot \
    --entrypoint '["/usr/local/bin/zscaler-mcp"]' \
    --cmd '' \
    --env ZSCALER_MCP_TRANSPORT=streamable-http \
    --env ZSCALER_MCP_HOST=0.0.0.0 \
    --env ZSCALER_MCP_PORT=8000 \
    --env ZSCALER_MCP_STATELESS_HTTP=true \
    --env ZSCALER_MCP_LOG_FORMAT=json \
    --port 8000/tcp \
    --stop-signal SIGTERM \
    --label org.opencontainers.image.title=zscaler-mcp \
    --label "org.opencontainers.image.description=MCP server for the Zscaler Zero Trust Exchange" \
    --label "org.opencontainers.image.version=$VERSION" \
    --label "org.opencontainers.image.revision=$REVISION" \
    --label "org.opencontainers.image.source=$SOURCE_URL" \
    --label "org.opencontainers.image.created=$CREATED" \
    --label org.opencontainers.image.licenses=Apache-2.0 \
    "$CTR"

mkdir -p "$(dirname "$OUTPUT")"
rm -rf "$OUTPUT"
"${B[@]}" commit --quiet --format oci --disable-compression=false --timestamp "$CREATED_EPOCH" --rm "$CTR" "$DEST" >/dev/null
CTR=""
say "image $TAG ($VERSION, linux/$ARCH) written to $DEST"
echo "$OUTPUT"
