//! The Zscaler OneAPI client: one per process, shared by every session and tool call (and, in the
//! `zscaler` client-authentication mode, one per caller derived from it with
//! [`ZscalerClient::for_caller`], sharing its connection pool and rate budgets).
//!
//! Layers, in the order a call meets them ([`ZscalerClient::send`]):
//! concurrency cap per service → client-side rate budget ([`budget`]) → access token from the
//! process-wide cache ([`auth`]) → one HTTP attempt (pooled connection, HTTP/2 where offered,
//! per-attempt timeout) → retry decision ([`retry`]) → the API's answer, or one [`ApiError`]
//! ([`error`]). List operations page through [`paging`], complete or explicit about what is
//! missing. Everything is bounded by a total time per call.

// An ApiError is a few strings (about 130 bytes); calls return it rarely and never in a hot
// loop, so it is returned by value rather than boxed.
#![allow(clippy::result_large_err)]

pub mod auth;
pub mod budget;
pub mod error;
pub mod paging;
pub mod request;
pub mod retry;
pub mod upstream;

use std::sync::Arc;
use std::time::Duration;

use http::Method;
use serde_json::Value;
use tokio::time::Instant;

pub use auth::{Grant, PrivateKey, Token};
pub use budget::{MethodClass, RateLimits};
pub use error::{ApiError, ErrorKind};
pub use paging::{Caps, ListResult, Paging};
pub use request::{ApiRequest, ApiResponse};
pub use upstream::Upstream;

use crate::service::Service;

/// Tunables of the client. Defaults are safe for a production tenant.
#[derive(Debug, Clone)]
pub struct ClientSettings {
    /// TCP and TLS connection set-up.
    pub connect_timeout: Duration,
    /// One HTTP attempt, body included.
    pub request_timeout: Duration,
    /// One call, all retries, waits and pages included.
    pub call_timeout: Duration,
    /// Retries after the first attempt (a 401 re-authentication is not counted).
    pub max_retries: u32,
    /// First backoff step; doubles per retry, with jitter.
    pub backoff_base: Duration,
    /// Rows a list operation gathers before it stops and says how to continue.
    pub max_rows: usize,
    /// Bytes of API answers a list operation gathers before it stops (also the largest single
    /// answer accepted).
    pub max_bytes: usize,
    /// Calls in flight per service.
    pub concurrency: usize,
    /// Pages fetched at once when a service reports its page count.
    pub page_concurrency: usize,
    pub rate_limits: RateLimits,
    pub user_agent_comment: Option<String>,
    /// `x-partner-id` header, as the official SDK sends it when configured.
    pub partner_id: Option<String>,
    /// Extra trusted CA certificates (PEM) for the Zscaler side, besides the OS store: a
    /// TLS-inspecting proxy, or the sandbox with `--tls`.
    pub ca_bundle_pem: Option<Vec<u8>>,
    /// The proxy every Zscaler request goes through (`HTTPS_PROXY`/`ALL_PROXY`); `None`: direct.
    /// Only this setting counts: the process environment is not read again.
    pub proxy: Option<String>,
    /// `NO_PROXY`: hosts, domains and CIDRs reached directly.
    pub no_proxy: Option<String>,
    /// The store replicas share (`ZSCALER_MCP_STATE_STORE`): rate budgets are then the
    /// tenant's, across replicas. Set by the server from the configured store, not parsed.
    pub shared_state: Option<crate::state::SharedState>,
}

impl Default for ClientSettings {
    fn default() -> Self {
        ClientSettings {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            call_timeout: Duration::from_secs(180),
            max_retries: 4,
            backoff_base: Duration::from_millis(500),
            max_rows: 10_000,
            max_bytes: 64 * 1024 * 1024,
            concurrency: 8,
            page_concurrency: 4,
            rate_limits: RateLimits::zscaler(),
            user_agent_comment: None,
            partner_id: None,
            ca_bundle_pem: None,
            proxy: None,
            no_proxy: None,
            shared_state: None,
        }
    }
}

