//! `ZSCALER_MCP_AUTH_MODE=oidc-proxy`: this server as the OAuth 2.1 authorization server MCP
//! clients talk to, with the identity provider behind it for sign-in.
//!
//! Endpoints (all on this server's origin, outside client authentication):
//! * `GET /.well-known/oauth-protected-resource[/mcp]` (RFC 9728) and
//!   `GET /.well-known/oauth-authorization-server` (RFC 8414, with
//!   `client_id_metadata_document_supported` and `authorization_response_iss_parameter_supported`);
//! * `POST /register`: dynamic client registration (RFC 7591; deprecated by MCP 2026-07-28 but
//!   kept for older clients). Redirect URIs must match `OIDCPROXY_ALLOWED_REDIRECT_URIS`
//!   (default: loopback only), `application_type` must fit them;
//! * `GET /authorize`: the client (registered, or an `https` Client ID Metadata Document URL)
//!   and its redirect URI are checked before anything is redirected (exact match; a loopback
//!   redirect may use any port, RFC 8252 §7.3); PKCE S256 is required; `resource`, when given,
//!   must be this server's. The user goes on to the provider with this server's own client id,
//!   PKCE, `state` and `nonce`;
//! * `GET /auth/callback`: the provider's answer; the pending request is single use and
//!   expires; the code is exchanged with the provider, its ID token verified (JWKS, issuer,
//!   audience = our client id, expiry, nonce); the client gets a code of ours, with `iss`
//!   (RFC 9207);
//! * `POST /token`: `authorization_code` (single-use code bound to client, redirect URI and PKCE
//!   challenge; a replayed code also revokes what it was exchanged for) and `refresh_token`
//!   (rotated; reuse of a rotated token revokes the whole grant);
//! * `POST /revoke` (RFC 7009).
//!
//! Access tokens are opaque, random, short-lived (`OIDCPROXY_TOKEN_TTL`) and valid only here;
//! they are stored as digests. Everything is held in memory with a cap and a deadline per kind:
//! a restart signs everyone out (shared state for replicas is issue 15's).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use futures::future::BoxFuture;
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

use super::store::Store;
use super::{
    AuthProvider, PublicUrls, digest, idp, json_no_store, json_public, oauth_error, pkce_challenge,
    random_token, redirect,
};
use crate::secret::Secret;
use crate::transport::edge::auth::{Principal, Refusal, bearer};
use crate::transport::edge::jwt::{JwtSettings, JwtVerifier};

/// Registered clients kept at most (dynamic registration), and for how long.
pub const MAX_CLIENTS: usize = 1_000;
pub const CLIENT_TTL: Duration = Duration::from_secs(30 * 24 * 3600);
/// Authorizations waiting for the provider's answer.
pub const MAX_PENDING: usize = 1_000;
pub const PENDING_TTL: Duration = Duration::from_secs(600);
/// Authorization codes of ours waiting to be exchanged.
pub const CODE_TTL: Duration = Duration::from_secs(60);
/// Live tokens of each kind.
pub const MAX_TOKENS: usize = 20_000;
/// Client ID Metadata Documents: cached this long, at most this large.
pub const CIMD_TTL: Duration = Duration::from_secs(600);
pub const MAX_CIMD_BYTES: usize = 5 * 1024;
/// Redirect URIs accepted when `OIDCPROXY_ALLOWED_REDIRECT_URIS` is not set: loopback, any
/// port (or none) and any path.
pub const DEFAULT_REDIRECT_PATTERNS: &[&str] = &[
    "http://localhost",
    "http://localhost:*",
    "http://127.0.0.1",
    "http://127.0.0.1:*",
    "http://[::1]",
    "http://[::1]:*",
];
/// Scopes asked of the provider: only the ID token's identity is used.
const UPSTREAM_SCOPES: &str = "openid email profile";

/// What the proxy needs to know.
#[derive(Debug, Clone)]
pub struct ProxySettings {
    /// The provider's OpenID discovery URL.
    pub config_url: String,
    /// This server's client at the provider.
    pub client_id: String,
    pub client_secret: Secret,
    /// This server's public URL (`https://host` or `https://host/mcp`).
    pub base_url: String,
    /// Sent to the provider as `audience` (providers such as Auth0 need it); not in our tokens.
    pub audience: Option<String>,
    /// Scopes every token of ours carries and every request must have.
    pub required_scopes: Vec<String>,
    /// Further scopes clients may be granted.
    pub allowed_scopes: Vec<String>,
    /// Patterns (`*`: any run of characters) a client's redirect URIs must match.
    pub allowed_redirect_uris: Vec<String>,
    /// Hosts whose Client ID Metadata Documents are fetched (empty: any public host).
    pub client_metadata_hosts: Vec<String>,
    /// Extra trusted roots for the provider's and client metadata URLs.
    pub ca_bundle_pem: Option<Vec<u8>>,
    /// Lifetime of our access tokens.
    pub token_ttl: Duration,
    /// Lifetime of our refresh tokens.
    pub refresh_ttl: Duration,
}

