//! ZMS (Zscaler Microsegmentation, `POST /zms/graphql`): GraphQL. Every root field takes the
//! tenant's `customerId` (the ZPA customer id) and lists answer a connection
//! `{"nodes": [...], "pageInfo": {"pageNumber", "pageSize", "totalCount", "totalPages"}}`, paged
//! by `page`/`pageNum` (1-based) and `pageSize`, filtered by `search` or `filter` objects
//! (`{name: {contains}}`, `{status: {equals}}`, ...), sorted by `sort`/`sortDir` or `orderBy`.
//! Counts (agents per group, members per group or zone, protection status) are computed at
//! request time from the seeded records, so they always agree with one another.

use std::collections::BTreeMap;

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::zins::civil_from_days;
use super::zins::graphql::{self, Ctx, Field, GqlError, string_condition};
use crate::engine::{Call, IdKind, Reply, ResourceDef, no_completion, records};
use crate::envelope::Envelope;
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

const fn zms(
    key: &'static str,
    id_field: &'static str,
    seed: fn(&mut Seeder<'_>) -> Vec<Value>,
) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zms,
        id_kind: IdKind::NumericString,
        id_field,
        name_field: Some("name"),
        unique_name: false,
        required: &[],
        parent: None,
        envelope: Envelope::BareArray {
            default_page_size: None,
            max_page_size: 10_000,
        },
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static AGENT_GROUPS: ResourceDef = zms("zms.agent_groups", "eyezId", seed_agent_groups);
pub static AGENTS: ResourceDef = zms("zms.agents", "eyezId", seed_agents);
pub static NONCES: ResourceDef = zms("zms.nonces", "eyezId", seed_nonces);
pub static APP_ZONES: ResourceDef = zms("zms.app_zones", "id", seed_app_zones);
pub static RESOURCE_GROUPS: ResourceDef = zms("zms.resource_groups", "id", seed_resource_groups);
pub static RESOURCES_DEF: ResourceDef = zms("zms.resources", "id", seed_resources);
pub static POLICY_RULES: ResourceDef = zms("zms.policy_rules", "id", seed_policy_rules);
pub static DEFAULT_RULES: ResourceDef = zms("zms.default_policy_rules", "id", seed_default_rules);
pub static APP_CATALOG: ResourceDef = zms("zms.app_catalog", "id", seed_app_catalog);
pub static TAG_NAMESPACES: ResourceDef = zms("zms.tag_namespaces", "id", seed_namespaces);
pub static TAG_KEYS: ResourceDef = zms("zms.tag_keys", "id", seed_tag_keys);
pub static TAG_VALUES: ResourceDef = zms("zms.tag_values", "id", seed_tag_values);

pub static RESOURCES: &[&ResourceDef] = &[
    &AGENT_GROUPS,
    &AGENTS,
    &NONCES,
    &APP_ZONES,
    &RESOURCE_GROUPS,
    &RESOURCES_DEF,
    &POLICY_RULES,
    &DEFAULT_RULES,
    &APP_CATALOG,
    &TAG_NAMESPACES,
    &TAG_KEYS,
    &TAG_VALUES,
];

pub fn routes() -> Vec<Route> {
    vec![Route::new(
        Method::POST,
        "/zms/graphql",
        Op::Custom(graphql_handler),
    )]
}

fn graphql_handler(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let tenant = &*call.tenant;
    let mut resolve =
        |ctx: &Ctx<'_>, field: &Field, path: &mut Vec<String>| resolve(tenant, ctx, field, path);
    graphql::serve(call, Product::Zms, &mut resolve)
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

/// ISO-8601 UTC text for epoch seconds.
fn iso(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn base32_secret(s: &mut Seeder<'_>) -> String {
    (0..32)
        .map(|_| BASE32[s.int(0, 31) as usize] as char)
        .collect()
}

const PROVIDERS: &[&str] = &["AWS", "AZURE", "GCP", "ON_PREMISES"];
const REGIONS: &[(&str, &[&str])] = &[
    ("AWS", &["us-east-1", "us-west-2", "eu-central-1"]),
    ("AZURE", &["eastus", "westeurope"]),
    ("GCP", &["us-central1", "europe-west1"]),
    ("ON_PREMISES", &["dc-sanjose", "dc-frankfurt"]),
];
const VERSIONS: &[&str] = &["24.3.1.12", "24.3.2.4", "25.1.0.18", "25.1.1.3"];

fn region(s: &mut Seeder<'_>, provider: &str) -> String {
    let list = REGIONS
        .iter()
        .find(|(p, _)| *p == provider)
        .map(|(_, r)| *r)
        .unwrap_or(&["us-east-1"]);
    s.pick(list).to_string()
}

fn seed_agent_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const GROUPS: &[(&str, &str, &str)] = &[
        ("Prod Web Tier", "VM", "AWS"),
        ("Prod Database Tier", "VM", "AWS"),
        ("Payments K8s Cluster", "K8S", "AWS"),
        ("Analytics Azure VMs", "VM", "AZURE"),
        ("GKE Platform", "K8S", "GCP"),
        ("Datacenter Linux", "VM", "ON_PREMISES"),
        ("Datacenter Windows", "VM", "ON_PREMISES"),
        ("Staging", "VM", "AWS"),
    ];
    GROUPS
        .iter()
        .enumerate()
        .map(|(i, (name, kind, provider))| {
            let created = s.epoch_within(400);
            json!({
                "__typename": "AgentGroup",
                "name": name,
                "eyezId": format!("{}", 7_100_001 + i),
                "agentGroupType": kind,
                "cloudProvider": provider,
                "adminStatus": if i == 7 { "DISABLED" } else { "ENABLED" },
                "agentCount": 0,
                "description": s.text(&format!("{name} workloads")),
                "policyStatus": if i == 7 { "DISABLED" } else { "ENABLED" },
                "upgradeStatus": *s.pick(&["UP_TO_DATE", "UP_TO_DATE", "IN_PROGRESS", "COMPLETED_WITH_FAILURES"]),
                "tamperProtectionStatus": *s.pick(&["ENABLED", "ENABLED_INHERITED", "DISABLED"]),
                "agentAutoUpgrade": if s.chance(0.6) { "ENABLED" } else { "DISABLED" },
                "agentDeletionTimeoutSeconds": *s.pick(&[86_400, 604_800, 2_592_000]),
                "timezone": *s.pick(&["UTC", "America/Los_Angeles", "Europe/Berlin"]),
                "upgradeDay": *s.pick(&["SUNDAY", "SATURDAY", "WEDNESDAY"]),
                "upgradeTime": *s.pick(&["02:00", "03:30", "23:00"]),
                "versionProfileName": *s.pick(&["Default", "Stable (N-1)", "Latest"]),
                "_totpSecret": base32_secret(s),
                "_totpGenerated": created,
            })
        })
        .collect()
}

fn seed_agents(s: &mut Seeder<'_>) -> Vec<Value> {
    let groups: Vec<Value> = s
        .tenant
        .collection(AGENT_GROUPS.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    if groups.is_empty() {
        return Vec::new();
    }
    let n = 40;
    (0..n)
        .map(|i| {
            let g = &groups[i % groups.len()];
            let kind = g["agentGroupType"].as_str().unwrap_or("VM");
            let provider = g["cloudProvider"].as_str().unwrap_or("AWS").to_string();
            let windows = g["name"].as_str().is_some_and(|n| n.contains("Windows"));
            let ip = s.ipv4();
            let (agent_type, host_os, name) = if kind == "K8S" {
                if i % 5 == 0 {
                    ("KUBE_CONNECTOR", "Linux", format!("kube-connector-{i:05}"))
                } else {
                    ("CLUSTER", "Linux", format!("k8s-node-{i:05}"))
                }
            } else if windows {
                ("HOST", "Windows Server 2022", format!("WIN-APP-{i:05}"))
            } else {
                (
                    "HOST",
                    *s.pick(&["Ubuntu 22.04", "RHEL 9.3", "Amazon Linux 2023"]),
                    format!("ip-{}", ip.replace('.', "-")),
                )
            };
            let connected = s.chance(0.85);
            json!({
                "__typename": "Agent",
                "name": name,
                "eyezId": format!("{}", 7_200_001 + i),
                "connectionStatus": if connected { "CONNECTED" } else { *s.pick(&["DISCONNECTED", "DISCONNECTED", "ERROR", "UNKNOWN"]) },
                "agentType": agent_type,
                "hostOs": host_os,
                "currentSoftwareVersion": s.pick(VERSIONS),
                "upgradeStatus": *s.pick(&["UP_TO_DATE", "UP_TO_DATE", "UP_TO_DATE", "IN_PROGRESS", "FAILED"]),
                "description": s.text(&format!("{} agent", g["name"].as_str().unwrap_or("Agent"))),
                "cloudProvider": provider,
                "publicIp": if provider == "ON_PREMISES" { Value::Null } else { json!(s.public_ipv4()) },
                "privateIps": [ip],
                "adminStatus": g["adminStatus"],
                "agentGroupName": g["name"],
                "agentGroupType": g["agentGroupType"],
                "_agentGroupEyezId": g["eyezId"],
            })
        })
        .collect()
}

fn seed_nonces(s: &mut Seeder<'_>) -> Vec<Value> {
    let groups: Vec<Value> = s
        .tenant
        .collection(AGENT_GROUPS.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let per = if i % 3 == 0 { 2 } else { 1 };
        for j in 0..per {
            let created = s.epoch_within(300);
            let max = *s.pick(&[10, 50, 100, 500]);
            let group = g["name"].as_str().unwrap_or("group");
            out.push(json!({
                "__typename": "Nonce",
                "eyezId": format!("{}", 7_110_001 + out.len()),
                "name": if j == 0 { format!("{group} provisioning key") } else { format!("{group} provisioning key (rotation)") },
                "key": format!("{}|{}|{}", s.hex(8), g["eyezId"].as_str().unwrap_or(""), s.hex(40)),
                "maxUsage": max,
                "usageCount": s.int(0, max),
                "agentGroupEyezId": g["eyezId"],
                "agentGroupName": g["name"],
                "agentGroupType": g["agentGroupType"],
                "product": if j == 0 { "EYEZ" } else { "EYEZ_LEGACY" },
                "creationTime": iso(created),
                "modifiedTime": iso((created + s.int(0, 86_400 * 30)).min(s.now())),
            }));
        }
    }
    out
}

fn seed_app_zones(s: &mut Seeder<'_>) -> Vec<Value> {
    const ZONES: &[&str] = &[
        "Production",
        "Staging",
        "PCI Cardholder Data",
        "Corporate IT",
        "Analytics",
        "Shared Services",
    ];
    ZONES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({
                "__typename": "AppZone",
                "id": format!("{}", 7_120_001 + i),
                "appZoneName": name,
                "description": s.text(&format!("{name} application zone")),
                "memberCount": 0,
                "includeAllVpcs": i == 0,
                "includeAllSubnets": s.chance(0.3),
            })
        })
        .collect()
}

fn seed_resource_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const MANAGED: &[(&str, &str)] = &[
        ("Web Servers", "USER_DEFINED"),
        ("Database Servers", "USER_DEFINED"),
        ("Payment Services", "USER_DEFINED"),
        ("Kubernetes Workloads", "USER_DEFINED"),
        ("Domain Controllers", "USER_DEFINED"),
        ("Recommended: Batch Workers", "ML_RECOMMENDED"),
        ("Recommended: Cache Tier", "ML_RECOMMENDED"),
    ];
    const UNMANAGED: &[(&str, &[&str], &[&str])] = &[
        (
            "Partner Networks",
            &["198.51.100.0/24", "203.0.113.0/25"],
            &[],
        ),
        (
            "SaaS Endpoints",
            &[],
            &["api.stripe.com", "hooks.slack.com"],
        ),
        (
            "Legacy Mainframe",
            &["10.250.0.0/16"],
            &["mainframe.corp.example.com"],
        ),
    ];
    let mut out = Vec::new();
    for (i, (name, origin)) in MANAGED.iter().enumerate() {
        out.push(json!({
            "__typename": "ManagedResourceGroup",
            "id": format!("{}", 7_130_001 + i),
            "name": name,
            "description": s.text(&format!("{name} (managed)")),
            "type": "MANAGED",
            "origin": origin,
            "resourceMemberCount": 0,
            "modifiedTime": iso(s.epoch_within(120)),
        }));
    }
    for (i, (name, cidrs, fqdns)) in UNMANAGED.iter().enumerate() {
        out.push(json!({
            "__typename": "UnmanagedResourceGroup",
            "id": format!("{}", 7_130_101 + i),
            "name": name,
            "description": s.text(&format!("{name} (unmanaged)")),
            "type": "UNMANAGED",
            "origin": "USER_DEFINED",
            "resourceMemberCount": cidrs.len() + fqdns.len(),
            "modifiedTime": iso(s.epoch_within(120)),
            "cidrs": cidrs,
            "fqdns": fqdns,
        }));
    }
    out
}

