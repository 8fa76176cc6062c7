//! Legacy HTTP+SSE transport (MCP 2024-11-05), rebuilt on rmcp's generic sink/stream transport.
//!
//! `GET /sse` opens a session: the first event is `endpoint` with `/messages?sessionId=<id>`, then
//! one `message` event per server message. The client POSTs its messages to that endpoint
//! (`sessionId` or `session_id` is accepted) and gets `202 Accepted`; the answer arrives on the
//! stream. The session ends when the client closes the stream or the server shuts down.
//! (The reference server's SSE was unusable: its message POST looped on redirects.)

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::{Stream, StreamExt};
use rmcp::ServerHandler;
use rmcp::model::{ClientJsonRpcMessage, ServerJsonRpcMessage};
use rmcp::service::serve_server_with_ct;
use serde::Deserialize;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;

use super::edge::rejection;
use super::{HandlerFactory, SessionKind};

/// Messages a session buffers between the POST handler and the MCP service.
const CHANNEL_CAPACITY: usize = 64;
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Path clients POST to; announced in the `endpoint` event.
pub const MESSAGES_PATH: &str = "/messages";

/// Open SSE sessions: id → the sender feeding that session's MCP service.
pub struct SseState<S> {
    factory: HandlerFactory<S>,
    sessions: Mutex<HashMap<String, mpsc::Sender<ClientJsonRpcMessage>>>,
    /// Cancelled at shutdown: ends every stream.
    cancel: CancellationToken,
}

impl<S> SseState<S> {
    pub fn new(factory: HandlerFactory<S>, cancel: CancellationToken) -> Arc<SseState<S>> {
        Arc::new(SseState {
            factory,
            sessions: Mutex::new(HashMap::new()),
            cancel,
        })
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
) -> Sse<impl Stream<Item = Result<Event, Infallible>>>
where
    S: ServerHandler + Send + 'static,
{
    let id = uuid::Uuid::new_v4().simple().to_string();
    let (client_tx, client_rx) = mpsc::channel::<ClientJsonRpcMessage>(CHANNEL_CAPACITY);
    let (server_tx, server_rx) =
        futures::channel::mpsc::channel::<ServerJsonRpcMessage>(CHANNEL_CAPACITY);
    if let Ok(mut sessions) = state.sessions.lock() {
        sessions.insert(id.clone(), client_tx);
    }
    let session_cancel = state.cancel.child_token();
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
    let messages = server_rx
        .map(move |message| {
            // Keep the guard alive as long as the stream is.
            let _ = &guard;
            let data = serde_json::to_string(&message).unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot serialize a server message");
                String::from("{}")
            });
            Ok(Event::default().event("message").data(data))
        })
        .take_until(session_cancel.cancelled_owned());
    let stream = futures::stream::once(async move { Ok(endpoint) }).chain(messages);
    Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

#[derive(Debug, Deserialize)]
pub struct SessionQuery {
    #[serde(rename = "sessionId")]
    session_id_camel: Option<String>,
    session_id: Option<String>,
}

/// `POST /messages?sessionId=`: delivers one client message into its session.
pub async fn post<S>(
    State(state): State<Arc<SseState<S>>>,
    Query(query): Query<SessionQuery>,
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
    let sender = state.sessions.lock().ok().and_then(|s| s.get(&id).cloned());
    let Some(sender) = sender else {
        return rejection(
            StatusCode::NOT_FOUND,
            -32600,
            "Unknown or closed SSE session: open a new one with GET /sse".into(),
        );
    };
    let message: ClientJsonRpcMessage = match serde_json::from_slice(&body) {
        Ok(m) => m,
        Err(e) => {
            return rejection(
                StatusCode::BAD_REQUEST,
                -32700,
                format!("Parse error: the body is not one JSON-RPC message ({e})"),
            );
        }
    };
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
