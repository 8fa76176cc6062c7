//! ZPA `zpa_access_policies` endpoints: policy sets and their rules.
//!
//! `GET v1/policySet/policyType/{type}` answers the policy set (its `id` is the
//! `policySetId`, its `rules` the rules in order); `GET v1/policySet/rules/policyType/{type}`
//! lists the rules of a type (ZPA envelope, by `ruleOrder`). Rules are created and replaced
//! through v2 (`POST|PUT v2/policySet/{policySetId}/rule[/{ruleId}]`) and read and deleted
//! through v1. v2 bodies carry `conditions` as blocks of `{objectType, values}` or
//! `{objectType, entryValues: [{lhs, rhs}]}` operands; they are stored (and answered) in the v1
//! form, one `{objectType, lhs, rhs, name}` operand per value. `PUT` is a full replacement:
//! explicit `null`s are stored as given, except that a `null` `ruleOrder` keeps the rule's
//! place. Giving `ruleOrder` moves the rule there and renumbers the set (1..n); names are
//! unique within a policy set (409). The action must fit the policy type (400).

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::{
    Res,
    app_connector_groups::APP_CONNECTOR_GROUPS,
    app_segments::APP_SEGMENTS,
    expand_refs, fill_map,
    idp::{IDPS, SCIM_GROUPS},
    misc::INSPECTION_PROFILES,
    segment_groups::SEGMENT_GROUPS,
    server_groups::SERVER_GROUPS,
};
use crate::engine::{self, Call, Parent, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static POLICY_SETS: ResourceDef = super::zpa("zpa.policy_sets", seed_sets);

pub static POLICY_RULES: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, rule_defaults()),
    required: &["name", "action"],
    unique_name: false,
    parent: Some(Parent {
        param: "policySetId",
        field: "policySetId",
    }),
    ..super::zpa("zpa.policy_rules", seed_rules)
};

pub static RESOURCES: &[&ResourceDef] = &[&POLICY_SETS, &POLICY_RULES];

/// (policy type, policy set name, numeric type, actions allowed)
pub const POLICY_TYPES: [(&str, &str, &str, &[&str]); 7] = [
    (
        "ACCESS_POLICY",
        "Global_Policy",
        "1",
        &["ALLOW", "DENY", "REQUIRE_APPROVAL"],
    ),
    ("TIMEOUT_POLICY", "Reauth_Policy", "2", &["RE_AUTH"]),
    (
        "CLIENT_FORWARDING_POLICY",
        "Bypass_Policy",
        "3",
        &["BYPASS", "INTERCEPT", "INTERCEPT_ACCESSIBLE"],
    ),
    (
        "ISOLATION_POLICY",
        "Isolation_Policy",
        "5",
        &["ISOLATE", "BYPASS_ISOLATE"],
    ),
    (
        "INSPECTION_POLICY",
        "Inspection_Policy",
        "6",
        &["INSPECT", "BYPASS_INSPECT"],
    ),
    (
        "CREDENTIAL_POLICY",
        "Credential_Policy",
        "7",
        &["INJECT_CREDENTIALS"],
    ),
    (
        "REDIRECTION_POLICY",
        "Redirection_Policy",
        "8",
        &["REDIRECT_DEFAULT", "REDIRECT_PREFERRED", "REDIRECT_ALWAYS"],
    ),
];

/// Condition operand object types the API knows.
const OBJECT_TYPES: [&str; 20] = [
    "APP",
    "APP_GROUP",
    "CLIENT_TYPE",
    "SCIM_GROUP",
    "SCIM",
    "SAML",
    "IDP",
    "POSTURE",
    "TRUSTED_NETWORK",
    "PLATFORM",
    "COUNTRY_CODE",
    "MACHINE_GRP",
    "LOCATION",
    "BRANCH_CONNECTOR_GROUP",
    "EDGE_CONNECTOR_GROUP",
    "RISK_FACTOR_TYPE",
    "CHROME_ENTERPRISE",
    "CHROME_POSTURE_PROFILE",
    "USER_PORTAL",
    "CONSOLE",
];

pub struct PolicyRules;

