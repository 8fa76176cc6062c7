//! ZPA `zpa_app_segments` endpoints: application segments (`/application`, CRUD) and
//! `GET /application/getAppsByType` (the browser-access, privileged-remote-access or inspection
//! apps inside the segments). Segments scale with `--scale`.
//!
//! Ports arrive as `tcpPortRanges: ["from","to",...]` (or the `tcpPortRange: [{from,to}]`
//! form) and both forms are stored. Browser-access apps come in `clientlessAppIds` and PRA apps
//! in `commonAppsDto.appsConfig`; they are stored as `clientlessApps` / `praApps` with ids. On a
//! `PUT`, a body without real entries there (absent, `null`, or the SDK's `[{}]`) keeps the
//! segment's existing apps; an explicit `[]` removes them.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::{
    Res, ba_certificates::BA_CERTIFICATES, crud, expand_refs, fill_map,
    segment_groups::SEGMENT_GROUPS, server_groups::SERVER_GROUPS,
};
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

pub static APP_SEGMENTS: ResourceDef = ResourceDef {
    complete: |m, _| fill_map(m, defaults()),
    required: &["name", "domainNames", "segmentGroupId"],
    ..super::zpa("zpa.app_segments", seed)
};

pub static RESOURCES: &[&ResourceDef] = &[&APP_SEGMENTS];

pub struct AppSegments;

/// Validated `["from","to",...]` text pairs from either port form of `map` (`plural` is e.g.
/// `tcpPortRanges`, `singular` `tcpPortRange`).
fn ports(map: &Map<String, Value>, plural: &str, singular: &str) -> Result<Vec<String>, ApiError> {
    let mut flat: Vec<String> = Vec::new();
    if let Some(items) = map.get(plural).and_then(Value::as_array) {
        for v in items {
            flat.push(super::text(v).ok_or_else(|| {
                super::invalid(format!(
                    "Invalid '{plural}': ports must be strings or numbers"
                ))
            })?);
        }
    } else if map.get(plural).is_some_and(|v| !v.is_null()) {
        return Err(super::invalid(format!("'{plural}' must be a list")));
    }
    if flat.is_empty()
        && let Some(items) = map.get(singular).and_then(Value::as_array)
    {
        for item in items {
            for key in ["from", "to"] {
                flat.push(item.get(key).and_then(super::text).ok_or_else(|| {
                    super::invalid(format!(
                        "Invalid '{singular}': each range needs 'from' and 'to'"
                    ))
                })?);
            }
        }
    }
    if !flat.len().is_multiple_of(2) {
        return Err(super::invalid(format!(
            "Invalid '{plural}': expected pairs of from/to ports, got {} values",
            flat.len()
        )));
    }
    for pair in flat.chunks(2) {
        let from = pair[0].trim().parse::<u32>().ok();
        let to = pair[1].trim().parse::<u32>().ok();
        match (from, to) {
            (Some(f), Some(t))
                if (1..=65535).contains(&f) && (1..=65535).contains(&t) && f <= t => {}
            _ => {
                return Err(super::invalid(format!(
                    "Invalid port range {}-{} in '{plural}': ports are 1-65535 and from <= to",
                    pair[0], pair[1]
                )));
            }
        }
    }
    Ok(flat.into_iter().map(|p| p.trim().to_string()).collect())
}

fn range_objects(flat: &[String]) -> Value {
    Value::Array(
        flat.chunks(2)
            .map(|p| json!({"from": p[0], "to": p[1]}))
            .collect(),
    )
}

/// A fresh id for an app inside a segment (browser-access or PRA app).
fn sub_id(map: &Map<String, Value>, n: usize) -> String {
    let base = map
        .get("creationTime")
        .and_then(super::text)
        .and_then(|t| t.parse::<u64>().ok())
        .unwrap_or(0);
    format!(
        "{}",
        216_196_257_331_900_000u64 + (base % 90_000) * 10 + n as u64
    )
}

/// Real (non-empty) entries of a list of sub-app objects, or `None` when the body carries none.
fn entries(v: Option<&Value>) -> Option<Vec<Map<String, Value>>> {
    let items = v?.as_array()?;
    let real: Vec<Map<String, Value>> = items
        .iter()
        .filter_map(Value::as_object)
        .filter(|o| !o.is_empty())
        .cloned()
        .collect();
    if real.is_empty() && !items.is_empty() {
        None
    } else {
        Some(real)
    }
}

