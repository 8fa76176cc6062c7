//! HTTP transports through real sockets: health, edge checks, streamable HTTP, legacy SSE.

mod common;

use common::{Events, client, initialize, start};
use serde_json::{Value, json};

const ACCEPT_BOTH: &str = "application/json, text/event-stream";

#[tokio::test]
async fn health_answers_ok_uncached_and_bypasses_host_checks() {
    let server = start(&["--transport", "streamable-http"], &[]).await;
    let http = client();
    let r = http
        .get(server.url("/health"))
        .header("Host", "evil.example")
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert_eq!(r.headers()["content-type"], "application/json");
    assert_eq!(
        r.json::<Value>().await.expect("json"),
        json!({"status": "ok"})
    );
    let r = http.head(server.url("/health")).send().await.expect("HEAD");
    assert_eq!(r.status(), 200);
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn foreign_host_header_is_refused_on_every_mcp_route() {
    let server = start(&["--transport", "streamable-http"], &[]).await;
    let http = client();
    for (method, path) in [
        ("POST", "/mcp"),
        ("GET", "/sse"),
        ("POST", "/messages?sessionId=x"),
    ] {
        let r = http
            .request(method.parse().expect("method"), server.url(path))
            .header("Host", "attacker.example:8000")
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .expect("request");
        assert_eq!(r.status(), 421, "{method} {path}");
        let body: Value = r.json().await.expect("JSON-RPC error body");
        assert_eq!(body["error"]["code"], -32001);
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .contains("attacker.example:8000")
        );
    }
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn configured_allowed_host_is_accepted() {
    let server = start(
        &["--transport", "streamable-http"],
        &[("ZSCALER_MCP_ALLOWED_HOSTS", "mcp.acme.test")],
    )
    .await;
    let r = client()
        .post(server.url("/mcp"))
        .header("Host", "mcp.acme.test:443")
        .header("accept", ACCEPT_BOTH)
        .json(&initialize("2025-11-25", 1))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 200);
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn stateful_streamable_http_issues_a_session_and_negotiates_each_revision() {
    let server = start(&["--transport", "streamable-http"], &[]).await;
    for version in ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"] {
        let r = client()
            .post(server.url("/mcp"))
            .header("accept", ACCEPT_BOTH)
            .json(&initialize(version, 1))
            .send()
            .await
            .expect("POST");
        assert_eq!(r.status(), 200);
        assert!(
            r.headers().contains_key("mcp-session-id"),
            "{version}: session id expected"
        );
        let mut events = Events::new(r);
        let event = events.next().await.expect("initialize answer");
        let v: Value = serde_json::from_str(&event.data).expect("JSON-RPC");
        assert_eq!(v["result"]["protocolVersion"], version);
        assert_eq!(v["result"]["serverInfo"]["name"], "zscaler-mcp");
        assert!(v["result"]["capabilities"]["logging"].is_object());
    }
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn deleting_a_session_answers_204_and_ends_it() {
    let server = start(&["--transport", "streamable-http"], &[]).await;
    let http = client();
    let r = http
        .post(server.url("/mcp"))
        .header("accept", ACCEPT_BOTH)
        .json(&initialize("2025-11-25", 1))
        .send()
        .await
        .expect("POST");
    let session = r.headers()["mcp-session-id"]
        .to_str()
        .expect("ascii")
        .to_string();
    drop(r);
    let r = http
        .delete(server.url("/mcp"))
        .header("mcp-session-id", &session)
        .header("mcp-protocol-version", "2025-11-25")
        .send()
        .await
        .expect("DELETE");
    assert_eq!(r.status(), 204);
    assert!(r.bytes().await.expect("body").is_empty());
    // The session is gone: a request on it is refused.
    let r = http
        .post(server.url("/mcp"))
        .header("accept", ACCEPT_BOTH)
        .header("mcp-session-id", &session)
        .header("mcp-protocol-version", "2025-11-25")
        .json(&json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 404);
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn stateless_streamable_http_answers_json_without_a_session() {
    let server = start(&["--transport", "streamable-http", "--stateless-http"], &[]).await;
    let http = client();
    let r = http
        .post(server.url("/mcp"))
        .header("accept", ACCEPT_BOTH)
        .json(&initialize("2025-11-25", 1))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 200);
    assert!(!r.headers().contains_key("mcp-session-id"));
    assert!(
        r.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("application/json")
    );
    let v: Value = r.json().await.expect("JSON");
    assert_eq!(v["result"]["protocolVersion"], "2025-11-25");
    // A tools/call without any session works: each request stands alone.
    let r = http
        .post(server.url("/mcp"))
        .header("accept", ACCEPT_BOTH)
        .header("mcp-protocol-version", "2025-11-25")
        .json(&json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                      "params": {"name": "zscaler_get_server_info", "arguments": {}}}))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.expect("JSON");
    assert_eq!(v["result"]["structuredContent"]["session"], "stateless");
    assert_eq!(
        v["result"]["structuredContent"]["transport"],
        "streamable-http"
    );
    assert_eq!(
        v["result"]["structuredContent"]["protocolVersion"],
        "2025-11-25"
    );
    assert_eq!(v["result"]["structuredContent"]["client"], Value::Null);
    server.stop().await.expect("clean stop");
}

