//! The `zscaler` client-authentication mode: callers present their own Zscaler OneAPI client
//! credentials, and each credential is validated by a real client-credentials exchange at the
//! tenant's OneAPI token endpoint: the token URL (vanity domain and cloud, or its override) the
//! server's own client uses, through the client crate's token code
//! ([`ZscalerClient::exchange`]). The token that exchange returns is the caller's: the
//! [`Principal`] carries a [`OneApiCaller`] whose Zscaler client holds it, and that caller's tool
//! calls run with it, never with the server's credentials.
//!
//! Credentials, exactly one form, each header at most once and at most
//! [`MAX_CREDENTIAL_BYTES`]:
//! * `Authorization: Basic base64(client_id:client_secret)` (RFC 7617; split at the first `:`);
//! * `X-Zscaler-Client-ID` with `X-Zscaler-Client-Secret`.
//!
//! Both forms at once, one header of the pair alone, another `Authorization` scheme, bad base64,
//! an empty or non-printable client id (or one over [`MAX_CLIENT_ID_CHARS`]), an empty secret or
//! one with control characters: all refused as malformed, without an exchange.
//!
//! The cache is keyed by a SHA-256 over a per-process random salt, the client id (length
//! prefixed, so `a:b` + `c` and `a` + `b:c` differ) and the secret; the stored digest is compared
//! again in constant time. The secret itself is never stored, logged or echoed: it is used for
//! the one exchange and dropped; the caller's client holds only the token. A validation is
//! reused until the token stops being fresh (its lifetime less a tenth of it, at most a minute);
//! the first request after that exchanges again (a revoked secret stops working then). At most
//! [`Settings::max_callers`] callers are kept; the least recently used is dropped first.
//!
//! Against brute force, and against being used to hammer the identity provider:
//! * a refused credential is remembered (by digest) for [`Settings::refused_ttl`]: repeating it
//!   is refused without an exchange;
//! * an exchange for a credential not validated before draws on a budget of
//!   [`Settings::failure_burst`] attempts, refilled one per [`Settings::failure_refill`]; a
//!   success gives its attempt back, so only failures spend it. With the budget spent, new
//!   credentials are answered 429 with `Retry-After` until it refills; callers already
//!   validated are not affected;
//! * concurrent requests with the same credential share one exchange, and at most
//!   [`MAX_CONCURRENT_EXCHANGES`] exchanges run at once;
//! * when the token endpoint cannot be reached (or answers with an error of its own), requests
//!   that need an exchange are answered 503 with `Retry-After` for
//!   [`Settings::unavailable_backoff`], without trying again meanwhile.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::Value;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio::sync::{OnceCell, Semaphore};
use tokio::time::Instant;

use super::auth::{MAX_CREDENTIAL_BYTES, Principal, Refusal, single};
use crate::client::{ErrorKind, Grant, ZscalerClient};
use crate::secret::Secret;

/// Header carrying the client id in the two-header form.
pub const CLIENT_ID_HEADER: &str = "x-zscaler-client-id";
/// Header carrying the client secret in the two-header form.
pub const CLIENT_SECRET_HEADER: &str = "x-zscaler-client-secret";
/// Longest client id accepted (OneAPI client ids are short; anything longer is not sent on).
pub const MAX_CLIENT_ID_CHARS: usize = 256;
/// Longest client id kept verbatim in a principal id; longer ones are hashed.
const MAX_PRINCIPAL_CLIENT_ID_CHARS: usize = 128;
/// Exchanges running at once, over all credentials.
pub const MAX_CONCURRENT_EXCHANGES: usize = 4;
/// Refused credentials remembered at once; the ones expiring soonest go first.
const MAX_REFUSED: usize = 10_000;

