"""Calls Zscaler tools through the real `mcp` client against a standalone sandbox, and reads
what reached the sandbox from its request record.

Library use (tests): `Rig` starts `zscaler-mcp sandbox` and the server over stdio, pointed at it
with ZSCALER_MCP_API_BASE_URL / ZSCALER_MCP_TOKEN_URL.

Command-line use (authoring tool cases):

    $PY tests/clients/python/tools_harness.py call zia_list_locations '{"search": "HQ"}'
    $PY tests/clients/python/tools_harness.py cases tests/tools/cases/zia_locations.json

`call` prints the result and the recorded requests; `cases` runs a case file and prints each
case's verdict (the same checks as tests/clients/python/test_tools.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
CASES_DIR = ROOT / "tests" / "tools" / "cases"
ADMIN_TOKEN = "tools-harness-admin"

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"


def server_bin() -> str:
    path = os.environ.get("ZSCALER_MCP_BIN") or str(
        Path.home() / ".cache/zscaler-mcp/target/debug/zscaler-mcp"
    )
    return path


@dataclass
class Sandbox:
    proc: subprocess.Popen[str]
    info: dict[str, str]

    def admin(self, method: str, path: str) -> bytes:
        req = urllib.request.Request(
            self.info["base_url"] + path,
            method=method,
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.read()

    def requests(self, since: int = 0) -> list[dict[str, Any]]:
        raw = self.admin("GET", f"/_sandbox/requests?since={since}").decode()
        return [json.loads(line) for line in raw.splitlines() if line.strip()]

    def last_seq(self) -> int:
        rows = self.requests()
        return rows[-1]["seq"] if rows else 0

    def reset(self) -> None:
        self.admin("POST", "/_sandbox/reset")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_sandbox(*extra: str) -> Sandbox:
    proc = subprocess.Popen(
        [server_bin(), "sandbox", "--admin-token", ADMIN_TOKEN, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    info: dict[str, str] = {}
    assert proc.stdout is not None
    while "admin_token" not in info:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("zscaler-mcp sandbox exited before printing its address")
        key, _, value = line.strip().partition(": ")
        info[key] = value
    return Sandbox(proc, info)


def server_env(sandbox: Sandbox, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZSCALER_", "ZCELL_"))}
    env.update(
        ZSCALER_CLIENT_ID=sandbox.info["client_id"],
        ZSCALER_CLIENT_SECRET=sandbox.info["client_secret"],
        ZSCALER_CUSTOMER_ID=sandbox.info["customer_id"],
        ZCELL_CUSTOMER_ID=sandbox.info["zcell_customer_id"],
        ZSCALER_VANITY_DOMAIN="sandbox",
        ZSCALER_MCP_API_BASE_URL=sandbox.info["base_url"],
        ZSCALER_MCP_TOKEN_URL=sandbox.info["token_url"],
        # The sandbox here enforces no rate limits; the client's Zscaler budgets (ZIA DELETE is
        # 1/min and 4/h) would only make the cases wait.
        ZSCALER_MCP_RATE_LIMITS="off",
    )
    # HTTP authenticates clients by default; tests that do not test auth serve without it.
    if not any(k.startswith("ZSCALER_MCP_AUTH_") for k in extra):
        env["ZSCALER_MCP_AUTH_MODE"] = "none"
    env.update(extra)
    return env


WRITE_ARGS = ["--toolsets", "all", "--enable-write-tools", "--write-tools", "*"]


@dataclass
class Call:
    result: Any
    requests: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(getattr(c, "text", "") for c in self.result.content)


async def call_many(
    sandbox: Sandbox,
    calls: list[tuple[str, dict[str, Any], bool]],
    args: list[str] | None = None,
) -> list[Call]:
    """Runs (tool, arguments, reset_first) in one MCP session; records each call's requests."""
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=server_bin(),
        args=WRITE_ARGS if args is None else args,
        env=server_env(sandbox),
    )
    out: list[Call] = []
    async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
        for tool, arguments, reset in calls:
            if reset:
                sandbox.reset()
            if "delete" in tool:
                # A client without elicitation confirms with the token the first call answers;
                # that first call changes nothing.
                since = sandbox.last_seq()
                ask = await client.call_tool(tool, arguments)
                asked = [r for r in sandbox.requests(since) if r["method"] != "GET" and not r["path"].startswith("/oauth2")]
                sc = ask.structured_content or {}
                if ask.is_error or sc.get("status") != "confirmation_required" or asked:
                    out.append(Call(ask, asked))
                    continue
                arguments = {**arguments, "kwargs": {"confirmation_token": sc["confirmation_token"]}}
            since = sandbox.last_seq()
            result = await client.call_tool(tool, arguments)
            recorded = [r for r in sandbox.requests(since) if not r["path"].startswith("/oauth2")]
            out.append(Call(result, recorded))
    return out


async def list_tools(sandbox: Sandbox, args: list[str]) -> list[Any]:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(command=server_bin(), args=args, env=server_env(sandbox))
    async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
        return list((await client.list_tools()).tools)


