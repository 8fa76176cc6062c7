//! ZIA cloud firewall contract tests: filtering, DNS and IPS rules; IP source/destination
//! groups; network services, service groups, applications and application groups; custom IPS
//! signature rules.

mod common;

use common::names;

use serde_json::{Value, json};

const V1: &str = "/zia/api/v1";

fn rule_body(name: &str, action: &str) -> Value {
    // What the SDK sends for a rule create (tools.json body_example).
    json!({
        "name": name, "action": action, "order": 1, "rank": 7,
        "srcIps": ["10.0.0.1"], "destAddresses": ["8.8.8.8"], "enableFullLogging": true,
        "state": "ENABLED", "departments": [{"id": 333}], "groups": [{"id": 222}],
        "labels": [{"id": 555}], "locations": [{"id": 111}], "nwServices": [{"id": 444}],
        "description": "created by a test",
    })
}

async fn post_ok(c: &common::Client, path: &str, body: Value) -> Value {
    let (status, created) = c.call("POST", path, Some(body)).await;
    assert_eq!(status, 200, "POST {path}: {created}");
    created
}

#[tokio::test]
async fn every_firewall_collection_is_a_bare_array_with_integer_ids() {
    let c = common::start().await;
    for (path, min) in [
        ("firewallFilteringRules", 7),
        ("firewallDnsRules", 7),
        ("firewallIpsRules", 5),
        ("ipSourceGroups", 5),
        ("ipDestinationGroups", 5),
        ("ipsSignatureRules", 3),
        ("networkServices", 12),
        ("networkServiceGroups", 3),
        ("networkApplicationGroups", 3),
    ] {
        let list = c.ok(&format!("{V1}/{path}")).await;
        let items = list.as_array().expect("bare array");
        assert!(items.len() >= min, "{path}: {} items", items.len());
        for item in items {
            assert!(item["id"].is_u64(), "{path}: id {}", item["id"]);
            assert!(item["name"].is_string(), "{path}: name");
        }
    }
}

#[tokio::test]
async fn network_applications_have_enum_ids() {
    let c = common::start().await;
    // Network applications have enum ids.
    let apps = c.ok(&format!("{V1}/networkApplications")).await;
    let apps = apps.as_array().expect("bare array");
    assert_eq!(apps.len(), 16);
    assert!(apps.iter().all(|a| a["id"].is_string()
        && a["parentCategory"].is_string()
        && a["deprecated"] == json!(false)));
}

#[tokio::test]
async fn seeded_dns_rules_are_complete_objects() {
    let c = common::start().await;
    // Seeded rules are complete objects.
    let rules = c.ok(&format!("{V1}/firewallDnsRules")).await;
    for key in [
        "order",
        "rank",
        "state",
        "action",
        "locations",
        "groups",
        "departments",
        "srcIps",
        "destAddresses",
        "nwServices",
        "labels",
        "enableFullLogging",
        "redirectIp",
        "lastModifiedTime",
        "lastModifiedBy",
        "predefined",
        "defaultRule",
    ] {
        assert!(rules[0].get(key).is_some(), "DNS rule lacks {key}");
    }
}

#[tokio::test]
async fn paging_edges_on_firewall_lists() {
    let c = common::start().await;
    let all = c.ok(&format!("{V1}/networkServices")).await;
    let total = all.as_array().expect("array").len();
    assert_eq!(total, 12);
    let first = c
        .ok(&format!("{V1}/networkServices?page=1&pageSize=5"))
        .await;
    assert_eq!(first.as_array().expect("array").len(), 5);
    assert_eq!(first[0], all[0]);
    let last = c
        .ok(&format!("{V1}/networkServices?page=3&pageSize=5"))
        .await;
    assert_eq!(last.as_array().expect("array").len(), 2);
    assert_eq!(last[1], all[11]);
    let past = c
        .ok(&format!("{V1}/networkServices?page=9&pageSize=5"))
        .await;
    assert_eq!(past, json!([]));
}