/// `NO_PROXY` semantics: `*` (everything), a host name (itself and its subdomains; a leading
/// dot is optional), an IP address, or a CIDR range; entries separated by commas or spaces.
pub fn bypasses_proxy(no_proxy: &str, host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let ip = host.parse::<std::net::IpAddr>().ok();
    no_proxy
        .split([',', ' '])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            let entry = entry.to_ascii_lowercase();
            if entry == "*" {
                return true;
            }
            if let Some(ip) = ip {
                if let Ok(net) = entry.parse::<ipnet::IpNet>() {
                    return net.contains(&ip);
                }
                return entry.parse::<std::net::IpAddr>().is_ok_and(|e| e == ip);
            }
            let domain = entry.trim_start_matches('.');
            host == domain || host.ends_with(&format!(".{domain}"))
        })
}

/// The User-Agent every request carries: `zscaler-mcp/<version> (<os>; <arch>)` and the
/// configured comment.
pub fn user_agent(comment: Option<&str>) -> String {
    let base = format!(
        "zscaler-mcp/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    match comment.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) if c.starts_with('(') => format!("{base} {c}"),
        Some(c) => format!("{base} ({c})"),
        None => base,
    }
}

/// The client cannot be built (configuration the config stage could not check).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct ClientError(pub String);

/// The process-wide Zscaler client. Cheap to clone.
#[derive(Clone)]
pub struct ZscalerClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    /// `None` when no credentials are configured: every call says so.
    tokens: Option<auth::TokenCache>,
    /// Shared with the callers' clients ([`ZscalerClient::for_caller`]): the tenant's limits
    /// apply to all of them together.
    budgets: Arc<budget::Budgets>,
    settings: ClientSettings,
    sandbox: bool,
    token_url: String,
    user_agent: String,
}

/// The tenant's name in a shared budget: the gateway and OneAPI client, digested (stable across
/// replicas of one deployment, and no identifier in Redis).
fn tenant_name(upstream: &Upstream) -> String {
    crate::state::digest(&format!(
        "{}\0{}",
        upstream.base_url.trim_end_matches('/'),
        upstream.client_id.as_deref().unwrap_or("")
    ))
}

/// Said of a request that may have reached the server and is therefore not sent again.
const NOT_RESENT: &str = "the request may have been applied, so it was not sent again: check the resource before retrying";

fn too_large(max_bytes: usize) -> String {
    format!(
        "the answer is larger than the {} MiB limit (ZSCALER_MCP_MAX_BYTES); narrow the request with filters or paging",
        max_bytes / (1024 * 1024)
    )
}

/// Why one attempt produced no answer.
enum AttemptFailure {
    /// Nothing reached the server; any method may be re-sent.
    NotSent(ApiError),
    /// The server may have processed it.
    MaybeProcessed(ApiError),
    /// A final answer from the client's side (answer too large).
    Fatal(ApiError),
}

/// One attempt's raw answer.
struct Raw {
    status: u16,
    headers: http::HeaderMap,
    body: bytes::Bytes,
    /// The parsed body of a 2xx answer (`Null` when empty).
    json: Value,
}

