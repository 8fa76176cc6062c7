//! ZIA web policy area: URL categories and lookups, URL filtering rules, cloud app control,
//! shadow IT and DLP.

mod common;

use common::{arr, names};

use serde_json::{Value, json};

#[tokio::test]
async fn url_categories_list_filters_and_get() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/urlCategories").await;
    assert_eq!(arr(&all).len(), 28);
    let news = &all[0];
    assert_eq!(news["id"], "NEWS_AND_MEDIA");
    assert_eq!(news["customCategory"], false);
    for key in [
        "configuredName",
        "superCategory",
        "keywords",
        "urls",
        "dbCategorizedUrls",
        "ipRanges",
        "urlKeywordCounts",
        "customUrlsCount",
        "type",
        "val",
        "description",
        "editable",
    ] {
        assert!(news.get(key).is_some(), "category lacks {key}");
    }
    let custom = c.ok("/zia/api/v1/urlCategories?customOnly=True").await;
    let ids: Vec<&str> = arr(&custom)
        .iter()
        .map(|c| c["id"].as_str().expect("string id"))
        .collect();
    assert_eq!(ids, ["CUSTOM_01", "CUSTOM_02", "CUSTOM_03", "CUSTOM_04"]);
    assert_eq!(custom[0]["configuredName"], "Approved SaaS");
    assert_eq!(custom[0]["urlKeywordCounts"]["totalUrlCount"], 3);
    let tld = c.ok("/zia/api/v1/urlCategories?type=TLD_CATEGORY").await;
    assert_eq!(arr(&tld).len(), 1);
    assert_eq!(tld[0]["urls"], json!([".zip", ".mov"]));
    assert_eq!(
        arr(&c
            .ok("/zia/api/v1/urlCategories?type=ALL&customOnly=false")
            .await)
        .len(),
        28
    );
    assert_eq!(c.get("/zia/api/v1/urlCategories?type=BOGUS").await.0, 400);
    assert_eq!(
        c.get("/zia/api/v1/urlCategories?customOnly=maybe").await.0,
        400
    );
    let one = c.ok("/zia/api/v1/urlCategories/SOCIAL_NETWORKING").await;
    assert_eq!(one["superCategory"], "SOCIETY_AND_LIFESTYLE");
    let (status, body) = c.get("/zia/api/v1/urlCategories/NOT_A_CATEGORY").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("RESOURCE_NOT_FOUND"))
    );
}

