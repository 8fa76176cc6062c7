//! OneAPI OAuth: the client-credentials grant with a client secret or a private-key JWT
//! assertion, and the token cache the whole process shares (plus one per caller in the `zscaler`
//! client-authentication mode, filled by [`TokenCache::exchange`] and holding no credentials).
//!
//! The cache hands out the current token without locking beyond a read; when the token is
//! missing, expired or within its refresh margin, exactly one caller fetches a new one while
//! the others wait for it (single flight). A 401 on an API call invalidates the token that call
//! used, once, so a burst of 401s on the same stale token still causes one fetch.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::RsaPrivateKey;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::Value;
use tokio::time::Instant;

use super::error::{ApiError, ErrorKind, clip};
use super::retry;
use crate::secret::Secret;
use crate::service::Service;

/// The audience every OneAPI token is requested for.
pub const AUDIENCE: &str = "https://api.zscaler.com";
/// How long a private-key JWT assertion is valid.
const ASSERTION_TTL: Duration = Duration::from_secs(120);

/// An RSA private key for the private-key JWT grant, ready to sign. Never printed.
#[derive(Clone)]
pub struct PrivateKey {
    key: Arc<EncodingKey>,
    bits: usize,
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateKey(RSA {} bits, <redacted>)", self.bits)
    }
}

impl PrivateKey {
    /// `ZSCALER_PRIVATE_KEY`: PEM text (PKCS#8 or PKCS#1), JWK JSON, or the path of a file
    /// holding either. RSA keys under 2048 bits are refused, as the official SDK does. Errors
    /// say what was wrong with the value without quoting it.
    pub fn parse(value: &str) -> Result<PrivateKey, String> {
        let text = value.trim();
        if text.starts_with('{') || text.contains("-----BEGIN") {
            return Self::from_text(text);
        }
        let contents = std::fs::read_to_string(text)
            .map_err(|e| format!("neither PEM text, JWK JSON, nor a readable file path ({e})"))?;
        Self::from_text(contents.trim())
            .map_err(|e| format!("the file {text} holds no usable key: {e}"))
    }

    fn from_text(text: &str) -> Result<PrivateKey, String> {
        let key = if text.starts_with('{') {
            from_jwk(text)?
        } else if text.contains("BEGIN RSA PRIVATE KEY") {
            RsaPrivateKey::from_pkcs1_pem(text)
                .map_err(|_| "a PKCS#1 PEM block that does not parse as an RSA key".to_string())?
        } else if text.contains("BEGIN PRIVATE KEY") {
            RsaPrivateKey::from_pkcs8_pem(text).map_err(|_| {
                "a PKCS#8 PEM block that is not an RSA private key (only RS256 is supported)"
                    .to_string()
            })?
        } else if text.contains("BEGIN ENCRYPTED PRIVATE KEY") {
            return Err(
                "an encrypted PEM key: decrypt it first (openssl pkcs8 -topk8 -nocrypt)".into(),
            );
        } else {
            return Err("a PEM block other than an RSA private key".into());
        };
        let bits = key.size() * 8;
        if bits < 2048 {
            return Err(format!(
                "an RSA key of {bits} bits; at least 2048 are required"
            ));
        }
        let der = key
            .to_pkcs1_der()
            .map_err(|_| "an RSA key that cannot be encoded".to_string())?;
        Ok(PrivateKey {
            key: Arc::new(EncodingKey::from_rsa_der(der.as_bytes())),
            bits,
        })
    }

    /// The client assertion: RS256, iss = sub = client id, aud the OneAPI audience, short exp.
    pub fn assertion(&self, client_id: &str) -> Result<String, String> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let claims = serde_json::json!({
            "iss": client_id,
            "sub": client_id,
            "aud": AUDIENCE,
            "iat": now,
            "exp": now + ASSERTION_TTL.as_secs(),
            "jti": uuid::Uuid::new_v4().to_string(),
        });
        jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &self.key)
            .map_err(|e| format!("cannot sign the client assertion: {e}"))
    }
}

