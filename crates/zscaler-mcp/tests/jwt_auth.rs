//! `jwt` client authentication end to end: a real server on loopback, a JWKS served by an
//! in-test identity provider (counting its fetches), tokens signed with the fixture keys in
//! `tests/fixtures/jwt/`. Every attack is refused 401 with `WWW-Authenticate` and a JSON-RPC error
//! body before MCP sees the request (the MCP handler would answer with the request's id and a
//! `result`; the edge answers `id: null`), and a valid token reaches the tools.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::{client, initialize, start};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode, get_current_timestamp};
use serde_json::{Value, json};

const RSA_A: &str = include_str!("fixtures/jwt/rsa-a.pem");
const RSA_A_PUBLIC: &str = include_str!("fixtures/jwt/rsa-a.pub.pem");
const RSA_B: &str = include_str!("fixtures/jwt/rsa-b.pem");
const RSA_ATTACKER: &str = include_str!("fixtures/jwt/rsa-attacker.pem");
const EC_P256: &str = include_str!("fixtures/jwt/ec-p256.pem");
const ISS: &str = "https://idp.test.example/";
const AUD: &str = "zscaler-mcp-server";
const ACCEPT_BOTH: &str = "application/json, text/event-stream";

// ---------------------------------------------------------------- the identity provider

