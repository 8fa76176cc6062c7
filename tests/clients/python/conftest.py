"""Shared helpers for the real-MCP-client tests (PyPI `mcp` 2.3.0 client).

The server binary comes from $ZSCALER_MCP_BIN (required). Every server these tests
start listens on 127.0.0.1 only, on a port picked by binding 127.0.0.1:0.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# Protocol revisions (see the server contract).
LEGACY_LATEST = "2025-11-25"
MODERN = "2026-07-28"
OLDER_REVISIONS = ("2024-11-05", "2025-03-26", "2025-06-18")

SERVER_NAME = "zscaler-mcp"
INFO_TOOL = "zscaler_get_server_info"

STARTUP_TIMEOUT = 10.0
SHUTDOWN_TIMEOUT = 5.0

# Loopback traffic must never go through a proxy.
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_var, None)


def pytest_sessionstart(session: pytest.Session) -> None:
    bin_path = os.environ.get("ZSCALER_MCP_BIN")
    if not bin_path:
        raise pytest.UsageError(
            "ZSCALER_MCP_BIN is not set: point it at the built server, e.g. "
            "ZSCALER_MCP_BIN=$HOME/.cache/zscaler-mcp/target/debug/zscaler-mcp"
        )
    if not (os.path.isfile(bin_path) and os.access(bin_path, os.X_OK)):
        raise pytest.UsageError(f"ZSCALER_MCP_BIN={bin_path!r} is not an executable file")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def server_bin() -> str:
    return os.environ["ZSCALER_MCP_BIN"]


def server_env(**extra: str) -> dict[str, str]:
    """A minimal, deterministic environment for the server: no ZSCALER_* settings
    leak in from the caller's shell (so no write tools, no credentials)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    env.setdefault("RUST_LOG", "warn")
    # HTTP authenticates clients by default; tests that do not test auth serve without it.
    if not any(k.startswith("ZSCALER_MCP_AUTH_") for k in extra):
        env["ZSCALER_MCP_AUTH_MODE"] = "none"
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 2.0) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, method="GET")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


@dataclass
class HttpServer:
    """A zscaler-mcp process serving HTTP on 127.0.0.1:<port>."""

    args: list[str]
    port: int
    proc: subprocess.Popen[bytes]
    log_path: Path
    returncode: int | None = field(default=None)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def mcp_url(self) -> str:
        return f"{self.base}/mcp"

    @property
    def sse_url(self) -> str:
        return f"{self.base}/sse"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return "<no log>"

    def terminate(self) -> int:
        """SIGTERM and wait; returns the exit code (SIGKILL + failure if it hangs)."""
        if self.returncode is not None:
            return self.returncode
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=SHUTDOWN_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.returncode = self.proc.returncode
                raise AssertionError(
                    f"server {self.args} did not exit within {SHUTDOWN_TIMEOUT}s of SIGTERM\n{self.log()}"
                ) from None
        self.returncode = self.proc.returncode
        return self.returncode


def start_http_server(
    bin_path: str, args: list[str], env: dict[str, str] | None = None, port: int | None = None
) -> HttpServer:
    port = port or free_port()
    full_args = [*args, "--port", str(port)]
    fd, log_name = tempfile.mkstemp(prefix="zscaler-mcp-test-", suffix=".log")
    log_file = os.fdopen(fd, "wb")
    proc = subprocess.Popen(
        [bin_path, *full_args],
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        env=env or server_env(),
    )
    log_file.close()
    server = HttpServer(args=full_args, port=port, proc=proc, log_path=Path(log_name))
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_err: object = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server {full_args} exited early with {proc.returncode}\n{server.log()}")
        try:
            status, _, body = http_get(f"{server.base}/health", timeout=1.0)
            if status == 200:
                return server
            last_err = (status, body[:200])
        except OSError as e:  # connection refused while starting
            last_err = e
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise AssertionError(
        f"server {full_args} not healthy within {STARTUP_TIMEOUT}s (last: {last_err!r})\n{server.log()}"
    )


@pytest.fixture
def http_server_factory(server_bin: str) -> Iterator[Any]:
    """Start HTTP servers; at teardown each is SIGTERMed and must exit 0."""
    servers: list[HttpServer] = []

    def factory(*args: str, **env: str) -> HttpServer:
        srv = start_http_server(server_bin, list(args), server_env(**env) if env else None)
        servers.append(srv)
        return srv

    yield factory
    failures = []
    for srv in servers:
        try:
            code = srv.terminate()
        except AssertionError as e:
            failures.append(str(e))
            continue
        if code != 0:
            failures.append(f"server {srv.args} exited {code} after SIGTERM\n{srv.log()}")
        srv.log_path.unlink(missing_ok=True)
    if failures:
        pytest.fail("\n".join(failures))


