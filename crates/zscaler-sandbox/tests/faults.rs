//! Faults on demand (every kind), the admin API (auth, requests, reset) and ZIA rate limits.

mod common;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zscaler_sandbox::SandboxConfig;

const RULES: &str = "/zia/api/v1/firewallFilteringRules";

async fn inject(c: &common::Client, spec: &str) {
    let r = c
        .admin("POST", "/_sandbox/faults", Some(json!({"spec": spec})))
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

async fn raw_get(c: &common::Client, path: &str) -> reqwest::Result<reqwest::Response> {
    c.http.get(c.url(path)).bearer_auth(&c.token).send().await
}

#[tokio::test]
async fn too_many_requests_carries_retry_after_where_asked() {
    let c = common::start().await;
    for (at, header, body) in [
        ("header", Some("3"), false),
        ("body", None, true),
        ("both", Some("3"), true),
        ("none", None, false),
        ("suffix", Some("3s"), false),
    ] {
        inject(
            &c,
            &format!("GET {RULES}=429,retry_after=3,in={at},times=1"),
        )
        .await;
        let r = raw_get(&c, RULES).await.expect("GET");
        assert_eq!(r.status(), 429, "{at}");
        assert_eq!(
            r.headers()
                .get("retry-after")
                .map(|v| v.to_str().expect("ascii")),
            header,
            "{at}"
        );
        let b: Value = r.json().await.expect("json");
        assert_eq!(b.get("Retry-After").is_some(), body, "{at}: {b}");
        assert_eq!(b["code"], "RATE_LIMIT_EXCEEDED");
        // times=1: the next call is served.
        assert_eq!(raw_get(&c, RULES).await.expect("GET").status(), 200, "{at}");
    }
}

#[tokio::test]
async fn retry_after_can_be_an_http_date() {
    let c = common::start().await;
    inject(
        &c,
        &format!("GET {RULES}=429,retry_after=5,in=date,times=1"),
    )
    .await;
    let r = raw_get(&c, RULES).await.expect("GET");
    let date = r.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(httpdate::parse_http_date(&date).is_ok(), "{date}");
}

#[tokio::test]
async fn upstream_statuses_are_injected() {
    let c = common::start().await;
    for status in [500u16, 502, 503, 504] {
        inject(&c, &format!("{RULES}={status},times=1")).await;
        let (got, body) = c.get(RULES).await;
        assert_eq!(got, status);
        assert!(
            body["message"]
                .as_str()
                .expect("message")
                .contains(&status.to_string())
        );
    }
}

#[tokio::test]
async fn latency_delays_the_answer() {
    let c = common::start().await;
    inject(&c, &format!("GET {RULES}=latency,ms=400,times=1")).await;
    let started = Instant::now();
    assert_eq!(c.get(RULES).await.0, 200);
    assert!(started.elapsed() >= Duration::from_millis(400));
}

#[tokio::test]
async fn truncated_bodies_are_cut_json() {
    let c = common::start().await;
    inject(&c, &format!("GET {RULES}=truncate,times=1")).await;
    let r = raw_get(&c, RULES).await.expect("GET");
    assert_eq!(r.status(), 200);
    let text = r.text().await.expect("complete HTTP message, cut JSON");
    assert!(serde_json::from_str::<Value>(&text).is_err());
    assert!(!text.is_empty());
}

#[tokio::test]
async fn malformed_bodies_are_not_json() {
    let c = common::start().await;
    inject(&c, &format!("GET {RULES}=malformed,times=1")).await;
    let text = raw_get(&c, RULES)
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[tokio::test]
async fn resets_cut_the_connection_once() {
    let c = common::start().await;
    inject(&c, &format!("GET {RULES}=reset,times=1")).await;
    let outcome = match raw_get(&c, RULES).await {
        Ok(r) => r.bytes().await.map(|_| ()),
        Err(e) => Err(e),
    };
    assert!(outcome.is_err(), "the connection is cut mid-response");
    assert_eq!(c.get(RULES).await.0, 200, "the next call is served");
}

#[tokio::test]
async fn token_outage_is_a_503() {
    let c = common::start().await;
    inject(&c, "/oauth2/v1/token=token-outage,times=1").await;
    let r = c
        .http
        .post(&c.sandbox.token_url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", c.sandbox.client_id.as_str()),
            ("client_secret", c.sandbox.client_secret.as_str()),
            ("audience", "https://api.zscaler.com"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 503);
}

#[tokio::test]
async fn edit_lock_is_a_409_once() {
    let c = common::start().await;
    inject(&c, &format!("POST {RULES}=edit-lock,times=1")).await;
    let (status, body) = c
        .call("POST", RULES, Some(json!({"name": "Locked out"})))
        .await;
    assert_eq!(status, 409);
    assert_eq!(body["code"], "EDIT_LOCK_NOT_AVAILABLE");
    let (status, _) = c
        .call("POST", RULES, Some(json!({"name": "Locked out"})))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn faults_from_the_configuration() {
    let rules = zscaler_sandbox::faults::parse("GET /zia/*=503,times=2").expect("valid");
    let c = common::start_with(SandboxConfig {
        faults: rules,
        ..Default::default()
    })
    .await;
    assert_eq!(c.get("/zia/api/v1/status").await.0, 503);
    assert_eq!(c.get("/zia/api/v1/status").await.0, 503);
    assert_eq!(c.get("/zia/api/v1/status").await.0, 200);
}

#[tokio::test]
async fn admin_api_needs_its_token() {
    let c = common::start().await;
    let r = c
        .http
        .get(format!("{}/_sandbox/requests", c.sandbox.base_url))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 401);
    let r = c
        .http
        .get(format!("{}/_sandbox/requests", c.sandbox.base_url))
        .bearer_auth(&c.token)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 401, "an API token is not the admin token");
}

#[tokio::test]
async fn admin_api_records_requests() {
    let c = common::start().await;
    c.get("/zia/api/v1/status?x=1").await;
    let lines = c
        .admin("GET", "/_sandbox/requests", None)
        .await
        .text()
        .await
        .expect("lines");
    let records: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(
        records
            .iter()
            .filter(|r| r["path"] == "/oauth2/v1/token")
            .count(),
        1
    );
    let last = records.last().expect("recorded");
    assert_eq!(
        (
            last["method"].as_str(),
            last["path"].as_str(),
            last["query"].as_str(),
            last["status"].as_u64()
        ),
        (
            Some("GET"),
            Some("/zia/api/v1/status"),
            Some("x=1"),
            Some(200)
        )
    );
    let since = last["seq"].as_u64().expect("seq");
    c.get("/zia/api/v1/status").await;
    let newer = c
        .admin("GET", &format!("/_sandbox/requests?since={since}"), None)
        .await
        .text()
        .await
        .expect("lines");
    assert_eq!(newer.lines().count(), 1);
}

#[tokio::test]
async fn admin_api_refuses_an_invalid_fault_spec() {
    let c = common::start().await;
    let r = c
        .admin(
            "POST",
            "/_sandbox/faults",
            Some(json!({"spec": "GET /x=teapot"})),
        )
        .await;
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn reset_restores_the_seeded_state() {
    let c = common::start().await;
    let before = c.ok(RULES).await;
    let (status, _) = c
        .call("POST", RULES, Some(json!({"name": "Temporary"})))
        .await;
    assert_eq!(status, 200);
    assert_ne!(c.ok(RULES).await, before);
    assert_eq!(c.admin("POST", "/_sandbox/reset", None).await.status(), 204);
    assert_eq!(c.ok(RULES).await, before);
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "ACTIVE");
}

#[tokio::test]
async fn zia_rate_limits_follow_the_documented_budgets() {
    let c = common::start_with(SandboxConfig {
        rate_limits: true,
        ..Default::default()
    })
    .await;
    assert_eq!(c.get(RULES).await.0, 200);
    assert_eq!(c.get(RULES).await.0, 200);
    let r = raw_get(&c, RULES).await.expect("GET");
    assert_eq!(r.status(), 429, "third GET within a second");
    assert_eq!(r.headers()["retry-after"], "1");
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["Retry-After"], "1 seconds");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(c.get(RULES).await.0, 200);
}

#[tokio::test]
async fn same_seed_gives_the_same_data() {
    // Pinned anchor: two sandboxes started either side of midnight UTC would differ otherwise.
    let a = common::start_with(SandboxConfig {
        seed: 42,
        ..common::pinned()
    })
    .await;
    let b = common::start_with(SandboxConfig {
        seed: 42,
        ..common::pinned()
    })
    .await;
    assert_eq!(a.ok(RULES).await, b.ok(RULES).await);
}

#[tokio::test]
async fn adversarial_text_is_planted() {
    let hostile = common::start_with(SandboxConfig {
        seed: 42,
        adversarial: true,
        scale: 40,
        ..Default::default()
    })
    .await;
    let text = hostile.ok(RULES).await.to_string();
    assert!(
        zscaler_sandbox::seed::ADVERSARIAL
            .iter()
            .any(|p| text.contains(&serde_json::to_string(p).expect("json")[1..10])),
        "payloads planted"
    );
}
