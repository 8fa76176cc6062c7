//! The OneAPI token endpoint and the bearer check: both grants, refusals, expiry, entitlements.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use zscaler_sandbox::{Product, Sandbox, SandboxConfig};

const AUD: &str = "https://api.zscaler.com";
const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs()
}

fn claims_of(token: &str) -> Value {
    use base64::Engine as _;
    let payload = token.split('.').nth(1).expect("JWT payload");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .expect("base64url");
    serde_json::from_slice(&bytes).expect("claims JSON")
}

async fn post_form(url: &str, form: &[(&str, &str)]) -> (u16, Value) {
    common::crypto();
    let r = reqwest::Client::new()
        .post(url)
        .form(form)
        .send()
        .await
        .expect("POST");
    let status = r.status().as_u16();
    (status, r.json().await.expect("JSON"))
}

#[tokio::test]
async fn client_secret_grant_issues_a_jwt_with_the_entitled_products() {
    let c = common::start_with(SandboxConfig {
        entitlements: vec![Product::Zia, Product::Ztw],
        ..Default::default()
    })
    .await;
    let claims = claims_of(&c.token);
    assert_eq!(claims["aud"], AUD);
    assert_eq!(claims["sub"], c.sandbox.client_id.as_str());
    let prds: Vec<&str> = claims["service-info"]
        .as_array()
        .expect("service-info")
        .iter()
        .map(|e| e["prd"].as_str().expect("prd"))
        .collect();
    assert_eq!(prds, ["ZIA", "CLOUD_CONNECTOR"]);
    assert!(claims["exp"].as_u64().expect("exp") > now());
    // Entitled: answered. Not entitled: 403 in the product's shape.
    assert_eq!(c.get("/zia/api/v1/status").await.0, 200);
    let (status, body) = c
        .get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup")
        .await;
    assert_eq!(status, 403, "{body}");
    assert!(body["reason"].as_str().expect("ZPA reason").contains("ZPA"));
}

#[tokio::test]
async fn token_request_refusals_use_oauth_error_bodies() {
    let c = common::start().await;
    let url = c.sandbox.token_url.clone();
    let id = c.sandbox.client_id.clone();
    let (status, body) = post_form(
        &url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", "wrong"),
            ("audience", AUD),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, body) = post_form(
        &url,
        &[
            ("grant_type", "password"),
            ("client_id", &id),
            ("client_secret", "x"),
            ("audience", AUD),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    let (status, body) = post_form(
        &url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", &c.sandbox.client_secret),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    let (status, body) = post_form(
        &url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", "someone-else"),
            ("client_secret", &c.sandbox.client_secret),
            ("audience", AUD),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
}

#[tokio::test]
async fn api_calls_without_a_valid_bearer_get_401() {
    let c = common::start().await;
    let url = c.url("/zia/api/v1/firewallFilteringRules");
    let r = c.http.get(&url).send().await.expect("GET");
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["code"], "AUTHENTICATION_FAILED");
    let r = c
        .http
        .get(&url)
        .bearer_auth("not-a-token")
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let c = common::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(1),
        ..Default::default()
    })
    .await;
    assert_eq!(c.get("/zia/api/v1/status").await.0, 200);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, body) = c.get("/zia/api/v1/status").await;
    assert_eq!(status, 401);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("expired")
    );
}

fn assertion(key_pem: &str, iss: &str, sub: &str, aud: &str, exp: u64) -> String {
    let key = EncodingKey::from_rsa_pem(key_pem.as_bytes()).expect("RSA key");
    jsonwebtoken::encode(
        &Header::new(Algorithm::RS256),
        &json!({"iss": iss, "sub": sub, "aud": aud, "exp": exp}),
        &key,
    )
    .expect("sign")
}

