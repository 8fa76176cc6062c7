//! Bearer JWT verification against an identity provider's JWKS (the `jwt` client-auth mode; an
//! OIDC mode reuses [`JwtVerifier`] with the issuer and JWKS URI from discovery).
//!
//! Tokens are verified locally; the JWKS is fetched lazily, cached, refreshed once it is older
//! than [`JwtSettings::max_key_age`], and refetched when a token names an unknown `kid` — but an
//! unknown `kid` triggers at most one fetch per [`JwtSettings::min_refetch_interval`], so
//! forged tokens cannot make this server hammer the identity provider. A fetch is bounded in time
//! ([`JwtSettings::fetch_timeout`]) and size ([`JwtSettings::max_jwks_bytes`]), follows no
//! redirect, and its failure refuses only the requests that needed it (keys already cached stay
//! in use).
//!
//! Rules, each checked before anything reaches MCP:
//! * three base64url segments, at most [`MAX_CREDENTIAL_BYTES`]; no `crit` header;
//! * the header's `alg` is in the allowed list (never `none` or an HMAC algorithm: a JWKS publishes
//!   public keys, and accepting HS* would let anyone holding the public key forge tokens) and fits
//!   the key's type (and its `alg`, when the JWK states one);
//! * `kid` is required when the JWKS has several keys;
//! * the signature verifies; then `exp` is required, `exp`, `nbf` and a future `iat` are judged
//!   with the leeway, `iss` must equal the issuer, `aud` must contain the audience, and `sub` is
//!   required.
//!
//! Refusals name the failed rule and never echo the token.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::auth::MAX_CREDENTIAL_BYTES;
use crate::config::{ClientAuthConfig, ConfigError};

/// Algorithms a verifier may be configured with (asymmetric only).
pub const SUPPORTED_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA",
];
/// Default clock-skew allowance for `exp`, `nbf` and `iat`.
pub const DEFAULT_LEEWAY: Duration = Duration::from_secs(30);
/// Largest leeway accepted.
pub const MAX_LEEWAY: Duration = Duration::from_secs(300);
/// Default minimum time between two JWKS refetches triggered by unknown `kid`s.
pub const DEFAULT_MIN_REFETCH_INTERVAL: Duration = Duration::from_secs(30);
/// Default age after which cached keys are refreshed.
pub const DEFAULT_MAX_KEY_AGE: Duration = Duration::from_secs(3600);
/// Default time limit of one JWKS fetch (connect, headers and body).
pub const DEFAULT_FETCH_TIMEOUT: Duration = Duration::from_secs(10);
/// Default cap on a JWKS document's size.
pub const DEFAULT_MAX_JWKS_BYTES: usize = 256 * 1024;
/// Keys beyond this many in one JWKS are ignored.
const MAX_JWKS_KEYS: usize = 100;
/// Longest subject kept verbatim in a principal id; longer ones are hashed.
pub const MAX_SUBJECT_CHARS: usize = 128;
/// Scopes kept per token, and the longest scope kept.
const MAX_SCOPES: usize = 64;
const MAX_SCOPE_CHARS: usize = 128;

/// What a [`JwtVerifier`] checks and where it finds the keys.
#[derive(Debug, Clone)]
pub struct JwtSettings {
    /// The JWKS URL: `https`, or `http` to a loopback host.
    pub jwks_uri: String,
    /// The exact `iss` value tokens must carry.
    pub issuer: String,
    /// A value the token's `aud` must contain.
    pub audience: String,
    /// Allowed `alg` values, from [`SUPPORTED_ALGORITHMS`].
    pub algorithms: Vec<String>,
    /// Clock-skew allowance for `exp`, `nbf` and `iat`, at most [`MAX_LEEWAY`].
    pub leeway: Duration,
    /// Minimum time between two refetches caused by unknown `kid`s (and between retries of a
    /// failed fetch).
    pub min_refetch_interval: Duration,
    /// Cached keys older than this are refreshed before use (kept if the refresh fails).
    pub max_key_age: Duration,
    pub fetch_timeout: Duration,
    pub max_jwks_bytes: usize,
    /// Extra trusted roots (PEM) for the JWKS URL, besides the system's.
    pub ca_bundle_pem: Option<Vec<u8>>,
}

impl JwtSettings {
    /// Settings with the defaults: RS256 only, 30 s leeway.
    pub fn new(
        jwks_uri: impl Into<String>,
        issuer: impl Into<String>,
        audience: impl Into<String>,
    ) -> JwtSettings {
        JwtSettings {
            jwks_uri: jwks_uri.into(),
            issuer: issuer.into(),
            audience: audience.into(),
            algorithms: vec!["RS256".to_string()],
            leeway: DEFAULT_LEEWAY,
            min_refetch_interval: DEFAULT_MIN_REFETCH_INTERVAL,
            max_key_age: DEFAULT_MAX_KEY_AGE,
            fetch_timeout: DEFAULT_FETCH_TIMEOUT,
            max_jwks_bytes: DEFAULT_MAX_JWKS_BYTES,
            ca_bundle_pem: None,
        }
    }

