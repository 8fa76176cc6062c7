"""The `discover` tool mode through the official Python `mcp` client, over stdio against a real
sandbox: search → describe → call for a read; a write refused without the allowlist and run with
it; a delete confirmed through zscaler_call_tool (the token flow, and a 2026-07-28 client's
input-required round trip answered by the elicitation callback); an excluded tool that search
does not find and describe and call refuse by name; and a 2026-07-28 client that sees the same
tools/list before and after any call, in both modes. The sandbox's request record proves what
reached Zscaler."""

from __future__ import annotations

import json
from typing import Any

import anyio
import pytest

import tools_harness as rig

DISCOVERY = [
    "zscaler_search_tools",
    "zscaler_describe_tools",
    "zscaler_call_tool",
    "zscaler_get_server_info",
    "zscaler_list_toolsets",
    "zscaler_get_toolset_tools",
    "zscaler_enable_toolset",
]
LABEL = "3300002"
READS = ["--tool-mode", "discover", "--toolsets", "zia_rule_labels"]
WRITES = [*READS, "--enable-write-tools", "--write-tools", "zia_create_rule_label,zia_delete_rule_label"]


@pytest.fixture()
def sandbox():
    sb = rig.start_sandbox()
    try:
        yield sb
    finally:
        sb.stop()


def text(result: Any) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)


def zscaler_requests(sb: rig.Sandbox, since: int = 0) -> list[tuple[str, str]]:
    return [(r["method"], r["path"]) for r in sb.requests(since) if not r["path"].startswith("/oauth2")]


async def _session(sb: rig.Sandbox, args: list[str], mode: str, steps: Any, elicit: Any = None) -> dict[str, Any]:
    """Runs `steps(client, out)` in one session; returns what it recorded."""
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(command=rig.server_bin(), args=args, env=rig.server_env(sb))
    kwargs: dict[str, Any] = {"mode": mode, "read_timeout_seconds": 30}
    if elicit is not None:
        kwargs["elicitation_callback"] = elicit
    out: dict[str, Any] = {}
    async with Client(params, **kwargs) as c:
        out["version"] = c.protocol_version
        await steps(c, out)
    return out


@pytest.mark.parametrize("mode", ["legacy", "auto"])
def test_search_describe_then_call_a_read(sandbox: rig.Sandbox, mode: str) -> None:
    async def steps(c: Any, out: dict[str, Any]) -> None:
        out["listed"] = (await c.list_tools()).tools
        out["search"] = await c.call_tool("zscaler_search_tools", {"query": "list rule labels"})
        out["describe"] = await c.call_tool("zscaler_describe_tools", {"names": ["zia_list_rule_labels"]})
        out["since"] = sandbox.last_seq()
        out["call"] = await c.call_tool(
            "zscaler_call_tool", {"name": "zia_list_rule_labels", "arguments": {"query": "[].name"}}
        )

    r = anyio.run(_session, sandbox, READS, mode, steps)
    if mode == "auto":
        assert r["version"] == "2026-07-28", r["version"]
    assert [t.name for t in r["listed"]] == DISCOVERY
    search = r["search"]
    assert search.is_error is False, text(search)
    rows = search.structured_content["result"]
    assert rows[0]["name"] == "zia_list_rule_labels", rows
    assert all(not row["name"].startswith(("zia_create", "zia_update", "zia_delete")) for row in rows), rows
    assert "zscaler_describe_tools" in text(search)
    described = r["describe"]
    assert described.is_error is False, text(described)
    (tool,) = described.structured_content["tools"]
    assert tool["name"] == "zia_list_rule_labels"
    assert tool["inputSchema"]["additionalProperties"] is False
    assert "query" in tool["inputSchema"]["properties"]
    assert tool["annotations"]["readOnlyHint"] is True
    called = r["call"]
    assert called.is_error is False, text(called)
    names = called.structured_content["result"]
    assert names and all(isinstance(n, str) for n in names), names
    assert zscaler_requests(sandbox, r["since"]) == [("GET", "/zia/api/v1/ruleLabels")]


def test_a_write_is_refused_without_the_allowlist_and_runs_with_it(sandbox: rig.Sandbox) -> None:
    async def steps(c: Any, out: dict[str, Any]) -> None:
        out["search"] = await c.call_tool("zscaler_search_tools", {"query": "create rule label", "action": "create"})
        out["call"] = await c.call_tool(
            "zscaler_call_tool", {"name": "zia_create_rule_label", "arguments": {"name": "discover-py"}}
        )

    refused = anyio.run(_session, sandbox, READS, "legacy", steps)
    assert refused["search"].structured_content["result"] == [], text(refused["search"])
    call = refused["call"]
    assert call.is_error is True
    for needle in ["zia_create_rule_label is a write tool", "ZSCALER_MCP_WRITE_ENABLED", "ZSCALER_MCP_WRITE_TOOLS"]:
        assert needle in text(call), text(call)
    assert [m for m, _ in zscaler_requests(sandbox) if m != "GET"] == []

    allowed = anyio.run(_session, sandbox, WRITES, "legacy", steps)
    assert [row["name"] for row in allowed["search"].structured_content["result"]] == ["zia_create_rule_label"]
    call = allowed["call"]
    assert call.is_error is False, text(call)
    assert call.structured_content["name"] == "discover-py"
    assert ("POST", "/zia/api/v1/ruleLabels") in zscaler_requests(sandbox)


