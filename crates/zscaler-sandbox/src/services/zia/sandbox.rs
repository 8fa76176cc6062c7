//! ZIA `zia_sandbox` endpoints: Sandbox (behavioral analysis) rules, the custom MD5 block list
//! and its quota, the report quota, and per-file Sandbox reports.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::advanced_settings::{settings, settle};
use super::common::{crud_routes, guard_delete, rule_record, rule_write, seeded_refs};
use super::zia;
use crate::engine::{self, Call, IdKind, Reply, ResourceDef};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// Analysed files, keyed by upper-case MD5 (not listable; read through the report endpoint).
pub static REPORTS: ResourceDef = ResourceDef {
    id_kind: IdKind::Slug,
    id_field: "md5",
    name_field: None,
    unique_name: false,
    required: &["md5"],
    filters: &[],
    needs_activation: false,
    ..zia("zia.sandbox_reports", seed_reports)
};

/// `{"fileHashesToBeBlocked": [md5...]}`.
pub static BEHAVIORAL_ANALYSIS: ResourceDef = settings(
    "zia.sandbox_behavioral_analysis",
    seed_behavioral_analysis,
    complete_behavioral_analysis,
);

/// The report API quota (one record; answered as the real API's one-element array).
pub static QUOTA: ResourceDef = ResourceDef {
    needs_activation: false,
    ..settings("zia.sandbox_quota", seed_quota, engine::no_completion)
};

pub static SANDBOX_RULES: ResourceDef = ResourceDef {
    complete: complete_sandbox_rule,
    ..zia("zia.sandbox_rules", seed_sandbox_rules)
};

pub static RESOURCES: &[&ResourceDef] = &[&REPORTS, &BEHAVIORAL_ANALYSIS, &QUOTA, &SANDBOX_RULES];

/// How many MD5 hashes the custom block list holds at most.
pub const MAX_BLOCKED_HASHES: usize = 10_000;

pub fn routes() -> Vec<Route> {
    let mut all = vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/behavioralAnalysisAdvancedSettings",
            Op::GetSingleton(&BEHAVIORAL_ANALYSIS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/behavioralAnalysisAdvancedSettings",
            Op::Custom(put_behavioral_analysis),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/behavioralAnalysisAdvancedSettings/fileHashCount",
            Op::Custom(file_hash_count),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/sandbox/report/quota",
            Op::Custom(quota),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/sandbox/report/{md5Hash}",
            Op::Custom(report),
        ),
    ];
    all.extend(crud_routes(
        "/zia/api/v1/sandboxRules",
        "/zia/api/v1/sandboxRules/{ruleId}",
        &SANDBOX_RULES,
        [create_rule, replace_rule, delete_rule],
    ));
    all
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

fn is_md5(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `GET /sandbox/report/{md5}?details=full|summary` (default summary).
fn report(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let md5 = call.params.last().unwrap_or_default().to_string();
    if !is_md5(&md5) {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid MD5 hash '{md5}': expected 32 hexadecimal characters"),
        ));
    }
    let details = call
        .query
        .first("details")
        .filter(|d| !d.is_empty())
        .unwrap_or("summary")
        .to_ascii_lowercase();
    if details != "full" && details != "summary" {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid value '{details}' for 'details': expected full or summary"),
        ));
    }
    let Some(record) = engine::record(call.tenant, &REPORTS, &md5.to_ascii_uppercase()) else {
        return Err(ApiError::new(
            Some(Product::Zia),
            Kind::NotFound,
            "md5 is unknown or analysis has yet not been completed. Please try again later",
        ));
    };
    let mut full = record.as_object().cloned().unwrap_or_default();
    full.remove("md5");
    if details == "full" {
        return Ok(Reply::ok(json!({"Full Details": full})));
    }
    Ok(Reply::ok(json!({"Summary": {
        "Summary": full.get("Summary").cloned().unwrap_or(Value::Null),
        "Classification": full.get("Classification").cloned().unwrap_or(Value::Null),
        "FileProperties": full.get("FileProperties").cloned().unwrap_or(Value::Null),
    }})))
}

