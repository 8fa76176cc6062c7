//! ZPA (`/zpa/mgmtconfig/v1|v2/admin/customers/{customerId}/...`): `{list,totalPages,totalCount}`
//! envelopes with string counts, 1-based `page`/`pagesize` (default 20, max 500),
//! `search=name+EQ+value`, `microtenantId`, numeric-string ids. One module per toolset area.
//!
//! Every ZPA collection is served by the generic handlers below ([`list`], [`get`], [`create`],
//! [`replace`], [`delete`]), which wrap the engine with what ZPA adds on top of plain CRUD:
//!
//! * **Microtenants.** The `microtenantId` query parameter scopes reads and writes: absent (or
//!   empty) sees every record, `0` the Default microtenant only (records with
//!   `microtenantId: null`), any other id that microtenant's records only. A record outside the
//!   scope is a 404. Creates land in the body's `microtenantId` (else the query's); an unknown
//!   microtenant id is a 400. The seeded tenant has the microtenants in [`MICROTENANTS`].
//! * **Server-managed fields** (`creationTime`, `modifiedTime`, `modifiedBy`, `microtenantName`,
//!   and per resource e.g. a connector's runtime state) are stamped by the server and kept
//!   across a `PUT`, whatever the body says. Everything else is replaced: `PUT` is a full
//!   replacement, and fields left out come back at their defaults (every key stays present, `null`
//!   rather than missing). Explicit `null`s are stored as given (the v2 segment-group and policy
//!   rule updates send them; `null` does not mean "unchanged").
//! * **Answers.** Writes answer `200` with the stored record (the SDK reads `get_body()`), and
//!   deletes `204`.

/// A ZPA management path under `/zpa/mgmtconfig/v1/admin/customers/{customerId}`.
macro_rules! v1 {
    ($p:literal) => {
        concat!("/zpa/mgmtconfig/v1/admin/customers/{customerId}", $p)
    };
}
/// A ZPA management path under `/zpa/mgmtconfig/v2/admin/customers/{customerId}`.
macro_rules! v2 {
    ($p:literal) => {
        concat!("/zpa/mgmtconfig/v2/admin/customers/{customerId}", $p)
    };
}

pub mod access_policies;
pub mod app_connector_groups;
pub mod app_segments;
pub mod application_servers;
pub mod ba_certificates;
pub mod connectors;
pub mod idp;
pub mod misc;
pub mod pra;
pub mod provisioning_keys;
pub mod segment_groups;
pub mod server_groups;
pub mod service_edge_groups;

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::engine::{self, Call, IdKind, Reply, ResourceDef, no_completion};
use crate::envelope::{self, Envelope};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::{Op, Params, Route};
use crate::seed::Seeder;
use crate::tenant::{Tenant, id_text};

/// The tenant's microtenants (id, name). Records outside them belong to "Default".
pub const MICROTENANTS: &[(&str, &str)] = &[
    ("216196257331370181", "Engineering"),
    ("216196257331370182", "Acquired-Subsidiary"),
];

/// The admin id the API client acts as (`modifiedBy` on writes).
pub const API_ADMIN_ID: &str = "216196257331281921";

