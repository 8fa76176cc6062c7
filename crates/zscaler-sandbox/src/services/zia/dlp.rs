//! ZIA `zia_dlp` endpoints: DLP dictionaries and engines (read-only here) and web DLP rules.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{
    check_rule_body, contains, default_rule_lists_and_stamp, lite, param, refs_from_table, respond,
    select,
};
use super::zia;
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// A seeded rule: name, action, engines, departments, groups.
type SeedRule = (
    &'static str,
    &'static str,
    &'static [usize],
    &'static [usize],
    &'static [usize],
);

/// Actions a web DLP rule may take.
pub const ACTIONS: [&str; 4] = ["ALLOW", "BLOCK", "ICAP_RESPONSE", "ANY"];

/// Predefined dictionaries: `(id, name, dictionaryType, nameL10nTag)`.
const DICTIONARIES: [(i64, &str, &str); 10] = [
    (1, "CREDIT_CARD_NUMBERS", "PATTERNS_AND_PHRASES"),
    (2, "US_SSN", "PATTERNS_AND_PHRASES"),
    (3, "UK_NATIONAL_INSURANCE_NUMBER", "PATTERNS_AND_PHRASES"),
    (4, "MEDICAL_INFORMATION", "PATTERNS_AND_PHRASES"),
    (5, "SOURCE_CODE", "PATTERNS_AND_PHRASES"),
    (6, "FINANCIAL_STATEMENTS", "PATTERNS_AND_PHRASES"),
    (7, "AWS_ACCESS_KEYS", "PATTERNS_AND_PHRASES"),
    (8, "EMAIL_ADDRESSES", "PATTERNS_AND_PHRASES"),
    (9, "SELF_HARM", "PATTERNS_AND_PHRASES"),
    (10, "CYBER_BULLYING", "PATTERNS_AND_PHRASES"),
];

/// Engines: `(id, name, predefinedEngineName, expression)`.
const ENGINES: [(i64, &str, Option<&str>, &str); 6] = [
    (60, "PCI", Some("PCI"), "((D1.S > 1))"),
    (61, "HIPAA", Some("HIPAA"), "((D2.S > 1) AND (D4.S > 2))"),
    (62, "GLBA", Some("GLBA"), "((D2.S > 1) AND (D6.S > 2))"),
    (
        63,
        "Offensive Language",
        Some("OFFENSIVE_LANGUAGE"),
        "((D9.S > 0) OR (D10.S > 0))",
    ),
    (
        64,
        "Source Code Leakage",
        None,
        "((D5.S > 5) OR (D7.S > 0))",
    ),
    (65, "UK PII", None, "((D3.S > 2) AND (D8.S > 5))"),
];

pub static DLP_DICTIONARIES: ResourceDef = zia("zia.dlp_dictionaries", seed_dictionaries);

pub static DLP_ENGINES: ResourceDef = zia("zia.dlp_engines", seed_engines);

pub static WEB_DLP_RULES: ResourceDef = ResourceDef {
    complete: complete_dlp_rule,
    ..zia("zia.web_dlp_rules", seed_rules)
};

pub static RESOURCES: &[&ResourceDef] = &[&DLP_DICTIONARIES, &DLP_ENGINES, &WEB_DLP_RULES];

pub fn routes() -> Vec<Route> {
    const RULE: &str = "/zia/api/v1/webDlpRules/{ruleId}";
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/dlpDictionaries",
            Op::List(&DLP_DICTIONARIES),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/dlpDictionaries/lite",
            Op::Custom(dictionaries_lite),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/dlpDictionaries/{dictId}",
            Op::Get(&DLP_DICTIONARIES),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/dlpEngines",
            Op::List(&DLP_ENGINES),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/dlpEngines/lite",
            Op::Custom(engines_lite),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/dlpEngines/{engineId}",
            Op::Get(&DLP_ENGINES),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/webDlpRules",
            Op::List(&WEB_DLP_RULES),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/webDlpRules",
            Op::Custom(create_rule),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/webDlpRules/lite",
            Op::Custom(rules_lite),
        ),
        Route::new(Method::GET, RULE, Op::Get(&WEB_DLP_RULES)),
        Route::new(Method::PUT, RULE, Op::Custom(replace_rule)),
        Route::new(Method::DELETE, RULE, Op::Delete(&WEB_DLP_RULES)),
    ]
}