fn seed_reports(s: &mut Seeder<'_>) -> Vec<Value> {
    // file type, category, verdict, score, malware name, size range
    type File = (&'static str, &'static str, &'static str, i64, &'static str);
    const FILES: [File; 8] = [
        ("exe", "EXECS", "MALICIOUS", 100, "Win32.Trojan.Emotet"),
        (
            "dll",
            "EXECS",
            "MALICIOUS",
            95,
            "Win64.Backdoor.CobaltStrike",
        ),
        ("docm", "OFFICE", "MALICIOUS", 88, "VBA.Downloader.Qakbot"),
        ("pdf", "PDF", "SUSPICIOUS", 61, ""),
        ("js", "SCRIPTS", "SUSPICIOUS", 54, ""),
        ("zip", "ARCHIVES", "BENIGN", 12, ""),
        ("xlsx", "OFFICE", "BENIGN", 0, ""),
        ("apk", "ANDROID", "MALICIOUS", 91, "Android.Spyware.Joker"),
    ];
    const COUNTRIES: [&str; 5] = ["Russia", "China", "United States", "Netherlands", "Brazil"];
    FILES
        .iter()
        .map(|(file_type, category, verdict, score, malware)| {
            let md5 = s.hex(32).to_ascii_uppercase();
            let sha1 = s.hex(40);
            let sha256 = s.hex(64);
            let start = s.epoch_within(30);
            let size = s.int(20_000, 9_000_000);
            let risk = match *verdict {
                "MALICIOUS" => "HIGH",
                "SUSPICIOUS" => "MODERATE",
                _ => "LOW",
            };
            let signature = |s: &mut Seeder<'_>, text: &str| {
                json!({"Risk": risk, "Signature": s.text(text), "SignatureSources": [format!("{}.{file_type}", &md5[..8])]})
            };
            let malicious = *verdict != "BENIGN";
            let networking = if malicious {
                vec![signature(s, "Performs DNS lookups of suspicious domains"), signature(s, "Connects to a non-standard port over raw TCP")]
            } else {
                Vec::new()
            };
            let persistence = if *verdict == "MALICIOUS" {
                vec![signature(s, "Creates an autostart registry key")]
            } else {
                Vec::new()
            };
            let country = *s.pick(&COUNTRIES);
            json!({
                "md5": md5,
                "Summary": {
                    "Status": "COMPLETED",
                    "Category": category,
                    "FileType": file_type,
                    "StartTime": start,
                    "Duration": s.int(40_000, 400_000),
                },
                "Classification": {
                    "Type": verdict,
                    "Category": if malicious { json!(category) } else { json!("BENIGN") },
                    "Score": score,
                    "DetectedMalware": malware,
                },
                "FileProperties": {
                    "FileType": file_type,
                    "FileSize": size,
                    "MD5": md5,
                    "SHA1": sha1,
                    "Sha256": sha256,
                    "Issuer": "",
                    "DigitalCerificate": "",
                    "SSDeep": format!("{}:{}:{}", s.int(3, 98_304), s.hex(24), s.hex(16)),
                    "RootCA": "",
                },
                "Origin": {"Risk": risk, "Language": "English", "Country": country},
                "SystemSummary": [signature(s, "Sample was analysed in a Windows 10 x64 environment")],
                "Networking": networking,
                "SecurityBypass": [],
                "Exploit": [],
                "Stealth": [],
                "Spyware": [],
                "Persistence": persistence,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Custom MD5 block list and quotas
// ---------------------------------------------------------------------------------------------

fn complete_behavioral_analysis(map: &mut Map<String, Value>, _: i64) {
    settle(map, json!({"fileHashesToBeBlocked": []}));
}

fn blocked_hashes(call: &Call<'_>) -> Vec<Value> {
    engine::records(call.tenant, &BEHAVIORAL_ANALYSIS)
        .next()
        .and_then(|r| r.get("fileHashesToBeBlocked"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// PUT `{"fileHashesToBeBlocked": [...]}`: replaces the list (MD5s only, at most 10,000).
fn put_behavioral_analysis(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    let Some(Value::Array(hashes)) = body.get("fileHashesToBeBlocked") else {
        return Err(engine::invalid(
            Product::Zia,
            "Missing required field 'fileHashesToBeBlocked'",
        ));
    };
    let mut clean: Vec<String> = Vec::new();
    for hash in hashes {
        let Some(text) = hash.as_str().filter(|t| is_md5(t)) else {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid MD5 hash {hash} in 'fileHashesToBeBlocked'"),
            ));
        };
        let upper = text.to_ascii_uppercase();
        if !clean.contains(&upper) {
            clean.push(upper);
        }
    }
    if clean.len() > MAX_BLOCKED_HASHES {
        return Err(engine::invalid(
            Product::Zia,
            format!("At most {MAX_BLOCKED_HASHES} MD5 hashes can be blocked"),
        ));
    }
    let body = json!({"fileHashesToBeBlocked": clean});
    super::common::call_with_body(call, &body, |c| {
        engine::replace_singleton(&BEHAVIORAL_ANALYSIS, c)
    })
}

fn file_hash_count(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let used = blocked_hashes(call).len();
    Ok(Reply::ok(json!({
        "blockedFileHashesCount": used,
        "remainingFileHashes": MAX_BLOCKED_HASHES.saturating_sub(used),
    })))
}

fn quota(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let record = engine::records(call.tenant, &QUOTA)
        .next()
        .cloned()
        .unwrap_or_else(|| json!({"startTime": call.tenant.anchor, "used": 0, "allowed": 1000, "scale": "DAILY", "unused": 1000}));
    Ok(Reply::ok(json!([record])))
}

fn seed_behavioral_analysis(s: &mut Seeder<'_>) -> Vec<Value> {
    // The malicious verdicts of the seeded reports, plus a few hashes blocked from threat intel.
    let mut hashes: Vec<Value> = s
        .tenant
        .collection("zia.sandbox_reports")
        .map(|c| {
            c.records
                .values()
                .filter(|r| r["Classification"]["Type"] == "MALICIOUS")
                .map(|r| r["md5"].clone())
                .collect()
        })
        .unwrap_or_default();
    for _ in 0..3 {
        hashes.push(json!(s.hex(32).to_ascii_uppercase()));
    }
    vec![json!({"fileHashesToBeBlocked": hashes})]
}

fn seed_quota(s: &mut Seeder<'_>) -> Vec<Value> {
    let used = s.int(5, 400);
    vec![
        json!({"startTime": s.now(), "used": used, "allowed": 1000, "scale": "DAILY", "unused": 1000 - used}),
    ]
}

// ---------------------------------------------------------------------------------------------
// Sandbox rules
// ---------------------------------------------------------------------------------------------

const SANDBOX_ACTIONS: &[&str] = &["ALLOW", "BLOCK"];

fn complete_sandbox_rule(rule: &mut Map<String, Value>, now: i64) {
    if let Some(action) = rule.get("action").cloned() {
        rule.entry("baRuleAction").or_insert(action);
    }
    rule.entry("baRuleAction").or_insert(json!("BLOCK"));
    rule.entry("firstTimeEnable").or_insert(json!(false));
    rule.entry("mlActionEnabled").or_insert(json!(false));
    super::common::default_rule_flags_and_stamp(rule, now);
}

fn create_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&SANDBOX_RULES, SANDBOX_ACTIONS, call)
}
fn replace_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&SANDBOX_RULES, SANDBOX_ACTIONS, call)
}
fn delete_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&SANDBOX_RULES, call)
}

