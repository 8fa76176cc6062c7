//! ZIA security policy contract tests: ATP malware protection, ATP policy (settings, malicious
//! URLs, security exceptions), Sandbox (rules, MD5 block list, quota, reports), SSL inspection,
//! file type control, advanced settings and authentication exempt URLs.

mod common;

use common::names;

use serde_json::{Value, json};

const V1: &str = "/zia/api/v1";

async fn put_ok(c: &common::Client, path: &str, body: Value) -> Value {
    let (status, answer) = c.call("PUT", path, Some(body)).await;
    assert_eq!(status, 200, "PUT {path}: {answer}");
    answer
}

async fn pending(c: &common::Client) -> bool {
    c.ok(&format!("{V1}/status")).await["status"] == "PENDING"
}

#[tokio::test]
async fn settings_singletons_are_complete_objects() {
    let c = common::start().await;
    for (path, keys) in [
        ("advancedSettings", 49),
        ("cyberThreatProtection/advancedThreatSettings", 48),
        ("cyberThreatProtection/atpMalwareInspection", 2),
        ("cyberThreatProtection/atpMalwareProtocols", 3),
        ("cyberThreatProtection/malwarePolicy", 2),
        ("cyberThreatProtection/malwareSettings", 16),
        ("cyberThreatProtection/securityExceptions", 1),
        ("cyberThreatProtection/maliciousUrls", 1),
        ("authSettings/exemptedUrls", 1),
        ("behavioralAnalysisAdvancedSettings", 1),
    ] {
        let body = c.ok(&format!("{V1}/{path}")).await;
        let map = body.as_object().unwrap_or_else(|| panic!("{path}: object"));
        assert_eq!(map.len(), keys, "{path}: {body}");
        assert!(map.values().all(|v| !v.is_null()), "{path}: {body}");
    }
}

#[tokio::test]
async fn seeded_malware_settings_block_viruses() {
    let c = common::start().await;
    let malware = c
        .ok(&format!("{V1}/cyberThreatProtection/malwareSettings"))
        .await;
    assert_eq!(malware["virusBlocked"], true);
    assert!(malware["wormCapture"].is_boolean());
}

#[tokio::test]
async fn seeded_advanced_threat_settings() {
    let c = common::start().await;
    let atp = c
        .ok(&format!(
            "{V1}/cyberThreatProtection/advancedThreatSettings"
        ))
        .await;
    assert_eq!(atp["blockedCountries"], json!(["COUNTRY_KP", "COUNTRY_IR"]));
    assert!(
        atp["riskTolerance"]
            .as_i64()
            .is_some_and(|r| (20..=70).contains(&r))
    );
}

#[tokio::test]
async fn advanced_settings_put_is_a_full_replacement_pending_activation() {
    let c = common::start().await;
    let path = format!("{V1}/advancedSettings");
    let before = c.ok(&path).await;
    assert_eq!(
        before["authBypassUrls"],
        json!([".okta.com", ".login.microsoftonline.com"])
    );
    assert!(!pending(&c).await);
    // What the MCP tool sends, plus a real field.
    let answer = put_ok(
        &c,
        &path,
        json!({"traceSetting": true, "enableOffice365": false}),
    )
    .await;
    assert!(
        answer.get("traceSetting").is_none(),
        "unknown keys are dropped"
    );
    assert_eq!(answer["enableOffice365"], false);
    assert_eq!(
        answer["authBypassUrls"],
        json!([]),
        "left-out fields fall back to defaults"
    );
    assert_eq!(answer["uiSessionTimeout"], 1800);
    assert_eq!(answer.as_object().expect("object").len(), 49);
    assert_eq!(c.ok(&path).await, answer);
    assert!(pending(&c).await);
}

