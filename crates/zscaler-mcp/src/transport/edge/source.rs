//! Source-IP allowlist (`ZSCALER_MCP_ALLOWED_SOURCE_IPS`): a request from outside it is answered
//! 403 before any other check. The client address is the TCP peer, unless the peer is one of
//! the trusted proxies (`ZSCALER_MCP_TRUSTED_PROXIES`): then the address the proxy reports in
//! `X-Forwarded-For` (or `Forwarded: for=`) is used, read from the right and skipping further
//! trusted proxies. Headers from any other peer are ignored, so a client cannot spoof its
//! address. A trusted proxy whose header cannot be read yields no client address, which the
//! allowlist refuses (fail closed).
//!
//! Every request that passes carries its [`ClientAddr`] on (audit line, rate limits).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::rejection;
use crate::config::IpRule;

/// The client's address as established by the edge (`None`: a trusted proxy did not say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub Option<IpAddr>);

/// Who may connect, and whose forwarding headers are believed.
#[derive(Debug, Clone, Default)]
pub struct SourcePolicy {
    /// Empty: every source is allowed.
    pub allowed: Vec<IpRule>,
    pub trusted_proxies: Vec<IpRule>,
}

impl SourcePolicy {
    fn trusted(&self, ip: IpAddr) -> bool {
        self.trusted_proxies
            .iter()
            .any(|r| r.contains(canonical(ip)))
    }

    /// The client address of a request from `peer` carrying `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = canonical(peer);
        if !self.trusted(peer) {
            return Some(peer);
        }
        let chain = forwarded_chain(headers)?;
        if chain.is_empty() {
            // A trusted proxy that forwards nothing is itself the client (health checks).
            return Some(peer);
        }
        // Rightmost first: the last hop our trusted proxy saw; skip trusted hops before it.
        for hop in chain.into_iter().rev() {
            let ip = canonical(hop?);
            if !self.trusted(ip) {
                return Some(ip);
            }
        }
        None
    }

    pub fn allows(&self, client: Option<IpAddr>) -> bool {
        if self.allowed.is_empty() {
            return true;
        }
        client.is_some_and(|ip| self.allowed.iter().any(|r| r.contains(ip)))
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, dual-stack sockets) compare as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// The forwarded-for chain, left (original client) to right (last proxy): `None` when a header
/// is present but unreadable, an entry `None` when that hop is not an address (`unknown`, an
/// obfuscated identifier).
fn forwarded_chain(headers: &HeaderMap) -> Option<Vec<Option<IpAddr>>> {
    let mut chain = Vec::new();
    let forwarded: Vec<_> = headers.get_all("forwarded").iter().collect();
    if !forwarded.is_empty() {
        for value in forwarded {
            for element in value.to_str().ok()?.split(',') {
                let hop = element.split(';').map(str::trim).find_map(|pair| {
                    let (k, v) = pair.split_once('=')?;
                    k.trim().eq_ignore_ascii_case("for").then(|| v.trim())
                });
                match hop {
                    Some(v) => chain.push(parse_node(v.trim_matches('"'))),
                    None => chain.push(None),
                }
            }
        }
        return Some(chain);
    }
    for value in headers.get_all("x-forwarded-for") {
        for hop in value.to_str().ok()?.split(',') {
            chain.push(parse_node(hop.trim()));
        }
    }
    Some(chain)
}

/// `1.2.3.4`, `1.2.3.4:567`, `[2001:db8::1]`, `[2001:db8::1]:567` or a bare IPv6 address.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    node.parse::<SocketAddr>().ok().map(|s| s.ip())
}

pub(super) async fn check(
    State(policy): State<Arc<SourcePolicy>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = peer.and_then(|peer| policy.client(peer, request.headers()));
    if !policy.allows(client) {
        tracing::warn!(
            peer = ?peer,
            client = ?client,
            path = %request.uri().path(),
            "rejected request: source address not in ZSCALER_MCP_ALLOWED_SOURCE_IPS"
        );
        return rejection(
            StatusCode::FORBIDDEN,
            -32001,
            "Forbidden: this source address may not use this server.".into(),
        );
    }
    request.extensions_mut().insert(ClientAddr(client));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(list: &[&str]) -> Vec<IpRule> {
        list.iter().map(|s| s.parse().expect("rule")).collect()
    }

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                v.parse().expect("value"),
            );
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn forwarding_headers_are_believed_only_from_trusted_proxies() {
        let policy = SourcePolicy {
            allowed: rules(&["10.0.0.0/8", "2001:db8::/32"]),
            trusted_proxies: rules(&["127.0.0.1", "192.168.1.0/24"]),
        };
        let spoof = headers(&[("x-forwarded-for", "10.9.9.9")]);
        // An untrusted peer's header is ignored.
        assert_eq!(
            policy.client(ip("203.0.113.7"), &spoof),
            Some(ip("203.0.113.7"))
        );
        assert!(!policy.allows(policy.client(ip("203.0.113.7"), &spoof)));
        // A trusted proxy's header is used, rightmost untrusted hop first.
        let chain = headers(&[("x-forwarded-for", "10.9.9.9, 203.0.113.7, 192.168.1.5")]);
        assert_eq!(
            policy.client(ip("127.0.0.1"), &chain),
            Some(ip("203.0.113.7"))
        );
        assert_eq!(policy.client(ip("127.0.0.1"), &spoof), Some(ip("10.9.9.9")));
        // RFC 7239 Forwarded, with ports and IPv6.
        let fwd = headers(&[(
            "forwarded",
            "for=\"[2001:db8::5]:443\";proto=https, for=192.168.1.9",
        )]);
        assert_eq!(
            policy.client(ip("192.168.1.2"), &fwd),
            Some(ip("2001:db8::5"))
        );
        // Unreadable or unknown hops from a trusted proxy: no client address, refused.
        let unknown = headers(&[("x-forwarded-for", "unknown")]);
        assert_eq!(policy.client(ip("127.0.0.1"), &unknown), None);
        assert!(!policy.allows(None));
        // IPv4-mapped peers match IPv4 rules.
        assert_eq!(
            policy.client(ip("::ffff:10.1.2.3"), &HeaderMap::new()),
            Some(ip("10.1.2.3"))
        );
        assert!(policy.allows(Some(ip("10.1.2.3"))));
        assert!(policy.allows(Some(ip("2001:db8:1::1"))));
        assert!(!policy.allows(Some(ip("2001:db9::1"))));
        // No allowlist: everyone passes.
        assert!(SourcePolicy::default().allows(None));
    }
}
