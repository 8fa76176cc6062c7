//! ZCell (`/zcell/config/api/v1/customers/{zcellCustomerId}/...`, plus the audit and
//! network-event paths): SIMs, tags, SIM location groups, anomaly policies with their logs and
//! violations, regions, SIM analytics, customer data handling, network events and audit
//! records. Pages are 0-based `page` with `size` ≤ 100 answering the Spring-style
//! `{"content","totalElements","totalPages","size","number",...}`; POST searches take
//! `page`/`size` in the body (the audit search takes them in the query). Single objects and
//! unpaged analytics come back bare. Record timestamps are epoch milliseconds; request windows
//! are epoch seconds and may span at most 365 days.

use std::collections::BTreeMap;

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::engine::{
    self, Call, Filter, IdKind, Match, Reply, ResourceDef, no_completion, not_found,
};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

const fn zcell(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zcell,
        id_kind: IdKind::Int,
        id_field: "id",
        name_field: Some("name"),
        unique_name: true,
        required: &["name"],
        parent: None,
        envelope: Envelope::Zcell,
        filters: &[Filter {
            param: "name",
            field: "name",
            how: Match::Contains,
        }],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static CUSTOMER: ResourceDef = ResourceDef {
    id_kind: IdKind::Singleton,
    name_field: None,
    required: &[],
    filters: &[],
    ..zcell("zcell.customer", seed_customer)
};
pub static REGIONS: ResourceDef = ResourceDef {
    id_kind: IdKind::Slug,
    id_field: "region",
    name_field: Some("region"),
    filters: &[],
    ..zcell("zcell.regions", seed_regions)
};
pub static TAGS: ResourceDef = ResourceDef {
    id_kind: IdKind::Uuid,
    ..zcell("zcell.tags", seed_tags)
};
pub static LOCATION_GROUPS: ResourceDef = zcell("zcell.sim_location_groups", seed_location_groups);
pub static SIMS: ResourceDef = ResourceDef {
    id_kind: IdKind::NumericString,
    id_field: "iccid",
    name_field: None,
    unique_name: false,
    required: &["iccid"],
    filters: &[],
    ..zcell("zcell.sims", seed_sims)
};
pub static POLICIES: ResourceDef = ResourceDef {
    name_field: Some("policyName"),
    required: &["policyName", "policyType"],
    filters: &[],
    ..zcell("zcell.anomaly_policies", seed_policies)
};
pub static POLICY_LOGS: ResourceDef = ResourceDef {
    name_field: None,
    unique_name: false,
    filters: &[],
    ..zcell("zcell.anomaly_policy_logs", seed_policy_logs)
};
pub static VIOLATIONS: ResourceDef = ResourceDef {
    id_kind: IdKind::Uuid,
    name_field: None,
    unique_name: false,
    filters: &[],
    ..zcell("zcell.violations", seed_violations)
};
pub static NETWORK_EVENTS: ResourceDef = ResourceDef {
    id_kind: IdKind::Uuid,
    name_field: None,
    unique_name: false,
    filters: &[],
    ..zcell("zcell.network_events", seed_network_events)
};
pub static AUDIT: ResourceDef = ResourceDef {
    name_field: None,
    unique_name: false,
    filters: &[],
    ..zcell("zcell.audit", seed_audit)
};

pub static RESOURCES: &[&ResourceDef] = &[
    &CUSTOMER,
    &REGIONS,
    &TAGS,
    &LOCATION_GROUPS,
    &SIMS,
    &POLICIES,
    &POLICY_LOGS,
    &VIOLATIONS,
    &NETWORK_EVENTS,
    &AUDIT,
];

pub fn routes() -> Vec<Route> {
    use Method as M;
    vec![
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}",
            Op::GetSingleton(&CUSTOMER),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/regions",
            Op::Custom(list_regions),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/regions/operational-status",
            Op::Custom(region_status),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/tag",
            Op::List(&TAGS),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim-location-groups",
            Op::List(&LOCATION_GROUPS),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim-location-groups/{groupId}",
            Op::Get(&LOCATION_GROUPS),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sims/details",
            Op::Custom(sim_details),
        ),
        Route::new(
            M::POST,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sims/search",
            Op::Custom(search_sims),
        ),
        Route::new(
            M::POST,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/map",
            Op::Custom(analytics_map),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/summary",
            Op::Custom(analytics_summary),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/usage/countries",
            Op::Custom(usage_countries),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/usage/day",
            Op::Custom(usage_day),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/usage/sims",
            Op::Custom(usage_sims),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy",
            Op::Custom(list_policies),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy/{policyId}/logs",
            Op::Custom(policy_logs),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy/{policyId}/violations",
            Op::Custom(policy_violations),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy/{policyId}/violations/{iccid}",
            Op::Custom(iccid_violations),
        ),
        Route::new(
            M::POST,
            "/zcell/config/api/v1/network-events/{zcellCustomerId}/search/startTime/{startTime}/endTime/{endTime}",
            Op::Custom(search_network_events),
        ),
        Route::new(
            M::POST,
            "/zcell/config/api/v1/audit/customers/{zcellCustomerId}/search",
            Op::Custom(search_audit),
        ),
        Route::new(
            M::GET,
            "/zcell/config/api/v1/audit/metadata",
            Op::Custom(audit_metadata),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Request helpers

fn bad(message: impl Into<String>) -> ApiError {
    engine::invalid(Product::Zcell, message)
}

/// Longest window the API accepts (365 days, inclusive of a partial day).
const MAX_WINDOW_S: i64 = 366 * 86_400;

fn epoch_param(name: &str, raw: &str) -> Result<i64, ApiError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v >= 0)
        .ok_or_else(|| {
            bad(format!(
                "Invalid value '{raw}' for '{name}': expected epoch seconds"
            ))
        })
}

/// A `[start, end]` window in epoch seconds, checked: both or neither given (unless
/// `required`), start ≤ end, at most 365 days.
fn window_of(
    start: Option<(&str, &str)>,
    end: Option<(&str, &str)>,
    names: (&str, &str),
    required: bool,
) -> Result<Option<(i64, i64)>, ApiError> {
    let (start, end) = match (start, end) {
        (None, None) if !required => return Ok(None),
        (Some((n, s)), Some((m, e))) => (epoch_param(n, s)?, epoch_param(m, e)?),
        (None, _) => return Err(bad(format!("Missing required parameter '{}'", names.0))),
        (_, None) => return Err(bad(format!("Missing required parameter '{}'", names.1))),
    };
    if end < start {
        return Err(bad(format!(
            "'{}' must not be before '{}'",
            names.1, names.0
        )));
    }
    if end - start > MAX_WINDOW_S {
        return Err(bad("The time window must not exceed 365 days"));
    }
    Ok(Some((start, end)))
}

