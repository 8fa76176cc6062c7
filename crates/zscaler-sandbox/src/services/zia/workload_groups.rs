//! ZIA `zia_workload_groups` endpoints: workload groups (tag expressions over cloud workloads).

use axum::http::Method;
use serde_json::{Value, json};

use super::zia;
use crate::engine::ResourceDef;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static WORKLOAD_GROUPS: ResourceDef = zia("zia.workload_groups", seed_groups);

pub static RESOURCES: &[&ResourceDef] = &[&WORKLOAD_GROUPS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/workloadGroups",
            Op::List(&WORKLOAD_GROUPS),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/workloadGroups/{groupId}",
            Op::Get(&WORKLOAD_GROUPS),
        ),
    ]
}

fn seed_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const GROUPS: [(&str, &str, &str); 6] = [
        ("AWS Production", "ATTR", "env=prod"),
        ("AWS Staging", "ATTR", "env=staging"),
        ("Azure Finance VMs", "VPC", "vnet-finance"),
        ("GCP Analytics", "ENI", "team=analytics"),
        ("Payment Workloads", "ATTR", "app=payments"),
        ("Legacy Datacenter", "VPC", "vpc-0a1b2c3d"),
    ];
    GROUPS
        .iter()
        .enumerate()
        .map(|(i, (name, tag_type, tag))| {
            let (key, value) = tag.split_once('=').unwrap_or(("Vpc-id", tag));
            json!({
                "id": 6_600_001 + i as i64,
                "name": name,
                "description": s.text(&format!("{name} workloads")),
                "expression": format!("{tag_type}.{key} = \"{value}\""),
                "expressionJson": {
                    "expressionContainers": [{
                        "tagType": tag_type,
                        "operator": "AND",
                        "tagContainer": {
                            "tags": [{"key": key, "value": value}],
                            "operator": "AND",
                        },
                    }],
                },
                "lastModifiedTime": s.epoch_within(200),
                "lastModifiedBy": {"id": 1_000_001, "name": "admin@sandbox.zscaler.example"},
            })
        })
        .collect()
}
