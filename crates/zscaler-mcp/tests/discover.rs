//! The `discover` tool mode over real HTTP against a real sandbox: `tools/list` is the three
//! discovery tools and the four meta tools for every caller (and small: its o200k token count is
//! printed and bounded); search → describe → call for a read, for a write (refused without the
//! allowlist, run with it), for a delete (the confirmation token and the 2026-07-28
//! input-required round trip, both bound to the inner tool and its arguments) and for excluded
//! tools (never found, refused by name with the setting that excludes them); a caller's own
//! entitlements narrow search exactly as they narrow static `tools/list`; the server
//! instructions of both modes fit in 200 tokens; `zscaler_enable_toolset` changes nothing in
//! discover mode or for 2026-07-28 requests; the audit line names the inner tool.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};
use zscaler_sandbox::{ExtraClient, Product, RunningSandbox, SandboxConfig};

const ADMIN: &str = "discover-admin";
const LEGACY: &str = "2025-11-25";
const MODERN: &str = "2026-07-28";
const LABEL: &str = "3300002";
const OTHER_LABEL: &str = "3300003";
const DISCOVERY: [&str; 7] = [
    "zscaler_search_tools",
    "zscaler_describe_tools",
    "zscaler_call_tool",
    "zscaler_get_server_info",
    "zscaler_list_toolsets",
    "zscaler_get_toolset_tools",
    "zscaler_enable_toolset",
];

async fn sandbox(extra_clients: Vec<ExtraClient>) -> RunningSandbox {
    common::crypto();
    zscaler_sandbox::Sandbox::start(SandboxConfig {
        admin_token: Some(ADMIN.into()),
        extra_clients,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox")
}

/// A stateless streamable-HTTP server on the sandbox with these arguments (no client auth).
async fn serve(sb: &RunningSandbox, args: &[&str]) -> common::Running {
    let mut all = vec!["--transport", "streamable-http", "--stateless-http"];
    all.extend_from_slice(args);
    common::start(
        &all,
        &[
            ("ZSCALER_CLIENT_ID", sb.client_id.as_str()),
            ("ZSCALER_CLIENT_SECRET", sb.client_secret.as_str()),
            ("ZSCALER_CUSTOMER_ID", sb.customer_id.as_str()),
            ("ZSCALER_VANITY_DOMAIN", "sandbox"),
            ("ZSCALER_MCP_API_BASE_URL", sb.base_url.as_str()),
            ("ZSCALER_MCP_TOKEN_URL", sb.token_url.as_str()),
            ("ZSCALER_MCP_RATE_LIMITS", "off"),
        ],
    )
    .await
}

/// POSTs one JSON-RPC message as a client of `version` with these extra headers.
async fn rpc(
    server: &common::Running,
    version: &str,
    headers: &[(&str, &str)],
    body: &Value,
) -> Value {
    let mut request = common::client()
        .post(server.url("/mcp"))
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", version);
    if version >= MODERN {
        // SEP-2243: the method and tool name also travel as headers.
        request = request.header("mcp-method", body["method"].as_str().unwrap_or_default());
        if let Some(name) = body["params"]["name"].as_str() {
            request = request.header("mcp-name", name);
        }
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let r = request.json(body).send().await.expect("answer");
    let status = r.status();
    let text = r.text().await.expect("body");
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).expect("JSON-RPC body")
}

fn modern_meta(elicit: bool) -> Value {
    json!({
        "io.modelcontextprotocol/protocolVersion": MODERN,
        "io.modelcontextprotocol/clientCapabilities": if elicit { json!({"elicitation": {}}) } else { json!({}) },
        "io.modelcontextprotocol/clientInfo": {"name": "rust-test", "version": "1"}
    })
}

async fn list(server: &common::Running, headers: &[(&str, &str)]) -> Vec<Value> {
    let answer = rpc(
        server,
        LEGACY,
        headers,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}),
    )
    .await;
    answer["result"]["tools"]
        .as_array()
        .unwrap_or_else(|| panic!("tools: {answer}"))
        .clone()
}

