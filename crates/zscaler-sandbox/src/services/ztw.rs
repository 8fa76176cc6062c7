//! ZTW (Cloud & Branch Connector, `/ztw/api/v1`): ZIA-like conventions (bare arrays,
//! `page`/`pageSize`, integer ids, `search` substring on names, the ZIA error shape). The
//! endpoints the tools use need no activation.

use axum::http::Method;
use serde_json::{Value, json};

use crate::engine::{self, Call, Filter, IdKind, Match, Reply, ResourceDef, no_completion};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// ZTW's list envelope: the whole collection unless `page`/`pageSize` is given.
const LIST: Envelope = Envelope::BareArray {
    default_page_size: None,
    max_page_size: 10_000,
};

const SEARCH_NAME: &[Filter] = &[Filter {
    param: "search",
    field: "name",
    how: Match::Contains,
}];

/// A ZTW resource with the service's defaults (integer ids, unique names, `search` on the
/// name, no activation).
const fn ztw(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Ztw,
        id_kind: IdKind::Int,
        id_field: "id",
        name_field: Some("name"),
        unique_name: true,
        required: &["name"],
        parent: None,
        envelope: LIST,
        filters: SEARCH_NAME,
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static ADMIN_ROLES: ResourceDef = ResourceDef {
    filters: &[Filter {
        param: "id",
        field: "id",
        how: Match::Exact,
    }],
    ..ztw("ztw.admin_roles", seed_admin_roles)
};

pub static ADMIN_USERS: ResourceDef = ResourceDef {
    name_field: Some("loginName"),
    required: &["loginName", "userName", "email"],
    filters: &[],
    ..ztw("ztw.admin_users", seed_admin_users)
};

pub static DISCOVERY_SETTINGS: ResourceDef = ResourceDef {
    id_kind: IdKind::Singleton,
    name_field: None,
    unique_name: false,
    required: &[],
    filters: &[],
    ..ztw("ztw.discovery_settings", seed_discovery_settings)
};

pub static IP_DESTINATION_GROUPS: ResourceDef = ResourceDef {
    required: &["name", "type"],
    filters: &[],
    complete: complete_destination_group,
    ..ztw("ztw.ip_destination_groups", seed_destination_groups)
};

pub static IP_GROUPS: ResourceDef = ResourceDef {
    required: &["name", "ipAddresses"],
    complete: complete_ip_group,
    ..ztw("ztw.ip_groups", seed_ip_groups)
};

pub static IP_SOURCE_GROUPS: ResourceDef = ResourceDef {
    required: &["name", "ipAddresses"],
    complete: complete_ip_group,
    ..ztw("ztw.ip_source_groups", seed_ip_source_groups)
};

pub static NETWORK_SERVICES: ResourceDef = ResourceDef {
    ..ztw("ztw.network_services", seed_network_services)
};

pub static NETWORK_SERVICE_GROUPS: ResourceDef = ResourceDef {
    ..ztw("ztw.network_service_groups", seed_network_service_groups)
};

pub static PUBLIC_CLOUD_INFO: ResourceDef = ResourceDef {
    filters: &[
        Filter {
            param: "search",
            field: "name",
            how: Match::Contains,
        },
        Filter {
            param: "cloudType",
            field: "cloudType",
            how: Match::Exact,
        },
    ],
    ..ztw("ztw.public_cloud_info", seed_public_cloud_info)
};

pub static PUBLIC_CLOUD_ACCOUNT_DETAILS: ResourceDef = ResourceDef {
    name_field: None,
    unique_name: false,
    filters: &[],
    ..ztw(
        "ztw.public_cloud_account_details",
        seed_public_cloud_account_details,
    )
};

pub static RESOURCES: &[&ResourceDef] = &[
    &ADMIN_ROLES,
    &ADMIN_USERS,
    &DISCOVERY_SETTINGS,
    &IP_DESTINATION_GROUPS,
    &IP_GROUPS,
    &IP_SOURCE_GROUPS,
    &NETWORK_SERVICES,
    &NETWORK_SERVICE_GROUPS,
    &PUBLIC_CLOUD_INFO,
    &PUBLIC_CLOUD_ACCOUNT_DETAILS,
];

pub fn routes() -> Vec<Route> {
    let r = |method: Method, path: &'static str, op: Op| Route::new(method, path, op);
    vec![
        r(
            Method::GET,
            "/ztw/api/v1/adminRoles",
            Op::Custom(list_admin_roles),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/adminUsers",
            Op::Custom(list_admin_users),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/discoveryService/workloadDiscoverySettings",
            Op::GetSingleton(&DISCOVERY_SETTINGS),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/ipDestinationGroups",
            Op::Custom(list_destination_groups),
        ),
        r(
            Method::POST,
            "/ztw/api/v1/ipDestinationGroups",
            Op::Custom(create_destination_group),
        ),
        r(
            Method::DELETE,
            "/ztw/api/v1/ipDestinationGroups/{groupId}",
            Op::Delete(&IP_DESTINATION_GROUPS),
        ),
        r(Method::GET, "/ztw/api/v1/ipGroups", Op::List(&IP_GROUPS)),
        r(
            Method::POST,
            "/ztw/api/v1/ipGroups",
            Op::Custom(create_ip_group),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/ipGroups/lite",
            Op::Custom(list_ip_groups_lite),
        ),
        r(
            Method::DELETE,
            "/ztw/api/v1/ipGroups/{groupId}",
            Op::Delete(&IP_GROUPS),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/ipSourceGroups",
            Op::List(&IP_SOURCE_GROUPS),
        ),
        r(
            Method::POST,
            "/ztw/api/v1/ipSourceGroups",
            Op::Custom(create_ip_source_group),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/ipSourceGroups/lite",
            Op::Custom(list_ip_source_groups_lite),
        ),
        r(
            Method::DELETE,
            "/ztw/api/v1/ipSourceGroups/{groupId}",
            Op::Delete(&IP_SOURCE_GROUPS),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/networkServiceGroups",
            Op::List(&NETWORK_SERVICE_GROUPS),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/networkServices",
            Op::Custom(list_network_services),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/publicCloudAccountDetails",
            Op::List(&PUBLIC_CLOUD_ACCOUNT_DETAILS),
        ),
        r(
            Method::GET,
            "/ztw/api/v1/publicCloudInfo",
            Op::List(&PUBLIC_CLOUD_INFO),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

/// Records of `def` after its declared filters (read view of a call).
fn filtered(def: &ResourceDef, call: &Call<'_>) -> Vec<Value> {
    engine::visible(def, call.params, call.query, call.tenant)
}

/// Pages and wraps `records` in ZTW's bare-array envelope.
fn page(records: Vec<Value>, call: &Call<'_>) -> Result<Reply, ApiError> {
    envelope::list(LIST, Product::Ztw, records, call.query, call.path).map(Reply::ok)
}

/// A boolean query flag (`True`/`true`/`1`); `default` when absent.
fn flag(call: &Call<'_>, name: &str, default: bool) -> Result<bool, ApiError> {
    match call.query.first(name) {
        None | Some("") => Ok(default),
        Some(v) if v.eq_ignore_ascii_case("true") || v == "1" => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("false") || v == "0" => Ok(false),
        Some(v) => Err(engine::invalid(
            Product::Ztw,
            format!("Invalid value '{v}' for '{name}': expected true or false"),
        )),
    }
}

/// `GET /adminRoles`: auditor, partner and API roles only when asked for; `id` picks roles.
fn list_admin_roles(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let auditor = flag(call, "includeAuditorRole", false)?;
    let partner = flag(call, "includePartnerRole", true)?;
    let api = flag(call, "includeApiRoles", false)?;
    let roles: Vec<Value> = filtered(&ADMIN_ROLES, call)
        .into_iter()
        .filter(|r| auditor || r["isAuditor"] != json!(true))
        .filter(|r| partner || r["roleType"] != json!("PARTNER_ADMIN"))
        .filter(|r| api || r["roleType"] != json!("EXEC_INSIGHT_AND_ORG_ADMIN_API"))
        .collect();
    page(roles, call)
}

/// `GET /adminUsers`: `search` on login name, user name and email; auditors and plain admins
/// included per the flags; paged.
fn list_admin_users(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let auditors = flag(call, "includeAuditorUsers", false)?;
    let admins = flag(call, "includeAdminUsers", true)?;
    let api_roles = flag(call, "includeApiRoles", false)?;
    let search = call.query.first("search").unwrap_or("").to_lowercase();
    let users: Vec<Value> = engine::records(call.tenant, &ADMIN_USERS)
        .filter(|u| {
            let auditor = u["isAuditor"] == json!(true);
            if auditor { auditors } else { admins }
        })
        .filter(|u| api_roles || u["role"]["name"] != json!("API Admin"))
        .filter(|u| {
            search.is_empty()
                || ["loginName", "userName", "email"].iter().any(|f| {
                    u[*f]
                        .as_str()
                        .is_some_and(|v| v.to_lowercase().contains(&search))
                })
        })
        .cloned()
        .collect();
    page(users, call)
}

/// `GET /ipDestinationGroups`: `excludeType` drops groups of that type (repeatable).
/// Destination group types the API knows.
const DESTINATION_TYPES: [&str; 4] = ["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"];

/// An IPv4/IPv6 address, a CIDR block, or an `a-b` address range.
fn is_ip_entry(entry: &str) -> bool {
    let addr = |a: &str| a.trim().parse::<std::net::IpAddr>().is_ok();
    if let Some((ip, bits)) = entry.split_once('/') {
        let max = if ip.contains(':') { 128 } else { 32 };
        return addr(ip) && bits.parse::<u8>().is_ok_and(|b| b <= max);
    }
    if let Some((a, b)) = entry.split_once('-') {
        return addr(a) && addr(b);
    }
    addr(entry)
}

/// Checks that `field` (when present) is an array of IP entries.
fn check_ips(call: &Call<'_>, field: &str) -> Result<(), ApiError> {
    let Some(value) = call.body.and_then(|b| b.get(field)) else {
        return Ok(());
    };
    let Some(items) = value.as_array() else {
        return Err(engine::invalid(
            Product::Ztw,
            format!("Field '{field}' must be an array"),
        ));
    };
    match items
        .iter()
        .find(|i| !i.as_str().is_some_and(|s| is_ip_entry(s.trim())))
    {
        Some(bad) => Err(engine::invalid(
            Product::Ztw,
            format!("Invalid IP address {bad} in '{field}'"),
        )),
        None => Ok(()),
    }
}

fn create_ip_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_ips(call, "ipAddresses")?;
    engine::create(&IP_GROUPS, call)
}

fn create_ip_source_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_ips(call, "ipAddresses")?;
    engine::create(&IP_SOURCE_GROUPS, call)
}

/// `POST /ipDestinationGroups`: `type` must be known; `DSTN_IP` addresses must be IPs.
fn create_destination_group(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    if let Some(t) = call
        .body
        .and_then(|b| b.get("type"))
        .and_then(Value::as_str)
        && !DESTINATION_TYPES.contains(&t)
    {
        return Err(engine::invalid(
            Product::Ztw,
            format!(
                "Invalid value '{t}' for 'type': expected one of {}",
                DESTINATION_TYPES.join(", ")
            ),
        ));
    }
    if call.body.and_then(|b| b.get("type")) == Some(&json!("DSTN_IP")) {
        check_ips(call, "addresses")?;
    }
    engine::create(&IP_DESTINATION_GROUPS, call)
}

fn list_destination_groups(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let excluded: Vec<String> = call
        .query
        .all("excludeType")
        .iter()
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_uppercase())
        .filter(|v| !v.is_empty())
        .collect();
    if let Some(bad) = excluded
        .iter()
        .find(|t| !DESTINATION_TYPES.contains(&t.as_str()))
    {
        return Err(engine::invalid(
            Product::Ztw,
            format!("Invalid value '{bad}' for 'excludeType'"),
        ));
    }
    let groups: Vec<Value> = engine::records(call.tenant, &IP_DESTINATION_GROUPS)
        .filter(|g| {
            let t = g["type"].as_str().unwrap_or_default().to_uppercase();
            !excluded.contains(&t)
        })
        .cloned()
        .collect();
    page(groups, call)
}

fn lite(def: &ResourceDef, call: &Call<'_>) -> Result<Reply, ApiError> {
    let rows: Vec<Value> = engine::records(call.tenant, def)
        .map(|r| json!({"id": r["id"], "name": r["name"], "extensions": null}))
        .collect();
    page(rows, call)
}

fn list_ip_groups_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    lite(&IP_GROUPS, call)
}

