//! ZDX (`/zdx/v1`): snake_case both ways; time windows `from`/`to` in epoch seconds (default:
//! the last 2 hours; `from` after `to` or a window over 14 days is a 400); cursor pagination
//! (`offset` = the previous `next_offset`, `limit`) answering `{"<items>": [...],
//! "next_offset"}` where the real API does, bare arrays elsewhere.
//!
//! The tenant holds locations, departments, applications, users, devices (they scale), alerts,
//! software titles, deep traces and score analyses. Scores and metrics are computed from those:
//! each device's score for an app is a deterministic function of the seeded app baseline and the
//! device id, and time series are laid out on fixed 5-minute (or hourly) buckets inside the
//! requested window, so the same instant always has the same value.

use std::collections::BTreeMap;

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::engine::{self, Call, IdKind, Parent, Query, Read, Reply, ResourceDef, no_completion};
use crate::envelope::{self, Envelope};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

mod administration;
mod alerts;
mod apps;
mod devices;
mod seeds;
mod software;
mod troubleshooting;

use administration::*;
use alerts::*;
use apps::*;
use devices::*;
use seeds::*;
use software::*;
use troubleshooting::*;

const DEFAULT_WINDOW: i64 = 2 * 3600;
const MAX_WINDOW: i64 = 14 * 86_400;

const fn zdx(
    key: &'static str,
    id_field: &'static str,
    id_kind: IdKind,
    seed: fn(&mut Seeder<'_>) -> Vec<Value>,
) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zdx,
        id_kind,
        id_field,
        name_field: None,
        unique_name: false,
        required: &[],
        parent: None,
        envelope: Envelope::ZdxArray,
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static LOCATIONS: ResourceDef = zdx("zdx.locations", "id", IdKind::Int, seed_locations);
pub static DEPARTMENTS: ResourceDef = zdx("zdx.departments", "id", IdKind::Int, seed_departments);
pub static APPS: ResourceDef = zdx("zdx.apps", "id", IdKind::Int, seed_apps);
pub static USERS: ResourceDef = zdx("zdx.users", "id", IdKind::Int, seed_users);
pub static DEVICES: ResourceDef = zdx("zdx.devices", "id", IdKind::Int, seed_devices);
pub static ALERTS: ResourceDef = zdx("zdx.alerts", "id", IdKind::Int, seed_alerts);
pub static SOFTWARE: ResourceDef = zdx("zdx.software", "software_key", IdKind::Slug, seed_software);
pub static DEEPTRACES: ResourceDef = ResourceDef {
    parent: Some(Parent {
        param: "deviceId",
        field: "_device",
    }),
    ..zdx("zdx.deeptraces", "trace_id", IdKind::Int, seed_deeptraces)
};
pub static ANALYSES: ResourceDef =
    zdx("zdx.analyses", "analysis_id", IdKind::Uuid, engine::no_seed);

pub static RESOURCES: &[&ResourceDef] = &[
    &LOCATIONS,
    &DEPARTMENTS,
    &APPS,
    &USERS,
    &DEVICES,
    &ALERTS,
    &SOFTWARE,
    &DEEPTRACES,
    &ANALYSES,
];

pub fn routes() -> Vec<Route> {
    let get = |path: &'static str, h: crate::routes::ReadHandler| {
        Route::new(Method::GET, path, Op::CustomRead(h))
    };
    vec![
        get("/zdx/v1/administration/departments", list_departments),
        get("/zdx/v1/administration/locations", list_locations),
        get("/zdx/v1/alerts/ongoing", list_ongoing_alerts),
        get("/zdx/v1/alerts/historical", list_historical_alerts),
        get("/zdx/v1/alerts/{alertId}", get_alert),
        get(
            "/zdx/v1/alerts/{alertId}/affected_devices",
            list_affected_devices,
        ),
        Route::new(Method::POST, "/zdx/v1/analysis", Op::Custom(start_analysis)),
        get("/zdx/v1/analysis/{analysisId}", get_analysis),
        Route::new(
            Method::DELETE,
            "/zdx/v1/analysis/{analysisId}",
            Op::Delete(&ANALYSES),
        ),
        get("/zdx/v1/apps", list_apps),
        get("/zdx/v1/apps/{appId}", get_app),
        get("/zdx/v1/apps/{appId}/metrics", get_app_metrics),
        get("/zdx/v1/apps/{appId}/score", get_app_score),
        get("/zdx/v1/apps/{appId}/users", list_app_users),
        get("/zdx/v1/apps/{appId}/users/{userId}", get_app_user),
        get("/zdx/v1/devices", list_devices),
        get("/zdx/v1/devices/{deviceId}", get_device),
        get(
            "/zdx/v1/devices/{deviceId}/apps/{appId}/web-probes",
            list_web_probes,
        ),
        get(
            "/zdx/v1/devices/{deviceId}/apps/{appId}/cloudpath-probes",
            list_cloudpath_probes,
        ),
        get("/zdx/v1/devices/{deviceId}/deeptraces", list_deeptraces),
        Route::new(
            Method::POST,
            "/zdx/v1/devices/{deviceId}/deeptraces",
            Op::Custom(start_deeptrace),
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}",
            get_deeptrace,
        ),
        Route::new(
            Method::DELETE,
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}",
            Op::Delete(&DEEPTRACES),
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}/top-processes",
            trace_top_processes,
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}/webprobe-metrics",
            trace_webprobe_metrics,
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}/cloudpath-metrics",
            trace_cloudpath_metrics,
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}/cloudpath",
            trace_cloudpath,
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}/health-metrics",
            trace_health_metrics,
        ),
        get(
            "/zdx/v1/devices/{deviceId}/deeptraces/{traceId}/events",
            trace_events,
        ),
        get("/zdx/v1/inventory/software", list_software),
        get("/zdx/v1/inventory/software/{softwareKey}", get_software),
    ]
}

