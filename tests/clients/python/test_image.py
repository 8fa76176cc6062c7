"""The OCI image built offline by scripts/build-image.sh (docs/container.md).

Builds the image from the release binary with buildah, reads its OCI configuration, unpacks its
root filesystem and runs the server from it (chroot as the image's user, with only the image's
environment plus the test's overrides) on the embedded sandbox, then talks to it with the real
`mcp` client over streamable HTTP. Needs buildah and root; skipped only when buildah is missing
(scripts/bootstrap-test-deps.sh installs it, so CI runs it).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import INFO_TOOL, LEGACY_LATEST, check_server_info, free_port, http_get
from dist_helpers import REPO, cargo_version, release_bin, timed

BUILDAH = os.environ.get("BUILDAH") or shutil.which("buildah")
CHROOT = shutil.which("chroot") or "/usr/sbin/chroot"

pytestmark = [
    pytest.mark.skipif(not BUILDAH or not os.access(BUILDAH, os.X_OK), reason="buildah is not installed (scripts/bootstrap-test-deps.sh installs it)"),
]

# Bounds the image must stay under (the release binary is about 21 MB of it).
MAX_COMPRESSED_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024

# What the AgentCore Runtime needs from the image (spec 004): streamable HTTP on every interface,
# port 8000, no sessions. ALLOW_HTTP and host validation are the deployment's to set.
AGENTCORE_ENV = {
    "ZSCALER_MCP_TRANSPORT": "streamable-http",
    "ZSCALER_MCP_HOST": "0.0.0.0",
    "ZSCALER_MCP_PORT": "8000",
    "ZSCALER_MCP_STATELESS_HTTP": "true",
}
DEPLOYMENT_CHOICES = ("ZSCALER_MCP_ALLOW_HTTP", "ZSCALER_MCP_DISABLE_HOST_VALIDATION", "ZSCALER_MCP_AUTH_MODE")


@dataclass
class Image:
    archive: Path
    manifest: dict[str, Any]
    config: dict[str, Any]
    compressed_layer_bytes: int
    rootfs: Path

    @property
    def env(self) -> dict[str, str]:
        return dict(e.split("=", 1) for e in self.config["config"].get("Env", []))

    @property
    def user(self) -> str:
        return self.config["config"].get("User", "")


def _blob(layout: Path, digest: str) -> Path:
    algo, hex_ = digest.split(":", 1)
    return layout / "blobs" / algo / hex_


def _unpack(archive: Path, into: Path) -> Image:
    layout = into / "layout"
    layout.mkdir()
    with tarfile.open(archive) as tf:
        tf.extractall(layout, filter="tar")
    index = json.loads((layout / "index.json").read_text())
    assert len(index["manifests"]) == 1, index
    manifest = json.loads(_blob(layout, index["manifests"][0]["digest"]).read_text())
    config = json.loads(_blob(layout, manifest["config"]["digest"]).read_text())
    rootfs = into / "rootfs"
    rootfs.mkdir()
    compressed = 0
    for layer in manifest["layers"]:
        path = _blob(layout, layer["digest"])
        compressed += path.stat().st_size
        # Numeric owners and modes as stored (we are root): /tmp's sticky bit, the user's home.
        with tarfile.open(path, "r:*") as tf:
            tf.extractall(rootfs, filter="fully_trusted", numeric_owner=True)
    return Image(archive, manifest, config, compressed, rootfs)


@pytest.fixture(scope="module")
def image() -> Iterator[Image]:
    if os.geteuid() != 0:
        pytest.skip("buildah's vfs store and the chroot run need root (CI runs as root)")
    binary = release_bin()
    with tempfile.TemporaryDirectory(prefix="zscaler-mcp-image-test-") as tmp:
        archive = Path(tmp) / "zscaler-mcp.oci.tar"
        with timed("scripts/build-image.sh"):
            out = subprocess.run(
                ["bash", str(REPO / "scripts" / "build-image.sh"), "--binary", binary, "--output", str(archive)],
                capture_output=True,
                text=True,
                timeout=300,
                env={**os.environ, "BUILDAH": BUILDAH or "buildah"},
            )
        assert out.returncode == 0, f"build-image.sh failed ({out.returncode}):\n{out.stdout}\n{out.stderr}"
        assert out.stdout.strip().splitlines()[-1] == str(archive), out.stdout
        with timed("unpack the image"):
            unpacked = _unpack(archive, Path(tmp))
        yield unpacked


def _run_in_image(img: Image, overrides: dict[str, str], **popen: Any) -> subprocess.Popen[bytes]:
    """Start the image's entrypoint in its unpacked rootfs as its user, with only its environment."""
    cfg = img.config["config"]
    argv = [*cfg["Entrypoint"], *(cfg.get("Cmd") or [])]
    env = {**img.env, **overrides}
    return subprocess.Popen([CHROOT, f"--userspec={img.user}", str(img.rootfs), *argv], env=env, **popen)


