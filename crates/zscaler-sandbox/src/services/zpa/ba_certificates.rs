//! ZPA `zpa_ba_certificates` endpoints: browser-access (clientless) certificates. Create takes a
//! PEM `certBlob` (certificate, optionally followed by its private key); the key is never stored
//! or returned. Listed through `GET v2/clientlessCertificate/issued`. A certificate still used
//! by a PRA portal or a browser-access app cannot be deleted.

use serde_json::{Map, Value, json};

use super::{Res, app_segments::APP_SEGMENTS, crud, fill_map, pra::PRA_PORTALS, seed_common};
use crate::engine::{self, ResourceDef};
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static BA_CERTIFICATES: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, defaults()),
    required: &["name"],
    ..super::zpa("zpa.ba_certificates", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&BA_CERTIFICATES];

pub struct BaCertificates;

const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const END: &str = "-----END CERTIFICATE-----";

impl Res for BaCertificates {
    fn def() -> &'static ResourceDef {
        &BA_CERTIFICATES
    }
    const REQUIRED_ON_CREATE: &'static [&'static str] = &["certBlob"];
    const SERVER_FIELDS: &'static [&'static str] = &[
        "certificate",
        "certChain",
        "cName",
        "issuedBy",
        "issuedTo",
        "serialNo",
        "status",
        "validFromInEpochSec",
        "validToInEpochSec",
        "san",
        "publicKey",
    ];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        let blob = map
            .remove("certBlob")
            .and_then(|b| b.as_str().map(str::to_string))
            .unwrap_or_default();
        let (Some(start), Some(end)) = (blob.find(BEGIN), blob.find(END)) else {
            return Err(super::invalid(
                "Invalid 'certBlob': expected a PEM certificate (-----BEGIN CERTIFICATE-----)",
            ));
        };
        if end < start {
            return Err(super::invalid("Invalid 'certBlob': malformed PEM"));
        }
        let certificate = blob[start..end + END.len()].to_string();
        let name = map.get("name").and_then(super::text).unwrap_or_default();
        let created: i64 = map
            .get("creationTime")
            .and_then(super::text)
            .and_then(|t| t.parse().ok())
            .unwrap_or(tenant.anchor);
        let serial: u64 = certificate
            .bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        map.insert("certificate".into(), json!(certificate));
        map.insert("cName".into(), json!(name));
        map.insert("issuedTo".into(), json!(format!("CN={name}")));
        map.insert(
            "issuedBy".into(),
            json!("CN=Uploaded Certificate Authority"),
        );
        map.insert("serialNo".into(), json!(format!("{:x}", serial)));
        map.insert("status".into(), json!("ACTIVE"));
        map.insert("san".into(), json!([name]));
        map.insert("validFromInEpochSec".into(), json!(created.to_string()));
        map.insert(
            "validToInEpochSec".into(),
            json!((created + 365 * 86_400).to_string()),
        );
        Ok(())
    }
    fn before_delete(tenant: &Tenant, record: &Value) -> Result<(), ApiError> {
        let id = super::rid(record);
        let portals = engine::records(tenant, &PRA_PORTALS)
            .filter(|p| p.get("certificateId").and_then(super::text).as_deref() == Some(&id))
            .count();
        let apps = engine::records(tenant, &APP_SEGMENTS)
            .filter(|a| {
                a.get("clientlessApps")
                    .and_then(Value::as_array)
                    .is_some_and(|c| {
                        c.iter().any(|c| {
                            c.get("certificateId").and_then(super::text).as_deref() == Some(&id)
                        })
                    })
            })
            .count();
        if portals + apps > 0 {
            return Err(super::invalid(format!(
                "Certificate {id} is in use by {portals} PRA portal(s) and {apps} application segment(s)"
            )));
        }
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<BaCertificates>(
        v1!("/certificate"),
        v1!("/certificate/{certificateId}"),
        "CGD",
    );
    routes.extend(crud::<BaCertificates>(
        v2!("/clientlessCertificate/issued"),
        "",
        "L",
    ));
    routes
}

fn defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "cName": null,
        "certificate": null,
        "certChain": null,
        "issuedBy": null,
        "issuedTo": null,
        "serialNo": null,
        "status": "ACTIVE",
        "san": [],
        "publicKey": null,
        "validFromInEpochSec": null,
        "validToInEpochSec": null,
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

fn seed(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 5] = [
        "*.corp.example.com",
        "jira.corp.example.com",
        "pra.corp.example.com",
        "portal.example.com",
        "*.apps.example.com",
    ];
    NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let from = s.epoch_within(300);
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("Browser access certificate for {name}")),
                "cName": name,
                "certificate": super::provisioning_keys::pem(s, "BA"),
                "certChain": null,
                "issuedBy": "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
                "issuedTo": format!("CN={name}, O=Example Corp, C=US"),
                "serialNo": s.hex(32),
                "status": if i == 4 { "EXPIRED" } else { "ACTIVE" },
                "san": [name],
                "validFromInEpochSec": from.to_string(),
                "validToInEpochSec": (from + if i == 4 { 200 } else { 398 } * 86_400).to_string(),
            });
            super::fill(&mut r, seed_common(s, 0.0));
            super::with_defaults(r, defaults())
        })
        .collect()
}