fn sub_apps(
    tenant: &Tenant,
    map: &mut Map<String, Value>,
    existing: Option<&Value>,
) -> Result<(), ApiError> {
    let domain = map
        .get("domainNames")
        .and_then(Value::as_array)
        .and_then(|d| d.first())
        .and_then(super::text)
        .unwrap_or_default();
    // Browser access.
    match entries(map.get("clientlessAppIds")) {
        Some(items) => {
            let mut out = Vec::new();
            for (n, item) in items.into_iter().enumerate() {
                let cert = item.get("certificateId").cloned().unwrap_or(Value::Null);
                if cert.is_null() {
                    return Err(super::invalid(
                        "Missing required field 'clientlessAppIds[].certificateId'",
                    ));
                }
                let cert_name = super::reference(tenant, &BA_CERTIFICATES, "certificateId", &cert)?;
                let mut app = json!({
                    "id": item.get("id").cloned().filter(|v| !v.is_null()).unwrap_or_else(|| json!(sub_id(map, n))),
                    "name": item.get("name").cloned().unwrap_or_else(|| json!(domain)),
                    "description": item.get("description").cloned().unwrap_or(Value::Null),
                    "enabled": item.get("enabled").cloned().unwrap_or(json!(true)),
                    "domain": item.get("domain").cloned().unwrap_or_else(|| json!(domain)),
                    "applicationPort": item.get("applicationPort").and_then(super::text).unwrap_or_else(|| "443".into()),
                    "applicationProtocol": item.get("applicationProtocol").cloned().unwrap_or(json!("HTTPS")),
                    "certificateId": super::text(&cert),
                    "certificateName": cert_name,
                    "allowOptions": item.get("allowOptions").cloned().unwrap_or(json!(false)),
                    "trustUntrustedCert": item.get("trustUntrustedCert").cloned().unwrap_or(json!(false)),
                    "hidden": false,
                    "path": item.get("path").cloned().unwrap_or(Value::Null),
                    "cname": format!("{}.b.zscalerbrowser.example", domain.replace('.', "-")),
                    "localDomain": item.get("localDomain").cloned().unwrap_or_else(|| json!(domain)),
                });
                super::fill(
                    &mut app,
                    json!({"microtenantId": map.get("microtenantId").cloned().unwrap_or(Value::Null)}),
                );
                out.push(app);
            }
            map.insert("clientlessApps".into(), Value::Array(out));
        }
        None => {
            let keep = existing
                .and_then(|e| e.get("clientlessApps").cloned())
                .unwrap_or(json!([]));
            map.insert("clientlessApps".into(), keep);
        }
    }
    map.remove("clientlessAppIds");
    // Privileged remote access.
    let configs = map
        .get("commonAppsDto")
        .and_then(|c| c.get("appsConfig"))
        .cloned();
    match entries(configs.as_ref()) {
        Some(items) => {
            let mut out = Vec::new();
            for (n, item) in items.into_iter().enumerate() {
                let protocol = item
                    .get("applicationProtocol")
                    .and_then(Value::as_str)
                    .unwrap_or("SSH")
                    .to_string();
                if !["SSH", "RDP", "VNC"].contains(&protocol.as_str()) {
                    return Err(super::invalid(format!(
                        "Invalid applicationProtocol '{protocol}' for a PRA app: expected SSH, RDP or VNC"
                    )));
                }
                out.push(json!({
                    "id": sub_id(map, 100 + n),
                    "name": item.get("name").cloned().unwrap_or_else(|| json!(domain)),
                    "description": item.get("description").cloned().unwrap_or(Value::Null),
                    "enabled": item.get("enabled").cloned().unwrap_or(json!(true)),
                    "domain": item.get("domain").cloned().unwrap_or_else(|| json!(domain)),
                    "applicationPort": item.get("applicationPort").and_then(super::text).unwrap_or_else(|| if protocol == "RDP" { "3389".into() } else { "22".into() }),
                    "applicationProtocol": protocol,
                    "connectionSecurity": item.get("connectionSecurity").cloned().unwrap_or(json!("ANY")),
                    "hidden": false,
                    "microtenantId": map.get("microtenantId").cloned().unwrap_or(Value::Null),
                }));
            }
            map.insert("praApps".into(), Value::Array(out));
        }
        None => {
            let keep = existing
                .and_then(|e| e.get("praApps").cloned())
                .unwrap_or(json!([]));
            map.insert("praApps".into(), keep);
        }
    }
    map.insert("commonAppsDto".into(), Value::Null);
    Ok(())
}

