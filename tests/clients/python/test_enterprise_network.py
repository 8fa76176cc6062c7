"""The Zscaler client behind an enterprise network: a real TLS-intercepting proxy (mitmproxy,
its own CA) between the client and the sandbox (TLS). Through HTTPS_PROXY, trusting the proxy's
CA with SSL_CERT_FILE (or ZSCALER_MCP_UPSTREAM_CA_BUNDLE), tool calls work and every request,
the token exchange included, passes the proxy; without that CA the call fails saying the
certificate is not trusted and which setting adds it; NO_PROXY sends the sandbox's host direct."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

import anyio
import pytest
from mcp import Client, StdioServerParameters

import tools_harness as rig


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proxy:
    """mitmdump listening on loopback, intercepting TLS with its own CA, trusting the sandbox's
    CA upstream, printing one line per request."""

    def __init__(self, upstream_ca: str) -> None:
        self.confdir = Path(tempfile.mkdtemp(prefix="mitm-"))
        self.port = free_port()
        self.log = self.confdir / "flows.log"
        mitmdump = os.environ.get("MITMDUMP") or str(Path.home() / ".cache/zscaler-mcp/venv-mitmproxy/bin/mitmdump")
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [mitmdump, "--listen-host", "127.0.0.1", "--listen-port", str(self.port),
                 "--set", f"confdir={self.confdir}", "--set", f"ssl_verify_upstream_trusted_ca={upstream_ca}",
                 "--set", "flow_detail=1"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + 30
        while not (self.confdir / "mitmproxy-ca-cert.pem").exists() or not self._listening():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"mitmdump did not start: {self.log.read_text()[-2000:]}")
            time.sleep(0.1)
        self.ca = str(self.confdir / "mitmproxy-ca-cert.pem")
        self.url = f"http://127.0.0.1:{self.port}"

    def _listening(self) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", self.port)) == 0

    def seen(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def tls_sandbox() -> Iterator[tuple[rig.Sandbox, str]]:
    ca = Path(tempfile.mkdtemp(prefix="sandbox-ca-")) / "ca.pem"
    sandbox = rig.start_sandbox("--tls", "--ca-out", str(ca))
    yield sandbox, str(ca)
    sandbox.stop()


def env_for(sandbox: rig.Sandbox, **extra: str) -> dict[str, str]:
    env = rig.server_env(sandbox)
    for k in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy",
              "NO_PROXY", "no_proxy", "SSL_CERT_FILE", "ZSCALER_MCP_UPSTREAM_CA_BUNDLE"):
        env.pop(k, None)
    env.update(extra)
    return env


def call(env: dict[str, str]) -> Any:
    async def run() -> Any:
        params = StdioServerParameters(command=rig.server_bin(), args=[], env=env)
        async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
            return await client.call_tool("zia_list_rule_labels", {})

    return anyio.run(run)


def test_through_a_tls_intercepting_proxy(tls_sandbox: tuple[rig.Sandbox, str]) -> None:
    sandbox, _ = tls_sandbox
    assert sandbox.info["base_url"].startswith("https://"), sandbox.info
    proxy = Proxy(tls_sandbox[1])
    try:
        # Trusting the proxy's CA (the way a corporate TLS-inspection CA is given).
        for trust in ("SSL_CERT_FILE", "ZSCALER_MCP_UPSTREAM_CA_BUNDLE"):
            before = proxy.seen()
            result = call(env_for(sandbox, HTTPS_PROXY=proxy.url, **{trust: proxy.ca}))
            assert not result.is_error, (trust, result.content)
            assert result.structured_content["returned"] > 0
            seen = proxy.seen()[len(before):]
            assert "/oauth2/v1/token" in seen and "/zia/api/v1/ruleLabels" in seen, (trust, seen[-2000:])

        # Without the proxy's CA: refused, saying why and what to set.
        result = call(env_for(sandbox, HTTPS_PROXY=proxy.url))
        assert result.is_error
        text = result.content[0].text
        assert "not trusted" in text and "SSL_CERT_FILE" in text and "ZSCALER_MCP_UPSTREAM_CA_BUNDLE" in text, text

        # NO_PROXY: the sandbox's host is reached directly (its own CA trusted), the proxy sees nothing.
        before = proxy.seen()
        result = call(env_for(sandbox, HTTPS_PROXY=proxy.url, NO_PROXY="localhost",
                              ZSCALER_MCP_UPSTREAM_CA_BUNDLE=tls_sandbox[1]))
        assert not result.is_error, result.content
        assert "/zia/api/v1/ruleLabels" not in proxy.seen()[len(before):]
    finally:
        proxy.stop()