/// A ZPA resource with the service's defaults (numeric-string ids, unique names, the ZPA
/// envelope). Search and microtenant scoping are done by this module's handlers, not by engine
/// filters. Override fields with `..zpa(key, seed)`.
pub const fn zpa(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zpa,
        id_kind: IdKind::NumericString,
        id_field: "id",
        name_field: Some("name"),
        unique_name: true,
        required: &["name"],
        parent: None,
        envelope: Envelope::Zpa,
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

/// What the generic ZPA handlers need to know about a resource beyond its [`ResourceDef`].
pub trait Res: 'static {
    fn def() -> &'static ResourceDef;
    /// Records carry `microtenantId`/`microtenantName` and honour the `microtenantId` scope.
    const SCOPED: bool = true;
    /// Fields only the server sets: ignored in create bodies, kept from the record on replace.
    const SERVER_FIELDS: &'static [&'static str] = &[];
    /// Fields a create must carry besides `def().required` (checked before [`Res::prepare`],
    /// which may consume them).
    const REQUIRED_ON_CREATE: &'static [&'static str] = &[];
    /// JSON pointer to the name `search` matches.
    const NAME_PATH: &'static str = "/name";
    /// The resource the path's parent parameter names (`def().parent`): an unknown parent id is
    /// a 404 on every route of the resource.
    fn parent_def() -> Option<&'static ResourceDef> {
        None
    }
    /// Checks references and derives fields before a write; `existing` is the record a replace
    /// overwrites.
    fn prepare(
        _tenant: &Tenant,
        _map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        Ok(())
    }
    /// Adds computed fields (back-references) to a record being returned.
    fn view(_tenant: &Tenant, _record: &mut Value) {}
    /// Refuses a delete, e.g. while other records still reference this one.
    fn before_delete(_tenant: &Tenant, _record: &Value) -> Result<(), ApiError> {
        Ok(())
    }
}

/// Timestamp stamping and server-owned fields common to every resource.
const STAMPS: [&str; 3] = ["creationTime", "modifiedTime", "modifiedBy"];

pub fn resources() -> Vec<&'static ResourceDef> {
    vec![
        &provisioning_keys::ENROLLMENT_CERTS,
        &idp::IDPS,
        &idp::SCIM_ATTRIBUTES,
        &idp::SCIM_GROUPS,
        &idp::SAML_ATTRIBUTES,
        &misc::POSTURE_PROFILES,
        &misc::TRUSTED_NETWORKS,
        &misc::ISOLATION_PROFILES,
        &misc::INSPECTION_PROFILES,
        &segment_groups::SEGMENT_GROUPS,
        &app_connector_groups::APP_CONNECTOR_GROUPS,
        &connectors::CONNECTORS,
        &application_servers::APP_SERVERS,
        &server_groups::SERVER_GROUPS,
        &service_edge_groups::SERVICE_EDGE_GROUPS,
        &service_edge_groups::SERVICE_EDGES,
        &provisioning_keys::PROVISIONING_KEYS,
        &ba_certificates::BA_CERTIFICATES,
        &app_segments::APP_SEGMENTS,
        &pra::PRA_CREDENTIALS,
        &pra::PRA_PORTALS,
        &misc::LSS_CONFIGS,
        &access_policies::POLICY_SETS,
        &access_policies::POLICY_RULES,
    ]
}

pub fn routes() -> Vec<Route> {
    let mut all = Vec::new();
    for part in [
        access_policies::routes(),
        app_connector_groups::routes(),
        app_segments::routes(),
        application_servers::routes(),
        ba_certificates::routes(),
        connectors::routes(),
        idp::routes(),
        misc::routes(),
        pra::routes(),
        provisioning_keys::routes(),
        segment_groups::routes(),
        server_groups::routes(),
        service_edge_groups::routes(),
    ] {
        all.extend(part);
    }
    all
}

// ----------------------------------------------------------------------------------------------
// Routes

/// Routes for a resource: `ops` picks among `L`ist and `C`reate on `collection`, and `G`et,
/// `R`eplace (PUT) and `D`elete on `item`.
pub fn crud<R: Res>(collection: &'static str, item: &'static str, ops: &str) -> Vec<Route> {
    let mut routes = Vec::new();
    for op in ops.chars() {
        routes.push(match op {
            'L' => Route::new(Method::GET, collection, Op::CustomRead(list::<R>)),
            'C' => Route::new(Method::POST, collection, Op::Custom(create::<R>)),
            'G' => Route::new(Method::GET, item, Op::CustomRead(get::<R>)),
            'R' => Route::new(Method::PUT, item, Op::Custom(replace::<R>)),
            _ => Route::new(Method::DELETE, item, Op::Custom(delete::<R>)),
        });
    }
    routes
}

// ----------------------------------------------------------------------------------------------
// Helpers shared by the modules

pub fn invalid(message: impl Into<String>) -> ApiError {
    engine::invalid(Product::Zpa, message)
}

