//! The tool surface: what `tools/list` costs an agent, how fast it answers, and what a
//! `tools/call` adds over the raw API call. Every figure is measured in the same run, next to
//! the Python reference server (zscaler-mcp 0.15.4, installed by `scripts/bench-tools.sh`).
//!
//! `scripts/bench-tools.sh` (or `cargo bench -p zscaler-mcp --bench tools`, with
//! `ZSCALER_MCP_REFERENCE_BIN` pointing at the reference's `zscaler-mcp` script)
//!
//! 1. Context cost: o200k_base tokens (tiktoken-rs) of the `tools` array of `tools/list`,
//!    serialized compactly, for (a) the default read-only surface and (b) every tool, both
//!    servers, every service (ours with its four always-on meta tools), plus our
//!    `--toolsets default` and `--tool-mode discover` lists. Counted twice: the whole tool
//!    objects, and what a model API receives of each (`name`, `description`, `inputSchema`:
//!    Anthropic's `input_schema` and OpenAI's function `parameters`; titles, annotations and
//!    output schemas stay with the client).
//! 2. Warm `tools/list` latency over stdio (median of many on one connection), both servers.
//! 3. `tools/call` overhead: `zia_list_rule_labels` through our server against the sandbox,
//!    against the same GET sent directly with reqwest (median of many each). The client's rate
//!    budgets are off for this run (`ZSCALER_MCP_RATE_LIMITS=off`): they throttle on purpose.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const LIST_ROUNDS: usize = 200;
const CALL_ROUNDS: usize = 300;

/// A server on stdio, spoken to with raw JSON-RPC lines.
struct Stdio_ {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next: u64,
}

impl Stdio_ {
    fn start(bin: &str, args: &[&str], env: &[(&str, String)]) -> Stdio_ {
        let mut cmd = Command::new(bin);
        cmd.args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, _) in std::env::vars() {
            if k.starts_with("ZSCALER_") || k.starts_with("ZCELL_") {
                cmd.env_remove(k);
            }
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin}: {e}"));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut s = Stdio_ {
            child,
            stdin,
            stdout,
            next: 0,
        };
        s.request(
            "initialize",
            json!({"protocolVersion": "2025-11-25", "capabilities": {},
                   "clientInfo": {"name": "bench-tools", "version": "1"}}),
        );
        s.send(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
        s
    }

    fn send(&mut self, msg: &Value) {
        let mut line = msg.to_string();
        line.push('\n');
        self.stdin.write_all(line.as_bytes()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let mut line = String::new();
            if self.stdout.read_line(&mut line).expect("read") == 0 {
                panic!("server closed stdout during {method}");
            }
            let Ok(msg) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            if msg.get("id") == Some(&json!(id)) {
                if let Some(e) = msg.get("error") {
                    panic!("{method} failed: {e}");
                }
                return msg["result"].clone();
            }
        }
    }
}