impl ProxySettings {
    pub fn new(
        config_url: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: Secret,
        base_url: impl Into<String>,
    ) -> ProxySettings {
        ProxySettings {
            config_url: config_url.into(),
            client_id: client_id.into(),
            client_secret,
            base_url: base_url.into(),
            audience: None,
            required_scopes: Vec::new(),
            allowed_scopes: Vec::new(),
            allowed_redirect_uris: Vec::new(),
            client_metadata_hosts: Vec::new(),
            ca_bundle_pem: None,
            token_ttl: Duration::from_secs(900),
            refresh_ttl: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// A client allowed to ask for authorization.
#[derive(Debug, Clone)]
struct Client {
    id: String,
    /// Digest of the client secret of a confidential client.
    secret: Option<[u8; 32]>,
    redirect_uris: Vec<String>,
    refresh: bool,
}

/// An authorization waiting for the provider.
#[derive(Debug, Clone)]
struct Pending {
    client_id: String,
    redirect_uri: String,
    state: Option<String>,
    challenge: String,
    scopes: Vec<String>,
    nonce: String,
    verifier: String,
}

/// A code of ours, or a token: who it is for and which grant it belongs to.
#[derive(Debug, Clone)]
struct Grant {
    client_id: String,
    subject: String,
    scopes: Vec<String>,
    /// One authorization's tokens share this id (revoked together).
    family: String,
    /// Codes only: where the client asked the answer to go, and its PKCE challenge.
    redirect_uri: String,
    challenge: String,
}

pub struct OidcProxy {
    urls: PublicUrls,
    settings: ProxySettings,
    upstream: idp::Discovery,
    authorization_endpoint: String,
    token_endpoint: String,
    http: reqwest::Client,
    id_tokens: JwtVerifier,
    patterns: Vec<String>,
    supported_scopes: Vec<String>,
    clients: Store<Client>,
    metadata_documents: Store<Client>,
    pending: Store<Pending>,
    codes: Store<Grant>,
    /// Digests of codes already exchanged → their grant family (replay detection).
    used_codes: Store<String>,
    access: Store<Grant>,
    refresh: Store<Grant>,
    /// Digests of refresh tokens already rotated → their family (reuse detection).
    rotated: Store<String>,
}

impl OidcProxy {
    /// Reads the provider's discovery document (at startup) and sets up the proxy.
    pub async fn discover(settings: ProxySettings) -> Result<OidcProxy, String> {
        let urls = PublicUrls::new(&settings.base_url)
            .map_err(|why| format!("OIDCPROXY_BASE_URL must be {why}"))?;
        if settings.client_id.trim().is_empty() {
            return Err("OIDCPROXY_CLIENT_ID is empty".into());
        }
        let http = idp::http_client(settings.ca_bundle_pem.as_deref())?;
        let upstream = idp::discover(&http, &settings.config_url)
            .await
            .map_err(|why| format!("OIDCPROXY_CONFIG_URL: {why}"))?;
        let authorization_endpoint = upstream
            .authorization_endpoint
            .clone()
            .ok_or("OIDCPROXY_CONFIG_URL: the provider names no authorization_endpoint")?;
        let token_endpoint = upstream
            .token_endpoint
            .clone()
            .ok_or("OIDCPROXY_CONFIG_URL: the provider names no token_endpoint")?;
        if !upstream.code_challenge_methods.is_empty()
            && !upstream.code_challenge_methods.iter().any(|m| m == "S256")
        {
            return Err("OIDCPROXY_CONFIG_URL: the provider does not support PKCE S256".into());
        }
        let jwt = JwtSettings {
            algorithms: vec!["RS256".into(), "ES256".into(), "PS256".into()],
            ca_bundle_pem: settings.ca_bundle_pem.clone(),
            ..JwtSettings::new(&upstream.jwks_uri, &upstream.issuer, &settings.client_id)
        };
        let id_tokens = JwtVerifier::new(&jwt).map_err(|e| e.to_string())?;
        let patterns = if settings.allowed_redirect_uris.is_empty() {
            DEFAULT_REDIRECT_PATTERNS
                .iter()
                .map(|p| p.to_string())
                .collect()
        } else {
            settings.allowed_redirect_uris.clone()
        };
        let mut supported_scopes = settings.required_scopes.clone();
        for s in &settings.allowed_scopes {
            if !supported_scopes.contains(s) {
                supported_scopes.push(s.clone());
            }
        }
        tracing::info!(
            "OIDC proxy: authorization server {} in front of {} (resource {}, redirect URIs {})",
            urls.origin,
            upstream.issuer,
            urls.resource,
            patterns.join(" ")
        );
        Ok(OidcProxy {
            urls,
            upstream,
            authorization_endpoint,
            token_endpoint,
            http,
            id_tokens,
            patterns,
            supported_scopes,
            clients: Store::new(MAX_CLIENTS),
            metadata_documents: Store::new(MAX_CLIENTS),
            pending: Store::new(MAX_PENDING),
            codes: Store::new(MAX_PENDING),
            used_codes: Store::new(MAX_TOKENS),
            access: Store::new(MAX_TOKENS),
            refresh: Store::new(MAX_TOKENS),
            rotated: Store::new(MAX_TOKENS),
            settings,
        })
    }

    fn callback_url(&self) -> String {
        format!("{}/auth/callback", self.urls.origin)
    }

    fn resource_metadata(&self) -> Value {
        let mut doc = json!({
            "resource": self.urls.resource,
            "authorization_servers": [self.urls.origin],
            "bearer_methods_supported": ["header"],
            "resource_name": "Zscaler MCP Server",
        });
        if !self.supported_scopes.is_empty() {
            doc["scopes_supported"] = json!(self.supported_scopes);
        }
        doc
    }

    fn server_metadata(&self) -> Value {
        let o = &self.urls.origin;
        let mut doc = json!({
            "issuer": o,
            "authorization_endpoint": format!("{o}/authorize"),
            "token_endpoint": format!("{o}/token"),
            "registration_endpoint": format!("{o}/register"),
            "revocation_endpoint": format!("{o}/revoke"),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "token_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post"],
            "revocation_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "client_id_metadata_document_supported": true,
            "authorization_response_iss_parameter_supported": true,
        });
        if !self.supported_scopes.is_empty() {
            doc["scopes_supported"] = json!(self.supported_scopes);
        }
        doc
    }

    /// The scopes to grant for a request's `scope`: the asked-for ones this server offers, plus
    /// the required ones; everything offered when nothing is asked. Unknown scopes are left out
    /// (RFC 6749 §3.3) and the token answer says what was granted.
    fn grant_scopes(&self, asked: Option<&str>) -> Vec<String> {
        let asked: Vec<&str> = asked
            .map(|s| s.split_whitespace().collect())
            .unwrap_or_default();
        if asked.is_empty() {
            return self.supported_scopes.clone();
        }
        let mut granted = self.settings.required_scopes.clone();
        for s in asked {
            if self.supported_scopes.iter().any(|x| x == s) && !granted.iter().any(|g| g == s) {
                granted.push(s.to_string());
            }
        }
        granted
    }

    /// A redirect URI a client may register: it matches an allowed pattern.
    fn redirect_allowed(&self, uri: &str) -> bool {
        self.patterns
            .iter()
            .any(|p| redirect_pattern_matches(p, uri))
    }

    /// The client named `client_id`: registered here, or a Client ID Metadata Document.
    async fn client(&self, client_id: &str) -> Result<Client, String> {
        if client_id.starts_with("https://") {
            if let Some(c) = self.metadata_documents.get(client_id) {
                return Ok(c);
            }
            let client = self.fetch_metadata_document(client_id).await?;
            let _ = self
                .metadata_documents
                .insert(client_id.to_string(), client.clone(), CIMD_TTL);
            return Ok(client);
        }
        self.clients.get(client_id).ok_or_else(|| {
            "unknown client_id (register first, or use a client ID metadata document URL)"
                .to_string()
        })
    }

    /// Fetches and checks a Client ID Metadata Document: an https URL with a path, on an allowed
    /// host (by default any host whose addresses are all public), answering at most
    /// [`MAX_CIMD_BYTES`] of JSON whose `client_id` is that URL and whose redirect URIs are
    /// allowed; public clients only (`token_endpoint_auth_method` none).
    async fn fetch_metadata_document(&self, client_id: &str) -> Result<Client, String> {
        let url =
            reqwest::Url::parse(client_id).map_err(|_| "client_id is not a URL".to_string())?;
        if url.scheme() != "https"
            || url.path() == "/"
            || url.fragment().is_some()
            || !url.username().is_empty()
            || url.password().is_some()
        {
            return Err("a client ID metadata document URL must be https with a path".into());
        }
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let with_port = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.clone(),
        };
        let allow = &self.settings.client_metadata_hosts;
        // Without an allowlist, the document is fetched from the addresses just checked, pinned
        // for this request (no second DNS answer can point it inside the network).
        let mut pinned = None;
        if allow.is_empty() {
            let port = url.port_or_known_default().unwrap_or(443);
            let addrs: Vec<std::net::SocketAddr> =
                tokio::net::lookup_host((host.trim_matches(['[', ']']), port))
                    .await
                    .map_err(|_| format!("cannot resolve {host}"))?
                    .collect();
            if addrs.is_empty() || addrs.iter().any(|a| !is_public(a.ip())) {
                return Err(format!(
                    "{host} resolves to a non-public address; list it in \
                     OIDCPROXY_CLIENT_METADATA_HOSTS to allow it"
                ));
            }
            pinned = Some(addrs);
        } else if !allow
            .iter()
            .any(|a| a.eq_ignore_ascii_case(&host) || a.eq_ignore_ascii_case(&with_port))
        {
            return Err(format!(
                "client metadata documents are fetched only from OIDCPROXY_CLIENT_METADATA_HOSTS, \
                 not from {with_port}"
            ));
        }
        let http = match pinned {
            None => self.http.clone(),
            Some(addrs) => idp::http_builder(self.settings.ca_bundle_pem.as_deref())?
                .resolve_to_addrs(&host, &addrs)
                .build()
                .map_err(|e| format!("cannot set up the HTTP client: {e}"))?,
        };
        let response = http
            .get(url.clone())
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| format!("cannot fetch the client metadata document: {e}"))?;
        if !response.status().is_success() {
            return Err(format!(
                "the client metadata document answered {}",
                response.status()
            ));
        }
        let doc = idp::json_body(response, MAX_CIMD_BYTES).await?;
        if doc.get("client_id").and_then(Value::as_str) != Some(client_id) {
            return Err("the client metadata document's client_id is not its URL".into());
        }
        match doc
            .get("token_endpoint_auth_method")
            .and_then(Value::as_str)
        {
            None | Some("none") => {}
            Some(other) => {
                return Err(format!(
                    "token_endpoint_auth_method {other} is not supported for client metadata \
                     documents (public clients only: none)"
                ));
            }
        }
        let redirect_uris = string_list(&doc, "redirect_uris")
            .filter(|l| !l.is_empty())
            .ok_or("the client metadata document has no redirect_uris")?;
        // As for registration: only the document's redirect URIs allowed here are usable.
        let redirect_uris: Vec<String> = redirect_uris
            .into_iter()
            .filter(|u| self.redirect_allowed(u))
            .collect();
        if redirect_uris.is_empty() {
            return Err(
                "none of the client metadata document's redirect URIs is allowed here \
                 (OIDCPROXY_ALLOWED_REDIRECT_URIS)"
                    .into(),
            );
        }
        let grants = string_list(&doc, "grant_types").unwrap_or_default();
        Ok(Client {
            id: client_id.to_string(),
            secret: None,
            redirect_uris,
            refresh: grants.iter().any(|g| g == "refresh_token"),
        })
    }