def deletes(sb: rig.Sandbox) -> list[str]:
    return [p for m, p in zscaler_requests(sb) if m == "DELETE"]


def test_a_delete_through_call_tool_is_confirmed_with_a_token(sandbox: rig.Sandbox) -> None:
    async def steps(c: Any, out: dict[str, Any]) -> None:
        args = {"name": "zia_delete_rule_label", "arguments": {"label_id": LABEL}}
        out["asked"] = await c.call_tool("zscaler_call_tool", args)
        out["deletes_after_ask"] = deletes(sandbox)
        token = (out["asked"].structured_content or {}).get("confirmation_token", "")
        confirmed = {**args["arguments"], "kwargs": {"confirmation_token": token}}
        out["done"] = await c.call_tool("zscaler_call_tool", {"name": "zia_delete_rule_label", "arguments": confirmed})
        out["replay"] = await c.call_tool("zscaler_call_tool", {"name": "zia_delete_rule_label", "arguments": confirmed})

    r = anyio.run(_session, sandbox, WRITES, "legacy", steps)
    asked = r["asked"]
    assert asked.is_error is False, text(asked)
    assert text(asked).startswith("DESTRUCTIVE OPERATION - CONFIRMATION REQUIRED"), text(asked)
    assert asked.structured_content["status"] == "confirmation_required"
    assert r["deletes_after_ask"] == []
    assert r["done"].is_error is False, text(r["done"])
    assert r["replay"].is_error is True
    assert r["replay"].structured_content["rejected"]["reason"] == "replayed"
    assert deletes(sandbox) == [f"/zia/api/v1/ruleLabels/{LABEL}"]


def test_a_2026_07_28_delete_through_call_tool_asks_the_user(sandbox: rig.Sandbox) -> None:
    from mcp import types

    asked: list[Any] = []

    async def elicit(context: Any, params: Any) -> Any:
        asked.append(params)
        return types.ElicitResult(action="accept", content={"choice": "delete"})

    async def steps(c: Any, out: dict[str, Any]) -> None:
        out["done"] = await c.call_tool(
            "zscaler_call_tool", {"name": "zia_delete_rule_label", "arguments": {"label_id": LABEL}}
        )

    r = anyio.run(_session, sandbox, WRITES, "auto", steps, elicit)
    assert r["version"] == "2026-07-28", r["version"]
    assert len(asked) == 1, asked
    assert asked[0].message.startswith("Confirm destructive operation: DELETE Rule Label"), asked[0].message
    assert r["done"].is_error is False, text(r["done"])
    assert deletes(sandbox) == [f"/zia/api/v1/ruleLabels/{LABEL}"]


def test_an_excluded_tool_is_neither_found_nor_callable(sandbox: rig.Sandbox) -> None:
    async def steps(c: Any, out: dict[str, Any]) -> None:
        out["search"] = await c.call_tool("zscaler_search_tools", {"query": "ZPA segment groups"})
        out["by_service"] = await c.call_tool("zscaler_search_tools", {"service": "zpa"})
        out["describe"] = await c.call_tool("zscaler_describe_tools", {"names": ["zpa_list_segment_groups"]})
        out["call"] = await c.call_tool("zscaler_call_tool", {"name": "zpa_list_segment_groups", "arguments": {}})

    r = anyio.run(_session, sandbox, READS, "legacy", steps)
    found = [row["name"] for row in r["search"].structured_content["result"]]
    assert not any(n.startswith("zpa_") for n in found), found
    assert r["by_service"].structured_content["result"] == []
    for key in ("describe", "call"):
        result = r[key]
        assert result.is_error is True, (key, text(result))
        said = text(result)
        assert said.startswith("zpa_list_segment_groups is excluded"), (key, said)
        assert "zpa_segment_groups" in said and "--toolsets" in said, (key, said)
    assert not any("/zpa/" in p for _, p in zscaler_requests(sandbox))


@pytest.mark.parametrize("args", [READS, ["--toolsets", "zia_rule_labels"]], ids=["discover", "static"])
def test_a_2026_07_28_client_sees_the_same_tools_list_before_and_after_any_call(
    sandbox: rig.Sandbox, args: list[str]
) -> None:
    async def steps(c: Any, out: dict[str, Any]) -> None:
        out["before"] = [t.model_dump(mode="json") for t in (await c.list_tools(cache_mode="bypass")).tools]
        out["enabled"] = await c.call_tool("zscaler_enable_toolset", {"toolset": "zpa_segment_groups"})
        if "discover" in args:
            out["call"] = await c.call_tool("zscaler_call_tool", {"name": "zia_list_rule_labels"})
        else:
            out["call"] = await c.call_tool("zia_list_rule_labels", {})
        await anyio.sleep(0.3)
        out["after"] = [t.model_dump(mode="json") for t in (await c.list_tools(cache_mode="bypass")).tools]

    r = anyio.run(_session, sandbox, args, "auto", steps)
    assert r["version"] == "2026-07-28", r["version"]
    assert r["call"].is_error is False, text(r["call"])
    assert r["enabled"].is_error is True, text(r["enabled"])
    assert "--toolsets zpa_segment_groups" in text(r["enabled"]), text(r["enabled"])
    assert json.dumps(r["before"], sort_keys=True) == json.dumps(r["after"], sort_keys=True)
    names = [t["name"] for t in r["after"]]
    if "discover" in args:
        assert names == DISCOVERY
    else:
        assert "zpa_list_segment_groups" not in names and "zia_list_rule_labels" in names
