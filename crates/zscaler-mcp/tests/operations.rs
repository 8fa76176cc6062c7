//! Operations, end to end against the real binary: the PID file and the lifecycle subcommands
//! (status, reload, restart, stop, stale and double start), `/metrics` after real tool calls
//! (upstream errors, retries, rate-limit waits, auth), JSON logs with request ids and W3C trace
//! context, and `zscaler-mcp config <client>`.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_zscaler-mcp");
const TRACE_ID: &str = "0af7651916cd43dd8448eb211c80319c";
const TRACEPARENT: &str = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "zmcp-ops-{name}-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A server process whose stderr goes to `log`.
struct Server {
    child: Child,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Server {
        let log = dir.join(format!("server-{}.log", uuid::Uuid::new_v4().simple()));
        let file = std::fs::File::create(&log).expect("log file");
        let child = Command::new(BIN)
            .args(args)
            .env_clear()
            .env("HOME", dir)
            .envs(vars.iter().copied())
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::from(file))
            .spawn()
            .expect("spawn zscaler-mcp");
        Server { child, log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until the log has a line containing `needle` (after `skip` bytes).
    fn wait_for(&self, needle: &str, skip: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let log = self.log();
            if let Some(line) = log
                .get(skip..)
                .unwrap_or_default()
                .lines()
                .find(|l| l.contains(needle))
            {
                return line.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "no log line with {needle:?}:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn pid_record(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// Waits for the PID file to name a bound port, newer than `after` (a start time).
fn wait_for_record(path: &Path, after: f64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(r) = pid_record(path)
            && r["port"].as_u64().unwrap_or(0) != 0
            && r["started_at"].as_f64().unwrap_or(0.0) > after
        {
            return r;
        }
        assert!(
            Instant::now() < deadline,
            "no PID file at {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", dir)
        .current_dir(dir)
        .output()
        .expect("run zscaler-mcp")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// reqwest is built with rustls but no crypto provider: install ring once.
fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

/// One JSON-RPC request to a stateless streamable-HTTP server; the answer and its headers.
fn post(port: u64, body: &Value, headers: &[(&str, &str)]) -> (Value, reqwest::header::HeaderMap) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let mut request = http_client()
            .post(format!("http://127.0.0.1:{port}/mcp"))
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream")
            .header("mcp-protocol-version", "2025-11-25")
            .json(body);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let response = request.send().await.expect("POST /mcp");
        let headers = response.headers().clone();
        let value = response.json::<Value>().await.expect("JSON answer");
        (value, headers)
    })
}

fn call(
    port: u64,
    tool: &str,
    args: Value,
    meta: Option<Value>,
    headers: &[(&str, &str)],
) -> Value {
    let mut params = json!({"name": tool, "arguments": args});
    if let Some(meta) = meta {
        params["_meta"] = meta;
    }
    post(
        port,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params}),
        headers,
    )
    .0
}

fn get(port: u64, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let mut request = http_client().get(format!("http://127.0.0.1:{port}{path}"));
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let response = request.send().await.expect("GET");
        let status = response.status().as_u16();
        (status, response.text().await.unwrap_or_default())
    })
}

fn ok(answer: &Value) -> bool {
    answer
        .get("result")
        .is_some_and(|r| r["isError"] != json!(true))
}

const SERVE: &[&str] = &[
    "--sandbox",
    "--transport",
    "streamable-http",
    "--stateless-http",
    "--port",
    "0",
    "--log-format",
    "json",
];

