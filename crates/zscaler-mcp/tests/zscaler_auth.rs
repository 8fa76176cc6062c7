//! `zscaler` client authentication end to end: a real server on loopback in front of the real
//! in-process sandbox. Callers present their own OneAPI client credentials (Basic, or the
//! `X-Zscaler-Client-ID`/`-Secret` pair), which the server exchanges at the sandbox's token
//! endpoint; their tool calls run with THEIR token. The sandbox's request log names the OneAPI
//! client of every token request and every API call, so the tests prove whose token was used,
//! how many exchanges happened, and that the server's own (broader) credentials never served a
//! caller.

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use zscaler_sandbox::{ExtraClient, Product, RunningSandbox, SandboxConfig};

const ADMIN: &str = "zscaler-auth-admin";
const WIDE_ID: &str = "mcp-caller-wide";
const WIDE_SECRET: &str = "wide-secret-0123456789abcdef";
const NARROW_ID: &str = "mcp-caller-zpa";
const NARROW_SECRET: &str = "narrow-secret-0123456789abcdef";
const VERSION: &str = "2025-11-25";

/// A sandbox with the server's own client (every product) and two callers' clients: one with
/// every product, one entitled to ZPA only.
async fn sandbox() -> RunningSandbox {
    sandbox_with(SandboxConfig::default().token_ttl).await
}

/// [`sandbox`] with tokens valid for `token_ttl`.
async fn sandbox_with(token_ttl: std::time::Duration) -> RunningSandbox {
    common::crypto();
    zscaler_sandbox::Sandbox::start(SandboxConfig {
        admin_token: Some(ADMIN.into()),
        token_ttl,
        extra_clients: vec![
            ExtraClient {
                id: WIDE_ID.into(),
                secret: WIDE_SECRET.into(),
                entitlements: Product::ALL.to_vec(),
            },
            ExtraClient {
                id: NARROW_ID.into(),
                secret: NARROW_SECRET.into(),
                entitlements: vec![Product::Zpa],
            },
        ],
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox")
}

/// A stateless streamable-HTTP server in zscaler mode on the sandbox; `own_credentials`: whether
/// it has OneAPI credentials of its own (the sandbox's main, all-products client).
async fn server(sb: &RunningSandbox, own_credentials: bool, transport: &str) -> common::Running {
    let mut vars = vec![
        ("ZSCALER_CUSTOMER_ID", sb.customer_id.as_str()),
        ("ZSCALER_VANITY_DOMAIN", "sandbox"),
        ("ZSCALER_MCP_API_BASE_URL", sb.base_url.as_str()),
        ("ZSCALER_MCP_TOKEN_URL", sb.token_url.as_str()),
        ("ZSCALER_MCP_AUTH_MODE", "zscaler"),
        ("ZSCALER_MCP_RATE_LIMITS", "off"),
    ];
    if own_credentials {
        vars.push(("ZSCALER_CLIENT_ID", sb.client_id.as_str()));
        vars.push(("ZSCALER_CLIENT_SECRET", sb.client_secret.as_str()));
    }
    let mut args = vec![
        "--transport",
        transport,
        "--toolsets",
        "zia_rule_labels,zpa_segment_groups",
    ];
    if transport == "streamable-http" {
        args.push("--stateless-http");
    }
    common::start(&args, &vars).await
}

fn basic(id: &str, secret: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{id}:{secret}")))
}

/// Credentials as headers: `("authorization", "Basic ...")`, or the id/secret pair.
type Creds = Vec<(&'static str, String)>;

fn basic_creds(id: &str, secret: &str) -> Creds {
    vec![("authorization", basic(id, secret))]
}

fn pair_creds(id: &str, secret: &str) -> Creds {
    vec![
        ("x-zscaler-client-id", id.to_string()),
        ("x-zscaler-client-secret", secret.to_string()),
    ]
}

/// POSTs one JSON-RPC message to `/mcp`: status, headers, body.
async fn post(
    server: &common::Running,
    creds: &Creds,
    body: &Value,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut request = common::client()
        .post(server.url("/mcp"))
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", VERSION)
        .json(body);
    for (name, value) in creds {
        request = request.header(*name, value);
    }
    let r = request.send().await.expect("answer");
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let text = r.text().await.expect("body");
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, headers, value)
}

fn call(id: u64, tool: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/call",
           "params": {"name": tool, "arguments": {}}})
}

