//! Seeds of the ZDX tenant.

use super::*;

pub(super) fn seed_locations(_s: &mut Seeder<'_>) -> Vec<Value> {
    LOCATION_TABLE
        .iter()
        .map(|l| json!({"id": l.0, "name": l.1}))
        .collect()
}

pub(super) fn seed_departments(_s: &mut Seeder<'_>) -> Vec<Value> {
    DEPARTMENT_TABLE
        .iter()
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect()
}

pub(super) fn seed_apps(s: &mut Seeder<'_>) -> Vec<Value> {
    APP_TABLE
        .iter()
        .map(|(id, name)| {
            let l = s.pick(&LOCATION_TABLE);
            json!({
                "id": id,
                "name": name,
                "most_impacted_region": {
                    "id": l.2,
                    "country": l.3,
                    "region": l.4,
                    "city": l.5,
                    "geo_type": "city",
                },
                "_score_base": s.int(58, 92),
                "_salt": s.int(1, i64::MAX / 2),
            })
        })
        .collect()
}

pub(super) const FIRST_NAMES: [&str; 12] = [
    "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena",
];
pub(super) const LAST_NAMES: [&str; 8] = [
    "Silva", "Okafor", "Nakamura", "Schmidt", "Patel", "Novak", "Garcia", "Larsen",
];

pub(super) fn seed_users(s: &mut Seeder<'_>) -> Vec<Value> {
    // Every device belongs to a distinct user, so users grow with the devices.
    let n = s.large(40);
    (0..n)
        .map(|i| {
            let first = *s.pick(&FIRST_NAMES);
            let last = *s.pick(&LAST_NAMES);
            let (dept, _) = *s.pick(&DEPARTMENT_TABLE);
            let loc = s.pick(&LOCATION_TABLE).0;
            json!({
                "id": 17_400_000 + i as i64,
                "name": format!("{first} {last}"),
                "email": format!("{}.{}{i}@example.com", first.to_lowercase(), last.to_lowercase()),
                "_dept": dept,
                "_loc": loc,
            })
        })
        .collect()
}

