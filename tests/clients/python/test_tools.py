"""Every tool of the ten services through the real `mcp` client against a standalone sandbox.

The calls are the cases in tests/tools/cases/*.json (see docs/authoring-tools.md); all run in
one MCP session over stdio, with the sandbox reset before each write. Each case checks the
result's shape and the exact requests that reached the sandbox. Further tests: write tools are
absent without the allowlist, the entitlement filter, run-time toolset enabling with its
list_changed notification, and the pipeline's output contract (CSV, query, errors).
"""

from __future__ import annotations

import csv
import json
from typing import Any

import anyio
import pytest

import tools_harness as rig

CASES = rig.load_cases()


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[dict[str, Any], rig.Call]]:
    results = anyio.run(rig.run_cases, CASES)
    return {case["id"]: (case, call) for case, call in results}


@pytest.mark.parametrize("case_id", [c["id"] for c in CASES])
def test_case(runs: dict[str, tuple[dict[str, Any], rig.Call]], case_id: str) -> None:
    case, call = runs[case_id]
    problems = rig.verdict(case, call)
    assert not problems, "\n".join(problems)


DECLARED_SERVICES = ("zia", "zpa", "zcc", "zeasm", "zid", "ztw", "zcell", "zms", "zdx", "zins")


def declared_zscaler_tools() -> list[dict[str, Any]]:
    """The reference's tools of the declared services (the parity test proves we declare exactly
    these)."""
    data = json.loads((rig.ROOT / "crates/zscaler-mcp/tests/data/tools.json").read_text())
    return [t for t in data if t["service"] in DECLARED_SERVICES]


def test_every_declared_tool_has_a_case() -> None:
    covered = {c["tool"] for c in CASES}
    missing = sorted(t["name"] for t in declared_zscaler_tools() if t["name"] not in covered)
    assert not missing, f"{len(missing)} tools have no case: {missing}"


@pytest.fixture(scope="module")
def sandbox() -> Any:
    sb = rig.start_sandbox()
    yield sb
    sb.stop()


def test_write_tools_are_absent_without_the_allowlist(sandbox: rig.Sandbox) -> None:
    reads = {t["name"] for t in declared_zscaler_tools() if t["action"] == "read"}
    writes = {t["name"] for t in declared_zscaler_tools() if t["action"] != "read"}
    listed = {t.name for t in anyio.run(rig.list_tools, sandbox, ["--services", ",".join(DECLARED_SERVICES)])}
    assert reads <= listed, f"read tools missing: {sorted(reads - listed)[:10]}"
    assert not (writes & listed), f"write tools listed without allowlist: {sorted(writes & listed)[:10]}"
    # One half of the gate is not enough.
    only_enabled = {t.name for t in anyio.run(rig.list_tools, sandbox, ["--enable-write-tools"])}
    assert not (writes & only_enabled)
    only_list = {t.name for t in anyio.run(rig.list_tools, sandbox, ["--write-tools", "zia_*"])}
    assert not (writes & only_list)
    # Both halves: exactly the allowlisted writes.
    both = {
        t.name
        for t in anyio.run(
            rig.list_tools, sandbox, ["--enable-write-tools", "--write-tools", "zia_create_*"]
        )
    }
    assert {w for w in writes if w.startswith("zia_create_")} == writes & both


def test_entitlement_filter_keeps_only_entitled_services() -> None:
    sb = rig.start_sandbox("--entitlements", "zia")
    try:
        names = {t.name for t in anyio.run(rig.list_tools, sb, [])}
    finally:
        sb.stop()
    assert any(n.startswith("zia_") for n in names)
    assert not any(n.startswith(("zpa_", "get_zpa_")) for n in names), sorted(names)[:20]
    assert "zscaler_list_toolsets" in names


