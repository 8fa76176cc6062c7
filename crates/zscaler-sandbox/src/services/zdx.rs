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

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

fn list_named(def: &ResourceDef, call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let q = call.query.first("q").unwrap_or("").to_lowercase();
    let rows: Vec<Value> = engine::records(call.tenant, def)
        .filter(|r| {
            q.is_empty()
                || r["name"]
                    .as_str()
                    .is_some_and(|n| n.to_lowercase().contains(&q))
        })
        .map(public)
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

fn list_departments(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_named(&DEPARTMENTS, call)
}

fn list_locations(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_named(&LOCATIONS, call)
}

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

fn app_summary(tenant: &Tenant, app: &App, scope: &Scope) -> Value {
    let scores = scoped_scores(tenant, app, scope);
    let score = average(scores.iter().map(|s| s.2));
    let users: std::collections::BTreeSet<i64> = scores.iter().map(|s| s.1).collect();
    let count = |b: &str| scores.iter().filter(|s| bucket(s.2) == b).count();
    json!({
        "id": app.id,
        "name": app.name,
        "score": score,
        "most_impacted_region": app.record["most_impacted_region"],
        "total_users": users.len(),
        "stats": {
            "active_users": users.len(),
            "active_devices": scores.len(),
            "num_poor": count("poor"),
            "num_okay": count("okay"),
            "num_good": count("good"),
        },
    })
}

/// `GET /apps`: the apps with activity in scope (bare array).
fn list_apps(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let apps: Vec<App> = engine::records(call.tenant, &APPS).map(App::of).collect();
    let rows: Vec<Value> = apps
        .iter()
        .map(|a| app_summary(call.tenant, a, &scope))
        .filter(|v| !v["score"].is_null())
        .map(|mut v| {
            if let Value::Object(m) = &mut v {
                m.remove("stats");
            }
            v
        })
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

fn get_app(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    Ok(Reply::ok(app_summary(call.tenant, &app, &scope)))
}

/// A metric's value at an instant, for a scope whose average score is `score`.
fn metric_value(metric: &str, score: i64, salt: u64, t: i64) -> f64 {
    let gap = (100 - score) as f64;
    let w = wave(
        salt ^ mix(metric.len() as u64, metric.as_bytes()[0] as u64),
        t,
    );
    let v = match metric {
        "pft" => 650.0 + gap * 38.0 + 160.0 * w,
        "dns" => 18.0 + gap * 1.3 + 6.0 * w,
        "server_response_time" => 140.0 + gap * 9.0 + 45.0 * w,
        "availability" => 100.0 - (gap - 50.0).max(0.0) * 0.4 - w.abs() * 0.3,
        _ => (score as f64 + 6.0 * w).clamp(0.0, 100.0),
    };
    round2(v.max(0.0))
}

fn series(window: &Window, f: impl Fn(i64) -> f64) -> Vec<Value> {
    window
        .instants()
        .into_iter()
        .map(|t| json!({"timestamp": t, "value": f(t)}))
        .collect()
}

fn get_app_score(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let score = average(scoped_scores(call.tenant, &app, &scope).iter().map(|s| s.2));
    let datapoints = match score {
        Some(score) => series(&window, |t| {
            (score as f64 + 6.0 * wave(app.salt, t))
                .clamp(0.0, 100.0)
                .round()
        }),
        None => Vec::new(),
    };
    Ok(Reply::ok(
        json!({"metric": "score", "unit": "", "datapoints": datapoints}),
    ))
}

fn get_app_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let wanted = values(call.query, &["metricName", "metric_name"]);
    if let Some(bad) = wanted
        .iter()
        .find(|w| !METRICS.iter().any(|(m, _)| m == &w.as_str()))
    {
        return Err(invalid(format!(
            "Invalid value '{bad}' for 'metric_name': expected one of pft, dns, server_response_time, availability"
        )));
    }
    let score = average(scoped_scores(call.tenant, &app, &scope).iter().map(|s| s.2));
    let rows: Vec<Value> = METRICS
        .iter()
        .filter(|(m, _)| wanted.is_empty() || wanted.iter().any(|w| w == m))
        .map(|(m, unit)| {
            let datapoints = match score {
                Some(score) => series(&window, |t| metric_value(m, score, app.salt, t)),
                None => Vec::new(),
            };
            json!({"metric": m, "unit": unit, "datapoints": datapoints})
        })
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

/// `GET /apps/{id}/users`: `{"users": [...], "next_offset"}`, `score_bucket` filter.
fn list_app_users(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let wanted = values(call.query, &["scoreBucket", "score_bucket"])
        .into_iter()
        .map(|b| b.to_lowercase())
        .collect::<Vec<_>>();
    if let Some(bad) = wanted
        .iter()
        .find(|b| !["poor", "okay", "good"].contains(&b.as_str()))
    {
        return Err(invalid(format!(
            "Invalid value '{bad}' for 'score_bucket': expected poor, okay or good"
        )));
    }
    let mut per_user: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (_, user, score) in scoped_scores(call.tenant, &app, &scope) {
        per_user.entry(user).or_default().push(score);
    }
    let rows: Vec<Value> = per_user
        .into_iter()
        .filter_map(|(user, scores)| {
            let score = average(scores.into_iter())?;
            let record = engine::record(call.tenant, &USERS, &user.to_string())?;
            (wanted.is_empty() || wanted.iter().any(|b| b == bucket(score))).then(|| {
                json!({
                    "id": user,
                    "name": record["name"],
                    "email": record["email"],
                    "score": score,
                })
            })
        })
        .collect();
    cursor("users", rows, call)
}

fn device_location(device: &Value) -> (Value, Value) {
    let loc = device["_loc"].as_i64().and_then(location);
    match loc {
        Some(l) => (
            json!([{"id": l.2, "city": l.5, "region": l.4, "country": l.3, "geo_type": "city"}]),
            json!([{"id": l.0, "name": l.1}]),
        ),
        None => (json!([]), json!([])),
    }
}

fn get_app_user(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let user_id = param(call, "userId");
    let user = engine::record(call.tenant, &USERS, user_id.trim())
        .ok_or_else(|| not_found("User", user_id))?;
    let uid = user["id"].as_i64().unwrap_or_default();
    let devices: Vec<Value> = engine::records(call.tenant, &DEVICES)
        .filter(|d| d["userid"].as_i64() == Some(uid))
        .filter_map(|d| {
            let id = d["id"].as_i64()?;
            let score = app.device_score(id)?;
            let (geo_loc, zs_loc) = device_location(d);
            Some(json!({
                "id": id,
                "name": d["name"],
                "score": score,
                "geo_loc": geo_loc,
                "zs_loc": zs_loc,
            }))
        })
        .collect();
    let score = average(devices.iter().filter_map(|d| d["score"].as_i64()));
    Ok(Reply::ok(json!({
        "id": uid,
        "name": user["name"],
        "email": user["email"],
        "score": score,
        "devices": devices,
    })))
}

// ---------------------------------------------------------------------------------------------
// Devices and probes
// ---------------------------------------------------------------------------------------------

fn device_row(d: &Value) -> Value {
    json!({
        "id": d["id"],
        "name": d["name"],
        "userid": d["userid"],
        "user_name": d["user_name"],
        "user_email": d["user_email"],
    })
}

/// `GET /devices`: `{"devices": [...], "next_offset"}` with scope, user, email, MAC and IP filters.
fn list_devices(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let users = ints(call.query, &["userIds", "user_ids"])?;
    let emails: Vec<String> = values(call.query, &["emails"])
        .into_iter()
        .map(|e| e.to_lowercase())
        .collect();
    let mac = call
        .query
        .first("macAddress")
        .or_else(|| call.query.first("mac_address"))
        .map(|m| m.trim().to_lowercase().replace('-', ":"))
        .filter(|m| !m.is_empty());
    let ip = call
        .query
        .first("privateIpv4")
        .or_else(|| call.query.first("private_ipv4"))
        .map(str::trim)
        .filter(|i| !i.is_empty());
    // Filter by reference and shape only the page: devices grow with `--scale`.
    let rows: Vec<&Value> = engine::records(call.tenant, &DEVICES)
        .filter(|d| scope.matches(d))
        .filter(|d| users.is_empty() || d["userid"].as_i64().is_some_and(|u| users.contains(&u)))
        .filter(|d| {
            emails.is_empty()
                || d["user_email"]
                    .as_str()
                    .is_some_and(|e| emails.contains(&e.to_lowercase()))
        })
        .filter(|d| {
            mac.as_ref()
                .is_none_or(|m| d["network"][0]["mac"].as_str() == Some(m.as_str()))
        })
        .filter(|d| ip.is_none_or(|i| d["network"][0]["ipv4"].as_str() == Some(i)))
        .collect();
    let mut page = envelope::list_refs(
        Envelope::ZdxCursor { key: "devices" },
        Product::Zdx,
        rows,
        call.query,
        call.path,
    )?;
    if let Some(Value::Array(items)) = page.get_mut("devices") {
        for item in items.iter_mut() {
            *item = device_row(item);
        }
    }
    Ok(Reply::ok(page))
}

fn get_device(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    Scope::parse(call.query)?;
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    Ok(Reply::ok(json!({
        "id": device["id"],
        "name": device["name"],
        "hardware": device["hardware"],
        "network": device["network"],
        "software": device["software"],
    })))
}

fn device_and_app(call: &Read<'_>) -> Result<(i64, App), ApiError> {
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    Ok((device["id"].as_i64().unwrap_or_default(), app))
}

fn list_web_probes(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let (device, app) = device_and_app(call)?;
    let rows = match app.device_score(device) {
        None => Vec::new(),
        Some(score) => {
            let (id, name) = app.web_probe();
            let pft: Vec<f64> = window
                .instants()
                .iter()
                .map(|t| metric_value("pft", score, app.salt ^ device as u64, *t))
                .collect();
            let avg = if pft.is_empty() {
                Value::Null
            } else {
                json!(round2(pft.iter().sum::<f64>() / pft.len() as f64))
            };
            vec![json!({
                "id": id,
                "name": name,
                "num_probes": pft.len(),
                "avg_score": score,
                "avg_pft": avg,
            })]
        }
    };
    Ok(Reply::ok(Value::Array(rows)))
}

fn legs(score: i64, salt: u64) -> Vec<(&'static str, &'static str, f64)> {
    let gap = (100 - score) as f64;
    let w = wave(salt, 0).abs();
    vec![
        ("client", "egress", round2(2.0 + gap * 0.1 + w * 2.0)),
        ("egress", "zen", round2(8.0 + gap * 0.5 + w * 5.0)),
        ("zen", "dest", round2(12.0 + gap * 0.8 + w * 8.0)),
    ]
}

fn list_cloudpath_probes(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let (device, app) = device_and_app(call)?;
    let rows = match app.device_score(device) {
        None => Vec::new(),
        Some(score) => {
            let (id, name) = app.cloudpath_probe();
            let latencies: Vec<Value> = legs(score, app.salt ^ device as u64)
                .into_iter()
                .map(|(src, dst, latency)| json!({"leg_src": src, "leg_dst": dst, "latency": latency}))
                .collect();
            vec![json!({
                "id": id,
                "name": name,
                "num_probes": window.instants().len(),
                "avg_latencies": latencies,
            })]
        }
    };
    Ok(Reply::ok(Value::Array(rows)))
}

// ---------------------------------------------------------------------------------------------
// Alerts
// ---------------------------------------------------------------------------------------------

fn alert_times(alert: &Value, now: i64) -> (i64, Option<i64>) {
    let base = hour_of(now);
    let started = base - alert["_started_ago"].as_i64().unwrap_or_default();
    let ended = alert["_ended_ago"].as_i64().map(|e| base - e);
    (started, ended)
}

fn alert_view(alert: &Value, now: i64) -> Value {
    let (started, ended) = alert_times(alert, now);
    let mut v = public(alert);
    if let Value::Object(m) = &mut v {
        m.insert("started_on".into(), json!(started));
        m.insert("ended_on".into(), json!(ended));
    }
    v
}

fn alert_in_scope(alert: &Value, scope: &Scope) -> bool {
    let ids = |key: &str| -> Vec<i64> {
        alert[key]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["id"].as_i64()).collect())
            .unwrap_or_default()
    };
    let loc = ids("locations");
    let dept = ids("departments");
    let geos: Vec<String> = alert["geolocations"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|g| g["id"].as_str().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default();
    (scope.loc.is_empty() || scope.loc.iter().any(|l| loc.contains(l)))
        && (scope.dept.is_empty() || scope.dept.iter().any(|d| dept.contains(d)))
        && (scope.geo.is_empty()
            || scope
                .geo
                .iter()
                .any(|g| geos.iter().any(|x| x.starts_with(g.as_str()))))
}

fn list_alerts(call: &Read<'_>, ongoing: bool) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let rows: Vec<Value> = engine::records(call.tenant, &ALERTS)
        .filter(|a| {
            let (started, ended) = alert_times(a, call.tenant.now());
            match (ongoing, ended) {
                (true, None) => started <= window.to,
                (false, Some(ended)) => started <= window.to && ended >= window.from,
                _ => false,
            }
        })
        .filter(|a| alert_in_scope(a, &scope))
        .map(|a| alert_view(a, call.tenant.now()))
        .collect();
    cursor("alerts", rows, call)
}

fn list_ongoing_alerts(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_alerts(call, true)
}

fn list_historical_alerts(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_alerts(call, false)
}

fn find_alert<'t>(tenant: &'t Tenant, id: &str) -> Result<&'t Value, ApiError> {
    engine::record(tenant, &ALERTS, id.trim()).ok_or_else(|| not_found("Alert", id))
}

