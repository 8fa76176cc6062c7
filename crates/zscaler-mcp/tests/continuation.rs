//! Continuation tokens, per paging style: a list tool stopped by the row cap names
//! `next.cursor`; calling the same tool with the same arguments and that cursor answers the
//! following rows, and following every cursor gives exactly the whole list, each row once.
//! Bad tokens are refused before any request, naming the argument.

mod common;

use rmcp::model::CallToolResult;
use serde_json::{Value, json};
use zscaler_mcp::catalog;
use zscaler_mcp::client::{ClientSettings, RateLimits, Upstream, ZscalerClient};
use zscaler_mcp::executor::{self, arguments};
use zscaler_sandbox::{RunningSandbox, Sandbox, SandboxConfig};

/// Rows in the scaled collections: more than one walk page of every style.
const SCALE: usize = 2500;
/// The row cap of the capped client: cuts inside a page.
const CAP: usize = 1234;

struct Rig {
    sandbox: RunningSandbox,
    whole: ZscalerClient,
    capped: ZscalerClient,
}

impl Rig {
    async fn start() -> Rig {
        common::crypto();
        let sandbox = Sandbox::start(SandboxConfig {
            scale: SCALE,
            ..SandboxConfig::default()
        })
        .await
        .expect("sandbox starts");
        let upstream = Upstream::sandbox(&sandbox);
        let client = |max_rows: usize| {
            let settings = ClientSettings {
                rate_limits: RateLimits::off(),
                max_rows,
                ..ClientSettings::default()
            };
            ZscalerClient::new(&upstream, upstream.grant.clone(), settings).expect("client")
        };
        Rig {
            whole: client(100_000),
            capped: client(CAP),
            sandbox,
        }
    }

    async fn call(&self, client: &ZscalerClient, tool: &str, args: &Value) -> CallToolResult {
        let decl = catalog::all_tools()
            .find(|t| t.name == tool)
            .unwrap_or_else(|| panic!("unknown tool {tool}"));
        let args = match arguments::validate(decl, args.as_object()) {
            Ok(a) => a,
            Err(problem) => {
                return CallToolResult::error(vec![rmcp::model::ContentBlock::text(problem)]);
            }
        };
        let ctx = executor::Context {
            client,
            customer_id: Some(&self.sandbox.customer_id),
            zcell_customer_id: Some(&self.sandbox.zcell_customer_id),
            sanitize: false,
        };
        executor::run(decl, args, &ctx).await
    }
}

fn structured(result: &CallToolResult) -> Value {
    assert_ne!(result.is_error, Some(true), "{result:?}");
    result
        .structured_content
        .clone()
        .expect("structured content")
}

fn ids(rows: &Value) -> Vec<String> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| r["id"].to_string())
        .collect()
}

/// The whole list in one call, then the same list gathered by following cursors.
async fn follows_to_the_end(rig: &Rig, tool: &str, args: Value) {
    let whole = structured(&rig.call(&rig.whole, tool, &args).await);
    assert_eq!(whole["complete"], true, "{tool}: whole list");
    let expected = ids(&whole["result"]);
    assert!(
        expected.len() > CAP,
        "{tool}: {} rows is not above the cap",
        expected.len()
    );

    let mut gathered = Vec::new();
    let mut call_args = args.clone();
    let mut calls = 0;
    loop {
        calls += 1;
        assert!(calls < 10, "{tool}: the cursors never end");
        let part = structured(&rig.call(&rig.capped, tool, &call_args).await);
        gathered.extend(ids(&part["result"]));
        match part.get("next") {
            Some(next) => {
                assert_eq!(part["complete"], false, "{tool}: a cut answer says so");
                let cursor = next["cursor"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{tool}: next is a cursor: {next}"));
                call_args = args.clone();
                call_args["cursor"] = json!(cursor);
            }
            None => {
                assert_eq!(
                    part["complete"], true,
                    "{tool}: the last part ends the list"
                );
                break;
            }
        }
    }
    assert!(
        calls >= 3,
        "{tool}: {calls} calls for {} rows",
        expected.len()
    );
    assert_eq!(gathered.len(), expected.len(), "{tool}: row count");
    assert_eq!(
        gathered, expected,
        "{tool}: the same rows in the same order"
    );
}

#[tokio::test]
async fn zia_numbered_pages() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "get_zia_users", json!({})).await;
}

