//! Seeds of the ZCell tenant.

use super::*;

pub(super) fn ms(epoch_s: i64) -> i64 {
    epoch_s * 1000
}

pub(super) fn zcell_id(s: &Seeder<'_>) -> String {
    s.tenant.identity.zcell_customer_id.clone()
}

pub(super) fn seed_customer(s: &mut Seeder<'_>) -> Vec<Value> {
    let id = zcell_id(s);
    vec![json!({
        "customerId": id,
        "customerName": "Example Logistics Ltd",
        "dataRegion": "eu-central-1",
        "dataRetentionDays": 90,
        "piiMaskingEnabled": true,
        "locationTrackingEnabled": true,
        "imeiTrackingEnabled": true,
        "networkEventLoggingEnabled": true,
        "dataExportEnabled": false,
        "supportAccessEnabled": s.chance(0.5),
        "notes": s.text("Data handling agreed with the DPO"),
        "modifiedBy": "admin@example.com",
        "modifiedTime": ms(s.epoch_within(60)),
    })]
}

pub(super) fn seed_regions(s: &mut Seeder<'_>) -> Vec<Value> {
    const REGIONS: [(&str, bool, bool); 6] = [
        ("us-east-1", true, true),
        ("us-west-2", true, false),
        ("eu-central-1", true, true),
        ("eu-west-1", true, true),
        ("ap-southeast-1", true, false),
        ("sa-east-1", false, false),
    ];
    REGIONS
        .iter()
        .map(|(region, in_sku, configured)| {
            let degraded = *configured && s.chance(0.2);
            let component = |kind: &str, n: usize, degraded: bool| -> Value {
                let items: Vec<Value> = (0..n)
                    .map(|i| {
                        json!({
                            "id": format!("{region}-{kind}-{}", i + 1),
                            "name": format!("{}-{kind}{:02}", region.replace('-', ""), i + 1),
                            "status": if degraded && i == 0 { "DEGRADED" } else { "UP" },
                        })
                    })
                    .collect();
                json!({"status": if degraded { "DEGRADED" } else { "UP" }, "operationalStatus": items})
            };
            json!({
                "region": region,
                "inSku": in_sku,
                "configured": configured,
                "operationalStatus": if degraded { "DEGRADED" } else if *configured { "OPERATIONAL" } else { "NOT_DEPLOYED" },
                "bc": component("bc", 4, degraded),
                "ac": component("ac", 2, false),
                "mapACStatus": if *configured { "MAPPED" } else { "UNMAPPED" },
                "mapBCStatus": if *configured { "MAPPED" } else { "UNMAPPED" },
            })
        })
        .collect()
}

pub(super) const TAG_NAMES: [(&str, &str); 8] = [
    ("fleet", "#1f77b4"),
    ("cold-chain", "#17becf"),
    ("pos-terminal", "#2ca02c"),
    ("pilot", "#ff7f0e"),
    ("roaming-allowed", "#9467bd"),
    ("high-usage", "#d62728"),
    ("warehouse", "#8c564b"),
    ("decommission", "#7f7f7f"),
];

pub(super) fn seed_tags(s: &mut Seeder<'_>) -> Vec<Value> {
    TAG_NAMES
        .iter()
        .map(|(name, color)| {
            json!({
                "name": name,
                "description": s.text(&format!("SIMs tagged {name}")),
                "color": color,
                "createdBy": "admin@example.com",
                "createdAt": ms(s.epoch_within(400)),
            })
        })
        .collect()
}

/// (country, MNO, MCC, MNC, latitude, longitude) where SIMs are seen.
pub(super) const COUNTRIES: [(&str, &str, &str, &str, f64, f64); 8] = [
    ("US", "T-Mobile US", "310", "260", 32.78, -96.80),
    ("DE", "Deutsche Telekom", "262", "01", 50.11, 8.68),
    ("NL", "KPN", "204", "08", 51.92, 4.48),
    ("GB", "Vodafone UK", "234", "15", 51.51, -0.13),
    ("FR", "Orange France", "208", "01", 48.86, 2.35),
    ("JP", "NTT Docomo", "440", "10", 35.68, 139.69),
    ("BR", "Claro Brasil", "724", "05", -23.55, -46.63),
    ("MX", "Telcel", "334", "020", 19.43, -99.13),
];