fn get_alert(call: &Read<'_>) -> Result<Reply, ApiError> {
    let alert = find_alert(call.tenant, param(call, "alertId"))?;
    Ok(Reply::ok(alert_view(alert, call.tenant.now())))
}

/// Devices an alert affects: at its location, using its application.
fn affected<'t>(tenant: &'t Tenant, alert: &Value) -> Vec<&'t Value> {
    let loc = alert["_loc"].as_i64();
    let app = alert["_app"]
        .as_i64()
        .and_then(|a| engine::record(tenant, &APPS, &a.to_string()))
        .map(App::of);
    let Some(app) = app else {
        return Vec::new();
    };
    engine::records(tenant, &DEVICES)
        .filter(|d| d["_loc"].as_i64() == loc)
        .filter(|d| {
            d["id"]
                .as_i64()
                .and_then(|id| app.device_score(id))
                .is_some()
        })
        .collect()
}

fn list_affected_devices(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let alert = find_alert(call.tenant, param(call, "alertId"))?;
    let rows: Vec<Value> = affected(call.tenant, alert)
        .into_iter()
        .filter(|d| scope.matches(d))
        .map(device_row)
        .collect();
    cursor("devices", rows, call)
}

// ---------------------------------------------------------------------------------------------
// Software inventory
// ---------------------------------------------------------------------------------------------

