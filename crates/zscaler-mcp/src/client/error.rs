//! One error type for every Zscaler call, turned into a sentence an agent can act on.
//!
//! The API's own error body is read the way each service writes it (ZIA `code`/`message`, ZPA
//! `id`/`reason`/`params`, ZCC `title`/`errorMessage`, ZCell `msgId`/`detail`, GraphQL
//! `errors[]`). Messages never carry a credential, a token or raw HTML.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

use crate::service::Service;

/// What went wrong, in the terms an agent (or its operator) acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The OneAPI credentials were refused (token endpoint, or 401 after re-authenticating).
    Authentication,
    /// 403: the credentials lack the role or the product entitlement.
    PermissionDenied,
    /// 404.
    NotFound,
    /// 400/405/409/412/422: the API refused the request as given.
    InvalidRequest,
    /// 429 that did not clear within the call's retry budget.
    RateLimited,
    /// 5xx, connection failures, resets.
    Unavailable,
    /// The call's time bound ran out.
    Timeout,
    /// The API answered something that is not what the endpoint returns (bad JSON, wrong shape).
    BadResponse,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Authentication => "authentication_failed",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::NotFound => "not_found",
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Unavailable => "upstream_unavailable",
            ErrorKind::Timeout => "timeout",
            ErrorKind::BadResponse => "bad_response",
        }
    }
}

/// A failed Zscaler call.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub service: Service,
    /// `METHOD /path` of the call (no query string: it may carry search terms, never secrets,
    /// but it is noise in a message).
    pub operation: String,
    pub status: Option<u16>,
    /// The API's error code (`INVALID_INPUT_ARGUMENT`, `resource.not.found`, ...).
    pub code: Option<String>,
    /// The API's own message, or ours when the API gave none.
    pub message: String,
    /// The offending field, when the API names one.
    pub field: Option<String>,
    /// How long the API asked us to wait (rate limits).
    pub retry_after: Option<Duration>,
    /// Attempts made, retries included.
    pub attempts: u32,
}

