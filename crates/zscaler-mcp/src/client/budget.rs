//! Client-side rate budgets and concurrency caps, so that the server's own load never earns it
//! a 429 from Zscaler.
//!
//! ZIA and ZTW publish per-method limits (GET 2/s and 1000/h, POST/PUT 1/s and 400/h, DELETE
//! 1/min and 4/h); each is a sliding window, as the tenant counts them. A call reserves the
//! earliest send time every window of its class allows and sleeps until then, so concurrent
//! calls queue in arrival order. A
//! reservation that would not be due before the call's deadline is given back and reported as a
//! rate-limit error instead of sleeping past it. Every service also has a concurrency cap.
//!
//! With a shared state store ([`crate::state`]), replicas draw from one budget per tenant: the
//! same windows, kept in Redis. Should the store fail, this replica falls back to its own
//! windows (and warns) rather than stop calling Zscaler.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use crate::service::Service;
use crate::state::{Degraded, Reservation, SharedState, WindowSpec};

/// Which budget a method draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MethodClass {
    Get,
    /// POST, PUT, PATCH.
    Write,
    Delete,
}

impl MethodClass {
    pub fn of(method: &http::Method) -> MethodClass {
        match *method {
            http::Method::GET | http::Method::HEAD => MethodClass::Get,
            http::Method::DELETE => MethodClass::Delete,
            _ => MethodClass::Write,
        }
    }
    fn name(self) -> &'static str {
        match self {
            MethodClass::Get => "get",
            MethodClass::Write => "write",
            MethodClass::Delete => "delete",
        }
    }
}

/// `count` calls per `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub count: u32,
    pub per: Duration,
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.per.as_secs() {
            1 => "s",
            60 => "min",
            3600 => "h",
            86_400 => "d",
            _ => return write!(f, "{}/{}s", self.count, self.per.as_secs()),
        };
        write!(f, "{}/{unit}", self.count)
    }
}

/// The budgets in force: per service and method class, the windows to respect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    pub rules: Vec<(Service, MethodClass, Vec<Window>)>,
}

impl RateLimits {
    /// Zscaler's documented limits for ZIA and ZTW.
    pub fn zscaler() -> RateLimits {
        let w = |count, secs| Window {
            count,
            per: Duration::from_secs(secs),
        };
        let mut rules = Vec::new();
        for service in [Service::Zia, Service::Ztw] {
            rules.push((service, MethodClass::Get, vec![w(2, 1), w(1000, 3600)]));
            rules.push((service, MethodClass::Write, vec![w(1, 1), w(400, 3600)]));
            rules.push((service, MethodClass::Delete, vec![w(1, 60), w(4, 3600)]));
        }
        RateLimits { rules }
    }

    pub fn off() -> RateLimits {
        RateLimits { rules: Vec::new() }
    }

