//! The catalog against the reference (`tests/data/tools.json`, a copy of the reference
//! server's tool facts) and against its own snapshot.
//!
//! - Parity: for every ZIA, ZPA, ZCC, EASM and ZIdentity tool, the name, toolset, action,
//!   argument names, types, required-ness, enums and defaults equal the reference (users'
//!   allowlists and prompts depend on them), and the list / untrusted flags agree. The one deliberate difference is an
//!   enum the reference leaves out ([`ADDED_ENUMS`]).
//! - HTTP mapping: every request the reference sends is covered by a route, a lookup, a
//!   merge-current read or a read-back; every route is a request the reference sends.
//! - Descriptions: every tool and parameter is described, in our own words.
//! - Snapshot: the advertised tools (`tests/snapshots/tools.json`) change only deliberately:
//!   rerun with `ZSCALER_MCP_ACCEPT_SNAPSHOT=1` to accept a change.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::{Value, json};
use zscaler_mcp::catalog::{
    Action, Handler, ParamType, ToolDeclaration, all_tools, schema::QUERY_PARAM,
};

const SERVICES: &[&str] = &[
    "zia", "zpa", "zcc", "zeasm", "zid", "ztw", "zcell", "zms", "zdx", "zins",
];

/// Arguments whose values form a fixed set the reference accepts as a free string (its SDK maps
/// them to codes and fails on anything else): ours advertise the set.
const ADDED_ENUMS: &[(&str, &str)] = &[
    ("zcc_list_devices", "os_type"),
    ("ztw_list_ip_destination_groups", "exclude_type"),
    ("ztw_list_ip_destination_groups_lite", "exclude_type"),
    // ZMS: GraphQL enums (SortDirection, SortOrder, NamespaceOrigin, the catalog's orderBy keys).
    ("zms_list_agents", "sort_dir"),
    ("zms_list_agent_groups", "sort_dir"),
    ("zms_list_nonces", "sort_dir"),
    ("zms_list_app_catalog", "sort_by"),
    ("zms_list_app_catalog", "sort_order"),
    ("zms_list_app_zones", "sort_order"),
    ("zms_list_resources", "sort_order"),
    ("zms_list_tag_namespaces", "origin"),
    ("zms_list_tag_namespaces", "sort_order"),
    ("zms_list_tag_keys", "sort_order"),
    ("zms_list_tag_values", "namespace_origin"),
    ("zms_list_tag_values", "sort_order"),
    // Z-Insights: GraphQL enums (WebTrafficUnits, TrendInterval, DlpEngineFilter, ActionStatus,
    // IncidentsWithIdGroupBy).
    ("zins_get_web_traffic_by_location", "traffic_unit"),
    ("zins_get_web_traffic_by_location", "trend_interval"),
    ("zins_get_web_traffic_no_grouping", "traffic_unit"),
    ("zins_get_web_traffic_no_grouping", "trend_interval"),
    ("zins_get_web_traffic_no_grouping", "dlp_engine_filter"),
    ("zins_get_web_traffic_no_grouping", "action_filter"),
    ("zins_get_web_protocols", "traffic_unit"),
    ("zins_get_threat_super_categories", "traffic_unit"),
    ("zins_get_threat_class", "traffic_unit"),
    ("zins_get_cyber_incidents_by_location", "categorize_by"),
];

fn reference() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/tools.json");
    let text = std::fs::read_to_string(&path).expect("tests/data/tools.json is readable");
    serde_json::from_str(&text).expect("tests/data/tools.json is JSON")
}

fn declared(service: &str) -> Vec<&'static ToolDeclaration> {
    all_tools()
        .filter(|t| t.service.is_some_and(|s| s.code() == service))
        .collect()
}

/// The reference property's type without its `null` alternative.
fn base_type(prop: &Value) -> Value {
    match prop.get("anyOf").and_then(Value::as_array) {
        Some(alts) => alts
            .iter()
            .find(|a| a.get("type") != Some(&json!("null")))
            .cloned()
            .unwrap_or(Value::Null),
        None => prop.clone(),
    }
}

fn type_name(ty: &Value) -> &'static str {
    match ty.get("type").and_then(Value::as_str) {
        Some("string") => "string",
        Some("integer") => "integer",
        Some("number") => "number",
        Some("boolean") => "boolean",
        Some("object") => "object",
        Some("array") => match ty.pointer("/items/type").and_then(Value::as_str) {
            Some("object") => "object[]",
            Some("array") => "string[][]",
            Some("integer") => "integer[]",
            _ => "string[]",
        },
        _ => "any",
    }
}