#[tokio::test]
async fn bad_paging_parameters_are_400() {
    let c = common::start().await;
    for bad in ["pageSize=0", "page=0", "pageSize=abc", "pageSize=10001"] {
        let (status, body) = c.get(&format!("{V1}/ipSourceGroups?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["code"], "INVALID_INPUT_ARGUMENT");
    }
}

#[tokio::test]
async fn ip_groups_search_by_name() {
    let c = common::start().await;
    let hits = c.ok(&format!("{V1}/ipSourceGroups?search=OFFICE")).await;
    assert_eq!(names(&hits), vec!["HQ Office Subnets", "Branch Offices"]);
    let none = c.ok(&format!("{V1}/ipDestinationGroups?search=zzzz")).await;
    assert_eq!(none, json!([]));
}

#[tokio::test]
async fn network_applications_search_matches_the_description() {
    let c = common::start().await;
    // Network applications: `search` matches the description; `locale` is accepted.
    let apps = c
        .ok(&format!(
            "{V1}/networkApplications?search=remote&locale=en-US"
        ))
        .await;
    let ids: Vec<&str> = apps
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, vec!["RDP", "TEAMVIEWER"]);
}

#[tokio::test]
async fn network_services_filter_by_protocol() {
    let c = common::start().await;
    // Network services by protocol.
    let udp = c.ok(&format!("{V1}/networkServices?protocol=UDP")).await;
    assert_eq!(names(&udp), vec!["DNS", "NTP", "VoIP Media"]);
    let tcp_web = c
        .ok(&format!("{V1}/networkServices?protocol=TCP&search=http"))
        .await;
    assert_eq!(names(&tcp_web), vec!["HTTP", "HTTPS"]);
    let icmp = c.ok(&format!("{V1}/networkServices?protocol=ICMP")).await;
    assert_eq!(names(&icmp), vec!["ICMP_ANY"]);
    let (status, body) = c.get(&format!("{V1}/networkServices?protocol=SCTPX")).await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn firewall_filtering_rules_search_by_name() {
    let c = common::start().await;
    let rules = c
        .ok(&format!("{V1}/firewallFilteringRules?search=default"))
        .await;
    assert_eq!(names(&rules), vec!["Default Firewall Filtering Rule"]);
}

#[tokio::test]
async fn dns_and_ips_rule_crud_and_activation() {
    let c = common::start().await;
    for (collection, action) in [
        ("firewallDnsRules", "BLOCK"),
        ("firewallIpsRules", "BLOCK_RESET"),
    ] {
        let base = format!("{V1}/{collection}");
        let created = post_ok(&c, &base, rule_body("Test rule", action)).await;
        let id = created["id"].as_u64().expect("integer id");
        assert_eq!(created["rank"], 7);
        assert_eq!(created["state"], "ENABLED");
        assert_eq!(created["locations"], json!([{"id": 111}]));
        assert_eq!(c.ok(&format!("{V1}/status")).await["status"], "PENDING");
        let path = format!("{base}/{id}");
        assert_eq!(c.ok(&path).await["action"], action);
        // Full replacement: what is not sent is gone, server defaults come back.
        let (status, replaced) = c
            .call(
                "PUT",
                &path,
                Some(json!({"name": "Test rule v2", "state": "DISABLED"})),
            )
            .await;
        assert_eq!(status, 200, "{replaced}");
        assert_eq!(replaced["id"], id);
        assert_eq!(replaced["state"], "DISABLED");
        assert!(replaced.get("srcIps").is_none());
        assert_eq!(c.ok(&path).await["name"], "Test rule v2");
        let listed = c.ok(&format!("{base}?search=v2")).await;
        assert_eq!(names(&listed), vec!["Test rule v2"]);
        let (status, _) = c.call("DELETE", &path, Some(json!({}))).await;
        assert_eq!(status, 204);
        let (status, body) = c.get(&path).await;
        assert_eq!(status, 404);
        assert_eq!(body["code"], "RESOURCE_NOT_FOUND");
        let (status, _) = c.call("DELETE", &path, None).await;
        assert_eq!(status, 404);
    }
    c.call("POST", &format!("{V1}/status/activate"), Some(json!({})))
        .await;
    assert_eq!(c.ok(&format!("{V1}/status")).await["status"], "ACTIVE");
}

#[tokio::test]
async fn rule_validation_errors_write_nothing() {
    let c = common::start().await;
    let base = format!("{V1}/firewallDnsRules");
    let cases = [
        (json!({"name": "x", "state": "ON"}), "'state'"),
        (json!({"name": "x", "rank": 9}), "'rank'"),
        (json!({"name": "x", "order": 0}), "'order'"),
        (json!({"name": "x", "action": "BLOCK_DROP"}), "'action'"),
        (json!({"name": "x", "locations": [111]}), "'locations'"),
        (json!({"description": "no name"}), "'name'"),
    ];
    for (body, field) in cases {
        let (status, err) = c.call("POST", &base, Some(body.clone())).await;
        assert_eq!(status, 400, "{body}: {err}");
        assert_eq!(err["code"], "INVALID_INPUT_ARGUMENT");
        assert!(
            err["message"].as_str().expect("message").contains(field),
            "{err}"
        );
    }
    // Nothing was written.
    assert_eq!(c.ok(&format!("{V1}/status")).await["status"], "ACTIVE");
}

#[tokio::test]
async fn duplicate_rule_names_are_refused() {
    let c = common::start().await;
    let base = format!("{V1}/firewallDnsRules");
    // Duplicate names are refused.
    let (status, err) = c
        .call("POST", &base, Some(json!({"name": "block dns tunnels"})))
        .await;
    assert_eq!(status, 409, "{err}");
    assert_eq!(err["code"], "DUPLICATE_ITEM");
}

#[tokio::test]
async fn default_rules_cannot_be_deleted_and_updates_need_a_name() {
    let c = common::start().await;
    let base = format!("{V1}/firewallDnsRules");
    // Default rules cannot be deleted; an update without a name is refused.
    let rules = c.ok(&base).await;
    let default = rules
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["name"] == "Default Firewall DNS Rule")
        .expect("default rule")
        .clone();
    assert_eq!(default["defaultRule"], true);
    let path = format!("{base}/{}", default["id"]);
    let (status, err) = c.call("DELETE", &path, None).await;
    assert_eq!(status, 400, "{err}");
    let (status, _) = c.call("PUT", &path, Some(json!({}))).await;
    assert_eq!(status, 400);
    let (status, err) = c
        .call(
            "PUT",
            &format!("{base}/999999999"),
            Some(json!({"name": "n"})),
        )
        .await;
    assert_eq!(status, 404, "{err}");
}

#[tokio::test]
async fn filtering_rules_are_validated_too() {
    let c = common::start().await;
    // Filtering rules keep working and are validated too.
    let (status, err) = c
        .call(
            "POST",
            &format!("{V1}/firewallFilteringRules"),
            Some(json!({"name": "r", "action": "BLOCK"})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    let created = post_ok(
        &c,
        &format!("{V1}/firewallFilteringRules"),
        rule_body("FW test", "BLOCK_RESET"),
    )
    .await;
    assert_eq!(created["order"], 1);
}

#[tokio::test]
async fn ip_groups_crud() {
    let c = common::start().await;
    let base = format!("{V1}/ipDestinationGroups");
    let created = post_ok(
        &c,
        &base,
        json!({"name": "Test FQDNs", "description": "d", "type": "DSTN_FQDN",
               "addresses": ["example.com"], "countries": [], "ipCategories": []}),
    )
    .await;
    let id = created["id"].as_u64().expect("id");
    assert_eq!(created["isNonEditable"], false);
    let path = format!("{base}/{id}");
    let (status, replaced) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Test IPs", "addresses": ["192.0.2.1"]})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["type"], "DSTN_IP");
    assert_eq!(replaced["description"], Value::Null);
    assert_eq!(c.ok(&path).await["addresses"], json!(["192.0.2.1"]));
    let (status, err) = c
        .call(
            "POST",
            &base,
            Some(json!({"name": "Bad", "type": "DSTN_BOGUS"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(err["message"].as_str().expect("message").contains("'type'"));
    let (status, _) = c
        .call(
            "POST",
            &base,
            Some(json!({"name": "Bad", "addresses": "1.2.3.4"})),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);

    let base = format!("{V1}/ipSourceGroups");
    let created = post_ok(
        &c,
        &base,
        json!({"name": "Lab", "description": "lab nets", "ipAddresses": ["10.9.0.0/16"]}),
    )
    .await;
    let path = format!("{base}/{}", created["id"]);
    assert_eq!(c.ok(&path).await["ipAddresses"], json!(["10.9.0.0/16"]));
    let (status, _) = c.call("POST", &base, Some(json!({"name": "LAB"}))).await;
    assert_eq!(status, 409);
    let (status, updated) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Lab", "ipAddresses": ["10.8.0.0/16"]})),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["ipAddresses"], json!(["10.8.0.0/16"]));
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
}

#[tokio::test]
async fn ips_signature_rules_validate_then_write() {
    let c = common::start().await;
    let valid = "alert tcp any any -> any 80 (msg:\"test\"; content:\"evil\"; sid:1000100; rev:1;)";
    let (status, answer) = c
        .call(
            "POST",
            &format!("{V1}/ipsSignatureRules/validateRuleText"),
            Some(json!({"ruleText": valid})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(answer, json!({"status": 0, "errMsg": null}));
    let (status, answer) = c
        .call(
            "POST",
            &format!("{V1}/ipsSignatureRules/validateRuleText"),
            Some(json!({"ruleText": "hello world"})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(answer["status"], 1);
    assert!(
        answer["errMsg"]
            .as_str()
            .expect("errMsg")
            .contains("action")
    );
    let (status, _) = c
        .call(
            "POST",
            &format!("{V1}/ipsSignatureRules/validateRuleText"),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 400);

    let base = format!("{V1}/ipsSignatureRules");
    let created = post_ok(
        &c,
        &base,
        json!({"name": "Sig", "ruleText": valid, "description": null}),
    )
    .await;
    let path = format!("{base}/{}", created["id"]);
    let got = c.ok(&path).await;
    assert_eq!(got["ruleText"], valid);
    assert!(got.get("description").is_some());
    let (status, err) = c.call("POST", &base, Some(json!({"name": "Sig2"}))).await;
    assert_eq!(status, 400);
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("'ruleText'")
    );
    let (status, _) = c
        .call(
            "POST",
            &base,
            Some(json!({"name": "Sig2", "ruleText": "alert tcp any any -> any any (msg:\"x\";)"})),
        )
        .await;
    assert_eq!(status, 400, "missing sid");
    // Update as the SDK does it: GET, then PUT the merged record.
    let mut merged = got.clone();
    merged["description"] = json!("updated");
    let (status, updated) = c.call("PUT", &path, Some(merged)).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(c.ok(&path).await["description"], "updated");
    let listed = c.ok(&format!("{base}?search=log4shell")).await;
    assert_eq!(names(&listed), vec!["Detect Log4Shell JNDI"]);
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
}

#[tokio::test]
async fn network_services_and_groups() {
    let c = common::start().await;
    let base = format!("{V1}/networkServices");
    let created = post_ok(
        &c,
        &base,
        json!({"name": "Custom 443", "description": "d", "destTcpPorts": [{"start": 443}],
               "srcUdpPorts": [{"start": 1000, "end": 2000}]}),
    )
    .await;
    assert_eq!(created["type"], "CUSTOM");
    assert_eq!(created["destUdpPorts"], json!([]));
    let id = created["id"].as_u64().expect("id");
    let path = format!("{base}/{id}");
    let (status, updated) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Custom 8443", "destTcpPorts": [{"start": 8443}]})),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["srcUdpPorts"], json!([]));
    assert_eq!(updated["type"], "CUSTOM");
    let services = c.ok(&base).await;
    let http = services
        .as_array()
        .expect("array")
        .iter()
        .find(|s| s["name"] == "HTTP")
        .expect("HTTP")
        .clone();
    assert_eq!(http["type"], "PREDEFINED");
    let http_path = format!("{base}/{}", http["id"]);
    assert_eq!(c.call("DELETE", &http_path, None).await.0, 400);
    let (status, _) = c
        .call(
            "PUT",
            &http_path,
            Some(json!({"name": "HTTP", "destTcpPorts": [{"start": 81}]})),
        )
        .await;
    assert_eq!(status, 400);

    // Service groups reference services by id (the SDK may send the id as a string).
    let groups = format!("{V1}/networkServiceGroups");
    let seeded = c.ok(&groups).await;
    assert_eq!(seeded[0]["name"], "Web Services");
    assert_eq!(
        seeded[0]["services"]
            .as_array()
            .expect("services")
            .iter()
            .map(|s| s["name"].clone())
            .collect::<Vec<_>>(),
        vec![json!("HTTP"), json!("HTTPS")]
    );
    let group = post_ok(
        &c,
        &groups,
        json!({"name": "Mine", "description": "d", "services": [{"id": id.to_string()}, {"id": http["id"]}]}),
    )
    .await;
    assert_eq!(
        group["services"],
        json!([{"id": id, "name": "Custom 8443"}, {"id": http["id"], "name": "HTTP"}])
    );
    let (status, err) = c
        .call(
            "POST",
            &groups,
            Some(json!({"name": "Bad", "services": [{"id": 1}]})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    let group_path = format!("{groups}/{}", group["id"]);
    assert_eq!(c.call("DELETE", &group_path, None).await.0, 204);
    assert_eq!(c.get(&group_path).await.0, 404);
}

#[tokio::test]
async fn invalid_network_services_are_refused() {
    let c = common::start().await;
    let base = format!("{V1}/networkServices");
    for bad in [
        json!({"name": "p", "destTcpPorts": [{"start": 70000}]}),
        json!({"name": "p", "destTcpPorts": [{"start": 90, "end": 80}]}),
        json!({"name": "p"}),
    ] {
        let (status, err) = c.call("POST", &base, Some(bad.clone())).await;
        assert_eq!(status, 400, "{bad}: {err}");
    }
}

#[tokio::test]
async fn network_applications_get_by_enum_id() {
    let c = common::start().await;
    let zoom = c.ok(&format!("{V1}/networkApplications/ZOOM")).await;
    assert_eq!(zoom["parentCategory"], "ENTERPRISE_COLLABORATION");
}

#[tokio::test]
async fn unknown_network_application_is_404() {
    let c = common::start().await;
    let (status, body) = c.get(&format!("{V1}/networkApplications/NOPE")).await;
    assert_eq!(status, 404);
    assert_eq!(body["code"], "RESOURCE_NOT_FOUND");
}

#[tokio::test]
async fn network_application_groups_crud_and_search() {
    let c = common::start().await;
    let base = format!("{V1}/networkApplicationGroups");
    let created = post_ok(
        &c,
        &base,
        json!({"name": "Video", "description": "video apps", "networkApplications": ["ZOOM", "MS_TEAMS"]}),
    )
    .await;
    let path = format!("{base}/{}", created["id"]);
    assert_eq!(
        c.ok(&path).await["networkApplications"],
        json!(["ZOOM", "MS_TEAMS"])
    );
    let (status, err) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Video", "networkApplications": ["ZOOMX"]})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    let (status, updated) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Video", "networkApplications": ["SLACK"]})),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["networkApplications"], json!(["SLACK"]));
    let hits = c.ok(&format!("{base}?search=video")).await;
    assert_eq!(names(&hits), vec!["Video"]);
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
}

#[tokio::test]
async fn only_the_large_collections_grow_with_scale() {
    let small = common::start().await;
    let dns = small.ok(&format!("{V1}/firewallDnsRules")).await;
    let dns = dns.as_array().expect("array").len();
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 240,
        ..Default::default()
    })
    .await;
    let urls = c.ok(&format!("{V1}/urlFilteringRules")).await;
    assert_eq!(urls.as_array().expect("array").len(), 240);
    let page = c
        .ok(&format!("{V1}/urlFilteringRules?page=3&pageSize=100"))
        .await;
    assert_eq!(page.as_array().expect("array").len(), 40);
    // Rule bases that are not a pagination showcase keep their built-in size.
    let scaled_dns = c.ok(&format!("{V1}/firewallDnsRules")).await;
    assert_eq!(scaled_dns.as_array().expect("array").len(), dns);
}
