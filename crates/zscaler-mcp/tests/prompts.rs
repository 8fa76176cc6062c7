//! The MCP prompts over real HTTP: `prompts/list` offers a prompt only when its service has a
//! tool in the caller's view (the configured selection, and in `zscaler` client-auth mode the
//! caller's own entitlements, exactly as `tools/list`), and `prompts/get` renders it into one user
//! message or answers JSON-RPC invalid params (-32602) naming the prompt or the argument.

mod common;

use serde_json::{Value, json};
use zscaler_sandbox::{ExtraClient, Product, SandboxConfig};

const VERSION: &str = "2025-11-25";
const ALL_FOUR: [&str; 4] = [
    "zdx_troubleshoot_user_experience",
    "zcell_audit_data_usage",
    "zcell_investigate_sim",
    "zcell_review_anomaly_policies",
];

/// A stateless streamable-HTTP server with these selection arguments (no client auth).
async fn serve(selection: &[&str]) -> common::Running {
    let mut args = vec!["--transport", "streamable-http", "--stateless-http"];
    args.extend_from_slice(selection);
    common::start(&args, &[]).await
}

/// POSTs one JSON-RPC message with these extra headers; the parsed answer.
async fn rpc(server: &common::Running, headers: &[(&str, &str)], body: Value) -> Value {
    let mut request = common::client()
        .post(server.url("/mcp"))
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", VERSION)
        .json(&body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let r = request.send().await.expect("answer");
    assert_eq!(r.status(), 200);
    r.json().await.expect("JSON answer")
}

async fn list(server: &common::Running, headers: &[(&str, &str)]) -> Value {
    rpc(
        server,
        headers,
        json!({"jsonrpc": "2.0", "id": 1, "method": "prompts/list"}),
    )
    .await
}

fn names(answer: &Value) -> Vec<String> {
    answer["result"]["prompts"]
        .as_array()
        .unwrap_or_else(|| panic!("a prompt list: {answer}"))
        .iter()
        .filter_map(|p| p["name"].as_str().map(str::to_string))
        .collect()
}

async fn get(server: &common::Running, headers: &[(&str, &str)], name: &str, args: Value) -> Value {
    let mut params = json!({"name": name});
    if !args.is_null() {
        params["arguments"] = args;
    }
    rpc(
        server,
        headers,
        json!({"jsonrpc": "2.0", "id": 2, "method": "prompts/get", "params": params}),
    )
    .await
}

/// The single user message's text of a `prompts/get` answer.
fn text(answer: &Value) -> String {
    let messages = answer["result"]["messages"]
        .as_array()
        .unwrap_or_else(|| panic!("messages: {answer}"));
    assert_eq!(messages.len(), 1, "{answer}");
    assert_eq!(messages[0]["role"], "user", "{answer}");
    assert_eq!(messages[0]["content"]["type"], "text", "{answer}");
    messages[0]["content"]["text"]
        .as_str()
        .expect("text")
        .to_string()
}

/// A JSON-RPC invalid-params error's message.
fn invalid_params(answer: &Value) -> String {
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    assert!(answer.get("result").is_none(), "{answer}");
    answer["error"]["message"]
        .as_str()
        .expect("message")
        .to_string()
}

#[tokio::test]
async fn zdx_and_zcell_offer_the_four_prompts_in_order_with_described_arguments() {
    let server = serve(&["--services", "zdx,zcell"]).await;
    let answer = list(&server, &[]).await;
    assert_eq!(names(&answer), ALL_FOUR);
    let first = &answer["result"]["prompts"][0];
    assert_eq!(first["title"], "ZDX: Troubleshoot User Experience");
    assert!(first["description"].as_str().is_some_and(|d| !d.is_empty()));
    let arguments: Vec<(&str, bool)> = first["arguments"]
        .as_array()
        .expect("arguments")
        .iter()
        .map(|a| {
            assert!(
                a["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{a}"
            );
            (
                a["name"].as_str().unwrap_or_default(),
                a["required"].as_bool().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        arguments,
        [
            ("user_or_device", true),
            ("application", false),
            ("since_hours", false)
        ]
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn the_selection_decides_which_prompts_are_offered() {
    for (selection, want) in [
        (vec!["--services", "zia"], vec![]),
        (vec!["--services", "zdx"], vec![ALL_FOUR[0]]),
        (
            vec!["--toolsets", "zcell_sim_handling"],
            ALL_FOUR[1..].to_vec(),
        ),
        (
            vec!["--tools", "zdx_list_alerts,zcell_list_sims"],
            ALL_FOUR.to_vec(),
        ),
        (
            vec!["--services", "zdx,zcell", "--disabled-services", "zdx"],
            ALL_FOUR[1..].to_vec(),
        ),
    ] {
        let server = serve(&selection).await;
        assert_eq!(names(&list(&server, &[]).await), want, "{selection:?}");
        server.stop().await.expect("clean stop");
    }
}

#[tokio::test]
async fn prompts_get_renders_with_defaults_and_with_arguments() {
    let server = serve(&["--services", "zdx,zcell"]).await;

    let answer = get(
        &server,
        &[],
        "zdx_troubleshoot_user_experience",
        json!({"user_or_device": "jdoe@example.com"}),
    )
    .await;
    let zdx = text(&answer);
    println!("zdx_troubleshoot_user_experience, defaults:\n{zdx}\n");
    assert!(
        answer["result"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("ZDX")),
        "{answer}"
    );
    assert!(zdx.contains("over the last 24 hours"), "{zdx}");
    assert!(
        zdx.contains("zdx_list_devices (emails: [\"jdoe@example.com\"], since: 24)"),
        "{zdx}"
    );
    assert!(!zdx.contains("Find the application"), "{zdx}");

    let zdx = text(
        &get(
            &server,
            &[],
            "zdx_troubleshoot_user_experience",
            json!({"user_or_device": "jdoe@example.com", "application": "Outlook", "since_hours": "72"}),
        )
        .await,
    );
    assert!(zdx.contains("over the last 72 hours"), "{zdx}");
    assert!(zdx.contains("Find the application \"Outlook\""), "{zdx}");

    // No arguments at all: every default.
    let audit = text(&get(&server, &[], "zcell_audit_data_usage", Value::Null).await);
    println!("zcell_audit_data_usage, defaults:\n{audit}\n");
    assert!(
        audit.contains("zcell_list_sim_usage_by_day (days: 30)"),
        "{audit}"
    );
    assert!(!audit.contains("location_country"), "{audit}");
    let audit = text(
        &get(
            &server,
            &[],
            "zcell_audit_data_usage",
            json!({"since_days": "90", "country": "DE"}),
        )
        .await,
    );
    assert!(
        audit.contains("zcell_list_sims (location_country: \"DE\")") && audit.contains("days: 90"),
        "{audit}"
    );

    let sim = text(
        &get(
            &server,
            &[],
            "zcell_investigate_sim",
            json!({"iccid": "8988228066612345678"}),
        )
        .await,
    );
    println!("zcell_investigate_sim:\n{sim}\n");
    assert!(
        sim.contains("zcell_get_sim_details (icc_id: \"8988228066612345678\")")
            && sim.contains("last 7 days"),
        "{sim}"
    );

    let review = text(
        &get(
            &server,
            &[],
            "zcell_review_anomaly_policies",
            json!({"policy_type": "GEO_FENCE"}),
        )
        .await,
    );
    println!("zcell_review_anomaly_policies:\n{review}\n");
    assert!(
        review.contains("(days: 30, policy_type: \"GEO_FENCE\")"),
        "{review}"
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn prompts_get_refuses_with_invalid_params_naming_the_prompt_or_argument() {
    let server = serve(&["--services", "zdx,zcell"]).await;
    let zdx = "zdx_troubleshoot_user_experience";
    for (name, args, needle) in [
        ("zdx_nope", json!({}), "Unknown prompt: zdx_nope."),
        (zdx, json!({}), "needs the argument user_or_device"),
        (
            zdx,
            json!({"user_or_device": "a", "since": "24"}),
            "has no argument since;",
        ),
        (
            zdx,
            json!({"user_or_device": "a", "since_hours": 24}),
            "Argument since_hours of prompt zdx_troubleshoot_user_experience must be a string",
        ),
        (
            zdx,
            json!({"user_or_device": "a", "since_hours": "337"}),
            "must be a whole number of hours from 1 to 336",
        ),
        (
            "zcell_investigate_sim",
            json!({"iccid": "1", "since_days": "0"}),
            "since_days of prompt zcell_investigate_sim must be a whole number of days from 1 to 365",
        ),
    ] {
        let message = invalid_params(&get(&server, &[], name, args).await);
        assert!(message.contains(needle), "{name}: {message}");
        println!("{name}: {message}");
    }
    server.stop().await.expect("clean stop");

    // A prompt whose service has no tool in the view is not offered: getting it is refused.
    let server = serve(&["--services", "zia"]).await;
    let message =
        invalid_params(&get(&server, &[], "zcell_investigate_sim", json!({"iccid": "1"})).await);
    assert!(
        message.starts_with("Prompt zcell_investigate_sim is not offered here")
            && message.ends_with("The prompts offered here: none."),
        "{message}"
    );
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn a_callers_entitlements_narrow_prompts_exactly_as_tools() {
    const ADMIN: &str = "prompts-admin";
    const NARROW: (&str, &str) = ("prompts-caller-zdx", "narrow-secret-0123456789abcdef");
    const WIDE: (&str, &str) = ("prompts-caller-all", "wide-secret-0123456789abcdef");
    common::crypto();
    let sb = zscaler_sandbox::Sandbox::start(SandboxConfig {
        admin_token: Some(ADMIN.into()),
        extra_clients: vec![
            ExtraClient {
                id: NARROW.0.into(),
                secret: NARROW.1.into(),
                entitlements: vec![Product::Zdx],
            },
            ExtraClient {
                id: WIDE.0.into(),
                secret: WIDE.1.into(),
                entitlements: Product::ALL.to_vec(),
            },
        ],
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox");
    let vars = [
        ("ZSCALER_CUSTOMER_ID", sb.customer_id.as_str()),
        ("ZSCALER_VANITY_DOMAIN", "sandbox"),
        ("ZSCALER_MCP_API_BASE_URL", sb.base_url.as_str()),
        ("ZSCALER_MCP_TOKEN_URL", sb.token_url.as_str()),
        ("ZSCALER_MCP_AUTH_MODE", "zscaler"),
        ("ZSCALER_MCP_RATE_LIMITS", "off"),
    ];
    let server = common::start(
        &[
            "--transport",
            "streamable-http",
            "--stateless-http",
            "--services",
            "zdx,zcell,zia",
        ],
        &vars,
    )
    .await;
    for ((id, secret), want) in [(NARROW, vec![ALL_FOUR[0]]), (WIDE, ALL_FOUR.to_vec())] {
        let creds = [
            ("x-zscaler-client-id", id),
            ("x-zscaler-client-secret", secret),
        ];
        assert_eq!(names(&list(&server, &creds).await), want, "{id}");
        // The services of its tools/list are the services of its prompts.
        let tools = rpc(
            &server,
            &creds,
            json!({"jsonrpc": "2.0", "id": 3, "method": "tools/list"}),
        )
        .await;
        let mut services: Vec<&str> = tools["result"]["tools"]
            .as_array()
            .expect("tools")
            .iter()
            .filter_map(|t| t["name"].as_str())
            .filter(|n| !n.starts_with("zscaler_"))
            // A name's service code is one of its parts (`get_zia_...` names keep the
            // reference's spelling).
            .filter_map(|n| n.split('_').find(|p| ["zcell", "zdx", "zia"].contains(p)))
            .collect();
        services.sort();
        services.dedup();
        let want_services: &[&str] = if id == NARROW.0 {
            &["zdx"]
        } else {
            &["zcell", "zdx", "zia"]
        };
        assert_eq!(services, want_services, "{id}");
    }
    let narrow = [
        ("x-zscaler-client-id", NARROW.0),
        ("x-zscaler-client-secret", NARROW.1),
    ];
    let message = invalid_params(&get(&server, &narrow, "zcell_audit_data_usage", json!({})).await);
    assert!(
        message.contains("not offered here")
            && message.ends_with("offered here: zdx_troubleshoot_user_experience."),
        "{message}"
    );
    let zdx = text(
        &get(
            &server,
            &narrow,
            "zdx_troubleshoot_user_experience",
            json!({"user_or_device": "d-1"}),
        )
        .await,
    );
    assert!(zdx.contains("d-1"), "{zdx}");
    server.stop().await.expect("clean stop");
}