#[tokio::test]
async fn advanced_settings_put_is_validated() {
    let c = common::start().await;
    let path = format!("{V1}/advancedSettings");
    let (status, err) = c
        .call("PUT", &path, Some(json!({"logInternalIp": "yes"})))
        .await;
    assert_eq!(status, 400);
    assert_eq!(err["code"], "INVALID_INPUT_ARGUMENT");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("'logInternalIp'")
    );
    let (status, err) = c
        .call("PUT", &path, Some(json!({"uiSessionTimeout": 10})))
        .await;
    assert_eq!(status, 400, "{err}");
    let (status, _) = c
        .call("PUT", &path, Some(json!({"authBypassUrls": [1, 2]})))
        .await;
    assert_eq!(status, 400);
    let (status, _) = c.call("PUT", &path, Some(json!([1]))).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn atp_malware_settings_round_trip() {
    let c = common::start().await;
    let cases = [
        (
            "atpMalwareInspection",
            json!({"inspectInbound": true, "inspectOutbound": false}),
        ),
        (
            "atpMalwareProtocols",
            json!({"inspectHttp": true, "inspectFtpOverHttp": false, "inspectFtp": false}),
        ),
        (
            "malwarePolicy",
            json!({"blockUnscannableFiles": true, "blockPasswordProtectedArchiveFiles": true}),
        ),
    ];
    for (name, body) in cases {
        let path = format!("{V1}/cyberThreatProtection/{name}");
        assert_eq!(put_ok(&c, &path, body.clone()).await, body);
        assert_eq!(c.ok(&path).await, body);
    }
}

#[tokio::test]
async fn malware_settings_put_fills_defaults_pending_activation() {
    let c = common::start().await;
    let path = format!("{V1}/cyberThreatProtection/malwareSettings");
    let answer = put_ok(
        &c,
        &path,
        json!({"virusBlocked": true, "ransomwareCapture": true, "wormBlocked": false}),
    )
    .await;
    assert_eq!(answer["ransomwareCapture"], true);
    assert_eq!(answer["wormBlocked"], false);
    assert_eq!(
        answer["trojanBlocked"], true,
        "default for a left-out field"
    );
    assert_eq!(c.ok(&path).await, answer);
    assert!(pending(&c).await);
    let (status, err) = c.call("PUT", &path, Some(json!({"virusBlocked": 1}))).await;
    assert_eq!(status, 400, "{err}");
}

#[tokio::test]
async fn advanced_threat_settings_round_trip() {
    let c = common::start().await;
    let path = format!("{V1}/cyberThreatProtection/advancedThreatSettings");
    let answer = put_ok(
        &c,
        &path,
        json!({"traceSetting": true, "riskTolerance": 75, "torBlocked": false}),
    )
    .await;
    assert_eq!(answer["riskTolerance"], 75);
    assert_eq!(answer["torBlocked"], false);
    assert_eq!(answer["blockedCountries"], json!([]));
    assert!(answer.get("traceSetting").is_none());
    assert_eq!(c.ok(&path).await["riskTolerance"], 75);
    let (status, err) = c
        .call("PUT", &path, Some(json!({"riskTolerance": 101})))
        .await;
    assert_eq!(status, 400);
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("'riskTolerance'")
    );
}