fn list_ip_source_groups_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    lite(&IP_SOURCE_GROUPS, call)
}

/// `GET /networkServices`: `search` on the name, `protocol` (TCP, UDP, ...) keeps services
/// with ports of that protocol; `locale` is accepted (descriptions are English).
fn list_network_services(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let protocol = call.query.first("protocol").map(str::to_uppercase);
    let fields: &[&str] = match protocol.as_deref() {
        None | Some("") => &[],
        Some("TCP") => &["srcTcpPorts", "destTcpPorts"],
        Some("UDP") => &["srcUdpPorts", "destUdpPorts"],
        Some("ICMP" | "OTHER") => &["__none__"],
        Some(other) => {
            return Err(engine::invalid(
                Product::Ztw,
                format!("Invalid value '{other}' for 'protocol'"),
            ));
        }
    };
    let services: Vec<Value> = filtered(&NETWORK_SERVICES, call)
        .into_iter()
        .filter(|s| {
            fields.is_empty()
                || fields
                    .iter()
                    .any(|f| s[*f].as_array().is_some_and(|a| !a.is_empty()))
        })
        .collect();
    page(services, call)
}

// ---------------------------------------------------------------------------------------------
// Completion
// ---------------------------------------------------------------------------------------------

fn complete_ip_group(g: &mut serde_json::Map<String, Value>, _: i64) {
    g.entry("description").or_insert(Value::Null);
    g.entry("ipAddresses").or_insert(json!([]));
    g.entry("isNonEditable").or_insert(json!(false));
    g.entry("creatorContext").or_insert(json!("EC"));
}

