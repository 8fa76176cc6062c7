//! Tool search recall: operator phrasings (`tests/data/search_phrasings.json`, written as an
//! operator would ask, each naming the tool that does it) against the index over every service
//! tool. Prints top-1 and top-3 recall and the build and query times on every run (straight to
//! stderr, past the test harness's capture), and the tasks whose tool is not first with
//! `--nocapture` or on failure.
//!
//! A second set, `tests/data/search_phrasings_heldout.json` (142 phrasings over 140 tools, every
//! service), was written afterwards without looking at the index, its synonyms or the first
//! set, and has never been used to tune the ranking: its figures say how the search does on
//! wording nobody fitted it to. Keep it that way: a miss there is fixed by improving the
//! ranking for the kind of wording, checked on both sets, never by adding that phrase.

use std::io::Write;
use std::time::{Duration, Instant};

use serde::Deserialize;
use zscaler_mcp::catalog::search::Index;
use zscaler_mcp::catalog::{Action, ToolDeclaration, all_tools};
use zscaler_mcp::service::Service;

const PHRASINGS: &str = include_str!("data/search_phrasings.json");
const HELD_OUT: &str = include_str!("data/search_phrasings_heldout.json");

/// Top-3 recall the phrasings must reach.
const TOP3: f64 = 0.95;
/// Top-1 recall the phrasings must reach.
const TOP1: f64 = 0.80;
/// Floors for the held-out set, under its figures when first run (top-1 73.9%, top-3 90.8%)
/// and after general verb and phrase additions to the index (top-1 77.5%, top-3 95.1%): a
/// regression guard, not a fit.
const HELD_OUT_TOP3: f64 = 0.92;
const HELD_OUT_TOP1: f64 = 0.75;

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

fn held_out() -> Vec<Phrasing> {
    serde_json::from_str(HELD_OUT).expect("search_phrasings_heldout.json parses")
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
    let (r1, r3) = recall("phrasings", &phrasings());
    assert!(r3 >= TOP3, "top-3 recall {r3:.3} < {TOP3}");
    assert!(r1 >= TOP1, "top-1 recall {r1:.3} < {TOP1}");
}

#[test]
fn recall_of_held_out_phrasings() {
    let list = held_out();
    assert!(list.len() >= 120, "{} held-out phrasings", list.len());
    let (r1, r3) = recall("held-out phrasings", &list);
    assert!(
        r3 >= HELD_OUT_TOP3,
        "held-out top-3 recall {r3:.3} < {HELD_OUT_TOP3}"
    );
    assert!(
        r1 >= HELD_OUT_TOP1,
        "held-out top-1 recall {r1:.3} < {HELD_OUT_TOP1}"
    );
}

/// Top-1 and top-3 recall of `list`, printed with the timings.
fn recall(label: &str, list: &[Phrasing]) -> (f64, f64) {
    let tools = service_tools();
    assert_eq!(tools.len(), 402);
    let start = Instant::now();
    let index = Index::new(&tools);
    let built = start.elapsed();

    let (mut top1, mut top3) = (0usize, 0usize);
    let mut misses = Vec::new();
    let mut slowest = Duration::ZERO;
    let start = Instant::now();
    for p in list {
        assert!(
            tools.iter().any(|t| t.name == p.tool),
            "{label}: {} is not a service tool",
            p.tool
        );
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
        "tool search over {} tools, {label}: {n}, top-1 {top1}/{n} = {:.1}%, top-3 {top3}/{n} = {:.1}%\n\
         index built in {built:?}; {n} queries in {searched:?} ({:?} each on average, slowest {slowest:?})\n",
        tools.len(),
        r1 * 100.0,
        r3 * 100.0,
        searched / n as u32
    );
    // Not `eprintln!`: the harness captures it, and these figures are wanted on every run.
    let _ = std::io::stderr().write_all(summary.as_bytes());
    if !misses.is_empty() {
        println!(
            "{label} not first ({}):\n{}",
            misses.len(),
            misses.join("\n")
        );
    }
    (r1, r3)
}
