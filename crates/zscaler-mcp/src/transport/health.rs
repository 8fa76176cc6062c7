//! `GET`/`HEAD /health`: liveness for load balancers and orchestrators. It sits outside the edge
//! layers (no host check, ACL or auth) because probes carry none of those, and it reveals
//! nothing but that the process answers.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

pub async fn health() -> Response {
    let mut response = axum::Json(serde_json::json!({"status": "ok"})).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