async def _enable_and_watch(sb: rig.Sandbox) -> dict[str, Any]:
    from mcp import Client, StdioServerParameters

    notes: list[str] = []

    async def on_message(message: Any) -> None:
        root = getattr(message, "root", message)
        method = getattr(root, "method", None)
        if method:
            notes.append(method)

    params = StdioServerParameters(
        command=rig.server_bin(),
        args=["--toolsets", "zia_rule_labels"],
        env=rig.server_env(sb),
    )
    async with Client(params, mode="legacy", read_timeout_seconds=30, message_handler=on_message) as c:
        before = {t.name for t in (await c.list_tools()).tools}
        listing = await c.call_tool("zscaler_list_toolsets", {})
        enabled = await c.call_tool("zscaler_enable_toolset", {"toolset": "zpa_segment_groups"})
        await anyio.sleep(0.3)
        after = {t.name for t in (await c.list_tools()).tools}
        tools = await c.call_tool("zscaler_get_toolset_tools", {"toolset": "zpa_segment_groups"})
        bad = await c.call_tool("zscaler_enable_toolset", {"toolset": "zpa_nope"})
        call = await c.call_tool("zpa_list_segment_groups", {})
    return {
        "before": before,
        "after": after,
        "listing": listing,
        "enabled": enabled,
        "tools": tools,
        "bad": bad,
        "call": call,
        "notes": notes,
    }


def test_enable_toolset_extends_the_session_and_notifies(sandbox: rig.Sandbox) -> None:
    r = anyio.run(_enable_and_watch, sandbox)
    assert "zia_list_rule_labels" in r["before"]
    assert "zpa_list_segment_groups" not in r["before"]
    rows = r["listing"].structured_content["result"]
    seg = next(x for x in rows if x["id"] == "zpa_segment_groups")
    assert seg["loaded"] is False and seg["tools"] == 5
    assert r["enabled"].is_error is False, r["enabled"].content
    assert "zpa_list_segment_groups" in r["enabled"].structured_content["added"]
    assert "zpa_list_segment_groups" in r["after"]
    assert "notifications/tools/list_changed" in r["notes"], r["notes"]
    tools = {t["name"]: t for t in r["tools"].structured_content["result"]}
    assert tools["zpa_list_segment_groups"]["exposed"] is True
    assert tools["zpa_create_segment_group"]["exposed"] is False
    assert "write" in tools["zpa_create_segment_group"]["unavailable"]
    assert r["bad"].is_error is True
    assert "zpa_segment_groups" in r["bad"].content[0].text
    assert r["call"].is_error is False


async def _pipeline(sb: rig.Sandbox) -> dict[str, Any]:
    calls = [
        ("zia_list_rule_labels", {"query": "[].name"}, False),
        ("zia_list_rule_labels", {"query": "length(@)"}, False),
        ("zia_list_rule_labels", {"query": "[?name"}, False),
        ("zia_list_rule_labels", {"nope": 1}, False),
        ("zpa_list_segment_groups", {"page_size": 0}, False),
        ("zia_get_rule_label", {"label_id": "999999999"}, False),
        ("zia_list_devices_lite", {}, False),
        ("zia_get_sandbox_report", {"md5_hash": "977045B7FB611E791AA65D1A94D6F953"}, False),
        ("zia_create_rule_label", {"name": "pipeline-check"}, True),
        ("zcc_list_devices", {}, False),
    ]
    return dict(zip(["names", "count", "badq", "unknown", "range", "missing", "csv", "untrusted", "write",
                     "same"],
                    await rig.call_many(sb, calls, rig.WRITE_ARGS)))


