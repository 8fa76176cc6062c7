//! Host header validation (DNS-rebinding defence): a request whose `Host` is not the bind
//! address, a loopback name or an entry of `ZSCALER_MCP_ALLOWED_HOSTS` is answered 421.

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

use super::rejection;
use crate::pattern::NamePattern;

/// Which `Host` headers are accepted.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    /// `None`: validation disabled.
    allowed: Option<Vec<HostEntry>>,
}

#[derive(Debug, Clone)]
struct HostEntry {
    host: NamePattern,
    /// `None`: any port.
    port: Option<String>,
}

impl HostPolicy {
    pub fn disabled() -> HostPolicy {
        HostPolicy { allowed: None }
    }

    /// Loopback names are always accepted; `extra` entries are `host`, `host:port`, `host:*`,
    /// with shell-style wildcards in the host part (`*.example.com`). The bound host itself is
    /// accepted too, so a server bound to a specific address answers requests addressed to it.
    pub fn new(bind_host: &str, extra: &[String]) -> HostPolicy {
        let mut entries: Vec<HostEntry> = ["localhost", "127.0.0.1", "::1"]
            .into_iter()
            .chain(std::iter::once(bind_host))
            .filter(|h| *h != "0.0.0.0" && *h != "::")
            .filter_map(|h| NamePattern::parse(h).ok())
            .map(|host| HostEntry { host, port: None })
            .collect();
        for raw in extra {
            let (host, port) = split_host_port(raw);
            if let Ok(host) = NamePattern::parse(&host) {
                entries.push(HostEntry {
                    host,
                    port: port.filter(|p| p != "*"),
                });
            }
        }
        HostPolicy {
            allowed: Some(entries),
        }
    }

    pub fn accepts(&self, host_header: Option<&str>) -> bool {
        let Some(entries) = &self.allowed else {
            return true;
        };
        let Some(value) = host_header
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty())
        else {
            return false;
        };
        let (host, port) = split_host_port(&value);
        entries.iter().any(|e| {
            e.host.matches(&host)
                && e.port
                    .as_ref()
                    .is_none_or(|p| port.as_deref() == Some(p.as_str()))
        })
    }
}

/// Splits `host[:port]`, handling bracketed IPv6 (`[::1]:8000`) and bare IPv6 (`::1`).
fn split_host_port(value: &str) -> (String, Option<String>) {
    if let Some(rest) = value.strip_prefix('[')
        && let Some((host, after)) = rest.split_once(']')
    {
        return (
            host.to_string(),
            after.strip_prefix(':').map(str::to_string),
        );
    }
    match value.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => (host.to_string(), Some(port.to_string())),
        _ => (value.to_string(), None),
    }
}

pub(super) async fn check(
    State(policy): State<Arc<HostPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| request.uri().authority().map(|a| a.to_string()));
    if policy.accepts(host.as_deref()) {
        return next.run(request).await;
    }
    let shown: String = host.unwrap_or_default().chars().take(100).collect();
    tracing::warn!(host = %shown, "rejected request: Host header not allowed");
    rejection(
        StatusCode::MISDIRECTED_REQUEST,
        -32001,
        format!(
            "Misdirected request: Host header '{shown}' is not in the allowed list (possible DNS \
             rebinding attempt). Add it to ZSCALER_MCP_ALLOWED_HOSTS."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_always_accepted_with_any_port() {
        let p = HostPolicy::new("127.0.0.1", &[]);
        assert!(p.accepts(Some("localhost:8000")));
        assert!(p.accepts(Some("127.0.0.1")));
        assert!(p.accepts(Some("[::1]:9")));
        assert!(!p.accepts(Some("evil.example:8000")));
        assert!(!p.accepts(None));
        assert!(!p.accepts(Some("")));
    }

    #[test]
    fn configured_entries_with_ports_and_wildcards() {
        let p = HostPolicy::new(
            "0.0.0.0",
            &[
                "mcp.acme.com:8443".into(),
                "*.run.app".into(),
                "api.internal:*".into(),
            ],
        );
        assert!(p.accepts(Some("mcp.acme.com:8443")));
        assert!(!p.accepts(Some("mcp.acme.com:8444")));
        assert!(p.accepts(Some("x.run.app")));
        assert!(p.accepts(Some("api.internal:1")));
        assert!(!p.accepts(Some("0.0.0.0:8000")));
        assert!(p.accepts(Some("MCP.ACME.COM:8443")));
    }

    #[test]
    fn disabled_accepts_anything() {
        assert!(HostPolicy::disabled().accepts(None));
    }
}
