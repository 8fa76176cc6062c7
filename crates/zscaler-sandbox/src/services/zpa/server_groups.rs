//! ZPA `zpa_server_groups` endpoints. A group names its app connector groups and (when dynamic
//! discovery is off) its application servers; its `applications` are computed from the app
//! segments that name it, and `servers` also lists servers that name the group.

use serde_json::{Map, Value, json};

use super::{
    Res, app_connector_groups::APP_CONNECTOR_GROUPS, app_segments::APP_SEGMENTS,
    application_servers::APP_SERVERS, crud, expand_refs, fill_map, ref_ids, seed_common,
};
use crate::engine::{self, ResourceDef};
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static SERVER_GROUPS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, defaults()),
    ..super::zpa("zpa.server_groups", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&SERVER_GROUPS];

pub struct ServerGroups;

impl Res for ServerGroups {
    fn def() -> &'static ResourceDef {
        &SERVER_GROUPS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["applications"];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        expand_refs(tenant, map, "appConnectorGroups", &APP_CONNECTOR_GROUPS)?;
        expand_refs(tenant, map, "servers", &APP_SERVERS)?;
        if map
            .get("appConnectorGroups")
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty)
        {
            return Err(super::invalid(
                "Missing required field 'appConnectorGroups': a server group needs at least one app connector group",
            ));
        }
        let dynamic = map.get("dynamicDiscovery") != Some(&json!(false));
        let servers = map
            .get("servers")
            .and_then(Value::as_array)
            .is_some_and(|s| !s.is_empty());
        if !dynamic && !servers {
            return Err(super::invalid(
                "Missing required field 'servers': a server group without dynamic discovery needs at least one server",
            ));
        }
        Ok(())
    }
    fn view(tenant: &Tenant, record: &mut Value) {
        let id = super::rid(record);
        let apps: Vec<Value> = engine::records(tenant, &APP_SEGMENTS)
            .filter(|a| ref_ids(a, "serverGroups").contains(&id))
            .map(|a| json!({"id": a["id"], "name": a["name"]}))
            .collect();
        record["applications"] = Value::Array(apps);
        let mut servers = record
            .get("servers")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let listed = ref_ids(record, "servers");
        for s in engine::records(tenant, &APP_SERVERS) {
            let sid = super::rid(s);
            if !listed.contains(&sid) && ref_ids(s, "appServerGroupIds").contains(&id) {
                servers.push(json!({"id": s["id"], "name": s["name"]}));
            }
        }
        // Fresh server details (address, enabled) for every listed server.
        for server in &mut servers {
            if let Some(s) = engine::record(tenant, &APP_SERVERS, &super::rid(server)) {
                server["address"] = s["address"].clone();
                server["enabled"] = s["enabled"].clone();
                server["name"] = s["name"].clone();
            }
        }
        record["servers"] = Value::Array(servers);
    }
    fn before_delete(tenant: &Tenant, record: &Value) -> Result<(), ApiError> {
        let id = super::rid(record);
        let n = engine::records(tenant, &APP_SEGMENTS)
            .filter(|a| ref_ids(a, "serverGroups").contains(&id))
            .count();
        if n > 0 {
            return Err(super::invalid(format!(
                "Server group {id} is in use by {n} application segment(s)"
            )));
        }
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    crud::<ServerGroups>(v1!("/serverGroup"), v1!("/serverGroup/{groupId}"), "LCGRD")
}

fn defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "ipAnchored": false,
        "dynamicDiscovery": true,
        "configSpace": "DEFAULT",
        "appConnectorGroups": [],
        "servers": [],
        "applications": [],
        "extranetEnabled": false,
        "extranetDTO": null,
        "weight": null,
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

const NAMES: [&str; 8] = [
    "SG-Web-Frontends",
    "SG-Internal-APIs",
    "SG-Databases",
    "SG-File-Servers",
    "SG-Jump-Hosts",
    "SG-Legacy-ERP",
    "SG-Dev-Clusters",
    "SG-Dynamic-Discovery",
];

fn seed(s: &mut Seeder<'_>) -> Vec<Value> {
    let acgs = super::id_names(s.tenant, &APP_CONNECTOR_GROUPS);
    let servers = super::id_names(s.tenant, &APP_SERVERS);
    if acgs.is_empty() {
        return Vec::new();
    }
    NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let dynamic = i % 3 == 2 || servers.is_empty() || i == NAMES.len() - 1;
            let groups: Vec<Value> = (0..2)
                .map(|k| {
                    let (id, name) = &acgs[(i + k * 5) % acgs.len()];
                    json!({"id": id, "name": name})
                })
                .collect();
            let members: Vec<Value> = if dynamic {
                Vec::new()
            } else {
                (0..2)
                    .map(|k| {
                        let (id, name) = &servers[(i * 2 + k) % servers.len()];
                        json!({"id": id, "name": name})
                    })
                    .collect()
            };
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("{name} servers")),
                "enabled": true,
                "ipAnchored": i == 5,
                "dynamicDiscovery": dynamic,
                "appConnectorGroups": groups,
                "servers": members,
            });
            super::fill(&mut r, seed_common(s, 0.0));
            super::with_defaults(r, defaults())
        })
        .collect()
}