impl Res for PolicyRules {
    fn def() -> &'static ResourceDef {
        &POLICY_RULES
    }
    const SERVER_FIELDS: &'static [&'static str] = &[
        "policyType",
        "policySetId",
        "defaultRule",
        "defaultRuleName",
        "zpnInspectionProfileName",
    ];
    fn parent_def() -> Option<&'static ResourceDef> {
        Some(&POLICY_SETS)
    }
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        let set_id = map
            .get("policySetId")
            .and_then(super::text)
            .unwrap_or_default();
        let set = engine::record(tenant, &POLICY_SETS, &set_id)
            .ok_or_else(|| engine::not_found(&POLICY_SETS, &set_id))?;
        let type_name = set["policyTypeName"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let (_, _, numeric, actions) = POLICY_TYPES
            .iter()
            .find(|(t, ..)| *t == type_name)
            .copied()
            .unwrap_or(POLICY_TYPES[0]);
        map.insert("policyType".into(), json!(numeric));
        // Names are unique within the policy set.
        let name = map.get("name").and_then(super::text).unwrap_or_default();
        let own = existing.map(super::rid);
        let clash = engine::records(tenant, &POLICY_RULES).any(|r| {
            r["policySetId"].as_str() == Some(set_id.as_str())
                && Some(super::rid(r)) != own
                && r["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
        });
        if clash {
            return Err(super::duplicate(format!(
                "A rule named '{name}' already exists in policy set {set_id}"
            )));
        }
        let action = map
            .get("action")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_uppercase();
        if !actions.contains(&action.as_str()) {
            return Err(super::invalid(format!(
                "Invalid action '{action}' for {type_name}: expected one of {}",
                actions.join(", ")
            )));
        }
        map.insert("action".into(), json!(action));
        for field in ["reauthTimeout", "reauthIdleTimeout"] {
            match map.get(field) {
                None | Some(Value::Null) => {}
                Some(v) => {
                    let secs = super::text(v).and_then(|t| t.trim().parse::<i64>().ok());
                    match secs {
                        Some(n) if n == -1 || n >= 0 => {
                            map.insert(field.into(), json!(n.to_string()));
                        }
                        _ => {
                            return Err(super::invalid(format!(
                                "Invalid '{field}': expected seconds as an integer"
                            )));
                        }
                    }
                }
            }
        }
        if type_name == "TIMEOUT_POLICY" && map.get("reauthTimeout").is_none_or(Value::is_null) {
            map.insert("reauthTimeout".into(), json!("172800"));
        }
        if action == "ISOLATE" && map.get("zpnIsolationProfileId").is_none_or(Value::is_null) {
            return Err(super::invalid(
                "Missing required field 'zpnIsolationProfileId' for action ISOLATE",
            ));
        }
        match map.get("zpnInspectionProfileId").cloned() {
            Some(id) if !id.is_null() => {
                let name =
                    super::reference(tenant, &INSPECTION_PROFILES, "zpnInspectionProfileId", &id)?;
                map.insert("zpnInspectionProfileName".into(), json!(name));
            }
            _ if action == "INSPECT" => {
                return Err(super::invalid(
                    "Missing required field 'zpnInspectionProfileId' for action INSPECT",
                ));
            }
            _ => {}
        }
        expand_refs(tenant, map, "appConnectorGroups", &APP_CONNECTOR_GROUPS)?;
        expand_refs(tenant, map, "appServerGroups", &SERVER_GROUPS)?;
        let conditions = map.get("conditions").cloned().unwrap_or(Value::Null);
        let seed = map
            .get("modifiedTime")
            .and_then(super::text)
            .unwrap_or_default();
        map.insert("conditions".into(), to_v1(tenant, &conditions, &seed)?);
        Ok(())
    }
}

fn operand_name(
    tenant: &Tenant,
    object_type: &str,
    lhs: &str,
    rhs: &str,
) -> Result<Value, ApiError> {
    let found = |def: &ResourceDef, id: &str, what: &str| {
        engine::record(tenant, def, id)
            .map(|r| r["name"].clone())
            .ok_or_else(|| {
                super::invalid(format!(
                    "Invalid {what} operand: no such resource with id {id}"
                ))
            })
    };
    match object_type {
        "APP" => found(&APP_SEGMENTS, rhs, "APP"),
        "APP_GROUP" => found(&SEGMENT_GROUPS, rhs, "APP_GROUP"),
        "SCIM_GROUP" => {
            found(&IDPS, lhs, "SCIM_GROUP (lhs: IdP id)")?;
            found(&SCIM_GROUPS, rhs, "SCIM_GROUP")
        }
        "IDP" => found(&IDPS, rhs, "IDP"),
        "CLIENT_TYPE" if !rhs.starts_with("zpn_client_type_") => Err(super::invalid(format!(
            "Invalid CLIENT_TYPE operand '{rhs}': expected a zpn_client_type_* value"
        ))),
        _ => Ok(Value::Null),
    }
}