    /// The checked JWKS URL and allowed algorithms, or the first unusable setting.
    fn validate(&self) -> Result<(reqwest::Url, Vec<Algorithm>), SetupError> {
        let invalid = |setting, value: &str, expected: &str| SetupError::Invalid {
            setting,
            value: value.to_string(),
            expected: expected.to_string(),
        };
        let uri = self.jwks_uri.trim();
        const URI_EXPECTED: &str =
            "an https:// URL of the identity provider's JWKS (http:// only to a loopback host)";
        let url =
            reqwest::Url::parse(uri).map_err(|_| invalid(Setting::JwksUri, uri, URI_EXPECTED))?;
        if crate::config::url_policy::check_url_scheme(&url).is_err() {
            return Err(invalid(Setting::JwksUri, uri, URI_EXPECTED));
        }
        if self.issuer.trim().is_empty() || self.issuer.chars().any(char::is_control) {
            return Err(invalid(
                Setting::Issuer,
                &self.issuer,
                "the identity provider's issuer: the exact 'iss' value of its tokens",
            ));
        }
        if self.audience.trim().is_empty() || self.audience.chars().any(char::is_control) {
            return Err(invalid(
                Setting::Audience,
                &self.audience,
                "a non-empty audience: a value the tokens' 'aud' must contain",
            ));
        }
        if self.leeway > MAX_LEEWAY {
            return Err(invalid(
                Setting::Leeway,
                &self.leeway.as_secs().to_string(),
                &format!(
                    "a whole number of seconds from 0 to {}",
                    MAX_LEEWAY.as_secs()
                ),
            ));
        }
        if self.algorithms.is_empty() {
            return Err(invalid(
                Setting::Algorithms,
                "",
                &format!(
                    "asymmetric JWT algorithms from: {}",
                    SUPPORTED_ALGORITHMS.join(", ")
                ),
            ));
        }
        let mut allowed = Vec::new();
        for name in &self.algorithms {
            let alg = SUPPORTED_ALGORITHMS
                .iter()
                .find(|s| s.eq_ignore_ascii_case(name.trim()))
                .and_then(|s| s.parse::<Algorithm>().ok());
            match alg {
                Some(alg) if !allowed.contains(&alg) => allowed.push(alg),
                Some(_) => {}
                None => {
                    let why = if name.trim().eq_ignore_ascii_case("none") {
                        "an asymmetric algorithm: unsigned tokens ('none') are never accepted"
                            .to_string()
                    } else if name.trim().to_ascii_uppercase().starts_with("HS") {
                        "an asymmetric algorithm: HMAC (HS256/HS384/HS512) would let anyone \
                         holding the identity provider's public key forge tokens"
                            .to_string()
                    } else {
                        format!(
                            "asymmetric JWT algorithms from: {}",
                            SUPPORTED_ALGORITHMS.join(", ")
                        )
                    };
                    return Err(invalid(Setting::Algorithms, name, &why));
                }
            }
        }
        Ok((url, allowed))
    }
}

/// Which setting a [`SetupError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    JwksUri,
    Issuer,
    Audience,
    Algorithms,
    Leeway,
}

/// Why a verifier cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupError {
    Invalid {
        setting: Setting,
        value: String,
        expected: String,
    },
    /// The HTTP client for the JWKS could not be set up.
    Client(String),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::Invalid {
                setting,
                value,
                expected,
            } => write!(f, "invalid {setting:?} '{value}': expected {expected}"),
            SetupError::Client(e) => write!(f, "cannot set up the JWKS HTTP client: {e}"),
        }
    }
}

impl std::error::Error for SetupError {}

/// Why a token is refused (said to the caller; never the token itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefusal {
    Malformed,
    AlgorithmNotAllowed,
    /// The header's `alg` does not fit the key its `kid` names.
    KeyMismatch,
    /// No `kid`, and the JWKS has several keys.
    MissingKid,
    UnknownKey,
    BadSignature,
    Expired,
    NotYetValid,
    MissingExp,
    WrongIssuer,
    WrongAudience,
    MissingSubject,
    BadClaims,
    /// The JWKS cannot be fetched (and no cached key fits): the token may be fine; retry later.
    KeysUnavailable,
}

impl TokenRefusal {
    pub fn message(self) -> &'static str {
        match self {
            TokenRefusal::Malformed => {
                "Malformed token: expected a signed JWT (three base64url segments, JSON header \
                 and claims, no 'crit' header)."
            }
            TokenRefusal::AlgorithmNotAllowed => "Token signing algorithm not allowed.",
            TokenRefusal::KeyMismatch => {
                "Token signing algorithm does not match the identity provider's key."
            }
            TokenRefusal::MissingKid => {
                "Token has no 'kid' header, and the identity provider publishes several keys."
            }
            TokenRefusal::UnknownKey => {
                "Token signed with an unknown key: its 'kid' is not in the identity provider's JWKS."
            }
            TokenRefusal::BadSignature => "Token signature is invalid.",
            TokenRefusal::Expired => "Token has expired.",
            TokenRefusal::NotYetValid => "Token is not yet valid ('nbf' or 'iat' in the future).",
            TokenRefusal::MissingExp => "Token has no 'exp' claim: tokens must expire.",
            TokenRefusal::WrongIssuer => "Token issuer ('iss') missing or not the trusted issuer.",
            TokenRefusal::WrongAudience => {
                "Token audience ('aud') missing or does not include this server."
            }
            TokenRefusal::MissingSubject => "Token has no usable 'sub' claim.",
            TokenRefusal::BadClaims => "Token claims are malformed.",
            TokenRefusal::KeysUnavailable => {
                "Cannot verify tokens right now: the identity provider's signing keys could not \
                 be fetched. Retry later."
            }
        }
    }
}

/// What a verified token says about its bearer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedToken {
    /// `sub`, verbatim when it is printable ASCII of at most [`MAX_SUBJECT_CHARS`], otherwise
    /// `sha256:<32 hex>` of it (so distinct subjects never collide after truncation).
    pub subject: String,
    /// From `scope` and `scp` (space-separated strings or arrays), deduplicated.
    pub scopes: Vec<String>,
    /// `exp`, seconds since the epoch.
    pub expires_at: u64,
}

/// The key type of a JWK, which decides the algorithms it may verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Rsa,
    EcP256,
    EcP384,
    Ed25519,
}

impl KeyKind {
    fn fits(self, alg: Algorithm) -> bool {
        use Algorithm::*;
        match self {
            KeyKind::Rsa => matches!(alg, RS256 | RS384 | RS512 | PS256 | PS384 | PS512),
            KeyKind::EcP256 => alg == ES256,
            KeyKind::EcP384 => alg == ES384,
            KeyKind::Ed25519 => alg == EdDSA,
        }
    }
}

struct VerifyingKey {
    kid: Option<String>,
    kind: KeyKind,
    /// The JWK's own `alg`, when it states one.
    alg: Option<Algorithm>,
    key: DecodingKey,
}

impl VerifyingKey {
    fn fits(&self, alg: Algorithm) -> bool {
        self.kind.fits(alg) && self.alg.is_none_or(|a| a == alg)
    }
}

struct KeySet {
    keys: Vec<Arc<VerifyingKey>>,
    fetched_at: Instant,
}

enum Lookup {
    Found(Arc<VerifyingKey>),
    /// The token has no `kid` and the set has several keys.
    NeedKid,
    Unknown,
}

impl KeySet {
    fn lookup(&self, kid: Option<&str>, alg: Algorithm) -> Lookup {
        match kid {
            Some(kid) => {
                let named: Vec<&Arc<VerifyingKey>> = self
                    .keys
                    .iter()
                    .filter(|k| k.kid.as_deref() == Some(kid))
                    .collect();
                if let Some(k) = named.iter().find(|k| k.fits(alg)).or(named.first()) {
                    return Lookup::Found(Arc::clone(k));
                }
                // One key without a `kid` is the only key there is.
                match self.keys.as_slice() {
                    [only] if only.kid.is_none() => Lookup::Found(Arc::clone(only)),
                    _ => Lookup::Unknown,
                }
            }
            None => match self.keys.as_slice() {
                [] => Lookup::Unknown,
                [only] => Lookup::Found(Arc::clone(only)),
                _ => Lookup::NeedKid,
            },
        }
    }
}