impl Res for AppSegments {
    fn def() -> &'static ResourceDef {
        &APP_SEGMENTS
    }
    const SERVER_FIELDS: &'static [&'static str] = &["segmentGroupName"];
    fn prepare(
        tenant: &Tenant,
        map: &mut Map<String, Value>,
        existing: Option<&Value>,
    ) -> Result<(), ApiError> {
        let domains = map
            .get("domainNames")
            .and_then(Value::as_array)
            .ok_or_else(|| super::invalid("'domainNames' must be a list of domains"))?;
        if domains
            .iter()
            .any(|d| d.as_str().is_none_or(|d| d.trim().is_empty()))
        {
            return Err(super::invalid("'domainNames' must hold non-empty strings"));
        }
        let group = map.get("segmentGroupId").cloned().unwrap_or(Value::Null);
        let group_name = super::reference(tenant, &SEGMENT_GROUPS, "segmentGroupId", &group)?;
        map.insert("segmentGroupId".into(), json!(super::text(&group)));
        map.insert("segmentGroupName".into(), json!(group_name));
        expand_refs(tenant, map, "serverGroups", &SERVER_GROUPS)?;
        let tcp = ports(map, "tcpPortRanges", "tcpPortRange")?;
        let udp = ports(map, "udpPortRanges", "udpPortRange")?;
        if tcp.is_empty() && udp.is_empty() {
            return Err(super::invalid(
                "Missing required field 'tcpPortRanges': give at least one TCP or UDP port range",
            ));
        }
        map.insert("tcpPortRange".into(), range_objects(&tcp));
        map.insert("udpPortRange".into(), range_objects(&udp));
        map.insert("tcpPortRanges".into(), json!(tcp));
        map.insert("udpPortRanges".into(), json!(udp));
        super::check_enum(map, "bypassType", &["NEVER", "ALWAYS", "ON_NET"])?;
        super::check_enum(map, "healthReporting", &["NONE", "ON_ACCESS", "CONTINUOUS"])?;
        sub_apps(tenant, map, existing)
    }
}

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<AppSegments>(
        v1!("/application"),
        v1!("/application/{segmentId}"),
        "LCGRD",
    );
    routes.push(Route::new(
        Method::GET,
        v1!("/application/getAppsByType"),
        Op::Custom(apps_by_type),
    ));
    routes
}

/// `GET /application/getAppsByType?applicationType=BROWSER_ACCESS|SECURE_REMOTE_ACCESS|INSPECT`:
/// the apps of that kind inside the visible segments, in the ZPA envelope.
fn apps_by_type(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let kind = call.query.first("applicationType").unwrap_or_default();
    let field = match kind {
        "BROWSER_ACCESS" => "clientlessApps",
        "SECURE_REMOTE_ACCESS" => "praApps",
        "INSPECT" => "inspectionApps",
        other => {
            return Err(super::invalid(format!(
                "Invalid applicationType '{other}': expected BROWSER_ACCESS, SECURE_REMOTE_ACCESS or INSPECT"
            )));
        }
    };
    let tenant: &Tenant = call.tenant;
    // The segment scope (microtenant) applies; `search` applies to the apps' names.
    let mut scope_query = call.query.clone();
    scope_query.0.retain(|(k, _)| k != "search");
    let segments = super::visible::<AppSegments>(tenant, call.params, &scope_query)?;
    let searches = call.query.all("search");
    let apps: Vec<Value> = segments
        .into_iter()
        .flat_map(|seg| {
            let items = seg
                .get(field)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            items.into_iter().map(move |app| {
                json!({
                    "id": app["id"],
                    "appId": seg["id"],
                    "name": app["name"],
                    "enabled": app["enabled"],
                    "domain": app["domain"],
                    "applicationPort": app["applicationPort"],
                    "applicationProtocol": app["applicationProtocol"],
                    "certificateId": app.get("certificateId").cloned().unwrap_or(Value::Null),
                    "certificateName": app.get("certificateName").cloned().unwrap_or(Value::Null),
                    "microtenantId": seg["microtenantId"],
                    "microtenantName": seg["microtenantName"],
                })
            })
        })
        .filter(|app| {
            searches
                .iter()
                .filter(|s| !s.is_empty())
                .all(|s| crate::engine::zpa_search(app, "/name", s))
        })
        .collect();
    crate::envelope::zpa_page(call.query, &apps, |_| {}).map(Reply::ok)
}

