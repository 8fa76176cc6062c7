//! ZIA `zia_rule_labels` endpoints: labels attached to policy rules.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zia;
use crate::engine::ResourceDef;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// Seeded labels `(id, name)`; rules reference them by id.
pub const LABELS_TABLE: [(i64, &str); 6] = [
    (3_300_001, "PCI Scope"),
    (3_300_002, "Change Freeze"),
    (3_300_003, "Temporary Exception"),
    (3_300_004, "Audit 2026"),
    (3_300_005, "Managed by Terraform"),
    (3_300_006, "Security Team"),
];

pub static RULE_LABELS: ResourceDef = ResourceDef {
    complete: complete_label,
    ..zia("zia.rule_labels", seed_labels)
};

pub static RESOURCES: &[&ResourceDef] = &[&RULE_LABELS];

pub fn routes() -> Vec<Route> {
    const ONE: &str = "/zia/api/v1/ruleLabels/{labelId}";
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/ruleLabels",
            Op::List(&RULE_LABELS),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/ruleLabels",
            Op::Create(&RULE_LABELS),
        ),
        Route::new(Method::GET, ONE, Op::Get(&RULE_LABELS)),
        Route::new(Method::PUT, ONE, Op::Replace(&RULE_LABELS)),
        Route::new(Method::DELETE, ONE, Op::Delete(&RULE_LABELS)),
    ]
}

fn complete_label(label: &mut Map<String, Value>, now: i64) {
    label.entry("description").or_insert(Value::Null);
    label.entry("referencedRuleCount").or_insert(json!(0));
    label.insert("lastModifiedTime".to_string(), json!(now));
    label.insert(
        "lastModifiedBy".to_string(),
        json!({"id": 1_000_001, "name": "admin@sandbox.zscaler.example"}),
    );
    label
        .entry("createdBy")
        .or_insert(json!({"id": 1_000_001, "name": "admin@sandbox.zscaler.example"}));
}

fn seed_labels(s: &mut Seeder<'_>) -> Vec<Value> {
    LABELS_TABLE
        .iter()
        .map(|(id, name)| {
            let admin = json!({"id": 1_000_001, "name": "admin@sandbox.zscaler.example"});
            json!({
                "id": id,
                "name": name,
                "description": s.text(&format!("Rules tagged {name}")),
                "lastModifiedTime": s.epoch_within(120),
                "lastModifiedBy": admin,
                "createdBy": admin,
                "referencedRuleCount": s.int(0, 6),
            })
        })
        .collect()
}
