//! Legacy HTTP+SSE transport (MCP 2024-11-05), rebuilt on rmcp's generic sink/stream transport.
//!
//! `GET /sse` opens a session: the first event is `endpoint` with `/messages?sessionId=<id>`, then
//! one `message` event per server message. The client POSTs its messages to that endpoint
//! (`sessionId` or `session_id` is accepted) and gets `202 Accepted`; the answer arrives on the
//! stream. The session ends when the client closes the stream, when it has had no traffic for
//! the idle timeout, or when the server shuts down. At most `max` sessions are open at once (a
//! new one beyond it is answered 503), and a session belongs to the caller that opened it: a
//! POST from another authenticated principal is refused 403.
//! (The reference server's SSE was unusable: its message POST looped on redirects.)

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use rmcp::ServerHandler;
use rmcp::model::{ClientJsonRpcMessage, GetExtensions, ServerJsonRpcMessage};
use rmcp::service::serve_server_with_ct;
use serde::Deserialize;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;

use super::edge::auth::Principal;
use super::edge::rejection;
use super::{HandlerFactory, SessionKind, SessionLimits};

/// Messages a session buffers between the POST handler and the MCP service.
const CHANNEL_CAPACITY: usize = 64;
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Path clients POST to; announced in the `endpoint` event.
pub const MESSAGES_PATH: &str = "/messages";

/// One open SSE session.
struct Session {
    /// Feeds the session's MCP service.
    sender: mpsc::Sender<ClientJsonRpcMessage>,
    /// The principal that opened it (`None` without client authentication).
    owner: Option<String>,
    /// Milliseconds since `SseState::epoch` of the last message in either direction.
    last_activity: Arc<AtomicU64>,
}

/// Open SSE sessions.
pub struct SseState<S> {
    factory: HandlerFactory<S>,
    sessions: Mutex<HashMap<String, Session>>,
    /// Cancelled at shutdown: ends every stream.
    cancel: CancellationToken,
    limits: SessionLimits,
    epoch: Instant,
}

impl<S> SseState<S> {
    pub fn new(
        factory: HandlerFactory<S>,
        cancel: CancellationToken,
        limits: SessionLimits,
    ) -> Arc<SseState<S>> {
        Arc::new(SseState {
            factory,
            sessions: Mutex::new(HashMap::new()),
            cancel,
            limits,
            epoch: Instant::now(),
        })
    }

    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    fn remove(&self, id: &str) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.remove(id);
        }
    }
}

/// Ends the session when the client drops the stream.
struct SessionGuard<S> {
    id: String,
    state: Arc<SseState<S>>,
    session_cancel: CancellationToken,
}

impl<S> Drop for SessionGuard<S> {
    fn drop(&mut self) {
        self.session_cancel.cancel();
        self.state.remove(&self.id);
        tracing::debug!(session = %self.id, "SSE session closed");
    }
}