/// Standard base64, padding optional (some clients strip it).
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The mode's tunables; [`Settings::default`] is what the server uses.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Callers whose validation (and Zscaler client) is kept.
    pub max_callers: usize,
    /// How long a refused credential is refused without an exchange.
    pub refused_ttl: Duration,
    /// Exchanges for new credentials that may fail in a row before new ones wait.
    pub failure_burst: u32,
    /// One failed attempt is forgiven per this much time.
    pub failure_refill: Duration,
    /// Time limit of one exchange, retries of an unreachable endpoint included.
    pub exchange_timeout: Duration,
    /// After the token endpoint could not be reached, how long exchanges are not tried.
    pub unavailable_backoff: Duration,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_callers: 1_000,
            refused_ttl: Duration::from_secs(30),
            failure_burst: 20,
            failure_refill: Duration::from_secs(3),
            exchange_timeout: Duration::from_secs(15),
            unavailable_backoff: Duration::from_secs(10),
        }
    }
}

/// A caller authenticated with its own OneAPI credentials: who it is, the claims of the token it
/// was validated with, and the Zscaler client that holds that token. Never holds the secret.
#[derive(Clone)]
pub struct OneApiCaller {
    client_id: Arc<str>,
    client: ZscalerClient,
    claims: Option<Arc<Value>>,
}

impl OneApiCaller {
    /// The OneAPI client id (validated: printable ASCII, at most [`MAX_CLIENT_ID_CHARS`]).
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The caller's own Zscaler client: the same tenant and rate budgets as the server's, the
    /// caller's token.
    pub fn client(&self) -> &ZscalerClient {
        &self.client
    }

    /// The claims of the caller's token (decoded, not verified: it came from the token endpoint
    /// itself), e.g. `service-info`, which names the products it is entitled to.
    pub fn claims(&self) -> Option<&Value> {
        self.claims.as_deref()
    }
}

impl PartialEq for OneApiCaller {
    fn eq(&self, other: &OneApiCaller) -> bool {
        self.client_id == other.client_id && self.claims == other.claims
    }
}

impl Eq for OneApiCaller {}

impl std::fmt::Debug for OneApiCaller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OneApiCaller")
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// Credentials as presented. The secret lives only as long as one request's check.
struct Presented {
    client_id: String,
    secret: String,
}

/// One validated caller.
struct Entry {
    /// The cache key, compared again in constant time.
    digest: [u8; 32],
    caller: OneApiCaller,
    scopes: Vec<String>,
    /// Reused without an exchange until then.
    fresh_until: Instant,
    last_used: Instant,
}

impl Entry {
    fn principal(&self) -> Principal {
        Principal {
            id: principal_id(&self.caller.client_id),
            mode: "zscaler",
            scopes: self.scopes.clone(),
            oneapi: Some(self.caller.clone()),
        }
    }
}

/// Attempts allowed for credentials not validated before (a token bucket).
struct Budget {
    available: u32,
    since: Instant,
}

impl Budget {
    fn refill(&mut self, now: Instant, burst: u32, every: Duration) {
        if self.available >= burst || every.is_zero() {
            self.available = burst;
            self.since = now;
            return;
        }
        let elapsed = now.saturating_duration_since(self.since);
        let earned = (elapsed.as_nanos() / every.as_nanos()).min(u128::from(burst)) as u32;
        if earned > 0 {
            self.available = (self.available + earned).min(burst);
            self.since = if self.available >= burst {
                now
            } else {
                self.since + every * earned
            };
        }
    }

    /// Takes one attempt, or says how long until one is available.
    fn take(&mut self, now: Instant, burst: u32, every: Duration) -> Result<(), Duration> {
        self.refill(now, burst, every);
        if self.available == 0 {
            let next = self.since + every;
            return Err(next.saturating_duration_since(now));
        }
        self.available -= 1;
        Ok(())
    }

    fn give_back(&mut self, burst: u32) {
        self.available = (self.available + 1).min(burst);
    }
}

type Outcome = Result<Principal, Refusal>;

struct State {
    callers: HashMap<[u8; 32], Entry>,
    /// Refused credentials (digests) and until when.
    refused: HashMap<[u8; 32], Instant>,
    /// Exchanges in flight, shared by concurrent requests with the same credential.
    inflight: HashMap<[u8; 32], Arc<OnceCell<Outcome>>>,
    budget: Budget,
    /// The token endpoint was unreachable: no exchange before then.
    unavailable_until: Option<Instant>,
}

