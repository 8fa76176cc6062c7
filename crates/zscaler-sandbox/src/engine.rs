//! The generic resource engine: list, get, create, replace and delete over the tenant state,
//! with each service's conventions for ids, search, validation and envelopes. Most of the
//! API surface is declared as [`ResourceDef`]s and served here; the rest are named handlers.

use axum::http::{Method, StatusCode};
use serde_json::{Map, Value};

use crate::envelope::{self, Envelope};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::Params;
use crate::seed::Seeder;
use crate::tenant::{Tenant, id_text};

/// How a resource's ids look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// ZIA/ZTW: integers in bodies, text in paths.
    Int,
    /// ZPA: long numeric strings.
    NumericString,
    Uuid,
    Slug,
    /// A settings object: one record, no id field added.
    Singleton,
}

/// How a query parameter filters a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The field equals the value (text comparison, case-insensitive).
    Exact,
    /// The field contains the value, case-insensitive (ZIA `search`).
    Contains,
    /// ZPA `search`: `field+OP+value`, as [`zpa_search`] reads it (the declared field is the
    /// name the expression falls back to).
    ZpaSearch,
    /// The field (an array) contains the value.
    ArrayContains,
}

/// A query parameter that filters a list.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    pub param: &'static str,
    pub field: &'static str,
    pub how: Match,
}

/// A child resource scoped by a parent id in the path (e.g. sub-locations of a location).
#[derive(Debug, Clone, Copy)]
pub struct Parent {
    /// Path parameter carrying the parent's id.
    pub param: &'static str,
    /// Field of the child record holding the parent id.
    pub field: &'static str,
}

/// One kind of record the tenant holds.
pub struct ResourceDef {
    /// Unique key, `service.resource` (e.g. `zia.firewall_rules`).
    pub key: &'static str,
    pub product: Product,
    pub id_kind: IdKind,
    pub id_field: &'static str,
    /// Field holding the display name (search, duplicate checks).
    pub name_field: Option<&'static str>,
    /// Refuse a second record with the same name (409), as the real API does.
    pub unique_name: bool,
    /// Fields a create or replace must carry.
    pub required: &'static [&'static str],
    pub parent: Option<Parent>,
    pub envelope: Envelope,
    pub filters: &'static [Filter],
    /// ZIA resources whose writes stay pending until activation.
    pub needs_activation: bool,
    /// Builds the seeded records (ids optional; assigned when absent).
    pub seed: fn(&mut Seeder<'_>) -> Vec<Value>,
    /// Fills server-managed fields on create and replace (timestamps, defaults).
    pub complete: fn(&mut Map<String, Value>, i64),
}

/// Defaults for the optional parts of a [`ResourceDef`], for `..DEFAULTS` in declarations.
pub const fn no_seed(_: &mut Seeder<'_>) -> Vec<Value> {
    Vec::new()
}
pub fn no_completion(_: &mut Map<String, Value>, _: i64) {}

/// Query parameters, decoded, in order (repeated keys kept).
#[derive(Debug, Clone, Default)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        Query(
            raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                .unwrap_or_default(),
        )
    }
    pub fn first(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Everything an operation sees of one request.
pub struct Call<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub product: Product,
    pub params: &'a Params,
    pub query: &'a Query,
    /// The parsed JSON body; `None` when absent or empty.
    pub body: Option<&'a Value>,
    pub tenant: &'a mut Tenant,
}

impl Call<'_> {
    /// The same request, read-only (to call read operations from a write handler).
    pub fn as_read(&self) -> Read<'_> {
        Read {
            method: self.method,
            path: self.path,
            product: self.product,
            params: self.params,
            query: self.query,
            body: self.body,
            tenant: self.tenant,
        }
    }
}

/// A successful answer.
#[derive(Debug, Clone)]
pub enum Reply {
    Json(StatusCode, Value),
    NoContent,
}

