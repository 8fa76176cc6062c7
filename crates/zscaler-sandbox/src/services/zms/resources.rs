//! App zones, resource groups and resources (seeds).

use super::*;

pub(super) fn seed_app_zones(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) fn seed_resource_groups(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) fn seed_resources(s: &mut Seeder<'_>) -> Vec<Value> {
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
