"""The Kubernetes manifests (deploy/kubernetes, docs/kubernetes.md), rendered with `kubectl kustomize`.

Checks the rendered objects (kinds, replicas, probes, securityContext, secrets only by
reference), that every environment variable they set is one the server documents (its --help or
docs/configuration.md), and then runs the server with exactly the base's settings (on the
sandbox, on loopback) to prove it accepts them, answers the probes' path and port, and lets the
Ingress and Service host names through host validation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml  # PyYAML, installed in the test venv with moto[server]

from conftest import HttpServer, http_get, server_env, start_http_server
from dist_helpers import REPO, timed

KUBECTL = shutil.which("kubectl")
BASE = REPO / "deploy" / "kubernetes" / "base"
REDIS = REPO / "deploy" / "kubernetes" / "overlays" / "redis"

pytestmark = pytest.mark.skipif(KUBECTL is None, reason="kubectl (with its built-in kustomize) is not installed")

# Names the lead's shared-state-store change adds; accepted (with a warning) until the server's
# --help or docs/configuration.md lists them, then checked like every other name.
PENDING_SETTINGS = {"ZSCALER_MCP_STATE_STORE"}


@cache
def render(path: Path) -> tuple[dict[str, Any], ...]:
    with timed(f"kubectl kustomize {path.relative_to(REPO)}"):
        out = subprocess.run([KUBECTL, "kustomize", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return tuple(doc for doc in yaml.safe_load_all(out.stdout) if doc)


def objects(path: Path, kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in render(path) if o["kind"] == kind}


def server_container(path: Path) -> dict[str, Any]:
    pod = objects(path, "Deployment")["zscaler-mcp"]["spec"]["template"]["spec"]
    (container,) = [c for c in pod["containers"] if c["name"] == "zscaler-mcp"]
    return container


def settings(path: Path) -> dict[str, str]:
    (cm,) = [o for name, o in objects(path, "ConfigMap").items() if name.startswith("zscaler-mcp-settings")]
    return cm["data"]


# ------------------------------------------------------------------ rendered objects


def test_base_renders_the_expected_objects() -> None:
    kinds = sorted((o["kind"], o["metadata"]["name"].rsplit("-", 1)[0] if o["kind"] == "ConfigMap" else o["metadata"]["name"]) for o in render(BASE))
    assert kinds == [
        ("ConfigMap", "zscaler-mcp-settings"),
        ("Deployment", "zscaler-mcp"),
        ("HorizontalPodAutoscaler", "zscaler-mcp"),
        ("Ingress", "zscaler-mcp"),
        ("PodDisruptionBudget", "zscaler-mcp"),
        ("Service", "zscaler-mcp"),
        ("ServiceAccount", "zscaler-mcp"),
    ], kinds
    # No Secret object: credentials are created out of band and only referenced.
    assert not objects(BASE, "Secret")


def test_base_deployment_replicas_scaling_and_disruption() -> None:
    deploy = objects(BASE, "Deployment")["zscaler-mcp"]
    assert deploy["spec"]["replicas"] == 3
    hpa = objects(BASE, "HorizontalPodAutoscaler")["zscaler-mcp"]["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "zscaler-mcp"}
    assert hpa["minReplicas"] >= 3 and hpa["maxReplicas"] > hpa["minReplicas"], hpa
    pdb = objects(BASE, "PodDisruptionBudget")["zscaler-mcp"]["spec"]
    pod_labels = deploy["spec"]["template"]["metadata"]["labels"]
    assert pdb["selector"]["matchLabels"].items() <= pod_labels.items(), (pdb, pod_labels)
    assert pdb.get("maxUnavailable") == 1 or pdb.get("minAvailable") == 2, pdb
    svc = objects(BASE, "Service")["zscaler-mcp"]["spec"]
    assert svc["selector"].items() <= pod_labels.items(), (svc, pod_labels)
    ingress = objects(BASE, "Ingress")["zscaler-mcp"]["spec"]
    backend = ingress["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == "zscaler-mcp" and backend["port"]["name"] in {p["name"] for p in svc["ports"]}
    assert ingress["tls"], "the Ingress terminates TLS (ZSCALER_MCP_ALLOW_HTTP=true relies on it)"
    # The Ingress host passes the server's host validation.
    allowed = settings(BASE)["ZSCALER_MCP_ALLOWED_HOSTS"].split(",")
    assert ingress["rules"][0]["host"] in allowed


def test_base_pods_are_non_root_and_read_only() -> None:
    pod = objects(BASE, "Deployment")["zscaler-mcp"]["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 65532 != 0, "the image's user (Dockerfile, build-image.sh)"
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    sc = server_container(BASE)["securityContext"]
    assert sc["readOnlyRootFilesystem"] is True
    assert sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    res = server_container(BASE)["resources"]
    assert res["requests"]["cpu"] and res["requests"]["memory"] and res["limits"]["memory"], res


def test_base_settings_are_stateless_http_on_port_8000() -> None:
    s = settings(BASE)
    assert s["ZSCALER_MCP_TRANSPORT"] == "streamable-http"
    assert s["ZSCALER_MCP_STATELESS_HTTP"] == "true"
    assert s["ZSCALER_MCP_HOST"] == "0.0.0.0" and s["ZSCALER_MCP_PORT"] == "8000"
    assert s["ZSCALER_MCP_ALLOW_HTTP"] == "true", "TLS ends at the Ingress"
    assert s.get("ZSCALER_MCP_DISABLE_HOST_VALIDATION") != "true"
    ports = {p["name"]: p["containerPort"] for p in server_container(BASE)["ports"]}
    assert ports == {"http": 8000}


def test_probes_use_the_servers_health_path_and_port() -> None:
    container = server_container(BASE)
    # The path the server really routes (transport/http.rs) outside the edge layers.
    routes = (REPO / "crates/zscaler-mcp/src/transport/http.rs").read_text()
    health_paths = set(re.findall(r'\.route\("(/[^"]*)",\s*get\(health::health\)', routes))
    assert health_paths == {"/health"}, health_paths
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] in health_paths, (probe, get)
        assert get["port"] in ("http", 8000), (probe, get)


def test_secrets_are_referenced_never_written() -> None:
    for path in (BASE, REDIS):
        for obj in render(path):
            assert obj["kind"] != "Secret", f"{path}: a Secret object with values is committed"
        for cm in objects(path, "ConfigMap").values():
            for key, value in cm["data"].items():
                assert not re.search(r"SECRET|API_KEY|PASSWORD|PRIVATE_KEY|CLIENT_ID|STATE_STORE", key), f"{key} belongs in a Secret"
                assert not re.search(r"://[^/@\s]*:[^/@\s]+@", value), f"{key} carries credentials in a URL"
        for c in server_container(path).get("env", []):
            if re.search(r"SECRET|API_KEY|CLIENT_ID|PASSWORD|STATE_STORE", c["name"]):
                assert "value" not in c and "secretKeyRef" in c.get("valueFrom", {}), c
    # Every file in the tree: nothing that looks like a literal secret.
    for f in (REPO / "deploy" / "kubernetes").rglob("*"):
        if f.is_file():
            text = f.read_text()
            assert "kind: Secret" not in text, f
            assert not re.search(r"(?i)(password|secret|api-key)\s*[:=]\s*['\"]?[A-Za-z0-9+/]{12,}", text), f


def _documented_names(server_bin: str) -> str:
    out = subprocess.run([server_bin, "--help"], capture_output=True, text=True, timeout=20, env=server_env())
    assert out.returncode == 0, out.stderr
    return out.stdout + (REPO / "docs" / "configuration.md").read_text()


def test_every_setting_is_one_the_server_documents(server_bin: str) -> None:
    known = _documented_names(server_bin)
    for path in (BASE, REDIS):
        names = set(settings(path)) | {e["name"] for e in server_container(path).get("env", [])}
        assert names, path
        for name in sorted(names):
            if re.search(rf"\b{re.escape(name)}\b", known):
                continue
            if name in PENDING_SETTINGS:
                warnings.warn(f"{name} is not in --help or docs/configuration.md yet (pending change)", stacklevel=1)
                continue
            pytest.fail(f"{path.relative_to(REPO)} sets {name}, which neither --help nor docs/configuration.md knows")


# ------------------------------------------------------------------ the redis overlay


def test_redis_overlay_points_the_state_store_at_its_redis() -> None:
    env = {e["name"]: e for e in server_container(REDIS).get("env", [])}
    store = env["ZSCALER_MCP_STATE_STORE"]["valueFrom"]["secretKeyRef"]
    assert store["name"] == "zscaler-mcp-redis" and store["key"] == "url", store
    # The base's Secret references are kept next to the new one.
    assert {"ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_MCP_AUTH_API_KEY"} <= env.keys(), env.keys()
    deployments = objects(REDIS, "Deployment")
    assert deployments["zscaler-mcp"]["spec"]["replicas"] == 3
    redis = deployments["zscaler-mcp-redis"]["spec"]["template"]["spec"]
    (rc,) = redis["containers"]
    assert rc["image"].startswith("redis:"), rc["image"]
    assert redis["securityContext"]["runAsNonRoot"] is True and redis["securityContext"]["runAsUser"] != 0
    assert rc["securityContext"]["readOnlyRootFilesystem"] is True
    assert "--requirepass" in rc["args"], rc["args"]
    svc = objects(REDIS, "Service")["zscaler-mcp-redis"]["spec"]
    assert svc["ports"][0]["port"] == 6379
    assert svc["selector"].items() <= deployments["zscaler-mcp-redis"]["spec"]["template"]["metadata"]["labels"].items()
    # Only the server's pods reach Redis.
    policy = objects(REDIS, "NetworkPolicy")["zscaler-mcp-redis"]["spec"]
    assert policy["podSelector"]["matchLabels"].items() <= deployments["zscaler-mcp-redis"]["spec"]["template"]["metadata"]["labels"].items()
    (rule,) = policy["ingress"]
    server_labels = deployments["zscaler-mcp"]["spec"]["template"]["metadata"]["labels"]
    assert rule["from"][0]["podSelector"]["matchLabels"].items() <= server_labels.items()


# ------------------------------------------------------------------ the server accepts the settings


def _post_initialize(url: str, host: str, key: str) -> int:
    body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"k8s-test","version":"1"}}}'
    req = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Host": host,
            "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream",
            "Authorization": f"Bearer {key}",
        },
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as e:
        return e.code


def test_the_server_accepts_the_base_settings_and_serves_the_probe_path(server_bin: str) -> None:
    key = "k8s-test-api-key-0123456789abcdef"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    env.update(settings(BASE))
    env.update(
        {
            # Loopback instead of 0.0.0.0 (the port comes from start_http_server); the sandbox
            # instead of the example tenant; the Secrets' values made up here.
            "ZSCALER_MCP_HOST": "127.0.0.1",
            "ZSCALER_MCP_SANDBOX": "true",
            "ZSCALER_CLIENT_ID": "k8s-test-client",
            "ZSCALER_CLIENT_SECRET": "k8s-test-secret",
            "ZSCALER_MCP_AUTH_API_KEY": key,
            "RUST_LOG": "warn",
        }
    )
    server: HttpServer = start_http_server(server_bin, [], env=env)
    try:
        probe = server_container(BASE)["readinessProbe"]["httpGet"]["path"]
        status, _, body = http_get(f"{server.base}{probe}")
        assert status == 200 and b'"ok"' in body, (status, body)
        # The Ingress host and in-cluster Service names pass host validation; others do not.
        for host in ("mcp.example.com", "zscaler-mcp:8000", "zscaler-mcp.prod.svc.cluster.local:8000"):
            assert _post_initialize(server.mcp_url, host, key) == 200, host
        assert _post_initialize(server.mcp_url, "evil.example.net", key) == 421
        # The API key from the Secret is required.
        assert _post_initialize(server.mcp_url, "mcp.example.com", "wrong-key-0123456789") == 401
    finally:
        code = server.terminate()
        log = server.log()
        server.log_path.unlink(missing_ok=True)
    assert code == 0, log
