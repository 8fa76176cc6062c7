//! Toolset parity with the reference: the same 63 toolset ids, each of the same service and
//! holding exactly the same tools (`tests/data/toolsets.json`, copied from the reference).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;
use zscaler_mcp::catalog::all_tools;
use zscaler_mcp::catalog::toolsets::TOOLSETS;

fn reference() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/toolsets.json");
    let text = std::fs::read_to_string(&path).expect("tests/data/toolsets.json is readable");
    serde_json::from_str(&text).expect("tests/data/toolsets.json is JSON")
}

#[test]
fn every_reference_toolset_exists_with_its_service_and_exactly_its_tools() {
    let reference = reference();
    assert_eq!(reference.len(), 63, "the reference has 63 toolsets");
    let ours: BTreeMap<&str, &str> = TOOLSETS.iter().map(|t| (t.id, t.service.code())).collect();
    let mut members: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for tool in all_tools().filter(|t| t.service.is_some()) {
        members.entry(tool.toolset).or_default().insert(tool.name);
    }
    let mut problems = Vec::new();
    for set in &reference {
        let id = set["id"].as_str().unwrap_or_default();
        match ours.get(id) {
            None => problems.push(format!("{id}: not declared")),
            Some(service) if Some(*service) != set["service"].as_str() => {
                problems.push(format!("{id}: service {service} != {}", set["service"]))
            }
            Some(_) => {}
        }
        let theirs: BTreeSet<&str> = set["tools"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mine = members.remove(id).unwrap_or_default();
        if mine != theirs {
            problems.push(format!(
                "{id}: tools differ: only ours {:?}, only theirs {:?}",
                mine.difference(&theirs).collect::<Vec<_>>(),
                theirs.difference(&mine).collect::<Vec<_>>()
            ));
        }
    }
    let reference_ids: BTreeSet<&str> = reference.iter().filter_map(|s| s["id"].as_str()).collect();
    for id in ours.keys().filter(|id| !reference_ids.contains(*id)) {
        problems.push(format!("{id}: declared, not in the reference"));
    }
    for (id, tools) in members {
        problems.push(format!("tools in an unknown toolset {id}: {tools:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        all_tools().filter(|t| t.service.is_some()).count(),
        402,
        "every reference tool is declared"
    );
}
