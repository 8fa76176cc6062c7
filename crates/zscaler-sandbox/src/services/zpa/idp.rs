//! ZPA `zpa_idp` endpoints: identity providers (v2 list), their SCIM attributes (v1, under
//! `/idp/{idpId}`), SCIM groups (`/zpa/userconfig/v1/...`, integer ids) and SAML attributes
//! (v2, all or per IdP). All read-only; an unknown IdP id in the path is a 404.

use serde_json::{Value, json};

use super::{Res, crud, fill_map, seed_stamps};
use crate::engine::{self, IdKind, Parent, ResourceDef};
use crate::routes::Route;
use crate::seed::Seeder;

pub static IDPS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, idp_defaults()),
    ..super::zpa("zpa.idps", seed_idps)
};

pub static SCIM_ATTRIBUTES: ResourceDef = ResourceDef {
    parent: Some(Parent {
        param: "idpId",
        field: "idpId",
    }),
    ..super::zpa("zpa.scim_attributes", seed_scim_attributes)
};

pub static SCIM_GROUPS: ResourceDef = ResourceDef {
    id_kind: IdKind::Int,
    parent: Some(Parent {
        param: "idpId",
        field: "idpId",
    }),
    ..super::zpa("zpa.scim_groups", seed_scim_groups)
};

pub static SAML_ATTRIBUTES: ResourceDef = ResourceDef {
    parent: Some(Parent {
        param: "idpId",
        field: "idpId",
    }),
    ..super::zpa("zpa.saml_attributes", seed_saml_attributes)
};

pub static RESOURCES: &[&ResourceDef] = &[&IDPS, &SCIM_ATTRIBUTES, &SCIM_GROUPS, &SAML_ATTRIBUTES];

pub struct Idps;
impl Res for Idps {
    fn def() -> &'static ResourceDef {
        &IDPS
    }
    const SCOPED: bool = false;
}

pub struct ScimAttributes;
impl Res for ScimAttributes {
    fn def() -> &'static ResourceDef {
        &SCIM_ATTRIBUTES
    }
    const SCOPED: bool = false;
    fn parent_def() -> Option<&'static ResourceDef> {
        Some(&IDPS)
    }
}

pub struct ScimGroups;
impl Res for ScimGroups {
    fn def() -> &'static ResourceDef {
        &SCIM_GROUPS
    }
    const SCOPED: bool = false;
    fn parent_def() -> Option<&'static ResourceDef> {
        Some(&IDPS)
    }
}

pub struct SamlAttributes;
impl Res for SamlAttributes {
    fn def() -> &'static ResourceDef {
        &SAML_ATTRIBUTES
    }
    const SCOPED: bool = false;
    fn parent_def() -> Option<&'static ResourceDef> {
        Some(&IDPS)
    }
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<Idps>(v2!("/idp"), "", "L");
    routes.extend(crud::<ScimAttributes>(
        v1!("/idp/{idpId}/scimattribute"),
        v1!("/idp/{idpId}/scimattribute/{attributeId}"),
        "LG",
    ));
    routes.extend(crud::<ScimGroups>(
        "/zpa/userconfig/v1/customers/{customerId}/scimgroup/idpId/{idpId}",
        "/zpa/userconfig/v1/customers/{customerId}/scimgroup/{scimGroupId}",
        "LG",
    ));
    routes.extend(crud::<SamlAttributes>(v2!("/samlAttribute"), "", "L"));
    routes.extend(crud::<SamlAttributes>(
        v2!("/samlAttribute/idp/{idpId}"),
        "",
        "L",
    ));
    routes
}

fn idp_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "domainList": [],
        "idpEntityId": null,
        "loginUrl": null,
        "loginNameAttribute": null,
        "loginHint": false,
        "ssoType": ["USER"],
        "scimEnabled": false,
        "scimServiceProviderEndpoint": null,
        "scimSharedSecretExists": false,
        "enableScimBasedPolicy": false,
        "disableSamlBasedPolicy": false,
        "reauthOnUserUpdate": false,
        "redirectBinding": false,
        "signSamlRequest": "1",
        "useCustomSPMetadata": false,
        "forceAuth": false,
        "oneIdentityEnabled": false,
        "enableArbitraryAuthDomains": "0",
        "autoProvision": "0",
        "certificates": [],
        "adminSpSigningCertId": "0",
        "userSpSigningCertId": "0",
        "adminMetadata": null,
        "userMetadata": null,
        "creationTime": null,
        "modifiedTime": null,
        "modifiedBy": null,
    })
}

/// (name, vendor host, SCIM, SSO types, domains)
const IDPS_SEED: [(&str, &str, bool, &[&str]); 3] = [
    ("Okta Workforce", "example.okta.com", true, &["USER"]),
    (
        "Azure AD",
        "login.microsoftonline.com",
        true,
        &["USER", "ADMIN"],
    ),
    ("Ping Admin SSO", "sso.example-ping.com", false, &["ADMIN"]),
];

