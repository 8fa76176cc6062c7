//! ZPA `zpa_segment_groups` endpoints: segment groups (v1 list/get/create/delete, v2 update).
//! A group's `applications` are computed from the app segments that name it, and a group still
//! holding app segments cannot be deleted.

use serde_json::{Map, Value, json};

use super::{Res, app_segments::APP_SEGMENTS, crud, fill_map, seed_common};
use crate::engine::{self, ResourceDef};
use crate::errors::ApiError;
use crate::routes::Route;
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static SEGMENT_GROUPS: ResourceDef = ResourceDef {
    complete,
    ..super::zpa("zpa.segment_groups", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&SEGMENT_GROUPS];

pub struct SegmentGroups;

impl Res for SegmentGroups {
    fn def() -> &'static ResourceDef {
        &SEGMENT_GROUPS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["applications"];
    fn view(tenant: &Tenant, record: &mut Value) {
        let id = super::rid(record);
        let apps: Vec<Value> = engine::records(tenant, &APP_SEGMENTS)
            .filter(|a| a.get("segmentGroupId").and_then(super::text).as_deref() == Some(&id))
            .map(|a| {
                json!({
                    "id": a["id"],
                    "name": a["name"],
                    "enabled": a["enabled"],
                    "domainNames": a["domainNames"],
                    "tcpPortRanges": a["tcpPortRanges"],
                    "udpPortRanges": a["udpPortRanges"],
                    "serverGroups": a["serverGroups"],
                })
            })
            .collect();
        record["applications"] = Value::Array(apps);
    }
    fn before_delete(tenant: &Tenant, record: &Value) -> Result<(), ApiError> {
        let id = super::rid(record);
        let n = engine::records(tenant, &APP_SEGMENTS)
            .filter(|a| a.get("segmentGroupId").and_then(super::text).as_deref() == Some(&id))
            .count();
        if n > 0 {
            return Err(super::invalid(format!(
                "Segment group {id} is in use by {n} application segment(s); move or delete them first"
            )));
        }
        Ok(())
    }
}

pub fn routes() -> Vec<Route> {
    let mut routes =
        crud::<SegmentGroups>(v1!("/segmentGroup"), v1!("/segmentGroup/{groupId}"), "LCGD");
    routes.extend(crud::<SegmentGroups>(
        "",
        v2!("/segmentGroup/{groupId}"),
        "R",
    ));
    routes
}

fn defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "enabled": true,
        "configSpace": "DEFAULT",
        "applications": [],
        "policyMigrated": true,
        "tcpKeepAliveEnabled": "0",
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

/// Group names, in seeding order; app segments spread over them.
pub const NAMES: [&str; 8] = [
    "Corporate Apps",
    "Engineering Tools",
    "Finance Systems",
    "HR Portal",
    "Data Center East",
    "Data Center West",
    "PRA Targets",
    "Browser Access Apps",
];

fn seed(s: &mut Seeder<'_>) -> Vec<Value> {
    NAMES
        .iter()
        .map(|name| {
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("{name} segment group")),
                "enabled": s.chance(0.9),
            });
            super::fill(&mut r, seed_common(s, 0.2));
            super::with_defaults(r, defaults())
        })
        .collect()
}
