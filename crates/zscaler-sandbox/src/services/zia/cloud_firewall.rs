//! ZIA `zia_cloud_firewall` endpoints: firewall filtering, DNS and IPS rules, and the firewall
//! objects they reference (IP source/destination groups, network services and service groups,
//! network applications and application groups, custom IPS signature rules).
//!
//! The rule helpers it shares with the other ZIA policy-rule modules (sandbox, SSL inspection,
//! file type control) live in `common`.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{
    call_with_body, crud_routes, default_rule_flags_and_stamp, guard_delete, rule_record,
    rule_write, seeded_refs, standard_admin_ref,
};
use super::zia;
use crate::engine::{self, Call, Filter, IdKind, Match, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

pub static NETWORK_SERVICES: ResourceDef = ResourceDef {
    complete: complete_network_service,
    ..zia("zia.network_services", seed_network_services)
};

pub static NETWORK_SERVICE_GROUPS: ResourceDef = ResourceDef {
    complete: complete_named_object,
    ..zia("zia.network_service_groups", seed_network_service_groups)
};

pub static NETWORK_APPS: ResourceDef = ResourceDef {
    id_kind: IdKind::Slug,
    name_field: None,
    unique_name: false,
    required: &["id"],
    // The real API matches `search` against the application's description.
    filters: &[Filter {
        param: "search",
        field: "description",
        how: Match::Contains,
    }],
    needs_activation: false,
    ..zia("zia.network_apps", seed_network_apps)
};

pub static NETWORK_APP_GROUPS: ResourceDef = ResourceDef {
    complete: complete_named_object,
    ..zia("zia.network_app_groups", seed_network_app_groups)
};

pub static IP_SOURCE_GROUPS: ResourceDef = ResourceDef {
    complete: complete_ip_source_group,
    ..zia("zia.ip_source_groups", seed_ip_source_groups)
};

pub static IP_DESTINATION_GROUPS: ResourceDef = ResourceDef {
    complete: complete_ip_destination_group,
    ..zia("zia.ip_destination_groups", seed_ip_destination_groups)
};

pub static IPS_SIGNATURE_RULES: ResourceDef = ResourceDef {
    complete: complete_named_object,
    ..zia("zia.ips_signature_rules", seed_ips_signature_rules)
};

pub static FIREWALL_RULES: ResourceDef = ResourceDef {
    complete: default_rule_flags_and_stamp,
    ..zia("zia.firewall_rules", seed_firewall_rules)
};

pub static DNS_RULES: ResourceDef = ResourceDef {
    complete: complete_dns_rule,
    ..zia("zia.firewall_dns_rules", seed_dns_rules)
};

pub static IPS_RULES: ResourceDef = ResourceDef {
    complete: complete_ips_rule,
    ..zia("zia.firewall_ips_rules", seed_ips_rules)
};

/// In seeding order: objects before the rules that reference them.
pub static RESOURCES: &[&ResourceDef] = &[
    &NETWORK_SERVICES,
    &NETWORK_SERVICE_GROUPS,
    &NETWORK_APPS,
    &NETWORK_APP_GROUPS,
    &IP_SOURCE_GROUPS,
    &IP_DESTINATION_GROUPS,
    &IPS_SIGNATURE_RULES,
    &FIREWALL_RULES,
    &DNS_RULES,
    &IPS_RULES,
];

pub fn routes() -> Vec<Route> {
    let mut all = Vec::new();
    all.extend(crud_routes(
        "/zia/api/v1/firewallFilteringRules",
        "/zia/api/v1/firewallFilteringRules/{ruleId}",
        &FIREWALL_RULES,
        [
            create_firewall_rule,
            replace_firewall_rule,
            delete_firewall_rule,
        ],
    ));
    all.extend(crud_routes(
        "/zia/api/v1/firewallDnsRules",
        "/zia/api/v1/firewallDnsRules/{ruleId}",
        &DNS_RULES,
        [create_dns_rule, replace_dns_rule, delete_dns_rule],
    ));
    all.extend(crud_routes(
        "/zia/api/v1/firewallIpsRules",
        "/zia/api/v1/firewallIpsRules/{ruleId}",
        &IPS_RULES,
        [create_ips_rule, replace_ips_rule, delete_ips_rule],
    ));
    all.extend(crud_routes(
        "/zia/api/v1/ipSourceGroups",
        "/zia/api/v1/ipSourceGroups/{groupId}",
        &IP_SOURCE_GROUPS,
        [create_ip_source, replace_ip_source, delete_ip_source],
    ));
    all.extend(crud_routes(
        "/zia/api/v1/ipDestinationGroups",
        "/zia/api/v1/ipDestinationGroups/{groupId}",
        &IP_DESTINATION_GROUPS,
        [create_ip_dest, replace_ip_dest, delete_ip_dest],
    ));
    all.extend(crud_routes(
        "/zia/api/v1/ipsSignatureRules",
        "/zia/api/v1/ipsSignatureRules/{ruleId}",
        &IPS_SIGNATURE_RULES,
        [create_signature, replace_signature, delete_signature],
    ));
    all.push(Route::new(
        Method::POST,
        "/zia/api/v1/ipsSignatureRules/validateRuleText",
        Op::Custom(validate_rule_text),
    ));
    all.extend(crud_routes(
        "/zia/api/v1/networkServices",
        "/zia/api/v1/networkServices/{serviceId}",
        &NETWORK_SERVICES,
        [create_service, replace_service, delete_service],
    ));
    // `protocol` is not a plain field filter: it selects services with ports of that protocol.
    all.retain(|r| !(r.method == Method::GET && r.template == "/zia/api/v1/networkServices"));
    all.push(Route::new(
        Method::GET,
        "/zia/api/v1/networkServices",
        Op::Custom(list_services),
    ));
    all.extend(crud_routes(
        "/zia/api/v1/networkServiceGroups",
        "/zia/api/v1/networkServiceGroups/{groupId}",
        &NETWORK_SERVICE_GROUPS,
        [
            create_service_group,
            replace_service_group,
            delete_service_group,
        ],
    ));
    all.extend(crud_routes(
        "/zia/api/v1/networkApplicationGroups",
        "/zia/api/v1/networkApplicationGroups/{groupId}",
        &NETWORK_APP_GROUPS,
        [create_app_group, replace_app_group, delete_app_group],
    ));
    all.push(Route::new(
        Method::GET,
        "/zia/api/v1/networkApplications",
        Op::List(&NETWORK_APPS),
    ));
    all.push(Route::new(
        Method::GET,
        "/zia/api/v1/networkApplications/{appId}",
        Op::Get(&NETWORK_APPS),
    ));
    all
}

fn complete_dns_rule(rule: &mut Map<String, Value>, now: i64) {
    default_rule_flags_and_stamp(rule, now);
}

fn complete_ips_rule(rule: &mut Map<String, Value>, now: i64) {
    rule.entry("action").or_insert(json!("BLOCK_DROP"));
    default_rule_flags_and_stamp(rule, now);
}

fn object_of(call: &Call<'_>) -> Result<Map<String, Value>, ApiError> {
    match call.body {
        Some(Value::Object(map)) => Ok(map.clone()),
        _ => Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        )),
    }
}