#[tokio::test]
async fn security_exceptions_round_trip() {
    let c = common::start().await;
    let path = format!("{V1}/cyberThreatProtection/securityExceptions");
    assert_eq!(
        c.ok(&path).await["bypassUrls"]
            .as_array()
            .expect("list")
            .len(),
        2
    );
    let answer = put_ok(&c, &path, json!({"bypassUrls": ["safe.example.com"]})).await;
    assert_eq!(answer, json!({"bypassUrls": ["safe.example.com"]}));
    assert_eq!(c.ok(&path).await, answer);
    let (status, _) = c
        .call("PUT", &path, Some(json!({"bypassUrls": ["not a url"]})))
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn malicious_urls_add_and_remove() {
    let c = common::start().await;
    let path = format!("{V1}/cyberThreatProtection/maliciousUrls");
    let before = c.ok(&path).await["maliciousUrls"]
        .as_array()
        .expect("list")
        .len();
    assert_eq!(before, 6);
    let (status, answer) = c
        .call(
            "PUT",
            &format!("{path}?action=ADD_TO_LIST"),
            Some(json!({"maliciousUrls": ["evil.example.com", "MALWARE-DROP.example.net"]})),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    let list = c.ok(&path).await["maliciousUrls"].clone();
    assert_eq!(
        list.as_array().expect("list").len(),
        7,
        "duplicates are ignored: {list}"
    );
    assert!(
        list.as_array()
            .expect("list")
            .contains(&json!("evil.example.com"))
    );
    assert!(pending(&c).await);
    c.call(
        "PUT",
        &format!("{path}?action=REMOVE_FROM_LIST"),
        Some(json!({"maliciousUrls": ["Evil.example.com", "malware-drop.example.net"]})),
    )
    .await;
    let list = c.ok(&path).await["maliciousUrls"].clone();
    assert_eq!(list.as_array().expect("list").len(), 5);
    assert!(
        !list
            .as_array()
            .expect("list")
            .contains(&json!("evil.example.com"))
    );
    for (query, body) in [
        ("?action=MERGE", json!({"maliciousUrls": ["a.example.com"]})),
        ("?action=ADD_TO_LIST", json!({"urls": ["a.example.com"]})),
        (
            "?action=ADD_TO_LIST",
            json!({"maliciousUrls": ["no spaces allowed.com"]}),
        ),
        ("?action=ADD_TO_LIST", json!({"maliciousUrls": [""]})),
        ("?action=ADD_TO_LIST", json!({"maliciousUrls": [42]})),
    ] {
        let (status, err) = c
            .call("PUT", &format!("{path}{query}"), Some(body.clone()))
            .await;
        assert_eq!(status, 400, "{query} {body}: {err}");
        assert_eq!(err["code"], "INVALID_INPUT_ARGUMENT");
    }
}

#[tokio::test]
async fn auth_exempt_urls_add_and_remove() {
    let c = common::start().await;
    let path = format!("{V1}/authSettings/exemptedUrls");
    let before = c.ok(&path).await["urls"].as_array().expect("urls").clone();
    assert!((2..=4).contains(&before.len()));
    assert_eq!(before[0], ".okta.com");
    let (status, body) = c
        .call(
            "POST",
            &format!("{path}?action=ADD_TO_LIST"),
            Some(json!({"urls": ["sso.example.org"]})),
        )
        .await;
    assert_eq!(status, 204, "{body}");
    let after = c.ok(&path).await["urls"].as_array().expect("urls").clone();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after.last(), Some(&json!("sso.example.org")));
    let (status, _) = c
        .call(
            "POST",
            &format!("{path}?action=REMOVE_FROM_LIST"),
            Some(json!({"urls": [".okta.com"]})),
        )
        .await;
    assert_eq!(status, 204);
    let after = c.ok(&path).await["urls"].clone();
    assert!(
        !after
            .as_array()
            .expect("urls")
            .contains(&json!(".okta.com"))
    );
    let (status, err) = c
        .call("POST", &path, Some(json!({"urls": ["x.example.com"]})))
        .await;
    assert_eq!(status, 400);
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("'action'")
    );
    let (status, _) = c
        .call(
            "POST",
            &format!("{path}?action=ADD_TO_LIST"),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn sandbox_reports_by_md5() {
    let c = common::start().await;
    let blocked = c
        .ok(&format!("{V1}/behavioralAnalysisAdvancedSettings"))
        .await;
    let hashes = blocked["fileHashesToBeBlocked"]
        .as_array()
        .expect("hashes")
        .clone();
    assert_eq!(hashes.len(), 7, "4 malicious reports + 3 intel hashes");
    let md5 = hashes[0].as_str().expect("md5").to_string();
    // Default (as the SDK's default): summary.
    let summary = c.ok(&format!("{V1}/sandbox/report/{md5}")).await;
    let inner = &summary["Summary"];
    assert_eq!(inner["Summary"]["Status"], "COMPLETED");
    assert_eq!(inner["Classification"]["Type"], "MALICIOUS");
    assert_eq!(inner["FileProperties"]["MD5"], md5);
    assert!(inner.get("Networking").is_none());
    let full = c
        .ok(&format!(
            "{V1}/sandbox/report/{}?details=full",
            md5.to_lowercase()
        ))
        .await;
    let details = &full["Full Details"];
    assert_eq!(details["Classification"], inner["Classification"]);
    assert!(
        details["Networking"]
            .as_array()
            .is_some_and(|n| !n.is_empty())
    );
    assert!(details["Persistence"].is_array());
    assert!(details.get("md5").is_none());
}

#[tokio::test]
async fn an_unknown_md5_report_is_404() {
    let c = common::start().await;
    let (status, err) = c
        .get(&format!("{V1}/sandbox/report/{}", "0".repeat(32)))
        .await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "RESOURCE_NOT_FOUND");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("md5 is unknown")
    );
}

