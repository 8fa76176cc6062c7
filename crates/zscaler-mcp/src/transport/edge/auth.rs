//! Client authentication on the HTTP transports (spec 001). A request without valid
//! credentials is answered 401 with `WWW-Authenticate` and a JSON-RPC error body, before any
//! MCP processing; an authenticated request carries its [`Principal`] on (request extensions),
//! to policy and the audit line.
//!
//! Modes enforced here:
//! * `api-key` (`Authorization: Bearer <key>` or `X-Api-Key: <key>`). The key is compared in
//!   constant time over SHA-256 digests, so neither its bytes nor its length leak through timing.
//! * `jwt` (`Authorization: Bearer <jwt>`): verified by [`super::jwt::JwtVerifier`] against the
//!   identity provider's JWKS (fetched lazily, cached, refetch rate-limited). When the JWKS cannot
//!   be fetched and no cached key fits, the answer is 503 with `Retry-After` (the token may be
//!   fine), not 401.
//! * `zscaler` (`Authorization: Basic base64(client_id:client_secret)`, or
//!   `X-Zscaler-Client-ID` with `X-Zscaler-Client-Secret`): the caller's own OneAPI client
//!   credentials, validated by a real token exchange at the tenant's token endpoint, cached for the
//!   token's lifetime ([`super::zscaler`]). The principal carries the caller's own Zscaler client,
//!   so its tool calls run with its token. An unreachable token endpoint is 503 with
//!   `Retry-After`; too many failed attempts, 429 with `Retry-After`.
//!
//! * `oidc` and `oidc-proxy`, and any library [`AuthProvider`]
//!   (`ZscalerMcpServerBuilder::auth`): the provider authenticates (OAuth bearer tokens, see
//!   [`crate::transport::oauth`]); refusals carry `resource_metadata` (RFC 9728) so clients can
//!   discover how to get a token, and a token without the required scopes is answered 403
//!   `insufficient_scope`.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use subtle::ConstantTimeEq;

use super::jwt::{JwtVerifier, TokenRefusal};
use super::rejection;
use super::zscaler::{OneApiCaller, ZscalerAuth};
use crate::config::{ClientAuthConfig, ConfigError};
use crate::secret::Secret;
use crate::transport::oauth::AuthProvider;

/// Longest credential header accepted; longer ones are refused without being parsed further.
pub const MAX_CREDENTIAL_BYTES: usize = 8 * 1024;

/// Who made a request, as established by the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// A stable, non-secret name for the caller: `api-key:<first 8 hex of the key's SHA-256>`,
    /// `jwt:<sub>` (`sub` verbatim when printable ASCII of at most 128 characters, otherwise
    /// `jwt:sha256:<32 hex>` of it), or `zscaler:<OneAPI client id>` (likewise).
    pub id: String,
    /// The mode that authenticated it.
    pub mode: &'static str,
    /// Scopes the credential grants (a JWT's `scope`/`scp`, a OneAPI token's if it has any);
    /// empty for api-key.
    pub scopes: Vec<String>,
    /// `zscaler` mode: the caller's own OneAPI identity and Zscaler client (holding its token),
    /// which its tool calls must use instead of the server's.
    pub oneapi: Option<OneApiCaller>,
}

/// How callers are authenticated.
pub enum ClientAuth {
    /// One shared key.
    ApiKey { digest: [u8; 32], id: String },
    /// Bearer JWTs from an identity provider.
    Jwt(Box<JwtVerifier>),
    /// The callers' own Zscaler OneAPI client credentials.
    Zscaler(Box<ZscalerAuth>),
    /// An auth provider: `oidc`, `oidc-proxy`, or a library user's own.
    Provider(Arc<dyn AuthProvider>),
}

