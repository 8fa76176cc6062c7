//! Graceful shutdown: in-flight tool calls finish (within the grace period), then sessions close.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use zscaler_mcp::transport::edge::{Edge, HostPolicy};
use zscaler_mcp::transport::http::{HttpMode, HttpOptions, router};
use zscaler_mcp::transport::shutdown::{Lifecycle, serve_http};

/// A server whose only tool sleeps for as long as it is told, counted as in flight.
#[derive(Clone)]
struct Slow {
    inflight: TaskTracker,
}

impl ServerHandler for Slow {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    async fn list_tools(
        &self,
        _: Option<PaginatedRequestParams>,
        _: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        let schema = json!({"type": "object", "properties": {"ms": {"type": "integer"}}});
        let Value::Object(schema) = schema else {
            unreachable!("literal object")
        };
        Ok(ListToolsResult::with_all_items(vec![Tool::new(
            "sleep",
            "Sleeps",
            Arc::new(schema),
        )]))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let _token = self.inflight.token();
        let ms = request
            .arguments
            .as_ref()
            .and_then(|a| a.get("ms"))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        tokio::time::sleep(Duration::from_millis(ms)).await;
        Ok(CallToolResult::success(vec![ContentBlock::text(format!("slept {ms} ms"))]).into())
    }
}

async fn start(
    grace: Duration,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
    TaskTracker,
) {
    let inflight = TaskTracker::new();
    let sessions = CancellationToken::new();
    let handler = Slow {
        inflight: inflight.clone(),
    };
    let app = router(
        Arc::new(move |_| handler.clone()),
        HttpOptions {
            mode: HttpMode::Streamable { stateless: true },
            edge: Edge::hosts_only(HostPolicy::new("127.0.0.1", &[])),
            cancel: sessions.clone(),
            max_body_bytes: 1 << 20,
            sessions: Default::default(),
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/mcp", listener.local_addr().expect("addr"));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(serve_http(
        listener,
        app,
        Lifecycle {
            inflight: inflight.clone(),
            grace,
            sessions,
        },
        None,
        async move {
            let _ = rx.await;
        },
    ));
    (url, tx, task, inflight)
}

/// Waits until the server counts a call in flight (a fixed sleep races a loaded machine).
async fn until_in_flight(inflight: &TaskTracker) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while inflight.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the call never reached the server"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

fn call(ms: u64) -> Value {
    json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "sleep", "arguments": {"ms": ms}}})
}

#[tokio::test]
async fn an_in_flight_call_completes_before_the_server_exits() {
    let (url, stop, task, inflight) = start(Duration::from_secs(5)).await;
    let request = tokio::spawn(async move {
        common::client()
            .post(url)
            .header("accept", "application/json, text/event-stream")
            .header("mcp-protocol-version", "2025-11-25")
            .json(&call(600))
            .send()
            .await
    });
    until_in_flight(&inflight).await;
    stop.send(()).expect("server running");
    let response = request
        .await
        .expect("join")
        .expect("the in-flight request is answered");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["result"]["content"][0]["text"], "slept 600 ms");
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("exits")
        .expect("join")
        .expect("ok");
}

#[tokio::test]
async fn a_call_longer_than_the_grace_period_does_not_hold_the_exit() {
    let (url, stop, task, inflight) = start(Duration::from_millis(300)).await;
    tokio::spawn(async move {
        let _ = common::client()
            .post(url)
            .header("accept", "application/json, text/event-stream")
            .header("mcp-protocol-version", "2025-11-25")
            .json(&call(60_000))
            .send()
            .await;
    });
    until_in_flight(&inflight).await;
    let started = Instant::now();
    stop.send(()).expect("server running");
    tokio::time::timeout(Duration::from_secs(6), task)
        .await
        .expect("exits despite the stuck call")
        .expect("join")
        .expect("ok");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "waited for the grace period"
    );
}