    /// `zscaler`, `off`, or `zscaler` with overrides:
    /// `zia.get=5/s+2000/h,ztw.delete=2/min` (a class set to `off` has no budget).
    pub fn parse(text: &str) -> Result<RateLimits, String> {
        let text = text.trim();
        match text.to_ascii_lowercase().as_str() {
            "zscaler" | "" => return Ok(RateLimits::zscaler()),
            "off" | "none" => return Ok(RateLimits::off()),
            _ => {}
        }
        let mut limits = RateLimits::zscaler();
        for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (key, windows) = item
                .split_once('=')
                .ok_or_else(|| format!("'{item}' is not SERVICE.CLASS=WINDOWS"))?;
            let (service, class) = key
                .trim()
                .split_once('.')
                .ok_or_else(|| format!("'{key}' is not SERVICE.CLASS"))?;
            let service = Service::ALL
                .into_iter()
                .find(|s| s.code().eq_ignore_ascii_case(service.trim()))
                .ok_or_else(|| format!("unknown service '{service}'"))?;
            let class = match class.trim().to_ascii_lowercase().as_str() {
                "get" => MethodClass::Get,
                "write" | "post" | "put" => MethodClass::Write,
                "delete" => MethodClass::Delete,
                other => {
                    return Err(format!(
                        "unknown method class '{other}' (get, write, delete)"
                    ));
                }
            };
            let windows = if windows.trim().eq_ignore_ascii_case("off") {
                Vec::new()
            } else {
                windows
                    .split('+')
                    .map(parse_window)
                    .collect::<Result<Vec<_>, _>>()?
            };
            limits
                .rules
                .retain(|(s, c, _)| !(*s == service && *c == class));
            if !windows.is_empty() {
                limits.rules.push((service, class, windows));
            }
        }
        Ok(limits)
    }

    /// One line for logs and `zscaler_get_server_info`.
    pub fn describe(&self) -> String {
        if self.rules.is_empty() {
            return "off".to_string();
        }
        self.rules
            .iter()
            .map(|(s, c, w)| {
                let windows: Vec<String> = w.iter().map(Window::to_string).collect();
                format!("{}.{}={}", s.code(), c.name(), windows.join("+"))
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn parse_window(text: &str) -> Result<Window, String> {
    let text = text.trim();
    let (count, unit) = text
        .split_once('/')
        .ok_or_else(|| format!("'{text}' is not COUNT/UNIT (e.g. 2/s, 400/h)"))?;
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("'{count}' is not a positive count"))?;
    let secs = match unit.trim() {
        "s" | "sec" | "second" => 1,
        "m" | "min" | "minute" => 60,
        "h" | "hour" => 3600,
        "d" | "day" => 86_400,
        other => return Err(format!("unknown unit '{other}' (s, min, h, d)")),
    };
    Ok(Window {
        count,
        per: Duration::from_secs(secs),
    })
}

/// One sliding window: at most `limit` calls in any span of `per`, as Zscaler counts them.
/// `sends` holds the scheduled send times (past and reserved future ones), in order.
#[derive(Debug)]
struct Slide {
    limit: usize,
    per: Duration,
    sends: VecDeque<Instant>,
}

impl Slide {
    fn new(window: Window) -> Slide {
        Slide {
            limit: window.count.max(1) as usize,
            per: window.per,
            sends: VecDeque::new(),
        }
    }

    /// The earliest send time at or after `now` that keeps this window within its limit.
    /// A small margin absorbs the jitter between our clock and the tenant's arrival times.
    fn earliest(&mut self, now: Instant) -> Instant {
        while self
            .sends
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= self.per)
        {
            self.sends.pop_front();
        }
        if self.sends.len() < self.limit {
            return now;
        }
        let margin = (self.per / 20).min(Duration::from_millis(250));
        let blocking = self.sends[self.sends.len() - self.limit];
        (blocking + self.per + margin).max(now)
    }
}

/// The budgets and concurrency caps of one client.
pub struct Budgets {
    windows: Mutex<HashMap<(Service, MethodClass), Vec<Slide>>>,
    limits: RateLimits,
    concurrency: HashMap<Service, Arc<Semaphore>>,
    /// The replicas' shared budget and the tenant's name in it.
    shared: Option<(SharedState, String)>,
}

/// A reservation could not be met before the deadline.
#[derive(Debug, Clone, Copy)]
pub struct OverBudget {
    pub wait: Duration,
}

impl Budgets {
    pub fn new(limits: RateLimits, concurrency_per_service: usize) -> Budgets {
        let windows = limits
            .rules
            .iter()
            .map(|(s, c, windows)| ((*s, *c), windows.iter().map(|w| Slide::new(*w)).collect()))
            .collect();
        let concurrency = Service::ALL
            .into_iter()
            .map(|s| (s, Arc::new(Semaphore::new(concurrency_per_service.max(1)))))
            .collect();
        Budgets {
            windows: Mutex::new(windows),
            limits,
            concurrency,
            shared: None,
        }
    }

    /// Draws from `store`'s budget for `tenant` (a stable, non-secret name of the tenant and
    /// OneAPI client) instead of this process's own.
    pub fn shared(mut self, store: Option<SharedState>, tenant: &str) -> Budgets {
        self.shared = store.map(|s| (s, tenant.to_string()));
        self
    }

    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    /// Takes one call's worth from the budget of `service` and `class`, waiting until it is
    /// due. Refuses (without taking anything) when it would not be due within `max_wait`.
    pub async fn take(
        &self,
        service: Service,
        class: MethodClass,
        max_wait: Duration,
    ) -> Result<(), OverBudget> {
        if let Some((store, tenant)) = &self.shared
            && let Some(rule) = self
                .limits
                .rules
                .iter()
                .find(|(s, c, _)| *s == service && *c == class)
        {
            let windows: Vec<WindowSpec> = rule
                .2
                .iter()
                .map(|w| WindowSpec {
                    count: w.count,
                    per: w.per,
                })
                .collect();
            let budget = format!("{tenant}:{}:{}", service.code(), class.name());
            match store.reserve(&budget, &windows, max_wait).await {
                Ok(Reservation::Booked { wait }) => {
                    self.sleep(service, class, wait).await;
                    return Ok(());
                }
                Ok(Reservation::TooFar { wait }) => return Err(OverBudget { wait }),
                Err(e) => store.degraded(Degraded::Budget, &e),
            }
        }
        let wait = {
            let mut all = match self.windows.lock() {
                Ok(w) => w,
                Err(poisoned) => poisoned.into_inner(),
            };
            let Some(windows) = all.get_mut(&(service, class)) else {
                return Ok(());
            };
            let now = Instant::now();
            // First in, first out: never before a call already waiting.
            let queued = windows.iter().filter_map(|w| w.sends.back().copied()).max();
            let at = windows
                .iter_mut()
                .map(|w| w.earliest(now))
                .max()
                .unwrap_or(now)
                .max(queued.unwrap_or(now));
            let wait = at.saturating_duration_since(now);
            if wait > max_wait {
                return Err(OverBudget { wait });
            }
            for w in windows.iter_mut() {
                w.sends.push_back(at);
            }
            wait
        };
        self.sleep(service, class, wait).await;
        Ok(())
    }

    async fn sleep(&self, service: Service, class: MethodClass, wait: Duration) {
        if !wait.is_zero() {
            tracing::debug!(
                service = service.code(),
                class = class.name(),
                wait_ms = wait.as_millis() as u64,
                "waiting for the client-side rate budget"
            );
            crate::metrics::rate_limit_wait(service.code(), wait);
            tokio::time::sleep(wait).await;
        }
    }

    /// A slot among the service's concurrent calls.
    pub async fn slot(&self, service: Service) -> Option<OwnedSemaphorePermit> {
        let sem = self.concurrency.get(&service)?.clone();
        sem.acquire_owned().await.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_one_class_and_keep_the_rest() {
        let limits = RateLimits::parse("zia.get=5/s+2000/h,ztw.delete=off").expect("parse");
        let zia_get = limits
            .rules
            .iter()
            .find(|(s, c, _)| *s == Service::Zia && *c == MethodClass::Get)
            .expect("zia get");
        assert_eq!(zia_get.2.len(), 2);
        assert_eq!(zia_get.2[0].count, 5);
        assert!(
            !limits
                .rules
                .iter()
                .any(|(s, c, _)| *s == Service::Ztw && *c == MethodClass::Delete)
        );
        assert!(limits.describe().contains("zia.delete=1/min+4/h"));
        for bad in [
            "zia.get",
            "zia.get=2",
            "zia.post=0/s",
            "zzz.get=1/s",
            "zia.get=1/week",
        ] {
            assert!(RateLimits::parse(bad).is_err(), "{bad}");
        }
        assert!(RateLimits::parse("off").expect("off").rules.is_empty());
    }

    #[tokio::test(start_paused = true)]
    async fn a_window_spaces_calls_and_refuses_past_the_deadline() {
        let budgets = Budgets::new(RateLimits::zscaler(), 4);
        let start = tokio::time::Instant::now();
        for _ in 0..6 {
            budgets
                .take(Service::Zia, MethodClass::Get, Duration::from_secs(10))
                .await
                .expect("within budget");
        }
        // Two per second in any one-second window: pairs at 0 s, 1.05 s and 2.1 s (with the
        // margin).
        let elapsed = start.elapsed();
        assert!(elapsed >= Duration::from_millis(2100), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(2200), "{elapsed:?}");
        let refused = budgets
            .take(Service::Zia, MethodClass::Delete, Duration::from_secs(10))
            .await;
        assert!(refused.is_ok(), "the first delete is free");
        let refused = budgets
            .take(Service::Zia, MethodClass::Delete, Duration::from_secs(10))
            .await
            .expect_err("the second delete must wait a minute");
        assert!(refused.wait > Duration::from_secs(50));
        // ZPA has no published budget.
        budgets
            .take(Service::Zpa, MethodClass::Delete, Duration::ZERO)
            .await
            .expect("no budget");
    }
}
