//! EASM contract: `{"results","total_results"}` lists in snake_case, organization scoping of
//! findings and lookalike domains, finding details/evidence/scan output, 404s in the EASM
//! shape, scaling, and adversarial text in content scanned from outside the tenant.

mod common;

use serde_json::Value;

const ORGS: &str = "/easm/easm-ui/v1/organizations";

fn results(body: &Value) -> &Vec<Value> {
    body["results"].as_array().expect("results array")
}

/// Whether `text` carries one of the sandbox's prompt-injection payloads.
fn planted_in(text: &str) -> bool {
    zscaler_sandbox::seed::ADVERSARIAL.iter().any(|p| {
        let head: String = p.chars().take(12).collect();
        text.contains(&head)
    })
}

async fn org_ids(c: &common::Client) -> Vec<String> {
    let orgs = c.ok(ORGS).await;
    results(&orgs)
        .iter()
        .map(|o| o["id"].as_str().expect("id").to_string())
        .collect()
}

#[tokio::test]
async fn organizations_list_in_the_easm_envelope() {
    let c = common::start().await;
    let body = c.ok(ORGS).await;
    assert_eq!(body["total_results"], 3);
    let names: Vec<&str> = results(&body)
        .iter()
        .map(|o| o["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        vec!["Example Corp", "Example Networks EU", "Example Foundation"]
    );
    assert!(
        results(&body)
            .iter()
            .all(|o| o["id"].as_str().expect("id").len() == 36 && o["primary_domain"].is_string())
    );
}

#[tokio::test]
async fn findings_are_scoped_to_their_organization() {
    let c = common::start().await;
    let mut total = 0;
    for org in org_ids(&c).await {
        let body = c.ok(&format!("{ORGS}/{org}/findings")).await;
        let findings = results(&body);
        assert_eq!(body["total_results"].as_u64(), Some(findings.len() as u64));
        assert!(!findings.is_empty());
        total += findings.len();
        for f in findings {
            assert_eq!(f["organization_id"], org.as_str());
            for key in [
                "id",
                "name",
                "description",
                "category",
                "type",
                "scan_type",
                "severity_score",
                "risk_level",
                "risk_score",
                "cisa_likelihood",
                "epss_likelihood",
                "country",
                "impacted_asset_id",
                "impacted_asset_name",
                "first_seen",
                "last_seen",
                "is_stale",
                "profile_id",
                "status",
            ] {
                assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
            }
            let first = f["first_seen"].as_str().expect("first_seen");
            let last = f["last_seen"].as_str().expect("last_seen");
            assert!(first < last, "{first} < {last}");
            assert!(last.ends_with('Z') && last.len() == 20);
            let score = f["severity_score"].as_f64().expect("score");
            let level = f["risk_level"].as_str().expect("level");
            let expected = if score >= 9.0 {
                "CRITICAL"
            } else if score >= 7.0 {
                "HIGH"
            } else if score >= 4.0 {
                "MEDIUM"
            } else {
                "LOW"
            };
            assert_eq!(level, expected);
        }
    }
    assert_eq!(total, 60);
}

#[tokio::test]
async fn finding_details_evidence_and_scan_output() {
    let c = common::start().await;
    let orgs = org_ids(&c).await;
    let org = &orgs[0];
    let list = c.ok(&format!("{ORGS}/{org}/findings")).await;
    let finding = results(&list)[0].clone();
    let id = finding["id"].as_str().expect("id");
    let details = c.ok(&format!("{ORGS}/{org}/findings/{id}/details")).await;
    assert_eq!(details, finding);
    let host = finding["impacted_asset_name"].as_str().expect("host");
    let evidence = c.ok(&format!("{ORGS}/{org}/findings/{id}/evidence")).await;
    assert_eq!(evidence["source_type"], "HTTP_RESPONSE");
    assert!(evidence["content"].as_str().expect("content").len() > 10);
    let scan = c
        .ok(&format!("{ORGS}/{org}/findings/{id}/scan-output"))
        .await;
    assert_eq!(scan["source_type"], "SCANNER");
    assert!(
        scan["content"]
            .as_str()
            .expect("content")
            .contains(&format!("https://{host}/"))
    );
}

#[tokio::test]
async fn a_finding_is_not_found_under_another_organization() {
    let c = common::start().await;
    let orgs = org_ids(&c).await;
    let org = &orgs[0];
    let list = c.ok(&format!("{ORGS}/{org}/findings")).await;
    let id = results(&list)[0]["id"].as_str().expect("id");
    // The finding under another organization is not found.
    let other = &orgs[1];
    for part in ["details", "evidence", "scan-output"] {
        let (status, body) = c.get(&format!("{ORGS}/{other}/findings/{id}/{part}")).await;
        assert_eq!(status, 404, "{part}: {body}");
        assert_eq!(body["error"], "RESOURCE_NOT_FOUND");
        assert!(body["message"].as_str().expect("message").contains(id));
    }
}

#[tokio::test]
async fn unknown_organization_or_finding_is_404() {
    let c = common::start().await;
    let org = &org_ids(&c).await[0];
    for path in [
        format!("{ORGS}/00000000-0000-4000-8000-000000000000/findings"),
        format!("{ORGS}/00000000-0000-4000-8000-000000000000/lookalike-domains"),
        format!("{ORGS}/{org}/findings/nope/details"),
        format!("{ORGS}/{org}/findings/nope/evidence"),
        format!("{ORGS}/{org}/lookalike-domains/nope.example/details"),
    ] {
        let (status, body) = c.get(&path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(body["error"], "RESOURCE_NOT_FOUND");
        assert!(body["message"].is_string());
    }
}

#[tokio::test]
async fn lookalike_domains_list_and_details() {
    let c = common::start().await;
    let orgs = org_ids(&c).await;
    let org = &orgs[0];
    let body = c.ok(&format!("{ORGS}/{org}/lookalike-domains")).await;
    let domains = results(&body);
    assert_eq!(body["total_results"].as_u64(), Some(domains.len() as u64));
    assert!(domains.len() >= 5);
    let raws: Vec<&str> = domains
        .iter()
        .map(|d| d["lookalike_raw"].as_str().expect("raw"))
        .collect();
    assert!(raws.contains(&"examp1e.com"), "{raws:?}");
    assert!(raws.contains(&"example-login.com"));
    for d in domains {
        assert_eq!(d["original_domain"], "example.com");
        assert!(d["deception_method"].is_array());
        assert!(d["is_registered"].is_boolean());
        // Unregistered domains carry explicit nulls.
        if d["is_registered"] == false {
            assert!(d["registrar"].is_null() && d.get("registrar").is_some());
        }
    }
    let details = c
        .ok(&format!(
            "{ORGS}/{org}/lookalike-domains/examp1e.com/details"
        ))
        .await;
    assert_eq!(details["lookalike_raw"], "examp1e.com");
    assert!(details["risk_score"].is_i64());
}

#[tokio::test]
async fn lookalikes_of_another_organization_are_distinct_and_unreachable() {
    let c = common::start().await;
    let orgs = org_ids(&c).await;
    let org = &orgs[0];
    let body = c.ok(&format!("{ORGS}/{org}/lookalike-domains")).await;
    let raws: Vec<&str> = results(&body)
        .iter()
        .map(|d| d["lookalike_raw"].as_str().expect("raw"))
        .collect();
    // Another organization's lookalikes are distinct and not reachable from here.
    let other = c.ok(&format!("{ORGS}/{}/lookalike-domains", orgs[1])).await;
    let other_raw = results(&other)[0]["lookalike_raw"].as_str().expect("raw");
    assert!(!raws.contains(&other_raw));
    let (status, _) = c
        .get(&format!(
            "{ORGS}/{org}/lookalike-domains/{other_raw}/details"
        ))
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn outside_content_is_adversarial_when_asked() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        adversarial: true,
        ..Default::default()
    })
    .await;
    let mut total = 0;
    let mut planted = 0;
    for org in org_ids(&c).await {
        let body = c.ok(&format!("{ORGS}/{org}/findings")).await;
        total += results(&body).len();
        for f in results(&body).iter().take(20) {
            let id = f["id"].as_str().expect("id");
            let evidence = c.ok(&format!("{ORGS}/{org}/findings/{id}/evidence")).await;
            let text = format!("{} {}", f["description"], evidence["content"]);
            if planted_in(&text) {
                planted += 1;
            }
        }
    }
    assert_eq!(total, 60);
    assert!(planted > 5, "only {planted} adversarial findings");
}

#[tokio::test]
async fn outside_content_is_plain_without_the_flag() {
    // Without the flag nothing is planted.
    let plain = common::start().await;
    for org in org_ids(&plain).await {
        let body = plain.ok(&format!("{ORGS}/{org}/findings")).await;
        assert!(results(&body).iter().all(|f| {
            let d = f["description"].as_str().expect("description");
            !planted_in(d)
        }));
    }
}
