//! ZPA `zpa_misc` endpoints (read-only): posture profiles and trusted networks (v2 list, v1
//! get), cloud browser isolation profiles (`/zpa/cbiconfig/...`: a bare array with UUID ids, as
//! the CBI API answers), app protection (inspection) profiles, LSS configurations (v2, the name
//! lives in `config.name`), LSS log formats, status codes and client types.

use axum::http::Method;
use serde_json::{Value, json};

use super::{Res, app_connector_groups::APP_CONNECTOR_GROUPS, crud, seed_stamps};
use crate::engine::{Call, IdKind, Reply, ResourceDef};
use crate::envelope::Envelope;
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static POSTURE_PROFILES: ResourceDef = super::zpa("zpa.posture_profiles", seed_posture);
pub static TRUSTED_NETWORKS: ResourceDef = super::zpa("zpa.trusted_networks", seed_networks);
pub static ISOLATION_PROFILES: ResourceDef = ResourceDef {
    id_kind: IdKind::Uuid,
    envelope: Envelope::BareArray {
        default_page_size: None,
        max_page_size: 10_000,
    },
    ..super::zpa("zpa.isolation_profiles", seed_isolation)
};
pub static INSPECTION_PROFILES: ResourceDef =
    super::zpa("zpa.inspection_profiles", seed_inspection);
pub static LSS_CONFIGS: ResourceDef = ResourceDef {
    name_field: None,
    unique_name: false,
    ..super::zpa("zpa.lss_configs", seed_lss)
};

pub static RESOURCES: &[&ResourceDef] = &[
    &POSTURE_PROFILES,
    &TRUSTED_NETWORKS,
    &ISOLATION_PROFILES,
    &INSPECTION_PROFILES,
    &LSS_CONFIGS,
];

macro_rules! read_only {
    ($ty:ident, $def:ident, $path:literal) => {
        pub struct $ty;
        impl Res for $ty {
            fn def() -> &'static ResourceDef {
                &$def
            }
            const SCOPED: bool = false;
            const NAME_PATH: &'static str = $path;
        }
    };
}
read_only!(PostureProfiles, POSTURE_PROFILES, "/name");
read_only!(TrustedNetworks, TRUSTED_NETWORKS, "/name");
read_only!(InspectionProfiles, INSPECTION_PROFILES, "/name");
read_only!(LssConfigs, LSS_CONFIGS, "/config/name");

pub fn routes() -> Vec<Route> {
    let mut routes = crud::<PostureProfiles>(v2!("/posture"), v1!("/posture/{profileId}"), "LG");
    routes.extend(crud::<TrustedNetworks>(
        v2!("/network"),
        v1!("/network/{networkId}"),
        "LG",
    ));
    routes.extend(crud::<InspectionProfiles>(
        v1!("/inspectionProfile"),
        "",
        "L",
    ));
    routes.extend(crud::<LssConfigs>(
        v2!("/lssConfig"),
        v2!("/lssConfig/{lssConfigId}"),
        "LG",
    ));
    routes.extend([
        Route::new(
            Method::GET,
            "/zpa/cbiconfig/cbi/api/customers/{customerId}/profiles",
            Op::List(&ISOLATION_PROFILES),
        ),
        Route::new(
            Method::GET,
            v2!("/lssConfig/logType/formats"),
            Op::Custom(lss_formats),
        ),
        Route::new(
            Method::GET,
            "/zpa/mgmtconfig/v2/admin/lssConfig/statusCodes",
            Op::Custom(lss_status_codes),
        ),
        Route::new(
            Method::GET,
            "/zpa/mgmtconfig/v2/admin/lssConfig/customers/{customerId}/clientTypes",
            Op::Custom(lss_client_types),
        ),
    ]);
    routes
}

