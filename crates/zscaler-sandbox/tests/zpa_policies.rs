//! ZPA policy sets and rules: the policy-type lookup the SDK does first, v2 create/update with
//! v2 conditions (stored and answered in v1 form), v1 get/delete, rule order, per-type actions,
//! microtenant scope, and the 400/404/409 answers.

mod common;

use serde_json::{Value, json};

const V1: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}";
const V2: &str = "/zpa/mgmtconfig/v2/admin/customers/{customerId}";
const TYPES: [&str; 5] = [
    "ACCESS_POLICY",
    "TIMEOUT_POLICY",
    "CLIENT_FORWARDING_POLICY",
    "ISOLATION_POLICY",
    "INSPECTION_POLICY",
];

fn list(body: &Value) -> &Vec<Value> {
    body["list"].as_array().expect("list array")
}

/// The id of the policy set of `kind`.
async fn set_id(c: &common::Client, kind: &str) -> String {
    policy_set(c, kind).await["id"]
        .as_str()
        .expect("id")
        .to_string()
}

async fn policy_set(c: &common::Client, kind: &str) -> Value {
    c.ok(&format!("{V1}/policySet/policyType/{kind}")).await
}

fn orders(rules: &[Value]) -> Vec<String> {
    rules
        .iter()
        .map(|r| r["ruleOrder"].as_str().expect("order").to_string())
        .collect()
}