#[derive(Default)]
struct KeyState {
    keys: Option<Arc<KeySet>>,
    /// When any fetch was last attempted.
    last_attempt: Option<Instant>,
    /// When an unknown `kid` last caused a fetch.
    last_kid_refetch: Option<Instant>,
    /// The last attempt failed.
    last_failed: bool,
}

/// Verifies bearer JWTs against one issuer's JWKS. Cheap to share (`Arc`); safe to call
/// concurrently: at most one JWKS fetch is in flight.
pub struct JwtVerifier {
    jwks_uri: reqwest::Url,
    issuer: String,
    audience: String,
    allowed: Vec<Algorithm>,
    leeway: Duration,
    min_refetch_interval: Duration,
    max_key_age: Duration,
    max_jwks_bytes: usize,
    http: reqwest::Client,
    state: RwLock<KeyState>,
    fetch_lock: tokio::sync::Mutex<()>,
    fetches: AtomicU64,
}

impl std::fmt::Debug for JwtVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtVerifier")
            .field("jwks_uri", &self.jwks_uri.as_str())
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("algorithms", &self.allowed)
            .field("leeway", &self.leeway)
            .finish_non_exhaustive()
    }
}

impl JwtVerifier {
    /// A verifier for `settings`; refuses `none`, HMAC and unknown algorithms, a non-https JWKS
    /// URL (but loopback), an empty issuer or audience and a leeway above [`MAX_LEEWAY`].
    /// Fetches nothing yet.
    pub fn new(settings: &JwtSettings) -> Result<JwtVerifier, SetupError> {
        let (jwks_uri, allowed) = settings.validate()?;
        // reqwest is built with rustls and no default provider: choose ring, once.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!(
                "zscaler-mcp/",
                env!("CARGO_PKG_VERSION"),
                " (jwks)"
            ))
            .connect_timeout(settings.fetch_timeout)
            .timeout(settings.fetch_timeout)
            .redirect(reqwest::redirect::Policy::none());
        if let Some(pem) = &settings.ca_bundle_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| SetupError::Client(format!("the CA bundle does not parse: {e}")))?;
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder
            .build()
            .map_err(|e| SetupError::Client(e.to_string()))?;
        Ok(JwtVerifier {
            jwks_uri,
            issuer: settings.issuer.clone(),
            audience: settings.audience.clone(),
            allowed,
            leeway: settings.leeway,
            min_refetch_interval: settings.min_refetch_interval,
            max_key_age: settings.max_key_age,
            max_jwks_bytes: settings.max_jwks_bytes,
            http,
            state: RwLock::new(KeyState::default()),
            fetch_lock: tokio::sync::Mutex::new(()),
            fetches: AtomicU64::new(0),
        })
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    pub fn audience(&self) -> &str {
        &self.audience
    }

    /// The allowed algorithms, as configured (canonical names).
    pub fn algorithms(&self) -> Vec<&'static str> {
        self.allowed.iter().map(|a| alg_name(*a)).collect()
    }

    /// JWKS fetches attempted so far.
    pub fn fetches(&self) -> u64 {
        self.fetches.load(Ordering::Relaxed)
    }

    /// Verifies `token` (the bearer credential, without the scheme).
    pub async fn verify(&self, token: &str) -> Result<VerifiedToken, TokenRefusal> {
        self.verify_claims(token)
            .await
            .map(|(verified, _)| verified)
    }

    /// [`Self::verify`], also giving every claim of the verified token (an ID token's `nonce`,
    /// `email`, ...).
    pub async fn verify_claims(
        &self,
        token: &str,
    ) -> Result<(VerifiedToken, Map<String, Value>), TokenRefusal> {
        if token.len() > MAX_CREDENTIAL_BYTES {
            return Err(TokenRefusal::Malformed);
        }
        let header = parse_header(token)?;
        let alg = self
            .allowed
            .iter()
            .copied()
            .find(|a| alg_name(*a) == header.alg)
            .ok_or(TokenRefusal::AlgorithmNotAllowed)?;
        let key = self.key_for(header.kid.as_deref(), alg).await?;
        if !key.fits(alg) {
            return Err(TokenRefusal::KeyMismatch);
        }
        let mut validation = Validation::new(alg);
        validation.leeway = self.leeway.as_secs();
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.validate_aud = true;
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        // Signature first, then the claims (jsonwebtoken's order): nothing unsigned is judged.
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &key.key, &validation)
            .map_err(|e| refusal_of(e.kind()))?;
        let claims = data.claims;
        // jsonwebtoken also accepts an `iss` array containing the issuer: require the string.
        if claims.get("iss").and_then(Value::as_str) != Some(self.issuer.as_str()) {
            return Err(TokenRefusal::WrongIssuer);
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        match claims.get("iat") {
            None => {}
            Some(iat) => match iat.as_f64() {
                Some(iat) if iat.is_finite() && iat >= 0.0 => {
                    if iat > (now + self.leeway.as_secs()) as f64 {
                        return Err(TokenRefusal::NotYetValid);
                    }
                }
                _ => return Err(TokenRefusal::BadClaims),
            },
        }
        let expires_at = claims
            .get("exp")
            .and_then(Value::as_f64)
            .filter(|e| e.is_finite() && *e >= 0.0)
            .map(|e| e as u64)
            .ok_or(TokenRefusal::MissingExp)?;
        let subject = claims
            .get("sub")
            .and_then(Value::as_str)
            .and_then(principal_subject)
            .ok_or(TokenRefusal::MissingSubject)?;
        let verified = VerifiedToken {
            subject,
            scopes: scopes(&claims),
            expires_at,
        };
        Ok((verified, claims))
    }

    /// The key for `kid`, fetching the JWKS when there is none yet, it is stale, or `kid` is
    /// unknown (rate-limited).
    async fn key_for(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Result<Arc<VerifyingKey>, TokenRefusal> {
        if let Some(set) = self.current()
            && set.fetched_at.elapsed() < self.max_key_age
        {
            match set.lookup(kid, alg) {
                Lookup::Found(key) => return Ok(key),
                Lookup::NeedKid => return Err(TokenRefusal::MissingKid),
                Lookup::Unknown => {}
            }
        }
        // One fetch at a time; whoever waited re-checks what the previous holder fetched.
        let _fetching = self.fetch_lock.lock().await;
        let now = Instant::now();
        let due = |last: Option<Instant>| {
            last.is_none_or(|t| now.duration_since(t) >= self.min_refetch_interval)
        };
        let fetch = {
            let state = self.read_state();
            match &state.keys {
                None => due(state.last_attempt).then_some(false),
                Some(set) if set.fetched_at.elapsed() >= self.max_key_age => {
                    due(state.last_attempt).then_some(false)
                }
                Some(set) => match set.lookup(kid, alg) {
                    Lookup::Found(key) => return Ok(key),
                    Lookup::NeedKid => return Err(TokenRefusal::MissingKid),
                    Lookup::Unknown => due(state.last_kid_refetch).then_some(true),
                },
            }
        };
        if let Some(for_unknown_kid) = fetch {
            let result = self.fetch().await;
            let mut state = self.write_state();
            state.last_attempt = Some(now);
            if for_unknown_kid {
                state.last_kid_refetch = Some(now);
            }
            match result {
                Ok(keys) => {
                    tracing::info!(
                        keys = keys.len(),
                        jwks = %self.jwks_uri,
                        "fetched the identity provider's signing keys"
                    );
                    state.keys = Some(Arc::new(KeySet {
                        keys,
                        fetched_at: Instant::now(),
                    }));
                    state.last_failed = false;
                }
                Err(why) => {
                    tracing::warn!(
                        jwks = %self.jwks_uri,
                        "cannot fetch the identity provider's signing keys: {why}"
                    );
                    state.last_failed = true;
                }
            }
        }
        let state = self.read_state();
        match &state.keys {
            None => Err(TokenRefusal::KeysUnavailable),
            Some(set) => match set.lookup(kid, alg) {
                Lookup::Found(key) => Ok(key),
                Lookup::NeedKid => Err(TokenRefusal::MissingKid),
                Lookup::Unknown if state.last_failed => Err(TokenRefusal::KeysUnavailable),
                Lookup::Unknown => Err(TokenRefusal::UnknownKey),
            },
        }
    }

    fn current(&self) -> Option<Arc<KeySet>> {
        self.read_state().keys.clone()
    }

    fn read_state(&self) -> std::sync::RwLockReadGuard<'_, KeyState> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write_state(&self) -> std::sync::RwLockWriteGuard<'_, KeyState> {
        self.state.write().unwrap_or_else(|p| p.into_inner())
    }

    /// One bounded GET of the JWKS, parsed into usable keys.
    async fn fetch(&self) -> Result<Vec<Arc<VerifyingKey>>, String> {
        self.fetches.fetch_add(1, Ordering::Relaxed);
        let mut response = self
            .http
            .get(self.jwks_uri.clone())
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| format!("request failed: {}", without_url(&e)))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("HTTP {status}"));
        }
        if response
            .content_length()
            .is_some_and(|n| n > self.max_jwks_bytes as u64)
        {
            return Err(format!("larger than {} bytes", self.max_jwks_bytes));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| format!("reading the body failed: {}", without_url(&e)))?
        {
            if body.len() + chunk.len() > self.max_jwks_bytes {
                return Err(format!("larger than {} bytes", self.max_jwks_bytes));
            }
            body.extend_from_slice(&chunk);
        }
        parse_jwks(&body)
    }

    /// Replaces the cached keys with `jwks` (tests; and callers that obtained the JWKS
    /// themselves).
    pub fn install_jwks(&self, jwks: &[u8]) -> Result<usize, String> {
        let keys = parse_jwks(jwks)?;
        let n = keys.len();
        let mut state = self.write_state();
        state.keys = Some(Arc::new(KeySet {
            keys,
            fetched_at: Instant::now(),
        }));
        state.last_failed = false;
        Ok(n)
    }
}

