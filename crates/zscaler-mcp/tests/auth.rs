//! Client authentication at the edge, through real sockets: every refused request is answered
//! 401 with `WWW-Authenticate` and a JSON-RPC error body before MCP sees it, on every MCP route;
//! `/health` stays open.

mod common;

use std::sync::Arc;

use axum::http::HeaderMap;
use common::{client, initialize, start};
use futures::future::BoxFuture;
use serde_json::{Value, json};
use zscaler_mcp::transport::edge::auth::{Principal, Refusal};
use zscaler_mcp::transport::oauth::AuthProvider;

const KEY: &str = "zmcp_test-key-0123456789abcdef";
const ACCEPT_BOTH: &str = "application/json, text/event-stream";

fn server_info_call() -> Value {
    json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
           "params": {"name": "zscaler_get_server_info", "arguments": {}}})
}

async fn api_key_server() -> common::Running {
    start(
        &["--transport", "streamable-http", "--stateless-http"],
        &[("ZSCALER_MCP_AUTH_API_KEY", KEY)],
    )
    .await
}

#[tokio::test]
async fn every_bad_credential_is_refused_before_mcp() {
    let server = api_key_server().await;
    let http = client();
    let long = format!("Bearer {}", "k".repeat(9000));
    let cases: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("missing", vec![]),
        ("no scheme", vec![("authorization", KEY.to_string())]),
        (
            "basic scheme",
            vec![("authorization", format!("Basic {KEY}"))],
        ),
        (
            "empty bearer",
            vec![("authorization", "Bearer ".to_string())],
        ),
        (
            "wrong key",
            vec![("authorization", "Bearer zmcp_wrong-key-000000000000".into())],
        ),
        (
            "key prefix",
            vec![("authorization", format!("Bearer {}", &KEY[..KEY.len() - 1]))],
        ),
        (
            "key suffix",
            vec![("authorization", format!("Bearer {KEY}x"))],
        ),
        ("wrong x-api-key", vec![("x-api-key", "nope".to_string())]),
        ("empty x-api-key", vec![("x-api-key", String::new())]),
        (
            "two x-api-keys",
            vec![
                ("x-api-key", KEY.to_string()),
                ("x-api-key", "other".to_string()),
            ],
        ),
        ("oversized header", vec![("authorization", long)]),
    ];
    for path in ["/mcp", "/sse", "/messages?sessionId=x"] {
        for (name, headers) in &cases {
            let method = if path == "/sse" { "GET" } else { "POST" };
            let mut request = http
                .request(method.parse().expect("method"), server.url(path))
                .header("accept", ACCEPT_BOTH)
                .header("mcp-protocol-version", "2025-11-25")
                .json(&server_info_call());
            for (k, v) in headers {
                request = request.header(*k, v);
            }
            let r = request.send().await.expect("request");
            assert_eq!(r.status(), 401, "{name} on {path}");
            let challenge = r.headers()["www-authenticate"]
                .to_str()
                .expect("ascii")
                .to_string();
            assert!(
                challenge.starts_with("Bearer realm=\"zscaler-mcp\""),
                "{name}: {challenge}"
            );
            let body: Value = r.json().await.expect("JSON-RPC error body");
            assert_eq!(body["jsonrpc"], "2.0", "{name}");
            assert_eq!(body["error"]["code"], -32001, "{name}");
            assert!(body.get("result").is_none(), "{name}: no tool ran");
            let text = body.to_string();
            assert!(
                !text.contains("wrong-key") && !text.contains(KEY),
                "{name}: echoed"
            );
        }
    }
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn the_right_key_reaches_the_tools_by_either_header() {
    let server = api_key_server().await;
    let http = client();
    for (header, value) in [
        ("authorization", format!("Bearer {KEY}")),
        ("x-api-key", KEY.to_string()),
    ] {
        let r = http
            .post(server.url("/mcp"))
            .header("accept", ACCEPT_BOTH)
            .header("mcp-protocol-version", "2025-11-25")
            .header(header, &value)
            .json(&initialize("2025-11-25", 1))
            .send()
            .await
            .expect("initialize");
        assert_eq!(r.status(), 200, "{header}");
        let r = http
            .post(server.url("/mcp"))
            .header("accept", ACCEPT_BOTH)
            .header("mcp-protocol-version", "2025-11-25")
            .header(header, &value)
            .json(&server_info_call())
            .send()
            .await
            .expect("tools/call");
        assert_eq!(r.status(), 200, "{header}");
        let body: Value = r.json().await.expect("json");
        let security = &body["result"]["structuredContent"]["security"];
        assert_eq!(security["clientAuth"], "api-key", "{body}");
    }
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn health_needs_no_credentials() {
    let server = api_key_server().await;
    let r = client()
        .get(server.url("/health"))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    server.stop().await.expect("clean stop");
}

/// Serves `config` (optionally with a library auth provider) and returns the startup error.
async fn refused(
    config: zscaler_mcp::config::Config,
    provider: Option<Arc<dyn AuthProvider>>,
) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let mut builder = zscaler_mcp::ZscalerMcpServer::builder(config);
    if let Some(p) = provider {
        builder = builder.auth(p);
    }
    let result = builder.build().serve_http(listener, async {}).await;
    result.expect_err("fail closed").to_string()
}

