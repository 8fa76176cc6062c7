//! ZPA `zpa_app_connector_groups` endpoints. A group's `connectors` and `serverGroups` are
//! computed from the connectors in it and the server groups that name it; a group still holding
//! connectors or named by a server group cannot be deleted.

use serde_json::{Map, Value, json};

use super::{
    Res, check_enum, check_ids, connectors::CONNECTORS, crud, fill_map, seed_common,
    server_groups::SERVER_GROUPS,
};
use crate::engine::{self, ResourceDef};
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static APP_CONNECTOR_GROUPS: ResourceDef = ResourceDef {
    complete,
    ..super::zpa("zpa.app_connector_groups", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&APP_CONNECTOR_GROUPS];

/// (location, cityCountry, countryCode, latitude, longitude, short code)
pub const LOCATIONS: [(&str, &str, &str, &str, &str, &str); 6] = [
    (
        "San Jose, CA, USA",
        "San Jose, US",
        "US",
        "37.3382082",
        "-121.8863286",
        "sjc",
    ),
    (
        "Ashburn, VA, USA",
        "Ashburn, US",
        "US",
        "39.0437567",
        "-77.4874416",
        "iad",
    ),
    (
        "Frankfurt, Germany",
        "Frankfurt, DE",
        "DE",
        "50.1109221",
        "8.6821267",
        "fra",
    ),
    (
        "London, UK",
        "London, GB",
        "GB",
        "51.5072178",
        "-0.1275862",
        "lhr",
    ),
    (
        "Singapore",
        "Singapore, SG",
        "SG",
        "1.352083",
        "103.819836",
        "sin",
    ),
    (
        "Sao Paulo, Brazil",
        "Sao Paulo, BR",
        "BR",
        "-23.5557714",
        "-46.6395571",
        "gru",
    ),
];

pub const DNS_QUERY_TYPES: [&str; 3] = ["IPV4_IPV6", "IPV4", "IPV6"];
pub const DAYS: [&str; 7] = [
    "SUNDAY",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
];

pub struct AppConnectorGroups;

fn member_of(record: &Value, field: &str, id: &str) -> bool {
    record.get(field).and_then(super::text).as_deref() == Some(id)
}

impl Res for AppConnectorGroups {
    fn def() -> &'static ResourceDef {
        &APP_CONNECTOR_GROUPS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["connectors", "serverGroups"];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        check_enum(map, "dnsQueryType", &DNS_QUERY_TYPES)?;
        check_enum(map, "upgradeDay", &DAYS)?;
        check_ids(tenant, map, "connectorIds", &CONNECTORS)?;
        check_ids(tenant, map, "serverGroupIds", &SERVER_GROUPS)?;
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
        let connectors: Vec<Value> = engine::records(tenant, &CONNECTORS)
            .filter(|c| member_of(c, "appConnectorGroupId", &id))
            .map(|c| {
                json!({
                    "id": c["id"], "name": c["name"], "enabled": c["enabled"],
                    "currentVersion": c["currentVersion"], "controlChannelStatus": c["controlChannelStatus"],
                    "privateIp": c["privateIp"], "publicIp": c["publicIp"],
                })
            })
            .collect();
        let groups: Vec<Value> = engine::records(tenant, &SERVER_GROUPS)
            .filter(|g| super::ref_ids(g, "appConnectorGroups").contains(&id))
            .map(|g| json!({"id": g["id"], "name": g["name"], "enabled": g["enabled"], "dynamicDiscovery": g["dynamicDiscovery"]}))
            .collect();
        record["connectors"] = Value::Array(connectors);
        record["serverGroups"] = Value::Array(groups);
    }
    fn before_delete(tenant: &Tenant, record: &Value) -> Result<(), ApiError> {
        let id = super::rid(record);
        let connectors = engine::records(tenant, &CONNECTORS)
            .filter(|c| member_of(c, "appConnectorGroupId", &id))
            .count();
        let groups = engine::records(tenant, &SERVER_GROUPS)
            .filter(|g| super::ref_ids(g, "appConnectorGroups").contains(&id))
            .count();
        if connectors + groups > 0 {
            return Err(super::invalid(format!(
                "App connector group {id} is in use by {connectors} connector(s) and {groups} server group(s)"
            )));
        }
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    crud::<AppConnectorGroups>(
        v1!("/appConnectorGroup"),
        v1!("/appConnectorGroup/{groupId}"),
        "LCGRD",
    )
}

fn defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "location": null,
        "cityCountry": null,
        "countryCode": null,
        "latitude": null,
        "longitude": null,
        "dnsQueryType": "IPV4_IPV6",
        "enrollmentCertId": null,
        "lssAppConnectorGroup": false,
        "overrideVersionProfile": false,
        "versionProfileId": "0",
        "versionProfileName": "Default",
        "versionProfileVisibilityScope": "ALL",
        "upgradeDay": "SUNDAY",
        "upgradeTimeInSecs": "66600",
        "praEnabled": false,
        "wafDisabled": true,
        "useInDrMode": false,
        "tcpQuickAckApp": false,
        "tcpQuickAckAssistant": false,
        "tcpQuickAckReadAssistant": false,
        "connectorIds": [],
        "serverGroupIds": [],
        "connectors": [],
        "serverGroups": [],
        "npAssistantGroup": null,
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

fn complete(map: &mut Map<String, Value>, _: i64) {
    fill_map(map, defaults());
}

fn seed(s: &mut Seeder<'_>) -> Vec<Value> {
    let cert = super::provisioning_keys::cert_id(s.tenant, "Connector");
    (0..LOCATIONS.len() * 2)
        .map(|i| {
            let (location, city, cc, lat, lon, code) = LOCATIONS[i % LOCATIONS.len()];
            let name = format!("ACG-{}-{:02}", code.to_uppercase(), i / LOCATIONS.len() + 1);
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("App connectors in {location}")),
                "enabled": i != 7,
                "location": location,
                "cityCountry": city,
                "countryCode": cc,
                "latitude": lat,
                "longitude": lon,
                "dnsQueryType": *s.pick(&DNS_QUERY_TYPES),
                "enrollmentCertId": cert,
                "lssAppConnectorGroup": i == 0,
                "upgradeDay": *s.pick(&DAYS),
                "praEnabled": i % 3 == 0,
            });
            super::fill(&mut r, seed_common(s, if i < 2 { 0.0 } else { 0.2 }));
            super::with_defaults(r, defaults())
        })
        .collect()
}
