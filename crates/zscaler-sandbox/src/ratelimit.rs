//! Zscaler's documented ZIA rate limits (`--rate-limits zscaler`): GET 2/s and 1000/h,
//! POST/PUT 1/s and 400/h, DELETE 1/min and 4/h. Exceeding one answers 429 with the wait in the
//! `Retry-After` header and in the JSON body.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use axum::http::Method;

/// One sliding-window budget.
#[derive(Debug)]
struct Window {
    limit: usize,
    span: Duration,
    hits: VecDeque<Instant>,
}

impl Window {
    fn new(limit: usize, span: Duration) -> Window {
        Window {
            limit,
            span,
            hits: VecDeque::new(),
        }
    }

    /// Seconds to wait before a hit is allowed (0 when allowed now).
    fn wait(&mut self, now: Instant) -> Duration {
        while self
            .hits
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.span)
        {
            self.hits.pop_front();
        }
        if self.hits.len() < self.limit {
            return Duration::ZERO;
        }
        self.hits
            .front()
            .map(|t| self.span.saturating_sub(now.duration_since(*t)))
            .unwrap_or_default()
    }
}

#[derive(Debug)]
struct Class {
    windows: Vec<Window>,
}

impl Class {
    fn new(windows: Vec<Window>) -> Class {
        Class { windows }
    }

    fn admit(&mut self, now: Instant) -> Result<(), Duration> {
        let wait = self
            .windows
            .iter_mut()
            .map(|w| w.wait(now))
            .max()
            .unwrap_or_default();
        if wait > Duration::ZERO {
            return Err(wait);
        }
        for w in &mut self.windows {
            w.hits.push_back(now);
        }
        Ok(())
    }
}

/// The ZIA budgets.
#[derive(Debug)]
pub struct ZiaLimits {
    get: Class,
    write: Class,
    delete: Class,
}

impl Default for ZiaLimits {
    fn default() -> Self {
        let s = Duration::from_secs(1);
        let m = Duration::from_secs(60);
        let h = Duration::from_secs(3600);
        ZiaLimits {
            get: Class::new(vec![Window::new(2, s), Window::new(1000, h)]),
            write: Class::new(vec![Window::new(1, s), Window::new(400, h)]),
            delete: Class::new(vec![Window::new(1, m), Window::new(4, h)]),
        }
    }
}

impl ZiaLimits {
    /// Admits a request or returns how long to wait (rounded up to whole seconds, at least 1).
    pub fn admit(&mut self, method: &Method) -> Result<(), u64> {
        let class = match *method {
            Method::GET | Method::HEAD => &mut self.get,
            Method::DELETE => &mut self.delete,
            _ => &mut self.write,
        };
        class.admit(Instant::now()).map_err(|wait| {
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            secs.max(1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_budget_is_two_per_second() {
        let mut l = ZiaLimits::default();
        assert!(l.admit(&Method::GET).is_ok());
        assert!(l.admit(&Method::GET).is_ok());
        assert_eq!(l.admit(&Method::GET), Err(1));
    }

    #[test]
    fn delete_budget_is_one_per_minute() {
        let mut l = ZiaLimits::default();
        assert!(l.admit(&Method::DELETE).is_ok());
        let wait = l.admit(&Method::DELETE).expect_err("limited");
        assert!((59..=60).contains(&wait), "{wait}");
    }
}