fn complete_destination_group(g: &mut serde_json::Map<String, Value>, _: i64) {
    g.entry("description").or_insert(Value::Null);
    g.entry("addresses").or_insert(json!([]));
    g.entry("countries").or_insert(json!([]));
    g.entry("ipCategories").or_insert(json!([]));
    g.entry("urlCategories").or_insert(json!([]));
    g.entry("isNonEditable").or_insert(json!(false));
    g.entry("creatorContext").or_insert(json!("EC"));
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

fn seed_admin_roles(_s: &mut Seeder<'_>) -> Vec<Value> {
    let roles: [(i64, &str, &str, bool, i64); 5] = [
        (11, "Super Admin", "EDGE_CONNECTOR_ADMIN", false, 7),
        (12, "Connector Operator", "EDGE_CONNECTOR_ADMIN", false, 5),
        (13, "Auditor", "EDGE_CONNECTOR_ADMIN", true, 7),
        (14, "Partner Admin", "PARTNER_ADMIN", false, 7),
        (15, "API Admin", "EXEC_INSIGHT_AND_ORG_ADMIN_API", false, 7),
    ];
    roles
        .iter()
        .map(|(id, name, role_type, auditor, rank)| {
            let full = *name == "Super Admin";
            let access = if full { "READ_WRITE" } else { "READ_ONLY" };
            json!({
                "id": id,
                "name": name,
                "rank": rank,
                "roleType": role_type,
                "isAuditor": auditor,
                "isNonEditable": full,
                "policyAccess": access,
                "alertingAccess": access,
                "dashboardAccess": "READ_ONLY",
                "reportAccess": access,
                "analysisAccess": "READ_ONLY",
                "usernameAccess": if *auditor { "NONE" } else { "READ_ONLY" },
                "deviceInfoAccess": "READ_ONLY",
                "adminAcctAccess": access,
                "logsLimit": "UNRESTRICTED",
                "permissions": ["EC_DASHBOARD", "EC_LOCATION_MANAGEMENT"],
                "featurePermissions": {"EDGE_CONNECTOR_CLOUD_PROVISIONING": access},
            })
        })
        .collect()
}

fn seed_admin_users(s: &mut Seeder<'_>) -> Vec<Value> {
    const PEOPLE: [(&str, &str); 6] = [
        ("Alex Morgan", "Super Admin"),
        ("Priya Raman", "Connector Operator"),
        ("Jonas Berg", "Connector Operator"),
        ("Mei Tanaka", "Auditor"),
        ("Ravi Patel", "Partner Admin"),
        ("Automation Bot", "API Admin"),
    ];
    let roles = s.tenant.collection(ADMIN_ROLES.key).map(|c| {
        c.records
            .values()
            .map(|r| (r["name"].clone(), r["id"].clone()))
            .collect::<Vec<_>>()
    });
    let roles = roles.unwrap_or_default();
    PEOPLE
        .iter()
        .enumerate()
        .map(|(i, (name, role))| {
            let login = name.to_lowercase().replace(' ', ".");
            let role_id = roles
                .iter()
                .find(|(n, _)| n == role)
                .map(|(_, id)| id.clone())
                .unwrap_or(Value::Null);
            json!({
                "id": 9_001 + i as i64,
                "loginName": format!("{login}@example.com"),
                "userName": name,
                "name": name,
                "email": format!("{login}@example.com"),
                "role": {"id": role_id, "name": role, "isNameL10nTag": false, "extensions": null},
                "comments": s.text(&format!("{role} account")),
                "adminScopeType": "ORGANIZATION",
                "adminScopeScopeEntities": [],
                "adminScopescopeGroupMemberEntities": [],
                "isAuditor": *role == "Auditor",
                "isDefaultAdmin": i == 0,
                "isDeprecatedDefaultAdmin": false,
                "disabled": false,
                "isPasswordLoginAllowed": i != 5,
                "isPasswordExpired": false,
                "isSecurityReportCommEnabled": s.chance(0.5),
                "isServiceUpdateCommEnabled": s.chance(0.5),
                "isProductUpdateCommEnabled": s.chance(0.5),
                "isExecMobileAppEnabled": false,
                "execMobileAppTokens": [],
                "sendMobileAppInvite": false,
                "sendZdxOnboardInvite": false,
                "newLocationCreateAllowed": i < 3,
                "pwdLastModifiedTime": s.epoch_within(180),
                "password": null,
            })
        })
        .collect()
}

fn seed_discovery_settings(s: &mut Seeder<'_>) -> Vec<Value> {
    let account = format!("{:012}", s.int(100_000_000_000, 999_999_999_999));
    vec![json!({
        "discoveryRole": "ZscalerWorkloadDiscoveryRole",
        "externalId": s.hex(32),
        "permissions": {
            "trustedAccountId": account,
            "trustedRoleName": "ZscalerTagDiscoveryRoleBasic",
        },
        "trustedAccountId": account,
        "trustedRoleName": "ZscalerTagDiscoveryRoleBasic",
    })]
}

fn seed_destination_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    let groups = [
        ("Corporate Data Centers", "DSTN_IP"),
        ("SaaS Collaboration", "DSTN_FQDN"),
        ("Partner Domains", "DSTN_DOMAIN"),
        ("Blocked Countries", "DSTN_OTHER"),
        ("AWS VPC Ranges", "DSTN_IP"),
    ];
    groups
        .iter()
        .map(|(name, t)| {
            let addresses: Vec<String> = match *t {
                "DSTN_IP" => (0..3).map(|_| format!("{}/24", s.ipv4())).collect(),
                "DSTN_FQDN" => vec!["teams.microsoft.com".into(), "slack.com".into()],
                "DSTN_DOMAIN" => vec![".partner.example".into(), ".supplier.example".into()],
                _ => Vec::new(),
            };
            let countries: Vec<&str> = if *t == "DSTN_OTHER" {
                vec!["COUNTRY_KP", "COUNTRY_IR"]
            } else {
                Vec::new()
            };
            json!({
                "name": name,
                "type": t,
                "description": s.text(&format!("{name} destinations")),
                "addresses": addresses,
                "countries": countries,
                "ipCategories": [],
                "urlCategories": [],
                "isNonEditable": false,
                "creatorContext": "EC",
            })
        })
        .collect()
}