/// LSS log types and the fields their formats carry.
const LOG_TYPES: [(&str, &[&str]); 9] = [
    (
        "zpn_trans_log",
        &[
            "LogTimestamp",
            "Customer",
            "SessionID",
            "ConnectionID",
            "Username",
            "Application",
            "AppGroup",
            "Policy",
            "ClientPublicIP",
            "ServerIP",
            "ServerPort",
            "ConnectionStatus",
            "Connector",
            "ConnectorZEN",
        ],
    ),
    (
        "zpn_auth_log",
        &[
            "LogTimestamp",
            "Customer",
            "Username",
            "SessionID",
            "SessionStatus",
            "Version",
            "Platform",
            "ZEN",
            "CertificateCN",
            "PublicIP",
            "PrivateIP",
            "ClientType",
        ],
    ),
    (
        "zpn_ast_auth_log",
        &[
            "LogTimestamp",
            "Customer",
            "SessionID",
            "SessionType",
            "SessionStatus",
            "Version",
            "Platform",
            "ZEN",
            "Connector",
            "ConnectorGroup",
            "PrivateIP",
            "PublicIP",
        ],
    ),
    (
        "zpn_http_trans_log",
        &[
            "LogTimestamp",
            "Customer",
            "Domain",
            "Method",
            "URL",
            "StatusCode",
            "ClientPublicIP",
            "Username",
            "UserAgent",
            "ConnectionID",
        ],
    ),
    (
        "zpn_audit_log",
        &[
            "ModifiedTime",
            "CreationTime",
            "ModifiedBy",
            "RequestID",
            "SessionID",
            "AuditOldValue",
            "AuditNewValue",
            "AuditOperationType",
            "ObjectType",
            "ObjectName",
            "ObjectID",
            "Customer",
            "User",
            "ClientAuditUpdate",
        ],
    ),
    (
        "zpn_sys_auth_log",
        &[
            "LogTimestamp",
            "Customer",
            "SessionID",
            "SessionStatus",
            "Version",
            "Platform",
            "ClientType",
            "TrustedNetworks",
            "PublicIP",
            "PrivateIP",
        ],
    ),
    (
        "zpn_ast_comprehensive_stats",
        &[
            "LogTimestamp",
            "Customer",
            "SessionID",
            "ConnectorGroup",
            "Connector",
            "CPUUtilization",
            "SystemMemoryUtilization",
            "ProcessMemoryUtilization",
            "AppCount",
            "ServiceCount",
            "TargetCount",
            "ActiveConnectionsToPublicSE",
        ],
    ),
    (
        "zpn_pbroker_comprehensive_stats",
        &[
            "LogTimestamp",
            "Customer",
            "ServiceEdge",
            "ServiceEdgeGroup",
            "CPUUtilization",
            "SystemMemoryUtilization",
            "ActiveConnectionsToConnector",
        ],
    ),
    (
        "zpn_waf_http_exchanges_log",
        &[
            "LogTimestamp",
            "Customer",
            "Username",
            "Application",
            "Domain",
            "InspectionPolicy",
            "InspectionProfile",
            "Action",
            "RuleID",
            "TotalRequestsInspected",
        ],
    ),
];

/// `GET v2/lssConfig/logType/formats?logType=...`: the csv/tsv/json format strings.
fn lss_formats(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(log_type) = call.query.first("logType").filter(|t| !t.is_empty()) else {
        return Err(super::invalid("Missing required query parameter 'logType'"));
    };
    let Some((_, fields)) = LOG_TYPES.iter().find(|(t, _)| *t == log_type) else {
        let known: Vec<&str> = LOG_TYPES.iter().map(|(t, _)| *t).collect();
        return Err(super::invalid(format!(
            "Invalid logType '{log_type}': expected one of {}",
            known.join(", ")
        )));
    };
    let spec = |f: &str| -> String {
        if f.contains("Timestamp") || f.ends_with("Time") {
            format!("%s{{{f}:iso8601}}")
        } else if f.ends_with("Port") || f.ends_with("Count") || f.ends_with("Utilization") {
            format!("%d{{{f}}}")
        } else {
            format!("%s{{{f}}}")
        }
    };
    let csv: Vec<String> = fields.iter().map(|f| format!("\"{}\"", spec(f))).collect();
    let tsv: Vec<String> = fields.iter().map(|f| format!("\"{}\"", spec(f))).collect();
    let js: Vec<String> = fields
        .iter()
        .map(|f| format!("\"{f}\":\"{}\"", spec(f)))
        .collect();
    Ok(Reply::ok(json!({
        "csv": format!("{}\\n", csv.join(",")),
        "tsv": format!("{}\\n", tsv.join("\\t")),
        "json": format!("{{{}}}\\n", js.join(",")),
    })))
}

/// `GET v2/admin/lssConfig/statusCodes` (no customer in the path): status codes per log type.
fn lss_status_codes(_call: &mut Call<'_>) -> Result<Reply, ApiError> {
    Ok(Reply::ok(json!({
        "zpn_auth_log": {
            "ZPN_STATUS_AUTHENTICATED": {"name": "Authenticated", "error": false},
            "ZPN_STATUS_AUTH_FAILED": {"name": "Authentication failed", "error": true},
            "ZPN_STATUS_DISCONNECTED": {"name": "Disconnected", "error": false},
            "ZPN_STATUS_EXPIRED": {"name": "Certificate expired", "error": true},
        },
        "zpn_ast_auth_log": {
            "ZPN_STATUS_AUTHENTICATED": {"name": "Authenticated", "error": false},
            "ZPN_STATUS_AUTH_FAILED": {"name": "Authentication failed", "error": true},
            "ZPN_STATUS_DISCONNECTED": {"name": "Disconnected", "error": false},
        },
        "zpn_sys_auth_log": {
            "ZPN_STATUS_AUTHENTICATED": {"name": "Authenticated", "error": false},
            "ZPN_STATUS_AUTH_FAILED": {"name": "Authentication failed", "error": true},
        },
        "zpn_trans_log": {
            "OPEN_OR_ACTIVE_CONNECTION": {"name": "Open or active connection", "error": false},
            "BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY": {"name": "Rejected by policy", "error": true},
            "BRK_MT_SETUP_FAIL_NO_POLICY_FOUND": {"name": "No policy found", "error": true},
            "BRK_MT_SETUP_TIMEOUT": {"name": "Setup timed out", "error": true},
            "C2C_MTUNNEL_BAD_STATE": {"name": "Bad tunnel state", "error": true},
            "AST_MT_SETUP_ERR_APP_NOT_REACHABLE": {"name": "Application not reachable", "error": true},
            "AST_MT_SETUP_ERR_NO_DNS_TO_SERVER": {"name": "No DNS to server", "error": true},
            "MT_CLOSED_TERMINATED": {"name": "Closed, terminated", "error": false},
        },
    })))
}