/// v2 condition blocks (or v1 ones) → stored v1 form.
fn to_v1(tenant: &Tenant, conditions: &Value, seed: &str) -> Result<Value, ApiError> {
    let blocks = match conditions {
        Value::Null => return Ok(json!([])),
        Value::Array(b) => b,
        _ => return Err(super::invalid("'conditions' must be a list")),
    };
    let base: u64 = 216_196_257_331_700_000 + seed.parse::<u64>().unwrap_or(0) % 10_000 * 100;
    let mut next = base;
    let mut out = Vec::new();
    for block in blocks {
        let Some(block) = block.as_object() else {
            return Err(super::invalid(
                "Each condition must be an object with 'operands'",
            ));
        };
        let operator = block
            .get("operator")
            .and_then(Value::as_str)
            .unwrap_or("OR")
            .to_uppercase();
        if operator != "OR" && operator != "AND" {
            return Err(super::invalid(format!(
                "Invalid condition operator '{operator}': expected AND or OR"
            )));
        }
        let operands = block
            .get("operands")
            .and_then(Value::as_array)
            .ok_or_else(|| super::invalid("Missing required field 'conditions[].operands'"))?;
        let mut stored = Vec::new();
        for op in operands {
            let object_type = op
                .get("objectType")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_uppercase();
            if !OBJECT_TYPES.contains(&object_type.as_str()) {
                return Err(super::invalid(format!(
                    "Invalid objectType '{object_type}' in conditions"
                )));
            }
            let mut pairs: Vec<(String, String)> = Vec::new();
            if let Some(values) = op.get("values").and_then(Value::as_array) {
                for v in values {
                    pairs.push(("id".into(), super::text(v).unwrap_or_default()));
                }
            }
            if let Some(entries) = op.get("entryValues").and_then(Value::as_array) {
                for e in entries {
                    pairs.push((
                        e.get("lhs").and_then(super::text).unwrap_or_default(),
                        e.get("rhs").and_then(super::text).unwrap_or_default(),
                    ));
                }
            }
            if let (Some(lhs), Some(rhs)) = (
                op.get("lhs").and_then(super::text),
                op.get("rhs").and_then(super::text),
            ) {
                pairs.push((lhs, rhs));
            }
            if pairs.is_empty() {
                return Err(super::invalid(format!(
                    "Operand {object_type} needs 'values' or 'entryValues'"
                )));
            }
            for (lhs, rhs) in pairs {
                let name = operand_name(tenant, &object_type, &lhs, &rhs)?;
                next += 1;
                let idp = if matches!(object_type.as_str(), "SCIM_GROUP" | "SCIM" | "SAML") {
                    json!(lhs)
                } else {
                    Value::Null
                };
                stored.push(json!({
                    "id": next.to_string(),
                    "objectType": object_type,
                    "lhs": lhs,
                    "rhs": rhs,
                    "name": name,
                    "idpId": idp,
                }));
            }
        }
        next += 1;
        out.push(json!({
            "id": next.to_string(),
            "negated": block.get("negated").cloned().unwrap_or(json!(false)),
            "operator": operator,
            "operands": stored,
        }));
    }
    Ok(Value::Array(out))
}

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            v1!("/policySet/policyType/{policyType}"),
            Op::Custom(policy_set),
        ),
        Route::new(
            Method::GET,
            v1!("/policySet/rules/policyType/{policyType}"),
            Op::Custom(list_rules),
        ),
        Route::new(
            Method::GET,
            v1!("/policySet/{policySetId}/rule/{ruleId}"),
            Op::CustomRead(super::get::<PolicyRules>),
        ),
        Route::new(
            Method::DELETE,
            v1!("/policySet/{policySetId}/rule/{ruleId}"),
            Op::Custom(delete_rule),
        ),
        Route::new(
            Method::POST,
            v2!("/policySet/{policySetId}/rule"),
            Op::Custom(create_rule),
        ),
        Route::new(
            Method::PUT,
            v2!("/policySet/{policySetId}/rule/{ruleId}"),
            Op::Custom(replace_rule),
        ),
    ]
}

