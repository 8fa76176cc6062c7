//! ZPA `zpa_pra` endpoints: privileged remote access credentials and portals. Credential
//! secrets (`password`, `privateKey`, `passphrase`) are checked on writes but never stored or
//! returned; a `PUT` without a new secret keeps the old one. A portal's certificate must be a
//! browser-access certificate.

use serde_json::{Map, Value, json};

use super::{Res, ba_certificates::BA_CERTIFICATES, crud, fill_map, seed_common};
use crate::engine::ResourceDef;
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static PRA_CREDENTIALS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, credential_defaults()),
    required: &["name", "credentialType"],
    ..super::zpa("zpa.pra_credentials", seed_credentials)
};

pub static PRA_PORTALS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, portal_defaults()),
    required: &["name", "domain", "certificateId"],
    ..super::zpa("zpa.pra_portals", seed_portals)
};

pub static RESOURCES: &[&ResourceDef] = &[&PRA_CREDENTIALS, &PRA_PORTALS];

pub const CREDENTIAL_TYPES: [&str; 3] = ["USERNAME_PASSWORD", "SSH_KEY", "PASSWORD"];

pub struct PraCredentials;

fn given(map: &Map<String, Value>, field: &str) -> bool {
    map.get(field)
        .and_then(Value::as_str)
        .is_some_and(|s| !s.trim().is_empty())
}

impl Res for PraCredentials {
    fn def() -> &'static ResourceDef {
        &PRA_CREDENTIALS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["lastCredentialResetTime", "passwordSet"];
    fn prepare(
        _tenant: &Tenant,
        map: &mut Map<String, Value>,
        existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        super::check_enum(map, "credentialType", &CREDENTIAL_TYPES)?;
        let kind = map
            .get("credentialType")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let secret = match kind.as_str() {
            "SSH_KEY" => "privateKey",
            _ => "password",
        };
        if kind != "PASSWORD" && !given(map, "userName") {
            return Err(super::invalid(format!(
                "Missing required field 'userName' for credentialType {kind}"
            )));
        }
        let changed = given(map, secret);
        if !changed && existing.is_none() {
            return Err(super::invalid(format!(
                "Missing required field '{secret}' for credentialType {kind}"
            )));
        }
        if changed {
            let at = map.get("modifiedTime").cloned().unwrap_or(Value::Null);
            map.insert("lastCredentialResetTime".into(), at);
            map.insert("passwordSet".into(), json!(true));
        }
        for field in ["password", "privateKey", "passphrase"] {
            map.remove(field);
        }
        Ok(())
    }
}

pub struct PraPortals;

impl Res for PraPortals {
    fn def() -> &'static ResourceDef {
        &PRA_PORTALS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["cName", "getcName", "certificateName"];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        let cert = map.get("certificateId").cloned().unwrap_or(Value::Null);
        let name = super::reference(tenant, &BA_CERTIFICATES, "certificateId", &cert)?;
        map.insert("certificateId".into(), json!(super::text(&cert)));
        map.insert("certificateName".into(), json!(name));
        let domain = map.get("domain").and_then(super::text).unwrap_or_default();
        let cname = format!("{}.pra.zscalerportal.example", domain.replace('.', "-"));
        map.insert("cName".into(), json!(cname));
        map.insert("getcName".into(), json!(cname));
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<PraCredentials>(
        v1!("/credential"),
        v1!("/credential/{credentialId}"),
        "LCGRD",
    );
    routes.extend(crud::<PraPortals>(
        v1!("/praPortal"),
        v1!("/praPortal/{portalId}"),
        "LCGRD",
    ));
    routes
}

fn credential_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "credentialType": null,
        "userDomain": null,
        "userName": null,
        "passwordSet": false,
        "lastCredentialResetTime": null,
        "targetMicrotenantId": null,
        "targetMicrotenantName": null,
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

fn seed_credentials(s: &mut Seeder<'_>) -> Vec<Value> {
    const CREDS: [(&str, &str, &str, &str); 5] = [
        ("Linux root (jump hosts)", "SSH_KEY", "root", ""),
        (
            "Windows domain admin",
            "USERNAME_PASSWORD",
            "pra-admin",
            "CORP",
        ),
        ("Network devices", "USERNAME_PASSWORD", "netops", ""),
        ("Legacy VNC", "PASSWORD", "", ""),
        ("DB maintenance", "USERNAME_PASSWORD", "dbmaint", "FIN"),
    ];
    CREDS
        .iter()
        .map(|(name, kind, user, domain)| {
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("{name} credential")),
                "credentialType": kind,
                "userName": if user.is_empty() { Value::Null } else { json!(user) },
                "userDomain": if domain.is_empty() { Value::Null } else { json!(domain) },
                "passwordSet": true,
            });
            super::fill(&mut r, seed_common(s, 0.2));
            r["lastCredentialResetTime"] = r["modifiedTime"].clone();
            super::with_defaults(r, credential_defaults())
        })
        .collect()
}

fn portal_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "domain": null,
        "certificateId": null,
        "certificateName": null,
        "cName": null,
        "getcName": null,
        "userNotification": null,
        "userNotificationEnabled": false,
        "extLabel": null,
        "extDomain": null,
        "extDomainName": null,
        "extDomainTranslation": null,
        "hideInfoTooltip": false,
        "userPortalGid": null,
        "userPortalName": null,
        "approvalReviewers": [],
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

fn seed_portals(s: &mut Seeder<'_>) -> Vec<Value> {
    let certs = super::id_names(s.tenant, &BA_CERTIFICATES);
    let Some((cert_id, cert_name)) = certs
        .iter()
        .find(|(_, n)| n.starts_with("pra."))
        .or_else(|| certs.first())
        .cloned()
    else {
        return Vec::new();
    };
    [
        ("IT Admin Portal", "pra.corp.example.com"),
        ("Vendor Access Portal", "vendors.pra.corp.example.com"),
    ]
    .iter()
    .map(|(name, domain)| {
        let cname = format!("{}.pra.zscalerportal.example", domain.replace('.', "-"));
        let mut r = json!({
            "name": name,
            "description": s.text(&format!("{name} for privileged access")),
            "enabled": true,
            "domain": domain,
            "certificateId": cert_id,
            "certificateName": cert_name,
            "cName": cname,
            "getcName": cname,
            "userNotification": s.text("Sessions are recorded and audited."),
            "userNotificationEnabled": true,
        });
        super::fill(&mut r, seed_common(s, 0.0));
        super::with_defaults(r, portal_defaults())
    })
    .collect()
}