    /// Issues an access token and, when the client may refresh, a refresh token.
    fn issue(&self, grant: &Grant, refresh: bool) -> Response {
        let Some(access) = random_token(32).map(|t| format!("zmcp_at_{t}")) else {
            return entropy_failure();
        };
        let stored = Grant {
            redirect_uri: String::new(),
            challenge: String::new(),
            ..grant.clone()
        };
        if self
            .access
            .insert(digest(&access), stored.clone(), self.settings.token_ttl)
            .is_err()
        {
            return busy();
        }
        let mut body = json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": self.settings.token_ttl.as_secs(),
        });
        if !grant.scopes.is_empty() {
            body["scope"] = json!(grant.scopes.join(" "));
        }
        if refresh {
            let Some(token) = random_token(32).map(|t| format!("zmcp_rt_{t}")) else {
                return entropy_failure();
            };
            if self
                .refresh
                .insert(digest(&token), stored, self.settings.refresh_ttl)
                .is_err()
            {
                return busy();
            }
            body["refresh_token"] = json!(token);
        }
        json_no_store(StatusCode::OK, &body)
    }

    /// Revokes every token of a grant family.
    fn revoke_family(&self, family: &str) -> usize {
        self.access.remove_where(|g| g.family == family)
            + self.refresh.remove_where(|g| g.family == family)
    }

    /// The client a token or revocation request authenticates as: HTTP Basic, or
    /// `client_id` (+ `client_secret`) in the form. Confidential clients must prove their
    /// secret; public clients must not send one.
    async fn authenticate_client(
        &self,
        headers: &HeaderMap,
        form: &Params,
    ) -> Result<Client, Response> {
        let invalid = |why: &str| {
            let mut r = oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", why);
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Basic realm=\"zscaler-mcp\""),
            );
            r
        };
        let basic = match headers.get(header::AUTHORIZATION) {
            None => None,
            Some(v) => {
                let v = v.to_str().map_err(|_| invalid("malformed Authorization"))?;
                let Some(encoded) = v
                    .split_once(' ')
                    .filter(|(s, _)| s.eq_ignore_ascii_case("basic"))
                    .map(|(_, rest)| rest.trim())
                else {
                    return Err(invalid("use HTTP Basic client authentication"));
                };
                let decoded = STANDARD
                    .decode(encoded)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or_else(|| invalid("malformed Basic credentials"))?;
                let (id, secret) = decoded
                    .split_once(':')
                    .ok_or_else(|| invalid("malformed Basic credentials"))?;
                Some((form_decode(id), form_decode(secret)))
            }
        };
        let (id, secret) = match basic {
            Some((id, secret)) => {
                if form.one("client_id").is_some_and(|f| f != id) {
                    return Err(invalid("client_id differs from the authenticated client"));
                }
                (id, Some(secret))
            }
            None => (
                form.one("client_id")
                    .ok_or_else(|| invalid("client_id is required"))?
                    .to_string(),
                form.one("client_secret").map(str::to_string),
            ),
        };
        let client = self.client(&id).await.map_err(|why| invalid(&why))?;
        match (&client.secret, secret) {
            (Some(expected), Some(given)) => {
                let given: [u8; 32] = sha2_digest(&given);
                if bool::from(given.ct_eq(expected)) {
                    Ok(client)
                } else {
                    Err(invalid("wrong client secret"))
                }
            }
            (Some(_), None) => Err(invalid("this client must authenticate with its secret")),
            (None, Some(_)) => Err(invalid("this client has no secret")),
            (None, None) => Ok(client),
        }
    }
}

