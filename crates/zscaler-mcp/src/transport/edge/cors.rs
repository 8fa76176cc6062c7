//! Origins (`ZSCALER_MCP_ALLOWED_ORIGINS`, default none). A request that carries an `Origin`
//! header not in the list is refused 403 (the MCP transport's defence against DNS rebinding
//! and cross-site requests from a browser); desktop and server clients send no `Origin` and
//! pass. For a listed origin, CORS preflights are answered here, before authentication, and
//! every response carries the CORS headers, rejections included, so a browser client can read
//! why it was refused. `*` allows every origin (answered as `*`; no cookies are used).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::rejection;

const ALLOW_METHODS: &str = "GET, POST, DELETE, OPTIONS";
const ALLOW_HEADERS: &str = "authorization, content-type, accept, last-event-id, \
                             mcp-session-id, mcp-protocol-version, x-api-key, \
                             x-zscaler-client-id, x-zscaler-client-secret";
const EXPOSE_HEADERS: &str = "mcp-session-id, mcp-protocol-version, www-authenticate, retry-after";
const MAX_AGE_SECONDS: &str = "600";

/// The allowed origins, as configured (`scheme://host[:port]`, `null`, or `*`).
#[derive(Debug, Clone, Default)]
pub struct CorsPolicy {
    pub origins: Vec<String>,
}

impl CorsPolicy {
    /// The `Access-Control-Allow-Origin` value for `origin`, or `None` when it is not allowed.
    fn allow(&self, origin: &str) -> Option<HeaderValue> {
        if self.origins.iter().any(|o| o == "*") {
            return Some(HeaderValue::from_static("*"));
        }
        self.origins
            .iter()
            .find(|o| o.eq_ignore_ascii_case(origin))
            .and_then(|_| HeaderValue::from_str(origin).ok())
    }
}

fn decorate(headers: &mut HeaderMap, allow_origin: HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow_origin);
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
    headers.append(header::VARY, HeaderValue::from_static("origin"));
}

pub(super) async fn check(
    State(policy): State<Arc<CorsPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(origin) = request.headers().get(header::ORIGIN).cloned() else {
        return next.run(request).await;
    };
    let allowed = origin.to_str().ok().and_then(|o| policy.allow(o));
    let Some(allow_origin) = allowed else {
        tracing::warn!(
            origin = ?origin,
            path = %request.uri().path(),
            "rejected request: origin not in ZSCALER_MCP_ALLOWED_ORIGINS"
        );
        return rejection(
            StatusCode::FORBIDDEN,
            -32001,
            "Forbidden: requests from this Origin are not allowed (ZSCALER_MCP_ALLOWED_ORIGINS)."
                .into(),
        );
    };
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let h = response.headers_mut();
        decorate(h, allow_origin);
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(ALLOW_METHODS),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(ALLOW_HEADERS),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static(MAX_AGE_SECONDS),
        );
        return response;
    }
    let mut response = next.run(request).await;
    decorate(response.headers_mut(), allow_origin);
    response
}
