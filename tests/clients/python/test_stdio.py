"""stdio transport, through the real `mcp` 2.3.0 client and through raw JSON-RPC pipes."""

from __future__ import annotations

import json
import os
import select
import subprocess
import tempfile
import time
from typing import Any

import pytest
from mcp import StdioServerParameters
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS, LATEST_MODERN_VERSION

from conftest import (
    INFO_TOOL,
    LEGACY_LATEST,
    MODERN,
    OLDER_REVISIONS,
    SERVER_NAME,
    SHUTDOWN_TIMEOUT,
    check_info_tool_listed,
    check_server_info,
    check_unknown_tool,
    run_client,
    server_env,
)

pytestmark = pytest.mark.anyio


def test_sdk_knows_the_revisions_we_expect() -> None:
    # Guards the expectations below against a silently different client SDK.
    assert HANDSHAKE_PROTOCOL_VERSIONS[-1] == LEGACY_LATEST
    assert LATEST_MODERN_VERSION == MODERN


def stdio_params(server_bin: str) -> StdioServerParameters:
    # The stdio client passes only a safe env subset plus `env`; give it ours.
    return StdioServerParameters(command=server_bin, args=[], env=server_env())


async def test_stdio_legacy(server_bin: str) -> None:
    run = await run_client(stdio_params(server_bin), mode="legacy")
    assert run.protocol_version == LEGACY_LATEST
    assert run.server_name == SERVER_NAME
    assert run.has_tools_capability
    check_info_tool_listed(run.tools)
    check_server_info(run.info, protocol=LEGACY_LATEST, transport="stdio", session="stdio")


async def test_stdio_auto_negotiates_modern(server_bin: str) -> None:
    # mode="auto" silently falls back to initialize, so the version check is what proves discover worked.
    run = await run_client(stdio_params(server_bin), mode="auto")
    assert run.protocol_version == MODERN, f"auto mode fell back to {run.protocol_version}"
    assert run.discover_versions is not None and MODERN in run.discover_versions, run.discover_versions
    check_info_tool_listed(run.tools)
    check_server_info(run.info, protocol=MODERN, transport="stdio", session="stdio")


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_stdio_unknown_tool_is_an_error_naming_it(server_bin: str, mode: str) -> None:
    name = "zscaler_no_such_tool_xyz"
    run = await run_client(stdio_params(server_bin), mode=mode, unknown_tool=name)
    check_unknown_tool(run, name)


# ------------------------------------------------------------------ raw JSON-RPC


class RawStdio:
    """Newline-delimited JSON-RPC over the server's pipes, no SDK involved."""

    def __init__(self, server_bin: str, **env: str) -> None:
        # stderr goes to a file: a pipe nobody reads could fill up and block the server.
        self._stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [server_bin],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=server_env(**env),
        )
        self._buf = b""

    def send(self, msg: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(msg).encode() + b"\n")
        self.proc.stdin.flush()

    def recv(self, timeout: float = 10.0) -> dict[str, Any]:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no message from server within {timeout}s; stderr: {self.stderr_tail()}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise AssertionError(f"server closed stdout; stderr: {self.stderr_tail()}")
                self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return json.loads(line)

    def request(self, id_: int, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        msg: dict[str, Any] = {"jsonrpc": "2.0", "id": id_, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        while True:  # skip any server notifications / logs
            resp = self.recv()
            if resp.get("id") == id_:
                return resp

    def close_stdin_and_wait(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            return self.proc.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"stdio server did not exit within {SHUTDOWN_TIMEOUT}s of stdin EOF") from None

    def stderr_tail(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")[-2000:]

    def rest_of_stdout(self) -> bytes:
        """After exit: whatever the server wrote that was not yet consumed."""
        assert self.proc.stdout is not None
        return self._buf + self.proc.stdout.read()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def initialize_params(version: str) -> dict[str, Any]:
    return {
        "protocolVersion": version,
        "capabilities": {},
        "clientInfo": {"name": "zscaler-mcp-raw-test", "version": "0.0.0"},
    }


@pytest.mark.parametrize("version", OLDER_REVISIONS)
def test_stdio_raw_older_revision_is_echoed(server_bin: str, version: str) -> None:
    raw = RawStdio(server_bin)
    try:
        resp = raw.request(1, "initialize", initialize_params(version))
        assert "error" not in resp, resp
        result = resp["result"]
        assert result["protocolVersion"] == version, f"server answered {result['protocolVersion']!r} to {version!r}"
        assert result["serverInfo"]["name"] == SERVER_NAME, result
        assert "tools" in result["capabilities"], result
        raw.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

        listed = raw.request(2, "tools/list", {})
        names = [t["name"] for t in listed["result"]["tools"]]
        assert INFO_TOOL in names, listed

        called = raw.request(3, "tools/call", {"name": INFO_TOOL, "arguments": {}})
        assert "error" not in called, called
        sc = called["result"]["structuredContent"]
        assert sc["protocolVersion"] == version, sc
        assert sc["transport"] == "stdio" and sc["session"] == "stdio", sc
        assert raw.close_stdin_and_wait() == 0
    finally:
        raw.kill()


def test_stdio_raw_unsupported_revision_gets_a_supported_one(server_bin: str) -> None:
    # Spec: a server that does not support the requested version answers with one it does support.
    raw = RawStdio(server_bin)
    try:
        resp = raw.request(1, "initialize", initialize_params("1999-01-01"))
        if "error" in resp:  # also acceptable: a JSON-RPC error
            assert isinstance(resp["error"]["code"], int), resp
        else:
            assert resp["result"]["protocolVersion"] in HANDSHAKE_PROTOCOL_VERSIONS, resp
        assert raw.close_stdin_and_wait() == 0
    finally:
        raw.kill()


def test_stdio_exits_zero_on_eof_after_session(server_bin: str) -> None:
    raw = RawStdio(server_bin)
    try:
        resp = raw.request(1, "initialize", initialize_params(LEGACY_LATEST))
        assert resp["result"]["protocolVersion"] == LEGACY_LATEST, resp
        raw.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        assert raw.request(2, "ping")["result"] == {}
        code = raw.close_stdin_and_wait()
        assert code == 0, f"exit code {code} on EOF; stderr: {raw.stderr_tail()}"
    finally:
        raw.kill()


def test_stdio_exits_zero_on_immediate_eof(server_bin: str) -> None:
    raw = RawStdio(server_bin)
    try:
        code = raw.close_stdin_and_wait()
        assert code == 0, f"exit code {code} on immediate EOF; stderr: {raw.stderr_tail()}"
    finally:
        raw.kill()


def test_stdio_stdout_is_only_json_rpc(server_bin: str) -> None:
    # Logs must go to stderr even at debug level: every stdout line must be JSON-RPC.
    raw = RawStdio(server_bin, RUST_LOG="debug")
    try:
        assert raw.request(1, "initialize", initialize_params(LEGACY_LATEST))["result"]
        raw.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        assert raw.request(2, "tools/list")["result"]["tools"]
        assert raw.request(3, "tools/call", {"name": INFO_TOOL, "arguments": {}})["result"]
        assert raw.close_stdin_and_wait() == 0
        for line in raw.rest_of_stdout().decode().splitlines():
            if line.strip():
                assert json.loads(line).get("jsonrpc") == "2.0", line
    finally:
        raw.kill()