/// Opens a legacy SSE session and returns the event reader and the absolute message URL.
async fn open_sse(server: &common::Running, path: &str) -> (Events, String) {
    let r = client()
        .get(server.url(path))
        .header("accept", "text/event-stream")
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/event-stream")
    );
    let mut events = Events::new(r);
    let endpoint = events.next().await.expect("endpoint event");
    assert_eq!(endpoint.event, "endpoint");
    assert!(
        endpoint.data.starts_with("/messages?sessionId="),
        "{}",
        endpoint.data
    );
    let url = server.url(&endpoint.data);
    (events, url)
}

#[tokio::test]
async fn legacy_sse_round_trip_on_both_transports() {
    for (transport, path) in [
        ("sse", "/sse"),
        ("sse", "/mcp"),
        ("streamable-http", "/sse"),
    ] {
        let server = start(&["--transport", transport], &[]).await;
        let (mut events, post_url) = open_sse(&server, path).await;
        let http = client();
        let r = http
            .post(&post_url)
            .json(&initialize("2024-11-05", 7))
            .send()
            .await
            .expect("POST");
        assert_eq!(r.status(), 202, "{transport} {path}");
        let answer: Value =
            serde_json::from_str(&events.next().await.expect("answer").data).expect("json");
        assert_eq!(answer["id"], 7);
        assert_eq!(answer["result"]["protocolVersion"], "2024-11-05");
        http.post(&post_url)
            .json(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .send()
            .await
            .expect("POST");
        // session_id (snake case) is accepted too.
        let snake = post_url.replace("sessionId=", "session_id=");
        let r = http
            .post(&snake)
            .json(&json!({"jsonrpc": "2.0", "id": 8, "method": "tools/call",
                          "params": {"name": "zscaler_get_server_info"}}))
            .send()
            .await
            .expect("POST");
        assert_eq!(r.status(), 202);
        let answer: Value =
            serde_json::from_str(&events.next().await.expect("answer").data).expect("json");
        assert_eq!(answer["id"], 8);
        assert_eq!(answer["result"]["structuredContent"]["session"], "sse");
        assert_eq!(
            answer["result"]["structuredContent"]["protocolVersion"],
            "2024-11-05"
        );
        drop(events);
        server.stop().await.expect("clean stop");
    }
}

#[tokio::test]
async fn legacy_sse_message_errors_are_json_rpc_bodies() {
    let server = start(&["--transport", "sse"], &[]).await;
    let http = client();
    let r = http
        .post(server.url("/messages?sessionId=nope"))
        .json(&initialize("2024-11-05", 1))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 404);
    assert!(
        r.json::<Value>().await.expect("json")["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("GET /sse")
    );
    let r = http
        .post(server.url("/messages"))
        .json(&initialize("2024-11-05", 1))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 400);
    let (_events, post_url) = open_sse(&server, "/sse").await;
    let r = http
        .post(&post_url)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("json")["error"]["code"],
        -32700
    );
    let r = http
        .post(server.url("/mcp"))
        .json(&initialize("2025-11-25", 1))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "GET");
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn closed_sse_stream_ends_the_session() {
    let server = start(&["--transport", "sse"], &[]).await;
    let (events, post_url) = open_sse(&server, "/sse").await;
    drop(events);
    // The server notices the closed stream and forgets the session.
    let mut status = 0;
    for _ in 0..50 {
        status = client()
            .post(&post_url)
            .json(&initialize("2024-11-05", 1))
            .send()
            .await
            .expect("POST")
            .status()
            .as_u16();
        if status == 404 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, 404);
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn shutdown_closes_open_sse_streams() {
    let server = start(&["--transport", "sse"], &[]).await;
    let (mut events, _) = open_sse(&server, "/sse").await;
    server.stop().await.expect("clean stop with an open stream");
    assert_eq!(events.next().await, None, "stream ends at shutdown");
}
