//! ZIA `zia_cloud_app_control` endpoints: web application (cloud app control) rules per rule
//! type, the actions available for a set of apps, and the cloud application policy catalogue.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{
    check_rule_body, contains, default_rule_lists_and_stamp, param, refs_from_table, respond,
    respond_refs, select, zia_invalid,
};
use super::zia;
use crate::engine::{self, Call, Parent, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// A seeded rule: name, type, actions, applications, departments, groups.
type SeedRule = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [usize],
    &'static [usize],
);

/// Rule types (= application classes) with their display names and available actions.
pub const RULE_TYPES: [(&str, &str, &[&str]); 6] = [
    (
        "STREAMING_MEDIA",
        "Streaming Media",
        &[
            "ALLOW_STREAMING_VIEW_LISTEN",
            "ALLOW_STREAMING_UPLOAD",
            "BLOCK_STREAMING_UPLOAD",
            "BLOCK_STREAMING_VIEW_LISTEN",
            "CAUTION_STREAMING_VIEW_LISTEN",
            "ISOLATE_STREAMING_VIEW_LISTEN",
        ],
    ),
    (
        "SOCIAL_NETWORKING",
        "Social Networking",
        &[
            "ALLOW_SOCIAL_NETWORKING_VIEW",
            "ALLOW_SOCIAL_NETWORKING_POST",
            "BLOCK_SOCIAL_NETWORKING_VIEW",
            "BLOCK_SOCIAL_NETWORKING_POST",
            "CAUTION_SOCIAL_NETWORKING_VIEW",
            "ISOLATE_SOCIAL_NETWORKING_VIEW",
        ],
    ),
    (
        "WEBMAIL",
        "Webmail",
        &[
            "ALLOW_WEBMAIL_VIEW",
            "ALLOW_WEBMAIL_ATTACHMENT_SEND",
            "ALLOW_WEBMAIL_SEND",
            "BLOCK_WEBMAIL_VIEW",
            "BLOCK_WEBMAIL_ATTACHMENT_SEND",
            "BLOCK_WEBMAIL_SEND",
            "CAUTION_WEBMAIL_VIEW",
            "ISOLATE_WEBMAIL_VIEW",
        ],
    ),
    (
        "FILE_SHARE",
        "File Sharing",
        &[
            "ALLOW_FILE_SHARE_VIEW",
            "ALLOW_FILE_SHARE_UPLOAD",
            "BLOCK_FILE_SHARE_VIEW",
            "BLOCK_FILE_SHARE_UPLOAD",
            "CAUTION_FILE_SHARE_VIEW",
            "ISOLATE_FILE_SHARE_VIEW",
        ],
    ),
    (
        "INSTANT_MESSAGING",
        "Instant Messaging",
        &[
            "ALLOW_CHAT",
            "ALLOW_FILE_TRANSFER_IN_CHAT",
            "BLOCK_CHAT",
            "BLOCK_FILE_TRANSFER_IN_CHAT",
            "CAUTION_CHAT",
            "ISOLATE_CHAT",
        ],
    ),
    (
        "AI_ML",
        "AI & ML Applications",
        &[
            "ALLOW_AI_ML_WEB_USE",
            "ALLOW_AI_ML_UPLOAD",
            "BLOCK_AI_ML_WEB_USE",
            "BLOCK_AI_ML_UPLOAD",
            "CAUTION_AI_ML_WEB_USE",
            "ISOLATE_AI_ML_WEB_USE",
        ],
    ),
];