#[tokio::test]
async fn bad_sandbox_report_requests_are_400() {
    let c = common::start().await;
    let blocked = c
        .ok(&format!("{V1}/behavioralAnalysisAdvancedSettings"))
        .await;
    let md5 = blocked["fileHashesToBeBlocked"][0]
        .as_str()
        .expect("md5")
        .to_string();
    let (status, _) = c.get(&format!("{V1}/sandbox/report/not-a-hash")).await;
    assert_eq!(status, 400);
    let (status, _) = c
        .get(&format!("{V1}/sandbox/report/{md5}?details=everything"))
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn sandbox_quota_adds_up() {
    let c = common::start().await;
    let quota = c.ok(&format!("{V1}/sandbox/report/quota")).await;
    let row = &quota.as_array().expect("array")[0];
    assert_eq!(row["allowed"], 1000);
    assert_eq!(row["scale"], "DAILY");
    assert_eq!(
        row["used"].as_i64().expect("used") + row["unused"].as_i64().expect("unused"),
        1000
    );
}

#[tokio::test]
async fn seeded_file_hash_count() {
    let c = common::start().await;
    let count = c
        .ok(&format!(
            "{V1}/behavioralAnalysisAdvancedSettings/fileHashCount"
        ))
        .await;
    assert_eq!(
        count,
        json!({"blockedFileHashesCount": 7, "remainingFileHashes": 9993})
    );
}

#[tokio::test]
async fn md5_block_list_put_dedupes_and_validates() {
    let c = common::start().await;
    let path = format!("{V1}/behavioralAnalysisAdvancedSettings");
    let lower = "d41d8cd98f00b204e9800998ecf8427e";
    let answer = put_ok(
        &c,
        &path,
        json!({"fileHashesToBeBlocked": [lower, lower.to_uppercase()]}),
    )
    .await;
    assert_eq!(
        answer,
        json!({"fileHashesToBeBlocked": [lower.to_uppercase()]})
    );
    let count = c.ok(&format!("{path}/fileHashCount")).await;
    assert_eq!(count["blockedFileHashesCount"], 1);
    assert!(pending(&c).await);
    let (status, _) = c
        .call(
            "PUT",
            &path,
            Some(json!({"fileHashesToBeBlocked": ["abc"]})),
        )
        .await;
    assert_eq!(status, 400);
    let (status, _) = c.call("PUT", &path, Some(json!({}))).await;
    assert_eq!(status, 400);
}

/// CRUD contract shared by the rule collections of this file.
async fn rule_crud(c: &common::Client, collection: &str, action: &str) -> Value {
    let base = format!("{V1}/{collection}");
    let body = json!({
        "name": "Contract rule", "order": 1, "rank": 7, "state": "ENABLED",
        "srcIps": ["10.0.0.1"], "destAddresses": ["8.8.8.8"], "enableFullLogging": true,
        "departments": [{"id": 333}], "groups": [{"id": 222}], "labels": [{"id": 555}],
        "locations": [{"id": 111}], "nwServices": [{"id": 444}], "action": action,
    });
    let (status, created) = c.call("POST", &base, Some(body)).await;
    assert_eq!(status, 200, "{collection}: {created}");
    let id = created["id"].as_u64().expect("integer id");
    let path = format!("{base}/{id}");
    assert_eq!(c.ok(&path).await["name"], "Contract rule");
    let hits = c.ok(&format!("{base}?search=CONTRACT")).await;
    assert_eq!(names(&hits), vec!["Contract rule"]);
    let (status, _) = c
        .call("POST", &base, Some(json!({"name": "contract RULE"})))
        .await;
    assert_eq!(status, 409);
    let (status, _) = c
        .call("POST", &base, Some(json!({"name": "x", "rank": 8})))
        .await;
    assert_eq!(status, 400);
    let (status, replaced) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Contract rule v2", "state": "DISABLED"})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert!(replaced.get("srcIps").is_none());
    assert_eq!(replaced["rank"], 7);
    let all = c.ok(&base).await;
    let default = all
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["defaultRule"] == true)
        .cloned();
    if let Some(default) = default {
        let (status, _) = c
            .call("DELETE", &format!("{base}/{}", default["id"]), None)
            .await;
        assert_eq!(status, 400, "{collection}: default rule deletion refused");
    }
    assert_eq!(c.call("DELETE", &path, Some(json!({}))).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
    created
}

#[tokio::test]
async fn seeded_sandbox_rules() {
    let c = common::start().await;
    let rules = c.ok(&format!("{V1}/sandboxRules")).await;
    assert_eq!(rules.as_array().expect("array").len(), 5);
    assert_eq!(rules[4]["name"], "Default BA Rule");
    assert!(rules[0]["fileTypes"].is_array() && rules[0]["baPolicyCategories"].is_array());
}

#[tokio::test]
async fn sandbox_rules_follow_the_crud_contract() {
    let c = common::start().await;
    let created = rule_crud(&c, "sandboxRules", "BLOCK").await;
    assert_eq!(created["baRuleAction"], "BLOCK");
}

#[tokio::test]
async fn sandbox_rules_refuse_unknown_actions() {
    let c = common::start().await;
    let (status, _) = c
        .call(
            "POST",
            &format!("{V1}/sandboxRules"),
            Some(json!({"name": "y", "action": "QUARANTINE"})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn seeded_ssl_inspection_rules() {
    let c = common::start().await;
    let rules = c.ok(&format!("{V1}/sslInspectionRules")).await;
    assert_eq!(rules[0]["action"]["type"], "DO_NOT_DECRYPT");
    assert_eq!(rules[0]["urlCategories"], json!(["FINANCE", "HEALTH"]));
}

#[tokio::test]
async fn ssl_inspection_rules_default_to_decrypt_and_replace_the_action() {
    let c = common::start().await;
    // The SDK sends no action on create: the default is DECRYPT, as an object.
    let base = format!("{V1}/sslInspectionRules");
    let (status, created) = c
        .call("POST", &base, Some(json!({"name": "No action"})))
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["action"]["type"], "DECRYPT");
    assert_eq!(
        created["action"]["decryptSubActions"]["minClientTLSVersion"],
        "CLIENT_TLS_1_2"
    );
    let path = format!("{base}/{}", created["id"]);
    let updated = put_ok(
        &c,
        &path,
        json!({"name": "No action", "action": {"type": "BLOCK"}}),
    )
    .await;
    assert_eq!(updated["action"]["type"], "BLOCK");
    assert_eq!(updated["action"]["decryptSubActions"], Value::Null);
    let (status, _) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "No action", "action": {"type": "INSPECT"}})),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
}

