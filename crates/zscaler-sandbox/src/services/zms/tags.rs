//! Tag namespaces, keys and values (seeds).

use super::*;

pub(super) fn seed_namespaces(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) const TAGS: &[(usize, &str, &[&str])] = &[
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

pub(super) fn seed_tag_keys(s: &mut Seeder<'_>) -> Vec<Value> {
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

pub(super) fn seed_tag_values(_: &mut Seeder<'_>) -> Vec<Value> {
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
