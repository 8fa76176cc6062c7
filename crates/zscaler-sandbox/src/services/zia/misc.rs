//! ZIA `zia_misc` endpoints (mobile advanced threat settings), plus small helpers the ZIA
//! handlers of this crate share (filtered lists, sorting, rule-body checks, projections).

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zia;
use crate::engine::{self, Call, IdKind, Reply, ResourceDef};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// Every key of the mobile advanced threat settings (booleans; absent on PUT means `false`).
const MOBILE_KEYS: [&str; 9] = [
    "blockAppsWithMaliciousActivity",
    "blockAppsWithKnownVulnerabilities",
    "blockAppsSendingUnencryptedUserCredentials",
    "blockAppsSendingLocationInfo",
    "blockAppsSendingPersonallyIdentifiableInfo",
    "blockAppsSendingDeviceIdentifier",
    "blockAppsCommunicatingWithAdScripts",
    "blockAppsCommunicatingWithRemoteUnknownServers",
    "traceSetting",
];

pub static MOBILE_SETTINGS: ResourceDef = ResourceDef {
    id_kind: IdKind::Singleton,
    name_field: None,
    unique_name: false,
    required: &[],
    filters: &[],
    complete: complete_mobile,
    ..zia("zia.mobile_advance_threat_settings", seed_mobile)
};

pub static RESOURCES: &[&ResourceDef] = &[&MOBILE_SETTINGS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/mobileAdvanceThreatSettings",
            Op::GetSingleton(&MOBILE_SETTINGS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/mobileAdvanceThreatSettings",
            Op::Custom(replace_mobile),
        ),
    ]
}

fn seed_mobile(_: &mut Seeder<'_>) -> Vec<Value> {
    vec![json!({
        "blockAppsWithMaliciousActivity": true,
        "blockAppsWithKnownVulnerabilities": true,
        "blockAppsSendingUnencryptedUserCredentials": true,
        "blockAppsSendingLocationInfo": false,
        "blockAppsSendingPersonallyIdentifiableInfo": false,
        "blockAppsSendingDeviceIdentifier": false,
        "blockAppsCommunicatingWithAdScripts": false,
        "blockAppsCommunicatingWithRemoteUnknownServers": true,
        "traceSetting": false,
    })]
}

fn complete_mobile(map: &mut Map<String, Value>, _: i64) {
    for key in MOBILE_KEYS {
        map.entry(key).or_insert(json!(false));
    }
}

/// `PUT /mobileAdvanceThreatSettings`: a full replacement of known boolean keys.
fn replace_mobile(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    for (key, value) in body {
        if !MOBILE_KEYS.contains(&key.as_str()) {
            return Err(engine::invalid(
                Product::Zia,
                format!("Unknown field '{key}'"),
            ));
        }
        if !value.is_boolean() {
            return Err(engine::invalid(
                Product::Zia,
                format!("Field '{key}' must be a boolean"),
            ));
        }
    }
    engine::replace_singleton(&MOBILE_SETTINGS, call)
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// The records of `def` that `keep` accepts, by reference (parent scoping is the caller's
/// business).
pub(super) fn select<'c>(
    call: &'c Call<'_>,
    def: &ResourceDef,
    keep: impl Fn(&Value) -> bool,
) -> Vec<&'c Value> {
    engine::records(&*call.tenant, def)
        .filter(|r| keep(r))
        .collect()
}

/// Pages records held by reference and clones only the page (large collections).
pub(super) fn respond_refs(
    call: &Call<'_>,
    envelope: Envelope,
    records: Vec<&Value>,
) -> Result<Reply, ApiError> {
    envelope::list_refs(envelope, Product::Zia, records, call.query, call.path).map(Reply::ok)
}

/// Pages `records` in `envelope` (ZIA bare array) using the call's `page`/`pageSize`.
pub(super) fn respond(
    call: &Call<'_>,
    envelope: Envelope,
    records: Vec<Value>,
) -> Result<Reply, ApiError> {
    envelope::list(envelope, Product::Zia, records, call.query, call.path).map(Reply::ok)
}

/// Case-insensitive substring test of a text field.
pub(super) fn contains(record: &Value, field: &str, needle: &str) -> bool {
    record
        .get(field)
        .and_then(Value::as_str)
        .is_some_and(|v| v.to_lowercase().contains(&needle.to_lowercase()))
}