fn list(id: u64) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/list"})
}

/// A successful tool answer's text (asserting HTTP 200 and no isError).
fn ok_text(status: u16, answer: &Value) -> String {
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["result"]["isError"], false, "{answer}");
    answer["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Everything the sandbox recorded.
async fn log(sb: &RunningSandbox) -> Vec<Value> {
    common::sandbox_requests(&sb.base_url, ADMIN).await
}

/// Token requests naming `client`.
fn exchanges(log: &[Value], client: &str) -> usize {
    log.iter()
        .filter(|r| r["path"] == "/oauth2/v1/token" && r["client_id"] == client)
        .count()
}

/// API requests (not token requests) whose path starts with `prefix`: their clients.
fn api_clients(log: &[Value], prefix: &str) -> Vec<String> {
    log.iter()
        .filter(|r| r["path"] != "/oauth2/v1/token")
        .filter(|r| r["path"].as_str().is_some_and(|p| p.starts_with(prefix)))
        .map(|r| r["client_id"].as_str().unwrap_or("<none>").to_string())
        .collect()
}

/// An edge refusal: status, `WWW-Authenticate` for 401, and the JSON-RPC body (`id: null`: MCP
/// never saw the request).
fn assert_refused(status: u16, headers: &reqwest::header::HeaderMap, body: &Value, want: u16) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["id"], Value::Null, "{body}");
    assert_eq!(body["error"]["code"], -32001, "{body}");
    if want == 401 {
        assert_eq!(
            headers
                .get("www-authenticate")
                .and_then(|v| v.to_str().ok()),
            Some("Basic realm=\"zscaler-mcp\""),
            "{body}"
        );
    }
}

