//! One call to a Zscaler API, as the tool pipeline describes it, and its answer.

use http::Method;
use serde_json::Value;

use crate::service::Service;

/// A request relative to the OneAPI gateway.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub service: Service,
    pub method: Method,
    /// Path under the gateway, starting with `/` (e.g. `/zia/api/v1/users`), already
    /// percent-encoded where it carries ids.
    pub path: String,
    /// Query pairs in order; repeated keys are sent repeated.
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    /// Safe to send twice: GET, PUT, DELETE, and read-only POSTs (searches, GraphQL queries).
    /// A non-idempotent request is never re-sent once it may have reached the server.
    pub idempotent: bool,
}

impl ApiRequest {
    pub fn new(service: Service, method: Method, path: impl Into<String>) -> ApiRequest {
        let idempotent = matches!(
            method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        );
        ApiRequest {
            service,
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            idempotent,
        }
    }

    pub fn get(service: Service, path: impl Into<String>) -> ApiRequest {
        ApiRequest::new(service, Method::GET, path)
    }

    pub fn post(service: Service, path: impl Into<String>, body: Value) -> ApiRequest {
        ApiRequest::new(service, Method::POST, path).body(body)
    }

    pub fn query(mut self, key: impl Into<String>, value: impl Into<String>) -> ApiRequest {
        self.query.push((key.into(), value.into()));
        self
    }

    pub fn body(mut self, body: Value) -> ApiRequest {
        self.body = Some(body);
        self
    }

    /// Marks a POST that only reads (search, GraphQL query) as safe to retry.
    pub fn read_only(mut self) -> ApiRequest {
        self.idempotent = true;
        self
    }

    /// Sets (or replaces) one query parameter.
    pub fn set_query(&mut self, key: &str, value: String) {
        self.query.retain(|(k, _)| k != key);
        self.query.push((key.to_string(), value));
    }

    /// Sets a query parameter unless the caller already chose its value.
    pub fn default_query(&mut self, key: &str, value: String) {
        if !self.query.iter().any(|(k, _)| k == key) {
            self.query.push((key.to_string(), value));
        }
    }

    /// `METHOD /path`, for messages and logs.
    pub fn operation(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// A successful answer.
#[derive(Debug, Clone)]
pub struct ApiResponse {
    pub status: u16,
    /// The JSON body; `Null` for an empty body (204).
    pub body: Value,
    /// Size of the body on the wire.
    pub bytes: usize,
    /// Attempts it took, retries included.
    pub attempts: u32,
    /// Set when the answer is not the API's own but inferred (a retried DELETE that found the
    /// resource already gone).
    pub note: Option<String>,
}