impl ApiError {
    pub fn new(
        kind: ErrorKind,
        service: Service,
        operation: &str,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            kind,
            service,
            operation: operation.to_string(),
            status: None,
            code: None,
            message: message.into(),
            field: None,
            retry_after: None,
            attempts: 1,
        }
    }

    /// Reads an error response: status, and the body in the service's error shape.
    pub fn from_response(
        service: Service,
        operation: &str,
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Self {
        let kind = match status {
            401 => ErrorKind::Authentication,
            403 => ErrorKind::PermissionDenied,
            404 => ErrorKind::NotFound,
            429 => ErrorKind::RateLimited,
            408 | 504 => ErrorKind::Timeout,
            s if s >= 500 => ErrorKind::Unavailable,
            _ => ErrorKind::InvalidRequest,
        };
        let mut error = ApiError::new(kind, service, operation, "");
        error.status = Some(status);
        match serde_json::from_slice::<Value>(body) {
            Ok(json) => error.read_body(&json),
            Err(_) => {
                error.message = describe_non_json(content_type, body);
            }
        }
        if error.message.is_empty() {
            error.message = default_message(status).to_string();
        }
        error
    }

    /// A GraphQL answer whose `errors` array is not empty (HTTP 200 included).
    pub fn from_graphql(service: Service, operation: &str, status: u16, errors: &[Value]) -> Self {
        let first = errors.first();
        let classification = first
            .and_then(|e| e.pointer("/extensions/classification"))
            .and_then(Value::as_str);
        let kind = match classification {
            Some("UNAUTHORIZED" | "UNAUTHENTICATED") => ErrorKind::Authentication,
            Some("FORBIDDEN" | "PERMISSION_DENIED") => ErrorKind::PermissionDenied,
            Some("NOT_FOUND") => ErrorKind::NotFound,
            Some("INTERNAL_ERROR") => ErrorKind::Unavailable,
            _ => ErrorKind::InvalidRequest,
        };
        let messages: Vec<String> = errors
            .iter()
            .take(3)
            .filter_map(|e| e.get("message").and_then(Value::as_str))
            .map(|m| clip(m, 300))
            .collect();
        let mut error = ApiError::new(
            kind,
            service,
            operation,
            if messages.is_empty() {
                "the GraphQL query failed without a message".to_string()
            } else {
                messages.join("; ")
            },
        );
        error.status = Some(status);
        error.code = classification.map(str::to_string);
        error.field = first
            .and_then(|e| e.get("path"))
            .and_then(Value::as_array)
            .map(|p| {
                p.iter()
                    .map(|s| match s {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(".")
            })
            .filter(|p| !p.is_empty());
        error
    }

    fn read_body(&mut self, json: &Value) {
        let text = |keys: &[&str]| {
            keys.iter()
                .filter_map(|k| json.get(*k))
                .find_map(|v| match v {
                    Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
        };
        self.code = text(&["code", "id", "errorCode", "title", "msgId", "error"]);
        self.message = text(&[
            "message",
            "reason",
            "errorDetails",
            "errorMessage",
            "detail",
            "error_description",
        ])
        .map(|m| clip(&m, 500))
        .unwrap_or_default();
        self.field = text(&["field", "fieldName", "param"]).or_else(|| {
            json.get("params")
                .and_then(Value::as_array)
                .and_then(|p| p.first())
                .and_then(Value::as_str)
                .map(str::to_string)
        });
        if let Some(errors) = json.get("errors").and_then(Value::as_array)
            && self.message.is_empty()
        {
            let graphql = ApiError::from_graphql(self.service, &self.operation, 0, errors);
            self.message = graphql.message;
        }
    }

    /// True when the API said the ZIA configuration is locked by another admin session.
    pub fn is_edit_lock(&self) -> bool {
        self.status == Some(409)
            && (self.code.as_deref() == Some("EDIT_LOCK_NOT_AVAILABLE")
                || self.message.contains("EDIT_LOCK_NOT_AVAILABLE"))
    }

    /// A short machine-readable form (for `structuredContent` and logs).
    pub fn to_json(&self) -> Value {
        let mut out = serde_json::json!({
            "error": self.kind.as_str(),
            "service": self.service.code(),
            "operation": self.operation,
            "message": self.to_string(),
        });
        if let Value::Object(map) = &mut out {
            if let Some(s) = self.status {
                map.insert("status".into(), s.into());
            }
            if let Some(c) = &self.code {
                map.insert("code".into(), c.clone().into());
            }
            if let Some(f) = &self.field {
                map.insert("field".into(), f.clone().into());
            }
            if let Some(w) = self.retry_after {
                map.insert("retry_after_seconds".into(), w.as_secs_f64().ceil().into());
            }
            map.insert("attempts".into(), self.attempts.into());
        }
        out
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let service = self.service.code().to_ascii_uppercase();
        let op = &self.operation;
        match self.kind {
            ErrorKind::Authentication => write!(f, "{service} authentication failed ({op})")?,
            ErrorKind::PermissionDenied => write!(
                f,
                "{service} permission denied ({op}): the API client lacks the role or the product entitlement for this call"
            )?,
            ErrorKind::NotFound => write!(f, "{service} not found ({op})")?,
            ErrorKind::InvalidRequest => write!(f, "{service} refused the request ({op})")?,
            ErrorKind::RateLimited => write!(f, "{service} rate limit reached ({op})")?,
            ErrorKind::Unavailable => write!(f, "{service} is unavailable ({op})")?,
            ErrorKind::Timeout => write!(f, "{service} did not answer in time ({op})")?,
            ErrorKind::BadResponse => write!(f, "{service} sent an unreadable answer ({op})")?,
        }
        if let Some(status) = self.status {
            write!(f, ", HTTP {status}")?;
        }
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        if let Some(field) = &self.field {
            write!(f, " (field: {field})")?;
        }
        if let Some(wait) = self.retry_after {
            write!(f, "; the API asks to wait {} s", wait.as_secs_f64().ceil())?;
        }
        if self.attempts > 1 {
            write!(f, " [after {} attempts]", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

fn default_message(status: u16) -> &'static str {
    match status {
        400 => "the request is invalid",
        401 => "the access token was refused",
        403 => "access denied",
        404 => "no such resource",
        405 => "method not allowed on this resource",
        409 => "conflict with the current state of the resource",
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ => "the request failed",
    }
}

/// A non-JSON body, described without echoing markup.
fn describe_non_json(content_type: Option<&str>, body: &[u8]) -> String {
    let kind = content_type
        .and_then(|c| c.split(';').next())
        .unwrap_or("no content type")
        .trim();
    let text = String::from_utf8_lossy(body);
    let looks_like_markup = kind.contains("html") || text.trim_start().starts_with('<');
    if body.is_empty() {
        String::new()
    } else if looks_like_markup {
        format!(
            "the API answered with an HTML page ({} bytes), not JSON",
            body.len()
        )
    } else {
        format!(
            "the API answered non-JSON text ({kind}): {}",
            clip(text.trim(), 200)
        )
    }
}

/// At most `max` characters, control characters removed, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == ' ')
        .collect();
    if clean.chars().count() <= max {
        clean
    } else {
        let mut cut: String = clean.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(status: u16, body: &str) -> ApiError {
        ApiError::from_response(
            Service::Zpa,
            "GET /x",
            status,
            Some("application/json"),
            body.as_bytes(),
        )
    }

    #[test]
    fn each_services_error_shape_is_read() {
        let zia = read(
            400,
            r#"{"code":"INVALID_INPUT_ARGUMENT","message":"Bad name"}"#,
        );
        assert_eq!(zia.code.as_deref(), Some("INVALID_INPUT_ARGUMENT"));
        assert_eq!(zia.message, "Bad name");
        assert_eq!(zia.kind, ErrorKind::InvalidRequest);
        let zpa = read(
            404,
            r#"{"id":"resource.not.found","reason":"No app","params":["appId"]}"#,
        );
        assert_eq!(zpa.kind, ErrorKind::NotFound);
        assert_eq!(zpa.field.as_deref(), Some("appId"));
        assert_eq!(
            zpa.to_string(),
            "ZPA not found (GET /x), HTTP 404 resource.not.found: No app (field: appId)"
        );
        let zcc = read(403, r#"{"title":"Forbidden","errorMessage":"no role"}"#);
        assert_eq!(zcc.kind, ErrorKind::PermissionDenied);
        assert_eq!(zcc.message, "no role");
        let zcell = read(400, r#"{"msgId":"invalid.access","detail":"bad size"}"#);
        assert_eq!(zcell.code.as_deref(), Some("invalid.access"));
        assert_eq!(zcell.message, "bad size");
    }

    #[test]
    fn html_is_never_echoed() {
        let e = ApiError::from_response(
            Service::Zia,
            "GET /x",
            502,
            Some("text/html"),
            b"<html><script>alert(1)</script></html>",
        );
        assert!(!e.to_string().contains('<'), "{e}");
        assert!(e.to_string().contains("HTML page"), "{e}");
    }

    #[test]
    fn graphql_errors_are_failures_with_their_path() {
        let errors = serde_json::json!([{"message": "Unknown field 'x'", "path": ["resources", 0],
            "extensions": {"classification": "ValidationError"}}]);
        let e = ApiError::from_graphql(
            Service::Zms,
            "POST /zms/graphql",
            200,
            errors.as_array().map(Vec::as_slice).unwrap_or_default(),
        );
        assert_eq!(e.kind, ErrorKind::InvalidRequest);
        assert_eq!(e.field.as_deref(), Some("resources.0"));
        assert!(e.to_string().contains("Unknown field 'x'"));
    }
}
