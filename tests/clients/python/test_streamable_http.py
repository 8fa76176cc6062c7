"""Streamable HTTP (stateful and stateless) through the real `mcp` 2.3.0 client, plus raw HTTP checks."""

from __future__ import annotations

import json
from typing import Any

import anyio
import anyio.to_thread
import httpx2
import pytest
from mcp import Client

from conftest import (
    INFO_TOOL,
    LEGACY_LATEST,
    MODERN,
    SERVER_NAME,
    HttpServer,
    check_info_tool_listed,
    check_server_info,
    check_unknown_tool,
    http_get,
    run_client,
)

pytestmark = pytest.mark.anyio

ACCEPT_BOTH = "application/json, text/event-stream"


# ------------------------------------------------------------------ SDK client


async def test_http_stateful_legacy(streamable_http_server: HttpServer) -> None:
    run = await run_client(streamable_http_server.mcp_url, mode="legacy")
    assert run.protocol_version == LEGACY_LATEST
    assert run.server_name == SERVER_NAME
    check_info_tool_listed(run.tools)
    check_server_info(run.info, protocol=LEGACY_LATEST, transport="streamable-http", session="stateful")


async def test_http_stateful_server_auto_negotiates_modern(streamable_http_server: HttpServer) -> None:
    run = await run_client(streamable_http_server.mcp_url, mode="auto")
    assert run.protocol_version == MODERN, f"auto mode fell back to {run.protocol_version}"
    assert run.discover_versions is not None and MODERN in run.discover_versions, run.discover_versions
    check_info_tool_listed(run.tools)
    # 2026-07-28 has no sessions: every request stands alone.
    check_server_info(run.info, protocol=MODERN, transport="streamable-http", session="stateless")


async def test_http_stateless_server_legacy(stateless_http_server: HttpServer) -> None:
    run = await run_client(stateless_http_server.mcp_url, mode="legacy")
    assert run.protocol_version == LEGACY_LATEST
    assert run.server_name == SERVER_NAME
    check_info_tool_listed(run.tools)
    check_server_info(run.info, protocol=LEGACY_LATEST, transport="streamable-http", session="stateless")


async def test_http_stateless_server_auto(stateless_http_server: HttpServer) -> None:
    run = await run_client(stateless_http_server.mcp_url, mode="auto")
    assert run.protocol_version == MODERN, f"auto mode fell back to {run.protocol_version}"
    check_info_tool_listed(run.tools)
    check_server_info(run.info, protocol=MODERN, transport="streamable-http", session="stateless")


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_http_unknown_tool_is_an_error_naming_it(streamable_http_server: HttpServer, mode: str) -> None:
    name = "zscaler_no_such_tool_xyz"
    run = await run_client(streamable_http_server.mcp_url, mode=mode, unknown_tool=name)
    check_unknown_tool(run, name)


# ------------------------------------------------------------------ raw HTTP


def _initialize_body(version: str = LEGACY_LATEST) -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": version,
            "capabilities": {},
            "clientInfo": {"name": "zscaler-mcp-raw-test", "version": "0.0.0"},
        },
    }


def _json_rpc_from(resp: httpx2.Response) -> dict[str, Any]:
    """A single JSON-RPC message from either a JSON body or an SSE stream body."""
    ctype = resp.headers.get("content-type", "")
    if ctype.startswith("application/json"):
        return resp.json()
    assert ctype.startswith("text/event-stream"), f"unexpected content-type {ctype!r}"
    for line in resp.text.splitlines():
        if line.startswith("data:") and line[5:].strip():
            msg = json.loads(line[5:].strip())
            if "id" in msg:
                return msg
    raise AssertionError(f"no JSON-RPC response in SSE body: {resp.text[:500]!r}")


def test_health(streamable_http_server: HttpServer) -> None:
    status, headers, body = http_get(f"{streamable_http_server.base}/health")
    assert status == 200
    assert json.loads(body) == {"status": "ok"}


