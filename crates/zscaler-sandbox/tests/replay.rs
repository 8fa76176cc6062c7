//! Replays every request the official SDK sends for every reference tool (`tests/data/tools.json`,
//! field `requests`) against a running sandbox, over real HTTP, and checks the answer has the
//! shape the SDK reads (`sdk_reads_response_as`). Also checks that every endpoint of
//! `tests/data/endpoints.json` is routed. Endpoints not yet simulated are listed in
//! `tests/data/unrouted.txt`; an entry that becomes routed fails the test until removed, so the
//! list only shrinks.

mod common;

use std::collections::{BTreeSet, HashMap};

use axum::http::Method;
use serde_json::{Map, Value, json};
use zscaler_sandbox::routes::{Lookup, Table};

const TOOLS: &str = include_str!("data/tools.json");
const ENDPOINTS: &str = include_str!("data/endpoints.json");
const UNROUTED: &str = include_str!("data/unrouted.txt");

/// `{placeholder}` segments replaced by a dummy value, for route matching.
fn concrete(path: &str, customer: &str, zcell: &str) -> String {
    path.split('/')
        .map(|seg| match seg {
            "{customerId}" => customer.to_string(),
            "{zcellCustomerId}" => zcell.to_string(),
            s if s.starts_with('{') && s.ends_with('}') => "1".to_string(),
            s => s.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_reference_endpoint_is_routed() {
    let table = Table::new(zscaler_sandbox::services::routes());
    let endpoints: Vec<Value> = serde_json::from_str(ENDPOINTS).expect("endpoints.json");
    let expected_gaps: BTreeSet<&str> = UNROUTED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut missing = BTreeSet::new();
    for e in &endpoints {
        let method: Method = e["method"]
            .as_str()
            .expect("method")
            .parse()
            .expect("method");
        let path = e["path"].as_str().expect("path");
        let key = format!("{method} {path}");
        if !matches!(
            table.lookup(&method, &concrete(path, "216196257331200001", "7000001")),
            Lookup::Found(..)
        ) {
            missing.insert(key);
        }
    }
    let routed = endpoints.len() - missing.len();
    println!("routed {routed} of {} reference endpoints", endpoints.len());
    let unexpected: Vec<&String> = missing
        .iter()
        .filter(|k| !expected_gaps.contains(k.as_str()))
        .collect();
    let stale: Vec<&&str> = expected_gaps
        .iter()
        .filter(|k| !missing.contains(**k))
        .collect();
    assert!(
        unexpected.is_empty(),
        "endpoints not routed and not listed in tests/data/unrouted.txt: {unexpected:#?}"
    );
    assert!(
        stale.is_empty(),
        "now routed: remove from tests/data/unrouted.txt: {stale:#?}"
    );
}

/// Fills the SDK's placeholders (`{name}`, `{rule_id}`, ...) in a body example.
fn fill(value: &Value, tool: &str, ids: &HashMap<String, String>) -> Value {
    match value {
        Value::String(s) if s.starts_with('{') && s.ends_with('}') => {
            let name = &s[1..s.len() - 1];
            if let Some(id) = ids.get(name) {
                return Value::String(id.clone());
            }
            if name == "name" || name.ends_with("_name") {
                Value::String(format!("replay {tool}"))
            } else {
                Value::String(format!("replay-{name}"))
            }
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, tool, ids)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill(v, tool, ids)))
                .collect::<Map<_, _>>(),
        ),
        other => other.clone(),
    }
}

fn query_value(key: &str, value: &str) -> Option<String> {
    if !(value.starts_with('{') && value.ends_with('}')) {
        return Some(value.to_string());
    }
    match key {
        "page" => Some("1".into()),
        "pageSize" | "pagesize" | "limit" | "size" => Some("10".into()),
        _ => None,
    }
}

