# syntax=docker/dockerfile:1.7
#
# zscaler-mcp container image: streamable HTTP on 0.0.0.0:8000, stateless (any replica serves any
# request), non-root, no shell. See docs/container.md.
#
#   docker build -t zscaler-mcp .
#   docker buildx build --platform linux/amd64,linux/arm64 -t REGISTRY/zscaler-mcp:TAG --push .
#
# Multi-arch: the builder stage always runs on the build machine's own architecture
# ($BUILDPLATFORM) and cross-compiles to $TARGETARCH with Debian's cross gcc, so an arm64 image
# does not need a whole Rust build under QEMU. The runtime stage is distroless/cc (glibc,
# libgcc, CA certificates, /etc/passwd with the nonroot user 65532), the same Debian release as
# the builder, so the binary's glibc matches.
#
# The image does NOT set ZSCALER_MCP_ALLOW_HTTP, ZSCALER_MCP_DISABLE_HOST_VALIDATION or a client
# authentication mode: the deployment chooses them (AgentCore's provisioner sets the first two,
# the Kubernetes base sets ALLOW_HTTP and ALLOWED_HOSTS). Without them the server refuses to
# start and names what to set.

ARG RUST_VERSION=1.95
ARG DEBIAN_RELEASE=bookworm

# ---------------------------------------------------------------- builder
FROM --platform=$BUILDPLATFORM rust:${RUST_VERSION}-${DEBIAN_RELEASE} AS builder
ARG TARGETARCH
ARG BUILDARCH
WORKDIR /src

# The Rust target and, when cross-compiling, Debian's cross linker and C compiler (ring and the
# other C bits are compiled for the target).
RUN set -eu; \
    case "$TARGETARCH" in \
      amd64) triple=x86_64-unknown-linux-gnu;  gnu=x86_64-linux-gnu;  deb=amd64 ;; \
      arm64) triple=aarch64-unknown-linux-gnu; gnu=aarch64-linux-gnu; deb=arm64 ;; \
      *) echo "unsupported TARGETARCH '$TARGETARCH' (amd64 or arm64)" >&2; exit 1 ;; \
    esac; \
    echo "$triple" > /rust-target; \
    if [ "$TARGETARCH" != "$BUILDARCH" ]; then \
      apt-get update; \
      apt-get install -y --no-install-recommends "gcc-$(echo $gnu | tr _ -)" "libc6-dev-$deb-cross"; \
      rm -rf /var/lib/apt/lists/*; \
      rustup target add "$triple"; \
      env_triple=$(echo "$triple" | tr 'a-z-' 'A-Z_'); \
      { echo "export CARGO_TARGET_${env_triple}_LINKER=$gnu-gcc"; \
        echo "export CC_$(echo "$triple" | tr - _)=$gnu-gcc"; } > /cross-env; \
    else \
      : > /cross-env; \
    fi

COPY Cargo.toml Cargo.lock ./
COPY crates ./crates

RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/src/target,id=zscaler-mcp-target-${TARGETARCH},sharing=locked \
    set -eu; . /cross-env; triple=$(cat /rust-target); \
    cargo build --release --locked -p zscaler-mcp --bin zscaler-mcp --target "$triple"; \
    install -D -m 0755 "target/$triple/release/zscaler-mcp" /out/zscaler-mcp

# ---------------------------------------------------------------- runtime
FROM gcr.io/distroless/cc-debian12:nonroot AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG SOURCE=https://github.com/zscaler/zscaler-mcp-server

LABEL org.opencontainers.image.title="zscaler-mcp" \
      org.opencontainers.image.description="MCP server for the Zscaler Zero Trust Exchange" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="Apache-2.0"

COPY --from=builder /out/zscaler-mcp /usr/local/bin/zscaler-mcp

# AgentCore Runtime contract (port 8000, streamable HTTP on every interface, no sessions);
# environment rather than flags, so a deployment can override each one.
ENV ZSCALER_MCP_TRANSPORT=streamable-http \
    ZSCALER_MCP_HOST=0.0.0.0 \
    ZSCALER_MCP_PORT=8000 \
    ZSCALER_MCP_STATELESS_HTTP=true \
    ZSCALER_MCP_LOG_FORMAT=json

# distroless's nonroot user, numeric so Kubernetes' runAsNonRoot can verify it.
USER 65532:65532
EXPOSE 8000
# No HEALTHCHECK: the image has no shell or curl. Probe GET /health (200 {"status":"ok"}, outside
# host validation and authentication) from the orchestrator instead; docs/container.md.
ENTRYPOINT ["/usr/local/bin/zscaler-mcp"]
