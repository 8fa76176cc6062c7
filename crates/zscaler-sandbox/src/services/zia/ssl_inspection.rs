//! ZIA `zia_ssl_inspection` endpoints: SSL inspection rules and the cloud applications that
//! SSL inspection policy can reference.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{crud_routes, guard_delete, rule_record, rule_write, seeded_refs};
use super::zia;
use crate::engine::{self, Call, Filter, IdKind, Match, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static SSL_RULES: ResourceDef = ResourceDef {
    complete: complete_ssl_rule,
    ..zia("zia.ssl_inspection_rules", seed_ssl_rules)
};

/// Cloud applications usable in SSL inspection policy (read-only catalog).
pub static SSL_CLOUD_APPS: ResourceDef = ResourceDef {
    id_kind: IdKind::Slug,
    id_field: "app",
    name_field: Some("appName"),
    unique_name: false,
    required: &["app"],
    filters: &[
        Filter {
            param: "search",
            field: "appName",
            how: Match::Contains,
        },
        Filter {
            param: "appClass",
            field: "parent",
            how: Match::Exact,
        },
    ],
    needs_activation: false,
    ..zia("zia.ssl_cloud_apps", seed_cloud_apps)
};

pub static RESOURCES: &[&ResourceDef] = &[&SSL_CLOUD_APPS, &SSL_RULES];

pub fn routes() -> Vec<Route> {
    let mut all = vec![Route::new(
        Method::GET,
        "/zia/api/v1/cloudApplications/sslPolicy",
        Op::List(&SSL_CLOUD_APPS),
    )];
    all.extend(crud_routes(
        "/zia/api/v1/sslInspectionRules",
        "/zia/api/v1/sslInspectionRules/{ruleId}",
        &SSL_RULES,
        [create_rule, replace_rule, delete_rule],
    ));
    all
}

const ACTION_TYPES: [&str; 3] = ["DECRYPT", "DO_NOT_DECRYPT", "BLOCK"];

fn action_object(kind: &str) -> Value {
    json!({
        "type": kind,
        "showEUN": false,
        "showEUNATP": false,
        "overrideDefaultCertificate": false,
        "sslInterceptionCert": {"id": 1, "name": "Zscaler Intermediate CA Certificate", "defaultCertificate": true},
        "decryptSubActions": if kind == "DECRYPT" {
            json!({
                "serverCertificates": "BLOCK",
                "ocspCheck": true,
                "blockSslTrafficWithNoSniEnabled": true,
                "minClientTLSVersion": "CLIENT_TLS_1_2",
                "minServerTLSVersion": "SERVER_TLS_1_2",
                "blockUndecrypt": true,
                "http2Enabled": true,
            })
        } else {
            Value::Null
        },
        "doNotDecryptSubActions": if kind == "DO_NOT_DECRYPT" {
            json!({
                "bypassOtherPolicies": false,
                "serverCertificates": "ALLOW",
                "ocspCheck": false,
                "blockSslTrafficWithNoSniEnabled": false,
                "minTLSVersion": "SERVER_TLS_1_0",
            })
        } else {
            Value::Null
        },
    })
}

fn complete_ssl_rule(rule: &mut Map<String, Value>, now: i64) {
    // The action is an object; a bare type string is expanded.
    let action = match rule.get("action") {
        Some(Value::String(kind)) => action_object(kind),
        Some(Value::Object(map)) => {
            let kind = map.get("type").and_then(Value::as_str).unwrap_or("DECRYPT");
            let mut full = action_object(kind);
            if let Value::Object(full_map) = &mut full {
                for (k, v) in map {
                    full_map.insert(k.clone(), v.clone());
                }
            }
            full
        }
        _ => action_object("DECRYPT"),
    };
    rule.insert("action".into(), action);
    super::common::default_rule_flags_and_stamp(rule, now);
}

fn check_action(call: &Call<'_>) -> Result<(), ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Ok(());
    };
    let kind = match body.get("action") {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::String(kind)) => Some(kind.as_str()),
        Some(Value::Object(map)) => map.get("type").and_then(Value::as_str),
        Some(_) => None,
    };
    if kind.is_some_and(|k| ACTION_TYPES.contains(&k)) {
        return Ok(());
    }
    Err(engine::invalid(
        Product::Zia,
        format!(
            "Invalid 'action': expected an object whose 'type' is one of {}",
            ACTION_TYPES.join(", ")
        ),
    ))
}

fn create_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_action(call)?;
    rule_write(&SSL_RULES, &[], call)
}
fn replace_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_action(call)?;
    rule_write(&SSL_RULES, &[], call)
}
fn delete_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&SSL_RULES, call)
}