/// The query value of `name`, unless absent or empty.
pub(super) fn param<'a>(call: &'a Call<'_>, name: &str) -> Option<&'a str> {
    call.query.first(name).filter(|v| !v.trim().is_empty())
}

/// A boolean query parameter (`true`/`True`/`false`/`False`); 400 on anything else.
pub(super) fn flag(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
    match param(call, name) {
        None => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(engine::invalid(
            Product::Zia,
            format!("Invalid value '{v}' for '{name}': expected true or false"),
        )),
    }
}

/// Sorts by `sortBy` (one of `fields`, mapped to a record field) and `sortOrder` (asc|desc).
pub(super) fn sort(
    call: &Call<'_>,
    records: &mut [&Value],
    fields: &[(&str, &str)],
) -> Result<(), ApiError> {
    let descending = match param(call, "sortOrder") {
        None => false,
        Some(v) if v.eq_ignore_ascii_case("asc") => false,
        Some(v) if v.eq_ignore_ascii_case("desc") => true,
        Some(v) => {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid value '{v}' for 'sortOrder': expected asc or desc"),
            ));
        }
    };
    let Some(by) = param(call, "sortBy") else {
        if descending {
            records.reverse();
        }
        return Ok(());
    };
    let Some((_, field)) = fields
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(by))
    else {
        let allowed: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
        return Err(engine::invalid(
            Product::Zia,
            format!(
                "Invalid value '{by}' for 'sortBy': expected one of {}",
                allowed.join(", ")
            ),
        ));
    };
    records.sort_by(|a, b| compare(a.get(*field), b.get(*field)));
    if descending {
        records.reverse();
    }
    Ok(())
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .unwrap_or(0.0)
            .total_cmp(&y.as_f64().unwrap_or(0.0)),
        (Some(Value::String(x)), Some(Value::String(y))) => x.to_lowercase().cmp(&y.to_lowercase()),
        (None, Some(_)) | (Some(Value::Null), Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) | (Some(_), Some(Value::Null)) => std::cmp::Ordering::Greater,
        _ => std::cmp::Ordering::Equal,
    }
}

/// `{id, name}` of a record (the ZIA "lite" shape and the reference shape).
pub(super) fn lite(record: &Value) -> Value {
    json!({"id": record.get("id").cloned().unwrap_or(Value::Null), "name": record.get("name").cloned().unwrap_or(Value::Null)})
}

/// Seeded policy rules stop growing here with `--scale`: ZIA caps the rules of one policy
/// (1,024 URL filtering rules, for example), so larger rule sets would not be realistic.
pub(super) const MAX_SEEDED_RULES: usize = 1024;

/// Fills the keys every ZIA rule carries, `null` or empty when not given.
pub(super) fn complete_rule_keys(
    rule: &mut Map<String, Value>,
    lists: &[&str],
    nulls: &[&str],
    now: i64,
) {
    rule.entry("state").or_insert(json!("ENABLED"));
    rule.entry("order").or_insert(json!(1));
    rule.entry("rank").or_insert(json!(7));
    rule.entry("description").or_insert(Value::Null);
    rule.entry("enableFullLogging").or_insert(json!(false));
    for key in [
        "locations",
        "locationGroups",
        "groups",
        "departments",
        "users",
        "labels",
        "nwServices",
        "srcIps",
        "destAddresses",
        "timeWindows",
    ]
    .iter()
    .chain(lists)
    {
        rule.entry(*key).or_insert(json!([]));
    }
    for key in nulls {
        rule.entry(*key).or_insert(Value::Null);
    }
    rule.insert("lastModifiedTime".to_string(), json!(now));
    rule.insert(
        "lastModifiedBy".to_string(),
        json!({"id": 1_000_001, "name": "admin@sandbox.zscaler.example"}),
    );
}

/// Expands `[{"id": N}]` references against a table of `(id, name)` into `[{"id", "name"}]`.
pub(super) fn refs(table: &[(i64, &str)], picks: &[usize]) -> Value {
    Value::Array(
        picks
            .iter()
            .filter_map(|i| table.get(*i))
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect(),
    )
}
