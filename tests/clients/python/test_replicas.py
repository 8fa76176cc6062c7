"""Replicas for real: three server processes behind a real nginx (Debian), stateless HTTP, one
Redis for the state they share, one standalone sandbox as the tenant.

- A delete confirmed through replica A executes through replica B exactly once; the same
  token is refused by replica C as already used (not as unknown: the key ring is shared).
- Replica B stopped (SIGTERM) in the middle of a load through nginx: every call completes, and
  each reached the sandbox exactly once.
- The combined rate of the three replicas stays within the tenant's Zscaler budget: the
  sandbox enforces Zscaler's documented ZIA limits (2 GET/s) and answers no 429 while the
  replicas share Redis; the same load with each replica counting alone earns 429s (the
  control that shows the check can fail).
- Redis stopped: a delete confirmation is refused (fail closed), reads still run on local
  budgets, and the log says so.

nginx and redis-server come from Debian (scripts/bootstrap-test-deps.sh installs them and
exports $NGINX and $REDIS_SERVER); every process listens on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import pytest

import tools_harness as rig
from conftest import HttpServer, free_port, http_get, start_http_server

KEYRING = "replica-ring-0123456789abcdef0123456789abcdef"
LABEL_ARGS = ["--toolsets", "zia_rule_labels", "--enable-write-tools", "--write-tools", "zia_delete_*"]


def _binary(var: str, name: str, *fallbacks: str) -> str:
    for candidate in (os.environ.get(var), shutil.which(name), *fallbacks):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(f"{name} not found: scripts/bootstrap-test-deps.sh installs it (${var})")


# ---------------------------------------------------------------- Redis and nginx


@dataclass
class Redis:
    proc: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def start_redis() -> Redis:
    port = free_port()
    proc = subprocess.Popen(
        [
            _binary("REDIS_SERVER", "redis-server", "/usr/bin/redis-server"),
            "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--protected-mode", "yes",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    import socket

    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return Redis(proc, port)
        except OSError:
            time.sleep(0.05)
    proc.kill()
    pytest.fail("redis-server did not answer PING within 10 s")


@dataclass
class Nginx:
    proc: subprocess.Popen[bytes]
    port: int
    dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/mcp"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def start_nginx(upstream_ports: list[int]) -> Nginx:
    port = free_port()
    d = Path(tempfile.mkdtemp(prefix="zscaler-mcp-nginx-"))
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in upstream_ports)
    temp = " ".join(f"{k}_temp_path {d}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (d / "nginx.conf").write_text(
        f"""
worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 512; }}
http {{
  log_format upstreams '$status $upstream_addr';
  access_log {d}/access.log upstreams;
  {temp}
  upstream mcp {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://mcp;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Connection "";
      proxy_buffering off;
      # A replica that refuses the connection (stopped) is skipped, even for POST: nothing
      # reached it. A request it accepted is never sent twice.
      proxy_next_upstream error;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }}
  }}
}}
"""
    )
    proc = subprocess.Popen(
        [_binary("NGINX", "nginx", "/usr/sbin/nginx"), "-p", str(d), "-c", str(d / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log = (d / "error.log").read_text(errors="replace") if (d / "error.log").exists() else ""
            pytest.fail(f"nginx exited with {proc.returncode}\n{log}")
        try:
            status, _, _ = http_get(f"http://127.0.0.1:{port}/health", timeout=1.0)
            if status == 200:
                return Nginx(proc, port, d)
        except OSError:
            pass
        time.sleep(0.05)
    proc.kill()
    pytest.fail("nginx did not proxy /health within 10 s")


# ---------------------------------------------------------------- the deployment


@dataclass
class Deployment:
    sandbox: rig.Sandbox
    redis: Redis | None
    replicas: list[HttpServer]
    nginx: Nginx

    def stop(self) -> None:
        for r in self.replicas:
            if r.proc.poll() is None:
                r.proc.send_signal(signal.SIGTERM)
        for r in self.replicas:
            try:
                r.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                r.proc.kill()
        self.nginx.stop()
        if self.redis is not None:
            self.redis.stop()
        self.sandbox.stop()


def deploy(
    *,
    shared: bool,
    sandbox_args: tuple[str, ...] = (),
    rate_limits: str = "zia.delete=off",
    extra_args: list[str] | None = None,
    extra_env: dict[str, str] | None = None,
) -> Deployment:
    sandbox = rig.start_sandbox(*sandbox_args)
    redis = start_redis() if shared else None
    replicas: list[HttpServer] = []
    try:
        for _ in range(3):
            env = rig.server_env(
                sandbox,
                ZSCALER_MCP_RATE_LIMITS=rate_limits,
                ZSCALER_MCP_REQUEST_STATE_KEYS=KEYRING,
                RUST_LOG="info",
                **(extra_env or {}),
            )
            if redis is not None:
                env["ZSCALER_MCP_STATE_STORE"] = redis.url
                env["ZSCALER_MCP_STATE_PREFIX"] = "replica-test"
            args = ["--transport", "streamable-http", "--stateless-http", *(extra_args or LABEL_ARGS)]
            replicas.append(start_http_server(rig.server_bin(), args, env))
        nginx = start_nginx([r.port for r in replicas])
    except BaseException:
        for r in replicas:
            r.proc.kill()
        if redis is not None:
            redis.stop()
        sandbox.stop()
        raise
    return Deployment(sandbox, redis, replicas, nginx)


@pytest.fixture
def shared() -> Iterator[Deployment]:
    d = deploy(shared=True)
    yield d
    d.stop()


async def call(url: str, tool: str, args: dict[str, Any]) -> Any:
    from mcp import Client

    async with Client(url, mode="legacy", read_timeout_seconds=60) as c:
        return await c.call_tool(tool, args)


def text(result: Any) -> str:
    return "\n".join(getattr(b, "text", "") for b in result.content)


def label_id(sb: rig.Sandbox) -> str:
    """A rule label of the seeded tenant (seed 1)."""
    return "3300002"


def deletes(sb: rig.Sandbox) -> list[str]:
    return [r["path"] for r in sb.requests() if r["method"] == "DELETE"]


# ---------------------------------------------------------------- the tests


def test_a_confirmation_issued_by_one_replica_runs_once_on_another_and_is_refused_on_a_third(
    shared: Deployment,
) -> None:
    a, b, c = (r.mcp_url for r in shared.replicas)
    label = label_id(shared.sandbox)
    first = anyio.run(call, a, "zia_delete_rule_label", {"label_id": label})
    token = first.structured_content["confirmation_token"]
    assert deletes(shared.sandbox) == [], "nothing is deleted before confirmation"

    done = anyio.run(call, b, "zia_delete_rule_label", {"label_id": label, "kwargs": {"confirmation_token": token}})
    assert not done.is_error, text(done)
    assert deletes(shared.sandbox) == [f"/zia/api/v1/ruleLabels/{label}"]

    replay = anyio.run(call, c, "zia_delete_rule_label", {"label_id": label, "kwargs": {"confirmation_token": token}})
    assert replay.is_error
    assert replay.structured_content["rejected"]["reason"] == "replayed", replay.structured_content
    # Replica A, which issued it, refuses it too.
    again = anyio.run(call, a, "zia_delete_rule_label", {"label_id": label, "kwargs": {"confirmation_token": token}})
    assert again.structured_content["rejected"]["reason"] == "replayed"
    assert deletes(shared.sandbox) == [f"/zia/api/v1/ruleLabels/{label}"], "exactly one DELETE"


def test_without_a_shared_store_the_replay_is_caught_only_where_it_was_spent() -> None:
    """The control: the same deployment with each replica's own memory lets the token run
    twice, which is what the Redis store prevents."""
    d = deploy(shared=False)
    try:
        a, b, c = (r.mcp_url for r in d.replicas)
        label = label_id(d.sandbox)
        token = anyio.run(call, a, "zia_delete_rule_label", {"label_id": label}).structured_content["confirmation_token"]
        anyio.run(call, b, "zia_delete_rule_label", {"label_id": label, "kwargs": {"confirmation_token": token}})
        anyio.run(call, c, "zia_delete_rule_label", {"label_id": label, "kwargs": {"confirmation_token": token}})
        assert len(deletes(d.sandbox)) == 2, deletes(d.sandbox)
    finally:
        d.stop()


def test_a_replica_stopped_mid_load_loses_no_completed_call(shared: Deployment) -> None:
    calls = 36
    start_seq = shared.sandbox.last_seq()
    results: list[Any] = []
    errors: list[BaseException] = []

    async def one(i: int) -> None:
        try:
            results.append(await call(shared.nginx.url, "zia_get_rule_label", {"label_id": label}))
        except BaseException as e:  # noqa: BLE001 - every failure is reported below
            errors.append(e)

    label = label_id(shared.sandbox)

    async def load() -> None:
        async with anyio.create_task_group() as tg:
            for i in range(calls):
                tg.start_soon(one, i)
                await anyio.sleep(0.05)
                if i == calls // 3:
                    # Replica B leaves while calls are in flight on every replica.
                    shared.replicas[1].proc.send_signal(signal.SIGTERM)

    anyio.run(load)
    assert shared.replicas[1].proc.wait(timeout=30) == 0, shared.replicas[1].log()
    # Every replica, B included, served part of the load through nginx.
    served = (shared.nginx.dir / "access.log").read_text()
    for r in shared.replicas:
        assert f"127.0.0.1:{r.port}" in served, f"replica on {r.port} served nothing:\n{served[-2000:]}"
    assert all(line.startswith("200 ") or line.startswith("202 ") for line in served.splitlines()), served
    assert not errors, errors[:3]
    assert len(results) == calls
    assert all(not r.is_error for r in results), [text(r) for r in results if r.is_error][:3]
    gets = [
        r for r in shared.sandbox.requests(since=start_seq)
        if r["method"] == "GET" and r["path"] == f"/zia/api/v1/ruleLabels/{label}"
    ]
    assert len(gets) == calls, f"{len(gets)} GETs reached the tenant for {calls} calls"


def _max_in_window(times_ms: list[int], window_ms: int) -> int:
    times_ms = sorted(times_ms)
    best, lo = 0, 0
    for hi, t in enumerate(times_ms):
        while t - times_ms[lo] >= window_ms:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def _burst(d: Deployment, label: str, calls: int) -> list[dict[str, Any]]:
    start_seq = d.sandbox.last_seq()

    async def load() -> None:
        async with anyio.create_task_group() as tg:
            for i in range(calls):
                url = d.replicas[i % 3].mcp_url
                tg.start_soon(call, url, "zia_get_rule_label", {"label_id": label})

    anyio.run(load)
    return [r for r in d.sandbox.requests(since=start_seq) if r["path"].startswith("/zia/")]


def test_the_replicas_together_stay_within_the_tenants_budget() -> None:
    calls = 12
    d = deploy(shared=True, sandbox_args=("--rate-limits", "zscaler"), rate_limits="zscaler")
    try:
        label = label_id(d.sandbox)
        seen = _burst(d, label, calls)
        statuses = [r["status"] for r in seen]
        assert statuses.count(429) == 0, statuses
        assert len(seen) == calls
        assert _max_in_window([r["at_ms"] for r in seen], 1000) <= 2
    finally:
        d.stop()

    # The control: each replica with its own budget sends up to 2/s, together 6/s: 429s.
    d = deploy(shared=False, sandbox_args=("--rate-limits", "zscaler"), rate_limits="zscaler")
    try:
        label = label_id(d.sandbox)
        seen = _burst(d, label, calls)
        assert [r["status"] for r in seen].count(429) > 0, "three separate budgets stayed within the tenant's"
    finally:
        d.stop()


def test_without_redis_confirmations_fail_closed_and_reads_degrade_with_a_warning(shared: Deployment) -> None:
    a, b, _ = (r.mcp_url for r in shared.replicas)
    label = label_id(shared.sandbox)
    token = anyio.run(call, a, "zia_delete_rule_label", {"label_id": label}).structured_content["confirmation_token"]
    assert shared.redis is not None
    shared.redis.stop()

    refused = anyio.run(call, b, "zia_delete_rule_label", {"label_id": label, "kwargs": {"confirmation_token": token}})
    assert refused.is_error
    assert refused.structured_content["rejected"]["reason"] == "store_unavailable", refused.structured_content
    assert "ZSCALER_MCP_STATE_STORE" in refused.structured_content["rejected"]["message"]
    assert deletes(shared.sandbox) == []

    read = anyio.run(call, b, "zia_get_rule_label", {"label_id": label})
    assert not read.is_error, text(read)
    log = shared.replicas[1].log_path.read_text(errors="replace")
    assert "counted by this replica alone" in log, log[-3000:]
    assert "fail closed" in log


def _initialize_statuses(url: str, count: int) -> list[int]:
    import json
    import urllib.error
    import urllib.request

    body = json.dumps({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }).encode()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    statuses = []
    for _ in range(count):
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "Accept": "application/json, text/event-stream",
        })
        try:
            with opener.open(req, timeout=10) as r:
                r.read()
                statuses.append(r.status)
        except urllib.error.HTTPError as e:
            statuses.append(e.code)
    return statuses


@pytest.mark.parametrize("store", ["redis", "memory"])
def test_a_callers_request_limit_holds_across_replicas(store: str) -> None:
    # Five requests a minute for the one caller nginx presents (its address), nine requests
    # spread over three replicas by nginx's round robin.
    d = deploy(shared=store == "redis", extra_env={"ZSCALER_MCP_CLIENT_RATE_LIMIT": "5/min"})
    try:
        statuses = _initialize_statuses(d.nginx.url, 9)
    finally:
        d.stop()
    if store == "redis":
        assert statuses == [200] * 5 + [429] * 4, statuses
    else:
        # The control: each replica counts its own three requests, all under five.
        assert statuses == [200] * 9, statuses


def test_an_unreachable_store_stops_startup_and_a_bad_one_names_the_setting(server_bin: str) -> None:
    from conftest import server_env

    dead = free_port()
    proc = subprocess.run(
        [server_bin, "--transport", "streamable-http", "--port", str(free_port())],
        env=server_env(ZSCALER_MCP_STATE_STORE=f"redis://:hunter2@127.0.0.1:{dead}/0"),
        capture_output=True, text=True, timeout=30,
    )
    assert proc.returncode == 1, proc.stderr
    assert "state store" in proc.stderr and f"127.0.0.1:{dead}" in proc.stderr, proc.stderr
    assert "hunter2" not in proc.stderr

    bad = subprocess.run(
        [server_bin, "--transport", "streamable-http", "--port", str(free_port())],
        env=server_env(ZSCALER_MCP_STATE_STORE="http://:hunter2@cache:6379"),
        capture_output=True, text=True, timeout=30,
    )
    assert bad.returncode == 2, bad.stderr
    assert "ZSCALER_MCP_STATE_STORE" in bad.stderr and "redis://" in bad.stderr
    assert "hunter2" not in bad.stderr