fn installed(software: &Value, device_id: i64) -> bool {
    let salt = software["_salt"].as_u64().unwrap_or(7);
    let share = software["_share"].as_u64().unwrap_or(50);
    mix(device_id as u64, salt) % 100 < share
}

/// Devices in scope for the inventory filters (`loc`, `dept`, `geo`, `userIds`, `deviceIds`).
fn inventory_devices<'t>(call: &'t Read<'_>) -> Result<Vec<&'t Value>, ApiError> {
    let scope = Scope::parse(call.query)?;
    let users = ints(call.query, &["userIds", "user_ids"])?;
    let devices = ints(call.query, &["deviceIds", "device_ids"])?;
    Ok(engine::records(call.tenant, &DEVICES)
        .filter(|d| scope.matches(d))
        .filter(|d| users.is_empty() || d["userid"].as_i64().is_some_and(|u| users.contains(&u)))
        .filter(|d| devices.is_empty() || d["id"].as_i64().is_some_and(|i| devices.contains(&i)))
        .collect())
}

/// `GET /inventory/software`: `{"software": [...], "next_offset"}` with per-title totals.
fn list_software(call: &Read<'_>) -> Result<Reply, ApiError> {
    let devices = inventory_devices(call)?;
    let rows: Vec<Value> = engine::records(call.tenant, &SOFTWARE)
        .filter_map(|sw| {
            let hosts: Vec<&&Value> = devices
                .iter()
                .filter(|d| d["id"].as_i64().is_some_and(|id| installed(sw, id)))
                .collect();
            if hosts.is_empty() {
                return None;
            }
            let users: std::collections::BTreeSet<i64> =
                hosts.iter().filter_map(|d| d["userid"].as_i64()).collect();
            let mut v = public(sw);
            if let Value::Object(m) = &mut v {
                m.remove("software_version");
                m.insert("user_total".into(), json!(users.len()));
                m.insert("device_total".into(), json!(hosts.len()));
            }
            Some(v)
        })
        .collect();
    cursor("software", rows, call)
}

/// `GET /inventory/software/{key}`: one row per device that has the title installed.
fn get_software(call: &Read<'_>) -> Result<Reply, ApiError> {
    let key = param(call, "softwareKey");
    let sw =
        engine::record(call.tenant, &SOFTWARE, key).ok_or_else(|| not_found("Software", key))?;
    let devices = inventory_devices(call)?;
    let rows: Vec<Value> = devices
        .into_iter()
        .filter(|d| d["id"].as_i64().is_some_and(|id| installed(sw, id)))
        .map(|d| {
            let id = d["id"].as_i64().unwrap_or_default();
            let installed_on = call.tenant.anchor - (mix(id as u64, 77) % (400 * 86_400)) as i64;
            json!({
                "software_key": sw["software_key"],
                "software_name": sw["software_name"],
                "software_version": sw["software_version"],
                "vendor": sw["vendor"],
                "software_group": sw["software_group"],
                "sw_install_type": sw["sw_install_type"],
                "os": d["software"]["os_name"],
                "device_id": id,
                "hostname": d["software"]["hostname"],
                "user_id": d["userid"],
                "username": d["user_email"],
                "install_date": installed_on,
            })
        })
        .collect();
    cursor("software", rows, call)
}

// ---------------------------------------------------------------------------------------------
// Deep traces
// ---------------------------------------------------------------------------------------------

/// A trace as the API shows it (an in-progress session completes when its length has passed).
fn trace_view(trace: &Value, now: i64) -> Value {
    let mut v = public(trace);
    let started = trace["started_at"].as_i64().unwrap_or_default();
    let minutes = trace["trace_details"]["session_length_minutes"]
        .as_i64()
        .unwrap_or(5);
    let end = started + minutes * 60;
    if trace["status"] == json!("in_progress")
        && now >= end
        && let Value::Object(m) = &mut v
    {
        m.insert("status".into(), json!("completed"));
        m.insert("ended_at".into(), json!(end));
    }
    v
}

