//! ZPA `zpa_provisioning_keys` endpoints: provisioning keys of app connector groups
//! (`associationType/CONNECTOR_GRP`) and service edge groups (`SERVICE_EDGE_GRP`), and the
//! enrollment certificates they are signed with (v2 list, v1 get; read-only).

use serde_json::{Map, Value, json};

use super::{
    Res, app_connector_groups::APP_CONNECTOR_GROUPS, crud, fill_map, seed_stamps,
    service_edge_groups::SERVICE_EDGE_GROUPS,
};
use crate::engine::{self, Parent, ResourceDef};
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static ENROLLMENT_CERTS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, cert_defaults()),
    ..super::zpa("zpa.enrollment_certs", seed_certs)
};

pub static PROVISIONING_KEYS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, key_defaults()),
    required: &["name", "maxUsage"],
    parent: Some(Parent {
        param: "associationType",
        field: "associationType",
    }),
    ..super::zpa("zpa.provisioning_keys", seed_keys)
};

pub static RESOURCES: &[&ResourceDef] = &[&ENROLLMENT_CERTS, &PROVISIONING_KEYS];

pub struct EnrollmentCerts;

impl Res for EnrollmentCerts {
    fn def() -> &'static ResourceDef {
        &ENROLLMENT_CERTS
    }
    const SCOPED: bool = false;
}

pub struct ProvisioningKeys;

pub const ASSOCIATION_TYPES: [&str; 2] = ["CONNECTOR_GRP", "SERVICE_EDGE_GRP"];

impl Res for ProvisioningKeys {
    fn def() -> &'static ResourceDef {
        &PROVISIONING_KEYS
    }
    const SERVER_FIELDS: &'static [&'static str] =
        &["usageCount", "provisioningKey", "expirationInEpochSec"];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        let association = map
            .get("associationType")
            .and_then(super::text)
            .unwrap_or_default();
        let groups = match association.as_str() {
            "CONNECTOR_GRP" => &APP_CONNECTOR_GROUPS,
            "SERVICE_EDGE_GRP" => &SERVICE_EDGE_GROUPS,
            other => {
                return Err(super::invalid(format!(
                    "Invalid associationType '{other}': expected CONNECTOR_GRP or SERVICE_EDGE_GRP"
                )));
            }
        };
        let component = ["zcomponentId", "componentId"]
            .iter()
            .find_map(|f| map.get(*f).filter(|v| !v.is_null() && *v != "").cloned())
            .ok_or_else(|| super::invalid("Missing required field 'zcomponentId'"))?;
        let component_name = super::reference(tenant, groups, "zcomponentId", &component)?;
        let component = super::text(&component).unwrap_or_default();
        map.remove("componentId");
        map.insert("zcomponentId".into(), json!(component));
        map.insert("zcomponentName".into(), json!(component_name));
        if association == "CONNECTOR_GRP" {
            map.insert("appConnectorGroupId".into(), json!(component));
            map.insert("appConnectorGroupName".into(), json!(component_name));
        }
        let max = match map.get("maxUsage") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        match max {
            Some(n) if (1..=5000).contains(&n) => {
                map.insert("maxUsage".into(), json!(n.to_string()));
            }
            _ => {
                return Err(super::invalid(
                    "Invalid 'maxUsage': expected an integer from 1 to 5000",
                ));
            }
        }
        let default_cert = if association == "CONNECTOR_GRP" {
            "Connector"
        } else {
            "Service Edge"
        };
        let cert = match map.get("enrollmentCertId").filter(|v| !v.is_null()) {
            Some(id) => id.clone(),
            None => cert_id(tenant, default_cert),
        };
        let cert_name = super::reference(tenant, &ENROLLMENT_CERTS, "enrollmentCertId", &cert)?;
        map.insert(
            "enrollmentCertId".into(),
            json!(super::text(&cert).unwrap_or_default()),
        );
        map.insert("enrollmentCertName".into(), json!(cert_name));
        if existing.is_none() {
            let n = engine::records(tenant, &PROVISIONING_KEYS).count() as u64;
            let name = map.get("name").and_then(super::text).unwrap_or_default();
            map.insert("provisioningKey".into(), json!(key_text(&name, n)));
            map.insert("usageCount".into(), json!("0"));
        }
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<ProvisioningKeys>(
        v1!("/associationType/{associationType}/provisioningKey"),
        v1!("/associationType/{associationType}/provisioningKey/{keyId}"),
        "LCGRD",
    );
    routes.extend(crud::<EnrollmentCerts>(v2!("/enrollmentCert"), "", "L"));
    routes.extend(crud::<EnrollmentCerts>(
        "",
        v1!("/enrollmentCert/{certId}"),
        "G",
    ));
    routes
}

/// The id of the enrollment certificate called `name` (Null when absent).
pub fn cert_id(tenant: &Tenant, name: &str) -> Value {
    engine::records(tenant, &ENROLLMENT_CERTS)
        .find(|c| c["name"] == name)
        .map(|c| c["id"].clone())
        .unwrap_or(Value::Null)
}