#[tokio::test]
async fn zpa_pages_with_totals() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "zpa_list_application_segments", json!({})).await;
}

#[tokio::test]
async fn zidentity_offsets() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "zid_list_users", json!({})).await;
}

#[tokio::test]
async fn zcc_numbered_pages() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "zcc_list_devices", json!({})).await;
}

#[tokio::test]
async fn zms_graphql_connections() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "zms_list_resources", json!({"include_deleted": true})).await;
}

#[tokio::test]
async fn zdx_cursors_within_a_time_window() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "zdx_list_devices", json!({"since": 24})).await;
}

#[tokio::test]
async fn zcell_zero_based_pages_in_the_body() {
    let rig = Rig::start().await;
    follows_to_the_end(&rig, "zcell_list_sims", json!({})).await;
}

#[tokio::test]
async fn bad_tokens_are_refused_before_any_request() {
    let rig = Rig::start().await;
    let first = structured(&rig.call(&rig.capped, "get_zia_users", &json!({})).await);
    let token = first["next"]["cursor"]
        .as_str()
        .expect("a cursor")
        .to_string();
    for (tool, cursor, says) in [
        (
            "get_zia_users",
            "not a token",
            "not a continuation this tool gave",
        ),
        (
            "get_zia_users",
            "eyJ4IjoxfQ",
            "not a continuation this tool gave",
        ),
        // A token is bound to the tool that gave it.
        (
            "zcc_list_devices",
            token.as_str(),
            "not a continuation this tool gave",
        ),
    ] {
        let result = rig.call(&rig.whole, tool, &json!({"cursor": cursor})).await;
        assert_eq!(result.is_error, Some(true), "{tool} {cursor}");
        let text = format!("{:?}", result.content);
        assert!(text.contains("'cursor'") && text.contains(says), "{text}");
    }
    let result = rig
        .call(&rig.whole, "get_zia_users", &json!({"cursor": 5}))
        .await;
    assert_eq!(result.is_error, Some(true));
    assert!(format!("{:?}", result.content).contains("must be a string"));
    // A tool that answers its whole list at once has no cursor argument.
    let result = rig
        .call(
            &rig.whole,
            "zia_list_rule_labels",
            &json!({"cursor": token}),
        )
        .await;
    assert_eq!(result.is_error, Some(true));
    assert!(format!("{:?}", result.content).contains("Invalid argument 'cursor'"));
}

/// A walk the caller starts at an offset answers the rest of the list: complete when nothing
/// follows, and a cut one continues from where it stopped.
#[tokio::test]
async fn a_walk_from_a_callers_offset_answers_the_rest() {
    let rig = Rig::start().await;
    let whole = structured(&rig.call(&rig.whole, "zid_list_users", &json!({})).await);
    let all = ids(&whole["result"]);
    let rest = structured(
        &rig.call(&rig.whole, "zid_list_users", &json!({"offset": 2000}))
            .await,
    );
    assert_eq!(rest["complete"], true, "{}", rest["next"]);
    assert!(rest.get("next").is_none());
    assert_eq!(ids(&rest["result"]), all[2000..].to_vec());

    let cut = structured(
        &rig.call(&rig.capped, "zid_list_users", &json!({"offset": 100}))
            .await,
    );
    assert_eq!(cut["complete"], false);
    let cursor = cut["next"]["cursor"]
        .as_str()
        .expect("a cursor")
        .to_string();
    let tail = structured(
        &rig.call(
            &rig.capped,
            "zid_list_users",
            &json!({"offset": 100, "cursor": cursor}),
        )
        .await,
    );
    assert_eq!(tail["complete"], true);
    let mut joined = ids(&cut["result"]);
    joined.extend(ids(&tail["result"]));
    assert_eq!(joined, all[100..].to_vec());
}