fn list_deeptraces(call: &Read<'_>) -> Result<Reply, ApiError> {
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    let id = device["id"].as_i64();
    let rows: Vec<Value> = engine::records(call.tenant, &DEEPTRACES)
        .filter(|t| t["_device"].as_i64() == id)
        .map(|t| trace_view(t, call.tenant.now()))
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

fn find_trace<'t>(call: &'t Read<'_>) -> Result<&'t Value, ApiError> {
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    let trace_id = param(call, "traceId");
    engine::record(call.tenant, &DEEPTRACES, trace_id.trim())
        .filter(|t| t["_device"] == device["id"])
        .ok_or_else(|| not_found("Deep trace", trace_id))
}

fn get_deeptrace(call: &Read<'_>) -> Result<Reply, ApiError> {
    find_trace(call).map(|t| Reply::ok(trace_view(t, call.tenant.now())))
}

fn body_int(body: &Map<String, Value>, field: &str) -> Result<Option<i64>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => int_of(v)
            .map(Some)
            .ok_or_else(|| invalid(format!("Field '{field}' must be an integer"))),
    }
}

fn required_int(body: &Map<String, Value>, field: &str) -> Result<i64, ApiError> {
    body_int(body, field)?.ok_or_else(|| invalid(format!("Missing required field '{field}'")))
}

fn body_object<'a>(call: &'a Read<'_>) -> Result<&'a Map<String, Value>, ApiError> {
    match call.body {
        Some(Value::Object(m)) => Ok(m),
        _ => Err(invalid("Request body must be a JSON object")),
    }
}

/// `POST /devices/{id}/deeptraces`: starts a session (one running session per device).
fn start_deeptrace(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_object(&call.as_read())?.clone();
    let device = find_device(call.tenant, param(&call.as_read(), "deviceId"))?.clone();
    let device_id = device["id"].as_i64().unwrap_or_default();
    let session_name = match body.get("session_name") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(invalid("Missing required field 'session_name'"));
        }
        Some(_) => return Err(invalid("Field 'session_name' must be a string")),
    };
    let app_id = required_int(&body, "app_id")?;
    let app = engine::record(call.tenant, &APPS, &app_id.to_string())
        .map(App::of)
        .ok_or_else(|| invalid(format!("Invalid 'app_id': no application with id {app_id}")))?;
    let web_probe = required_int(&body, "web_probe_id")?;
    let cloudpath = required_int(&body, "cloudpath_probe_id")?;
    let (web_id, web_name) = app.web_probe();
    let (cp_id, cp_name) = app.cloudpath_probe();
    if web_probe != web_id {
        return Err(invalid(format!(
            "Invalid 'web_probe_id': probe {web_probe} does not belong to application {app_id}"
        )));
    }
    if cloudpath != cp_id {
        return Err(invalid(format!(
            "Invalid 'cloudpath_probe_id': probe {cloudpath} does not belong to application {app_id}"
        )));
    }
    let minutes = body_int(&body, "session_length_minutes")?.unwrap_or(5);
    if ![5, 15, 30, 60].contains(&minutes) {
        return Err(invalid(
            "Invalid 'session_length_minutes': expected 5, 15, 30 or 60",
        ));
    }
    let probe_device = match body.get("probe_device") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(invalid("Field 'probe_device' must be a boolean")),
    };
    let running = engine::records(call.tenant, &DEEPTRACES)
        .filter(|t| t["_device"].as_i64() == Some(device_id))
        .any(|t| trace_view(t, call.tenant.now())["status"] == json!("in_progress"));
    if running {
        return Err(ApiError::new(
            Some(Product::Zdx),
            Kind::Duplicate,
            format!("A deep trace session is already running on device {device_id}"),
        ));
    }
    let started = call.tenant.now();
    let record = json!({
        "_device": device_id,
        "trace_details": {
            "session_name": session_name,
            "user_id": device["userid"],
            "username": device["user_email"],
            "device_id": device_id,
            "device_name": device["name"],
            "web_probe_id": web_id,
            "web_probe_name": web_name,
            "cloudpath_id": cp_id,
            "cloudpath_name": cp_name,
            "app_id": app.id,
            "app_name": app.name,
            "session_length_minutes": minutes,
            "probe_device": probe_device,
            "os": device["software"]["os_name"],
        },
        "status": "in_progress",
        "expected_time_minutes": minutes,
        "created_at": started,
        "started_at": started,
        "ended_at": null,
    });
    let id = call.tenant.insert(&DEEPTRACES, record);
    let stored = engine::record(call.tenant, &DEEPTRACES, &id)
        .map(|t| trace_view(t, call.tenant.now()))
        .unwrap_or(Value::Null);
    let mut answer = stored.clone();
    if let Value::Object(m) = &mut answer {
        m.insert("session_name".into(), json!(session_name));
        m.insert("expected_time".into(), json!(minutes * 60));
    }
    Ok(Reply::Json(axum::http::StatusCode::OK, answer))
}

/// The trace's sampling instants (one a minute over the session, up to now).
fn trace_instants(trace: &Value, now: i64) -> Vec<i64> {
    let started = trace["started_at"].as_i64().unwrap_or_default();
    let minutes = trace["trace_details"]["session_length_minutes"]
        .as_i64()
        .unwrap_or(5);
    let end = (started + minutes * 60).min(now.max(started));
    (0..)
        .map(|k| started + k * 60)
        .take_while(|t| *t <= end)
        .collect()
}

fn trace_context(call: &Read<'_>) -> Result<(Value, App, i64, u64), ApiError> {
    let trace = find_trace(call)?.clone();
    let app_id = trace["trace_details"]["app_id"].to_string();
    let app = find_app(call.tenant, &app_id)?;
    let device = trace["_device"].as_i64().unwrap_or_default();
    let score = app.device_score(device).unwrap_or(app.base);
    let salt = mix(trace["trace_id"].as_u64().unwrap_or_default(), app.salt);
    Ok((trace, app, score, salt))
}

fn trace_id(trace: &Value) -> Value {
    trace["trace_id"].clone()
}

