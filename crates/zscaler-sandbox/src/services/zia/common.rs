//! Helpers the ZIA handlers share: filtered and sorted lists, query parameters, projections,
//! rule-body checks, rule defaults and the CRUD plumbing of the policy-rule modules.

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::engine::{self, Call, Reply, ResourceDef};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Handler, Op, Route};
use crate::seed::Seeder;

/// A 400 from ZIA with `message`.
pub(super) fn zia_invalid(message: impl Into<String>) -> ApiError {
    engine::invalid(Product::Zia, message)
}

/// Checks the body conventions every ZIA rule write shares (firewall, DNS, IPS, SSL, sandbox,
/// file type, URL filtering, web DLP and cloud app control rules): `state` ENABLED|DISABLED, `order` ≥ 1, `rank` 0..7, `action` among `actions` (when
/// given), and references as `[{"id": N}]`.
pub(super) fn check_rule_body(body: Option<&Value>, actions: &[&str]) -> Result<(), ApiError> {
    let Some(Value::Object(map)) = body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    if let Some(state) = map.get("state").filter(|v| !v.is_null())
        && !matches!(state.as_str(), Some("ENABLED" | "DISABLED"))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid value {state} for 'state': expected ENABLED or DISABLED"),
        ));
    }
    if let Some(order) = map.get("order").filter(|v| !v.is_null())
        && order.as_i64().is_none_or(|o| o < 1)
    {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid value {order} for 'order': expected an integer of at least 1"),
        ));
    }
    if let Some(rank) = map.get("rank").filter(|v| !v.is_null())
        && rank.as_i64().is_none_or(|r| !(0..=7).contains(&r))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid value {rank} for 'rank': expected an integer from 0 to 7"),
        ));
    }
    if !actions.is_empty()
        && let Some(action) = map.get("action").filter(|v| !v.is_null())
        && !action.as_str().is_some_and(|a| actions.contains(&a))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!(
                "Invalid value {action} for 'action': expected one of {}",
                actions.join(", ")
            ),
        ));
    }
    for field in [
        "locations",
        "locationGroups",
        "groups",
        "departments",
        "users",
        "labels",
        "nwServices",
        "timeWindows",
        "dlpEngines",
        "devices",
        "deviceGroups",
        "nwServiceGroups",
        "nwApplicationGroups",
        "srcIpGroups",
        "destIpGroups",
    ] {
        let Some(value) = map.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let ok = value.as_array().is_some_and(|items| {
            items
                .iter()
                .all(|i| i.get("id").is_some_and(|id| id.is_i64() || id.is_u64()))
        });
        if !ok {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid value for '{field}': expected a list of {{\"id\": <integer>}}"),
            ));
        }
    }
    for field in ["srcIps", "destAddresses"] {
        let Some(value) = map.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        if !value
            .as_array()
            .is_some_and(|items| items.iter().all(Value::is_string))
        {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid value for '{field}': expected a list of strings"),
            ));
        }
    }
    Ok(())
}

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
pub(super) fn bool_param(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
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
pub(super) fn default_rule_lists_and_stamp(
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
pub(super) fn refs_from_table(table: &[(i64, &str)], picks: &[usize]) -> Value {
    Value::Array(
        picks
            .iter()
            .filter_map(|i| table.get(*i))
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect(),
    )
}

/// List, create, get, replace and delete routes for a collection; create/replace/delete go
/// through the given handlers (validation before the generic engine).
pub(super) fn crud_routes(
    collection: &'static str,
    item: &'static str,
    def: &'static ResourceDef,
    [create, replace, delete]: [Handler; 3],
) -> Vec<Route> {
    vec![
        Route::new(Method::GET, collection, Op::List(def)),
        Route::new(Method::POST, collection, Op::Custom(create)),
        Route::new(Method::GET, item, Op::Get(def)),
        Route::new(Method::PUT, item, Op::Custom(replace)),
        Route::new(Method::DELETE, item, Op::Custom(delete)),
    ]
}

/// Runs `f` on a copy of `call` whose body is `body` (to normalise a request before the engine).
pub(super) fn call_with_body(
    call: &mut Call<'_>,
    body: &Value,
    f: impl FnOnce(&mut Call<'_>) -> Result<Reply, ApiError>,
) -> Result<Reply, ApiError> {
    let mut inner = Call {
        method: call.method,
        path: call.path,
        product: call.product,
        params: call.params,
        query: call.query,
        body: Some(body),
        tenant: &mut *call.tenant,
    };
    f(&mut inner)
}

/// `[{"id", "name"}]` references to up to `max` seeded records of `key`.
pub(super) fn seeded_refs(s: &mut Seeder<'_>, key: &str, max: usize) -> Vec<Value> {
    let Some(collection) = s.tenant.collection(key) else {
        return Vec::new();
    };
    let picks = s.pick_indices(collection.records.len(), max);
    picks
        .into_iter()
        .filter_map(|i| collection.records.get_index(i))
        .map(|(_, r)| json!({"id": r["id"].clone(), "name": r["name"].clone()}))
        .collect()
}

/// The service's standard admin reference.
pub(super) fn standard_admin_ref() -> Value {
    json!({"id": 19_845_112, "name": "admin@example.com", "externalId": null, "extensions": null})
}

/// A complete policy rule with every reference list present (seeded rules).
pub(super) fn rule_record(
    s: &mut Seeder<'_>,
    name: &str,
    order: usize,
    action: &str,
) -> Map<String, Value> {
    let state = if s.chance(0.9) { "ENABLED" } else { "DISABLED" };
    let description = s.text(&format!("{name} (seeded)"));
    let modified = s.epoch_within(90);
    let full_logging = s.chance(0.3);
    let record = json!({
        "name": name,
        "order": order,
        "rank": 7,
        "state": state,
        "action": action,
        "description": description,
        "accessControl": "READ_WRITE",
        "locations": [],
        "locationGroups": [],
        "groups": [],
        "departments": [],
        "users": [],
        "timeWindows": [],
        "labels": [],
        "devices": [],
        "deviceGroups": [],
        "srcIps": [],
        "srcIpGroups": [],
        "destAddresses": [],
        "destIpGroups": [],
        "destIpCategories": [],
        "destCountries": [],
        "nwServices": [],
        "nwServiceGroups": [],
        "nwApplications": [],
        "nwApplicationGroups": [],
        "enableFullLogging": full_logging,
        "predefined": false,
        "defaultRule": false,
        "lastModifiedTime": modified,
        "lastModifiedBy": standard_admin_ref(),
    });
    match record {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Server-managed fields of every rule write: defaults for state, order, rank and action.
pub(super) fn default_rule_flags_and_stamp(rule: &mut Map<String, Value>, now: i64) {
    rule.entry("state").or_insert(json!("ENABLED"));
    rule.entry("order").or_insert(json!(1));
    rule.entry("rank").or_insert(json!(7));
    rule.entry("action").or_insert(json!("ALLOW"));
    rule.entry("accessControl").or_insert(json!("READ_WRITE"));
    rule.entry("predefined").or_insert(json!(false));
    rule.entry("defaultRule").or_insert(json!(false));
    rule.insert("lastModifiedTime".into(), json!(now));
    rule.insert("lastModifiedBy".into(), standard_admin_ref());
}

/// Refuses to delete the predefined/default rules and objects, as the real API does.
pub(super) fn guard_delete(
    def: &'static ResourceDef,
    call: &mut Call<'_>,
) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let record =
        engine::record(call.tenant, def, &id).ok_or_else(|| engine::not_found(def, &id))?;
    let predefined = record.get("predefined").and_then(Value::as_bool) == Some(true)
        || record.get("defaultRule").and_then(Value::as_bool) == Some(true)
        || record.get("type").and_then(Value::as_str) == Some("PREDEFINED")
        || record.get("isNonEditable").and_then(Value::as_bool) == Some(true);
    if predefined {
        return Err(engine::invalid(
            Product::Zia,
            format!("Resource with id {id} is predefined and cannot be deleted"),
        ));
    }
    engine::delete(def, call)
}

/// A rule create/replace: validate then hand to the generic engine.
pub(super) fn rule_write(
    def: &'static ResourceDef,
    actions: &[&str],
    call: &mut Call<'_>,
) -> Result<Reply, ApiError> {
    check_rule_body(call.body, actions)?;
    if *call.method == Method::POST {
        engine::create(def, call)
    } else {
        engine::replace(def, call)
    }
}
