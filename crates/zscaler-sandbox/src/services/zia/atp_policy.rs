//! ZIA `zia_atp_policy` endpoints: advanced threat protection settings, the malicious URL
//! deny list (edited with `?action=ADD_TO_LIST|REMOVE_FROM_LIST`) and the security exceptions
//! (URLs bypassing ATP). `edit_url_list` is shared with the authentication exempt-URL list.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::advanced_settings::{put_settings, settings, settle};
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static ATP_SETTINGS: ResourceDef =
    settings("zia.atp_settings", seed_atp_settings, complete_atp_settings);
pub static MALICIOUS_URLS: ResourceDef = settings(
    "zia.atp_malicious_urls",
    seed_malicious_urls,
    complete_malicious_urls,
);
pub static SECURITY_EXCEPTIONS: ResourceDef = settings(
    "zia.atp_security_exceptions",
    seed_security_exceptions,
    complete_security_exceptions,
);

pub static RESOURCES: &[&ResourceDef] = &[&ATP_SETTINGS, &MALICIOUS_URLS, &SECURITY_EXCEPTIONS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/cyberThreatProtection/advancedThreatSettings",
            Op::GetSingleton(&ATP_SETTINGS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/cyberThreatProtection/advancedThreatSettings",
            Op::Custom(put_atp_settings),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/cyberThreatProtection/maliciousUrls",
            Op::GetSingleton(&MALICIOUS_URLS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/cyberThreatProtection/maliciousUrls",
            Op::Custom(put_malicious_urls),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
            Op::GetSingleton(&SECURITY_EXCEPTIONS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
            Op::Custom(put_security_exceptions),
        ),
    ]
}

/// Checks one URL or domain entry as the list endpoints do.
pub fn check_url(field: &str, url: &str) -> Result<String, ApiError> {
    let trimmed = url.trim();
    let bad = |why: &str| {
        engine::invalid(
            Product::Zia,
            format!("Invalid URL '{url}' in '{field}': {why}"),
        )
    };
    if trimmed.is_empty() {
        return Err(bad("empty"));
    }
    if trimmed.len() > 1024 {
        return Err(bad("longer than 1024 characters"));
    }
    if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("contains whitespace"));
    }
    let host = trimmed
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    if host.starts_with('/') || !host.contains('.') {
        return Err(bad("expected a domain or URL such as 'example.com/path'"));
    }
    Ok(trimmed.to_string())
}

/// Adds to / removes from / replaces the string list `field` of a singleton, per `?action=`.
/// Returns the updated record.
pub fn edit_url_list(
    def: &'static ResourceDef,
    field: &str,
    action_required: bool,
    call: &mut Call<'_>,
) -> Result<Value, ApiError> {
    let action = call.query.first("action").map(str::to_string);
    match action.as_deref() {
        Some("ADD_TO_LIST" | "REMOVE_FROM_LIST") => {}
        None if !action_required => {}
        None => {
            return Err(engine::invalid(
                Product::Zia,
                "Missing required query parameter 'action' (ADD_TO_LIST or REMOVE_FROM_LIST)",
            ));
        }
        Some(other) => {
            return Err(engine::invalid(
                Product::Zia,
                format!(
                    "Invalid value '{other}' for 'action': expected ADD_TO_LIST or REMOVE_FROM_LIST"
                ),
            ));
        }
    }
    let Some(Value::Object(body)) = call.body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    let Some(Value::Array(items)) = body.get(field) else {
        return Err(engine::invalid(
            Product::Zia,
            format!("Missing required field '{field}'"),
        ));
    };
    let mut urls = Vec::new();
    for item in items {
        let Some(text) = item.as_str() else {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid value for '{field}': expected a list of strings"),
            ));
        };
        urls.push(check_url(field, text)?);
    }
    let mut record = engine::records(call.tenant, def)
        .next()
        .cloned()
        .unwrap_or_else(|| json!({field: []}));
    let mut current: Vec<String> = record
        .get(field)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    match action.as_deref() {
        Some("ADD_TO_LIST") => {
            for url in urls {
                if !current.iter().any(|c| same(c, &url)) {
                    current.push(url);
                }
            }
        }
        Some("REMOVE_FROM_LIST") => current.retain(|c| !urls.iter().any(|u| same(c, u))),
        _ => {
            current.clear();
            for url in urls {
                if !current.iter().any(|c| same(c, &url)) {
                    current.push(url);
                }
            }
        }
    }
    if let Value::Object(map) = &mut record {
        map.insert(field.to_string(), json!(current));
    }
    let collection = call.tenant.collection_mut(def.key);
    let key = collection
        .records
        .keys()
        .next()
        .cloned()
        .unwrap_or_else(|| "singleton".to_string());
    collection.records.insert(key, record.clone());
    if def.needs_activation {
        call.tenant.zia_pending = true;
    }
    Ok(record)
}

