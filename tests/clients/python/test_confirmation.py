"""Delete confirmation through the official Python `mcp` client, over stdio against a real
sandbox: a legacy session whose client can elicit is asked mid-call; a 2026-07-28 client gets an
input-required round trip that the SDK answers through the same elicitation callback; a client
without elicitation gets a token. The sandbox's request log proves nothing is deleted before a
human said `delete`."""

from __future__ import annotations

import re
from typing import Any

import anyio
import pytest

import tools_harness as rig

LABEL = "3300002"
ARGS = ["--toolsets", "zia_rule_labels", "--enable-write-tools", "--write-tools", "zia_delete_*"]


@pytest.fixture()
def sandbox():
    sb = rig.start_sandbox()
    try:
        yield sb
    finally:
        sb.stop()


def deletes(sb: rig.Sandbox) -> list[str]:
    return [r["path"] for r in sb.requests() if r["method"] == "DELETE"]


async def _call(sb: rig.Sandbox, mode: str, answer: dict[str, Any] | None, calls: int = 1) -> dict[str, Any]:
    from mcp import Client, StdioServerParameters
    from mcp import types

    asked: list[Any] = []

    async def elicit(context: Any, params: Any) -> Any:
        asked.append(params)
        return types.ElicitResult(**answer)

    params = StdioServerParameters(command=rig.server_bin(), args=ARGS, env=rig.server_env(sb))
    kwargs: dict[str, Any] = {"mode": mode, "read_timeout_seconds": 30}
    if answer is not None:
        kwargs["elicitation_callback"] = elicit
    results = []
    async with Client(params, **kwargs) as c:
        version = c.protocol_version
        for _ in range(calls):
            results.append(await c.call_tool("zia_delete_rule_label", {"label_id": LABEL}))
    return {"version": version, "asked": asked, "results": results}


def text(result: Any) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)


@pytest.mark.parametrize("mode", ["legacy", "auto"])
def test_a_client_that_can_elicit_is_asked_and_delete_runs_it(sandbox: rig.Sandbox, mode: str) -> None:
    r = anyio.run(_call, sandbox, mode, {"action": "accept", "content": {"choice": "delete"}})
    if mode == "auto":
        assert r["version"] == "2026-07-28", r["version"]
    assert len(r["asked"]) == 1, r["asked"]
    question = r["asked"][0]
    assert question.message.startswith("Confirm destructive operation: DELETE Rule Label"), question.message
    # The display name was read with the get tool before asking: `"<name>" (<id>)`.
    assert re.search(rf'— "[^"]+" \({LABEL}\)', question.message), question.message
    assert [r["method"] for r in sandbox.requests() if not r["path"].startswith("/oauth2")][0] == "GET"
    assert question.requested_schema["properties"]["choice"]["enum"] == ["delete", "cancel"]
    result = r["results"][0]
    assert result.is_error is False, text(result)
    assert deletes(sandbox) == [f"/zia/api/v1/ruleLabels/{LABEL}"]


@pytest.mark.parametrize("mode", ["legacy", "auto"])
@pytest.mark.parametrize(
    "answer,said",
    [
        ({"action": "decline"}, "Declined by user."),
        ({"action": "cancel"}, "Confirmation dismissed."),
        ({"action": "accept", "content": {"choice": "cancel"}}, "Cancelled by user."),
    ],
)
def test_anything_but_delete_deletes_nothing(sandbox: rig.Sandbox, mode: str, answer: dict[str, Any], said: str) -> None:
    r = anyio.run(_call, sandbox, mode, answer)
    assert len(r["asked"]) == 1
    result = r["results"][0]
    assert text(result).startswith(said), text(result)
    assert "was NOT performed" in text(result)
    assert deletes(sandbox) == []


def test_a_client_without_elicitation_gets_a_token_and_nothing_is_deleted(sandbox: rig.Sandbox) -> None:
    r = anyio.run(_call, sandbox, "legacy", None, 2)
    for result in r["results"]:
        assert result.is_error is False, text(result)
        assert text(result).startswith("DESTRUCTIVE OPERATION - CONFIRMATION REQUIRED")
        assert result.structured_content["status"] == "confirmation_required"
    # Each first call gets its own token; none deletes anything.
    tokens = {res.structured_content["confirmation_token"] for res in r["results"]}
    assert len(tokens) == 2
    assert deletes(sandbox) == []
