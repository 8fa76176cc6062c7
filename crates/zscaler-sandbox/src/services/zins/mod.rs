//! Z-Insights (`POST /zins/graphql`): GraphQL analytics. Root fields are domains
//! (`WEB_TRAFFIC`, `CYBER_SECURITY`, `ZERO_TRUST_FIREWALL`, `SAAS_SECURITY`, `SHADOW_IT`, `IOT`);
//! their report fields take `start_time`/`end_time` in epoch milliseconds, which must span
//! exactly 7 or 14 days, and answer `{"obfuscated", "entries": [...]}` aggregated at request
//! time from seeded daily buckets (`dayIndex` 0 = the last day of the window).

pub(in crate::services) mod graphql;

use std::collections::HashMap;

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::engine::{Call, IdKind, ResourceDef, no_completion, records};
use crate::envelope::Envelope;
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use graphql::{Ctx, Field, GqlError};

const DAY_MS: i64 = 86_400_000;

const fn zins(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zins,
        id_kind: IdKind::Slug,
        id_field: "id",
        name_field: None,
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

/// Web traffic buckets: one day × location × protocol × threat × action.
pub static WEB_TRAFFIC: ResourceDef = zins("zins.web_traffic", seed_web_traffic);
/// Cyber-security incident buckets.
pub static INCIDENTS: ResourceDef = zins("zins.incidents", seed_incidents);
/// Zero-trust firewall session buckets.
pub static FIREWALL: ResourceDef = zins("zins.firewall", seed_firewall);
/// CASB (SaaS security) per-app daily counts.
pub static CASB: ResourceDef = zins("zins.casb", seed_casb);
/// Shadow-IT discovered applications (figures for a 14-day window).
pub static SHADOW_IT_APPS: ResourceDef = zins("zins.shadow_it_apps", seed_shadow_it_apps);
/// IoT device classifications.
pub static IOT: ResourceDef = zins("zins.iot_classifications", seed_iot);

pub static RESOURCES: &[&ResourceDef] = &[
    &WEB_TRAFFIC,
    &INCIDENTS,
    &FIREWALL,
    &CASB,
    &SHADOW_IT_APPS,
    &IOT,
];

pub fn routes() -> Vec<Route> {
    vec![Route::new(
        Method::POST,
        "/zins/graphql",
        Op::Custom(graphql_handler),
    )]
}

fn graphql_handler(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let tenant = &*call.tenant;
    let mut resolve = |ctx: &Ctx<'_>, field: &Field, path: &mut Vec<String>| {
        resolve_domain(tenant, ctx, field, path)
    };
    graphql::serve(call, Product::Zins, &mut resolve)
}

use crate::engine::Reply;

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

const LOCATIONS: &[&str] = &[
    "San Jose HQ",
    "New York Office",
    "London Branch",
    "Frankfurt DC",
    "Singapore Office",
    "Sydney Branch",
    "Toronto Office",
    "Remote Users",
];
const PROTOCOLS: &[&str] = &["HTTPS", "HTTP", "SSL", "TUNNEL", "FTP", "DNS_OVER_HTTPS"];
const THREAT_SUPER: &[&str] = &[
    "Malware",
    "Phishing",
    "Botnet Callback",
    "Cryptomining",
    "Adware/Spyware",
    "Suspicious Content",
];
const THREAT_CLASS: &[&str] = &["VIRUS_SPYWARE", "ADVANCED", "BEHAVIORAL_ANALYSIS"];
const DLP_ENGINES: &[&str] = &["HIPAA", "PCI", "GLBA", "OFFENSIVE_LANGUAGE", "EXTERNAL"];
const APPS: &[&str] = &[
    "Microsoft 365",
    "Google Drive",
    "Dropbox",
    "Box",
    "Salesforce",
    "Slack",
    "Zoom",
    "GitHub",
    "WeTransfer",
    "ServiceNow",
    "Workday",
    "Atlassian Confluence",
];
const COUNTRIES: &[&str] = &[
    "United States",
    "China",
    "Russia",
    "Netherlands",
    "Germany",
    "Brazil",
    "India",
    "Iran",
];
const FW_SERVICES: &[&str] = &[
    "DNS", "HTTP", "HTTPS", "SSH", "RDP", "SMB", "NTP", "SMTP", "ICMP_ANY", "QUIC",
];
const FW_ACTIONS: &[&str] = &["ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BLOCK_ICMP"];