impl std::fmt::Debug for ClientAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientAuth::ApiKey { id, .. } => write!(f, "ClientAuth::ApiKey({id})"),
            ClientAuth::Jwt(verifier) => write!(f, "ClientAuth::Jwt({verifier:?})"),
            ClientAuth::Zscaler(auth) => write!(f, "ClientAuth::Zscaler({auth:?})"),
            ClientAuth::Provider(p) => write!(f, "ClientAuth::Provider({})", p.mode()),
        }
    }
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Why a request is refused (said to the caller; never echoes a credential).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Missing,
    Malformed,
    TooLong,
    Wrong,
    /// A bearer JWT that does not verify (or, [`TokenRefusal::KeysUnavailable`], cannot be
    /// verified right now).
    Token(TokenRefusal),
    /// `zscaler`: the OneAPI token endpoint cannot be reached (or answered with an error of its
    /// own): the credentials may be fine; retry after this many seconds (503).
    Unavailable {
        retry_after: u64,
    },
    /// `zscaler`: too many credentials failed lately; new ones are not tried for this many
    /// seconds (429).
    Throttled {
        retry_after: u64,
    },
    /// A valid token without every scope the server requires (403 `insufficient_scope`).
    InsufficientScope,
}

impl Refusal {
    fn message(self, mode: &str) -> &'static str {
        // Every mode but api-key and zscaler takes a bearer token from an identity provider.
        let jwt = mode != "api-key";
        if self == Refusal::InsufficientScope {
            return "Insufficient scope: the token lacks a scope this server requires; \
                    authorize again asking for it.";
        }

        if mode == "zscaler" {
            return match self {
                Refusal::Missing => {
                    "Authentication required: send your Zscaler OneAPI client credentials as \
                     'Authorization: Basic base64(client_id:client_secret)', or as the headers \
                     'X-Zscaler-Client-ID' and 'X-Zscaler-Client-Secret'."
                }
                Refusal::Malformed => {
                    "Malformed credentials: send exactly one of 'Authorization: Basic \
                     base64(client_id:client_secret)' or both 'X-Zscaler-Client-ID' and \
                     'X-Zscaler-Client-Secret', each once (a client id of printable characters, \
                     a non-empty secret)."
                }
                Refusal::TooLong => "Credentials too long.",
                Refusal::Wrong | Refusal::Token(_) => {
                    "Invalid credentials: the Zscaler OneAPI token endpoint refused this client \
                     id and secret."
                }
                Refusal::Unavailable { .. } => {
                    "Cannot verify credentials right now: the Zscaler OneAPI token endpoint could \
                     not be reached. Retry later."
                }
                Refusal::Throttled { .. } => {
                    "Too many failed authentication attempts: new credentials are not checked \
                     for a while. Retry later."
                }
                Refusal::InsufficientScope => "Insufficient scope.",
            };
        }
        match self {
            Refusal::Missing if mode == "jwt" => {
                "Authentication required: send the identity provider's token as \
                 'Authorization: Bearer <jwt>'."
            }
            Refusal::Missing if jwt => {
                "Authentication required: send an OAuth access token as 'Authorization: Bearer \
                 <token>' (the resource metadata named in WWW-Authenticate says where to get one)."
            }
            Refusal::Missing => {
                "Authentication required: send the API key as 'Authorization: Bearer <key>' or \
                 'X-Api-Key: <key>'."
            }
            Refusal::Malformed if mode == "jwt" => {
                "Malformed credentials: use 'Authorization: Bearer <jwt>'."
            }
            Refusal::Malformed if jwt => {
                "Malformed credentials: use 'Authorization: Bearer <token>'."
            }
            Refusal::Malformed => {
                "Malformed credentials: use 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."
            }
            Refusal::TooLong => "Credentials too long.",
            Refusal::Wrong => "Invalid credentials.",
            Refusal::Token(why) => why.message(),
            // Only the zscaler mode answers these (above).
            Refusal::Unavailable { .. } => "Cannot verify credentials right now. Retry later.",
            Refusal::Throttled { .. } => "Too many failed authentication attempts. Retry later.",
            Refusal::InsufficientScope => "Insufficient scope.",
        }
    }
    /// The RFC 6750 `error` attribute of `WWW-Authenticate`.
    fn error_code(self) -> Option<&'static str> {
        match self {
            Refusal::Missing
            | Refusal::Token(TokenRefusal::KeysUnavailable)
            | Refusal::Unavailable { .. }
            | Refusal::Throttled { .. } => None,
            Refusal::Malformed | Refusal::TooLong => Some("invalid_request"),
            Refusal::Wrong | Refusal::Token(_) => Some("invalid_token"),
            Refusal::InsufficientScope => Some("insufficient_scope"),
        }
    }
    fn status(self) -> StatusCode {
        match self {
            Refusal::Token(TokenRefusal::KeysUnavailable) | Refusal::Unavailable { .. } => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Refusal::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
            Refusal::InsufficientScope => StatusCode::FORBIDDEN,
            _ => StatusCode::UNAUTHORIZED,
        }
    }
    /// Seconds the caller should wait before retrying (503, 429).
    fn retry_after(self) -> Option<u64> {
        match self {
            Refusal::Token(TokenRefusal::KeysUnavailable) => Some(30),
            Refusal::Unavailable { retry_after } | Refusal::Throttled { retry_after } => {
                Some(retry_after.max(1))
            }
            _ => None,
        }
    }
}