fn names(tools: &[Value]) -> Vec<&str> {
    tools.iter().filter_map(|t| t["name"].as_str()).collect()
}

/// A legacy `tools/call`; the `result` object.
async fn call(
    server: &common::Running,
    headers: &[(&str, &str)],
    name: &str,
    arguments: Value,
) -> Value {
    let answer = rpc(
        server,
        LEGACY,
        headers,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                "params": {"name": name, "arguments": arguments}}),
    )
    .await;
    answer
        .get("result")
        .cloned()
        .unwrap_or_else(|| panic!("no result: {answer}"))
}

async fn through(server: &common::Running, name: &str, arguments: Value) -> Value {
    call(
        server,
        &[],
        "zscaler_call_tool",
        json!({"name": name, "arguments": arguments}),
    )
    .await
}

fn text(result: &Value) -> String {
    result["content"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn hits(result: &Value) -> Vec<String> {
    assert_eq!(result["isError"], false, "{result}");
    result["structuredContent"]["result"]
        .as_array()
        .unwrap_or_else(|| panic!("rows: {result}"))
        .iter()
        .filter_map(|r| r["name"].as_str().map(str::to_string))
        .collect()
}

/// Requests the sandbox recorded (method, path), token requests left out.
async fn recorded(sb: &RunningSandbox) -> Vec<(String, String)> {
    common::sandbox_requests(&sb.base_url, ADMIN)
        .await
        .into_iter()
        .filter(|r| {
            !r["path"]
                .as_str()
                .unwrap_or_default()
                .starts_with("/oauth2")
        })
        .map(|r| {
            (
                r["method"].as_str().unwrap_or_default().to_string(),
                r["path"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn tokens(text: &str) -> usize {
    tiktoken_rs::o200k_base()
        .expect("o200k_base")
        .encode_with_special_tokens(text)
        .len()
}

#[tokio::test]
async fn discover_lists_seven_small_tools_and_instructions_fit_in_200_tokens() {
    let sb = sandbox(Vec::new()).await;
    let discover = serve(&sb, &["--tool-mode", "discover"]).await;
    let tools = list(&discover, &[]).await;
    assert_eq!(names(&tools), DISCOVERY);
    let compact = serde_json::to_string(&tools).expect("JSON");
    let cost = tokens(&compact);
    println!("discover tools/list: 7 tools, {cost} o200k tokens");
    assert!(cost <= 1500, "discover tools/list costs {cost} tokens");
    // Strict shape, as every other tool: closed roots, nullable optionals, enums for filters.
    let search = &tools[0]["inputSchema"];
    assert_eq!(search["additionalProperties"], false, "{search}");
    assert_eq!(
        search["properties"]["service"]["enum"][4], "zia",
        "{search}"
    );
    assert_eq!(
        search["properties"]["action"]["enum"],
        json!(["read", "create", "update", "delete", null])
    );
    let call_schema = &tools[2]["inputSchema"];
    assert_eq!(call_schema["required"], json!(["name"]), "{call_schema}");
    assert_eq!(
        call_schema["properties"]["arguments"]["type"],
        json!(["string", "null"])
    );
    // Reads only here: the call tool says so.
    assert_eq!(
        tools[2]["annotations"]["readOnlyHint"], true,
        "{}",
        tools[2]
    );

    for (args, mode) in [
        (vec![], "static"),
        (vec!["--tool-mode", "discover"], "discover"),
    ] {
        let server = serve(&sb, &args).await;
        let init = rpc(&server, LEGACY, &[], &common::initialize(LEGACY, 1)).await;
        let instructions = init["result"]["instructions"]
            .as_str()
            .unwrap_or_else(|| panic!("instructions: {init}"));
        let cost = tokens(instructions);
        println!("{mode} instructions: {cost} o200k tokens: {instructions}");
        assert!(cost <= 200, "{mode} instructions cost {cost} tokens");
        for needle in ["ZIA", "ZPA", "allowlisted", "confirmation_token"] {
            assert!(instructions.contains(needle), "{mode}: {instructions}");
        }
        assert_eq!(
            instructions.contains("zscaler_search_tools"),
            mode == "discover",
            "{instructions}"
        );
        // server/discover (2026-07-28) carries the same instructions.
        let discovered = rpc(
            &server,
            MODERN,
            &[],
            &json!({"jsonrpc": "2.0", "id": 9, "method": "server/discover",
                    "params": {"_meta": modern_meta(false)}}),
        )
        .await;
        assert_eq!(
            discovered["result"]["instructions"], instructions,
            "{discovered}"
        );
        server.stop().await.expect("clean stop");
    }
    discover.stop().await.expect("clean stop");

    // With writes allowlisted, the call tool may change the tenant and says so.
    let writes = serve(
        &sb,
        &[
            "--tool-mode",
            "discover",
            "--enable-write-tools",
            "--write-tools",
            "zia_*",
        ],
    )
    .await;
    let tools = list(&writes, &[]).await;
    assert_eq!(names(&tools), DISCOVERY);
    let hints = &tools[2]["annotations"];
    assert_eq!(hints["readOnlyHint"], false, "{hints}");
    assert_eq!(hints["destructiveHint"], true, "{hints}");
    writes.stop().await.expect("clean stop");
}

#[tokio::test]
async fn search_describe_and_call_a_read_exactly_as_a_direct_call() {
    let sb = sandbox(Vec::new()).await;
    let args = ["--toolsets", "zia_rule_labels,zpa_segment_groups"];
    let fixed = serve(&sb, &args).await;
    let mut discover_args = vec!["--tool-mode", "discover"];
    discover_args.extend_from_slice(&args);
    let discover = serve(&sb, &discover_args).await;

    let found = call(
        &discover,
        &[],
        "zscaler_search_tools",
        json!({"query": "rule labels"}),
    )
    .await;
    println!("search 'rule labels':\n{}", text(&found));
    let names = hits(&found);
    assert!(
        names.iter().any(|n| n == "zia_list_rule_labels"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains("create")), "{names:?}");
    let sc = &found["structuredContent"];
    // 2 ZIA rule-label reads and 2 ZPA segment-group reads.
    assert_eq!(sc["reachable"], 4, "{sc}");
    let row = sc["result"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["name"] == "zia_get_rule_label"))
        .unwrap_or_else(|| panic!("zia_get_rule_label row: {sc}"));
    assert_eq!(row["required"], json!(["label_id"]), "{row}");
    assert_eq!(row["action"], "read", "{row}");
    assert!(text(&found).contains("zscaler_describe_tools"));
    // Filters: a service, an action; no query at all is refused.
    let zpa = call(
        &discover,
        &[],
        "zscaler_search_tools",
        json!({"service": "zpa", "limit": 1}),
    )
    .await;
    assert_eq!(hits(&zpa).len(), 1, "{zpa}");
    assert!(hits(&zpa)[0].starts_with("zpa_"), "{zpa}");
    let none = call(&discover, &[], "zscaler_search_tools", json!({})).await;
    assert_eq!(none["isError"], true, "{none}");

    // describe answers exactly the tool static mode lists.
    let described = call(
        &discover,
        &[],
        "zscaler_describe_tools",
        json!({"names": ["zia_get_rule_label", "zpa_list_segment_groups"]}),
    )
    .await;
    assert_eq!(described["isError"], false, "{described}");
    let static_tools = list(&fixed, &[]).await;
    for tool in described["structuredContent"]["tools"]
        .as_array()
        .expect("tools")
    {
        let same = static_tools
            .iter()
            .find(|t| t["name"] == tool["name"])
            .expect("listed in static mode");
        assert_eq!(tool, same);
    }

    // call: the inner tool's own answer, identical to a direct call's.
    let direct = call(
        &fixed,
        &[],
        "zia_get_rule_label",
        json!({"label_id": LABEL}),
    )
    .await;
    let via = through(&discover, "zia_get_rule_label", json!({"label_id": LABEL})).await;
    assert_eq!(via, direct);
    assert_eq!(via["isError"], false, "{via}");
    // Arguments as JSON text (strict clients send open objects that way) work too.
    let via_text = through(
        &discover,
        "zia_get_rule_label",
        json!(format!("{{\"label_id\": \"{LABEL}\"}}")),
    )
    .await;
    assert_eq!(via_text, direct);
    let listed = through(&discover, "zpa_list_segment_groups", json!({})).await;
    assert_eq!(
        listed,
        call(&fixed, &[], "zpa_list_segment_groups", json!({})).await
    );
    // Its bad arguments are refused by the inner tool's own validation, by name.
    let bad = through(&discover, "zia_get_rule_label", json!({})).await;
    assert_eq!(bad["isError"], true, "{bad}");
    assert!(text(&bad).contains("label_id"), "{bad}");
    let bad = through(&discover, "zia_list_rule_labels", json!({"nope": 1})).await;
    assert!(text(&bad).contains("Invalid argument 'nope'"), "{bad}");
    let bad = call(
        &discover,
        &[],
        "zscaler_call_tool",
        json!({"name": "zia_list_rule_labels", "arguments": "[1]"}),
    )
    .await;
    assert!(text(&bad).contains("'arguments'"), "{bad}");
    // A reachable tool called directly runs too (clients that remember names).
    assert_eq!(
        call(
            &discover,
            &[],
            "zia_get_rule_label",
            json!({"label_id": LABEL})
        )
        .await,
        direct
    );
    // zscaler_call_tool is no tool in static mode.
    let unknown = rpc(
        &fixed,
        LEGACY,
        &[],
        &json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
                "params": {"name": "zscaler_call_tool", "arguments": {"name": "zia_list_rule_labels"}}}),
    )
    .await;
    assert_eq!(unknown["error"]["code"], -32602, "{unknown}");

    fixed.stop().await.expect("clean stop");
    discover.stop().await.expect("clean stop");
}

#[tokio::test]
async fn excluded_tools_are_never_found_and_refused_by_name_with_the_setting() {
    let sb = sandbox(Vec::new()).await;
    let discover = serve(
        &sb,
        &[
            "--tool-mode",
            "discover",
            "--toolsets",
            "zia_rule_labels,zpa_segment_groups",
            "--disabled-tools",
            "zpa_get_segment_group",
        ],
    )
    .await;
    let before = recorded(&sb).await.len();
    for (name, needles) in [
        (
            "zia_create_rule_label",
            vec![
                "zia_create_rule_label is a write tool and writes are not enabled",
                "ZSCALER_MCP_WRITE_ENABLED",
                "ZSCALER_MCP_WRITE_TOOLS",
            ],
        ),
        (
            "zpa_get_segment_group",
            vec!["zpa_get_segment_group", "ZSCALER_MCP_DISABLED_TOOLS"],
        ),
        (
            "zpa_list_server_groups",
            vec!["zpa_list_server_groups", "zpa_server_groups", "--toolsets"],
        ),
        ("zia_nope", vec!["There is no tool named zia_nope"]),
        ("zscaler_search_tools", vec!["discovery tool"]),
    ] {
        let searched = call(
            &discover,
            &[],
            "zscaler_search_tools",
            json!({"query": name}),
        )
        .await;
        assert!(!hits(&searched).iter().any(|n| n == name), "{searched}");
        let described = call(
            &discover,
            &[],
            "zscaler_describe_tools",
            json!({"names": [name]}),
        )
        .await;
        let called = through(&discover, name, json!({"name": "x"})).await;
        for (what, result) in [("describe", &described), ("call", &called)] {
            if what == "describe" && name == "zscaler_search_tools" {
                // A listed tool describes as listed.
                assert_eq!(result["isError"], false, "{result}");
                continue;
            }
            assert_eq!(result["isError"], true, "{what} {name}: {result}");
            for needle in &needles {
                assert!(
                    text(result).contains(needle),
                    "{what} {name}: {needle} not in {}",
                    text(result)
                );
            }
        }
        if name.starts_with("zia_create") {
            // The search says why a tool it was asked about by name is not found.
            let excluded = searched["structuredContent"]["excluded"][0]
                .as_str()
                .unwrap_or_default();
            assert!(excluded.contains("ZSCALER_MCP_WRITE_ENABLED"), "{searched}");
            println!("{name}: {}", text(&called));
        }
    }
    // A write search finds nothing to run.
    let writes = call(
        &discover,
        &[],
        "zscaler_search_tools",
        json!({"query": "rule label", "action": "create"}),
    )
    .await;
    assert!(hits(&writes).is_empty(), "{writes}");
    assert!(
        writes["structuredContent"]["note"]
            .as_str()
            .is_some_and(|n| n.contains("ZSCALER_MCP_WRITE_ENABLED")),
        "{writes}"
    );
    assert_eq!(recorded(&sb).await.len(), before, "nothing reached Zscaler");
    discover.stop().await.expect("clean stop");
}

#[tokio::test]
async fn writes_and_deletes_through_call_tool_are_gated_and_confirmed_as_direct_calls() {
    let sb = sandbox(Vec::new()).await;
    let discover = serve(
        &sb,
        &[
            "--tool-mode",
            "discover",
            "--toolsets",
            "zia_rule_labels",
            "--enable-write-tools",
            "--write-tools",
            "zia_create_rule_label,zia_delete_rule_label",
        ],
    )
    .await;
    let found = call(
        &discover,
        &[],
        "zscaler_search_tools",
        json!({"query": "rule label", "action": "create"}),
    )
    .await;
    assert_eq!(hits(&found), ["zia_create_rule_label"], "{found}");
    // Allowlisted: created.
    let created = through(
        &discover,
        "zia_create_rule_label",
        json!({"name": "discover-made"}),
    )
    .await;
    assert_eq!(created["isError"], false, "{created}");
    assert_eq!(created["structuredContent"]["name"], "discover-made");
    // Not allowlisted: refused by name.
    let update = through(
        &discover,
        "zia_update_rule_label",
        json!({"label_id": LABEL, "name": "x"}),
    )
    .await;
    assert!(
        text(&update).contains("not in the write allowlist")
            && text(&update).contains("ZSCALER_MCP_WRITE_TOOLS"),
        "{update}"
    );

    let deletes = |r: Vec<(String, String)>| {
        r.into_iter()
            .filter(|(m, _)| m == "DELETE")
            .collect::<Vec<_>>()
    };
    // The token path (no elicitation): asked, nothing deleted; the token is bound to the inner
    // tool and its arguments.
    let asked = through(
        &discover,
        "zia_delete_rule_label",
        json!({"label_id": LABEL}),
    )
    .await;
    assert_eq!(
        asked["structuredContent"]["status"], "confirmation_required",
        "{asked}"
    );
    let token = asked["structuredContent"]["confirmation_token"]
        .as_str()
        .expect("token")
        .to_string();
    assert!(deletes(recorded(&sb).await).is_empty());
    let other = through(
        &discover,
        "zia_delete_rule_label",
        json!({"label_id": OTHER_LABEL, "kwargs": {"confirmation_token": token}}),
    )
    .await;
    assert_eq!(
        other["structuredContent"]["rejected"]["reason"], "other_arguments",
        "{other}"
    );
    assert!(deletes(recorded(&sb).await).is_empty());
    let done = through(
        &discover,
        "zia_delete_rule_label",
        json!({"label_id": LABEL, "kwargs": {"confirmation_token": token}}),
    )
    .await;
    assert_eq!(done["isError"], false, "{done}");
    assert_eq!(
        deletes(recorded(&sb).await),
        [(
            "DELETE".to_string(),
            format!("/zia/api/v1/ruleLabels/{LABEL}")
        )]
    );

    // A 2026-07-28 client that can elicit: input required, then its answer, through the same
    // zscaler_call_tool call.
    let modern_call = |retry: Option<(&str, Value)>| {
        let mut params = json!({
            "name": "zscaler_call_tool",
            "arguments": {"name": "zia_delete_rule_label", "arguments": {"label_id": OTHER_LABEL}},
            "_meta": modern_meta(true),
        });
        if let Some((state, answer)) = retry {
            params["inputResponses"] = json!({"confirm_delete": answer});
            params["requestState"] = json!(state);
        }
        json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": params})
    };
    let asked = rpc(&discover, MODERN, &[], &modern_call(None)).await;
    assert_eq!(asked["result"]["resultType"], "input_required", "{asked}");
    let message = asked["result"]["inputRequests"]["confirm_delete"]["params"]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.starts_with("Confirm destructive operation: DELETE Rule Label"),
        "{message}"
    );
    let state = asked["result"]["requestState"]
        .as_str()
        .expect("state")
        .to_string();
    assert_eq!(deletes(recorded(&sb).await).len(), 1);
    let answer = json!({"action": "accept", "content": {"choice": "delete"}});
    let done = rpc(
        &discover,
        MODERN,
        &[],
        &modern_call(Some((&state, answer.clone()))),
    )
    .await;
    assert_eq!(done["result"]["isError"], false, "{done}");
    assert_eq!(deletes(recorded(&sb).await).len(), 2);
    // The state is single use, as on a direct call.
    let again = rpc(&discover, MODERN, &[], &modern_call(Some((&state, answer)))).await;
    assert_eq!(again["error"]["data"]["detail"], "replayed", "{again}");
    assert_eq!(deletes(recorded(&sb).await).len(), 2);
    discover.stop().await.expect("clean stop");
}

#[tokio::test]
async fn a_callers_entitlements_narrow_search_not_the_tool_list() {
    const NARROW: (&str, &str) = ("discover-caller-zdx", "narrow-secret-0123456789abcdef");
    const WIDE: (&str, &str) = ("discover-caller-all", "wide-secret-0123456789abcdef");
    let sb = sandbox(vec![
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
    ])
    .await;
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
            "--tool-mode",
            "discover",
            "--services",
            "zdx,zia",
        ],
        &vars,
    )
    .await;
    let creds = |(id, secret): (&'static str, &'static str)| {
        [
            ("x-zscaler-client-id", id),
            ("x-zscaler-client-secret", secret),
        ]
    };
    let (narrow, wide) = (creds(NARROW), creds(WIDE));
    // The same seven tools for both.
    assert_eq!(list(&server, &narrow).await, list(&server, &wide).await);
    assert_eq!(names(&list(&server, &narrow).await), DISCOVERY);
    let search = |who: [(&'static str, &'static str); 2], service: &'static str| {
        let server = &server;
        async move {
            call(
                server,
                &who,
                "zscaler_search_tools",
                json!({"service": service, "limit": 50}),
            )
            .await
        }
    };
    let wide_zia = search(wide, "zia").await;
    assert!(!hits(&wide_zia).is_empty(), "{wide_zia}");
    let narrow_zia = search(narrow, "zia").await;
    assert!(hits(&narrow_zia).is_empty(), "{narrow_zia}");
    assert!(!hits(&search(narrow, "zdx").await).is_empty());
    let reachable = |r: &Value| r["structuredContent"]["reachable"].as_u64().unwrap_or(0);
    assert!(reachable(&narrow_zia) < reachable(&wide_zia));
    // Describe and call refuse for the caller, by name.
    let described = call(
        &server,
        &narrow,
        "zscaler_describe_tools",
        json!({"names": ["zia_list_rule_labels"]}),
    )
    .await;
    assert_eq!(described["isError"], true, "{described}");
    assert!(
        text(&described).contains("not entitled to ZIA"),
        "{described}"
    );
    let called = call(
        &server,
        &narrow,
        "zscaler_call_tool",
        json!({"name": "zia_list_rule_labels"}),
    )
    .await;
    assert_eq!(called["isError"], true, "{called}");
    assert!(
        text(&called).starts_with("zia_list_rule_labels is not available to this caller"),
        "{called}"
    );
    let ok = call(
        &server,
        &wide,
        "zscaler_call_tool",
        json!({"name": "zia_list_rule_labels"}),
    )
    .await;
    assert_eq!(ok["isError"], false, "{ok}");
    server.stop().await.expect("clean stop");
}