fn seed_groups(s: &mut Seeder<'_>, names: &[&str]) -> Vec<Value> {
    let n = names.len();
    (0..n)
        .map(|i| {
            let name = names
                .get(i)
                .map(|n| n.to_string())
                .unwrap_or_else(|| format!("IP group {i:05}"));
            let count = s.int(1, 4);
            let addresses: Vec<String> = (0..count)
                .map(|k| {
                    if k % 2 == 0 {
                        s.ipv4()
                    } else {
                        format!("{}/28", s.ipv4())
                    }
                })
                .collect();
            json!({
                "name": name,
                "description": s.text(&format!("{name} (seeded)")),
                "ipAddresses": addresses,
                "isNonEditable": false,
                "creatorContext": "EC",
            })
        })
        .collect()
}

fn seed_ip_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    seed_groups(
        s,
        &[
            "Branch Subnets",
            "Data Center Servers",
            "VPN Pool",
            "Cloud Workloads",
        ],
    )
}

fn seed_ip_source_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    seed_groups(
        s,
        &[
            "Branch Office Users",
            "Guest WiFi",
            "Kubernetes Nodes",
            "Build Agents",
        ],
    )
}

fn ports(start: i64, end: i64) -> Value {
    if start == end {
        json!([{"start": start, "end": 0}])
    } else {
        json!([{"start": start, "end": end}])
    }
}

