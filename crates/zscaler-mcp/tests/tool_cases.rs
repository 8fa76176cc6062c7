//! The tool cases (`tests/tools/cases/*.json`, see docs/authoring-tools.md) run in process:
//! each case file against its own sandbox, each call through the pipeline a real `tools/call`
//! uses (catalog lookup, argument validation, the executor), checked exactly as the Python
//! harness checks it (`tests/clients/python/tools_harness.py`, `verdict`): the requests that
//! reached the sandbox, `isError` and its text, the result's shape and the last write's body.
//!
//! One test per case file (`cargo test -p zscaler-mcp --test tool_cases zia_locations`).

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use rmcp::model::{CallToolResult, ContentBlock};
use serde_json::{Map, Value, json};
use zscaler_mcp::catalog;
use zscaler_mcp::catalog::Action;
use zscaler_mcp::client::ZscalerClient;
use zscaler_mcp::executor::{self, arguments};
use zscaler_sandbox::{RunningSandbox, SandboxConfig};

// ---------------------------------------------------------------------------------------------
// The adapter: the only place that knows how the crate runs a tool. Keep every use of the
// executor's API in here.

/// What one `tools/call` answered, as an MCP client sees it.
#[derive(Debug)]
struct ToolOutcome {
    /// `isError` (absent counts as false).
    is_error: bool,
    /// The text blocks of `content`, joined by newlines.
    text: String,
    /// `structuredContent`.
    structured: Option<Value>,
}

/// The server runs a delete only after its confirmation step; here the step is taken with a
/// token, as for a client that cannot elicit (tests/confirmation.rs covers the step itself).
async fn confirm_with_a_token(tool: &str, args: &Map<String, Value>) {
    use zscaler_mcp::policy::confirmation::{Confirmations, Kind, Subject};
    let write = zscaler_mcp::config::WriteConfig {
        enabled: true,
        allowlist: Vec::new(),
        skip_confirmations: false,
        confirmation_ttl: std::time::Duration::from_secs(300),
        request_state_keys: Vec::new(),
        scope: None,
    };
    let confirmations = Confirmations::new(&write).expect("confirmations");
    let subject = Subject {
        tool,
        args,
        principal: None,
    };
    let token = confirmations.issue(Kind::Token, subject);
    confirmations
        .redeem(Kind::Token, &token, subject)
        .await
        .expect("a fresh token confirms its own call");
}

