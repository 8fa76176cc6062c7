//! ZIA `zia_devices` endpoints: device groups (by OS, plus pseudo groups) and devices.
//!
//! Devices reference their owners among the seeded users, so [`DEVICES`] is seeded after the
//! users: it is listed in `users::RESOURCES` rather than here.

use axum::http::Method;
use serde_json::{Value, json};

use super::common::{bool_param, contains, lite, param, respond, respond_refs, select};
use super::zia;
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// `(id, name, groupType, osType)`; the last two are pseudo groups.
const GROUP_TABLE: [(i64, &str, &str, &str); 7] = [
    (5_500_001, "IOS", "ZCC_OS", "IOS"),
    (5_500_002, "Android", "ZCC_OS", "ANDROID_OS"),
    (5_500_003, "Windows", "ZCC_OS", "WINDOWS_OS"),
    (5_500_004, "Mac", "ZCC_OS", "MAC_OS"),
    (5_500_005, "Linux", "ZCC_OS", "LINUX"),
    (5_500_006, "No Client Connector", "NON_ZCC", "ANY"),
    (5_500_007, "Cloud Browser Isolation", "CBI", "ANY"),
];

/// Devices get ids `DEVICE_ID_BASE + i`.
pub const DEVICE_ID_BASE: i64 = 90_000_001;

pub static DEVICE_GROUPS: ResourceDef = zia("zia.device_groups", seed_groups);

pub static DEVICES: ResourceDef = zia("zia.devices", seed_devices);

pub static RESOURCES: &[&ResourceDef] = &[&DEVICE_GROUPS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/deviceGroups",
            Op::Custom(list_groups),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/deviceGroups/devices",
            Op::Custom(list_devices),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/deviceGroups/devices/lite",
            Op::Custom(list_devices_lite),
        ),
    ]
}

/// `GET /deviceGroups`: OS groups; pseudo groups only with `includePseudoGroups=true`; device
/// names and counts only with `includeDeviceInfo=true` (`null` otherwise).
fn list_groups(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let pseudo = bool_param(call, "includePseudoGroups")?.unwrap_or(false);
    let info = bool_param(call, "includeDeviceInfo")?.unwrap_or(false);
    let groups = select(call, &DEVICE_GROUPS, |g| {
        pseudo || g.get("groupType").and_then(Value::as_str) == Some("ZCC_OS")
    });
    let groups = groups
        .into_iter()
        .cloned()
        .map(|mut g| {
            let group_name = g
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let (names, count) = if info {
                let names: Vec<Value> = engine::records(call.tenant, &DEVICES)
                    .filter(|d| {
                        d.get("deviceGroupType").and_then(Value::as_str) == Some(&group_name)
                    })
                    .filter_map(|d| d.get("name").cloned())
                    .collect();
                let count = names.len();
                (Value::Array(names), json!(count))
            } else {
                (Value::Null, Value::Null)
            };
            if let Value::Object(map) = &mut g {
                map.insert("deviceNames".to_string(), names);
                map.insert("deviceCount".to_string(), count);
            }
            g
        })
        .collect();
    respond(call, DEVICE_GROUPS.envelope, groups)
}

/// `GET /deviceGroups/devices`: `name` (substring), `userIds` (comma-separated or repeated owner
/// ids), `includeAll`, paging.
fn list_devices(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    bool_param(call, "includeAll")?;
    let name = param(call, "name");
    let mut owners = Vec::new();
    for raw in call.query.all("userIds") {
        for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let id = part.parse::<i64>().map_err(|_| {
                engine::invalid(
                    Product::Zia,
                    format!("Invalid value '{part}' for 'userIds': expected integer user ids"),
                )
            })?;
            owners.push(id);
        }
    }
    let records = select(call, &DEVICES, |d| {
        name.is_none_or(|n| contains(d, "name", n))
            && (owners.is_empty()
                || d.get("ownerUserId")
                    .and_then(Value::as_i64)
                    .is_some_and(|o| owners.contains(&o)))
    });
    respond_refs(call, DEVICES.envelope, records)
}

/// `GET /deviceGroups/devices/lite`: `{id, name}` of every device.
fn list_devices_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let records = engine::records(call.tenant, &DEVICES).map(lite).collect();
    respond(call, DEVICES.envelope, records)
}

fn seed_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    GROUP_TABLE
        .iter()
        .map(|(id, name, group_type, os)| {
            json!({
                "id": id,
                "name": name,
                "groupType": group_type,
                "description": s.text(&format!("Devices running {name}")),
                "osType": os,
                "predefined": true,
                "deviceNames": null,
                "deviceCount": null,
            })
        })
        .collect()
}

fn seed_devices(s: &mut Seeder<'_>) -> Vec<Value> {
    const MODELS: [(&str, &str, &[&str]); 5] = [
        (
            "Windows",
            "WINDOWS_OS",
            &[
                "Dell Latitude 7440",
                "Lenovo ThinkPad T14",
                "HP EliteBook 840",
            ],
        ),
        ("Mac", "MAC_OS", &["MacBook Pro 14", "MacBook Air 13"]),
        ("IOS", "IOS", &["iPhone 15", "iPad Air"]),
        ("Android", "ANDROID_OS", &["Pixel 8", "Galaxy S24"]),
        ("Linux", "LINUX", &["Framework 13"]),
    ];
    const VERSIONS: [&str; 5] = [
        "Windows 11 23H2",
        "macOS 14.5",
        "iOS 17.5",
        "Android 14",
        "Ubuntu 22.04",
    ];
    let users = s.tenant.collection(super::users::USERS.key);
    let user_count = users.map_or(0, |c| c.records.len());
    let n = s.large(40); // one device per user at scale
    (0..n)
        .map(|i| {
            let kind = s.int(0, 4) as usize;
            let (group, os, models) = MODELS[kind];
            let model = *s.pick(models);
            let owner = users
                .filter(|_| user_count > 0)
                .and_then(|c| c.records.get_index(i % user_count.max(1)))
                .map(|(_, u)| u);
            let owner_name = owner
                .and_then(|o| o.get("name"))
                .cloned()
                .unwrap_or(Value::Null);
            let login = owner
                .and_then(|o| o.get("email"))
                .and_then(Value::as_str)
                .and_then(|e| e.split('@').next())
                .unwrap_or("device")
                .replace('.', "-");
            let prefix = match group {
                "Windows" => "WIN",
                "Mac" => "MAC",
                "IOS" => "IOS",
                "Android" => "AND",
                _ => "LNX",
            };
            json!({
                "id": DEVICE_ID_BASE + i as i64,
                "name": format!("{prefix}-{login}-{:04}", i % 10_000),
                "deviceGroupType": group,
                "deviceModel": model,
                "osType": os,
                "osVersion": VERSIONS[kind],
                "description": s.text(&format!("{model} assigned to {}", owner_name.as_str().unwrap_or("nobody"))),
                "ownerUserId": owner.and_then(|o| o.get("id")).cloned().unwrap_or(Value::Null),
                "ownerName": owner_name,
                "hostName": format!("{}-{}", prefix.to_lowercase(), s.hex(8)),
            })
        })
        .collect()
}
