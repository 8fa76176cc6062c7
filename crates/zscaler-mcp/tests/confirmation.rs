//! Delete confirmation through a real server over HTTP, against a real sandbox: the
//! 2026-07-28 input-required round trip (sealed `requestState`) and the token fallback, with
//! tampering, replay, other arguments, another tool and another caller each refused with its
//! own reason, and replicas sharing a key ring verifying each other. Nothing is deleted before
//! a confirmation; the sandbox's request log proves it.

mod common;

use serde_json::{Value, json};
use zscaler_sandbox::{RunningSandbox, SandboxConfig};

const ADMIN: &str = "confirmation-admin";
const KEY_A: &str = "zmcp_replica-a-key-0123456789abcdef";
const KEY_C: &str = "zmcp_replica-c-key-0123456789abcdef";
const RING: &str =
    "ring-key-one-0123456789abcdef0123456789,ring-key-two-0123456789abcdef0123456789";
const LABEL: &str = "3300002";
const OTHER_LABEL: &str = "3300003";

async fn sandbox() -> RunningSandbox {
    common::crypto();
    zscaler_sandbox::Sandbox::start(SandboxConfig {
        admin_token: Some(ADMIN.into()),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox")
}

/// A server (one replica) on the sandbox, with its own API key and the shared ring.
async fn replica(sb: &RunningSandbox, api_key: &str, ring: Option<&str>) -> common::Running {
    let mut vars = vec![
        ("ZSCALER_CLIENT_ID", sb.client_id.as_str()),
        ("ZSCALER_CLIENT_SECRET", sb.client_secret.as_str()),
        ("ZSCALER_CUSTOMER_ID", sb.customer_id.as_str()),
        ("ZSCALER_VANITY_DOMAIN", "sandbox"),
        ("ZSCALER_MCP_API_BASE_URL", sb.base_url.as_str()),
        ("ZSCALER_MCP_TOKEN_URL", sb.token_url.as_str()),
        ("ZSCALER_MCP_AUTH_API_KEY", api_key),
    ];
    if let Some(ring) = ring {
        vars.push(("ZSCALER_MCP_REQUEST_STATE_KEYS", ring));
    }
    common::start(
        &[
            "--transport",
            "streamable-http",
            "--stateless-http",
            "--toolsets",
            "zia_rule_labels,zia_time_intervals",
            "--enable-write-tools",
            "--write-tools",
            "zia_*",
        ],
        &vars,
    )
    .await
}

/// Label deletions the sandbox has recorded.
async fn deletes(sb: &RunningSandbox) -> Vec<String> {
    common::sandbox_requests(&sb.base_url, ADMIN)
        .await
        .into_iter()
        .filter(|r| r["method"] == "DELETE")
        .filter_map(|r| r["path"].as_str().map(str::to_string))
        .collect()
}

/// A `tools/call` as a 2026-07-28 client sends it (no session; revision and capabilities in
/// `_meta`), optionally a retry with `inputResponses` and `requestState`.
fn modern_call(label: &str, elicit: bool, retry: Option<(&Value, &str)>) -> Value {
    let caps = if elicit {
        json!({"elicitation": {}})
    } else {
        json!({})
    };
    let mut params = json!({
        "name": "zia_delete_rule_label",
        "arguments": {"label_id": label},
        "_meta": {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": caps,
            "io.modelcontextprotocol/clientInfo": {"name": "rust-test", "version": "1"}
        }
    });
    if let Some((answer, state)) = retry {
        params["inputResponses"] = json!({"confirm_delete": answer});
        params["requestState"] = json!(state);
    }
    json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": params})
}

async fn post(server: &common::Running, key: &str, version: &str, body: &Value) -> Value {
    let mut request = common::client().post(server.url("/mcp"));
    if version >= "2026-07-28" {
        // SEP-2243: the method and tool name also travel as headers.
        request = request
            .header("mcp-method", body["method"].as_str().unwrap_or_default())
            .header(
                "mcp-name",
                body["params"]["name"].as_str().unwrap_or_default(),
            );
    }
    let r = request
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", version)
        .bearer_auth(key)
        .json(body)
        .send()
        .await
        .expect("answer");
    let status = r.status();
    let text = r.text().await.expect("body");
    assert_eq!(status, 200, "HTTP status: {text}");
    serde_json::from_str(&text).expect("JSON-RPC body")
}

/// The value with one character of its longest dot-separated part (the sealed body) changed:
/// still well-formed, no longer what was signed.
fn tamper(sealed: &str) -> String {
    let mut parts: Vec<String> = sealed.split('.').map(str::to_string).collect();
    let longest = (0..parts.len())
        .max_by_key(|i| parts[*i].len())
        .expect("parts");
    let mut chars: Vec<char> = parts[longest].chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = if chars[mid] == 'A' { 'B' } else { 'A' };
    parts[longest] = chars.into_iter().collect();
    parts.join(".")
}

fn accept(choice: &str) -> Value {
    json!({"action": "accept", "content": {"choice": choice}})
}

#[tokio::test]
async fn a_2026_07_28_client_is_asked_and_its_answer_is_sealed_single_use_and_bound() {
    let sb = sandbox().await;
    let a = replica(&sb, KEY_A, Some(RING)).await;
    let b = replica(&sb, KEY_A, Some(RING)).await;
    let c = replica(&sb, KEY_C, Some(RING)).await;
    let v = "2026-07-28";

    let asked = post(&a, KEY_A, v, &modern_call(LABEL, true, None)).await;
    let result = &asked["result"];
    assert_eq!(result["resultType"], "input_required", "{asked}");
    let question = &result["inputRequests"]["confirm_delete"];
    assert_eq!(question["method"], "elicitation/create", "{question}");
    let message = question["params"]["message"].as_str().expect("message");
    assert!(
        message.starts_with("Confirm destructive operation: DELETE Rule Label"),
        "{message}"
    );
    assert!(message.contains(LABEL), "{message}");
    assert_eq!(
        question["params"]["requestedSchema"]["properties"]["choice"]["enum"],
        json!(["delete", "cancel"])
    );
    let state = result["requestState"]
        .as_str()
        .expect("requestState")
        .to_string();
    assert!(deletes(&sb).await.is_empty(), "asking deleted nothing");

    // Each way the retry can be wrong is refused with its reason, and deletes nothing.
    let tampered = tamper(&state);
    for (server, key, body, detail) in [
        (
            &a,
            KEY_A,
            modern_call(LABEL, true, Some((&accept("delete"), &tampered))),
            "tampered",
        ),
        (
            &a,
            KEY_A,
            modern_call(OTHER_LABEL, true, Some((&accept("delete"), &state))),
            "other_arguments",
        ),
        (
            &c,
            KEY_C,
            modern_call(LABEL, true, Some((&accept("delete"), &state))),
            "other_principal",
        ),
        (
            &a,
            KEY_A,
            modern_call(LABEL, true, Some((&accept("delete"), "rs2.garbage"))),
            "malformed",
        ),
    ] {
        let answer = post(server, key, v, &body).await;
        assert_eq!(answer["error"]["code"], -32602, "{detail}: {answer}");
        assert_eq!(answer["error"]["data"]["detail"], detail, "{answer}");
        assert!(deletes(&sb).await.is_empty(), "{detail} deleted something");
    }

    // Another replica sharing the ring accepts the answer: the label is deleted once.
    let done = post(
        &b,
        KEY_A,
        v,
        &modern_call(LABEL, true, Some((&accept("delete"), &state))),
    )
    .await;
    assert_eq!(done["result"]["isError"], false, "{done}");
    assert_eq!(deletes(&sb).await.len(), 1);
    // The same state again on that replica: already used.
    let again = post(
        &b,
        KEY_A,
        v,
        &modern_call(LABEL, true, Some((&accept("delete"), &state))),
    )
    .await;
    assert_eq!(again["error"]["data"]["detail"], "replayed", "{again}");
    assert_eq!(deletes(&sb).await.len(), 1, "a replay deleted again");

    // A declined or cancelled answer deletes nothing and says so.
    let asked = post(&a, KEY_A, v, &modern_call(OTHER_LABEL, true, None)).await;
    let state = asked["result"]["requestState"]
        .as_str()
        .expect("state")
        .to_string();
    let declined = post(
        &a,
        KEY_A,
        v,
        &modern_call(
            OTHER_LABEL,
            true,
            Some((&json!({"action": "decline"}), &state)),
        ),
    )
    .await;
    let text = declined["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(text.starts_with("Declined by user."), "{declined}");
    let asked = post(&a, KEY_A, v, &modern_call(OTHER_LABEL, true, None)).await;
    let state = asked["result"]["requestState"]
        .as_str()
        .expect("state")
        .to_string();
    let cancelled = post(
        &a,
        KEY_A,
        v,
        &modern_call(OTHER_LABEL, true, Some((&accept("cancel"), &state))),
    )
    .await;
    let text = cancelled["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(text.starts_with("Cancelled by user."), "{cancelled}");
    assert_eq!(deletes(&sb).await.len(), 1);
}

fn token_call(tool: &str, label: &str, token: Option<&str>) -> Value {
    let mut args = json!({"label_id": label});
    if let Some(t) = token {
        args["kwargs"] = json!({"confirmation_token": t});
    }
    json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
           "params": {"name": tool, "arguments": args}})
}

fn token_of(answer: &Value) -> String {
    let sc = &answer["result"]["structuredContent"];
    assert_eq!(sc["status"], "confirmation_required", "{answer}");
    sc["confirmation_token"]
        .as_str()
        .expect("token")
        .to_string()
}

fn rejected(answer: &Value) -> String {
    assert_eq!(answer["result"]["isError"], true, "{answer}");
    answer["result"]["structuredContent"]["rejected"]["reason"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_client_without_elicitation_confirms_with_a_single_use_token_bound_to_the_call() {
    let sb = sandbox().await;
    let a = replica(&sb, KEY_A, Some(RING)).await;
    let b = replica(&sb, KEY_A, Some(RING)).await;
    let c = replica(&sb, KEY_C, Some(RING)).await;
    let solo = replica(&sb, KEY_A, None).await;
    let v = "2025-11-25";

    let first = post(
        &a,
        KEY_A,
        v,
        &token_call("zia_delete_rule_label", LABEL, None),
    )
    .await;
    assert_eq!(first["result"]["isError"], false, "{first}");
    let text = first["result"]["content"][0]["text"]
        .as_str()
        .expect("text");
    assert!(
        text.starts_with("DESTRUCTIVE OPERATION - CONFIRMATION REQUIRED"),
        "{text}"
    );
    assert!(text.contains("Nothing was deleted yet"), "{text}");
    let token = token_of(&first);
    assert!(text.contains(&token));
    assert!(deletes(&sb).await.is_empty());

    let tampered = tamper(&token);
    let cases = [
        (
            &a,
            KEY_A,
            token_call("zia_delete_rule_label", LABEL, Some(&tampered)),
            "tampered",
        ),
        (
            &a,
            KEY_A,
            token_call("zia_delete_rule_label", OTHER_LABEL, Some(&token)),
            "other_arguments",
        ),
        (
            &c,
            KEY_C,
            token_call("zia_delete_rule_label", LABEL, Some(&token)),
            "other_principal",
        ),
        (
            &solo,
            KEY_A,
            token_call("zia_delete_rule_label", LABEL, Some(&token)),
            "unknown_key",
        ),
        (
            &a,
            KEY_A,
            token_call("zia_delete_rule_label", LABEL, Some("1795310875:b379:d150")),
            "malformed",
        ),
    ];
    for (server, key, body, reason) in cases {
        let answer = post(server, key, v, &body).await;
        assert_eq!(rejected(&answer), reason, "{answer}");
        // A rejection comes with a fresh token for a new, explicit approval.
        assert!(!token_of(&answer).is_empty());
        assert!(deletes(&sb).await.is_empty(), "{reason} deleted something");
    }
    // A token issued for another delete tool: refused for that reason.
    let other_tool = post(
        &a,
        KEY_A,
        v,
        &json!({"jsonrpc": "2.0", "id": 4, "method": "tools/call",
                "params": {"name": "zia_delete_time_interval", "arguments": {"interval_id": "4400005"}}}),
    )
    .await;
    let other_token = token_of(&other_tool);
    let answer = post(
        &a,
        KEY_A,
        v,
        &token_call("zia_delete_rule_label", LABEL, Some(&other_token)),
    )
    .await;
    assert_eq!(rejected(&answer), "other_tool", "{answer}");
    assert!(deletes(&sb).await.is_empty());

    // The right token, at another replica of the ring: deleted, once.
    let done = post(
        &b,
        KEY_A,
        v,
        &token_call("zia_delete_rule_label", LABEL, Some(&token)),
    )
    .await;
    assert_eq!(done["result"]["isError"], false, "{done}");
    assert_eq!(deletes(&sb).await.len(), 1);
    let again = post(
        &b,
        KEY_A,
        v,
        &token_call("zia_delete_rule_label", LABEL, Some(&token)),
    )
    .await;
    assert_eq!(rejected(&again), "replayed", "{again}");
    assert_eq!(deletes(&sb).await.len(), 1);

    // The kwargs argument itself is checked.
    let bad = post(
        &a,
        KEY_A,
        v,
        &json!({"jsonrpc": "2.0", "id": 5, "method": "tools/call",
                "params": {"name": "zia_delete_rule_label",
                           "arguments": {"label_id": OTHER_LABEL, "kwargs": {"confirmed": true}}}}),
    )
    .await;
    assert_eq!(bad["result"]["isError"], true, "{bad}");
    assert!(
        bad["result"]["content"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains("accepts only confirmation_token")
    );
    // Read tools take no kwargs.
    let read = post(
        &a,
        KEY_A,
        v,
        &json!({"jsonrpc": "2.0", "id": 6, "method": "tools/call",
                "params": {"name": "zia_get_rule_label",
                           "arguments": {"label_id": OTHER_LABEL, "kwargs": {"confirmation_token": "x"}}}}),
    )
    .await;
    assert_eq!(read["result"]["isError"], true, "{read}");
    assert_eq!(deletes(&sb).await.len(), 1);
}

#[tokio::test]
async fn skip_confirmations_needs_writes_and_ttl_and_ring_are_checked() {
    use zscaler_mcp::config::{self, Environment, Invocation};
    let resolve = |args: &[&str], vars: &[(&str, &str)]| {
        let mut argv = vec!["zscaler-mcp"];
        argv.extend_from_slice(args);
        let cli = <config::Cli as clap::Parser>::try_parse_from(argv).expect("cli");
        config::resolve(cli, &Environment::from_vars(vars.iter().copied()))
    };
    let e = resolve(&[], &[("ZSCALER_MCP_SKIP_CONFIRMATIONS", "true")]).expect_err("no writes");
    assert!(
        e.to_string().contains("ZSCALER_MCP_SKIP_CONFIRMATIONS"),
        "{e}"
    );
    assert!(matches!(
        resolve(
            &["--enable-write-tools", "--write-tools", "zia_*"],
            &[("ZSCALER_MCP_SKIP_CONFIRMATIONS", "true")]
        ),
        Ok(Invocation::Serve(_))
    ));
    for ttl in ["0", "5", "86401", "soon"] {
        let e = resolve(&[], &[("ZSCALER_MCP_CONFIRMATION_TTL", ttl)]).expect_err("ttl");
        assert!(
            e.to_string().contains("ZSCALER_MCP_CONFIRMATION_TTL"),
            "{ttl}: {e}"
        );
    }
    let dup = "same-key-0123456789abcdef0123456789ab,same-key-0123456789abcdef0123456789ab";
    let e = resolve(&[], &[("ZSCALER_MCP_REQUEST_STATE_KEYS", dup)]).expect_err("duplicate");
    assert!(e.to_string().contains("distinct"), "{e}");
    assert!(!e.to_string().contains("same-key"), "never echo a key: {e}");
    let e = resolve(&[], &[("ZSCALER_MCP_REQUEST_STATE_KEYS", "short")]).expect_err("short");
    assert!(!e.to_string().contains("short'"), "{e}");
}
