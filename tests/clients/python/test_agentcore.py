"""Amazon Bedrock AgentCore (spec 004): the CloudFormation template, `zscaler-mcp aws
export-tool-schema`, `aws deploy|status|destroy` against moto in server mode on loopback, and the
runtime's header allowlist in front of a real server.

* cfn-lint ($CFN_LINT, pinned in tests/deploy/requirements-aws.txt) passes on every template in
  deploy/aws and fails on a deliberately broken copy.
* The tool schema is exactly what the server's `tools/list` answers for the same selection.
* deploy creates the secret and the stack and prints the stack's events and outputs; status
  describes it; destroy deletes it (and the secret only when deploy created it). Credentials are
  never stack parameters, never in the CLI's output. moto has no AWS::BedrockAgentCore::*
  resources: deploy gets `--template` with the real template minus those resources (and the
  outputs naming them), so the runtime, Gateway, Gateway target and OAuth provider themselves
  are checked by cfn-lint only.
* AgentCore forwards only the allowlisted headers: a filtering proxy forwards exactly the
  template's RequestHeaderAllowlist for the mode (and the MCP protocol headers) to a server
  configured with the template's runtime environment, its credentials read from Secrets Manager
  (moto) at startup. A real MCP client sending only those headers authenticates; one sending
  none is served by the container-side fallback."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import anyio
import httpx2
import pytest
import yaml
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

import tools_harness as rig
from conftest import STARTUP_TIMEOUT, http_get
from test_cloud_secrets import MOTO_KEYS, REGION, Moto

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = sorted((ROOT / "deploy" / "aws").glob("*.yaml"))
TEMPLATE = ROOT / "deploy" / "aws" / "zscaler-mcp-agentcore.yaml"
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/zscaler/zscaler-mcp-server:1.0.0"
# Credential values that must never leave Secrets Manager.
CLIENT_ID = "agentcore-client-id-7f3a"
CLIENT_SECRET = "agentcore-client-secret-NEVER-PRINT-91c2"
GATEWAY_SECRET = "gateway-oauth-secret-NEVER-PRINT-55d1"
API_KEY = "zmcp_agentcore-api-key-NEVER-PRINT-0123456789"
CREDENTIALS = (CLIENT_SECRET, GATEWAY_SECRET, API_KEY)


# --------------------------------------------------------------------------- the template


class CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags, as their long JSON form."""


def _cfn_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "GetAtt" and isinstance(value, str):
        return {"Fn::GetAtt": value.split(".", 1)}
    if suffix == "Condition":
        return {"Condition": value}
    return {f"Fn::{suffix}": value}


CfnLoader.add_multi_constructor("!", _cfn_tag)


def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    return yaml.load(path.read_text(), Loader=CfnLoader)  # noqa: S506 (a SafeLoader subclass)


def resolve(value: Any, params: dict[str, str], template: dict[str, Any]) -> Any:
    """Evaluates Fn::If / conditions (Equals, And, Or, Not), Ref to parameters and AWS::NoValue
    for the given parameters (their defaults otherwise); other intrinsics stay as they are."""
    defaults = {k: str(v.get("Default", "")) for k, v in template["Parameters"].items()}
    values = {**defaults, **params}

    def cond(c: Any) -> bool:
        if isinstance(c, dict) and "Condition" in c:
            return cond(template["Conditions"][c["Condition"]])
        if isinstance(c, dict) and "Fn::Equals" in c:
            a, b = (ev(x) for x in c["Fn::Equals"])
            return a == b
        if isinstance(c, dict) and "Fn::And" in c:
            return all(cond(x) for x in c["Fn::And"])
        if isinstance(c, dict) and "Fn::Or" in c:
            return any(cond(x) for x in c["Fn::Or"])
        if isinstance(c, dict) and "Fn::Not" in c:
            return not cond(c["Fn::Not"][0])
        raise AssertionError(f"unsupported condition {c}")

    def ev(v: Any) -> Any:
        if isinstance(v, dict) and set(v) == {"Ref"}:
            if v["Ref"] == "AWS::NoValue":
                return None
            return values.get(v["Ref"], v)
        if isinstance(v, dict) and "Fn::If" in v:
            name, yes, no = v["Fn::If"]
            return ev(yes if cond(template["Conditions"][name]) else no)
        if isinstance(v, dict) and "Fn::Join" in v and isinstance(v["Fn::Join"][1], dict):
            return v  # a list parameter joined: left alone
        if isinstance(v, dict):
            out = {k: ev(x) for k, x in v.items()}
            return {k: x for k, x in out.items() if x is not None}
        if isinstance(v, list):
            return [x for x in (ev(i) for i in v) if x is not None]
        return v

    return ev(value)