fn sha2_digest(s: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(s.as_bytes()).into()
}

/// `application/x-www-form-urlencoded` decoding of a Basic credential half (RFC 6749 §2.3.1).
fn form_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn entropy_failure() -> Response {
    oauth_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "server_error",
        "no entropy source for tokens",
    )
}

fn busy() -> Response {
    oauth_error(
        StatusCode::SERVICE_UNAVAILABLE,
        "temporarily_unavailable",
        "too many pending authorizations or tokens; retry later",
    )
}

/// An address that is not loopback, private, link-local, unspecified, multicast or
/// documentation (no fetch of a client document may reach the server's own network).
fn is_public(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => {
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64)
        }
        std::net::IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(std::net::IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// A redirect URI matches an allowed pattern: the URI parses, has no user info and no
/// fragment; the schemes are equal; the pattern's authority (`host[:port]`) matches the URI's
/// with `*` never crossing `/`, `@`, `?` or `#` (so `http://localhost:*` cannot match
/// `http://localhost:1@evil.example/` or a host that merely starts with `localhost`); and, when
/// the pattern has a path, it matches the URI's path and query (`*` any run). A pattern
/// without a path allows any path.
pub fn redirect_pattern_matches(pattern: &str, uri: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(uri) else {
        return false;
    };
    if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return false;
    }
    let Some((p_scheme, p_rest)) = pattern.split_once("://") else {
        return false;
    };
    let Some((u_scheme, u_rest)) = url.as_str().split_once("://") else {
        return false;
    };
    if !p_scheme.eq_ignore_ascii_case(u_scheme) {
        return false;
    }
    let split = |rest: &str| -> (String, Option<String>) {
        match rest.find(['/', '?']) {
            Some(at) => (
                rest[..at].to_ascii_lowercase(),
                Some(rest[at..].to_string()),
            ),
            None => (rest.to_ascii_lowercase(), None),
        }
    };
    let (p_auth, p_path) = split(p_rest);
    let (u_auth, u_path) = split(u_rest);
    // The URI's authority holds no delimiter once split, so `*` cannot cross one.
    glob(&p_auth, &u_auth)
        && !u_auth.contains(['@', '#'])
        && match p_path {
            None => true,
            Some(p) => glob(&p, u_path.as_deref().unwrap_or("/")),
        }
}

/// `*` matches any run of characters; everything else itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || !text[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// `given` is `registered`, or both are loopback `http` URIs that differ only in the port
/// (RFC 8252 §7.3: native apps take an ephemeral port).
pub fn redirect_matches(registered: &str, given: &str) -> bool {
    if registered == given {
        return true;
    }
    let (Ok(r), Ok(g)) = (reqwest::Url::parse(registered), reqwest::Url::parse(given)) else {
        return false;
    };
    r.scheme() == "http"
        && g.scheme() == "http"
        && super::is_loopback_url(&r)
        && r.host_str() == g.host_str()
        && r.path() == g.path()
        && r.query() == g.query()
        && g.fragment().is_none()
        && g.username().is_empty()
        && g.password().is_none()
}

