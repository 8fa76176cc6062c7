"""Result-token benchmark, collection half: calls every common list tool with no arguments on
our server and on the Python reference (zscaler-mcp 0.15.4), both against ONE sandbox, and
writes what each answered to a JSON file. `crates/zscaler-mcp/benches/results.rs` runs this
script, counts o200k_base tokens and prints the table; `scripts/bench-results.sh` runs it all.

    python scripts/bench_results.py --ours BIN --reference REF_BIN --out FILE [--tools a,b]

Run with the reference's venv Python (it has the `mcp` client; the client is only a transport).

How the reference reaches the sandbox without touching /etc/hosts: the sandbox serves TLS for
the production host names the official SDK uses (`api.zsapi.net`, `<vanity>.zslogin.net`) on a
free loopback port; a `sitecustomize.py` put first on the reference's PYTHONPATH maps exactly
those names (any port) to 127.0.0.1 and the sandbox's port inside `socket.getaddrinfo`, and
SSL_CERT_FILE / REQUESTS_CA_BUNDLE name the sandbox's CA. Our server is given the same sandbox
as `https://127.0.0.1:PORT` with ZSCALER_MCP_UPSTREAM_CA_BUNDLE. Both get the same client
credentials and customer ids.

Which tools: from the reference's own tool list (`crates/zscaler-mcp/tests/data/tools.json`),
the read tools that list (`is_list`) and have no required argument, of every service, that
both servers advertise. A tool counts in the table only when both answered without an error
and with rows; every other one is listed with the reason.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOOLS_JSON = ROOT / "crates" / "zscaler-mcp" / "tests" / "data" / "tools.json"
VANITY = "sandbox"
HOSTS = ["api.zsapi.net", f"{VANITY}.zslogin.net"]
ADMIN_TOKEN = "bench-results-admin"
CALL_TIMEOUT = 180.0

SITECUSTOMIZE = '''\
"""Written by scripts/bench_results.py: sends the production Zscaler host names the official
SDK uses to the local sandbox (name resolution only; TLS still verifies the host name)."""
import os as _os
import socket as _socket

_HOSTS = {h.lower() for h in _os.environ.get("BENCH_SANDBOX_HOSTS", "").split(",") if h}
_PORT = int(_os.environ.get("BENCH_SANDBOX_PORT") or 0)
_getaddrinfo = _socket.getaddrinfo


def _bench_getaddrinfo(host, port, *args, **kwargs):
    name = host.decode() if isinstance(host, (bytes, bytearray)) else (host or "")
    if _PORT and name.lower().rstrip(".") in _HOSTS:
        return _getaddrinfo("127.0.0.1", _PORT, *args, **kwargs)
    return _getaddrinfo(host, port, *args, **kwargs)


_socket.getaddrinfo = _bench_getaddrinfo
'''


def log(msg: str) -> None:
    print(f"bench-results: {msg}", file=sys.stderr, flush=True)


def start_sandbox(ours: str, work: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    ca = work / "sandbox-ca.pem"
    proc = subprocess.Popen(
        [
            ours, "sandbox", "--tls", "--hostnames", ",".join(HOSTS), "--ca-out", str(ca),
            "--admin-token", ADMIN_TOKEN, "--rate-limits", "off",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    info: dict[str, str] = {}
    assert proc.stdout is not None
    while "admin_token" not in info:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox exited before printing its address")
        key, _, value = line.strip().partition(": ")
        info[key] = value
    info["ca"] = str(ca)
    info["port"] = info["base_url"].rsplit(":", 1)[1]
    return proc, info


def base_env(info: dict[str, str]) -> dict[str, str]:
    drop = ("ZSCALER_", "ZCELL_", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(drop)}
    env.update(
        ZSCALER_CLIENT_ID=info["client_id"],
        ZSCALER_CLIENT_SECRET=info["client_secret"],
        ZSCALER_CUSTOMER_ID=info["customer_id"],
        ZCELL_CUSTOMER_ID=info["zcell_customer_id"],
        ZSCALER_VANITY_DOMAIN=VANITY,
        NO_PROXY="*",
        no_proxy="*",
    )
    return env


def ours_env(info: dict[str, str]) -> dict[str, str]:
    env = base_env(info)
    local = f"https://127.0.0.1:{info['port']}"
    env.update(
        ZSCALER_MCP_API_BASE_URL=local,
        ZSCALER_MCP_TOKEN_URL=f"{local}/oauth2/v1/token",
        ZSCALER_MCP_UPSTREAM_CA_BUNDLE=info["ca"],
        # The client's ZIA budgets (2 GETs/s) only make the run slower; the reference keeps
        # none. Tokens do not depend on them.
        ZSCALER_MCP_RATE_LIMITS="off",
    )
    return env


def reference_env(info: dict[str, str], site: Path) -> dict[str, str]:
    env = base_env(info)
    env.update(
        PYTHONPATH=os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])]),
        BENCH_SANDBOX_HOSTS=",".join(HOSTS),
        BENCH_SANDBOX_PORT=info["port"],
        SSL_CERT_FILE=info["ca"],
        REQUESTS_CA_BUNDLE=info["ca"],
        # Every service's tools, whatever the token's claims say (the sandbox entitles all ten).
        ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER="true",
    )
    return env


def params(command: str, args: list[str], env: dict[str, str], errlog: Path) -> Any:
    from mcp import StdioServerParameters

    # The servers' stderr (the reference logs every SDK request at INFO) goes to a file.
    return StdioServerParameters(
        command="/bin/sh",
        args=["-c", f'exec "$0" "$@" 2>>"{errlog}"', command, *args],
        env=env,
        cwd=str(errlog.parent),
    )


def candidates(services: set[str] | None) -> list[dict[str, Any]]:
    tools = json.loads(TOOLS_JSON.read_text())
    return [
        t
        for t in tools
        if t["action"] == "read"
        and t.get("is_list")
        and not t["input_schema"].get("required")
        and (services is None or t["service"] in services)
    ]


def text_of(result: Any) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content if getattr(c, "type", "") == "text")


def compact(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# Lines before the data: our INCOMPLETE line, either server's untrusted-content notice.
NOTICE_PREFIXES = ("INCOMPLETE:", "[UNTRUSTED CONTENT]")
ENVELOPE_KEYS = ("result", "list", "records", "results", "content", "items", "nodes", "entries")


def count_rows(structured: Any, text: str) -> tuple[int | None, str]:
    """The number of rows the reference answered, and where it was read."""
    if isinstance(structured, dict) and isinstance(structured.get("result"), list):
        return len(structured["result"]), "structuredContent.result"
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, list):
        return len(data), "text (JSON array)"
    if isinstance(data, dict):
        for key in ENVELOPE_KEYS:
            if isinstance(data.get(key), list):
                return len(data[key]), f"text .{key}"
        return None, "text (JSON object)"
    lines = [r for r in csv.reader(io.StringIO(text)) if r]
    if len(lines) >= 2 and all(len(r) == len(lines[0]) for r in lines):
        return len(lines) - 1, "text (CSV)"
    return None, "text (not rows)"


def row_fields(rows: Any) -> set[str] | None:
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        return None
    return {k for r in rows for k in r}


def text_fields(text: str) -> set[str] | None:
    """The top-level field names the text content shows (JSON records, columnar JSON, CSV)."""
    lines = text.splitlines()
    while lines and (not lines[0].strip() or lines[0].startswith(NOTICE_PREFIXES)):
        lines.pop(0)
    # Ours: values every row shares come once, as `same` (columnar JSON) or a `{"same": ...}`
    # line before the CSV header.
    same: set[str] = set()
    if lines and lines[0].startswith('{"same":') and len(lines) > 1:
        same = set(json.loads(lines.pop(0))["same"])
    body = "\n".join(lines)
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("columns"), list):
        return set(data["columns"]) | set(data.get("same") or {})
    if isinstance(data, dict):
        for key in ENVELOPE_KEYS:
            if isinstance(data.get(key), list):
                return row_fields(data[key])
        return None
    if isinstance(data, list):
        return row_fields(data)
    header = next(csv.reader(io.StringIO(body)), None)
    return set(header) | same if header else None


def missing_from_text(structured: Any, text: str) -> list[str] | None:
    """Fields of the structured rows that the text leaves out (None: not comparable)."""
    rows = structured.get("result") if isinstance(structured, dict) else None
    have, shown = row_fields(rows), text_fields(text)
    if have is None or shown is None:
        return None
    return sorted(have - shown)


def norm(name: str) -> str:
    return name.replace("_", "").lower()


def omitted_api_fields(api: Any, ref_structured: Any, ref_text: str) -> list[str] | None:
    """Top-level API fields with a value in some row (our structuredContent carries the API's
    records as they came) that the reference shows neither in its structuredContent nor in its text; names compared
    without case and underscores (the reference snake_cases some services' keys)."""
    api_rows = api.get("result") if isinstance(api, dict) else None
    if not isinstance(api_rows, list) or not all(isinstance(r, dict) for r in api_rows):
        return None
    # Only fields with a value somewhere: leaving out nulls and empty values loses nothing.
    have = {k for r in api_rows for k, v in r.items() if v not in (None, "", [], {})}
    rows = ref_structured.get("result") if isinstance(ref_structured, dict) else None
    shown = (row_fields(rows) or set()) | (text_fields(ref_text) or set())
    if not shown:
        return None
    seen = {norm(f) for f in shown}
    return sorted(f for f in have if norm(f) not in seen)


async def call(client: Any, name: str) -> dict[str, Any]:
    start = time.monotonic()
    try:
        result = await asyncio.wait_for(client.call_tool(name, {}), CALL_TIMEOUT)
    except Exception as e:  # a transport failure or a timeout is a finding, not a crash
        return {"error": True, "text": f"{type(e).__name__}: {e}", "structured": None,
                "seconds": time.monotonic() - start}
    return {
        "error": bool(result.is_error),
        "text": text_of(result),
        "structured_value": result.structured_content,
        "structured": compact(result.structured_content),
        "seconds": round(time.monotonic() - start, 3),
    }


async def collect(args: argparse.Namespace) -> dict[str, Any]:
    from mcp import Client

    work = Path(tempfile.mkdtemp(prefix="bench-results-"))
    site = work / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    sandbox, info = start_sandbox(args.ours, work)
    log(f"sandbox on {info['base_url']} (TLS for {', '.join(HOSTS)}), logs in {work}")
    services = set(args.services.split(",")) if args.services else None
    wanted = set(args.tools.split(",")) if args.tools else None
    tools = [t for t in candidates(services) if wanted is None or t["name"] in wanted]
    out: dict[str, Any] = {"sandbox": info["base_url"], "tools": [], "skipped": []}
    try:
        ours_p = params(args.ours, ["--toolsets", "all"], ours_env(info), work / "ours.stderr")
        ref_p = params(
            args.reference, ["--pid-file", str(work / "reference.pid")],
            reference_env(info, site), work / "reference.stderr",
        )
        async with Client(ours_p, mode="legacy", read_timeout_seconds=CALL_TIMEOUT) as ours, \
                Client(ref_p, mode="legacy", read_timeout_seconds=CALL_TIMEOUT) as ref:
            ours_names = {t.name for t in (await ours.list_tools()).tools}
            ref_names = {t.name for t in (await ref.list_tools()).tools}
            log(f"{len(tools)} candidate list tools; ours advertises {len(ours_names)} tools, "
                f"the reference {len(ref_names)}")
            for t in tools:
                name = t["name"]
                missing = [who for who, names in (("ours", ours_names), ("reference", ref_names))
                           if name not in names]
                if missing:
                    out["skipped"].append({"tool": name, "reason": f"not advertised by {', '.join(missing)}"})
                    continue
                mine = await call(ours, name)
                theirs = await call(ref, name)
                sc = mine.pop("structured_value", None)
                mine["returned"] = sc.get("returned") if isinstance(sc, dict) else None
                mine["complete"] = sc.get("complete") if isinstance(sc, dict) else None
                mine["text_omits"] = None if mine["error"] else missing_from_text(sc, mine["text"])
                rsc = theirs.pop("structured_value", None)
                theirs["rows"], theirs["rows_from"] = (None, "error") if theirs["error"] else count_rows(rsc, theirs["text"])
                theirs["text_omits"] = None if theirs["error"] else missing_from_text(rsc, theirs["text"])
                theirs["omits_api_fields"] = (
                    None if theirs["error"] or mine["error"] else omitted_api_fields(sc, rsc, theirs["text"])
                )
                out["tools"].append({"tool": name, "service": t["service"], "ours": mine, "reference": theirs})
                log(f"{name}: ours {mine['returned']} rows{' (error)' if mine['error'] else ''}, "
                    f"reference {theirs['rows']} rows{' (error)' if theirs['error'] else ''}")
        # Did the reference really go to the sandbox? Its requests carry the SDK's user agent.
        sdk = 0
        import urllib.request
        import ssl

        req = urllib.request.Request(
            f"https://127.0.0.1:{info['port']}/_sandbox/requests",
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
        )
        ctx = ssl.create_default_context(cafile=info["ca"])
        with urllib.request.urlopen(req, context=ctx, timeout=30) as resp:
            for line in resp.read().decode().splitlines():
                if line.strip() and "zscaler-sdk-python" in json.loads(line).get("user_agent", ""):
                    sdk += 1
        out["reference_requests_seen_by_sandbox"] = sdk
    finally:
        sandbox.terminate()
        try:
            sandbox.wait(timeout=5)
        except subprocess.TimeoutExpired:
            sandbox.kill()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ours", required=True, help="our zscaler-mcp binary")
    ap.add_argument("--reference", required=True, help="the reference's zscaler-mcp script")
    ap.add_argument("--out", required=True, help="where to write the answers (JSON)")
    ap.add_argument("--services", help="only these services (comma-separated: zia,zpa,...)")
    ap.add_argument("--tools", help="only these tools (comma-separated)")
    args = ap.parse_args()
    data = asyncio.run(collect(args))
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