fn trace_top_processes(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, _, salt) = trace_context(call)?;
    const PROCS: [&str; 8] = [
        "chrome.exe",
        "Teams.exe",
        "OUTLOOK.EXE",
        "MsMpEng.exe",
        "ZSATunnel.exe",
        "explorer.exe",
        "svchost.exe",
        "zoom.exe",
    ];
    let snapshots: Vec<Value> = trace_instants(&trace, call.tenant.now())
        .into_iter()
        .map(|t| {
            let pick = |category: &str, shift: u32| {
                let h = mix(salt ^ u64::from(shift), t as u64);
                let processes: Vec<Value> = (0..3)
                    .map(|k| {
                        let i = ((h >> (k * 8)) % PROCS.len() as u64) as usize;
                        json!({"name": PROCS[i], "id": 1000 + ((h >> (k * 12)) % 9000) as i64})
                    })
                    .collect();
                json!({"category": category, "processes": processes})
            };
            json!({"timestamp": t, "top_processes": [pick("cpu", 1), pick("memory", 2), pick("disk_io", 3), pick("network_io", 4)]})
        })
        .collect();
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "timestamp": trace["started_at"],
        "top_processes": snapshots,
    })))
}

fn trace_series(trace: &Value, now: i64, f: impl Fn(i64) -> f64) -> Vec<Value> {
    trace_instants(trace, now)
        .into_iter()
        .map(|t| json!({"timestamp": t, "value": f(t)}))
        .collect()
}

fn trace_webprobe_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, score, salt) = trace_context(call)?;
    let metrics: Vec<Value> = METRICS
        .iter()
        .map(|(m, unit)| {
            json!({"metric": m, "unit": unit, "datapoints": trace_series(&trace, call.tenant.now(), |t| metric_value(m, score, salt, t))})
        })
        .collect();
    let first = metrics.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "metric": first["metric"],
        "unit": first["unit"],
        "datapoints": first["datapoints"],
        "metrics": metrics,
    })))
}

fn trace_cloudpath_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, score, salt) = trace_context(call)?;
    let all: Vec<Value> = legs(score, salt)
        .into_iter()
        .enumerate()
        .map(|(i, (src, dst, latency))| {
            let leg_salt = salt ^ (i as u64 + 1);
            json!({
                "leg_src": src,
                "leg_dst": dst,
                "stats": [
                    {"metric": "latency_avg", "unit": "ms", "datapoints": trace_series(&trace, call.tenant.now(), |t| round2(latency * (1.0 + 0.15 * wave(leg_salt, t))))},
                    {"metric": "packet_loss", "unit": "%", "datapoints": trace_series(&trace, call.tenant.now(), |t| round2(((100 - score) as f64 / 40.0 * wave(leg_salt ^ 9, t).abs()).max(0.0)))},
                    {"metric": "num_hops", "unit": "", "datapoints": trace_series(&trace, call.tenant.now(), |_| (3 + i * 2) as f64)},
                ],
            })
        })
        .collect();
    let first = all.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "leg_src": first["leg_src"],
        "leg_dst": first["leg_dst"],
        "stats": first["stats"],
        "legs": all,
    })))
}

fn trace_cloudpath(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, app, score, salt) = trace_context(call)?;
    let host = app.name.to_lowercase().replace(' ', "-") + ".example.net";
    let paths: Vec<Value> = trace_instants(&trace, call.tenant.now())
        .into_iter()
        .map(|t| {
            let hops: Vec<Value> = (0..6)
                .map(|k| {
                    let h = mix(salt ^ k, t as u64);
                    let base = 1.0 + k as f64 * (2.0 + (100 - score) as f64 * 0.05);
                    let jitter = (h % 400) as f64 / 100.0;
                    json!({
                        "ip": format!("100.{}.{}.{}", 64 + k, (h >> 8) % 255, 1 + (h >> 16) % 253),
                        "gw_mac": if k == 0 { json!("00:1a:2b:3c:4d:5e") } else { Value::Null },
                        "gw_mac_vendor": if k == 0 { json!("Cisco Systems") } else { Value::Null },
                        "pkt_sent": 10,
                        "pkt_rcvd": if (h >> 24).is_multiple_of(17) { 9 } else { 10 },
                        "latency_min": round2(base),
                        "latency_max": round2(base + jitter),
                        "latency_avg": round2(base + jitter / 2.0),
                        "latency_diff": round2(jitter),
                    })
                })
                .collect();
            let latency = hops
                .last()
                .and_then(|h| h["latency_avg"].as_f64())
                .unwrap_or_default();
            json!({
                "timestamp": t,
                "cloudpath": {
                    "src": trace["trace_details"]["device_name"],
                    "dst": host,
                    "num_hops": hops.len(),
                    "latency": latency,
                    "loss": round2(((100 - score) as f64 / 50.0).max(0.0)),
                    "num_unresp_hops": 0,
                    "tunnel_type": "Z-Tunnel 2.0",
                    "hops": hops,
                },
            })
        })
        .collect();
    let first = paths.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "timestamp": first["timestamp"],
        "cloudpath": first["cloudpath"],
        "paths": paths,
    })))
}

fn trace_health_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, _, salt) = trace_context(call)?;
    let metric = |name: &str, unit: &str, base: f64, spread: f64, k: u64| json!({"metric": name, "unit": unit, "datapoints": trace_series(&trace, call.tenant.now(), |t| round2((base + spread * wave(salt ^ k, t)).max(0.0)))});
    let categories = vec![
        json!({"category": "cpu", "instances": [{"name": "total", "metrics": [metric("pct_total", "%", 35.0, 20.0, 1)]}]}),
        json!({"category": "memory", "instances": [{"name": "total", "metrics": [metric("pct_used", "%", 62.0, 8.0, 2), metric("free_mb", "MB", 5200.0, 600.0, 3)]}]}),
        json!({"category": "disk", "instances": [{"name": "C:", "metrics": [metric("pct_used", "%", 71.0, 1.0, 4), metric("io_rate", "KB/s", 900.0, 700.0, 5)]}]}),
        json!({"category": "network", "instances": [{"name": "Wi-Fi", "metrics": [metric("bandwidth_in", "Mbps", 48.0, 30.0, 6), metric("bandwidth_out", "Mbps", 9.0, 6.0, 7), metric("wifi_signal", "%", 72.0, 15.0, 8)]}]}),
    ];
    let first = categories[0].clone();
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "category": first["category"],
        "instances": first["instances"],
        "metrics": categories,
    })))
}