/// `GET /sse`: opens a session and streams its messages.
pub async fn open<S>(
    State(state): State<Arc<SseState<S>>>,
    principal: Option<axum::Extension<Principal>>,
) -> Response
where
    S: ServerHandler + Send + 'static,
{
    let id = uuid::Uuid::new_v4().simple().to_string();
    let (client_tx, client_rx) = mpsc::channel::<ClientJsonRpcMessage>(CHANNEL_CAPACITY);
    let (server_tx, server_rx) =
        futures::channel::mpsc::channel::<ServerJsonRpcMessage>(CHANNEL_CAPACITY);
    let last_activity = Arc::new(AtomicU64::new(state.now_ms()));
    {
        let Ok(mut sessions) = state.sessions.lock() else {
            return rejection(
                StatusCode::INTERNAL_SERVER_ERROR,
                -32603,
                "SSE session table unavailable".into(),
            );
        };
        if sessions.len() >= state.limits.max {
            tracing::warn!(
                open = sessions.len(),
                "refused a new SSE session: ZSCALER_MCP_MAX_SESSIONS reached"
            );
            return too_many_sessions();
        }
        sessions.insert(
            id.clone(),
            Session {
                sender: client_tx,
                owner: principal.map(|p| p.0.id),
                last_activity: last_activity.clone(),
            },
        );
    }
    let session_cancel = state.cancel.child_token();
    // Idle watchdog: closes the session after the idle timeout without traffic.
    tokio::spawn({
        let state = state.clone();
        let cancel = session_cancel.clone();
        let last_activity = last_activity.clone();
        let id = id.clone();
        async move {
            let idle = state.limits.idle_timeout;
            loop {
                let quiet = Duration::from_millis(
                    state
                        .now_ms()
                        .saturating_sub(last_activity.load(Ordering::Relaxed)),
                );
                if quiet >= idle {
                    tracing::info!(session = %id, "SSE session closed after {}s idle", idle.as_secs());
                    cancel.cancel();
                    return;
                }
                tokio::select! {
                    _ = cancel.cancelled() => return,
                    _ = tokio::time::sleep(idle - quiet) => {}
                }
            }
        }
    });
    let handler = (state.factory)(SessionKind::Sse);
    let task_cancel = session_cancel.clone();
    let task_id = id.clone();
    tokio::spawn(async move {
        match serve_server_with_ct(
            handler,
            (server_tx, ReceiverStream::new(client_rx)),
            task_cancel,
        )
        .await
        {
            Ok(running) => {
                let _ = running.waiting().await;
            }
            Err(e) => {
                tracing::debug!(session = %task_id, error = %e, "SSE session ended before initialize")
            }
        }
    });
    tracing::debug!(session = %id, "SSE session opened");

    let endpoint = Event::default()
        .event("endpoint")
        .data(format!("{MESSAGES_PATH}?sessionId={id}"));
    let guard = SessionGuard {
        id,
        state: state.clone(),
        session_cancel: session_cancel.clone(),
    };
    let activity_state = state.clone();
    let messages = server_rx
        .map(move |message| {
            // Keep the guard alive as long as the stream is.
            let _ = &guard;
            last_activity.store(activity_state.now_ms(), Ordering::Relaxed);
            let data = serde_json::to_string(&message).unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot serialize a server message");
                String::from("{}")
            });
            Ok(Event::default().event("message").data(data))
        })
        .take_until(session_cancel.cancelled_owned());
    let stream =
        futures::stream::once(async move { Ok::<_, Infallible>(endpoint) }).chain(messages);
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// 503 when the session cap is reached.
pub(super) fn too_many_sessions() -> Response {
    let mut response = rejection(
        StatusCode::SERVICE_UNAVAILABLE,
        -32000,
        "Too many open sessions (ZSCALER_MCP_MAX_SESSIONS); close one or retry later.".into(),
    );
    response.headers_mut().insert(
        axum::http::header::RETRY_AFTER,
        axum::http::HeaderValue::from_static("30"),
    );
    response
}

#[derive(Debug, Deserialize)]
pub struct SessionQuery {
    #[serde(rename = "sessionId")]
    session_id_camel: Option<String>,
    session_id: Option<String>,
}

/// `POST /messages?sessionId=`: delivers one client message into its session, with this POST's
/// request parts (headers, and what the edge attached: the authenticated principal) as the
/// streamable transport does, so the handler sees who sent each message.
pub async fn post<S>(
    State(state): State<Arc<SseState<S>>>,
    Query(query): Query<SessionQuery>,
    parts: axum::http::request::Parts,
    body: Bytes,
) -> Response
where
    S: Send + 'static,
{
    let Some(id) = query.session_id_camel.or(query.session_id) else {
        return rejection(
            StatusCode::BAD_REQUEST,
            -32600,
            "Missing sessionId query parameter: POST to the endpoint announced by GET /sse".into(),
        );
    };
    let session = state.sessions.lock().ok().and_then(|s| {
        s.get(&id)
            .map(|s| (s.sender.clone(), s.owner.clone(), s.last_activity.clone()))
    });
    let Some((sender, owner, last_activity)) = session else {
        return rejection(
            StatusCode::NOT_FOUND,
            -32600,
            "Unknown or closed SSE session: open a new one with GET /sse".into(),
        );
    };
    let caller = parts.extensions.get::<Principal>().map(|p| p.id.as_str());
    if owner.as_deref() != caller {
        tracing::warn!(session = %id, "refused a message for an SSE session opened by another client");
        return rejection(
            StatusCode::FORBIDDEN,
            -32001,
            "This SSE session belongs to another client.".into(),
        );
    }
    last_activity.store(state.now_ms(), Ordering::Relaxed);
    let mut message: ClientJsonRpcMessage = match serde_json::from_slice(&body) {
        Ok(m) => m,
        Err(e) => {
            return rejection(
                StatusCode::BAD_REQUEST,
                -32700,
                format!("Parse error: the body is not one JSON-RPC message ({e})"),
            );
        }
    };
    match &mut message {
        ClientJsonRpcMessage::Request(r) => {
            r.request.extensions_mut().insert(parts);
        }
        ClientJsonRpcMessage::Notification(n) => {
            n.notification.extensions_mut().insert(parts);
        }
        _ => {}
    }
    if sender.send(message).await.is_err() {
        state.remove(&id);
        return rejection(
            StatusCode::NOT_FOUND,
            -32600,
            "Unknown or closed SSE session: open a new one with GET /sse".into(),
        );
    }
    (StatusCode::ACCEPTED, "Accepted").into_response()
}
