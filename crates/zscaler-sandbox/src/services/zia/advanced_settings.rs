//! ZIA `zia_advanced_settings` endpoints: the advanced settings singleton.
//!
//! Also holds the helpers every ZIA settings-style singleton uses (`settings`, `settle`,
//! `put_settings`): a PUT is a full replacement in which the fields left out fall back to the
//! API's defaults, so the answer always carries every key; unknown keys are dropped, and a
//! value of the wrong JSON type is refused with a 400 naming the field.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zia;
use crate::engine::{self, Call, IdKind, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// A ZIA settings singleton (no id, no name, no search), writes pending activation.
pub const fn settings(
    key: &'static str,
    seed: fn(&mut Seeder<'_>) -> Vec<Value>,
    complete: fn(&mut Map<String, Value>, i64),
) -> ResourceDef {
    ResourceDef {
        id_kind: IdKind::Singleton,
        name_field: None,
        unique_name: false,
        required: &[],
        filters: &[],
        complete,
        ..zia(key, seed)
    }
}

/// Rebuilds `map` with exactly the keys of `defaults`: sent values kept, the rest defaulted.
pub fn settle(map: &mut Map<String, Value>, defaults: Value) {
    let Value::Object(defaults) = defaults else {
        return;
    };
    let mut out = Map::new();
    for (key, default) in defaults {
        let value = match map.remove(&key) {
            Some(Value::Null) | None => default,
            Some(v) => v,
        };
        out.insert(key, value);
    }
    *map = out;
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
        Value::Null => "null",
    }
}

/// Refuses a settings body whose known fields have the wrong JSON type.
pub fn check_types(call: &Call<'_>, current: &Value) -> Result<(), ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    for (key, value) in body {
        let Some(expected) = current.get(key) else {
            continue;
        };
        if value.is_null() || expected.is_null() {
            continue;
        }
        if std::mem::discriminant(value) != std::mem::discriminant(expected) {
            return Err(engine::invalid(
                Product::Zia,
                format!(
                    "Invalid value for '{key}': expected {}",
                    kind_name(expected)
                ),
            ));
        }
        if let (Value::Array(items), Value::Array(model)) = (value, expected)
            && model.iter().all(Value::is_string)
            && !items.iter().all(Value::is_string)
        {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid value for '{key}': expected a list of strings"),
            ));
        }
    }
    Ok(())
}

/// PUT of a settings singleton: type checks against the current record, then full replacement.
pub fn put_settings(def: &'static ResourceDef, call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let current = engine::records(call.tenant, def)
        .next()
        .cloned()
        .unwrap_or(Value::Null);
    check_types(call, &current)?;
    engine::replace_singleton(def, call)
}

pub static ADVANCED_SETTINGS: ResourceDef = settings(
    "zia.advanced_settings",
    seed_advanced_settings,
    complete_advanced_settings,
);

pub static RESOURCES: &[&ResourceDef] = &[&ADVANCED_SETTINGS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/advancedSettings",
            Op::GetSingleton(&ADVANCED_SETTINGS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/advancedSettings",
            Op::Custom(put_advanced_settings),
        ),
    ]
}

fn put_advanced_settings(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    if let Some(Value::Object(body)) = call.body
        && let Some(timeout) = body.get("uiSessionTimeout").filter(|v| !v.is_null())
        && !timeout
            .as_i64()
            .is_some_and(|t| (300..=86_400).contains(&t))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!(
                "Invalid value {timeout} for 'uiSessionTimeout': expected seconds from 300 to 86400"
            ),
        ));
    }
    put_settings(&ADVANCED_SETTINGS, call)
}

