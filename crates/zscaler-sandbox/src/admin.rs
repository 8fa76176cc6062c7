//! The admin API under `/_sandbox`, guarded by the admin token (`Authorization: Bearer <token>`
//! or `X-Sandbox-Admin-Token`):
//! - `GET /_sandbox/requests[?since=SEQ]`: recorded requests as JSON lines; `DELETE` clears.
//! - `GET /_sandbox/faults`: active rules; `POST` adds rules (a JSON array, or `{"spec": "..."}`
//!   in the `--faults` text form); `PUT` replaces them; `DELETE` clears them.
//! - `POST /_sandbox/reset`: restores the seeded tenant state.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

use crate::faults::{self, Rule};
use crate::server::State_;

type Shared = Arc<State_>;

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/_sandbox/requests", get(requests).delete(clear_requests))
        .route(
            "/_sandbox/faults",
            get(list_faults)
                .post(add_faults)
                .put(set_faults)
                .delete(clear_faults),
        )
        .route("/_sandbox/reset", post(reset))
}

fn authorized(state: &State_, headers: &HeaderMap) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| {
            headers
                .get("x-sandbox-admin-token")
                .and_then(|v| v.to_str().ok())
        });
    given.is_some_and(|g| bool::from(g.as_bytes().ct_eq(state.admin_token.as_bytes())))
}

fn denied() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(header::CONTENT_TYPE, "application/json")],
        json!({"error": "admin token required (Authorization: Bearer <admin_token>)"}).to_string(),
    )
        .into_response()
}

fn bad_request(message: String) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "application/json")],
        json!({"error": message}).to_string(),
    )
        .into_response()
}

#[derive(Deserialize)]
struct Since {
    since: Option<u64>,
}

async fn requests(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Since>,
) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    let lines = state
        .recorder
        .lock()
        .map(|r| r.json_lines(q.since.unwrap_or(0)))
        .unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/x-ndjson")], lines).into_response()
}

async fn clear_requests(State(state): State<Shared>, headers: HeaderMap) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    if let Ok(mut r) = state.recorder.lock() {
        r.clear();
    }
    StatusCode::NO_CONTENT.into_response()
}

fn current(state: &State_) -> Response {
    let rules = state
        .faults
        .lock()
        .map(|f| f.rules().to_vec())
        .unwrap_or_default();
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(&rules).unwrap_or_default(),
    )
        .into_response()
}

async fn list_faults(State(state): State<Shared>, headers: HeaderMap) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    current(&state)
}

fn parse_rules(body: &Bytes) -> Result<Vec<Rule>, String> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| format!("body is not JSON: {e}"))?;
    match value {
        Value::Object(map) if map.contains_key("spec") => {
            faults::parse(map.get("spec").and_then(Value::as_str).unwrap_or_default())
        }
        Value::Array(_) => serde_json::from_value(value).map_err(|e| format!("invalid rule: {e}")),
        Value::Object(_) => serde_json::from_value(value)
            .map(|r| vec![r])
            .map_err(|e| format!("invalid rule: {e}")),
        _ => Err("expected a rule, an array of rules, or {\"spec\": \"...\"}".to_string()),
    }
}

async fn add_faults(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    match parse_rules(&body) {
        Ok(rules) => {
            if let Ok(mut f) = state.faults.lock() {
                f.add(rules);
            }
            current(&state)
        }
        Err(e) => bad_request(e),
    }
}

async fn set_faults(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    match parse_rules(&body) {
        Ok(rules) => {
            if let Ok(mut f) = state.faults.lock() {
                f.set(rules);
            }
            current(&state)
        }
        Err(e) => bad_request(e),
    }
}

async fn clear_faults(State(state): State<Shared>, headers: HeaderMap) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    if let Ok(mut f) = state.faults.lock() {
        f.set(Vec::new());
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn reset(State(state): State<Shared>, headers: HeaderMap) -> Response {
    if !authorized(&state, &headers) {
        return denied();
    }
    let fresh = state.seeded();
    if let Ok(mut t) = state.tenant.write() {
        *t = fresh;
    }
    StatusCode::NO_CONTENT.into_response()
}