/// The first record id found in a list answer of any envelope.
fn first_id(answer: &Value) -> Option<String> {
    let items = match answer {
        Value::Array(a) => a.clone(),
        Value::Object(o) => ["list", "records", "results", "content", "items", "nodes"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_array).cloned())
            .or_else(|| o.values().find_map(|v| v.as_array().cloned()))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    items.first().and_then(|r| r.get("id")).map(|id| match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

fn shape_ok(reads: &str, status: u16, body: &Value) -> bool {
    match reads {
        "list(get_results)" => body.is_array() || body.is_object(),
        "body(get_body)" => !body.is_null() || status == 204,
        "graphql-body" => body.get("data").is_some() || body.get("errors").is_some(),
        _ => true,
    }
}

#[tokio::test]
async fn every_sdk_request_gets_the_shape_the_sdk_reads() {
    let c = common::start().await;
    let tools: Vec<Value> = serde_json::from_str(TOOLS).expect("tools.json");
    let (mut sent, mut answered, mut wrong_shape, mut unrouted) =
        (0, 0, Vec::new(), BTreeSet::new());
    for tool in &tools {
        let name = tool["name"].as_str().expect("name");
        for request in tool["requests"].as_array().into_iter().flatten() {
            let (Some(method), Some(template)) =
                (request["method"].as_str(), request["path"].as_str())
            else {
                continue;
            };
            // Resolve path placeholders: customer ids, else the first record of the parent list.
            let mut ids = HashMap::new();
            let mut path = String::new();
            for seg in template.split('/').filter(|s| !s.is_empty()) {
                let piece = match seg {
                    "{customerId}" => c.sandbox.customer_id.clone(),
                    "{zcellCustomerId}" => c.sandbox.zcell_customer_id.clone(),
                    s if s.starts_with('{') && s.ends_with('}') => {
                        let (_, listing) = c.get(&path).await;
                        let id = first_id(&listing).unwrap_or_else(|| "1".to_string());
                        ids.insert(s[1..s.len() - 1].to_string(), id.clone());
                        id
                    }
                    s => s.to_string(),
                };
                path.push('/');
                path.push_str(&piece);
            }
            let query: Vec<(String, String)> = request["query"]
                .as_object()
                .into_iter()
                .flatten()
                .filter_map(|(k, v)| {
                    query_value(k, v.as_str().unwrap_or_default()).map(|v| (k.clone(), v))
                })
                .collect();
            if !query.is_empty() {
                let q: String = form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(&query)
                    .finish();
                path = format!("{path}?{q}");
            }
            let body = match request.get("body_example") {
                Some(example) if !example.is_null() => Some(fill(example, name, &ids)),
                _ if request["sends_empty_json_body"].as_bool() == Some(true) => Some(json!({})),
                _ => None,
            };
            sent += 1;
            let (status, answer) = c.call(method, &path, body).await;
            let routed = !(status == 405
                || (status == 404 && answer.to_string().contains("No such endpoint")));
            if !routed {
                unrouted.insert(format!("{method} {template}"));
                continue;
            }
            if (200..300).contains(&status) {
                answered += 1;
                let reads = request["sdk_reads_response_as"].as_str().unwrap_or("other");
                if !shape_ok(reads, status, &answer) {
                    wrong_shape.push(format!(
                        "{name}: {method} {path} -> {status} {reads}: {answer}"
                    ));
                }
            }
        }
    }
    println!(
        "replayed {sent} requests: {answered} answered 2xx, {} to unrouted endpoints",
        unrouted.len()
    );
    let expected_gaps: BTreeSet<&str> = UNROUTED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let unexpected: Vec<&String> = unrouted
        .iter()
        .filter(|k| !expected_gaps.contains(k.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "requests to unrouted endpoints not in unrouted.txt: {unexpected:#?}"
    );
    assert!(
        wrong_shape.is_empty(),
        "answers the SDK cannot read: {wrong_shape:#?}"
    );
    // Regression guard: the rest are refusals of the replay's placeholder values (ids like
    // "replay-x", names reused by two tools), which the simulator must refuse as the API would.
    assert!(
        answered >= 300,
        "only {answered} of {sent} replayed requests succeeded"
    );
}