// ---------------------------------------------------------------------------------------------
// Reference tables
// ---------------------------------------------------------------------------------------------

/// (id, name, geo id, country, region, city, location group id)
type Location = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
);

const LOCATION_TABLE: [Location; 6] = [
    (
        58_101,
        "San Jose HQ",
        "us.california.san_jose",
        "United States",
        "California",
        "San Jose",
        3001,
    ),
    (
        58_102,
        "New York Office",
        "us.new_york.new_york",
        "United States",
        "New York",
        "New York",
        3001,
    ),
    (
        58_103,
        "London Office",
        "gb.england.london",
        "United Kingdom",
        "England",
        "London",
        3002,
    ),
    (
        58_104,
        "Frankfurt Data Center",
        "de.hesse.frankfurt",
        "Germany",
        "Hesse",
        "Frankfurt",
        3002,
    ),
    (
        58_105,
        "Bangalore Campus",
        "in.karnataka.bangalore",
        "India",
        "Karnataka",
        "Bangalore",
        3003,
    ),
    (
        58_106,
        "Tokyo Office",
        "jp.tokyo.tokyo",
        "Japan",
        "Tokyo",
        "Tokyo",
        3003,
    ),
];

const DEPARTMENT_TABLE: [(i64, &str); 6] = [
    (47_201, "Engineering"),
    (47_202, "Finance"),
    (47_203, "Sales"),
    (47_204, "IT"),
    (47_205, "Human Resources"),
    (47_206, "Marketing"),
];

const APP_TABLE: [(i64, &str); 10] = [
    (1, "Microsoft Outlook Online"),
    (2, "Microsoft SharePoint Online"),
    (3, "Microsoft Teams"),
    (4, "Salesforce"),
    (5, "Zoom"),
    (6, "Google Workspace"),
    (7, "ServiceNow"),
    (8, "Box"),
    (9, "Slack"),
    (10, "Workday"),
];