impl ZscalerClient {
    /// A client for `upstream`, authenticating with `grant` (`None`: calls fail with a clear
    /// "no credentials" error).
    pub fn new(
        upstream: &Upstream,
        grant: Option<Grant>,
        settings: ClientSettings,
    ) -> Result<ZscalerClient, ClientError> {
        // reqwest is built with rustls and no default provider: choose ring, once.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let user_agent = user_agent(settings.user_agent_comment.as_deref());
        let mut builder = reqwest::Client::builder()
            .user_agent(&user_agent)
            .connect_timeout(settings.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_max_idle_per_host(settings.concurrency.max(1) * 2)
            .tcp_nodelay(true)
            // A redirect would carry the bearer token to wherever it points.
            .redirect(reqwest::redirect::Policy::none())
            // Proxies come from the configuration only (below), never from reqwest's own look at
            // the process environment.
            .no_proxy();
        if let Some(url) = &settings.proxy {
            let target = reqwest::Url::parse(url)
                .map_err(|e| ClientError(format!("the proxy URL is not usable: {e}")))?;
            let exceptions = settings.no_proxy.clone().unwrap_or_default();
            builder = builder.proxy(reqwest::Proxy::custom(move |dest| {
                let host = dest.host_str().unwrap_or_default();
                (!bypasses_proxy(&exceptions, host)).then(|| target.clone())
            }));
        }
        if let Some(pem) = &settings.ca_bundle_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| ClientError(format!("the upstream CA bundle does not parse: {e}")))?;
            if certs.is_empty() {
                return Err(ClientError(
                    "the upstream CA bundle holds no certificate".into(),
                ));
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder
            .build()
            .map_err(|e| ClientError(format!("cannot set up the HTTP client: {e}")))?;
        let tokens = match (grant, upstream.client_id.clone()) {
            (Some(grant), Some(client_id)) => Some(auth::TokenCache::new(
                grant,
                client_id,
                upstream.token_url.clone(),
                user_agent.clone(),
            )),
            _ => None,
        };
        Ok(ZscalerClient {
            inner: Arc::new(Inner {
                http,
                base_url: upstream.base_url.trim_end_matches('/').to_string(),
                tokens,
                budgets: Arc::new(
                    budget::Budgets::new(settings.rate_limits.clone(), settings.concurrency)
                        .shared(settings.shared_state.clone(), &tenant_name(upstream)),
                ),
                settings,
                sandbox: upstream.sandbox,
                token_url: upstream.token_url.clone(),
                user_agent,
            }),
        })
    }

    /// A client for the same tenant acting as another OneAPI client, `client_id` (a caller of
    /// the `zscaler` client-authentication mode): same gateway, token URL, connection pool, rate
    /// budgets and settings, and its own token cache, which keeps no credentials: its token
    /// comes from [`Self::exchange`] with the credentials the caller presents.
    pub fn for_caller(&self, client_id: &str) -> ZscalerClient {
        let i = &self.inner;
        ZscalerClient {
            inner: Arc::new(Inner {
                http: i.http.clone(),
                base_url: i.base_url.clone(),
                tokens: Some(auth::TokenCache::delegated(
                    client_id.to_string(),
                    i.token_url.clone(),
                    i.user_agent.clone(),
                )),
                budgets: i.budgets.clone(),
                settings: i.settings.clone(),
                sandbox: i.sandbox,
                token_url: i.token_url.clone(),
                user_agent: i.user_agent.clone(),
            }),
        }
    }

    /// The OneAPI token URL this client authenticates at.
    pub fn token_url(&self) -> &str {
        &self.inner.token_url
    }

    /// One client-credentials exchange at this client's token URL with `grant` (used once, not
    /// kept), within `timeout` (retries of an unreachable endpoint included); the token is
    /// installed for this client's calls and returned. For a client made by
    /// [`Self::for_caller`]; on one with no token cache it fails as every call would.
    pub async fn exchange(&self, grant: Grant, timeout: Duration) -> Result<Token, ApiError> {
        let operation = "POST /oauth2/v1/token";
        let Some(tokens) = &self.inner.tokens else {
            return Err(ApiError::new(
                ErrorKind::Authentication,
                Service::Zid,
                operation,
                "no OneAPI client id to exchange credentials for",
            ));
        };
        tokens
            .exchange(grant, &self.inner.http, Instant::now() + timeout)
            .await
    }

    pub fn settings(&self) -> &ClientSettings {
        &self.inner.settings
    }

    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    pub fn is_sandbox(&self) -> bool {
        self.inner.sandbox
    }

    /// Token requests made so far by this process.
    pub fn token_fetches(&self) -> u64 {
        self.inner.tokens.as_ref().map_or(0, |t| t.fetches())
    }

    /// A current access token (fetching one if needed), e.g. for the entitlement filter.
    pub async fn access_token(&self) -> Result<Token, ApiError> {
        let deadline = Instant::now() + self.inner.settings.call_timeout;
        self.token(Service::Zid, "POST /oauth2/v1/token", deadline)
            .await
    }

    async fn token(
        &self,
        service: Service,
        operation: &str,
        deadline: Instant,
    ) -> Result<Token, ApiError> {
        let Some(tokens) = &self.inner.tokens else {
            return Err(ApiError::new(
                ErrorKind::Authentication,
                service,
                operation,
                "no OneAPI credentials are configured: set ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET (or ZSCALER_PRIVATE_KEY), or run with --sandbox",
            ));
        };
        tokens
            .get(&self.inner.http, deadline)
            .await
            .map_err(|mut e| {
                e.service = service;
                e
            })
    }

    /// Sends one call with the retry rules of [`retry`], within the call's time bound.
    pub async fn send(&self, request: &ApiRequest) -> Result<ApiResponse, ApiError> {
        let deadline = Instant::now() + self.inner.settings.call_timeout;
        self.send_by(request, deadline).await
    }

    pub(crate) async fn send_by(
        &self,
        request: &ApiRequest,
        deadline: Instant,
    ) -> Result<ApiResponse, ApiError> {
        let s = &self.inner.settings;
        let operation = request.operation();
        let class = MethodClass::of(&request.method);
        let mut attempt: u32 = 0;
        let mut retries: u32 = 0;
        let mut reauthenticated = false;
        let mut maybe_applied = false;
        loop {
            attempt += 1;
            let slot = self.inner.budgets.slot(request.service).await;
            let remaining = deadline.saturating_duration_since(Instant::now());
            if let Err(over) = self
                .inner
                .budgets
                .take(request.service, class, remaining)
                .await
            {
                let mut e = ApiError::new(
                    ErrorKind::RateLimited,
                    request.service,
                    &operation,
                    format!(
                        "the client-side budget for {} {} calls ({}) is spent; the next slot is in {} s, after this call's time bound",
                        request.service.code().to_ascii_uppercase(),
                        request.method,
                        self.inner.budgets.limits().describe(),
                        over.wait.as_secs_f64().ceil()
                    ),
                );
                e.retry_after = Some(over.wait);
                e.attempts = attempt - 1;
                return Err(e);
            }
            let token = self.token(request.service, &operation, deadline).await?;
            let outcome = self.attempt(request, &token, &operation, deadline).await;
            drop(slot);

            let (error, hint) = match outcome {
                Ok(raw) if (200..300).contains(&raw.status) => {
                    return self.success(request, &operation, raw, attempt);
                }
                Ok(raw) => {
                    let content_type = raw
                        .headers
                        .get(http::header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok());
                    let mut e = ApiError::from_response(
                        request.service,
                        &operation,
                        raw.status,
                        content_type,
                        &raw.body,
                    );
                    e.attempts = attempt;
                    let hint = retry::hinted_wait(&raw.headers, &raw.body);
                    e.retry_after = hint;
                    match raw.status {
                        401 if !reauthenticated => {
                            reauthenticated = true;
                            if let Some(tokens) = &self.inner.tokens {
                                tokens.invalidate(token.generation);
                            }
                            tracing::debug!(%operation, attempt, "401: fetching a new token and retrying once");
                            crate::metrics::retry(request.service.code());
                            continue;
                        }
                        401 => {
                            e.message = format!(
                                "{}; a freshly fetched token was refused too: the API client may lack access to {}",
                                e.message,
                                request.service.product_name()
                            );
                            return Err(e);
                        }
                        404 if request.method == Method::DELETE && maybe_applied => {
                            // The earlier attempt deleted it; its answer was lost.
                            return Ok(ApiResponse {
                                status: 204,
                                body: Value::Null,
                                bytes: 0,
                                attempts: attempt,
                                note: Some(
                                    "an earlier attempt's answer was lost and the retry found the resource already gone: it is deleted".into(),
                                ),
                            });
                        }
                        429 | 503 => (e, hint),
                        500 | 502 | 504 if request.idempotent => (e, hint),
                        409 if e.is_edit_lock() => {
                            let wait = retry::backoff(
                                Duration::from_secs(1),
                                retries,
                                Duration::from_secs(30),
                            );
                            (e, Some(hint.unwrap_or(wait)))
                        }
                        500 | 502 | 504 => {
                            e.message = format!("{}; {NOT_RESENT}", e.message);
                            return Err(e);
                        }
                        _ => return Err(e),
                    }
                }
                Err(AttemptFailure::NotSent(e)) => (e, None),
                Err(AttemptFailure::MaybeProcessed(mut e)) => {
                    maybe_applied = true;
                    if !request.idempotent {
                        e.message = format!("{}; {NOT_RESENT}", e.message);
                        e.attempts = attempt;
                        return Err(e);
                    }
                    (e, None)
                }
                Err(AttemptFailure::Fatal(e)) => return Err(e),
            };

            // A retry: within the count, the server's hint and the time bound.
            let mut error = error;
            error.attempts = attempt;
            if retries >= s.max_retries {
                return Err(error);
            }
            if hint.is_some_and(|h| h > retry::MAX_HINTED_WAIT) {
                return Err(error);
            }
            let wait = hint.unwrap_or_else(|| {
                retry::backoff(s.backoff_base, retries, Duration::from_secs(20))
            });
            if Instant::now() + wait >= deadline {
                error.message = format!(
                    "{}; no retry fits in the call's time bound of {} s",
                    error.message,
                    s.call_timeout.as_secs()
                );
                return Err(error);
            }
            retries += 1;
            tracing::debug!(
                %operation,
                attempt,
                wait_ms = wait.as_millis() as u64,
                reason = %error,
                "retrying"
            );
            crate::metrics::retry(request.service.code());
            tokio::time::sleep(wait).await;
        }
    }

    fn success(
        &self,
        request: &ApiRequest,
        operation: &str,
        raw: Raw,
        attempt: u32,
    ) -> Result<ApiResponse, ApiError> {
        if matches!(request.service, Service::Zins | Service::Zms)
            && let Some(errors) = raw.json.get("errors").and_then(Value::as_array)
            && !errors.is_empty()
        {
            let mut e = ApiError::from_graphql(request.service, operation, raw.status, errors);
            e.attempts = attempt;
            return Err(e);
        }
        Ok(ApiResponse {
            status: raw.status,
            bytes: raw.body.len(),
            body: raw.json,
            attempts: attempt,
            note: None,
        })
    }

    async fn attempt(
        &self,
        request: &ApiRequest,
        token: &Token,
        operation: &str,
        deadline: Instant,
    ) -> Result<Raw, AttemptFailure> {
        let s = &self.inner.settings;
        let remaining = deadline.saturating_duration_since(Instant::now());
        let timeout = s.request_timeout.min(remaining);
        let fail = |kind, message: String| ApiError::new(kind, request.service, operation, message);
        if timeout.is_zero() {
            return Err(AttemptFailure::Fatal(fail(
                ErrorKind::Timeout,
                format!(
                    "the call's time bound of {} s ran out",
                    s.call_timeout.as_secs()
                ),
            )));
        }
        let url = format!("{}{}", self.inner.base_url, request.path);
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), &url)
            .bearer_auth(&*token.value)
            .header(http::header::ACCEPT, "application/json")
            .timeout(timeout);
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(partner) = &s.partner_id {
            builder = builder.header("x-partner-id", partner);
        }
        if let Some(body) = &request.body {
            builder = builder.json(body);
        }
        let response = builder.send().await.map_err(|e| {
            crate::metrics::upstream_response(request.service.code(), None);
            let reason = auth::transport_reason(&e);
            if e.is_connect() {
                AttemptFailure::NotSent(fail(ErrorKind::Unavailable, reason))
            } else if e.is_timeout() {
                AttemptFailure::MaybeProcessed(fail(
                    ErrorKind::Timeout,
                    format!("no answer within {} s", timeout.as_secs_f64().ceil()),
                ))
            } else {
                AttemptFailure::MaybeProcessed(fail(ErrorKind::Unavailable, reason))
            }
        })?;
        let status = response.status().as_u16();
        crate::metrics::upstream_response(request.service.code(), Some(status));
        let headers = response.headers().clone();
        if response
            .content_length()
            .is_some_and(|n| n > s.max_bytes as u64)
        {
            return Err(AttemptFailure::Fatal(fail(
                ErrorKind::BadResponse,
                too_large(s.max_bytes),
            )));
        }
        let mut response = response;
        let mut body = bytes::BytesMut::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > s.max_bytes {
                        return Err(AttemptFailure::Fatal(fail(
                            ErrorKind::BadResponse,
                            too_large(s.max_bytes),
                        )));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => {
                    let kind = if e.is_timeout() {
                        ErrorKind::Timeout
                    } else {
                        ErrorKind::Unavailable
                    };
                    return Err(AttemptFailure::MaybeProcessed(fail(
                        kind,
                        format!(
                            "the answer (HTTP {status}) was cut off after {} bytes: {}",
                            body.len(),
                            auth::transport_reason(&e)
                        ),
                    )));
                }
            }
        }
        let body = body.freeze();
        let mut json = Value::Null;
        if (200..300).contains(&status) && !body.iter().all(u8::is_ascii_whitespace) {
            match serde_json::from_slice(&body) {
                Ok(v) => json = v,
                // A truncated or garbled answer: worth another attempt when the call is
                // idempotent; otherwise the change may have been applied, so say so.
                Err(_) if request.idempotent => {
                    return Err(AttemptFailure::MaybeProcessed(fail(
                        ErrorKind::BadResponse,
                        format!(
                            "the answer (HTTP {status}, {} bytes) is not valid JSON",
                            body.len()
                        ),
                    )));
                }
                Err(_) => {
                    let mut e = fail(
                        ErrorKind::BadResponse,
                        format!(
                            "the answer (HTTP {status}, {} bytes) is not valid JSON; the change may have been applied: check the resource before retrying",
                            body.len()
                        ),
                    );
                    e.status = Some(status);
                    return Err(AttemptFailure::Fatal(e));
                }
            }
        }
        Ok(Raw {
            status,
            headers,
            body,
            json,
        })
    }
}

#[cfg(test)]
mod proxy_tests {
    use super::bypasses_proxy;

    #[test]
    fn no_proxy_matches_hosts_domains_addresses_and_ranges() {
        let list = "localhost, .corp.example.com,10.0.0.0/8 192.168.1.5";
        assert!(bypasses_proxy(list, "localhost"));
        assert!(bypasses_proxy(list, "api.corp.example.com"));
        assert!(bypasses_proxy(list, "corp.example.com"));
        assert!(!bypasses_proxy(list, "evilcorp.example.com"));
        assert!(bypasses_proxy(list, "10.2.3.4"));
        assert!(bypasses_proxy(list, "192.168.1.5"));
        assert!(!bypasses_proxy(list, "192.168.1.6"));
        assert!(!bypasses_proxy(list, "api.zsapi.net"));
        assert!(bypasses_proxy("*", "api.zsapi.net"));
        assert!(bypasses_proxy("::1", "[::1]"));
        assert!(!bypasses_proxy("", "localhost"));
    }
}