impl ClientAuth {
    pub fn api_key(key: &Secret) -> ClientAuth {
        let digest = sha256(key.expose().as_bytes());
        let id: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
        ClientAuth::ApiKey {
            digest,
            id: format!("api-key:{id}"),
        }
    }

    /// `jwt` mode from the configuration (JWKS URI, issuer, audience, algorithms, leeway);
    /// errors name the variable.
    pub fn jwt(config: &ClientAuthConfig) -> Result<ClientAuth, ConfigError> {
        let settings = super::jwt::settings_from_config(config)?;
        JwtVerifier::new(&settings)
            .map(|verifier| ClientAuth::Jwt(Box::new(verifier)))
            .map_err(|e| super::jwt::config_error(e, &settings))
    }

    /// `zscaler` mode: callers' credentials are validated at the token URL of `server_client`
    /// (the server's own Zscaler client, with or without credentials of its own), and each
    /// caller's calls go through a client derived from it (same gateway, pool and rate budgets).
    pub fn zscaler(server_client: crate::client::ZscalerClient) -> Result<ClientAuth, ConfigError> {
        ZscalerAuth::new(server_client, super::zscaler::Settings::default())
            .map(|auth| ClientAuth::Zscaler(Box::new(auth)))
            .map_err(|why| ConfigError::new("ZSCALER_MCP_AUTH_MODE", "zscaler", why))
    }

    pub fn mode(&self) -> &'static str {
        match self {
            ClientAuth::ApiKey { .. } => "api-key",
            ClientAuth::Jwt(_) => "jwt",
            ClientAuth::Zscaler(_) => "zscaler",
            ClientAuth::Provider(p) => p.mode(),
        }
    }

    /// The caller named by `headers`, or why it is refused. `jwt` may fetch the JWKS (bounded by
    /// its timeout; at most one fetch in flight); `zscaler` may exchange the credentials at the
    /// token endpoint (bounded; one exchange per credential in flight).
    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<Principal, Refusal> {
        match self {
            ClientAuth::ApiKey { digest, id } => {
                let presented = presented_key(headers)?;
                if bool::from(sha256(presented).ct_eq(digest)) {
                    Ok(Principal {
                        id: id.clone(),
                        mode: self.mode(),
                        scopes: Vec::new(),
                        oneapi: None,
                    })
                } else {
                    Err(Refusal::Wrong)
                }
            }
            ClientAuth::Jwt(verifier) => {
                // Only `Authorization: Bearer`; an `X-Api-Key` is not a JWT carrier.
                let token = bearer(headers)?;
                let token = std::str::from_utf8(token).map_err(|_| Refusal::Malformed)?;
                let verified = verifier.verify(token).await.map_err(Refusal::Token)?;
                Ok(Principal {
                    id: format!("jwt:{}", verified.subject),
                    mode: self.mode(),
                    scopes: verified.scopes,
                    oneapi: None,
                })
            }
            ClientAuth::Zscaler(auth) => auth.authenticate(headers).await,
            ClientAuth::Provider(p) => p.authenticate(headers).await,
        }
    }

    /// The provider's RFC 9728 metadata URL and required scopes, for challenges.
    fn challenge_extras(&self) -> (Option<String>, Vec<String>) {
        match self {
            ClientAuth::Provider(p) => (p.resource_metadata_url(), p.required_scopes()),
            _ => (None, Vec::new()),
        }
    }
}

