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
    Action, Handler, Param, ParamType, Rule, Target, ToolDeclaration, When, all_tools, conventions,
    schema::QUERY_PARAM,
};
use zscaler_mcp::executor::arguments;
use zscaler_mcp::executor::request::{holds, select};

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
    // IncidentsWithIdGroupBy, IncidentsGroupBy).
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
    ("zins_get_cyber_incidents", "categorize_by"),
    // ZIA: the API's enums (cloud app rule types, rule actions, super categories, network
    // service protocols, category kinds, sanction states, report detail levels, weekdays).
    ("zia_create_cloud_app_control_rule", "rule_type"),
    ("zia_delete_cloud_app_control_rule", "rule_type"),
    ("zia_get_cloud_app_control_rule", "rule_type"),
    ("zia_list_cloud_app_control_actions", "rule_type"),
    ("zia_list_cloud_app_control_rules", "rule_type"),
    ("zia_update_cloud_app_control_rule", "rule_type"),
    ("zia_create_cloud_firewall_rule", "action"),
    ("zia_update_cloud_firewall_rule", "action"),
    ("zia_create_cloud_firewall_dns_rule", "action"),
    ("zia_update_cloud_firewall_dns_rule", "action"),
    ("zia_create_cloud_firewall_ips_rule", "action"),
    ("zia_update_cloud_firewall_ips_rule", "action"),
    ("zia_create_file_type_control_rule", "action"),
    ("zia_update_file_type_control_rule", "action"),
    ("zia_create_sandbox_rule", "action"),
    ("zia_update_sandbox_rule", "action"),
    ("zia_create_ssl_inspection_rule", "action"),
    ("zia_update_ssl_inspection_rule", "action"),
    ("zia_create_url_filtering_rule", "action"),
    ("zia_update_url_filtering_rule", "action"),
    ("zia_create_web_dlp_rule", "action"),
    ("zia_update_web_dlp_rule", "action"),
    ("zia_create_url_category", "super_category"),
    ("zia_list_url_categories", "type"),
    ("zia_list_network_services", "protocol"),
    ("zia_bulk_update_shadow_it_apps", "sanction_state"),
    ("zia_get_sandbox_report", "report_details"),
    ("zia_create_time_interval", "days_of_week"),
    ("zia_update_time_interval", "days_of_week"),
    // ZPA: policy rule actions per policy type, LSS log type codes, group settings.
    ("zpa_create_access_policy_rule", "action_type"),
    ("zpa_update_access_policy_rule", "action_type"),
    ("zpa_create_app_protection_rule", "action_type"),
    ("zpa_update_app_protection_rule", "action_type"),
    ("zpa_create_forwarding_policy_rule", "action_type"),
    ("zpa_update_forwarding_policy_rule", "action_type"),
    ("zpa_create_isolation_policy_rule", "action_type"),
    ("zpa_update_isolation_policy_rule", "action_type"),
    ("zpa_create_timeout_policy_rule", "action_type"),
    ("zpa_update_timeout_policy_rule", "action_type"),
    ("zpa_get_lss_log_format", "log_type"),
    ("zpa_create_app_connector_group", "dns_query_type"),
    ("zpa_update_app_connector_group", "dns_query_type"),
    ("zpa_create_app_connector_group", "upgrade_day"),
    ("zpa_update_app_connector_group", "upgrade_day"),
    ("zpa_create_service_edge_group", "upgrade_day"),
    ("zpa_update_service_edge_group", "upgrade_day"),
    ("zpa_create_service_edge_group", "grace_distance_value_unit"),
    ("zpa_update_service_edge_group", "grace_distance_value_unit"),
    // ZTW: network service protocols, public clouds.
    ("ztw_list_network_services", "protocol"),
    ("ztw_list_public_cloud_info", "cloud_type"),
    // ZCell: audit visibility (as zcell_list_audit_metadata lists it), IMEI lock state.
    ("zcell_list_audit_customers_search", "visibility"),
    ("zcell_list_sims", "imei_status"),
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

/// The `{placeholders}` of a path template.
fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Every argument a [`When`] names.
fn when_args(when: &When, out: &mut BTreeSet<&'static str>) {
    match *when {
        When::Always => {}
        When::Has(n) | When::Lacks(n) => {
            out.insert(n);
        }
        When::Is(n, _) => {
            out.insert(n);
        }
        When::Both(a, b) => {
            when_args(a, out);
            when_args(b, out);
        }
    }
}

/// The values a condition compares `name` with ([`When::Is`]).
fn when_values(when: &When, name: &str, out: &mut BTreeSet<&'static str>) {
    match *when {
        When::Is(n, v) if n == name => {
            out.insert(v);
        }
        When::Both(a, b) => {
            when_values(a, name, out);
            when_values(b, name, out);
        }
        _ => {}
    }
}

/// The text a condition or fixed set names, as a value of the parameter's type.
fn typed(p: &Param, text: &str) -> Value {
    match p.ty {
        ParamType::Boolean => json!(text == "true"),
        ParamType::Integer => text.parse::<i64>().map_or(json!(text), |n| json!(n)),
        ParamType::Number => text.parse::<f64>().map_or(json!(text), |n| json!(n)),
        ParamType::StringArray => json!([text]),
        _ => json!(text),
    }
}

/// A value every per-parameter check accepts.
fn typical(p: &Param) -> Value {
    if let Some(v) = p.one_of.first() {
        return typed(p, v);
    }
    let n = p.min.unwrap_or(1).max(1).min(p.max.unwrap_or(i64::MAX));
    match p.ty {
        ParamType::String => json!("x1"),
        ParamType::Integer => json!(n),
        ParamType::Number => json!(n as f64 + 0.5),
        ParamType::Boolean => json!(true),
        ParamType::Object | ParamType::Any => json!({}),
        ParamType::StringArray => json!(["x1"]),
        ParamType::ObjectArray => json!([{}]),
        ParamType::StringArrays => json!([["x1"]]),
        ParamType::IntegerArray => json!([n]),
    }
}

