//! ZIA `zia_shadow_it` endpoints: discovered cloud applications (lite list), their sanction
//! state and custom tags (bulk update), and the tenant's custom tags.

use axum::http::Method;
use serde_json::{Value, json};

use super::cloud_app_control::APPS;
use super::common::{param, respond, zia_invalid};
use super::zia;
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

const SANCTION_STATES: [&str; 2] = ["SANCTIONED", "UN_SANCTIONED"];

/// Shadow IT applications get ids `APP_ID_BASE + i`.
const APP_ID_BASE: i64 = 10_001;

pub static SHADOW_IT_APPS: ResourceDef = zia("zia.shadow_it_apps", seed_apps);

pub static CUSTOM_TAGS: ResourceDef = zia("zia.custom_tags", seed_tags);

pub static RESOURCES: &[&ResourceDef] = &[&CUSTOM_TAGS, &SHADOW_IT_APPS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/cloudApplications/lite",
            Op::Custom(list_apps),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/cloudApplications/bulkUpdate",
            Op::Custom(bulk_update),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/customTags",
            Op::List(&CUSTOM_TAGS),
        ),
    ]
}

fn number(call: &Call<'_>, name: &str, min: usize, max: usize) -> Result<Option<usize>, ApiError> {
    match param(call, name) {
        None => Ok(None),
        Some(raw) => match raw.trim().parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(zia_invalid(format!(
                "Invalid value '{raw}' for '{name}': expected an integer from {min} to {max}"
            ))),
        },
    }
}

/// `GET /cloudApplications/lite`: `pageNumber` (0-based) and `limit` (1..1000); the whole
/// list when neither is given.
fn list_apps(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let page = number(call, "pageNumber", 0, usize::MAX)?;
    let limit = number(call, "limit", 1, 1000)?;
    let all = engine::records(call.tenant, &SHADOW_IT_APPS);
    let records: Vec<Value> = match (page, limit) {
        (None, None) => all.cloned().collect(),
        (p, l) => {
            let (p, l) = (p.unwrap_or(0), l.unwrap_or(1000));
            all.skip(p.saturating_mul(l)).take(l).cloned().collect()
        }
    };
    respond(call, super::LIST, records)
}

/// `PUT /cloudApplications/bulkUpdate`: sets the sanction state (and custom tags, when given)
/// of the listed applications.
fn bulk_update(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Err(zia_invalid("Request body must be a JSON object"));
    };
    let state = body
        .get("sanctionedState")
        .and_then(Value::as_str)
        .ok_or_else(|| zia_invalid("Missing required field 'sanctionedState'"))?;
    if !SANCTION_STATES.contains(&state) {
        return Err(zia_invalid(format!(
            "Invalid value '{state}' for 'sanctionedState': expected SANCTIONED or UN_SANCTIONED"
        )));
    }
    let ids = body
        .get("applicationIds")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            zia_invalid(
                "Missing required field 'applicationIds' (a non-empty list of application ids)",
            )
        })?;
    let mut keys = Vec::new();
    for id in ids {
        let key = match id {
            Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
            Value::String(s) if s.parse::<i64>().is_ok() => s.clone(),
            _ => {
                return Err(zia_invalid(format!(
                    "Invalid application id {id}: expected an integer"
                )));
            }
        };
        if engine::record(call.tenant, &SHADOW_IT_APPS, &key).is_none() {
            return Err(engine::not_found(&SHADOW_IT_APPS, &key));
        }
        keys.push(key);
    }
    let tags = match body.get("customTags").filter(|t| !t.is_null()) {
        None => None,
        Some(tags) => {
            let mut out = Vec::new();
            for tag in tags.as_array().into_iter().flatten() {
                let id = tag
                    .get("id")
                    .map(crate::tenant::id_text)
                    .unwrap_or_default();
                let Some(found) = engine::record(call.tenant, &CUSTOM_TAGS, &id) else {
                    return Err(zia_invalid(format!("Custom tag {id} does not exist")));
                };
                out.push(json!({"id": found["id"], "name": found["name"]}));
            }
            if !tags.is_array() {
                return Err(zia_invalid(
                    "Invalid value for 'customTags': expected a list of {\"id\": N}",
                ));
            }
            Some(out)
        }
    };
    let collection = call.tenant.collection_mut(SHADOW_IT_APPS.key);
    for key in &keys {
        if let Some(Value::Object(app)) = collection.records.get_mut(key) {
            app.insert("sanctionedState".into(), json!(state));
            if let Some(tags) = &tags {
                app.insert("customTags".into(), json!(tags));
            }
        }
    }
    call.tenant.zia_pending = true;
    Ok(Reply::ok(json!({
        "sanctionedState": state,
        "applicationIds": ids,
        "customTags": tags.map_or(Value::Null, Value::Array),
    })))
}

fn seed_tags(s: &mut Seeder<'_>) -> Vec<Value> {
    ["Approved by IT", "Under Review", "Risky", "Finance Only", "Legacy"]
        .iter()
        .enumerate()
        .map(|(i, name)| json!({"id": i + 1, "name": name, "description": s.text(&format!("{name} applications"))}))
        .collect()
}

fn seed_apps(s: &mut Seeder<'_>) -> Vec<Value> {
    let n = APPS.len();
    (0..n)
        .map(|i| {
            let name = match APPS.get(i) {
                Some((_, name, _)) => name.to_string(),
                None => format!("Discovered App {i:05}"),
            };
            let sanctioned = matches!(
                APPS.get(i).map(|a| a.0),
                Some("SLACK" | "MS_TEAMS" | "BOX" | "LINKEDIN")
            );
            let tags = if sanctioned {
                json!([{"id": 1, "name": "Approved by IT"}])
            } else if s.chance(0.2) {
                json!([{"id": 2, "name": "Under Review"}])
            } else {
                json!([])
            };
            json!({
                "id": APP_ID_BASE + i as i64,
                "name": name,
                "sanctionedState": if sanctioned { "SANCTIONED" } else { "UN_SANCTIONED" },
                "customTags": tags,
            })
        })
        .collect()
}
