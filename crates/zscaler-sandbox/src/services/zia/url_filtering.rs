//! ZIA `zia_url_filtering` endpoints: URL filtering rules.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{check_rule_body, default_rule_lists_and_stamp, refs_from_table};
use super::zia;
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// A seeded rule: name, action, URL categories, departments, groups, time windows.
type SeedRule = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [usize],
    &'static [usize],
    &'static [usize],
);

/// Actions a URL filtering rule may take.
pub const ACTIONS: [&str; 5] = ["ALLOW", "CAUTION", "BLOCK", "ISOLATE", "ICAP_RESPONSE"];

pub static URL_FILTERING_RULES: ResourceDef = ResourceDef {
    complete: complete_url_rule,
    ..zia("zia.url_filtering_rules", seed_rules)
};

pub static RESOURCES: &[&ResourceDef] = &[&URL_FILTERING_RULES];

pub fn routes() -> Vec<Route> {
    const ONE: &str = "/zia/api/v1/urlFilteringRules/{ruleId}";
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/urlFilteringRules",
            Op::List(&URL_FILTERING_RULES),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/urlFilteringRules",
            Op::Custom(create),
        ),
        Route::new(Method::GET, ONE, Op::Get(&URL_FILTERING_RULES)),
        Route::new(Method::PUT, ONE, Op::Custom(replace)),
        Route::new(Method::DELETE, ONE, Op::Delete(&URL_FILTERING_RULES)),
    ]
}

fn create(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_rule_body(call.body, &ACTIONS)?;
    engine::create(&URL_FILTERING_RULES, call)
}

fn replace(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_rule_body(call.body, &ACTIONS)?;
    engine::replace(&URL_FILTERING_RULES, call)
}

fn complete_url_rule(rule: &mut Map<String, Value>, now: i64) {
    rule.entry("action").or_insert(json!("ALLOW"));
    rule.entry("protocols").or_insert(json!(["ANY_RULE"]));
    rule.entry("requestMethods").or_insert(json!([
        "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "OTHER", "POST", "PUT", "TRACE"
    ]));
    rule.entry("enforceTimeValidity").or_insert(json!(false));
    rule.entry("blockOverride").or_insert(json!(false));
    rule.entry("ciparule").or_insert(json!(false));
    default_rule_lists_and_stamp(
        rule,
        &[
            "urlCategories",
            "urlCategories2",
            "userAgentTypes",
            "deviceTrustLevels",
            "devices",
            "deviceGroups",
            "overrideUsers",
            "overrideGroups",
            "sourceIpGroups",
            "userRiskScoreLevels",
        ],
        &[
            "cbiProfile",
            "endUserNotificationUrl",
            "validityStartTime",
            "validityEndTime",
            "validityTimeZoneId",
            "timeQuota",
            "sizeQuota",
        ],
        now,
    );
}

fn seed_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    use super::locations::LOCATIONS_TABLE;
    use super::rule_labels::LABELS_TABLE;
    use super::time_intervals::INTERVALS_TABLE;
    use super::users::{DEPARTMENTS_TABLE, GROUPS_TABLE};
    let locations: Vec<(i64, &str)> = LOCATIONS_TABLE.iter().map(|l| (l.0, l.1)).collect();
    // (name, action, categories, departments, groups, time windows)
    let named: [SeedRule; 8] = [
        (
            "Block Malicious Categories",
            "BLOCK",
            &["MALWARE_SITE", "PHISHING", "BOTNET", "SPYWARE_OR_ADWARE"],
            &[],
            &[],
            &[],
        ),
        ("Block Gambling", "BLOCK", &["GAMBLING"], &[], &[], &[]),
        (
            "Caution Streaming During Work",
            "CAUTION",
            &["STREAMING_MEDIA"],
            &[],
            &[],
            &[0],
        ),
        (
            "Allow Approved SaaS",
            "ALLOW",
            &["CUSTOM_01"],
            &[],
            &[],
            &[],
        ),
        (
            "Isolate Uncategorized",
            "ISOLATE",
            &["MISCELLANEOUS_OR_UNKNOWN"],
            &[],
            &[5],
            &[],
        ),
        (
            "Block Blocked Domains",
            "BLOCK",
            &["CUSTOM_02", "CUSTOM_04"],
            &[],
            &[],
            &[],
        ),
        (
            "Caution Social Networking",
            "CAUTION",
            &["SOCIAL_NETWORKING"],
            &[1, 4],
            &[],
            &[0],
        ),
        (
            "Allow AI Apps for Engineering",
            "ALLOW",
            &["AI_ML_APPS"],
            &[0],
            &[0],
            &[],
        ),
    ];
    let n = s.large(named.len());
    (0..n)
        .map(|i| {
            let (name, action, categories, depts, groups, windows) = match named.get(i) {
                Some((n, a, c, d, g, w)) => (
                    n.to_string(),
                    *a,
                    c.to_vec(),
                    d.to_vec(),
                    g.to_vec(),
                    w.to_vec(),
                ),
                None => {
                    let action = *s.pick(&["ALLOW", "BLOCK", "CAUTION"]);
                    let category = super::url_categories::PREDEFINED[s.int(0, 23) as usize].0;
                    (
                        format!("URL rule {i:05}"),
                        action,
                        vec![category],
                        Vec::new(),
                        Vec::new(),
                        Vec::new(),
                    )
                }
            };
            let location_picks: Vec<usize> = if i % 3 == 0 { vec![0, 1] } else { Vec::new() };
            let label_picks: Vec<usize> = if i % 4 == 1 {
                vec![i % LABELS_TABLE.len()]
            } else {
                Vec::new()
            };
            let mut rule = json!({
                "name": name,
                "order": i + 1,
                "rank": 7,
                "state": if s.chance(0.85) { "ENABLED" } else { "DISABLED" },
                "action": action,
                "description": s.text(&format!("{name} (seeded)")),
                "urlCategories": categories,
                "protocols": ["ANY_RULE"],
                "locations": refs_from_table(&locations, &location_picks),
                "departments": refs_from_table(&DEPARTMENTS_TABLE, &depts),
                "groups": refs_from_table(&GROUPS_TABLE, &groups),
                "timeWindows": refs_from_table(&INTERVALS_TABLE, &windows),
                "labels": refs_from_table(&LABELS_TABLE, &label_picks),
                "enableFullLogging": s.chance(0.3),
                "blockOverride": action == "CAUTION",
            });
            if let Value::Object(map) = &mut rule {
                complete_url_rule(map, s.tenant.now());
                map.insert("lastModifiedTime".into(), json!(s.epoch_within(120)));
            }
            rule
        })
        .collect()
}