/// `{id, name, nameL10nTag}` of each dictionary.
fn dictionaries_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let search = param(call, "search");
    let records = select(call, &DLP_DICTIONARIES, |d| {
        search.is_none_or(|s| contains(d, "name", s))
    })
    .iter()
    .map(|d| {
        let mut l = lite(d);
        if let Value::Object(m) = &mut l {
            m.insert(
                "nameL10nTag".into(),
                d.get("nameL10nTag").cloned().unwrap_or(Value::Null),
            );
        }
        l
    })
    .collect();
    respond(call, DLP_DICTIONARIES.envelope, records)
}

/// `{id, name, predefinedEngineName}` of each engine.
fn engines_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let records = engine::records(call.tenant, &DLP_ENGINES)
        .map(|e| {
            let mut l = lite(e);
            if let Value::Object(m) = &mut l {
                m.insert(
                    "predefinedEngineName".into(),
                    e.get("predefinedEngineName")
                        .cloned()
                        .unwrap_or(Value::Null),
                );
            }
            l
        })
        .collect();
    respond(call, DLP_ENGINES.envelope, records)
}

/// `{id, name, order}` of each rule.
fn rules_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let records = engine::records(call.tenant, &WEB_DLP_RULES)
        .map(|r| {
            let mut l = lite(r);
            if let Value::Object(m) = &mut l {
                m.insert(
                    "order".into(),
                    r.get("order").cloned().unwrap_or(Value::Null),
                );
            }
            l
        })
        .collect();
    respond(call, WEB_DLP_RULES.envelope, records)
}

/// DLP rule bodies: the shared rule checks, and `dlpEngines` must name existing engines.
fn check_dlp_rule(call: &Call<'_>) -> Result<(), ApiError> {
    check_rule_body(call.body, &ACTIONS)?;
    if let Some(engines) = call
        .body
        .and_then(|b| b.get("dlpEngines"))
        .and_then(Value::as_array)
    {
        for e in engines {
            let id = e.get("id").map(crate::tenant::id_text).unwrap_or_default();
            if engine::record(call.tenant, &DLP_ENGINES, &id).is_none() {
                return Err(engine::invalid(
                    crate::product::Product::Zia,
                    format!("DLP engine {id} does not exist"),
                ));
            }
        }
    }
    Ok(())
}

fn create_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_dlp_rule(call)?;
    engine::create(&WEB_DLP_RULES, call)
}

fn replace_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_dlp_rule(call)?;
    engine::replace(&WEB_DLP_RULES, call)
}

fn complete_dlp_rule(rule: &mut Map<String, Value>, now: i64) {
    rule.entry("action").or_insert(json!("ALLOW"));
    rule.entry("protocols").or_insert(json!(["ANY_RULE"]));
    rule.entry("minSize").or_insert(json!(0));
    rule.entry("matchOnly").or_insert(json!(false));
    rule.entry("withoutContentInspection")
        .or_insert(json!(false));
    rule.entry("dlpDownloadScanEnabled").or_insert(json!(false));
    rule.entry("zccNotificationsEnabled")
        .or_insert(json!(false));
    rule.entry("ocrEnabled").or_insert(json!(false));
    rule.entry("externalAuditorEmail").or_insert(Value::Null);
    default_rule_lists_and_stamp(
        rule,
        &[
            "fileTypes",
            "cloudApplications",
            "dlpEngines",
            "urlCategories",
            "excludedGroups",
            "excludedDepartments",
            "excludedUsers",
            "includedDomainProfiles",
            "excludedDomainProfiles",
            "sourceIpGroups",
            "workloadGroups",
            "subRules",
        ],
        &[
            "auditor",
            "notificationTemplate",
            "icapServer",
            "zscalerIncidentReceiver",
            "severity",
            "parentRule",
        ],
        now,
    );
}