#[tokio::test]
async fn private_key_jwt_grant_verifies_the_registered_key() {
    let dir = std::env::temp_dir().join(format!("zsbx-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let key_path = dir.join("client.pem");
    let sandbox = Sandbox::start(SandboxConfig {
        client_key_out: Some(key_path.clone()),
        ..Default::default()
    })
    .await
    .expect("start");
    let private = std::fs::read_to_string(&key_path).expect("private key written");
    assert!(private.contains("BEGIN PRIVATE KEY"));
    let id = sandbox.client_id.clone();
    let url = sandbox.token_url.clone();
    let grant = |a: String| {
        let (url, id) = (url.clone(), id.clone());
        async move {
            post_form(
                &url,
                &[
                    ("grant_type", "client_credentials"),
                    ("client_id", &id),
                    ("client_assertion", &a),
                    ("client_assertion_type", ASSERTION_TYPE),
                    ("audience", AUD),
                ],
            )
            .await
        }
    };
    let good = assertion(&private, &id, &id, AUD, now() + 600);
    let (status, body) = grant(good).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["access_token"]
            .as_str()
            .is_some_and(|t| t.split('.').count() == 3)
    );
    assert_eq!(body["expires_in"], 3600);
    // Forged: signed by another key.
    let (other, _) = zscaler_sandbox::oauth::generate_client_key().expect("keygen");
    assert_eq!(
        grant(assertion(&other, &id, &id, AUD, now() + 600)).await.0,
        401
    );
    // Wrong audience, wrong subject, expired.
    assert_eq!(
        grant(assertion(
            &private,
            &id,
            &id,
            "https://elsewhere",
            now() + 600
        ))
        .await
        .0,
        401
    );
    assert_eq!(
        grant(assertion(&private, &id, "mallory", AUD, now() + 600))
            .await
            .0,
        401
    );
    assert_eq!(
        grant(assertion(&private, &id, &id, AUD, now() - 120))
            .await
            .0,
        401
    );
    sandbox.stop().await.expect("stop");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn extra_clients_get_their_own_tokens_entitlements_and_record() {
    let c = common::start_with(SandboxConfig {
        extra_clients: vec![zscaler_sandbox::ExtraClient {
            id: "narrow-client".into(),
            secret: "narrow-secret-0123456789".into(),
            entitlements: vec![Product::Zpa],
        }],
        ..Default::default()
    })
    .await;
    let url = c.sandbox.token_url.clone();
    let (status, body) = post_form(
        &url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", "narrow-client"),
            ("client_secret", "wrong"),
            ("audience", AUD),
        ],
    )
    .await;
    assert_eq!(status, 401, "{body}");
    let (status, body) = post_form(
        &url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", "narrow-client"),
            ("client_secret", "narrow-secret-0123456789"),
            ("audience", AUD),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let token = body["access_token"].as_str().expect("token").to_string();
    let claims = claims_of(&token);
    assert_eq!(claims["sub"], "narrow-client");
    assert_eq!(claims["service-info"][0]["prd"], "ZPA");
    assert_eq!(claims["service-info"].as_array().map(Vec::len), Some(1));
    let narrow = common::Client {
        sandbox: c.sandbox,
        http: c.http.clone(),
        token,
    };
    // The narrow client: ZPA answered, ZIA 403; the main client's token still reaches ZIA.
    let (status, body) = narrow
        .get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup")
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(narrow.get("/zia/api/v1/status").await.0, 403);
    let main = common::Client {
        token: c.token,
        ..narrow
    };
    assert_eq!(main.get("/zia/api/v1/status").await.0, 200);
    // The record names the client of each token request and API call, never a secret.
    let log = main
        .admin("GET", "/_sandbox/requests", None)
        .await
        .text()
        .await
        .expect("log");
    assert!(!log.contains("narrow-secret") && !log.contains(&main.sandbox.client_secret));
    let rows: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let by = |path: &str, client: &str| {
        rows.iter()
            .filter(|r| r["path"] == path && r["client_id"] == client)
            .count()
    };
    assert_eq!(by("/oauth2/v1/token", "narrow-client"), 2);
    assert_eq!(by("/zia/api/v1/status", "narrow-client"), 1);
    assert_eq!(by("/zia/api/v1/status", main.sandbox.client_id.as_str()), 1);
}

#[tokio::test]
async fn extra_client_ids_must_be_distinct() {
    common::crypto();
    let started = Sandbox::start(SandboxConfig {
        client_id: Some("same".into()),
        extra_clients: vec![zscaler_sandbox::ExtraClient {
            id: "same".into(),
            secret: "s".into(),
            entitlements: vec![],
        }],
        ..Default::default()
    })
    .await;
    assert!(started.is_err());
}