#[tokio::test]
async fn oauth_modes_name_what_they_miss_and_refuse_what_they_do_not_use() {
    let http = ["--transport", "streamable-http"];
    for (vars, named) in [
        (
            vec![("ZSCALER_MCP_AUTH_MODE", "oidc")],
            "OIDCPROXY_CONFIG_URL",
        ),
        (
            vec![
                ("ZSCALER_MCP_AUTH_MODE", "oidc"),
                (
                    "OIDCPROXY_CONFIG_URL",
                    "https://idp.example.com/.well-known/openid-configuration",
                ),
            ],
            "OIDCPROXY_BASE_URL",
        ),
        (
            vec![
                ("ZSCALER_MCP_AUTH_MODE", "oidc"),
                (
                    "OIDCPROXY_CONFIG_URL",
                    "https://idp.example.com/.well-known/openid-configuration",
                ),
                ("OIDCPROXY_BASE_URL", "https://mcp.example.com"),
            ],
            "OIDCPROXY_AUDIENCE",
        ),
        (
            vec![
                ("ZSCALER_MCP_AUTH_MODE", "oidc"),
                (
                    "OIDCPROXY_CONFIG_URL",
                    "https://idp.example.com/.well-known/openid-configuration",
                ),
                ("OIDCPROXY_BASE_URL", "https://mcp.example.com"),
                ("OIDCPROXY_AUDIENCE", "https://mcp.example.com/mcp"),
                (
                    "OIDCPROXY_CLIENT_SECRET",
                    "not-used-by-a-protected-resource",
                ),
            ],
            "OIDCPROXY_CLIENT_SECRET",
        ),
        (
            vec![
                ("ZSCALER_MCP_AUTH_MODE", "oidc-proxy"),
                (
                    "OIDCPROXY_CONFIG_URL",
                    "https://idp.example.com/.well-known/openid-configuration",
                ),
                ("OIDCPROXY_BASE_URL", "https://mcp.example.com"),
                ("OIDCPROXY_CLIENT_ID", "zscaler-mcp"),
            ],
            "OIDCPROXY_CLIENT_SECRET",
        ),
        (
            vec![
                ("ZSCALER_MCP_AUTH_API_KEY", KEY),
                ("OIDCPROXY_ALLOWED_REDIRECT_URIS", "https://claude.ai/*"),
            ],
            "OIDCPROXY_ALLOWED_REDIRECT_URIS",
        ),
        // A write scope needs tokens that carry scopes (an api key has none).
        (
            vec![
                ("ZSCALER_MCP_AUTH_API_KEY", KEY),
                ("ZSCALER_MCP_WRITE_ENABLED", "true"),
                ("ZSCALER_MCP_WRITE_SCOPE", "zscaler:write"),
            ],
            "ZSCALER_MCP_WRITE_SCOPE",
        ),
    ] {
        let err = refused(common::config(&http, &vars), None).await;
        assert!(err.contains(named), "{vars:?}: {err}");
    }
    // Complete settings, but the provider cannot be reached: nothing is served.
    let err = refused(
        common::config(
            &http,
            &[
                ("ZSCALER_MCP_AUTH_MODE", "oidc-proxy"),
                (
                    "OIDCPROXY_CONFIG_URL",
                    "http://127.0.0.1:9/.well-known/openid-configuration",
                ),
                ("OIDCPROXY_BASE_URL", "http://127.0.0.1:8000"),
                ("OIDCPROXY_CLIENT_ID", "zscaler-mcp"),
                ("OIDCPROXY_CLIENT_SECRET", "secret-0123456789"),
            ],
        ),
        None,
    )
    .await;
    assert!(
        err.contains("oidc-proxy") && err.contains("OIDCPROXY_CONFIG_URL"),
        "{err}"
    );
    // Unknown modes list the accepted ones.
    let cli =
        <zscaler_mcp::config::Cli as clap::Parser>::try_parse_from(["zscaler-mcp"]).expect("cli");
    let env = zscaler_mcp::config::Environment::from_vars([("ZSCALER_MCP_AUTH_MODE", "oauth2")]);
    let err = zscaler_mcp::config::resolve(cli, &env).expect_err("refused");
    assert!(err.to_string().contains("oidc-proxy"), "{err}");
}

/// A library user's own provider: it authenticates `/mcp`, its routes are served without
/// authentication, refusals name its metadata URL, and configured client auth next to it is
/// refused.
struct TeamProvider;