fn complete_named_object(map: &mut Map<String, Value>, now: i64) {
    map.entry("description").or_insert(Value::Null);
    map.insert("lastModifiedTime".into(), json!(now));
    map.insert("lastModifiedBy".into(), standard_admin_ref());
}

fn write(def: &'static ResourceDef, call: &mut Call<'_>) -> Result<Reply, ApiError> {
    if *call.method == Method::POST {
        engine::create(def, call)
    } else {
        engine::replace(def, call)
    }
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

const FIREWALL_ACTIONS: &[&str] = &[
    "ALLOW",
    "BLOCK_DROP",
    "BLOCK_RESET",
    "BLOCK_ICMP",
    "EVAL_NWAPP",
];
const DNS_ACTIONS: &[&str] = &[
    "ALLOW",
    "BLOCK",
    "REDIR_REQ",
    "REDIR_RES",
    "REDIR_ZPA",
    "REQ_BLOCK",
    "RES_BLOCK",
];
const IPS_ACTIONS: &[&str] = &["ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BYPASS_IPS"];

fn create_firewall_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&FIREWALL_RULES, FIREWALL_ACTIONS, call)
}
fn replace_firewall_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&FIREWALL_RULES, FIREWALL_ACTIONS, call)
}
fn delete_firewall_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&FIREWALL_RULES, call)
}
fn create_dns_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&DNS_RULES, DNS_ACTIONS, call)
}
fn replace_dns_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&DNS_RULES, DNS_ACTIONS, call)
}
fn delete_dns_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&DNS_RULES, call)
}
fn create_ips_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&IPS_RULES, IPS_ACTIONS, call)
}
fn replace_ips_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    rule_write(&IPS_RULES, IPS_ACTIONS, call)
}
fn delete_ips_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&IPS_RULES, call)
}