pub fn not_found(message: impl Into<String>) -> ApiError {
    ApiError::new(Some(Product::Zpa), Kind::NotFound, message)
}

pub fn duplicate(message: impl Into<String>) -> ApiError {
    ApiError::new(Some(Product::Zpa), Kind::Duplicate, message)
}

/// Text of a JSON scalar (ids arrive as strings or numbers).
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `record` with every key of `defaults` present (missing keys take the default).
pub fn with_defaults(record: Value, defaults: Value) -> Value {
    let mut record = record;
    fill(&mut record, defaults);
    record
}

/// Adds the keys of `defaults` that `record` lacks.
pub fn fill(record: &mut Value, defaults: Value) {
    if let (Value::Object(map), Value::Object(defaults)) = (record, defaults) {
        for (k, v) in defaults {
            map.entry(k).or_insert(v);
        }
    }
}

/// Adds the keys of `defaults` that `record` lacks, cloning only those (for large seeds).
pub fn fill_from(record: &mut Value, defaults: &Value) {
    if let (Value::Object(map), Value::Object(defaults)) = (record, defaults) {
        for (k, v) in defaults {
            if !map.contains_key(k) {
                map.insert(k.clone(), v.clone());
            }
        }
    }
}

/// Same as [`fill`] on a map (for `complete` functions).
pub fn fill_map(map: &mut Map<String, Value>, defaults: Value) {
    if let Value::Object(defaults) = defaults {
        for (k, v) in defaults {
            map.entry(k).or_insert(v);
        }
    }
}

/// Stamps and microtenant fields for a seeded record: times before the anchor, the API
/// admin, and Default or (for about `share` of records) one of [`MICROTENANTS`].
pub fn seed_common(s: &mut Seeder<'_>, share: f64) -> Value {
    let created = s.epoch_within(400);
    let modified = created + s.int(0, 30 * 86_400);
    let (mt_id, mt_name) = if s.chance(share) {
        let (id, name) = *s.pick(MICROTENANTS);
        (json!(id), json!(name))
    } else {
        (Value::Null, json!("Default"))
    };
    json!({
        "creationTime": created.to_string(),
        "modifiedTime": modified.min(s.now()).to_string(),
        "modifiedBy": API_ADMIN_ID,
        "microtenantId": mt_id,
        "microtenantName": mt_name,
    })
}

/// Stamps of a seeded record of a resource that has no microtenant.
pub fn seed_stamps(s: &mut Seeder<'_>) -> Value {
    let created = s.epoch_within(400);
    json!({
        "creationTime": created.to_string(),
        "modifiedTime": created.to_string(),
        "modifiedBy": API_ADMIN_ID,
    })
}

/// `(id, name)` of every record of an already seeded (or stored) resource.
pub fn id_names(tenant: &Tenant, def: &ResourceDef) -> Vec<(String, String)> {
    engine::records(tenant, def)
        .filter_map(|r| {
            Some((
                r.get("id").and_then(text)?,
                r.get("name").and_then(text).unwrap_or_default(),
            ))
        })
        .collect()
}

/// Name of the record `id` of `def`, or a 400 naming `field` when there is no such record.
pub fn reference(
    tenant: &Tenant,
    def: &ResourceDef,
    field: &str,
    id: &Value,
) -> Result<String, ApiError> {
    let id_text = text(id).unwrap_or_default();
    engine::record(tenant, def, &id_text)
        .map(|r| r.get("name").and_then(text).unwrap_or_default())
        .ok_or_else(|| {
            invalid(format!(
                "Invalid {field}: no such resource with id {id_text}"
            ))
        })
}