fn from_jwk(text: &str) -> Result<RsaPrivateKey, String> {
    let jwk: Value =
        serde_json::from_str(text).map_err(|_| "JSON that does not parse".to_string())?;
    if jwk.get("kty").and_then(Value::as_str) != Some("RSA") {
        return Err("a JWK whose kty is not RSA".into());
    }
    let int = |name: &str| -> Result<rsa::BigUint, String> {
        let field = jwk.get(name).and_then(Value::as_str).ok_or_else(|| {
            format!("a JWK without '{name}' (a private RSA JWK needs n, e, d, p, q)")
        })?;
        let bytes = URL_SAFE_NO_PAD
            .decode(field.trim_end_matches('='))
            .map_err(|_| format!("a JWK whose '{name}' is not base64url"))?;
        Ok(rsa::BigUint::from_bytes_be(&bytes))
    };
    let key =
        RsaPrivateKey::from_components(int("n")?, int("e")?, int("d")?, vec![int("p")?, int("q")?])
            .map_err(|_| "a JWK whose components do not form an RSA key".to_string())?;
    key.validate()
        .map_err(|_| "a JWK whose components do not form a valid RSA key".to_string())?;
    Ok(key)
}

/// How the client proves who it is.
#[derive(Debug, Clone)]
pub enum Grant {
    ClientSecret(Secret),
    PrivateKey(PrivateKey),
}

impl Grant {
    /// Which configuration settings a refusal points at.
    fn credential_names(&self) -> &'static str {
        match self {
            Grant::ClientSecret(_) => "ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET",
            Grant::PrivateKey(_) => {
                "ZSCALER_CLIENT_ID and ZSCALER_PRIVATE_KEY (is its public key registered for this client?)"
            }
        }
    }
}

/// A OneAPI access token.
#[derive(Clone)]
pub struct Token {
    pub value: Arc<str>,
    pub expires_at: Instant,
    /// Increases with every fetch; a 401 invalidates only the generation it was sent with.
    pub generation: u64,
    /// Refresh this long before expiry.
    margin: Duration,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Token(generation {}, <redacted>)", self.generation)
    }
}

impl Token {
    fn fresh(&self, now: Instant) -> bool {
        now + self.margin < self.expires_at
    }

    /// When this token stops being fresh: its expiry less the refresh margin (a tenth of its
    /// lifetime, at most a minute). A cache that holds it must renew it from then on.
    pub fn fresh_until(&self) -> Instant {
        self.expires_at
            .checked_sub(self.margin)
            .unwrap_or(self.expires_at)
    }

