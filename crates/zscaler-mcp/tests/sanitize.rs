//! Output sanitization through the whole tool pipeline: the sandbox seeds prompt-injection
//! payloads into admin-editable fields (`adversarial`), real tools read them back through the
//! executor, and what reaches the agent (structured and text) carries none of them, while
//! records without a payload come back exactly as they were.

mod common;

use rmcp::model::CallToolResult;
use serde_json::{Value, json};
use zscaler_mcp::catalog;
use zscaler_mcp::client::ZscalerClient;
use zscaler_mcp::executor::{self, arguments};
use zscaler_sandbox::SandboxConfig;

/// What the payloads carry that must never reach the agent.
const MARKERS: &[&str] = &[
    "\u{200B}",
    "\u{202E}",
    "\u{202C}",
    "\u{2066}",
    "\u{2069}",
    "\u{FEFF}",
    "<script",
    "<img",
    "<b>",
    "](https://attacker",
    "```system",
];

const TOOLS: &[&str] = &[
    "zia_list_rule_labels",
    "zia_list_cloud_firewall_rules",
    "zia_list_locations",
    "zpa_list_segment_groups",
    "zpa_list_server_groups",
];

async fn call(
    client: &ZscalerClient,
    customer_id: &str,
    name: &str,
    sanitize: bool,
) -> CallToolResult {
    let tool = catalog::all_tools()
        .find(|t| t.name == name)
        .expect("a declared tool");
    let args = arguments::validate(tool, json!({}).as_object()).expect("valid arguments");
    let ctx = executor::Context {
        client,
        customer_id: Some(customer_id),
        zcell_customer_id: None,
        sanitize,
    };
    executor::run(tool, args, &ctx).await
}

fn everything(result: &CallToolResult) -> String {
    let text: Vec<String> = result
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect();
    format!(
        "{}\n{}",
        text.join("\n"),
        result.structured_content.clone().unwrap_or(Value::Null)
    )
}

fn rows(result: &CallToolResult) -> Vec<Value> {
    result
        .structured_content
        .as_ref()
        .and_then(|s| s["result"].as_array().cloned())
        .expect("rows")
}

#[tokio::test]
async fn payloads_seeded_in_the_tenant_never_reach_the_agent() {
    let (sandbox, client) = common::sandbox_client(SandboxConfig {
        adversarial: true,
        ..SandboxConfig::default()
    })
    .await;
    let mut payloads_seen = 0;
    for name in TOOLS {
        let raw = call(&client, &sandbox.customer_id, name, false).await;
        let clean = call(&client, &sandbox.customer_id, name, true).await;
        assert_ne!(raw.is_error, Some(true), "{name}: {}", everything(&raw));
        let raw_text = everything(&raw);
        payloads_seen += MARKERS.iter().filter(|m| raw_text.contains(*m)).count();
        let clean_text = everything(&clean);
        for marker in MARKERS {
            assert!(
                !clean_text.contains(marker),
                "{name}: {marker:?} reached the agent"
            );
        }
        // Same rows; a row that carried no payload is byte-identical.
        let (raw_rows, clean_rows) = (rows(&raw), rows(&clean));
        assert_eq!(raw_rows.len(), clean_rows.len(), "{name}");
        for (r, c) in raw_rows.iter().zip(&clean_rows) {
            let r_text = r.to_string();
            if !MARKERS.iter().any(|m| r_text.contains(m)) && !r_text.contains("\\u") {
                assert_eq!(r, c, "{name}: a benign row changed");
            }
        }
    }
    assert!(
        payloads_seen > 0,
        "the adversarial tenant seeded no payload into these tools' records"
    );
}