impl Reply {
    pub fn ok(value: Value) -> Reply {
        Reply::Json(StatusCode::OK, value)
    }
}

fn err(product: Product, kind: Kind, message: impl Into<String>) -> ApiError {
    ApiError::new(Some(product), kind, message)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn field_matches(record: &Value, field: &str, value: &str, how: Match) -> bool {
    let Some(actual) = record.get(field) else {
        return false;
    };
    match how {
        Match::Exact => text_of(actual).is_some_and(|a| a.eq_ignore_ascii_case(value)),
        Match::Contains => {
            text_of(actual).is_some_and(|a| a.to_lowercase().contains(&value.to_lowercase()))
        }
        Match::ArrayContains => actual.as_array().is_some_and(|items| {
            items
                .iter()
                .any(|i| text_of(i).is_some_and(|t| t.eq_ignore_ascii_case(value)))
        }),
        Match::ZpaSearch => zpa_search(record, &format!("/{field}"), value),
    }
}

/// ZPA's `search=field+OP+value` (decoded form; the value may contain `+` or spaces), the one
/// search every ZPA list uses. Operators: EQ, NE, CONTAINS, STARTSWITH, ENDSWITH, GT, LT, GE,
/// LE, all case-insensitive; a bare value (no known operator) is a name substring. The field
/// `name`, or a field the record lacks, reads the name at the JSON pointer `name_path` (e.g.
/// `/config/name` for LSS configs). A record without that value matches only NE.
pub fn zpa_search(record: &Value, name_path: &str, expression: &str) -> bool {
    const OPS: [&str; 9] = [
        "EQ",
        "NE",
        "CONTAINS",
        "STARTSWITH",
        "ENDSWITH",
        "GT",
        "LT",
        "GE",
        "LE",
    ];
    let mut parts = expression.splitn(3, '+');
    let (field, op, value) = match (parts.next(), parts.next(), parts.next()) {
        (Some(f), Some(op), Some(v)) if OPS.contains(&op) => (f, op, v),
        _ => ("name", "CONTAINS", expression),
    };
    let by_name = || record.pointer(name_path).and_then(text_of);
    let actual = if field == "name" {
        by_name()
    } else {
        record.get(field).and_then(text_of).or_else(by_name)
    };
    let Some(actual) = actual else {
        return op == "NE";
    };
    let (a, v) = (actual.to_lowercase(), value.to_lowercase());
    match op {
        "EQ" => a == v,
        "NE" => a != v,
        "CONTAINS" => a.contains(&v),
        "STARTSWITH" => a.starts_with(&v),
        "ENDSWITH" => a.ends_with(&v),
        "GT" => a > v,
        "LT" => a < v,
        "GE" => a >= v,
        _ => a <= v,
    }
}

/// Records of `def` visible under this call's path (parent scope) and query (filters), borrowed.
pub fn visible_refs<'t>(
    def: &ResourceDef,
    call_params: &Params,
    query: &Query,
    tenant: &'t Tenant,
) -> Vec<&'t Value> {
    let Some(collection) = tenant.collection(def.key) else {
        return Vec::new();
    };
    let parent = def
        .parent
        .and_then(|p| call_params.get(p.param).map(|v| (p.field, v.to_string())));
    let filters: Vec<(&Filter, Vec<&str>)> = def
        .filters
        .iter()
        .map(|f| (f, query.all(f.param)))
        .filter(|(_, values)| !values.is_empty())
        .collect();
    collection
        .records
        .values()
        .filter(|r| match &parent {
            Some((field, id)) => r.get(*field).and_then(text_of).is_some_and(|v| v == *id),
            None => true,
        })
        .filter(|r| {
            filters.iter().all(|(f, values)| {
                values
                    .iter()
                    .any(|v| v.is_empty() || field_matches(r, f.field, v, f.how))
            })
        })
        .collect()
}

