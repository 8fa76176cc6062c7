//! SSE polling (SEP-1699) for `test_reconnection`.
//!
//! The scenario calls `test_reconnection` on a session and expects the server to close the
//! POST's SSE stream mid-call, after the priming event (an event id and a `retry` field), and to
//! deliver the result once the client resumes with `GET` + `Last-Event-ID`. rmcp gives handlers
//! no way to end their own response stream, so a layer around the transport does it: it ends
//! that POST's SSE body after its first event, exactly as a proxy dropping the connection would.
//! The resumption itself (replay from the event cache, then live delivery on the GET stream) is
//! the real transport's. The tool waits for the resume before answering, so the result goes to
//! the resumed stream rather than to the cut one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use futures::{Stream, StreamExt};
use rmcp::RoleServer;
use rmcp::service::RequestContext;
use serde_json::Value;
use tokio::sync::Notify;

const SESSION_HEADER: &str = "mcp-session-id";
const LAST_EVENT_ID_HEADER: &str = "last-event-id";
const TOOL: &str = "test_reconnection";

/// Lets `test_reconnection` wait until its client has resumed the stream the layer cut.
#[derive(Debug, Default)]
pub struct ReconnectGate {
    /// Sessions with a `test_reconnection` call in flight.
    pending: Mutex<HashMap<String, Arc<Notify>>>,
}

impl ReconnectGate {
    fn expect(&self, session: &str) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.entry(session.to_string()).or_default();
        }
    }

    fn resumed(&self, session: &str) {
        let notify = self
            .pending
            .lock()
            .ok()
            .and_then(|p| p.get(session).cloned());
        if let Some(notify) = notify {
            // Stores a permit if the tool is not waiting yet.
            notify.notify_one();
        }
    }

    /// Waits (at most `limit`) for the session's client to resume after the cut.
    pub async fn wait_for_resume(&self, session: &str, limit: Duration) {
        let notify = self
            .pending
            .lock()
            .ok()
            .and_then(|p| p.get(session).cloned());
        if let Some(notify) = notify
            && tokio::time::timeout(limit, notify.notified())
                .await
                .is_err()
        {
            tracing::warn!(session, "client did not resume its SSE stream in time");
        }
        if let Ok(mut pending) = self.pending.lock() {
            pending.remove(session);
        }
    }
}

/// The `Mcp-Session-Id` of the HTTP request behind `ctx`, if any.
pub fn session_id(ctx: &RequestContext<RoleServer>) -> Option<String> {
    let parts = ctx.extensions.get::<http::request::Parts>()?;
    parts
        .headers
        .get(SESSION_HEADER)?
        .to_str()
        .ok()
        .map(str::to_string)
}

#[derive(Clone)]
struct LayerState {
    gate: Arc<ReconnectGate>,
    max_body_bytes: usize,
}

/// Wraps `app` with the layer that cuts `test_reconnection`'s POST stream.
pub fn layer(app: Router, gate: Arc<ReconnectGate>, max_body_bytes: usize) -> Router {
    app.layer(middleware::from_fn_with_state(
        LayerState {
            gate,
            max_body_bytes,
        },
        cut_reconnection_stream,
    ))
}

async fn cut_reconnection_stream(
    State(state): State<LayerState>,
    request: Request,
    next: Next,
) -> Response {
    let session = request
        .headers()
        .get(SESSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let Some(session) = session else {
        return next.run(request).await;
    };
    if request.method() == Method::GET && request.headers().contains_key(LAST_EVENT_ID_HEADER) {
        // The response head is ready once the transport has re-attached the stream.
        let response = next.run(request).await;
        state.gate.resumed(&session);
        return response;
    }
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, state.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response(),
    };
    let reconnection = is_reconnection_call(&bytes);
    if reconnection {
        state.gate.expect(&session);
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let is_sse = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    if !reconnection || !is_sse {
        return response;
    }
    let (parts, body) = response.into_parts();
    Response::from_parts(
        parts,
        Body::from_stream(first_event_only(body.into_data_stream())),
    )
}

fn is_reconnection_call(body: &[u8]) -> bool {
    let Ok(message) = serde_json::from_slice::<Value>(body) else {
        return false;
    };
    message.get("method").and_then(Value::as_str) == Some("tools/call")
        && message.pointer("/params/name").and_then(Value::as_str) == Some(TOOL)
}

/// Passes an SSE body through up to the end of its first event, then ends it.
fn first_event_only<S>(body: S) -> impl Stream<Item = Result<Bytes, axum::Error>>
where
    S: Stream<Item = Result<Bytes, axum::Error>> + Send + Unpin + 'static,
{
    futures::stream::unfold(
        (body, Vec::new(), false),
        |(mut body, mut seen, done)| async move {
            if done {
                return None;
            }
            match body.next().await {
                Some(Ok(chunk)) => {
                    let start = seen.len();
                    seen.extend_from_slice(&chunk);
                    match seen.windows(2).position(|w| w == b"\n\n") {
                        Some(end) => {
                            let keep = (end + 2).saturating_sub(start).min(chunk.len());
                            Some((Ok(chunk.slice(..keep)), (body, seen, true)))
                        }
                        None => Some((Ok(chunk), (body, seen, false))),
                    }
                }
                Some(Err(e)) => Some((Err(e), (body, seen, true))),
                None => None,
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_only_the_first_event() {
        let chunks: Vec<Result<Bytes, axum::Error>> = vec![
            Ok(Bytes::from_static(b"id: 0/0\nretry: 3000\n")),
            Ok(Bytes::from_static(b"data:\n\nid: 1/0\ndata: {}\n\n")),
            Ok(Bytes::from_static(b"id: 2/0\ndata: {}\n\n")),
        ];
        let out: Vec<Bytes> = first_event_only(futures::stream::iter(chunks))
            .filter_map(|c| async move { c.ok() })
            .collect()
            .await;
        assert_eq!(out.concat(), b"id: 0/0\nretry: 3000\ndata:\n\n".to_vec());
    }

    #[test]
    fn recognises_the_reconnection_call() {
        assert!(is_reconnection_call(
            br#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_reconnection"}}"#
        ));
        assert!(!is_reconnection_call(
            br#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#
        ));
        assert!(!is_reconnection_call(b"not json"));
    }
}
