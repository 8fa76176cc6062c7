//! The HTTP application: `/health`, streamable HTTP on `/mcp`, legacy SSE on `/sse` and
//! `/messages`, all behind the edge layers (see [`super::edge`]) except `/health`.
//!
//! Streamable HTTP is rmcp's `StreamableHttpService`: stateful sessions (`mcp-session-id`,
//! GET stream, DELETE) by default, or stateless (each POST self-contained, JSON answers) for
//! load-balanced replicas. Requests on revision 2026-07-28 are always served statelessly.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use rmcp::ServerHandler;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::edge::auth::Principal;
use super::edge::{self, Edge};
use super::{HandlerFactory, SessionKind, SessionLimits, health, sse};
use crate::logging::{RequestId, TraceParent};

/// Which MCP endpoints the HTTP application serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMode {
    /// Streamable HTTP on `/mcp`; legacy SSE stays available on `/sse` for older clients.
    Streamable { stateless: bool },
    /// Legacy SSE only: `GET /sse` and `GET /mcp` open the stream.
    Sse,
}

pub struct HttpOptions {
    pub mode: HttpMode,
    /// What the edge layers check (hosts, client authentication).
    pub edge: Edge,
    /// Cancelled at shutdown: closes every session and stream.
    pub cancel: CancellationToken,
    /// Largest accepted request body.
    pub max_body_bytes: usize,
    /// Session caps and idle timeout (stateful streamable HTTP and SSE).
    pub sessions: SessionLimits,
}

/// Builds the HTTP application.
pub fn router<S>(factory: HandlerFactory<S>, options: HttpOptions) -> Router
where
    S: ServerHandler + Send + 'static,
{
    let sse_state = sse::SseState::new(factory.clone(), options.cancel.clone(), options.sessions);
    let sse_routes: Router = Router::new()
        .route("/sse", get(sse::open::<S>))
        .route(sse::MESSAGES_PATH, post(sse::post::<S>))
        .with_state(sse_state.clone());

    let mcp_routes = match options.mode {
        HttpMode::Streamable { stateless } => {
            let config = StreamableHttpServerConfig::default()
                .with_cancellation_token(options.cancel.child_token())
                .with_max_request_body_bytes(options.max_body_bytes)
                .with_legacy_session_mode(!stateless)
                .with_json_response(stateless)
                // Host checks are done by the edge layer for every route, with our semantics.
                .disable_allowed_hosts();
            if stateless {
                let make = move || Ok(factory(SessionKind::Stateless));
                let service = StreamableHttpService::new(
                    make,
                    Arc::new(NeverSessionManager::default()),
                    config,
                );
                Router::new()
                    .route_service("/mcp", service.clone())
                    .route_service("/mcp/", service)
            } else {
                let make = move || Ok(factory(SessionKind::Stateful));
                let mut manager = LocalSessionManager::default();
                manager.session_config.keep_alive = Some(options.sessions.idle_timeout);
                let manager = Arc::new(manager);
                let guard = Arc::new(SessionGuard {
                    manager: manager.clone(),
                    owners: std::sync::Mutex::new(HashMap::new()),
                    limits: options.sessions,
                    max_body_bytes: options.max_body_bytes,
                });
                let service = StreamableHttpService::new(make, manager, config);
                Router::new()
                    .route_service("/mcp", service.clone())
                    .route_service("/mcp/", service)
                    .layer(axum::middleware::from_fn(session_ended_no_content))
                    .layer(axum::middleware::from_fn_with_state(guard, guard_sessions))
            }
        }
        HttpMode::Sse => Router::new()
            .route("/mcp", get(sse::open::<S>).post(sse_only_post))
            .with_state(sse_state),
    };

    // `/metrics` passes every edge layer, client authentication included, like `/mcp`: what
    // it reveals (tools used, error rates) is for the same callers (docs/operations.md).
    let guarded = edge::apply(
        sse_routes
            .merge(mcp_routes)
            .route("/metrics", get(metrics))
            .layer(axum::extract::DefaultBodyLimit::max(options.max_body_bytes)),
        options.edge,
    );
    Router::new()
        .route("/health", get(health::health).head(health::health))
        .merge(guarded)
        .layer(axum::middleware::from_fn(request_context))
}

/// `GET /metrics`: the process metrics in the Prometheus text format.
async fn metrics() -> Response {
    (
        [
            (header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE),
            (header::CACHE_CONTROL, "no-store"),
        ],
        crate::metrics::render(),
    )
        .into_response()
}