fn without_url(e: &reqwest::Error) -> String {
    let mut e = e.to_string();
    if let Some(i) = e.find(" for url (") {
        e.truncate(i);
    }
    e
}

fn alg_name(alg: Algorithm) -> &'static str {
    match alg {
        Algorithm::HS256 => "HS256",
        Algorithm::HS384 => "HS384",
        Algorithm::HS512 => "HS512",
        Algorithm::ES256 => "ES256",
        Algorithm::ES384 => "ES384",
        Algorithm::RS256 => "RS256",
        Algorithm::RS384 => "RS384",
        Algorithm::RS512 => "RS512",
        Algorithm::PS256 => "PS256",
        Algorithm::PS384 => "PS384",
        Algorithm::PS512 => "PS512",
        Algorithm::EdDSA => "EdDSA",
        #[allow(unreachable_patterns)]
        _ => "unknown",
    }
}

struct TokenHeader {
    alg: String,
    kid: Option<String>,
}

/// The JOSE header, read without trusting anything: three base64url segments (the signature
/// may be empty here, so that `alg: none` is refused as such) and a JSON object with a string
/// `alg`, an optional string `kid`, and no `crit`.
fn parse_header(token: &str) -> Result<TokenHeader, TokenRefusal> {
    let segments: Vec<&str> = token.split('.').collect();
    let b64url = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if segments.len() != 3
        || segments[0].is_empty()
        || segments[1].is_empty()
        || !segments.iter().all(|s| b64url(s))
    {
        return Err(TokenRefusal::Malformed);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(segments[0])
        .map_err(|_| TokenRefusal::Malformed)?;
    let header: Map<String, Value> =
        serde_json::from_slice(&bytes).map_err(|_| TokenRefusal::Malformed)?;
    if header.contains_key("crit") {
        return Err(TokenRefusal::Malformed);
    }
    let alg = match header.get("alg") {
        Some(Value::String(alg)) => alg.clone(),
        _ => return Err(TokenRefusal::Malformed),
    };
    let kid = match header.get("kid") {
        None => None,
        Some(Value::String(kid)) => Some(kid.clone()),
        Some(_) => return Err(TokenRefusal::Malformed),
    };
    Ok(TokenHeader { alg, kid })
}

fn refusal_of(kind: &ErrorKind) -> TokenRefusal {
    match kind {
        ErrorKind::InvalidSignature
        | ErrorKind::InvalidEcdsaKey
        | ErrorKind::InvalidEddsaKey
        | ErrorKind::InvalidRsaKey(_)
        | ErrorKind::InvalidKeyFormat => TokenRefusal::BadSignature,
        ErrorKind::InvalidAlgorithm
        | ErrorKind::InvalidAlgorithmName
        | ErrorKind::UnsupportedAlgorithm
        | ErrorKind::MissingAlgorithm => TokenRefusal::AlgorithmNotAllowed,
        ErrorKind::ExpiredSignature => TokenRefusal::Expired,
        ErrorKind::ImmatureSignature => TokenRefusal::NotYetValid,
        ErrorKind::InvalidIssuer => TokenRefusal::WrongIssuer,
        ErrorKind::InvalidAudience => TokenRefusal::WrongAudience,
        ErrorKind::MissingRequiredClaim(claim) => match claim.as_str() {
            "exp" => TokenRefusal::MissingExp,
            "iss" => TokenRefusal::WrongIssuer,
            "aud" => TokenRefusal::WrongAudience,
            "sub" => TokenRefusal::MissingSubject,
            _ => TokenRefusal::BadClaims,
        },
        ErrorKind::InvalidClaimFormat(_) | ErrorKind::InvalidSubject => TokenRefusal::BadClaims,
        _ => TokenRefusal::Malformed,
    }
}

/// `sub` as a principal name: verbatim when short printable ASCII, else a digest of it.
fn principal_subject(sub: &str) -> Option<String> {
    if sub.is_empty() {
        return None;
    }
    if sub.len() <= MAX_SUBJECT_CHARS && sub.bytes().all(|b| b.is_ascii_graphic()) {
        return Some(sub.to_string());
    }
    let digest = Sha256::digest(sub.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Some(format!("sha256:{hex}"))
}

/// Scopes from `scope` and `scp`, each a space-separated string or an array of strings.
pub(super) fn scopes(claims: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in ["scope", "scp"] {
        let items: Vec<&str> = match claims.get(name) {
            Some(Value::String(s)) => s.split_ascii_whitespace().collect(),
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for item in items {
            let ok = !item.is_empty()
                && item.len() <= MAX_SCOPE_CHARS
                && item.bytes().all(|b| b.is_ascii_graphic());
            if ok && out.len() < MAX_SCOPES && !out.iter().any(|s| s == item) {
                out.push(item.to_string());
            }
        }
    }
    out
}

fn b64(value: Option<&Value>) -> Option<Vec<u8>> {
    let text = value?.as_str()?;
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

/// The usable signing keys of a JWKS document; keys for encryption, of unknown types, with
/// HMAC or unknown algorithms, or of unsafe sizes are skipped. No usable key is an error.
fn parse_jwks(body: &[u8]) -> Result<Vec<Arc<VerifyingKey>>, String> {
    let doc: Value =
        serde_json::from_slice(body).map_err(|e| format!("not a JSON JWKS document ({e})"))?;
    let keys = doc
        .get("keys")
        .and_then(Value::as_array)
        .ok_or_else(|| "not a JWKS document (no 'keys' array)".to_string())?;
    let mut out = Vec::new();
    for jwk in keys.iter().take(MAX_JWKS_KEYS) {
        match parse_jwk(jwk) {
            Ok(key) => out.push(Arc::new(key)),
            Err(why) => tracing::debug!("JWKS key skipped: {why}"),
        }
    }
    if out.is_empty() {
        return Err("the JWKS holds no usable signing key".to_string());
    }
    Ok(out)
}

fn parse_jwk(jwk: &Value) -> Result<VerifyingKey, &'static str> {
    let field = |name: &str| jwk.get(name);
    match field("use") {
        None => {}
        Some(Value::String(u)) if u == "sig" => {}
        Some(_) => return Err("not a signing key ('use')"),
    }
    if let Some(ops) = field("key_ops") {
        let verify = ops
            .as_array()
            .is_some_and(|ops| ops.iter().any(|o| o.as_str() == Some("verify")));
        if !verify {
            return Err("not a verification key ('key_ops')");
        }
    }
    let kid = match field("kid") {
        None => None,
        Some(Value::String(k)) if k.len() <= 1024 => Some(k.clone()),
        Some(_) => return Err("unusable 'kid'"),
    };
    let alg = match field("alg") {
        None => None,
        Some(Value::String(a)) => match SUPPORTED_ALGORITHMS.iter().find(|s| *s == a) {
            Some(s) => Some(s.parse::<Algorithm>().map_err(|_| "unsupported 'alg'")?),
            None => return Err("unsupported 'alg' (HMAC, encryption or unknown)"),
        },
        Some(_) => return Err("unusable 'alg'"),
    };
    let kty = field("kty").and_then(Value::as_str).unwrap_or_default();
    let crv = field("crv").and_then(Value::as_str).unwrap_or_default();
    let (kind, key) = match kty {
        "RSA" => {
            let n = b64(field("n")).ok_or("RSA key without a usable 'n'")?;
            let e = b64(field("e")).ok_or("RSA key without a usable 'e'")?;
            let n_bytes = n.iter().skip_while(|b| **b == 0).count();
            if !(256..=512).contains(&n_bytes) {
                return Err("RSA modulus outside 2048..4096 bits");
            }
            if e.is_empty() || e.len() > 8 {
                return Err("RSA key with an unusable exponent");
            }
            (KeyKind::Rsa, DecodingKey::from_rsa_raw_components(&n, &e))
        }
        "EC" => {
            let (kind, size) = match crv {
                "P-256" => (KeyKind::EcP256, 32),
                "P-384" => (KeyKind::EcP384, 48),
                _ => return Err("unsupported EC curve"),
            };
            let x = b64(field("x")).ok_or("EC key without a usable 'x'")?;
            let y = b64(field("y")).ok_or("EC key without a usable 'y'")?;
            if x.len() != size || y.len() != size {
                return Err("EC coordinates of the wrong size");
            }
            let key = DecodingKey::from_ec_components(
                &URL_SAFE_NO_PAD.encode(&x),
                &URL_SAFE_NO_PAD.encode(&y),
            )
            .map_err(|_| "unusable EC key")?;
            (kind, key)
        }
        "OKP" => {
            if crv != "Ed25519" {
                return Err("unsupported OKP curve");
            }
            let x = b64(field("x")).ok_or("OKP key without a usable 'x'")?;
            if x.len() != 32 {
                return Err("Ed25519 key of the wrong size");
            }
            let key = DecodingKey::from_ed_components(&URL_SAFE_NO_PAD.encode(&x))
                .map_err(|_| "unusable Ed25519 key")?;
            (KeyKind::Ed25519, key)
        }
        _ => return Err("unsupported key type (only RSA, EC and OKP signing keys)"),
    };
    if alg.is_some_and(|a| !kind.fits(a)) {
        return Err("'alg' does not fit the key type");
    }
    Ok(VerifyingKey {
        kid,
        kind,
        alg,
        key,
    })
}

/// The `jwt` mode's settings from the configuration, checked; errors name the variable.
pub fn settings_from_config(auth: &ClientAuthConfig) -> Result<JwtSettings, ConfigError> {
    let jwks_uri = auth.jwks_uri.as_deref().ok_or_else(|| {
        ConfigError::new(
            "ZSCALER_MCP_AUTH_JWKS_URI",
            "(unset)",
            "the identity provider's JWKS URL (https://...), required by ZSCALER_MCP_AUTH_MODE=jwt",
        )
    })?;
    let issuer = auth.issuer.as_deref().ok_or_else(|| {
        ConfigError::new(
            "ZSCALER_MCP_AUTH_ISSUER",
            "(unset)",
            "the identity provider's issuer (the exact 'iss' of its tokens), required by \
             ZSCALER_MCP_AUTH_MODE=jwt",
        )
    })?;
    let settings = JwtSettings {
        algorithms: auth.algorithms.clone(),
        leeway: auth.leeway,
        ..JwtSettings::new(jwks_uri.trim(), issuer, auth.audience.clone())
    };
    settings
        .validate()
        .map_err(|e| config_error(e, &settings))?;
    Ok(settings)
}

/// A verifier's setup error as a configuration error naming the variable.
pub fn config_error(e: SetupError, settings: &JwtSettings) -> ConfigError {
    match e {
        SetupError::Invalid {
            setting,
            value,
            expected,
        } => {
            let var = match setting {
                Setting::JwksUri => "ZSCALER_MCP_AUTH_JWKS_URI",
                Setting::Issuer => "ZSCALER_MCP_AUTH_ISSUER",
                Setting::Audience => "ZSCALER_MCP_AUTH_AUDIENCE",
                Setting::Algorithms => "ZSCALER_MCP_AUTH_ALGORITHMS",
                Setting::Leeway => "ZSCALER_MCP_AUTH_LEEWAY_SECONDS",
            };
            ConfigError::new(var, value, expected)
        }
        SetupError::Client(why) => ConfigError::new(
            "ZSCALER_MCP_AUTH_JWKS_URI",
            settings.jwks_uri.clone(),
            format!("a URL this server can fetch (cannot set up the HTTP client: {why})"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{EncodingKey, Header, encode};
    use serde_json::json;

    const RSA_A: &str = include_str!("../../../tests/fixtures/jwt/rsa-a.pem");
    const RSA_B: &str = include_str!("../../../tests/fixtures/jwt/rsa-b.pem");
    const RSA_ATTACKER: &str = include_str!("../../../tests/fixtures/jwt/rsa-attacker.pem");
    const RSA_A_PUBLIC: &str = include_str!("../../../tests/fixtures/jwt/rsa-a.pub.pem");
    const EC_P256: &str = include_str!("../../../tests/fixtures/jwt/ec-p256.pem");
    const ED25519: &str = include_str!("../../../tests/fixtures/jwt/ed25519.pem");
    const ISS: &str = "https://idp.example/";
    const AUD: &str = "zscaler-mcp-server";

    fn now() -> u64 {
        jsonwebtoken::get_current_timestamp()
    }

    fn key(pem: &str, alg: Algorithm) -> EncodingKey {
        match alg.family() {
            jsonwebtoken::AlgorithmFamily::Rsa => EncodingKey::from_rsa_pem(pem.as_bytes()),
            jsonwebtoken::AlgorithmFamily::Ec => EncodingKey::from_ec_pem(pem.as_bytes()),
            jsonwebtoken::AlgorithmFamily::Ed => EncodingKey::from_ed_pem(pem.as_bytes()),
            jsonwebtoken::AlgorithmFamily::Hmac => Ok(EncodingKey::from_secret(pem.as_bytes())),
        }
        .expect("fixture key")
    }

    fn jwk(pem: &str, alg: Algorithm, kid: &str) -> Value {
        let mut jwk =
            jsonwebtoken::jwk::Jwk::from_encoding_key(&key(pem, alg), alg).expect("public jwk");
        jwk.common.key_id = Some(kid.to_string());
        serde_json::to_value(jwk).expect("json")
    }

    fn claims() -> Value {
        json!({"iss": ISS, "aud": AUD, "sub": "alice@example.com", "exp": now() + 600,
               "iat": now(), "scope": "mcp:read mcp:write"})
    }

    fn sign(pem: &str, alg: Algorithm, kid: Option<&str>, claims: &Value) -> String {
        let mut header = Header::new(alg);
        header.kid = kid.map(str::to_string);
        encode(&header, claims, &key(pem, alg)).expect("sign")
    }

    fn verifier(algorithms: &[&str], keys: Vec<Value>) -> JwtVerifier {
        let settings = JwtSettings {
            algorithms: algorithms.iter().map(|s| s.to_string()).collect(),
            ..JwtSettings::new("https://idp.example/jwks", ISS, AUD)
        };
        let v = JwtVerifier::new(&settings).expect("verifier");
        // A fresh set and a recent kid refetch: nothing here goes to the network.
        v.install_jwks(json!({"keys": keys}).to_string().as_bytes())
            .expect("jwks");
        v.write_state().last_kid_refetch = Some(Instant::now());
        v.write_state().last_attempt = Some(Instant::now());
        v
    }

    fn raw(header: &Value, claims: &Value, signature: &[u8]) -> String {
        format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string()),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    #[test]
    fn settings_refuse_none_hmac_plain_http_and_wide_leeway() {
        let base = JwtSettings::new("https://idp.example/jwks", ISS, AUD);
        for (algs, needle) in [
            (vec!["none"], "never accepted"),
            (vec!["HS256"], "HMAC"),
            (vec!["RS256", "hs512"], "HMAC"),
            (vec!["XS1"], "RS256"),
            (vec![], "RS256"),
        ] {
            let s = JwtSettings {
                algorithms: algs.iter().map(|s| s.to_string()).collect(),
                ..base.clone()
            };
            match JwtVerifier::new(&s) {
                Err(SetupError::Invalid {
                    setting: Setting::Algorithms,
                    expected,
                    ..
                }) => assert!(expected.contains(needle), "{algs:?}: {expected}"),
                other => panic!("{algs:?}: {other:?}"),
            }
            let e = config_error(JwtVerifier::new(&s).expect_err("refused"), &s);
            assert_eq!(e.source, "ZSCALER_MCP_AUTH_ALGORITHMS");
        }
        for uri in [
            "http://idp.example/jwks",
            "ftp://idp.example/jwks",
            "not a url",
            "https://user:pw@idp.example/jwks",
        ] {
            let s = JwtSettings {
                jwks_uri: uri.to_string(),
                ..base.clone()
            };
            assert!(
                matches!(
                    JwtVerifier::new(&s),
                    Err(SetupError::Invalid {
                        setting: Setting::JwksUri,
                        ..
                    })
                ),
                "{uri}"
            );
        }
        for uri in [
            "http://127.0.0.1:8080/jwks",
            "http://localhost/jwks",
            "http://[::1]/k",
        ] {
            let s = JwtSettings {
                jwks_uri: uri.to_string(),
                ..base.clone()
            };
            assert!(JwtVerifier::new(&s).is_ok(), "{uri}");
        }
        let s = JwtSettings {
            leeway: Duration::from_secs(301),
            ..base.clone()
        };
        assert!(matches!(
            JwtVerifier::new(&s),
            Err(SetupError::Invalid {
                setting: Setting::Leeway,
                ..
            })
        ));
        let s = JwtSettings {
            issuer: " ".into(),
            ..base
        };
        assert!(matches!(
            JwtVerifier::new(&s),
            Err(SetupError::Invalid {
                setting: Setting::Issuer,
                ..
            })
        ));
    }

    #[tokio::test]
    async fn jwt_accepts_each_supported_key_type() {
        let v = verifier(
            &["RS256", "PS256", "ES256", "EdDSA"],
            vec![
                jwk(RSA_A, Algorithm::RS256, "rsa"),
                jwk(EC_P256, Algorithm::ES256, "ec"),
                jwk(ED25519, Algorithm::EdDSA, "ed"),
            ],
        );
        let ok = v
            .verify(&sign(RSA_A, Algorithm::RS256, Some("rsa"), &claims()))
            .await
            .expect("RS256");
        assert_eq!(ok.subject, "alice@example.com");
        assert_eq!(ok.scopes, vec!["mcp:read", "mcp:write"]);
        // The JWK says RS256: PS256 with the same key is refused.
        assert_eq!(
            v.verify(&sign(RSA_A, Algorithm::PS256, Some("rsa"), &claims()))
                .await,
            Err(TokenRefusal::KeyMismatch)
        );
        v.verify(&sign(EC_P256, Algorithm::ES256, Some("ec"), &claims()))
            .await
            .expect("ES256");
        v.verify(&sign(ED25519, Algorithm::EdDSA, Some("ed"), &claims()))
            .await
            .expect("EdDSA");
        // An RS256 header naming the EC key.
        assert_eq!(
            v.verify(&sign(RSA_A, Algorithm::RS256, Some("ec"), &claims()))
                .await,
            Err(TokenRefusal::KeyMismatch)
        );
        // Several keys: kid required.
        assert_eq!(
            v.verify(&sign(RSA_A, Algorithm::RS256, None, &claims()))
                .await,
            Err(TokenRefusal::MissingKid)
        );
    }

    #[tokio::test]
    async fn jwt_attack_matrix_at_the_verifier() {
        let v = verifier(&["RS256"], vec![jwk(RSA_A, Algorithm::RS256, "a")]);
        let good = |c: &Value| sign(RSA_A, Algorithm::RS256, Some("a"), c);
        let with = |k: &str, val: Value| {
            let mut c = claims();
            c[k] = val;
            c
        };
        let without = |k: &str| {
            let mut c = claims();
            c.as_object_mut().expect("object").remove(k);
            c
        };
        let forged_body = {
            let t = good(&claims());
            let parts: Vec<&str> = t.split('.').collect();
            let evil = URL_SAFE_NO_PAD.encode(with("sub", json!("admin")).to_string());
            format!("{}.{}.{}", parts[0], evil, parts[2])
        };
        let cases: Vec<(&str, String, TokenRefusal)> = vec![
            ("two segments", "abc.def".into(), TokenRefusal::Malformed),
            ("four segments", "a.b.c.d".into(), TokenRefusal::Malformed),
            ("bad base64", "a*b.c.d".into(), TokenRefusal::Malformed),
            (
                "header not json",
                "YWJj.YWJj.YWJj".into(),
                TokenRefusal::Malformed,
            ),
            (
                "crit header",
                raw(
                    &json!({"alg": "RS256", "kid": "a", "crit": ["x"]}),
                    &claims(),
                    b"s",
                ),
                TokenRefusal::Malformed,
            ),
            (
                "alg none",
                raw(&json!({"alg": "none", "kid": "a"}), &claims(), b""),
                TokenRefusal::AlgorithmNotAllowed,
            ),
            (
                "RS256 with an empty signature",
                raw(&json!({"alg": "RS256", "kid": "a"}), &claims(), b""),
                TokenRefusal::BadSignature,
            ),
            (
                "alg none with junk signature",
                raw(&json!({"alg": "none", "kid": "a"}), &claims(), b"x"),
                TokenRefusal::AlgorithmNotAllowed,
            ),
            (
                "HS256 with the public key as secret",
                sign(RSA_A_PUBLIC, Algorithm::HS256, Some("a"), &claims()),
                TokenRefusal::AlgorithmNotAllowed,
            ),
            (
                "other key",
                sign(RSA_ATTACKER, Algorithm::RS256, Some("a"), &claims()),
                TokenRefusal::BadSignature,
            ),
            ("claims swapped", forged_body, TokenRefusal::BadSignature),
            (
                "expired",
                good(&with("exp", json!(now() - 120))),
                TokenRefusal::Expired,
            ),
            (
                "nbf ahead",
                good(&with("nbf", json!(now() + 120))),
                TokenRefusal::NotYetValid,
            ),
            (
                "iat ahead",
                good(&with("iat", json!(now() + 120))),
                TokenRefusal::NotYetValid,
            ),
            ("no exp", good(&without("exp")), TokenRefusal::MissingExp),
            (
                "exp as text",
                good(&with("exp", json!("tomorrow"))),
                TokenRefusal::MissingExp,
            ),
            (
                "wrong issuer",
                good(&with("iss", json!("https://evil.example/"))),
                TokenRefusal::WrongIssuer,
            ),
            (
                "no issuer",
                good(&without("iss")),
                TokenRefusal::WrongIssuer,
            ),
            (
                "issuer in an array",
                good(&with("iss", json!([ISS, "https://evil.example/"]))),
                TokenRefusal::WrongIssuer,
            ),
            (
                "wrong audience",
                good(&with("aud", json!(["other-api"]))),
                TokenRefusal::WrongAudience,
            ),
            (
                "no audience",
                good(&without("aud")),
                TokenRefusal::WrongAudience,
            ),
            (
                "no subject",
                good(&without("sub")),
                TokenRefusal::MissingSubject,
            ),
            (
                "empty subject",
                good(&with("sub", json!(""))),
                TokenRefusal::MissingSubject,
            ),
        ];
        for (name, token, why) in cases {
            assert_eq!(v.verify(&token).await, Err(why), "{name}");
        }
        // Within the leeway (30 s): accepted.
        for (k, t) in [
            ("exp", now() - 10),
            ("nbf", now() + 10),
            ("iat", now() + 10),
        ] {
            v.verify(&good(&with(k, json!(t))))
                .await
                .unwrap_or_else(|e| panic!("{k} within leeway: {e:?}"));
        }
        // Audience as an array containing ours; scopes from `scp` arrays.
        let ok = v
            .verify(&good(&json!({"iss": ISS, "aud": ["x", AUD], "sub": "svc",
                                  "exp": now() + 60, "scp": ["a", "b", "a"]})))
            .await
            .expect("array aud");
        assert_eq!(ok.scopes, vec!["a", "b"]);
        assert_eq!(v.fetches(), 0);
    }

    #[tokio::test]
    async fn jwt_unknown_kid_refetch_is_rate_limited() {
        // Nothing listens on port 9 of loopback: a fetch fails fast.
        let settings = JwtSettings::new("http://127.0.0.1:9/jwks", ISS, AUD);
        let v = JwtVerifier::new(&settings).expect("verifier");
        let t = sign(RSA_A, Algorithm::RS256, Some("a"), &claims());
        // First use: the fetch fails: 503-worthy, not a token verdict.
        assert_eq!(v.verify(&t).await, Err(TokenRefusal::KeysUnavailable));
        assert_eq!(v.fetches(), 1);
        // Retried at most once per interval.
        assert_eq!(v.verify(&t).await, Err(TokenRefusal::KeysUnavailable));
        assert_eq!(v.fetches(), 1);
        // With keys installed, an unknown kid refetches once, then not again.
        v.install_jwks(
            json!({"keys": [jwk(RSA_B, Algorithm::RS256, "b")]})
                .to_string()
                .as_bytes(),
        )
        .expect("jwks");
        assert_eq!(v.verify(&t).await, Err(TokenRefusal::KeysUnavailable));
        assert_eq!(v.fetches(), 2);
        assert_eq!(v.verify(&t).await, Err(TokenRefusal::KeysUnavailable));
        assert_eq!(v.fetches(), 2);
        v.install_jwks(
            json!({"keys": [jwk(RSA_B, Algorithm::RS256, "b")]})
                .to_string()
                .as_bytes(),
        )
        .expect("jwks");
        assert_eq!(v.verify(&t).await, Err(TokenRefusal::UnknownKey));
        assert_eq!(v.fetches(), 2);
        // The installed key still works.
        v.verify(&sign(RSA_B, Algorithm::RS256, Some("b"), &claims()))
            .await
            .expect("cached key");
    }

    #[test]
    fn config_and_verifier_accept_the_same_algorithms() {
        use crate::config::{Cli, Environment, Invocation};
        use clap::Parser;
        let extra = [
            "HS256", "HS384", "HS512", "none", "ES512", "Ed25519", "rs256",
        ];
        for alg in SUPPORTED_ALGORITHMS.iter().copied().chain(extra) {
            let cli = Cli::try_parse_from(["zscaler-mcp", "--transport", "streamable-http"])
                .expect("arguments");
            let env = Environment::from_vars([
                ("ZSCALER_MCP_AUTH_JWKS_URI", "https://idp.example/jwks"),
                ("ZSCALER_MCP_AUTH_ISSUER", ISS),
                ("ZSCALER_MCP_AUTH_ALGORITHMS", alg),
            ]);
            let settings = JwtSettings {
                algorithms: vec![alg.to_string()],
                ..JwtSettings::new("https://idp.example/jwks", ISS, AUD)
            };
            let verifier_ok = JwtVerifier::new(&settings).is_ok();
            match crate::config::resolve(cli, &env) {
                Ok(Invocation::Serve(config)) => {
                    assert!(
                        verifier_ok,
                        "{alg}: the configuration accepts it, the verifier not"
                    );
                    crate::config::unenforced::refuse_unenforced(&config).expect("jwt in force");
                    let settings = settings_from_config(&config.client_auth).expect("settings");
                    JwtVerifier::new(&settings).expect("verifier from the configuration");
                }
                Err(e) => {
                    assert!(
                        !verifier_ok,
                        "{alg}: the verifier accepts it, the configuration not"
                    );
                    assert_eq!(e.source, "ZSCALER_MCP_AUTH_ALGORITHMS");
                }
                Ok(other) => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn jwks_parsing_skips_unusable_keys() {
        let rsa = jwk(RSA_A, Algorithm::RS256, "a");
        let mut enc = rsa.clone();
        enc["use"] = json!("enc");
        let mut hmac = rsa.clone();
        hmac["alg"] = json!("HS256");
        let oct = json!({"kty": "oct", "k": "c2VjcmV0", "kid": "o"});
        let small = json!({"kty": "RSA", "n": URL_SAFE_NO_PAD.encode([0xffu8; 128]), "e": "AQAB"});
        let bad_ed = json!({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"});
        let doc = json!({"keys": [enc, hmac, oct, small, bad_ed, rsa]});
        let keys = parse_jwks(doc.to_string().as_bytes()).expect("one usable key");
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].kid.as_deref(), Some("a"));
        assert!(parse_jwks(b"{\"keys\": []}").is_err());
        assert!(parse_jwks(b"[]").is_err());
        assert!(parse_jwks(b"not json").is_err());
    }

    #[test]
    fn subjects_are_printable_and_bounded() {
        assert_eq!(principal_subject("00u1abc"), Some("00u1abc".to_string()));
        assert_eq!(principal_subject(""), None);
        for odd in ["a b", "evil\nline", "ünïcode", &"x".repeat(129)] {
            let s = principal_subject(odd).expect("hashed");
            assert!(s.starts_with("sha256:") && s.len() == 39, "{s}");
        }
        assert_ne!(
            principal_subject(&"x".repeat(129)),
            principal_subject(&"x".repeat(130))
        );
    }
}