/// status, reload (a toggle applied, an invalid file refused, a restart-only change named),
/// restart (same PID, new start, serving again), stop (gone, PID file gone), then status 1.
#[test]
fn lifecycle_subcommands_drive_a_running_server_through_its_pid_file() {
    let dir = tempdir("lifecycle");
    let pid_file = dir.join("run/server.pid");
    std::fs::create_dir_all(dir.join("run")).expect("dir");
    let pid_arg = pid_file.display().to_string();
    std::fs::write(dir.join(".env"), "ZSCALER_MCP_AUTH_MODE=none\n").expect(".env");
    let mut args = SERVE.to_vec();
    args.extend(["--pid-file", &pid_arg]);
    let mut server = Server::start(&dir, &args, &[]);
    let record = wait_for_record(&pid_file, 0.0);
    assert_eq!(record["pid"], json!(server.child.id()));
    assert_eq!(record["transport"], "streamable-http");
    assert_eq!(record["host"], "127.0.0.1");
    assert_eq!(record["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        record["argv"]
            .as_array()
            .is_some_and(|a| a.len() == args.len() + 1)
    );
    assert!(
        record["dotenv_path"]
            .as_str()
            .is_some_and(|p| p.ends_with(".env"))
    );
    let port = record["port"].as_u64().expect("port");
    server.wait_for("listening on", 0);
    let tool = "get_zia_user_departments";
    assert!(ok(&call(port, tool, json!({"page": 1}), None, &[])));

    // status: both argument orders.
    for argv in [
        vec!["--pid-file", pid_arg.as_str(), "status"],
        vec!["status", "--pid-file", pid_arg.as_str()],
    ] {
        let out = cli(&dir, &argv);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.contains("alive       : yes"), "{stdout}");
        assert!(
            stdout.contains(&format!("pid         : {}", server.child.id())),
            "{stdout}"
        );
        assert!(
            stdout.contains(&format!("bind        : 127.0.0.1:{port}")),
            "{stdout}"
        );
    }

    // reload: the tool is disabled and the audit line switched on, without a restart.
    std::fs::write(
        dir.join(".env"),
        format!(
            "ZSCALER_MCP_AUTH_MODE=none\nZSCALER_MCP_DISABLED_TOOLS={tool}\n\
             ZSCALER_MCP_LOG_TOOL_CALLS=true\n"
        ),
    )
    .expect(".env");
    let mark = server.log().len();
    let out = cli(&dir, &["reload", "--pid-file", &pid_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Sent SIGHUP to zscaler-mcp"));
    let line = server.wait_for("configuration reload", mark);
    assert!(
        line.contains("applied ZSCALER_MCP_LOG_TOOL_CALLS, ZSCALER_MCP_DISABLED_TOOLS"),
        "{line}"
    );
    let refused = call(port, tool, json!({"page": 1}), None, &[]);
    assert!(
        refused["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Unknown tool")),
        "{refused}"
    );
    let info = call(port, "zscaler_get_server_info", json!({}), None, &[]);
    assert!(ok(&info), "{info}");
    assert_eq!(
        info["result"]["structuredContent"]["security"]["auditLogging"],
        json!(true),
        "{info}"
    );
    server.wait_for("[TOOL CALL]", mark);

    // An invalid configuration is refused; the running one stays.
    std::fs::write(
        dir.join(".env"),
        "ZSCALER_MCP_AUTH_MODE=none\nZSCALER_MCP_DEBUG=maybe\n",
    )
    .expect(".env");
    let mark = server.log().len();
    assert_eq!(
        cli(&dir, &["reload", "--pid-file", &pid_arg]).status.code(),
        Some(0)
    );
    let line = server.wait_for("configuration reload refused", mark);
    assert!(line.contains("ZSCALER_MCP_DEBUG"), "{line}");
    assert!(call(port, tool, json!({"page": 1}), None, &[])["error"].is_object());

    // A valid one again: the tool is back; a listener setting is named as needing a restart.
    std::fs::write(
        dir.join(".env"),
        "ZSCALER_MCP_AUTH_MODE=none\nZSCALER_MCP_MAX_SESSIONS=5\n",
    )
    .expect(".env");
    let mark = server.log().len();
    assert_eq!(
        cli(&dir, &["reload", "--pid-file", &pid_arg]).status.code(),
        Some(0)
    );
    let line = server.wait_for("configuration reload:", mark);
    assert!(
        line.contains("applied ZSCALER_MCP_LOG_TOOL_CALLS, ZSCALER_MCP_DISABLED_TOOLS"),
        "{line}"
    );
    assert!(
        line.contains("needing a restart (running values kept): HTTP listener"),
        "{line}"
    );
    assert!(ok(&call(port, tool, json!({"page": 1}), None, &[])));

    // restart: same PID, a new start, serving again (on a new free port: --port 0).
    let started = record["started_at"].as_f64().expect("started_at");
    let out = cli(&dir, &["--pid-file", &pid_arg, "restart"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let again = wait_for_record(&pid_file, started);
    assert_eq!(again["pid"], json!(server.child.id()), "same PID");
    assert!(
        server.child.try_wait().expect("try_wait").is_none(),
        "still running"
    );
    let port = again["port"].as_u64().expect("port");
    assert!(ok(&call(port, tool, json!({"page": 1}), None, &[])));

    // stop: exits 0, the PID file is gone, status says so.
    let out = cli(&dir, &["stop", "--pid-file", &pid_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("It stopped"),
        "{}",
        text(&out.stdout)
    );
    let status = server.child.wait().expect("wait");
    assert!(status.success(), "{status:?}");
    assert!(!pid_file.exists(), "no stale PID file after stop");
    let out = cli(&dir, &["status", "--pid-file", &pid_arg]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("No zscaler-mcp server PID file found"));
    let out = cli(&dir, &["stop", "--pid-file", &pid_arg]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("No running zscaler-mcp server found"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A PID file naming a process that is gone: said, removed, exit 1 (every subcommand).
#[test]
fn a_stale_pid_file_is_reported_and_removed() {
    let dir = tempdir("stale");
    let mut gone = Command::new("true").spawn().expect("spawn true");
    let dead = gone.id();
    gone.wait().expect("wait");
    for action in ["status", "reload", "restart", "stop"] {
        let pid_file = dir.join(format!("{action}.pid"));
        std::fs::write(
            &pid_file,
            json!({"pid": dead, "argv": ["zscaler-mcp"], "dotenv_path": null,
                   "transport": "stdio", "host": null, "port": null,
                   "started_at": 1.0, "version": "0"})
            .to_string(),
        )
        .expect("write");
        let out = cli(
            &dir,
            &[action, "--pid-file", &pid_file.display().to_string()],
        );
        assert_eq!(out.status.code(), Some(1), "{action}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "references pid {dead}, but no such process exists"
            )) && stderr.contains("removed the stale file"),
            "{action}: {stderr}"
        );
        assert!(!pid_file.exists(), "{action}: the stale file is removed");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A second server on a PID file a live server owns is refused (exit 1, naming the owner);
/// the owner's file stays, and is removed when the owner ends on stdin EOF.
#[test]
fn a_second_start_on_a_live_pid_file_is_refused() {
    let dir = tempdir("double");
    let pid_file = dir.join("s.pid");
    let pid_arg = pid_file.display().to_string();
    let mut first = Server::start(&dir, &["--sandbox", "--pid-file", &pid_arg], &[]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while pid_record(&pid_file).is_none() {
        assert!(Instant::now() < deadline, "no PID file");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = Command::new(BIN)
        .args(["--sandbox", "--pid-file", &pid_arg])
        .env_clear()
        .env("HOME", &dir)
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("second server");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "another zscaler-mcp server (pid {})",
            first.child.id()
        )) && stderr.contains(&pid_arg),
        "{stderr}"
    );
    assert_eq!(
        pid_record(&pid_file).map(|r| r["pid"].clone()),
        Some(json!(first.child.id()))
    );
    drop(first.child.stdin.take());
    assert!(first.child.wait().expect("wait").success());
    assert!(!pid_file.exists(), "removed on stdin EOF");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The standalone sandbox with faults; its `name: value` lines.
fn standalone_sandbox(
    dir: &Path,
    faults: &str,
) -> (Child, std::collections::HashMap<String, String>) {
    let mut child = Command::new(BIN)
        .args(["sandbox", "--faults", faults])
        .env_clear()
        .env("HOME", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("sandbox");
    let stdout = child.stdout.take().expect("stdout");
    let mut values = std::collections::HashMap::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        if let Some((k, v)) = line.split_once(": ") {
            values.insert(k.to_string(), v.to_string());
        }
        if values.contains_key("admin_token") {
            break;
        }
    }
    (child, values)
}

fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| {
            l.strip_prefix(series)?
                .strip_prefix(' ')?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0.0)
}

/// Real tool calls, then `/metrics`: calls by tool and outcome, latency buckets, upstream answers
/// by service and status (a 503 included), the retry it caused, a rate-limit wait, token
/// requests, start time and version; `/metrics` is behind client authentication like `/mcp`.
#[test]
fn metrics_count_real_calls_upstream_errors_retries_and_waits() {
    let dir = tempdir("metrics");
    let (mut sandbox, s) = standalone_sandbox(&dir, "GET /zia/api/v1/departments=503,times=1");
    let key = "metrics-test-key-0123456789";
    let vars = [
        ("ZSCALER_MCP_API_BASE_URL", s["base_url"].as_str()),
        ("ZSCALER_MCP_TOKEN_URL", s["token_url"].as_str()),
        ("ZSCALER_CLIENT_ID", s["client_id"].as_str()),
        ("ZSCALER_CLIENT_SECRET", s["client_secret"].as_str()),
        ("ZSCALER_CUSTOMER_ID", s["customer_id"].as_str()),
        ("ZSCALER_VANITY_DOMAIN", "acme"),
        ("ZSCALER_MCP_AUTH_API_KEY", key),
        ("ZSCALER_MCP_RATE_LIMITS", "zia.get=1/s"),
    ];
    let args = [
        "--transport",
        "streamable-http",
        "--stateless-http",
        "--port",
        "0",
        "--pid-file",
        "metrics.pid",
    ];
    let server = Server::start(&dir, &args, &vars);
    let port = wait_for_record(&dir.join("metrics.pid"), 0.0)["port"]
        .as_u64()
        .expect("port");
    server.wait_for("listening on", 0);
    let auth = format!("Bearer {key}");
    let headers = [("authorization", auth.as_str())];
    let (status, _) = get(port, "/metrics", &[]);
    assert_eq!(status, 401, "/metrics needs the client credentials");

    let tool = "get_zia_user_departments";
    // The first GET meets the 503 and is retried; the second waits for the 1/s budget.
    assert!(ok(&call(port, tool, json!({"page": 1}), None, &headers)));
    assert!(ok(&call(port, tool, json!({"page": 1}), None, &headers)));
    // An invalid argument is refused before Zscaler is called.
    let bad = call(port, tool, json!({"page": "x"}), None, &headers);
    assert_eq!(bad["result"]["isError"], json!(true), "{bad}");
    // A name the server does not have is counted as "unknown", never by the name given.
    call(port, "no_such_tool_ABC", json!({}), None, &headers);

    let (status, body) = get(port, "/metrics", &headers);
    assert_eq!(status, 200);
    println!("{body}");
    let m = |series: &str| metric(&body, series);
    assert_eq!(
        m(&format!(
            "zscaler_mcp_tool_calls_total{{tool=\"{tool}\",outcome=\"ok\"}}"
        )),
        2.0
    );
    assert_eq!(
        m(&format!(
            "zscaler_mcp_tool_calls_total{{tool=\"{tool}\",outcome=\"invalid_arguments\"}}"
        )),
        1.0
    );
    assert_eq!(
        m("zscaler_mcp_tool_calls_total{tool=\"unknown\",outcome=\"unknown_tool\"}"),
        1.0
    );
    assert!(!body.contains("no_such_tool_ABC"));
    assert_eq!(
        m(&format!(
            "zscaler_mcp_tool_call_duration_seconds_count{{tool=\"{tool}\"}}"
        )),
        3.0
    );
    assert_eq!(
        m(&format!(
            "zscaler_mcp_tool_call_duration_seconds_bucket{{tool=\"{tool}\",le=\"+Inf\"}}"
        )),
        3.0
    );
    assert_eq!(
        m("zscaler_mcp_upstream_responses_total{service=\"zia\",code=\"503\"}"),
        1.0
    );
    assert_eq!(
        m("zscaler_mcp_upstream_responses_total{service=\"zia\",code=\"200\"}"),
        2.0
    );
    assert_eq!(
        m("zscaler_mcp_upstream_retries_total{service=\"zia\"}"),
        1.0
    );
    assert!(m("zscaler_mcp_rate_limit_waits_total{service=\"zia\"}") >= 1.0);
    assert!(m("zscaler_mcp_rate_limit_wait_seconds_total{service=\"zia\"}") > 0.0);
    assert!(m("zscaler_mcp_oneapi_token_requests_total{outcome=\"ok\"}") >= 1.0);
    assert!(m("zscaler_mcp_upstream_responses_total{service=\"token\",code=\"200\"}") >= 1.0);
    assert!(m("zscaler_mcp_process_start_time_seconds") > 1.6e9);
    assert!(body.contains(&format!(
        "zscaler_mcp_build_info{{version=\"{}\"}} 1",
        env!("CARGO_PKG_VERSION")
    )));
    for secret in [key, s["client_secret"].as_str(), "page"] {
        assert!(!body.contains(secret), "{secret} in /metrics");
    }
    let _ = sandbox.kill();
    let _ = sandbox.wait();
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--log-format json`: every line is a JSON object; the lines of one call carry its request id
/// (the client's `X-Request-Id`, or a generated one echoed back), and a valid `traceparent` in
/// `_meta` its trace id; an invalid one is ignored and never written.
#[test]
fn json_logs_carry_the_request_id_and_the_trace_context_of_each_call() {
    let dir = tempdir("logs");
    let mut args = SERVE.to_vec();
    args.extend(["--log-tool-calls", "--debug"]);
    let server = Server::start(&dir, &args, &[("ZSCALER_MCP_AUTH_MODE", "none")]);
    let line = server.wait_for("listening on", 0);
    let port: u64 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("port in the listening line");
    let tool = "get_zia_user_departments";
    let body = |traceparent: &str| {
        json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
            "name": tool, "arguments": {"page": 1}, "_meta": {"traceparent": traceparent}}})
    };
    let (a, headers) = post(port, &body(TRACEPARENT), &[("x-request-id", "req-A.1")]);
    assert!(ok(&a), "{a}");
    assert_eq!(headers["x-request-id"], "req-A.1");
    let invalid = "00-ZZZZ-forged\ttrace-01";
    let (b, _) = post(port, &body(invalid), &[("x-request-id", "req-B.2")]);
    assert!(ok(&b));
    // No X-Request-Id (and an unusable one): a generated id, echoed.
    let (_, headers) = post(port, &body(TRACEPARENT), &[("x-request-id", "bad id\"x")]);
    let generated = headers["x-request-id"].to_str().expect("id").to_string();
    assert_eq!(generated.len(), 32, "{generated}");
    server.wait_for("[TOOL CALL]", 0);
    std::thread::sleep(Duration::from_millis(300));

    let log = server.log();
    let mut lines_of = std::collections::HashMap::<String, Vec<Value>>::new();
    for line in log.lines() {
        let value: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        let ids: Vec<String> = value["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["request_id"].as_str().map(str::to_string))
            .collect();
        if let Some(id) = ids.first() {
            assert!(ids.iter().all(|i| i == id), "one id per line: {line}");
            lines_of.entry(id.clone()).or_default().push(value);
        }
    }
    let trace_ids = |id: &str| -> Vec<Option<String>> {
        lines_of[id]
            .iter()
            .map(|v| {
                v["spans"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find_map(|s| s["trace_id"].as_str().map(str::to_string))
            })
            .collect()
    };
    for id in ["req-A.1", "req-B.2", generated.as_str()] {
        let lines = &lines_of[id];
        assert!(lines.len() >= 2, "{id}: {lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l["fields"]["message"] == "[TOOL CALL]" && l["fields"]["tool"] == tool),
            "{id}: the audit line carries the request id"
        );
    }
    // The call's lines (those inside the tools/call span) carry the trace id.
    let a_traced: Vec<Option<String>> = trace_ids("req-A.1");
    assert!(a_traced.iter().any(|t| t.as_deref() == Some(TRACE_ID)));
    let audit_a = lines_of["req-A.1"]
        .iter()
        .find(|l| l["fields"]["message"] == "[TOOL CALL]")
        .expect("audit");
    assert!(audit_a.to_string().contains(TRACE_ID), "{audit_a}");
    assert!(trace_ids("req-B.2").iter().all(Option::is_none));
    assert!(
        !log.contains("ZZZZ") && !log.contains("bad id"),
        "invalid values are not echoed"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `config claude|cursor|vscode`: each client's own JSON format, the binary's absolute path, no
/// secret value given in the environment; an unknown client exits 2 naming the accepted ones.
#[test]
fn config_prints_each_clients_entry_without_secrets() {
    let dir = tempdir("config");
    let secret = "super-secret-VALUE-42";
    let api_key = "api-key-SECRET-99";
    let run = |args: &[&str], vars: &[(&str, &str)]| {
        Command::new(BIN)
            .args(args)
            .env_clear()
            .env("HOME", &dir)
            .env("ZSCALER_CLIENT_ID", "client-1")
            .env("ZSCALER_CLIENT_SECRET", secret)
            .env("ZSCALER_VANITY_DOMAIN", "acme")
            .envs(vars.iter().copied())
            .current_dir(&dir)
            .output()
            .expect("run")
    };
    let parse = |out: &Output| -> Value {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        for s in [secret, api_key] {
            assert!(!text(&out.stdout).contains(s) && !text(&out.stderr).contains(s));
        }
        serde_json::from_slice(&out.stdout).expect("JSON on stdout")
    };
    let exe = std::fs::canonicalize(BIN).expect("binary");
    let claude = parse(&run(&["--services", "zia", "config", "claude"], &[]));
    let entry = &claude["mcpServers"]["zscaler"];
    assert_eq!(entry["command"], json!(exe.display().to_string()));
    assert_eq!(entry["args"], json!(["--services", "zia"]));
    assert_eq!(entry["env"]["ZSCALER_CLIENT_ID"], "client-1");
    assert!(
        entry["env"]["ZSCALER_CLIENT_SECRET"]
            .as_str()
            .is_some_and(|s| s.starts_with('<'))
    );
    let cursor = parse(&run(&["config", "cursor"], &[]));
    assert_eq!(
        cursor["mcpServers"]["zscaler"]["env"]["ZSCALER_CLIENT_SECRET"],
        "${env:ZSCALER_CLIENT_SECRET}"
    );
    let vscode = parse(&run(&["config", "vscode"], &[]));
    assert_eq!(vscode["servers"]["zscaler"]["type"], "stdio");
    assert_eq!(
        vscode["servers"]["zscaler"]["env"]["ZSCALER_CLIENT_SECRET"],
        "${input:zscaler-client-secret}"
    );
    assert_eq!(vscode["inputs"][0]["password"], json!(true));

    // A .env file: referenced, and the credentials are not copied.
    std::fs::write(
        dir.join("zs.env"),
        format!("ZSCALER_CLIENT_SECRET={secret}\n"),
    )
    .expect(".env");
    let dotenv = dir.join("zs.env").display().to_string();
    let with_file = parse(&run(&["--dotenv-path", &dotenv, "config", "claude"], &[]));
    let entry = &with_file["mcpServers"]["zscaler"];
    assert_eq!(entry["args"][0], "--dotenv-path");
    assert!(
        entry["env"].as_object().is_some_and(|e| e.is_empty()),
        "{entry}"
    );

    // HTTP: the URL and a header placeholder, never the API key.
    let http = [
        ("ZSCALER_MCP_TRANSPORT", "streamable-http"),
        ("ZSCALER_MCP_PORT", "8123"),
        ("ZSCALER_MCP_AUTH_API_KEY", api_key),
    ];
    let vscode = parse(&run(&["config", "vscode"], &http));
    assert_eq!(vscode["servers"]["zscaler"]["type"], "http");
    assert_eq!(
        vscode["servers"]["zscaler"]["url"],
        "http://127.0.0.1:8123/mcp"
    );
    assert_eq!(
        vscode["servers"]["zscaler"]["headers"]["Authorization"],
        "${input:zscaler-mcp-authorization}"
    );
    let cursor = parse(&run(&["config", "cursor"], &http));
    assert_eq!(
        cursor["mcpServers"]["zscaler"]["url"],
        "http://127.0.0.1:8123/mcp"
    );
    let claude = parse(&run(&["config", "claude"], &http));
    assert_eq!(claude["mcpServers"]["zscaler"]["command"], "npx");

    let out = run(&["config", "windsurf"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("windsurf") && stderr.contains("claude, cursor or vscode"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