fn seed_firewall_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 6] = [
        "Block Tor",
        "Allow DNS",
        "Block P2P",
        "Allow Office 365",
        "Block Risky Countries",
        "Allow Internal",
    ];
    let n = NAMES.len();
    let mut rules: Vec<Value> = (0..n)
        .map(|i| {
            let name = match NAMES.get(i) {
                Some(name) => name.to_string(),
                None => format!("Firewall rule {i:05}"),
            };
            let action = if name.starts_with("Allow") {
                "ALLOW"
            } else {
                "BLOCK_DROP"
            };
            let mut rule = rule_record(s, &name, i + 1, action);
            rule.insert(
                "nwServices".into(),
                json!(seeded_refs(s, "zia.network_services", 2)),
            );
            rule.insert(
                "srcIpGroups".into(),
                json!(seeded_refs(s, "zia.ip_source_groups", 1)),
            );
            rule.insert(
                "destIpGroups".into(),
                json!(seeded_refs(s, "zia.ip_destination_groups", 1)),
            );
            if name == "Block Risky Countries" {
                rule.insert("destCountries".into(), json!(["COUNTRY_KP", "COUNTRY_IR"]));
            }
            rule.insert("excludeSrcCountries".into(), json!(false));
            rule.insert("sourceCountries".into(), json!([]));
            Value::Object(rule)
        })
        .collect();
    let mut default = rule_record(s, "Default Firewall Filtering Rule", n + 1, "ALLOW");
    default.insert("order".into(), json!(-1));
    default.insert("state".into(), json!("ENABLED"));
    default.insert("predefined".into(), json!(true));
    default.insert("defaultRule".into(), json!(true));
    default.insert("excludeSrcCountries".into(), json!(false));
    default.insert("sourceCountries".into(), json!([]));
    default.insert(
        "description".into(),
        json!("Default firewall filtering rule"),
    );
    rules.push(Value::Object(default));
    rules
}

fn seed_dns_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [(&str, &str); 5] = [
        ("Block DNS Tunnels", "BLOCK"),
        ("Redirect Guest DNS", "REDIR_REQ"),
        ("Allow Corporate Resolvers", "ALLOW"),
        ("Block Newly Registered Domains", "BLOCK"),
        ("Allow Partner Domains", "ALLOW"),
    ];
    let n = NAMES.len();
    let mut rules: Vec<Value> = (0..n)
        .map(|i| {
            let (name, action) = match NAMES.get(i) {
                Some((name, action)) => (name.to_string(), *action),
                None => (format!("DNS rule {i:05}"), "ALLOW"),
            };
            let mut rule = rule_record(s, &name, i + 1, action);
            let redirect = (action == "REDIR_REQ").then(|| "10.10.0.53".to_string());
            rule.insert("redirectIp".into(), json!(redirect));
            rule.insert("protocols".into(), json!(["ANY_RULE"]));
            rule.insert("dnsRuleRequestTypes".into(), json!([]));
            rule.insert("applications".into(), json!([]));
            rule.insert("applicationGroups".into(), json!([]));
            rule.insert("capturePCAP".into(), json!(false));
            rule.insert("blockResponseCode".into(), json!(null));
            rule.insert(
                "destIpGroups".into(),
                json!(seeded_refs(s, "zia.ip_destination_groups", 1)),
            );
            Value::Object(rule)
        })
        .collect();
    for (name, order) in [
        ("Fallback Rule (DNS)", -2),
        ("Default Firewall DNS Rule", -1),
    ] {
        let mut rule = rule_record(s, name, n + 1, "ALLOW");
        rule.insert("order".into(), json!(order));
        rule.insert("state".into(), json!("ENABLED"));
        rule.insert("predefined".into(), json!(true));
        rule.insert("defaultRule".into(), json!(true));
        rule.insert("redirectIp".into(), json!(null));
        rule.insert("protocols".into(), json!(["ANY_RULE"]));
        rule.insert("dnsRuleRequestTypes".into(), json!([]));
        rule.insert("applications".into(), json!([]));
        rule.insert("applicationGroups".into(), json!([]));
        rule.insert("capturePCAP".into(), json!(false));
        rule.insert("blockResponseCode".into(), json!(null));
        rule.insert("description".into(), json!(name));
        rules.push(Value::Object(rule));
    }
    rules
}