fn trace_events(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, _, salt) = trace_context(call)?;
    let instants = trace_instants(&trace, call.tenant.now());
    let mut timeline = Vec::new();
    for (k, t) in instants.iter().enumerate() {
        let h = mix(salt, *t as u64);
        let event = match (k, h % 5) {
            (0, _) => Some((
                "zscaler",
                "zcc_tunnel",
                "ZCC tunnel status",
                "Disconnected",
                "Connected",
            )),
            (_, 0) => Some((
                "network",
                "wifi_ssid",
                "Wi-Fi network changed",
                "CORP-WIFI",
                "CORP-WIFI-5G",
            )),
            (_, 1) if k % 3 == 0 => Some((
                "software",
                "os_update",
                "OS update installed",
                "10.0.22631.3880",
                "10.0.22631.4037",
            )),
            _ => None,
        };
        if let Some((category, name, display, prev, curr)) = event {
            timeline.push(json!({
                "timestamp": t,
                "events": [{"category": category, "name": name, "display_name": display, "prev": prev, "curr": curr, "type": "state_change"}],
            }));
        }
    }
    let first = timeline.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "timestamp": first["timestamp"],
        "events": first["events"].as_array().cloned().unwrap_or_default(),
        "timeline": timeline,
    })))
}

// ---------------------------------------------------------------------------------------------
// Score analysis
// ---------------------------------------------------------------------------------------------

/// `POST /analysis`: starts a score analysis for a device and app over `t0`..`t1`.
fn start_analysis(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_object(&call.as_read())?.clone();
    let device_id = match body.get("device_id") {
        None | Some(Value::Null) => return Err(invalid("Missing required field 'device_id'")),
        Some(v) => int_of(v).ok_or_else(|| invalid("Field 'device_id' must be a device id"))?,
    };
    let app_id = required_int(&body, "app_id")?;
    find_device(call.tenant, &device_id.to_string())?;
    find_app(call.tenant, &app_id.to_string())?;
    let t1 = body_int(&body, "t1")?.unwrap_or_else(|| call.tenant.now());
    let t0 = body_int(&body, "t0")?.unwrap_or(t1 - DEFAULT_WINDOW);
    if t0 > t1 {
        return Err(invalid("'t0' must be earlier than 't1'"));
    }
    if t1 - t0 > MAX_WINDOW {
        return Err(invalid(
            "The time range between 't0' and 't1' cannot exceed 14 days",
        ));
    }
    let record = json!({
        "device_id": device_id.to_string(),
        "app_id": app_id,
        "t0": t0,
        "t1": t1,
        "status": "completed",
        "created_at": call.tenant.now(),
    });
    let id = call.tenant.insert(&ANALYSES, record);
    Ok(Reply::ok(json!({
        "analysis_id": id,
        "status": "started",
        "device_id": device_id.to_string(),
        "app_id": app_id,
        "t0": t0,
        "t1": t1,
    })))
}