# ------------------------------------------------------------------------------------------
# Cases: tests/tools/cases/*.json, each a list of
#   {"tool": NAME, "args": {...}, "expect": [[METHOD, PATH_TEMPLATE], ...],
#    "error": false | "substring of the error text", "shape": "list" | "record" | "write",
#    "body": {field: value, ...}, "allow_status": [404, ...], "nonempty": true, "rows": N}
# PATH_TEMPLATE placeholders ({customerId}, {id}) match one path segment.


def load_cases(paths: list[Path] | None = None) -> list[dict[str, Any]]:
    cases = []
    for p in paths or sorted(CASES_DIR.glob("*.json")):
        for i, case in enumerate(json.loads(p.read_text())):
            case.setdefault("args", {})
            case["id"] = f"{p.stem}:{i}:{case['tool']}"
            cases.append(case)
    return cases


def path_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{body}$")


def verdict(case: dict[str, Any], call: Call) -> list[str]:
    """Problems with one call, empty when it behaved as the case says."""
    problems: list[str] = []
    res = call.result
    error = case.get("error", False)
    if error:
        if not res.is_error:
            problems.append(f"expected an error, got success: {call.text[:300]}")
        elif isinstance(error, str) and error not in call.text:
            problems.append(f"error text lacks {error!r}: {call.text[:300]}")
    elif res.is_error:
        problems.append(f"isError: {call.text[:500]}")
    got = [(r["method"], r["path"]) for r in call.requests]
    expect = [tuple(e) for e in case.get("expect", [])]
    if len(got) != len(expect) or not all(
        m == em and path_regex(ep).match(p) for (m, p), (em, ep) in zip(got, expect)
    ):
        problems.append(f"requests {got} do not match {expect}")
    statuses = [r["status"] for r in call.requests]
    allowed = set(case.get("allow_status", []))
    if not error and any(s >= 400 and s not in allowed for s in statuses):
        problems.append(f"a request failed at the sandbox: statuses {statuses}")
    sc = res.structured_content
    shape = case.get("shape")
    if not error:
        if not isinstance(sc, dict):
            problems.append(f"structuredContent is not an object: {sc!r}"[:300])
        elif shape == "list":
            if not isinstance(sc.get("result"), list):
                problems.append("list result is not a list")
            if not isinstance(sc.get("complete"), bool):
                problems.append("list result has no boolean 'complete'")
            rows = sc.get("result") or []
            if "rows" in case and len(rows) != case["rows"]:
                problems.append(f"{len(rows)} rows, the case expects {case['rows']}")
            if case.get("nonempty", True) and not rows:
                problems.append("list result is empty (the case expects rows)")
            if rows and isinstance(rows[0], dict) and "query" not in case.get("args", {}):
                # Identity fields; ZCC devices are keyed by udid, EASM lookalikes by lookalike_raw,
                # ZDX deep traces by trace_id, software by software_key, metric series by metric,
                # Z-Insights shadow-IT apps by application.
                keys = ("id", "name", "url", "ipAddress", "configuredName", "udid", "lookalike_raw",
                        "trace_id", "software_key", "metric", "application")
                if not any(k in rows[0] for k in keys):
                    problems.append(f"first row has no id/name: {sorted(rows[0])[:12]}")
        elif shape == "record":
            if not sc:
                problems.append("record is empty")
    if case.get("body"):
        writes = [r for r in call.requests if r["method"] in ("POST", "PUT")]
        sent = writes[-1].get("body") if writes else None
        for k, v in case["body"].items():
            if not isinstance(sent, dict) or sent.get(k) != v:
                problems.append(f"body field {k!r}: sent {None if not isinstance(sent, dict) else sent.get(k)!r}, expected {v!r}")
    return problems


async def run_cases(cases: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Call]]:
    sandbox = start_sandbox()
    try:
        # A delete changes the tenant for good: the case after it starts from a fresh one.
        calls = [
            (
                c["tool"],
                c["args"],
                c.get("shape") == "write"
                or c.get("reset", False)
                or (i > 0 and "delete" in cases[i - 1]["tool"]),
            )
            for i, c in enumerate(cases)
        ]
        results = await call_many(sandbox, calls)
        return list(zip(cases, results))
    finally:
        sandbox.stop()


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "call":
        tool = sys.argv[2]
        arguments = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
        sandbox = start_sandbox()
        try:
            (call,) = asyncio.run(call_many(sandbox, [(tool, arguments, False)]))
        finally:
            sandbox.stop()
        print("isError:", call.result.is_error)
        print("text:", call.text[:4000])
        print("structured:", json.dumps(call.result.structured_content)[:4000])
        for r in call.requests:
            print("request:", r["method"], r["path"], r["query"], r["status"], json.dumps(r.get("body"))[:600])
        return 0
    if len(sys.argv) >= 3 and sys.argv[1] == "cases":
        cases = load_cases([Path(p) for p in sys.argv[2:]])
        failed = 0
        for case, call in asyncio.run(run_cases(cases)):
            problems = verdict(case, call)
            failed += bool(problems)
            print(("FAIL " if problems else "ok   ") + case["id"])
            for p in problems:
                print("     " + p)
        print(f"{len(cases) - failed} passed, {failed} failed")
        return 1 if failed else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