# ------------------------------------------------------------------ configuration


def test_image_config_runs_as_non_root_with_the_agentcore_defaults(image: Image) -> None:
    cfg = image.config["config"]
    uid, _, gid = image.user.partition(":")
    assert uid.isdigit() and int(uid) != 0, f"image user must be a numeric non-root uid: {image.user!r}"
    assert gid.isdigit() and int(gid) != 0, f"image group must be numeric and not root: {image.user!r}"
    assert cfg["Entrypoint"] == ["/usr/local/bin/zscaler-mcp"], cfg
    assert not cfg.get("Cmd"), f"no default arguments (flags would beat the env defaults): {cfg.get('Cmd')}"
    assert "8000/tcp" in cfg.get("ExposedPorts", {}), cfg.get("ExposedPorts")
    for name, value in AGENTCORE_ENV.items():
        assert image.env.get(name) == value, f"{name}={image.env.get(name)!r}, want {value!r}"
    for name in DEPLOYMENT_CHOICES:
        assert name not in image.env, f"{name} is the deployment's choice (spec 004), not baked into the image"
    secretish = [k for k in image.env if any(w in k for w in ("SECRET", "KEY", "TOKEN", "PASSWORD", "CLIENT_ID"))]
    assert not secretish, f"credentials in the image's environment: {secretish}"
    assert image.config["os"] == "linux" and image.config["architecture"] in ("amd64", "arm64"), image.config
    labels = cfg.get("Labels", {})
    assert labels.get("org.opencontainers.image.version") == cargo_version(), labels
    assert labels.get("org.opencontainers.image.source", "").startswith("https://"), labels
    assert labels.get("org.opencontainers.image.licenses") == "Apache-2.0", labels


def test_image_is_small_and_holds_only_the_runtime_files(image: Image) -> None:
    unpacked = sum(p.lstat().st_size for p in image.rootfs.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"[size] compressed layers {image.compressed_layer_bytes / 1e6:.1f} MB, unpacked {unpacked / 1e6:.1f} MB")
    assert image.compressed_layer_bytes < MAX_COMPRESSED_BYTES, image.compressed_layer_bytes
    assert unpacked < MAX_UNPACKED_BYTES, unpacked
    fs = image.rootfs
    assert os.access(fs / "usr/local/bin/zscaler-mcp", os.X_OK)
    assert (fs / "etc/ssl/certs/ca-certificates.crt").stat().st_size > 10_000
    assert "BEGIN CERTIFICATE" in (fs / "etc/ssl/certs/ca-certificates.crt").read_text()
    uid, _, gid = image.user.partition(":")
    passwd = {line.split(":")[2]: line for line in (fs / "etc/passwd").read_text().splitlines()}
    assert uid in passwd, f"the image user {uid} is not in /etc/passwd: {passwd}"
    assert any(line.split(":")[2] == gid for line in (fs / "etc/group").read_text().splitlines())
    assert (fs / "tmp").stat().st_mode & 0o1777 == 0o1777, oct((fs / "tmp").stat().st_mode)
    home = fs / image.config["config"]["WorkingDir"].lstrip("/")
    assert home.stat().st_uid == int(uid), "the working directory must belong to the image user"
    # No shell or package manager: nothing but the binary and what it loads.
    for absent in ("bin/sh", "usr/bin/sh", "bin/bash", "usr/bin/apt", "usr/bin/curl"):
        assert not (fs / absent).exists(), f"/{absent} should not be in the image"


# ------------------------------------------------------------------ running it