/// Runs tool `name` with `args` (a JSON object) as the server's `tools/call` does: finds the
/// declaration, validates the arguments, runs the executor.
async fn call_tool(
    client: &ZscalerClient,
    tenant: (&str, &str),
    name: &str,
    args: &Value,
) -> ToolOutcome {
    let result = match catalog::all_tools().find(|t| t.name == name) {
        // The server answers a JSON-RPC error, which fails the Python run: no case may pass.
        None => panic!("unknown tool {name}: the server would answer a JSON-RPC error"),
        Some(tool) => match arguments::validate(tool, args.as_object()) {
            Err(problem) => CallToolResult::error(vec![ContentBlock::text(problem)]),
            Ok(args) => {
                if tool.action == Action::Delete {
                    confirm_with_a_token(tool.name, &args).await;
                }
                let ctx = executor::Context {
                    client,
                    customer_id: Some(tenant.0),
                    zcell_customer_id: Some(tenant.1),
                    sanitize: true,
                };
                executor::run(tool, args, &ctx).await
            }
        },
    };
    ToolOutcome {
        is_error: result.is_error.unwrap_or(false),
        text: result
            .content
            .iter()
            .map(|c| c.as_text().map(|t| t.text.as_str()).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n"),
        structured: result.structured_content,
    }
}

/// A server without ZCell's customer id (`ZCELL_CUSTOMER_ID`): a ZCell tool answers `isError`
/// naming the variable to set, and no request reaches the API.
#[tokio::test]
async fn zcell_without_its_customer_id_says_so_and_sends_nothing() {
    let mut rig = Rig::start().await;
    rig.new_requests().await;
    let tool = catalog::all_tools()
        .find(|t| t.name == "zcell_list_tags")
        .expect("zcell_list_tags is declared");
    let args = arguments::validate(tool, None).expect("no argument is required");
    let ctx = executor::Context {
        client: &rig.client,
        customer_id: Some(&rig.sandbox.customer_id),
        zcell_customer_id: None,
        sanitize: true,
    };
    let result = executor::run(tool, args, &ctx).await;
    let text: String = result
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect();
    assert_eq!(result.is_error, Some(true), "{text}");
    assert!(text.contains("ZCELL_CUSTOMER_ID"), "{text}");
    let sent = rig.new_requests().await;
    assert!(sent.is_empty(), "requests were sent: {sent:?}");
    let _ = rig.sandbox.stop().await;
}

// ---------------------------------------------------------------------------------------------
// One test per case file.

macro_rules! case_files {
    ($($stem:ident),* $(,)?) => {
        const CASE_FILES: &[&str] = &[$(stringify!($stem)),*];
        $(
            #[tokio::test]
            async fn $stem() {
                run_file(stringify!($stem)).await;
            }
        )*
    };
}

case_files!(
    zcc_devices,
    zcc_forwarding_profiles,
    zcc_trusted_networks,
    zcell_anomaly_policy,
    zcell_audit_data_handling,
    zcell_customer_data_handling,
    zcell_customer_region_handling,
    zcell_network_events,
    zcell_sim_analytics,
    zcell_sim_handling,
    zcell_sim_location_groups,
    zcell_tag_handling,
    zdx_alerts,
    zdx_reports,
    zdx_software_inventory,
    zdx_troubleshooting,
    zeasm,
    zeasm_findings,
    zeasm_lookalike_domains,
    zia_admin,
    zia_advanced_settings,
    zia_atp_malware,
    zia_atp_policy,
    zia_authentication_settings,
    zia_cloud_app_control,
    zia_cloud_firewall,
    zia_devices,
    zia_dlp,
    zia_file_type_control,
    zia_locations,
    zia_misc,
    zia_rule_labels,
    zia_sandbox,
    zia_shadow_it,
    zia_ssl_inspection,
    zia_time_intervals,
    zia_url_categories,
    zia_url_filtering,
    zia_users,
    zia_workload_groups,
    zid_groups,
    zid_users,
    zins_cyber_security,
    zins_firewall,
    zins_iot,
    zins_saas,
    zins_shadow_it,
    zins_web_traffic,
    zms,
    zpa_access_policies,
    zpa_app_connector_groups,
    zpa_app_segments,
    zpa_application_servers,
    zpa_ba_certificates,
    zpa_connectors,
    zpa_idp,
    zpa_misc,
    zpa_pra,
    zpa_provisioning_keys,
    zpa_segment_groups,
    zpa_server_groups,
    zpa_service_edge_groups,
    ztw_admin,
    ztw_cloud,
    ztw_ip_groups,
    ztw_network_services,
);

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/tools/cases")
}