def test_http_stateful_issues_session_id(streamable_http_server: HttpServer) -> None:
    with httpx2.Client(trust_env=False, timeout=10) as http:
        resp = http.post(
            streamable_http_server.mcp_url, json=_initialize_body(), headers={"Accept": ACCEPT_BOTH}
        )
        assert resp.status_code == 200, resp.text
        sid = resp.headers.get("mcp-session-id")
        assert sid, f"stateful server sent no mcp-session-id: {dict(resp.headers)}"
        msg = _json_rpc_from(resp)
        assert msg["result"]["protocolVersion"] == LEGACY_LATEST, msg

        common = {"Accept": ACCEPT_BOTH, "mcp-session-id": sid, "mcp-protocol-version": LEGACY_LATEST}
        note = http.post(
            streamable_http_server.mcp_url,
            json={"jsonrpc": "2.0", "method": "notifications/initialized"},
            headers=common,
        )
        assert note.status_code == 202, (note.status_code, note.text)
        call = http.post(
            streamable_http_server.mcp_url,
            json={"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": INFO_TOOL, "arguments": {}}},
            headers=common,
        )
        assert call.status_code == 200, call.text
        sc = _json_rpc_from(call)["result"]["structuredContent"]
        assert sc["session"] == "stateful" and sc["protocolVersion"] == LEGACY_LATEST, sc

        # A request with a made-up session id must not be served.
        bogus = http.post(
            streamable_http_server.mcp_url,
            json={"jsonrpc": "2.0", "id": 3, "method": "tools/list"},
            headers={**common, "mcp-session-id": "no-such-session"},
        )
        assert bogus.status_code in (400, 404), (bogus.status_code, bogus.text)

        # DELETE ends the session; afterwards the id is unknown (404 per spec).
        deleted = http.delete(streamable_http_server.mcp_url, headers=common)
        assert deleted.status_code in (200, 202, 204), (deleted.status_code, deleted.text)
        after = http.post(
            streamable_http_server.mcp_url,
            json={"jsonrpc": "2.0", "id": 4, "method": "tools/list"},
            headers=common,
        )
        assert after.status_code == 404, (after.status_code, after.text)


def test_http_stateless_has_no_session_and_answers_json(stateless_http_server: HttpServer) -> None:
    with httpx2.Client(trust_env=False, timeout=10) as http:
        resp = http.post(stateless_http_server.mcp_url, json=_initialize_body(), headers={"Accept": ACCEPT_BOTH})
        assert resp.status_code == 200, resp.text
        assert "mcp-session-id" not in resp.headers, dict(resp.headers)
        assert resp.headers["content-type"].startswith("application/json"), dict(resp.headers)
        assert resp.json()["result"]["protocolVersion"] == LEGACY_LATEST

        # Each request stands alone: tools/call without any prior handshake on this "connection".
        call = http.post(
            stateless_http_server.mcp_url,
            json={"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": INFO_TOOL, "arguments": {}}},
            headers={"Accept": ACCEPT_BOTH, "mcp-protocol-version": LEGACY_LATEST},
        )
        assert call.status_code == 200, call.text
        assert call.headers["content-type"].startswith("application/json"), dict(call.headers)
        sc = call.json()["result"]["structuredContent"]
        assert sc["session"] == "stateless" and sc["transport"] == "streamable-http", sc
        # With no session to remember the handshake, the revision comes from the MCP-Protocol-Version header.
        assert sc["protocolVersion"] == LEGACY_LATEST, {k: sc.get(k) for k in ("protocolVersion", "session", "client")}


def test_http_server_exits_zero_on_sigterm(streamable_http_server: HttpServer) -> None:
    status, _, _ = http_get(f"{streamable_http_server.base}/health")
    assert status == 200
    assert streamable_http_server.terminate() == 0, streamable_http_server.log()


async def test_http_server_exits_zero_on_sigterm_with_open_session(streamable_http_server: HttpServer) -> None:
    # An open MCP session (with its standalone GET stream) must not keep the server from shutting down.
    code: int | None = None
    called_ok = False
    try:
        async with Client(streamable_http_server.mcp_url, mode="legacy", read_timeout_seconds=15) as client:
            called_ok = (await client.call_tool(INFO_TOOL, {})).is_error is False
            code = await anyio.to_thread.run_sync(streamable_http_server.terminate)
    except Exception:  # noqa: BLE001 - the client may complain while closing against a server that is gone
        if code is None:
            raise
    assert called_ok
    assert code == 0, f"exit code {code}\n{streamable_http_server.log()}"