    /// The claims of the token, decoded without verification (the token endpoint is trusted
    /// through TLS; the claims only inform, e.g. the entitlement filter).
    pub fn claims(&self) -> Option<Value> {
        let payload = self.value.split('.').nth(1)?;
        let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// A token cache: the process-wide one of the server's own credentials, or a caller's
/// (`zscaler` client authentication), which holds no grant: its tokens are obtained by
/// [`TokenCache::exchange`] with credentials the caller presents, and installed.
pub struct TokenCache {
    /// `None`: a caller's cache; it cannot renew a token by itself.
    grant: Option<Grant>,
    client_id: String,
    token_url: String,
    user_agent: String,
    current: RwLock<Option<Token>>,
    refresh: tokio::sync::Mutex<()>,
    generation: AtomicU64,
    fetches: AtomicU64,
}

impl TokenCache {
    pub fn new(grant: Grant, client_id: String, token_url: String, user_agent: String) -> Self {
        Self::with(Some(grant), client_id, token_url, user_agent)
    }

    /// A cache for a caller's tokens: no grant is kept; [`Self::exchange`] fills it.
    pub fn delegated(client_id: String, token_url: String, user_agent: String) -> Self {
        Self::with(None, client_id, token_url, user_agent)
    }

    fn with(
        grant: Option<Grant>,
        client_id: String,
        token_url: String,
        user_agent: String,
    ) -> Self {
        TokenCache {
            grant,
            client_id,
            token_url,
            user_agent,
            current: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(0),
            fetches: AtomicU64::new(0),
        }
    }

    /// Token requests made so far.
    pub fn fetches(&self) -> u64 {
        self.fetches.load(Ordering::Relaxed)
    }

    fn peek(&self) -> Option<Token> {
        match self.current.read() {
            Ok(t) => t.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn store(&self, token: Option<Token>) {
        match self.current.write() {
            Ok(mut t) => *t = token,
            Err(poisoned) => *poisoned.into_inner() = token,
        }
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Whether `t` may be handed out now: fresh, or for a cache that cannot renew its token
    /// (a caller's), not yet expired.
    fn usable(&self, t: &Token, now: Instant) -> bool {
        match self.grant {
            Some(_) => t.fresh(now),
            None => now < t.expires_at,
        }
    }

    /// A fresh token, fetching one (single flight) when needed.
    pub async fn get(&self, http: &reqwest::Client, deadline: Instant) -> Result<Token, ApiError> {
        if let Some(t) = self.peek().filter(|t| self.usable(t, Instant::now())) {
            return Ok(t);
        }
        let _turn = self.refresh.lock().await;
        // Someone else may have refreshed while we waited for the turn.
        if let Some(t) = self.peek().filter(|t| self.usable(t, Instant::now())) {
            return Ok(t);
        }
        let token = self.fetch(http, deadline).await?;
        self.store(Some(token.clone()));
        Ok(token)
    }

    /// One client-credentials exchange for this cache's client id with `grant`, at this cache's
    /// token URL (with the retries of [`Self::get`]); the token is installed here and returned.
    /// `grant` is used for this exchange only and not kept.
    pub async fn exchange(
        &self,
        grant: Grant,
        http: &reqwest::Client,
        deadline: Instant,
    ) -> Result<Token, ApiError> {
        let once = TokenCache::new(
            grant,
            self.client_id.clone(),
            self.token_url.clone(),
            self.user_agent.clone(),
        );
        let result = once.fetch(http, deadline).await;
        self.fetches.fetch_add(once.fetches(), Ordering::Relaxed);
        let mut token = result?;
        token.generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        self.store(Some(token.clone()));
        Ok(token)
    }

    /// Drops the token of `generation` after the API refused it (401).
    pub fn invalidate(&self, generation: u64) {
        if self.peek().is_some_and(|t| t.generation == generation) {
            self.store(None);
        }
    }

    async fn fetch(&self, http: &reqwest::Client, deadline: Instant) -> Result<Token, ApiError> {
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let result = self.request(http, deadline).await;
            crate::metrics::token_request(result.is_ok());
            let failure = match result {
                Ok(token) => return Ok(token),
                Err(e) if e.kind == ErrorKind::Unavailable || e.kind == ErrorKind::Timeout => e,
                Err(e) => return Err(e),
            };
            let wait = failure.retry_after.unwrap_or_else(|| {
                retry::backoff(Duration::from_millis(200), attempt, Duration::from_secs(5))
            });
            if attempt >= 4 || Instant::now() + wait >= deadline {
                let mut e = failure;
                e.attempts = attempt;
                return Err(e);
            }
            tracing::debug!(attempt, wait_ms = wait.as_millis() as u64, reason = %failure, "retrying the token request");
            tokio::time::sleep(wait).await;
        }
    }

    async fn request(&self, http: &reqwest::Client, deadline: Instant) -> Result<Token, ApiError> {
        const OPERATION: &str = "POST /oauth2/v1/token";
        let auth_error =
            |kind, message: String| ApiError::new(kind, Service::Zid, OPERATION, message);
        let Some(grant) = &self.grant else {
            return Err(auth_error(
                ErrorKind::Authentication,
                "the caller's OneAPI token expired and this server keeps no caller credentials \
                 to renew it: send the request again with the client credentials"
                    .into(),
            ));
        };
        let mut form: Vec<(&str, String)> = vec![
            ("grant_type", "client_credentials".into()),
            ("client_id", self.client_id.clone()),
            ("audience", AUDIENCE.into()),
        ];
        match grant {
            Grant::ClientSecret(secret) => {
                form.push(("client_secret", secret.expose().to_string()))
            }
            Grant::PrivateKey(key) => {
                let assertion = key
                    .assertion(&self.client_id)
                    .map_err(|m| auth_error(ErrorKind::Authentication, m))?;
                form.push(("client_assertion", assertion));
                form.push((
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".into(),
                ));
            }
        }
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(auth_error(
                ErrorKind::Timeout,
                "no time left to request an access token".into(),
            ));
        }
        self.fetches.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let response = http
            .post(&self.token_url)
            .header(http::header::ACCEPT, "application/json")
            .header(http::header::USER_AGENT, &self.user_agent)
            .form(&form)
            .timeout(remaining)
            .send()
            .await
            .map_err(|e| {
                let kind = if e.is_timeout() {
                    ErrorKind::Timeout
                } else {
                    ErrorKind::Unavailable
                };
                auth_error(
                    kind,
                    format!(
                        "the token endpoint could not be reached: {}",
                        transport_reason(&e)
                    ),
                )
            })?;
        let status = response.status().as_u16();
        crate::metrics::upstream_response("token", Some(status));
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|e| {
            auth_error(
                ErrorKind::Unavailable,
                format!("the token answer was cut off: {}", transport_reason(&e)),
            )
        })?;
        if status == 400 || status == 401 || status == 403 {
            let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let code = json
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or("refused");
            let detail = json
                .get("error_description")
                .and_then(Value::as_str)
                .map(|d| format!(" ({})", clip(d, 200)))
                .unwrap_or_default();
            let mut e = auth_error(
                ErrorKind::Authentication,
                format!(
                    "the OneAPI token endpoint refused the credentials: {code}{detail}; check {}",
                    grant.credential_names()
                ),
            );
            e.status = Some(status);
            return Err(e);
        }
        if !(200..300).contains(&status) {
            let mut e = ApiError::from_response(Service::Zid, OPERATION, status, None, &body);
            e.message = format!("the OneAPI token endpoint failed: {}", e.message);
            if e.kind != ErrorKind::Timeout {
                e.kind = ErrorKind::Unavailable;
            }
            e.retry_after = retry::hinted_wait(&headers, &body);
            return Err(e);
        }
        let json: Value = serde_json::from_slice(&body).map_err(|_| {
            auth_error(
                ErrorKind::BadResponse,
                "the token endpoint answered with something other than JSON".into(),
            )
        })?;
        let value = json
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                auth_error(
                    ErrorKind::BadResponse,
                    "the token answer has no access_token".into(),
                )
            })?;
        let ttl = json
            .get("expires_in")
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .unwrap_or(3600);
        let ttl = Duration::from_secs(ttl);
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        tracing::debug!(
            generation,
            ttl_s = ttl.as_secs(),
            "fetched a OneAPI access token"
        );
        Ok(Token {
            value: Arc::from(value),
            // Count the lifetime from when the request was sent, not when it was answered.
            expires_at: started + ttl,
            generation,
            margin: (ttl / 10).min(Duration::from_secs(60)),
        })
    }
}