/// The cloud application catalogue: `(app, display name, rule type / app class)`.
pub const APPS: [(&str, &str, &str); 20] = [
    ("YOUTUBE", "YouTube", "STREAMING_MEDIA"),
    ("NETFLIX", "Netflix", "STREAMING_MEDIA"),
    ("SPOTIFY", "Spotify", "STREAMING_MEDIA"),
    ("FACEBOOK", "Facebook", "SOCIAL_NETWORKING"),
    ("LINKEDIN", "LinkedIn", "SOCIAL_NETWORKING"),
    ("TWITTER", "X (Twitter)", "SOCIAL_NETWORKING"),
    ("INSTAGRAM", "Instagram", "SOCIAL_NETWORKING"),
    ("GMAIL", "Gmail", "WEBMAIL"),
    ("OUTLOOK", "Outlook.com", "WEBMAIL"),
    ("YAHOO_MAIL", "Yahoo Mail", "WEBMAIL"),
    ("DROPBOX", "Dropbox", "FILE_SHARE"),
    ("GDRIVE", "Google Drive", "FILE_SHARE"),
    ("BOX", "Box", "FILE_SHARE"),
    ("WETRANSFER", "WeTransfer", "FILE_SHARE"),
    ("SLACK", "Slack", "INSTANT_MESSAGING"),
    ("WHATSAPP", "WhatsApp", "INSTANT_MESSAGING"),
    ("MS_TEAMS", "Microsoft Teams", "INSTANT_MESSAGING"),
    ("CHATGPT_AI", "ChatGPT", "AI_ML"),
    ("GOOGLE_GEMINI", "Google Gemini", "AI_ML"),
    ("ANTHROPIC_CLAUDE", "Claude", "AI_ML"),
];

pub static WEB_APP_RULES: ResourceDef = ResourceDef {
    parent: Some(Parent {
        param: "ruleType",
        field: "type",
    }),
    complete: complete_app_rule,
    ..zia("zia.web_application_rules", seed_rules)
};

pub static RESOURCES: &[&ResourceDef] = &[&WEB_APP_RULES];

pub fn routes() -> Vec<Route> {
    const ALL: &str = "/zia/api/v1/webApplicationRules/{ruleType}";
    const ONE: &str = "/zia/api/v1/webApplicationRules/{ruleType}/{ruleId}";
    vec![
        Route::new(Method::GET, ALL, Op::Custom(list_rules)),
        Route::new(Method::POST, ALL, Op::Custom(create_rule)),
        Route::new(
            Method::POST,
            "/zia/api/v1/webApplicationRules/{ruleType}/availableActions",
            Op::Custom(available_actions),
        ),
        Route::new(Method::GET, ONE, Op::Custom(get_rule)),
        Route::new(Method::PUT, ONE, Op::Custom(replace_rule)),
        Route::new(Method::DELETE, ONE, Op::Custom(delete_rule)),
        Route::new(
            Method::GET,
            "/zia/api/v1/cloudApplications/policy",
            Op::Custom(list_policy_apps),
        ),
    ]
}

/// The rule type of the path, or a 400 naming the valid ones.
fn rule_type(
    call: &Call<'_>,
) -> Result<&'static (&'static str, &'static str, &'static [&'static str]), ApiError> {
    let raw = call.params.get("ruleType").unwrap_or_default();
    RULE_TYPES.iter().find(|t| t.0 == raw).ok_or_else(|| {
        let names: Vec<&str> = RULE_TYPES.iter().map(|t| t.0).collect();
        zia_invalid(format!(
            "Invalid rule type '{raw}': expected one of {}",
            names.join(", ")
        ))
    })
}

fn list_rules(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (kind, ..) = *rule_type(call)?;
    let search = param(call, "search");
    let records = select(call, &WEB_APP_RULES, |r| {
        r.get("type").and_then(Value::as_str) == Some(kind)
            && search.is_none_or(|s| contains(r, "name", s))
    });
    respond_refs(call, WEB_APP_RULES.envelope, records)
}

fn get_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_type(call)?;
    engine::get(&WEB_APP_RULES, &call.as_read())
}

/// Checks a rule body: shared rule checks, `actions` valid for the type, `applications` known
/// apps of that class. A single `action` is accepted as `actions: [action]`.
fn prepared(call: &Call<'_>) -> Result<Value, ApiError> {
    let (kind, _, actions) = *rule_type(call)?;
    check_rule_body(call.body, &[])?;
    let Some(Value::Object(body)) = call.body else {
        return Err(zia_invalid("Request body must be a JSON object"));
    };
    let mut map = body.clone();
    if !map.get("actions").is_some_and(Value::is_array)
        && let Some(action) = map.remove("action").filter(|a| !a.is_null())
    {
        map.insert("actions".into(), json!([action]));
    }
    for action in map
        .get("actions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !action.as_str().is_some_and(|a| actions.contains(&a)) {
            return Err(zia_invalid(format!(
                "Invalid action {action} for rule type {kind}: expected one of {}",
                actions.join(", ")
            )));
        }
    }
    if let Some(apps) = map.get("applications").filter(|v| !v.is_null()) {
        let Some(apps) = apps.as_array() else {
            return Err(zia_invalid(
                "Invalid value for 'applications': expected a list of application names",
            ));
        };
        for app in apps {
            let ok = app
                .as_str()
                .is_some_and(|a| APPS.iter().any(|(id, _, class)| *id == a && *class == kind));
            if !ok {
                return Err(zia_invalid(format!(
                    "Invalid application {app} for rule type {kind}"
                )));
            }
        }
    }
    map.insert("type".into(), json!(kind));
    Ok(Value::Object(map))
}