/// Validates callers' OneAPI credentials and keeps their clients. Cheap to share; safe to call
/// concurrently.
pub struct ZscalerAuth {
    /// The server's own client: token URL, gateway, pool and rate budgets for the callers'.
    base: ZscalerClient,
    settings: Settings,
    salt: [u8; 32],
    state: Mutex<State>,
    exchanges: Semaphore,
    exchanges_started: AtomicU64,
}

impl std::fmt::Debug for ZscalerAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZscalerAuth")
            .field("token_url", &self.base.token_url())
            .field("max_callers", &self.settings.max_callers)
            .finish_non_exhaustive()
    }
}

impl ZscalerAuth {
    /// Validates at `base`'s token URL; callers' clients are derived from `base`. `Err` when no
    /// random salt can be drawn.
    pub fn new(base: ZscalerClient, settings: Settings) -> Result<ZscalerAuth, String> {
        let mut salt = [0u8; 32];
        getrandom::fill(&mut salt)
            .map_err(|e| format!("a working system random source (cannot draw a salt: {e})"))?;
        let now = Instant::now();
        Ok(ZscalerAuth {
            state: Mutex::new(State {
                callers: HashMap::new(),
                refused: HashMap::new(),
                inflight: HashMap::new(),
                budget: Budget {
                    available: settings.failure_burst,
                    since: now,
                },
                unavailable_until: None,
            }),
            base,
            settings,
            salt,
            exchanges: Semaphore::new(MAX_CONCURRENT_EXCHANGES),
            exchanges_started: AtomicU64::new(0),
        })
    }

    pub fn token_url(&self) -> &str {
        self.base.token_url()
    }

    /// Exchanges started so far (tests, diagnostics).
    pub fn exchanges(&self) -> u64 {
        self.exchanges_started.load(Ordering::Relaxed)
    }

    /// Callers currently kept.
    pub fn callers(&self) -> usize {
        self.lock().callers.len()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn digest(&self, presented: &Presented) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(b"zscaler-mcp/zscaler-auth/v1\0");
        h.update(self.salt);
        h.update((presented.client_id.len() as u64).to_be_bytes());
        h.update(presented.client_id.as_bytes());
        h.update(presented.secret.as_bytes());
        h.finalize().into()
    }

    /// The caller named by `headers`, or why it is refused.
    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<Principal, Refusal> {
        let presented = presented(headers)?;
        let digest = self.digest(&presented);
        if let Some(known) = self.cached(&digest, Instant::now())? {
            return Ok(known);
        }
        // One exchange per credential: whoever comes while it runs waits for its outcome.
        let turn = Inflight {
            auth: self,
            digest,
            cell: Some(self.lock().inflight.entry(digest).or_default().clone()),
        };
        match &turn.cell {
            Some(cell) => cell
                .get_or_init(|| self.validate(digest, &presented))
                .await
                .clone(),
            None => Err(Refusal::Unavailable { retry_after: 1 }),
        }
    }

    /// A still-fresh validation of `digest`, a recent refusal, or neither.
    fn cached(&self, digest: &[u8; 32], now: Instant) -> Result<Option<Principal>, Refusal> {
        let mut state = self.lock();
        if let Some(entry) = state.callers.get_mut(digest)
            && bool::from(entry.digest.ct_eq(digest))
            && now < entry.fresh_until
        {
            entry.last_used = now;
            return Ok(Some(entry.principal()));
        }
        match state.refused.get(digest) {
            Some(until) if now < *until => Err(Refusal::Wrong),
            Some(_) => {
                state.refused.remove(digest);
                Ok(None)
            }
            None => Ok(None),
        }
    }

