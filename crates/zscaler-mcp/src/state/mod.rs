//! State shared by replicas (`ZSCALER_MCP_STATE_STORE=redis://...`): what one server process
//! would otherwise keep to itself, kept in Redis so that every replica behind a load balancer
//! sees the same thing.
//!
//! - **Single-use marks** ([`SharedState::spend_once`]): a delete confirmation spent on one
//!   replica is spent on all of them (`SET NX` with the confirmation's own expiry).
//! - **The tenant's Zscaler rate budget** ([`SharedState::reserve`]): Zscaler counts its limits
//!   per tenant, so the replicas draw from one set of sliding windows (one sorted set of send
//!   times per window, updated by one script so two replicas never book the same slot).
//! - **Requests per caller** ([`SharedState::admit`]): one GCRA state per caller for all
//!   replicas.
//!
//! Every operation runs as one Lua script (atomic on the Redis server) and reads the time from
//! Redis (`TIME`), so replicas whose clocks differ still agree. Each has a short response
//! timeout: a Redis that is down or slow gives an error quickly, and each caller decides what
//! that means. Confirmations fail closed; budgets and caller limits fall back to this
//! replica's own counters and warn ([`Degraded`]).
//!
//! The default store is this process's memory: nothing here is used and nothing to install.
//! This module is a leaf: it knows Redis, not the server.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, Script};

/// How long one Redis operation may take before it counts as failed.
const RESPONSE_TIMEOUT: Duration = Duration::from_millis(750);
/// How long a (re)connection may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// At most one "degraded" warning per this many seconds per kind of operation.
const WARN_EVERY_SECS: u64 = 30;

/// A Redis operation failed: unreachable, too slow, or refused. The message names no secret.
#[derive(Debug, Clone)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the shared state store failed: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

fn store_error(e: redis::RedisError) -> StoreError {
    // RedisError's text can quote the command, never the URL or password.
    StoreError(if e.is_timeout() {
        "no answer in time".to_string()
    } else if e.is_connection_refusal() || e.is_io_error() || e.is_connection_dropped() {
        "cannot reach it".to_string()
    } else {
        e.to_string()
    })
}

/// One sliding window of a rate budget: at most `count` sends in any span of `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSpec {
    pub count: u32,
    pub per: Duration,
}

/// The outcome of a budget reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// Booked: send after waiting this long.
    Booked { wait: Duration },
    /// Not booked: the earliest slot is this far away, beyond the caller's deadline.
    TooFar { wait: Duration },
}

/// The Redis store shared by replicas. Cheap to clone.
#[derive(Clone)]
pub struct SharedState {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    /// Made on first use (inside the runtime), then reconnecting by itself.
    connection: tokio::sync::OnceCell<ConnectionManager>,
    /// `redis://host:port/db`, without credentials: for logs and server info.
    described: String,
    /// Key prefix, so several deployments can share one Redis.
    prefix: String,
    spend: Script,
    reserve: Script,
    admit: Script,
    warned: [AtomicU64; 2],
}

impl fmt::Debug for SharedState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedState")
            .field("store", &self.inner.described)
            .field("prefix", &self.inner.prefix)
            .finish()
    }
}

/// What falling back to local state is about, for [`SharedState::degraded`].
#[derive(Debug, Clone, Copy)]
pub enum Degraded {
    /// The tenant's Zscaler rate budget.
    Budget,
    /// Requests per caller.
    CallerLimit,
}

/// `redis://user:password@host:port/db` → `redis://host:port/db`.
pub fn describe_url(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("redis", url));
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    format!("{scheme}://{rest}")
}

const SPEND: &str = r"
-- KEYS[1]: the mark; ARGV[1]: its expiry, Unix seconds. 1: fresh (now spent), 0: spent before.
local t = redis.call('TIME')
local ttl = tonumber(ARGV[1]) - tonumber(t[1])
if ttl < 1 then ttl = 1 end
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ttl) then return 1 end
return 0
";