/// Records of `def` visible under this call's path (parent scope) and query (filters), copied.
pub fn visible(
    def: &ResourceDef,
    call_params: &Params,
    query: &Query,
    tenant: &Tenant,
) -> Vec<Value> {
    visible_refs(def, call_params, query, tenant)
        .into_iter()
        .cloned()
        .collect()
}

/// Read-only view of a request, for list and get operations (served under a shared lock).
pub struct Read<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub product: Product,
    pub params: &'a Params,
    pub query: &'a Query,
    /// The parsed JSON body (some read endpoints take their filters in a POST body).
    pub body: Option<&'a Value>,
    pub tenant: &'a Tenant,
}

pub fn list(def: &ResourceDef, read: &Read<'_>) -> Result<Reply, ApiError> {
    let records = visible_refs(def, read.params, read.query, read.tenant);
    envelope::list_refs(def.envelope, def.product, records, read.query, read.path).map(Reply::ok)
}

fn find<'t>(
    def: &ResourceDef,
    tenant: &'t Tenant,
    params: &Params,
) -> Result<(&'t Value, String), ApiError> {
    let id = params.last().unwrap_or_default().to_string();
    let record = tenant
        .collection(def.key)
        .and_then(|c| c.records.get(&id))
        .filter(|r| match def.parent {
            Some(p) => params
                .get(p.param)
                .is_none_or(|pid| r.get(p.field).and_then(text_of).is_some_and(|v| v == pid)),
            None => true,
        })
        .ok_or_else(|| {
            err(
                def.product,
                Kind::NotFound,
                format!("Resource with id {id} not found"),
            )
        })?;
    Ok((record, id))
}

pub fn get(def: &ResourceDef, read: &Read<'_>) -> Result<Reply, ApiError> {
    find(def, read.tenant, read.params).map(|(r, _)| Reply::ok(r.clone()))
}

/// Checks a create/replace body: a JSON object carrying the required fields, ids well-formed.
fn validate(def: &ResourceDef, body: Option<&Value>) -> Result<Map<String, Value>, ApiError> {
    let Some(Value::Object(map)) = body else {
        return Err(err(
            def.product,
            Kind::InvalidInput,
            "Request body must be a JSON object",
        ));
    };
    for field in def.required {
        let present = match map.get(*field) {
            None | Some(Value::Null) => false,
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(_) => true,
        };
        if !present {
            return Err(err(
                def.product,
                Kind::InvalidInput,
                format!("Missing required field '{field}'"),
            ));
        }
    }
    if let Some(name_field) = def.name_field
        && let Some(name) = map.get(name_field)
        && !name.is_null()
        && !name.is_string()
    {
        return Err(err(
            def.product,
            Kind::InvalidInput,
            format!("Field '{name_field}' must be a string"),
        ));
    }
    Ok(map.clone())
}