#[tokio::test]
async fn ssl_inspection_rules_follow_the_crud_contract() {
    let c = common::start().await;
    let created = rule_crud(&c, "sslInspectionRules", "DO_NOT_DECRYPT").await;
    assert_eq!(created["action"]["type"], "DO_NOT_DECRYPT");
}

#[tokio::test]
async fn ssl_policy_cloud_apps_are_complete() {
    let c = common::start().await;
    let base = format!("{V1}/cloudApplications/sslPolicy");
    let all = c.ok(&base).await;
    assert_eq!(all.as_array().expect("array").len(), 16);
    assert!(
        all.as_array()
            .expect("array")
            .iter()
            .all(|a| a["app"].is_string()
                && a["appName"].is_string()
                && a["parent"].is_string()
                && a["parentName"].is_string())
    );
}

#[tokio::test]
async fn ssl_policy_cloud_apps_filter_by_class() {
    let c = common::start().await;
    let base = format!("{V1}/cloudApplications/sslPolicy");
    let mail = c
        .ok(&format!("{base}?appClass=WEBMAIL&groupResults=False"))
        .await;
    let apps: Vec<&str> = mail
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["app"].as_str().expect("app"))
        .collect();
    assert_eq!(apps, vec!["GMAIL", "OUTLOOK", "YAHOO_MAIL"]);
}

