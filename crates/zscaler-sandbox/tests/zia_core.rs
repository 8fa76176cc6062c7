//! ZIA core behaviour: bare-array lists, search, CRUD persistence, duplicate names, activation.

mod common;

use serde_json::json;

#[tokio::test]
async fn writes_are_pending_until_activation() {
    let c = common::start().await;
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "ACTIVE");
    let (status, created) = c
        .call(
            "POST",
            "/zia/api/v1/firewallFilteringRules",
            Some(json!({"name": "Sandbox test rule", "action": "BLOCK_DROP"})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_u64().expect("integer id");
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "PENDING");
    // Reads see the write at once.
    let got = c
        .ok(&format!("/zia/api/v1/firewallFilteringRules/{id}"))
        .await;
    assert_eq!(got["name"], "Sandbox test rule");
    let (status, activated) = c
        .call("POST", "/zia/api/v1/status/activate", Some(json!({})))
        .await;
    assert_eq!(status, 200);
    assert_eq!(activated["status"], "ACTIVE");
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "ACTIVE");
}

#[tokio::test]
async fn list_is_a_bare_array_and_search_filters_by_name() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/firewallFilteringRules").await;
    let all = all.as_array().expect("bare array");
    assert!(all.len() >= 6);
    let hits = c
        .ok("/zia/api/v1/firewallFilteringRules?search=allow")
        .await;
    let hits = hits.as_array().expect("bare array");
    assert!(!hits.is_empty() && hits.len() < all.len());
    assert!(hits.iter().all(|r| {
        r["name"]
            .as_str()
            .expect("name")
            .to_lowercase()
            .contains("allow")
    }));
}

#[tokio::test]
async fn duplicate_name_is_refused_with_the_zia_error_shape() {
    let c = common::start().await;
    let (status, body) = c
        .call(
            "POST",
            "/zia/api/v1/firewallFilteringRules",
            Some(json!({"name": "Block Tor"})),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "DUPLICATE_ITEM");
    let (status, body) = c
        .call(
            "POST",
            "/zia/api/v1/firewallFilteringRules",
            Some(json!({"description": "no name"})),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "INVALID_INPUT_ARGUMENT");
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("'name'")
    );
}

#[tokio::test]
async fn replace_is_full_and_delete_answers_204_then_404() {
    let c = common::start().await;
    let first = c.ok("/zia/api/v1/firewallFilteringRules").await[0].clone();
    let id = first["id"].as_u64().expect("id");
    let path = format!("/zia/api/v1/firewallFilteringRules/{id}");
    let (status, replaced) = c.call("PUT", &path, Some(json!({"name": "Renamed"}))).await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["id"], id);
    assert_eq!(replaced["name"], "Renamed");
    // Full replacement: fields not sent are gone (server defaults aside).
    assert!(replaced.get("description").is_none());
    let (status, body) = c.call("DELETE", &path, Some(json!({}))).await;
    assert_eq!(status, 204, "{body}");
    let (status, body) = c.get(&path).await;
    assert_eq!(status, 404);
    assert_eq!(body["code"], "RESOURCE_NOT_FOUND");
}

#[tokio::test]
async fn get_with_an_empty_json_body_is_accepted() {
    let c = common::start().await;
    let (status, body) = c
        .call("GET", "/zia/api/v1/firewallFilteringRules", Some(json!({})))
        .await;
    assert_eq!(status, 200);
    assert!(body.is_array());
}

#[tokio::test]
async fn users_page_with_page_and_page_size() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 250,
        ..Default::default()
    })
    .await;
    let page1 = c.ok("/zia/api/v1/users?page=1&pageSize=100").await;
    let page3 = c.ok("/zia/api/v1/users?page=3&pageSize=100").await;
    assert_eq!(page1.as_array().expect("array").len(), 100);
    assert_eq!(page3.as_array().expect("array").len(), 50);
    let (status, body) = c.get("/zia/api/v1/users?pageSize=0").await;
    assert_eq!(status, 400, "{body}");
}