fn seed_resources(s: &mut Seeder<'_>) -> Vec<Value> {
    let agents: Vec<Value> = s
        .tenant
        .collection(AGENTS.key)
        .map(|c| c.records.values().take(5_000).cloned().collect())
        .unwrap_or_default();
    let managed: Vec<String> = s
        .tenant
        .collection(RESOURCE_GROUPS.key)
        .map(|c| {
            c.records
                .values()
                .filter(|g| g["type"] == "MANAGED")
                .filter_map(|g| g["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let zones: Vec<(String, String)> = s
        .tenant
        .collection(APP_ZONES.key)
        .map(|c| {
            c.records
                .values()
                .filter_map(|z| {
                    Some((
                        z["id"].as_str()?.to_string(),
                        z["appZoneName"].as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let n = s.large(60);
    (0..n)
        .map(|i| {
            let agent = agents.get(i % agents.len().max(1));
            let provider = agent
                .and_then(|a| a["cloudProvider"].as_str())
                .unwrap_or("AWS")
                .to_string();
            let k8s = agent.is_some_and(|a| a["agentGroupType"] == "K8S");
            let resource_type = if k8s {
                *s.pick(&["K8S_NODE", "POD", "K8S_WORKLOAD", "K8S_SERVICE"])
            } else {
                "VM"
            };
            let windows = agent
                .and_then(|a| a["hostOs"].as_str())
                .is_some_and(|o| o.starts_with("Windows"));
            let (os, distro, version) = if windows {
                ("WINDOWS", "Windows Server", "2022")
            } else {
                *s.pick(&[
                    ("LINUX", "Ubuntu", "22.04"),
                    ("LINUX", "RHEL", "9.3"),
                    ("LINUX", "Amazon Linux", "2023"),
                ])
            };
            let name = match resource_type {
                "VM" => format!(
                    "{}-{:05}",
                    *s.pick(&["web", "db", "app", "batch", "cache"]),
                    i
                ),
                "POD" => format!("payments-api-{}-{}", s.hex(5), s.hex(5)),
                other => format!("{}-{i:05}", other.to_lowercase().replace('_', "-")),
            };
            let deleted = s.chance(0.05);
            let status = if deleted {
                "DELETED"
            } else if s.chance(0.1) {
                "INACTIVE"
            } else {
                "ACTIVE"
            };
            let mut groups: Vec<String> = s.pick_some(&managed, 2);
            if groups.is_empty() && !managed.is_empty() && s.chance(0.7) {
                groups.push(managed[i % managed.len()].clone());
            }
            let zone: Vec<(String, String)> = s.pick_some(&zones, 1);
            let region = region(s, &provider);
            json!({
                "__typename": "Resource",
                "id": format!("{}", 7_400_001 + i),
                "name": name,
                "resourceType": resource_type,
                "status": status,
                "cloudProvider": provider,
                "cloudRegion": region,
                "resourceHostname": format!("{name}.{}.internal.example.com", region),
                "platformOs": os,
                "platformOsDistro": distro,
                "platformOsVersion": version,
                "localIps": [s.ipv4()],
                "deleted": deleted,
                "modifiedTime": iso(s.epoch_within(60)),
                "agentId": agent.map(|a| a["eyezId"].clone()).unwrap_or(Value::Null),
                "appZoneIds": zone.iter().map(|z| z.0.clone()).collect::<Vec<_>>(),
                "appZoneNames": zone.iter().map(|z| z.1.clone()).collect::<Vec<_>>(),
                "appZoneMappingState": if zone.is_empty() { "UNMAPPED" } else { "MAPPED" },
                "_groupIds": groups,
            })
        })
        .collect()
}

fn port_ranges(s: &mut Seeder<'_>) -> Value {
    const PORTS: &[(&str, i64, i64)] = &[
        ("TCP", 443, 443),
        ("TCP", 80, 80),
        ("TCP", 5432, 5432),
        ("TCP", 3306, 3306),
        ("TCP", 8080, 8090),
        ("UDP", 53, 53),
        ("TCP", 22, 22),
        ("TCP", 6379, 6379),
    ];
    let (proto, start, end) = *s.pick(PORTS);
    json!([{"protocol": proto, "portRanges": [{"startPort": start, "endPort": end}]}])
}

fn seed_policy_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: &[&str] = &[
        "Allow web tier to database",
        "Allow payments to database",
        "Block SSH from staging",
        "Allow monitoring scrape",
        "Block lateral RDP",
        "Allow DNS to domain controllers",
        "Simulate block: batch to cache",
        "Allow k8s ingress",
    ];
    let groups: Vec<String> = s
        .ids(RESOURCE_GROUPS.key, "id")
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .take(7)
        .collect();
    let n = 12;
    (0..n)
        .map(|i| {
            let name = match NAMES.get(i) {
                Some(n) => n.to_string(),
                None => format!("Microsegmentation rule {i:05}"),
            };
            let action = if name.starts_with("Block") {
                "BLOCK"
            } else if name.starts_with("Simulate") {
                "SIM_BLOCK"
            } else if i >= NAMES.len() {
                *s.pick(&["ALLOW", "ALLOW", "BLOCK"])
            } else {
                "ALLOW"
            };
            // The first rules cover the first five managed groups; later ones pick at random.
            let src: Vec<String> = match groups.get(i) {
                Some(g) if i < 5 => vec![g.clone()],
                _ => s.pick_some(&groups[..groups.len().min(5)], 1),
            };
            let dst: Vec<String> = s.pick_some(&groups[..groups.len().min(5)], 1);
            let created = s.epoch_within(365);
            json!({
                "__typename": "PolicyRule",
                "id": format!("{}", 7_600_001 + i),
                "name": name,
                "action": action,
                "priority": i + 1,
                "description": s.text(&format!("{name} (seeded)")),
                "deleted": false,
                "sourceTargetType": if src.is_empty() { "ANY" } else { "RESOURCE_GROUP" },
                "destinationTargetType": if dst.is_empty() { "ANY" } else { "RESOURCE_GROUP" },
                "appZoneScopeTargetType": if s.chance(0.3) { "APP_ZONE" } else { "ANY" },
                "creationTime": iso(created),
                "modifiedTime": iso((created + s.int(0, 86_400 * 20)).min(s.now())),
                "lastHit": if s.chance(0.8) { json!(iso(s.now() - s.int(60, 86_400 * 7))) } else { Value::Null },
                "portAndProtocols": port_ranges(s),
                "_sourceGroupIds": src,
                "_destinationGroupIds": dst,
            })
        })
        .collect()
}

fn seed_default_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    [
        ("Default inbound", "BLOCK", "INBOUND"),
        ("Default outbound", "ALLOW", "OUTBOUND"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, action, direction))| {
        json!({
            "__typename": "DefaultPolicyRule",
            "id": format!("{}", 7_650_001 + i),
            "name": name,
            "action": action,
            "direction": direction,
            "description": s.text(&format!("{name} traffic not matched by any rule")),
            "scopeType": "CUSTOMER",
            "modifiedTime": iso(s.epoch_within(200)),
        })
    })
    .collect()
}

fn seed_app_catalog(s: &mut Seeder<'_>) -> Vec<Value> {
    const APPS: &[(&str, &str, &str, i64, &[&str])] = &[
        ("PostgreSQL", "Database", "TCP", 5432, &["postgres"]),
        ("MySQL", "Database", "TCP", 3306, &["mysqld"]),
        ("MongoDB", "Database", "TCP", 27017, &["mongod"]),
        ("Redis", "Cache", "TCP", 6379, &["redis-server"]),
        ("Memcached", "Cache", "TCP", 11211, &["memcached"]),
        ("NGINX", "Web Server", "TCP", 443, &["nginx"]),
        (
            "Apache HTTP Server",
            "Web Server",
            "TCP",
            80,
            &["httpd", "apache2"],
        ),
        ("Microsoft IIS", "Web Server", "TCP", 443, &["w3wp.exe"]),
        ("OpenSSH", "Remote Access", "TCP", 22, &["sshd"]),
        (
            "Remote Desktop",
            "Remote Access",
            "TCP",
            3389,
            &["svchost.exe"],
        ),
        ("Kafka", "Messaging", "TCP", 9092, &["java"]),
        ("RabbitMQ", "Messaging", "TCP", 5672, &["beam.smp"]),
        ("Elasticsearch", "Search", "TCP", 9200, &["java"]),
        ("Prometheus", "Monitoring", "TCP", 9090, &["prometheus"]),
        ("BIND DNS", "Infrastructure", "UDP", 53, &["named"]),
        (
            "Active Directory",
            "Infrastructure",
            "TCP",
            389,
            &["lsass.exe"],
        ),
    ];
    APPS.iter()
        .enumerate()
        .map(|(i, (name, category, proto, port, procs))| {
            let created = s.epoch_within(700);
            json!({
                "__typename": "AppCatalog",
                "id": format!("{}", 7_800_001 + i),
                "name": name,
                "category": category,
                "creationTime": iso(created),
                "modifiedTime": iso((created + s.int(0, 86_400 * 90)).min(s.now())),
                "details": {
                    "portAndProtocol": [{"protocol": proto, "portRanges": [{"startPort": port, "endPort": port}]}],
                    "processes": procs,
                },
            })
        })
        .collect()
}

fn seed_namespaces(s: &mut Seeder<'_>) -> Vec<Value> {
    [
        ("Environment", "CUSTOM"),
        ("Owner", "CUSTOM"),
        ("aws", "EXTERNAL"),
        ("ml-inferred", "ML"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, origin))| {
        json!({
            "__typename": "TagNamespace",
            "id": format!("{}", 7_900_001 + i),
            "name": name,
            "description": s.text(&format!("{name} tags")),
            "origin": origin,
        })
    })
    .collect()
}

const TAGS: &[(usize, &str, &[&str])] = &[
    (0, "env", &["prod", "staging", "dev"]),
    (0, "tier", &["web", "app", "db"]),
    (1, "team", &["payments", "platform", "data"]),
    (1, "cost-center", &["cc-1001", "cc-2002"]),
    (
        2,
        "aws:cloudformation:stack-name",
        &["payments-prod", "web-prod"],
    ),
    (2, "Name", &["web-01", "db-01", "cache-01"]),
    (3, "role", &["frontend", "backend", "database", "cache"]),
];

fn seed_tag_keys(s: &mut Seeder<'_>) -> Vec<Value> {
    TAGS.iter()
        .enumerate()
        .map(|(i, (ns, name, _))| {
            json!({
                "__typename": "TagKey",
                "id": format!("{}", 7_910_001 + i),
                "name": name,
                "description": s.text(&format!("Tag key {name}")),
                "_namespaceId": format!("{}", 7_900_001 + ns),
            })
        })
        .collect()
}

fn seed_tag_values(_: &mut Seeder<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, (_, _, values)) in TAGS.iter().enumerate() {
        for v in *values {
            out.push(json!({
                "__typename": "TagValue",
                "id": format!("{}", 7_920_001 + out.len()),
                "name": v,
                "_tagId": format!("{}", 7_910_001 + i),
            }));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

fn text(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn ids(v: &Value, k: &str) -> Vec<String> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn bad_arg(message: impl Into<String>, path: &[String]) -> GqlError {
    GqlError::validation(message, path)
}

/// Page number and size from `page`/`pageNum` and `pageSize`.
fn paging(args: &Map<String, Value>, path: &[String]) -> Result<(usize, usize), GqlError> {
    let get = |names: &[&str], default: i64, min: i64, max: i64| -> Result<usize, GqlError> {
        let Some((name, v)) = names.iter().find_map(|n| args.get(*n).map(|v| (*n, v))) else {
            return Ok(default as usize);
        };
        match v.as_i64() {
            Some(x) if (min..=max).contains(&x) => Ok(x as usize),
            _ => Err(bad_arg(
                format!(
                    "Invalid value {v} for argument '{name}': expected an integer from {min} to {max}"
                ),
                path,
            )),
        }
    };
    Ok((
        get(&["pageNum", "page"], 1, 1, i64::from(i32::MAX))?,
        get(&["pageSize"], 20, 1, 1000)?,
    ))
}

fn connection(
    nodes: Vec<Value>,
    args: &Map<String, Value>,
    fetch_all: bool,
    path: &[String],
) -> Result<Value, GqlError> {
    let total = nodes.len();
    if fetch_all {
        return Ok(json!({
            "__typename": "Connection",
            "nodes": nodes,
            "pageInfo": {"pageNumber": 1, "pageSize": total, "totalCount": total, "totalPages": 1},
        }));
    }
    let (page, size) = paging(args, path)?;
    let page_nodes: Vec<Value> = nodes
        .into_iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .collect();
    Ok(json!({
        "__typename": "Connection",
        "nodes": page_nodes,
        "pageInfo": {
            "pageNumber": page,
            "pageSize": size,
            "totalCount": total,
            "totalPages": total.div_ceil(size),
        },
    }))
}

/// `filter` objects: `{field: {contains|equals|starts|ends|in}}`. `special` resolves keys that
/// are not plain fields of the node (returns None for unknown keys).
fn apply_filter(
    nodes: &mut Vec<Value>,
    args: &Map<String, Value>,
    allowed: &[&str],
    type_name: &str,
    special: &dyn Fn(&Value, &str, &Value) -> Option<bool>,
    path: &[String],
) -> Result<(), GqlError> {
    let Some(filter) = args.get("filter") else {
        return Ok(());
    };
    let Value::Object(conds) = filter else {
        return Err(bad_arg(
            format!("Argument 'filter' must be an input object of type '{type_name}'"),
            path,
        ));
    };
    for key in conds.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(bad_arg(
                format!(
                    "Validation error (WrongType@[{}]) : argument 'filter' with value '{filter}' contains a field not in '{type_name}': '{key}'",
                    path.join("/")
                ),
                path,
            ));
        }
    }
    nodes.retain(|node| {
        conds.iter().all(|(key, cond)| {
            special(node, key, cond).unwrap_or_else(|| {
                node.get(key)
                    .is_some_and(|actual| string_condition(actual, cond))
            })
        })
    });
    Ok(())
}

fn sort_nodes(nodes: &mut [Value], field: &str, desc: bool) {
    nodes.sort_by(|a, b| {
        let (x, y) = (a.get(field), b.get(field));
        let ord = match (x.and_then(Value::as_f64), y.and_then(Value::as_f64)) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(std::cmp::Ordering::Equal),
            _ => text(a, field)
                .to_lowercase()
                .cmp(&text(b, field).to_lowercase()),
        };
        if desc { ord.reverse() } else { ord }
    });
}

/// `orderBy: {<field>: ASC|DESC}`.
fn apply_order_by(
    nodes: &mut [Value],
    args: &Map<String, Value>,
    allowed: &[&str],
    path: &[String],
) -> Result<(), GqlError> {
    let Some(Value::Object(order)) = args.get("orderBy") else {
        return Ok(());
    };
    for (field, dir) in order.iter().rev() {
        if !allowed.contains(&field.as_str()) {
            return Err(bad_arg(format!("Cannot order by '{field}'"), path));
        }
        let dir = dir.as_str().unwrap_or("");
        if !matches!(dir, "ASC" | "DESC") {
            return Err(bad_arg(
                format!("Invalid sort direction '{dir}' for '{field}': expected ASC or DESC"),
                path,
            ));
        }
        sort_nodes(nodes, field, dir == "DESC");
    }
    Ok(())
}

/// `search` (substring on `fields`), `sort` (a node field) and `sortDir`.
fn search_sort(
    nodes: &mut Vec<Value>,
    args: &Map<String, Value>,
    fields: &[&str],
    path: &[String],
) -> Result<(), GqlError> {
    if let Some(q) = args.get("search").and_then(Value::as_str) {
        let q = q.to_lowercase();
        nodes.retain(|n| {
            fields
                .iter()
                .any(|f| text(n, f).to_lowercase().contains(&q))
        });
    }
    let dir = args.get("sortDir").and_then(Value::as_str).unwrap_or("ASC");
    if let Some(sort) = args.get("sort").and_then(Value::as_str) {
        let known = nodes.first().is_none_or(|n| {
            n.get(sort).is_some() && !sort.starts_with('_') && sort != "__typename"
        });
        if !known {
            return Err(bad_arg(format!("Invalid sort field '{sort}'"), path));
        }
        sort_nodes(nodes, sort, dir == "DESC");
    } else if dir == "DESC" {
        nodes.reverse();
    }
    Ok(())
}

fn all(tenant: &Tenant, def: &ResourceDef) -> Vec<Value> {
    records(tenant, def).cloned().collect()
}

fn require_id<'a>(
    args: &'a Map<String, Value>,
    name: &str,
    path: &[String],
) -> Result<&'a str, GqlError> {
    args.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| bad_arg(format!("Missing required argument '{name}'"), path))
}

/// Groups (ids) that some live policy rule targets.
fn protected_groups(tenant: &Tenant) -> Vec<String> {
    let mut out: Vec<String> = records(tenant, &POLICY_RULES)
        .filter(|r| r["deleted"] != true)
        .flat_map(|r| {
            let mut v = ids(r, "_sourceGroupIds");
            v.extend(ids(r, "_destinationGroupIds"));
            v
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn pct(part: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (part as f64 * 10_000.0 / total as f64).round() / 100.0
    }
}

const ROOTS: &[&str] = &[
    "agents",
    "agentGroups",
    "agentConnectionStatusStatistics",
    "agentVersionStatistics",
    "agentGroupTotpSecrets",
    "nonces",
    "nonce",
    "appCatalog",
    "appZones",
    "policyRules",
    "defaultPolicyRules",
    "resourceGroups",
    "resourceGroupMembers",
    "resourceGroupProtectionStatus",
    "resources",
    "resourceProtectionStatus",
    "metadata",
    "tagNamespaces",
    "tagKeys",
    "tagValues",
];

fn resolve(
    tenant: &Tenant,
    ctx: &Ctx<'_>,
    field: &Field,
    path: &mut Vec<String>,
) -> Result<Value, GqlError> {
    if !ROOTS.contains(&field.name.as_str()) {
        return Err(GqlError::validation(
            format!(
                "Validation error (FieldUndefined@[{}]) : Field '{}' in type 'Query' is undefined",
                field.key(),
                field.name
            ),
            path,
        ));
    }
    let args = ctx.args(field);
    match args.get("customerId").and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }) {
        None => {
            return Err(bad_arg(
                format!(
                    "Missing required argument 'customerId' on field '{}'",
                    field.name
                ),
                path,
            ));
        }
        Some(c) if c != tenant.identity.customer_id => {
            return Err(GqlError::fetching(
                format!("Customer '{c}' not found or not accessible with this token"),
                path,
            ));
        }
        Some(_) => {}
    }
    let raw = root_value(tenant, &field.name, &args, path)?;
    ctx.project(&raw, field, path)
}

fn root_value(
    tenant: &Tenant,
    root: &str,
    args: &Map<String, Value>,
    path: &[String],
) -> Result<Value, GqlError> {
    let none = |_: &Value, _: &str, _: &Value| None;
    match root {
        "agents" => {
            let mut nodes = all(tenant, &AGENTS);
            search_sort(
                &mut nodes,
                args,
                &["name", "eyezId", "agentGroupName", "hostOs"],
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "agentGroups" => {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for a in records(tenant, &AGENTS) {
                *counts.entry(text(a, "_agentGroupEyezId")).or_default() += 1;
            }
            let mut nodes = all(tenant, &AGENT_GROUPS);
            for g in &mut nodes {
                let c = counts.get(&text(g, "eyezId")).copied().unwrap_or(0);
                g["agentCount"] = json!(c);
            }
            search_sort(&mut nodes, args, &["name", "eyezId"], path)?;
            connection(nodes, args, false, path)
        }
        "agentConnectionStatusStatistics" | "agentVersionStatistics" => {
            let mut agents = all(tenant, &AGENTS);
            search_sort(
                &mut agents,
                args,
                &["name", "eyezId", "agentGroupName", "hostOs"],
                path,
            )?;
            let versions = root == "agentVersionStatistics";
            let second = if versions {
                "currentSoftwareVersion"
            } else {
                "connectionStatus"
            };
            let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
            for a in &agents {
                *groups
                    .entry((text(a, "agentType"), text(a, second)))
                    .or_default() += 1;
            }
            let total = agents.len();
            let rows: Vec<Value> = groups
                .into_iter()
                .map(|((t, v), count)| {
                    let mut row =
                        json!({"agentType": t, "count": count, "percentage": pct(count, total)});
                    row[if versions {
                        "version"
                    } else {
                        "connectionStatus"
                    }] = json!(v);
                    row
                })
                .collect();
            let key = if versions {
                "agentVersions"
            } else {
                "agentStatuses"
            };
            let mut out = json!({
                "totalCount": total,
                "totalPercentage": if total == 0 { 0.0 } else { 100.0 },
            });
            out[key] = Value::Array(rows);
            Ok(out)
        }
        "agentGroupTotpSecrets" => {
            let id = require_id(args, "eyezId", path)?;
            let g = records(tenant, &AGENT_GROUPS)
                .find(|g| text(g, "eyezId") == id)
                .ok_or_else(|| {
                    GqlError::fetching(format!("Agent group with eyezId '{id}' not found"), path)
                })?;
            let secret = text(g, "_totpSecret");
            let label = text(g, "name").replace(' ', "%20");
            Ok(json!({
                "eyezId": id,
                "totpSecret": secret,
                "totpQrCode": format!("otpauth://totp/Zscaler%20Microsegmentation:{label}?secret={secret}&issuer=Zscaler&algorithm=SHA1&digits=6&period=30"),
                "totpGenerationTimestamp": g["_totpGenerated"].as_i64().map(|t| t * 1000),
            }))
        }
        "nonces" => {
            let mut nodes = all(tenant, &NONCES);
            search_sort(
                &mut nodes,
                args,
                &["name", "eyezId", "agentGroupName"],
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "nonce" => {
            let id = require_id(args, "eyezId", path)?;
            let n = records(tenant, &NONCES)
                .find(|n| text(n, "eyezId") == id)
                .ok_or_else(|| {
                    GqlError::fetching(format!("Nonce with eyezId '{id}' not found"), path)
                })?;
            Ok(json!({"nonce": n}))
        }
        "appCatalog" => {
            let mut nodes = all(tenant, &APP_CATALOG);
            apply_filter(
                &mut nodes,
                args,
                &["id", "name", "category"],
                "AppCatalogQueryFilter",
                &none,
                path,
            )?;
            apply_order_by(
                &mut nodes,
                args,
                &["name", "category", "creationTime", "modifiedTime"],
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "appZones" => {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for r in records(tenant, &RESOURCES_DEF).filter(|r| r["deleted"] != true) {
                for z in ids(r, "appZoneIds") {
                    *counts.entry(z).or_default() += 1;
                }
            }
            let mut nodes = all(tenant, &APP_ZONES);
            for z in &mut nodes {
                z["memberCount"] = json!(counts.get(&text(z, "id")).copied().unwrap_or(0));
            }
            apply_filter(
                &mut nodes,
                args,
                &["id", "appZoneName", "description"],
                "AppZoneFilter",
                &none,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["appZoneName"], path)?;
            connection(nodes, args, false, path)
        }
        "policyRules" => {
            let mut nodes = all(tenant, &POLICY_RULES);
            apply_filter(
                &mut nodes,
                args,
                &["id", "name", "action"],
                "PolicyRuleFilter",
                &none,
                path,
            )?;
            let fetch_all = args.get("fetchAll").and_then(Value::as_bool) == Some(true);
            connection(nodes, args, fetch_all, path)
        }
        "defaultPolicyRules" => connection(all(tenant, &DEFAULT_RULES), args, false, path),
        "resourceGroups" => {
            let resources: Vec<&Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| r["deleted"] != true)
                .collect();
            let mut nodes = all(tenant, &RESOURCE_GROUPS);
            for g in &mut nodes {
                if g["type"] == "MANAGED" {
                    let id = text(g, "id");
                    let c = resources
                        .iter()
                        .filter(|r| ids(r, "_groupIds").contains(&id))
                        .count();
                    g["resourceMemberCount"] = json!(c);
                }
            }
            let members = |g: &Value, key: &str, cond: &Value| -> Option<bool> {
                let field = match key {
                    "resourceHostname" => "resourceHostname",
                    "resourceId" => "id",
                    _ => return None,
                };
                let id = text(g, "id");
                Some(resources.iter().any(|r| {
                    ids(r, "_groupIds").contains(&id)
                        && r.get(field).is_some_and(|v| string_condition(v, cond))
                }))
            };
            apply_filter(
                &mut nodes,
                args,
                &["id", "name", "resourceHostname", "resourceId"],
                "ResourceGroupsFilter",
                &members,
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "resourceGroupMembers" => {
            let id = require_id(args, "id", path)?;
            if !records(tenant, &RESOURCE_GROUPS).any(|g| text(g, "id") == id) {
                return Err(GqlError::fetching(
                    format!("Resource group '{id}' not found"),
                    path,
                ));
            }
            let nodes: Vec<Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| r["deleted"] != true && ids(r, "_groupIds").iter().any(|g| g == id))
                .cloned()
                .collect();
            connection(nodes, args, false, path)
        }
        "resourceGroupProtectionStatus" => {
            let protected = protected_groups(tenant);
            let total = records(tenant, &RESOURCE_GROUPS).count();
            let p = records(tenant, &RESOURCE_GROUPS)
                .filter(|g| protected.contains(&text(g, "id")))
                .count();
            let node = json!({
                "protectedPercentage": pct(p, total),
                "protectedResourceGroupsCount": p,
                "unprotectedResourceGroupsCount": total - p,
                "totalResourceGroups": total,
            });
            connection(vec![node], args, false, path)
        }
        "resources" => {
            let include_deleted = args.get("includeDeleted").and_then(Value::as_bool) == Some(true);
            let mut nodes: Vec<Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| include_deleted || r["deleted"] != true)
                .cloned()
                .collect();
            apply_filter(
                &mut nodes,
                args,
                &[
                    "id",
                    "name",
                    "status",
                    "resourceType",
                    "cloudProvider",
                    "cloudRegion",
                    "platformOs",
                ],
                "ResourceQueryFilter",
                &none,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        "resourceProtectionStatus" => {
            let protected = protected_groups(tenant);
            let live: Vec<&Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| r["deleted"] != true)
                .collect();
            let total = live.len();
            let p = live
                .iter()
                .filter(|r| ids(r, "_groupIds").iter().any(|g| protected.contains(g)))
                .count();
            let node = json!({
                "protectedPercentage": pct(p, total),
                "protectedResourcesCount": p,
                "unprotectedResourcesCount": total - p,
                "totalResources": total,
            });
            connection(vec![node], args, false, path)
        }
        "metadata" => Ok(metadata(tenant)),
        "tagNamespaces" => {
            let mut nodes = all(tenant, &TAG_NAMESPACES);
            apply_filter(
                &mut nodes,
                args,
                &["name", "origin"],
                "NamespaceFilter",
                &none,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        "tagKeys" => {
            let ns = require_id(args, "namespaceId", path)?;
            if !records(tenant, &TAG_NAMESPACES).any(|n| text(n, "id") == ns) {
                return Err(GqlError::fetching(
                    format!("Tag namespace '{ns}' not found"),
                    path,
                ));
            }
            let values: Vec<&Value> = records(tenant, &TAG_VALUES).collect();
            let mut nodes: Vec<Value> = records(tenant, &TAG_KEYS)
                .filter(|k| text(k, "_namespaceId") == ns)
                .cloned()
                .collect();
            let special = |k: &Value, key: &str, cond: &Value| -> Option<bool> {
                match key {
                    "keyName" => Some(k.get("name").is_some_and(|n| string_condition(n, cond))),
                    "valueName" => {
                        let id = text(k, "id");
                        Some(values.iter().any(|v| {
                            text(v, "_tagId") == id
                                && v.get("name").is_some_and(|n| string_condition(n, cond))
                        }))
                    }
                    _ => None,
                }
            };
            apply_filter(
                &mut nodes,
                args,
                &["keyName", "valueName"],
                "TagKeyFilter",
                &special,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        "tagValues" => {
            let tag = require_id(args, "tagId", path)?;
            let origin = require_id(args, "namespaceOrigin", path)?;
            let Some(key) = records(tenant, &TAG_KEYS).find(|k| text(k, "id") == tag) else {
                return Err(GqlError::fetching(
                    format!("Tag key '{tag}' not found"),
                    path,
                ));
            };
            let ns_origin = records(tenant, &TAG_NAMESPACES)
                .find(|n| text(n, "id") == text(key, "_namespaceId"))
                .map(|n| text(n, "origin"))
                .unwrap_or_default();
            let mut nodes: Vec<Value> = if ns_origin == origin {
                records(tenant, &TAG_VALUES)
                    .filter(|v| text(v, "_tagId") == tag)
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            apply_filter(&mut nodes, args, &["name"], "TagValueFilter", &none, path)?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        _ => Err(GqlError::validation(
            format!("Field '{root}' in type 'Query' is undefined"),
            path,
        )),
    }
}

/// Event metadata: the vocabularies a client needs to read ZMS events and resources.
fn metadata(tenant: &Tenant) -> Value {
    let mut types: Vec<String> = records(tenant, &RESOURCES_DEF)
        .map(|r| text(r, "resourceType"))
        .collect();
    types.sort();
    types.dedup();
    let mut regions: Vec<String> = records(tenant, &RESOURCES_DEF)
        .map(|r| text(r, "cloudRegion"))
        .collect();
    regions.sort();
    regions.dedup();
    json!({
        "customerId": tenant.identity.customer_id,
        "eventTypes": [
            "AGENT_CONNECTED", "AGENT_DISCONNECTED", "AGENT_UPGRADED", "POLICY_RULE_HIT",
            "POLICY_RULE_BLOCKED", "RESOURCE_DISCOVERED", "RESOURCE_DELETED", "TAG_ASSIGNED"
        ],
        "resourceTypes": types,
        "cloudProviders": PROVIDERS,
        "cloudRegions": regions,
        "policyActions": ["ALLOW", "BLOCK", "SIM_BLOCK"],
        "agentVersions": VERSIONS,
        "severities": ["INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"],
    })
}