#[tokio::test]
async fn enable_toolset_changes_no_list_in_discover_mode_or_for_2026_07_28() {
    let sb = sandbox(Vec::new()).await;
    let discover = serve(
        &sb,
        &["--tool-mode", "discover", "--toolsets", "zia_rule_labels"],
    )
    .await;
    let loaded = call(
        &discover,
        &[],
        "zscaler_enable_toolset",
        json!({"toolset": "zia_rule_labels"}),
    )
    .await;
    assert_eq!(loaded["isError"], false, "{loaded}");
    assert!(
        loaded["structuredContent"]["note"]
            .as_str()
            .is_some_and(|n| n.contains("zscaler_search_tools")),
        "{loaded}"
    );
    let other = call(
        &discover,
        &[],
        "zscaler_enable_toolset",
        json!({"toolset": "zpa_segment_groups"}),
    )
    .await;
    assert_eq!(other["isError"], true, "{other}");
    assert!(
        text(&other).contains("--toolsets zpa_segment_groups"),
        "{other}"
    );
    assert_eq!(names(&list(&discover, &[]).await), DISCOVERY);
    discover.stop().await.expect("clean stop");

    // Static mode, a 2026-07-28 request: nothing changes, and the answer says how.
    let fixed = serve(&sb, &["--toolsets", "zia_rule_labels"]).await;
    let modern_list = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list",
                              "params": {"_meta": modern_meta(false)}});
    let before = rpc(&fixed, MODERN, &[], &modern_list).await;
    let enabled = rpc(
        &fixed,
        MODERN,
        &[],
        &json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                "params": {"name": "zscaler_enable_toolset", "arguments": {"toolset": "zpa_segment_groups"},
                           "_meta": modern_meta(false)}}),
    )
    .await;
    let said = text(&enabled["result"]);
    assert_eq!(enabled["result"]["isError"], true, "{enabled}");
    for needle in [
        "2026-07-28",
        "--toolsets zpa_segment_groups",
        "--tool-mode discover",
    ] {
        assert!(said.contains(needle), "{needle}: {said}");
    }
    let after = rpc(&fixed, MODERN, &[], &modern_list).await;
    assert_eq!(before["result"]["tools"], after["result"]["tools"]);
    fixed.stop().await.expect("clean stop");
}