@pytest.fixture
def streamable_http_server(http_server_factory: Any) -> HttpServer:
    return http_server_factory("--transport", "streamable-http", "--host", "127.0.0.1")


@pytest.fixture
def stateless_http_server(http_server_factory: Any) -> HttpServer:
    return http_server_factory(
        "--transport", "streamable-http", "--host", "127.0.0.1", ZSCALER_MCP_STATELESS_HTTP="true"
    )


@pytest.fixture
def sse_server(http_server_factory: Any) -> HttpServer:
    return http_server_factory("--transport", "sse", "--host", "127.0.0.1")


# ----------------------------------------------------------------- assertions

_SECRETISH = re.compile(r"secret|password|passwd|private.?key|api.?key|access.?token|refresh.?token|bearer", re.I)


def _assert_no_secrets(value: Any, path: str = "$") -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if _SECRETISH.search(k):
                assert not (isinstance(v, str) and v), f"server info exposes a secret-looking value at {path}.{k}"
            _assert_no_secrets(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _assert_no_secrets(v, f"{path}[{i}]")


def check_server_info(result: Any, *, protocol: str, transport: str, session: str) -> dict[str, Any]:
    """Validate a CallToolResult of zscaler_get_server_info against the contract."""
    assert not result.is_error, f"{INFO_TOOL} returned isError: {result.content}"
    sc = result.structured_content
    assert isinstance(sc, dict), f"structuredContent is not an object: {sc!r}"
    assert sc["server"]["name"] == SERVER_NAME, sc
    assert isinstance(sc["server"]["version"], str) and sc["server"]["version"], sc
    assert sc["protocolVersion"] == protocol, f"protocolVersion {sc['protocolVersion']!r} != {protocol!r}: {sc}"
    assert sc["transport"] == transport, f"transport {sc['transport']!r} != {transport!r}: {sc}"
    assert sc["session"] == session, f"session {sc['session']!r} != {session!r}: {sc}"
    assert isinstance(sc["writeTools"]["enabled"], bool), sc
    _assert_no_secrets(sc)
    texts = [c.text for c in result.content if getattr(c, "type", None) == "text"]
    assert texts, f"no text content: {result.content}"
    assert json.loads(texts[0]) == sc, "text content is not the same object as structuredContent"
    return sc


def check_info_tool_listed(tools_result: Any) -> None:
    by_name = {t.name: t for t in tools_result.tools}
    assert INFO_TOOL in by_name, f"{INFO_TOOL} missing from tools/list: {sorted(by_name)}"
    tool = by_name[INFO_TOOL]
    assert tool.annotations is not None and tool.annotations.read_only_hint is True, tool.annotations
    assert tool.input_schema.get("type") == "object", tool.input_schema
    assert not tool.input_schema.get("required"), f"{INFO_TOOL} should take no arguments: {tool.input_schema}"


# ----------------------------------------------------------------- SDK client runs


@dataclass
class ClientRun:
    """What one connected `mcp.Client` saw; assertions happen after the client is closed,
    so a failure reads as a plain AssertionError instead of an anyio ExceptionGroup."""

    protocol_version: str
    server_name: str | None
    has_tools_capability: bool
    discover_versions: list[str] | None
    tools: Any
    info: Any
    unknown_tool_error: str | None = None
    unknown_tool_result: Any = None


async def run_client(server: Any, *, mode: str, unknown_tool: str | None = None) -> ClientRun:
    """Connect an `mcp.Client`, list tools, call the info tool (and optionally an unknown tool)."""
    from mcp import Client
    from mcp.shared.exceptions import MCPError

    async with Client(server, mode=mode, read_timeout_seconds=15) as client:
        discover = client.session.discover_result
        run = ClientRun(
            protocol_version=client.protocol_version,
            server_name=client.server_info.name if client.server_info else None,
            has_tools_capability=client.server_capabilities.tools is not None,
            discover_versions=list(discover.supported_versions) if discover is not None else None,
            tools=await client.list_tools(),
            info=await client.call_tool(INFO_TOOL, {}),
        )
        if unknown_tool is not None:
            try:
                run.unknown_tool_result = await client.call_tool(unknown_tool, {})
            except MCPError as e:
                run.unknown_tool_error = f"MCPError({e.code}): {e}"
    return run


def check_unknown_tool(run: ClientRun, name: str) -> None:
    if run.unknown_tool_error is not None:  # JSON-RPC error form
        assert name in run.unknown_tool_error, f"error does not name the tool: {run.unknown_tool_error}"
        return
    result = run.unknown_tool_result
    assert result is not None and result.is_error is True, f"unknown tool did not fail: {result}"
    text = " ".join(getattr(c, "text", "") for c in result.content)
    assert name in text, f"error result does not name the tool: {text!r}"