/// Metrics of `/apps/{id}/metrics`: (name, unit).
const METRICS: [(&str, &str); 4] = [
    ("pft", "ms"),
    ("dns", "ms"),
    ("server_response_time", "ms"),
    ("availability", "%"),
];

fn location(id: i64) -> Option<&'static Location> {
    LOCATION_TABLE.iter().find(|l| l.0 == id)
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/// The top of the hour containing `now`: alert times are relative to it, so they stay put for
/// an hour.
fn hour_of(now: i64) -> i64 {
    now - now.rem_euclid(3600)
}

fn invalid(message: impl Into<String>) -> ApiError {
    engine::invalid(Product::Zdx, message)
}

fn not_found(what: &str, id: &str) -> ApiError {
    ApiError::new(
        Some(Product::Zdx),
        Kind::NotFound,
        format!("{what} with id {id} not found"),
    )
}

/// SplitMix64 over two words: the per-device and per-instant variation.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_add(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A value in [-1, 1] for (salt, instant).
fn wave(salt: u64, t: i64) -> f64 {
    (mix(salt, t as u64) % 2001) as f64 / 1000.0 - 1.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Keys starting with `_` are the simulator's own bookkeeping; never shown.
fn public(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Every value of the named query parameters (first name wins order), comma lists split.
fn values(q: &Query, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .flat_map(|n| q.all(n))
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

fn ints(q: &Query, names: &[&str]) -> Result<Vec<i64>, ApiError> {
    values(q, names)
        .iter()
        .map(|v| {
            v.parse::<i64>().map_err(|_| {
                invalid(format!(
                    "Invalid value '{v}' for '{}': expected an integer",
                    names[0]
                ))
            })
        })
        .collect()
}

/// The requested time window.
#[derive(Debug, Clone, Copy)]
struct Window {
    from: i64,
    to: i64,
}

impl Window {
    fn parse(q: &Query, now: i64) -> Result<Window, ApiError> {
        let read = |name: &str| -> Result<Option<i64>, ApiError> {
            match q.first(name).map(str::trim) {
                None | Some("") => Ok(None),
                Some(raw) => match raw.parse::<i64>() {
                    Ok(n) if (0..100_000_000_000).contains(&n) => Ok(Some(n)),
                    _ => Err(invalid(format!(
                        "Invalid value '{raw}' for '{name}': expected epoch seconds"
                    ))),
                },
            }
        };
        let (from, to) = match (read("from")?, read("to")?) {
            (Some(f), Some(t)) => (f, t),
            (Some(f), None) => (f, now),
            (None, Some(t)) => (t - DEFAULT_WINDOW, t),
            (None, None) => (now - DEFAULT_WINDOW, now),
        };
        if from > to {
            return Err(invalid("'from' must be earlier than 'to'"));
        }
        if to - from > MAX_WINDOW {
            return Err(invalid(
                "The time range between 'from' and 'to' cannot exceed 14 days",
            ));
        }
        Ok(Window { from, to })
    }

    /// Bucket size: 5 minutes up to a day, hourly beyond.
    fn step(&self) -> i64 {
        if self.to - self.from <= 86_400 {
            300
        } else {
            3600
        }
    }

    /// Bucket instants inside the window.
    fn instants(&self) -> Vec<i64> {
        let step = self.step();
        let first = (self.from + step - 1).div_euclid(step) * step;
        (0..)
            .map(|k| first + k * step)
            .take_while(|t| *t <= self.to)
            .collect()
    }
}

/// `loc`, `dept`, `geo` and `locationGroups` scope filters.
#[derive(Debug, Default)]
struct Scope {
    loc: Vec<i64>,
    dept: Vec<i64>,
    geo: Vec<String>,
    groups: Vec<i64>,
}

impl Scope {
    fn parse(q: &Query) -> Result<Scope, ApiError> {
        Ok(Scope {
            loc: ints(q, &["loc", "location_id"])?,
            dept: ints(q, &["dept", "department_id"])?,
            geo: values(q, &["geo", "geo_id"])
                .into_iter()
                .map(|g| g.to_lowercase())
                .collect(),
            groups: ints(q, &["locationGroups", "location_groups"])?,
        })
    }

    fn matches(&self, device: &Value) -> bool {
        if self.loc.is_empty()
            && self.dept.is_empty()
            && self.geo.is_empty()
            && self.groups.is_empty()
        {
            // Unscoped: no field reads (a page scan at --scale 50000 reads every device).
            return true;
        }
        let loc = device["_loc"].as_i64().unwrap_or_default();
        let dept = device["_dept"].as_i64().unwrap_or_default();
        let geo = device["_geo"].as_str().unwrap_or_default();
        (self.loc.is_empty() || self.loc.contains(&loc))
            && (self.dept.is_empty() || self.dept.contains(&dept))
            && (self.geo.is_empty() || self.geo.iter().any(|g| geo.starts_with(g.as_str())))
            && (self.groups.is_empty() || location(loc).is_some_and(|l| self.groups.contains(&l.6)))
    }
}

/// What scores and series need to know about an application.
#[derive(Debug, Clone)]
struct App {
    id: i64,
    name: String,
    base: i64,
    salt: u64,
    record: Value,
}

impl App {
    fn of(record: &Value) -> App {
        App {
            id: record["id"].as_i64().unwrap_or_default(),
            name: record["name"].as_str().unwrap_or_default().to_string(),
            base: record["_score_base"].as_i64().unwrap_or(80),
            salt: record["_salt"].as_u64().unwrap_or(1),
            record: record.clone(),
        }
    }

    /// The device's score for this app, or `None` when the device does not use it.
    fn device_score(&self, device_id: i64) -> Option<i64> {
        let h = mix(device_id as u64, self.salt);
        if h % 10 >= 8 {
            return None;
        }
        let mut score = self.base + ((h >> 8) % 31) as i64 - 15;
        if (h >> 20).is_multiple_of(11) {
            score -= 45;
        }
        Some(score.clamp(3, 100))
    }

    fn web_probe(&self) -> (i64, String) {
        (self.id * 100 + 1, format!("{} Web Probe", self.name))
    }

    fn cloudpath_probe(&self) -> (i64, String) {
        (self.id * 100 + 2, format!("{} CloudPath Probe", self.name))
    }
}

fn find_app(tenant: &Tenant, id: &str) -> Result<App, ApiError> {
    engine::record(tenant, &APPS, id.trim())
        .map(App::of)
        .ok_or_else(|| not_found("Application", id))
}

fn find_device<'t>(tenant: &'t Tenant, id: &str) -> Result<&'t Value, ApiError> {
    engine::record(tenant, &DEVICES, id.trim()).ok_or_else(|| not_found("Device", id))
}

fn param<'a>(call: &'a Read<'_>, name: &str) -> &'a str {
    call.params.get(name).unwrap_or_default()
}

fn bucket(score: i64) -> &'static str {
    match score {
        ..=33 => "poor",
        34..=66 => "okay",
        _ => "good",
    }
}

/// Scores of the devices in scope that use the app.
fn scoped_scores(tenant: &Tenant, app: &App, scope: &Scope) -> Vec<(i64, i64, i64)> {
    engine::records(tenant, &DEVICES)
        .filter(|d| scope.matches(d))
        .filter_map(|d| {
            let id = d["id"].as_i64()?;
            let user = d["userid"].as_i64().unwrap_or_default();
            app.device_score(id).map(|s| (id, user, s))
        })
        .collect()
}

fn average(scores: impl Iterator<Item = i64>) -> Option<i64> {
    let (sum, n) = scores.fold((0i64, 0i64), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| (sum as f64 / n as f64).round() as i64)
}

fn cursor(key: &'static str, rows: Vec<Value>, call: &Read<'_>) -> Result<Reply, ApiError> {
    envelope::list(
        Envelope::ZdxCursor { key },
        Product::Zdx,
        rows,
        call.query,
        call.path,
    )
    .map(Reply::ok)
}