/// Over stdio with the audit line on: `zscaler_call_tool` is logged as the tool it ran.
#[test]
fn the_audit_line_names_the_inner_tool() {
    let messages = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"zscaler_call_tool","arguments":{"name":"zscaler_get_server_info","arguments":{}}}}"#,
        r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"zscaler_call_tool","arguments":{"name":"zia_create_rule_label","arguments":{"name":"x"}}}}"#,
    ];
    let dir = std::env::temp_dir().join(format!("zmcp-discover-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_zscaler-mcp"))
        .args([
            "--tool-mode",
            "discover",
            "--log-tool-calls",
            "--log-format",
            "json",
        ])
        .env_clear()
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zscaler-mcp");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{}\n", messages.join("\n")).as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let audit: Vec<Value> = stderr
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|e| e["target"] == "zscaler_mcp::audit")
        .collect();
    let outcome = |tool: &str| {
        audit
            .iter()
            .find(|e| e["fields"]["tool"] == tool)
            .map(|e| e["fields"]["outcome"].clone())
            .unwrap_or_else(|| panic!("no audit line for {tool}: {audit:?}"))
    };
    assert_eq!(outcome("zscaler_get_server_info"), "ok");
    assert_eq!(outcome("zia_create_rule_label"), "unknown_tool");
    assert!(
        !audit
            .iter()
            .any(|e| e["fields"]["tool"] == "zscaler_call_tool"),
        "{audit:?}"
    );
    // No startup warning about the 128-tool limit in discover mode.
    assert!(!stderr.contains("OpenAI-backed"), "{stderr}");
}