pub(super) fn seed_devices(s: &mut Seeder<'_>) -> Vec<Value> {
    let users: Vec<Value> = s
        .tenant
        .collection(USERS.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    if users.is_empty() {
        return Vec::new();
    }
    let n = s.large(60);
    (0..n)
        .map(|i| {
            let user = &users[i % users.len()];
            let loc = user["_loc"].as_i64().and_then(location).unwrap_or(&LOCATION_TABLE[0]);
            let windows = s.chance(0.7);
            let first = user["name"]
                .as_str()
                .and_then(|n| n.split(' ').next())
                .unwrap_or("user")
                .to_uppercase();
            let hostname = if windows {
                format!("LAPTOP-{first}-{i:05}")
            } else {
                format!("{}s-MacBook-Pro-{i:05}", first.to_lowercase())
            };
            let (mfg, model, cpu) = if windows {
                *s.pick(&[
                    ("Dell Inc.", "Latitude 7440", "13th Gen Intel(R) Core(TM) i7-1365U"),
                    ("Lenovo", "ThinkPad T14 Gen 4", "13th Gen Intel(R) Core(TM) i5-1345U"),
                    ("HP", "EliteBook 840 G10", "13th Gen Intel(R) Core(TM) i7-1355U"),
                ])
            } else {
                *s.pick(&[
                    ("Apple Inc.", "MacBookPro18,3", "Apple M1 Pro"),
                    ("Apple Inc.", "Mac15,6", "Apple M3 Pro"),
                ])
            };
            let mac = s.mac();
            let ipv4 = s.ipv4();
            json!({
                "id": 132_000_000 + i as i64,
                "name": hostname,
                "userid": user["id"],
                "user_name": user["name"],
                "user_email": user["email"],
                "hardware": {
                    "hw_model": model,
                    "hw_mfg": mfg,
                    "hw_type": "Laptop",
                    "hw_serial": s.hex(10).to_uppercase(),
                    "tot_mem": *s.pick(&[16384, 32768]),
                    "gpu": if windows { "Intel(R) Iris(R) Xe Graphics" } else { "Apple GPU" },
                    "disk_size": *s.pick(&[512, 1024]),
                    "disk_model": if windows { "NVMe SSD" } else { "APPLE SSD" },
                    "disk_type": "SSD",
                    "cpu_mfg": if windows { "Intel" } else { "Apple" },
                    "cpu_model": cpu,
                    "speed_ghz": if windows { 2.6 } else { 3.2 },
                    "logical_proc": *s.pick(&[8, 12, 16]),
                    "num_cores": *s.pick(&[8, 10, 12]),
                },
                "network": [{
                    "net_type": "Wi-Fi",
                    "status": "Connected",
                    "ipv4": ipv4,
                    "ipv6": null,
                    "dns_srvs": "10.10.0.53,10.10.0.54",
                    "dns_suffix": "corp.example.com",
                    "gateway": "10.10.0.1",
                    "mac": mac,
                    "guid": format!("{{{}-{}-{}-{}-{}}}", s.hex(8), s.hex(4), s.hex(4), s.hex(4), s.hex(12)).to_uppercase(),
                }],
                "software": {
                    "os_name": if windows { "Microsoft Windows 11 Enterprise" } else { "macOS Sonoma" },
                    "os_ver": if windows { "10.0.22631" } else { "14.6.1" },
                    "os_build": if windows { format!("22631.{}", s.int(3000, 4500)) } else { "23G93".to_string() },
                    "hostname": hostname,
                    "netbios": if windows { json!(hostname.chars().take(15).collect::<String>()) } else { Value::Null },
                    "user": user["email"],
                    "client_conn_ver": format!("4.{}.0.{}", s.int(4, 6), s.int(100, 300)),
                    "zdx_ver": format!("4.{}.{}", s.int(3, 5), s.int(0, 99)),
                },
                "_loc": loc.0,
                "_dept": user["_dept"],
                "_geo": loc.2,
            })
        })
        .collect()
}

pub(super) fn seed_alerts(s: &mut Seeder<'_>) -> Vec<Value> {
    let apps: Vec<App> = s
        .tenant
        .collection(APPS.key)
        .map(|c| c.records.values().map(App::of).collect())
        .unwrap_or_default();
    let devices: Vec<Value> = s
        .tenant
        .collection(DEVICES.key)
        .map(|c| c.records.values().cloned().collect())
        .unwrap_or_default();
    if apps.is_empty() {
        return Vec::new();
    }
    const RULES: [(&str, &str, &str); 4] = [
        ("{app} page fetch time above 5 s", "Critical", "pft"),
        ("{app} ZDX score below 40", "Major", "score"),
        ("{app} DNS time above 200 ms", "Minor", "dns"),
        ("{app} availability below 99%", "Info", "availability"),
    ];
    (0..12)
        .map(|i| {
            let app = &apps[(i * 3 + 1) % apps.len()];
            let loc = &LOCATION_TABLE[i % LOCATION_TABLE.len()];
            let (rule, severity, _) = RULES[i % RULES.len()];
            let affected: Vec<&Value> = devices
                .iter()
                .filter(|d| d["_loc"].as_i64() == Some(loc.0))
                .filter(|d| d["id"].as_i64().and_then(|id| app.device_score(id)).is_some())
                .collect();
            let mut per_dept: BTreeMap<i64, usize> = BTreeMap::new();
            for d in &affected {
                *per_dept.entry(d["_dept"].as_i64().unwrap_or_default()).or_default() += 1;
            }
            let departments: Vec<Value> = per_dept
                .iter()
                .map(|(id, n)| {
                    let name = DEPARTMENT_TABLE.iter().find(|d| d.0 == *id).map(|d| d.1);
                    json!({"id": id, "name": name, "num_devices": n})
                })
                .collect();
            let ongoing = i % 3 != 2;
            let (started_ago, ended_ago) = if ongoing {
                (s.int(600, 3 * 86_400), Value::Null)
            } else if i < 6 {
                let ended = s.int(0, 3599);
                (ended + s.int(900, 7200), json!(ended))
            } else {
                let ended = s.int(86_400, 13 * 86_400);
                (ended + s.int(900, 14_400), json!(ended))
            };
            json!({
                "id": 7_390_284_700 + i as i64 * 131,
                "rule_name": s.text(&rule.replace("{app}", &app.name)),
                "severity": severity,
                "alert_type": "Application",
                "alert_status": if ongoing { "Ongoing" } else { "Resolved" },
                "application": {"id": app.id, "name": app.name},
                "geolocations": [{"id": loc.2, "name": format!("{}, {}, {}", loc.5, loc.4, loc.3), "num_devices": affected.len()}],
                "departments": departments,
                "locations": [{"id": loc.0, "name": loc.1, "num_devices": affected.len(), "groups": [{"id": loc.6, "name": match loc.6 { 3001 => "Americas", 3002 => "EMEA", _ => "APAC" }}]}],
                "num_devices": affected.len(),
                "_app": app.id,
                "_loc": loc.0,
                "_started_ago": started_ago,
                "_ended_ago": ended_ago,
            })
        })
        .collect()
}

pub(super) fn seed_software(s: &mut Seeder<'_>) -> Vec<Value> {
    const TITLES: [(&str, &str, &str, &str, &str); 14] = [
        (
            "Google Chrome",
            "Google LLC",
            "Browsers",
            "MSI",
            "128.0.6613.120",
        ),
        ("Mozilla Firefox", "Mozilla", "Browsers", "Win32", "130.0"),
        (
            "Microsoft Teams",
            "Microsoft Corporation",
            "Collaboration",
            "Store",
            "24215.1007.3082.1590",
        ),
        (
            "Zoom Workplace",
            "Zoom Video Communications, Inc.",
            "Collaboration",
            "Win32",
            "6.2.0",
        ),
        (
            "Slack",
            "Slack Technologies Inc.",
            "Collaboration",
            "Win32",
            "4.40.126",
        ),
        (
            "Microsoft 365 Apps for enterprise",
            "Microsoft Corporation",
            "Productivity",
            "Click-to-Run",
            "16.0.17928.20114",
        ),
        (
            "Adobe Acrobat Reader",
            "Adobe Inc.",
            "Productivity",
            "MSI",
            "24.003.20054",
        ),
        (
            "Zscaler Client Connector",
            "Zscaler Inc.",
            "Security",
            "MSI",
            "4.5.0.198",
        ),
        (
            "CrowdStrike Falcon Sensor",
            "CrowdStrike, Inc.",
            "Security",
            "MSI",
            "7.16.18605",
        ),
        (
            "Visual Studio Code",
            "Microsoft Corporation",
            "Developer Tools",
            "Win32",
            "1.93.0",
        ),
        (
            "Git",
            "The Git Development Community",
            "Developer Tools",
            "Win32",
            "2.46.0",
        ),
        (
            "Python 3.12",
            "Python Software Foundation",
            "Developer Tools",
            "Win32",
            "3.12.5",
        ),
        ("7-Zip", "Igor Pavlov", "Utilities", "MSI", "24.08"),
        (
            "TeamViewer",
            "TeamViewer Germany GmbH",
            "Remote Access",
            "Win32",
            "15.57.5",
        ),
    ];
    TITLES
        .iter()
        .map(|(name, vendor, group, install, version)| {
            let key = format!("{}|{}", name, vendor)
                .to_lowercase()
                .replace([' ', ','], "_");
            json!({
                "software_key": key,
                "software_name": s.text(name),
                "software_version": version,
                "vendor": vendor,
                "software_group": group,
                "sw_install_type": install,
                "_share": s.int(15, 95),
                "_salt": s.int(1, i64::MAX / 2),
            })
        })
        .collect()
}

pub(super) fn seed_deeptraces(s: &mut Seeder<'_>) -> Vec<Value> {
    let devices: Vec<Value> = s
        .tenant
        .collection(DEVICES.key)
        .map(|c| c.records.values().take(2).cloned().collect())
        .unwrap_or_default();
    let apps: Vec<App> = s
        .tenant
        .collection(APPS.key)
        .map(|c| c.records.values().map(App::of).collect())
        .unwrap_or_default();
    if apps.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, device) in devices.iter().enumerate() {
        for k in 0..(2 - i) {
            let app = &apps[(i * 2 + k) % apps.len()];
            let minutes = *s.pick(&[5i64, 15, 30]);
            let started = s.epoch_within(20);
            let (web_id, web_name) = app.web_probe();
            let (cp_id, cp_name) = app.cloudpath_probe();
            out.push(json!({
                "trace_id": 342_941_700 + (i * 10 + k) as i64,
                "_device": device["id"],
                "trace_details": {
                    "session_name": s.text(&format!("{} slowness investigation", app.name)),
                    "user_id": device["userid"],
                    "username": device["user_email"],
                    "device_id": device["id"],
                    "device_name": device["name"],
                    "web_probe_id": web_id,
                    "web_probe_name": web_name,
                    "cloudpath_id": cp_id,
                    "cloudpath_name": cp_name,
                    "app_id": app.id,
                    "app_name": app.name,
                    "session_length_minutes": minutes,
                    "probe_device": true,
                    "os": device["software"]["os_name"],
                },
                "status": "completed",
                "expected_time_minutes": minutes,
                "created_at": started - 5,
                "started_at": started,
                "ended_at": started + minutes * 60,
            }));
        }
    }
    out
}