fn string_list(doc: &Value, field: &str) -> Option<Vec<String>> {
    doc.get(field)?
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// Request parameters (query or form) with repeats kept, so a repeated one can be refused
/// (RFC 6749 §3.1).
struct Params(Vec<(String, String)>);

impl Params {
    /// The only value of `name`; a repeated parameter counts as absent (refused by callers
    /// through [`Params::repeated`]).
    fn one(&self, name: &str) -> Option<&str> {
        let mut values = self.0.iter().filter(|(k, _)| k == name);
        let first = values.next()?;
        values.next().is_none().then_some(first.1.as_str())
    }

    /// The first parameter given more than once.
    fn repeated(&self) -> Option<&str> {
        let mut seen = HashSet::new();
        self.0
            .iter()
            .find(|(k, _)| !seen.insert(k.as_str()))
            .map(|(k, _)| k.as_str())
    }
}

/// `uri` with `pairs` appended to its query.
fn with_query(uri: &str, pairs: &[(&str, &str)]) -> Option<String> {
    let mut url = reqwest::Url::parse(uri).ok()?;
    {
        let mut q = url.query_pairs_mut();
        for (k, v) in pairs {
            q.append_pair(k, v);
        }
    }
    Some(url.into())
}

/// An error sent back to the client's (checked) redirect URI, with its state and our issuer.
fn redirect_error(
    redirect_uri: &str,
    state: Option<&str>,
    issuer: &str,
    error: &str,
    description: &str,
) -> Response {
    let mut pairs = vec![("error", error), ("error_description", description)];
    if let Some(state) = state {
        pairs.push(("state", state));
    }
    pairs.push(("iss", issuer));
    match with_query(redirect_uri, &pairs) {
        Some(location) => redirect(&location),
        None => oauth_error(StatusCode::BAD_REQUEST, error, description),
    }
}

async fn authorize(
    State(proxy): State<Arc<OidcProxy>>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let params = Params(params);
    let bad = |why: &str| oauth_error(StatusCode::BAD_REQUEST, "invalid_request", why);
    if let Some(name) = params.repeated() {
        return bad(&format!("parameter {name} is repeated"));
    }
    // Until the client and its redirect URI are known good, errors are shown here, never
    // redirected (an open redirector otherwise).
    let Some(client_id) = params.one("client_id") else {
        return bad("client_id is required");
    };
    let client = match proxy.client(client_id).await {
        Ok(c) => c,
        Err(why) => return bad(&why),
    };
    let Some(redirect_uri) = params.one("redirect_uri") else {
        return bad("redirect_uri is required");
    };
    if !client
        .redirect_uris
        .iter()
        .any(|r| redirect_matches(r, redirect_uri))
    {
        return bad("redirect_uri is not registered for this client");
    }
    let state = params.one("state");
    let issuer = proxy.urls.origin.as_str();
    let fail = |error: &str, why: &str| redirect_error(redirect_uri, state, issuer, error, why);
    if params.one("response_type") != Some("code") {
        return fail("unsupported_response_type", "response_type must be code");
    }
    let Some(challenge) = params.one("code_challenge") else {
        return fail(
            "invalid_request",
            "PKCE is required: code_challenge with S256",
        );
    };
    if params.one("code_challenge_method") != Some("S256") {
        return fail("invalid_request", "code_challenge_method must be S256");
    }
    if challenge.len() != 43 || !challenge.bytes().all(is_unreserved) {
        return fail("invalid_request", "code_challenge is not an S256 challenge");
    }
    if let Some(resource) = params.one("resource")
        && resource.trim_end_matches('/') != proxy.urls.resource
    {
        return fail("invalid_target", "resource is not this server");
    }
    let (Some(txn), Some(nonce), Some(verifier)) =
        (random_token(32), random_token(24), random_token(48))
    else {
        return entropy_failure();
    };
    let pending = Pending {
        client_id: client.id.clone(),
        redirect_uri: redirect_uri.to_string(),
        state: state.map(str::to_string),
        challenge: challenge.to_string(),
        scopes: proxy.grant_scopes(params.one("scope")),
        nonce: nonce.clone(),
        verifier: verifier.clone(),
    };
    if proxy
        .pending
        .insert(digest(&txn), pending, PENDING_TTL)
        .is_err()
    {
        return fail("temporarily_unavailable", "too many pending authorizations");
    }
    let upstream_challenge = pkce_challenge(&verifier);
    let callback = proxy.callback_url();
    let mut pairs = vec![
        ("response_type", "code"),
        ("client_id", proxy.settings.client_id.as_str()),
        ("redirect_uri", callback.as_str()),
        ("scope", UPSTREAM_SCOPES),
        ("state", txn.as_str()),
        ("nonce", nonce.as_str()),
        ("code_challenge", upstream_challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    if let Some(aud) = &proxy.settings.audience {
        pairs.push(("audience", aud.as_str()));
    }
    match with_query(&proxy.authorization_endpoint, &pairs) {
        Some(location) => redirect(&location),
        None => fail(
            "server_error",
            "the provider's authorization endpoint is not a URL",
        ),
    }
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

async fn callback(
    State(proxy): State<Arc<OidcProxy>>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let params = Params(params);
    let Some(pending) = params
        .one("state")
        .and_then(|txn| proxy.pending.take(&digest(txn)))
    else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "unknown or expired authorization (each sign-in can be completed once, within 10 \
             minutes)",
        );
    };
    let issuer = proxy.urls.origin.as_str();
    let fail = |error: &str, why: &str| {
        redirect_error(
            &pending.redirect_uri,
            pending.state.as_deref(),
            issuer,
            error,
            why,
        )
    };
    // RFC 9207: a provider that says it sends `iss` must send its own.
    if proxy.upstream.iss_parameter && params.one("iss") != Some(proxy.upstream.issuer.as_str()) {
        tracing::warn!("oidc-proxy: the provider's answer carries a wrong or missing iss");
        return fail(
            "access_denied",
            "the identity provider's answer has a wrong issuer",
        );
    }
    if let Some(error) = params.one("error") {
        tracing::info!("oidc-proxy: the identity provider refused the sign-in ({error})");
        let error = if error == "access_denied" {
            "access_denied"
        } else {
            "server_error"
        };
        return fail(error, "the identity provider did not sign the user in");
    }
    let Some(code) = params.one("code") else {
        return fail("server_error", "the identity provider sent no code");
    };
    let callback = proxy.callback_url();
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", callback.as_str()),
        ("code_verifier", pending.verifier.as_str()),
    ];
    let basic = proxy.upstream.token_auth_methods.is_empty()
        || proxy
            .upstream
            .token_auth_methods
            .iter()
            .any(|m| m == "client_secret_basic");
    let secret = proxy.settings.client_secret.expose();
    let mut request = proxy.http.post(&proxy.token_endpoint);
    if basic {
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        request = request.basic_auth(enc(&proxy.settings.client_id), Some(enc(secret)));
    } else {
        form.push(("client_id", proxy.settings.client_id.as_str()));
        form.push(("client_secret", secret));
    }
    let answer = match request.form(&form).send().await {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!("oidc-proxy: cannot reach the provider's token endpoint: {e}");
            return fail(
                "temporarily_unavailable",
                "the identity provider cannot be reached",
            );
        }
    };
    let status = answer.status();
    let body = match idp::json_body(answer, idp::MAX_DOCUMENT_BYTES).await {
        Ok(b) => b,
        Err(why) => {
            tracing::warn!("oidc-proxy: the provider's token answer ({status}): {why}");
            return fail(
                "server_error",
                "the identity provider's token answer is unusable",
            );
        }
    };
    if !status.is_success() {
        let error = body.get("error").and_then(Value::as_str).unwrap_or("?");
        tracing::warn!("oidc-proxy: the provider refused the code exchange ({status}, {error})");
        return fail(
            "server_error",
            "the identity provider refused the code exchange",
        );
    }
    let Some(id_token) = body.get("id_token").and_then(Value::as_str) else {
        return fail("server_error", "the identity provider sent no ID token");
    };
    let (verified, claims) = match proxy.id_tokens.verify_claims(id_token).await {
        Ok(v) => v,
        Err(why) => {
            tracing::warn!(
                "oidc-proxy: the provider's ID token is refused: {}",
                why.message()
            );
            return fail(
                "server_error",
                "the identity provider's ID token does not verify",
            );
        }
    };
    let nonce_ok = claims
        .get("nonce")
        .and_then(Value::as_str)
        .is_some_and(|n| bool::from(n.as_bytes().ct_eq(pending.nonce.as_bytes())));
    if !nonce_ok {
        tracing::warn!("oidc-proxy: the provider's ID token carries a wrong nonce");
        return fail(
            "server_error",
            "the identity provider's ID token does not verify",
        );
    }
    let (Some(our_code), Some(family)) = (random_token(32), random_token(16)) else {
        return entropy_failure();
    };
    let grant = Grant {
        client_id: pending.client_id.clone(),
        subject: verified.subject.clone(),
        scopes: pending.scopes.clone(),
        family,
        redirect_uri: pending.redirect_uri.clone(),
        challenge: pending.challenge.clone(),
    };
    if proxy
        .codes
        .insert(digest(&our_code), grant, CODE_TTL)
        .is_err()
    {
        return fail("temporarily_unavailable", "too many pending authorizations");
    }
    tracing::info!(
        "oidc-proxy: signed in {} for client {}",
        verified.subject,
        pending.client_id
    );
    let mut pairs = vec![("code", our_code.as_str())];
    if let Some(state) = pending.state.as_deref() {
        pairs.push(("state", state));
    }
    pairs.push(("iss", issuer));
    match with_query(&pending.redirect_uri, &pairs) {
        Some(location) => redirect(&location),
        None => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "bad redirect_uri",
        ),
    }
}

