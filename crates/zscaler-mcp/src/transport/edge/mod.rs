//! Edge layers: checks every HTTP request passes before reaching MCP, on every route but
//! `/health`, each in its own module and composed here. Order, outermost first:
//!
//! 1. [`host`]: Host header validation (DNS-rebinding defence): 421.
//! 2. [`auth`]: client authentication (api-key): 401 with `WWW-Authenticate`; the
//!    authenticated [`auth::Principal`] travels on with the request.
//!
//! The source-IP ACL (403, before auth), CORS and request limits join this list as they are
//! enforced. Each check answers with a JSON-RPC error body so MCP clients can show the reason.

pub mod auth;
pub mod host;

use std::sync::Arc;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub use auth::ClientAuth;
pub use host::HostPolicy;

/// What the edge layers check.
#[derive(Clone)]
pub struct Edge {
    pub hosts: HostPolicy,
    /// `None`: no client authentication (stdio-like trust; reported as `auth=none`).
    pub auth: Option<Arc<ClientAuth>>,
}

/// A JSON-RPC error response with an HTTP status, for rejections at the edge.
pub fn rejection(status: StatusCode, code: i64, message: String) -> Response {
    let body = json!({"jsonrpc": "2.0", "id": null, "error": {"code": code, "message": message}});
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// Wraps `routes` in the edge layers, in the documented order (the last `.layer()` call is
/// the outermost).
pub fn apply(routes: Router, edge: Edge) -> Router {
    let mut routes = routes;
    if let Some(auth) = edge.auth {
        routes = routes.layer(middleware::from_fn_with_state(auth, auth::check));
    }
    routes.layer(middleware::from_fn_with_state(
        Arc::new(edge.hosts),
        host::check,
    ))
}