fn our_type(ty: ParamType) -> &'static str {
    match ty {
        ParamType::String => "string",
        ParamType::Integer => "integer",
        ParamType::Number => "number",
        ParamType::Boolean => "boolean",
        ParamType::Object => "object",
        ParamType::StringArray => "string[]",
        ParamType::ObjectArray => "object[]",
        ParamType::StringArrays => "string[][]",
        ParamType::IntegerArray => "integer[]",
        ParamType::Any => "any",
    }
}

/// Accepted values: `enum`, or a `^(A|B)$` pattern.
fn choices(ty: &Value) -> Vec<String> {
    if let Some(e) = ty.get("enum").and_then(Value::as_array) {
        return e
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
    }
    if let Some(p) = ty.get("pattern").and_then(Value::as_str)
        && let Some(inner) = p.strip_prefix("^(").and_then(|r| r.strip_suffix(")$"))
    {
        return inner.split('|').map(str::to_string).collect();
    }
    Vec::new()
}

#[test]
fn every_declared_service_tool_matches_the_reference() {
    let reference = reference();
    let mut problems = Vec::new();
    for service in SERVICES {
        let ours: BTreeMap<&str, &ToolDeclaration> =
            declared(service).into_iter().map(|t| (t.name, t)).collect();
        let theirs: Vec<&Value> = reference
            .iter()
            .filter(|t| t["service"] == json!(service))
            .collect();
        let their_names: BTreeSet<&str> =
            theirs.iter().filter_map(|t| t["name"].as_str()).collect();
        for name in ours.keys() {
            if !their_names.contains(name) {
                problems.push(format!("{name}: declared but not in the reference"));
            }
        }
        for t in theirs {
            let name = t["name"].as_str().unwrap_or_default();
            let Some(ours) = ours.get(name) else {
                problems.push(format!("{name}: in the reference, not declared"));
                continue;
            };
            if ours.toolset != t["toolset"] {
                problems.push(format!(
                    "{name}: toolset {} != {}",
                    ours.toolset, t["toolset"]
                ));
            }
            if ours.action.as_str() != t["action"] {
                problems.push(format!(
                    "{name}: action {:?} != {}",
                    ours.action, t["action"]
                ));
            }
            if ours.list != (t["is_list"] == json!(true)) {
                problems.push(format!("{name}: list flag differs"));
            }
            if ours.query != (t["supports_query"] == json!(true)) {
                problems.push(format!("{name}: query flag differs"));
            }
            if ours.untrusted != (t["untrusted_content"] == json!(true)) {
                problems.push(format!("{name}: untrusted flag differs"));
            }
            let props = t["input_schema"]["properties"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            let required: BTreeSet<&str> = t["input_schema"]["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let our_names: BTreeSet<&str> = ours.params.iter().map(|p| p.name).collect();
            let their_params: BTreeSet<&str> = props.keys().map(String::as_str).collect();
            if our_names != their_params {
                problems.push(format!(
                    "{name}: arguments {our_names:?} != reference {their_params:?}"
                ));
                continue;
            }
            for p in ours.params {
                let prop = &props[p.name];
                let ty = base_type(prop);
                if our_type(p.ty) != type_name(&ty) {
                    problems.push(format!(
                        "{name}.{}: type {} != {}",
                        p.name,
                        our_type(p.ty),
                        type_name(&ty)
                    ));
                }
                if p.required != required.contains(p.name) {
                    problems.push(format!("{name}.{}: required differs", p.name));
                }
                let ours_enum: Vec<String> = p.one_of.iter().map(|s| s.to_string()).collect();
                let added = ADDED_ENUMS.contains(&(name, p.name)) && choices(&ty).is_empty();
                if ours_enum != choices(&ty) && !added {
                    problems.push(format!(
                        "{name}.{}: enum {ours_enum:?} != {:?}",
                        p.name,
                        choices(&ty)
                    ));
                }
                let their_default = prop.get("default").cloned().unwrap_or(Value::Null);
                let our_default = p.default.map(|d| d.to_json()).unwrap_or(Value::Null);
                if their_default != our_default {
                    problems.push(format!(
                        "{name}.{}: default {our_default} != {their_default}",
                        p.name
                    ));
                }
                let min = ty.get("minimum").and_then(Value::as_i64);
                let max = ty.get("maximum").and_then(Value::as_i64);
                if (p.min, p.max) != (min, max) {
                    problems.push(format!(
                        "{name}.{}: range {:?} != {:?}",
                        p.name,
                        (p.min, p.max),
                        (min, max)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// `METHOD /path` with every placeholder written `{}`.
fn op(method: &str, path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                out.push_str("{}");
            }
            '}' => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    format!("{} {out}", method.to_ascii_uppercase())
}

#[test]
fn every_route_follows_the_reference_requests() {
    let reference = reference();
    let mut problems = Vec::new();
    for service in SERVICES {
        for tool in declared(service) {
            let Some(t) = reference.iter().find(|t| t["name"] == json!(tool.name)) else {
                continue;
            };
            let theirs: BTreeSet<String> = t["requests"]
                .as_array()
                .map(|rs| {
                    rs.iter()
                        .map(|r| {
                            op(
                                r["method"].as_str().unwrap_or_default(),
                                r["path"].as_str().unwrap_or_default(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut ours = BTreeSet::new();
            for r in tool.declared_routes() {
                ours.insert(op(r.verb.method().as_str(), r.path));
                for l in r.lookups {
                    ours.insert(op("GET", l.path));
                }
                if let Some(from) = r.merge_from {
                    ours.insert(op("GET", from));
                }
                if let Some(back) = r.read_back {
                    ours.insert(op("GET", back));
                }
            }
            for o in &ours {
                // Deliberate: a settings update reads the record first so a partial change
                // keeps the other fields (the reference PUTs only what it was given).
                let merge_read = tool.declared_routes().iter().any(|r| {
                    r.merge_from.is_some_and(|from| op("GET", from) == *o)
                        && theirs.contains(&op("PUT", r.path))
                });
                if !theirs.contains(o) && !merge_read {
                    problems.push(format!(
                        "{}: sends {o}, which the reference never does",
                        tool.name
                    ));
                }
            }
            for o in &theirs {
                // A delete's GET of its own record is the reference's confirmation lookup,
                // which belongs to the confirmation gate, not to the tool.
                let confirm_lookup = tool.action == Action::Delete
                    && o.starts_with("GET ")
                    && ours.contains(&o.replacen("GET", "DELETE", 1));
                if !ours.contains(o) && !confirm_lookup {
                    problems.push(format!(
                        "{}: never sends {o}, which the reference does",
                        tool.name
                    ));
                }
            }
            if matches!(tool.handler, Handler::Routes(r) if r.is_empty()) {
                problems.push(format!("{}: no route", tool.name));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_tool_and_parameter_is_described() {
    let mut problems = Vec::new();
    for tool in all_tools() {
        let words = tool.description.split_whitespace().count();
        if tool.description.contains("TODO") || !(4..=60).contains(&words) {
            problems.push(format!("{}: description of {words} words", tool.name));
        }
        if tool.title.is_empty() || tool.title.contains("TODO") {
            problems.push(format!("{}: no title", tool.name));
        }
        for p in tool.params {
            if p.description.trim().is_empty() || p.description.contains("TODO") {
                problems.push(format!("{}.{}: not described", tool.name, p.name));
            }
        }
        if tool.params.iter().any(|p| p.name == QUERY_PARAM) {
            problems.push(format!("{}: declares `query` itself", tool.name));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn write_tools_say_what_they_change_and_reads_are_reads() {
    for tool in all_tools() {
        let hints = tool.to_mcp_tool().annotations.expect("annotations");
        assert_eq!(
            hints.read_only_hint,
            Some(tool.action == Action::Read),
            "{}",
            tool.name
        );
        if tool.action == Action::Read {
            assert_eq!(hints.destructive_hint, None, "{}", tool.name);
        } else {
            assert_eq!(
                hints.destructive_hint,
                Some(tool.action != Action::Create),
                "{}",
                tool.name
            );
            assert_eq!(
                hints.idempotent_hint,
                Some(tool.action != Action::Create),
                "{}",
                tool.name
            );
        }
    }
}

#[test]
fn advertised_tools_match_the_snapshot() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/tools.json");
    let current: BTreeMap<String, Value> = all_tools()
        .map(|t| {
            (
                t.name.to_string(),
                serde_json::to_value(t.to_mcp_tool()).expect("a tool serializes"),
            )
        })
        .collect();
    let text = serde_json::to_string_pretty(&current).expect("snapshot serializes") + "\n";
    if std::env::var_os("ZSCALER_MCP_ACCEPT_SNAPSHOT").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("snapshot dir");
        std::fs::write(&path, &text).expect("snapshot written");
        return;
    }
    let saved: BTreeMap<String, Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let mut drift = Vec::new();
    for (name, tool) in &current {
        match saved.get(name) {
            None => drift.push(format!("new tool {name}")),
            Some(old) if old != tool => drift.push(format!("changed tool {name}")),
            _ => {}
        }
    }
    for name in saved.keys() {
        if !current.contains_key(name) {
            drift.push(format!("removed tool {name}"));
        }
    }
    assert!(
        drift.is_empty(),
        "the advertised tools drifted from tests/snapshots/tools.json ({} change(s)):\n{}\n\
         Review the change, then accept it: ZSCALER_MCP_ACCEPT_SNAPSHOT=1 cargo test --test catalog",
        drift.len(),
        drift.join("\n")
    );
}