fn seed_idps(s: &mut Seeder<'_>) -> Vec<Value> {
    let customer = s.tenant.identity.customer_id.clone();
    IDPS_SEED
        .iter()
        .enumerate()
        .map(|(i, (name, host, scim, sso))| {
            let entity = format!("http://{host}/{}", s.hex(20));
            let from = s.epoch_within(500);
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("{name} identity provider")),
                "enabled": true,
                "domainList": ["example.com", "corp.example.com"],
                "idpEntityId": entity,
                "loginUrl": format!("https://{host}/app/zscaler/sso/saml"),
                "loginNameAttribute": "NameID",
                "ssoType": sso,
                "scimEnabled": scim,
                "scimServiceProviderEndpoint": if *scim { json!(format!("https://scim1.private.zscaler.com/scim/1/{customer}/v2/{i}")) } else { Value::Null },
                "scimSharedSecretExists": scim,
                "enableScimBasedPolicy": scim,
                "reauthOnUserUpdate": i == 0,
                "certificates": [{
                    "cName": format!("{host} signing"),
                    "serialNo": s.hex(16),
                    "validFromInSec": from.to_string(),
                    "validToInSec": (from + 3 * 365 * 86_400).to_string(),
                    "certificate": super::provisioning_keys::pem(s, "IDP"),
                }],
            });
            super::fill(&mut r, seed_stamps(s));
            super::with_defaults(r, idp_defaults())
        })
        .collect()
}

fn scim_idps(s: &Seeder<'_>) -> Vec<Value> {
    engine::records(s.tenant, &IDPS)
        .filter(|i| i["scimEnabled"] == true)
        .cloned()
        .collect()
}

fn seed_scim_attributes(s: &mut Seeder<'_>) -> Vec<Value> {
    const ATTRS: [(&str, &str, &str, bool); 9] = [
        (
            "userName",
            "String",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            true,
        ),
        (
            "displayName",
            "String",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            false,
        ),
        (
            "name.givenName",
            "String",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            false,
        ),
        (
            "name.familyName",
            "String",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            false,
        ),
        (
            "emails",
            "String",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            false,
        ),
        (
            "title",
            "String",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            false,
        ),
        (
            "active",
            "Boolean",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            false,
        ),
        (
            "department",
            "String",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            false,
        ),
        (
            "costCenter",
            "String",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            false,
        ),
    ];
    let mut out = Vec::new();
    for idp in scim_idps(s) {
        for (name, kind, schema, required) in ATTRS {
            let mut r = json!({
                "name": name,
                "description": null,
                "idpId": idp["id"],
                "dataType": kind,
                "multivalued": name == "emails",
                "required": required,
                "caseSensitive": false,
                "mutability": "readWrite",
                "returned": "default",
                "uniqueness": required,
                "schemaURI": schema,
                "canonicalValues": if name == "emails" { json!(["work", "home"]) } else { Value::Null },
            });
            super::fill(&mut r, seed_stamps(s));
            out.push(r);
        }
    }
    out
}

fn seed_scim_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 12] = [
        "Engineering",
        "Finance",
        "Sales",
        "Marketing",
        "IT Operations",
        "Security",
        "Contractors",
        "Executives",
        "HR",
        "Support",
        "Legal",
        "Data Science",
    ];
    let idps = scim_idps(s);
    if idps.is_empty() {
        return Vec::new();
    }
    let n = 24;
    (0..n)
        .map(|i| {
            let idp = &idps[i % idps.len()];
            let base = NAMES[(i / idps.len()) % NAMES.len()];
            let round = i / (idps.len() * NAMES.len());
            let name = if round == 0 {
                base.to_string()
            } else {
                format!("{base} {round:04}")
            };
            let created = s.epoch_within(400);
            let idp_id: u64 = idp["id"].as_str().and_then(|v| v.parse().ok()).unwrap_or(0);
            json!({
                "name": name,
                "idpId": idp_id,
                "idpName": idp["name"],
                "idpGroupId": format!("00g{}", s.hex(17)),
                "internalId": s.hex(24),
                "creationTime": created,
                "modifiedTime": (created + s.int(0, 86_400 * 30)).min(s.now()),
            })
        })
        .collect()
}

fn seed_saml_attributes(s: &mut Seeder<'_>) -> Vec<Value> {
    const ATTRS: [(&str, &str); 5] = [
        ("Email", "email"),
        ("FirstName", "firstName"),
        ("LastName", "lastName"),
        ("DepartmentName", "department"),
        ("GroupName", "memberOf"),
    ];
    let idps: Vec<Value> = engine::records(s.tenant, &IDPS).cloned().collect();
    let mut out = Vec::new();
    for idp in idps {
        let suffix = idp["name"]
            .as_str()
            .unwrap_or("IdP")
            .split_whitespace()
            .next()
            .unwrap_or("IdP")
            .to_string();
        for (name, saml) in ATTRS {
            let mut r = json!({
                "name": format!("{name}_{suffix}"),
                "idpId": idp["id"],
                "idpName": idp["name"],
                "samlName": saml,
                "userAttribute": name != "GroupName",
                "delta": null,
            });
            super::fill(&mut r, seed_stamps(s));
            out.push(r);
        }
    }
    out
}