def runtime_properties(mode: str, **params: str) -> dict[str, Any]:
    template = load_template()
    props = template["Resources"]["Runtime"]["Properties"]
    return resolve(props, {"McpAuthMode": mode, **params}, template)


def allowlist(mode: str) -> list[str]:
    return runtime_properties(mode).get("RequestHeaderConfiguration", {}).get("RequestHeaderAllowlist", [])


def moto_template(tmp: Path) -> Path:
    """The real template without the AgentCore resources moto cannot create, nor the outputs
    that name them (JSON, which CloudFormation reads as well as YAML)."""
    template = load_template()
    dropped = [k for k, v in template["Resources"].items() if v["Type"].startswith("AWS::BedrockAgentCore::")]
    assert {"Runtime", "Gateway", "GatewayTarget", "GatewayOAuthProvider"} <= set(dropped), dropped
    for k in dropped:
        del template["Resources"][k]
    for k in list(template["Outputs"]):
        text = json.dumps(template["Outputs"][k])
        if any(f'"{d}"' in text or f"{d}." in text for d in dropped):
            del template["Outputs"][k]
    path = tmp / "moto-template.json"
    path.write_text(json.dumps(template))
    return path


def cfn_lint() -> str:
    path = os.environ.get("CFN_LINT")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("CFN_LINT is not set: run scripts/bootstrap-test-deps.sh and source env.sh")
    return path


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_cfn_lint_passes_on_every_template(template: Path) -> None:
    r = subprocess.run([cfn_lint(), str(template)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_cfn_lint_fails_on_a_broken_copy(tmp_path: Path) -> None:
    text = TEMPLATE.read_text()
    broken = text.replace("      ProtocolConfiguration: MCP\n", "      ProtocolConfiguration: GRPC\n", 1)
    broken = broken.replace("      NetworkConfiguration:\n        NetworkMode: PUBLIC\n", "      NetworkConfiguration:\n        NetworkMode: PUBLIC\n      ListenPort: 8000\n", 1)
    assert broken != text
    copy = tmp_path / "broken.yaml"
    copy.write_text(broken)
    r = subprocess.run([cfn_lint(), str(copy)], capture_output=True, text=True, timeout=300)
    assert r.returncode != 0, r.stdout
    assert "GRPC" in r.stdout and "ListenPort" in r.stdout, r.stdout


def test_the_template_keeps_credentials_out_and_allowlists_each_modes_headers() -> None:
    template = load_template()
    # References to secrets (ARNs, names) only, never a credential's value.
    names = " ".join(p for p in template["Parameters"] if not p.endswith(("Arn", "SecretName"))).lower()
    for word in ("clientsecret", "password", "apikey", "privatekey", "token"):
        assert word not in names, f"a credential parameter: {word}"
    for mode in ("api-key", "zscaler", "jwt", "none"):
        env = runtime_properties(mode, JwtIssuer="https://idp.example/", JwtAudience="a", JwtJwksUri="https://idp.example/jwks")["EnvironmentVariables"]
        for key in ("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_PRIVATE_KEY", "ZSCALER_MCP_AUTH_API_KEY"):
            assert key not in env, (mode, key)
        assert "ZSCALER_SECRET_NAME" in env
        assert env["ZSCALER_MCP_AUTH_MODE"] == mode
        assert env["ZSCALER_MCP_STATELESS_HTTP"] == "true" and env["ZSCALER_MCP_PORT"] == "8000"
        assert (env.get("ZSCALER_MCP_TRUST_PLATFORM_AUTH") == "true") == (mode in ("api-key", "zscaler"))
    assert allowlist("api-key") == ["X-Api-Key"]
    assert allowlist("zscaler") == ["X-Zscaler-Client-ID", "X-Zscaler-Client-Secret"]
    assert allowlist("jwt") == ["Authorization"]
    assert allowlist("none") == []
    jwt = runtime_properties("jwt", JwtIssuer="https://idp.example/", JwtAudience="aud")
    authorizer = jwt["AuthorizerConfiguration"]["CustomJWTAuthorizer"]
    assert authorizer["AllowedAudience"] == ["aud"]
    assert "AuthorizerConfiguration" not in runtime_properties("api-key")


# ------------------------------------------------------------------ export-tool-schema


def export(tmp: Path, *args: str, **env: str) -> list[dict[str, Any]]:
    out = tmp / "tool-schema.json"
    r = subprocess.run(
        [rig.server_bin(), *args, "aws", "export-tool-schema", "--output", str(out)],
        env=clean_env(**env), capture_output=True, text=True, timeout=60, cwd=tmp,
    )
    assert r.returncode == 0, r.stderr
    tools = json.loads(out.read_text())
    assert f"Wrote {len(tools)} tool definition(s)" in r.stderr, r.stderr
    return tools


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZSCALER_", "ZCELL_", "AWS_", "GATEWAY_", "ENABLE_"))}
    env.update(extra)
    return env


async def listed(args: list[str], env: dict[str, str]) -> list[dict[str, Any]]:
    params = StdioServerParameters(command=rig.server_bin(), args=args, env=clean_env(**env))
    async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
        tools = await client.list_tools()
    return [t.model_dump(by_alias=True, exclude_none=True) for t in tools.tools]


SELECTIONS = [
    ([], {}),
    (["--services", "zia"], {}),
    (["--toolsets", "zpa_app_segments,zia_users"], {}),
    (["--toolsets", "all"], {"ZSCALER_MCP_WRITE_ENABLED": "true", "ZSCALER_MCP_WRITE_TOOLS": "zia_create_*,zpa_update_*"}),
    (["--tool-mode", "discover"], {}),
]


@pytest.mark.parametrize("args,env", SELECTIONS, ids=["default", "services", "toolsets", "writes", "discover"])
def test_the_tool_schema_is_what_tools_list_answers(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    tools = export(tmp_path, *args, **env)
    assert tools, "no tool"
    names = [t["name"] for t in tools]
    assert len(names) == len(set(names)), "a tool twice"
    for t in tools:
        assert set(t) <= {"name", "title", "description", "inputSchema", "outputSchema", "annotations"}, t.keys()
        assert isinstance(t["description"], str) and t["description"], t["name"]
        assert t["inputSchema"]["type"] == "object", t["name"]
        assert all(c.isalnum() or c in "_-" for c in t["name"]) and len(t["name"]) <= 64, t["name"]
        json.dumps(t["inputSchema"])
    expected = anyio.run(listed, args, env)
    assert [t["name"] for t in expected] == names
    assert expected == tools
    if env:
        assert any(n.startswith("zia_create_") for n in names), names
        assert not any(n.startswith("zia_delete_") for n in names), names
    if args[:2] == ["--services", "zia"]:
        assert all(n.startswith(("zia_", "zscaler_")) or "zia" in n for n in names), names


def test_deploy_refuses_a_tool_schema_that_is_not_one(tmp_path: Path, moto: Moto) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"tools": []}))
    env_file = write_env(tmp_path, ENABLE_AGENTCORE_GATEWAY="true", GATEWAY_MODE="create",
                         GATEWAY_INBOUND_DISCOVERY_URL="https://acme.us.auth0.com/.well-known/openid-configuration",
                         GATEWAY_OAUTH_CLIENT_ID="gw-client", GATEWAY_OAUTH_CLIENT_SECRET=GATEWAY_SECRET,
                         GATEWAY_TOOL_SCHEMA_FILE=str(bad))
    r = aws(moto, tmp_path, "deploy", "--non-interactive", "--env-file", str(env_file))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "GATEWAY_TOOL_SCHEMA_FILE" in r.stderr and "not a JSON array" in r.stderr, r.stderr
    assert moto.client("cloudformation").list_stacks()["StackSummaries"] == [] or all(
        s["StackStatus"] == "DELETE_COMPLETE" for s in moto.client("cloudformation").list_stacks()["StackSummaries"])


