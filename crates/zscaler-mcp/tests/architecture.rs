//! The crate's shape: top-level modules depend on each other without a cycle, the executor names
//! no service, and the sandbox imports neither the client nor the catalog.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments (doc links name modules without depending on them).
fn code(path: &Path) -> String {
    fs::read_to_string(path)
        .expect("readable source file")
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level module of a file under `src/` (`catalog` for `src/catalog/zia/dlp.rs`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The `crate::x` modules a text refers to.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
        rest = after;
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let Some(module) = module_of(&f) else {
            continue;
        };
        let refs = crate_refs(&code(&f));
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(refs.into_iter().filter(|r| *r != module));
    }
    graph
}

/// A cycle through `node`, if one exists (depth-first search).
fn cycle(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(i) = path.iter().position(|p| p == node) {
        let mut c = path[i..].to_vec();
        c.push(node.to_string());
        return Some(c);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.to_string());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(c) = cycle(graph, next, path, done) {
            return Some(c);
        }
    }
    path.pop();
    done.insert(node.to_string());
    None
}

#[test]
fn top_level_modules_form_no_cycle() {
    let graph = graph();
    assert!(
        graph.contains_key("executor") && graph.contains_key("catalog"),
        "the module scan found the crate's modules: {graph:?}"
    );
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = cycle(&graph, node, &mut Vec::new(), &mut done) {
            panic!("module cycle: {}", c.join(" -> "));
        }
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("a".into());
    let found = cycle(&g, "a", &mut Vec::new(), &mut BTreeSet::new());
    assert_eq!(found, Some(vec!["a".into(), "b".into(), "a".into()]));
}

#[test]
fn dependencies_point_down_the_line() {
    let graph = graph();
    let uses = |m: &str| graph.get(m).cloned().unwrap_or_default();
    let leaves = [
        "service", "secret", "pattern", "shaping", "state", "metrics",
    ];
    for leaf in leaves {
        assert!(uses(leaf).is_empty(), "{leaf} is a leaf: {:?}", uses(leaf));
    }
    let client = uses("client");
    assert!(
        client.iter().all(|m| leaves.contains(&m.as_str())),
        "client uses only leaf modules: {client:?}"
    );
    for (module, forbidden) in [
        (
            "catalog",
            ["config", "server", "executor", "policy"].as_slice(),
        ),
        ("executor", ["config", "server", "policy"].as_slice()),
        ("policy", ["server", "executor"].as_slice()),
    ] {
        let found: Vec<String> = uses(module)
            .into_iter()
            .filter(|m| forbidden.contains(&m.as_str()))
            .collect();
        assert!(found.is_empty(), "{module} must not use {found:?}");
    }
}

#[test]
fn the_executor_names_no_service() {
    let mut files = Vec::new();
    rust_files(&src().join("executor"), &mut files);
    for f in files {
        let text = code(&f);
        // Tests inside the executor may borrow a service's conventions as data.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        assert!(
            !text.contains("Service::"),
            "{} names a service; declare it in the service's conventions",
            f.display()
        );
    }
}

#[test]
fn the_sandbox_imports_neither_the_client_nor_the_catalog() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../zscaler-sandbox/Cargo.toml");
    let text = fs::read_to_string(manifest).expect("sandbox manifest");
    let depends = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .any(|l| l.contains("zscaler-mcp") || l.contains("zscaler_mcp"));
    assert!(!depends, "the sandbox must not depend on the server crate");
}