fn query_window(
    call: &Call<'_>,
    start: &'static str,
    end: &'static str,
    required: bool,
) -> Result<Option<(i64, i64)>, ApiError> {
    window_of(
        call.query
            .first(start)
            .filter(|v| !v.is_empty())
            .map(|v| (start, v)),
        call.query
            .first(end)
            .filter(|v| !v.is_empty())
            .map(|v| (end, v)),
        (start, end),
        required,
    )
}

/// Record timestamp (epoch ms) within a window in epoch seconds.
fn in_window(record: &Value, field: &str, window: Option<(i64, i64)>) -> bool {
    let Some((start, end)) = window else {
        return true;
    };
    record[field]
        .as_i64()
        .is_some_and(|ms| ms >= start * 1000 && ms <= end * 1000 + 999)
}

/// The request body as an object (absent: empty).
fn body_map(call: &Call<'_>) -> Result<Map<String, Value>, ApiError> {
    match call.body {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(m)) => Ok(m.clone()),
        Some(_) => Err(bad("Request body must be a JSON object")),
    }
}

/// `page` (0-based) and `size` (1..=100) from a search body.
fn body_page(body: &Map<String, Value>) -> Result<(usize, usize), ApiError> {
    fn num(
        body: &Map<String, Value>,
        name: &str,
        min: u64,
        max: u64,
        dflt: u64,
    ) -> Result<u64, ApiError> {
        match body.get(name) {
            None | Some(Value::Null) => Ok(dflt),
            Some(v) => v
                .as_u64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
                .filter(|n| *n >= min && *n <= max)
                .ok_or_else(|| {
                    bad(format!(
                        "Invalid value {v} for '{name}': expected an integer from {min} to {max}"
                    ))
                }),
        }
    }
    let page = num(body, "page", 0, u32::MAX as u64, 0)?;
    let size = num(body, "size", 1, 100, 20)?;
    Ok((page as usize, size as usize))
}

/// A body field that is a string or an array of strings (null/absent: none).
fn strings(body: &Map<String, Value>, name: &str) -> Result<Vec<String>, ApiError> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| bad(format!("'{name}' must be an array of strings")))
            })
            .collect(),
        Some(_) => Err(bad(format!("'{name}' must be an array of strings"))),
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn eq_ci(v: &Value, want: &str) -> bool {
    text(v).is_some_and(|t| t.eq_ignore_ascii_case(want))
}

fn bool_query(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
    match call.query.first(name) {
        None | Some("") => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(bad(format!(
            "Invalid value '{v}' for '{name}': expected true or false"
        ))),
    }
}

fn limit_query(call: &Call<'_>, max: usize, dflt: usize) -> Result<usize, ApiError> {
    match call.query.first("limit") {
        None | Some("") => Ok(dflt),
        Some(raw) => raw
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                bad(format!(
                    "Invalid value '{raw}' for 'limit': expected an integer from 1 to {max}"
                ))
            }),
    }
}

fn page_of(records: Vec<Value>, call: &Call<'_>) -> Result<Reply, ApiError> {
    envelope::list(
        Envelope::Zcell,
        Product::Zcell,
        records,
        call.query,
        call.path,
    )
    .map(Reply::ok)
}

fn policy<'t>(call: &'t Call<'_>) -> Result<&'t Value, ApiError> {
    let id = call.params.get("policyId").unwrap_or_default();
    engine::record(call.tenant, &POLICIES, id).ok_or_else(|| not_found(&POLICIES, id))
}

fn newest_first(records: &mut [Value], field: &str) {
    records.sort_by(|a, b| b[field].as_i64().cmp(&a[field].as_i64()));
}

// ---------------------------------------------------------------------------------------------
// Usage: a deterministic function of the SIM and the day, so any window has data.

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Bytes a SIM used on day `day` (days since the Unix epoch): zero before activation, for SIMs
/// not in service, and on some idle days.
pub fn daily_usage(sim: &Value, day: i64) -> u64 {
    let Some(usage) = Usage::of(sim) else {
        return 0;
    };
    usage.on(day)
}

/// What a SIM's usage depends on, read once.
struct Usage {
    key: u64,
    first_day: i64,
}

impl Usage {
    fn new(iccid: &str, activated: bool, activated_ms: Option<i64>) -> Option<Usage> {
        let first_day = activated_ms?.div_euclid(86_400_000);
        activated.then(|| Usage {
            key: fnv(iccid),
            first_day,
        })
    }

    fn of(sim: &Value) -> Option<Usage> {
        Usage::new(
            sim["iccid"].as_str().unwrap_or_default(),
            sim["status"].as_str() == Some("ACTIVATED"),
            sim["activatedDate"].as_i64(),
        )
    }

    fn on(&self, day: i64) -> u64 {
        if day < self.first_day {
            return 0;
        }
        let h = splitmix(self.key ^ day as u64);
        if h.is_multiple_of(5) {
            return 0;
        }
        1_000_000 + (h >> 8) % 400_000_000
    }

    fn within(&self, window: (i64, i64)) -> u64 {
        days_of(window).map(|d| self.on(d)).sum()
    }
}

fn days_of(window: (i64, i64)) -> std::ops::RangeInclusive<i64> {
    window.0.div_euclid(86_400)..=window.1.div_euclid(86_400)
}

