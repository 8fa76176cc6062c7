//! The HTTP application: `/health`, streamable HTTP on `/mcp`, legacy SSE on `/sse` and
//! `/messages`, all behind the edge layers (see [`super::edge`]) except `/health`.
//!
//! Streamable HTTP is rmcp's `StreamableHttpService`: stateful sessions (`mcp-session-id`,
//! GET stream, DELETE) by default, or stateless (each POST self-contained, JSON answers) for
//! load-balanced replicas. Requests on revision 2026-07-28 are always served statelessly.

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

use super::edge::{self, Edge};
use super::{HandlerFactory, SessionKind, health, sse};

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
}

/// Builds the HTTP application.
pub fn router<S>(factory: HandlerFactory<S>, options: HttpOptions) -> Router
where
    S: ServerHandler + Send + 'static,
{
    let sse_state = sse::SseState::new(factory.clone(), options.cancel.clone());
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
                let service = StreamableHttpService::new(
                    make,
                    Arc::new(LocalSessionManager::default()),
                    config,
                );
                Router::new()
                    .route_service("/mcp", service.clone())
                    .route_service("/mcp/", service)
                    .layer(axum::middleware::from_fn(session_ended_no_content))
            }
        }
        HttpMode::Sse => Router::new()
            .route("/mcp", get(sse::open::<S>).post(sse_only_post))
            .with_state(sse_state),
    };

    let guarded = edge::apply(
        sse_routes
            .merge(mcp_routes)
            .layer(axum::extract::DefaultBodyLimit::max(options.max_body_bytes)),
        options.edge,
    );
    Router::new()
        .route("/health", get(health::health).head(health::health))
        .merge(guarded)
}

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