fn seed_ips_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [(&str, &str); 4] = [
        ("Block Botnet Callbacks", "BLOCK_DROP"),
        ("Reset Exploit Kits", "BLOCK_RESET"),
        ("Bypass IPS for Backups", "BYPASS_IPS"),
        ("Allow Scanner Subnet", "ALLOW"),
    ];
    const THREATS: [&str; 5] = [
        "BOTNET",
        "EXPLOIT_KIT",
        "MALWARE",
        "PHISHING",
        "CRYPTOMINING",
    ];
    let n = NAMES.len();
    let mut rules: Vec<Value> = (0..n)
        .map(|i| {
            let (name, action) = match NAMES.get(i) {
                Some((name, action)) => (name.to_string(), *action),
                None => (format!("IPS rule {i:05}"), "BLOCK_DROP"),
            };
            let mut rule = rule_record(s, &name, i + 1, action);
            let threats = s.pick_some(&THREATS, 2);
            rule.insert("threatCategories".into(), json!(threats));
            rule.insert("capturePCAP".into(), json!(false));
            rule.insert(
                "nwServices".into(),
                json!(seeded_refs(s, "zia.network_services", 2)),
            );
            Value::Object(rule)
        })
        .collect();
    let mut default = rule_record(s, "Default Cloud IPS Rule", n + 1, "ALLOW");
    default.insert("order".into(), json!(-1));
    default.insert("state".into(), json!("ENABLED"));
    default.insert("predefined".into(), json!(true));
    default.insert("defaultRule".into(), json!(true));
    default.insert("threatCategories".into(), json!([]));
    default.insert("capturePCAP".into(), json!(false));
    default.insert("description".into(), json!("Default cloud IPS rule"));
    rules.push(Value::Object(default));
    rules
}

// ---------------------------------------------------------------------------------------------
// IP source and destination groups
// ---------------------------------------------------------------------------------------------

const DESTINATION_TYPES: &[&str] = &["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"];

fn complete_ip_source_group(map: &mut Map<String, Value>, _: i64) {
    map.entry("ipAddresses").or_insert(json!([]));
    map.entry("description").or_insert(Value::Null);
    map.entry("isNonEditable").or_insert(json!(false));
}

fn complete_ip_destination_group(map: &mut Map<String, Value>, _: i64) {
    map.entry("type").or_insert(json!("DSTN_IP"));
    map.entry("addresses").or_insert(json!([]));
    map.entry("countries").or_insert(json!([]));
    map.entry("ipCategories").or_insert(json!([]));
    map.entry("description").or_insert(Value::Null);
    map.entry("isNonEditable").or_insert(json!(false));
}

fn check_string_list(body: &Map<String, Value>, field: &str) -> Result<(), ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(()),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => Ok(()),
        Some(_) => Err(engine::invalid(
            Product::Zia,
            format!("Invalid value for '{field}': expected a list of strings"),
        )),
    }
}

fn ip_source_write(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = object_of(call)?;
    check_string_list(&body, "ipAddresses")?;
    write(&IP_SOURCE_GROUPS, call)
}
fn create_ip_source(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    ip_source_write(call)
}
fn replace_ip_source(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    ip_source_write(call)
}
fn delete_ip_source(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&IP_SOURCE_GROUPS, call)
}

fn ip_dest_write(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = object_of(call)?;
    if let Some(kind) = body.get("type").filter(|v| !v.is_null())
        && !kind
            .as_str()
            .is_some_and(|k| DESTINATION_TYPES.contains(&k))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!(
                "Invalid value {kind} for 'type': expected one of {}",
                DESTINATION_TYPES.join(", ")
            ),
        ));
    }
    for field in ["addresses", "countries", "ipCategories"] {
        check_string_list(&body, field)?;
    }
    write(&IP_DESTINATION_GROUPS, call)
}
fn create_ip_dest(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    ip_dest_write(call)
}
fn replace_ip_dest(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    ip_dest_write(call)
}
fn delete_ip_dest(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&IP_DESTINATION_GROUPS, call)
}

fn seed_ip_source_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 5] = [
        "HQ Office Subnets",
        "Branch Offices",
        "Data Center Servers",
        "Guest WiFi",
        "VPN Pool",
    ];
    let n = NAMES.len();
    (0..n)
        .map(|i| {
            let name = match NAMES.get(i) {
                Some(name) => name.to_string(),
                None => format!("Source group {i:05}"),
            };
            let count = s.int(1, 4);
            let addresses: Vec<String> = (0..count)
                .map(|k| {
                    if k == 0 {
                        format!("10.{}.0.0/16", s.int(0, 255))
                    } else {
                        s.ipv4()
                    }
                })
                .collect();
            json!({
                "name": name,
                "description": s.text(&format!("{name} (seeded)")),
                "ipAddresses": addresses,
                "isNonEditable": false,
            })
        })
        .collect()
}

