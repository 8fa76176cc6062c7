//! Client authentication at the edge, through real sockets: every refused request is answered
//! 401 with `WWW-Authenticate` and a JSON-RPC error body before MCP sees it, on every MCP route;
//! `/health` stays open.

mod common;

use common::{client, initialize, start};
use serde_json::{Value, json};

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

#[tokio::test]
async fn a_mode_this_version_does_not_enforce_serves_nothing() {
    let config = common::config(
        &["--transport", "streamable-http"],
        &[("ZSCALER_MCP_AUTH_MODE", "oidc")],
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let server = zscaler_mcp::ZscalerMcpServer::builder(config).build();
    let result = server.serve_http(listener, async {}).await;
    let err = result.expect_err("fail closed");
    assert!(err.to_string().contains("ZSCALER_MCP_AUTH_MODE"), "{err}");
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