/// Expands `[{"id": ...}, ...]` (or `["id", ...]`) references in `map[field]` to
/// `[{"id","name"}]`, refusing unknown ids.
pub fn expand_refs(
    tenant: &Tenant,
    map: &mut Map<String, Value>,
    field: &str,
    def: &ResourceDef,
) -> Result<(), ApiError> {
    let Some(items) = map.get(field).and_then(Value::as_array).cloned() else {
        if map.get(field).is_none_or(Value::is_null) {
            map.insert(field.to_string(), json!([]));
            return Ok(());
        }
        return Err(invalid(format!("'{field}' must be a list")));
    };
    let mut out = Vec::new();
    for item in items {
        let id = match &item {
            Value::Object(o) => o.get("id").cloned().unwrap_or(Value::Null),
            other => other.clone(),
        };
        // The SDK sends `[{}]` for an empty list of references.
        if id.is_null() && item.as_object().is_some_and(Map::is_empty) {
            continue;
        }
        let name = reference(tenant, def, field, &id)?;
        out.push(json!({"id": text(&id).unwrap_or_default(), "name": name}));
    }
    map.insert(field.to_string(), Value::Array(out));
    Ok(())
}

/// Checks a list of id strings in `map[field]` against `def` (null becomes `[]`).
pub fn check_ids(
    tenant: &Tenant,
    map: &mut Map<String, Value>,
    field: &str,
    def: &ResourceDef,
) -> Result<(), ApiError> {
    match map.get(field) {
        None | Some(Value::Null) => {
            map.insert(field.to_string(), json!([]));
            Ok(())
        }
        Some(Value::Array(ids)) => {
            let ids = ids.clone();
            let mut out = Vec::new();
            for id in &ids {
                reference(tenant, def, field, id)?;
                out.push(json!(text(id).unwrap_or_default()));
            }
            map.insert(field.to_string(), Value::Array(out));
            Ok(())
        }
        Some(_) => Err(invalid(format!("'{field}' must be a list of ids"))),
    }
}

/// Requires `map[field]` to be one of `allowed` (when present and not null).
pub fn check_enum(map: &Map<String, Value>, field: &str, allowed: &[&str]) -> Result<(), ApiError> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(other) => Err(invalid(format!(
            "Invalid value {other} for '{field}': expected one of {}",
            allowed.join(", ")
        ))),
    }
}

// ----------------------------------------------------------------------------------------------
// Microtenant scope

/// The `microtenantId` query scope: `None` (every record), `Some(None)` (Default only) or
/// `Some(Some(id))`. Unknown ids are a 400.
fn scope(query: &engine::Query) -> Result<Option<Option<String>>, ApiError> {
    match query.first("microtenantId").map(str::trim) {
        None | Some("") => Ok(None),
        Some("0") => Ok(Some(None)),
        Some(id) => microtenant(id).map(|_| Some(Some(id.to_string()))),
    }
}

/// Name of the microtenant `id`, or a 400.
fn microtenant(id: &str) -> Result<&'static str, ApiError> {
    MICROTENANTS
        .iter()
        .find(|(m, _)| *m == id)
        .map(|(_, name)| *name)
        .ok_or_else(|| invalid(format!("Invalid microtenantId {id}: no such microtenant")))
}

fn in_scope(record: &Value, scope: &Option<Option<String>>) -> bool {
    // No scope: answer without touching the record (at --scale 50000 each field read is a
    // cache miss, and a page scan reads every record).
    let Some(wanted) = scope else { return true };
    let actual = record
        .get("microtenantId")
        .and_then(text)
        .filter(|m| !m.is_empty() && m != "0");
    actual == *wanted
}

// ----------------------------------------------------------------------------------------------
// Search and paging: [`engine::zpa_search`] and [`envelope::zpa_page`]

/// A 404 when the path's parent id names no record of [`Res::parent_def`].
fn check_parent<R: Res>(tenant: &Tenant, params: &Params) -> Result<(), ApiError> {
    if let (Some(parent), Some(p)) = (R::parent_def(), R::def().parent)
        && let Some(id) = params.get(p.param)
        && engine::record(tenant, parent, id).is_none()
    {
        return Err(engine::not_found(parent, id));
    }
    Ok(())
}