fn get_analysis(call: &Read<'_>) -> Result<Reply, ApiError> {
    let id = param(call, "analysisId");
    let analysis = engine::record(call.tenant, &ANALYSES, id.trim())
        .ok_or_else(|| not_found("Analysis", id))?;
    let app = analysis["app_id"]
        .as_i64()
        .and_then(|a| engine::record(call.tenant, &APPS, &a.to_string()))
        .map(App::of);
    let device_id = analysis["device_id"]
        .as_str()
        .and_then(|d| d.parse::<i64>().ok());
    let device = device_id.and_then(|d| engine::record(call.tenant, &DEVICES, &d.to_string()));
    let score = match (&app, device_id) {
        (Some(app), Some(d)) => app.device_score(d),
        _ => None,
    };
    let issues: Vec<Value> = match score {
        Some(s) if s <= 33 => vec![
            json!({"category": "network", "severity": "high", "metric": "latency_avg", "value": round2(40.0 + (100 - s) as f64 * 1.5), "description": "High latency between the Zscaler service edge and the application"}),
            json!({"category": "application", "severity": "medium", "metric": "server_response_time", "value": round2(140.0 + (100 - s) as f64 * 9.0), "description": "Slow server response time"}),
        ],
        Some(s) if s <= 66 => vec![
            json!({"category": "network", "severity": "medium", "metric": "dns", "value": round2(18.0 + (100 - s) as f64 * 1.3), "description": "Slow DNS resolution on the device network"}),
        ],
        _ => Vec::new(),
    };
    let summary = match (score, issues.is_empty()) {
        (None, _) => {
            "No data for this application on this device in the analysed window".to_string()
        }
        (Some(s), true) => format!("ZDX score {s} ({}): no issues found", bucket(s)),
        (Some(s), false) => format!(
            "ZDX score {s} ({}): {} likely cause(s) found",
            bucket(s),
            issues.len()
        ),
    };
    Ok(Reply::ok(json!({
        "analysis_id": analysis["analysis_id"],
        "status": analysis["status"],
        "device_id": analysis["device_id"],
        "app_id": analysis["app_id"],
        "t0": analysis["t0"],
        "t1": analysis["t1"],
        "data": {
            "app": app.as_ref().map(|a| json!({"id": a.id, "name": a.name})),
            "device": device.map(|d| json!({"id": d["id"], "name": d["name"]})),
            "score": score,
            "score_bucket": score.map(bucket),
            "issues": issues,
            "summary": summary,
        },
    })))
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

fn seed_locations(_s: &mut Seeder<'_>) -> Vec<Value> {
    LOCATION_TABLE
        .iter()
        .map(|l| json!({"id": l.0, "name": l.1}))
        .collect()
}

fn seed_departments(_s: &mut Seeder<'_>) -> Vec<Value> {
    DEPARTMENT_TABLE
        .iter()
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect()
}

fn seed_apps(s: &mut Seeder<'_>) -> Vec<Value> {
    APP_TABLE
        .iter()
        .map(|(id, name)| {
            let l = s.pick(&LOCATION_TABLE);
            json!({
                "id": id,
                "name": name,
                "most_impacted_region": {
                    "id": l.2,
                    "country": l.3,
                    "region": l.4,
                    "city": l.5,
                    "geo_type": "city",
                },
                "_score_base": s.int(58, 92),
                "_salt": s.int(1, i64::MAX / 2),
            })
        })
        .collect()
}

const FIRST_NAMES: [&str; 12] = [
    "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena",
];
const LAST_NAMES: [&str; 8] = [
    "Silva", "Okafor", "Nakamura", "Schmidt", "Patel", "Novak", "Garcia", "Larsen",
];

fn seed_users(s: &mut Seeder<'_>) -> Vec<Value> {
    // Every device belongs to a distinct user, so users grow with the devices.
    let n = s.large(40);
    (0..n)
        .map(|i| {
            let first = *s.pick(&FIRST_NAMES);
            let last = *s.pick(&LAST_NAMES);
            let (dept, _) = *s.pick(&DEPARTMENT_TABLE);
            let loc = s.pick(&LOCATION_TABLE).0;
            json!({
                "id": 17_400_000 + i as i64,
                "name": format!("{first} {last}"),
                "email": format!("{}.{}{i}@example.com", first.to_lowercase(), last.to_lowercase()),
                "_dept": dept,
                "_loc": loc,
            })
        })
        .collect()
}

fn seed_devices(s: &mut Seeder<'_>) -> Vec<Value> {
    let users: Vec<Value> = s
        .tenant
        .collection(USERS.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    if users.is_empty() {
        return Vec::new();
    }
    let n = s.large(60);
    (0..n)
        .map(|i| {
            let user = &users[i % users.len()];
            let loc = user["_loc"].as_i64().and_then(location).unwrap_or(&LOCATION_TABLE[0]);
            let windows = s.chance(0.7);
            let first = user["name"]
                .as_str()
                .and_then(|n| n.split(' ').next())
                .unwrap_or("user")
                .to_uppercase();
            let hostname = if windows {
                format!("LAPTOP-{first}-{i:05}")
            } else {
                format!("{}s-MacBook-Pro-{i:05}", first.to_lowercase())
            };
            let (mfg, model, cpu) = if windows {
                *s.pick(&[
                    ("Dell Inc.", "Latitude 7440", "13th Gen Intel(R) Core(TM) i7-1365U"),
                    ("Lenovo", "ThinkPad T14 Gen 4", "13th Gen Intel(R) Core(TM) i5-1345U"),
                    ("HP", "EliteBook 840 G10", "13th Gen Intel(R) Core(TM) i7-1355U"),
                ])
            } else {
                *s.pick(&[
                    ("Apple Inc.", "MacBookPro18,3", "Apple M1 Pro"),
                    ("Apple Inc.", "Mac15,6", "Apple M3 Pro"),
                ])
            };
            let mac = s.mac();
            let ipv4 = s.ipv4();
            json!({
                "id": 132_000_000 + i as i64,
                "name": hostname,
                "userid": user["id"],
                "user_name": user["name"],
                "user_email": user["email"],
                "hardware": {
                    "hw_model": model,
                    "hw_mfg": mfg,
                    "hw_type": "Laptop",
                    "hw_serial": s.hex(10).to_uppercase(),
                    "tot_mem": *s.pick(&[16384, 32768]),
                    "gpu": if windows { "Intel(R) Iris(R) Xe Graphics" } else { "Apple GPU" },
                    "disk_size": *s.pick(&[512, 1024]),
                    "disk_model": if windows { "NVMe SSD" } else { "APPLE SSD" },
                    "disk_type": "SSD",
                    "cpu_mfg": if windows { "Intel" } else { "Apple" },
                    "cpu_model": cpu,
                    "speed_ghz": if windows { 2.6 } else { 3.2 },
                    "logical_proc": *s.pick(&[8, 12, 16]),
                    "num_cores": *s.pick(&[8, 10, 12]),
                },
                "network": [{
                    "net_type": "Wi-Fi",
                    "status": "Connected",
                    "ipv4": ipv4,
                    "ipv6": null,
                    "dns_srvs": "10.10.0.53,10.10.0.54",
                    "dns_suffix": "corp.example.com",
                    "gateway": "10.10.0.1",
                    "mac": mac,
                    "guid": format!("{{{}-{}-{}-{}-{}}}", s.hex(8), s.hex(4), s.hex(4), s.hex(4), s.hex(12)).to_uppercase(),
                }],
                "software": {
                    "os_name": if windows { "Microsoft Windows 11 Enterprise" } else { "macOS Sonoma" },
                    "os_ver": if windows { "10.0.22631" } else { "14.6.1" },
                    "os_build": if windows { format!("22631.{}", s.int(3000, 4500)) } else { "23G93".to_string() },
                    "hostname": hostname,
                    "netbios": if windows { json!(hostname.chars().take(15).collect::<String>()) } else { Value::Null },
                    "user": user["email"],
                    "client_conn_ver": format!("4.{}.0.{}", s.int(4, 6), s.int(100, 300)),
                    "zdx_ver": format!("4.{}.{}", s.int(3, 5), s.int(0, 99)),
                },
                "_loc": loc.0,
                "_dept": user["_dept"],
                "_geo": loc.2,
            })
        })
        .collect()
}

fn seed_alerts(s: &mut Seeder<'_>) -> Vec<Value> {
    let apps: Vec<App> = s
        .tenant
        .collection(APPS.key)
        .map(|c| c.records.values().map(App::of).collect())
        .unwrap_or_default();
    let devices: Vec<Value> = s
        .tenant
        .collection(DEVICES.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    if apps.is_empty() {
        return Vec::new();
    }
    const RULES: [(&str, &str, &str); 4] = [
        ("{app} page fetch time above 5 s", "Critical", "pft"),
        ("{app} ZDX score below 40", "Major", "score"),
        ("{app} DNS time above 200 ms", "Minor", "dns"),
        ("{app} availability below 99%", "Info", "availability"),
    ];
    (0..12)
        .map(|i| {
            let app = &apps[(i * 3 + 1) % apps.len()];
            let loc = &LOCATION_TABLE[i % LOCATION_TABLE.len()];
            let (rule, severity, _) = RULES[i % RULES.len()];
            let affected: Vec<&Value> = devices
                .iter()
                .filter(|d| d["_loc"].as_i64() == Some(loc.0))
                .filter(|d| d["id"].as_i64().and_then(|id| app.device_score(id)).is_some())
                .collect();
            let mut per_dept: BTreeMap<i64, usize> = BTreeMap::new();
            for d in &affected {
                *per_dept.entry(d["_dept"].as_i64().unwrap_or_default()).or_default() += 1;
            }
            let departments: Vec<Value> = per_dept
                .iter()
                .map(|(id, n)| {
                    let name = DEPARTMENT_TABLE.iter().find(|d| d.0 == *id).map(|d| d.1);
                    json!({"id": id, "name": name, "num_devices": n})
                })
                .collect();
            let ongoing = i % 3 != 2;
            let (started_ago, ended_ago) = if ongoing {
                (s.int(600, 3 * 86_400), Value::Null)
            } else if i < 6 {
                let ended = s.int(0, 3599);
                (ended + s.int(900, 7200), json!(ended))
            } else {
                let ended = s.int(86_400, 13 * 86_400);
                (ended + s.int(900, 14_400), json!(ended))
            };
            json!({
                "id": 7_390_284_700 + i as i64 * 131,
                "rule_name": s.text(&rule.replace("{app}", &app.name)),
                "severity": severity,
                "alert_type": "Application",
                "alert_status": if ongoing { "Ongoing" } else { "Resolved" },
                "application": {"id": app.id, "name": app.name},
                "geolocations": [{"id": loc.2, "name": format!("{}, {}, {}", loc.5, loc.4, loc.3), "num_devices": affected.len()}],
                "departments": departments,
                "locations": [{"id": loc.0, "name": loc.1, "num_devices": affected.len(), "groups": [{"id": loc.6, "name": match loc.6 { 3001 => "Americas", 3002 => "EMEA", _ => "APAC" }}]}],
                "num_devices": affected.len(),
                "_app": app.id,
                "_loc": loc.0,
                "_started_ago": started_ago,
                "_ended_ago": ended_ago,
            })
        })
        .collect()
}

fn seed_software(s: &mut Seeder<'_>) -> Vec<Value> {
    const TITLES: [(&str, &str, &str, &str, &str); 14] = [
        (
            "Google Chrome",
            "Google LLC",
            "Browsers",
            "MSI",
            "128.0.6613.120",
        ),
        ("Mozilla Firefox", "Mozilla", "Browsers", "Win32", "130.0"),
        (
            "Microsoft Teams",
            "Microsoft Corporation",
            "Collaboration",
            "Store",
            "24215.1007.3082.1590",
        ),
        (
            "Zoom Workplace",
            "Zoom Video Communications, Inc.",
            "Collaboration",
            "Win32",
            "6.2.0",
        ),
        (
            "Slack",
            "Slack Technologies Inc.",
            "Collaboration",
            "Win32",
            "4.40.126",
        ),
        (
            "Microsoft 365 Apps for enterprise",
            "Microsoft Corporation",
            "Productivity",
            "Click-to-Run",
            "16.0.17928.20114",
        ),
        (
            "Adobe Acrobat Reader",
            "Adobe Inc.",
            "Productivity",
            "MSI",
            "24.003.20054",
        ),
        (
            "Zscaler Client Connector",
            "Zscaler Inc.",
            "Security",
            "MSI",
            "4.5.0.198",
        ),
        (
            "CrowdStrike Falcon Sensor",
            "CrowdStrike, Inc.",
            "Security",
            "MSI",
            "7.16.18605",
        ),
        (
            "Visual Studio Code",
            "Microsoft Corporation",
            "Developer Tools",
            "Win32",
            "1.93.0",
        ),
        (
            "Git",
            "The Git Development Community",
            "Developer Tools",
            "Win32",
            "2.46.0",
        ),
        (
            "Python 3.12",
            "Python Software Foundation",
            "Developer Tools",
            "Win32",
            "3.12.5",
        ),
        ("7-Zip", "Igor Pavlov", "Utilities", "MSI", "24.08"),
        (
            "TeamViewer",
            "TeamViewer Germany GmbH",
            "Remote Access",
            "Win32",
            "15.57.5",
        ),
    ];
    TITLES
        .iter()
        .map(|(name, vendor, group, install, version)| {
            let key = format!("{}|{}", name, vendor)
                .to_lowercase()
                .replace([' ', ','], "_");
            json!({
                "software_key": key,
                "software_name": s.text(name),
                "software_version": version,
                "vendor": vendor,
                "software_group": group,
                "sw_install_type": install,
                "_share": s.int(15, 95),
                "_salt": s.int(1, i64::MAX / 2),
            })
        })
        .collect()
}

fn seed_deeptraces(s: &mut Seeder<'_>) -> Vec<Value> {
    let devices: Vec<Value> = s
        .tenant
        .collection(DEVICES.key)
        .map(|c| c.records.values().take(2).cloned().collect())
        .unwrap_or_default();
    let apps: Vec<App> = s
        .tenant
        .collection(APPS.key)
        .map(|c| c.records.values().map(App::of).collect())
        .unwrap_or_default();
    if apps.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, device) in devices.iter().enumerate() {
        for k in 0..(2 - i) {
            let app = &apps[(i * 2 + k) % apps.len()];
            let minutes = *s.pick(&[5i64, 15, 30]);
            let started = s.epoch_within(20);
            let (web_id, web_name) = app.web_probe();
            let (cp_id, cp_name) = app.cloudpath_probe();
            out.push(json!({
                "trace_id": 342_941_700 + (i * 10 + k) as i64,
                "_device": device["id"],
                "trace_details": {
                    "session_name": s.text(&format!("{} slowness investigation", app.name)),
                    "user_id": device["userid"],
                    "username": device["user_email"],
                    "device_id": device["id"],
                    "device_name": device["name"],
                    "web_probe_id": web_id,
                    "web_probe_name": web_name,
                    "cloudpath_id": cp_id,
                    "cloudpath_name": cp_name,
                    "app_id": app.id,
                    "app_name": app.name,
                    "session_length_minutes": minutes,
                    "probe_device": true,
                    "os": device["software"]["os_name"],
                },
                "status": "completed",
                "expected_time_minutes": minutes,
                "created_at": started - 5,
                "started_at": started,
                "ended_at": started + minutes * 60,
            }));
        }
    }
    out
}
