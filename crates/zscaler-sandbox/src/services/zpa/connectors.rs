//! ZPA `zpa_connectors` endpoints: app connectors (enrolled by provisioning key, so there is no
//! create): list, get, update of the editable fields, delete and bulk delete. The connector's
//! runtime state is server-managed and survives a `PUT`.

use axum::http::Method;
use serde_json::{Value, json};

use super::{Res, app_connector_groups::APP_CONNECTOR_GROUPS, bulk_delete, crud};
use crate::engine::ResourceDef;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static CONNECTORS: ResourceDef = ResourceDef {
    complete: |m, _| super::fill_map(m, defaults()),
    ..super::zpa("zpa.connectors", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&CONNECTORS];

pub struct Connectors;

/// Runtime fields of an enrolled component (connector or service edge), kept across updates.
pub const RUNTIME: &[&str] = &[
    "applicationStartTime",
    "controlChannelStatus",
    "ctrlBrokerName",
    "currentVersion",
    "expectedVersion",
    "expectedUpgradeTime",
    "previousVersion",
    "sargeVersion",
    "expectedSargeVersion",
    "fingerprint",
    "issuedCertId",
    "enrollmentCert",
    "lastBrokerConnectTime",
    "lastBrokerDisconnectTime",
    "lastUpgradeTime",
    "latitude",
    "longitude",
    "location",
    "platform",
    "platformDetail",
    "runtimeOS",
    "privateIp",
    "publicIp",
    "upgradeAttempt",
    "upgradeStatus",
    "provisioningKeyId",
    "provisioningKeyName",
    "appConnectorGroupId",
    "appConnectorGroupName",
    "serviceEdgeGroupId",
    "serviceEdgeGroupName",
    "publishIps",
];

impl Res for Connectors {
    fn def() -> &'static ResourceDef {
        &CONNECTORS
    }
    const SERVER_FIELDS: &'static [&'static str] = RUNTIME;
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<Connectors>(v1!("/connector"), v1!("/connector/{connectorId}"), "LGRD");
    routes.push(Route::new(
        Method::POST,
        v1!("/connector/bulkDelete"),
        Op::Custom(bulk_delete::<Connectors>),
    ));
    routes
}

fn defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "appConnectorGroupId": null,
        "appConnectorGroupName": null,
        "applicationStartTime": null,
        "controlChannelStatus": "ZPN_STATUS_DISCONNECTED",
        "ctrlBrokerName": null,
        "currentVersion": null,
        "expectedVersion": null,
        "expectedUpgradeTime": null,
        "previousVersion": null,
        "sargeVersion": null,
        "expectedSargeVersion": null,
        "fingerprint": null,
        "issuedCertId": null,
        "enrollmentCert": null,
        "ipAcl": null,
        "lastBrokerConnectTime": null,
        "lastBrokerDisconnectTime": null,
        "lastUpgradeTime": null,
        "latitude": null,
        "longitude": null,
        "location": null,
        "platform": null,
        "platformDetail": null,
        "runtimeOS": null,
        "privateIp": null,
        "publicIp": null,
        "upgradeAttempt": "0",
        "upgradeStatus": null,
        "provisioningKeyId": null,
        "provisioningKeyName": null,
        "readOnly": false,
        "restrictionType": null,
        "zscalerManaged": false,
        "creationTime": null,
        "modifiedTime": null,
        "modifiedBy": null,
        "microtenantId": null,
        "microtenantName": "Default",
    })
}

pub const VERSIONS: [&str; 4] = ["24.302.1", "24.302.1", "24.224.3", "23.396.1"];
pub const PLATFORMS: [(&str, &str); 3] = [
    ("el9", "Red Hat Enterprise Linux 9.4 (Plow)"),
    ("el8", "Rocky Linux 8.10 (Green Obsidian)"),
    ("el9", "AlmaLinux 9.4 (Seafoam Ocelot)"),
];

/// Runtime fields of a seeded enrolled component.
pub fn runtime(s: &mut Seeder<'_>, group: &Value, code: &str) -> Value {
    let version = *s.pick(&VERSIONS);
    let (platform, os) = *s.pick(&PLATFORMS);
    let connected = s.chance(0.85);
    let started = s.epoch_within(60);
    let private_ip = s.ipv4();
    let public_ip = s.public_ipv4();
    let fingerprint = s.hex(40);
    json!({
        "applicationStartTime": started.to_string(),
        "controlChannelStatus": if connected { "ZPN_STATUS_AUTHENTICATED" } else { "ZPN_STATUS_DISCONNECTED" },
        "ctrlBrokerName": format!("broker{}.{code}2.prod.zpath.net", s.int(1, 9)),
        "currentVersion": version,
        "expectedVersion": VERSIONS[0],
        "expectedUpgradeTime": null,
        "previousVersion": VERSIONS[2],
        "sargeVersion": "24.3.2",
        "expectedSargeVersion": "24.3.2",
        "fingerprint": fingerprint,
        "issuedCertId": format!("{}", 2_800_000 + s.int(0, 99_999)),
        "lastBrokerConnectTime": (started * 1_000_000).to_string(),
        "lastBrokerDisconnectTime": if connected { Value::Null } else { json!(((started + 3_600).min(s.now()) * 1_000_000).to_string()) },
        "lastUpgradeTime": started.to_string(),
        "latitude": group["latitude"],
        "longitude": group["longitude"],
        "location": group["location"],
        "platform": platform,
        "platformDetail": {"os": os, "arch": "x86_64"},
        "runtimeOS": os,
        "privateIp": private_ip,
        "publicIp": public_ip,
        "upgradeAttempt": "0",
        "upgradeStatus": if version == VERSIONS[0] { "COMPLETE" } else { "SCHEDULED" },
    })
}

fn seed(s: &mut Seeder<'_>) -> Vec<Value> {
    let groups: Vec<Value> = crate::engine::records(s.tenant, &APP_CONNECTOR_GROUPS)
        .cloned()
        .collect();
    if groups.is_empty() {
        return Vec::new();
    }
    let n = 24;
    let defaults = defaults();
    (0..n)
        .map(|i| {
            let group = &groups[i % groups.len()];
            let code = group["name"]
                .as_str()
                .and_then(|n| n.split('-').nth(1))
                .unwrap_or("sjc")
                .to_lowercase();
            let name = format!("conn-{code}-{:05}", i + 1);
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("Connector {name}")),
                "enabled": s.chance(0.95),
                "appConnectorGroupId": group["id"],
                "appConnectorGroupName": group["name"],
                "creationTime": group["creationTime"],
                "modifiedTime": group["modifiedTime"],
                "modifiedBy": super::API_ADMIN_ID,
                "microtenantId": group["microtenantId"],
                "microtenantName": group["microtenantName"],
            });
            super::fill(&mut r, runtime(s, group, &code));
            super::fill_from(&mut r, &defaults);
            r
        })
        .collect()
}