/// (name, type, TCP destination ports, UDP destination ports)
type Service = (
    &'static str,
    &'static str,
    Option<(i64, i64)>,
    Option<(i64, i64)>,
);

fn seed_network_services(s: &mut Seeder<'_>) -> Vec<Value> {
    let services: [Service; 8] = [
        ("HTTP", "PREDEFINED", Some((80, 80)), None),
        ("HTTPS", "PREDEFINED", Some((443, 443)), Some((443, 443))),
        ("DNS", "PREDEFINED", Some((53, 53)), Some((53, 53))),
        ("SSH", "PREDEFINED", Some((22, 22)), None),
        ("NTP", "PREDEFINED", None, Some((123, 123))),
        ("RDP", "PREDEFINED", Some((3389, 3389)), Some((3389, 3389))),
        ("SYSLOG", "STANDARD", None, Some((514, 514))),
        ("Custom App Ports", "CUSTOM", Some((8000, 8099)), None),
    ];
    services
        .iter()
        .map(|(name, t, tcp, udp)| {
            let description = if *t == "CUSTOM" {
                s.text("Internal application ports")
            } else {
                format!("{name} service")
            };
            json!({
                "name": name,
                "tag": name.to_uppercase().replace(' ', "_"),
                "type": t,
                "description": description,
                "srcTcpPorts": [],
                "destTcpPorts": tcp.map(|(a, b)| ports(a, b)).unwrap_or(json!([])),
                "srcUdpPorts": [],
                "destUdpPorts": udp.map(|(a, b)| ports(a, b)).unwrap_or(json!([])),
                "isNameL10nTag": *t != "CUSTOM",
                "creatorContext": "EC",
            })
        })
        .collect()
}

