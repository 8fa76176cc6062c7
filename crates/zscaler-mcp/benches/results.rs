//! What list results cost an agent: o200k_base tokens per row of every list tool both servers
//! have, ours next to the Python reference (zscaler-mcp 0.15.4), on the same sandbox data in the
//! same run.
//!
//! `scripts/bench-results.sh` (or `cargo bench -p zscaler-mcp --bench results`, with
//! `ZSCALER_MCP_REFERENCE_BIN` pointing at the reference's `zscaler-mcp` script in a venv that
//! also has the `mcp` client)
//!
//! `scripts/bench_results.py` starts one sandbox with TLS for the production host names, points
//! both servers at it (the reference through name resolution inside its Python, ours with a base
//! URL and the sandbox CA), calls every common list tool with no arguments through the `mcp`
//! client and writes the answers to a JSON file. This bench counts the tokens (tiktoken-rs, whose
//! o200k ranks are built in: nothing is fetched) of
//!
//! - the reference's text content (and its text + `structuredContent`);
//! - ours: (a) the text content, (b) text + `structuredContent`, what a client that forwards
//!   both puts in the context.
//!
//! Rows are ours from `structuredContent.returned`, the reference's from its
//! `structuredContent.result`. Both are divided out: the reference reads one page only on some
//! tools (ZPA's 20-row default page, ZMS, ZCell network events), ours walks every page.
//!
//! `ZSCALER_MCP_BENCH_RESULTS_JSON=FILE` counts a file written earlier instead of collecting.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// The 0.3x target of issue 13 (ours per row / reference per row).
const TARGET: f64 = 0.3;

struct Row {
    tool: String,
    service: String,
    ours_rows: u64,
    ref_rows: u64,
    ours_text: usize,
    ours_both: usize,
    ref_text: usize,
    ref_both: usize,
    ref_omits: Vec<String>,
}

impl Row {
    fn per_row(tokens: usize, rows: u64) -> f64 {
        tokens as f64 / rows as f64
    }
    fn ref_text_pr(&self) -> f64 {
        Row::per_row(self.ref_text, self.ref_rows)
    }
    fn ref_both_pr(&self) -> f64 {
        Row::per_row(self.ref_both, self.ref_rows)
    }
    fn ours_text_pr(&self) -> f64 {
        Row::per_row(self.ours_text, self.ours_rows)
    }
    fn ours_both_pr(&self) -> f64 {
        Row::per_row(self.ours_both, self.ours_rows)
    }
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// Runs the collection script; None when the reference is not installed.
fn collect(ours_bin: &str) -> Option<Value> {
    let cache = std::env::var_os("ZSCALER_MCP_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cache/zscaler-mcp"));
    let reference = std::env::var_os("ZSCALER_MCP_REFERENCE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| cache.join("bench-venv-ref/bin/zscaler-mcp"));
    if !reference.exists() {
        println!(
            "reference: not installed at {} (run scripts/bench-results.sh, or set \
             ZSCALER_MCP_REFERENCE_BIN)",
            reference.display()
        );
        return None;
    }
    // The reference's venv has the `mcp` client; the script needs nothing else.
    let python = std::env::var_os("ZSCALER_MCP_BENCH_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| reference.with_file_name("python"));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!(
        "zscaler-mcp-bench-results-{}.json",
        std::process::id()
    ));
    let status = Command::new(&python)
        .arg(root.join("scripts/bench_results.py"))
        .arg("--ours")
        .arg(ours_bin)
        .arg("--reference")
        .arg(&reference)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    assert!(
        status.success(),
        "scripts/bench_results.py failed: {status}"
    );
    let text = std::fs::read_to_string(&out).expect("the collected answers");
    println!("answers kept in {}", out.display());
    Some(serde_json::from_str(&text).expect("JSON"))
}

