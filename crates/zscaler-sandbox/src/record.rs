//! Recorded requests, served as JSON lines by `GET /_sandbox/requests`, so tests can count what
//! a client really sent (token requests, retries, pages).

use std::collections::VecDeque;

use serde::Serialize;

/// How many requests are kept; older ones are dropped first.
const CAPACITY: usize = 200_000;

#[derive(Debug, Clone, Serialize)]
pub struct Recorded {
    /// Sequence number since start (never reused, survives drops).
    pub seq: u64,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u128,
    pub method: String,
    pub path: String,
    pub query: String,
    pub status: u16,
    /// Fault injected, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    pub user_agent: Option<String>,
    pub body_bytes: usize,
    /// The request's JSON body (API requests up to 64 KiB; never the token request's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<serde_json::Value>,
    /// The OneAPI client: the `client_id` a token request named (never its secret), or the
    /// client an API request's bearer token was issued to (absent when the bearer is invalid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

#[derive(Debug, Default)]
pub struct Recorder {
    next: u64,
    items: VecDeque<Recorded>,
}

impl Recorder {
    pub fn push(&mut self, mut r: Recorded) {
        self.next += 1;
        r.seq = self.next;
        if self.items.len() == CAPACITY {
            self.items.pop_front();
        }
        self.items.push_back(r);
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// JSON lines of the requests after sequence number `since`.
    pub fn json_lines(&self, since: u64) -> String {
        let mut out = String::new();
        for r in self.items.iter().filter(|r| r.seq > since) {
            if let Ok(line) = serde_json::to_string(r) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }
}
