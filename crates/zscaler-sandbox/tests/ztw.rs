//! ZTW (Cloud & Branch Connector) contract: bare arrays, `page`/`pageSize`, `search`, CRUD of IP
//! groups, the ZIA error shape, and the filtered admin/role/service/cloud-account lists.

mod common;

use serde_json::{Value, json};

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("bare array")
        .iter()
        .map(|r| r["name"].as_str().expect("name").to_string())
        .collect()
}

#[tokio::test]
async fn ip_group_lists_page_search_and_lite() {
    let c = common::start().await;
    let all = c.ok("/ztw/api/v1/ipGroups").await;
    let all = all.as_array().expect("bare array").clone();
    assert_eq!(all.len(), 4);
    for g in &all {
        assert!(g["id"].is_u64(), "integer id: {g}");
        assert!(g["ipAddresses"].as_array().is_some_and(|a| !a.is_empty()));
        assert!(g.get("description").is_some() && g.get("isNonEditable").is_some());
    }
    // First page, last partial page, past the end, bad size.
    let first = c.ok("/ztw/api/v1/ipGroups?page=1&pageSize=3").await;
    assert_eq!(first.as_array().expect("array").len(), 3);
    assert_eq!(first[0]["id"], all[0]["id"]);
    let last = c.ok("/ztw/api/v1/ipGroups?page=2&pageSize=3").await;
    assert_eq!(last.as_array().expect("array").len(), 1);
    assert_eq!(last[0]["id"], all[3]["id"]);
    let past = c.ok("/ztw/api/v1/ipGroups?page=9&pageSize=3").await;
    assert_eq!(past, json!([]));
    let (status, body) = c.get("/ztw/api/v1/ipGroups?pageSize=0").await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "INVALID_INPUT_ARGUMENT");
    // search is a case-insensitive substring of the name.
    let hits = c.ok("/ztw/api/v1/ipGroups?search=center").await;
    assert_eq!(names(&hits), vec!["Data Center Servers"]);
    // lite: id and name only.
    let lite = c.ok("/ztw/api/v1/ipGroups/lite").await;
    assert_eq!(lite.as_array().expect("array").len(), 4);
    assert_eq!(lite[0]["id"], all[0]["id"]);
    assert_eq!(lite[0]["name"], all[0]["name"]);
    assert!(lite[0].get("ipAddresses").is_none());
}