fn seed_ip_destination_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const GROUPS: [(&str, &str); 5] = [
        ("SaaS Collaboration", "DSTN_FQDN"),
        ("Partner Networks", "DSTN_IP"),
        ("Sanctioned Countries", "DSTN_OTHER"),
        ("Update Servers", "DSTN_DOMAIN"),
        ("Public DNS Resolvers", "DSTN_IP"),
    ];
    let n = GROUPS.len();
    (0..n)
        .map(|i| {
            let (name, kind) = match GROUPS.get(i) {
                Some((name, kind)) => (name.to_string(), *kind),
                None => (format!("Destination group {i:05}"), "DSTN_IP"),
            };
            let (addresses, countries, categories) = match (name.as_str(), kind) {
                ("Public DNS Resolvers", _) => (
                    json!(["8.8.8.8", "1.1.1.1", "9.9.9.9"]),
                    json!([]),
                    json!([]),
                ),
                (_, "DSTN_FQDN") => (
                    json!(["teams.microsoft.com", "zoom.us", "slack.com"]),
                    json!([]),
                    json!([]),
                ),
                (_, "DSTN_DOMAIN") => (
                    json!(["*.windowsupdate.com", "*.apple.com"]),
                    json!([]),
                    json!([]),
                ),
                (_, "DSTN_OTHER") => (
                    json!([]),
                    json!(["COUNTRY_KP", "COUNTRY_IR", "COUNTRY_SY"]),
                    json!(["ANONYMIZER"]),
                ),
                _ => (
                    json!([s.public_ipv4(), format!("198.51.100.0/{}", s.int(24, 28))]),
                    json!([]),
                    json!([]),
                ),
            };
            json!({
                "name": name,
                "type": kind,
                "description": s.text(&format!("{name} (seeded)")),
                "addresses": addresses,
                "countries": countries,
                "ipCategories": categories,
                "isNonEditable": false,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Custom IPS signature rules
// ---------------------------------------------------------------------------------------------

/// A Snort-style rule: `<action> <protocol> <src> <port> -> <dst> <port> (... sid:N; ...)`.
fn rule_text_error(text: &str) -> Option<String> {
    const ACTIONS: [&str; 5] = ["alert", "drop", "pass", "reject", "log"];
    const PROTOCOLS: [&str; 5] = ["tcp", "udp", "icmp", "ip", "http"];
    let text = text.trim();
    let mut words = text.split_whitespace();
    let action = words.next().unwrap_or_default();
    let protocol = words.next().unwrap_or_default();
    if !ACTIONS.contains(&action) {
        return Some(format!(
            "Invalid rule action '{action}': expected one of {}",
            ACTIONS.join(", ")
        ));
    }
    if !PROTOCOLS.contains(&protocol) {
        return Some(format!("Invalid rule protocol '{protocol}'"));
    }
    if !text.contains("->") && !text.contains("<>") {
        return Some("Missing direction operator '->'".to_string());
    }
    let (Some(open), true) = (text.find('('), text.ends_with(')')) else {
        return Some("Rule options must be enclosed in parentheses".to_string());
    };
    let options = &text[open..];
    if !options.contains("sid:") {
        return Some("Rule options must contain a 'sid'".to_string());
    }
    if !options.contains("msg:") {
        return Some("Rule options must contain a 'msg'".to_string());
    }
    None
}

fn rule_text_of(body: &Map<String, Value>) -> Result<&str, ApiError> {
    match body.get("ruleText") {
        Some(Value::String(t)) if !t.trim().is_empty() => Ok(t),
        _ => Err(engine::invalid(
            Product::Zia,
            "Missing required field 'ruleText'",
        )),
    }
}

/// `POST /ipsSignatureRules/validateRuleText`: `{"status": 0, "errMsg": null}` when valid.
fn validate_rule_text(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = object_of(call)?;
    let text = rule_text_of(&body)?;
    Ok(Reply::ok(match rule_text_error(text) {
        None => json!({"status": 0, "errMsg": null}),
        Some(message) => json!({"status": 1, "errMsg": message}),
    }))
}

fn signature_write(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = object_of(call)?;
    let text = rule_text_of(&body)?;
    if let Some(message) = rule_text_error(text) {
        return Err(engine::invalid(
            Product::Zia,
            format!("Invalid 'ruleText': {message}"),
        ));
    }
    write(&IPS_SIGNATURE_RULES, call)
}
fn create_signature(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    signature_write(call)
}
fn replace_signature(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    signature_write(call)
}
fn delete_signature(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&IPS_SIGNATURE_RULES, call)
}

fn seed_ips_signature_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const RULES: [(&str, &str); 3] = [
        (
            "Detect Log4Shell JNDI",
            "alert tcp any any -> any any (msg:\"Log4Shell JNDI lookup\"; content:\"${jndi:\"; nocase; sid:1000001; rev:1;)",
        ),
        (
            "Block Legacy SMBv1",
            "drop tcp any any -> any 445 (msg:\"SMBv1 negotiate\"; content:\"|FF|SMB\"; sid:1000002; rev:2;)",
        ),
        (
            "Detect Cobalt Strike Beacon",
            "alert http any any -> any any (msg:\"Cobalt Strike default URI\"; content:\"/submit.php?id=\"; sid:1000003; rev:1;)",
        ),
    ];
    RULES
        .iter()
        .map(|(name, text)| {
            json!({
                "name": name,
                "ruleText": text,
                "description": s.text(&format!("{name} (seeded)")),
                "lastModifiedTime": s.epoch_within(60),
                "lastModifiedBy": standard_admin_ref(),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Network services and service groups
// ---------------------------------------------------------------------------------------------

const PORT_FIELDS: [&str; 4] = ["srcTcpPorts", "destTcpPorts", "srcUdpPorts", "destUdpPorts"];

fn complete_network_service(map: &mut Map<String, Value>, _: i64) {
    for field in PORT_FIELDS {
        map.entry(field).or_insert(json!([]));
    }
    map.entry("type").or_insert(json!("CUSTOM"));
    map.entry("tag").or_insert(Value::Null);
    map.entry("description").or_insert(Value::Null);
    map.entry("isNameL10nTag").or_insert(json!(false));
    map.entry("creatorContext").or_insert(json!("ZIA"));
}

fn check_ports(body: &Map<String, Value>) -> Result<(), ApiError> {
    let mut any = false;
    for field in PORT_FIELDS {
        let Some(list) = body.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let Some(ranges) = list.as_array() else {
            return Err(engine::invalid(
                Product::Zia,
                format!("Invalid value for '{field}': expected a list of {{\"start\", \"end\"}}"),
            ));
        };
        for range in ranges {
            let start = range.get("start").and_then(Value::as_i64);
            let end = range
                .get("end")
                .filter(|v| !v.is_null())
                .map(|v| v.as_i64());
            let ok = match (start, end) {
                (Some(s), None) => (1..=65_535).contains(&s),
                (Some(s), Some(Some(e))) => (1..=65_535).contains(&s) && (s..=65_535).contains(&e),
                _ => false,
            };
            if !ok {
                return Err(engine::invalid(
                    Product::Zia,
                    format!(
                        "Invalid port range {range} in '{field}': ports are 1 to 65535 and start <= end"
                    ),
                ));
            }
            any = true;
        }
    }
    if !any {
        return Err(engine::invalid(
            Product::Zia,
            "At least one port range is required (srcTcpPorts, destTcpPorts, srcUdpPorts or destUdpPorts)",
        ));
    }
    Ok(())
}

fn service_write(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut body = object_of(call)?;
    check_ports(&body)?;
    if *call.method == Method::PUT {
        let id = call.params.last().unwrap_or_default().to_string();
        let existing = engine::record(call.tenant, &NETWORK_SERVICES, &id)
            .ok_or_else(|| engine::not_found(&NETWORK_SERVICES, &id))?;
        if existing.get("type").and_then(Value::as_str) == Some("PREDEFINED") {
            return Err(engine::invalid(
                Product::Zia,
                format!("Network service {id} is predefined and cannot be modified"),
            ));
        }
        if let Some(kind) = existing.get("type") {
            body.insert("type".into(), kind.clone());
        }
    } else {
        body.insert("type".into(), json!("CUSTOM"));
    }
    call_with_body(call, &Value::Object(body), |c| write(&NETWORK_SERVICES, c))
}
fn create_service(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    service_write(call)
}
fn replace_service(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    service_write(call)
}
fn delete_service(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&NETWORK_SERVICES, call)
}

/// `GET /networkServices?search=&protocol=`: `protocol` (TCP, UDP, ICMP, ...) keeps services
/// carrying ports of that protocol.
fn list_services(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut records = engine::visible(&NETWORK_SERVICES, call.params, call.query, call.tenant);
    if let Some(protocol) = call.query.first("protocol").filter(|p| !p.is_empty()) {
        let protocol = protocol.to_ascii_uppercase();
        let fields: &[&str] = match protocol.as_str() {
            "TCP" => &["srcTcpPorts", "destTcpPorts"],
            "UDP" => &["srcUdpPorts", "destUdpPorts"],
            "ICMP" | "GRE" | "ESP" | "OTHER" => &[],
            _ => {
                return Err(engine::invalid(
                    Product::Zia,
                    format!(
                        "Invalid value '{protocol}' for 'protocol': expected TCP, UDP, ICMP, GRE, ESP or OTHER"
                    ),
                ));
            }
        };
        records.retain(|r| {
            if fields.is_empty() {
                let tag = r.get("tag").and_then(Value::as_str).unwrap_or_default();
                let name = r.get("name").and_then(Value::as_str).unwrap_or_default();
                tag.contains(protocol.as_str()) || name.to_ascii_uppercase().contains(&protocol)
            } else {
                fields.iter().any(|f| {
                    r.get(*f)
                        .and_then(Value::as_array)
                        .is_some_and(|a| !a.is_empty())
                })
            }
        });
    }
    crate::envelope::list(
        NETWORK_SERVICES.envelope,
        Product::Zia,
        records,
        call.query,
        call.path,
    )
    .map(Reply::ok)
}

fn seed_network_services(s: &mut Seeder<'_>) -> Vec<Value> {
    // name, tag, type, tcp dest ports, udp dest ports
    type Svc = (
        &'static str,
        &'static str,
        &'static str,
        &'static [(i64, i64)],
        &'static [(i64, i64)],
    );
    const SERVICES: [Svc; 12] = [
        ("HTTP", "HTTP", "PREDEFINED", &[(80, 80)], &[]),
        ("HTTPS", "HTTPS", "PREDEFINED", &[(443, 443)], &[]),
        ("DNS", "DNS", "PREDEFINED", &[(53, 53)], &[(53, 53)]),
        ("SSH", "SSH", "PREDEFINED", &[(22, 22)], &[]),
        ("FTP", "FTP", "PREDEFINED", &[(21, 21)], &[]),
        ("SMTP", "SMTP", "PREDEFINED", &[(25, 25)], &[]),
        ("NTP", "NTP", "PREDEFINED", &[(123, 123)], &[(123, 123)]),
        ("RDP", "RDP", "STANDARD", &[(3389, 3389)], &[]),
        ("SMB", "SMB", "STANDARD", &[(445, 445)], &[]),
        ("ICMP_ANY", "ICMP_ANY", "PREDEFINED", &[], &[]),
        (
            "Corp App Ports",
            "",
            "CUSTOM",
            &[(8443, 8443), (9000, 9010)],
            &[],
        ),
        ("VoIP Media", "", "CUSTOM", &[], &[(16384, 32767)]),
    ];
    let ports = |ranges: &[(i64, i64)]| -> Value {
        Value::Array(
            ranges
                .iter()
                .map(|(a, b)| {
                    if a == b {
                        json!({"start": a})
                    } else {
                        json!({"start": a, "end": b})
                    }
                })
                .collect(),
        )
    };
    SERVICES
        .iter()
        .map(|(name, tag, kind, tcp, udp)| {
            let description = if *kind == "CUSTOM" {
                json!(s.text(&format!("{name} (custom service)")))
            } else {
                json!(format!("{name} traffic"))
            };
            json!({
                "name": name,
                "tag": if tag.is_empty() { Value::Null } else { json!(tag) },
                "type": kind,
                "description": description,
                "srcTcpPorts": [],
                "destTcpPorts": ports(tcp),
                "srcUdpPorts": [],
                "destUdpPorts": ports(udp),
                "isNameL10nTag": *kind != "CUSTOM",
                "creatorContext": "ZIA",
            })
        })
        .collect()
}

/// Accepts `[{"id": N}]` (or numeric strings) referencing existing records of `target`;
/// answers the list expanded to `{"id", "name"}`.
fn expand_refs(
    body: &Map<String, Value>,
    field: &str,
    target: &ResourceDef,
    tenant: &crate::tenant::Tenant,
) -> Result<Option<Value>, ApiError> {
    let Some(list) = body.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let bad = || {
        engine::invalid(
            Product::Zia,
            format!("Invalid value for '{field}': expected a list of {{\"id\": <integer>}}"),
        )
    };
    let items = list.as_array().ok_or_else(bad)?;
    let mut out = Vec::new();
    for item in items {
        let id = match item.get("id") {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) if s.parse::<u64>().is_ok() => s.clone(),
            _ => return Err(bad()),
        };
        let record = engine::record(tenant, target, &id).ok_or_else(|| {
            engine::invalid(
                Product::Zia,
                format!("Invalid value for '{field}': no resource with id {id}"),
            )
        })?;
        out.push(json!({"id": record["id"].clone(), "name": record["name"].clone()}));
    }
    Ok(Some(Value::Array(out)))
}

fn service_group_write(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut body = object_of(call)?;
    if let Some(services) = expand_refs(&body, "services", &NETWORK_SERVICES, call.tenant)? {
        body.insert("services".into(), services);
    } else {
        body.insert("services".into(), json!([]));
    }
    call_with_body(call, &Value::Object(body), |c| {
        write(&NETWORK_SERVICE_GROUPS, c)
    })
}
fn create_service_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    service_group_write(call)
}
fn replace_service_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    service_group_write(call)
}
fn delete_service_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&NETWORK_SERVICE_GROUPS, call)
}

fn seed_network_service_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    let by_name = |s: &Seeder<'_>, names: &[&str]| -> Vec<Value> {
        s.tenant
            .collection("zia.network_services")
            .map(|c| {
                c.records
                    .values()
                    .filter(|r| r["name"].as_str().is_some_and(|n| names.contains(&n)))
                    .map(|r| json!({"id": r["id"].clone(), "name": r["name"].clone()}))
                    .collect()
            })
            .unwrap_or_default()
    };
    [
        ("Web Services", &["HTTP", "HTTPS"][..]),
        ("Remote Administration", &["SSH", "RDP"][..]),
        ("Infrastructure", &["DNS", "NTP"][..]),
    ]
    .iter()
    .map(|(name, members)| {
        json!({
            "name": name,
            "description": s.text(&format!("{name} (seeded)")),
            "services": by_name(s, members),
        })
    })
    .collect()
}

