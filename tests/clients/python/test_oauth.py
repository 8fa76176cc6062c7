"""OAuth 2.1 through the real `mcp` 2.3.0 client, against a real OpenID Provider (the npm
`oidc-provider`, `tests/idp/idp.mjs`) on loopback.

`ZSCALER_MCP_AUTH_MODE=oidc-proxy`: the client discovers the protected resource and our
authorization server, registers (Client ID Metadata Document, or dynamic registration),
authorizes with PKCE (the user signs in at the provider; consent is automatic), gets our tokens
and calls a tool; refresh, rotation and revocation work; and every misuse is refused: a
redirect URI that is not registered or not allowed, a replayed code (which also revokes what it
bought), a PKCE mismatch, an expired token, a provider's token presented here, a revoked or
reused refresh token, a client metadata document from a host not allowed.

`ZSCALER_MCP_AUTH_MODE=oidc`: the client gets its token from the provider itself (discovery
through our protected-resource metadata, registration and authorization there) and calls a tool;
tokens for another audience, from another issuer, expired, or without a required scope are
refused."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from typing import Any

import httpx2
import pytest
from mcp import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import OAuthClientMetadata
from pydantic import AnyUrl

import oauth_rig as rig
from conftest import INFO_TOOL, free_port, server_env, start_http_server

pytestmark = pytest.mark.anyio

CLIENT_REDIRECT = "http://127.0.0.1:9/callback"
IDP_CLIENT, IDP_SECRET = "zscaler-mcp", "idp-client-secret-0123456789"


@pytest.fixture
def stack(server_bin: str) -> Any:
    """Starts the provider and a server in front of it; yields a starter, stops all at the end."""
    started: list[Any] = []

    def start(mode: str = "oidc-proxy", idp_ttl: int | None = None, **env: str) -> tuple[Any, rig.Idp]:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        idp = rig.start_idp(f"{IDP_CLIENT}:{IDP_SECRET}:{base}/auth/callback", ttl=idp_ttl)
        started.append(idp)
        settings = {
            "ZSCALER_MCP_AUTH_MODE": mode,
            "OIDCPROXY_CONFIG_URL": idp.discovery,
            "OIDCPROXY_BASE_URL": base,
        }
        if mode == "oidc-proxy":
            settings |= {"OIDCPROXY_CLIENT_ID": IDP_CLIENT, "OIDCPROXY_CLIENT_SECRET": IDP_SECRET}
        else:
            settings |= {"OIDCPROXY_AUDIENCE": f"{base}/mcp", "ZSCALER_MCP_AUTH_LEEWAY_SECONDS": "0"}
        settings |= env
        server = start_http_server(
            server_bin, ["--transport", "streamable-http", "--host", "127.0.0.1"], server_env(**settings), port=port
        )
        started.append(server)
        return server, idp

    yield start
    for thing in reversed(started):
        if isinstance(thing, rig.Idp):
            thing.stop()
        else:
            code = thing.terminate()
            assert code == 0, thing.log()


def sdk_client(server: Any, storage: rig.MemoryStorage, browser: rig.Browser, cimd: str | None = None) -> Any:
    metadata = OAuthClientMetadata(
        client_name="pytest oauth client",
        redirect_uris=[AnyUrl(browser.redirect_uri)],
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        token_endpoint_auth_method="none",
    )
    return OAuthClientProvider(
        server_url=server.mcp_url,
        client_metadata=metadata,
        storage=storage,
        redirect_handler=browser.redirect_handler,
        callback_handler=browser.callback_handler,
        client_metadata_url=cimd,
    )


async def call_info(server: Any, auth: Any) -> Any:
    async with httpx2.AsyncClient(auth=auth, timeout=20) as http:
        async with Client(streamable_http_client(server.mcp_url, http_client=http), mode="legacy") as client:
            tools = await client.list_tools()
            info = await client.call_tool(INFO_TOOL, {})
            return tools, info


async def raw_mcp(server: Any, token: str) -> httpx2.Response:
    """An `initialize` with a bearer token, as any client sends first."""
    body = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}},
    }
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json, text/event-stream"}
    return httpx2.post(server.mcp_url, json=body, headers=headers, timeout=10)


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


async def register(server: Any, **meta: Any) -> httpx2.Response:
    body = {
        "redirect_uris": [CLIENT_REDIRECT],
        "token_endpoint_auth_method": "none",
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "client_name": "raw",
        **meta,
    }
    return httpx2.post(f"{server.base}/register", json=body, timeout=10)


def authorize_query(client_id: str, redirect: str, challenge: str) -> dict[str, str]:
    """What every `/authorize` request of these tests carries: the client, where to return,
    PKCE S256."""
    return {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }


async def authorize(
    server: Any, client_id: str, challenge: str, redirect: str = CLIENT_REDIRECT, scope: str | None = None
) -> dict[str, str]:
    query = {
        **authorize_query(client_id, redirect, challenge),
        "state": "st-" + secrets.token_hex(4),
        "resource": server.mcp_url,
    }
    if scope is not None:
        query["scope"] = scope
    url = f"{server.base}/authorize?" + str(httpx2.QueryParams(query))
    return await rig.follow(url, redirect.split("?")[0])


def first_step(server: Any, client_id: str, redirect: str, challenge: str) -> httpx2.Response:
    """The `/authorize` request as a client sends it, its answer not followed."""
    return httpx2.get(f"{server.base}/authorize", params=authorize_query(client_id, redirect, challenge), timeout=10)


def token(server: Any, **form: str) -> httpx2.Response:
    return httpx2.post(f"{server.base}/token", data=form, timeout=10)


async def grant(server: Any, client_id: str, scope: str | None = None) -> dict[str, Any]:
    """A full raw authorization: code, exchange; the token answer."""
    verifier, challenge = pkce()
    params = await authorize(server, client_id, challenge, scope=scope)
    r = token(
        server,
        grant_type="authorization_code",
        code=params["code"],
        redirect_uri=CLIENT_REDIRECT,
        client_id=client_id,
        code_verifier=verifier,
    )
    assert r.status_code == 200, r.text
    return r.json()


# ------------------------------------------------------------------------------- oidc-proxy


async def test_dynamic_registration_flow_then_refresh_and_revocation(stack: Any) -> None:
    server, _ = stack()
    storage, browser = rig.MemoryStorage(), rig.Browser(CLIENT_REDIRECT)
    auth = sdk_client(server, storage, browser)
    tools, info = await call_info(server, auth)
    # Discovery → registration → authorization → token → an authenticated tools/call.
    assert any(t.name == INFO_TOOL for t in tools.tools)
    assert not info.is_error, info.content
    assert info.structured_content["security"]["clientAuth"].startswith("oidc-proxy"), info.structured_content
    assert storage.client_info is not None and storage.client_info.client_id.startswith("zmcp_")
    assert storage.tokens is not None and storage.tokens.access_token.startswith("zmcp_at_")
    # The authorization answer came from us, with our issuer (RFC 9207), never the provider's code.
    answer = browser.answers[0]
    assert answer["iss"] == server.base, answer
    assert browser.opened[0].startswith(f"{server.base}/authorize?"), browser.opened
    client_id = storage.client_info.client_id

    # The client's own refresh: once its token is due, it refreshes (no new sign-in) and goes on.
    before = storage.tokens
    auth.context.token_expiry_time = time.time() - 1
    _, again = await call_info(server, auth)
    assert not again.is_error, again.content
    assert len(browser.opened) == 1, "refreshed without a new authorization"
    assert storage.tokens.access_token != before.access_token
    assert storage.tokens.refresh_token != before.refresh_token
    r = token(server, grant_type="refresh_token", refresh_token=before.refresh_token, client_id=client_id)
    assert r.status_code == 400, "the rotated-out refresh token is spent"
    # That reuse revoked the grant: sign in again for the rest of this test.
    storage.tokens = None
    auth.context.current_tokens = None
    _, info = await call_info(server, auth)
    assert not info.is_error, info.content
    assert len(browser.opened) == 2

    # Refresh rotates: the new pair works, the old refresh token is spent.
    first = storage.tokens
    r = token(server, grant_type="refresh_token", refresh_token=first.refresh_token, client_id=client_id)
    assert r.status_code == 200, r.text
    fresh = r.json()
    assert fresh["refresh_token"] != first.refresh_token and fresh["access_token"] != first.access_token
    assert (await raw_mcp(server, fresh["access_token"])).status_code == 200

    # Revoking the refresh token ends its grant: refresh refused, access token refused.
    r = httpx2.post(f"{server.base}/revoke", data={"token": fresh["refresh_token"], "client_id": client_id}, timeout=10)
    assert r.status_code == 200, r.text
    r = token(server, grant_type="refresh_token", refresh_token=fresh["refresh_token"], client_id=client_id)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant", r.text
    denied = await raw_mcp(server, fresh["access_token"])
    assert denied.status_code == 401, denied.text
    assert "resource_metadata=" in denied.headers["www-authenticate"]


async def test_client_id_metadata_document_flow(stack: Any) -> None:
    doc = rig.serve_document(
        "/oauth/client.json",
        lambda url: {
            "client_id": url,
            "client_name": "pytest CIMD client",
            "redirect_uris": [CLIENT_REDIRECT],
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
            "token_endpoint_auth_method": "none",
        },
    )
    other = rig.serve_document("/client.json", lambda url: {"client_id": url, "redirect_uris": [CLIENT_REDIRECT]})
    try:
        host = doc.url.split("/")[2]
        server, _ = stack(OIDCPROXY_CA_BUNDLE=str(doc.ca_pem), OIDCPROXY_CLIENT_METADATA_HOSTS=host)
        storage, browser = rig.MemoryStorage(), rig.Browser(CLIENT_REDIRECT)
        _, info = await call_info(server, sdk_client(server, storage, browser, cimd=doc.url))
        assert not info.is_error, info.content
        # No registration happened: the client id is the document's URL.
        assert storage.client_info is not None and storage.client_info.client_id == doc.url
        assert storage.tokens is not None and storage.tokens.access_token.startswith("zmcp_at_")

        # A document on a host that is not listed is never fetched: refused before redirecting.
        _, challenge = pkce()
        r = first_step(server, other.url, CLIENT_REDIRECT, challenge)
        assert r.status_code == 400 and "location" not in r.headers, r.text
        assert "OIDCPROXY_CLIENT_METADATA_HOSTS" in r.json()["error_description"]

        # Without an allowlist only public hosts are fetched: a loopback document is refused.
        open_server, _ = stack(OIDCPROXY_CA_BUNDLE=str(doc.ca_pem))
        r = first_step(open_server, doc.url, CLIENT_REDIRECT, challenge)
        assert r.status_code == 400 and "non-public address" in r.json()["error_description"], r.text
    finally:
        doc.stop()
        other.stop()


async def test_redirect_uris_must_be_registered_and_allowed(stack: Any) -> None:
    server, _ = stack()
    for uris in (["https://evil.example.com/cb"], ["http://localhost:1@evil.example.com/cb"]):
        r = await register(server, redirect_uris=uris)
        assert r.status_code == 400 and r.json()["error"] == "invalid_redirect_uri", r.text
    # URIs not allowed here are left out of a registration that keeps an allowed one.
    r = await register(server, redirect_uris=["https://vscode.dev/redirect", "http://127.0.0.1/"])
    assert r.status_code == 201 and r.json()["redirect_uris"] == ["http://127.0.0.1/"], r.text
    r = await register(server, redirect_uris=[CLIENT_REDIRECT], application_type="web")
    assert r.status_code == 400 and r.json()["error"] == "invalid_client_metadata", r.text
    r = await register(server, application_type="native")
    assert r.status_code == 201, r.text
    client_id = r.json()["client_id"]
    assert "client_secret" not in r.json()
    _, challenge = pkce()
    # Another path, or another host: shown an error here, never redirected there.
    for redirect in ["http://127.0.0.1:9/other", "http://localhost:9/callback", "https://evil.example.com/cb"]:
        r = first_step(server, client_id, redirect, challenge)
        assert r.status_code == 400 and "location" not in r.headers, (redirect, r.text)
    # The registered loopback URI on another port is the same client (RFC 8252 §7.3).
    verifier, challenge = pkce()
    params = await authorize(server, client_id, challenge, redirect="http://127.0.0.1:49152/callback")
    assert "code" in params, params
    # Without PKCE the error goes back to the (checked) redirect URI.
    r = httpx2.get(
        f"{server.base}/authorize",
        params={"response_type": "code", "client_id": client_id, "redirect_uri": CLIENT_REDIRECT, "state": "s1"},
        timeout=10,
    )
    assert r.status_code == 302, r.text
    assert r.headers["location"].startswith(CLIENT_REDIRECT + "?error=invalid_request"), r.headers["location"]
    assert "state=s1" in r.headers["location"] and "iss=" in r.headers["location"]


async def test_codes_are_single_use_and_bound_to_pkce(stack: Any) -> None:
    server, _ = stack()
    client_id = (await register(server)).json()["client_id"]
    # PKCE mismatch: refused, and the code is spent.
    verifier, challenge = pkce()
    params = await authorize(server, client_id, challenge)
    wrong = token(
        server, grant_type="authorization_code", code=params["code"], redirect_uri=CLIENT_REDIRECT,
        client_id=client_id, code_verifier=pkce()[0],
    )
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant", wrong.text
    assert "code_verifier" in wrong.json()["error_description"]

    # Replay: the first exchange works, the second is refused and revokes what the first bought.
    verifier, challenge = pkce()
    params = await authorize(server, client_id, challenge)
    form = {
        "grant_type": "authorization_code", "code": params["code"], "redirect_uri": CLIENT_REDIRECT,
        "client_id": client_id, "code_verifier": verifier,
    }
    first = token(server, **form)
    assert first.status_code == 200, first.text
    access = first.json()["access_token"]
    assert (await raw_mcp(server, access)).status_code == 200
    again = token(server, **form)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant", again.text
    assert (await raw_mcp(server, access)).status_code == 401
    r = token(server, grant_type="refresh_token", refresh_token=first.json()["refresh_token"], client_id=client_id)
    assert r.status_code == 400, r.text

    # Another client cannot use a code: refused (and it is spent for its owner too).
    other = (await register(server)).json()["client_id"]
    verifier, challenge = pkce()
    params = await authorize(server, client_id, challenge)
    r = token(
        server, grant_type="authorization_code", code=params["code"], redirect_uri=CLIENT_REDIRECT,
        client_id=other, code_verifier=verifier,
    )
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant", r.text


async def test_a_reused_refresh_token_revokes_the_grant(stack: Any) -> None:
    server, _ = stack()
    client_id = (await register(server)).json()["client_id"]
    first = await grant(server, client_id)
    r = token(server, grant_type="refresh_token", refresh_token=first["refresh_token"], client_id=client_id)
    assert r.status_code == 200, r.text
    second = r.json()
    # The rotated-out token again: refused, and the grant's live tokens with it.
    r = token(server, grant_type="refresh_token", refresh_token=first["refresh_token"], client_id=client_id)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant", r.text
    assert (await raw_mcp(server, second["access_token"])).status_code == 401
    r = token(server, grant_type="refresh_token", refresh_token=second["refresh_token"], client_id=client_id)
    assert r.status_code == 400, r.text


async def test_expired_and_foreign_tokens_are_refused(stack: Any) -> None:
    server, idp = stack(OIDCPROXY_TOKEN_TTL="5")
    client_id = (await register(server)).json()["client_id"]
    answer = await grant(server, client_id)
    assert answer["expires_in"] == 5
    assert (await raw_mcp(server, answer["access_token"])).status_code == 200
    # The provider's own token is never accepted here (no token passthrough).
    theirs = idp.token(IDP_CLIENT, IDP_SECRET, resource=server.mcp_url, scope="mcp:read")
    assert theirs.status_code == 200, theirs.text
    assert (await raw_mcp(server, theirs.json()["access_token"])).status_code == 401
    assert (await raw_mcp(server, "zmcp_at_" + secrets.token_urlsafe(32))).status_code == 401
    time.sleep(6)
    expired = await raw_mcp(server, answer["access_token"])
    assert expired.status_code == 401, expired.text
    # The refresh token outlives it.
    r = token(server, grant_type="refresh_token", refresh_token=answer["refresh_token"], client_id=client_id)
    assert r.status_code == 200, r.text


async def test_write_tools_follow_the_write_scope(stack: Any, server_bin: str) -> None:
    server, _ = stack(
        OIDCPROXY_ALLOWED_SCOPES="zscaler:read,zscaler:write",
        ZSCALER_MCP_WRITE_SCOPE="zscaler:write",
        ZSCALER_MCP_WRITE_ENABLED="true",
        ZSCALER_MCP_WRITE_TOOLS="zia_*",
    )
    client_id = (await register(server)).json()["client_id"]
    reader = await grant(server, client_id, scope="zscaler:read")
    writer = await grant(server, client_id, scope="zscaler:read zscaler:write")
    assert reader["scope"] == "zscaler:read" and writer["scope"] == "zscaler:read zscaler:write"

    async def session(access: str) -> tuple[set[str], Any]:
        headers = {"Authorization": f"Bearer {access}"}
        async with httpx2.AsyncClient(headers=headers, timeout=15) as http:
            async with Client(streamable_http_client(server.mcp_url, http_client=http), mode="legacy") as c:
                names = {t.name for t in (await c.list_tools()).tools}
                call = await c.call_tool("zia_create_rule_label", {"name": "scope-check"})
                return names, call

    names, call = await session(reader["access_token"])
    assert "zia_list_rule_labels" in names and "zia_create_rule_label" not in names
    assert call.is_error and "zscaler:write" in call.content[0].text, call.content
    names, call = await session(writer["access_token"])
    assert "zia_create_rule_label" in names
    # Allowed past the scope rule; with no Zscaler credentials here the call itself fails later,
    # for another reason than the scope.
    assert "zscaler:write" not in call.content[0].text, call.content


# ------------------------------------------------------------------------------------ oidc


async def test_protected_resource_flow_with_the_providers_tokens(stack: Any) -> None:
    server, idp = stack(mode="oidc")
    r = httpx2.get(f"{server.base}/.well-known/oauth-protected-resource/mcp", timeout=10)
    assert r.status_code == 200 and r.json()["authorization_servers"] == [idp.issuer], r.text
    storage, browser = rig.MemoryStorage(), rig.Browser(CLIENT_REDIRECT)
    tools, info = await call_info(server, sdk_client(server, storage, browser))
    assert not info.is_error, info.content
    assert info.structured_content["security"]["clientAuth"].startswith("oidc"), info.structured_content
    # The client went to the provider itself: registered there, authorized there.
    assert browser.opened[0].startswith(idp.issuer), browser.opened
    assert storage.tokens is not None and storage.tokens.access_token.count(".") == 2  # the provider's JWT

    # A token for another audience, or signed by another issuer, is refused.
    foreign = idp.token(IDP_CLIENT, IDP_SECRET, resource="https://other.example.com/mcp", scope="mcp:read")
    assert foreign.status_code == 200, foreign.text
    r = await raw_mcp(server, foreign.json()["access_token"])
    assert r.status_code == 401 and "audience" in r.text, r.text
    other = rig.start_idp(f"{IDP_CLIENT}:{IDP_SECRET}:{server.base}/auth/callback")
    try:
        stranger = other.token(IDP_CLIENT, IDP_SECRET, resource=server.mcp_url, scope="mcp:read")
        assert stranger.status_code == 200, stranger.text
        r = await raw_mcp(server, stranger.json()["access_token"])
        assert r.status_code == 401, r.text
    finally:
        other.stop()
    ok = idp.token(IDP_CLIENT, IDP_SECRET, resource=server.mcp_url, scope="mcp:read")
    assert (await raw_mcp(server, ok.json()["access_token"])).status_code == 200


async def test_protected_resource_refuses_expired_tokens_and_missing_scopes(stack: Any) -> None:
    server, idp = stack(mode="oidc", idp_ttl=4, OIDCPROXY_REQUIRED_SCOPES="mcp:write")
    narrow = idp.token(IDP_CLIENT, IDP_SECRET, resource=server.mcp_url, scope="mcp:read")
    r = await raw_mcp(server, narrow.json()["access_token"])
    assert r.status_code == 403, r.text
    challenge = r.headers["www-authenticate"]
    assert 'error="insufficient_scope"' in challenge and 'scope="mcp:write"' in challenge, challenge
    full = idp.token(IDP_CLIENT, IDP_SECRET, resource=server.mcp_url, scope="mcp:read mcp:write")
    access = full.json()["access_token"]
    first = await raw_mcp(server, access)
    assert first.status_code == 200, first.text
    time.sleep(5)
    r = await raw_mcp(server, access)
    assert r.status_code == 401 and "expired" in r.text, r.text