const RESERVE: &str = r"
-- KEYS: one sorted set of send times (ms) per window. ARGV[1]: the most the caller waits (ms);
-- ARGV[2]: this booking's member; then count, per (ms) for each window.
-- Returns {1, wait_ms} when booked, {0, wait_ms} when the earliest slot is too far.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local max_wait = tonumber(ARGV[1])
local at = now
for i = 1, #KEYS do
  local limit = tonumber(ARGV[1 + 2 * i])
  local per = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - per)
  local last = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
  if last[2] and tonumber(last[2]) > at then at = tonumber(last[2]) end
  local n = redis.call('ZCARD', KEYS[i])
  if n >= limit then
    local blocking = redis.call('ZRANGE', KEYS[i], n - limit, n - limit, 'WITHSCORES')
    local margin = math.min(math.floor(per / 20), 250)
    local due = tonumber(blocking[2]) + per + margin
    if due > at then at = due end
  end
end
local wait = at - now
if wait > max_wait then return {0, wait} end
for i = 1, #KEYS do
  local per = tonumber(ARGV[2 + 2 * i])
  redis.call('ZADD', KEYS[i], at, ARGV[2])
  redis.call('PEXPIRE', KEYS[i], wait + per + 1000)
end
return {1, wait}
";

const ADMIT: &str = r"
-- GCRA. KEYS[1]: the caller's theoretical arrival time (us). ARGV[1]: emission interval (us);
-- ARGV[2]: burst (requests). Returns {1, 0} when admitted, {0, wait_us} when not.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - tolerance
if now < allow_at then return {0, allow_at - now} end
redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1000)
return {1, 0}
";

impl SharedState {
    /// A store at `url` (`redis://` or `rediss://`), keys under `prefix`. Connects lazily:
    /// call [`Self::check`] to find out at startup whether it answers.
    pub fn redis(url: &str, prefix: &str) -> Result<SharedState, StoreError> {
        let client = Client::open(url).map_err(|e| StoreError(format!("invalid URL ({e})")))?;
        Ok(SharedState {
            inner: Arc::new(Inner {
                client,
                connection: tokio::sync::OnceCell::new(),
                described: describe_url(url),
                prefix: prefix.trim_end_matches(':').to_string(),
                spend: Script::new(SPEND),
                reserve: Script::new(RESERVE),
                admit: Script::new(ADMIT),
                warned: [AtomicU64::new(0), AtomicU64::new(0)],
            }),
        })
    }

    /// `redis://host:port/db` (no credentials).
    pub fn describe(&self) -> &str {
        &self.inner.described
    }

    fn key(&self, parts: &[&str]) -> String {
        let mut key = self.inner.prefix.clone();
        for p in parts {
            key.push(':');
            key.push_str(p);
        }
        key
    }

    /// The connection, made on first use; a failed first connection is tried again next time.
    async fn connection(&self) -> Result<ConnectionManager, StoreError> {
        let made = self.inner.connection.get_or_try_init(|| async {
            let config = ConnectionManagerConfig::new()
                .set_connection_timeout(Some(CONNECT_TIMEOUT))
                .set_response_timeout(Some(RESPONSE_TIMEOUT))
                .set_number_of_retries(1)
                .set_max_delay(Duration::from_millis(500));
            match tokio::time::timeout(
                CONNECT_TIMEOUT + RESPONSE_TIMEOUT,
                self.inner.client.get_connection_manager_with_config(config),
            )
            .await
            {
                Ok(made) => made.map_err(store_error),
                Err(_) => Err(StoreError("no answer in time".to_string())),
            }
        });
        made.await.cloned()
    }

    /// One round trip: `Ok` when the store answers.
    pub async fn check(&self) -> Result<(), StoreError> {
        let mut c = self.connection().await?;
        let pong: String = redis::cmd("PING")
            .query_async(&mut c)
            .await
            .map_err(store_error)?;
        if pong == "PONG" {
            Ok(())
        } else {
            Err(StoreError(format!("unexpected answer to PING: {pong}")))
        }
    }

    /// Marks `id` of `namespace` as used until `expires_unix` (Unix seconds). `Ok(true)`: it was
    /// not used before (this call spent it); `Ok(false)`: already used.
    pub async fn spend_once(
        &self,
        namespace: &str,
        id: &str,
        expires_unix: u64,
    ) -> Result<bool, StoreError> {
        let mut c = self.connection().await?;
        let fresh: i64 = self
            .inner
            .spend
            .key(self.key(&["spent", namespace, id]))
            .arg(expires_unix)
            .invoke_async(&mut c)
            .await
            .map_err(store_error)?;
        Ok(fresh == 1)
    }