fn seed_network_service_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    let services: Vec<Value> = s
        .tenant
        .collection(NETWORK_SERVICES.key)
        .map(|c| {
            c.records
                .values()
                .map(|r| json!({"id": r["id"], "name": r["name"], "isNameL10nTag": r["isNameL10nTag"]}))
                .collect()
        })
        .unwrap_or_default();
    let groups = [
        ("Web Services", vec!["HTTP", "HTTPS"]),
        ("Infrastructure", vec!["DNS", "NTP", "SYSLOG"]),
        ("Remote Administration", vec!["SSH", "RDP"]),
    ];
    groups
        .iter()
        .map(|(name, members)| {
            let chosen: Vec<Value> = services
                .iter()
                .filter(|sv| members.iter().any(|m| sv["name"] == json!(m)))
                .cloned()
                .collect();
            json!({
                "name": name,
                "description": s.text(&format!("{name} group")),
                "services": chosen,
                "creatorContext": "EC",
            })
        })
        .collect()
}

fn seed_public_cloud_info(s: &mut Seeder<'_>) -> Vec<Value> {
    let n = 4;
    let clouds = ["AWS", "AZURE", "GCP"];
    (0..n)
        .map(|i| {
            let cloud = clouds[i % clouds.len()];
            let name = match cloud {
                "AWS" => format!("aws-prod-{i:03}"),
                "AZURE" => format!("azure-subscription-{i:03}"),
                _ => format!("gcp-project-{i:03}"),
            };
            let account = format!("{:012}", s.int(100_000_000_000, 999_999_999_999));
            let regions = match cloud {
                "AWS" => vec!["us-east-1", "eu-west-1"],
                "AZURE" => vec!["eastus", "westeurope"],
                _ => vec!["us-central1"],
            };
            let modified = s.epoch_within(60);
            json!({
                "name": name,
                "cloudType": cloud,
                "externalId": s.hex(16),
                "lastModTime": modified,
                "lastSyncTime": (modified + 3600).min(s.now()),
                "permissionStatus": if s.chance(0.85) { "VALID" } else { "INVALID" },
                "accountGroups": [{"id": 700 + (i % 2) as i64, "name": if i % 2 == 0 { "Production" } else { "Staging" }, "externalId": null}],
                "regionStatus": regions.iter().map(|r| json!({"id": null, "name": r, "cloudType": cloud, "status": true})).collect::<Vec<_>>(),
                "supportedRegions": regions.iter().map(|r| json!({"id": null, "name": r, "cloudType": cloud})).collect::<Vec<_>>(),
                "lastModUser": {"id": 9001, "name": "alex.morgan@example.com", "externalId": null},
                "accountDetails": {
                    "awsAccountId": if cloud == "AWS" { json!(account) } else { Value::Null },
                    "awsRoleName": if cloud == "AWS" { json!("ZscalerWorkloadDiscoveryRole") } else { Value::Null },
                    "cloudWatchGroupArn": null,
                    "eventBusName": null,
                    "externalId": s.hex(16),
                    "logInfoType": "INFO",
                    "troubleShootingLogging": false,
                    "trustedAccountId": "223544365242",
                    "trustedRole": "ZscalerTagDiscoveryRoleBasic",
                },
            })
        })
        .collect()
}

fn seed_public_cloud_account_details(s: &mut Seeder<'_>) -> Vec<Value> {
    let accounts: Vec<Value> = s
        .tenant
        .collection(PUBLIC_CLOUD_INFO.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    accounts
        .iter()
        .map(|a| {
            json!({
                "id": a["id"],
                "accountId": a["accountDetails"]["awsAccountId"].as_str().map(str::to_string)
                    .unwrap_or_else(|| a["externalId"].as_str().unwrap_or_default().to_string()),
                "cloudType": a["cloudType"],
                "platformId": a["externalId"],
                "name": a["name"],
                "status": if a["permissionStatus"] == json!("VALID") { "ACTIVE" } else { "INACTIVE" },
                "lastSyncTime": a["lastSyncTime"],
                "regions": a["supportedRegions"].as_array().map(|r| r.iter().map(|x| x["name"].clone()).collect::<Vec<_>>()).unwrap_or_default(),
                "description": s.text("Discovered cloud account"),
            })
        })
        .collect()
}