fn policy_type<'t>(tenant: &'t Tenant, name: &str) -> Result<&'t Value, ApiError> {
    engine::records(tenant, &POLICY_SETS)
        .find(|s| s["policyTypeName"] == name)
        .ok_or_else(|| {
            let known: Vec<&str> = POLICY_TYPES.iter().map(|(t, ..)| *t).collect();
            super::invalid(format!(
                "Invalid policyType '{name}': expected one of {}",
                known.join(", ")
            ))
        })
}

fn order_of(rule: &Value) -> u64 {
    rule.get("ruleOrder")
        .and_then(super::text)
        .and_then(|o| o.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Rules of a policy set visible to the call, by `ruleOrder`.
fn rules_of<'t>(
    call_tenant: &'t Tenant,
    set_id: &str,
    params: &crate::routes::Params,
    query: &engine::Query,
) -> Result<Vec<&'t Value>, ApiError> {
    let mut rules: Vec<&Value> = super::visible::<PolicyRules>(call_tenant, params, query)?
        .into_iter()
        .filter(|r| r["policySetId"].as_str() == Some(set_id))
        .collect();
    rules.sort_by_key(|r| order_of(r));
    Ok(rules)
}

/// `GET v1/policySet/policyType/{type}`.
fn policy_set(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let tenant: &Tenant = call.tenant;
    let name = call.params.get("policyType").unwrap_or_default();
    let mut set = policy_type(tenant, name)?.clone();
    let id = super::rid(&set);
    let mut query = call.query.clone();
    query.0.retain(|(k, _)| k == "microtenantId");
    let rules: Vec<Value> = rules_of(tenant, &id, call.params, &query)?
        .into_iter()
        .cloned()
        .collect();
    set["rules"] = Value::Array(rules);
    Ok(Reply::ok(set))
}

/// `GET v1/policySet/rules/policyType/{type}`.
fn list_rules(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let tenant: &Tenant = call.tenant;
    let name = call.params.get("policyType").unwrap_or_default();
    let id = super::rid(policy_type(tenant, name)?);
    let rules = rules_of(tenant, &id, call.params, call.query)?;
    crate::envelope::zpa_page(call.query, rules, |_| {}).map(Reply::ok)
}

/// Puts rule `rule_id` at `order` (1-based; `None`: the end) and renumbers its set.
fn reorder(tenant: &mut Tenant, set_id: &str, rule_id: &str, order: Option<u64>) {
    let mut ids: Vec<(u64, String)> = engine::records(tenant, &POLICY_RULES)
        .filter(|r| r["policySetId"].as_str() == Some(set_id) && super::rid(r) != rule_id)
        .map(|r| (order_of(r), super::rid(r)))
        .collect();
    ids.sort();
    let mut ids: Vec<String> = ids.into_iter().map(|(_, id)| id).collect();
    let at = order
        .map(|o| (o.max(1) as usize - 1).min(ids.len()))
        .unwrap_or(ids.len());
    ids.insert(at, rule_id.to_string());
    let collection = tenant.collection_mut(POLICY_RULES.key);
    for (i, id) in ids.iter().enumerate() {
        if let Some(r) = collection.records.get_mut(id) {
            r["ruleOrder"] = json!((i + 1).to_string());
        }
    }
}

fn wanted_order(call: &Call<'_>) -> Option<u64> {
    call.body
        .and_then(|b| b.get("ruleOrder"))
        .and_then(super::text)
        .and_then(|o| o.trim().parse::<u64>().ok())
}

/// Answer `reply`'s record as it now stands (after renumbering).
fn current(call: &Call<'_>, id: &str) -> Reply {
    Reply::ok(
        engine::record(call.tenant, &POLICY_RULES, id)
            .cloned()
            .unwrap_or(Value::Null),
    )
}

