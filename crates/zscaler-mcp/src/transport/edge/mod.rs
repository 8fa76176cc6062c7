//! Edge layers: checks every HTTP request passes before reaching MCP, on every route but
//! `/health`, each in its own module and composed here. Order, outermost first:
//!
//! 1. [`source`]: source-IP allowlist, with forwarding headers believed only from trusted
//!    proxies: 403. The resolved [`source::ClientAddr`] travels on with the request.
//! 2. [`host`]: Host header validation (DNS-rebinding defence): 421.
//! 3. [`cors`]: a foreign `Origin` is refused 403; preflights of allowed origins are answered
//!    here (before authentication) and every later answer carries the CORS headers.
//! 4. [`auth`]: client authentication: 401 with `WWW-Authenticate`; the authenticated
//!    [`auth::Principal`] travels on with the request. An auth provider's own routes (OAuth
//!    metadata and endpoints, [`crate::transport::oauth`]) pass every layer but this one.
//! 5. [`limits`]: request body size (413) and requests per caller (429 with `Retry-After`).
//!
//! TLS is terminated before all of them ([`super::tls`]). Each check answers with a JSON-RPC
//! error body so MCP clients can show the reason.

pub mod auth;
pub mod cors;
pub mod host;
pub mod jwt;
pub mod limits;
pub mod source;
pub mod zscaler;

use std::sync::Arc;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub use auth::ClientAuth;
pub use cors::CorsPolicy;
pub use host::HostPolicy;
pub use limits::Limits;
pub use source::{ClientAddr, SourcePolicy};

/// What the edge layers check.
#[derive(Clone)]
pub struct Edge {
    pub sources: SourcePolicy,
    pub hosts: HostPolicy,
    pub cors: CorsPolicy,
    /// `None`: no client authentication (stdio-like trust; reported as `auth=none`).
    pub auth: Option<Arc<ClientAuth>>,
    /// Platform trust (`ZSCALER_MCP_TRUST_PLATFORM_AUTH`): the container's own credentials as
    /// headers, authenticated in place of a credential-less request's.
    pub platform_fallback: Option<axum::http::HeaderMap>,
    pub limits: Arc<Limits>,
}

impl Edge {
    /// Only the Host check and the refusal of foreign origins: no source allowlist, no client
    /// authentication (test servers bound to loopback).
    pub fn hosts_only(hosts: HostPolicy) -> Edge {
        Edge {
            sources: SourcePolicy::default(),
            hosts,
            cors: CorsPolicy {
                origins: Vec::new(),
                loopback_bind: true,
            },
            auth: None,
            platform_fallback: None,
            limits: Arc::new(Limits::new(4 << 20, None, None)),
        }
    }
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
    let mut routes = routes.layer(middleware::from_fn_with_state(
        edge.limits.clone(),
        limits::check,
    ));
    if let Some(auth) = edge.auth {
        let public = match auth.as_ref() {
            ClientAuth::Provider(provider) => Some(provider.clone().routes()),
            _ => None,
        };
        let layer = auth::AuthLayer {
            auth,
            platform: edge.platform_fallback,
        };
        routes = routes.layer(middleware::from_fn_with_state(Arc::new(layer), auth::check));
        if let Some(public) = public {
            routes = routes
                .merge(public.layer(middleware::from_fn_with_state(edge.limits, limits::check)));
        }
    }
    routes
        .layer(middleware::from_fn_with_state(
            Arc::new(edge.cors),
            cors::check,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::new(edge.hosts),
            host::check,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::new(edge.sources),
            source::check,
        ))
}