def test_image_defaults_refuse_plaintext_until_the_deployment_chooses(image: Image) -> None:
    # The image's own environment (0.0.0.0:8000, no TLS, no ALLOW_HTTP) must stop with the
    # message that names the setting, before binding anything.
    proc = _run_in_image(image, {}, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2, f"exit {proc.returncode}\n{err.decode(errors='replace')}"
    text = err.decode(errors="replace")
    assert "0.0.0.0" in text and "ZSCALER_MCP_ALLOW_HTTP" in text, text


@pytest.mark.anyio
async def test_image_serves_mcp_over_streamable_http_from_its_rootfs(image: Image, tmp_path: Path) -> None:
    from mcp import Client

    port = free_port()
    log = tmp_path / "server.log"
    overrides = {
        # Loopback and a free port instead of 0.0.0.0:8000, so the test exposes nothing.
        "ZSCALER_MCP_HOST": "127.0.0.1",
        "ZSCALER_MCP_PORT": str(port),
        "ZSCALER_MCP_SANDBOX": "true",
        "ZSCALER_MCP_AUTH_MODE": "none",
    }
    with open(log, "wb") as log_file:
        proc = _run_in_image(image, overrides, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while True:
            assert proc.poll() is None, f"server exited {proc.returncode}:\n{log.read_text(errors='replace')}"
            try:
                status, _, body = http_get(f"http://127.0.0.1:{port}/health", timeout=1.0)
                if status == 200:
                    assert json.loads(body) == {"status": "ok"}
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"not healthy in 15 s:\n{log.read_text(errors='replace')}"
            time.sleep(0.05)

        async with Client(f"http://127.0.0.1:{port}/mcp", mode="legacy", read_timeout_seconds=15) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            info = await client.call_tool(INFO_TOOL, {})
            locations = await client.call_tool("zia_list_locations", {})
        assert INFO_TOOL in tools and "zia_list_locations" in tools, sorted(tools)[:20]
        # The image's ZSCALER_MCP_STATELESS_HTTP=true is in force.
        check_server_info(info, protocol=LEGACY_LATEST, transport="streamable-http", session="stateless")
        # A tool that reaches the (sandbox) tenant over HTTP from inside the image works.
        assert not locations.is_error, locations.content
        assert locations.structured_content, locations
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    assert proc.returncode == 0, f"exit {proc.returncode} after SIGTERM:\n{log.read_text(errors='replace')}"
    text = log.read_text(errors="replace")
    assert "SANDBOX" in text, text
    # ZSCALER_MCP_LOG_FORMAT=json from the image: every log line is one JSON object.
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines and all(line.startswith("{") for line in lines), lines[:5]


# ------------------------------------------------------------------ the Dockerfile agrees


def _dockerfile_runtime_stage() -> dict[str, Any]:
    """USER, EXPOSE, ENTRYPOINT, ENV and FROM of the Dockerfile's last stage (continuation lines joined)."""
    text = (REPO / "Dockerfile").read_text()
    logical: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):  # comments are dropped, also inside continuations
            continue
        if logical and logical[-1].endswith("\\"):
            logical[-1] = logical[-1][:-1].rstrip() + " " + line
        else:
            logical.append(line)
    stages: list[list[str]] = []
    for line in logical:
        if line.upper().startswith("FROM "):
            stages.append([])
        if stages:
            stages[-1].append(line)
    stage = stages[-1]
    out: dict[str, Any] = {"FROM": stage[0].split()[1], "ENV": {}}
    for line in stage[1:]:
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "ENV":
            for pair in rest.split():
                k, _, v = pair.partition("=")
                out["ENV"][k] = v
        elif word in ("USER", "EXPOSE"):
            out[word] = rest.strip()
        elif word == "ENTRYPOINT":
            out[word] = json.loads(rest)
        elif word in ("CMD", "HEALTHCHECK"):
            out[word] = rest
    return out


def test_dockerfile_runtime_matches_the_offline_image(image: Image) -> None:
    docker = _dockerfile_runtime_stage()
    cfg = image.config["config"]
    assert "distroless/cc" in docker["FROM"] and docker["FROM"].endswith(":nonroot"), docker["FROM"]
    assert docker["USER"] == image.user, (docker["USER"], image.user)
    assert docker["EXPOSE"] == "8000"
    assert docker["ENTRYPOINT"] == cfg["Entrypoint"]
    assert "CMD" not in docker, "no CMD: flags would beat the environment defaults"
    assert docker["ENV"] == image.env, (docker["ENV"], image.env)
    text = (REPO / "Dockerfile").read_text()
    assert "cargo build --release --locked" in text and "TARGETARCH" in text and "BUILDPLATFORM" in text
    for name in DEPLOYMENT_CHOICES:
        assert f"{name}=" not in text, f"the Dockerfile must not set {name}"