fn case_stems_on_disk() -> BTreeSet<String> {
    std::fs::read_dir(cases_dir())
        .expect("tests/tools/cases is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            p.file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn load(stem: &str) -> Vec<Value> {
    let path = cases_dir().join(format!("{stem}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Array(cases)) => cases,
        Ok(_) => panic!("{stem}.json is not a list of cases"),
        Err(e) => panic!("{stem}.json does not parse: {e}"),
    }
}

#[test]
fn every_case_file_has_a_test() {
    let tests: BTreeSet<String> = CASE_FILES.iter().map(|s| s.to_string()).collect();
    let disk = case_stems_on_disk();
    let untested: Vec<_> = disk.difference(&tests).collect();
    let missing: Vec<_> = tests.difference(&disk).collect();
    assert!(
        untested.is_empty() && missing.is_empty(),
        "add case files to case_files!(..) in tests/tool_cases.rs: untested {untested:?}, \
         listed but absent {missing:?}"
    );
}

/// Server tools (`zscaler_*`) are answered by the MCP handler, not the executor; their checks
/// are in tests/http.rs and tests/clients/python/test_tools.py.
#[test]
fn every_zscaler_tool_has_a_case() {
    let mut covered = BTreeSet::new();
    for stem in case_stems_on_disk() {
        for case in load(&stem) {
            if let Some(tool) = case.get("tool").and_then(Value::as_str) {
                covered.insert(tool.to_string());
            }
        }
    }
    let missing: Vec<&str> = catalog::all_tools()
        .filter(|t| t.service.is_some() && !covered.contains(t.name))
        .map(|t| t.name)
        .collect();
    assert!(
        missing.is_empty(),
        "{} tools have no case: {missing:?}",
        missing.len()
    );
}

// ---------------------------------------------------------------------------------------------
// The sandbox a case file runs against.

const ADMIN_TOKEN: &str = "tool-cases-admin";

struct Rig {
    sandbox: RunningSandbox,
    admin: reqwest::Client,
    client: ZscalerClient,
    /// The last request sequence number seen.
    seen: u64,
}

impl Rig {
    async fn start() -> Rig {
        let (sandbox, client) = common::sandbox_client(SandboxConfig {
            admin_token: Some(ADMIN_TOKEN.into()),
            ..SandboxConfig::default()
        })
        .await;
        Rig {
            sandbox,
            admin: reqwest::Client::new(),
            client,
            seen: 0,
        }
    }

    async fn reset(&self) {
        let r = self
            .admin
            .post(format!("{}/_sandbox/reset", self.sandbox.base_url))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .expect("sandbox reset");
        assert!(r.status().is_success(), "reset: {}", r.status());
    }

    /// Requests recorded after the last one seen (token requests included).
    async fn new_requests(&mut self) -> Vec<Value> {
        let text = self
            .admin
            .get(format!(
                "{}/_sandbox/requests?since={}",
                self.sandbox.base_url, self.seen
            ))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .expect("sandbox requests")
            .text()
            .await
            .expect("sandbox requests body");
        let rows: Vec<Value> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        if let Some(seq) = rows.last().and_then(|r| r["seq"].as_u64()) {
            self.seen = seq;
        }
        rows
    }
}

async fn run_file(stem: &str) {
    let cases = load(stem);
    let mut rig = Rig::start().await;
    let mut failures = Vec::new();
    // A delete changes the tenant for good: the case after it starts from a fresh one.
    let mut after_delete = false;
    for (i, case) in cases.iter().enumerate() {
        let tool = case["tool"]
            .as_str()
            .unwrap_or_else(|| panic!("{stem}.json case {i} has no tool"));
        let args = case.get("args").cloned().unwrap_or_else(|| json!({}));
        if case.get("shape") == Some(&json!("write")) || truthy(case.get("reset")) || after_delete {
            rig.reset().await;
        }
        after_delete = tool.contains("delete");
        rig.new_requests().await;
        let outcome = call_tool(
            &rig.client,
            (&rig.sandbox.customer_id, &rig.sandbox.zcell_customer_id),
            tool,
            &args,
        )
        .await;
        let requests: Vec<Value> = rig
            .new_requests()
            .await
            .into_iter()
            .filter(|r| {
                !r["path"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("/oauth2")
            })
            .collect();
        let problems = verdict(case, &args, &outcome, &requests);
        if !problems.is_empty() {
            failures.push(format!(
                "{stem}:{i}:{tool} (args {args})\n    {}",
                problems.join("\n    ")
            ));
        }
    }
    let _ = rig.sandbox.stop().await;
    assert!(
        failures.is_empty(),
        "{} of {} cases in tests/tools/cases/{stem}.json failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The checks, as tools_harness.py's `verdict` makes them (with Python's truthiness and
// equality, so a case means the same in both suites).

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Python's `==` on parsed JSON: numbers by value, `true == 1`.
fn py_eq(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    };
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => num(a) == num(b),
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Bool(_) | Value::Number(_), Value::Bool(_) | Value::Number(_)) => num(a) == num(b),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        _ => a == b,
    }
}

/// The first `{placeholder}` of a path template (start and end), as Python's
/// `\{[^}]+\}` finds it.
fn placeholder(template: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(open) = template[from..].find('{').map(|i| i + from) {
        let close = open + 1 + template[open + 1..].find('}')?;
        if close > open + 1 {
            return Some((open, close + 1));
        }
        from = open + 1;
    }
    None
}

/// True when `path` matches `template`, whose `{placeholders}` each match one or more
/// characters other than `/`.
fn path_matches(template: &str, path: &str) -> bool {
    let Some((open, end)) = placeholder(template) else {
        return template == path;
    };
    let Some(rest) = path.strip_prefix(&template[..open]) else {
        return false;
    };
    let segment = rest.find('/').unwrap_or(rest.len());
    (1..=segment).any(|n| rest.is_char_boundary(n) && path_matches(&template[end..], &rest[n..]))
}

fn shorten(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Problems with one call, empty when it behaved as the case says.
fn verdict(case: &Value, args: &Value, outcome: &ToolOutcome, requests: &[Value]) -> Vec<String> {
    let mut problems = Vec::new();
    let error = case.get("error");
    let expects_error = truthy(error);
    if expects_error {
        if !outcome.is_error {
            problems.push(format!(
                "expected an error, got success: {}",
                shorten(&outcome.text, 300)
            ));
        } else if let Some(Value::String(needle)) = error
            && !outcome.text.contains(needle.as_str())
        {
            problems.push(format!(
                "error text lacks {needle:?}: {}",
                shorten(&outcome.text, 300)
            ));
        }
    } else if outcome.is_error {
        problems.push(format!("isError: {}", shorten(&outcome.text, 500)));
    }

    let got: Vec<(String, String)> = requests
        .iter()
        .map(|r| {
            (
                r["method"].as_str().unwrap_or_default().to_string(),
                r["path"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expect: Vec<(String, String)> = case
        .get("expect")
        .and_then(Value::as_array)
        .map(|e| {
            e.iter()
                .map(|pair| {
                    (
                        pair[0].as_str().unwrap_or_default().to_string(),
                        pair[1].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let same = got.len() == expect.len()
        && got
            .iter()
            .zip(&expect)
            .all(|((m, p), (em, ep))| m == em && path_matches(ep, p));
    if !same {
        problems.push(format!(
            "requests do not match\n      expected {expect:?}\n      got      {got:?}"
        ));
    }

    let statuses: Vec<u64> = requests
        .iter()
        .filter_map(|r| r["status"].as_u64())
        .collect();
    let allowed: Vec<&Value> = case
        .get("allow_status")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if !expects_error
        && statuses
            .iter()
            .any(|s| *s >= 400 && !allowed.iter().any(|a| py_eq(a, &json!(s))))
    {
        problems.push(format!(
            "a request failed at the sandbox: statuses {statuses:?}"
        ));
    }

    if !expects_error {
        match &outcome.structured {
            Some(Value::Object(sc)) => shape_problems(case, args, sc, &mut problems),
            other => problems.push(shorten(
                &format!("structuredContent is not an object: {other:?}"),
                300,
            )),
        }
    }

    if let Some(Value::Object(body)) = case.get("body").filter(|b| truthy(Some(b))) {
        let sent = requests
            .iter()
            .rfind(|r| r["method"] == "POST" || r["method"] == "PUT")
            .and_then(|r| r.get("body"))
            .and_then(Value::as_object);
        for (k, v) in body {
            let field = sent.map(|s| s.get(k).unwrap_or(&Value::Null));
            if !field.is_some_and(|f| py_eq(f, v)) {
                problems.push(format!(
                    "body field {k:?}: sent {}, expected {v}",
                    field.map_or("None".to_string(), Value::to_string)
                ));
            }
        }
    }
    problems
}

fn shape_problems(case: &Value, args: &Value, sc: &Map<String, Value>, problems: &mut Vec<String>) {
    match case.get("shape").and_then(Value::as_str) {
        Some("list") => {
            let result = sc.get("result");
            if !result.is_some_and(Value::is_array) {
                problems.push("list result is not a list".into());
            }
            if !sc.get("complete").is_some_and(Value::is_boolean) {
                problems.push("list result has no boolean 'complete'".into());
            }
            let empty = Vec::new();
            let rows = result.and_then(Value::as_array).unwrap_or(&empty);
            if let Some(n) = case.get("rows")
                && !py_eq(n, &json!(rows.len()))
            {
                problems.push(format!("{} rows, the case expects {n}", rows.len()));
            }
            let nonempty = case.get("nonempty").is_none_or(|v| truthy(Some(v)));
            if nonempty && rows.is_empty() {
                problems.push("list result is empty (the case expects rows)".into());
            }
            let queried = args.as_object().is_some_and(|a| a.contains_key("query"));
            if let Some(Value::Object(first)) = rows.first()
                && !queried
                // Identity fields; ZCC devices are keyed by udid, EASM lookalikes by lookalike_raw,
                // ZDX deep traces by trace_id, software by software_key, metric series by metric,
                // Z-Insights shadow-IT apps by application.
                && ![
                    "id",
                    "name",
                    "url",
                    "ipAddress",
                    "configuredName",
                    "udid",
                    "lookalike_raw",
                    "trace_id",
                    "software_key",
                    "metric",
                    "application",
                ]
                .iter()
                    .any(|k| first.contains_key(*k))
            {
                let mut keys: Vec<&String> = first.keys().collect();
                keys.sort();
                keys.truncate(12);
                problems.push(format!("first row has no id/name: {keys:?}"));
            }
        }
        Some("record") if sc.is_empty() => problems.push("record is empty".into()),
        _ => {}
    }
}

#[test]
fn paths_match_as_the_python_pattern_does() {
    assert!(path_matches("/a/{id}/b", "/a/12/b"));
    assert!(!path_matches("/a/{id}/b", "/a//b"));
    assert!(!path_matches("/a/{id}/b", "/a/1/2/b"));
    assert!(path_matches("/a/{id}:sync", "/a/x:y:sync"));
    assert!(!path_matches("/a/{id}", "/a/1/"));
    assert!(path_matches("/a", "/a"));
    assert!(path_matches("/a/{}/{id}", "/a/{}/7"));
    assert!(!path_matches("/a/{}", "/a/7"));
    assert!(!path_matches("/a", "/a/b"));
    assert!(py_eq(&json!(1), &json!(1.0)));
    assert!(py_eq(&json!(true), &json!(1)));
    assert!(!py_eq(&json!("1"), &json!(1)));
    assert!(py_eq(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
}