/// The value of the only `name` header, if any; several, or one too long, are refused.
pub(super) fn single<'h>(
    headers: &'h HeaderMap,
    name: &str,
) -> Result<Option<&'h HeaderValue>, Refusal> {
    let mut values = headers.get_all(name).iter();
    let first = values.next();
    if values.next().is_some() {
        return Err(Refusal::Malformed);
    }
    match first {
        Some(v) if v.len() > MAX_CREDENTIAL_BYTES => Err(Refusal::TooLong),
        other => Ok(other),
    }
}

/// The key a request presents: `X-Api-Key`, else `Authorization: Bearer`.
fn presented_key(headers: &HeaderMap) -> Result<&[u8], Refusal> {
    if let Some(v) = single(headers, "x-api-key")? {
        let key = v.as_bytes().trim_ascii();
        return if key.is_empty() {
            Err(Refusal::Malformed)
        } else {
            Ok(key)
        };
    }
    bearer(headers)
}

/// The credential of the only `Authorization: Bearer <credential>` header.
pub(crate) fn bearer(headers: &HeaderMap) -> Result<&[u8], Refusal> {
    let Some(v) = single(headers, header::AUTHORIZATION.as_str())? else {
        return Err(Refusal::Missing);
    };
    let value = v.as_bytes().trim_ascii();
    let Some(space) = value.iter().position(|b| *b == b' ') else {
        return Err(Refusal::Malformed);
    };
    let (scheme, rest) = value.split_at(space);
    let token = rest.trim_ascii();
    if !scheme.eq_ignore_ascii_case(b"bearer") || token.is_empty() || token.contains(&b' ') {
        return Err(Refusal::Malformed);
    }
    Ok(token)
}

/// The authentication layer: the mode, and the platform-trust fallback when enabled.
pub(super) struct AuthLayer {
    pub auth: Arc<ClientAuth>,
    /// `ZSCALER_MCP_TRUST_PLATFORM_AUTH` (AgentCore, spec 004): the container's own credentials,
    /// as headers, used for a request that presents none. The platform in front (AWS IAM on
    /// `InvokeAgentRuntime`) is then the caller's real authentication boundary.
    pub platform: Option<HeaderMap>,
}

/// Headers that carry client credentials; a request with none of them is credential-less.
const CREDENTIAL_HEADERS: [&str; 4] = [
    "authorization",
    "x-api-key",
    "x-zscaler-client-id",
    "x-zscaler-client-secret",
];