fn ssl_fields(rule: &mut Map<String, Value>, kind: &str) {
    rule.insert("action".into(), action_object(kind));
    rule.insert("roadWarriorForKerberos".into(), json!(false));
    rule.insert("urlCategories".into(), json!([]));
    rule.insert("cloudApplications".into(), json!([]));
    rule.insert("platforms".into(), json!([]));
    rule.insert("userAgentTypes".into(), json!([]));
    rule.insert("destIpGroups".into(), json!([]));
    rule.insert("sourceIpGroups".into(), json!([]));
    rule.insert("proxyGateways".into(), json!([]));
    rule.insert("zpaAppSegments".into(), json!([]));
}

fn seed_ssl_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    type Rule = (&'static str, &'static str, &'static [&'static str]);
    const NAMES: [Rule; 5] = [
        (
            "Do Not Inspect Finance and Health",
            "DO_NOT_DECRYPT",
            &["FINANCE", "HEALTH"],
        ),
        ("Inspect Everything Else", "DECRYPT", &[]),
        ("Block Untrusted Certificates", "BLOCK", &[]),
        ("Bypass Pinned Apps", "DO_NOT_DECRYPT", &[]),
        ("Inspect Social Media", "DECRYPT", &["SOCIAL_NETWORKING"]),
    ];
    let n = NAMES.len();
    let mut rules: Vec<Value> = (0..n)
        .map(|i| {
            let (name, kind, categories) = match NAMES.get(i) {
                Some((name, kind, categories)) => (name.to_string(), *kind, *categories),
                None => (format!("SSL inspection rule {i:05}"), "DECRYPT", &[][..]),
            };
            let mut rule = rule_record(s, &name, i + 1, kind);
            ssl_fields(&mut rule, kind);
            rule.insert("urlCategories".into(), json!(categories));
            if name == "Bypass Pinned Apps" {
                rule.insert("cloudApplications".into(), json!(["ZOOM", "WEBEX"]));
            }
            rule.insert("labels".into(), json!(seeded_refs(s, "zia.rule_labels", 1)));
            Value::Object(rule)
        })
        .collect();
    let mut default = rule_record(s, "Default SSL Inspection Rule", n + 1, "DECRYPT");
    ssl_fields(&mut default, "DECRYPT");
    default.insert("order".into(), json!(-1));
    default.insert("state".into(), json!("ENABLED"));
    default.insert("predefined".into(), json!(true));
    default.insert("defaultRule".into(), json!(true));
    default.insert("description".into(), json!("Default SSL inspection rule"));
    rules.push(Value::Object(default));
    rules
}

fn seed_cloud_apps(_: &mut Seeder<'_>) -> Vec<Value> {
    const APPS: [(&str, &str, &str, &str); 16] = [
        (
            "ZOOM",
            "Zoom",
            "ENTERPRISE_COLLABORATION",
            "Enterprise Collaboration",
        ),
        (
            "WEBEX",
            "Cisco Webex",
            "ENTERPRISE_COLLABORATION",
            "Enterprise Collaboration",
        ),
        (
            "MICROSOFT_TEAMS",
            "Microsoft Teams",
            "ENTERPRISE_COLLABORATION",
            "Enterprise Collaboration",
        ),
        (
            "SLACK",
            "Slack",
            "ENTERPRISE_COLLABORATION",
            "Enterprise Collaboration",
        ),
        ("ONEDRIVE", "OneDrive", "FILE_SHARE", "File Sharing"),
        ("DROPBOX", "Dropbox", "FILE_SHARE", "File Sharing"),
        ("BOX", "Box", "FILE_SHARE", "File Sharing"),
        ("GOOGLE_DRIVE", "Google Drive", "FILE_SHARE", "File Sharing"),
        ("GMAIL", "Gmail", "WEBMAIL", "Webmail"),
        ("OUTLOOK", "Outlook.com", "WEBMAIL", "Webmail"),
        ("YAHOO_MAIL", "Yahoo Mail", "WEBMAIL", "Webmail"),
        (
            "FACEBOOK",
            "Facebook",
            "SOCIAL_NETWORKING",
            "Social Networking",
        ),
        (
            "LINKEDIN",
            "LinkedIn",
            "SOCIAL_NETWORKING",
            "Social Networking",
        ),
        (
            "TWITTER",
            "X (Twitter)",
            "SOCIAL_NETWORKING",
            "Social Networking",
        ),
        (
            "SALESFORCE",
            "Salesforce",
            "BUSINESS_PRODUCTIVITY",
            "Business Productivity",
        ),
        (
            "GITHUB",
            "GitHub",
            "BUSINESS_PRODUCTIVITY",
            "Business Productivity",
        ),
    ];
    APPS.iter()
        .map(|(app, name, parent, parent_name)| {
            json!({"app": app, "appName": name, "parent": parent, "parentName": parent_name})
        })
        .collect()
}