def test_pipeline_contract(sandbox: rig.Sandbox) -> None:
    r = anyio.run(_pipeline, sandbox)
    names = r["names"].result.structured_content
    assert isinstance(names["result"], list) and all(isinstance(n, str) for n in names["result"])
    assert names["complete"] is True
    assert isinstance(r["count"].result.structured_content["result"], int)
    for key, needle in [
        ("badq", "query"),
        ("unknown", "nope"),
        ("range", "page_size"),
    ]:
        res = r[key].result
        assert res.is_error is True, (key, res.content)
        assert needle in res.content[0].text, (key, res.content[0].text)
        assert r[key].requests == [], (key, r[key].requests)
    missing = r["missing"].result
    assert missing.is_error is True and "not found" in missing.content[0].text.lower()
    assert missing.structured_content["error"] == "not_found"
    # Flat rows travel as CSV: the values every row shares once ({"same": ...}), a header, then
    # one line per row, as many as the result has; together they give back every record.
    def cell(v: Any) -> str:
        return "" if v is None else v if isinstance(v, str) else json.dumps(v, separators=(",", ":"))

    def shared_and_table(key: str) -> dict[str, Any]:
        text = r[key].text
        rows = r[key].result.structured_content["result"]
        lines = text.splitlines()
        same = json.loads(lines.pop(0))["same"] if lines[0].startswith('{"same":') else {}
        header = next(csv.reader([lines[0]]))
        assert header[0] == list(rows[0].keys())[0], text[:200]
        assert set(header) | set(same) == {k for row in rows for k in row}, text[:200]
        assert not set(header) & set(same)
        assert len(lines) == len(rows) + 1, (len(lines), len(rows))
        for line, row in zip(lines[1:], rows):
            assert next(csv.reader([line])) == [cell(row.get(h)) for h in header], line
            assert all(row.get(k) == v for k, v in same.items()), row
        return same

    assert shared_and_table("csv") == {}
    # ZCC devices share their company name (and more): said once, before the header.
    assert shared_and_table("same").get("companyName") == "Example Corp"
    # Content from outside the tenant carries the notice; the data itself is untouched.
    report = r["untrusted"]
    assert report.result.is_error is False
    assert report.text.startswith("[UNTRUSTED CONTENT]"), report.text[:120]
    assert "[UNTRUSTED" not in json.dumps(report.result.structured_content)
    # ZIA writes say the change is staged.
    write = r["write"]
    assert write.result.is_error is False, write.text
    assert write.text.rstrip().endswith("zia_activate_configuration is called."), write.text[-200:]
    assert write.result.structured_content["name"] == "pipeline-check"


async def _listen_and_enable(sb: rig.Sandbox) -> dict[str, Any]:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=rig.server_bin(),
        args=["--toolsets", "zia_rule_labels"],
        env=rig.server_env(sb),
    )
    async with Client(params, mode="auto", read_timeout_seconds=30) as c:
        version = c.protocol_version
        before = {t.name for t in (await c.list_tools()).tools}
        async with c.listen(tools_list_changed=True) as sub:
            enabled = await c.call_tool("zscaler_enable_toolset", {"toolset": "zpa_segment_groups"})
            event = None
            with anyio.move_on_after(1):
                event = await sub.__anext__()
        after = {t.name for t in (await c.list_tools(cache_mode="bypass")).tools}
    return {"version": version, "enabled": enabled, "event": event, "before": before, "after": after}


def test_enable_toolset_changes_nothing_for_a_2026_07_28_client(sandbox: rig.Sandbox) -> None:
    """Under 2026-07-28 tools/list does not vary as a side effect of a call: the tool says how to
    get the toolset instead (--toolsets, or discover mode), and the listen stream stays quiet."""
    r = anyio.run(_listen_and_enable, sandbox)
    assert r["version"] == "2026-07-28", r["version"]
    assert r["enabled"].is_error is True, r["enabled"].content
    text = r["enabled"].content[0].text
    assert "--toolsets zpa_segment_groups" in text and "--tool-mode discover" in text, text
    assert r["event"] is None, r["event"]
    assert r["after"] == r["before"]
    assert "zpa_list_segment_groups" not in r["after"]


async def _stateless_enable(url: str) -> Any:
    from mcp import Client

    async with Client(url, mode="legacy", read_timeout_seconds=30) as c:
        return await c.call_tool("zscaler_enable_toolset", {"toolset": "zpa_segment_groups"})


def test_enable_toolset_without_a_session_says_how_to_configure(sandbox: rig.Sandbox) -> None:
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [rig.server_bin(), "--transport", "streamable-http", "--stateless-http", "--port", str(port),
         "--toolsets", "zia_rule_labels"],
        env=rig.server_env(sandbox),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        result = anyio.run(_stateless_enable, f"http://127.0.0.1:{port}/mcp")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert result.is_error is True
    text = result.content[0].text
    assert "--toolsets zpa_segment_groups" in text and "ZSCALER_MCP_TOOLSETS" in text, text
