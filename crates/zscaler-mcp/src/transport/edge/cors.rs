//! Origins (`ZSCALER_MCP_ALLOWED_ORIGINS`, default none). A request that carries an `Origin`
//! header is refused 403 (the MCP transport's defence against DNS rebinding and cross-site
//! requests from a browser) unless the origin is listed, is the server's own (same scheme-less
//! `host[:port]` as the request's `Host`), or is a loopback origin (`localhost`, `127.0.0.1`,
//! `[::1]`, any port) while the server binds loopback only. Desktop and server clients send no
//! `Origin` and pass. For a listed origin, CORS preflights are answered here, before authentication, and
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
    /// The server binds a loopback address only: loopback origins are local pages.
    pub loopback_bind: bool,
}

/// `host[:port]` of an `http(s)://` origin, lowercased.
fn authority(origin: &str) -> Option<String> {
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))?;
    (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_ascii_lowercase())
}

fn is_loopback_authority(authority: &str) -> bool {
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl CorsPolicy {
    /// The `Access-Control-Allow-Origin` value for `origin` arriving with `host` (the request's
    /// `Host` header), or `None` when it is not allowed.
    fn allow(&self, origin: &str, host: Option<&str>) -> Option<HeaderValue> {
        if self.origins.iter().any(|o| o == "*") {
            return Some(HeaderValue::from_static("*"));
        }
        let listed = self.origins.iter().any(|o| o.eq_ignore_ascii_case(origin));
        let own = authority(origin).is_some_and(|a| {
            host.is_some_and(|h| h.eq_ignore_ascii_case(&a))
                || (self.loopback_bind && is_loopback_authority(&a))
        });
        (listed || own).then(|| HeaderValue::from_str(origin).ok())?
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
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let allowed = origin.to_str().ok().and_then(|o| policy.allow(o, host));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_own_and_local_origins_pass_others_do_not() {
        let policy = CorsPolicy {
            origins: vec!["https://app.example.com".into()],
            loopback_bind: true,
        };
        let ok = |o: &str, h: Option<&str>| policy.allow(o, h).is_some();
        assert!(ok("https://app.example.com", Some("mcp.example.com")));
        assert!(ok("http://localhost:8000", Some("localhost:8000")));
        assert!(ok("http://127.0.0.1:6274", Some("127.0.0.1:8000")));
        assert!(ok("http://[::1]:6274", Some("[::1]:8000")));
        assert!(!ok("https://evil.example", Some("localhost:8000")));
        assert!(!ok("http://localhost.evil.example", Some("localhost:8000")));
        assert!(!ok("null", Some("localhost:8000")));
        let public = CorsPolicy {
            origins: Vec::new(),
            loopback_bind: false,
        };
        assert!(
            public
                .allow("https://mcp.example.com", Some("mcp.example.com"))
                .is_some()
        );
        assert!(
            public
                .allow("http://localhost:6274", Some("mcp.example.com"))
                .is_none()
        );
    }
}
