//! Error answers in each service's own shape, so clients parse them as they would the real ones.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::product::Product;

/// An error answer: status plus the service-shaped JSON body.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
    /// Extra headers (e.g. `Retry-After`).
    pub headers: Vec<(&'static str, String)>,
}

/// What went wrong, independent of the service's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    InvalidInput,
    NotFound,
    Duplicate,
    Unauthorized,
    Forbidden,
    EditLock,
    RateLimited,
    Unavailable,
    Internal,
    MethodNotAllowed,
}

impl Kind {
    fn status(self) -> StatusCode {
        match self {
            Kind::InvalidInput => StatusCode::BAD_REQUEST,
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Duplicate | Kind::EditLock => StatusCode::CONFLICT,
            Kind::Unauthorized => StatusCode::UNAUTHORIZED,
            Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Kind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Kind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        }
    }

    /// ZIA-style upper-case code.
    fn zia_code(self) -> &'static str {
        match self {
            Kind::InvalidInput => "INVALID_INPUT_ARGUMENT",
            Kind::NotFound => "RESOURCE_NOT_FOUND",
            Kind::Duplicate => "DUPLICATE_ITEM",
            Kind::Unauthorized => "AUTHENTICATION_FAILED",
            Kind::Forbidden => "NOT_AUTHORIZED",
            Kind::EditLock => "EDIT_LOCK_NOT_AVAILABLE",
            Kind::RateLimited => "RATE_LIMIT_EXCEEDED",
            Kind::Unavailable => "SERVICE_UNAVAILABLE",
            Kind::Internal => "UNEXPECTED_ERROR",
            Kind::MethodNotAllowed => "METHOD_NOT_ALLOWED",
        }
    }

    /// ZPA-style dotted id.
    fn zpa_id(self) -> &'static str {
        match self {
            Kind::InvalidInput => "invalid.input",
            Kind::NotFound => "resource.not.found",
            Kind::Duplicate => "resource.already.exists",
            Kind::Unauthorized => "authentication.failed",
            Kind::Forbidden => "api.access.denied",
            Kind::EditLock => "edit.lock.not.available",
            Kind::RateLimited => "too.many.requests",
            Kind::Unavailable => "service.unavailable",
            Kind::Internal => "internal.error",
            Kind::MethodNotAllowed => "method.not.allowed",
        }
    }
}

impl ApiError {
    /// An error in `product`'s shape (`None`: a generic gateway shape).
    pub fn new(product: Option<Product>, kind: Kind, message: impl Into<String>) -> ApiError {
        let message = message.into();
        let body = match product {
            Some(Product::Zia) | Some(Product::Ztw) => {
                json!({"code": kind.zia_code(), "message": message})
            }
            Some(Product::Zpa) => json!({"id": kind.zpa_id(), "reason": message, "params": []}),
            Some(Product::Zcc) => {
                json!({"title": kind.status().canonical_reason().unwrap_or("Error"), "errorMessage": message, "errorCode": kind.zia_code()})
            }
            Some(Product::Zcell) => json!({
                "msgId": kind.zpa_id(),
                "detail": message,
                "timestamp": httpdate::fmt_http_date(std::time::SystemTime::now()),
            }),
            Some(Product::Zdx) | Some(Product::Zeasm) => {
                json!({"error": kind.zia_code(), "message": message})
            }
            Some(Product::Zid) => json!({"errorCode": kind.zia_code(), "errorMessage": message}),
            Some(Product::Zins) | Some(Product::Zms) | None => {
                json!({"code": kind.zia_code(), "message": message})
            }
        };
        ApiError {
            status: kind.status(),
            body,
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> ApiError {
        self.headers.push((name, value.into()));
        self
    }
}
