"""Credentials from cloud secret stores at startup: AWS Secrets Manager (ZSCALER_SECRET_NAME),
against moto in server mode on loopback, through the server's real AWS SDK client (SigV4
signing, the credential chain, the standard endpoint override); and GCP Secret Manager against a
loopback stand-in of Google's token endpoint and Secret Manager's REST shape (a real
service-account key, its RS256 assertion verified).

A secret holding a sandbox's OneAPI credentials starts a server whose tool calls then
authenticate with them (the `mcp` client over stdio); its unknown keys are ignored with a
warning naming them, and no secret value reaches the log. A missing secret, a read the caller's
IAM policy does not allow (moto enforcing IAM and checking signatures), unknown credentials, a
secret without the required keys and a secret that is not a JSON object each stop startup with
exit 1 and a message that says what to do."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import anyio
import boto3
import pytest
from mcp import Client, StdioServerParameters

import tools_harness as rig

REGION = "us-east-1"
SECRET_NAME = "zscaler/mcp/credentials"
MOTO_KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Moto:
    def __init__(self, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        moto = Path(sys.executable).parent / "moto_server"
        self.proc = subprocess.Popen(
            [str(moto), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **env},
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/moto-api/", timeout=1).read()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"moto_server did not start ({self.proc.poll()})") from None
                time.sleep(0.1)

    def client(self, service: str, **keys: str) -> Any:
        return boto3.client(service, region_name=REGION, endpoint_url=self.url, **(keys or MOTO_KEYS))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def moto() -> Iterator[Moto]:
    m = Moto()
    yield m
    m.stop()


def server_env(moto_url: str, sandbox: rig.Sandbox | None = None, **extra: str) -> dict[str, str]:
    """The server's environment: no OneAPI credentials of its own, only where the secret is."""
    store = {
        "ZSCALER_SECRET_NAME": SECRET_NAME,
        "AWS_REGION": REGION,
        "AWS_ENDPOINT_URL": moto_url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    return store_env(("AWS_",), store, sandbox, extra)


def store_env(
    drop: tuple[str, ...], store: dict[str, str], sandbox: rig.Sandbox | None, extra: dict[str, str]
) -> dict[str, str]:
    """This process's environment without Zscaler settings (nor `drop`), with the store's
    settings, the sandbox's addresses (never its credentials: those come from the store)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZSCALER_", "ZCELL_", *drop))}
    env.update(store, ZSCALER_MCP_RATE_LIMITS="off")
    if sandbox is not None:
        env.update(
            ZSCALER_VANITY_DOMAIN="sandbox",
            ZSCALER_MCP_API_BASE_URL=sandbox.info["base_url"],
            ZSCALER_MCP_TOKEN_URL=sandbox.info["token_url"],
        )
    env.update(extra)
    return env


def start_fails(env: dict[str, str]) -> str:
    """Runs the server, which must exit 1 before serving; its stderr."""
    r = subprocess.run(
        [rig.server_bin(), "--list-tools"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=60,
    )
    assert r.returncode == 1, (r.returncode, r.stdout[-500:], r.stderr)
    return r.stderr


def test_a_secret_supplies_the_credentials_and_only_its_known_keys(moto: Moto) -> None:
    sandbox = rig.start_sandbox()
    try:
        secret = {
            "ZSCALER_CLIENT_ID": sandbox.info["client_id"],
            "ZSCALER_CLIENT_SECRET": sandbox.info["client_secret"],
            "ZSCALER_CUSTOMER_ID": sandbox.info["customer_id"],
            "ZSCALER_CLOUD": None,
            "SOME_OTHER_KEY": "left-alone-value",
        }
        moto.client("secretsmanager").create_secret(Name=SECRET_NAME, SecretString=json.dumps(secret))
        fd, log_name = tempfile.mkstemp(prefix="secrets-", suffix=".log")
        os.close(fd)
        log = Path(log_name)
        env = server_env(moto.url, sandbox, RUST_LOG="info")
        params = StdioServerParameters(
            command="/bin/sh", args=["-c", f'exec "$0" "$@" 2>>"{log}"', rig.server_bin()], env=env
        )

        async def run() -> Any:
            async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
                info = await client.call_tool("zscaler_get_server_info", {})
                return info, await client.call_tool("zia_list_rule_labels", {})

        info, result = anyio.run(run)
        sources = info.structured_content["zscaler"]["credentialSources"]
        assert sources == [{
            "source": f"AWS Secrets Manager secret '{SECRET_NAME}'",
            "keys": ["ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_CUSTOMER_ID"],
        }], sources
        assert not result.is_error, result.content
        assert result.structured_content["returned"] > 0
        said = log.read_text()
        log.unlink()
        assert f"Loading credentials from AWS Secrets Manager (secret: {SECRET_NAME}, region: {REGION})" in said, said
        assert "Successfully retrieved and parsed secret from Secrets Manager" in said
        for key in ("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_CUSTOMER_ID"):
            assert f"Set environment variable: {key}" in said
        assert "Set environment variable: SOME_OTHER_KEY" not in said
        assert "Ignoring 1 unrecognised key(s)" in said and "SOME_OTHER_KEY" in said
        assert "Loaded 3 credential(s) from AWS Secrets Manager" in said
        for value in (sandbox.info["client_secret"], "left-alone-value"):
            assert value not in said, "a secret value reached the log"
        # The token the calls used was fetched with the secret's client id.
        tokens = [r for r in sandbox.requests() if r["path"].startswith("/oauth2")]
        assert tokens, "no token request reached the sandbox"
    finally:
        moto.client("secretsmanager").delete_secret(SecretId=SECRET_NAME, ForceDeleteWithoutRecovery=True)
        sandbox.stop()


def test_a_missing_secret_stops_startup(moto: Moto) -> None:
    said = start_fails(server_env(moto.url, ZSCALER_SECRET_NAME="zscaler/does-not-exist"))
    assert "has no secret 'zscaler/does-not-exist'" in said and "ZSCALER_SECRET_NAME" in said, said


@pytest.mark.parametrize(
    "value,expected",
    [
        (json.dumps({"ZSCALER_CLIENT_ID": "only-an-id"}), "Required credentials missing"),
        ("not json at all", "not JSON"),
        (json.dumps(["a", "list"]), "not a JSON object"),
        (json.dumps({"ZSCALER_CLIENT_ID": {"nested": 1}}), "flat object"),
    ],
    ids=["missing-keys", "not-json", "not-an-object", "nested"],
)
def test_unusable_secrets_stop_startup(moto: Moto, value: str, expected: str) -> None:
    name = f"zscaler/bad-{abs(hash(value))}"
    moto.client("secretsmanager").create_secret(Name=name, SecretString=value)
    try:
        said = start_fails(server_env(moto.url, ZSCALER_SECRET_NAME=name))
        assert expected in said, said
    finally:
        moto.client("secretsmanager").delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)


def enforcing_moto(secret: dict[str, str], action: str, resource_is_secret: bool = True) -> tuple[Moto, dict[str, str]]:
    """A moto that checks signatures and IAM policies once this setup (4 actions) is done: the
    secret, and a user allowed `action` on it (or on everything); the user's access key."""
    moto = Moto(INITIAL_NO_AUTH_ACTION_COUNT="4")
    sm, iam = moto.client("secretsmanager"), moto.client("iam")
    arn = sm.create_secret(Name=SECRET_NAME, SecretString=json.dumps(secret))["ARN"]
    iam.create_user(UserName="app")
    key = iam.create_access_key(UserName="app")["AccessKey"]
    iam.put_user_policy(
        UserName="app",
        PolicyName="app",
        PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": action, "Resource": arn if resource_is_secret else "*"}],
        }),
    )
    return moto, key