/// Outermost: gives every HTTP request its id (a valid `X-Request-Id`, else a new one; echoed
/// in the answer) and serves it in a `request` span with the `traceparent` header's trace id
/// (`crate::logging`). The id travels on in the request's extensions to the MCP handler.
async fn request_context(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use tracing::Instrument as _;
    let id = RequestId::from_header(request.headers().get(REQUEST_ID).map(|v| v.as_bytes()));
    let trace = TraceParent::first_valid(
        request
            .headers()
            .get("traceparent")
            .and_then(|v| v.to_str().ok()),
    );
    let span = crate::logging::request_span("http", &id, trace.as_ref());
    request.extensions_mut().insert(id.clone());
    let mut response = next.run(request).instrument(span).await;
    if let Ok(value) = header::HeaderValue::from_str(&id.0) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

const REQUEST_ID: &str = "x-request-id";

async fn sse_only_post() -> Response {
    let mut response = edge::rejection(
        StatusCode::METHOD_NOT_ALLOWED,
        -32600,
        "This server runs the legacy SSE transport: open GET /sse and POST to the endpoint it \
         announces, or start the server with --transport streamable-http."
            .into(),
    );
    response
        .headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("GET"));
    response.into_response()
}

/// Serves `app` on `listener` (over TLS when `tls` is given) until `shutdown` resolves and open
/// connections finish. The peer address reaches the edge layers as `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    tls: Option<Arc<rustls::ServerConfig>>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = app.into_make_service_with_connect_info::<SocketAddr>();
    let Some(tls) = tls else {
        return axum::serve(listener, service)
            .with_graceful_shutdown(shutdown)
            .await;
    };
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        stopper.graceful_shutdown(None);
    });
    let config = axum_server::tls_rustls::RustlsConfig::from_config(tls);
    axum_server::from_tcp_rustls(listener.into_std()?, config)?
        .handle(handle)
        .serve(service)
        .await
}

/// Stateful sessions: at most `limits.max` open (a request that would open one more is answered
/// 503), each owned by the principal that opened it (a request naming another principal's
/// session is refused 403). Idle sessions are closed by the session manager (`keep_alive`).
struct SessionGuard {
    manager: Arc<LocalSessionManager>,
    /// Session id → the principal that opened it.
    owners: std::sync::Mutex<HashMap<String, Option<String>>>,
    limits: SessionLimits,
    max_body_bytes: usize,
}

const SESSION_HEADER: &str = "mcp-session-id";

async fn guard_sessions(
    axum::extract::State(guard): axum::extract::State<Arc<SessionGuard>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let caller = request
        .extensions()
        .get::<Principal>()
        .map(|p| p.id.clone());
    let session = request
        .headers()
        .get(SESSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(id) = &session {
        let owner = guard.owners.lock().ok().and_then(|o| o.get(id).cloned());
        if let Some(owner) = owner
            && owner != caller
        {
            tracing::warn!("refused a request for a session opened by another client");
            return edge::rejection(
                StatusCode::FORBIDDEN,
                -32001,
                "This session belongs to another client.".into(),
            );
        }
        return next.run(request).await;
    }
    // No session yet: an `initialize` would open one. Only at the cap is the body read to tell.
    let mut request = request;
    if request.method() == axum::http::Method::POST
        && guard.manager.sessions.read().await.len() >= guard.limits.max
    {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, guard.max_body_bytes).await else {
            return edge::rejection(
                StatusCode::PAYLOAD_TOO_LARGE,
                -32600,
                "Request body too large.".into(),
            );
        };
        let opens = serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .is_some_and(|v| v.get("method").and_then(|m| m.as_str()) == Some("initialize"));
        if opens {
            tracing::warn!("refused a new session: ZSCALER_MCP_MAX_SESSIONS reached");
            return sse::too_many_sessions();
        }
        request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
    }
    let response = next.run(request).await;
    if let Some(id) = response
        .headers()
        .get(SESSION_HEADER)
        .and_then(|v| v.to_str().ok())
        && let Ok(mut owners) = guard.owners.lock()
    {
        owners.insert(id.to_string(), caller);
        if owners.len() > guard.limits.max.saturating_mul(2) {
            // Forget sessions the manager has closed (idle, deleted).
            if let Ok(open) = guard.manager.sessions.try_read() {
                owners.retain(|id, _| open.keys().any(|k| k.as_ref() == id.as_str()));
            }
        }
    }
    response
}

/// A terminated session (`DELETE /mcp`) is answered 204 No Content: clients expect 200 or 204
/// (the Python SDK logs "Session termination failed: 202" otherwise).
async fn session_ended_no_content(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let delete = request.method() == axum::http::Method::DELETE;
    let response = next.run(request).await;
    if delete && response.status() == axum::http::StatusCode::ACCEPTED {
        let (mut parts, _) = response.into_parts();
        parts.status = axum::http::StatusCode::NO_CONTENT;
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
        parts.headers.remove(axum::http::header::CONTENT_TYPE);
        return axum::response::Response::from_parts(parts, axum::body::Body::empty());
    }
    response
}