/// Records of `R` visible to the call: parent path scope, microtenant scope and `search`.
pub fn visible<'t, R: Res>(
    tenant: &'t Tenant,
    params: &Params,
    query: &engine::Query,
) -> Result<Vec<&'t Value>, ApiError> {
    let def = R::def();
    check_parent::<R>(tenant, params)?;
    let scope = if R::SCOPED { scope(query)? } else { None };
    let parent = def
        .parent
        .and_then(|p| params.get(p.param).map(|v| (p.field, v.to_string())));
    let searches: Vec<&str> = query
        .all("search")
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    Ok(engine::records(tenant, def)
        .filter(|r| match &parent {
            Some((field, id)) => r.get(*field).and_then(text).is_some_and(|v| v == *id),
            None => true,
        })
        .filter(|r| in_scope(r, &scope))
        .filter(|r| {
            searches
                .iter()
                .all(|s| engine::zpa_search(r, R::NAME_PATH, s))
        })
        .collect())
}

// ----------------------------------------------------------------------------------------------
// Generic handlers

/// Reads run under the shared lock, so pages of a large list are served in parallel.
pub fn list<R: Res>(call: &engine::Read<'_>) -> Result<Reply, ApiError> {
    let tenant: &Tenant = call.tenant;
    let records = visible::<R>(tenant, call.params, call.query)?;
    envelope::zpa_page(call.query, records, |r| R::view(tenant, r)).map(Reply::ok)
}

/// The record the call's last path parameter names, within the parent and microtenant scope.
pub fn find<'t, R: Res>(
    tenant: &'t Tenant,
    params: &Params,
    query: &engine::Query,
) -> Result<(&'t Value, String), ApiError> {
    let def = R::def();
    check_parent::<R>(tenant, params)?;
    let scope = if R::SCOPED { scope(query)? } else { None };
    let id = params.last().unwrap_or_default().to_string();
    engine::record(tenant, def, &id)
        .filter(|r| match def.parent {
            Some(p) => params
                .get(p.param)
                .is_none_or(|pid| r.get(p.field).and_then(text).is_some_and(|v| v == pid)),
            None => true,
        })
        .filter(|r| in_scope(r, &scope))
        .map(|r| (r, id.clone()))
        .ok_or_else(|| engine::not_found(def, &id))
}

pub fn get<R: Res>(call: &engine::Read<'_>) -> Result<Reply, ApiError> {
    let tenant: &Tenant = call.tenant;
    let (record, _) = find::<R>(tenant, call.params, call.query)?;
    let mut record = record.clone();
    R::view(tenant, &mut record);
    Ok(Reply::ok(record))
}

fn body_map(body: Option<&Value>) -> Result<Map<String, Value>, ApiError> {
    match body {
        Some(Value::Object(map)) => Ok(map.clone()),
        _ => Err(invalid("Request body must be a JSON object")),
    }
}

fn check_required(
    def: &ResourceDef,
    extra: &[&str],
    map: &Map<String, Value>,
) -> Result<(), ApiError> {
    for field in def.required.iter().chain(extra) {
        let present = match map.get(*field) {
            None | Some(Value::Null) => false,
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(_) => true,
        };
        if !present {
            return Err(invalid(format!("Missing required field '{field}'")));
        }
    }
    Ok(())
}

/// Runs an engine write with `body` in place of the call's body, then applies `view`.
fn engine_write<R: Res>(
    call: &mut Call<'_>,
    body: Value,
    op: fn(&'static ResourceDef, &mut Call<'_>) -> Result<Reply, ApiError>,
) -> Result<Reply, ApiError> {
    let reply = {
        let mut inner = Call {
            method: call.method,
            path: call.path,
            product: call.product,
            params: call.params,
            query: call.query,
            body: Some(&body),
            tenant: &mut *call.tenant,
        };
        op(R::def(), &mut inner)?
    };
    Ok(match reply {
        Reply::Json(status, mut value) => {
            R::view(call.tenant, &mut value);
            Reply::Json(status, value)
        }
        other => other,
    })
}

