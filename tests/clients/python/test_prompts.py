"""The MCP prompts through the real `mcp` client, over stdio against a standalone sandbox.

A prompt is offered only when its service has a tool in the session's view; prompts/get renders
it into one user message, and refuses an unknown prompt or a bad argument with JSON-RPC invalid
params (-32602) naming it.
"""

from __future__ import annotations

from typing import Any

import anyio
import pytest

import tools_harness as rig

ALL_FOUR = [
    "zdx_troubleshoot_user_experience",
    "zcell_audit_data_usage",
    "zcell_investigate_sim",
    "zcell_review_anomaly_policies",
]


@pytest.fixture(scope="module")
def sandbox() -> Any:
    sb = rig.start_sandbox()
    yield sb
    sb.stop()


async def _session(sb: rig.Sandbox, args: list[str]) -> dict[str, Any]:
    """One stdio session: the prompt list, renders, refusals, and the list after enabling a
    ZCell toolset at run time."""
    from mcp import Client, StdioServerParameters
    from mcp.shared.exceptions import MCPError

    params = StdioServerParameters(command=rig.server_bin(), args=args, env=rig.server_env(sb))
    out: dict[str, Any] = {"errors": {}}
    async with Client(params, mode="legacy", read_timeout_seconds=30) as client:
        out["has_prompts_capability"] = client.server_capabilities.prompts is not None
        out["listed"] = (await client.list_prompts()).prompts
        if "zdx_troubleshoot_user_experience" in [p.name for p in out["listed"]]:
            out["zdx_defaults"] = await client.get_prompt(
                "zdx_troubleshoot_user_experience", {"user_or_device": "jdoe@example.com"}
            )
            out["zdx_args"] = await client.get_prompt(
                "zdx_troubleshoot_user_experience",
                {"user_or_device": "jdoe@example.com", "application": "Outlook", "since_hours": "72"},
            )
        if "zcell_audit_data_usage" in [p.name for p in out["listed"]]:
            out["audit_no_args"] = await client.get_prompt("zcell_audit_data_usage")
        for key, name, arguments in [
            ("unknown", "zdx_nope", {}),
            ("missing", "zdx_troubleshoot_user_experience", {}),
            ("range", "zdx_troubleshoot_user_experience", {"user_or_device": "a", "since_hours": "0"}),
            ("extra", "zcell_investigate_sim", {"iccid": "1", "days": "7"}),
            ("not_offered", "zcell_investigate_sim", {"iccid": "1"}),
        ]:
            try:
                await client.get_prompt(name, arguments)
                out["errors"][key] = None
            except MCPError as e:
                out["errors"][key] = (e.code, str(e.error.message))
        enabled = await client.call_tool("zscaler_enable_toolset", {"toolset": "zcell_sim_handling"})
        out["enabled"] = enabled
        out["after_enable"] = (await client.list_prompts(cache_mode="bypass")).prompts
    return out


def _text(result: Any) -> str:
    assert len(result.messages) == 1, result.messages
    message = result.messages[0]
    assert message.role == "user", message
    assert message.content.type == "text", message.content
    return message.content.text


def test_zdx_and_zcell_offer_the_four_prompts_and_render_them(sandbox: rig.Sandbox) -> None:
    r = anyio.run(_session, sandbox, ["--services", "zdx,zcell"])
    assert r["has_prompts_capability"]
    assert [p.name for p in r["listed"]] == ALL_FOUR
    zdx = r["listed"][0]
    assert zdx.title == "ZDX: Troubleshoot User Experience"
    assert [(a.name, a.required) for a in zdx.arguments] == [
        ("user_or_device", True),
        ("application", False),
        ("since_hours", False),
    ]
    for prompt in r["listed"]:
        assert prompt.description, prompt
        assert all(a.description for a in prompt.arguments), prompt.arguments

    text = _text(r["zdx_defaults"])
    assert "over the last 24 hours" in text, text
    assert 'zdx_list_devices (emails: ["jdoe@example.com"], since: 24)' in text, text
    assert "Find the application" not in text, text
    text = _text(r["zdx_args"])
    assert "over the last 72 hours" in text and 'Find the application "Outlook"' in text, text
    text = _text(r["audit_no_args"])
    assert "zcell_list_sim_usage_by_day (days: 30)" in text and "location_country" not in text, text

    errors = r["errors"]
    for key, needle in [
        ("unknown", "Unknown prompt: zdx_nope."),
        ("missing", "needs the argument user_or_device"),
        ("range", "since_hours of prompt zdx_troubleshoot_user_experience must be a whole number of hours from 1 to 336"),
        ("extra", "Prompt zcell_investigate_sim has no argument days"),
    ]:
        assert errors[key] is not None, key
        code, message = errors[key]
        assert code == -32602, (key, code, message)
        assert needle in message, (key, message)
    assert errors["not_offered"] is None  # offered here: it rendered


def test_a_view_without_zdx_or_zcell_tools_offers_no_prompt_until_a_toolset_is_enabled(
    sandbox: rig.Sandbox,
) -> None:
    r = anyio.run(_session, sandbox, ["--toolsets", "zia_rule_labels"])
    assert r["has_prompts_capability"]
    assert r["listed"] == []
    code, message = r["errors"]["not_offered"]
    assert code == -32602
    assert message.startswith("Prompt zcell_investigate_sim is not offered here"), message
    assert r["errors"]["unknown"][0] == -32602
    # The session enabled a ZCell toolset: its prompts follow its tools.
    assert r["enabled"].is_error is False, r["enabled"].content
    assert [p.name for p in r["after_enable"]] == ALL_FOUR[1:]