fn create_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let order = wanted_order(call);
    let reply = super::create::<PolicyRules>(call)?;
    let Reply::Json(_, record) = &reply else {
        return Ok(reply);
    };
    let (id, set) = (
        super::rid(record),
        record["policySetId"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    );
    reorder(call.tenant, &set, &id, order);
    Ok(current(call, &id))
}

fn replace_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let previous = super::find::<PolicyRules>(call.tenant, call.params, call.query)
        .map(|(r, _)| order_of(r))?;
    let order = wanted_order(call).or(Some(previous));
    let reply = super::replace::<PolicyRules>(call)?;
    let Reply::Json(_, record) = &reply else {
        return Ok(reply);
    };
    let (id, set) = (
        super::rid(record),
        record["policySetId"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    );
    reorder(call.tenant, &set, &id, order);
    Ok(current(call, &id))
}

fn delete_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (record, id) = super::find::<PolicyRules>(call.tenant, call.params, call.query)?;
    let set = record["policySetId"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let reply = super::delete::<PolicyRules>(call)?;
    // Renumber what is left.
    let remaining: Vec<String> = engine::records(call.tenant, &POLICY_RULES)
        .filter(|r| r["policySetId"].as_str() == Some(set.as_str()))
        .map(super::rid)
        .collect();
    if let Some(first) = remaining.first() {
        let order = engine::record(call.tenant, &POLICY_RULES, first).map(order_of);
        reorder(call.tenant, &set, first, order);
    }
    let _ = id;
    Ok(reply)
}

fn rule_defaults() -> Value {
    json!({
        "name": null,
        "description": null,
        "action": null,
        "actionId": null,
        "customMsg": null,
        "defaultRule": false,
        "defaultRuleName": null,
        "operator": "AND",
        "policySetId": null,
        "policyType": null,
        "priority": null,
        "ruleOrder": null,
        "reauthDefaultRule": false,
        "reauthIdleTimeout": null,
        "reauthTimeout": null,
        "zpnInspectionProfileId": null,
        "zpnInspectionProfileName": null,
        "zpnIsolationProfileId": null,
        "zpnCbiProfileId": null,
        "bypassDefaultRule": false,
        "isolationDefaultRule": false,
        "conditions": [],
        "appConnectorGroups": [],
        "appServerGroups": [],
        "readOnly": false,
        "restrictionType": null,
        "zscalerManaged": false,
        "creationTime": null,
        "modifiedTime": null,
        "modifiedBy": null,
        "microtenantId": null,
        "microtenantName": "Default",
    })
}

fn seed_sets(s: &mut Seeder<'_>) -> Vec<Value> {
    POLICY_TYPES
        .iter()
        .map(|(kind, name, numeric, _)| {
            let mut r = json!({
                "name": name,
                "description": format!("{name} ({kind})"),
                "enabled": true,
                "policyType": numeric,
                "policyTypeName": kind,
                "sorted": true,
                "rules": [],
            });
            super::fill(&mut r, super::seed_stamps(s));
            r
        })
        .collect()
}

fn operand(id: &mut u64, object_type: &str, lhs: &Value, rhs: &Value, name: &Value) -> Value {
    *id += 1;
    let idp = if object_type == "SCIM_GROUP" {
        lhs.clone()
    } else {
        Value::Null
    };
    json!({"id": id.to_string(), "objectType": object_type, "lhs": lhs, "rhs": rhs, "name": name, "idpId": idp})
}

