"""OAuth test rig: the loopback OpenID Provider (`tests/idp/idp.mjs`, the npm `oidc-provider`),
a user agent that follows an authorization URL through the provider's (automatic) sign-in and
consent to the client's redirect URI, and in-memory token storage for the `mcp` client."""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx2
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthToken

ROOT = Path(__file__).resolve().parents[3]
IDP_SCRIPT = ROOT / "tests" / "idp" / "idp.mjs"


@dataclass
class Idp:
    """A running `idp.mjs`."""

    proc: subprocess.Popen[bytes]
    issuer: str
    discovery: str
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.unlink(missing_ok=True)

    def token(self, client: str, secret: str, **form: str) -> httpx2.Response:
        """A token request with client credentials (client_credentials grant by default)."""
        data = {"grant_type": "client_credentials", **form}
        return httpx2.post(f"{self.issuer}/token", data=data, auth=(client, secret), timeout=10)


def start_idp(*clients: str, ttl: int | None = None) -> Idp:
    """Starts the provider with confidential clients given as `id:secret:redirect[,redirect]`."""
    node = os.environ.get("NODE22") or "node"
    args = [node, str(IDP_SCRIPT)]
    for c in clients:
        args += ["--client", c]
    if ttl is not None:
        args += ["--access-token-ttl", str(ttl)]
    env = dict(os.environ)
    env.setdefault("ZSCALER_MCP_NPM_MODULES", str(Path(os.environ.get("NPM_PREFIX", "")) / "node_modules"))
    fd, log_name = tempfile.mkstemp(prefix="idp-", suffix=".log")
    log = os.fdopen(fd, "wb")
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, env=env)
    log.close()
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        raise AssertionError(f"idp.mjs exited {proc.returncode}: {Path(log_name).read_text()[-2000:]}")
    info = json.loads(line)
    return Idp(proc=proc, issuer=info["issuer"], discovery=info["discovery"], log=Path(log_name))


async def follow(url: str, stop_at: str, client: httpx2.AsyncClient | None = None) -> dict[str, str]:
    """Acts as the user's browser: GETs `url`, follows every redirect (keeping cookies) until
    one points under `stop_at` (the client's redirect URI, never fetched), and returns its
    query parameters. The provider signs the user in and consents without a form."""
    own = client is None
    http = client or httpx2.AsyncClient(follow_redirects=False, timeout=15)
    try:
        for _ in range(20):
            if url.startswith(stop_at):
                return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
            r = await http.get(url)
            if r.status_code not in (301, 302, 303, 307, 308):
                raise AssertionError(f"GET {url} answered {r.status_code}: {r.text[:500]}")
            url = urljoin(url, r.headers["location"])
        raise AssertionError("too many redirects")
    finally:
        if own:
            await http.aclose()


@dataclass
class MemoryStorage:
    """The `mcp` client's TokenStorage, in memory."""

    tokens: OAuthToken | None = None
    client_info: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client_info

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client_info = client_info


@dataclass
class Browser:
    """The `mcp` client's redirect and callback handlers: the authorization URL the client
    opens is followed by [`follow`] to the redirect URI, whose parameters the callback returns."""

    redirect_uri: str
    opened: list[str] = field(default_factory=list)
    answers: list[dict[str, str]] = field(default_factory=list)

    async def redirect_handler(self, url: str) -> None:
        self.opened.append(url)

    async def callback_handler(self) -> AuthorizationCodeResult:
        params = await follow(self.opened[-1], self.redirect_uri)
        self.answers.append(params)
        if "code" not in params:
            raise AssertionError(f"authorization failed: {params}")
        return AuthorizationCodeResult(code=params["code"], state=params.get("state"), iss=params.get("iss"))


class _Document(BaseHTTPRequestHandler):
    body = b"{}"

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: Any) -> None:
        pass


@dataclass
class DocumentServer:
    """An HTTPS server on 127.0.0.1 answering one JSON document (a Client ID Metadata Document)
    with a certificate from a throwaway CA (`ca_pem`)."""

    server: ThreadingHTTPServer
    ca_pem: Path
    url: str

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.ca_pem.unlink(missing_ok=True)


def serve_document(path: str, make_body: Any) -> DocumentServer:
    """Serves `make_body(url)` (a dict) at https://127.0.0.1:PORT{path}."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(ctx)
    handler = type("Doc", (_Document,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    url = f"https://127.0.0.1:{server.server_address[1]}{path}"
    handler.body = json.dumps(make_body(url)).encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fd, ca_name = tempfile.mkstemp(prefix="cimd-ca-", suffix=".pem")
    os.close(fd)
    ca.cert_pem.write_to_path(ca_name)
    return DocumentServer(server=server, ca_pem=Path(ca_name), url=url)
