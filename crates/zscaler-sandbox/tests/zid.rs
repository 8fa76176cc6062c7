//! ZIdentity contract: the `records` envelope with `offset`/`limit` paging and links, bracket
//! filters on users and groups, group membership both ways, and the ZIdentity error shape.

mod common;

use serde_json::Value;

const USERS: &str = "/ziam/admin/api/v1/users";
const GROUPS: &str = "/ziam/admin/api/v1/groups";

fn records(body: &Value) -> &Vec<Value> {
    body["records"].as_array().expect("records array")
}

fn strs<'a>(body: &'a Value, field: &str) -> Vec<&'a str> {
    records(body)
        .iter()
        .map(|r| r[field].as_str().expect("string field"))
        .collect()
}

#[tokio::test]
async fn users_page_with_offset_and_limit_at_the_edges() {
    let c = common::start().await;
    let first = c.ok(&format!("{USERS}?offset=0&limit=15")).await;
    assert_eq!(records(&first).len(), 15);
    assert_eq!(first["results_total"], 40);
    assert_eq!(first["pageOffset"], 0);
    assert_eq!(first["pageSize"], 15);
    assert_eq!(first["prev_link"], Value::Null);
    assert!(
        first["next_link"]
            .as_str()
            .expect("next_link")
            .ends_with("/ziam/admin/api/v1/users?offset=15&limit=15")
    );
    let last = c.ok(&format!("{USERS}?offset=30&limit=15")).await;
    assert_eq!(records(&last).len(), 10);
    assert_eq!(last["next_link"], Value::Null);
    assert!(
        last["prev_link"]
            .as_str()
            .expect("prev_link")
            .contains("offset=15&limit=15")
    );
    // Pages do not overlap.
    let ids_first = strs(&first, "id");
    assert!(strs(&last, "id").iter().all(|id| !ids_first.contains(id)));
    let past = c.ok(&format!("{USERS}?offset=45&limit=15")).await;
    assert!(records(&past).is_empty());
    assert_eq!(past["results_total"], 40);
    // Default page size is 100; the maximum is 1000.
    let default = c.ok(USERS).await;
    assert_eq!(records(&default).len(), 40);
    assert_eq!(default["pageSize"], 100);
    let all = c.ok(&format!("{USERS}?limit=1000")).await;
    assert_eq!(records(&all).len(), 40);
    for bad in ["limit=0", "limit=1001", "offset=-1", "limit=ten"] {
        let (status, body) = c.get(&format!("{USERS}?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["errorCode"], "INVALID_INPUT_ARGUMENT");
        assert!(
            body["errorMessage"]
                .as_str()
                .expect("message")
                .contains('\'')
        );
    }
}

#[tokio::test]
async fn user_records_are_complete() {
    let c = common::start().await;
    let body = c.ok(USERS).await;
    assert_eq!(body["results_total"], 40);
    for user in records(&body) {
        for key in [
            "id",
            "loginName",
            "displayName",
            "firstName",
            "lastName",
            "primaryEmail",
            "secondaryEmail",
            "status",
            "source",
            "idp",
            "department",
            "isDynamicGroup",
            "dynamicGroup",
            "adminEntitlementEnabled",
            "serviceEntitlementEnabled",
            "customAttrsInfo",
        ] {
            assert!(user.get(key).is_some(), "user lacks {key}: {user}");
        }
        assert_eq!(user["id"].as_str().expect("id").len(), 13);
        assert!(user["idp"]["name"].is_string());
    }
}

#[tokio::test]
async fn user_filters_are_substring_and_exact() {
    let c = common::start().await;
    let all = c.ok(&format!("{USERS}?limit=1000")).await;
    let sample = records(&all)[5].clone();
    let login = sample["loginName"].as_str().expect("login");
    // loginName[like]: a case-insensitive substring.
    let fragment = login[..login.find('@').expect("@")].to_uppercase();
    let hits = c
        .ok(&format!("{USERS}?loginName%5Blike%5D={fragment}"))
        .await;
    assert_eq!(strs(&hits, "loginName"), vec![login]);
    // Unencoded brackets work too.
    let hits = c.ok(&format!("{USERS}?loginName[like]={fragment}")).await;
    assert_eq!(hits["results_total"], 1);
    let first_name = sample["firstName"].as_str().expect("first");
    let hits = c
        .ok(&format!(
            "{USERS}?displayName[like]={}&limit=1000",
            first_name.to_lowercase()
        ))
        .await;
    assert!(!records(&hits).is_empty());
    assert!(
        strs(&hits, "displayName")
            .iter()
            .all(|d| d.to_lowercase().contains(&first_name.to_lowercase()))
    );
    let hits = c
        .ok(&format!(
            "{USERS}?primaryEmail[like]=emea.example&limit=1000"
        ))
        .await;
    let emea = records(&hits).len();
    assert!(emea > 0 && emea < 40);
    // domainName: exact domain of the login.
    let hits = c
        .ok(&format!("{USERS}?domainName=EMEA.example.com&limit=1000"))
        .await;
    assert_eq!(records(&hits).len(), emea);
    let hits = c
        .ok(&format!("{USERS}?domainName=example.com&limit=1000"))
        .await;
    assert_eq!(records(&hits).len(), 40 - emea);
    assert!(
        strs(&hits, "loginName")
            .iter()
            .all(|l| l.ends_with("@example.com"))
    );
    // idpName: exact IdP name.
    let hits = c.ok(&format!("{USERS}?idpName=okta&limit=1000")).await;
    assert!(!records(&hits).is_empty());
    assert!(records(&hits).iter().all(|u| u["idp"]["name"] == "Okta"));
    // Filters combine.
    let none = c
        .ok(&format!(
            "{USERS}?idpName=Okta&loginName[like]=no-such-user"
        ))
        .await;
    assert_eq!(none["results_total"], 0);
}

#[tokio::test]
async fn get_user_and_group_and_404_shape() {
    let c = common::start().await;
    let user = records(&c.ok(USERS).await)[0].clone();
    let id = user["id"].as_str().expect("id");
    assert_eq!(c.ok(&format!("{USERS}/{id}")).await, user);
    let group = records(&c.ok(GROUPS).await)[0].clone();
    let gid = group["id"].as_str().expect("id");
    assert_eq!(c.ok(&format!("{GROUPS}/{gid}")).await, group);
    for path in [
        format!("{USERS}/nosuchuser000"),
        format!("{GROUPS}/nosuchgroup00"),
        format!("{USERS}/nosuchuser000/groups"),
        format!("{GROUPS}/nosuchgroup00/users"),
    ] {
        let (status, body) = c.get(&path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(body["errorCode"], "RESOURCE_NOT_FOUND");
        assert!(
            body["errorMessage"]
                .as_str()
                .expect("message")
                .contains("nosuch")
        );
    }
}

#[tokio::test]
async fn groups_filter_by_name_and_exclude_dynamic_groups() {
    let c = common::start().await;
    let all = c.ok(GROUPS).await;
    assert_eq!(all["results_total"], 12);
    assert!(records(&all).iter().all(|g| g["description"].is_string()));
    let dynamic = records(&all)
        .iter()
        .filter(|g| g["isDynamicGroup"] == true)
        .count();
    assert_eq!(dynamic, 2);
    let hits = c.ok(&format!("{GROUPS}?name[like]=FINANCE")).await;
    assert_eq!(strs(&hits, "name"), vec!["Finance"]);
    let hits = c.ok(&format!("{GROUPS}?name[like]=dynamic")).await;
    assert_eq!(hits["results_total"], 2);
    // The SDK sends Python booleans.
    let hits = c.ok(&format!("{GROUPS}?excludeDynamicGroups=True")).await;
    assert_eq!(hits["results_total"], 10);
    assert!(records(&hits).iter().all(|g| g["isDynamicGroup"] == false));
    let hits = c.ok(&format!("{GROUPS}?excludeDynamicGroups=False")).await;
    assert_eq!(hits["results_total"], 12);
    let (status, body) = c.get(&format!("{GROUPS}?excludeDynamicGroups=maybe")).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["errorCode"], "INVALID_INPUT_ARGUMENT");
    let page = c.ok(&format!("{GROUPS}?offset=10&limit=5")).await;
    assert_eq!(records(&page).len(), 2);
    assert_eq!(page["pageOffset"], 10);
}

#[tokio::test]
async fn membership_is_consistent_both_ways() {
    let c = common::start().await;
    let finance = c.ok(&format!("{GROUPS}?name[like]=Finance")).await;
    let gid = records(&finance)[0]["id"].as_str().expect("id").to_string();
    let members = c.ok(&format!("{GROUPS}/{gid}/users?limit=1000")).await;
    let total = members["results_total"].as_u64().expect("total");
    assert!(total > 0);
    assert_eq!(records(&members).len() as u64, total);
    for user in records(&members).iter().take(5) {
        assert!(user["loginName"].is_string());
        let uid = user["id"].as_str().expect("id");
        let groups = c.ok(&format!("{USERS}/{uid}/groups")).await;
        assert!(strs(&groups, "id").contains(&gid.as_str()), "{groups}");
    }
    // The dynamic "All Employees" group holds everyone.
    let everyone = c.ok(&format!("{GROUPS}?name[like]=All Employees")).await;
    let all_id = records(&everyone)[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let page = c
        .ok(&format!("{GROUPS}/{all_id}/users?offset=0&limit=15"))
        .await;
    assert_eq!(page["results_total"], 40);
    assert_eq!(records(&page).len(), 15);
    assert!(
        page["next_link"]
            .as_str()
            .expect("next")
            .contains("offset=15")
    );
    let (status, _) = c.get(&format!("{GROUPS}/{all_id}/users?limit=5000")).await;
    assert_eq!(status, 400);
}
