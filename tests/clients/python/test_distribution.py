"""Distribution artifacts (docs/distribution.md): release archives with SHA256SUMS
(scripts/release.sh), the Claude Desktop bundle around the native binary (scripts/build-mcpb.sh,
packaging/mcpb/manifest.json) and the MCP registry's server.json.

Both scripts package the release binary (they do not build here); the bundle's binary is then
started the way Claude Desktop starts it (manifest's mcp_config with ${__dirname} and
${user_config.*} substituted) and talked to over stdio with the real `mcp` client on the sandbox.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import INFO_TOOL, LEGACY_LATEST, check_server_info, server_env
from dist_helpers import CACHE, REPO, cargo_version, release_bin, timed

# env.sh exports MCPB_CLI; the bootstrap's install path is the fallback.
MCPB_CLI = os.environ.get("MCPB_CLI") or str(CACHE / "npm-mcpb" / "node_modules" / ".bin" / "mcpb")
NODE_BIN_DIR = os.environ.get("NODE22_BIN_DIR", "")
SECRET_SETTINGS = {"ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_PRIVATE_KEY"}
INTERPRETERS = re.compile(r"\b(python3?|uv|uvx|node|npx|pip)\b", re.I)


@dataclass
class Dist:
    out: Path
    archive: Path
    bundle: Path
    binary: str


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dist]:
    binary = release_bin()
    out = tmp_path_factory.mktemp("dist")
    # The bundle first: release.sh's SHA256SUMS then covers it too.
    with timed("scripts/build-mcpb.sh"):
        mcpb = subprocess.run(
            ["bash", str(REPO / "scripts/build-mcpb.sh"), "--binary", binary, "--out", str(out)],
            capture_output=True, text=True, timeout=300,
        )
    assert mcpb.returncode == 0, mcpb.stderr
    with timed("scripts/release.sh (package only)"):
        rel = subprocess.run(
            ["bash", str(REPO / "scripts/release.sh"), "--binary", binary, "--out", str(out)],
            capture_output=True, text=True, timeout=300,
        )
    assert rel.returncode == 0, rel.stderr
    lines = rel.stdout.strip().splitlines()
    assert lines[-1] == str(out / "SHA256SUMS"), rel.stdout
    yield Dist(out=out, archive=Path(lines[0]), bundle=Path(mcpb.stdout.strip().splitlines()[-1]), binary=binary)


def _host_triple() -> str:
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    return re.search(r"^host: (\S+)$", out, re.M).group(1)


def _documented(binary: str) -> str:
    help_text = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=20, env=server_env()).stdout
    return help_text + (REPO / "docs/configuration.md").read_text()


# ------------------------------------------------------------------ release archives


def test_release_archive_checksums_layout_and_binary(dist: Dist, tmp_path: Path) -> None:
    version = cargo_version()
    triple = _host_triple()
    assert dist.archive.name == f"zscaler-mcp-{version}-{triple}.tar.gz", dist.archive
    # SHA256SUMS lists the archive and the bundle, and verifies.
    sums = dict(reversed(line.split(maxsplit=1)) for line in (dist.out / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == {dist.archive.name, dist.bundle.name}, sums
    for name, digest in sums.items():
        assert hashlib.sha256((dist.out / name).read_bytes()).hexdigest() == digest, name
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist.out, capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.count(": OK") == 2, check.stdout + check.stderr

    top = f"zscaler-mcp-{version}-{triple}"
    with tarfile.open(dist.archive) as tf:
        members = tf.getmembers()
        for m in members:
            assert m.name == top or m.name.startswith(top + "/"), f"entry outside {top}/: {m.name}"
            assert m.uid == 0 and m.gid == 0 and not m.issym() and not m.islnk(), m.name
        tf.extractall(tmp_path, filter="data")
    names = {m.name.removeprefix(top + "/") for m in members}
    assert {"zscaler-mcp", "README.md", "docs/configuration.md", "docs/container.md", "docs/distribution.md"} <= names, sorted(names)
    binary = tmp_path / top / "zscaler-mcp"
    assert os.access(binary, os.X_OK)
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=20)
    assert out.returncode == 0 and out.stdout.strip() == f"zscaler-mcp {version}", out
    assert subprocess.run([str(binary), "--help"], capture_output=True, timeout=20).returncode == 0


def test_release_script_refuses_a_target_this_machine_cannot_build(tmp_path: Path) -> None:
    # No toolchain is ever downloaded: an uninstalled target stops with a clear message.
    out = subprocess.run(
        ["bash", str(REPO / "scripts/release.sh"), "--target", "aarch64-apple-darwin", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 1, out
    assert "aarch64-apple-darwin is not installed" in out.stderr and "release-workflow.yml" in out.stderr, out.stderr
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------ the MCPB bundle


@pytest.fixture(scope="module")
def bundle(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    into = tmp_path_factory.mktemp("mcpb")
    with zipfile.ZipFile(dist.bundle) as z:
        for info in z.infolist():
            assert not info.filename.startswith("/") and ".." not in info.filename.split("/"), info.filename
        z.extractall(into)
        # zipfile drops modes: restore them from the entries, as an installer does.
        for info in z.infolist():
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(into / info.filename, mode)
    return into, json.loads((into / "manifest.json").read_text())


def test_mcpb_manifest_is_a_native_binary_bundle(bundle: tuple[Path, dict[str, Any]], dist: Dist) -> None:
    root, manifest = bundle
    assert manifest["manifest_version"] == "0.3"
    assert manifest["version"] == cargo_version()
    server = manifest["server"]
    assert server["type"] == "binary", server["type"]
    entry = root / server["entry_point"]
    assert entry.is_file() and os.access(entry, os.X_OK), server["entry_point"]
    cfg = server["mcp_config"]
    assert cfg["command"] == "${__dirname}/" + server["entry_point"], cfg["command"]
    assert cfg["platform_overrides"]["win32"]["command"].endswith("/server/zscaler-mcp.exe")
    # Nothing to install at run time: no interpreter, package runner or uv anywhere in the config.
    assert not INTERPRETERS.search(json.dumps(cfg)), cfg
    assert manifest["compatibility"]["platforms"] == ["linux"]
    # Every ${user_config.X} is declared; credentials are sensitive; required ones are the minimum.
    uc = manifest["user_config"]
    refs = set(re.findall(r"\$\{user_config\.([a-z_]+)\}", json.dumps(cfg)))
    assert refs == set(uc), (refs ^ set(uc))
    for key in ("client_id", "client_secret", "private_key"):
        assert uc[key]["sensitive"] is True, key
    assert {k for k, v in uc.items() if v.get("required")} == {"client_id", "vanity_domain"}
    # Every variable it sets is one the server reads.
    known = _documented(dist.binary)
    for name in cfg["env"]:
        assert re.search(rf"\b{name}\b", known), f"{name} is not a documented setting"
    # The listed tools are real read tools of this binary.
    catalog = json.loads(subprocess.run([dist.binary, "--list-tools", "--json"], capture_output=True, text=True, check=True).stdout)
    reads = {t["name"] for s in catalog["services"] for t in s["tools"] if t["action"] == "read"}
    listed = [t["name"] for t in manifest["tools"]]
    assert listed and set(listed) == reads, set(listed) ^ reads
    assert all(len(t["description"]) <= 280 for t in manifest["tools"])


def test_mcpb_cli_validates_the_manifest_and_reads_the_bundle(bundle: tuple[Path, dict[str, Any]], dist: Dist) -> None:
    if not (MCPB_CLI and os.access(MCPB_CLI, os.X_OK)):
        message = "MCPB CLI missing: run scripts/bootstrap-test-deps.sh (it exports MCPB_CLI)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    env = {**os.environ, "PATH": f"{NODE_BIN_DIR}:{os.environ.get('PATH', '')}"}
    root, _ = bundle
    with timed("mcpb validate + info"):
        valid = subprocess.run([MCPB_CLI, "validate", str(root / "manifest.json")], capture_output=True, text=True, env=env, timeout=60)
        info = subprocess.run([MCPB_CLI, "info", str(dist.bundle)], capture_output=True, text=True, env=env, timeout=60)
    assert valid.returncode == 0 and "passes" in valid.stdout, valid.stdout + valid.stderr
    assert info.returncode == 0 and dist.bundle.name in info.stdout, info.stdout + info.stderr


@pytest.mark.anyio
async def test_mcpb_binary_serves_stdio_as_claude_desktop_starts_it(bundle: tuple[Path, dict[str, Any]]) -> None:
    from mcp import Client, StdioServerParameters

    root, manifest = bundle
    cfg = manifest["server"]["mcp_config"]
    # What a user enters; unset optional fields are their defaults (empty strings count as unset).
    answers = {k: str(v.get("default", "")).lower() if isinstance(v.get("default"), bool) else str(v.get("default", "")) for k, v in manifest["user_config"].items()}
    answers.update({"client_id": "bundle-test-client", "client_secret": "bundle-test-secret", "vanity_domain": "bundle-test"})

    def substitute(value: str) -> str:
        value = value.replace("${__dirname}", str(root))
        return re.sub(r"\$\{user_config\.([a-z_]+)\}", lambda m: answers[m.group(1)], value)

    env = server_env(**{k: substitute(v) for k, v in cfg["env"].items()})
    env.pop("ZSCALER_MCP_AUTH_MODE", None)  # stdio has no client authentication
    env["ZSCALER_MCP_SANDBOX"] = "true"  # the embedded simulated tenant instead of bundle-test
    params = StdioServerParameters(command=substitute(cfg["command"]), args=[substitute(a) for a in cfg.get("args", [])], env=env)
    async with Client(params, mode="legacy", read_timeout_seconds=15) as client:
        tools = {t.name for t in (await client.list_tools()).tools}
        info = await client.call_tool(INFO_TOOL, {})
        locations = await client.call_tool("zia_list_locations", {})
    assert INFO_TOOL in tools and len(tools) > 100, len(tools)
    assert tools - {INFO_TOOL} <= {t["name"] for t in manifest["tools"]} | {n for n in tools if n.startswith("zscaler_")}
    check_server_info(info, protocol=LEGACY_LATEST, transport="stdio", session="stdio")
    assert not locations.is_error and locations.structured_content, locations.content


# ------------------------------------------------------------------ MCP registry server.json


def test_registry_server_json(dist: Dist) -> None:
    doc = json.loads((REPO / "server.json").read_text())
    assert re.fullmatch(r"https://static\.modelcontextprotocol\.io/schemas/2025-\d\d-\d\d/server\.schema\.json", doc["$schema"])
    assert re.fullmatch(r"[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+", doc["name"]), doc["name"]
    assert 1 <= len(doc["description"]) <= 100 and len(doc.get("title", "x")) <= 100
    assert doc["version"] == cargo_version()
    assert doc["repository"]["url"].startswith("https://") and doc["repository"]["source"]
    known = _documented(dist.binary)
    assert doc["packages"], "no packages"
    for pkg in doc["packages"]:
        assert {"registryType", "identifier", "transport"} <= pkg.keys(), pkg
        assert pkg["transport"]["type"] in {"stdio", "streamable-http", "sse"}
        if pkg["registryType"] == "oci":
            assert pkg["identifier"].endswith(":" + cargo_version()), "OCI identifiers carry the version tag"
        if pkg["registryType"] == "mcpb":
            assert re.fullmatch(r"[a-f0-9]{64}", pkg.get("fileSha256", "")), pkg
        for arg in pkg.get("packageArguments", []):
            assert arg["type"] in {"named", "positional"}
            if arg["type"] == "named":
                assert arg["name"] in known, arg
        envs = {e["name"]: e for e in pkg.get("environmentVariables", [])}
        for name, e in envs.items():
            assert re.search(rf"\b{name}\b", known), f"{name} is not a documented setting"
            assert e.get("isSecret", False) is (name in SECRET_SETTINGS), f"{name}: isSecret should be {name in SECRET_SETTINGS}"
            assert "value" not in e or name not in SECRET_SETTINGS, f"{name} has a committed value"
        assert {"ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_VANITY_DOMAIN"} <= envs.keys()
