//! Request limits, after authentication (innermost edge layer):
//!
//! - **Body size** (`ZSCALER_MCP_MAX_BODY_BYTES`, default 4 MiB): a declared `Content-Length`
//!   above it is answered 413 before the body is read; a body that grows past it while being
//!   read is cut off by the body limit and answered 413 too, always with a JSON-RPC error body.
//! - **Requests per caller** (`ZSCALER_MCP_CLIENT_RATE_LIMIT`, default 600/min): counted per
//!   authenticated principal, or per client address when the server runs without client
//!   authentication; over the limit the answer is 429 with `Retry-After` (GCRA through the
//!   `governor` crate: the burst is the whole window's count, refilled evenly). With a shared
//!   state store the same GCRA runs in Redis, so a caller's limit holds across replicas; a
//!   store that does not answer falls back to this replica's own counter, with a warning.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use super::auth::Principal;
use super::rejection;
use super::source::ClientAddr;
use crate::config::ClientRateLimit;
use crate::state::{Degraded, SharedState};

type Keyed = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>;

/// Checks after this many requests drop the state of callers that went quiet.
const SWEEP_EVERY: u64 = 4096;

/// What the limits layer enforces.
pub struct Limits {
    pub max_body_bytes: usize,
    per_client: Option<Keyed>,
    rate: Option<ClientRateLimit>,
    /// Replicas' shared counters (`ZSCALER_MCP_STATE_STORE`).
    store: Option<SharedState>,
    checks: AtomicU64,
}

impl std::fmt::Debug for Limits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limits")
            .field("max_body_bytes", &self.max_body_bytes)
            .field("per_client", &self.per_client.is_some())
            .finish()
    }
}

impl Limits {
    pub fn new(
        max_body_bytes: usize,
        rate: Option<ClientRateLimit>,
        store: Option<SharedState>,
    ) -> Limits {
        let per_client = rate.and_then(|r| {
            let count = NonZeroU32::new(r.count)?;
            let quota = Quota::with_period(r.per / r.count)?.allow_burst(count);
            Some(RateLimiter::keyed(quota))
        });
        Limits {
            max_body_bytes,
            per_client,
            rate: rate.filter(|r| r.count > 0),
            store,
            checks: AtomicU64::new(0),
        }
    }

    /// `Err(seconds to wait)` when `key` is over its limit.
    async fn admit(&self, key: &str) -> Result<(), u64> {
        let Some(limiter) = &self.per_client else {
            return Ok(());
        };
        if let (Some(store), Some(rate)) = (&self.store, self.rate) {
            match store.admit(key, rate.count, rate.per).await {
                Ok(Ok(())) => return Ok(()),
                Ok(Err(wait)) => {
                    return Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0));
                }
                Err(e) => store.degraded(Degraded::CallerLimit, &e),
            }
        }
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        limiter.check_key(&key.to_string()).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

/// Who a request counts against: its principal, else its client address.
fn caller(request: &Request) -> String {
    if let Some(p) = request.extensions().get::<Principal>() {
        return p.id.clone();
    }
    match request.extensions().get::<ClientAddr>() {
        Some(ClientAddr(Some(ip))) => address_key(*ip),
        _ => "unknown-address".to_string(),
    }
}

fn address_key(ip: IpAddr) -> String {
    format!("address:{ip}")
}

fn too_large(max: usize) -> Response {
    rejection(
        StatusCode::PAYLOAD_TOO_LARGE,
        -32600,
        format!("Request body too large: at most {max} bytes (ZSCALER_MCP_MAX_BODY_BYTES)."),
    )
}

pub(super) async fn check(
    State(limits): State<Arc<Limits>>,
    request: Request,
    next: Next,
) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body_bytes as u64) {
        return too_large(limits.max_body_bytes);
    }
    let key = caller(&request);
    if let Err(wait) = limits.admit(&key).await {
        tracing::warn!(caller = %key, retry_after = wait, "rejected request: client rate limit");
        let mut response = rejection(
            StatusCode::TOO_MANY_REQUESTS,
            -32029,
            format!(
                "Too many requests from this client (ZSCALER_MCP_CLIENT_RATE_LIMIT); retry in \
                 {wait} s."
            ),
        );
        if let Ok(v) = HeaderValue::from_str(&wait.max(1).to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return response;
    }
    let response = next.run(request).await;
    // A body cut off while being read (chunked, or longer than declared) is answered by the
    // body limit in plain text: say it as JSON-RPC too.
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !json {
        return too_large(limits.max_body_bytes);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn each_caller_gets_its_own_window() {
        let limits = Limits::new(
            1024,
            Some(ClientRateLimit {
                count: 3,
                per: Duration::from_secs(60),
            }),
            None,
        );
        for _ in 0..3 {
            assert_eq!(limits.admit("api-key:a").await, Ok(()));
        }
        let wait = limits
            .admit("api-key:a")
            .await
            .expect_err("fourth in the window");
        assert!((1..=20).contains(&wait), "{wait}");
        assert_eq!(limits.admit("api-key:b").await, Ok(()));
        let off = Limits::new(1024, None, None);
        for _ in 0..10_000 {
            assert_eq!(off.admit("x").await, Ok(()));
        }
    }
}
