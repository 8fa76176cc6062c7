//! When to retry a Zscaler call, and how long to wait first.
//!
//! | answer | retried for | wait |
//! |---|---|---|
//! | 429, 503 | every method (the request was not processed) | as the API says, else backoff |
//! | 504, 500, 502 | idempotent calls only | as the API says, else backoff |
//! | 409 `EDIT_LOCK_NOT_AVAILABLE` (ZIA) | every method (the lock refused it) | backoff from 1 s |
//! | 401 | once, after fetching a new token | none |
//! | connection refused / DNS (nothing sent) | every method | backoff |
//! | timeout, reset, truncated body (may have been processed) | idempotent calls only | backoff |
//!
//! "As the API says" is the first of: `Retry-After` (seconds, `13s`, or an HTTP date),
//! `X-RateLimit-Reset` / `RateLimit-Reset` (seconds), `X-Rate-Limit-Retry-After-Seconds`, or a
//! `Retry-After` / `retryAfter` field in the JSON body (a number, `"13"`, `"13s"` or
//! `"13 seconds"`). A POST is never sent again once it may have reached the server: a second
//! create is a duplicate the agent did not ask for.

use std::time::{Duration, SystemTime};

use http::HeaderMap;
use serde_json::Value;

/// The longest wait we accept from a server hint: anything longer is reported, not slept.
pub const MAX_HINTED_WAIT: Duration = Duration::from_secs(120);

/// The server's own hint on when to try again.
pub fn hinted_wait(headers: &HeaderMap, body: &[u8]) -> Option<Duration> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(value) = header("retry-after")
        && let Some(wait) = parse_retry_after(value)
    {
        return Some(wait);
    }
    for name in [
        "x-ratelimit-reset",
        "ratelimit-reset",
        "x-rate-limit-retry-after-seconds",
    ] {
        if let Some(wait) = header(name).and_then(parse_seconds) {
            return Some(wait);
        }
    }
    let json: Value = serde_json::from_slice(body).ok()?;
    ["Retry-After", "retryAfter", "retry_after", "retry-after"]
        .iter()
        .find_map(|key| match json.get(*key)? {
            Value::Number(n) => n.as_f64().and_then(seconds_f64),
            Value::String(s) => parse_retry_after(s),
            _ => None,
        })
}

/// `Retry-After`: delay seconds (`3`, `3.5`, `13s`, `13 seconds`) or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Some(wait) = parse_seconds(value) {
        return Some(wait);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

fn parse_seconds(value: &str) -> Option<Duration> {
    let value = value.trim();
    let number = value
        .strip_suffix("seconds")
        .or_else(|| value.strip_suffix("second"))
        .or_else(|| value.strip_suffix("secs"))
        .or_else(|| value.strip_suffix('s'))
        .unwrap_or(value)
        .trim();
    number.parse::<f64>().ok().and_then(seconds_f64)
}

fn seconds_f64(secs: f64) -> Option<Duration> {
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)))
}

/// Exponential backoff with full jitter: a random wait in `[base·2ⁿ/2, base·2ⁿ]`, capped.
pub fn backoff(base: Duration, attempt: u32, cap: Duration) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.min(16)).min(cap);
    let half = exp / 2;
    half + half.mul_f64(jitter())
}

/// A number in [0, 1) from the OS random source (no shared generator to lock).
fn jitter() -> f64 {
    let mut bytes = [0u8; 4];
    match getrandom::fill(&mut bytes) {
        Ok(()) => f64::from(u32::from_le_bytes(bytes)) / (f64::from(u32::MAX) + 1.0),
        Err(_) => 0.5,
    }
}

/// What may be retried after a failure to get a complete answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendFailure {
    /// Nothing reached the server (connection refused, DNS, TLS handshake).
    NotSent,
    /// The request may have been processed (timeout, reset, truncated body).
    MaybeProcessed,
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).expect("header"));
        }
        h
    }

    #[test]
    fn every_form_of_retry_after_is_read() {
        let s = |secs| Some(Duration::from_secs(secs));
        assert_eq!(hinted_wait(&headers(&[("retry-after", "3")]), b""), s(3));
        assert_eq!(hinted_wait(&headers(&[("retry-after", "13s")]), b""), s(13));
        assert_eq!(
            hinted_wait(&headers(&[("x-ratelimit-reset", "7")]), b""),
            s(7)
        );
        assert_eq!(
            hinted_wait(&headers(&[("ratelimit-reset", "2")]), b""),
            s(2)
        );
        assert_eq!(
            hinted_wait(&HeaderMap::new(), br#"{"Retry-After": "4 seconds"}"#),
            s(4)
        );
        assert_eq!(
            hinted_wait(&HeaderMap::new(), br#"{"retryAfter": 5}"#),
            s(5)
        );
        let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let wait = hinted_wait(&headers(&[("retry-after", &date)]), b"").expect("date");
        assert!(wait > Duration::from_secs(27) && wait <= Duration::from_secs(30));
        assert_eq!(hinted_wait(&HeaderMap::new(), b"{}"), None);
        assert_eq!(hinted_wait(&headers(&[("retry-after", "soon")]), b""), None);
    }

    #[test]
    fn backoff_grows_and_stays_under_the_cap() {
        let base = Duration::from_millis(100);
        let cap = Duration::from_secs(2);
        for attempt in 0..10 {
            let wait = backoff(base, attempt, cap);
            let exp = base.saturating_mul(1 << attempt).min(cap);
            assert!(wait >= exp / 2 && wait <= exp, "{attempt}: {wait:?}");
        }
    }
}