fn check_unique(
    def: &ResourceDef,
    tenant: &Tenant,
    map: &Map<String, Value>,
    except: Option<&str>,
) -> Result<(), ApiError> {
    let (true, Some(field)) = (def.unique_name, def.name_field) else {
        return Ok(());
    };
    let Some(name) = map.get(field).and_then(Value::as_str) else {
        return Ok(());
    };
    let clash = tenant.collection(def.key).is_some_and(|c| {
        c.records.iter().any(|(id, r)| {
            Some(id.as_str()) != except
                && r.get(field)
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
    });
    if clash {
        return Err(err(
            def.product,
            Kind::Duplicate,
            format!("A resource named '{name}' already exists"),
        ));
    }
    Ok(())
}

fn mark_pending(def: &ResourceDef, tenant: &mut Tenant) {
    if def.needs_activation {
        tenant.zia_pending = true;
    }
}

pub fn create(def: &'static ResourceDef, call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut map = validate(def, call.body)?;
    check_unique(def, call.tenant, &map, None)?;
    map.remove(def.id_field);
    if let Some(p) = def.parent
        && let Some(pid) = call.params.get(p.param)
    {
        map.insert(p.field.to_string(), Value::String(pid.to_string()));
    }
    (def.complete)(&mut map, call.tenant.now());
    let id = call.tenant.insert(def, Value::Object(map));
    mark_pending(def, call.tenant);
    let record = call
        .tenant
        .collection(def.key)
        .and_then(|c| c.records.get(&id))
        .cloned()
        .unwrap_or(Value::Null);
    Ok(Reply::ok(record))
}

pub fn replace(def: &'static ResourceDef, call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (existing, id) = find(def, call.tenant, call.params)?;
    let id_value = existing
        .get(def.id_field)
        .cloned()
        .unwrap_or(Value::String(id.clone()));
    let mut map = validate(def, call.body)?;
    if let Some(body_id) = map.get(def.id_field)
        && !body_id.is_null()
        && text_of(body_id).as_deref() != Some(id.as_str())
    {
        return Err(err(
            def.product,
            Kind::InvalidInput,
            format!("Body id {body_id} does not match the path id {id}"),
        ));
    }
    check_unique(def, call.tenant, &map, Some(&id))?;
    map.insert(def.id_field.to_string(), id_value);
    if let Some(p) = def.parent
        && let Some(parent) = existing.get(p.field)
    {
        map.insert(p.field.to_string(), parent.clone());
    }
    (def.complete)(&mut map, call.tenant.now());
    let record = Value::Object(map);
    call.tenant
        .collection_mut(def.key)
        .records
        .insert(id, record.clone());
    mark_pending(def, call.tenant);
    Ok(Reply::ok(record))
}

pub fn delete(def: &'static ResourceDef, call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (_, id) = find(def, call.tenant, call.params)?;
    call.tenant
        .collection_mut(def.key)
        .records
        .shift_remove(&id);
    mark_pending(def, call.tenant);
    Ok(Reply::NoContent)
}

pub fn get_singleton(def: &ResourceDef, read: &Read<'_>) -> Result<Reply, ApiError> {
    read.tenant
        .collection(def.key)
        .and_then(|c| c.records.values().next())
        .cloned()
        .map(Reply::ok)
        .ok_or_else(|| err(def.product, Kind::NotFound, "Settings not found"))
}

pub fn replace_singleton(
    def: &'static ResourceDef,
    call: &mut Call<'_>,
) -> Result<Reply, ApiError> {
    let mut map = validate(def, call.body)?;
    (def.complete)(&mut map, call.tenant.now());
    let record = Value::Object(map);
    let collection = call.tenant.collection_mut(def.key);
    let key = collection
        .records
        .keys()
        .next()
        .cloned()
        .unwrap_or_else(|| "singleton".to_string());
    collection.records.insert(key, record.clone());
    mark_pending(def, call.tenant);
    Ok(Reply::ok(record))
}

/// The records of a resource, in order (for handlers).
pub fn records<'t>(tenant: &'t Tenant, def: &ResourceDef) -> impl Iterator<Item = &'t Value> {
    tenant
        .collection(def.key)
        .into_iter()
        .flat_map(|c| c.records.values())
}

/// One record by id text (for handlers).
pub fn record<'t>(tenant: &'t Tenant, def: &ResourceDef, id: &str) -> Option<&'t Value> {
    tenant.collection(def.key).and_then(|c| c.records.get(id))
}

/// A 404 in the resource's service shape (for handlers).
pub fn not_found(def: &ResourceDef, id: &str) -> ApiError {
    err(
        def.product,
        Kind::NotFound,
        format!("Resource with id {id} not found"),
    )
}

/// A 400 in the service's shape naming the field and the rule (for handlers).
pub fn invalid(product: Product, message: impl Into<String>) -> ApiError {
    err(product, Kind::InvalidInput, message)
}

/// Id text of a record (for handlers).
pub fn record_id(def: &ResourceDef, record: &Value) -> Option<String> {
    record.get(def.id_field).map(id_text)
}