    /// Exchanges the credentials at the token endpoint and records the outcome.
    async fn validate(&self, digest: [u8; 32], presented: &Presented) -> Outcome {
        let s = &self.settings;
        let now = Instant::now();
        // The previous holder of this credential's turn may have settled it just now.
        if let Some(known) = self.cached(&digest, now)? {
            return Ok(known);
        }
        let (known, charged) = {
            let mut state = self.lock();
            if let Some(until) = state.unavailable_until {
                if now < until {
                    return Err(Refusal::Unavailable {
                        retry_after: ceil_secs(until - now),
                    });
                }
                state.unavailable_until = None;
            }
            match state.callers.get(&digest) {
                // Validated before (its token is stale now): no attempt is charged.
                Some(entry) => (Some(entry.caller.clone()), false),
                None => {
                    state
                        .budget
                        .take(now, s.failure_burst, s.failure_refill)
                        .map_err(|wait| {
                            tracing::warn!(
                                "zscaler client authentication: too many failed attempts; new \
                                 credentials are refused for {} s",
                                ceil_secs(wait)
                            );
                            Refusal::Throttled {
                                retry_after: ceil_secs(wait),
                            }
                        })?;
                    (None, true)
                }
            }
        };
        let give_back = |state: &mut State| {
            if charged {
                state.budget.give_back(s.failure_burst);
            }
        };
        let Ok(_turn) = self.exchanges.acquire().await else {
            give_back(&mut self.lock());
            return Err(Refusal::Unavailable { retry_after: 1 });
        };
        let client = match &known {
            Some(caller) => caller.client.clone(),
            None => self.base.for_caller(&presented.client_id),
        };
        self.exchanges_started.fetch_add(1, Ordering::Relaxed);
        let grant = Grant::ClientSecret(Secret::new(presented.secret.as_str()));
        let result = client.exchange(grant, s.exchange_timeout).await;
        let now = Instant::now();
        let who = principal_id(&presented.client_id);
        let mut state = self.lock();
        match result {
            Ok(token) => {
                give_back(&mut state);
                let claims = token.claims();
                let scopes = match &claims {
                    Some(Value::Object(map)) => super::jwt::scopes(map),
                    _ => Vec::new(),
                };
                let entry = Entry {
                    digest,
                    caller: OneApiCaller {
                        client_id: Arc::from(presented.client_id.as_str()),
                        client,
                        claims: claims.map(Arc::new),
                    },
                    scopes,
                    fresh_until: token.fresh_until(),
                    last_used: now,
                };
                let principal = entry.principal();
                if !state.callers.contains_key(&digest) {
                    evict_least_recent(&mut state.callers, s.max_callers);
                }
                state.callers.insert(digest, entry);
                state.refused.remove(&digest);
                tracing::info!(
                    principal = %who,
                    fresh_for_s = token.fresh_until().saturating_duration_since(now).as_secs(),
                    "zscaler client authentication: OneAPI credentials validated"
                );
                Ok(principal)
            }
            Err(e) if e.kind == ErrorKind::Authentication => {
                // Spent: the attempt stays charged. A caller validated before loses its entry.
                state.callers.remove(&digest);
                remember_refusal(&mut state.refused, digest, now + s.refused_ttl);
                tracing::warn!(
                    principal = %who,
                    "zscaler client authentication: the OneAPI token endpoint refused the \
                     credentials"
                );
                Err(Refusal::Wrong)
            }
            Err(e) => {
                give_back(&mut state);
                state.unavailable_until = Some(now + s.unavailable_backoff);
                tracing::warn!(
                    "zscaler client authentication: cannot validate credentials, the OneAPI \
                     token endpoint failed ({e}); requests needing a validation are answered 503 \
                     for {} s",
                    s.unavailable_backoff.as_secs()
                );
                Err(Refusal::Unavailable {
                    retry_after: s.unavailable_backoff.as_secs().max(1),
                })
            }
        }
    }
}

/// One request's share of an exchange in flight. Dropped (also when the request is cancelled),
/// it removes the shared exchange from the table once it is settled or nobody else waits for
/// it, so abandoned exchanges do not accumulate. Every clone and drop of the shared cell happens
/// under the state lock, which keeps the reference count exact.
struct Inflight<'a> {
    auth: &'a ZscalerAuth,
    digest: [u8; 32],
    cell: Option<Arc<OnceCell<Outcome>>>,
}

impl Drop for Inflight<'_> {
    fn drop(&mut self) {
        let mut state = self.auth.lock();
        if let Some(cell) = self.cell.take() {
            let listed = state
                .inflight
                .get(&self.digest)
                .is_some_and(|c| Arc::ptr_eq(c, &cell));
            // Two references: the table's and this one.
            if listed && (cell.initialized() || Arc::strong_count(&cell) <= 2) {
                state.inflight.remove(&self.digest);
            }
            drop(cell);
        }
    }
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

