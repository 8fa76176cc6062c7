"""Legacy HTTP+SSE transport (2024-11-05 style) through the real `mcp` 2.3.0 client."""

from __future__ import annotations

import json

import httpx2
import pytest
from mcp.client.sse import sse_client

from conftest import (
    LEGACY_LATEST,
    SERVER_NAME,
    HttpServer,
    check_info_tool_listed,
    check_server_info,
    run_client,
)

pytestmark = pytest.mark.anyio


async def _check_sse(url: str, *, transport: str) -> None:
    run = await run_client(sse_client(url), mode="legacy")
    assert run.protocol_version == LEGACY_LATEST
    assert run.server_name == SERVER_NAME
    check_info_tool_listed(run.tools)
    check_server_info(run.info, protocol=LEGACY_LATEST, transport=transport, session="sse")


async def test_sse_transport_via_sse_path(sse_server: HttpServer) -> None:
    await _check_sse(sse_server.sse_url, transport="sse")


async def test_sse_transport_via_mcp_path(sse_server: HttpServer) -> None:
    await _check_sse(sse_server.mcp_url, transport="sse")


async def test_streamable_http_server_also_serves_legacy_sse(streamable_http_server: HttpServer) -> None:
    # `transport` names the server's configured transport; `session` says this connection is legacy SSE.
    await _check_sse(streamable_http_server.sse_url, transport="streamable-http")


def _first_sse_event(url: str) -> tuple[str, str]:
    """Open the SSE stream and return (event, data) of its first event."""
    with httpx2.Client(trust_env=False, timeout=httpx2.Timeout(10.0)) as http:
        with http.stream("GET", url, headers={"Accept": "text/event-stream"}) as resp:
            assert resp.status_code == 200, resp.status_code
            assert resp.headers["content-type"].startswith("text/event-stream"), dict(resp.headers)
            event, data = "message", []
            for line in resp.iter_lines():
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())
                elif line == "" and data:
                    return event, "\n".join(data)
    raise AssertionError("SSE stream ended before the first event")


@pytest.mark.parametrize("transport", ["sse", "streamable-http"])
def test_sse_endpoint_event(http_server_factory, transport: str) -> None:
    srv = http_server_factory("--transport", transport, "--host", "127.0.0.1")
    event, data = _first_sse_event(srv.sse_url)
    assert event == "endpoint", (event, data)
    assert data.startswith("/messages?sessionId="), data
    session_id = data.split("sessionId=", 1)[1]
    assert session_id and "&" not in session_id, data


def test_sse_post_with_unknown_session_is_rejected(sse_server: HttpServer) -> None:
    with httpx2.Client(trust_env=False, timeout=10) as http:
        resp = http.post(
            f"{sse_server.base}/messages?sessionId=no-such-session",
            content=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}),
            headers={"Content-Type": "application/json"},
        )
        assert resp.status_code in (400, 404, 410), (resp.status_code, resp.text)