// ---------------------------------------------------------------------------------------------
// Network applications and application groups
// ---------------------------------------------------------------------------------------------

fn app_group_write(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut body = object_of(call)?;
    match body.get("networkApplications") {
        None | Some(Value::Null) => {
            body.insert("networkApplications".into(), json!([]));
        }
        Some(Value::Array(apps)) => {
            for app in apps {
                let Some(id) = app.as_str() else {
                    return Err(engine::invalid(
                        Product::Zia,
                        "Invalid value for 'networkApplications': expected a list of application ids",
                    ));
                };
                if engine::record(call.tenant, &NETWORK_APPS, id).is_none() {
                    return Err(engine::invalid(
                        Product::Zia,
                        format!(
                            "Invalid value for 'networkApplications': unknown application '{id}'"
                        ),
                    ));
                }
            }
        }
        Some(_) => {
            return Err(engine::invalid(
                Product::Zia,
                "Invalid value for 'networkApplications': expected a list of application ids",
            ));
        }
    }
    call_with_body(call, &Value::Object(body), |c| {
        write(&NETWORK_APP_GROUPS, c)
    })
}
fn create_app_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    app_group_write(call)
}
fn replace_app_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    app_group_write(call)
}
fn delete_app_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&NETWORK_APP_GROUPS, call)
}