impl AuthProvider for TeamProvider {
    fn mode(&self) -> &'static str {
        "team-sso"
    }
    fn authenticate<'a>(
        &'a self,
        headers: &'a HeaderMap,
    ) -> BoxFuture<'a, Result<Principal, Refusal>> {
        Box::pin(async move {
            match headers.get("authorization").and_then(|v| v.to_str().ok()) {
                Some("Bearer team-token") => Ok(Principal {
                    id: "team:alice".into(),
                    mode: "team-sso",
                    scopes: vec!["mcp".into()],
                    oneapi: None,
                }),
                Some("Bearer narrow-token") => Err(Refusal::InsufficientScope),
                Some(_) => Err(Refusal::Wrong),
                None => Err(Refusal::Missing),
            }
        })
    }
    fn routes(self: Arc<Self>) -> axum::Router {
        axum::Router::new().route(
            "/.well-known/oauth-protected-resource/mcp",
            axum::routing::get(|| async { "{\"resource\":\"team\"}" }),
        )
    }
    fn resource_metadata_url(&self) -> Option<String> {
        Some("https://mcp.team.example/.well-known/oauth-protected-resource/mcp".into())
    }
    fn required_scopes(&self) -> Vec<String> {
        vec!["mcp".into()]
    }
    fn describe(&self) -> String {
        "team-sso (library provider)".into()
    }
}

#[tokio::test]
async fn a_library_auth_provider_replaces_the_configured_authentication() {
    let config = common::config(
        &["--transport", "streamable-http", "--stateless-http"],
        &[("ZSCALER_MCP_AUTH_ENABLED", "true")],
    );
    let err = refused(config, Some(Arc::new(TeamProvider))).await;
    assert!(err.contains("ZSCALER_MCP_AUTH_ENABLED"), "{err}");

    let mut config = common::config(&["--transport", "streamable-http", "--stateless-http"], &[]);
    // common::config serves without auth unless told; a provider replaces that setting.
    config.client_auth.mode = None;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = zscaler_mcp::ZscalerMcpServer::builder(config)
        .auth(Arc::new(TeamProvider))
        .build();
    let task = tokio::spawn(server.serve_http(listener, async move {
        let _ = rx.await;
    }));
    let http = client();
    let url = |p: &str| format!("http://{addr}{p}");
    let call = |auth: Option<&'static str>| {
        let mut r = http
            .post(url("/mcp"))
            .header("accept", ACCEPT_BOTH)
            .header("mcp-protocol-version", "2025-11-25")
            .json(&server_info_call());
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.send()
    };
    let ok = call(Some("Bearer team-token")).await.expect("answer");
    assert_eq!(ok.status(), 200);
    let body: Value = ok.json().await.expect("json");
    assert_eq!(
        body["result"]["structuredContent"]["security"]["clientAuth"],
        "team-sso (library provider)",
        "{body}"
    );
    let missing = call(None).await.expect("answer");
    assert_eq!(missing.status(), 401);
    let challenge = missing.headers()["www-authenticate"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        challenge.contains("resource_metadata=\"https://mcp.team.example/.well-known/oauth-protected-resource/mcp\"")
            && challenge.contains("scope=\"mcp\""),
        "{challenge}"
    );
    let narrow = call(Some("Bearer narrow-token")).await.expect("answer");
    assert_eq!(narrow.status(), 403);
    let challenge = narrow.headers()["www-authenticate"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        challenge.contains("error=\"insufficient_scope\""),
        "{challenge}"
    );
    let wrong = call(Some("Bearer other")).await.expect("answer");
    assert_eq!(wrong.status(), 401);
    // The provider's own route needs no credentials.
    let meta = http
        .get(url("/.well-known/oauth-protected-resource/mcp"))
        .send()
        .await
        .expect("answer");
    assert_eq!(meta.status(), 200);
    assert_eq!(meta.text().await.expect("body"), "{\"resource\":\"team\"}");
    let _ = tx.send(());
    task.await.expect("joined").expect("clean stop");
}

/// ZSCALER_MCP_TRUST_PLATFORM_AUTH in api-key mode: a request with no credentials at all is
/// served as the container's own key (principal `platform:api-key:...`); one that presents a
/// key is judged on it alone.
#[tokio::test]
async fn platform_trust_applies_only_to_credential_less_requests() {
    let server = start(
        &["--transport", "streamable-http", "--stateless-http"],
        &[
            ("ZSCALER_MCP_AUTH_API_KEY", KEY),
            ("ZSCALER_MCP_TRUST_PLATFORM_AUTH", "true"),
        ],
    )
    .await;
    let http = client();
    let send = |headers: Vec<(&'static str, String)>| {
        let mut request = http
            .post(server.url("/mcp"))
            .header("accept", ACCEPT_BOTH)
            .header("mcp-protocol-version", "2025-11-25")
            .json(&server_info_call());
        for (k, v) in headers {
            request = request.header(k, v);
        }
        request.send()
    };
    let r = send(vec![]).await.expect("answer");
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.expect("json");
    let auth = body["result"]["structuredContent"]["security"]["clientAuth"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(auth.starts_with("api-key + platform trust"), "{body}");
    let r = send(vec![("x-api-key", "zmcp_wrong-key-000000000000".into())])
        .await
        .expect("answer");
    assert_eq!(r.status(), 401);
    let r = send(vec![("authorization", "Bearer nope".into())])
        .await
        .expect("answer");
    assert_eq!(r.status(), 401);
}