fn sandbox_fields(s: &mut Seeder<'_>, rule: &mut Map<String, Value>, action: &str) {
    const CATEGORIES: [&str; 4] = [
        "ADWARE_BLOCK",
        "BOTMAL_BLOCK",
        "ANONYP2P_BLOCK",
        "RANSOMWARE_BLOCK",
    ];
    const FILE_TYPES: [&str; 6] = [
        "FTCATEGORY_WINDOWS_EXECUTABLES",
        "FTCATEGORY_MS_WORD",
        "FTCATEGORY_PDF_DOCUMENT",
        "FTCATEGORY_ZIP",
        "FTCATEGORY_JAVASCRIPT",
        "FTCATEGORY_APK",
    ];
    rule.insert("baRuleAction".into(), json!(action));
    rule.insert("firstTimeEnable".into(), json!(s.chance(0.5)));
    rule.insert(
        "firstTimeOperation".into(),
        json!(*s.pick(&["ALLOW_SCAN", "QUARANTINE", "ALLOW_NOSCAN"])),
    );
    rule.insert("mlActionEnabled".into(), json!(s.chance(0.5)));
    rule.insert("byThreatScore".into(), json!(s.int(40, 90)));
    rule.insert(
        "baPolicyCategories".into(),
        json!(s.pick_some(&CATEGORIES, 3)),
    );
    rule.insert("fileTypes".into(), json!(s.pick_some(&FILE_TYPES, 4)));
    rule.insert("protocols".into(), json!(["HTTP_RULE", "HTTPS_RULE"]));
    rule.insert("urlCategories".into(), json!([]));
}

fn seed_sandbox_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [(&str, &str); 4] = [
        ("Quarantine Unknown Executables", "BLOCK"),
        ("Block Malicious Office Macros", "BLOCK"),
        ("Allow Engineering Archives", "ALLOW"),
        ("Block Risky Scripts", "BLOCK"),
    ];
    let n = NAMES.len();
    let mut rules: Vec<Value> = (0..n)
        .map(|i| {
            let (name, action) = match NAMES.get(i) {
                Some((name, action)) => (name.to_string(), *action),
                None => (format!("Sandbox rule {i:05}"), "BLOCK"),
            };
            let mut rule = rule_record(s, &name, i + 1, action);
            sandbox_fields(s, &mut rule, action);
            rule.insert("labels".into(), json!(seeded_refs(s, "zia.rule_labels", 1)));
            Value::Object(rule)
        })
        .collect();
    let mut default = rule_record(s, "Default BA Rule", n + 1, "ALLOW");
    sandbox_fields(s, &mut default, "ALLOW");
    default.insert("order".into(), json!(127));
    default.insert("state".into(), json!("ENABLED"));
    default.insert("predefined".into(), json!(true));
    default.insert("defaultRule".into(), json!(true));
    default.insert("description".into(), json!("Default Sandbox rule"));
    rules.push(Value::Object(default));
    rules
}
