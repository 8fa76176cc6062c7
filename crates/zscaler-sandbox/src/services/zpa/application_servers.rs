//! ZPA `zpa_application_servers` endpoints (`/server`). A server's `appServerGroupIds` also
//! list the server groups that name it.

use serde_json::{Map, Value, json};

use super::{Res, check_ids, crud, fill_map, ref_ids, seed_common, server_groups::SERVER_GROUPS};
use crate::engine::{self, ResourceDef};
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static APP_SERVERS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, defaults()),
    required: &["name", "address"],
    ..super::zpa("zpa.app_servers", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&APP_SERVERS];

pub struct AppServers;

impl Res for AppServers {
    fn def() -> &'static ResourceDef {
        &APP_SERVERS
    }
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        _existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        check_ids(tenant, map, "appServerGroupIds", &SERVER_GROUPS)
    }
    fn view(tenant: &Tenant, record: &mut Value) {
        let id = super::rid(record);
        let mut ids = ref_ids(record, "appServerGroupIds");
        for g in engine::records(tenant, &SERVER_GROUPS) {
            let gid = super::rid(g);
            if !ids.contains(&gid) && ref_ids(g, "servers").contains(&id) {
                ids.push(gid);
            }
        }
        record["appServerGroupIds"] = json!(ids);
    }
    fn before_delete(tenant: &Tenant, record: &Value) -> Result<(), ApiError> {
        let id = super::rid(record);
        if let Some(g) =
            engine::records(tenant, &SERVER_GROUPS).find(|g| ref_ids(g, "servers").contains(&id))
        {
            return Err(super::invalid(format!(
                "Application server {id} is in use by server group {}",
                g["name"]
            )));
        }
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    crud::<AppServers>(v1!("/server"), v1!("/server/{serverId}"), "LCGRD")
}

fn defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "address": null,
        "enabled": true,
        "appServerGroupIds": [],
        "configSpace": "DEFAULT",
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
    const HOSTS: [&str; 12] = [
        "web01", "web02", "api01", "api02", "db01", "db02", "files01", "files02", "jump01",
        "jump02", "erp01", "erp02",
    ];
    HOSTS
        .iter()
        .map(|host| {
            let address = if s.chance(0.5) {
                format!("{host}.corp.example.com")
            } else {
                s.ipv4()
            };
            let mut r = json!({
                "name": format!("srv-{host}"),
                "description": s.text(&format!("Application server {host}")),
                "address": address,
                "enabled": s.chance(0.9),
            });
            super::fill(&mut r, seed_common(s, 0.0));
            super::with_defaults(r, defaults())
        })
        .collect()
}
