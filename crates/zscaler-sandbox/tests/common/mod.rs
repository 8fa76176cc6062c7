//! Helpers for sandbox tests: start a sandbox on an ephemeral loopback port and talk to it over
//! real HTTP with a real OneAPI token.
#![allow(dead_code)]

use serde_json::Value;
use zscaler_sandbox::{RunningSandbox, Sandbox, SandboxConfig};

pub struct Client {
    pub sandbox: RunningSandbox,
    pub http: reqwest::Client,
    pub token: String,
}

/// reqwest is built with `rustls-no-provider` (for the TLS tests): install ring once.
pub fn crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub async fn start_with(config: SandboxConfig) -> Client {
    crypto();
    let sandbox = Sandbox::start(config).await.expect("sandbox starts");
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .expect("client");
    let token = fetch_token(&http, &sandbox).await;
    Client {
        sandbox,
        http,
        token,
    }
}

/// The sandbox as users run it: seeded timestamps relative to the start of today (UTC).
pub async fn start() -> Client {
    start_with(SandboxConfig::default()).await
}

/// A fixed anchor (2026-01-01T00:00:00Z), for tests that check exact dates or values.
pub const ANCHOR: i64 = 1_767_225_600;

/// The default configuration with the anchor pinned to [`ANCHOR`].
pub fn pinned() -> SandboxConfig {
    SandboxConfig {
        anchor: Some(ANCHOR),
        ..SandboxConfig::default()
    }
}

/// A sandbox whose seeded timestamps are relative to [`ANCHOR`], so the data is the same on
/// every day the tests run.
pub async fn start_pinned() -> Client {
    start_with(pinned()).await
}

pub async fn fetch_token(http: &reqwest::Client, sandbox: &RunningSandbox) -> String {
    let response = http
        .post(&sandbox.token_url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", sandbox.client_id.as_str()),
            ("client_secret", sandbox.client_secret.as_str()),
            ("audience", "https://api.zscaler.com"),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(response.status(), 200, "token endpoint");
    let body: Value = response.json().await.expect("token JSON");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

impl Client {
    /// `{customerId}` and `{zcellCustomerId}` in `path` are replaced by the sandbox's ids.
    pub fn url(&self, path: &str) -> String {
        let path = path
            .replace("{customerId}", &self.sandbox.customer_id)
            .replace("{zcellCustomerId}", &self.sandbox.zcell_customer_id);
        format!("{}{}", self.sandbox.base_url, path)
    }

    /// Sends a request with the bearer token; returns status and parsed JSON (Null if empty).
    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method.parse().expect("method"), self.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let bytes = response.bytes().await.expect("body");
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).expect("JSON body")
        };
        (status, value)
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.call("GET", path, None).await
    }

    /// GET that must succeed; returns the JSON.
    pub async fn ok(&self, path: &str) -> Value {
        let (status, body) = self.get(path).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    /// Admin API call with the admin token.
    pub async fn admin(&self, method: &str, path: &str, body: Option<Value>) -> reqwest::Response {
        let mut request = self
            .http
            .request(
                method.parse().expect("method"),
                format!("{}{}", self.sandbox.base_url, path),
            )
            .bearer_auth(&self.sandbox.admin_token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("admin request")
    }
}

/// The items of a bare-array answer.
pub fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().expect("bare array")
}

/// The `name` of every item of a bare-array answer.
pub fn names(v: &Value) -> Vec<String> {
    arr(v)
        .iter()
        .map(|r| r["name"].as_str().expect("name").to_string())
        .collect()
}
