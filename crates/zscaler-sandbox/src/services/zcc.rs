//! ZCC (Client Connector, `/zcc/papi/public/v1`): enrolled devices (bare array, 1-based
//! `page`/`pageSize`, default 50, max 5000), device OTPs, and the forwarding profiles and
//! trusted networks (`{"totalCount", "trustedNetworkContracts": [...]}`) by company.

use axum::http::Method;
use serde_json::{Value, json};

use crate::engine::{self, Call, Filter, IdKind, Match, Reply, ResourceDef, no_completion};
use crate::envelope::{self, Envelope};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

const LIST: Envelope = Envelope::BareArray {
    default_page_size: Some(50),
    max_page_size: 5000,
};

const fn zcc(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zcc,
        id_kind: IdKind::Int,
        id_field: "id",
        name_field: Some("name"),
        unique_name: true,
        required: &["name"],
        parent: None,
        envelope: LIST,
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static DEVICES: ResourceDef = ResourceDef {
    id_kind: IdKind::Slug,
    id_field: "udid",
    name_field: None,
    unique_name: false,
    required: &["udid"],
    ..zcc("zcc.devices", seed_devices)
};

pub static FORWARDING_PROFILES: ResourceDef = ResourceDef {
    filters: &[Filter {
        param: "search",
        field: "name",
        how: Match::Contains,
    }],
    ..zcc("zcc.forwarding_profiles", seed_forwarding_profiles)
};

pub static TRUSTED_NETWORKS: ResourceDef = ResourceDef {
    name_field: Some("networkName"),
    required: &["networkName"],
    filters: &[Filter {
        param: "search",
        field: "networkName",
        how: Match::Contains,
    }],
    ..zcc("zcc.trusted_networks", seed_trusted_networks)
};

pub static RESOURCES: &[&ResourceDef] = &[&TRUSTED_NETWORKS, &FORWARDING_PROFILES, &DEVICES];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zcc/papi/public/v1/getDevices",
            Op::Custom(list_devices),
        ),
        Route::new(
            Method::GET,
            "/zcc/papi/public/v1/getOtp",
            Op::Custom(get_otp),
        ),
        Route::new(
            Method::GET,
            "/zcc/papi/public/v1/webForwardingProfile/listByCompany",
            Op::List(&FORWARDING_PROFILES),
        ),
        Route::new(
            Method::GET,
            "/zcc/papi/public/v1/webTrustedNetwork/listByCompany",
            Op::Custom(list_trusted_networks),
        ),
    ]
}

/// ZCC's OS type codes (`osType` query parameter and the device `type` field).
const OS_TYPES: [(i64, &str); 5] = [
    (1, "iOS"),
    (2, "Android"),
    (3, "Windows"),
    (4, "macOS"),
    (5, "Linux"),
];

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(Some(Product::Zcc), Kind::InvalidInput, message)
}

/// `GET /getDevices`: `osType` (one code or a comma list), `username` (exact, case-insensitive),
/// paged.
fn list_devices(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut os_types = Vec::new();
    for raw in call.query.all("osType") {
        for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse::<i64>() {
                Ok(n) if OS_TYPES.iter().any(|(code, _)| *code == n) => os_types.push(n),
                _ => return Err(invalid(format!("Invalid value '{part}' for 'osType'"))),
            }
        }
    }
    let username = call
        .query
        .first("username")
        .filter(|u| !u.is_empty())
        .map(str::to_lowercase);
    // Filter by reference and copy only the page: devices grow with `--scale`.
    let devices: Vec<&Value> = engine::records(call.tenant, &DEVICES)
        .filter(|d| {
            os_types.is_empty() || d["type"].as_i64().is_some_and(|t| os_types.contains(&t))
        })
        .filter(|d| match &username {
            Some(u) => d["user"].as_str().is_some_and(|v| v.to_lowercase() == *u),
            None => true,
        })
        .collect();
    envelope::list_refs(LIST, Product::Zcc, devices, call.query, call.path).map(Reply::ok)
}

/// A deterministic 10-character OTP for a device and purpose.
fn otp(udid: &str, purpose: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in udid.bytes().chain(purpose.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..10)
        .map(|i| ALPHABET[((h >> (i * 6)) & 0x1f) as usize] as char)
        .collect()
}

/// `GET /getOtp?udid=`: the device's one-time passwords.
fn get_otp(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(udid) = call.query.first("udid").filter(|u| !u.trim().is_empty()) else {
        return Err(invalid("Missing required parameter 'udid'"));
    };
    if engine::record(call.tenant, &DEVICES, udid).is_none() {
        return Err(ApiError::new(
            Some(Product::Zcc),
            Kind::NotFound,
            format!("Device with udid {udid} not found"),
        ));
    }
    let keys = [
        ("otp", "otp"),
        ("logoutOtp", "logout"),
        ("revertOtp", "revert"),
        ("uninstallOtp", "uninstall"),
        ("exitOtp", "exit"),
        ("ziaDisableOtp", "zia"),
        ("zpaDisableOtp", "zpa"),
        ("zdxDisableOtp", "zdx"),
        ("zdpDisableOtp", "zdp"),
        ("antiTemperingDisableOtp", "antitamper"),
        ("deceptionSettingsOtp", "deception"),
    ];
    let mut body = serde_json::Map::new();
    for (key, purpose) in keys {
        body.insert(key.to_string(), json!(otp(udid, purpose)));
    }
    Ok(Reply::ok(Value::Object(body)))
}

