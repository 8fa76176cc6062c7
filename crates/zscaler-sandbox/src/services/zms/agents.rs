//! Agents, agent groups and nonces (seeds).

use super::*;

pub(super) fn seed_agent_groups(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) fn seed_agents(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) fn seed_nonces(s: &mut Seeder<'_>) -> Vec<Value> {
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