fn evict_least_recent(callers: &mut HashMap<[u8; 32], Entry>, max: usize) {
    while callers.len() >= max.max(1) {
        let oldest = callers
            .iter()
            .min_by_key(|(_, e)| e.last_used)
            .map(|(k, _)| *k);
        match oldest {
            Some(k) => {
                callers.remove(&k);
            }
            None => break,
        }
    }
}

fn remember_refusal(refused: &mut HashMap<[u8; 32], Instant>, digest: [u8; 32], until: Instant) {
    if refused.len() >= MAX_REFUSED && !refused.contains_key(&digest) {
        let now = Instant::now();
        refused.retain(|_, u| *u > now);
        while refused.len() >= MAX_REFUSED {
            let soonest = refused.iter().min_by_key(|(_, u)| **u).map(|(k, _)| *k);
            match soonest {
                Some(k) => {
                    refused.remove(&k);
                }
                None => break,
            }
        }
    }
    refused.insert(digest, until);
}

/// `zscaler:<client id>`: verbatim up to [`MAX_PRINCIPAL_CLIENT_ID_CHARS`] (the id is printable
/// ASCII, checked when presented), else `zscaler:sha256:<32 hex>` of it.
fn principal_id(client_id: &str) -> String {
    if client_id.len() <= MAX_PRINCIPAL_CLIENT_ID_CHARS
        && client_id.bytes().all(|b| b.is_ascii_graphic())
    {
        return format!("zscaler:{client_id}");
    }
    let digest = Sha256::digest(client_id.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("zscaler:sha256:{hex}")
}

/// The credentials of a request: exactly one of the two forms.
fn presented(headers: &HeaderMap) -> Result<Presented, Refusal> {
    let authorization = single(headers, header::AUTHORIZATION.as_str())?;
    let id = single(headers, CLIENT_ID_HEADER)?;
    let secret = single(headers, CLIENT_SECRET_HEADER)?;
    match (authorization, id, secret) {
        (None, None, None) => Err(Refusal::Missing),
        (Some(value), None, None) => basic(value.as_bytes()),
        (None, Some(id), Some(secret)) => {
            checked(id.as_bytes().trim_ascii(), secret.as_bytes().trim_ascii())
        }
        // Both forms, or half of the pair.
        _ => Err(Refusal::Malformed),
    }
}

/// `Basic base64(client_id:client_secret)`.
fn basic(value: &[u8]) -> Result<Presented, Refusal> {
    let value = value.trim_ascii();
    let space = value
        .iter()
        .position(|b| *b == b' ')
        .ok_or(Refusal::Malformed)?;
    let (scheme, rest) = value.split_at(space);
    let encoded = rest.trim_ascii();
    if !scheme.eq_ignore_ascii_case(b"basic") || encoded.is_empty() || encoded.contains(&b' ') {
        return Err(Refusal::Malformed);
    }
    let decoded = BASE64.decode(encoded).map_err(|_| Refusal::Malformed)?;
    let colon = decoded
        .iter()
        .position(|b| *b == b':')
        .ok_or(Refusal::Malformed)?;
    checked(&decoded[..colon], &decoded[colon + 1..])
}

fn checked(client_id: &[u8], secret: &[u8]) -> Result<Presented, Refusal> {
    if client_id.is_empty()
        || client_id.len() > MAX_CLIENT_ID_CHARS
        || !client_id.iter().all(u8::is_ascii_graphic)
    {
        return Err(Refusal::Malformed);
    }
    let secret = std::str::from_utf8(secret).map_err(|_| Refusal::Malformed)?;
    if secret.is_empty()
        || secret.len() > MAX_CREDENTIAL_BYTES
        || secret.chars().any(char::is_control)
    {
        return Err(Refusal::Malformed);
    }
    Ok(Presented {
        client_id: String::from_utf8_lossy(client_id).into_owned(),
        secret: secret.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use axum::http::HeaderValue;
    use base64::engine::general_purpose::STANDARD;

    use super::*;
    use crate::client::{ClientSettings, Upstream};

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

    fn basic_of(raw: &str) -> String {
        format!("Basic {}", STANDARD.encode(raw))
    }

    #[test]
    fn both_forms_parse_and_everything_else_is_refused() {
        let ok = |h: &[(&str, &str)]| presented(&headers(h)).map(|p| (p.client_id, p.secret));
        let pair = |id: &str, secret: &str| Ok((id.to_string(), secret.to_string()));
        assert_eq!(
            ok(&[("authorization", &basic_of("cid:s3cret"))]),
            pair("cid", "s3cret")
        );
        // Split at the first colon; the secret may hold colons and spaces.
        assert_eq!(
            ok(&[("authorization", &basic_of("cid:a:b c"))]),
            pair("cid", "a:b c")
        );
        let unpadded = format!("basic  {} ", STANDARD.encode("cid:s").trim_end_matches('='));
        assert_eq!(ok(&[("authorization", &unpadded)]), pair("cid", "s"));
        assert_eq!(
            ok(&[
                (CLIENT_ID_HEADER, " cid "),
                (CLIENT_SECRET_HEADER, "s3cret")
            ]),
            pair("cid", "s3cret")
        );
        let long_id = format!("{}:s", "a".repeat(MAX_CLIENT_ID_CHARS + 1));
        let cases: Vec<(Vec<(&str, String)>, Refusal)> = vec![
            (vec![], Refusal::Missing),
            (
                vec![("authorization", "Bearer abc".into())],
                Refusal::Malformed,
            ),
            (vec![("authorization", "Basic".into())], Refusal::Malformed),
            (
                vec![("authorization", "Basic !!!notb64".into())],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", basic_of("nocolon"))],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", basic_of(":secret"))],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", basic_of("cid:"))],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", basic_of("c d:secret"))],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", basic_of("cid:a\nb"))],
                Refusal::Malformed,
            ),
            (
                vec![("authorization", basic_of(&long_id))],
                Refusal::Malformed,
            ),
            (
                vec![(
                    "authorization",
                    format!("Basic {}", STANDARD.encode([b'c', b':', 0xff])),
                )],
                Refusal::Malformed,
            ),
            (
                vec![
                    ("authorization", basic_of("cid:s")),
                    ("authorization", basic_of("cid:s")),
                ],
                Refusal::Malformed,
            ),
            // Both forms at once.
            (
                vec![
                    ("authorization", basic_of("cid:s")),
                    (CLIENT_ID_HEADER, "cid".into()),
                    (CLIENT_SECRET_HEADER, "s".into()),
                ],
                Refusal::Malformed,
            ),
            // Half of the pair.
            (vec![(CLIENT_ID_HEADER, "cid".into())], Refusal::Malformed),
            (vec![(CLIENT_SECRET_HEADER, "s".into())], Refusal::Malformed),
            (
                vec![
                    (CLIENT_ID_HEADER, "cid".into()),
                    (CLIENT_SECRET_HEADER, "".into()),
                ],
                Refusal::Malformed,
            ),
            (
                vec![
                    (CLIENT_ID_HEADER, "cid".into()),
                    (CLIENT_ID_HEADER, "other".into()),
                    (CLIENT_SECRET_HEADER, "s".into()),
                ],
                Refusal::Malformed,
            ),
            (
                vec![(
                    "authorization",
                    format!("Basic {}", "A".repeat(MAX_CREDENTIAL_BYTES)),
                )],
                Refusal::TooLong,
            ),
        ];
        for (h, why) in cases {
            let pairs: Vec<(&str, &str)> = h.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(ok(&pairs).err(), Some(why), "{h:?}");
        }
    }

    #[test]
    fn principal_ids_are_printable_and_bounded() {
        assert_eq!(principal_id("abc-123"), "zscaler:abc-123");
        let long = "x".repeat(MAX_PRINCIPAL_CLIENT_ID_CHARS + 1);
        let id = principal_id(&long);
        assert!(id.starts_with("zscaler:sha256:") && id.len() == 47, "{id}");
        assert_ne!(id, principal_id(&format!("{long}x")));
    }

    #[test]
    fn the_budget_refills_one_attempt_per_interval() {
        let t0 = Instant::now();
        let every = Duration::from_secs(3);
        let mut b = Budget {
            available: 2,
            since: t0,
        };
        assert!(b.take(t0, 2, every).is_ok());
        assert!(b.take(t0, 2, every).is_ok());
        assert_eq!(b.take(t0, 2, every), Err(every));
        assert_eq!(
            b.take(t0 + Duration::from_secs(1), 2, every),
            Err(Duration::from_secs(2))
        );
        assert!(b.take(t0 + every, 2, every).is_ok());
        assert!(b.take(t0 + every, 2, every).is_err());
        b.give_back(2);
        assert!(b.take(t0 + every, 2, every).is_ok());
        // A long pause refills to the burst, not beyond.
        assert!(b.take(t0 + every * 100, 2, every).is_ok());
        assert!(b.take(t0 + every * 100, 2, every).is_ok());
        assert!(b.take(t0 + every * 100, 2, every).is_err());
    }

    /// A token endpoint on loopback: `good*`/`right` gets a token; it counts requests; `down`
    /// makes it answer 503.
    struct Idp {
        url: String,
        requests: Arc<AtomicUsize>,
        down: Arc<std::sync::atomic::AtomicBool>,
        task: tokio::task::JoinHandle<()>,
    }

    impl Drop for Idp {
        fn drop(&mut self) {
            self.task.abort();
        }
    }

    async fn idp() -> Idp {
        use axum::extract::State;
        type Shared = (Arc<AtomicUsize>, Arc<std::sync::atomic::AtomicBool>);
        let requests = Arc::new(AtomicUsize::new(0));
        let down = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let app = axum::Router::new()
            .route(
                "/token",
                axum::routing::post(
                    |State((requests, down)): State<Shared>, body: String| async move {
                        requests.fetch_add(1, Ordering::SeqCst);
                        // Slow enough for concurrent requests to overlap.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        if down.load(Ordering::SeqCst) {
                            return (axum::http::StatusCode::SERVICE_UNAVAILABLE, String::new());
                        }
                        // The test credentials need no percent-decoding.
                        let form: HashMap<&str, &str> = body
                            .split('&')
                            .filter_map(|kv| kv.split_once('='))
                            .collect();
                        let ok = form
                            .get("client_id")
                            .is_some_and(|id| id.starts_with("good"))
                            && form.get("client_secret") == Some(&"right");
                        if ok {
                            let token = serde_json::json!({
                                "access_token": "opaque-token", "expires_in": 3600
                            });
                            (axum::http::StatusCode::OK, token.to_string())
                        } else {
                            let refusal = serde_json::json!({"error": "invalid_client"});
                            (axum::http::StatusCode::UNAUTHORIZED, refusal.to_string())
                        }
                    },
                ),
            )
            .with_state((requests.clone(), down.clone()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/token", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Idp {
            url,
            requests,
            down,
            task,
        }
    }

    fn auth(idp: &Idp, settings: Settings) -> ZscalerAuth {
        let upstream = Upstream {
            base_url: "http://127.0.0.1:9".into(),
            token_url: idp.url.clone(),
            client_id: None,
            grant: None,
            customer_id: None,
            zcell_customer_id: None,
            sandbox: false,
        };
        let settings_c = ClientSettings {
            backoff_base: Duration::from_millis(10),
            ..ClientSettings::default()
        };
        let base = ZscalerClient::new(&upstream, None, settings_c).expect("client");
        ZscalerAuth::new(base, settings).expect("auth")
    }

    fn creds(id: &str, secret: &str) -> HeaderMap {
        headers(&[("authorization", &basic_of(&format!("{id}:{secret}")))])
    }

    #[tokio::test]
    async fn one_exchange_per_credential_cached_refused_and_throttled() {
        let idp = idp().await;
        let a = auth(
            &idp,
            Settings {
                failure_burst: 3,
                failure_refill: Duration::from_secs(3600),
                ..Settings::default()
            },
        );
        // Eight concurrent requests with the same credential: one exchange.
        let good = creds("good", "right");
        let all = futures::future::join_all((0..8).map(|_| a.authenticate(&good))).await;
        for p in &all {
            let p = p.as_ref().expect("validated");
            assert_eq!(p.id, "zscaler:good");
            assert_eq!(p.mode, "zscaler");
            assert_eq!(p.oneapi.as_ref().map(|c| c.client_id()), Some("good"));
        }
        assert_eq!(idp.requests.load(Ordering::SeqCst), 1);
        a.authenticate(&good).await.expect("cached");
        assert_eq!(idp.requests.load(Ordering::SeqCst), 1);
        // The caller's client holds the caller's token, never the secret.
        let caller = all[0].as_ref().expect("ok").oneapi.clone().expect("caller");
        let token = caller
            .client()
            .access_token()
            .await
            .expect("installed token");
        assert_eq!(&*token.value, "opaque-token");
        assert!(!format!("{caller:?}").contains("right"));
        // A wrong secret: refused once at the endpoint, then from the cache.
        let wrong = creds("good", "wrong");
        assert_eq!(a.authenticate(&wrong).await, Err(Refusal::Wrong));
        assert_eq!(a.authenticate(&wrong).await, Err(Refusal::Wrong));
        assert_eq!(idp.requests.load(Ordering::SeqCst), 2);
        // Two more distinct failures spend the budget of three; the next new credential waits.
        for s in ["w1", "w2"] {
            assert_eq!(a.authenticate(&creds("good", s)).await, Err(Refusal::Wrong));
        }
        assert_eq!(idp.requests.load(Ordering::SeqCst), 4);
        assert!(matches!(
            a.authenticate(&creds("good", "w3")).await,
            Err(Refusal::Throttled { retry_after }) if retry_after > 0
        ));
        assert_eq!(idp.requests.load(Ordering::SeqCst), 4);
        // The validated caller is not affected.
        a.authenticate(&good).await.expect("still cached");
        assert_eq!(a.callers(), 1);
        assert_eq!(a.exchanges(), 4);
    }

    #[tokio::test]
    async fn an_unreachable_endpoint_is_503_and_not_retried_meanwhile() {
        let idp = idp().await;
        idp.down.store(true, Ordering::SeqCst);
        let a = auth(
            &idp,
            Settings {
                exchange_timeout: Duration::from_secs(2),
                ..Settings::default()
            },
        );
        let first = a.authenticate(&creds("good", "right")).await;
        assert!(
            matches!(first, Err(Refusal::Unavailable { retry_after: 10 })),
            "{first:?}"
        );
        let tried = idp.requests.load(Ordering::SeqCst);
        assert!(tried >= 1);
        // Within the backoff: refused without another request, even with other credentials.
        assert!(matches!(
            a.authenticate(&creds("other", "x")).await,
            Err(Refusal::Unavailable { .. })
        ));
        assert_eq!(idp.requests.load(Ordering::SeqCst), tried);
    }

    #[tokio::test]
    async fn an_abandoned_exchange_leaves_nothing_behind() {
        let idp = idp().await;
        let a = auth(&idp, Settings::default());
        // The endpoint takes 50 ms; the request is dropped after 5.
        let cancelled = tokio::time::timeout(
            Duration::from_millis(5),
            a.authenticate(&creds("good", "right")),
        )
        .await;
        assert!(cancelled.is_err());
        assert!(a.lock().inflight.is_empty());
        a.authenticate(&creds("good", "right")).await.expect("ok");
        assert!(a.lock().inflight.is_empty());
        assert_eq!(a.callers(), 1);
    }

    #[tokio::test]
    async fn the_least_recently_used_caller_is_evicted() {
        let idp = idp().await;
        let a = auth(
            &idp,
            Settings {
                max_callers: 1,
                ..Settings::default()
            },
        );
        a.authenticate(&creds("good", "right")).await.expect("ok");
        // Same client id, other header form: same credential, same entry.
        let pair = headers(&[(CLIENT_ID_HEADER, "good"), (CLIENT_SECRET_HEADER, "right")]);
        a.authenticate(&pair).await.expect("cached");
        assert_eq!(idp.requests.load(Ordering::SeqCst), 1);
        // Another caller takes the only place; the first one is exchanged again.
        let other = a.authenticate(&creds("good2", "right")).await.expect("ok");
        assert_eq!(other.id, "zscaler:good2");
        assert_eq!(a.callers(), 1);
        a.authenticate(&pair).await.expect("again");
        assert_eq!(idp.requests.load(Ordering::SeqCst), 3);
    }
}