pub(super) fn seed_location_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const GROUPS: [(&str, &[&str]); 5] = [
        ("North America", &["US", "MX"]),
        ("Western Europe", &["DE", "NL", "FR"]),
        ("United Kingdom", &["GB"]),
        ("APAC", &["JP"]),
        ("LATAM", &["BR", "MX"]),
    ];
    GROUPS
        .iter()
        .map(|(name, countries)| {
            let created = s.epoch_within(500);
            json!({
                "name": name,
                "description": s.text(&format!("SIMs operating in {name}")),
                "countries": countries,
                "mccMnc": COUNTRIES.iter().filter(|c| countries.contains(&c.0)).map(|c| format!("{}-{}", c.2, c.3)).collect::<Vec<_>>(),
                "createdAt": ms(created),
                "modifiedAt": ms((created + s.int(0, 60) * 86_400).min(s.now())),
            })
        })
        .collect()
}

pub(super) fn luhn_digit(digits: &str) -> u32 {
    let sum: u32 = digits
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A 20-digit ICCID (with its Luhn digit) unique per index.
pub fn iccid(i: usize) -> String {
    let body = format!("891000{:013}", 4_100_000_000_000u64 + i as u64 * 7);
    let check = luhn_digit(&body);
    format!("{body}{check}")
}

pub(super) fn seed_sims(s: &mut Seeder<'_>) -> Vec<Value> {
    /// (brand, marketing name, model, device type, form factor, OS)
    const DEVICES: [(&str, &str, &str, &str, &str, &str); 7] = [
        ("Quectel", "EG25-G", "EG25-G", "MODEM", "M2M", "Embedded"),
        (
            "Sierra Wireless",
            "AirPrime EM7511",
            "EM7511",
            "MODEM",
            "M2M",
            "Embedded",
        ),
        ("Apple", "iPhone 15", "A3090", "SMARTPHONE", "NANO", "iOS"),
        (
            "Samsung",
            "Galaxy S24",
            "SM-S921B",
            "SMARTPHONE",
            "NANO",
            "Android",
        ),
        (
            "Cradlepoint",
            "IBR900",
            "IBR900-600M",
            "ROUTER",
            "MICRO",
            "NetCloud OS",
        ),
        ("Teltonika", "RUT955", "RUT955", "ROUTER", "MINI", "RutOS"),
        ("Zebra", "TC58", "TC58", "HANDHELD", "NANO", "Android"),
    ];
    let tags: Vec<(String, String)> = engine::records(s.tenant, &TAGS)
        .filter_map(|t| {
            Some((
                t["id"].as_str()?.to_string(),
                t["name"].as_str()?.to_string(),
            ))
        })
        .collect();
    let groups: Vec<(Value, Vec<String>)> = engine::records(s.tenant, &LOCATION_GROUPS)
        .map(|g| {
            let countries = g["countries"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (g["id"].clone(), countries)
        })
        .collect();
    let customer = zcell_id(s);
    let n = s.large(50);
    (0..n)
        .map(|i| {
            let status = *s.pick(&[
                "ACTIVATED", "ACTIVATED", "ACTIVATED", "ACTIVATED", "ACTIVATED", "ACTIVATED",
                "ACTIVATED", "DEACTIVATED", "INVENTORY", "SUSPENDED",
            ]);
            let (country, mno, mcc, mnc, lat, lng) = *s.pick(&COUNTRIES);
            let (brand, marketing, model, device, form, os) = *s.pick(&DEVICES);
            let created = s.epoch_within(540);
            let activated = (status != "INVENTORY")
                .then(|| (created + s.int(1, 30) * 86_400).min(s.now()));
            let attached = status == "ACTIVATED" && s.chance(0.8);
            let my_tags = s.pick_some(&tags, 2);
            let my_groups: Vec<Value> = groups
                .iter()
                .filter(|(_, cs)| cs.iter().any(|c| c == country))
                .map(|(id, _)| id.clone())
                .collect();
            let imei = format!("35{:013}", s.int(0, 9_999_999_999_999));
            let locked = s.chance(0.4);
            let iccid = iccid(i);
            let sim_iccid = iccid.clone();
            let (sim_lat, sim_lng) = if status == "ACTIVATED" {
                (
                    json!(((lat + s.int(-300, 300) as f64 / 1000.0) * 10_000.0).round() / 10_000.0),
                    json!(((lng + s.int(-300, 300) as f64 / 1000.0) * 10_000.0).round() / 10_000.0),
                )
            } else {
                (Value::Null, Value::Null)
            };
            let last_session = if status == "ACTIVATED" {
                json!(ms(s.epoch_within(3)))
            } else {
                Value::Null
            };
            let mut sim = json!({
                "iccid": sim_iccid,
                "entityId": format!("ent-{:06}", 100_000 + i),
                "entityName": format!("Asset {:05}", i + 1),
                "imei": imei,
                "imsi": format!("{mcc}{mnc}{:0width$}", 1_000_000 + i, width = 15 - mcc.len() - mnc.len()),
                "msisdn": format!("1555{:07}", 1_000_000 + i),
                "eid": if form == "NANO" || form == "M2M" { json!(format!("8904903200{:022}", i)) } else { Value::Null },
                "status": status,
                "creationTime": ms(created),
                "modifiedByUserId": "admin@example.com",
                "profileName": if form == "M2M" { "IoT-Global" } else { "Enterprise-Data" },
                "isImported": s.chance(0.3),
                "apiSimId": format!("sim-{:012x}", splitmix(fnv(&iccid)) & 0xffff_ffff_ffff),
                "locationCountry": country,
                "locationMno": mno,
                "mvnoCustomerId": customer,
                "ipAddress": if attached { json!([s.ipv4()]) } else { json!([]) },
                "apn": "zscaler.iot",
                "activatedDate": activated.map(ms),
                "networkStatus": if attached { "ATTACHED" } else if activated.is_some() { "DETACHED" } else { "NEVER_ATTACHED" },
                "lastSessionUpdatedAt": last_session,
                "dataAuthorizeImei": locked,
                "dataAuthorizeImeiValue": if locked { json!(imei) } else { Value::Null },
                "imeiStatus": if locked { "LOCKED" } else { "UNLOCKED" },
            });
            let device = json!({
                "simLat": sim_lat,
                "simLng": sim_lng,
                "simLocInfo": if attached { json!({"MCC": mcc, "MNC": mnc, "TAC": format!("{:04X}", s.int(0, 65_535)), "ECI": format!("{:07X}", s.int(0, 268_435_455)), "type": "LTE"}) } else { Value::Null },
                "eventSessionId": if attached { json!(format!("{:016x}", splitmix(fnv(&iccid) ^ 1))) } else { Value::Null },
                "tacId": &imei[..8],
                "brandName": brand,
                "marketingName": marketing,
                "deviceType": device,
                "modelName": model,
                "operatingSystem": os,
                "bandDetails": "LTE B2/B4/B12/B66",
                "formFactor": form,
                "assignedTo": if s.chance(0.5) { json!(s.text(&format!("Driver {:04}", i % 1000))) } else { Value::Null },
                "tagIds": my_tags.iter().map(|t| t.0.clone()).collect::<Vec<_>>(),
                "tags": my_tags.iter().map(|t| t.1.clone()).collect::<Vec<_>>(),
                "simLocationGroupIds": my_groups,
                "usage": 0,
                "usageVal": "0 B",
            });
            if let (Value::Object(a), Value::Object(b)) = (&mut sim, device) {
                a.extend(b);
            }
            // Usage over the 30 days before the anchor.
            let now = s.now();
            let used = Usage::new(&iccid, status == "ACTIVATED", activated.map(ms))
                .map_or(0, |u| u.within((now - 30 * 86_400, now - 1)));
            sim["usage"] = json!(used);
            sim["usageVal"] = json!(format!("{:.1} MB", used as f64 / 1_000_000.0));
            sim
        })
        .collect()
}

/// (policy type, name, violation event type)
pub(super) const POLICY_KINDS: [(&str, &str, &str); 6] = [
    ("GEO_FENCE", "Rotterdam warehouse geofence", "ZONE_EXIT"),
    ("IMEI_CHANGE", "IMEI swap detection", "IMEI_MISMATCH"),
    (
        "DATA_USAGE",
        "Daily data cap 500 MB",
        "USAGE_THRESHOLD_EXCEEDED",
    ),
    ("ROAMING", "Unexpected roaming", "ROAMING_DETECTED"),
    ("GEO_FENCE", "Dallas depot geofence", "ZONE_EXIT"),
    ("SESSION", "Session flapping", "SESSION_FLAPPING"),
];

pub(super) fn seed_policies(s: &mut Seeder<'_>) -> Vec<Value> {
    let customer = zcell_id(s);
    let groups = s.ids(LOCATION_GROUPS.key, "id");
    POLICY_KINDS
        .iter()
        .enumerate()
        .map(|(i, (kind, name, _))| {
            let created = s.epoch_within(300);
            let enabled = i != 5;
            let policy_name = s.text(name);
            let zones = if *kind == "GEO_FENCE" {
                let (lat, lng) = if name.starts_with("Rotterdam") { (51.92, 4.48) } else { (32.78, -96.80) };
                json!([{"center": {"lat": lat, "lng": lng}, "radius": 5000, "zoneId": format!("zone-{}", i + 1), "trackedDevices": []}])
            } else {
                json!([])
            };
            json!({
                "id": 5001 + i,
                "policyType": kind,
                "policyName": policy_name,
                "enabled": enabled,
                "runningStatus": if enabled { "RUNNING" } else { "STOPPED" },
                "createdAt": ms(created),
                "enabledAt": if enabled { json!(ms((created + 3600).min(s.now()))) } else { Value::Null },
                "simLocationGroupIds": s.pick_some(&groups, 2),
                "violations": 0,
                "jsonData": {
                    "alerts": [{"alertType": "EMAIL", "recipients": ["noc@example.com"], "alertWindow": 15}],
                    "mvnoType": "FULL_MVNO",
                    "policyId": (5001 + i).to_string(),
                    "tenantId": customer,
                    "policyName": policy_name,
                    "policyType": kind,
                    "tenantName": "Example Logistics Ltd",
                    "configurations": {"geoFenceZones": zones},
                },
            })
        })
        .collect()
}

pub(super) fn seed_policy_logs(s: &mut Seeder<'_>) -> Vec<Value> {
    let policies: Vec<(Value, i64)> = engine::records(s.tenant, &POLICIES)
        .map(|p| (p["id"].clone(), p["createdAt"].as_i64().unwrap_or(0)))
        .collect();
    let mut out = Vec::new();
    for (id, created) in policies {
        out.push(json!({
            "policyId": id, "action": "CREATED", "timestamp": created,
            "modifiedBy": "admin@example.com", "details": s.text("Policy created"),
        }));
        let updates = s.int(1, 4);
        for k in 0..updates {
            let action = *s.pick(&["UPDATED", "ENABLED", "DISABLED", "UPDATED"]);
            out.push(json!({
                "policyId": id, "action": action,
                "timestamp": (created + (k + 1) * s.int(1, 20) * 86_400_000).min(ms(s.now())),
                "modifiedBy": s.pick(&["admin@example.com", "noc@example.com"]),
                "details": s.text(&format!("Policy {}", action.to_lowercase())),
            }));
        }
    }
    out
}

pub(super) fn seed_violations(s: &mut Seeder<'_>) -> Vec<Value> {
    let sims: Vec<(Value, Value, Value, Value)> = engine::records(s.tenant, &SIMS)
        .filter(|x| x["status"].as_str() == Some("ACTIVATED"))
        .map(|x| {
            (
                x["iccid"].clone(),
                x["imsi"].clone(),
                x["simLat"].clone(),
                x["simLng"].clone(),
            )
        })
        .collect();
    let policies: Vec<Value> = engine::records(s.tenant, &POLICIES)
        .filter(|p| p["enabled"].as_bool() == Some(true))
        .cloned()
        .collect();
    if sims.is_empty() || policies.is_empty() {
        return Vec::new();
    }
    let customer = zcell_id(s);
    let n = 80;
    (0..n)
        .map(|i| {
            let p = &policies[i % policies.len()];
            let (iccid, imsi, lat, lng) = s.pick(&sims).clone();
            let kind = p["policyType"].as_str().unwrap_or_default();
            let event = POLICY_KINDS
                .iter()
                .find(|k| k.0 == kind)
                .map(|k| k.2)
                .unwrap_or("POLICY_VIOLATION");
            let zone = p
                .pointer("/jsonData/configurations/geoFenceZones/0")
                .cloned();
            json!({
                "policyId": p["id"],
                "tenantId": customer,
                "iccid": iccid,
                "imsi": imsi,
                "eventType": event,
                "policyType": kind,
                "zoneId": zone.as_ref().map(|z| z["zoneId"].clone()).unwrap_or(Value::Null),
                "timestamp": ms(s.epoch_within(90)),
                "eventDeviceLocation": {"lat": lat, "lng": lng},
                "policyDeviceLocation": zone.map(|z| z["center"].clone()).unwrap_or(Value::Null),
            })
        })
        .collect()
}

pub(super) fn seed_network_events(s: &mut Seeder<'_>) -> Vec<Value> {
    const EVENTS: [(&str, &str); 6] = [
        ("ATTACH", "SUCCESS"),
        ("DETACH", "SUCCESS"),
        ("PDP_CREATE", "SUCCESS"),
        ("LOCATION_UPDATE", "SUCCESS"),
        ("AUTHENTICATION", "FAILURE"),
        ("APN_CONFIG_UPDATE", "SUCCESS"),
    ];
    let sims: Vec<(Value, Value, String)> = engine::records(s.tenant, &SIMS)
        .filter(|x| !x["activatedDate"].is_null())
        .map(|x| {
            (
                x["iccid"].clone(),
                x["imsi"].clone(),
                x["locationCountry"].as_str().unwrap_or("US").to_string(),
            )
        })
        .collect();
    if sims.is_empty() {
        return Vec::new();
    }
    let n = 200;
    (0..n)
        .map(|_| {
            let (iccid, imsi, country) = s.pick(&sims).clone();
            let (event, result) = *s.pick(&EVENTS);
            let c = COUNTRIES.iter().find(|c| c.0 == country).unwrap_or(&COUNTRIES[0]);
            json!({
                "iccid": iccid,
                "imsi": imsi,
                "eventType": event,
                "result": result,
                "cause": if result == "FAILURE" { json!("AUTH_REJECT_MAC_FAILURE") } else { Value::Null },
                "timestamp": ms(s.epoch_within(30)),
                "country": country,
                "operator": c.1,
                "mcc": c.2,
                "mnc": c.3,
                "rat": s.pick(&["LTE", "LTE", "NR", "UMTS"]),
                "apn": "zscaler.iot",
                "ipAddress": if event == "PDP_CREATE" { json!(s.ipv4()) } else { Value::Null },
            })
        })
        .collect()
}

pub(super) fn seed_audit(s: &mut Seeder<'_>) -> Vec<Value> {
    let sims = s.ids(SIMS.key, "iccid");
    let mut objects: Vec<(&str, Value, String)> = engine::records(s.tenant, &TAGS)
        .map(|t| {
            (
                "TAG",
                t["id"].clone(),
                t["name"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    objects.extend(engine::records(s.tenant, &LOCATION_GROUPS).map(|g| {
        (
            "SIM_LOCATION_GROUP",
            g["id"].clone(),
            g["name"].as_str().unwrap_or_default().to_string(),
        )
    }));
    objects.extend(engine::records(s.tenant, &POLICIES).map(|p| {
        (
            "ANOMALY_POLICY",
            p["id"].clone(),
            p["policyName"].as_str().unwrap_or_default().to_string(),
        )
    }));
    for iccid in sims.iter().take(20) {
        objects.push((
            "SIM",
            iccid.clone(),
            iccid.as_str().unwrap_or_default().to_string(),
        ));
    }
    if objects.is_empty() {
        return Vec::new();
    }
    const ADMINS: [(&str, &str); 3] = [
        ("u-1001", "admin@example.com"),
        ("u-1002", "noc@example.com"),
        ("u-1003", "support@zscaler.example"),
    ];
    let n = 100;
    (0..n)
        .map(|_| {
            let (kind, id, name) = s.pick(&objects).clone();
            let op = if kind == "SIM" {
                *s.pick(&AUDIT_OPERATIONS)
            } else {
                *s.pick(&["CREATE", "UPDATE", "UPDATE", "DELETE"])
            };
            let (uid, uname) = *s.pick(&ADMINS);
            json!({
                "objectType": kind,
                "objectId": text(&id),
                "objectName": name,
                "operationType": op,
                "visibility": if uid == "u-1003" { "SUPPORT" } else { "CUSTOMER" },
                "modifiedByUserId": uid,
                "modifiedByUserName": uname,
                "timestamp": ms(s.epoch_within(120)),
                "comment": s.text(&format!("{op} {kind}")),
                "oldValue": if op == "CREATE" { Value::Null } else { json!({"status": "previous"}) },
                "newValue": if op == "DELETE" { Value::Null } else { json!({"status": "current"}) },
            })
        })
        .collect()
}