fn seed_dictionaries(s: &mut Seeder<'_>) -> Vec<Value> {
    DICTIONARIES
        .iter()
        .map(|(id, name, kind)| {
            let pretty = name.replace('_', " ").to_lowercase();
            json!({
                "id": id,
                "name": name,
                "description": s.text(&format!("Predefined dictionary: {pretty}")),
                "confidenceThreshold": "CONFIDENCE_LEVEL_MEDIUM",
                "phrases": [],
                "customPhraseMatchType": "MATCH_ANY_CUSTOM_PHRASE_PATTERN_DICTIONARY",
                "patterns": [],
                "nameL10nTag": true,
                "thresholdType": "VIOLATION_COUNT_ONLY",
                "dictionaryType": kind,
                "exactDataMatchDetails": [],
                "idmProfileMatchAccuracy": [],
                "proximity": 0,
                "custom": false,
                "customPhraseSupported": false,
                "dictionaryCloningEnabled": true,
                "proximityLengthEnabled": false,
                "predefinedCountActionType": "PREDEFINED_COUNT_ACTION_ALL",
            })
        })
        .collect()
}

fn seed_engines(s: &mut Seeder<'_>) -> Vec<Value> {
    ENGINES
        .iter()
        .map(|(id, name, predefined, expression)| {
            json!({
                "id": id,
                "name": name,
                "predefinedEngineName": predefined,
                "engineExpression": expression,
                "customDlpEngine": predefined.is_none(),
                "description": s.text(&format!("{name} DLP engine")),
            })
        })
        .collect()
}

fn seed_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    use super::users::{DEPARTMENTS_TABLE, GROUPS_TABLE};
    let engines: Vec<(i64, &str)> = ENGINES.iter().map(|e| (e.0, e.1)).collect();
    // (name, action, engines, departments, groups)
    let named: [SeedRule; 5] = [
        ("Block PCI Uploads", "BLOCK", &[0], &[], &[]),
        ("Monitor HIPAA", "ALLOW", &[1], &[], &[]),
        ("Block Source Code Leakage", "BLOCK", &[4], &[0], &[0]),
        ("Finance GLBA", "BLOCK", &[2], &[1], &[1]),
        ("Offensive Language Audit", "ALLOW", &[3], &[], &[]),
    ];
    let n = named.len().min(super::common::MAX_SEEDED_RULES);
    (0..n)
        .map(|i| {
            let (name, action, engine_picks, depts, groups) = match named.get(i) {
                Some((n, a, e, d, g)) => (n.to_string(), *a, e.to_vec(), d.to_vec(), g.to_vec()),
                None => (format!("DLP rule {i:05}"), *s.pick(&["ALLOW", "BLOCK"]), vec![i % engines.len()], Vec::new(), Vec::new()),
            };
            let mut rule = json!({
                "name": name,
                "order": i + 1,
                "rank": 7,
                "state": if s.chance(0.9) { "ENABLED" } else { "DISABLED" },
                "action": action,
                "description": s.text(&format!("{name} (seeded)")),
                "protocols": ["FTP_RULE", "HTTPS_RULE", "HTTP_RULE"],
                "dlpEngines": refs_from_table(&engines, &engine_picks),
                "departments": refs_from_table(&DEPARTMENTS_TABLE, &depts),
                "groups": refs_from_table(&GROUPS_TABLE, &groups),
                "minSize": 0,
                "matchOnly": action == "ALLOW",
                "severity": *s.pick(&["RULE_SEVERITY_HIGH", "RULE_SEVERITY_MEDIUM", "RULE_SEVERITY_LOW"]),
                "enableFullLogging": s.chance(0.3),
            });
            if let Value::Object(map) = &mut rule {
                complete_dlp_rule(map, s.tenant.now());
                map.insert("lastModifiedTime".into(), json!(s.epoch_within(120)));
            }
            rule
        })
        .collect()
}