pub fn create<R: Res>(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let def = R::def();
    check_parent::<R>(call.tenant, call.params)?;
    let mut map = body_map(call.body)?;
    check_required(def, R::REQUIRED_ON_CREATE, &map)?;
    for field in R::SERVER_FIELDS.iter().chain(STAMPS.iter()) {
        map.remove(*field);
    }
    map.remove("id");
    if R::SCOPED {
        let from_body = map
            .get("microtenantId")
            .and_then(text)
            .filter(|m| !m.is_empty() && m != "0");
        let from_query = match scope(call.query)? {
            Some(Some(id)) => Some(id),
            _ => None,
        };
        match from_body.or(from_query) {
            Some(id) => {
                let name = microtenant(&id)?;
                map.insert("microtenantId".into(), json!(id));
                map.insert("microtenantName".into(), json!(name));
            }
            None => {
                map.insert("microtenantId".into(), Value::Null);
                map.insert("microtenantName".into(), json!("Default"));
            }
        }
    }
    if let Some(p) = def.parent
        && let Some(pid) = call.params.get(p.param)
    {
        map.insert(p.field.to_string(), json!(pid));
    }
    let now = call.tenant.now().to_string();
    map.insert("creationTime".into(), json!(now));
    map.insert("modifiedTime".into(), json!(now));
    map.insert("modifiedBy".into(), json!(API_ADMIN_ID));
    R::prepare(call.tenant, &mut map, None)?;
    engine_write::<R>(call, Value::Object(map), engine::create)
}

pub fn replace<R: Res>(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let def = R::def();
    let existing = find::<R>(call.tenant, call.params, call.query)?.0.clone();
    let mut map = body_map(call.body)?;
    check_required(def, &[], &map)?;
    if let Some(p) = def.parent
        && let Some(parent) = existing.get(p.field)
    {
        map.insert(p.field.to_string(), parent.clone());
    }
    let kept = R::SERVER_FIELDS
        .iter()
        .chain(["creationTime", "microtenantId", "microtenantName"].iter());
    for field in kept {
        match existing.get(*field) {
            Some(v) if R::SCOPED || !field.starts_with("microtenant") => {
                map.insert(field.to_string(), v.clone());
            }
            _ => {
                map.remove(*field);
            }
        }
    }
    map.insert("modifiedTime".into(), json!(call.tenant.now().to_string()));
    map.insert("modifiedBy".into(), json!(API_ADMIN_ID));
    R::prepare(call.tenant, &mut map, Some(&existing))?;
    engine_write::<R>(call, Value::Object(map), engine::replace)
}

pub fn delete<R: Res>(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (record, _) = find::<R>(call.tenant, call.params, call.query)?;
    R::before_delete(call.tenant, record)?;
    engine::delete(R::def(), call)
}

/// `POST .../bulkDelete` with `{"ids": [...]}`: every id must exist in scope (else 404 and
/// nothing is deleted); answers 204.
pub fn bulk_delete<R: Res>(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let map = body_map(call.body)?;
    let Some(ids) = map.get("ids").and_then(Value::as_array) else {
        return Err(invalid("Missing required field 'ids'"));
    };
    if ids.is_empty() {
        return Err(invalid("'ids' must not be empty"));
    }
    let def = R::def();
    let scope = if R::SCOPED { scope(call.query)? } else { None };
    let ids: Vec<String> = ids.iter().filter_map(text).collect();
    for id in &ids {
        let ok = engine::record(call.tenant, def, id).is_some_and(|r| in_scope(r, &scope));
        if !ok {
            return Err(engine::not_found(def, id));
        }
    }
    let collection = call.tenant.collection_mut(def.key);
    for id in &ids {
        collection.records.shift_remove(id);
    }
    Ok(Reply::NoContent)
}

/// Ids (as text) of a stored JSON array field of `record` (`[{"id"}]` or `["id"]`).
pub fn ref_ids(record: &Value, field: &str) -> Vec<String> {
    record
        .get(field)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| match i {
                    Value::Object(o) => o.get("id").and_then(text),
                    other => text(other),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Id text of a record.
pub fn rid(record: &Value) -> String {
    record.get("id").map(id_text).unwrap_or_default()
}