def as_user(moto: Moto, key: dict[str, str] | None) -> dict[str, str]:
    env = server_env(moto.url)
    if key is not None:
        env.update(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    return env


def test_iam_decides_who_reads_the_secret() -> None:
    secret = {"ZSCALER_CLIENT_ID": "id-from-secret", "ZSCALER_CLIENT_SECRET": "s3cret-from-secret"}
    # moto matches IAM resources loosely; "*" keeps the test about signatures and actions.
    moto, reader = enforcing_moto(secret, "secretsmanager:GetSecretValue", False)
    try:
        # The reader, signing with its own key: the secret loads (list-tools then runs).
        ok = subprocess.run(
            [rig.server_bin(), "--list-tools"], env=as_user(moto, reader), stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=60,
        )
        assert ok.returncode == 0, ok.stderr
        # A wrong secret key for the reader's id: the signature does not verify.
        forged = dict(reader, SecretAccessKey="not-the-real-secret-key-000000000000000")
        said = start_fails(as_user(moto, forged))
        assert "AWS refused this process's credentials" in said, said
        assert "not-the-real-secret-key" not in said
        # Credentials moto has never issued.
        said = start_fails(as_user(moto, None))
        assert "refused" in said, said
    finally:
        moto.stop()


def test_a_read_the_policy_does_not_allow_is_denied() -> None:
    moto, describer = enforcing_moto({"ZSCALER_CLIENT_ID": "x"}, "secretsmanager:DescribeSecret", False)
    try:
        said = start_fails(as_user(moto, describer))
        assert "refused to let this identity read secret" in said, said
        assert "secretsmanager:GetSecretValue" in said
        assert len(said) < 600, said  # a sentence with a hint, not a dump of the answer
    finally:
        moto.stop()


# --------------------------------------------------------------------- GCP Secret Manager


class GcpStandIn:
    """A loopback stand-in of Google's token endpoint and Secret Manager's REST shape: the
    token endpoint verifies the service account's RS256-signed assertion (JWT bearer grant)
    with the account's public key; `versions/latest:access` answers only that token."""

    def __init__(self, secrets: dict[str, Any]) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs

        import jwt
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.private_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        public = key.public_key()
        self.token = "ya29.stand-in-" + os.urandom(8).hex()
        self.seen: list[str] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802
                form = parse_qs(self.rfile.read(int(self.headers.get("content-length", 0))).decode())
                try:
                    # Google accepts the null `sub` gcp_auth sends for a service account's own token.
                    claims = jwt.decode(
                        form["assertion"][0], public, algorithms=["RS256"], audience=stand_in.token_uri,
                        options={"verify_sub": False},
                    )
                    assert form["grant_type"][0] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
                    assert claims["iss"] == "mcp@zscaler-test.iam.gserviceaccount.com"
                    assert "cloud-platform" in claims["scope"]
                except Exception as e:  # a bad assertion is refused, as Google does
                    return self.answer(400, {"error": "invalid_grant", "error_description": str(e)})
                self.answer(200, {"access_token": stand_in.token, "expires_in": 3600, "token_type": "Bearer"})

            def do_GET(self) -> None:  # noqa: N802
                if self.headers.get("authorization") != f"Bearer {stand_in.token}":
                    return self.answer(401, {"error": {"code": 401, "status": "UNAUTHENTICATED"}})
                name = self.path.removeprefix("/v1/").removesuffix("/versions/latest:access")
                stand_in.seen.append(name)
                value = secrets.get(name.rsplit("/", 1)[-1])
                if value is None:
                    return self.answer(404, {"error": {"code": 404, "status": "NOT_FOUND"}})
                if value == 403:
                    return self.answer(403, {"error": {"code": 403, "status": "PERMISSION_DENIED"}})
                data = base64.b64encode(str(value).encode()).decode()
                self.answer(200, {"name": f"{name}/versions/1", "payload": {"data": data}})

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.token_uri = f"{self.url}/token"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        fd, name = tempfile.mkstemp(prefix="gcp-sa-", suffix=".json")
        with os.fdopen(fd, "w") as f:
            json.dump({
                "type": "service_account",
                "project_id": "zscaler-test",
                "private_key_id": "k1",
                "private_key": self.private_pem,
                "client_email": "mcp@zscaler-test.iam.gserviceaccount.com",
                "client_id": "1234567890",
                "token_uri": self.token_uri,
            }, f)
        self.key_file = Path(name)

    def env(self, sandbox: rig.Sandbox | None = None, **extra: str) -> dict[str, str]:
        store = {
            "ZSCALER_MCP_GCP_SECRET_MANAGER": "true",
            "GCP_PROJECT_ID": "zscaler-test",
            "GOOGLE_APPLICATION_CREDENTIALS": str(self.key_file),
            "ZSCALER_MCP_GCP_SECRET_MANAGER_ENDPOINT": self.url,
        }
        return store_env(("GOOGLE_", "GCP_"), store, sandbox, extra)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.key_file.unlink(missing_ok=True)


def test_gcp_secret_manager_supplies_the_credentials() -> None:
    sandbox = rig.start_sandbox()
    gcp = GcpStandIn({
        "zscaler-client-id": sandbox.info["client_id"],
        "zscaler-client-secret": sandbox.info["client_secret"],
        "zscaler-customer-id": sandbox.info["customer_id"],
    })
    try:
        r = subprocess.run(
            [rig.server_bin(), "--list-tools"], env=gcp.env(sandbox), stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=60,
        )
        assert r.returncode == 0, r.stderr
        # Every key was asked for, by its secret id, with the account's token.
        assert gcp.seen == [f"projects/zscaler-test/secrets/{k.lower().replace('_', '-')}" for k in (
            "ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_VANITY_DOMAIN", "ZSCALER_CUSTOMER_ID",
            "ZSCALER_CLOUD", "ZSCALER_MCP_WRITE_ENABLED", "ZSCALER_MCP_WRITE_TOOLS")], gcp.seen

        async def run() -> Any:
            params = StdioServerParameters(command=rig.server_bin(), args=[], env=gcp.env(sandbox))
            async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
                info = await client.call_tool("zscaler_get_server_info", {})
                return info, await client.call_tool("zia_list_rule_labels", {})

        info, result = anyio.run(run)
        assert not result.is_error, result.content
        assert info.structured_content["zscaler"]["credentialSources"] == [{
            "source": "GCP Secret Manager project 'zscaler-test'",
            "keys": ["ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_CUSTOMER_ID"],
        }]
    finally:
        gcp.stop()
        sandbox.stop()


def test_gcp_denied_required_secret_or_bad_key_stops_startup() -> None:
    gcp = GcpStandIn({"zscaler-client-id": "id", "zscaler-client-secret": 403})
    try:
        said = start_fails(gcp.env())
        assert "Permission denied accessing secret: projects/zscaler-test/secrets/zscaler-client-secret" in said, said
        # A key file whose private key the token endpoint does not know: no token, no start.
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        other = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        doc = json.loads(gcp.key_file.read_text())
        doc["private_key"] = other
        fd, forged = tempfile.mkstemp(suffix=".json")
        with os.fdopen(fd, "w") as f:
            json.dump(doc, f)
        said = start_fails(gcp.env(GOOGLE_APPLICATION_CREDENTIALS=forged))
        os.unlink(forged)
        assert "cannot get a Google access token" in said, said
        assert "BEGIN PRIVATE KEY" not in said
    finally:
        gcp.stop()
