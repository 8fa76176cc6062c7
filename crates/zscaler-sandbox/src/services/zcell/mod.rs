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

mod analytics;
mod audit;
mod network_events;
mod policies;
mod regions;
mod seeds;
mod sims;

use analytics::*;
use audit::*;
use network_events::*;
use policies::*;
use regions::*;
use seeds::*;
use sims::*;

pub use seeds::iccid;

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