    /// Books the earliest send time that keeps every window of `budget` (a name such as
    /// `tenant-digest:zia:get`) within its limit, unless it is more than `max_wait` away.
    pub async fn reserve(
        &self,
        budget: &str,
        windows: &[WindowSpec],
        max_wait: Duration,
    ) -> Result<Reservation, StoreError> {
        if windows.is_empty() {
            return Ok(Reservation::Booked {
                wait: Duration::ZERO,
            });
        }
        // One hash tag for the budget's keys: a Redis Cluster keeps them on one node.
        let tag = format!("{{{budget}}}");
        let mut invocation = self.inner.reserve.prepare_invoke();
        for w in windows {
            invocation.key(self.key(&[
                "budget",
                &tag,
                &format!("{}x{}ms", w.count, w.per.as_millis()),
            ]));
        }
        invocation
            .arg(max_wait.as_millis() as u64)
            .arg(booking_id());
        for w in windows {
            invocation
                .arg(w.count.max(1))
                .arg(w.per.as_millis().max(1) as u64);
        }
        let mut c = self.connection().await?;
        let (booked, wait_ms): (i64, i64) =
            invocation.invoke_async(&mut c).await.map_err(store_error)?;
        let wait = Duration::from_millis(wait_ms.max(0) as u64);
        Ok(if booked == 1 {
            Reservation::Booked { wait }
        } else {
            Reservation::TooFar { wait }
        })
    }

    /// One request of `caller` against `count` per `per` (burst: the whole count). `Ok(Ok)`:
    /// admitted; `Ok(Err(wait))`: over the limit for `wait`.
    pub async fn admit(
        &self,
        caller: &str,
        count: u32,
        per: Duration,
    ) -> Result<Result<(), Duration>, StoreError> {
        let count = count.max(1);
        let interval_us = (per.as_micros() / u128::from(count)).max(1) as u64;
        let mut c = self.connection().await?;
        let (admitted, wait_us): (i64, i64) = self
            .inner
            .admit
            .key(self.key(&["caller", &digest(caller)]))
            .arg(interval_us)
            .arg(count)
            .invoke_async(&mut c)
            .await
            .map_err(store_error)?;
        Ok(if admitted == 1 {
            Ok(())
        } else {
            Err(Duration::from_micros(wait_us.max(0) as u64))
        })
    }

    /// Logs that `what` falls back to this replica's own counters because of `error`, at most
    /// once per 30 s per kind.
    pub fn degraded(&self, what: Degraded, error: &StoreError) {
        let slot = match what {
            Degraded::Budget => 0,
            Degraded::CallerLimit => 1,
        };
        let now = unix_now();
        let last = self.inner.warned[slot].load(Ordering::Relaxed);
        if now.saturating_sub(last) < WARN_EVERY_SECS {
            return;
        }
        if self.inner.warned[slot]
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
        {
            return;
        }
        let what = match what {
            Degraded::Budget => {
                "the tenant's Zscaler rate budget is counted by this replica alone until it \
                 answers (replicas together may exceed it)"
            }
            Degraded::CallerLimit => {
                "requests per caller are counted by this replica alone until it answers"
            }
        };
        tracing::warn!(store = %self.inner.described, "{error}: {what}");
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A unique member for one booking.
fn booking_id() -> String {
    let mut bytes = [0u8; 12];
    if getrandom::fill(&mut bytes).is_err() {
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        bytes.copy_from_slice(&t.to_le_bytes()[..12]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// How names appear in Redis keys (callers, tenants): a digest, so no principal, address or
/// client id is stored in clear.
pub fn digest(text: &str) -> String {
    use sha2::Digest as _;
    let d = sha2::Sha256::digest(text.as_bytes());
    d[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_drop_credentials_and_options() {
        assert_eq!(
            describe_url("redis://user:p%40ss@redis.internal:6380/2?protocol=resp3"),
            "redis://redis.internal:6380/2"
        );
        assert_eq!(
            describe_url("rediss://:secret@cache:6379"),
            "rediss://cache:6379"
        );
        assert_eq!(describe_url("redis://127.0.0.1"), "redis://127.0.0.1");
    }

    #[test]
    fn a_bad_url_is_refused_without_echoing_it() {
        let e = SharedState::redis("http://user:hunter2@host", "p").expect_err("not redis");
        assert!(!e.to_string().contains("hunter2"), "{e}");
    }
}