/// The API's defaults (what a field left out of a PUT becomes).
fn advanced_defaults() -> Value {
    const FLAGS: [(&str, bool); 22] = [
        ("enableDnsResolutionOnTransparentProxy", false),
        ("enableIPv6DnsResolutionOnTransparentProxy", false),
        ("enableIPv6DnsOptimizationOnAllTransparentProxy", false),
        ("enableEvaluatePolicyOnGlobalSSLBypass", false),
        ("enableOffice365", true),
        ("logInternalIp", false),
        ("enforceSurrogateIpForWindowsApp", false),
        ("trackHttpTunnelOnHttpPorts", false),
        ("blockHttpTunnelOnNonHttpPorts", false),
        ("blockDomainFrontingOnHostHeader", false),
        ("zscalerClientConnector1AndPacRoadWarriorInFirewall", false),
        ("cascadeUrlFiltering", false),
        ("enablePolicyForUnauthenticatedTraffic", false),
        ("blockNonCompliantHttpRequestOnHttpPorts", true),
        ("enableAdminRankAccess", false),
        ("http2NonbrowserTrafficEnabled", false),
        ("ecsForAllEnabled", false),
        ("dynamicUserRiskEnabled", false),
        ("blockConnectHostSniMismatch", false),
        ("preferSniOverConnHost", false),
        ("sipaXffHeaderEnabled", false),
        ("blockNonHttpOnHttpPortEnabled", false),
    ];
    const LISTS: [&str; 26] = [
        "authBypassUrlCategories",
        "domainFrontingBypassUrlCategories",
        "authBypassUrls",
        "authBypassApps",
        "kerberosBypassUrlCategories",
        "kerberosBypassUrls",
        "kerberosBypassApps",
        "basicBypassUrlCategories",
        "basicBypassApps",
        "httpRangeHeaderRemoveUrlCategories",
        "digestAuthBypassUrlCategories",
        "digestAuthBypassUrls",
        "digestAuthBypassApps",
        "dnsResolutionOnTransparentProxyExemptUrlCategories",
        "dnsResolutionOnTransparentProxyIPv6ExemptUrlCategories",
        "dnsResolutionOnTransparentProxyExemptUrls",
        "dnsResolutionOnTransparentProxyExemptApps",
        "dnsResolutionOnTransparentProxyIPv6ExemptApps",
        "dnsResolutionOnTransparentProxyUrlCategories",
        "dnsResolutionOnTransparentProxyIPv6UrlCategories",
        "dnsResolutionOnTransparentProxyUrls",
        "dnsResolutionOnTransparentProxyApps",
        "dnsResolutionOnTransparentProxyIPv6Apps",
        "blockDomainFrontingApps",
        "preferSniOverConnHostApps",
        "sniDnsOptimizationBypassUrlCategories",
    ];
    let mut map = Map::new();
    for (key, value) in FLAGS {
        map.insert(key.to_string(), json!(value));
    }
    map.insert("uiSessionTimeout".to_string(), json!(1800));
    for key in LISTS {
        map.insert(key.to_string(), json!([]));
    }
    Value::Object(map)
}

fn complete_advanced_settings(map: &mut Map<String, Value>, _: i64) {
    settle(map, advanced_defaults());
}

fn seed_advanced_settings(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut map = Map::new();
    map.insert("logInternalIp".into(), json!(true));
    map.insert(
        "enableDnsResolutionOnTransparentProxy".into(),
        json!(s.chance(0.5)),
    );
    map.insert(
        "blockDomainFrontingOnHostHeader".into(),
        json!(s.chance(0.5)),
    );
    map.insert("trackHttpTunnelOnHttpPorts".into(), json!(true));
    map.insert("enableAdminRankAccess".into(), json!(s.chance(0.3)));
    map.insert(
        "uiSessionTimeout".into(),
        json!(*s.pick(&[900, 1800, 3600])),
    );
    map.insert(
        "authBypassUrls".into(),
        json!([".okta.com", ".login.microsoftonline.com"]),
    );
    map.insert(
        "authBypassUrlCategories".into(),
        json!(["OS_AND_APPLICATION_UPDATES"]),
    );
    map.insert("kerberosBypassUrls".into(), json!([".windowsupdate.com"]));
    map.insert(
        "dnsResolutionOnTransparentProxyExemptUrls".into(),
        json!([".internal.example.com"]),
    );
    settle(&mut map, advanced_defaults());
    vec![Value::Object(map)]
}
