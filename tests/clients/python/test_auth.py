"""Client authentication (api-key) through the real `mcp` 2.3.0 client over streamable HTTP:
the right key in `Authorization: Bearer` connects, lists tools and calls one; a missing or
wrong key never gets a session, and the server says 401 with a challenge."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from conftest import INFO_TOOL, LEGACY_LATEST, HttpServer

pytestmark = pytest.mark.anyio

KEY = "zmcp_python-client-key-0123456789"


@pytest.fixture
def api_key_server(http_server_factory: Any) -> HttpServer:
    return http_server_factory(
        "--transport", "streamable-http", "--host", "127.0.0.1", ZSCALER_MCP_AUTH_API_KEY=KEY
    )


async def _connect(server: HttpServer, headers: dict[str, str]) -> Any:
    async with httpx2.AsyncClient(headers=headers, timeout=15) as http:
        async with Client(streamable_http_client(server.mcp_url, http_client=http), mode="legacy") as client:
            tools = await client.list_tools()
            info = await client.call_tool(INFO_TOOL, {})
            return tools, info


async def test_the_right_key_connects_and_calls_tools(api_key_server: HttpServer) -> None:
    for headers in ({"Authorization": f"Bearer {KEY}"}, {"X-Api-Key": KEY}):
        tools, info = await _connect(api_key_server, headers)
        assert any(t.name == INFO_TOOL for t in tools.tools)
        assert not info.is_error, info.content
        security = info.structured_content["security"]
        assert security["clientAuth"] == "api-key", security


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-key-0000000000000000"}, {"Authorization": f"Basic {KEY}"}],
    ids=["missing", "wrong", "basic"],
)
async def test_a_missing_or_wrong_key_gets_no_session(api_key_server: HttpServer, headers: dict[str, str]) -> None:
    with pytest.raises(BaseException) as failure:  # the SDK raises our JSON-RPC error (grouped)
        await _connect(api_key_server, headers)
    said = repr(failure.value)
    assert "-32001" in said, said
    expected = "Authentication required" if not headers else ("Invalid credentials" if "wrong" in str(headers) else "Malformed credentials")
    assert expected in said, said
    # The raw answer: 401, a Bearer challenge and a JSON-RPC error body.
    async with httpx2.AsyncClient(headers=headers, timeout=5) as http:
        r = await http.post(
            api_key_server.mcp_url,
            headers={"accept": "application/json, text/event-stream"},
            json={"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"protocolVersion": LEGACY_LATEST, "capabilities": {},
                             "clientInfo": {"name": "t", "version": "1"}}},
        )
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Bearer realm=")
    assert r.json()["error"]["code"] == -32001
