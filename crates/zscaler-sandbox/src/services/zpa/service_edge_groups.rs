//! ZPA `zpa_service_edge_groups` endpoints: private service edge groups (CRUD) and service
//! edges (list, get, update, delete, bulk delete; edges enrol, so there is no create).

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::{
    Res,
    app_connector_groups::{DAYS, LOCATIONS},
    bulk_delete, check_enum,
    connectors::RUNTIME,
    crud, expand_refs, fill_map,
    misc::TRUSTED_NETWORKS,
    seed_common,
};
use crate::engine::{self, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static SERVICE_EDGE_GROUPS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, group_defaults()),
    ..super::zpa("zpa.service_edge_groups", seed_groups)
};

pub static SERVICE_EDGES: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, edge_defaults()),
    ..super::zpa("zpa.service_edges", seed_edges)
};

pub static RESOURCES: &[&ResourceDef] = &[&SERVICE_EDGE_GROUPS, &SERVICE_EDGES];

pub struct ServiceEdgeGroups;

fn in_group(edge: &Value, id: &str) -> bool {
    edge.get("serviceEdgeGroupId")
        .and_then(super::text)
        .as_deref()
        == Some(id)
}

/// ZPA answers these flags as `"TRUE"`/`"FALSE"` strings; accepts booleans too.
fn upper_bool(map: &mut Map<String, Value>, field: &str) -> Result<(), ApiError> {
    let value = match map.get(field) {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => true,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => false,
        Some(other) => {
            return Err(super::invalid(format!(
                "Invalid value {other} for '{field}': expected true or false"
            )));
        }
    };
    map.insert(field.into(), json!(if value { "TRUE" } else { "FALSE" }));
    Ok(())
}

impl Res for ServiceEdgeGroups {
    fn def() -> &'static ResourceDef {
        &SERVICE_EDGE_GROUPS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["serviceEdges"];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        upper_bool(map, "isPublic")?;
        check_enum(map, "graceDistanceValueUnit", &["MILES", "KMS"])?;
        check_enum(map, "upgradeDay", &DAYS)?;
        if map.get("graceDistanceEnabled") == Some(&json!(true))
            && map.get("graceDistanceValue").is_none_or(Value::is_null)
        {
            return Err(super::invalid(
                "Missing required field 'graceDistanceValue' when graceDistanceEnabled is true",
            ));
        }
        expand_refs(tenant, map, "trustedNetworks", &TRUSTED_NETWORKS)?;
        if let Some(cert) = map.get("enrollmentCertId").filter(|v| !v.is_null()) {
            let cert = cert.clone();
            super::reference(
                tenant,
                &super::provisioning_keys::ENROLLMENT_CERTS,
                "enrollmentCertId",
                &cert,
            )?;
        }
        Ok(())
    }
    fn view(tenant: &Tenant, record: &mut Value) {
        let id = super::rid(record);
        let edges: Vec<Value> = engine::records(tenant, &SERVICE_EDGES)
            .filter(|e| in_group(e, &id))
            .map(|e| {
                json!({
                    "id": e["id"], "name": e["name"], "enabled": e["enabled"],
                    "currentVersion": e["currentVersion"], "controlChannelStatus": e["controlChannelStatus"],
                    "privateIp": e["privateIp"], "publicIp": e["publicIp"],
                })
            })
            .collect();
        record["serviceEdges"] = Value::Array(edges);
    }
    fn before_delete(tenant: &Tenant, record: &Value) -> Result<(), ApiError> {
        let id = super::rid(record);
        let n = engine::records(tenant, &SERVICE_EDGES)
            .filter(|e| in_group(e, &id))
            .count();
        if n > 0 {
            return Err(super::invalid(format!(
                "Service edge group {id} still holds {n} service edge(s)"
            )));
        }
        Ok(())
    }
}

pub struct ServiceEdges;

impl Res for ServiceEdges {
    fn def() -> &'static ResourceDef {
        &SERVICE_EDGES
    }
    const SERVER_FIELDS: &'static [&'static str] = RUNTIME;
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<ServiceEdgeGroups>(
        v1!("/serviceEdgeGroup"),
        v1!("/serviceEdgeGroup/{groupId}"),
        "LCGRD",
    );
    routes.extend(crud::<ServiceEdges>(
        v1!("/serviceEdge"),
        v1!("/serviceEdge/{serviceEdgeId}"),
        "LGRD",
    ));
    routes.push(Route::new(
        Method::POST,
        v1!("/serviceEdge/bulkDelete"),
        Op::Custom(bulk_delete::<ServiceEdges>),
    ));
    routes
}