impl Drop for Stdio_ {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn tokens(tools: &[Value]) -> usize {
    let bpe = tiktoken_rs::o200k_base().expect("o200k_base");
    let text = Value::Array(tools.to_vec()).to_string();
    bpe.encode_with_special_tokens(&text).len()
}

/// What a model API receives of each tool: name, description and input schema.
fn model_view(tools: &[Value]) -> Vec<Value> {
    tools
        .iter()
        .map(|t| {
            json!({
                "name": t["name"],
                "description": t["description"],
                "inputSchema": t["inputSchema"],
            })
        })
        .collect()
}

fn list(server: &mut Stdio_) -> Vec<Value> {
    server.request("tools/list", json!({}))["tools"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn list_latency(server: &mut Stdio_) -> Duration {
    for _ in 0..10 {
        list(server);
    }
    median(
        (0..LIST_ROUNDS)
            .map(|_| {
                let t = Instant::now();
                list(server);
                t.elapsed()
            })
            .collect(),
    )
}

/// The simulated tenant, as its own process (`zscaler-mcp sandbox`), and what it printed.
struct SandboxProcess {
    child: Child,
    info: std::collections::HashMap<String, String>,
}

impl SandboxProcess {
    fn start(bin: &str) -> SandboxProcess {
        let mut child = Command::new(bin)
            .args(["sandbox", "--admin-token", "bench-tools"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("zscaler-mcp sandbox");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut info = std::collections::HashMap::new();
        while !info.contains_key("admin_token") {
            let mut line = String::new();
            if out.read_line(&mut line).expect("read") == 0 {
                panic!("the sandbox exited before printing its address");
            }
            if let Some((k, v)) = line.trim().split_once(": ") {
                info.insert(k.to_string(), v.to_string());
            }
        }
        SandboxProcess { child, info }
    }

    fn get(&self, key: &str) -> String {
        self.info.get(key).cloned().unwrap_or_default()
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn env_for(sandbox: &SandboxProcess) -> Vec<(&'static str, String)> {
    vec![
        ("ZSCALER_CLIENT_ID", sandbox.get("client_id")),
        ("ZSCALER_CLIENT_SECRET", sandbox.get("client_secret")),
        ("ZSCALER_CUSTOMER_ID", sandbox.get("customer_id")),
        ("ZSCALER_VANITY_DOMAIN", "sandbox".to_string()),
        ("ZSCALER_MCP_API_BASE_URL", sandbox.get("base_url")),
        ("ZSCALER_MCP_TOKEN_URL", sandbox.get("token_url")),
        // The client's ZIA budgets (2 GETs/s, as Zscaler documents) would dominate a loop of
        // calls; the overhead measured here is the pipeline's, so they are off.
        ("ZSCALER_MCP_RATE_LIMITS", "off".to_string()),
    ]
}

fn main() {
    let ours_bin = env!("CARGO_BIN_EXE_zscaler-mcp");
    let reference_bin = std::env::var("ZSCALER_MCP_REFERENCE_BIN").ok().or_else(|| {
        let p = dirs_home().join(".cache/zscaler-mcp/bench-venv-ref/bin/zscaler-mcp");
        p.exists().then(|| p.display().to_string())
    });
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = SandboxProcess::start(ours_bin);
    let env = env_for(&sandbox);

    // Every service is declared: both lists are compared whole (ours also carries its four
    // always-on meta tools).
    let keep = |tools: Vec<Value>| -> Vec<Value> { tools };

    println!("== tools/list context cost (o200k_base tokens of the tools array) ==");
    let mut ours_default = Stdio_::start(ours_bin, &[], &env);
    let ours_read = list(&mut ours_default);
    let mut ours_all_srv = Stdio_::start(
        ours_bin,
        &["--enable-write-tools", "--write-tools", "*"],
        &env,
    );
    let ours_all = list(&mut ours_all_srv);
    let ours_read_t = tokens(&keep(ours_read.clone()));
    let ours_all_t = tokens(&keep(ours_all.clone()));
    println!(
        "ours      read-only (+4 meta):      {:>4} tools {:>7} tokens",
        keep(ours_read.clone()).len(),
        ours_read_t
    );
    println!(
        "ours      all       (+4 meta):      {:>4} tools {:>7} tokens",
        keep(ours_all.clone()).len(),
        ours_all_t
    );
    let mut curated = Stdio_::start(ours_bin, &["--toolsets", "default"], &env);
    let curated_tools = list(&mut curated);
    println!(
        "ours      --toolsets default:           {:>4} tools {:>7} tokens",
        curated_tools.len(),
        tokens(&curated_tools)
    );
    drop(curated);
    let mut discover = Stdio_::start(ours_bin, &["--tool-mode", "discover"], &env);
    let discover_tools = list(&mut discover);
    println!(
        "ours      --tool-mode discover:         {:>4} tools {:>7} tokens (every tool reachable)",
        discover_tools.len(),
        tokens(&discover_tools)
    );
    drop(discover);
    let undescribed = ours_all
        .iter()
        .flat_map(|t| {
            t["inputSchema"]["properties"]
                .as_object()
                .cloned()
                .unwrap_or_default()
                .into_values()
        })
        .filter(|p| {
            p.get("description")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
        })
        .count();
    println!("ours      parameters without a description: {undescribed}");

    let mut reference = reference_bin.as_deref().map(|bin| {
        let ref_env = vec![("ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER", "true".to_string())];
        (
            Stdio_::start(bin, &[], &ref_env),
            Stdio_::start(
                bin,
                &["--enable-write-tools", "--write-tools", "*"],
                &ref_env,
            ),
        )
    });
    if let Some((ref_default, ref_all_srv)) = reference.as_mut() {
        let ref_read_full = list(ref_default);
        let ref_all = list(ref_all_srv);
        let ref_read_t = tokens(&keep(ref_read_full.clone()));
        let ref_all_t = tokens(&keep(ref_all.clone()));
        println!(
            "reference read-only:                {:>4} tools {:>7} tokens",
            keep(ref_read_full.clone()).len(),
            ref_read_t
        );
        println!(
            "reference all:                      {:>4} tools {:>7} tokens",
            keep(ref_all.clone()).len(),
            ref_all_t
        );
        println!(
            "ratio ours/reference: read-only {:.2}x (target <= 0.40), all {:.2}x",
            ours_read_t as f64 / ref_read_t as f64,
            ours_all_t as f64 / ref_all_t as f64
        );
        let (our_read_m, our_all_m) = (
            tokens(&model_view(&ours_read)),
            tokens(&model_view(&ours_all)),
        );
        let (ref_read_m, ref_all_m) = (
            tokens(&model_view(&ref_read_full)),
            tokens(&model_view(&ref_all)),
        );
        println!(
            "what a model API receives (name, description, input schema of each tool):\n\
             ours      read-only {our_read_m:>7} tokens, all {our_all_m:>7}\n\
             reference read-only {ref_read_m:>7} tokens, all {ref_all_m:>7}\n\
             ratio ours/reference: read-only {:.2}x, all {:.2}x",
            our_read_m as f64 / ref_read_m as f64,
            our_all_m as f64 / ref_all_m as f64
        );
    } else {
        println!(
            "reference: not installed (run scripts/bench-tools.sh, or set ZSCALER_MCP_REFERENCE_BIN)"
        );
    }

    println!("\n== warm tools/list latency over stdio (median of {LIST_ROUNDS}) ==");
    let ours_lat = list_latency(&mut ours_all_srv);
    println!("ours      {:>8.0} µs", ours_lat.as_secs_f64() * 1e6);
    if let Some((_, ref_all_srv)) = reference.as_mut() {
        let ref_lat = list_latency(ref_all_srv);
        println!("reference {:>8.0} µs", ref_lat.as_secs_f64() * 1e6);
        println!(
            "ratio ours/reference: {:.3}x",
            ours_lat.as_secs_f64() / ref_lat.as_secs_f64()
        );
    }

    println!("\n== tools/call overhead: zia_list_rule_labels (median of {CALL_ROUNDS}) ==");
    let args = json!({"name": "zia_list_rule_labels", "arguments": {}});
    for _ in 0..20 {
        ours_default.request("tools/call", args.clone());
    }
    let call = median(
        (0..CALL_ROUNDS)
            .map(|_| {
                let t = Instant::now();
                let r = ours_default.request("tools/call", args.clone());
                assert_eq!(r["isError"], json!(false), "{r}");
                t.elapsed()
            })
            .collect(),
    );
    let raw = runtime.block_on(async {
        let http = reqwest::Client::new();
        let token: Value = http
            .post(sandbox.get("token_url"))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", sandbox.get("client_id").as_str()),
                ("client_secret", sandbox.get("client_secret").as_str()),
                ("audience", "https://api.zscaler.com"),
            ])
            .send()
            .await
            .expect("token")
            .json()
            .await
            .expect("token json");
        let bearer = token["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let url = format!("{}/zia/api/v1/ruleLabels", sandbox.get("base_url"));
        let mut times = Vec::new();
        for i in 0..(CALL_ROUNDS + 20) {
            let t = Instant::now();
            let body: Value = http
                .get(&url)
                .bearer_auth(&bearer)
                .send()
                .await
                .expect("get")
                .json()
                .await
                .expect("json");
            assert!(body.is_array());
            if i >= 20 {
                times.push(t.elapsed());
            }
        }
        median(times)
    });
    println!("ours tools/call {:>8.0} µs", call.as_secs_f64() * 1e6);
    println!("raw GET         {:>8.0} µs", raw.as_secs_f64() * 1e6);
    println!(
        "overhead {:.0} µs per call ({:.2}x the raw call)",
        (call.as_secs_f64() - raw.as_secs_f64()) * 1e6,
        call.as_secs_f64() / raw.as_secs_f64()
    );
    drop(ours_default);
    drop(ours_all_srv);
    drop(sandbox);
}

fn dirs_home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default()
}