#[tokio::test]
async fn custom_category_lifecycle_and_url_list_edits() {
    let c = common::start().await;
    let body = json!({"type": "URL_CATEGORY", "superCategory": "USER_DEFINED", "urls": ["a.example", ".b.example"],
        "customCategory": true, "configuredName": "Sandbox Test", "description": "d", "keywords": ["k"],
        "ipRanges": ["192.0.2.0/24"]});
    let (status, created) = c
        .call("POST", "/zia/api/v1/urlCategories", Some(body.clone()))
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["id"], "CUSTOM_05");
    assert_eq!(created["customUrlsCount"], 2);
    assert_eq!(created["customIpRangesCount"], 1);
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "PENDING");
    let (status, err) = c
        .call("POST", "/zia/api/v1/urlCategories", Some(body))
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (409, Some("DUPLICATE_ITEM"))
    );
    for (bad, needle) in [
        (json!({"urls": ["x.example"]}), "configuredName"),
        (
            json!({"configuredName": "X", "superCategory": "NOPE"}),
            "superCategory",
        ),
        (
            json!({"configuredName": "X", "type": "TLD_CATEGORY", "urls": ["x.example"]}),
            "TLD",
        ),
        (
            json!({"configuredName": "X", "ipRanges": ["300.1.1.1/8"]}),
            "ipRanges",
        ),
    ] {
        let (status, err) = c.call("POST", "/zia/api/v1/urlCategories", Some(bad)).await;
        assert_eq!(status, 400, "{err}");
        assert!(
            err["message"].as_str().expect("message").contains(needle),
            "{err}"
        );
    }
    let path = "/zia/api/v1/urlCategories/CUSTOM_05";
    let (status, added) = c
        .call(
            "PUT",
            &format!("{path}?action=ADD_TO_LIST"),
            Some(json!({"configuredName": "Sandbox Test", "urls": ["c.example", "a.example"]})),
        )
        .await;
    assert_eq!(status, 200, "{added}");
    assert_eq!(
        added["urls"],
        json!(["a.example", ".b.example", "c.example"])
    );
    assert_eq!(
        added["keywords"],
        json!(["k"]),
        "list edits leave the rest alone"
    );
    let (status, removed) = c
        .call(
            "PUT",
            &format!("{path}?action=REMOVE_FROM_LIST"),
            Some(json!({"configuredName": "Sandbox Test", "urls": ["a.example"]})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(removed["urls"], json!([".b.example", "c.example"]));
    assert_eq!(removed["urlKeywordCounts"]["totalUrlCount"], 2);
    assert_eq!(
        c.call(
            "PUT",
            &format!("{path}?action=REPLACE"),
            Some(json!({"urls": ["x"]}))
        )
        .await
        .0,
        400
    );
    let (status, replaced) = c
        .call(
            "PUT",
            path,
            Some(json!({"configuredName": "Renamed", "urls": ["z.example"]})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["id"], "CUSTOM_05");
    assert_eq!(replaced["keywords"], json!([]));
    assert_eq!(replaced["superCategory"], "USER_DEFINED");
    assert_eq!(c.ok(path).await["configuredName"], "Renamed");
    assert_eq!(c.call("PUT", path, Some(json!({"urls": []}))).await.0, 400);
    // Predefined: URLs can be added, the name stays; it cannot be deleted.
    let (status, news) = c
        .call(
            "PUT",
            "/zia/api/v1/urlCategories/NEWS_AND_MEDIA",
            Some(json!({"configuredName": "Mine", "urls": ["local-news.example"]})),
        )
        .await;
    assert_eq!(status, 200, "{news}");
    assert_eq!(news["configuredName"], "News and Media");
    assert_eq!(news["urls"], json!(["local-news.example"]));
    assert_eq!(
        c.call("DELETE", "/zia/api/v1/urlCategories/NEWS_AND_MEDIA", None)
            .await
            .0,
        400
    );
    assert_eq!(c.call("DELETE", path, Some(json!({}))).await.0, 204);
    assert_eq!(c.get(path).await.0, 404);
    assert_eq!(c.call("DELETE", path, None).await.0, 404);
}

#[tokio::test]
async fn url_lookup_classifies_and_limits_batches() {
    let c = common::start().await;
    let (status, body) = c
        .call(
            "POST",
            "/zia/api/v1/urlLookup",
            Some(json!([
                "www.cnn.com/world",
                "https://eicar.example/x",
                "unknown.example"
            ])),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body[0],
        json!({"url": "www.cnn.com/world", "urlClassifications": ["NEWS_AND_MEDIA"], "urlClassificationsWithSecurityAlert": []})
    );
    assert_eq!(
        body[1]["urlClassificationsWithSecurityAlert"],
        json!(["MALWARE_SITE"])
    );
    assert_eq!(
        body[2]["urlClassifications"],
        json!(["MISCELLANEOUS_OR_UNKNOWN"])
    );
    let many: Vec<String> = (0..101).map(|i| format!("site{i}.example")).collect();
    let (status, err) = c
        .call("POST", "/zia/api/v1/urlLookup", Some(json!(many)))
        .await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(
        c.call(
            "POST",
            "/zia/api/v1/urlLookup",
            Some(json!({"urls": ["a"]}))
        )
        .await
        .0,
        400
    );
    assert_eq!(
        c.call("POST", "/zia/api/v1/urlLookup", Some(json!([])))
            .await
            .0,
        400
    );
    assert_eq!(
        c.call("POST", "/zia/api/v1/urlLookup", Some(json!([1])))
            .await
            .0,
        400
    );
}

#[tokio::test]
async fn url_filtering_rules_crud_and_validation() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/urlFilteringRules").await;
    assert_eq!(arr(&all).len(), 8);
    assert_eq!(
        all[0]["urlCategories"],
        json!(["MALWARE_SITE", "PHISHING", "BOTNET", "SPYWARE_OR_ADWARE"])
    );
    assert_eq!(
        all[7]["groups"],
        json!([{"id": 82_000_001, "name": "Engineering Staff"}])
    );
    assert_eq!(all[2]["timeWindows"][0]["name"], "Business Hours");
    let blocks = c.ok("/zia/api/v1/urlFilteringRules?search=block").await;
    assert_eq!(
        names(&blocks),
        [
            "Block Malicious Categories",
            "Block Gambling",
            "Block Blocked Domains"
        ]
    );
    let page = c
        .ok("/zia/api/v1/urlFilteringRules?page=2&pageSize=5")
        .await;
    assert_eq!(arr(&page).len(), 3);
    let body = json!({"name": "Sandbox URL rule", "action": "BLOCK", "order": 1, "rank": 7, "srcIps": ["10.0.0.1"],
        "destAddresses": ["8.8.8.8"], "enableFullLogging": true, "state": "ENABLED", "departments": [{"id": 81_000_001}],
        "groups": [{"id": 82_000_002}], "labels": [{"id": 3_300_001}], "locations": [{"id": 61_480_001}], "nwServices": [{"id": 444}]});
    let (status, created) = c
        .call("POST", "/zia/api/v1/urlFilteringRules", Some(body.clone()))
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["labels"], json!([{"id": 3_300_001}]));
    assert_eq!(created["protocols"], json!(["ANY_RULE"]));
    assert!(created["lastModifiedBy"].is_object());
    let (status, _) = c
        .call("POST", "/zia/api/v1/urlFilteringRules", Some(body))
        .await;
    assert_eq!(status, 409);
    for (bad, field) in [
        (json!({"name": "x", "state": "ON"}), "'state'"),
        (json!({"name": "x", "action": "DROP"}), "'action'"),
        (json!({"name": "x", "order": 0}), "'order'"),
        (json!({"name": "x", "rank": 9}), "'rank'"),
        (json!({"name": "x", "locations": [111]}), "'locations'"),
        (json!({"action": "BLOCK"}), "'name'"),
    ] {
        let (status, err) = c
            .call("POST", "/zia/api/v1/urlFilteringRules", Some(bad))
            .await;
        assert_eq!(status, 400, "{err}");
        assert!(
            err["message"].as_str().expect("message").contains(field),
            "{err}"
        );
    }
    let path = format!("/zia/api/v1/urlFilteringRules/{}", created["id"]);
    let (status, replaced) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Sandbox URL rule", "state": "DISABLED", "action": "CAUTION"})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["state"], "DISABLED");
    assert_eq!(replaced["labels"], json!([]), "PUT replaces the whole rule");
    assert_eq!(c.ok(&path).await["action"], "CAUTION");
    assert_eq!(c.call("DELETE", &path, Some(json!({}))).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
}

#[tokio::test]
async fn cloud_app_control_rules_per_type() {
    let c = common::start().await;
    let social = c
        .ok("/zia/api/v1/webApplicationRules/SOCIAL_NETWORKING")
        .await;
    assert_eq!(
        names(&social),
        ["Read-only Social Media", "Marketing Social Posting"]
    );
    assert!(
        arr(&social)
            .iter()
            .all(|r| r["type"] == "SOCIAL_NETWORKING")
    );
    assert_eq!(social[1]["departments"][0]["name"], "Marketing");
    let (status, err) = c.get("/zia/api/v1/webApplicationRules/NOT_A_TYPE").await;
    assert_eq!(status, 400, "{err}");
    let body = json!({"name": "Sandbox app rule", "order": 1, "rank": 7, "state": "ENABLED",
        "actions": ["BLOCK_WEBMAIL_SEND"], "applications": ["GMAIL"], "groups": [{"id": 82_000_006}]});
    let (status, created) = c
        .call(
            "POST",
            "/zia/api/v1/webApplicationRules/WEBMAIL",
            Some(body),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["type"], "WEBMAIL");
    let id = created["id"].as_i64().expect("id");
    let path = format!("/zia/api/v1/webApplicationRules/WEBMAIL/{id}");
    assert_eq!(c.ok(&path).await["applications"], json!(["GMAIL"]));
    // The same id under another type is not found.
    assert_eq!(
        c.get(&format!("/zia/api/v1/webApplicationRules/FILE_SHARE/{id}"))
            .await
            .0,
        404
    );
    // A single `action` becomes `actions`.
    let (status, replaced) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Sandbox app rule", "action": "ALLOW_WEBMAIL_VIEW"})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["actions"], json!(["ALLOW_WEBMAIL_VIEW"]));
    assert_eq!(replaced["type"], "WEBMAIL");
    for bad in [
        json!({"name": "y", "actions": ["BLOCK_CHAT"]}),
        json!({"name": "y", "applications": ["YOUTUBE"]}),
        json!({"name": "y", "state": "on"}),
    ] {
        let (status, err) = c
            .call("POST", "/zia/api/v1/webApplicationRules/WEBMAIL", Some(bad))
            .await;
        assert_eq!(status, 400, "{err}");
    }
    assert_eq!(
        arr(&c.ok("/zia/api/v1/webApplicationRules/WEBMAIL").await).len(),
        2
    );
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
}

#[tokio::test]
async fn available_actions_and_policy_catalogue() {
    let c = common::start().await;
    let (status, actions) = c
        .call(
            "POST",
            "/zia/api/v1/webApplicationRules/STREAMING_MEDIA/availableActions",
            Some(json!({"cloudApps": ["YOUTUBE"]})),
        )
        .await;
    assert_eq!(status, 200, "{actions}");
    let actions = arr(&actions);
    assert!(actions.iter().all(Value::is_string));
    assert!(actions.contains(&json!("BLOCK_STREAMING_UPLOAD")));
    for bad in [
        json!({}),
        json!({"cloudApps": []}),
        json!({"cloudApps": ["GMAIL"]}),
        json!({"cloudApps": ["NOPE"]}),
    ] {
        let (status, err) = c
            .call(
                "POST",
                "/zia/api/v1/webApplicationRules/STREAMING_MEDIA/availableActions",
                Some(bad),
            )
            .await;
        assert_eq!(status, 400, "{err}");
    }
    let all = c.ok("/zia/api/v1/cloudApplications/policy").await;
    assert_eq!(arr(&all).len(), 20);
    assert_eq!(
        all[0],
        json!({"app": "YOUTUBE", "appName": "YouTube", "parent": "STREAMING_MEDIA", "parentName": "Streaming Media"})
    );
    let files = c
        .ok("/zia/api/v1/cloudApplications/policy?appClass=FILE_SHARE")
        .await;
    assert_eq!(arr(&files).len(), 4);
    let drive = c
        .ok("/zia/api/v1/cloudApplications/policy?search=drive")
        .await;
    assert_eq!(drive[0]["app"], "GDRIVE");
    let page = c
        .ok("/zia/api/v1/cloudApplications/policy?page=2&pageSize=15")
        .await;
    assert_eq!(arr(&page).len(), 5);
    let grouped = c
        .ok("/zia/api/v1/cloudApplications/policy?groupResults=true")
        .await;
    assert_eq!(
        grouped[3],
        json!({"parent": "FILE_SHARE", "parentName": "File Sharing", "count": 4})
    );
    assert_eq!(
        c.get("/zia/api/v1/cloudApplications/policy?appClass=NOPE")
            .await
            .0,
        400
    );
}

#[tokio::test]
async fn shadow_it_apps_tags_and_bulk_update() {
    let c = common::start().await;
    let tags = c.ok("/zia/api/v1/customTags").await;
    assert_eq!(
        names(&tags),
        [
            "Approved by IT",
            "Under Review",
            "Risky",
            "Finance Only",
            "Legacy"
        ]
    );
    let all = c.ok("/zia/api/v1/cloudApplications/lite").await;
    assert_eq!(arr(&all).len(), 20);
    let p0 = c
        .ok("/zia/api/v1/cloudApplications/lite?pageNumber=0&limit=8")
        .await;
    let p2 = c
        .ok("/zia/api/v1/cloudApplications/lite?pageNumber=2&limit=8")
        .await;
    let p3 = c
        .ok("/zia/api/v1/cloudApplications/lite?pageNumber=3&limit=8")
        .await;
    assert_eq!((arr(&p0).len(), arr(&p2).len(), arr(&p3).len()), (8, 4, 0));
    assert_eq!(p0[0]["name"], "YouTube");
    assert_eq!(
        c.get("/zia/api/v1/cloudApplications/lite?limit=1001")
            .await
            .0,
        400
    );
    assert_eq!(
        c.get("/zia/api/v1/cloudApplications/lite?pageNumber=-1")
            .await
            .0,
        400
    );
    let ids = [all[0]["id"].clone(), all[1]["id"].clone()];
    let (status, body) = c
        .call("PUT", "/zia/api/v1/cloudApplications/bulkUpdate",
            Some(json!({"sanctionedState": "SANCTIONED", "applicationIds": ids, "customTags": [{"id": 4}]})))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["sanctionedState"], "SANCTIONED");
    let after = c.ok("/zia/api/v1/cloudApplications/lite?limit=2").await;
    assert!(
        arr(&after)
            .iter()
            .all(|a| a["sanctionedState"] == "SANCTIONED")
    );
    assert_eq!(
        after[1]["customTags"],
        json!([{"id": 4, "name": "Finance Only"}])
    );
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "PENDING");
    for (bad, status) in [
        (
            json!({"sanctionedState": "MAYBE", "applicationIds": [ids[0]]}),
            400,
        ),
        (
            json!({"sanctionedState": "SANCTIONED", "applicationIds": []}),
            400,
        ),
        (
            json!({"sanctionedState": "SANCTIONED", "applicationIds": [999]}),
            404,
        ),
        (
            json!({"sanctionedState": "SANCTIONED", "applicationIds": [ids[0]], "customTags": [{"id": 99}]}),
            400,
        ),
    ] {
        let (got, err) = c
            .call("PUT", "/zia/api/v1/cloudApplications/bulkUpdate", Some(bad))
            .await;
        assert_eq!(got, status, "{err}");
    }
}