async fn token(
    State(proxy): State<Arc<OidcProxy>>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Response {
    let form = Params(form);
    let bad = |error: &str, why: &str| oauth_error(StatusCode::BAD_REQUEST, error, why);
    if let Some(name) = form.repeated() {
        return bad("invalid_request", &format!("parameter {name} is repeated"));
    }
    let client = match proxy.authenticate_client(&headers, &form).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if let Some(resource) = form.one("resource")
        && resource.trim_end_matches('/') != proxy.urls.resource
    {
        return bad("invalid_target", "resource is not this server");
    }
    match form.one("grant_type") {
        Some("authorization_code") => {
            let (Some(code), Some(verifier)) = (form.one("code"), form.one("code_verifier")) else {
                return bad("invalid_request", "code and code_verifier are required");
            };
            let key = digest(code);
            let Some(grant) = proxy.codes.take(&key) else {
                if let Some(family) = proxy.used_codes.get(&key) {
                    let revoked = proxy.revoke_family(&family);
                    tracing::warn!(
                        "oidc-proxy: an authorization code was presented twice; {revoked} \
                         token(s) issued for it revoked"
                    );
                }
                return bad(
                    "invalid_grant",
                    "the code is unknown, expired or already used",
                );
            };
            let _ = proxy
                .used_codes
                .insert(key, grant.family.clone(), PENDING_TTL);
            if grant.client_id != client.id {
                return bad("invalid_grant", "the code was issued to another client");
            }
            if form.one("redirect_uri") != Some(grant.redirect_uri.as_str()) {
                return bad(
                    "invalid_grant",
                    "redirect_uri differs from the authorization's",
                );
            }
            let valid_verifier = (43..=128).contains(&verifier.len())
                && verifier.bytes().all(is_unreserved)
                && bool::from(
                    pkce_challenge(verifier)
                        .as_bytes()
                        .ct_eq(grant.challenge.as_bytes()),
                );
            if !valid_verifier {
                return bad(
                    "invalid_grant",
                    "code_verifier does not match the code_challenge",
                );
            }
            proxy.issue(&grant, client.refresh)
        }
        Some("refresh_token") => {
            if !client.refresh {
                return bad(
                    "unauthorized_client",
                    "this client did not register refresh_token",
                );
            }
            let Some(token) = form.one("refresh_token") else {
                return bad("invalid_request", "refresh_token is required");
            };
            let key = digest(token);
            let Some(grant) = proxy.refresh.take(&key) else {
                if let Some(family) = proxy.rotated.get(&key) {
                    let revoked = proxy.revoke_family(&family);
                    tracing::warn!(
                        "oidc-proxy: a rotated refresh token was presented again; the grant's \
                         {revoked} token(s) revoked"
                    );
                }
                return bad(
                    "invalid_grant",
                    "the refresh token is unknown, expired or revoked",
                );
            };
            let _ = proxy
                .rotated
                .insert(key, grant.family.clone(), proxy.settings.refresh_ttl);
            if grant.client_id != client.id {
                return bad(
                    "invalid_grant",
                    "the refresh token was issued to another client",
                );
            }
            // A narrower scope may be asked for; never a wider one.
            let scopes = match form.one("scope") {
                None => grant.scopes.clone(),
                Some(asked) => {
                    let asked: Vec<String> = asked.split_whitespace().map(str::to_string).collect();
                    if asked.iter().any(|s| !grant.scopes.contains(s)) {
                        return bad("invalid_scope", "scope wider than the original grant");
                    }
                    asked
                }
            };
            proxy.issue(&Grant { scopes, ..grant }, true)
        }
        Some(_) => bad(
            "unsupported_grant_type",
            "grant_type must be authorization_code or refresh_token",
        ),
        None => bad("invalid_request", "grant_type is required"),
    }
}

async fn revoke(
    State(proxy): State<Arc<OidcProxy>>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Response {
    let form = Params(form);
    let client = match proxy.authenticate_client(&headers, &form).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(token) = form.one("token") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "token is required",
        );
    };
    let key = digest(token);
    // RFC 7009 §2.1: revoking a refresh token also ends the access tokens of its grant.
    if let Some(grant) = proxy.refresh.get(&key).filter(|g| g.client_id == client.id) {
        let revoked = proxy.revoke_family(&grant.family);
        tracing::info!(
            "oidc-proxy: client {} revoked a grant ({revoked} token(s))",
            client.id
        );
    } else if proxy
        .access
        .get(&key)
        .is_some_and(|g| g.client_id == client.id)
    {
        proxy.access.take(&key);
    }
    // §2.2: unknown tokens are answered the same way.
    json_no_store(StatusCode::OK, &json!({}))
}