fn put_malicious_urls(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    edit_url_list(&MALICIOUS_URLS, "maliciousUrls", false, call).map(Reply::ok)
}

fn put_security_exceptions(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    if let Some(Value::Object(body)) = call.body
        && let Some(Value::Array(urls)) = body.get("bypassUrls")
    {
        for url in urls {
            if let Some(text) = url.as_str() {
                check_url("bypassUrls", text)?;
            }
        }
    }
    put_settings(&SECURITY_EXCEPTIONS, call)
}

fn put_atp_settings(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    if let Some(Value::Object(body)) = call.body
        && let Some(risk) = body.get("riskTolerance").filter(|v| !v.is_null())
        && !risk.as_i64().is_some_and(|r| (0..=100).contains(&r))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid value {risk} for 'riskTolerance': expected an integer from 0 to 100"),
        ));
    }
    put_settings(&ATP_SETTINGS, call)
}

const ATP_FLAGS: [&str; 23] = [
    "cmdCtlServer",
    "cmdCtlTraffic",
    "malwareSites",
    "activeX",
    "browserExploits",
    "fileFormatVunerabilites",
    "knownPhishingSites",
    "suspectedPhishingSites",
    "suspectAdwareSpywareSites",
    "webspam",
    "ircTunnelling",
    "anonymizer",
    "potentialMaliciousRequests",
    "bitTorrent",
    "tor",
    "googleTalk",
    "sshTunnelling",
    "cryptoMining",
    "adSpywareSites",
    "dgaDomains",
    "riskTolerance",
    "cookieStealing",
    "blockCountries",
];

fn atp_defaults() -> Value {
    let mut map = Map::new();
    for flag in ATP_FLAGS {
        match flag {
            "riskTolerance" => {
                map.insert("riskTolerance".into(), json!(40));
                map.insert("riskToleranceCapture".into(), json!(false));
            }
            "cookieStealing" => {
                map.insert("cookieStealingBlocked".into(), json!(true));
                map.insert("cookieStealingPCAPEnabled".into(), json!(false));
            }
            "blockCountries" => {
                map.insert("blockedCountries".into(), json!([]));
                map.insert("blockCountriesCapture".into(), json!(false));
            }
            _ => {
                map.insert(format!("{flag}Blocked"), json!(true));
                map.insert(format!("{flag}Capture"), json!(false));
            }
        }
    }
    map.insert("alertForUnknownOrSuspiciousC2Traffic".into(), json!(true));
    map.insert("maliciousUrlsCapture".into(), json!(false));
    Value::Object(map)
}

fn complete_atp_settings(map: &mut Map<String, Value>, _: i64) {
    settle(map, atp_defaults());
}
fn complete_malicious_urls(map: &mut Map<String, Value>, _: i64) {
    settle(map, json!({"maliciousUrls": []}));
}
fn complete_security_exceptions(map: &mut Map<String, Value>, _: i64) {
    settle(map, json!({"bypassUrls": []}));
}

fn seed_atp_settings(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut map = Map::new();
    map.insert("riskTolerance".into(), json!(s.int(20, 70)));
    for flag in ["googleTalk", "bitTorrent", "webspam", "sshTunnelling"] {
        map.insert(format!("{flag}Blocked"), json!(s.chance(0.5)));
    }
    map.insert("torCapture".into(), json!(true));
    map.insert(
        "blockedCountries".into(),
        json!(["COUNTRY_KP", "COUNTRY_IR"]),
    );
    settle(&mut map, atp_defaults());
    vec![Value::Object(map)]
}

fn seed_malicious_urls(_s: &mut Seeder<'_>) -> Vec<Value> {
    const URLS: [&str; 6] = [
        "malware-drop.example.net",
        "phish-login.example.org/secure",
        "cdn-update.badsite.example",
        "c2-beacon.example.com/gate.php",
        "free-crypto.example.info",
        "invoice-viewer.example.biz",
    ];
    let n = URLS.len();
    let urls: Vec<String> = (0..n)
        .map(|i| match URLS.get(i) {
            Some(u) => u.to_string(),
            None => format!("blocked-{i:05}.example.net"),
        })
        .collect();
    vec![json!({"maliciousUrls": urls})]
}

fn seed_security_exceptions(_: &mut Seeder<'_>) -> Vec<Value> {
    vec![json!({"bypassUrls": ["updates.partner.example.com", "ci.internal.example.com"]})]
}
