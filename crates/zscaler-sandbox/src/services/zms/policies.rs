//! Policy rules and default rules (seeds).

use super::*;

pub(super) fn port_ranges(s: &mut Seeder<'_>) -> Value {
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

pub(super) fn seed_policy_rules(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) fn seed_default_rules(s: &mut Seeder<'_>) -> Vec<Value> {
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