async fn register(
    State(proxy): State<Arc<OidcProxy>>,
    axum::Json(meta): axum::Json<Value>,
) -> Response {
    let bad = |error: &str, why: &str| oauth_error(StatusCode::BAD_REQUEST, error, why);
    let Some(asked) = string_list(&meta, "redirect_uris").filter(|l| !l.is_empty()) else {
        return bad(
            "invalid_redirect_uri",
            "redirect_uris (a list of strings) is required",
        );
    };
    // RFC 7591 §3.2.1: the server may register less than asked. URIs outside
    // OIDCPROXY_ALLOWED_REDIRECT_URIS are left out (the answer lists what was registered); a
    // registration with none left is refused.
    let (redirect_uris, refused): (Vec<String>, Vec<String>) =
        asked.into_iter().partition(|u| proxy.redirect_allowed(u));
    if redirect_uris.is_empty() {
        return bad(
            "invalid_redirect_uri",
            &format!(
                "no redirect URI is allowed here ({}; OIDCPROXY_ALLOWED_REDIRECT_URIS)",
                refused.join(", ")
            ),
        );
    }
    if !refused.is_empty() {
        tracing::info!(
            "oidc-proxy: registration left out redirect URIs not allowed here: {}",
            refused.join(", ")
        );
    }
    let native = redirect_uris.iter().any(|u| !u.starts_with("https://"));
    // A native app (loopback or private-use scheme) and a web app (https) differ in what they
    // may register (OpenID Connect Registration `application_type`, stated by 2026-07-28 DCR
    // clients): the stated type must fit the redirect URIs.
    let application_type = match meta.get("application_type").and_then(Value::as_str) {
        None => {
            if native {
                "native"
            } else {
                "web"
            }
        }
        Some("native") => "native",
        Some("web") if !native => "web",
        Some("web") => {
            return bad(
                "invalid_client_metadata",
                "application_type web takes https redirect URIs only",
            );
        }
        Some(_) => {
            return bad(
                "invalid_client_metadata",
                "application_type must be web or native",
            );
        }
    };
    let method = meta
        .get("token_endpoint_auth_method")
        .and_then(Value::as_str)
        .unwrap_or("client_secret_basic");
    if !matches!(
        method,
        "none" | "client_secret_basic" | "client_secret_post"
    ) {
        return bad(
            "invalid_client_metadata",
            "token_endpoint_auth_method must be none, client_secret_basic or client_secret_post",
        );
    }
    let grant_types =
        string_list(&meta, "grant_types").unwrap_or_else(|| vec!["authorization_code".into()]);
    if let Some(g) = grant_types
        .iter()
        .find(|g| !matches!(g.as_str(), "authorization_code" | "refresh_token"))
    {
        return bad(
            "invalid_client_metadata",
            &format!("grant type {g} is not supported"),
        );
    }
    if let Some(r) = string_list(&meta, "response_types")
        .unwrap_or_else(|| vec!["code".into()])
        .iter()
        .find(|r| r.as_str() != "code")
    {
        return bad(
            "invalid_client_metadata",
            &format!("response type {r} is not supported"),
        );
    }
    let name = meta
        .get("client_name")
        .and_then(Value::as_str)
        .map(|n| n.chars().take(200).collect::<String>());
    let Some(id) = random_token(16).map(|t| format!("zmcp_{t}")) else {
        return entropy_failure();
    };
    let secret = if method == "none" {
        None
    } else {
        let Some(s) = random_token(32) else {
            return entropy_failure();
        };
        Some(s)
    };
    let client = Client {
        id: id.clone(),
        secret: secret.as_deref().map(sha2_digest),
        redirect_uris: redirect_uris.clone(),
        refresh: grant_types.iter().any(|g| g == "refresh_token"),
    };
    if proxy
        .clients
        .insert(id.clone(), client, CLIENT_TTL)
        .is_err()
    {
        return busy();
    }
    tracing::info!(
        "oidc-proxy: registered client {id} ({}, {application_type})",
        name.as_deref().unwrap_or("unnamed")
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut body = json!({
        "client_id": id,
        "client_id_issued_at": now,
        "redirect_uris": redirect_uris,
        "token_endpoint_auth_method": method,
        "grant_types": grant_types,
        "response_types": ["code"],
        "application_type": application_type,
    });
    if let Some(name) = name {
        body["client_name"] = json!(name);
    }
    if let Some(secret) = secret {
        body["client_secret"] = json!(secret);
        body["client_secret_expires_at"] = json!(0);
    }
    json_no_store(StatusCode::CREATED, &body)
}

impl AuthProvider for OidcProxy {
    fn mode(&self) -> &'static str {
        "oidc-proxy"
    }

    fn authenticate<'a>(
        &'a self,
        headers: &'a HeaderMap,
    ) -> BoxFuture<'a, Result<Principal, Refusal>> {
        Box::pin(async move {
            let token = bearer(headers)?;
            let token = std::str::from_utf8(token).map_err(|_| Refusal::Malformed)?;
            let grant = self.access.get(&digest(token)).ok_or(Refusal::Wrong)?;
            if !self
                .settings
                .required_scopes
                .iter()
                .all(|s| grant.scopes.contains(s))
            {
                return Err(Refusal::InsufficientScope);
            }
            Ok(Principal {
                id: format!("oidc:{}", grant.subject),
                mode: "oidc-proxy",
                scopes: grant.scopes,
                oneapi: None,
            })
        })
    }

    fn routes(self: Arc<Self>) -> Router {
        let prm = self.resource_metadata();
        let asm = self.server_metadata();
        let prm_route = move || {
            let doc = prm.clone();
            async move { json_public(&doc) }
        };
        let asm_route = move || {
            let doc = asm.clone();
            async move { json_public(&doc) }
        };
        Router::new()
            .route(self.urls.metadata_path(), get(prm_route.clone()))
            .route("/.well-known/oauth-protected-resource", get(prm_route))
            .route("/.well-known/oauth-authorization-server", get(asm_route))
            .route("/authorize", get(authorize))
            .route("/auth/callback", get(callback))
            .route("/token", post(token))
            .route("/revoke", post(revoke))
            .route("/register", post(register))
            .with_state(self)
    }

    fn resource_metadata_url(&self) -> Option<String> {
        Some(self.urls.metadata_url())
    }

    fn required_scopes(&self) -> Vec<String> {
        self.settings.required_scopes.clone()
    }

    fn describe(&self) -> String {
        format!(
            "oidc-proxy (authorization server {} for resource {}, sign-in at {}; access tokens \
             {} s, refresh tokens {} s, redirect URIs {}, client metadata documents from {})",
            self.urls.origin,
            self.urls.resource,
            self.upstream.issuer,
            self.settings.token_ttl.as_secs(),
            self.settings.refresh_ttl.as_secs(),
            self.patterns.join(" "),
            if self.settings.client_metadata_hosts.is_empty() {
                "any public host".to_string()
            } else {
                self.settings.client_metadata_hosts.join(" ")
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_runs() {
        assert!(glob("http://localhost:*", "http://localhost:5173/callback"));
        assert!(glob(
            "https://claude.ai/api/mcp/auth_callback",
            "https://claude.ai/api/mcp/auth_callback"
        ));
        assert!(glob("https://*.example.com/cb", "https://a.example.com/cb"));
        assert!(!glob(
            "https://*.example.com/cb",
            "https://a.example.com/cb/x"
        ));
        assert!(!glob("http://localhost:*", "http://localhost.evil.com"));
        // `*` matches dots too: patterns should pin the host's end.
        assert!(glob("http://localhost:*", "http://localhost:1/x"));
        assert!(!glob("http://127.0.0.1:*", "https://127.0.0.1:1/x"));
    }

    #[test]
    fn redirect_patterns_match_whole_authorities() {
        let local = |u: &str| {
            DEFAULT_REDIRECT_PATTERNS
                .iter()
                .any(|p| redirect_pattern_matches(p, u))
        };
        for ok in [
            "http://localhost:33418/callback",
            "http://127.0.0.1/",
            "http://127.0.0.1:9/cb?x=1",
            "http://[::1]:8080/oauth/callback",
        ] {
            assert!(local(ok), "{ok}");
        }
        for bad in [
            "http://localhost:1@evil.example/cb",
            "http://localhost.evil.example/cb",
            "http://127.0.0.1.evil.example:80/cb",
            "https://127.0.0.1:9/cb",
            "http://127.0.0.1:9/cb#frag",
            "http://evil.example/?http://localhost:1",
            "not a url",
        ] {
            assert!(!local(bad), "{bad}");
        }
        let claude = "https://claude.ai/api/mcp/auth_callback";
        assert!(redirect_pattern_matches(claude, claude));
        assert!(!redirect_pattern_matches(
            claude,
            "https://claude.ai/api/mcp/auth_callback/x"
        ));
        let sub = "https://*.example.com/cb";
        assert!(redirect_pattern_matches(sub, "https://a.example.com/cb"));
        assert!(!redirect_pattern_matches(
            sub,
            "https://evil.com/.example.com/cb"
        ));
        assert!(!redirect_pattern_matches(
            sub,
            "https://evil.com?.example.com/cb"
        ));
    }

    #[test]
    fn loopback_redirects_may_change_port_only() {
        assert!(redirect_matches(
            "http://127.0.0.1/cb",
            "http://127.0.0.1:49152/cb"
        ));
        assert!(redirect_matches(
            "http://127.0.0.1:3000/cb",
            "http://127.0.0.1:49152/cb"
        ));
        assert!(!redirect_matches(
            "http://127.0.0.1:3000/cb",
            "http://127.0.0.1:3000/other"
        ));
        assert!(!redirect_matches(
            "http://127.0.0.1:3000/cb",
            "http://localhost:3000/cb"
        ));
        assert!(!redirect_matches(
            "https://app.example.com/cb",
            "https://app.example.com:444/cb"
        ));
        assert!(redirect_matches(
            "https://app.example.com/cb",
            "https://app.example.com/cb"
        ));
        assert!(!redirect_matches(
            "http://127.0.0.1/cb",
            "http://127.0.0.1/cb#x"
        ));
    }

    #[test]
    fn only_public_addresses_are_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.1.1",
            "169.254.169.254",
            "::1",
            "fd00::1",
            "100.64.0.1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(ip.parse().expect(ip)), "{ip}");
        }
        for ip in ["8.8.8.8", "2606:4700::1111"] {
            assert!(is_public(ip.parse().expect(ip)), "{ip}");
        }
    }

    #[test]
    fn repeated_parameters_are_seen() {
        let p = Params(vec![
            ("a".into(), "1".into()),
            ("a".into(), "2".into()),
            ("b".into(), "3".into()),
        ]);
        assert_eq!(p.repeated(), Some("a"));
        assert_eq!(p.one("a"), None);
        assert_eq!(p.one("b"), Some("3"));
    }
}