/// A route is chosen by the arguments (`When`), and its path names arguments: for every tool
/// with such routes, every combination of the arguments that choose (or fill a path) either
/// selects a route that has every value its path needs, or is refused by a declared rule before
/// any request. No tool may answer "these arguments select no operation", or send a request
/// with a path it cannot fill.
#[test]
fn every_combination_of_choosing_arguments_selects_a_route_or_breaks_a_declared_rule() {
    let mut problems = Vec::new();
    let mut tools_checked = 0;
    for tool in all_tools() {
        let Handler::Routes(routes) = tool.handler else {
            continue;
        };
        let Some(service) = tool.service else {
            continue;
        };
        let tenant = conventions(service).tenant_id.map(|t| t.placeholder);
        let param = |n: &str| tool.params.iter().find(|p| p.name == n);
        // The arguments that choose a route or fill a path.
        let mut choosing = BTreeSet::new();
        for r in routes {
            when_args(&r.when, &mut choosing);
            for l in r.lookups {
                when_args(&l.when, &mut choosing);
            }
            for n in placeholders(r.path) {
                choosing.insert(n);
            }
        }
        for rule in tool.rules {
            choosing.extend(rule.arguments());
        }
        let choosing: Vec<&Param> = choosing
            .into_iter()
            .filter_map(param)
            .filter(|p| !p.required || !p.one_of.is_empty())
            .collect();
        if choosing.is_empty() && routes.len() < 2 {
            continue;
        }
        tools_checked += 1;
        // Each choosing argument's states: absent (unless required), each value a condition
        // or its fixed set names, or one typical value.
        let states: Vec<Vec<Option<Value>>> = choosing
            .iter()
            .map(|p| {
                let mut values = BTreeSet::new();
                for r in routes {
                    when_values(&r.when, p.name, &mut values);
                }
                for rule in tool.rules {
                    if let Rule::Needs(w, _) = rule {
                        when_values(w, p.name, &mut values);
                    }
                }
                values.extend(p.one_of.iter().copied());
                let mut out: Vec<Option<Value>> = if values.is_empty() {
                    vec![Some(typical(p))]
                } else {
                    // A string list's fixed set names its items.
                    values.into_iter().map(|v| Some(typed(p, v))).collect()
                };
                if !p.required {
                    out.push(None);
                }
                out
            })
            .collect();
        let total: usize = states.iter().map(Vec::len).product();
        assert!(
            total <= 4096,
            "{}: {total} combinations of {:?}",
            tool.name,
            choosing.iter().map(|p| p.name).collect::<Vec<_>>()
        );
        for i in 0..total {
            let mut args = serde_json::Map::new();
            for p in tool.params.iter().filter(|p| p.required) {
                args.insert(p.name.to_string(), typical(p));
            }
            let mut rest = i;
            for (p, s) in choosing.iter().zip(&states) {
                match &s[rest % s.len()] {
                    Some(v) => {
                        args.insert(p.name.to_string(), v.clone());
                    }
                    None => {
                        args.remove(p.name);
                    }
                }
                rest /= s.len();
            }
            let shown = Value::Object(args.clone());
            let valid = match arguments::validate(tool, Some(&args)) {
                Ok(valid) => valid,
                Err(e) if e.starts_with("Invalid arguments:") => continue,
                Err(e) => {
                    problems.push(format!("{} {shown}: refused otherwise: {e}", tool.name));
                    continue;
                }
            };
            let Some(route) = select(routes, &valid) else {
                problems.push(format!(
                    "{} {shown}: selects no route and breaks no declared rule",
                    tool.name
                ));
                continue;
            };
            let looked_up: Vec<&str> = route
                .lookups
                .iter()
                .filter(|l| holds(&l.when, &valid))
                .filter_map(|l| match l.into {
                    Target::Path(n) => Some(n),
                    Target::Body(_) => None,
                })
                .collect();
            let paths = std::iter::once(route.path)
                .chain(route.merge_from)
                .chain(route.read_back)
                .chain(
                    route
                        .lookups
                        .iter()
                        .filter(|l| holds(&l.when, &valid))
                        .map(|l| l.path),
                );
            for path in paths {
                for n in placeholders(path) {
                    let filled = n.starts_with('@')
                        || Some(n) == tenant
                        || looked_up.contains(&n)
                        || valid.contains_key(n);
                    if !filled {
                        problems.push(format!(
                            "{} {shown}: {} {path} lacks '{n}' and no declared rule says so",
                            tool.name,
                            route.verb.method()
                        ));
                    }
                }
            }
        }
    }
    assert!(tools_checked > 20, "only {tools_checked} tools checked");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A rule is said where the caller reads it: every argument a declared rule names has a
/// description that names another argument of the rule.
#[test]
fn every_declared_rule_is_stated_in_its_parameters_descriptions() {
    let mut problems = Vec::new();
    for tool in all_tools() {
        for rule in tool.rules {
            let names = rule.arguments();
            for n in &names {
                let Some(p) = tool.params.iter().find(|p| p.name == *n) else {
                    problems.push(format!("{}: rule {rule:?} names unknown '{n}'", tool.name));
                    continue;
                };
                let says = names
                    .iter()
                    .any(|other| other != n && p.description.contains(other));
                if !says {
                    problems.push(format!(
                        "{}.{n}: description {:?} does not state {rule:?}",
                        tool.name, p.description
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