#[tokio::test]
async fn both_forms_call_tools_with_the_callers_own_token_exchanged_once() {
    let sb = sandbox().await;
    let server = server(&sb, true, "streamable-http").await;
    let by_basic = basic_creds(WIDE_ID, WIDE_SECRET);
    let by_pair = pair_creds(WIDE_ID, WIDE_SECRET);

    let (status, _, answer) = post(&server, &by_basic, &common::initialize(VERSION, 1)).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["result"]["protocolVersion"], VERSION, "{answer}");
    // Basic and the header pair are the same credential: one cache entry, one exchange.
    for (i, creds) in [&by_basic, &by_pair, &by_basic, &by_pair, &by_pair]
        .into_iter()
        .enumerate()
    {
        let (status, _, answer) =
            post(&server, creds, &call(10 + i as u64, "zia_list_rule_labels")).await;
        ok_text(status, &answer);
    }
    let (status, _, answer) = post(&server, &by_pair, &list(20)).await;
    assert_eq!(status, 200, "{answer}");
    let names: Vec<&str> = answer["result"]["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(names.contains(&"zia_list_rule_labels") && names.contains(&"zpa_list_segment_groups"));

    // The posture says what the mode really does.
    let (status, _, answer) = post(&server, &by_basic, &call(21, "zscaler_get_server_info")).await;
    ok_text(status, &answer);
    let auth = answer["result"]["structuredContent"]["security"]["clientAuth"]
        .as_str()
        .unwrap_or_default();
    assert!(
        auth.starts_with("zscaler (cache_ttl=token lifetime"),
        "{answer}"
    );

    let log = log(&sb).await;
    // Eight requests, one exchange; the server's own credentials were never used.
    assert_eq!(exchanges(&log, WIDE_ID), 1);
    assert_eq!(exchanges(&log, &sb.client_id), 0);
    let zia = api_clients(&log, "/zia/");
    assert!(zia.len() >= 5, "{zia:?}");
    assert!(zia.iter().all(|c| c == WIDE_ID), "{zia:?}");
    // No secret in anything the sandbox recorded.
    let text = serde_json::to_string(&log).expect("json");
    assert!(!text.contains(WIDE_SECRET) && !text.contains(&sb.client_secret));
    println!(
        "wide caller: 8 requests, {} token exchange(s), {} ZIA API call(s) all as {WIDE_ID}",
        exchanges(&log, WIDE_ID),
        zia.len()
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn wrong_malformed_and_missing_credentials_are_refused_before_any_tool_runs() {
    let sb = sandbox().await;
    let server = server(&sb, true, "streamable-http").await;
    let tool = call(1, "zia_list_rule_labels");

    // A wrong secret: refused by the token endpoint, then from the negative cache.
    let wrong = basic_creds(WIDE_ID, "not-the-secret");
    for _ in 0..3 {
        let (status, headers, body) = post(&server, &wrong, &tool).await;
        assert_refused(status, &headers, &body, 401);
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("refused"), "{message}");
        assert!(!message.contains("not-the-secret"), "{message}");
    }
    let after_wrong = log(&sb).await;
    assert_eq!(
        exchanges(&after_wrong, WIDE_ID),
        1,
        "one exchange for three tries"
    );

    let cases: Vec<(&str, Creds)> = vec![
        ("missing", vec![]),
        (
            "bearer",
            vec![("authorization", "Bearer abc.def.ghi".into())],
        ),
        (
            "bad base64",
            vec![("authorization", "Basic !!not-base64!!".into())],
        ),
        (
            "no colon",
            vec![(
                "authorization",
                format!("Basic {}", STANDARD.encode(WIDE_ID)),
            )],
        ),
        ("empty secret", basic_creds(WIDE_ID, "")),
        (
            "both forms",
            [
                basic_creds(WIDE_ID, WIDE_SECRET),
                pair_creds(WIDE_ID, WIDE_SECRET),
            ]
            .concat(),
        ),
        (
            "id without secret",
            vec![("x-zscaler-client-id", WIDE_ID.into())],
        ),
        (
            "two ids",
            [
                pair_creds(WIDE_ID, WIDE_SECRET),
                vec![("x-zscaler-client-id", NARROW_ID.into())],
            ]
            .concat(),
        ),
    ];
    for (name, creds) in &cases {
        let (status, headers, body) = post(&server, creds, &tool).await;
        assert_refused(status, &headers, &body, 401);
        println!(
            "{name}: {status} {}",
            body["error"]["message"].as_str().unwrap_or_default()
        );
    }
    let (status, headers, body) = post(&server, &vec![], &tool).await;
    assert_refused(status, &headers, &body, 401);
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("X-Zscaler-Client-ID") && m.contains("Basic")),
        "{body}"
    );

    let log = log(&sb).await;
    // Malformed credentials never reach the token endpoint; no tool ran at all.
    assert_eq!(exchanges(&log, WIDE_ID), 1);
    assert_eq!(
        log.iter()
            .filter(|r| r["path"] == "/oauth2/v1/token")
            .count(),
        1
    );
    assert!(api_clients(&log, "/").is_empty(), "{log:?}");
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn a_narrow_caller_sees_and_calls_only_its_services() {
    let sb = sandbox().await;
    let server = server(&sb, true, "streamable-http").await;
    let narrow = pair_creds(NARROW_ID, NARROW_SECRET);

    let (status, _, answer) = post(&server, &narrow, &list(1)).await;
    assert_eq!(status, 200, "{answer}");
    let names: Vec<String> = answer["result"]["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|t| t["name"].as_str().map(str::to_string))
        .collect();
    assert!(
        names.iter().any(|n| n == "zpa_list_segment_groups"),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("zscaler_")),
        "meta tools kept: {names:?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("zia_")), "{names:?}");

    let (status, _, answer) = post(&server, &narrow, &call(2, "zpa_list_segment_groups")).await;
    ok_text(status, &answer);

    let (status, _, answer) = post(&server, &narrow, &call(3, "zia_list_rule_labels")).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["result"]["isError"], true, "{answer}");
    let text = answer["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(
        text.contains("not entitled to ZIA") && text.contains(NARROW_ID),
        "{text}"
    );
    println!("narrow caller calling a ZIA tool: {text}");

    let log = log(&sb).await;
    assert_eq!(exchanges(&log, NARROW_ID), 1);
    // The server's broader credentials were never used for it, and ZIA was never called.
    assert_eq!(exchanges(&log, &sb.client_id), 0);
    assert!(api_clients(&log, "/zia/").is_empty(), "{log:?}");
    let zpa = api_clients(&log, "/zpa/");
    assert!(
        !zpa.is_empty() && zpa.iter().all(|c| c == NARROW_ID),
        "{zpa:?}"
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn concurrent_first_requests_share_one_exchange_and_own_credentials_are_optional() {
    let sb = sandbox().await;
    // No OneAPI credentials of its own: callers bring theirs.
    let server = server(&sb, false, "streamable-http").await;
    let creds = basic_creds(WIDE_ID, WIDE_SECRET);
    let bodies: Vec<Value> = (0..8).map(|i| call(i, "zia_list_rule_labels")).collect();
    let answers =
        futures::future::join_all(bodies.iter().map(|body| post(&server, &creds, body))).await;
    for (status, _, answer) in &answers {
        ok_text(*status, answer);
    }
    let log = log(&sb).await;
    assert_eq!(
        exchanges(&log, WIDE_ID),
        1,
        "eight concurrent first requests"
    );
    let zia = api_clients(&log, "/zia/");
    assert!(
        zia.len() >= 8 && zia.iter().all(|c| c == WIDE_ID),
        "{zia:?}"
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn a_validation_lasts_as_long_as_the_token_and_is_then_renewed() {
    // Tokens of 3 s (the sandbox counts whole seconds, so at least 2 s of real validity): the
    // validation is reused for 2.7 s (lifetime less a tenth).
    let sb = sandbox_with(std::time::Duration::from_secs(3)).await;
    let server = server(&sb, true, "streamable-http").await;
    let wide = basic_creds(WIDE_ID, WIDE_SECRET);
    for i in 0..3 {
        let (status, _, answer) = post(&server, &wide, &call(i, "zia_list_rule_labels")).await;
        ok_text(status, &answer);
    }
    assert_eq!(exchanges(&log(&sb).await, WIDE_ID), 1);
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    // Stale now: the next request exchanges again, and the call runs with the new token.
    let (status, _, answer) = post(&server, &wide, &call(9, "zia_list_rule_labels")).await;
    ok_text(status, &answer);
    let log = log(&sb).await;
    assert_eq!(exchanges(&log, WIDE_ID), 2);
    let zia: Vec<&Value> = log
        .iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.starts_with("/zia/")))
        .collect();
    assert!(
        zia.iter()
            .all(|r| r["client_id"] == WIDE_ID && r["status"] == 200),
        "{zia:?}"
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn an_unreachable_token_endpoint_is_503_while_validated_callers_keep_working() {
    let sb = sandbox().await;
    let server = server(&sb, true, "streamable-http").await;
    let wide = basic_creds(WIDE_ID, WIDE_SECRET);
    let (status, _, answer) = post(&server, &wide, &call(1, "zia_list_rule_labels")).await;
    ok_text(status, &answer);

    let r = common::client()
        .post(format!("{}/_sandbox/faults", sb.base_url))
        .bearer_auth(ADMIN)
        .json(&json!({"spec": "POST /oauth2/v1/token=token-outage"}))
        .send()
        .await
        .expect("fault");
    assert_eq!(r.status(), 200);

    // A caller not validated yet: the credentials may be fine, so 503 with Retry-After.
    let narrow = basic_creds(NARROW_ID, NARROW_SECRET);
    let (status, headers, body) = post(&server, &narrow, &call(2, "zpa_list_segment_groups")).await;
    assert_refused(status, &headers, &body, 503);
    let retry: u64 = headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After seconds");
    assert!(retry >= 1, "{retry}");
    assert!(headers.get("www-authenticate").is_none());
    let outage = log(&sb).await;
    let tried = exchanges(&outage, NARROW_ID);
    assert!(tried >= 1);
    // Within the backoff the endpoint is not asked again.
    let (status, headers, body) = post(&server, &narrow, &call(3, "zpa_list_segment_groups")).await;
    assert_refused(status, &headers, &body, 503);
    // The validated caller is served from the cache meanwhile.
    let (status, _, answer) = post(&server, &wide, &call(4, "zia_list_rule_labels")).await;
    ok_text(status, &answer);
    let log = log(&sb).await;
    assert_eq!(exchanges(&log, NARROW_ID), tried);
    assert_eq!(exchanges(&log, WIDE_ID), 1);
    println!("token endpoint down: 503, Retry-After {retry}; {tried} token request(s) tried");
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn sse_messages_run_with_the_token_of_the_caller_who_posted_them() {
    let sb = sandbox().await;
    let server = server(&sb, true, "sse").await;
    let creds = basic(WIDE_ID, WIDE_SECRET);
    let http = common::client();
    // The stream itself needs credentials.
    let r = http
        .get(server.url("/sse"))
        .header("accept", "text/event-stream")
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 401);
    let r = http
        .get(server.url("/sse"))
        .header("accept", "text/event-stream")
        .header("authorization", &creds)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    let mut events = common::Events::new(r);
    let endpoint = events.next().await.expect("endpoint event");
    let post_url = server.url(&endpoint.data);
    let send = |body: Value| {
        http.post(post_url.as_str())
            .header("authorization", creds.as_str())
            .json(&body)
            .send()
    };
    assert_eq!(
        send(common::initialize("2024-11-05", 1))
            .await
            .expect("POST")
            .status(),
        202
    );
    let answer: Value =
        serde_json::from_str(&events.next().await.expect("answer").data).expect("json");
    assert_eq!(answer["id"], 1);
    send(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
        .await
        .expect("POST");
    assert_eq!(
        send(call(2, "zia_list_rule_labels"))
            .await
            .expect("POST")
            .status(),
        202
    );
    let answer: Value =
        serde_json::from_str(&events.next().await.expect("answer").data).expect("json");
    assert_eq!(answer["id"], 2);
    assert_eq!(answer["result"]["isError"], false, "{answer}");
    let log = log(&sb).await;
    assert_eq!(exchanges(&log, &sb.client_id), 0);
    let zia = api_clients(&log, "/zia/");
    assert!(
        !zia.is_empty() && zia.iter().all(|c| c == WIDE_ID),
        "{zia:?}"
    );
    drop(events);
    server.stop().await.expect("clean stop");
}

/// ZSCALER_MCP_TRUST_PLATFORM_AUTH (AgentCore): a credential-less request is served as the
/// container's own OneAPI credentials, still validated by a token exchange; a request that
/// presents credentials is judged on them alone.
#[tokio::test]
async fn platform_trust_serves_credential_less_requests_as_the_containers_own_credentials() {
    let sb = sandbox().await;
    let vars = [
        ("ZSCALER_CUSTOMER_ID", sb.customer_id.as_str()),
        ("ZSCALER_VANITY_DOMAIN", "sandbox"),
        ("ZSCALER_MCP_API_BASE_URL", sb.base_url.as_str()),
        ("ZSCALER_MCP_TOKEN_URL", sb.token_url.as_str()),
        ("ZSCALER_MCP_AUTH_MODE", "zscaler"),
        ("ZSCALER_MCP_RATE_LIMITS", "off"),
        ("ZSCALER_MCP_TRUST_PLATFORM_AUTH", "true"),
        ("ZSCALER_CLIENT_ID", sb.client_id.as_str()),
        ("ZSCALER_CLIENT_SECRET", sb.client_secret.as_str()),
    ];
    let args = [
        "--transport",
        "streamable-http",
        "--stateless-http",
        "--toolsets",
        "zia_rule_labels",
    ];
    let server = common::start(&args, &vars).await;
    let (status, _, answer) = post(&server, &Vec::new(), &call(1, "zia_list_rule_labels")).await;
    ok_text(status, &answer);
    let log = log(&sb).await;
    assert!(
        exchanges(&log, &sb.client_id) >= 1,
        "validated by a real exchange"
    );
    assert!(
        api_clients(&log, "/zia/")
            .iter()
            .all(|c| c == &sb.client_id),
        "{:?}",
        api_clients(&log, "/zia/")
    );
    // Presented credentials are not replaced by the container's: a wrong secret is refused.
    let (status, headers, body) = post(
        &server,
        &pair_creds(WIDE_ID, "wrong-secret-0123456789"),
        &call(2, "zia_list_rule_labels"),
    )
    .await;
    assert_refused(status, &headers, &body, 401);
    // The posture says so.
    let (_, _, info) = post(&server, &Vec::new(), &call(3, "zscaler_get_server_info")).await;
    let auth = info["result"]["structuredContent"]["security"]["clientAuth"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(auth.contains("platform trust"), "{info}");
    // Without the container's credentials the setting is refused at startup.
    let c = common::config(&args, &vars[..7]);
    let e = zscaler_mcp::config::unenforced::refuse_unenforced(&c).expect_err("no credentials");
    assert!(
        e.to_string().contains("ZSCALER_MCP_TRUST_PLATFORM_AUTH"),
        "{e}"
    );
}