fn group_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "location": null,
        "cityCountry": null,
        "countryCode": null,
        "latitude": null,
        "longitude": null,
        "isPublic": "FALSE",
        "graceDistanceEnabled": false,
        "graceDistanceValue": null,
        "graceDistanceValueUnit": null,
        "enrollmentCertId": null,
        "overrideVersionProfile": false,
        "versionProfileId": "0",
        "versionProfileName": "Default",
        "versionProfileVisibilityScope": "ALL",
        "upgradeDay": "SUNDAY",
        "upgradeTimeInSecs": "66600",
        "useInDrMode": false,
        "exclusiveForBusinessContinuity": false,
        "siteId": null,
        "siteName": null,
        "serviceEdges": [],
        "trustedNetworks": [],
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

fn edge_defaults() -> Value {
    let mut d = json!({
        "name": null,
        "description": null,
        "enabled": true,
        "serviceEdgeGroupId": null,
        "serviceEdgeGroupName": null,
        "publishIps": [],
        "publishIpv6": false,
        "listenIps": [],
        "readOnly": false,
        "restrictionType": null,
        "zscalerManaged": false,
        "creationTime": null,
        "modifiedTime": null,
        "modifiedBy": null,
        "microtenantId": null,
        "microtenantName": "Default",
    });
    for field in RUNTIME {
        if let Value::Object(m) = &mut d {
            m.entry(field.to_string()).or_insert(Value::Null);
        }
    }
    if let Value::Object(m) = &mut d {
        m.remove("appConnectorGroupId");
        m.remove("appConnectorGroupName");
    }
    d
}

fn seed_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    let cert = super::provisioning_keys::cert_id(s.tenant, "Service Edge");
    let networks = super::id_names(s.tenant, &TRUSTED_NETWORKS);
    LOCATIONS
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, (location, city, cc, lat, lon, code))| {
            let trusted: Vec<Value> = s
                .pick_some(&networks, 2)
                .into_iter()
                .map(|(id, name)| json!({"id": id, "name": name}))
                .collect();
            let grace = i % 2 == 0;
            let mut r = json!({
                "name": format!("PSE-{}", code.to_uppercase()),
                "description": s.text(&format!("Private service edges in {location}")),
                "enabled": true,
                "location": location,
                "cityCountry": city,
                "countryCode": cc,
                "latitude": lat,
                "longitude": lon,
                "isPublic": if i == 3 { "TRUE" } else { "FALSE" },
                "graceDistanceEnabled": grace,
                "graceDistanceValue": if grace { json!(5.0) } else { Value::Null },
                "graceDistanceValueUnit": if grace { json!("MILES") } else { Value::Null },
                "enrollmentCertId": cert,
                "upgradeDay": *s.pick(&DAYS),
                "trustedNetworks": trusted,
            });
            super::fill(&mut r, seed_common(s, if i == 0 { 0.0 } else { 0.2 }));
            super::with_defaults(r, group_defaults())
        })
        .collect()
}

fn seed_edges(s: &mut Seeder<'_>) -> Vec<Value> {
    let groups: Vec<Value> = engine::records(s.tenant, &SERVICE_EDGE_GROUPS)
        .cloned()
        .collect();
    let mut out = Vec::new();
    for (gi, group) in groups.iter().enumerate() {
        let code = group["name"]
            .as_str()
            .and_then(|n| n.strip_prefix("PSE-"))
            .unwrap_or("sjc")
            .to_lowercase();
        for j in 0..2 {
            let name = format!("pse-{code}-{:02}", j + 1);
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("Service edge {name}")),
                "enabled": !(gi == 1 && j == 1),
                "serviceEdgeGroupId": group["id"],
                "serviceEdgeGroupName": group["name"],
                "publishIps": [s.public_ipv4()],
                "listenIps": [s.ipv4()],
                "creationTime": group["creationTime"],
                "modifiedTime": group["modifiedTime"],
                "modifiedBy": super::API_ADMIN_ID,
                "microtenantId": group["microtenantId"],
                "microtenantName": group["microtenantName"],
            });
            super::fill(&mut r, super::connectors::runtime(s, group, &code));
            out.push(super::with_defaults(r, edge_defaults()));
        }
    }
    out
}