/// `GET /webTrustedNetwork/listByCompany`: `{"totalCount", "trustedNetworkContracts"}`.
fn list_trusted_networks(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let networks = engine::visible(&TRUSTED_NETWORKS, call.params, call.query, call.tenant);
    let total = networks.len();
    let page = envelope::list(LIST, Product::Zcc, networks, call.query, call.path)?;
    Ok(Reply::ok(json!({
        "totalCount": total,
        "trustedNetworkContracts": page,
    })))
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

fn seed_trusted_networks(s: &mut Seeder<'_>) -> Vec<Value> {
    let networks = [
        ("HQ Corporate LAN", "10.10.0.1"),
        ("Branch Office Network", "10.20.0.1"),
        ("Data Center VPN", "10.30.0.1"),
        ("Lab Network", "10.40.0.1"),
    ];
    networks
        .iter()
        .enumerate()
        .map(|(i, (name, gateway))| {
            let created = s.now() - s.int(30, 400) * 86_400;
            json!({
                "id": 501 + i as i64,
                "guid": format!("{}-{}-{}-{}-{}", s.hex(8), s.hex(4), s.hex(4), s.hex(4), s.hex(12)),
                "networkName": s.text(name),
                "active": i != 3,
                "companyId": "41523",
                "conditionType": 1,
                "createdBy": "alex.morgan@example.com",
                "editedBy": if s.chance(0.5) { json!("priya.raman@example.com") } else { Value::Null },
                "dnsServers": "10.10.0.53,10.10.0.54",
                "dnsSearchDomains": "corp.example.com",
                "hostnames": "intranet.corp.example.com",
                "resolvedIpsForHostname": "10.10.1.20",
                "ssids": if i == 0 { json!("CORP-WIFI") } else { json!("") },
                "trustedDhcpServers": gateway.replace(".1", ".2"),
                "trustedGateways": gateway,
                "trustedSubnets": format!("{}/16", gateway.trim_end_matches(".0.1").to_string() + ".0.0"),
                "trustedEgressIps": s.public_ipv4(),
                "createdAt": created,
            })
        })
        .collect()
}

fn seed_forwarding_profiles(s: &mut Seeder<'_>) -> Vec<Value> {
    let networks: Vec<Value> = s
        .tenant
        .collection(TRUSTED_NETWORKS.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    let profiles = [
        ("Default", "TUNNEL"),
        ("Remote Workers", "TUNNEL"),
        ("On-Prem Offices", "NONE"),
        ("Developers PAC", "PAC"),
    ];
    profiles
        .iter()
        .enumerate()
        .map(|(i, (name, action))| {
            let trusted: Vec<&Value> = networks.iter().skip(i % 2).take(2).collect();
            let ids: Vec<String> = trusted.iter().map(|n| n["id"].to_string()).collect();
            let names: Vec<Value> = trusted.iter().map(|n| n["networkName"].clone()).collect();
            let act = |network_type: i64| {
                json!({
                    "networkType": network_type,
                    "actionType": if *action == "NONE" { 0 } else { 1 },
                    "primaryTransport": 1,
                    "enablePacketTunnel": 1,
                    "blockUnreachableDomainsTraffic": 0,
                    "allowTLSFallback": 1,
                    "DTLSTimeout": 9,
                    "TLSTimeout": 5,
                    "UDPTimeout": 5,
                    "mtuForZadapter": 0,
                    "pathMtuDiscovery": 1,
                    "redirectWebTraffic": 0,
                    "useTunnel2ForProxiedWebTraffic": 0,
                    "customPac": if *action == "PAC" { json!("https://pac.example.com/proxy.pac") } else { json!("") },
                    "latencyBasedZenEnablement": 0,
                    "zenProbeInterval": 60,
                    "zenProbeSampleSize": 5,
                    "zenThresholdLimit": 50,
                    "systemProxyData": {
                        "bypassProxyForPrivateIP": 1,
                        "enableAutoDetect": 0,
                        "enablePAC": 0,
                        "enableProxyServer": 0,
                        "pacDataPath": "",
                        "pacURL": "",
                        "performGPUpdate": 0,
                        "proxyAction": 0,
                        "proxyServerAddress": "",
                        "proxyServerPort": "",
                    },
                })
            };
            json!({
                "id": 801 + i as i64,
                "name": s.text(name),
                "active": "1",
                "conditionType": 1,
                "dnsServers": "",
                "dnsSearchDomains": "",
                "enableLWFDriver": "0",
                "enableSplitVpnTN": 0,
                "enableAllDefaultAdaptersTN": 1,
                "enableUnifiedTunnel": 0,
                "evaluateTrustedNetwork": 1,
                "hostname": "",
                "resolvedIpsForHostname": "",
                "predefinedTnAll": false,
                "predefinedTrustedNetworks": false,
                "skipTrustedCriteriaMatch": 0,
                "trustedDhcpServers": "",
                "trustedEgressIps": "",
                "trustedGateways": "",
                "trustedSubnets": "",
                "trustedNetworkIds": ids,
                "trustedNetworks": names,
                "forwardingProfileActions": [act(0), act(1), act(2), act(3)],
                "forwardingProfileZpaActions": [{
                    "networkType": 0,
                    "actionType": 1,
                    "primaryTransport": 0,
                    "DTLSTimeout": 9,
                    "TLSTimeout": 5,
                    "mtuForZadapter": 0,
                    "partnerInfo": {"allowTlsFallback": 1, "mtuForZadapter": 0, "primaryTransport": 0},
                    "sendTrustedNetworkResultToZpa": 0,
                    "latencyBasedServerMTEnablement": 0,
                    "latencyBasedZpaServerEnablement": 0,
                    "lbsZpaProbeInterval": 0,
                    "lbsZpaProbeSampleSize": 0,
                    "lbsZpaThresholdLimit": 0,
                }],
                "unifiedTunnel": [],
            })
        })
        .collect()
}

fn seed_devices(s: &mut Seeder<'_>) -> Vec<Value> {
    const FIRST: [&str; 10] = [
        "ana", "ben", "chen", "dara", "eli", "fatima", "goran", "hana", "ivan", "julia",
    ];
    let profiles: Vec<Value> = s
        .tenant
        .collection(FORWARDING_PROFILES.key)
        .map(|c| c.records.values().map(|p| p["name"].clone()).collect())
        .unwrap_or_default();
    let n = s.large(40);
    (0..n)
        .map(|i| {
            let (os_code, os_name) = *s.pick(&OS_TYPES);
            let first = s.pick(&FIRST);
            let user = format!("{first}.user{i:05}@example.com");
            let version = match os_code {
                1 => format!("iOS {}.{}", s.int(16, 18), s.int(0, 5)),
                2 => format!("Android {}", s.int(12, 15)),
                3 => format!("Microsoft Windows 11 Enterprise;64 bit;10.0.{}", s.int(22_000, 26_100)),
                4 => format!("Version {}.{} (Build 23{})", s.int(13, 15), s.int(0, 6), s.hex(3).to_uppercase()),
                _ => format!("Ubuntu 22.04.{} LTS", s.int(1, 5)),
            };
            let hostname = match os_code {
                1 | 2 => format!("{first}-phone-{i:05}"),
                _ => format!("{}-{i:05}", os_name.to_uppercase()),
            };
            let registered = s.now() - s.int(1, 300) * 86_400;
            let state = if s.chance(0.9) { 1 } else { 3 };
            let udid = format!(
                "{}-{}-{}-{}-{}:{}",
                s.hex(8).to_uppercase(),
                s.hex(4).to_uppercase(),
                s.hex(4).to_uppercase(),
                s.hex(4).to_uppercase(),
                s.hex(12).to_uppercase(),
                s.hex(8).to_uppercase()
            );
            json!({
                "udid": udid,
                "user": user,
                "owner": user,
                "companyName": "Example Corp",
                "type": os_code,
                "osVersion": version,
                "machineHostname": hostname,
                "manufacturer": match os_code { 1 | 4 => "Apple Inc.", 2 => "Samsung", 3 => "Dell Inc.", _ => "Lenovo" },
                "macAddress": if os_code == 1 { String::new() } else { s.mac() },
                "agentVersion": format!("4.{}.0.{}", s.int(3, 6), s.int(100, 400)),
                "tunnelVersion": "2.0",
                "upmVersion": format!("4.{}.0.{}", s.int(3, 6), s.int(10, 90)),
                "zappArch": if os_code == 4 { "arm64" } else { "x64" },
                "policyName": profiles.get(i % profiles.len().max(1)).cloned().unwrap_or(Value::Null),
                "registrationState": if state == 1 { "Registered" } else { "Removal Pending" },
                "state": state,
                "vpnState": s.int(0, 2),
                "keepAliveTime": (s.now() - s.int(60, 86_400)).to_string(),
                "registrationTime": registered.to_string(),
                "deregistrationTimestamp": "",
                "hardwareFingerprint": s.hex(40),
                "detail": "",
                "last_seen_time": (s.now() - s.int(60, 86_400)).to_string(),
            })
        })
        .collect()
}