fn main() {
    let data = match std::env::var_os("ZSCALER_MCP_BENCH_RESULTS_JSON") {
        Some(path) => serde_json::from_str(
            &std::fs::read_to_string(&path).expect("ZSCALER_MCP_BENCH_RESULTS_JSON file"),
        )
        .expect("JSON"),
        None => match collect(env!("CARGO_BIN_EXE_zscaler-mcp")) {
            Some(data) => data,
            None => return,
        },
    };
    let bpe = tiktoken_rs::o200k_base().expect("o200k_base");
    let count = |v: &Value| v.as_str().map_or(0, |s| bpe.encode_ordinary(s).len());

    let mut rows = Vec::new();
    let mut left_out: Vec<(String, String)> = data["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                s["tool"].as_str().unwrap_or_default().to_string(),
                s["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for t in data["tools"].as_array().into_iter().flatten() {
        let tool = t["tool"].as_str().unwrap_or_default().to_string();
        let (ours, reference) = (&t["ours"], &t["reference"]);
        let ours_rows = ours["returned"].as_u64().unwrap_or(0);
        let ref_rows = reference["rows"].as_u64().unwrap_or(0);
        let why = match () {
            _ if ours["error"] == true && reference["error"] == true => {
                Some("both answered an error")
            }
            _ if ours["error"] == true => Some("ours answered an error"),
            _ if reference["error"] == true => Some("the reference answered an error"),
            _ if ours_rows == 0 || ref_rows == 0 => Some("no rows"),
            _ => None,
        };
        if let Some(why) = why {
            left_out.push((tool, why.to_string()));
            continue;
        }
        let ours_text = count(&ours["text"]);
        let ref_text = count(&reference["text"]);
        rows.push(Row {
            service: t["service"].as_str().unwrap_or_default().to_string(),
            ours_rows,
            ref_rows,
            ours_text,
            ours_both: ours_text + count(&ours["structured"]),
            ref_text,
            ref_both: ref_text + count(&reference["structured"]),
            ref_omits: reference["omits_api_fields"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect(),
            tool,
        });
    }

    println!(
        "== list results: o200k_base tokens per row, every common list tool called with no \
         arguments =="
    );
    println!(
        "ref = the reference's text; ours = our text; +sc = with structuredContent (compact JSON)\n"
    );
    println!(
        "{:<44} {:>9} {:>8} {:>8} {:>6} {:>8} {:>6} {:>6} {:>6}",
        "tool", "rows", "ref/row", "ours/row", "ratio", "+sc/row", "vs ref", "vs +sc", "ref-f"
    );
    for r in &rows {
        let rows_col = if r.ours_rows == r.ref_rows {
            r.ours_rows.to_string()
        } else {
            format!("{}/{}*", r.ours_rows, r.ref_rows)
        };
        println!(
            "{:<44} {:>9} {:>8.1} {:>8.1} {:>5.2}x {:>8.1} {:>5.2}x {:>5.2}x {:>6}",
            r.tool,
            rows_col,
            r.ref_text_pr(),
            r.ours_text_pr(),
            r.ours_text_pr() / r.ref_text_pr(),
            r.ours_both_pr(),
            r.ours_both_pr() / r.ref_text_pr(),
            r.ours_both_pr() / r.ref_both_pr(),
            r.ref_omits.len(),
        );
    }
    println!(
        "\nrows: ours/reference where they differ (*): the reference reads one page only. \
         ratio = ours text / reference text per row; vs ref = ours text+sc / reference text; \
         vs +sc = ours text+sc / reference text+sc; ref-f = API fields with a value the \
         reference shows in neither its text nor its structuredContent."
    );

    // Aggregates. Per row: each tool's reference cost per row times our rows, so a tool where
    // the reference read one page weighs what the whole list would have cost it.
    let agg = |rows: &[&Row], ours: fn(&Row) -> usize, theirs: fn(&Row) -> f64| -> (f64, f64) {
        let o: f64 = rows.iter().map(|r| ours(r) as f64).sum();
        let t: f64 = rows.iter().map(|r| theirs(r) * r.ours_rows as f64).sum();
        (o, t)
    };
    let all: Vec<&Row> = rows.iter().collect();
    let same: Vec<&Row> = rows.iter().filter(|r| r.ours_rows == r.ref_rows).collect();
    // Where the reference shows every API field that has a value: the same data on both sides.
    let whole: Vec<&Row> = rows.iter().filter(|r| r.ref_omits.is_empty()).collect();
    println!(
        "\n== aggregate: sum of ours / sum of the reference (the reference at its cost per row \
         times our rows) =="
    );
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>9} {:>6} {:>12} {:>8}",
        "tools", "ours text", "ours +sc", "ref text", "ref +sc", "text", "+sc/ref text", "+sc/+sc"
    );
    for (label, set) in [
        (format!("all {} common tools", all.len()), &all),
        (format!("{} with the same rows", same.len()), &same),
        (
            format!("{} where the reference drops no field", whole.len()),
            &whole,
        ),
    ] {
        let (ot, rt) = agg(set, |r| r.ours_text, Row::ref_text_pr);
        let (ob, rb) = agg(set, |r| r.ours_both, Row::ref_both_pr);
        println!(
            "{label:<38} {ot:>9.0} {ob:>9.0} {rt:>9.0} {rb:>9.0} {:>5.2}x {:>11.2}x {:>7.2}x",
            ot / rt,
            ob / rt,
            ob / rb
        );
    }
    let mut by_service: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_service.entry(r.service.as_str()).or_default().push(r);
    }
    println!("\nper service (text / reference text, per row):");
    for (service, set) in &by_service {
        let (ot, rt) = agg(set, |r| r.ours_text, Row::ref_text_pr);
        let (ob, _) = agg(set, |r| r.ours_both, Row::ref_text_pr);
        println!(
            "  {service:<6} {:>3} tools  text {:.2}x  text+sc {:.2}x",
            set.len(),
            ot / rt,
            ob / rt
        );
    }
    let met = rows
        .iter()
        .filter(|r| r.ours_text_pr() / r.ref_text_pr() <= TARGET)
        .count();
    let met_both = rows
        .iter()
        .filter(|r| r.ours_both_pr() / r.ref_text_pr() <= TARGET)
        .count();
    let mut ratios: Vec<f64> = rows
        .iter()
        .map(|r| r.ours_text_pr() / r.ref_text_pr())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let median = ratios.get(ratios.len() / 2).copied().unwrap_or(f64::NAN);
    println!(
        "\ntarget <= {TARGET}x per row: text meets it on {met} of {} tools (median tool {:.2}x); \
         text+sc on {met_both}",
        rows.len(),
        median
    );
    let equal = rows
        .iter()
        .filter(|r| r.ours_rows == r.ref_rows && r.ours_text == r.ref_text)
        .count();
    println!(
        "the same text size on both sides (flat records, CSV on both): {equal} tools; the \
         reference's pretty-printed JSON is where ours saves"
    );
    let differ: Vec<String> = rows
        .iter()
        .filter(|r| r.ours_rows != r.ref_rows)
        .map(|r| format!("{} ({} vs {})", r.tool, r.ours_rows, r.ref_rows))
        .collect();
    println!(
        "row counts differ on {} tools (ours / reference): {}",
        differ.len(),
        if differ.is_empty() {
            "none".to_string()
        } else {
            differ.join(", ")
        }
    );
    let omitting = rows.iter().filter(|r| !r.ref_omits.is_empty()).count();
    println!(
        "the reference leaves out API fields that have values on {omitting} of {} tools \
         (ours: none; the records are the API's)",
        rows.len()
    );
    let ours_omitting: Vec<&str> = data["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| {
            t["ours"]["text_omits"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        })
        .filter_map(|t| t["tool"].as_str())
        .collect();
    println!(
        "our text leaves out fields of our structuredContent on {} tools{}",
        ours_omitting.len(),
        if ours_omitting.is_empty() {
            String::new()
        } else {
            format!(": {}", ours_omitting.join(", "))
        }
    );
    let ours_incomplete = data["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["ours"]["complete"] == false)
        .count();
    println!("our lists marked incomplete: {ours_incomplete}");
    if !left_out.is_empty() {
        println!("left out ({}):", left_out.len());
        for (tool, why) in &left_out {
            println!("  {tool}: {why}");
        }
    }
    if let Some(n) = data["reference_requests_seen_by_sandbox"].as_u64() {
        println!("the sandbox recorded {n} requests from the reference's SDK");
    }
}
