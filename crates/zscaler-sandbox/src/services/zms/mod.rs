//! ZMS (Zscaler Microsegmentation, `POST /zms/graphql`): GraphQL. Every root field takes the
//! tenant's `customerId` (the ZPA customer id) and lists answer a connection
//! `{"nodes": [...], "pageInfo": {"pageNumber", "pageSize", "totalCount", "totalPages"}}`, paged
//! by `page`/`pageNum` (1-based) and `pageSize`, filtered by `search` or `filter` objects
//! (`{name: {contains}}`, `{status: {equals}}`, ...), sorted by `sort`/`sortDir` or `orderBy`.
//! Counts (agents per group, members per group or zone, protection status) are computed at
//! request time from the seeded records, so they always agree with one another.

use std::collections::BTreeMap;

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zins::civil_from_days;
use super::zins::graphql::{self, Ctx, Field, GqlError, string_condition};
use crate::engine::{Call, IdKind, Reply, ResourceDef, no_completion, records};
use crate::envelope::Envelope;
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

mod agents;
mod catalog;
mod policies;
mod resources;
mod roots;
mod tags;

use agents::*;
use catalog::*;
use policies::*;
use resources::*;
use roots::*;
use tags::*;

const fn zms(
    key: &'static str,
    id_field: &'static str,
    seed: fn(&mut Seeder<'_>) -> Vec<Value>,
) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zms,
        id_kind: IdKind::NumericString,
        id_field,
        name_field: Some("name"),
        unique_name: false,
        required: &[],
        parent: None,
        envelope: Envelope::BareArray {
            default_page_size: None,
            max_page_size: 10_000,
        },
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static AGENT_GROUPS: ResourceDef = zms("zms.agent_groups", "eyezId", seed_agent_groups);
pub static AGENTS: ResourceDef = zms("zms.agents", "eyezId", seed_agents);
pub static NONCES: ResourceDef = zms("zms.nonces", "eyezId", seed_nonces);
pub static APP_ZONES: ResourceDef = zms("zms.app_zones", "id", seed_app_zones);
pub static RESOURCE_GROUPS: ResourceDef = zms("zms.resource_groups", "id", seed_resource_groups);
pub static RESOURCES_DEF: ResourceDef = zms("zms.resources", "id", seed_resources);
pub static POLICY_RULES: ResourceDef = zms("zms.policy_rules", "id", seed_policy_rules);
pub static DEFAULT_RULES: ResourceDef = zms("zms.default_policy_rules", "id", seed_default_rules);
pub static APP_CATALOG: ResourceDef = zms("zms.app_catalog", "id", seed_app_catalog);
pub static TAG_NAMESPACES: ResourceDef = zms("zms.tag_namespaces", "id", seed_namespaces);
pub static TAG_KEYS: ResourceDef = zms("zms.tag_keys", "id", seed_tag_keys);
pub static TAG_VALUES: ResourceDef = zms("zms.tag_values", "id", seed_tag_values);

pub static RESOURCES: &[&ResourceDef] = &[
    &AGENT_GROUPS,
    &AGENTS,
    &NONCES,
    &APP_ZONES,
    &RESOURCE_GROUPS,
    &RESOURCES_DEF,
    &POLICY_RULES,
    &DEFAULT_RULES,
    &APP_CATALOG,
    &TAG_NAMESPACES,
    &TAG_KEYS,
    &TAG_VALUES,
];

pub fn routes() -> Vec<Route> {
    vec![Route::new(
        Method::POST,
        "/zms/graphql",
        Op::Custom(graphql_handler),
    )]
}

fn graphql_handler(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let tenant = &*call.tenant;
    let mut resolve =
        |ctx: &Ctx<'_>, field: &Field, path: &mut Vec<String>| resolve(tenant, ctx, field, path);
    graphql::serve(call, Product::Zms, &mut resolve)
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

/// ISO-8601 UTC text for epoch seconds.
fn iso(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn base32_secret(s: &mut Seeder<'_>) -> String {
    (0..32)
        .map(|_| BASE32[s.int(0, 31) as usize] as char)
        .collect()
}

const PROVIDERS: &[&str] = &["AWS", "AZURE", "GCP", "ON_PREMISES"];
const REGIONS: &[(&str, &[&str])] = &[
    ("AWS", &["us-east-1", "us-west-2", "eu-central-1"]),
    ("AZURE", &["eastus", "westeurope"]),
    ("GCP", &["us-central1", "europe-west1"]),
    ("ON_PREMISES", &["dc-sanjose", "dc-frankfurt"]),
];
const VERSIONS: &[&str] = &["24.3.1.12", "24.3.2.4", "25.1.0.18", "25.1.1.3"];

fn region(s: &mut Seeder<'_>, provider: &str) -> String {
    let list = REGIONS
        .iter()
        .find(|(p, _)| *p == provider)
        .map(|(_, r)| *r)
        .unwrap_or(&["us-east-1"]);
    s.pick(list).to_string()
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

fn text(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn ids(v: &Value, k: &str) -> Vec<String> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn bad_arg(message: impl Into<String>, path: &[String]) -> GqlError {
    GqlError::validation(message, path)
}

/// Page number and size from `page`/`pageNum` and `pageSize`.
fn paging(args: &Map<String, Value>, path: &[String]) -> Result<(usize, usize), GqlError> {
    let get = |names: &[&str], default: i64, min: i64, max: i64| -> Result<usize, GqlError> {
        let Some((name, v)) = names.iter().find_map(|n| args.get(*n).map(|v| (*n, v))) else {
            return Ok(default as usize);
        };
        match v.as_i64() {
            Some(x) if (min..=max).contains(&x) => Ok(x as usize),
            _ => Err(bad_arg(
                format!(
                    "Invalid value {v} for argument '{name}': expected an integer from {min} to {max}"
                ),
                path,
            )),
        }
    };
    Ok((
        get(&["pageNum", "page"], 1, 1, i64::from(i32::MAX))?,
        get(&["pageSize"], 20, 1, 1000)?,
    ))
}

fn connection(
    nodes: Vec<Value>,
    args: &Map<String, Value>,
    fetch_all: bool,
    path: &[String],
) -> Result<Value, GqlError> {
    let total = nodes.len();
    if fetch_all {
        return Ok(json!({
            "__typename": "Connection",
            "nodes": nodes,
            "pageInfo": {"pageNumber": 1, "pageSize": total, "totalCount": total, "totalPages": 1},
        }));
    }
    let (page, size) = paging(args, path)?;
    let page_nodes: Vec<Value> = nodes
        .into_iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .collect();
    Ok(json!({
        "__typename": "Connection",
        "nodes": page_nodes,
        "pageInfo": {
            "pageNumber": page,
            "pageSize": size,
            "totalCount": total,
            "totalPages": total.div_ceil(size),
        },
    }))
}

/// `filter` objects: `{field: {contains|equals|starts|ends|in}}`. `special` resolves keys that
/// are not plain fields of the node (returns None for unknown keys).
fn apply_filter(
    nodes: &mut Vec<Value>,
    args: &Map<String, Value>,
    allowed: &[&str],
    type_name: &str,
    special: &dyn Fn(&Value, &str, &Value) -> Option<bool>,
    path: &[String],
) -> Result<(), GqlError> {
    let Some(filter) = args.get("filter") else {
        return Ok(());
    };
    let Value::Object(conds) = filter else {
        return Err(bad_arg(
            format!("Argument 'filter' must be an input object of type '{type_name}'"),
            path,
        ));
    };
    for key in conds.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(bad_arg(
                format!(
                    "Validation error (WrongType@[{}]) : argument 'filter' with value '{filter}' contains a field not in '{type_name}': '{key}'",
                    path.join("/")
                ),
                path,
            ));
        }
    }
    nodes.retain(|node| {
        conds.iter().all(|(key, cond)| {
            special(node, key, cond).unwrap_or_else(|| {
                node.get(key)
                    .is_some_and(|actual| string_condition(actual, cond))
            })
        })
    });
    Ok(())
}

fn sort_nodes(nodes: &mut [Value], field: &str, desc: bool) {
    nodes.sort_by(|a, b| {
        let (x, y) = (a.get(field), b.get(field));
        let ord = match (x.and_then(Value::as_f64), y.and_then(Value::as_f64)) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(std::cmp::Ordering::Equal),
            _ => text(a, field)
                .to_lowercase()
                .cmp(&text(b, field).to_lowercase()),
        };
        if desc { ord.reverse() } else { ord }
    });
}

/// `orderBy: {<field>: ASC|DESC}`.
fn apply_order_by(
    nodes: &mut [Value],
    args: &Map<String, Value>,
    allowed: &[&str],
    path: &[String],
) -> Result<(), GqlError> {
    let Some(Value::Object(order)) = args.get("orderBy") else {
        return Ok(());
    };
    for (field, dir) in order.iter().rev() {
        if !allowed.contains(&field.as_str()) {
            return Err(bad_arg(format!("Cannot order by '{field}'"), path));
        }
        let dir = dir.as_str().unwrap_or("");
        if !matches!(dir, "ASC" | "DESC") {
            return Err(bad_arg(
                format!("Invalid sort direction '{dir}' for '{field}': expected ASC or DESC"),
                path,
            ));
        }
        sort_nodes(nodes, field, dir == "DESC");
    }
    Ok(())
}

/// `search` (substring on `fields`), `sort` (a node field) and `sortDir`.
fn search_sort(
    nodes: &mut Vec<Value>,
    args: &Map<String, Value>,
    fields: &[&str],
    path: &[String],
) -> Result<(), GqlError> {
    if let Some(q) = args.get("search").and_then(Value::as_str) {
        let q = q.to_lowercase();
        nodes.retain(|n| {
            fields
                .iter()
                .any(|f| text(n, f).to_lowercase().contains(&q))
        });
    }
    let dir = args.get("sortDir").and_then(Value::as_str).unwrap_or("ASC");
    if let Some(sort) = args.get("sort").and_then(Value::as_str) {
        let known = nodes.first().is_none_or(|n| {
            n.get(sort).is_some() && !sort.starts_with('_') && sort != "__typename"
        });
        if !known {
            return Err(bad_arg(format!("Invalid sort field '{sort}'"), path));
        }
        sort_nodes(nodes, sort, dir == "DESC");
    } else if dir == "DESC" {
        nodes.reverse();
    }
    Ok(())
}

fn all(tenant: &Tenant, def: &ResourceDef) -> Vec<Value> {
    records(tenant, def).cloned().collect()
}

fn require_id<'a>(
    args: &'a Map<String, Value>,
    name: &str,
    path: &[String],
) -> Result<&'a str, GqlError> {
    args.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| bad_arg(format!("Missing required argument '{name}'"), path))
}

/// Groups (ids) that some live policy rule targets.
fn protected_groups(tenant: &Tenant) -> Vec<String> {
    let mut out: Vec<String> = records(tenant, &POLICY_RULES)
        .filter(|r| r["deleted"] != true)
        .flat_map(|r| {
            let mut v = ids(r, "_sourceGroupIds");
            v.extend(ids(r, "_destinationGroupIds"));
            v
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn pct(part: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (part as f64 * 10_000.0 / total as f64).round() / 100.0
    }
}