#[tokio::test]
async fn policy_sets_by_type_carry_their_rules_in_order() {
    let c = common::start().await;
    let mut ids = Vec::new();
    for kind in TYPES {
        let set = policy_set(&c, kind).await;
        let id = set["id"].as_str().expect("policy set id").to_string();
        assert!(id.chars().all(|ch| ch.is_ascii_digit()));
        assert_eq!(set["policyTypeName"], kind);
        let rules = set["rules"].as_array().expect("rules");
        assert!(!rules.is_empty(), "{kind}");
        let expected: Vec<String> = (1..=rules.len()).map(|i| i.to_string()).collect();
        assert_eq!(orders(rules), expected);
        assert!(rules.iter().all(|r| r["policySetId"] == id.as_str()));
        // The list endpoint of the type agrees.
        let listed = c
            .ok(&format!(
                "{V1}/policySet/rules/policyType/{kind}?pagesize=100"
            ))
            .await;
        assert_eq!(listed["totalCount"], rules.len().to_string());
        ids.push(id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 5);
}

#[tokio::test]
async fn unknown_policy_type_is_400() {
    let c = common::start().await;
    let (status, body) = c
        .get(&format!("{V1}/policySet/policyType/NOT_A_POLICY"))
        .await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn rules_list_pages_searches_and_scopes_by_microtenant() {
    let c = common::start().await;
    // Rules list: paging, search, microtenant.
    let page = c
        .ok(&format!(
            "{V1}/policySet/rules/policyType/ACCESS_POLICY?page=2&pagesize=3"
        ))
        .await;
    assert_eq!(page["totalPages"], "3");
    assert_eq!(orders(list(&page)), vec!["4", "5", "6"]);
    let hit = c
        .ok(&format!(
            "{V1}/policySet/rules/policyType/ACCESS_POLICY?search=name%2BEQ%2BDeny+All+Else"
        ))
        .await;
    assert_eq!(list(&hit).len(), 1);
    assert_eq!(list(&hit)[0]["action"], "DENY");
    let mt = c
        .ok(&format!(
            "{V1}/policySet/rules/policyType/ACCESS_POLICY?microtenantId=0"
        ))
        .await;
    assert_eq!(mt["totalCount"], "7");
    // Seeded conditions are in v1 form with names.
    let first = &list(&page)[0];
    let operand = &first["conditions"][0]["operands"][0];
    assert_eq!(operand["objectType"], "APP");
    assert_eq!(operand["lhs"], "id");
    assert!(operand["name"].is_string());
}

#[tokio::test]
async fn access_rule_lifecycle_through_v2_and_v1() {
    let c = common::start().await;
    let set = policy_set(&c, "ACCESS_POLICY").await;
    let set_id = set["id"].as_str().expect("id").to_string();
    let apps = c.ok(&format!("{V1}/application?pagesize=2")).await;
    let app = list(&apps)[0].clone();
    let group = c.ok(&format!("{V1}/segmentGroup?pagesize=1")).await["list"][0].clone();
    let idp = c
        .ok(&format!("{V2}/idp?search=name%2BEQ%2BOkta+Workforce"))
        .await["list"][0]
        .clone();
    let idp_id = idp["id"].as_str().expect("idp").to_string();
    let scim = c
        .ok(&format!(
            "/zpa/userconfig/v1/customers/{{customerId}}/scimgroup/idpId/{idp_id}"
        ))
        .await["list"][0]
        .clone();
    // The SDK's v2 body: explicit nulls, one values block, one entryValues block per operand.
    let body = json!({
        "name": "Allow Auditors", "description": null, "customMsg": null, "ruleOrder": null,
        "action": "ALLOW", "appConnectorGroups": [], "appServerGroups": [],
        "conditions": [
            {"operands": [
                {"objectType": "APP", "values": [app["id"]]},
                {"objectType": "APP_GROUP", "values": [group["id"]]},
            ]},
            {"operator": "OR", "operands": [{"objectType": "CLIENT_TYPE", "values": ["zpn_client_type_zapp"]}]},
            {"operator": "OR", "operands": [{"objectType": "SCIM_GROUP", "entryValues": [{"lhs": idp_id, "rhs": scim["id"].to_string()}]}]},
        ],
    });
    let (status, created) = c
        .call(
            "POST",
            &format!("{V2}/policySet/{set_id}/rule"),
            Some(body.clone()),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    let rule_id = created["id"].as_str().expect("rule id").to_string();
    let total = set["rules"].as_array().expect("rules").len() + 1;
    assert_eq!(created["ruleOrder"], total.to_string());
    assert_eq!(created["policyType"], "1");
    assert_eq!(created["description"], Value::Null);
    let conds = created["conditions"].as_array().expect("conditions");
    assert_eq!(conds.len(), 3);
    assert_eq!(conds[0]["operator"], "OR");
    assert_eq!(conds[0]["operands"][0]["rhs"], app["id"]);
    assert_eq!(conds[0]["operands"][0]["name"], app["name"]);
    assert_eq!(conds[0]["operands"][1]["objectType"], "APP_GROUP");
    assert_eq!(conds[2]["operands"][0]["lhs"], idp_id.as_str());
    assert_eq!(conds[2]["operands"][0]["name"], scim["name"]);
    // v1 get sees it.
    let rule_path = format!("{V1}/policySet/{set_id}/rule/{rule_id}");
    let got = c.ok(&rule_path).await;
    assert_eq!(got["name"], "Allow Auditors");
    assert_eq!(got["conditions"], created["conditions"]);
    // v2 update: full replacement, move to the top.
    let mut update = body.clone();
    update["name"] = json!("Allow Auditors (top)");
    update["ruleOrder"] = json!("1");
    update["description"] = json!("moved");
    update["conditions"] = json!([{"operands": [{"objectType": "APP", "values": [app["id"]]}]}]);
    let (status, updated) = c
        .call(
            "PUT",
            &format!("{V2}/policySet/{set_id}/rule/{rule_id}"),
            Some(update),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["ruleOrder"], "1");
    assert_eq!(updated["conditions"].as_array().expect("c").len(), 1);
    assert_eq!(updated["creationTime"], created["creationTime"]);
    let now = policy_set(&c, "ACCESS_POLICY").await;
    let rules = now["rules"].as_array().expect("rules");
    assert_eq!(rules[0]["id"], rule_id.as_str());
    let expected: Vec<String> = (1..=total).map(|i| i.to_string()).collect();
    assert_eq!(orders(rules), expected);
    // Update with a null ruleOrder keeps the place.
    let (status, kept) = c.call("PUT", &format!("{V2}/policySet/{set_id}/rule/{rule_id}"), Some(json!({"name": "Allow Auditors (top)", "action": "DENY", "ruleOrder": null, "conditions": null}))).await;
    assert_eq!(status, 200, "{kept}");
    assert_eq!(kept["ruleOrder"], "1");
    assert_eq!(kept["conditions"], json!([]));
    // Duplicate name in the same set: 409.
    let mut dup = body.clone();
    dup["name"] = json!("deny all else");
    let (status, err) = c
        .call("POST", &format!("{V2}/policySet/{set_id}/rule"), Some(dup))
        .await;
    assert_eq!(status, 409, "{err}");
    // Delete (v1): 204, then 404, and the rest is renumbered.
    let (status, body) = c.call("DELETE", &rule_path, Some(json!({}))).await;
    assert_eq!((status, body), (204, Value::Null));
    let (status, err) = c.get(&rule_path).await;
    assert_eq!(status, 404);
    assert_eq!(err["id"], "resource.not.found");
    let after = policy_set(&c, "ACCESS_POLICY").await;
    let expected: Vec<String> = (1..total).map(|i| i.to_string()).collect();
    assert_eq!(orders(after["rules"].as_array().expect("rules")), expected);
}

#[tokio::test]
async fn actions_must_fit_the_policy_type() {
    let c = common::start().await;
    let access = set_id(&c, "ACCESS_POLICY").await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    // Action must fit the type.
    let (status, err) = c
        .call(
            "POST",
            &post(&access),
            Some(json!({"name": "x", "action": "RE_AUTH"})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    assert!(err["reason"].as_str().expect("reason").contains("ALLOW"));
}

#[tokio::test]
async fn timeout_rules_take_seconds_as_strings() {
    let c = common::start().await;
    let timeout = set_id(&c, "TIMEOUT_POLICY").await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    // Timeout rules: seconds as strings.
    let (status, rule) = c.call("POST", &post(&timeout), Some(json!({"name": "Short", "description": null, "customMsg": null, "action": "RE_AUTH", "conditions": [], "reauthTimeout": "172800", "reauthIdleTimeout": "600"}))).await;
    assert_eq!(status, 200, "{rule}");
    assert_eq!(rule["reauthTimeout"], "172800");
    assert_eq!(rule["policyType"], "2");
    let (status, _) = c
        .call(
            "POST",
            &post(&timeout),
            Some(json!({"name": "Bad", "action": "RE_AUTH", "reauthTimeout": "soon"})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn forwarding_rules_accept_lower_case_actions() {
    let c = common::start().await;
    let forwarding = set_id(&c, "CLIENT_FORWARDING_POLICY").await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    // Forwarding: lower-case actions are accepted as the SDK may send them.
    let (status, rule) = c
        .call(
            "POST",
            &post(&forwarding),
            Some(json!({"name": "Bypass lab", "action": "bypass", "ruleOrder": null})),
        )
        .await;
    assert_eq!(status, 200, "{rule}");
    assert_eq!(rule["action"], "BYPASS");
}

#[tokio::test]
async fn isolation_needs_a_profile() {
    let c = common::start().await;
    let isolation = set_id(&c, "ISOLATION_POLICY").await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    // Isolation needs a profile; inspection needs a known profile.
    let (status, err) = c
        .call(
            "POST",
            &post(&isolation),
            Some(json!({"name": "Iso", "action": "ISOLATE", "zpnIsolationProfileId": null})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    let (status, _) = c.call("POST", &post(&isolation), Some(json!({"name": "Iso", "action": "ISOLATE", "zpnIsolationProfileId": "216196257331290001"}))).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn inspection_needs_a_known_profile() {
    let c = common::start().await;
    let inspection = set_id(&c, "INSPECTION_POLICY").await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    let (status, _) = c
        .call(
            "POST",
            &post(&inspection),
            Some(json!({"name": "Insp", "action": "INSPECT", "zpnInspectionProfileId": "42"})),
        )
        .await;
    assert_eq!(status, 400);
    let profile = c.ok(&format!("{V1}/inspectionProfile?pagesize=1")).await["list"][0].clone();
    let (status, rule) = c.call("POST", &post(&inspection), Some(json!({"name": "Insp", "action": "INSPECT", "zpnInspectionProfileId": profile["id"]}))).await;
    assert_eq!(status, 200, "{rule}");
    assert_eq!(rule["zpnInspectionProfileName"], profile["name"]);
}

#[tokio::test]
async fn bad_conditions_and_missing_names_are_refused() {
    let c = common::start().await;
    let access = set_id(&c, "ACCESS_POLICY").await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    // Conditions: unknown object types and unknown apps are refused; names are required.
    for conditions in [
        json!([{"operands": [{"objectType": "PLANET", "values": ["mars"]}]}]),
        json!([{"operands": [{"objectType": "APP", "values": ["216196257331999999"]}]}]),
        json!([{"operands": [{"objectType": "CLIENT_TYPE", "values": ["browser"]}]}]),
        json!([{"operator": "XOR", "operands": [{"objectType": "APP", "values": []}]}]),
    ] {
        let (status, err) = c
            .call(
                "POST",
                &post(&access),
                Some(json!({"name": "Cond", "action": "ALLOW", "conditions": conditions})),
            )
            .await;
        assert_eq!(status, 400, "{conditions}: {err}");
    }
    let (status, err) = c
        .call("POST", &post(&access), Some(json!({"action": "ALLOW"})))
        .await;
    assert_eq!(status, 400);
    assert!(err["reason"].as_str().expect("reason").contains("'name'"));
}

#[tokio::test]
async fn unknown_policy_set_is_404_for_every_rule_route() {
    let c = common::start().await;
    let post = |set: &str| format!("{V2}/policySet/{set}/rule");
    // Unknown policy set: 404 for every rule route.
    let (status, _) = c
        .call(
            "POST",
            &post("216196257331999999"),
            Some(json!({"name": "x", "action": "ALLOW"})),
        )
        .await;
    assert_eq!(status, 404);
    let seeded = policy_set(&c, "ACCESS_POLICY").await["rules"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (status, _) = c
        .get(&format!("{V1}/policySet/216196257331999999/rule/{seeded}"))
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_rule_is_only_found_under_its_own_policy_set() {
    let c = common::start().await;
    let access = set_id(&c, "ACCESS_POLICY").await;
    let timeout = set_id(&c, "TIMEOUT_POLICY").await;
    let seeded = policy_set(&c, "ACCESS_POLICY").await["rules"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    // A rule is only found under its own policy set.
    let (status, _) = c
        .get(&format!("{V1}/policySet/{timeout}/rule/{seeded}"))
        .await;
    assert_eq!(status, 404);
    let (status, _) = c
        .get(&format!("{V1}/policySet/{access}/rule/{seeded}"))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn microtenant_rules_are_scoped() {
    let c = common::start().await;
    let mt = "216196257331370181";
    let set = c
        .ok(&format!(
            "{V1}/policySet/policyType/ACCESS_POLICY?microtenantId={mt}"
        ))
        .await;
    let set_id = set["id"].as_str().expect("id").to_string();
    let in_mt = set["rules"].as_array().expect("rules");
    assert!(in_mt.iter().all(|r| r["microtenantId"] == mt));
    let (status, rule) = c
        .call(
            "POST",
            &format!("{V2}/policySet/{set_id}/rule?microtenantId={mt}"),
            Some(json!({"name": "MT rule", "action": "ALLOW", "microtenantId": mt})),
        )
        .await;
    assert_eq!(status, 200, "{rule}");
    assert_eq!(rule["microtenantName"], "Engineering");
    let rule_id = rule["id"].as_str().expect("id");
    let (status, _) = c
        .get(&format!(
            "{V1}/policySet/{set_id}/rule/{rule_id}?microtenantId=0"
        ))
        .await;
    assert_eq!(status, 404);
    let (status, _) = c
        .call(
            "DELETE",
            &format!("{V1}/policySet/{set_id}/rule/{rule_id}?microtenantId={mt}"),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 204);
}