fn defaults() -> Value {
    let mut d = json!({
        "name": null,
        "description": null,
        "enabled": true,
        "domainNames": [],
        "segmentGroupId": null,
        "segmentGroupName": null,
        "serverGroups": [],
        "tcpPortRanges": [],
        "udpPortRanges": [],
        "tcpPortRange": [],
        "udpPortRange": [],
        "bypassType": "NEVER",
        "bypassOnReauth": false,
        "configSpace": "DEFAULT",
        "doubleEncrypt": false,
        "healthCheckType": "DEFAULT",
        "healthReporting": "ON_ACCESS",
        "icmpAccessType": "NONE",
        "ipAnchored": false,
        "isCnameEnabled": true,
        "isIncompleteDRConfig": false,
        "matchStyle": "EXCLUSIVE",
        "passiveHealthEnabled": true,
        "selectConnectorCloseToApp": false,
        "useInDrMode": false,
        "fqdnDnsCheck": false,
    });
    super::fill(
        &mut d,
        json!({
            "tcpKeepAlive": "0",
            "inspectWildcardDomain": false,
            "adpEnabled": false,
            "apiProtectionEnabled": false,
            "autoAppProtectEnabled": false,
            "extranetEnabled": false,
            "appRecommendationId": null,
            "defaultIdleTimeout": "",
            "defaultMaxAge": "",
            "clientlessApps": [],
            "praApps": [],
            "inspectionApps": [],
            "commonAppsDto": null,
            "sharedMicrotenantDetails": null,
            "readOnly": false,
            "restrictionType": null,
            "zscalerManaged": false,
            "creationTime": null,
            "modifiedTime": null,
            "modifiedBy": null,
            "microtenantId": null,
            "microtenantName": "Default",
        }),
    );
    d
}

/// (name, domain, tcp ports) of the curated segments; more are numbered.
const CURATED: [(&str, &str, &[&str]); 14] = [
    ("Jira", "jira.corp.example.com", &["443", "443"]),
    ("Confluence", "confluence.corp.example.com", &["443", "443"]),
    (
        "GitLab",
        "gitlab.corp.example.com",
        &["22", "22", "443", "443"],
    ),
    (
        "Workday Connector",
        "workday-int.corp.example.com",
        &["443", "443"],
    ),
    (
        "SAP ERP",
        "sap.corp.example.com",
        &["3200", "3299", "8000", "8001"],
    ),
    ("Grafana", "grafana.ops.example.com", &["3000", "3000"]),
    ("SSH Jump Hosts", "jump.corp.example.com", &["22", "22"]),
    (
        "Intranet Portal",
        "intranet.corp.example.com",
        &["80", "80", "443", "443"],
    ),
    ("Jenkins", "jenkins.dev.example.com", &["8080", "8080"]),
    ("Dev Wildcard", "*.dev.example.com", &["1", "65535"]),
    ("File Shares", "files.corp.example.com", &["445", "445"]),
    (
        "Payroll DB",
        "payroll-db.fin.example.com",
        &["1433", "1433"],
    ),
    (
        "Windows Servers RDP",
        "rdp.corp.example.com",
        &["3389", "3389"],
    ),
    ("Kibana", "kibana.ops.example.com", &["5601", "5601"]),
];

