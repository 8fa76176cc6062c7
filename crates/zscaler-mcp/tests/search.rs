//! Tool search recall: operator phrasings (`tests/data/search_phrasings.json`, written as an
//! operator would ask, each naming the tool that does it) against the index over every service
//! tool. Prints top-1 and top-3 recall and the build and query times on every run (straight to
//! stderr, past the test harness's capture), and the tasks whose tool is not first with
//! `--nocapture` or on failure.

use std::io::Write;
use std::time::{Duration, Instant};

use serde::Deserialize;
use zscaler_mcp::catalog::search::Index;
use zscaler_mcp::catalog::{Action, ToolDeclaration, all_tools};
use zscaler_mcp::service::Service;

const PHRASINGS: &str = include_str!("data/search_phrasings.json");

/// Top-3 recall the phrasings must reach.
const TOP3: f64 = 0.95;
/// Top-1 recall the phrasings must reach.
const TOP1: f64 = 0.80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrasing {
    q: String,
    tool: String,
    #[serde(default)]
    service: Option<String>,
    #[serde(default)]
    action: Option<String>,
}

fn phrasings() -> Vec<Phrasing> {
    serde_json::from_str(PHRASINGS).expect("search_phrasings.json parses")
}

fn service_tools() -> Vec<&'static ToolDeclaration> {
    all_tools().filter(|t| t.service.is_some()).collect()
}

fn action_of(name: &str) -> Action {
    match name {
        "read" => Action::Read,
        "create" => Action::Create,
        "update" => Action::Update,
        "delete" => Action::Delete,
        other => panic!("unknown action filter {other:?}"),
    }
}

fn service_of(code: &str) -> Service {
    Service::from_code(code).unwrap_or_else(|| panic!("unknown service filter {code:?}"))
}

#[test]
fn phrasings_name_existing_tools_and_cover_every_service() {
    let tools = service_tools();
    let list = phrasings();
    assert!(list.len() >= 150, "{} phrasings, at least 150", list.len());
    for p in &list {
        let tool = tools
            .iter()
            .find(|t| t.name == p.tool)
            .unwrap_or_else(|| panic!("{:?} expects unknown tool {}", p.q, p.tool));
        if let Some(code) = &p.service {
            assert_eq!(tool.service, Some(service_of(code)), "{:?}", p.q);
        }
        if let Some(action) = &p.action {
            assert_eq!(tool.action, action_of(action), "{:?}", p.q);
        }
        assert!(!p.q.trim().is_empty());
    }
    for service in Service::ALL {
        let n = list
            .iter()
            .filter(|p| {
                tools
                    .iter()
                    .any(|t| t.name == p.tool && t.service == Some(service))
            })
            .count();
        assert!(n >= 5, "{service}: {n} phrasings, at least 5");
    }
    let writes = list
        .iter()
        .filter(|p| {
            tools
                .iter()
                .any(|t| t.name == p.tool && t.action.is_write())
        })
        .count();
    assert!(writes >= 30, "{writes} phrasings of write tools");
}

#[test]
fn recall_of_operator_phrasings() {
    let tools = service_tools();
    assert_eq!(tools.len(), 402);
    let start = Instant::now();
    let index = Index::new(&tools);
    let built = start.elapsed();

    let list = phrasings();
    let (mut top1, mut top3) = (0usize, 0usize);
    let mut misses = Vec::new();
    let mut slowest = Duration::ZERO;
    let start = Instant::now();
    for p in &list {
        let one = Instant::now();
        let hits = index.search(
            &p.q,
            p.service.as_deref().map(service_of),
            p.action.as_deref().map(action_of),
            3,
        );
        slowest = slowest.max(one.elapsed());
        let names: Vec<&str> = hits.iter().map(|h| h.tool.name).collect();
        match names.iter().position(|n| *n == p.tool) {
            Some(0) => {
                top1 += 1;
                top3 += 1;
            }
            Some(_) => {
                top3 += 1;
                misses.push(format!("  top-3 {:?}: want {}, got {names:?}", p.q, p.tool));
            }
            None => misses.push(format!("  MISS  {:?}: want {}, got {names:?}", p.q, p.tool)),
        }
    }
    let searched = start.elapsed();
    let n = list.len();
    let r1 = top1 as f64 / n as f64;
    let r3 = top3 as f64 / n as f64;
    let summary = format!(
        "tool search over {} tools: {n} phrasings, top-1 {top1}/{n} = {:.1}%, top-3 {top3}/{n} = {:.1}%\n\
         index built in {built:?}; {n} queries in {searched:?} ({:?} each on average, slowest {slowest:?})\n",
        tools.len(),
        r1 * 100.0,
        r3 * 100.0,
        searched / n as u32
    );
    // Not `eprintln!`: the harness captures it, and these figures are wanted on every run.
    let _ = std::io::stderr().write_all(summary.as_bytes());
    if !misses.is_empty() {
        println!("not first ({}):\n{}", misses.len(), misses.join("\n"));
    }
    assert!(r3 >= TOP3, "top-3 recall {r3:.3} < {TOP3}");
    assert!(r1 >= TOP1, "top-1 recall {r1:.3} < {TOP1}");
}