/// `GET v2/admin/lssConfig/customers/{customerId}/clientTypes`.
fn lss_client_types(_call: &mut Call<'_>) -> Result<Reply, ApiError> {
    Ok(Reply::ok(json!({
        "zpn_client_type_exporter": "Web Browser",
        "zpn_client_type_exporter_noauth": "Web Browser Unauthenticated",
        "zpn_client_type_browser_isolation": "Cloud Browser",
        "zpn_client_type_machine_tunnel": "Machine Tunnel",
        "zpn_client_type_ip_anchoring": "ZIA Service Edge",
        "zpn_client_type_edge_connector": "Cloud Connector",
        "zpn_client_type_zapp": "Client Connector",
        "zpn_client_type_zapp_partner": "Client Connector Partner",
        "zpn_client_type_slogger": "ZPA LSS",
        "zpn_client_type_branch_connector": "Branch Connector",
        "zpn_client_type_vdi": "VDI",
    })))
}

fn uuid(s: &mut Seeder<'_>) -> String {
    format!(
        "{}-{}-4{}-a{}-{}",
        s.hex(8),
        s.hex(4),
        s.hex(3),
        s.hex(3),
        s.hex(12)
    )
}

fn seed_posture(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [(&str, &str); 6] = [
        ("CrowdStrike ZTA Score >= 70", "CROWDSTRIKE_ZTA_SCORE"),
        ("Domain Joined (corp.example.com)", "DOMAIN_JOINED"),
        ("Disk Encryption Enabled", "DISK_ENCRYPTION"),
        ("Firewall Enabled", "FIREWALL"),
        ("Corporate Certificate Trust", "CERT_TRUST"),
        ("OS Version Windows 11", "OS_VERSION"),
    ];
    let customer = s.tenant.identity.customer_id.clone();
    NAMES
        .iter()
        .map(|(name, kind)| {
            let mut r = json!({
                "name": name,
                "postureUdid": uuid(s),
                "postureType": kind,
                "zscalerCloud": "zscalerthree",
                "zscalerCustomerId": customer,
                "masterCustomerId": customer,
                "domain": "example.com",
                "applyToMachineTunnelEnabled": s.chance(0.3),
                "crlCheckEnabled": *kind == "CERT_TRUST",
                "nonExportablePrivateKeyEnabled": false,
                "rootCert": null,
            });
            super::fill(&mut r, seed_stamps(s));
            r
        })
        .collect()
}

fn seed_networks(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 4] = [
        "Corp-HQ-Network",
        "Branch-Office-LAN",
        "Data-Center-Network",
        "Guest-WiFi-Untrusted",
    ];
    let customer = s.tenant.identity.customer_id.clone();
    NAMES
        .iter()
        .map(|name| {
            let mut r = json!({
                "name": name,
                "networkId": uuid(s),
                "zscalerCloud": "zscalerthree",
                "masterCustomerId": customer,
                "domain": "example.com",
            });
            super::fill(&mut r, seed_stamps(s));
            r
        })
        .collect()
}