#[tokio::test]
async fn ip_group_create_duplicate_validation_and_delete() {
    let c = common::start().await;
    let (status, created) = c
        .call(
            "POST",
            "/ztw/api/v1/ipGroups",
            Some(json!({"name": "Sandbox Group", "description": "t", "ipAddresses": ["10.9.9.0/24"]})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_u64().expect("integer id");
    assert_eq!(created["ipAddresses"], json!(["10.9.9.0/24"]));
    assert_eq!(created["isNonEditable"], false);
    let hits = c.ok("/ztw/api/v1/ipGroups?search=sandbox").await;
    assert_eq!(hits[0]["id"], id);
    // No activation needed: the write is visible and nothing is pending anywhere.
    let lite = c.ok("/ztw/api/v1/ipGroups/lite").await;
    assert!(
        lite.as_array()
            .expect("array")
            .iter()
            .any(|g| g["id"] == id)
    );

    let (status, body) = c
        .call(
            "POST",
            "/ztw/api/v1/ipGroups",
            Some(json!({"name": "sandbox group", "ipAddresses": ["10.1.1.1"]})),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "DUPLICATE_ITEM");
    let (status, body) = c
        .call(
            "POST",
            "/ztw/api/v1/ipGroups",
            Some(json!({"name": "No addresses"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("'ipAddresses'")
    );
    let (status, body) = c
        .call(
            "POST",
            "/ztw/api/v1/ipGroups",
            Some(json!({"name": "Bad address", "ipAddresses": ["10.0.0.0/24", "10.0.0.999"]})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("10.0.0.999")
    );
    let (status, ranged) = c
        .call(
            "POST",
            "/ztw/api/v1/ipGroups",
            Some(json!({"name": "Range and v6", "ipAddresses": ["10.0.0.1-10.0.0.9", "2001:db8::/32"]})),
        )
        .await;
    assert_eq!(status, 200, "{ranged}");

    let (status, body) = c
        .call(
            "DELETE",
            &format!("/ztw/api/v1/ipGroups/{id}"),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(body, Value::Null);
    let (status, body) = c
        .call("DELETE", &format!("/ztw/api/v1/ipGroups/{id}"), None)
        .await;
    assert_eq!(status, 404);
    assert_eq!(body["code"], "RESOURCE_NOT_FOUND");
    assert_eq!(
        c.ok("/ztw/api/v1/ipGroups")
            .await
            .as_array()
            .expect("array")
            .len(),
        5,
        "four seeded plus the range group"
    );
}

#[tokio::test]
async fn ip_source_groups_crud_and_lite() {
    let c = common::start().await;
    assert_eq!(
        names(&c.ok("/ztw/api/v1/ipSourceGroups?search=guest").await),
        vec!["Guest WiFi"]
    );
    let (status, created) = c
        .call(
            "POST",
            "/ztw/api/v1/ipSourceGroups",
            Some(json!({"name": "Printers", "ipAddresses": ["10.50.0.10", "10.50.0.11"]})),
        )
        .await;
    assert_eq!(status, 200);
    let id = created["id"].as_u64().expect("id");
    let lite = c.ok("/ztw/api/v1/ipSourceGroups/lite").await;
    assert_eq!(lite.as_array().expect("array").len(), 5);
    assert!(
        lite.as_array()
            .expect("array")
            .iter()
            .any(|g| g["id"] == id && g["name"] == "Printers")
    );
    let (status, _) = c
        .call("DELETE", &format!("/ztw/api/v1/ipSourceGroups/{id}"), None)
        .await;
    assert_eq!(status, 204);
    let (status, _) = c
        .call("DELETE", "/ztw/api/v1/ipSourceGroups/424242", None)
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn ip_destination_groups_exclude_type_and_create() {
    let c = common::start().await;
    let all = c.ok("/ztw/api/v1/ipDestinationGroups").await;
    assert_eq!(all.as_array().expect("array").len(), 5);
    let no_ip = c
        .ok("/ztw/api/v1/ipDestinationGroups?excludeType=DSTN_IP")
        .await;
    let no_ip = no_ip.as_array().expect("array");
    assert_eq!(no_ip.len(), 3);
    assert!(no_ip.iter().all(|g| g["type"] != "DSTN_IP"));
    let (status, body) = c
        .get("/ztw/api/v1/ipDestinationGroups?excludeType=BOGUS")
        .await;
    assert_eq!(status, 400, "{body}");

    let (status, body) = c
        .call(
            "POST",
            "/ztw/api/v1/ipDestinationGroups",
            Some(json!({"name": "Missing type", "addresses": ["1.1.1.1"]})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("'type'")
    );
    let (status, body) = c
        .call(
            "POST",
            "/ztw/api/v1/ipDestinationGroups",
            Some(json!({"name": "Odd type", "type": "DSTN_SOMETHING", "addresses": []})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("'type'")
    );
    let (status, created) = c
        .call(
            "POST",
            "/ztw/api/v1/ipDestinationGroups",
            Some(json!({"name": "Google DNS", "description": "dns", "type": "DSTN_IP", "addresses": ["8.8.8.8", "8.8.4.4"], "countries": []})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["addresses"], json!(["8.8.8.8", "8.8.4.4"]));
    assert_eq!(created["ipCategories"], json!([]));
    let id = created["id"].as_u64().expect("id");
    let still_excluded = c
        .ok("/ztw/api/v1/ipDestinationGroups?excludeType=DSTN_IP")
        .await;
    assert!(
        !still_excluded
            .as_array()
            .expect("array")
            .iter()
            .any(|g| g["id"] == id)
    );
    let (status, _) = c
        .call(
            "DELETE",
            &format!("/ztw/api/v1/ipDestinationGroups/{id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn admin_roles_and_users_follow_the_include_flags() {
    let c = common::start().await;
    let roles = c.ok("/ztw/api/v1/adminRoles").await;
    assert_eq!(
        names(&roles),
        vec!["Super Admin", "Connector Operator", "Partner Admin"]
    );
    let roles = c
        .ok("/ztw/api/v1/adminRoles?includeAuditorRole=True&includeApiRoles=True&includePartnerRole=False")
        .await;
    assert_eq!(
        names(&roles),
        vec!["Super Admin", "Connector Operator", "Auditor", "API Admin"]
    );
    let one = c.ok("/ztw/api/v1/adminRoles?id=12").await;
    assert_eq!(names(&one), vec!["Connector Operator"]);
    assert_eq!(one[0]["rank"], 5);
    let (status, body) = c.get("/ztw/api/v1/adminRoles?includeApiRoles=maybe").await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "INVALID_INPUT_ARGUMENT");

    let admins = c.ok("/ztw/api/v1/adminUsers").await;
    let admins = admins.as_array().expect("array");
    assert_eq!(admins.len(), 4, "auditor and API admin hidden by default");
    assert!(admins.iter().all(|a| a["isAuditor"] == false));
    assert!(admins.iter().all(|a| a["role"]["id"].is_u64()));
    let with_auditors = c
        .ok("/ztw/api/v1/adminUsers?includeAuditorUsers=True&includeApiRoles=True")
        .await;
    assert_eq!(with_auditors.as_array().expect("array").len(), 6);
    let auditors_only = c
        .ok("/ztw/api/v1/adminUsers?includeAuditorUsers=True&includeAdminUsers=False")
        .await;
    assert_eq!(auditors_only.as_array().expect("array").len(), 1);
    assert_eq!(auditors_only[0]["userName"], "Mei Tanaka");
    let hits = c.ok("/ztw/api/v1/adminUsers?search=PRIYA").await;
    assert_eq!(hits[0]["loginName"], "priya.raman@example.com");
    let page = c.ok("/ztw/api/v1/adminUsers?page=2&pageSize=3").await;
    assert_eq!(page.as_array().expect("array").len(), 1);
}

#[tokio::test]
async fn discovery_settings_network_services_and_cloud_accounts() {
    let c = common::start().await;
    let settings = c
        .ok("/ztw/api/v1/discoveryService/workloadDiscoverySettings")
        .await;
    assert_eq!(settings["discoveryRole"], "ZscalerWorkloadDiscoveryRole");
    assert_eq!(
        settings["externalId"].as_str().expect("externalId").len(),
        32
    );
    assert_eq!(
        settings["trustedAccountId"]
            .as_str()
            .expect("account")
            .len(),
        12
    );

    let udp = c.ok("/ztw/api/v1/networkServices?protocol=UDP").await;
    let mut udp_names = names(&udp);
    udp_names.sort();
    assert_eq!(udp_names, vec!["DNS", "HTTPS", "NTP", "RDP", "SYSLOG"]);
    let tcp_dns = c
        .ok("/ztw/api/v1/networkServices?protocol=TCP&search=dns&locale=en-US")
        .await;
    assert_eq!(names(&tcp_dns), vec!["DNS"]);
    assert_eq!(tcp_dns[0]["destTcpPorts"], json!([{"start": 53, "end": 0}]));
    let (status, _) = c.get("/ztw/api/v1/networkServices?protocol=SCTP").await;
    assert_eq!(status, 400);
    let groups = c.ok("/ztw/api/v1/networkServiceGroups?search=web").await;
    assert_eq!(names(&groups), vec!["Web Services"]);
    let members = names(&groups[0]["services"]);
    assert_eq!(members, vec!["HTTP", "HTTPS"]);

    let clouds = c.ok("/ztw/api/v1/publicCloudInfo").await;
    assert_eq!(clouds.as_array().expect("array").len(), 4);
    let aws = c.ok("/ztw/api/v1/publicCloudInfo?cloudType=AWS").await;
    assert_eq!(aws.as_array().expect("array").len(), 2);
    assert!(
        aws.as_array()
            .expect("array")
            .iter()
            .all(|a| a["cloudType"] == "AWS" && a["accountDetails"]["awsAccountId"].is_string())
    );
    let page = c
        .ok("/ztw/api/v1/publicCloudInfo?page=2&pageSize=3&search=aws")
        .await;
    assert_eq!(page, json!([]));
    let details = c
        .ok("/ztw/api/v1/publicCloudAccountDetails?page=1&pageSize=2")
        .await;
    assert_eq!(details.as_array().expect("array").len(), 2);
    assert_eq!(details[0]["id"], clouds[0]["id"]);
    assert_eq!(details[0]["name"], clouds[0]["name"]);
    let (status, _) = c.get("/ztw/api/v1/publicCloudAccountDetails?page=0").await;
    assert_eq!(status, 400);
}