fn run(
    call: &mut Call<'_>,
    body: Value,
    op: fn(&'static ResourceDef, &mut Call<'_>) -> Result<Reply, ApiError>,
) -> Result<Reply, ApiError> {
    let mut inner = Call {
        method: call.method,
        path: call.path,
        product: call.product,
        params: call.params,
        query: call.query,
        body: Some(&body),
        tenant: &mut *call.tenant,
    };
    op(&WEB_APP_RULES, &mut inner)
}

fn create_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = prepared(call)?;
    run(call, body, engine::create)
}

fn replace_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = prepared(call)?;
    run(call, body, engine::replace)
}

fn delete_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_type(call)?;
    engine::delete(&WEB_APP_RULES, call)
}

/// `POST /webApplicationRules/{type}/availableActions` `{"cloudApps": [...]}`: a JSON array of
/// action names valid for the type.
fn available_actions(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (kind, _, actions) = *rule_type(call)?;
    let apps = call
        .body
        .and_then(|b| b.get("cloudApps"))
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            zia_invalid("Missing required field 'cloudApps' (a non-empty list of applications)")
        })?;
    for app in apps {
        let Some((_, _, class)) = app
            .as_str()
            .and_then(|a| APPS.iter().find(|(id, ..)| *id == a))
        else {
            return Err(zia_invalid(format!("Unknown cloud application {app}")));
        };
        if *class != kind {
            return Err(zia_invalid(format!(
                "Application {app} does not belong to rule type {kind}"
            )));
        }
    }
    let list: Vec<Value> = actions.iter().map(|a| json!(a)).collect();
    Ok(Reply::ok(Value::Array(list)))
}

/// `GET /cloudApplications/policy`: the catalogue, `search` (name substring), `appClass`,
/// `groupResults` (one row per class with its app count), paging.
fn list_policy_apps(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let search = param(call, "search");
    let class = param(call, "appClass");
    if let Some(c) = class
        && !RULE_TYPES.iter().any(|t| t.0.eq_ignore_ascii_case(c))
    {
        return Err(zia_invalid(format!("Invalid value '{c}' for 'appClass'")));
    }
    let group = super::common::bool_param(call, "groupResults")?.unwrap_or(false);
    let apps: Vec<Value> = APPS
        .iter()
        .filter(|(_, name, parent)| {
            search.is_none_or(|s| name.to_lowercase().contains(&s.to_lowercase()))
                && class.is_none_or(|c| parent.eq_ignore_ascii_case(c))
        })
        .map(|(app, name, parent)| {
            let parent_name = RULE_TYPES
                .iter()
                .find(|t| t.0 == *parent)
                .map_or("", |t| t.1);
            json!({"app": app, "appName": name, "parent": parent, "parentName": parent_name})
        })
        .collect();
    let records = if group {
        RULE_TYPES
            .iter()
            .filter_map(|(t, name, _)| {
                let n = apps.iter().filter(|a| a["parent"] == *t).count();
                (n > 0).then(|| json!({"parent": t, "parentName": name, "count": n}))
            })
            .collect()
    } else {
        apps
    };
    respond(call, super::LIST, records)
}

fn complete_app_rule(rule: &mut Map<String, Value>, now: i64) {
    rule.entry("actions").or_insert(json!([]));
    rule.entry("predefined").or_insert(json!(false));
    rule.entry("enforceTimeValidity").or_insert(json!(false));
    rule.entry("eunEnabled").or_insert(json!(false));
    default_rule_lists_and_stamp(
        rule,
        &[
            "applications",
            "devices",
            "deviceGroups",
            "deviceTrustLevels",
            "userAgentTypes",
            "tenancyProfileIds",
            "cloudAppInstances",
            "sharingDomainProfiles",
            "userRiskScoreLevels",
        ],
        &[
            "validityStartTime",
            "validityEndTime",
            "validityTimeZoneId",
            "eunTemplateId",
            "browserEunTemplateId",
            "cbiProfile",
            "cloudAppRiskProfile",
            "timeQuota",
            "sizeQuota",
        ],
        now,
    );
}

