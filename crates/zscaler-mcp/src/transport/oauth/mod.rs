//! OAuth 2.1 for remote MCP clients (spec 001 mode 4; MCP authorization, revision 2026-07-28).
//!
//! An [`AuthProvider`] authenticates the bearer tokens of `/mcp` requests and may serve public
//! routes of its own (metadata, authorization endpoints), which pass the source, host and CORS
//! layers but not client authentication. Two providers are built in, and a library user may
//! bring another (`ZscalerMcpServerBuilder::auth`):
//!
//! * [`resource::OidcResource`] (`ZSCALER_MCP_AUTH_MODE=oidc`): this server is a protected
//!   resource (RFC 9728); clients get access tokens from the identity provider for our audience,
//!   verified locally against its JWKS.
//! * [`proxy::OidcProxy`] (`ZSCALER_MCP_AUTH_MODE=oidc-proxy`): this server is also the
//!   authorization server clients talk to (RFC 8414 metadata, Client ID Metadata Documents and
//!   dynamic registration, authorization with PKCE, tokens, revocation), and sends users to the
//!   identity provider to sign in. It issues short-lived tokens of its own, bound to this
//!   server; the provider's tokens never reach clients and clients' tokens never reach it.

pub mod idp;
pub mod proxy;
pub mod resource;
mod store;

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::future::BoxFuture;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::transport::edge::auth::{Principal, Refusal};

/// Authenticates HTTP callers; the built-in OAuth modes and library users' own providers.
pub trait AuthProvider: Send + Sync + 'static {
    /// The mode's name in logs, audit lines and the posture (`oidc`, `oidc-proxy`, ...).
    fn mode(&self) -> &'static str;

    /// The caller named by a request's headers, or why it is refused.
    fn authenticate<'a>(
        &'a self,
        headers: &'a HeaderMap,
    ) -> BoxFuture<'a, Result<Principal, Refusal>>;

    /// Routes served without client authentication (discovery metadata, OAuth endpoints).
    fn routes(self: Arc<Self>) -> Router {
        Router::new()
    }

    /// The RFC 9728 protected-resource metadata URL named in `WWW-Authenticate` challenges.
    fn resource_metadata_url(&self) -> Option<String> {
        None
    }

    /// Scopes every token must carry (named in `insufficient_scope` challenges).
    fn required_scopes(&self) -> Vec<String> {
        Vec::new()
    }

    /// One line for the startup banner and `zscaler_get_server_info`.
    fn describe(&self) -> String;
}

/// Where this server is reached from outside: its origin, the MCP endpoint (the resource
/// clients name) and the path of its protected-resource metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrls {
    /// `scheme://host[:port]`, no trailing slash; the authorization server's issuer in
    /// oidc-proxy mode.
    pub origin: String,
    /// The resource: `<origin>/mcp`.
    pub resource: String,
}

impl PublicUrls {
    /// From `OIDCPROXY_BASE_URL`: `https://host[:port]` with no path, `/` or `/mcp`; `http` only
    /// to a loopback host. The server does not serve under another path prefix.
    pub fn new(base: &str) -> Result<PublicUrls, String> {
        let url = reqwest::Url::parse(base.trim()).map_err(|e| format!("not a URL ({e})"))?;
        check_url_scheme(&url)?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err("a URL without query or fragment".into());
        }
        let path = url.path().trim_end_matches('/');
        if !(path.is_empty() || path == "/mcp") {
            return Err(format!(
                "the server's origin, optionally with /mcp (the server serves at the root; \
                 path {path} is not supported)"
            ));
        }
        let origin = url.origin().ascii_serialization();
        Ok(PublicUrls {
            resource: format!("{origin}/mcp"),
            origin,
        })
    }

    /// The path of the protected-resource metadata (RFC 9728 §3.1: the well-known prefix,
    /// then the resource's path).
    pub fn metadata_path(&self) -> &'static str {
        "/.well-known/oauth-protected-resource/mcp"
    }

    /// The full URL of the protected-resource metadata.
    pub fn metadata_url(&self) -> String {
        format!("{}{}", self.origin, self.metadata_path())
    }
}

pub use crate::config::url_policy::{check_url_scheme, is_loopback_url};

/// A random URL-safe secret of `bytes` random bytes; `None` without an OS entropy source (a
/// predictable value must never become a credential).
pub(crate) fn random_token(bytes: usize) -> Option<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).ok()?;
    Some(URL_SAFE_NO_PAD.encode(buf))
}

/// Hex SHA-256 of a secret: the key it is stored under (never the secret itself).
pub(crate) fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// RFC 7636 S256: `BASE64URL(SHA256(verifier))`.
pub(crate) fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A JSON answer that must not be cached (tokens, registrations, errors).
pub(crate) fn json_no_store(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (header::PRAGMA, HeaderValue::from_static("no-cache")),
        ],
        body.to_string(),
    )
        .into_response()
}

/// Public metadata, cacheable for an hour.
pub(crate) fn json_public(body: &Value) -> Response {
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        body.to_string(),
    )
        .into_response()
}

/// An OAuth error answer (RFC 6749 §5.2 shape).
pub(crate) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    json_no_store(
        status,
        &serde_json::json!({"error": error, "error_description": description}),
    )
}

/// A 302 to `location`.
pub(crate) fn redirect(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (
            StatusCode::FOUND,
            [
                (header::LOCATION, value),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
        )
            .into_response(),
        Err(_) => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "the redirect location is not a valid header value",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_take_an_origin_or_the_mcp_endpoint() {
        for base in [
            "https://mcp.example.com",
            "https://mcp.example.com/",
            "https://mcp.example.com/mcp",
            "https://mcp.example.com/mcp/",
        ] {
            let urls = PublicUrls::new(base).expect(base);
            assert_eq!(urls.origin, "https://mcp.example.com");
            assert_eq!(urls.resource, "https://mcp.example.com/mcp");
            assert_eq!(
                urls.metadata_url(),
                "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
            );
        }
        let local = PublicUrls::new("http://127.0.0.1:8000").expect("loopback http");
        assert_eq!(local.resource, "http://127.0.0.1:8000/mcp");
        for bad in [
            "http://mcp.example.com",
            "https://mcp.example.com/prefix/mcp",
            "https://user:pw@mcp.example.com",
            "https://mcp.example.com/?a=1",
            "ftp://mcp.example.com",
            "not a url",
        ] {
            assert!(PublicUrls::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pkce_is_unpadded_base64url_of_sha256() {
        // Computed independently (Python: base64.urlsafe_b64encode(hashlib.sha256(v).digest())
        // without the trailing '=').
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gXoWFrWcM"),
            "fzfH1I4kkiCjzX3JhacfmUvZkmVfQZebWYehC0ue9MI"
        );
    }

    #[test]
    fn random_tokens_are_distinct_and_long() {
        let a = random_token(32).expect("entropy");
        let b = random_token(32).expect("entropy");
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(digest("x").len(), 64);
    }
}