/// A provisioning key string as ZPA formats them: `<version>|<cloud host>|<opaque key>`.
fn key_text(name: &str, n: u64) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ n;
    let mut out = String::new();
    for round in 0..6u64 {
        for b in name.bytes() {
            h = (h ^ u64::from(b) ^ round).wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    format!("3|api.private.zscaler.com|{out}")
}

fn cert_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "allowSigning": false,
        "cName": null,
        "certificate": null,
        "clientCertType": "NONE",
        "csr": null,
        "issuedBy": null,
        "issuedTo": null,
        "parentCertId": null,
        "parentCertName": null,
        "privateKeyPresent": true,
        "serialNo": null,
        "validFromInEpochSec": null,
        "validToInEpochSec": null,
        "zrsaencryptedprivatekey": null,
        "zrsaencryptedsessionkey": null,
        "readOnly": true,
        "creationTime": null,
        "modifiedTime": null,
        "modifiedBy": null,
        "microtenantId": null,
        "microtenantName": "Default",
    })
}

/// A PEM-looking certificate body (not a parseable certificate).
pub fn pem(s: &mut Seeder<'_>, label: &str) -> String {
    let body: Vec<String> = (0..6).map(|_| s.hex(64)).collect();
    format!(
        "-----BEGIN CERTIFICATE-----\nMIID{label}\n{}\n-----END CERTIFICATE-----\n",
        body.join("\n")
    )
}

fn seed_certs(s: &mut Seeder<'_>) -> Vec<Value> {
    const CERTS: [(&str, &str, &str); 5] = [
        ("Root", "NONE", "Root enrollment certificate"),
        ("Client", "ZAPP_CLIENT", "Client Connector enrollment"),
        ("Connector", "NONE", "App Connector enrollment"),
        ("Service Edge", "NONE", "Private Service Edge enrollment"),
        (
            "Isolation Client",
            "ISOLATION_CLIENT",
            "Cloud Browser Isolation",
        ),
    ];
    let customer = s.tenant.identity.customer_id.clone();
    CERTS
        .iter()
        .map(|(name, kind, description)| {
            let from = s.epoch_within(900);
            let cname = format!(
                "{customer}.{}.zpa-customer.com",
                name.to_lowercase().replace(' ', "-")
            );
            let mut r = json!({
                "name": name,
                "description": description,
                "allowSigning": *name == "Root",
                "cName": cname,
                "certificate": pem(s, name),
                "clientCertType": kind,
                "issuedBy": format!("CN={customer}.root.zpa-customer.com"),
                "issuedTo": format!("CN={cname}"),
                "parentCertName": if *name == "Root" { Value::Null } else { json!("Root") },
                "serialNo": format!("{}", 9_000_000 + s.int(0, 999_999)),
                "validFromInEpochSec": from.to_string(),
                "validToInEpochSec": (from + 10 * 365 * 86_400).to_string(),
            });
            super::fill(&mut r, seed_stamps(s));
            super::with_defaults(r, cert_defaults())
        })
        .collect()
}

fn key_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "associationType": null,
        "maxUsage": "10",
        "usageCount": "0",
        "zcomponentId": null,
        "zcomponentName": null,
        "appConnectorGroupId": null,
        "appConnectorGroupName": null,
        "enrollmentCertId": null,
        "enrollmentCertName": null,
        "provisioningKey": null,
        "expirationInEpochSec": null,
        "ipAcl": null,
        "uiConfig": null,
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

fn seed_keys(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    let tenant = s.tenant;
    for (association, groups, cert) in [
        ("CONNECTOR_GRP", &APP_CONNECTOR_GROUPS, "Connector"),
        ("SERVICE_EDGE_GRP", &SERVICE_EDGE_GROUPS, "Service Edge"),
    ] {
        let cert_id = cert_id(tenant, cert);
        for group in engine::records(tenant, groups) {
            let name = format!("{}-key", group["name"].as_str().unwrap_or("group"));
            let max = *s.pick(&[10u64, 20, 50, 100]);
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("Provisioning key for {}", group["name"].as_str().unwrap_or(""))),
                "enabled": s.chance(0.9),
                "associationType": association,
                "maxUsage": max.to_string(),
                "usageCount": s.int(0, max as i64).to_string(),
                "zcomponentId": group["id"],
                "zcomponentName": group["name"],
                "enrollmentCertId": cert_id,
                "enrollmentCertName": cert,
                "provisioningKey": key_text(&name, out.len() as u64),
                "creationTime": group["creationTime"],
                "modifiedTime": group["modifiedTime"],
                "modifiedBy": super::API_ADMIN_ID,
                "microtenantId": group["microtenantId"],
                "microtenantName": group["microtenantName"],
            });
            if association == "CONNECTOR_GRP" {
                r["appConnectorGroupId"] = group["id"].clone();
                r["appConnectorGroupName"] = group["name"].clone();
            }
            out.push(super::with_defaults(r, key_defaults()));
        }
    }
    out
}
