//! ZIA (`/zia/api/v1`): bare-array lists, integer ids, `search` substring on names, writes
//! staged until `POST /status/activate`.

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::engine::{Call, Filter, IdKind, Match, Reply, ResourceDef, no_completion};
use crate::envelope::Envelope;
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

const BASE: Envelope = Envelope::BareArray {
    default_page_size: None,
    max_page_size: 10_000,
};

/// A ZIA resource with the service's defaults.
const fn zia(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zia,
        id_kind: IdKind::Int,
        id_field: "id",
        name_field: Some("name"),
        unique_name: true,
        required: &["name"],
        parent: None,
        envelope: BASE,
        filters: &[Filter {
            param: "search",
            field: "name",
            how: Match::Contains,
        }],
        needs_activation: true,
        seed,
        complete: no_completion,
    }
}

pub static FIREWALL_RULES: ResourceDef = ResourceDef {
    complete: complete_rule,
    ..zia("zia.firewall_rules", seed_firewall_rules)
};

pub static USERS: ResourceDef = ResourceDef {
    envelope: Envelope::BareArray {
        default_page_size: Some(100),
        max_page_size: 10_000,
    },
    filters: &[
        Filter {
            param: "name",
            field: "name",
            how: Match::Contains,
        },
        Filter {
            param: "search",
            field: "name",
            how: Match::Contains,
        },
    ],
    required: &["name", "email"],
    ..zia("zia.users", seed_users)
};

pub static RESOURCES: &[&ResourceDef] = &[&FIREWALL_RULES, &USERS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(Method::GET, "/zia/api/v1/status", Op::Custom(status)),
        Route::new(
            Method::POST,
            "/zia/api/v1/status/activate",
            Op::Custom(activate),
        ),
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
        Route::new(Method::GET, "/zia/api/v1/users", Op::List(&USERS)),
        Route::new(Method::GET, "/zia/api/v1/users/{userId}", Op::Get(&USERS)),
    ]
}

/// `GET /status`: `ACTIVE`, or `PENDING` while changes wait for activation.
fn status(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let status = if call.tenant.zia_pending {
        "PENDING"
    } else {
        "ACTIVE"
    };
    Ok(Reply::ok(json!({"status": status})))
}

/// `POST /status/activate`: applies pending changes.
fn activate(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    call.tenant.zia_pending = false;
    Ok(Reply::ok(json!({"status": "ACTIVE"})))
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

fn seed_users(s: &mut Seeder<'_>) -> Vec<Value> {
    const FIRST: [&str; 8] = [
        "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana",
    ];
    const DEPTS: [&str; 4] = ["Engineering", "Finance", "Sales", "IT"];
    let n = s.count(25);
    (0..n)
        .map(|i| {
            let first = s.pick(&FIRST).to_string();
            let dept = s.pick(&DEPTS).to_string();
            json!({
                "name": format!("{first} User{i:05}"),
                "email": format!("{}.user{i:05}@example.com", first.to_lowercase()),
                "department": {"id": 1000 + DEPTS.iter().position(|d| *d == dept).unwrap_or(0), "name": dept},
                "groups": [],
                "comments": s.text(""),
                "adminUser": false,
                "deleted": false,
            })
        })
        .collect()
}