fn seed(s: &mut Seeder<'_>) -> Vec<Value> {
    let groups: Vec<Value> = engine::records(s.tenant, &SEGMENT_GROUPS)
        .cloned()
        .collect();
    let server_groups = super::id_names(s.tenant, &SERVER_GROUPS);
    let certs = super::id_names(s.tenant, &BA_CERTIFICATES);
    if groups.len() < 8 || server_groups.is_empty() {
        return Vec::new();
    }
    let n = s.large(40);
    let defaults = defaults();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (name, domain, tcp): (String, String, Vec<String>) = match CURATED.get(i) {
            Some((name, domain, tcp)) => (
                name.to_string(),
                domain.to_string(),
                tcp.iter().map(|p| p.to_string()).collect(),
            ),
            None => {
                let port = *s.pick(&["443", "8443", "80", "22", "3389", "5432"]);
                (
                    format!("App Segment {i:05}"),
                    format!("app{i:05}.corp.example.com"),
                    vec![port.to_string(), port.to_string()],
                )
            }
        };
        // Every tenth-and-seventh segment is browser access, every tenth-and-sixth PRA.
        let kind = i % 10;
        let group = match kind {
            6 => &groups[6],
            7 => &groups[7],
            _ => &groups[i % 6],
        };
        let sgs: Vec<Value> = s
            .pick_some(&server_groups, 2)
            .into_iter()
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect();
        let sgs = if sgs.is_empty() {
            let (id, name) = &server_groups[i % server_groups.len()];
            vec![json!({"id": id, "name": name})]
        } else {
            sgs
        };
        let udp: Vec<String> = if name == "Intranet Portal" {
            vec!["53".into(), "53".into()]
        } else {
            Vec::new()
        };
        let base_id = 216_196_257_331_600_000u64 + (i as u64) * 2;
        let clientless = if kind == 7 && !certs.is_empty() {
            let (cert_id, cert_name) = &certs[i % certs.len()];
            json!([{
                "id": base_id.to_string(), "name": format!("{name} (browser)"),
                "description": null, "enabled": true, "domain": domain,
                "applicationPort": "443", "applicationProtocol": "HTTPS",
                "certificateId": cert_id, "certificateName": cert_name,
                "allowOptions": false, "trustUntrustedCert": false, "hidden": false, "path": "/",
                "cname": format!("{}.b.zscalerbrowser.example", domain.replace('.', "-")),
                "localDomain": domain, "microtenantId": group["microtenantId"],
            }])
        } else {
            json!([])
        };
        let pra = if kind == 6 {
            let rdp = s.chance(0.5);
            json!([{
                "id": (base_id + 1).to_string(), "name": format!("{name} ({})", if rdp { "RDP" } else { "SSH" }),
                "description": null, "enabled": true, "domain": domain,
                "applicationPort": if rdp { "3389" } else { "22" }, "applicationProtocol": if rdp { "RDP" } else { "SSH" },
                "connectionSecurity": "ANY", "hidden": false, "microtenantId": group["microtenantId"],
            }])
        } else {
            json!([])
        };
        let created = s.epoch_within(365);
        let mut r = json!({
            "name": name,
            "description": s.text(&format!("{name} application segment")),
            "enabled": s.chance(0.92),
            "domainNames": [domain],
            "segmentGroupId": group["id"],
            "segmentGroupName": group["name"],
            "serverGroups": sgs,
            "tcpPortRanges": tcp,
            "udpPortRanges": udp,
            "tcpPortRange": range_objects(&tcp),
            "udpPortRange": range_objects(&udp),
            "bypassType": if s.chance(0.05) { "ALWAYS" } else { "NEVER" },
            "healthReporting": *s.pick(&["ON_ACCESS", "ON_ACCESS", "CONTINUOUS", "NONE"]),
            "doubleEncrypt": s.chance(0.1),
            "icmpAccessType": if s.chance(0.2) { "PING" } else { "NONE" },
            "isCnameEnabled": true,
            "clientlessApps": clientless,
            "praApps": pra,
            "creationTime": created.to_string(),
            "modifiedTime": (created + 86_400).min(s.now()).to_string(),
            "modifiedBy": super::API_ADMIN_ID,
            "microtenantId": group["microtenantId"],
            "microtenantName": group["microtenantName"],
        });
        super::fill_from(&mut r, &defaults);
        out.push(r);
    }
    out
}