fn location(s: &mut Seeder<'_>) -> (String, i64) {
    let i = s.int(0, LOCATIONS.len() as i64 - 1) as usize;
    (LOCATIONS[i].to_string(), 61_000 + i as i64)
}

/// Users already seeded for ZIA (email, id, department), or a built-in set.
fn users(s: &Seeder<'_>) -> Vec<(String, i64, String, i64)> {
    let from_zia: Vec<(String, i64, String, i64)> = s
        .tenant
        .collection("zia.users")
        .map(|c| {
            c.records
                .values()
                .take(40)
                .filter_map(|u| {
                    Some((
                        u.get("email")?.as_str()?.to_string(),
                        u.get("id")?.as_i64()?,
                        u.pointer("/department/name")
                            .and_then(Value::as_str)
                            .unwrap_or("Engineering")
                            .to_string(),
                        u.pointer("/department/id")
                            .and_then(Value::as_i64)
                            .unwrap_or(0),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    if !from_zia.is_empty() {
        return from_zia;
    }
    [
        ("alice.nguyen", "Engineering"),
        ("bob.martin", "Finance"),
        ("carol.smith", "Sales"),
        ("dave.patel", "Engineering"),
        ("erin.garcia", "Marketing"),
        ("frank.muller", "IT"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (u, d))| {
        (
            format!("{u}@example.com"),
            90_000 + i as i64,
            d.to_string(),
            80_000 + i as i64,
        )
    })
    .collect()
}

fn seed_web_traffic(s: &mut Seeder<'_>) -> Vec<Value> {
    let n = s.large(400);
    (0..n)
        .map(|i| {
            let (loc, loc_id) = location(s);
            let threat = s.chance(0.15);
            let blocked = threat || s.chance(0.05);
            let dlp = if s.chance(0.1) {
                json!(s.pick(DLP_ENGINES))
            } else {
                json!("NONE")
            };
            let transactions = s.int(200, 25_000);
            json!({
                "id": format!("wt{i:06}"),
                "dayIndex": i % 14,
                "location": loc,
                "locationId": loc_id,
                "protocol": s.pick(PROTOCOLS),
                "threatSuperCategory": if threat { json!(s.pick(THREAT_SUPER)) } else { Value::Null },
                "threatClass": if threat { json!(s.pick(THREAT_CLASS)) } else { Value::Null },
                "action": if blocked { "BLOCK" } else { "ALLOW" },
                "dlpEngine": dlp,
                "transactions": transactions,
                "bytes": transactions * s.int(8_000, 120_000),
            })
        })
        .collect()
}

fn seed_incidents(s: &mut Seeder<'_>) -> Vec<Value> {
    let people = users(s);
    let n = 300;
    (0..n)
        .map(|i| {
            let (loc, loc_id) = location(s);
            let app_i = s.int(0, APPS.len() as i64 - 1) as usize;
            let (email, user_id, dept, dept_id) = s.pick(&people).clone();
            json!({
                "id": format!("inc{i:06}"),
                "dayIndex": i % 14,
                "threatCategory": s.pick(THREAT_SUPER),
                "app": APPS[app_i],
                "appId": 3_000 + app_i as i64,
                "user": email,
                "userId": user_id,
                "department": dept,
                "departmentId": dept_id,
                "srcCountry": s.pick(COUNTRIES),
                "location": loc,
                "locationId": loc_id,
                "count": s.int(1, 40),
            })
        })
        .collect()
}

fn seed_firewall(s: &mut Seeder<'_>) -> Vec<Value> {
    let n = 200;
    (0..n)
        .map(|i| {
            let (loc, loc_id) = location(s);
            let action = if s.chance(0.7) {
                "ALLOW"
            } else {
                *s.pick(&FW_ACTIONS[1..])
            };
            json!({
                "id": format!("fw{i:06}"),
                "dayIndex": i % 14,
                "action": action,
                "location": loc,
                "locationId": loc_id,
                "networkService": s.pick(FW_SERVICES),
                "count": s.int(50, 12_000),
            })
        })
        .collect()
}

fn seed_casb(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    for day in 0..14 {
        for app in APPS {
            if s.chance(0.8) {
                out.push(json!({
                    "id": format!("casb{}{day:02}", app.replace(' ', "").to_lowercase()),
                    "dayIndex": day,
                    "app": app,
                    "count": s.int(10, 2_500),
                }));
            }
        }
    }
    out
}

const SHADOW_APPS: &[(&str, &str)] = &[
    ("Dropbox", "File Sharing"),
    ("WeTransfer", "File Sharing"),
    ("Mega", "File Sharing"),
    ("ChatGPT", "Generative AI"),
    ("Claude", "Generative AI"),
    ("Perplexity", "Generative AI"),
    ("Trello", "Collaboration"),
    ("Notion", "Collaboration"),
    ("Discord", "Instant Messaging"),
    ("Telegram", "Instant Messaging"),
    ("WhatsApp Web", "Instant Messaging"),
    ("TikTok", "Social Networking"),
    ("Reddit", "Social Networking"),
    ("GitHub", "DevOps"),
    ("Pastebin", "DevOps"),
    ("Canva", "Productivity"),
];

fn seed_shadow_it_apps(s: &mut Seeder<'_>) -> Vec<Value> {
    let n = SHADOW_APPS.len();
    (0..n)
        .map(|i| {
            let (name, category) = match SHADOW_APPS.get(i) {
                Some((n, c)) => (n.to_string(), c.to_string()),
                None => {
                    let (_, c) = *s.pick(SHADOW_APPS);
                    (format!("Discovered App {i:05}"), c.to_string())
                }
            };
            let risk = s.int(1, 5);
            let up = s.int(1_000_000, 4_000_000_000);
            let down = s.int(5_000_000, 20_000_000_000);
            let sanctioned = *s.pick(&["Sanctioned", "Unsanctioned", "Unsanctioned", "Unknown"]);
            json!({
                "id": format!("sit{i:06}"),
                "application": name,
                "application_category": category,
                "risk_index": risk,
                "computed_risk_index": risk,
                "sanctioned_state": sanctioned,
                "integration": if s.chance(0.3) { json!("API") } else { Value::Null },
                "data_consumed": up + down,
                "data_uploaded": up,
                "data_downloaded": down,
                "authenticated_users": s.int(1, 900),
                "unAuthenticated_location_count": s.int(0, 6),
                "_lastAccessHoursAgo": s.int(1, 72),
                "last_access_time": Value::Null,
                "vulnerability": if s.chance(0.2) { json!("Known CVE") } else { Value::Null },
                "undiscovered": s.chance(0.1),
                "custom_risk_index": if s.chance(0.2) { json!(s.int(1, 5)) } else { Value::Null },
            })
        })
        .collect()
}

fn seed_iot(s: &mut Seeder<'_>) -> Vec<Value> {
    const CLASSES: &[(&str, &str)] = &[
        ("IP Camera", "IoT"),
        ("Smart TV", "IoT"),
        ("Printer", "IoT"),
        ("VoIP Phone", "IoT"),
        ("Badge Reader", "IoT"),
        ("HVAC Controller", "IoT"),
        ("Laptop", "User Devices"),
        ("Smartphone", "User Devices"),
        ("Tablet", "User Devices"),
        ("Linux Server", "Server Devices"),
        ("Windows Server", "Server Devices"),
        ("Unknown", "Unclassified"),
    ];
    CLASSES
        .iter()
        .enumerate()
        .map(|(i, (class, category))| {
            json!({
                "id": format!("iot{i:03}"),
                "classifications": class,
                "classification_uuid": format!("{:08x}-5a1e-4c0d-9e7f-{:012x}", 0x1f00_0000u64 + i as u64, 0xa0b0_c0d0_e000u64 + i as u64),
                "category": category,
                "total": s.int(3, 1_500),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

const DOMAINS: &[(&str, &[&str])] = &[
    (
        "WEB_TRAFFIC",
        &[
            "location",
            "no_grouping",
            "protocols",
            "threat_super_categories",
            "threat_class",
        ],
    ),
    ("CYBER_SECURITY", &["incidents", "cyber_security_location"]),
    (
        "ZERO_TRUST_FIREWALL",
        &["action", "location_firewall", "network_service"],
    ),
    ("SAAS_SECURITY", &["casb_app"]),
    ("SHADOW_IT", &["apps", "shadow_it_summary"]),
    ("IOT", &["device_stats"]),
];

fn undefined(name: &str, ty: &str, path: &[String]) -> GqlError {
    GqlError::validation(
        format!(
            "Validation error (FieldUndefined@[{}]) : Field '{name}' in type '{ty}' is undefined",
            path.join("/")
        ),
        path,
    )
}

fn resolve_domain(
    tenant: &crate::tenant::Tenant,
    ctx: &Ctx<'_>,
    field: &Field,
    path: &mut Vec<String>,
) -> Result<Value, GqlError> {
    let Some((domain, reports)) = DOMAINS.iter().find(|(d, _)| *d == field.name) else {
        return Err(undefined(&field.name, "Query", path));
    };
    if field.selections.is_empty() {
        return Err(GqlError::validation(
            format!(
                "Validation error (SubselectionRequired@[{}]) : Subselection required for type '{domain}'",
                field.name
            ),
            path,
        ));
    }
    let mut out = Map::new();
    for report in ctx.fields(&field.selections, Some(domain))? {
        path.push(report.key().to_string());
        let value = if report.name == "__typename" {
            Ok(json!(domain))
        } else if !reports.contains(&report.name.as_str()) {
            Err(undefined(&report.name, domain, path))
        } else {
            let args = ctx.args(report);
            compute(tenant, domain, &report.name, &args, path)
                .and_then(|raw| ctx.project(&raw, report, path))
        };
        path.pop();
        out.insert(report.key().to_string(), value?);
    }
    Ok(Value::Object(out))
}

/// The validated time window: (start ms, end ms, days).
fn window(args: &Map<String, Value>, path: &[String]) -> Result<(i64, i64, i64), GqlError> {
    let get = |k: &str| {
        args.get(k).and_then(Value::as_i64).ok_or_else(|| {
            GqlError::validation(
                format!("Missing or invalid required argument '{k}' (epoch milliseconds)"),
                path,
            )
        })
    };
    let (start, end) = (get("start_time")?, get("end_time")?);
    let span = end - start;
    if span != 7 * DAY_MS && span != 14 * DAY_MS {
        return Err(GqlError::fetching(
            format!(
                "Invalid time range: the interval between start_time ({start}) and end_time ({end}) must be exactly 7 or 14 days, got {:.2} days",
                span as f64 / DAY_MS as f64
            ),
            path,
        ));
    }
    Ok((start, end, span / DAY_MS))
}

fn s(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(x)) => x.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn n(v: &Value, k: &str) -> i64 {
    v.get(k).and_then(Value::as_i64).unwrap_or(0)
}

/// Rows of a bucket collection that fall in a window of `days` days.
fn in_window<'t>(
    tenant: &'t crate::tenant::Tenant,
    def: &ResourceDef,
    days: i64,
) -> impl Iterator<Item = &'t Value> {
    records(tenant, def).filter(move |r| n(r, "dayIndex") < days)
}

/// `{name, total}` entries grouped by `key`, largest first; `id_key` adds an `id`.
fn group(
    rows: &[&Value],
    key: &dyn Fn(&Value) -> Option<String>,
    id_key: Option<&str>,
    measure: &dyn Fn(&Value) -> i64,
) -> Vec<Value> {
    let mut order: Vec<String> = Vec::new();
    let mut totals: HashMap<String, (i64, Value)> = HashMap::new();
    for r in rows {
        let Some(k) = key(r) else { continue };
        let entry = totals.entry(k.clone()).or_insert_with(|| {
            order.push(k.clone());
            (
                0,
                id_key
                    .and_then(|f| r.get(f).cloned())
                    .unwrap_or(Value::Null),
            )
        });
        entry.0 += measure(r);
    }
    let mut out: Vec<Value> = order
        .into_iter()
        .filter_map(|k| {
            let (total, id) = totals.remove(&k)?;
            let mut e = json!({"name": k, "total": total});
            if id_key.is_some()
                && let Value::Object(m) = &mut e
            {
                m.insert("id".to_string(), id);
            }
            Some(e)
        })
        .collect();
    out.sort_by(|a, b| {
        n(b, "total")
            .cmp(&n(a, "total"))
            .then(s(a, "name").cmp(&s(b, "name")))
    });
    out
}

/// Hourly weights for a working-day traffic curve.
const HOURLY: [i64; 24] = [
    2, 1, 1, 1, 1, 2, 4, 7, 10, 11, 11, 10, 9, 10, 11, 11, 10, 8, 6, 5, 4, 3, 3, 2,
];

fn trend(
    rows: &[&Value],
    start: i64,
    days: i64,
    interval: &str,
    measure: &dyn Fn(&Value) -> i64,
) -> Value {
    let mut per_day = vec![0i64; days as usize];
    for r in rows {
        let idx = days - 1 - n(r, "dayIndex");
        if let Some(slot) = usize::try_from(idx).ok().and_then(|i| per_day.get_mut(i)) {
            *slot += measure(r);
        }
    }
    let values: Vec<i64> = if interval == "HOUR" {
        let sum: i64 = HOURLY.iter().sum();
        per_day
            .iter()
            .flat_map(|d| HOURLY.iter().map(move |w| d * w / sum))
            .collect()
    } else {
        per_day
    };
    json!({
        "trend_start_time": start,
        "trend_interval": interval,
        "trend_values": values,
    })
}

fn day_name(end_ms: i64, day_index: i64) -> String {
    let secs = (end_ms - (day_index + 1) * DAY_MS).div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
pub(in crate::services) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn report(entries: Vec<Value>) -> Value {
    json!({"obfuscated": false, "entries": entries})
}

fn compute(
    tenant: &crate::tenant::Tenant,
    domain: &str,
    field: &str,
    args: &Map<String, Value>,
    path: &[String],
) -> Result<Value, GqlError> {
    if domain == "IOT" {
        return Ok(iot_stats(tenant));
    }
    let (start, end, days) = window(args, path)?;
    match domain {
        "WEB_TRAFFIC" => web_traffic(tenant, field, args, start, days, path),
        "CYBER_SECURITY" => cyber(tenant, field, args, end, days, path),
        "ZERO_TRUST_FIREWALL" => {
            let rows: Vec<&Value> = in_window(tenant, &FIREWALL, days).collect();
            let count = |r: &Value| n(r, "count");
            Ok(report(match field {
                "action" => group(&rows, &|r| Some(s(r, "action")), None, &count),
                "location_firewall" => group(
                    &rows,
                    &|r| Some(s(r, "location")),
                    Some("locationId"),
                    &count,
                ),
                _ => group(&rows, &|r| Some(s(r, "networkService")), None, &count),
            }))
        }
        "SAAS_SECURITY" => {
            let rows: Vec<&Value> = in_window(tenant, &CASB, days).collect();
            Ok(report(group(&rows, &|r| Some(s(r, "app")), None, &|r| {
                n(r, "count")
            })))
        }
        _ => Ok(shadow_it(tenant, field, end, days)),
    }
}

fn web_traffic(
    tenant: &crate::tenant::Tenant,
    field: &str,
    args: &Map<String, Value>,
    start: i64,
    days: i64,
    path: &[String],
) -> Result<Value, GqlError> {
    let unit = args
        .get("traffic_unit")
        .and_then(Value::as_str)
        .unwrap_or("TRANSACTIONS");
    let measure_key = match unit {
        "TRANSACTIONS" => "transactions",
        "BYTES" => "bytes",
        other => {
            return Err(GqlError::validation(
                format!(
                    "Argument 'traffic_unit' has an invalid value: '{other}' is not a WebTrafficUnits value"
                ),
                path,
            ));
        }
    };
    let measure = |r: &Value| n(r, measure_key);
    let action = args.get("action_filter").and_then(Value::as_str);
    let dlp = args.get("dlp_engine_filter").and_then(Value::as_str);
    let rows: Vec<&Value> = in_window(tenant, &WEB_TRAFFIC, days)
        .filter(|r| action.is_none_or(|a| s(r, "action") == a))
        .filter(|r| match dlp {
            None | Some("ANY") => true,
            Some(d) => s(r, "dlpEngine") == d,
        })
        .collect();
    let include_trend = args
        .get("include_trend")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let interval = args
        .get("trend_interval")
        .and_then(Value::as_str)
        .unwrap_or("DAY")
        .to_string();
    let key_field = match field {
        "location" => "location",
        "protocols" => "protocol",
        "threat_super_categories" => "threatSuperCategory",
        "threat_class" => "threatClass",
        _ => "",
    };
    let key = |r: &Value| -> Option<String> {
        if key_field.is_empty() {
            return Some("TOTAL".to_string());
        }
        Some(s(r, key_field)).filter(|x| !x.is_empty())
    };
    let id_key = (field == "location").then_some("locationId");
    let mut entries = group(&rows, &key, id_key, &measure);
    if field == "no_grouping" && entries.is_empty() {
        entries.push(json!({"name": "TOTAL", "total": 0}));
    }
    if matches!(field, "location" | "no_grouping") {
        for e in &mut entries {
            let name = s(e, "name");
            let mine: Vec<&Value> = rows
                .iter()
                .copied()
                .filter(|r| key(r).as_deref() == Some(name.as_str()))
                .collect();
            let t = if include_trend {
                trend(&mine, start, days, &interval, &measure)
            } else {
                Value::Null
            };
            if let Value::Object(m) = e {
                m.insert("trend".to_string(), t);
            }
        }
    }
    Ok(report(entries))
}

fn cyber(
    tenant: &crate::tenant::Tenant,
    field: &str,
    args: &Map<String, Value>,
    end: i64,
    days: i64,
    path: &[String],
) -> Result<Value, GqlError> {
    let dims: Vec<String> = match args.get("categorize_by") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    };
    if dims.is_empty() {
        return Err(GqlError::validation(
            "Missing required argument 'categorize_by'",
            path,
        ));
    }
    let rows: Vec<&Value> = in_window(tenant, &INCIDENTS, days).collect();
    let count = |r: &Value| n(r, "count");
    let key_of = |dim: &str| -> Result<(String, Option<&'static str>), GqlError> {
        Ok(match dim {
            "THREAT_CATEGORY_ID" => ("threatCategory".into(), None),
            "APP_ID" => ("app".into(), Some("appId")),
            "USER_ID" => ("user".into(), Some("userId")),
            "DEPARTMENT_ID" => ("department".into(), Some("departmentId")),
            "SRC_COUNTRY" => ("srcCountry".into(), None),
            "LOCATION_ID" => ("location".into(), Some("locationId")),
            "TIME" => ("TIME".into(), None),
            other => {
                return Err(GqlError::validation(
                    format!("Argument 'categorize_by' has an invalid value: '{other}'"),
                    path,
                ));
            }
        })
    };
    let keyer = |k: String| {
        move |r: &Value| -> Option<String> {
            if k == "TIME" {
                Some(day_name(end, n(r, "dayIndex")))
            } else {
                Some(s(r, &k))
            }
        }
    };
    let (k0, id0) = key_of(&dims[0])?;
    if field == "cyber_security_location" {
        let id = id0.or(Some("locationId"));
        return Ok(report(group(&rows, &keyer(k0), id, &count)));
    }
    let first = keyer(k0);
    let mut entries = group(&rows, &first, None, &count);
    if dims[0] == "TIME" {
        entries.sort_by_key(|e| s(e, "name"));
    }
    let second = match dims.get(1) {
        Some(d) => Some(keyer(key_of(d)?.0)),
        None => None,
    };
    for e in &mut entries {
        let name = s(e, "name");
        let nested = match &second {
            Some(k1) => {
                let mine: Vec<&Value> = rows
                    .iter()
                    .copied()
                    .filter(|r| first(r).as_deref() == Some(name.as_str()))
                    .collect();
                group(&mine, k1, None, &count)
            }
            None => Vec::new(),
        };
        if let Value::Object(m) = e {
            m.insert("entries".to_string(), Value::Array(nested));
        }
    }
    Ok(report(entries))
}

fn shadow_it(tenant: &crate::tenant::Tenant, field: &str, end: i64, days: i64) -> Value {
    // Seeded figures are for 14 days; a 7-day window sees about half.
    let scale = |v: i64| if days == 7 { v / 2 } else { v };
    let apps: Vec<Value> = records(tenant, &SHADOW_IT_APPS)
        .map(|a| {
            let mut a = a.clone();
            if let Value::Object(m) = &mut a {
                for k in [
                    "data_consumed",
                    "data_uploaded",
                    "data_downloaded",
                    "authenticated_users",
                ] {
                    let v = m.get(k).and_then(Value::as_i64).unwrap_or(0);
                    m.insert(k.to_string(), json!(scale(v).max(1)));
                }
                let hours = m
                    .get("_lastAccessHoursAgo")
                    .and_then(Value::as_i64)
                    .unwrap_or(1);
                m.insert(
                    "last_access_time".to_string(),
                    json!(end - hours * 3_600_000),
                );
            }
            a
        })
        .collect();
    if field == "apps" {
        return json!({"obfuscated": false, "entries": apps});
    }
    let rows: Vec<&Value> = apps.iter().collect();
    let by_cat = |measure: &dyn Fn(&Value) -> i64| {
        let mut entries = group(
            &rows,
            &|r| Some(s(r, "application_category")),
            None,
            measure,
        );
        for e in &mut entries {
            let cat = s(e, "name");
            let mine: Vec<&Value> = rows
                .iter()
                .copied()
                .filter(|r| s(r, "application_category") == cat)
                .collect();
            let nested = group(&mine, &|r| Some(s(r, "application")), None, measure);
            if let Value::Object(m) = e {
                m.insert("entries".to_string(), Value::Array(nested));
            }
        }
        report(entries)
    };
    let up: i64 = rows.iter().map(|r| n(r, "data_uploaded")).sum();
    let down: i64 = rows.iter().map(|r| n(r, "data_downloaded")).sum();
    let one = |_: &Value| 1;
    json!({
        "total_upload_bytes": up,
        "total_download_bytes": down,
        "total_apps": rows.len(),
        "total_bytes": up + down,
        "group_by_app_cat_for_app": by_cat(&one),
        "group_by_app_cat_for_user_count": by_cat(&|r| n(r, "authenticated_users")),
        "group_by_app_cat_for_upload_bytes": by_cat(&|r| n(r, "data_uploaded")),
        "group_by_app_cat_for_download_bytes": by_cat(&|r| n(r, "data_downloaded")),
        "group_by_app_cat_for_total_bytes": by_cat(&|r| n(r, "data_consumed")),
        "group_by_risk_index_for_app": report(group(&rows, &|r| Some(s(r, "risk_index")), None, &one)),
        "group_by_provisioning_status_for_app": report(group(&rows, &|r| Some(s(r, "sanctioned_state")), None, &one)),
        "group_by_access_for_app": report(group(
            &rows,
            &|r| Some(if n(r, "unAuthenticated_location_count") > 0 { "Unauthenticated".to_string() } else { "Authenticated".to_string() }),
            None,
            &one,
        )),
    })
}

fn iot_stats(tenant: &crate::tenant::Tenant) -> Value {
    let mut entries: Vec<Value> = records(tenant, &IOT)
        .map(|r| {
            json!({
                "classifications": r.get("classifications"),
                "classification_uuid": r.get("classification_uuid"),
                "category": r.get("category"),
                "total": n(r, "total"),
            })
        })
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(n(e, "total")));
    let sum = |cat: &str| -> i64 {
        entries
            .iter()
            .filter(|e| s(e, "category") == cat)
            .map(|e| n(e, "total"))
            .sum()
    };
    let (iot, user, server, unclassified) = (
        sum("IoT"),
        sum("User Devices"),
        sum("Server Devices"),
        sum("Unclassified"),
    );
    json!({
        "devices_count": iot + user + server + unclassified,
        "user_devices_count": user,
        "iot_devices_count": iot,
        "server_devices_count": server,
        "un_classified_devices_count": unclassified,
        "entries": entries,
    })
}
