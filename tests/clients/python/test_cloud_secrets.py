"""Credentials from AWS Secrets Manager at startup (ZSCALER_SECRET_NAME), against moto in server
mode on loopback, through the server's real AWS SDK client (SigV4 signing, the credential chain,
the standard endpoint override).

A secret holding a sandbox's OneAPI credentials starts a server whose tool calls then
authenticate with them (the `mcp` client over stdio); its unknown keys are ignored with a
warning naming them, and no secret value reaches the log. A missing secret, a read the caller's
IAM policy does not allow (moto enforcing IAM and checking signatures), unknown credentials, a
secret without the required keys and a secret that is not a JSON object each stop startup with
exit 1 and a message that says what to do."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZSCALER_", "ZCELL_", "AWS_"))}
    env.update(
        ZSCALER_SECRET_NAME=SECRET_NAME,
        AWS_REGION=REGION,
        AWS_ENDPOINT_URL=moto_url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_EC2_METADATA_DISABLED="true",
        ZSCALER_MCP_RATE_LIMITS="off",
    )
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