fn seed_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    let tenant = s.tenant;
    let sets: Vec<Value> = engine::records(tenant, &POLICY_SETS).cloned().collect();
    let apps: Vec<Value> = engine::records(tenant, &APP_SEGMENTS)
        .take(14)
        .cloned()
        .collect();
    let groups: Vec<Value> = engine::records(tenant, &SEGMENT_GROUPS).cloned().collect();
    let scim: Vec<Value> = engine::records(tenant, &SCIM_GROUPS)
        .take(12)
        .cloned()
        .collect();
    let inspection = engine::records(tenant, &INSPECTION_PROFILES)
        .next()
        .map(|p| (p["id"].clone(), p["name"].clone()));
    if apps.is_empty() || groups.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut next_id: u64 = 216_196_257_331_750_000;
    for set in &sets {
        let kind = set["policyTypeName"].as_str().unwrap_or_default();
        let plan: &[(&str, &str)] = match kind {
            "ACCESS_POLICY" => &[
                ("Allow Engineering to Dev Tools", "ALLOW"),
                ("Allow Finance to ERP", "ALLOW"),
                ("Allow All Employees to Intranet", "ALLOW"),
                ("Require Approval for Contractors", "REQUIRE_APPROVAL"),
                ("Allow IT Ops to Jump Hosts", "ALLOW"),
                ("Allow Support to Kibana", "ALLOW"),
                ("Deny Unmanaged Devices", "DENY"),
                ("Deny All Else", "DENY"),
            ],
            "TIMEOUT_POLICY" => &[
                ("Reauth Every 8 Hours", "RE_AUTH"),
                ("Contractor Short Sessions", "RE_AUTH"),
                ("Default Reauth", "RE_AUTH"),
            ],
            "CLIENT_FORWARDING_POLICY" => &[
                ("Bypass Office Network", "BYPASS"),
                ("Intercept All Apps", "INTERCEPT"),
                ("Intercept Accessible Only", "INTERCEPT_ACCESSIBLE"),
            ],
            "ISOLATION_POLICY" => &[
                ("Isolate Unmanaged Browsers", "ISOLATE"),
                ("Bypass Isolation for IT", "BYPASS_ISOLATE"),
            ],
            "INSPECTION_POLICY" => &[
                ("Inspect Web Apps", "INSPECT"),
                ("Bypass Inspection for APIs", "BYPASS_INSPECT"),
            ],
            _ => &[],
        };
        for (i, (name, action)) in plan.iter().enumerate() {
            let app = &apps[(i * 3) % apps.len()];
            let group = &groups[i % groups.len()];
            let mut first = vec![
                operand(&mut next_id, "APP", &json!("id"), &app["id"], &app["name"]),
                operand(
                    &mut next_id,
                    "APP_GROUP",
                    &json!("id"),
                    &group["id"],
                    &group["name"],
                ),
            ];
            if i % 2 == 1 {
                first.push(operand(
                    &mut next_id,
                    "CLIENT_TYPE",
                    &json!("id"),
                    &json!("zpn_client_type_zapp"),
                    &Value::Null,
                ));
            }
            next_id += 1;
            let mut conditions = vec![
                json!({"id": next_id.to_string(), "negated": false, "operator": "OR", "operands": first}),
            ];
            if let Some(g) = scim.get(i % scim.len().max(1)) {
                let op = operand(
                    &mut next_id,
                    "SCIM_GROUP",
                    &json!(g["idpId"].to_string()),
                    &json!(g["id"].to_string()),
                    &g["name"],
                );
                next_id += 1;
                conditions.push(json!({"id": next_id.to_string(), "negated": false, "operator": "OR", "operands": [op]}));
            }
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("{name} ({kind})")),
                "action": action,
                "customMsg": if *action == "DENY" { json!("Access denied by corporate policy") } else { Value::Null },
                "policySetId": set["id"],
                "policyType": set["policyType"],
                "ruleOrder": (i + 1).to_string(),
                "priority": (i + 1).to_string(),
                "conditions": conditions,
                "reauthTimeout": if kind == "TIMEOUT_POLICY" { json!(["28800", "3600", "172800"][i % 3]) } else { Value::Null },
                "reauthIdleTimeout": if kind == "TIMEOUT_POLICY" { json!("600") } else { Value::Null },
                "reauthDefaultRule": kind == "TIMEOUT_POLICY" && i == 2,
                "zpnInspectionProfileId": if *action == "INSPECT" { inspection.as_ref().map(|p| p.0.clone()).unwrap_or(Value::Null) } else { Value::Null },
                "zpnInspectionProfileName": if *action == "INSPECT" { inspection.as_ref().map(|p| p.1.clone()).unwrap_or(Value::Null) } else { Value::Null },
                "zpnIsolationProfileId": if *action == "ISOLATE" { json!("216196257331290001") } else { Value::Null },
            });
            super::fill(
                &mut r,
                super::seed_common(s, if i == 4 { 1.0 } else { 0.0 }),
            );
            out.push(super::with_defaults(r, rule_defaults()));
        }
    }
    out
}