/// A JWKS endpoint on 127.0.0.1 whose document can be swapped and whose fetches are counted.
struct Idp {
    url: String,
    jwks: Arc<Mutex<Value>>,
    fetches: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Idp {
    async fn start(keys: Vec<Value>) -> Idp {
        use axum::extract::State;
        type Shared = (Arc<Mutex<Value>>, Arc<AtomicUsize>);
        let jwks = Arc::new(Mutex::new(json!({ "keys": keys })));
        let fetches = Arc::new(AtomicUsize::new(0));
        let app = axum::Router::new()
            .route(
                "/jwks",
                axum::routing::get(|State((jwks, fetches)): State<Shared>| async move {
                    fetches.fetch_add(1, Ordering::SeqCst);
                    let doc = jwks.lock().expect("jwks lock").clone();
                    axum::Json(doc)
                }),
            )
            .with_state((jwks.clone(), fetches.clone()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind idp");
        let url = format!("http://{}/jwks", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Idp {
            url,
            jwks,
            fetches,
            task,
        }
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }

    fn publish(&self, keys: Vec<Value>) {
        *self.jwks.lock().expect("jwks lock") = json!({ "keys": keys });
    }
}

impl Drop for Idp {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A stand-in for the Zscaler API (OneAPI token endpoint and gateway) on 127.0.0.1 that counts
/// every request: a tool that runs reaches it; a request refused at the edge cannot.
struct Upstream {
    base_url: String,
    requests: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Upstream {
    async fn start() -> Upstream {
        use axum::extract::State;
        let requests = Arc::new(AtomicUsize::new(0));
        let app = axum::Router::new()
            .route(
                "/oauth2/v1/token",
                axum::routing::post(|State(n): State<Arc<AtomicUsize>>| async move {
                    n.fetch_add(1, Ordering::SeqCst);
                    axum::Json(
                        json!({"access_token": "upstream-token", "token_type": "Bearer",
                                      "expires_in": 3600}),
                    )
                }),
            )
            .fallback(|State(n): State<Arc<AtomicUsize>>| async move {
                n.fetch_add(1, Ordering::SeqCst);
                axum::Json(json!([]))
            })
            .with_state(requests.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind upstream");
        let base_url = format!("http://{}", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Upstream {
            base_url,
            requests,
            task,
        }
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for Upstream {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn encoding_key(pem: &str, alg: Algorithm) -> EncodingKey {
    match alg {
        Algorithm::ES256 | Algorithm::ES384 => EncodingKey::from_ec_pem(pem.as_bytes()),
        Algorithm::HS256 => Ok(EncodingKey::from_secret(pem.as_bytes())),
        _ => EncodingKey::from_rsa_pem(pem.as_bytes()),
    }
    .expect("fixture key")
}

/// The public JWK of a fixture private key.
fn jwk(pem: &str, alg: Algorithm, kid: &str) -> Value {
    let mut jwk = jsonwebtoken::jwk::Jwk::from_encoding_key(&encoding_key(pem, alg), alg)
        .expect("public jwk");
    jwk.common.key_id = Some(kid.to_string());
    jwk.common.public_key_use = Some(jsonwebtoken::jwk::PublicKeyUse::Signature);
    serde_json::to_value(jwk).expect("jwk json")
}

fn now() -> u64 {
    get_current_timestamp()
}

fn claims() -> Value {
    json!({"iss": ISS, "aud": AUD, "sub": "alice@example.com", "iat": now(),
           "exp": now() + 600, "scope": "mcp.read"})
}

fn with(key: &str, value: Value) -> Value {
    let mut c = claims();
    c[key] = value;
    c
}

fn without(key: &str) -> Value {
    let mut c = claims();
    c.as_object_mut().expect("object").remove(key);
    c
}

fn sign(pem: &str, alg: Algorithm, kid: Option<&str>, claims: &Value) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_string);
    encode(&header, claims, &encoding_key(pem, alg)).expect("sign")
}

fn token_a(claims: &Value) -> String {
    sign(RSA_A, Algorithm::RS256, Some("key-a"), claims)
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A token whose header and signature are exactly as given (nothing signs it).
fn unsigned(header: &Value, claims: &Value, signature: &str) -> String {
    format!(
        "{}.{}.{signature}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    )
}

// ---------------------------------------------------------------- the MCP server

async fn jwt_server(idp_url: &str, algorithms: &str) -> common::Running {
    jwt_server_with(idp_url, algorithms, &[]).await
}

async fn jwt_server_with(
    idp_url: &str,
    algorithms: &str,
    extra: &[(&str, &str)],
) -> common::Running {
    let mut vars = vec![
        ("ZSCALER_MCP_AUTH_MODE", "jwt"),
        ("ZSCALER_MCP_AUTH_JWKS_URI", idp_url),
        ("ZSCALER_MCP_AUTH_ISSUER", ISS),
        ("ZSCALER_MCP_AUTH_ALGORITHMS", algorithms),
    ];
    vars.extend_from_slice(extra);
    start(
        &["--transport", "streamable-http", "--stateless-http"],
        &vars,
    )
    .await
}

/// A ZIA read tool: running it calls the (counting) upstream.
fn zia_call() -> Value {
    json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
           "params": {"name": "zia_list_device_groups", "arguments": {}}})
}

fn server_info_call() -> Value {
    json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
           "params": {"name": "zscaler_get_server_info", "arguments": {}}})
}

async fn post(
    server: &common::Running,
    path: &str,
    authorization: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let method = if path == "/sse" { "GET" } else { "POST" };
    let mut request = client()
        .request(method.parse().expect("method"), server.url(path))
        .header("accept", ACCEPT_BOTH)
        .header("mcp-protocol-version", "2025-11-25")
        .json(body);
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    request.send().await.expect("request")
}

/// Asserts a 401 refusal before MCP: challenge, JSON-RPC error body, no tool result, no echo.
async fn assert_refused(r: reqwest::Response, name: &str, secret: Option<&str>) -> String {
    assert_eq!(r.status(), 401, "{name}");
    let challenge = r
        .headers()
        .get("www-authenticate")
        .unwrap_or_else(|| panic!("{name}: no WWW-Authenticate"))
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        challenge.starts_with("Bearer realm=\"zscaler-mcp\""),
        "{name}: {challenge}"
    );
    let body: Value = r.json().await.expect("JSON-RPC error body");
    assert_eq!(body["jsonrpc"], "2.0", "{name}");
    assert_eq!(body["error"]["code"], -32001, "{name}");
    // The MCP handler answers with the request's id (2) and a `result`; the edge with null.
    assert_eq!(body["id"], Value::Null, "{name}: the MCP handler answered");
    assert!(body.get("result").is_none(), "{name}: a tool ran");
    if let Some(secret) = secret {
        let text = body.to_string();
        assert!(!text.contains(secret), "{name}: token echoed in body");
        assert!(
            !challenge.contains(secret),
            "{name}: token echoed in challenge"
        );
    }
    println!("{name:<40} -> 401 {challenge}");
    challenge
}

// ---------------------------------------------------------------- the attack matrix

#[tokio::test]
async fn jwt_attack_matrix_is_refused_before_mcp() {
    let idp = Idp::start(vec![
        jwk(RSA_A, Algorithm::RS256, "key-a"),
        jwk(EC_P256, Algorithm::ES256, "key-ec"),
    ])
    .await;
    let upstream = Upstream::start().await;
    let token_url = format!("{}/oauth2/v1/token", upstream.base_url);
    let server = jwt_server_with(
        &idp.url,
        "RS256,ES256",
        &[
            ("ZSCALER_CLIENT_ID", "client-id"),
            ("ZSCALER_CLIENT_SECRET", "client-secret"),
            ("ZSCALER_VANITY_DOMAIN", "acme"),
            ("ZSCALER_CUSTOMER_ID", "1234567"),
            ("ZSCALER_MCP_API_BASE_URL", &upstream.base_url),
            ("ZSCALER_MCP_TOKEN_URL", &token_url),
        ],
    )
    .await;

    // A valid token first: the keys are fetched once (and no Zscaler call is made).
    let good = format!("Bearer {}", token_a(&claims()));
    let r = post(&server, "/mcp", Some(&good), &server_info_call()).await;
    assert_eq!(r.status(), 200);
    assert_eq!(idp.fetches(), 1);
    assert_eq!(upstream.requests(), 0);

    let malformed_header = format!("Bearer {}.{}.c2ln", b64(b"not json"), b64(b"{}"));
    let other_key = sign(RSA_ATTACKER, Algorithm::RS256, Some("key-a"), &claims());
    let swapped_claims = {
        let t = token_a(&claims());
        let parts: Vec<&str> = t.split('.').collect();
        let evil = b64(with("sub", json!("admin")).to_string().as_bytes());
        format!("{}.{evil}.{}", parts[0], parts[2])
    };
    let alg_none = unsigned(&json!({"alg": "none", "typ": "JWT"}), &claims(), "");
    let alg_none_kid = unsigned(
        &json!({"alg": "none", "typ": "JWT", "kid": "key-a"}),
        &claims(),
        "",
    );
    let hs256_confusion = sign(RSA_A_PUBLIC, Algorithm::HS256, Some("key-a"), &claims());
    let rs256_on_ec_key = sign(RSA_A, Algorithm::RS256, Some("key-ec"), &claims());
    let cases: Vec<(&str, Option<String>, &str)> = vec![
        ("missing header", None, ""),
        ("no scheme", Some(token_a(&claims())), "invalid_request"),
        (
            "basic scheme",
            Some(format!("Basic {}", token_a(&claims()))),
            "invalid_request",
        ),
        (
            "malformed: two segments",
            Some("Bearer eyJhbGciOiJSUzI1NiJ9.e30".into()),
            "invalid_token",
        ),
        (
            "malformed: bad base64",
            Some("Bearer ey*J.e30.c2ln".into()),
            "invalid_token",
        ),
        (
            "malformed: header not JSON",
            Some(malformed_header),
            "invalid_token",
        ),
        (
            "wrong signature (another key)",
            Some(format!("Bearer {other_key}")),
            "invalid_token",
        ),
        (
            "claims swapped under a valid signature",
            Some(format!("Bearer {swapped_claims}")),
            "invalid_token",
        ),
        (
            "expired beyond leeway",
            Some(format!(
                "Bearer {}",
                token_a(&with("exp", json!(now() - 120)))
            )),
            "invalid_token",
        ),
        (
            "nbf in the future beyond leeway",
            Some(format!(
                "Bearer {}",
                token_a(&with("nbf", json!(now() + 120)))
            )),
            "invalid_token",
        ),
        (
            "iat in the future beyond leeway",
            Some(format!(
                "Bearer {}",
                token_a(&with("iat", json!(now() + 120)))
            )),
            "invalid_token",
        ),
        (
            "wrong issuer",
            Some(format!(
                "Bearer {}",
                token_a(&with("iss", json!("https://evil.example/")))
            )),
            "invalid_token",
        ),
        (
            "wrong audience",
            Some(format!(
                "Bearer {}",
                token_a(&with("aud", json!("other-api")))
            )),
            "invalid_token",
        ),
        (
            "missing exp",
            Some(format!("Bearer {}", token_a(&without("exp")))),
            "invalid_token",
        ),
        (
            "missing sub",
            Some(format!("Bearer {}", token_a(&without("sub")))),
            "invalid_token",
        ),
        (
            "alg none",
            Some(format!("Bearer {alg_none}")),
            "invalid_token",
        ),
        (
            "alg none with a known kid",
            Some(format!("Bearer {alg_none_kid}")),
            "invalid_token",
        ),
        (
            "HS256 keyed with the RSA public key PEM",
            Some(format!("Bearer {hs256_confusion}")),
            "invalid_token",
        ),
        (
            "RS256 header naming the EC key",
            Some(format!("Bearer {rs256_on_ec_key}")),
            "invalid_token",
        ),
        (
            "oversized header (> 8 KiB)",
            Some(format!("Bearer {}", "a".repeat(9000))),
            "invalid_request",
        ),
    ];
    for path in ["/mcp", "/sse", "/messages?sessionId=x"] {
        for (name, authorization, error) in &cases {
            let r = post(&server, path, authorization.as_deref(), &zia_call()).await;
            let token = authorization
                .as_deref()
                .and_then(|a| a.split_once(' ').map(|(_, t)| t).or(Some(a)));
            let challenge = assert_refused(r, &format!("{name} on {path}"), token).await;
            if error.is_empty() {
                assert!(!challenge.contains("error="), "{name}: {challenge}");
            } else {
                assert!(
                    challenge.contains(&format!("error=\"{error}\"")),
                    "{name}: {challenge}"
                );
                assert!(challenge.contains("error_description=\""), "{name}");
            }
        }
    }
    // None of these made the server fetch the JWKS again, and no tool reached Zscaler.
    assert_eq!(idp.fetches(), 1);
    assert_eq!(upstream.requests(), 0, "a refused request ran a tool");

    // The refusals say what failed.
    for (token, needle) in [
        (token_a(&with("exp", json!(now() - 120))), "expired"),
        (token_a(&with("nbf", json!(now() + 120))), "not yet valid"),
        (
            token_a(&with("iss", json!("https://evil.example/"))),
            "issuer",
        ),
        (token_a(&with("aud", json!("other-api"))), "audience"),
        (token_a(&without("exp")), "'exp'"),
        (other_key.clone(), "signature"),
        (hs256_confusion.clone(), "algorithm not allowed"),
        (alg_none.clone(), "algorithm not allowed"),
        ("a.b".to_string(), "Malformed token"),
    ] {
        let r = post(
            &server,
            "/mcp",
            Some(&format!("Bearer {token}")),
            &server_info_call(),
        )
        .await;
        let body: Value = r.json().await.expect("json");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(needle), "{needle}: {message}");
    }

    // Unknown kid: refused; the refetch it triggers happens at most once per interval.
    let before = idp.fetches();
    for kid in ["nope-1", "nope-2", "nope-3"] {
        let forged = sign(RSA_ATTACKER, Algorithm::RS256, Some(kid), &claims());
        let r = post(
            &server,
            "/mcp",
            Some(&format!("Bearer {forged}")),
            &zia_call(),
        )
        .await;
        let challenge = assert_refused(r, &format!("unknown kid {kid}"), Some(&forged)).await;
        assert!(challenge.contains("unknown key"), "{challenge}");
    }
    let extra = idp.fetches() - before;
    println!("unknown kid x3 -> {extra} extra JWKS fetch(es)");
    assert!(extra <= 1, "unknown kids made {extra} fetches");

    assert_eq!(upstream.requests(), 0, "a refused request ran a tool");

    // Control: with the valid token the same ZIA call runs and reaches the upstream.
    let r = post(&server, "/mcp", Some(&good), &zia_call()).await;
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.expect("tools/call answer");
    assert_eq!(body["id"], 2, "{body}");
    assert!(body.get("result").is_some(), "{body}");
    assert!(
        upstream.requests() > 0,
        "the control call reached no upstream"
    );
    println!(
        "valid token, zia_list_device_groups -> 200, {} upstream request(s); refused ones: 0",
        upstream.requests()
    );
    assert!(idp.fetches() - before <= 1);
    server.stop().await.expect("clean stop");
}

// ---------------------------------------------------------------- accepted tokens

#[tokio::test]
async fn valid_rs256_and_es256_tokens_reach_mcp() {
    let idp = Idp::start(vec![
        jwk(RSA_A, Algorithm::RS256, "key-a"),
        jwk(EC_P256, Algorithm::ES256, "key-ec"),
    ])
    .await;
    let server = jwt_server(&idp.url, "RS256,ES256").await;
    for (name, token) in [
        ("RS256", token_a(&claims())),
        (
            "ES256",
            sign(EC_P256, Algorithm::ES256, Some("key-ec"), &claims()),
        ),
        (
            "expired within the leeway",
            token_a(&with("exp", json!(now() - 10))),
        ),
        (
            "nbf within the leeway",
            token_a(&with("nbf", json!(now() + 10))),
        ),
        (
            "audience in an array",
            token_a(&with("aud", json!(["other", AUD]))),
        ),
    ] {
        let bearer = format!("Bearer {token}");
        let r = post(&server, "/mcp", Some(&bearer), &initialize("2025-11-25", 1)).await;
        assert_eq!(r.status(), 200, "{name}");
        let body: Value = r.json().await.expect("initialize answer");
        assert_eq!(body["id"], 1, "{name}: {body}");
        assert!(body["result"]["serverInfo"].is_object(), "{name}: {body}");
        let r = post(&server, "/mcp", Some(&bearer), &server_info_call()).await;
        assert_eq!(r.status(), 200, "{name}");
        let body: Value = r.json().await.expect("tools/call answer");
        assert_eq!(body["id"], 2, "{name}");
        let auth = body["result"]["structuredContent"]["security"]["clientAuth"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(
            auth.starts_with(&format!("jwt (issuer={ISS}, audience={AUD}")),
            "{name}: {auth}"
        );
        assert!(auth.contains("algorithms=RS256,ES256"), "{auth}");
        println!("{name:<40} -> 200 (initialize and tools/call answered)");
    }
    assert_eq!(idp.fetches(), 1, "keys fetched once and cached");
    // /health stays open.
    let r = client()
        .get(server.url("/health"))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn es256_is_refused_unless_configured() {
    let idp = Idp::start(vec![
        jwk(RSA_A, Algorithm::RS256, "key-a"),
        jwk(EC_P256, Algorithm::ES256, "key-ec"),
    ])
    .await;
    // Default: RS256 only.
    let server = jwt_server(&idp.url, "RS256").await;
    let es = sign(EC_P256, Algorithm::ES256, Some("key-ec"), &claims());
    let r = post(
        &server,
        "/mcp",
        Some(&format!("Bearer {es}")),
        &server_info_call(),
    )
    .await;
    let challenge = assert_refused(r, "ES256 not configured", Some(&es)).await;
    assert!(challenge.contains("algorithm not allowed"), "{challenge}");
    assert_eq!(idp.fetches(), 0, "refused before any key was fetched");
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn key_rotation_triggers_one_refetch_and_is_accepted() {
    let idp = Idp::start(vec![jwk(RSA_A, Algorithm::RS256, "key-a")]).await;
    let server = jwt_server(&idp.url, "RS256").await;
    let old = format!("Bearer {}", token_a(&claims()));
    let r = post(&server, "/mcp", Some(&old), &initialize("2025-11-25", 1)).await;
    assert_eq!(r.status(), 200);
    assert_eq!(idp.fetches(), 1);

    // The identity provider rotates to a new key with a new kid.
    idp.publish(vec![jwk(RSA_B, Algorithm::RS256, "key-b")]);
    let new = format!(
        "Bearer {}",
        sign(RSA_B, Algorithm::RS256, Some("key-b"), &claims())
    );
    let r = post(&server, "/mcp", Some(&new), &initialize("2025-11-25", 1)).await;
    assert_eq!(r.status(), 200, "new key accepted after one refetch");
    assert_eq!(idp.fetches(), 2);
    let r = post(&server, "/mcp", Some(&new), &server_info_call()).await;
    assert_eq!(r.status(), 200);
    assert_eq!(idp.fetches(), 2, "the new key is cached");
    println!("rotation: new kid -> 1 refetch, accepted");

    // The retired key is gone from the JWKS: its tokens are refused without another fetch.
    let r = post(&server, "/mcp", Some(&old), &server_info_call()).await;
    let challenge = assert_refused(r, "retired key", None).await;
    assert!(challenge.contains("unknown key"), "{challenge}");
    assert_eq!(idp.fetches(), 2, "refetch rate-limited");
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn an_unreachable_jwks_is_503_not_a_panic() {
    // A port nothing listens on.
    let url = {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        format!("http://{}/jwks", l.local_addr().expect("addr"))
    };
    let server = jwt_server(&url, "RS256").await;
    let token = token_a(&claims());
    for _ in 0..2 {
        let r = post(
            &server,
            "/mcp",
            Some(&format!("Bearer {token}")),
            &server_info_call(),
        )
        .await;
        assert_eq!(r.status(), 503);
        assert_eq!(
            r.headers().get("retry-after").and_then(|v| v.to_str().ok()),
            Some("30")
        );
        let body: Value = r.json().await.expect("json");
        assert_eq!(body["error"]["code"], -32001);
        assert_eq!(body["id"], Value::Null);
        assert!(body.get("result").is_none());
        assert!(!body.to_string().contains(&token));
    }
    println!("unreachable JWKS -> 503 Retry-After: 30");
    // Still serving.
    let r = client()
        .get(server.url("/health"))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    server.stop().await.expect("clean stop");
}

// ---------------------------------------------------------------- configuration

const BIN: &str = env!("CARGO_BIN_EXE_zscaler-mcp");

/// Runs the binary with a clean environment in an empty directory; returns (exit code, stderr).
fn run(vars: &[(&str, &str)]) -> (Option<i32>, String) {
    let dir = std::env::temp_dir().join(format!(
        "zmcp-jwt-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = std::process::Command::new(BIN)
        .args(["--transport", "streamable-http", "--port", "0"])
        .env_clear()
        .envs(vars.iter().copied())
        .current_dir(&dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run zscaler-mcp");
    let _ = std::fs::remove_dir_all(&dir);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Variables, and what the one-line refusal must contain.
type ConfigCase<'a> = (Vec<(&'a str, &'a str)>, &'a [&'a str]);

#[test]
fn jwt_misconfiguration_exits_2_naming_the_variable() {
    let uri = ("ZSCALER_MCP_AUTH_JWKS_URI", "https://idp.example/jwks");
    let iss = ("ZSCALER_MCP_AUTH_ISSUER", "https://idp.example/");
    let jwt = ("ZSCALER_MCP_AUTH_MODE", "jwt");
    let cases: Vec<ConfigCase> = vec![
        (vec![jwt, iss], &["ZSCALER_MCP_AUTH_JWKS_URI", "(unset)"]),
        (vec![jwt, uri], &["ZSCALER_MCP_AUTH_ISSUER", "(unset)"]),
        // Auto-detected from the JWKS URI.
        (vec![uri], &["ZSCALER_MCP_AUTH_ISSUER"]),
        (
            vec![
                jwt,
                ("ZSCALER_MCP_AUTH_JWKS_URI", "http://idp.example/jwks"),
                iss,
            ],
            &["ZSCALER_MCP_AUTH_JWKS_URI", "https://"],
        ),
        (
            vec![jwt, ("ZSCALER_MCP_AUTH_JWKS_URI", "not a url"), iss],
            &["ZSCALER_MCP_AUTH_JWKS_URI"],
        ),
        (
            vec![jwt, uri, iss, ("ZSCALER_MCP_AUTH_ALGORITHMS", "none")],
            &["ZSCALER_MCP_AUTH_ALGORITHMS", "'none'"],
        ),
        (
            vec![jwt, uri, iss, ("ZSCALER_MCP_AUTH_ALGORITHMS", "HS256")],
            &["ZSCALER_MCP_AUTH_ALGORITHMS", "'HS256'"],
        ),
        (
            vec![
                jwt,
                uri,
                iss,
                ("ZSCALER_MCP_AUTH_ALGORITHMS", "RS256,hs512"),
            ],
            &["ZSCALER_MCP_AUTH_ALGORITHMS", "hs512"],
        ),
        (
            vec![jwt, uri, iss, ("ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "301")],
            &["ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "from 0 to 300"],
        ),
        (
            vec![jwt, uri, iss, ("ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "-1")],
            &["ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "from 0 to 300"],
        ),
        (
            vec![jwt, uri, iss, ("ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "soon")],
            &["ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "from 0 to 300"],
        ),
        // jwt settings without jwt mode are refused as unused, not silently ignored.
        (
            vec![
                ("ZSCALER_MCP_AUTH_API_KEY", "zmcp_test-key-0123456789abcdef"),
                ("ZSCALER_MCP_AUTH_LEEWAY_SECONDS", "10"),
            ],
            &["ZSCALER_MCP_AUTH_LEEWAY_SECONDS"],
        ),
        // zscaler mode validates callers at the tenant's token endpoint: it must be known.
        (
            vec![("ZSCALER_MCP_AUTH_MODE", "zscaler")],
            &["ZSCALER_VANITY_DOMAIN", "ZSCALER_MCP_TOKEN_URL"],
        ),
    ];
    for (vars, needles) in cases {
        let (code, err) = run(&vars);
        assert_eq!(code, Some(2), "{vars:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{vars:?}: one line expected: {err}");
        for needle in needles {
            assert!(err.contains(needle), "{vars:?}: {needle} not in {err}");
        }
        println!("{vars:?} -> exit 2: {}", err.trim());
    }
}

#[tokio::test]
async fn a_library_caller_gets_the_same_refusal() {
    let config = common::config(
        &["--transport", "streamable-http"],
        &[
            ("ZSCALER_MCP_AUTH_MODE", "jwt"),
            ("ZSCALER_MCP_AUTH_JWKS_URI", "https://idp.example/jwks"),
        ],
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let server = zscaler_mcp::ZscalerMcpServer::builder(config).build();
    let err = server
        .serve_http(listener, async {})
        .await
        .expect_err("fail closed");
    assert!(err.to_string().contains("ZSCALER_MCP_AUTH_ISSUER"), "{err}");
}