fn seed_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    use super::rule_labels::LABELS_TABLE;
    use super::users::{DEPARTMENTS_TABLE, GROUPS_TABLE};
    // (name, type, actions, applications, departments, groups)
    let named: [SeedRule; 7] = [
        (
            "Block Streaming Uploads",
            "STREAMING_MEDIA",
            &["ALLOW_STREAMING_VIEW_LISTEN", "BLOCK_STREAMING_UPLOAD"],
            &["YOUTUBE", "NETFLIX"],
            &[],
            &[],
        ),
        (
            "Read-only Social Media",
            "SOCIAL_NETWORKING",
            &[
                "ALLOW_SOCIAL_NETWORKING_VIEW",
                "BLOCK_SOCIAL_NETWORKING_POST",
            ],
            &["FACEBOOK", "TWITTER", "INSTAGRAM"],
            &[],
            &[],
        ),
        (
            "Marketing Social Posting",
            "SOCIAL_NETWORKING",
            &[
                "ALLOW_SOCIAL_NETWORKING_VIEW",
                "ALLOW_SOCIAL_NETWORKING_POST",
            ],
            &["LINKEDIN", "TWITTER"],
            &[6],
            &[],
        ),
        (
            "Block Personal Webmail Attachments",
            "WEBMAIL",
            &["ALLOW_WEBMAIL_VIEW", "BLOCK_WEBMAIL_ATTACHMENT_SEND"],
            &["GMAIL", "YAHOO_MAIL"],
            &[],
            &[],
        ),
        (
            "Block Unsanctioned File Sharing",
            "FILE_SHARE",
            &["BLOCK_FILE_SHARE_UPLOAD"],
            &["DROPBOX", "WETRANSFER"],
            &[],
            &[5],
        ),
        (
            "Caution Consumer Chat",
            "INSTANT_MESSAGING",
            &["CAUTION_CHAT"],
            &["WHATSAPP"],
            &[],
            &[],
        ),
        (
            "Isolate GenAI for Contractors",
            "AI_ML",
            &["ISOLATE_AI_ML_WEB_USE"],
            &["CHATGPT_AI", "GOOGLE_GEMINI"],
            &[],
            &[5],
        ),
    ];
    let n = named.len().min(super::common::MAX_SEEDED_RULES);
    (0..n)
        .map(|i| {
            let (name, kind, actions, apps, depts, groups) = match named.get(i) {
                Some((n, k, a, p, d, g)) => (
                    n.to_string(),
                    *k,
                    a.to_vec(),
                    p.to_vec(),
                    d.to_vec(),
                    g.to_vec(),
                ),
                None => {
                    let (kind, _, actions) = RULE_TYPES[i % RULE_TYPES.len()];
                    let apps: Vec<&str> = APPS
                        .iter()
                        .filter(|a| a.2 == kind)
                        .map(|a| a.0)
                        .take(1)
                        .collect();
                    (
                        format!("Cloud app rule {i:05}"),
                        kind,
                        vec![actions[0]],
                        apps,
                        Vec::new(),
                        Vec::new(),
                    )
                }
            };
            let labels: Vec<usize> = if i % 3 == 2 {
                vec![i % LABELS_TABLE.len()]
            } else {
                Vec::new()
            };
            let mut rule = json!({
                "name": name,
                "type": kind,
                "order": i + 1,
                "rank": 7,
                "state": if s.chance(0.9) { "ENABLED" } else { "DISABLED" },
                "actions": actions,
                "applications": apps,
                "description": s.text(&format!("{name} (seeded)")),
                "departments": refs_from_table(&DEPARTMENTS_TABLE, &depts),
                "groups": refs_from_table(&GROUPS_TABLE, &groups),
                "labels": refs_from_table(&LABELS_TABLE, &labels),
                "enableFullLogging": s.chance(0.2),
            });
            if let Value::Object(map) = &mut rule {
                complete_app_rule(map, s.tenant.now());
                map.insert("lastModifiedTime".into(), json!(s.epoch_within(120)));
            }
            rule
        })
        .collect()
}