fn usage_in(sim: &Value, window: (i64, i64)) -> u64 {
    Usage::of(sim).map_or(0, |u| u.within(window))
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// `GET /regions`: the regions of the customer's SKU (`skipSkuCheck=true`: every region).
fn list_regions(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let skip = bool_query(call, "skipSkuCheck")?.unwrap_or(false);
    let regions: Vec<Value> = engine::records(call.tenant, &REGIONS)
        .filter(|r| skip || r["inSku"].as_bool() == Some(true))
        .map(|r| json!({"region": r["region"], "configured": r["configured"]}))
        .collect();
    Ok(Reply::ok(Value::Array(regions)))
}

/// `GET /regions/operational-status`: the configured regions' core (`ac`) and border (`bc`)
/// component status. `bcSize`, when numeric, caps the border components listed.
fn region_status(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let bc_size = match call.query.first("bcSize").filter(|v| !v.is_empty()) {
        None => None,
        Some(raw) => Some(
            raw.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    bad(format!(
                        "Invalid value '{raw}' for 'bcSize': expected a positive integer"
                    ))
                })?,
        ),
    };
    let out: Vec<Value> = engine::records(call.tenant, &REGIONS)
        .filter(|r| r["configured"].as_bool() == Some(true))
        .map(|r| {
            let mut bc = r["bc"].clone();
            if let (Some(n), Some(items)) = (bc_size, bc["operationalStatus"].as_array_mut()) {
                items.truncate(n);
            }
            json!({
                "region": r["region"],
                "operationalStatus": r["operationalStatus"],
                "bc": bc,
                "ac": r["ac"],
                "mapACStatus": r["mapACStatus"],
                "mapBCStatus": r["mapBCStatus"],
            })
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sims/details?iccId=`: one SIM, bare.
fn sim_details(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(iccid) = call.query.first("iccId").filter(|v| !v.trim().is_empty()) else {
        return Err(bad("Missing required parameter 'iccId'"));
    };
    engine::record(call.tenant, &SIMS, iccid.trim())
        .cloned()
        .map(Reply::ok)
        .ok_or_else(|| not_found(&SIMS, iccid))
}

/// `POST /sims/search`: filters and `page`/`size` in the body.
fn search_sims(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_map(call)?;
    let (page, size) = body_page(&body)?;
    let iccids = strings(&body, "iccid")?;
    let ips = strings(&body, "ipAddress")?;
    let tags = strings(&body, "tag")?;
    let mut exact = Vec::new();
    for field in [
        "status",
        "networkStatus",
        "locationCountry",
        "deviceType",
        "brandName",
        "marketingName",
        "modelName",
        "formFactor",
        "imeiStatus",
    ] {
        match body.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.is_empty() => {}
            Some(Value::String(s)) => exact.push((field, s.clone())),
            Some(_) => return Err(bad(format!("'{field}' must be a string"))),
        }
    }
    let hits: Vec<&Value> = engine::records(call.tenant, &SIMS)
        .filter(|sim| iccids.is_empty() || iccids.iter().any(|i| eq_ci(&sim["iccid"], i)))
        .filter(|sim| {
            ips.is_empty()
                || sim["ipAddress"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|ip| ips.iter().any(|w| eq_ci(ip, w))))
        })
        .filter(|sim| {
            tags.is_empty()
                || ["tags", "tagIds"].iter().any(|f| {
                    sim[*f]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|t| tags.iter().any(|w| eq_ci(t, w))))
                })
        })
        .filter(|sim| exact.iter().all(|(f, want)| eq_ci(&sim[*f], want)))
        .collect();
    // Only the page is copied: SIMs grow with `--scale`.
    Ok(Reply::ok(envelope::zcell_page_refs(hits, page, size)))
}

/// One map marker: iccids, imsis, tags, latitude, longitude.
type MapPoint = (Vec<Value>, Vec<Value>, Vec<String>, f64, f64);

/// `POST /sim/analytics/map`: SIM positions, SIMs at the same point grouped
/// (`[{"iccid":[...],"imsi":[...],"lat","lng","tags":[...]}]`); `iccIds` narrows the set.
fn analytics_map(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_map(call)?;
    let wanted = strings(&body, "iccIds")?;
    let mut points: BTreeMap<(i64, i64), MapPoint> = BTreeMap::new();
    for sim in engine::records(call.tenant, &SIMS) {
        if !wanted.is_empty() && !wanted.iter().any(|w| eq_ci(&sim["iccid"], w)) {
            continue;
        }
        let (Some(lat), Some(lng)) = (sim["simLat"].as_f64(), sim["simLng"].as_f64()) else {
            continue;
        };
        // Points within about 1 km share a marker.
        let key = ((lat * 100.0).round() as i64, (lng * 100.0).round() as i64);
        let entry = points
            .entry(key)
            .or_insert_with(|| (Vec::new(), Vec::new(), Vec::new(), lat, lng));
        entry.0.push(sim["iccid"].clone());
        entry.1.push(sim["imsi"].clone());
        for tag in sim["tags"].as_array().into_iter().flatten() {
            if let Some(t) = tag.as_str()
                && !entry.2.iter().any(|x| x == t)
            {
                entry.2.push(t.to_string());
            }
        }
    }
    let out: Vec<Value> = points
        .into_values()
        .map(|(iccid, imsi, tags, lat, lng)| {
            json!({"iccid": iccid, "imsi": imsi, "lat": lat, "lng": lng, "tags": tags})
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sim/analytics/summary`: `[{"total","used","active","inactive"}]`.
fn analytics_summary(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (mut total, mut used, mut active) = (0u64, 0u64, 0u64);
    for sim in engine::records(call.tenant, &SIMS) {
        total += 1;
        if !sim["activatedDate"].is_null() {
            used += 1;
        }
        if sim["status"].as_str() == Some("ACTIVATED") {
            active += 1;
        }
    }
    Ok(Reply::ok(json!([{
        "total": total,
        "used": used,
        "active": active,
        "inactive": total - active,
    }])))
}

/// `GET /sim/analytics/usage/countries?startDate&endDate&limit`: top countries by bytes.
fn usage_countries(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDate", "endDate", true)?.unwrap_or_default();
    let limit = limit_query(call, 20, 10)?;
    let mut by_country: BTreeMap<String, u64> = BTreeMap::new();
    for sim in engine::records(call.tenant, &SIMS) {
        let usage = usage_in(sim, window);
        if usage > 0
            && let Some(c) = sim["locationCountry"].as_str()
        {
            *by_country.entry(c.to_string()).or_default() += usage;
        }
    }
    let mut rows: Vec<(String, u64)> = by_country.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let out: Vec<Value> = rows
        .into_iter()
        .take(limit)
        .map(|(country, usage)| json!({"country": country, "usage": usage}))
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sim/analytics/usage/day?startDate&endDate[&iccId]`: bytes per day (all SIMs, or one).
fn usage_day(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDate", "endDate", true)?.unwrap_or_default();
    let sims: Vec<Usage> = match call.query.first("iccId").filter(|v| !v.is_empty()) {
        Some(iccid) => {
            let sim =
                engine::record(call.tenant, &SIMS, iccid).ok_or_else(|| not_found(&SIMS, iccid))?;
            Usage::of(sim).into_iter().collect()
        }
        None => engine::records(call.tenant, &SIMS)
            .filter_map(Usage::of)
            .collect(),
    };
    let out: Vec<Value> = days_of(window)
        .map(|day| {
            let usage: u64 = sims.iter().map(|u| u.on(day)).sum();
            json!({"creationTime": day * 86_400_000, "usage": usage})
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sim/analytics/usage/sims?startDate&endDate&limit`: top SIMs by bytes.
fn usage_sims(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDate", "endDate", true)?.unwrap_or_default();
    let limit = limit_query(call, 100, 10)?;
    let mut rows: Vec<(u64, &Value)> = engine::records(call.tenant, &SIMS)
        .map(|s| (usage_in(s, window), &s["iccid"]))
        .filter(|(u, _)| *u > 0)
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let out: Vec<Value> = rows
        .into_iter()
        .take(limit)
        .map(|(usage, iccid)| json!({"iccid": iccid, "usage": usage}))
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /anomaly-policy?startDateTime&endDateTime&policyType&page&size`: each policy with its
/// `violations` counted within the window.
fn list_policies(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDateTime", "endDateTime", false)?;
    let policy_type = call.query.first("policyType").filter(|v| !v.is_empty());
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for v in engine::records(call.tenant, &VIOLATIONS) {
        if in_window(v, "timestamp", window)
            && let Some(p) = text(&v["policyId"])
        {
            *counts.entry(p).or_default() += 1;
        }
    }
    let records: Vec<Value> = engine::records(call.tenant, &POLICIES)
        .filter(|p| policy_type.is_none_or(|t| eq_ci(&p["policyType"], t)))
        .map(|p| {
            let mut p = p.clone();
            let n = text(&p["id"])
                .and_then(|id| counts.get(&id).copied())
                .unwrap_or(0);
            p["violations"] = json!(n);
            p
        })
        .collect();
    page_of(records, call)
}

/// `GET /anomaly-policy/{policyId}/logs`: the policy's change log, newest first.
fn policy_logs(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = text(&policy(call)?["id"]).unwrap_or_default();
    let mut records: Vec<Value> = engine::records(call.tenant, &POLICY_LOGS)
        .filter(|l| text(&l["policyId"]).as_deref() == Some(id.as_str()))
        .cloned()
        .collect();
    newest_first(&mut records, "timestamp");
    page_of(records, call)
}

fn violations_of(call: &Call<'_>, iccid: Option<&str>) -> Result<Vec<Value>, ApiError> {
    let window = query_window(call, "startDateTime", "endDateTime", false)?;
    let id = text(&policy(call)?["id"]).unwrap_or_default();
    let mut records: Vec<Value> = engine::records(call.tenant, &VIOLATIONS)
        .filter(|v| text(&v["policyId"]).as_deref() == Some(id.as_str()))
        .filter(|v| iccid.is_none_or(|i| v["iccid"].as_str() == Some(i)))
        .filter(|v| in_window(v, "timestamp", window))
        .cloned()
        .collect();
    newest_first(&mut records, "timestamp");
    Ok(records)
}

/// `GET /anomaly-policy/{policyId}/violations?startDateTime&endDateTime&page&size`.
fn policy_violations(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let records = violations_of(call, None)?;
    page_of(records, call)
}

/// `GET /anomaly-policy/{policyId}/violations/{iccid}`: one SIM's violations, a bare array.
fn iccid_violations(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let iccid = call.params.get("iccid").unwrap_or_default().to_string();
    policy(call)?;
    if engine::record(call.tenant, &SIMS, &iccid).is_none() {
        return Err(not_found(&SIMS, &iccid));
    }
    violations_of(call, Some(&iccid)).map(|v| Reply::ok(Value::Array(v)))
}

/// `POST /network-events/{id}/search/startTime/{s}/endTime/{e}`: events in the window, with
/// `filterBy` (`[{"field","value"|"values"}]`), `sortBy` (`{"field","order"}`),
/// `excludeApnConfig` and `page`/`size` in the body.
fn search_network_events(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = window_of(
        call.params.get("startTime").map(|v| ("startTime", v)),
        call.params.get("endTime").map(|v| ("endTime", v)),
        ("startTime", "endTime"),
        true,
    )?;
    let body = body_map(call)?;
    let (page, size) = body_page(&body)?;
    let exclude_apn = match body.get("excludeApnConfig") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad("'excludeApnConfig' must be a boolean")),
    };
    let mut filters: Vec<(String, Vec<String>)> = Vec::new();
    match body.get("filterBy") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                let Value::Object(f) = item else {
                    return Err(bad("'filterBy' must be an array of objects"));
                };
                let Some(field) = ["field", "key", "name"]
                    .iter()
                    .find_map(|k| f.get(*k).and_then(Value::as_str))
                else {
                    continue;
                };
                let values: Vec<String> = match f.get("values").or_else(|| f.get("value")) {
                    Some(Value::Array(vs)) => vs.iter().filter_map(text).collect(),
                    Some(v) => text(v).into_iter().collect(),
                    None => Vec::new(),
                };
                if !values.is_empty() {
                    filters.push((field.to_string(), values));
                }
            }
        }
        Some(_) => return Err(bad("'filterBy' must be an array of objects")),
    }
    let (sort_field, descending) = match body.get("sortBy") {
        None | Some(Value::Null) => ("timestamp".to_string(), true),
        Some(Value::Object(s)) if s.is_empty() => ("timestamp".to_string(), true),
        Some(Value::Object(s)) => match s.get("field").and_then(Value::as_str) {
            Some(f) => {
                let order = s
                    .get("order")
                    .or_else(|| s.get("direction"))
                    .and_then(Value::as_str)
                    .unwrap_or("DESC");
                (f.to_string(), order.eq_ignore_ascii_case("desc"))
            }
            None => {
                let (f, order) = s
                    .iter()
                    .next()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unwrap_or_default();
                (
                    f,
                    order
                        .as_str()
                        .is_none_or(|o| o.eq_ignore_ascii_case("desc")),
                )
            }
        },
        Some(_) => return Err(bad("'sortBy' must be an object")),
    };
    let mut hits: Vec<Value> = engine::records(call.tenant, &NETWORK_EVENTS)
        .filter(|e| in_window(e, "timestamp", window))
        .filter(|e| !(exclude_apn && e["eventType"].as_str() == Some("APN_CONFIG_UPDATE")))
        .filter(|e| {
            filters
                .iter()
                .all(|(f, values)| values.iter().any(|v| eq_ci(&e[f.as_str()], v)))
        })
        .cloned()
        .collect();
    hits.sort_by(|a, b| {
        let (x, y) = (&a[sort_field.as_str()], &b[sort_field.as_str()]);
        let ord = match (x.as_f64(), y.as_f64()) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(std::cmp::Ordering::Equal),
            _ => text(x).cmp(&text(y)),
        };
        if descending { ord.reverse() } else { ord }
    });
    Ok(Reply::ok(envelope::zcell_page(hits, page, size)))
}

/// `POST /audit/customers/{id}/search?page&size`: audit records matching the body filters.
fn search_audit(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_map(call)?;
    let as_pair = |name: &'static str| -> Result<Option<(&'static str, String)>, ApiError> {
        match body.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => text(v)
                .map(|t| Some((name, t)))
                .ok_or_else(|| bad(format!("'{name}' must be epoch seconds"))),
        }
    };
    let (start, end) = (as_pair("startDate")?, as_pair("endDate")?);
    let window = window_of(
        start.as_ref().map(|(n, v)| (*n, v.as_str())),
        end.as_ref().map(|(n, v)| (*n, v.as_str())),
        ("startDate", "endDate"),
        false,
    )?;
    let mut exact = Vec::new();
    for field in [
        "operationType",
        "objectType",
        "objectId",
        "visibility",
        "modifiedByUserId",
    ] {
        if let Some(v) = body.get(field).filter(|v| !v.is_null()) {
            let t = text(v).ok_or_else(|| bad(format!("'{field}' must be a string")))?;
            if !t.is_empty() {
                exact.push((field, t));
            }
        }
    }
    let name = body
        .get("objectName")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .map(str::to_lowercase);
    let mut records: Vec<Value> = engine::records(call.tenant, &AUDIT)
        .filter(|r| in_window(r, "timestamp", window))
        .filter(|r| exact.iter().all(|(f, want)| eq_ci(&r[*f], want)))
        .filter(|r| {
            name.as_ref().is_none_or(|n| {
                r["objectName"]
                    .as_str()
                    .is_some_and(|o| o.to_lowercase().contains(n))
            })
        })
        .cloned()
        .collect();
    newest_first(&mut records, "timestamp");
    page_of(records, call)
}

const AUDIT_OBJECTS: [&str; 6] = [
    "SIM",
    "TAG",
    "SIM_LOCATION_GROUP",
    "ANOMALY_POLICY",
    "CUSTOMER_DATA_HANDLING",
    "REGION",
];
const AUDIT_OPERATIONS: [&str; 5] = ["CREATE", "UPDATE", "DELETE", "ACTIVATE", "DEACTIVATE"];

/// `GET /audit/metadata`: the object types with their operations, and the visibilities.
fn audit_metadata(_call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let out: Vec<Value> = AUDIT_OBJECTS
        .iter()
        .map(|o| {
            let ops: Vec<&str> = match *o {
                "SIM" => AUDIT_OPERATIONS.to_vec(),
                "CUSTOMER_DATA_HANDLING" | "REGION" => vec!["UPDATE"],
                _ => vec!["CREATE", "UPDATE", "DELETE"],
            };
            json!({
                "objectType": o,
                "operationTypes": ops,
                "visibility": ["CUSTOMER", "SUPPORT"],
            })
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

// ---------------------------------------------------------------------------------------------
// Seeds

fn ms(epoch_s: i64) -> i64 {
    epoch_s * 1000
}

fn zcell_id(s: &Seeder<'_>) -> String {
    s.tenant.identity.zcell_customer_id.clone()
}

fn seed_customer(s: &mut Seeder<'_>) -> Vec<Value> {
    let id = zcell_id(s);
    vec![json!({
        "customerId": id,
        "customerName": "Example Logistics Ltd",
        "dataRegion": "eu-central-1",
        "dataRetentionDays": 90,
        "piiMaskingEnabled": true,
        "locationTrackingEnabled": true,
        "imeiTrackingEnabled": true,
        "networkEventLoggingEnabled": true,
        "dataExportEnabled": false,
        "supportAccessEnabled": s.chance(0.5),
        "notes": s.text("Data handling agreed with the DPO"),
        "modifiedBy": "admin@example.com",
        "modifiedTime": ms(s.epoch_within(60)),
    })]
}

fn seed_regions(s: &mut Seeder<'_>) -> Vec<Value> {
    const REGIONS: [(&str, bool, bool); 6] = [
        ("us-east-1", true, true),
        ("us-west-2", true, false),
        ("eu-central-1", true, true),
        ("eu-west-1", true, true),
        ("ap-southeast-1", true, false),
        ("sa-east-1", false, false),
    ];
    REGIONS
        .iter()
        .map(|(region, in_sku, configured)| {
            let degraded = *configured && s.chance(0.2);
            let component = |kind: &str, n: usize, degraded: bool| -> Value {
                let items: Vec<Value> = (0..n)
                    .map(|i| {
                        json!({
                            "id": format!("{region}-{kind}-{}", i + 1),
                            "name": format!("{}-{kind}{:02}", region.replace('-', ""), i + 1),
                            "status": if degraded && i == 0 { "DEGRADED" } else { "UP" },
                        })
                    })
                    .collect();
                json!({"status": if degraded { "DEGRADED" } else { "UP" }, "operationalStatus": items})
            };
            json!({
                "region": region,
                "inSku": in_sku,
                "configured": configured,
                "operationalStatus": if degraded { "DEGRADED" } else if *configured { "OPERATIONAL" } else { "NOT_DEPLOYED" },
                "bc": component("bc", 4, degraded),
                "ac": component("ac", 2, false),
                "mapACStatus": if *configured { "MAPPED" } else { "UNMAPPED" },
                "mapBCStatus": if *configured { "MAPPED" } else { "UNMAPPED" },
            })
        })
        .collect()
}

const TAG_NAMES: [(&str, &str); 8] = [
    ("fleet", "#1f77b4"),
    ("cold-chain", "#17becf"),
    ("pos-terminal", "#2ca02c"),
    ("pilot", "#ff7f0e"),
    ("roaming-allowed", "#9467bd"),
    ("high-usage", "#d62728"),
    ("warehouse", "#8c564b"),
    ("decommission", "#7f7f7f"),
];

fn seed_tags(s: &mut Seeder<'_>) -> Vec<Value> {
    TAG_NAMES
        .iter()
        .map(|(name, color)| {
            json!({
                "name": name,
                "description": s.text(&format!("SIMs tagged {name}")),
                "color": color,
                "createdBy": "admin@example.com",
                "createdAt": ms(s.epoch_within(400)),
            })
        })
        .collect()
}

/// (country, MNO, MCC, MNC, latitude, longitude) where SIMs are seen.
const COUNTRIES: [(&str, &str, &str, &str, f64, f64); 8] = [
    ("US", "T-Mobile US", "310", "260", 32.78, -96.80),
    ("DE", "Deutsche Telekom", "262", "01", 50.11, 8.68),
    ("NL", "KPN", "204", "08", 51.92, 4.48),
    ("GB", "Vodafone UK", "234", "15", 51.51, -0.13),
    ("FR", "Orange France", "208", "01", 48.86, 2.35),
    ("JP", "NTT Docomo", "440", "10", 35.68, 139.69),
    ("BR", "Claro Brasil", "724", "05", -23.55, -46.63),
    ("MX", "Telcel", "334", "020", 19.43, -99.13),
];

fn seed_location_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const GROUPS: [(&str, &[&str]); 5] = [
        ("North America", &["US", "MX"]),
        ("Western Europe", &["DE", "NL", "FR"]),
        ("United Kingdom", &["GB"]),
        ("APAC", &["JP"]),
        ("LATAM", &["BR", "MX"]),
    ];
    GROUPS
        .iter()
        .map(|(name, countries)| {
            let created = s.epoch_within(500);
            json!({
                "name": name,
                "description": s.text(&format!("SIMs operating in {name}")),
                "countries": countries,
                "mccMnc": COUNTRIES.iter().filter(|c| countries.contains(&c.0)).map(|c| format!("{}-{}", c.2, c.3)).collect::<Vec<_>>(),
                "createdAt": ms(created),
                "modifiedAt": ms((created + s.int(0, 60) * 86_400).min(s.now())),
            })
        })
        .collect()
}

fn luhn_digit(digits: &str) -> u32 {
    let sum: u32 = digits
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A 20-digit ICCID (with its Luhn digit) unique per index.
pub fn iccid(i: usize) -> String {
    let body = format!("891000{:013}", 4_100_000_000_000u64 + i as u64 * 7);
    let check = luhn_digit(&body);
    format!("{body}{check}")
}

fn seed_sims(s: &mut Seeder<'_>) -> Vec<Value> {
    /// (brand, marketing name, model, device type, form factor, OS)
    const DEVICES: [(&str, &str, &str, &str, &str, &str); 7] = [
        ("Quectel", "EG25-G", "EG25-G", "MODEM", "M2M", "Embedded"),
        (
            "Sierra Wireless",
            "AirPrime EM7511",
            "EM7511",
            "MODEM",
            "M2M",
            "Embedded",
        ),
        ("Apple", "iPhone 15", "A3090", "SMARTPHONE", "NANO", "iOS"),
        (
            "Samsung",
            "Galaxy S24",
            "SM-S921B",
            "SMARTPHONE",
            "NANO",
            "Android",
        ),
        (
            "Cradlepoint",
            "IBR900",
            "IBR900-600M",
            "ROUTER",
            "MICRO",
            "NetCloud OS",
        ),
        ("Teltonika", "RUT955", "RUT955", "ROUTER", "MINI", "RutOS"),
        ("Zebra", "TC58", "TC58", "HANDHELD", "NANO", "Android"),
    ];
    let tags: Vec<(String, String)> = engine::records(s.tenant, &TAGS)
        .filter_map(|t| {
            Some((
                t["id"].as_str()?.to_string(),
                t["name"].as_str()?.to_string(),
            ))
        })
        .collect();
    let groups: Vec<(Value, Vec<String>)> = engine::records(s.tenant, &LOCATION_GROUPS)
        .map(|g| {
            let countries = g["countries"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (g["id"].clone(), countries)
        })
        .collect();
    let customer = zcell_id(s);
    let n = s.large(50);
    (0..n)
        .map(|i| {
            let status = *s.pick(&[
                "ACTIVATED", "ACTIVATED", "ACTIVATED", "ACTIVATED", "ACTIVATED", "ACTIVATED",
                "ACTIVATED", "DEACTIVATED", "INVENTORY", "SUSPENDED",
            ]);
            let (country, mno, mcc, mnc, lat, lng) = *s.pick(&COUNTRIES);
            let (brand, marketing, model, device, form, os) = *s.pick(&DEVICES);
            let created = s.epoch_within(540);
            let activated = (status != "INVENTORY")
                .then(|| (created + s.int(1, 30) * 86_400).min(s.now()));
            let attached = status == "ACTIVATED" && s.chance(0.8);
            let my_tags = s.pick_some(&tags, 2);
            let my_groups: Vec<Value> = groups
                .iter()
                .filter(|(_, cs)| cs.iter().any(|c| c == country))
                .map(|(id, _)| id.clone())
                .collect();
            let imei = format!("35{:013}", s.int(0, 9_999_999_999_999));
            let locked = s.chance(0.4);
            let iccid = iccid(i);
            let sim_iccid = iccid.clone();
            let (sim_lat, sim_lng) = if status == "ACTIVATED" {
                (
                    json!(((lat + s.int(-300, 300) as f64 / 1000.0) * 10_000.0).round() / 10_000.0),
                    json!(((lng + s.int(-300, 300) as f64 / 1000.0) * 10_000.0).round() / 10_000.0),
                )
            } else {
                (Value::Null, Value::Null)
            };
            let last_session = if status == "ACTIVATED" {
                json!(ms(s.epoch_within(3)))
            } else {
                Value::Null
            };
            let mut sim = json!({
                "iccid": sim_iccid,
                "entityId": format!("ent-{:06}", 100_000 + i),
                "entityName": format!("Asset {:05}", i + 1),
                "imei": imei,
                "imsi": format!("{mcc}{mnc}{:0width$}", 1_000_000 + i, width = 15 - mcc.len() - mnc.len()),
                "msisdn": format!("1555{:07}", 1_000_000 + i),
                "eid": if form == "NANO" || form == "M2M" { json!(format!("8904903200{:022}", i)) } else { Value::Null },
                "status": status,
                "creationTime": ms(created),
                "modifiedByUserId": "admin@example.com",
                "profileName": if form == "M2M" { "IoT-Global" } else { "Enterprise-Data" },
                "isImported": s.chance(0.3),
                "apiSimId": format!("sim-{:012x}", splitmix(fnv(&iccid)) & 0xffff_ffff_ffff),
                "locationCountry": country,
                "locationMno": mno,
                "mvnoCustomerId": customer,
                "ipAddress": if attached { json!([s.ipv4()]) } else { json!([]) },
                "apn": "zscaler.iot",
                "activatedDate": activated.map(ms),
                "networkStatus": if attached { "ATTACHED" } else if activated.is_some() { "DETACHED" } else { "NEVER_ATTACHED" },
                "lastSessionUpdatedAt": last_session,
                "dataAuthorizeImei": locked,
                "dataAuthorizeImeiValue": if locked { json!(imei) } else { Value::Null },
                "imeiStatus": if locked { "LOCKED" } else { "UNLOCKED" },
            });
            let device = json!({
                "simLat": sim_lat,
                "simLng": sim_lng,
                "simLocInfo": if attached { json!({"MCC": mcc, "MNC": mnc, "TAC": format!("{:04X}", s.int(0, 65_535)), "ECI": format!("{:07X}", s.int(0, 268_435_455)), "type": "LTE"}) } else { Value::Null },
                "eventSessionId": if attached { json!(format!("{:016x}", splitmix(fnv(&iccid) ^ 1))) } else { Value::Null },
                "tacId": &imei[..8],
                "brandName": brand,
                "marketingName": marketing,
                "deviceType": device,
                "modelName": model,
                "operatingSystem": os,
                "bandDetails": "LTE B2/B4/B12/B66",
                "formFactor": form,
                "assignedTo": if s.chance(0.5) { json!(s.text(&format!("Driver {:04}", i % 1000))) } else { Value::Null },
                "tagIds": my_tags.iter().map(|t| t.0.clone()).collect::<Vec<_>>(),
                "tags": my_tags.iter().map(|t| t.1.clone()).collect::<Vec<_>>(),
                "simLocationGroupIds": my_groups,
                "usage": 0,
                "usageVal": "0 B",
            });
            if let (Value::Object(a), Value::Object(b)) = (&mut sim, device) {
                a.extend(b);
            }
            // Usage over the 30 days before the anchor.
            let now = s.now();
            let used = Usage::new(&iccid, status == "ACTIVATED", activated.map(ms))
                .map_or(0, |u| u.within((now - 30 * 86_400, now - 1)));
            sim["usage"] = json!(used);
            sim["usageVal"] = json!(format!("{:.1} MB", used as f64 / 1_000_000.0));
            sim
        })
        .collect()
}

/// (policy type, name, violation event type)
const POLICY_KINDS: [(&str, &str, &str); 6] = [
    ("GEO_FENCE", "Rotterdam warehouse geofence", "ZONE_EXIT"),
    ("IMEI_CHANGE", "IMEI swap detection", "IMEI_MISMATCH"),
    (
        "DATA_USAGE",
        "Daily data cap 500 MB",
        "USAGE_THRESHOLD_EXCEEDED",
    ),
    ("ROAMING", "Unexpected roaming", "ROAMING_DETECTED"),
    ("GEO_FENCE", "Dallas depot geofence", "ZONE_EXIT"),
    ("SESSION", "Session flapping", "SESSION_FLAPPING"),
];

fn seed_policies(s: &mut Seeder<'_>) -> Vec<Value> {
    let customer = zcell_id(s);
    let groups = s.ids(LOCATION_GROUPS.key, "id");
    POLICY_KINDS
        .iter()
        .enumerate()
        .map(|(i, (kind, name, _))| {
            let created = s.epoch_within(300);
            let enabled = i != 5;
            let policy_name = s.text(name);
            let zones = if *kind == "GEO_FENCE" {
                let (lat, lng) = if name.starts_with("Rotterdam") { (51.92, 4.48) } else { (32.78, -96.80) };
                json!([{"center": {"lat": lat, "lng": lng}, "radius": 5000, "zoneId": format!("zone-{}", i + 1), "trackedDevices": []}])
            } else {
                json!([])
            };
            json!({
                "id": 5001 + i,
                "policyType": kind,
                "policyName": policy_name,
                "enabled": enabled,
                "runningStatus": if enabled { "RUNNING" } else { "STOPPED" },
                "createdAt": ms(created),
                "enabledAt": if enabled { json!(ms((created + 3600).min(s.now()))) } else { Value::Null },
                "simLocationGroupIds": s.pick_some(&groups, 2),
                "violations": 0,
                "jsonData": {
                    "alerts": [{"alertType": "EMAIL", "recipients": ["noc@example.com"], "alertWindow": 15}],
                    "mvnoType": "FULL_MVNO",
                    "policyId": (5001 + i).to_string(),
                    "tenantId": customer,
                    "policyName": policy_name,
                    "policyType": kind,
                    "tenantName": "Example Logistics Ltd",
                    "configurations": {"geoFenceZones": zones},
                },
            })
        })
        .collect()
}

fn seed_policy_logs(s: &mut Seeder<'_>) -> Vec<Value> {
    let policies: Vec<(Value, i64)> = engine::records(s.tenant, &POLICIES)
        .map(|p| (p["id"].clone(), p["createdAt"].as_i64().unwrap_or(0)))
        .collect();
    let mut out = Vec::new();
    for (id, created) in policies {
        out.push(json!({
            "policyId": id, "action": "CREATED", "timestamp": created,
            "modifiedBy": "admin@example.com", "details": s.text("Policy created"),
        }));
        let updates = s.int(1, 4);
        for k in 0..updates {
            let action = *s.pick(&["UPDATED", "ENABLED", "DISABLED", "UPDATED"]);
            out.push(json!({
                "policyId": id, "action": action,
                "timestamp": (created + (k + 1) * s.int(1, 20) * 86_400_000).min(ms(s.now())),
                "modifiedBy": s.pick(&["admin@example.com", "noc@example.com"]),
                "details": s.text(&format!("Policy {}", action.to_lowercase())),
            }));
        }
    }
    out
}

fn seed_violations(s: &mut Seeder<'_>) -> Vec<Value> {
    let sims: Vec<(Value, Value, Value, Value)> = engine::records(s.tenant, &SIMS)
        .filter(|x| x["status"].as_str() == Some("ACTIVATED"))
        .map(|x| {
            (
                x["iccid"].clone(),
                x["imsi"].clone(),
                x["simLat"].clone(),
                x["simLng"].clone(),
            )
        })
        .collect();
    let policies: Vec<Value> = engine::records(s.tenant, &POLICIES)
        .filter(|p| p["enabled"].as_bool() == Some(true))
        .cloned()
        .collect();
    if sims.is_empty() || policies.is_empty() {
        return Vec::new();
    }
    let customer = zcell_id(s);
    let n = 80;
    (0..n)
        .map(|i| {
            let p = &policies[i % policies.len()];
            let (iccid, imsi, lat, lng) = s.pick(&sims).clone();
            let kind = p["policyType"].as_str().unwrap_or_default();
            let event = POLICY_KINDS
                .iter()
                .find(|k| k.0 == kind)
                .map(|k| k.2)
                .unwrap_or("POLICY_VIOLATION");
            let zone = p
                .pointer("/jsonData/configurations/geoFenceZones/0")
                .cloned();
            json!({
                "policyId": p["id"],
                "tenantId": customer,
                "iccid": iccid,
                "imsi": imsi,
                "eventType": event,
                "policyType": kind,
                "zoneId": zone.as_ref().map(|z| z["zoneId"].clone()).unwrap_or(Value::Null),
                "timestamp": ms(s.epoch_within(90)),
                "eventDeviceLocation": {"lat": lat, "lng": lng},
                "policyDeviceLocation": zone.map(|z| z["center"].clone()).unwrap_or(Value::Null),
            })
        })
        .collect()
}

fn seed_network_events(s: &mut Seeder<'_>) -> Vec<Value> {
    const EVENTS: [(&str, &str); 6] = [
        ("ATTACH", "SUCCESS"),
        ("DETACH", "SUCCESS"),
        ("PDP_CREATE", "SUCCESS"),
        ("LOCATION_UPDATE", "SUCCESS"),
        ("AUTHENTICATION", "FAILURE"),
        ("APN_CONFIG_UPDATE", "SUCCESS"),
    ];
    let sims: Vec<(Value, Value, String)> = engine::records(s.tenant, &SIMS)
        .filter(|x| !x["activatedDate"].is_null())
        .map(|x| {
            (
                x["iccid"].clone(),
                x["imsi"].clone(),
                x["locationCountry"].as_str().unwrap_or("US").to_string(),
            )
        })
        .collect();
    if sims.is_empty() {
        return Vec::new();
    }
    let n = 200;
    (0..n)
        .map(|_| {
            let (iccid, imsi, country) = s.pick(&sims).clone();
            let (event, result) = *s.pick(&EVENTS);
            let c = COUNTRIES.iter().find(|c| c.0 == country).unwrap_or(&COUNTRIES[0]);
            json!({
                "iccid": iccid,
                "imsi": imsi,
                "eventType": event,
                "result": result,
                "cause": if result == "FAILURE" { json!("AUTH_REJECT_MAC_FAILURE") } else { Value::Null },
                "timestamp": ms(s.epoch_within(30)),
                "country": country,
                "operator": c.1,
                "mcc": c.2,
                "mnc": c.3,
                "rat": s.pick(&["LTE", "LTE", "NR", "UMTS"]),
                "apn": "zscaler.iot",
                "ipAddress": if event == "PDP_CREATE" { json!(s.ipv4()) } else { Value::Null },
            })
        })
        .collect()
}

fn seed_audit(s: &mut Seeder<'_>) -> Vec<Value> {
    let sims = s.ids(SIMS.key, "iccid");
    let mut objects: Vec<(&str, Value, String)> = engine::records(s.tenant, &TAGS)
        .map(|t| {
            (
                "TAG",
                t["id"].clone(),
                t["name"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    objects.extend(engine::records(s.tenant, &LOCATION_GROUPS).map(|g| {
        (
            "SIM_LOCATION_GROUP",
            g["id"].clone(),
            g["name"].as_str().unwrap_or_default().to_string(),
        )
    }));
    objects.extend(engine::records(s.tenant, &POLICIES).map(|p| {
        (
            "ANOMALY_POLICY",
            p["id"].clone(),
            p["policyName"].as_str().unwrap_or_default().to_string(),
        )
    }));
    for iccid in sims.iter().take(20) {
        objects.push((
            "SIM",
            iccid.clone(),
            iccid.as_str().unwrap_or_default().to_string(),
        ));
    }
    if objects.is_empty() {
        return Vec::new();
    }
    const ADMINS: [(&str, &str); 3] = [
        ("u-1001", "admin@example.com"),
        ("u-1002", "noc@example.com"),
        ("u-1003", "support@zscaler.example"),
    ];
    let n = 100;
    (0..n)
        .map(|_| {
            let (kind, id, name) = s.pick(&objects).clone();
            let op = if kind == "SIM" {
                *s.pick(&AUDIT_OPERATIONS)
            } else {
                *s.pick(&["CREATE", "UPDATE", "UPDATE", "DELETE"])
            };
            let (uid, uname) = *s.pick(&ADMINS);
            json!({
                "objectType": kind,
                "objectId": text(&id),
                "objectName": name,
                "operationType": op,
                "visibility": if uid == "u-1003" { "SUPPORT" } else { "CUSTOMER" },
                "modifiedByUserId": uid,
                "modifiedByUserName": uname,
                "timestamp": ms(s.epoch_within(120)),
                "comment": s.text(&format!("{op} {kind}")),
                "oldValue": if op == "CREATE" { Value::Null } else { json!({"status": "previous"}) },
                "newValue": if op == "DELETE" { Value::Null } else { json!({"status": "current"}) },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{
        AUDIT, LOCATION_GROUPS, NETWORK_EVENTS, POLICIES, RESOURCES, SIMS, TAGS, VIOLATIONS,
        daily_usage, iccid, luhn_digit,
    };
    use crate::engine;
    use crate::tenant::{Identity, Tenant};
    use serde_json::Value;

    #[test]
    fn iccids_are_20_digits_with_a_valid_luhn_digit() {
        let a = iccid(0);
        assert_eq!(a.len(), 20);
        assert_eq!(luhn_digit(&a[..19]), a[19..].parse::<u32>().expect("digit"));
        assert_ne!(iccid(1), iccid(2));
        // Known Luhn example: 7992739871 → 3.
        assert_eq!(luhn_digit("7992739871"), 3);
    }

    /// 2026-01-01T00:00:00Z: a fixed anchor, so the seeded data is the same on every run.
    const ANCHOR: i64 = 1_767_225_600;

    fn seeded(scale: usize, seed: u64) -> Tenant {
        let identity = Identity {
            customer_id: "216196257331200001".into(),
            zcell_customer_id: "7000001".into(),
        };
        let mut tenant = Tenant::new(identity, 100_000, ANCHOR);
        tenant.seed(RESOURCES, seed, scale, false);
        tenant
    }

    #[test]
    fn sims_grow_with_scale_events_keep_their_size_and_references_hold() {
        let t = seeded(300, 5);
        assert_eq!(engine::records(&t, &SIMS).count(), 300);
        assert_eq!(engine::records(&t, &VIOLATIONS).count(), 80);
        assert_eq!(engine::records(&t, &NETWORK_EVENTS).count(), 200);
        assert_eq!(engine::records(&t, &AUDIT).count(), 100);
        assert_eq!(engine::records(&t, &TAGS).count(), 8);
        for sim in engine::records(&t, &SIMS) {
            for g in sim["simLocationGroupIds"].as_array().expect("groups") {
                assert!(engine::record(&t, &LOCATION_GROUPS, &g.to_string()).is_some());
            }
            for tag in sim["tagIds"].as_array().expect("tags") {
                assert!(engine::record(&t, &TAGS, tag.as_str().expect("tag id")).is_some());
            }
        }
        for v in engine::records(&t, &VIOLATIONS) {
            let iccid = v["iccid"].as_str().expect("iccid");
            assert_eq!(
                engine::record(&t, &SIMS, iccid).expect("sim")["status"],
                "ACTIVATED"
            );
            assert!(engine::record(&t, &POLICIES, &v["policyId"].to_string()).is_some());
        }
        let again = seeded(300, 5);
        let a: Vec<&Value> = engine::records(&t, &SIMS).collect();
        let b: Vec<&Value> = engine::records(&again, &SIMS).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn usage_is_zero_before_activation_and_for_sims_out_of_service() {
        let t = seeded(0, 1);
        for sim in engine::records(&t, &SIMS) {
            let activated = sim["activatedDate"].as_i64();
            let early = ANCHOR / 86_400 - 2000;
            assert_eq!(daily_usage(sim, early), 0);
            if sim["status"] != "ACTIVATED" {
                assert_eq!(daily_usage(sim, ANCHOR / 86_400), 0);
                assert_eq!(sim["usage"], 0);
            } else if let Some(ms) = activated {
                let first = ms.div_euclid(86_400_000);
                assert_eq!(daily_usage(sim, first - 1), 0);
                let month: u64 = (first..first + 30).map(|d| daily_usage(sim, d)).sum();
                assert!(month > 0);
            }
        }
    }
}