pub(super) async fn check(
    State(layer): State<Arc<AuthLayer>>,
    mut request: Request,
    next: Next,
) -> Response {
    let auth = &layer.auth;
    let credential_less = CREDENTIAL_HEADERS
        .iter()
        .all(|h| !request.headers().contains_key(*h));
    let (result, platform) = match &layer.platform {
        Some(own) if credential_less => (auth.authenticate(own).await, true),
        _ => (auth.authenticate(request.headers()).await, false),
    };
    match result {
        Ok(mut principal) => {
            if platform {
                // Audit lines and session owners show that the platform vouched for the caller.
                principal.id = format!("platform:{}", principal.id);
            }
            request.extensions_mut().insert(principal);
            next.run(request).await
        }
        Err(refusal) => {
            tracing::warn!(
                mode = auth.mode(),
                reason = ?refusal,
                path = %request.uri().path(),
                "rejected request: client authentication failed"
            );
            let message = refusal.message(auth.mode());
            let status = refusal.status();
            let mut response = rejection(status, -32001, message.to_string());
            if let Some(wait) = refusal.retry_after() {
                // The identity provider is unreachable (not the caller's fault), or failed
                // attempts spent the budget: retry later, no new credentials needed.
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(wait));
                return response;
            }
            let mut challenge = match (auth.mode(), refusal.error_code()) {
                // RFC 7617: Basic has no error attributes; the body says what was wrong.
                ("zscaler", _) => "Basic realm=\"zscaler-mcp\"".to_string(),
                (_, Some(code)) => format!(
                    "Bearer realm=\"zscaler-mcp\", error=\"{code}\", error_description=\"{message}\""
                ),
                (_, None) => "Bearer realm=\"zscaler-mcp\"".to_string(),
            };
            // RFC 9728 §5.1: where to learn how to get a token; RFC 6750 §3: the scopes needed.
            let (metadata, scopes) = auth.challenge_extras();
            if let Some(url) = metadata {
                challenge.push_str(&format!(", resource_metadata=\"{url}\""));
            }
            if !scopes.is_empty() {
                challenge.push_str(&format!(", scope=\"{}\"", scopes.join(" ")));
            }
            if let Ok(value) = HeaderValue::from_str(&challenge) {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, value);
            }
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                HeaderValue::from_str(v).expect("value"),
            );
        }
        h
    }

    #[test]
    fn api_key_accepts_bearer_and_x_api_key_and_refuses_the_rest() {
        let auth = ClientAuth::api_key(&Secret::new("s3cret-key-0123456789"));
        let ok = |h: &[(&str, &str)]| futures::executor::block_on(auth.authenticate(&headers(h)));
        let principal = ok(&[("authorization", "Bearer s3cret-key-0123456789")]).expect("bearer");
        assert!(principal.scopes.is_empty());
        assert_eq!(principal.mode, "api-key");
        assert!(principal.id.starts_with("api-key:"));
        assert!(!principal.id.contains("s3cret"));
        assert!(ok(&[("authorization", "bearer  s3cret-key-0123456789 ")]).is_ok());
        assert!(ok(&[("x-api-key", "s3cret-key-0123456789")]).is_ok());
        for (h, why) in [
            (vec![], Refusal::Missing),
            (
                vec![("authorization", "s3cret-key-0123456789")],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", "Basic czNjcmV0")],
                Refusal::Malformed,
            ),
            (vec![("authorization", "Bearer ")], Refusal::Malformed),
            (vec![("authorization", "Bearer a b")], Refusal::Malformed),
            (
                vec![("authorization", "Bearer s3cret-key-012345678")],
                Refusal::Wrong,
            ),
            (
                vec![("authorization", "Bearer s3cret-key-0123456789x")],
                Refusal::Wrong,
            ),
            (vec![("x-api-key", "")], Refusal::Malformed),
            (vec![("x-api-key", "wrong")], Refusal::Wrong),
            (
                vec![
                    ("x-api-key", "s3cret-key-0123456789"),
                    ("x-api-key", "other"),
                ],
                Refusal::Malformed,
            ),
        ] {
            assert_eq!(ok(&h), Err(why), "{h:?}");
        }
        let long = format!("Bearer {}", "a".repeat(MAX_CREDENTIAL_BYTES));
        assert_eq!(ok(&[("authorization", &long)]), Err(Refusal::TooLong));
    }
}
