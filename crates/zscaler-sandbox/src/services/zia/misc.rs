//! ZIA `zia_misc` endpoints (mobile advanced threat settings). The helpers the ZIA handlers
//! share are in `common`.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zia;
use crate::engine::{self, Call, IdKind, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// Every key of the mobile advanced threat settings (booleans; absent on PUT means `false`).
const MOBILE_KEYS: [&str; 9] = [
    "blockAppsWithMaliciousActivity",
    "blockAppsWithKnownVulnerabilities",
    "blockAppsSendingUnencryptedUserCredentials",
    "blockAppsSendingLocationInfo",
    "blockAppsSendingPersonallyIdentifiableInfo",
    "blockAppsSendingDeviceIdentifier",
    "blockAppsCommunicatingWithAdScripts",
    "blockAppsCommunicatingWithRemoteUnknownServers",
    "traceSetting",
];

pub static MOBILE_SETTINGS: ResourceDef = ResourceDef {
    id_kind: IdKind::Singleton,
    name_field: None,
    unique_name: false,
    required: &[],
    filters: &[],
    complete: complete_mobile,
    ..zia("zia.mobile_advance_threat_settings", seed_mobile)
};

pub static RESOURCES: &[&ResourceDef] = &[&MOBILE_SETTINGS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/mobileAdvanceThreatSettings",
            Op::GetSingleton(&MOBILE_SETTINGS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/mobileAdvanceThreatSettings",
            Op::Custom(replace_mobile),
        ),
    ]
}

fn seed_mobile(_: &mut Seeder<'_>) -> Vec<Value> {
    vec![json!({
        "blockAppsWithMaliciousActivity": true,
        "blockAppsWithKnownVulnerabilities": true,
        "blockAppsSendingUnencryptedUserCredentials": true,
        "blockAppsSendingLocationInfo": false,
        "blockAppsSendingPersonallyIdentifiableInfo": false,
        "blockAppsSendingDeviceIdentifier": false,
        "blockAppsCommunicatingWithAdScripts": false,
        "blockAppsCommunicatingWithRemoteUnknownServers": true,
        "traceSetting": false,
    })]
}

fn complete_mobile(map: &mut Map<String, Value>, _: i64) {
    for key in MOBILE_KEYS {
        map.entry(key).or_insert(json!(false));
    }
}

/// `PUT /mobileAdvanceThreatSettings`: a full replacement of known boolean keys.
fn replace_mobile(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    for (key, value) in body {
        if !MOBILE_KEYS.contains(&key.as_str()) {
            return Err(engine::invalid(
                Product::Zia,
                format!("Unknown field '{key}'"),
            ));
        }
        if !value.is_boolean() {
            return Err(engine::invalid(
                Product::Zia,
                format!("Field '{key}' must be a boolean"),
            ));
        }
    }
    engine::replace_singleton(&MOBILE_SETTINGS, call)
}