const NETWORK_APPLICATIONS: [(&str, &str, &str); 16] = [
    ("APNS", "APP_SERVICE", "Apple Push Notification Service"),
    ("BITTORRENT", "P2P", "BitTorrent peer-to-peer file sharing"),
    ("DNS", "NETWORK_SERVICE", "Domain Name System"),
    ("DROPBOX", "FILE_SHARE", "Dropbox file synchronisation"),
    ("FACEBOOK", "SOCIAL_NETWORKING", "Facebook social network"),
    ("GOOGLE_DRIVE", "FILE_SHARE", "Google Drive"),
    (
        "ICMP",
        "NETWORK_SERVICE",
        "Internet Control Message Protocol",
    ),
    ("MS_TEAMS", "ENTERPRISE_COLLABORATION", "Microsoft Teams"),
    ("NTP", "NETWORK_SERVICE", "Network Time Protocol"),
    ("RDP", "REMOTE_ACCESS", "Microsoft Remote Desktop Protocol"),
    ("SKYPE", "INSTANT_MESSAGING", "Skype"),
    ("SLACK", "ENTERPRISE_COLLABORATION", "Slack messaging"),
    ("SSH", "REMOTE_ACCESS", "Secure Shell"),
    ("TEAMVIEWER", "REMOTE_ACCESS", "TeamViewer remote control"),
    ("TOR", "ANONYMIZER", "The Onion Router anonymity network"),
    (
        "ZOOM",
        "ENTERPRISE_COLLABORATION",
        "Zoom video conferencing",
    ),
];

fn seed_network_apps(_: &mut Seeder<'_>) -> Vec<Value> {
    NETWORK_APPLICATIONS
        .iter()
        .map(|(id, category, description)| {
            json!({
                "id": id,
                "parentCategory": category,
                "description": description,
                "deprecated": false,
            })
        })
        .collect()
}

fn seed_network_app_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    [
        ("Collaboration Apps", vec!["MS_TEAMS", "SLACK", "ZOOM"]),
        ("Remote Access Tools", vec!["RDP", "SSH", "TEAMVIEWER"]),
        ("Risky Peer-to-Peer", vec!["BITTORRENT", "TOR"]),
    ]
    .iter()
    .map(|(name, apps)| {
        json!({
            "name": name,
            "description": s.text(&format!("{name} (seeded)")),
            "networkApplications": apps,
        })
    })
    .collect()
}