/// A transport failure, in words, without the URL reqwest would put in its message.
pub fn transport_reason(e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "connection failed"
    } else if e.is_body() || e.is_decode() {
        "the response was interrupted"
    } else if e.is_request() {
        "the request could not be sent"
    } else {
        "transport error"
    };
    // The innermost cause says the most (e.g. "Connection refused", "connection reset").
    let mut cause: Option<String> = None;
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = Some(s.to_string());
        source = s.source();
    }
    // The trap of Rust clients behind a TLS-inspecting proxy (Zscaler's own among them): its
    // certificate is not in this process's trust store. Say how to add it.
    let untrusted = cause.as_deref().is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        c.contains("certificate") || c.contains("unknownissuer") || c.contains("unknown issuer")
    });
    let hint = if untrusted {
        " (the server's certificate is not trusted: when a TLS-inspecting proxy sits in between, \
         give its CA with SSL_CERT_FILE or ZSCALER_MCP_UPSTREAM_CA_BUNDLE)"
    } else {
        ""
    };
    match cause {
        Some(c) if !c.is_empty() => format!("{}{hint}", clip(&format!("{what}: {c}"), 300)),
        _ => format!("{what}{hint}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    use rsa::traits::PrivateKeyParts;

    fn key(bits: usize) -> RsaPrivateKey {
        let mut rng = rand::thread_rng();
        RsaPrivateKey::new(&mut rng, bits).expect("key")
    }

    #[test]
    fn pem_jwk_and_file_forms_parse_and_small_keys_are_refused() {
        let k = key(2048);
        let pkcs8 = k.to_pkcs8_pem(LineEnding::LF).expect("pem");
        assert!(PrivateKey::parse(&pkcs8).is_ok());
        let pkcs1 = k.to_pkcs1_pem(LineEnding::LF).expect("pem");
        assert!(PrivateKey::parse(&pkcs1).is_ok());
        let b = |n: &rsa::BigUint| URL_SAFE_NO_PAD.encode(n.to_bytes_be());
        let primes = k.primes();
        let jwk = serde_json::json!({"kty": "RSA", "n": b(k.n()), "e": b(k.e()), "d": b(k.d()),
            "p": b(&primes[0]), "q": b(&primes[1])});
        assert!(PrivateKey::parse(&jwk.to_string()).is_ok());
        let dir = std::env::temp_dir().join(format!("zmcp-key-{}", uuid::Uuid::new_v4()));
        std::fs::write(&dir, pkcs8.as_bytes()).expect("write");
        assert!(PrivateKey::parse(dir.to_str().expect("path")).is_ok());
        let _ = std::fs::remove_file(&dir);
        let small = key(1024).to_pkcs8_pem(LineEnding::LF).expect("pem");
        let err = PrivateKey::parse(&small).expect_err("1024 bits");
        assert!(err.contains("1024 bits"), "{err}");
        let err = PrivateKey::parse("/nonexistent/key.pem").expect_err("missing");
        assert!(err.contains("readable file"), "{err}");
        let err = PrivateKey::parse(r#"{"kty":"RSA","n":"AQAB"}"#).expect_err("public");
        assert!(err.contains("'e'") || err.contains("'d'"), "{err}");
    }

    #[test]
    fn the_assertion_carries_exactly_the_expected_claims() {
        let k = key(2048);
        let pem = k.to_pkcs8_pem(LineEnding::LF).expect("pem");
        let jwt = PrivateKey::parse(&pem)
            .expect("key")
            .assertion("cid-1")
            .expect("sign");
        let public =
            rsa::pkcs1::EncodeRsaPublicKey::to_pkcs1_pem(&k.to_public_key(), LineEnding::LF)
                .expect("public pem");
        let decoding = jsonwebtoken::DecodingKey::from_rsa_pem(public.as_bytes()).expect("dk");
        let mut validation = jsonwebtoken::Validation::new(Algorithm::RS256);
        validation.set_audience(&[AUDIENCE]);
        let data = jsonwebtoken::decode::<Value>(&jwt, &decoding, &validation).expect("verifies");
        assert_eq!(data.claims["iss"], "cid-1");
        assert_eq!(data.claims["sub"], "cid-1");
        let exp = data.claims["exp"].as_u64().expect("exp");
        let iat = data.claims["iat"].as_u64().expect("iat");
        assert_eq!(exp - iat, ASSERTION_TTL.as_secs());
    }
}