#[tokio::test]
async fn dlp_dictionaries_engines_and_rules() {
    let c = common::start().await;
    let dicts = c.ok("/zia/api/v1/dlpDictionaries").await;
    assert_eq!(arr(&dicts).len(), 10);
    let cc = c.ok("/zia/api/v1/dlpDictionaries?search=credit").await;
    assert_eq!(names(&cc), ["CREDIT_CARD_NUMBERS"]);
    let lite = c.ok("/zia/api/v1/dlpDictionaries/lite").await;
    assert_eq!(
        lite[1],
        json!({"id": 2, "name": "US_SSN", "nameL10nTag": true})
    );
    assert_eq!(
        c.ok("/zia/api/v1/dlpDictionaries/5").await["name"],
        "SOURCE_CODE"
    );
    assert_eq!(c.get("/zia/api/v1/dlpDictionaries/999").await.0, 404);
    let engines = c.ok("/zia/api/v1/dlpEngines").await;
    assert_eq!(arr(&engines).len(), 6);
    assert_eq!(
        engines[1]["engineExpression"],
        "((D2.S > 1) AND (D4.S > 2))"
    );
    let elite = c.ok("/zia/api/v1/dlpEngines/lite").await;
    assert_eq!(
        elite[0],
        json!({"id": 60, "name": "PCI", "predefinedEngineName": "PCI"})
    );
    assert_eq!(
        c.ok("/zia/api/v1/dlpEngines/64").await["customDlpEngine"],
        true
    );
    let rules = c.ok("/zia/api/v1/webDlpRules").await;
    assert_eq!(arr(&rules).len(), 5);
    assert_eq!(rules[0]["dlpEngines"], json!([{"id": 60, "name": "PCI"}]));
    let rlite = c.ok("/zia/api/v1/webDlpRules/lite").await;
    assert_eq!(
        rlite[2],
        json!({"id": rules[2]["id"], "name": "Block Source Code Leakage", "order": 3})
    );
    let body = json!({"name": "Sandbox DLP", "action": "BLOCK", "state": "ENABLED", "order": 1, "rank": 7,
        "dlpEngines": [{"id": 61}], "departments": [{"id": 81_000_002}]});
    let (status, created) = c.call("POST", "/zia/api/v1/webDlpRules", Some(body)).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["matchOnly"], false);
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/webDlpRules",
            Some(json!({"name": "Bad engine", "dlpEngines": [{"id": 7}]})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(
        c.call(
            "POST",
            "/zia/api/v1/webDlpRules",
            Some(json!({"name": "Monitor HIPAA"}))
        )
        .await
        .0,
        409
    );
    let path = format!("/zia/api/v1/webDlpRules/{}", created["id"]);
    let (status, replaced) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Sandbox DLP 2", "action": "ALLOW"})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["dlpEngines"], json!([]));
    assert_eq!(c.ok(&path).await["name"], "Sandbox DLP 2");
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
}
