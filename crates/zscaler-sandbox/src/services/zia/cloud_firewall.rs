//! ZIA `zia_cloud_firewall` endpoints: firewall filtering rules and their objects.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zia;
use crate::engine::ResourceDef;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static FIREWALL_RULES: ResourceDef = ResourceDef {
    complete: complete_rule,
    ..zia("zia.firewall_rules", seed_firewall_rules)
};

pub static RESOURCES: &[&ResourceDef] = &[&FIREWALL_RULES];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/firewallFilteringRules",
            Op::List(&FIREWALL_RULES),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/firewallFilteringRules",
            Op::Create(&FIREWALL_RULES),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/firewallFilteringRules/{ruleId}",
            Op::Get(&FIREWALL_RULES),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/firewallFilteringRules/{ruleId}",
            Op::Replace(&FIREWALL_RULES),
        ),
        Route::new(
            Method::DELETE,
            "/zia/api/v1/firewallFilteringRules/{ruleId}",
            Op::Delete(&FIREWALL_RULES),
        ),
    ]
}

fn complete_rule(rule: &mut Map<String, Value>) {
    rule.entry("state").or_insert(json!("ENABLED"));
    rule.entry("order").or_insert(json!(1));
    rule.entry("rank").or_insert(json!(7));
    rule.entry("action").or_insert(json!("ALLOW"));
    rule.entry("predefined").or_insert(json!(false));
    rule.entry("defaultRule").or_insert(json!(false));
}

fn seed_firewall_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 6] = [
        "Block Tor",
        "Allow DNS",
        "Block P2P",
        "Allow Office 365",
        "Block Risky Countries",
        "Allow Internal",
    ];
    let n = s.count(NAMES.len());
    (0..n)
        .map(|i| {
            let name = match NAMES.get(i) {
                Some(name) => name.to_string(),
                None => format!("Firewall rule {i:05}"),
            };
            let action = if name.starts_with("Allow") {
                "ALLOW"
            } else {
                "BLOCK_DROP"
            };
            json!({
                "name": name,
                "order": i + 1,
                "rank": 7,
                "state": if s.chance(0.9) { "ENABLED" } else { "DISABLED" },
                "action": action,
                "description": s.text(&format!("{name} (seeded)")),
                "destAddresses": [],
                "enableFullLogging": s.chance(0.3),
                "predefined": false,
                "defaultRule": false,
                "lastModifiedTime": s.epoch_within(90),
            })
        })
        .collect()
}
