//! Session limits on the HTTP transports, through real sockets: at most `max` open sessions
//! (the next is 503 with a JSON-RPC body), sessions closed after the idle timeout, and a session
//! owned by the principal that opened it (another principal's request is refused 403), for
//! both stateful streamable HTTP and legacy SSE.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Events, client, config, initialize};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;
use zscaler_mcp::ZscalerMcpServer;
use zscaler_mcp::transport::SessionLimits;
use zscaler_mcp::transport::edge::auth::Principal;
use zscaler_mcp::transport::edge::{Edge, HostPolicy};
use zscaler_mcp::transport::http::{HttpMode, HttpOptions, router, serve};

const ACCEPT_BOTH: &str = "application/json, text/event-stream";

/// Stands in for client authentication: the `x-test-principal` header names the caller.
async fn test_principal(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if let Some(id) = request
        .headers()
        .get("x-test-principal")
        .and_then(|v| v.to_str().ok())
    {
        let principal = Principal {
            id: id.to_string(),
            mode: "test",
            scopes: Vec::new(),
            oneapi: None,
        };
        request.extensions_mut().insert(principal);
    }
    next.run(request).await
}

/// The real handler behind the real HTTP stack with `limits`.
async fn start(
    mode: HttpMode,
    limits: SessionLimits,
) -> (String, tokio::sync::oneshot::Sender<()>) {
    let server =
        ZscalerMcpServer::builder(config(&["--transport", "streamable-http"], &[])).build();
    let server = Arc::new(server);
    let app = router(
        Arc::new(move |kind| server.handler(kind)),
        HttpOptions {
            mode,
            edge: Edge::hosts_only(HostPolicy::new("127.0.0.1", &[])),
            cancel: CancellationToken::new(),
            max_body_bytes: 1 << 20,
            sessions: limits,
        },
    )
    .layer(axum::middleware::from_fn(test_principal));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, app, None, async move {
        let _ = rx.await;
    }));
    (base, tx)
}

fn limits(max: usize, idle_ms: u64) -> SessionLimits {
    SessionLimits {
        max,
        idle_timeout: Duration::from_millis(idle_ms),
    }
}

async fn open_session(base: &str, principal: &str) -> reqwest::Response {
    client()
        .post(format!("{base}/mcp"))
        .header("accept", ACCEPT_BOTH)
        .header("x-test-principal", principal)
        .json(&initialize("2025-11-25", 1))
        .send()
        .await
        .expect("answer")
}

async fn ping(base: &str, session: &str, principal: &str) -> reqwest::Response {
    client()
        .post(format!("{base}/mcp"))
        .header("accept", ACCEPT_BOTH)
        .header("mcp-session-id", session)
        .header("mcp-protocol-version", "2025-11-25")
        .header("x-test-principal", principal)
        .json(&json!({"jsonrpc": "2.0", "id": 2, "method": "ping"}))
        .send()
        .await
        .expect("answer")
}

#[tokio::test]
async fn stateful_sessions_are_capped_owned_and_closed_when_idle() {
    let (base, stop) = start(HttpMode::Streamable { stateless: false }, limits(1, 1500)).await;
    let first = open_session(&base, "alice").await;
    assert_eq!(first.status(), 200);
    let id = first.headers()["mcp-session-id"]
        .to_str()
        .expect("ascii")
        .to_string();
    // The cap: a second session is refused, as JSON-RPC, with Retry-After.
    let second = open_session(&base, "alice").await;
    assert_eq!(second.status(), 503);
    assert!(second.headers().contains_key("retry-after"));
    let body: Value = second.json().await.expect("json-rpc body");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("ZSCALER_MCP_MAX_SESSIONS"),
        "{body}"
    );
    // The owner uses it; another principal may not.
    assert_eq!(ping(&base, &id, "alice").await.status(), 200);
    let stolen = ping(&base, &id, "mallory").await;
    assert_eq!(stolen.status(), 403);
    let body: Value = stolen.json().await.expect("json-rpc body");
    assert_eq!(body["error"]["code"], -32001, "{body}");
    // Idle past the timeout: closed, and its place is free again.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(ping(&base, &id, "alice").await.status(), 404);
    assert_eq!(open_session(&base, "bob").await.status(), 200);
    let _ = stop.send(());
}

async fn open_sse(base: &str, principal: &str) -> reqwest::Response {
    client()
        .get(format!("{base}/sse"))
        .header("accept", "text/event-stream")
        .header("x-test-principal", principal)
        .send()
        .await
        .expect("answer")
}

#[tokio::test]
async fn sse_sessions_are_capped_owned_and_closed_when_idle() {
    let (base, stop) = start(HttpMode::Sse, limits(1, 1500)).await;
    let stream = open_sse(&base, "alice").await;
    assert_eq!(stream.status(), 200);
    let mut events = Events::new(stream);
    let endpoint = events.next().await.expect("endpoint event");
    assert_eq!(endpoint.event, "endpoint");
    let post_url = format!("{base}{}", endpoint.data);
    // The cap.
    let second = open_sse(&base, "alice").await;
    assert_eq!(second.status(), 503);
    let body: Value = second.json().await.expect("json-rpc body");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("ZSCALER_MCP_MAX_SESSIONS"),
        "{body}"
    );
    // Another principal cannot post into it; the owner can.
    let post = |principal: &'static str, message: Value| {
        let url = post_url.clone();
        async move {
            client()
                .post(url)
                .header("x-test-principal", principal)
                .json(&message)
                .send()
                .await
                .expect("answer")
        }
    };
    let stolen = post("mallory", initialize("2024-11-05", 1)).await;
    assert_eq!(stolen.status(), 403);
    assert_eq!(
        post("alice", initialize("2024-11-05", 1)).await.status(),
        202
    );
    let answer = events.next().await.expect("initialize answer");
    assert!(answer.data.contains("\"id\":1"), "{answer:?}");
    // Idle past the timeout: the stream ends and the place is free again.
    let ended = tokio::time::timeout(Duration::from_secs(8), async {
        while events.next().await.is_some() {}
    })
    .await;
    assert!(ended.is_ok(), "the idle SSE session was not closed");
    assert_eq!(
        post(
            "alice",
            json!({"jsonrpc": "2.0", "id": 3, "method": "ping"})
        )
        .await
        .status(),
        404
    );
    assert_eq!(open_sse(&base, "bob").await.status(), 200);
    let _ = stop.send(());
}