fn seed_isolation(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [(&str, bool, bool); 3] = [
        ("Default Isolation Profile", true, true),
        ("Read-Only Isolation", false, false),
        ("BYOD Isolation", false, true),
    ];
    NAMES
        .iter()
        .map(|(name, default, uploads)| {
            let created = s.epoch_within(300);
            json!({
                "id": uuid(s),
                "name": name,
                "description": s.text(&format!("{name} for cloud browser isolation")),
                "enabled": true,
                "isDefault": default,
                "href": null,
                "bannerId": uuid(s),
                "regions": [{"id": uuid(s), "name": "Washington"}, {"id": uuid(s), "name": "Frankfurt"}],
                "regionIds": [],
                "certificates": [{"id": uuid(s), "name": "Zscaler Root Certificate", "isDefault": true}],
                "certificateIds": [],
                "securityControls": {
                    "copyPaste": if *uploads { "all" } else { "none" },
                    "uploadDownload": if *uploads { "upstream" } else { "none" },
                    "documentViewer": true,
                    "localRender": true,
                    "allowPrinting": *uploads,
                    "restrictKeystrokes": !uploads,
                    "flattenedPdf": false,
                },
                "userExperience": {
                    "sessionPersistence": true,
                    "browserInBrowser": true,
                    "persistIsolationBar": false,
                    "translate": false,
                    "zgpu": false,
                    "forwardToZia": null,
                },
                "debugMode": {"allowed": false, "filePassword": null},
                "createdTime": created,
                "modifiedTime": created,
            })
        })
        .collect()
}

fn seed_inspection(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [(&str, &str); 3] = [
        ("OWASP Baseline (Paranoia 1)", "1"),
        ("Strict Web Protection (Paranoia 3)", "3"),
        ("API Protection Profile", "2"),
    ];
    NAMES
        .iter()
        .enumerate()
        .map(|(i, (name, paranoia))| {
            let mut r = json!({
                "name": name,
                "description": s.text(&format!("{name} inspection profile")),
                "paranoiaLevel": paranoia,
                "predefinedControlsVersion": "OWASP_CRS/3.3.0",
                "globalControlActions": ["PREDEFINED:PASS", "CUSTOM:NONE", "OVERRIDE_ACTION:COMMON"],
                "incarnationNumber": format!("{}", s.int(1, 40)),
                "checkControlDeploymentStatus": false,
                "zsDefinedControlChoice": "ALL",
                "apiProfile": i == 2,
                "overrideAction": null,
                "commonGlobalOverrideActionsConfig": null,
                "controlsInfo": [
                    {"controlType": "PREDEFINED", "count": "165"},
                    {"controlType": "CUSTOM", "count": "0"},
                ],
                "customControls": [],
                "predefinedControls": [{
                    "id": "6000001",
                    "name": "Failed to parse request body",
                    "action": "BLOCK",
                    "controlGroup": "Protocol Issues",
                    "controlType": "PREDEFINED",
                    "severity": "CRITICAL",
                    "paranoiaLevel": "1",
                    "protocolType": "HTTP",
                }],
                "websocketControls": [],
                "threatlabzControls": [],
            });
            super::fill(&mut r, seed_stamps(s));
            r
        })
        .collect()
}

fn seed_lss(s: &mut Seeder<'_>) -> Vec<Value> {
    const CONFIGS: [(&str, &str, &str, u16); 4] = [
        (
            "Splunk - User Activity",
            "zpn_trans_log",
            "splunk-hec.corp.example.com",
            5514,
        ),
        (
            "Splunk - User Status",
            "zpn_auth_log",
            "splunk-hec.corp.example.com",
            5515,
        ),
        (
            "QRadar - Connector Status",
            "zpn_ast_auth_log",
            "qradar.corp.example.com",
            6514,
        ),
        (
            "Sentinel - Audit Logs",
            "zpn_audit_log",
            "sentinel-fwd.corp.example.com",
            5516,
        ),
    ];
    let groups = super::id_names(s.tenant, &APP_CONNECTOR_GROUPS);
    CONFIGS
        .iter()
        .enumerate()
        .map(|(i, (name, log_type, host, port))| {
            let stamps = seed_stamps(s);
            let fields = LOG_TYPES
                .iter()
                .find(|(t, _)| t == log_type)
                .map(|(_, f)| *f)
                .unwrap_or(&[]);
            let format: Vec<String> = fields.iter().map(|f| format!("\"{f}\":\"%s{{{f}}}\"")).collect();
            let connector_groups: Vec<Value> = groups
                .iter()
                .skip(i)
                .take(2)
                .map(|(id, name)| json!({"id": id, "name": name}))
                .collect();
            json!({
                "config": {
                    "name": name,
                    "description": s.text(&format!("{name} streaming")),
                    "enabled": i != 3,
                    "format": format!("{{{}}}\\n", format.join(",")),
                    "lssHost": host,
                    "lssPort": port.to_string(),
                    "sourceLogType": log_type,
                    "useTls": i % 2 == 0,
                    "auditMessage": null,
                    "filter": if *log_type == "zpn_auth_log" { json!(["ZPN_STATUS_AUTHENTICATED", "ZPN_STATUS_DISCONNECTED"]) } else { json!([]) },
                    "creationTime": stamps["creationTime"],
                    "modifiedTime": stamps["modifiedTime"],
                    "modifiedBy": stamps["modifiedBy"],
                },
                "connectorGroups": connector_groups,
                "policyRule": null,
                "policyRuleResource": null,
            })
        })
        .collect()
}