# ---------------------------------------------------------------- deploy / status / destroy


@pytest.fixture(scope="module")
def moto() -> Iterator[Moto]:
    m = Moto()
    yield m
    m.stop()


def write_env(tmp: Path, name: str = ".env", **values: str) -> Path:
    base = {
        "ZSCALER_CLIENT_ID": CLIENT_ID,
        "ZSCALER_CLIENT_SECRET": CLIENT_SECRET,
        "ZSCALER_VANITY_DOMAIN": "acme",
        "ZSCALER_CUSTOMER_ID": "1234567",
        "ZSCALER_CLOUD": "NOT_SET",
        "ZSCALER_MCP_IMAGE_URI": IMAGE,
        "ZSCALER_MCP_DISABLED_SERVICES": "zcc,zdx",
    }
    base.update(values)
    path = tmp / name
    path.write_text("# AgentCore deploy settings\n" + "".join(f"{k}={v}  # inline comment\n" if k == "ZSCALER_VANITY_DOMAIN" else f"{k}={v}\n" for k, v in base.items() if v is not None))
    return path


def aws(moto: Moto, cwd: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    full = clean_env(
        AWS_ENDPOINT_URL=moto.url, AWS_REGION=REGION, AWS_ACCESS_KEY_ID=MOTO_KEYS["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=MOTO_KEYS["aws_secret_access_key"], AWS_EC2_METADATA_DISABLED="true",
        ZSCALER_MCP_AWS_POLL_SECONDS="1", **env,
    )
    return subprocess.run(
        [rig.server_bin(), "aws", *args], env=full, cwd=cwd, capture_output=True, text=True, timeout=180,
        input=stdin if stdin is not None else "",
    )


def no_credentials_in(*texts: str) -> None:
    for text in texts:
        for value in CREDENTIALS:
            assert value not in text, f"a credential reached the output: {value}"


def stack_parameters(moto: Moto, name: str) -> dict[str, str]:
    stack = moto.client("cloudformation").describe_stacks(StackName=name)["Stacks"][0]
    return {p["ParameterKey"]: p["ParameterValue"] for p in stack.get("Parameters", [])}


def gone(moto: Moto, name: str) -> bool:
    try:
        stacks = moto.client("cloudformation").describe_stacks(StackName=name)["Stacks"]
    except Exception as e:  # noqa: BLE001 - botocore's ClientError: "does not exist"
        return "does not exist" in str(e)
    return all(s["StackStatus"] == "DELETE_COMPLETE" for s in stacks)


def test_deploy_status_destroy_with_a_new_secret(tmp_path: Path, moto: Moto) -> None:
    stack = "zmcp-new-secret"
    write_env(tmp_path, AWS_STACK_NAME=stack, ZSCALER_MCP_AUTH_API_KEY=API_KEY)
    template = moto_template(tmp_path)
    r = aws(moto, tmp_path, "deploy", "--non-interactive", "--template", str(template))
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    no_credentials_in(out, r.stderr)
    assert "Settings: .env" in out
    assert f"Credentials: secret arn:aws:secretsmanager:{REGION}:" in out and "created" in out, out
    # The stack's events as they come (moto records the stack's own, not per resource).
    assert "CREATE_IN_PROGRESS" in out and "AWS::CloudFormation::Stack" in out, out
    assert f"Stack {stack}: CREATE_COMPLETE" in out, out
    assert "Outputs:" in out and "ExecutionRoleArn" in out and "SecurityNote" in out, out
    # The secret holds the settings' credentials (and the api key); the stack names only it.
    sm = moto.client("secretsmanager")
    name = f"zscaler-mcp/{stack}/credentials"
    value = json.loads(sm.get_secret_value(SecretId=name)["SecretString"])
    assert value == {
        "ZSCALER_CLIENT_ID": CLIENT_ID, "ZSCALER_CLIENT_SECRET": CLIENT_SECRET,
        "ZSCALER_VANITY_DOMAIN": "acme", "ZSCALER_CUSTOMER_ID": "1234567", "ZSCALER_MCP_AUTH_API_KEY": API_KEY,
    }, value
    arn = sm.describe_secret(SecretId=name)["ARN"]
    params = stack_parameters(moto, stack)
    no_credentials_in(json.dumps(params))
    assert CLIENT_ID not in json.dumps(params)
    assert params["ExistingSecretName"] == arn and params["CredentialSource"] == "UseExisting"
    assert params["McpAuthMode"] == "api-key" and params["DisabledServices"] == "zcc,zdx"
    assert params["ECRImageUri"] == IMAGE and params.get("EnableAgentCoreGateway", "false") == "false"
    # The execution role may read that one secret and pull from that one repository.
    iam = moto.client("iam")
    role = next(r for r in iam.list_roles()["Roles"] if r["RoleName"].startswith(f"{stack}-ExecutionRole"))
    trust = json.dumps(role["AssumeRolePolicyDocument"])
    assert "bedrock-agentcore.amazonaws.com" in trust
    policies = [iam.get_role_policy(RoleName=role["RoleName"], PolicyName=p)["PolicyDocument"]
                for p in iam.list_role_policies(RoleName=role["RoleName"])["PolicyNames"]]
    statements = {s["Sid"]: s for p in policies for s in p["Statement"]}
    assert statements["ReadTheCredentialsSecret"]["Resource"] == arn
    assert statements["ReadTheCredentialsSecret"]["Action"] == "secretsmanager:GetSecretValue"
    assert statements["PullTheServerImage"]["Resource"] == "arn:aws:ecr:us-east-1:123456789012:repository/zscaler/zscaler-mcp-server"

    r = aws(moto, tmp_path, "status")
    assert r.returncode == 0, r.stderr
    assert f"Stack:   {stack} ({REGION})" in r.stdout and "CREATE_COMPLETE" in r.stdout, r.stdout
    assert "ExecutionRole" in r.stdout and "ExistingSecretName" in r.stdout and "Outputs:" in r.stdout
    no_credentials_in(r.stdout, r.stderr)

    # A second deploy updates the same secret and stack.
    r = aws(moto, tmp_path, "deploy", "--non-interactive", "--template", str(template))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "updated" in r.stdout and ("UPDATE_COMPLETE" in r.stdout or "up to date" in r.stdout), r.stdout

    r = aws(moto, tmp_path, "destroy")
    assert r.returncode == 2 and "--yes" in r.stderr, r.stderr  # no terminal, no confirmation
    r = aws(moto, tmp_path, "destroy", "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"Stack {stack} deleted." in r.stdout and "deleted (created by deploy)" in r.stdout, r.stdout
    assert gone(moto, stack)
    with pytest.raises(Exception, match="ResourceNotFound"):
        sm.describe_secret(SecretId=name)
    r = aws(moto, tmp_path, "status")
    assert r.returncode == 1 and "does not exist" in r.stderr, r.stderr


def test_an_existing_secret_is_used_and_kept(tmp_path: Path, moto: Moto) -> None:
    stack = "zmcp-existing"
    sm = moto.client("secretsmanager")
    key = moto.client("kms").create_key()["KeyMetadata"]["Arn"]
    arn = sm.create_secret(Name="team/zscaler", KmsKeyId=key, SecretString=json.dumps({"ZSCALER_CLIENT_ID": "x"}))["ARN"]
    env_file = write_env(tmp_path, name="env.properties", AWS_STACK_NAME=stack, ZSCALER_SECRET_NAME="team/zscaler",
                         ZSCALER_CLIENT_ID=None, ZSCALER_CLIENT_SECRET=None, ZSCALER_MCP_AUTH_MODE="zscaler")
    template = moto_template(tmp_path)
    r = aws(moto, tmp_path, "deploy", "--non-interactive", "--template", str(template))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Settings: env.properties" in r.stdout and f"existing secret {arn} (not modified)" in r.stdout, r.stdout
    params = stack_parameters(moto, stack)
    assert params["ExistingSecretName"] == arn and params["SecretKmsKeyArn"] == key, params
    assert params["McpAuthMode"] == "zscaler"
    assert json.loads(sm.get_secret_value(SecretId=arn)["SecretString"]) == {"ZSCALER_CLIENT_ID": "x"}
    iam = moto.client("iam")
    role = next(r for r in iam.list_roles()["Roles"] if r["RoleName"].startswith(f"{stack}-ExecutionRole"))
    decrypt = iam.get_role_policy(RoleName=role["RoleName"], PolicyName="zscaler-mcp-runtime-secret-key")["PolicyDocument"]
    assert decrypt["Statement"][0]["Resource"] == key and decrypt["Statement"][0]["Action"] == "kms:Decrypt"
    r = aws(moto, tmp_path, "destroy", "--yes", "--env-file", str(env_file))
    assert r.returncode == 0, r.stderr
    assert f"Secret {arn} kept" in r.stdout, r.stdout
    assert "DeletedDate" not in sm.describe_secret(SecretId=arn)
    # With --delete-secret it goes too (recoverable for 7 days).
    r = aws(moto, tmp_path, "deploy", "--non-interactive", "--template", str(template))
    assert r.returncode == 0, r.stderr
    r = aws(moto, tmp_path, "destroy", "--yes", "--delete-secret")
    assert r.returncode == 0 and "scheduled for deletion in 7 days" in r.stdout, r.stdout + r.stderr
    assert "DeletedDate" in sm.describe_secret(SecretId=arn)


def test_the_architecture_prompt_provisions_a_gateway(tmp_path: Path, moto: Moto) -> None:
    stack = "zmcp-gateway"
    schema = export(tmp_path, "--services", "zpa")
    schema_file = tmp_path / "tool-schema.json"
    write_env(tmp_path, AWS_STACK_NAME=stack, ZSCALER_MCP_AUTH_MODE="none", AWS_ASSET_BUCKET="zmcp-assets",
              GATEWAY_INBOUND_ISSUER="https://acme.us.auth0.com/", GATEWAY_OAUTH_CLIENT_ID="gw-client",
              GATEWAY_OAUTH_CLIENT_SECRET=GATEWAY_SECRET, GATEWAY_INBOUND_ALLOWED_AUDIENCE="urn:zscaler-mcp:gateway",
              GATEWAY_TOOL_SCHEMA_FILE=str(schema_file))
    template = moto_template(tmp_path)
    # ENABLE_AGENTCORE_GATEWAY is unset: the prompt defaults to [1]; the answer picks [2].
    r = aws(moto, tmp_path, "deploy", "--template", str(template), stdin="2\n")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Choice [1-3] (default 1)" in r.stdout and "[2] Provision a new AgentCore Gateway" in r.stdout
    no_credentials_in(r.stdout, r.stderr)
    params = stack_parameters(moto, stack)
    no_credentials_in(json.dumps(params))
    assert params["EnableAgentCoreGateway"] == "true" and params["GatewayMode"] == "create", params
    assert params["GatewayInboundDiscoveryUrl"] == "https://acme.us.auth0.com/.well-known/openid-configuration"
    assert params["GatewayClientClaimName"] == "azp"  # Auth0, detected from the issuer
    assert params["GatewayToolSchemaS3Uri"] == f"s3://zmcp-assets/{stack}/tool-schema.json"
    body = moto.client("s3").get_object(Bucket="zmcp-assets", Key=f"{stack}/tool-schema.json")["Body"].read()
    assert json.loads(body) == schema
    oauth = params["GatewayOAuthClientSecretArn"]
    assert oauth.startswith("arn:aws:secretsmanager:")
    sm = moto.client("secretsmanager")
    assert json.loads(sm.get_secret_value(SecretId=oauth)["SecretString"]) == {"client_secret": GATEWAY_SECRET}
    roles = [r["RoleName"] for r in moto.client("iam").list_roles()["Roles"]]
    assert any(n.startswith(f"{stack}-GatewayServiceRole") for n in roles), roles
    r = aws(moto, tmp_path, "destroy", "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert gone(moto, stack)
    for secret in (oauth, f"zscaler-mcp/{stack}/credentials"):
        with pytest.raises(Exception, match="ResourceNotFound"):
            sm.describe_secret(SecretId=secret)
    with pytest.raises(Exception, match="NoSuchKey"):
        moto.client("s3").get_object(Bucket="zmcp-assets", Key=f"{stack}/tool-schema.json")


def test_missing_required_settings_exit_2_and_create_nothing(tmp_path: Path, moto: Moto) -> None:
    before = moto.client("secretsmanager").list_secrets()["SecretList"]
    (tmp_path / ".env").write_text("ZSCALER_CLOUD=beta\nZSCALER_CLIENT_ID=NOT_SET\n")
    r = aws(moto, tmp_path, "deploy", "--non-interactive")
    assert r.returncode == 2, r.stdout + r.stderr
    for key in ("ZSCALER_MCP_IMAGE_URI", "ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_VANITY_DOMAIN", "ZSCALER_CUSTOMER_ID"):
        assert key in r.stderr, r.stderr
    # Attach mode ([3], from the settings) needs the Gateway's id and an outbound credential.
    write_env(tmp_path, ENABLE_AGENTCORE_GATEWAY="true", GATEWAY_MODE="attach")
    r = aws(moto, tmp_path, "deploy", "--non-interactive")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "EXISTING_GATEWAY_ID" in r.stderr and "GATEWAY_OAUTH_CLIENT_SECRET" in r.stderr, r.stderr
    assert "ZSCALER_CLIENT_ID" not in r.stderr
    r = aws(moto, tmp_path, "deploy", "--env-file", str(tmp_path / "nope.env"))
    assert r.returncode == 2 and "no such file" in r.stderr, r.stderr
    assert moto.client("secretsmanager").list_secrets()["SecretList"] == before
    assert all(s["StackStatus"] == "DELETE_COMPLETE" for s in moto.client("cloudformation").list_stacks()["StackSummaries"])


# ------------------------------------------------------------- the header allowlist


PROTOCOL_HEADERS = {"content-type", "accept", "content-length", "mcp-session-id", "mcp-protocol-version", "last-event-id"}


class AllowlistProxy:
    """Forwards to the container what AgentCore would: the MCP protocol headers and the
    runtime's RequestHeaderAllowlist, nothing else (case-insensitively)."""

    def __init__(self, upstream_port: int, allowed: list[str]) -> None:
        self.dropped: list[str] = []
        keep = PROTOCOL_HEADERS | {h.lower() for h in allowed}
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0) or 0))
                headers = {}
                for k, v in self.headers.items():
                    if k.lower() in keep:
                        headers[k] = v
                    else:
                        proxy.dropped.append(k.lower())
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                conn.request(self.command, self.path, body=body or None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_DELETE = forward  # noqa: N815

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/mcp"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Container:
    """The server as the runtime runs it: the template's environment for the mode, its
    credentials from Secrets Manager (moto), the tenant a sandbox; on loopback."""

    def __init__(self, moto: Moto, sandbox: rig.Sandbox, mode: str, secret: dict[str, str]) -> None:
        name = f"agentcore/{mode}/{os.urandom(4).hex()}"
        moto.client("secretsmanager").create_secret(Name=name, SecretString=json.dumps(secret))
        env = {k: v for k, v in runtime_properties(mode)["EnvironmentVariables"].items()}
        assert "ZSCALER_SECRET_NAME" in env
        self.port = free_port()
        env.update(
            ZSCALER_SECRET_NAME=name, AWS_REGION=REGION, AWS_ENDPOINT_URL=moto.url,
            AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_EC2_METADATA_DISABLED="true",
            # Loopback in tests; the runtime binds 0.0.0.0:8000.
            ZSCALER_MCP_HOST="127.0.0.1", ZSCALER_MCP_PORT=str(self.port),
            ZSCALER_MCP_API_BASE_URL=sandbox.info["base_url"], ZSCALER_MCP_TOKEN_URL=sandbox.info["token_url"],
            ZSCALER_MCP_RATE_LIMITS="off", RUST_LOG="info",
        )
        assert all(isinstance(v, str) for v in env.values()), env
        fd, log = tempfile.mkstemp(prefix="agentcore-", suffix=".log")
        self.log_path = Path(log)
        with os.fdopen(fd, "wb") as f:
            self.proc = subprocess.Popen([rig.server_bin()], env=clean_env(**env), stdin=subprocess.DEVNULL,
                                         stdout=f, stderr=subprocess.STDOUT)
        for _ in range(int(STARTUP_TIMEOUT * 20)):
            if self.proc.poll() is not None:
                raise AssertionError(f"the container exited {self.proc.returncode}\n{self.log()}")
            try:
                if http_get(f"http://127.0.0.1:{self.port}/health", timeout=1.0)[0] == 200:
                    return
            except OSError:
                pass
            threading.Event().wait(0.05)
        raise AssertionError(f"the container did not start\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log_path.unlink(missing_ok=True)


async def call_through(url: str, headers: dict[str, str]) -> Any:
    async with httpx2.AsyncClient(headers=headers, timeout=30) as http:
        async with Client(streamable_http_client(url, http_client=http), mode="legacy") as client:
            tools = await client.list_tools()
            result = await client.call_tool("zia_list_rule_labels", {})
            return tools, result


@pytest.fixture(scope="module")
def sandbox() -> Iterator[rig.Sandbox]:
    s = rig.start_sandbox()
    yield s
    s.stop()


def tenant(sandbox: rig.Sandbox) -> dict[str, str]:
    return {
        "ZSCALER_CLIENT_ID": sandbox.info["client_id"],
        "ZSCALER_CLIENT_SECRET": sandbox.info["client_secret"],
        "ZSCALER_CUSTOMER_ID": sandbox.info["customer_id"],
        "ZSCALER_VANITY_DOMAIN": "sandbox",
    }


def test_api_key_mode_through_the_allowlist(moto: Moto, sandbox: rig.Sandbox) -> None:
    container = Container(moto, sandbox, "api-key", {**tenant(sandbox), "ZSCALER_MCP_AUTH_API_KEY": API_KEY})
    proxy = AllowlistProxy(container.port, allowlist("api-key"))
    try:
        # The allowlisted header reaches the container and authenticates the caller.
        tools, result = anyio.run(call_through, proxy.url, {"X-Api-Key": API_KEY, "X-Other-Token": "dropped"})
        assert not result.is_error, result.content
        assert any(t.name == "zia_list_rule_labels" for t in tools.tools)
        assert "x-other-token" in proxy.dropped
        # A wrong key is judged on its own: refused, no fallback.
        with pytest.raises(BaseException) as failure:
            anyio.run(call_through, proxy.url, {"X-Api-Key": "wrong-key-000000000000000000"})
        assert "-32001" in repr(failure.value), repr(failure.value)
        # No credential at all (the console playground): the container's own key, from the secret.
        _, result = anyio.run(call_through, proxy.url, {})
        assert not result.is_error, result.content
        # Authorization is not allowlisted in api-key mode: AgentCore drops it, so the request is
        # credential-less and the fallback serves it.
        proxy.dropped.clear()
        _, result = anyio.run(call_through, proxy.url, {"Authorization": "Bearer wrong-key-0000000000000000"})
        assert not result.is_error, result.content
        assert "authorization" in proxy.dropped
        log = container.log()
        assert "Platform-enforced authentication is TRUSTED" in log, log
        assert "Loading credentials from AWS Secrets Manager" in log
        assert "platform:api-key:" in log, log
        no_credentials_in(log)
    finally:
        proxy.stop()
        container.stop()


def test_zscaler_mode_through_the_allowlist(moto: Moto, sandbox: rig.Sandbox) -> None:
    creds = tenant(sandbox)
    container = Container(moto, sandbox, "zscaler", creds)
    proxy = AllowlistProxy(container.port, allowlist("zscaler"))
    try:
        headers = {"X-Zscaler-Client-ID": creds["ZSCALER_CLIENT_ID"], "X-Zscaler-Client-Secret": creds["ZSCALER_CLIENT_SECRET"]}
        _, result = anyio.run(call_through, proxy.url, headers)
        assert not result.is_error, result.content
        with pytest.raises(BaseException) as failure:
            anyio.run(call_through, proxy.url, {**headers, "X-Zscaler-Client-Secret": "not-the-secret"})
        assert "-32001" in repr(failure.value), repr(failure.value)
        _, result = anyio.run(call_through, proxy.url, {})
        assert not result.is_error, result.content
        log = container.log()
        assert f"platform:zscaler:{creds['ZSCALER_CLIENT_ID']}" in log, log
        assert creds["ZSCALER_CLIENT_SECRET"] not in log
    finally:
        proxy.stop()
        container.stop()