#[tokio::test]
async fn ssl_policy_cloud_apps_search() {
    let c = common::start().await;
    let base = format!("{V1}/cloudApplications/sslPolicy");
    let hits = c.ok(&format!("{base}?search=drive")).await;
    assert_eq!(hits.as_array().expect("array").len(), 2);
}

#[tokio::test]
async fn ssl_policy_cloud_apps_page() {
    let c = common::start().await;
    let base = format!("{V1}/cloudApplications/sslPolicy");
    let all = c.ok(&base).await;
    let page = c.ok(&format!("{base}?page=2&pageSize=10")).await;
    assert_eq!(page.as_array().expect("array").len(), 6);
    assert_eq!(page[0], all[10]);
    assert_eq!(c.ok(&format!("{base}?page=3&pageSize=10")).await, json!([]));
    let (status, _) = c.get(&format!("{base}?pageSize=-1")).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn file_type_categories_by_name_and_enum() {
    let c = common::start().await;
    let base = format!("{V1}/fileTypeCategories");
    let all = c.ok(&base).await;
    assert_eq!(all.as_array().expect("array").len(), 20);
    assert_eq!(
        all[0],
        json!({"id": 1, "name": "Windows Executables", "parent": "EXECUTABLE", "isCustom": false})
    );
    let enums = c.ok(&format!("{base}?enums=True")).await;
    assert_eq!(enums[0]["name"], "FTCATEGORY_WINDOWS_EXECUTABLES");
    let predefined = c
        .ok(&format!("{base}?excludeCustomFileTypes=True&enums=False"))
        .await;
    assert_eq!(predefined.as_array().expect("array").len(), 18);
    let (status, _) = c.get(&format!("{base}?enums=maybe")).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn file_type_rules_search() {
    let c = common::start().await;
    let rules = c.ok(&format!("{V1}/fileTypeRules?search=block")).await;
    assert_eq!(
        names(&rules),
        vec![
            "Block Executable Downloads",
            "Block Script Uploads",
            "Block Disk Images"
        ]
    );
}

#[tokio::test]
async fn file_type_rules_follow_the_crud_contract() {
    let c = common::start().await;
    let created = rule_crud(&c, "fileTypeRules", "CAUTION").await;
    assert_eq!(created["filteringAction"], "CAUTION");
    assert_eq!(created["operation"], "DOWNLOAD");
}

#[tokio::test]
async fn file_type_rules_refuse_unknown_actions() {
    let c = common::start().await;
    let (status, _) = c
        .call(
            "POST",
            &format!("{V1}/fileTypeRules"),
            Some(json!({"name": "z", "filteringAction": "DENY"})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn adversarial_mode_plants_payloads_in_admin_text_only() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        adversarial: true,
        ..Default::default()
    })
    .await;
    let rules = c.ok(&format!("{V1}/sslInspectionRules")).await;
    // Names stay clean; descriptions may carry a payload.
    assert!(names(&rules).iter().all(|n| n.is_ascii()));
    let categories = c.ok(&format!("{V1}/fileTypeCategories")).await;
    assert_eq!(categories[0]["name"], "Windows Executables");
}
