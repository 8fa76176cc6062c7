//! The binary's command line, run as a real process.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_zscaler-mcp");

/// Runs the binary in an empty directory with a clean environment (no stray `.env`).
fn run(args: &[&str], vars: &[(&str, &str)], stdin: &str) -> Output {
    let dir = tempdir();
    run_in(&dir, args, vars, stdin)
}

fn run_in(dir: &std::path::Path, args: &[&str], vars: &[(&str, &str)], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_clear()
        .envs(vars.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zscaler-mcp");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zmcp-cli-{}-{}", std::process::id(), uuid_like()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn uuid_like() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn version_prints_name_and_version() {
    let out = run(&["--version"], &[], "");
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        format!("zscaler-mcp {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn invalid_values_exit_2_with_one_line_naming_the_source() {
    for (args, vars, needle) in [
        (vec!["--port", "abc"], vec![], "invalid --port 'abc'"),
        (
            vec![],
            vec![("ZSCALER_MCP_PORT", "abc")],
            "invalid ZSCALER_MCP_PORT 'abc'",
        ),
        (
            vec!["--transport", "http2"],
            vec![],
            "expected one of: stdio, streamable-http, sse",
        ),
        (
            vec![],
            vec![("ZSCALER_MCP_DEBUG", "sure")],
            "invalid ZSCALER_MCP_DEBUG 'sure'",
        ),
    ] {
        let out = run(&args, &vars, "");
        assert_eq!(out.status.code(), Some(2), "{args:?} {vars:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line expected, got: {err}");
        assert!(err.contains(needle), "{err}");
        assert!(out.stdout.is_empty());
    }
}

/// Arguments, environment, and what the refusal must name.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);

/// Every protection the server would report but does not enforce yet is refused at startup,
/// naming the setting, before anything listens or reaches Zscaler.
#[test]
fn unusable_or_unenforced_settings_are_refused_naming_the_setting() {
    let http = ["--transport", "streamable-http"];
    let cases: &[Case] = &[
        (
            &http,
            &[
                ("ZSCALER_MCP_TLS_CERT_FILE", "/c.pem"),
                ("ZSCALER_MCP_TLS_KEY_FILE", "/k.pem"),
                ("ZSCALER_MCP_AUTH_MODE", "none"),
            ],
            "ZSCALER_MCP_TLS_CERT_FILE",
        ),
        (
            &["--transport", "sse", "--host", "0.0.0.0"],
            &[],
            "ZSCALER_MCP_ALLOW_HTTP=true",
        ),
        // HTTP authenticates clients by default: no mode, no key, no JWKS → refused.
        (&http, &[], "ZSCALER_MCP_AUTH_MODE=none"),
        (&["--transport", "sse"], &[], "ZSCALER_MCP_AUTH_API_KEY"),
        (
            &http,
            &[("ZSCALER_MCP_ALLOWED_SOURCE_IPS", "10.0.0.0/33")],
            "ZSCALER_MCP_ALLOWED_SOURCE_IPS",
        ),
        (
            &http,
            &[("ZSCALER_MCP_ALLOWED_ORIGINS", "https://a.example/path")],
            "ZSCALER_MCP_ALLOWED_ORIGINS",
        ),
        (
            &http,
            &[("ZSCALER_MCP_AUTH_MODE", "zscaler")],
            "ZSCALER_MCP_AUTH_MODE",
        ),
        (
            &http,
            &[("ZSCALER_MCP_AUTH_API_KEY", "short-key-12")],
            "at least 16 characters",
        ),
        (
            &http,
            &[("ZSCALER_MCP_AUTH_MODE", "api-key")],
            "ZSCALER_MCP_AUTH_API_KEY",
        ),
        (
            &http,
            &[("ZSCALER_MCP_AUTH_ENABLED", "true")],
            "ZSCALER_MCP_AUTH_ENABLED",
        ),
        (
            &[],
            &[("ZSCALER_MCP_AUTH_JWKS_URI", "https://idp.example/jwks")],
            "ZSCALER_MCP_AUTH_JWKS_URI",
        ),
        (
            &[],
            &[("ZSCALER_MCP_SKIP_CONFIRMATIONS", "true")],
            "ZSCALER_MCP_SKIP_CONFIRMATIONS",
        ),
        (
            &[],
            &[("ZSCALER_MCP_CONFIRMATION_TTL", "5")],
            "ZSCALER_MCP_CONFIRMATION_TTL",
        ),
        (
            &[],
            &[("ZSCALER_MCP_REPORT_TOKENS", "true")],
            "ZSCALER_MCP_REPORT_TOKENS",
        ),
    ];
    for (args, vars, needle) in cases {
        let out = run(args, vars, "");
        assert_eq!(out.status.code(), Some(2), "{args:?} {vars:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line expected, got: {err}");
        assert!(err.contains(needle), "{vars:?}: {err}");
        assert!(
            !err.contains("a-long-enough-key"),
            "a secret in the message: {err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn the_pid_file_holds_the_pid_while_serving_and_is_removed_at_exit() {
    let dir = tempdir();
    let pid_file = dir.join("server.pid");
    let mut child = Command::new(BIN)
        .env_clear()
        .env("ZSCALER_MCP_PID_FILE", &pid_file)
        .env("ZSCALER_CLIENT_ID", "id")
        .env("ZSCALER_CLIENT_SECRET", "secret")
        .env("ZSCALER_VANITY_DOMAIN", "acme")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zscaler-mcp");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !pid_file.exists() {
        assert!(std::time::Instant::now() < deadline, "no PID file written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let written = std::fs::read_to_string(&pid_file).expect("PID file readable");
    let record: serde_json::Value = serde_json::from_str(&written).expect("a JSON record");
    assert_eq!(record["pid"], serde_json::json!(child.id()), "{written}");
    assert_eq!(record["transport"], "stdio", "{written}");
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!pid_file.exists(), "the PID file is removed at exit");
}

#[test]
fn an_unwritable_pid_file_stops_startup_naming_it() {
    let out = run(
        &[],
        &[("ZSCALER_MCP_PID_FILE", "/nonexistent-dir/z.pid")],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/nonexistent-dir/z.pid"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn help_documents_every_flag_with_its_variable() {
    let out = run(&["--help"], &[], "");
    assert!(out.status.success());
    let help = text(&out.stdout);
    for var in [
        "ZSCALER_MCP_TRANSPORT",
        "ZSCALER_MCP_HOST",
        "ZSCALER_MCP_PORT",
        "ZSCALER_MCP_SERVICES",
        "ZSCALER_MCP_DISABLED_SERVICES",
        "ZSCALER_MCP_TOOLS",
        "ZSCALER_MCP_DISABLED_TOOLS",
        "ZSCALER_MCP_TOOLSETS",
        "ZSCALER_MCP_DISABLED_TOOLSETS",
        "ZSCALER_MCP_WRITE_ENABLED",
        "ZSCALER_MCP_WRITE_TOOLS",
        "ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER",
        "ZSCALER_MCP_LOG_TOOL_CALLS",
        "ZSCALER_MCP_DEBUG",
        "ZSCALER_MCP_USER_AGENT_COMMENT",
        "ZSCALER_MCP_DOTENV_PATH",
        "ZSCALER_MCP_STATELESS_HTTP",
        "FASTMCP_STATELESS_HTTP",
        "ZSCALER_MCP_PID_FILE",
        "ZSCALER_CLIENT_ID",
        "ZSCALER_MCP_AUTH_MODE",
        "ZSCALER_MCP_ALLOWED_HOSTS",
        "ZSCALER_MCP_CONFIRMATION_TTL",
        "ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION",
        "ZSCALER_MCP_TOOL_MODE",
    ] {
        assert!(help.contains(var), "--help does not mention {var}");
    }
    for flag in [
        "--transport",
        "--host",
        "--port",
        "--services",
        "--disabled-services",
        "--tools",
        "--disabled-tools",
        "--toolsets",
        "--disabled-toolsets",
        "--no-entitlement-filter",
        "--enable-write-tools",
        "--write-tools",
        "--log-tool-calls",
        "--generate-auth-token",
        "--list-tools",
        "--json",
        "--user-agent-comment",
        "--dotenv-path",
        "--stateless-http",
        "--debug",
        "--version",
        "--tool-mode",
    ] {
        assert!(help.contains(flag), "--help does not mention {flag}");
    }
}

/// A static `tools/list` above 128 tools (the most OpenAI-backed clients accept) is warned about
/// in one startup line naming the limit and both remedies; discover mode, a small selection and
/// an invalid mode (exit 2) are not.
#[test]
fn a_static_surface_above_128_tools_is_warned_about_with_both_remedies() {
    let warned = |args: &[&str], vars: &[(&str, &str)]| {
        let out = run(args, vars, "");
        assert!(out.status.success(), "{}", text(&out.stderr));
        let lines: Vec<String> = text(&out.stderr)
            .lines()
            .filter(|l| l.contains("OpenAI-backed"))
            .map(str::to_string)
            .collect();
        assert!(lines.len() <= 1, "{lines:?}");
        lines.into_iter().next()
    };
    let line = warned(&[], &[]).expect("a warning for 258 tools");
    println!("{line}");
    for needle in [
        "WARN",
        "258 tools",
        "128",
        "--tool-mode discover",
        "--toolsets default",
    ] {
        assert!(line.contains(needle), "{needle}: {line}");
    }
    assert!(warned(&["--tool-mode", "discover"], &[]).is_none());
    assert!(warned(&[], &[("ZSCALER_MCP_TOOL_MODE", "discover")]).is_none());
    assert!(warned(&["--toolsets", "default"], &[]).is_none());
    assert!(warned(&["--tool-mode", "static", "--services", "zdx"], &[]).is_none());
    for (args, vars, source) in [
        (
            vec!["--tool-mode", "dynamic"],
            vec![],
            "invalid --tool-mode 'dynamic'",
        ),
        (
            vec![],
            vec![("ZSCALER_MCP_TOOL_MODE", "all")],
            "invalid ZSCALER_MCP_TOOL_MODE 'all'",
        ),
    ] {
        let out = run(&args, &vars, "");
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(source) && err.contains("expected one of: static, discover"),
            "{err}"
        );
    }
}

#[test]
fn dotenv_in_cwd_fills_gaps_but_never_overrides_the_environment() {
    let dir = tempdir();
    std::fs::write(
        dir.join(".env"),
        "ZSCALER_MCP_SERVICES=zcc\nZSCALER_MCP_PORT=notaport\n",
    )
    .expect("write .env");
    // The .env value is used (and refused) when the environment does not set it ...
    let out = run_in(&dir, &["--list-tools"], &[], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("ZSCALER_MCP_PORT (from ") && err.contains(".env)"),
        "{err}"
    );
    // ... and ignored when the environment sets it.
    let out = run_in(&dir, &["--list-tools"], &[("ZSCALER_MCP_PORT", "8123")], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn explicit_dotenv_path_must_exist() {
    let out = run(&["--dotenv-path", "/nonexistent/zmcp.env"], &[], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid --dotenv-path '/nonexistent/zmcp.env'"));
    let out = run(
        &[],
        &[("ZSCALER_MCP_DOTENV_PATH", "/nonexistent/x.env")],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("ZSCALER_MCP_DOTENV_PATH"));
}

#[test]
fn explicit_dotenv_path_is_loaded() {
    let dir = tempdir();
    let file = dir.join("custom.env");
    std::fs::write(&file, "ZSCALER_MCP_DEBUG=definitely\n").expect("write");
    let path = file.to_str().expect("utf-8 path");
    let out = run(&["--dotenv-path", path], &[], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid ZSCALER_MCP_DEBUG (from "));
}

#[test]
fn list_tools_json_is_machine_readable() {
    let out = run(&["--list-tools", "--json"], &[], "");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let meta = &v["services"][0];
    assert_eq!(meta["service"], "meta");
    assert!(
        meta["tools"]
            .as_array()
            .expect("tools")
            .iter()
            .any(|t| t["name"] == "zscaler_get_server_info" && t["action"] == "read")
    );
    // Every declared tool is listed once, the write tools included (the allowlist does not
    // apply to the listing), and the count says so.
    let listed: u64 = v["services"]
        .as_array()
        .expect("services")
        .iter()
        .map(|s| s["tools"].as_array().map_or(0, |a| a.len() as u64))
        .sum();
    assert_eq!(v["toolCount"].as_u64(), Some(listed));
    assert_eq!(listed, zscaler_mcp::catalog::all_tools().count() as u64);
    let services: Vec<&str> = v["services"]
        .as_array()
        .expect("services")
        .iter()
        .filter_map(|s| s["service"].as_str())
        .collect();
    assert_eq!(
        services,
        [
            "meta", "zcc", "zcell", "zdx", "zeasm", "zia", "zid", "zins", "zms", "zpa", "ztw"
        ]
    );
}

#[test]
fn list_tools_text_groups_by_service() {
    let out = run(&["--list-tools"], &[], "");
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.contains("meta (4):\n  zscaler_enable_toolset: "), "{s}");
    assert!(s.contains("\nzia (166):\n"), "{s}");
    assert!(s.contains("\nzpa (109):\n"), "{s}");
    assert!(s.contains("\nzcc (4):\n"), "{s}");
    assert!(s.contains("\nzeasm (7):\n"), "{s}");
    assert!(s.contains("\nzid (10):\n"), "{s}");
    assert!(s.contains("  zia_create_rule_label [create]: "), "{s}");
}

#[test]
fn generate_auth_token_basic_never_prints_the_oneapi_secret() {
    let out = run(
        &["--generate-auth-token"],
        &[
            ("ZSCALER_CLIENT_ID", "id1"),
            ("ZSCALER_CLIENT_SECRET", "sec2"),
        ],
        "",
    );
    assert!(out.status.success());
    let s = text(&out.stdout);
    // Neither the secret nor base64("id1:sec2") appears; the command to build it does.
    assert!(!s.contains("sec2") && !s.contains("aWQxOnNlYzI="), "{s}");
    assert!(
        s.contains("printf '%s' \"id1:$ZSCALER_CLIENT_SECRET\" | base64"),
        "{s}"
    );
    assert!(s.contains("ZSCALER_MCP_AUTH_MODE=zscaler"), "{s}");
    // Without credentials it still explains how, with placeholders.
    let out = run(&["--generate-auth-token"], &[], "");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("$ZSCALER_CLIENT_ID:$ZSCALER_CLIENT_SECRET"));
}

#[test]
fn generate_auth_token_configurations_parse_and_follow_the_bind() {
    let out = run(
        &[
            "--generate-auth-token",
            "bearer",
            "--transport",
            "streamable-http",
            "--port",
            "8443",
        ],
        &[("ZSCALER_MCP_AUTH_API_KEY", "zmcp_configured-key-0123456789")],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    // Two JSON client configurations, each parseable as printed.
    let blocks: Vec<serde_json::Value> = s
        .split("\n{")
        .skip(1)
        .map(|rest| {
            let end = rest.find("\n}").expect("closing brace");
            serde_json::from_str(&format!("{{{}\n}}", &rest[..end])).expect("valid JSON")
        })
        .collect();
    assert_eq!(blocks.len(), 2, "{s}");
    let http = &blocks[0]["mcpServers"]["zscaler"];
    assert_eq!(http["url"], "http://127.0.0.1:8443/mcp");
    assert_eq!(
        http["headers"]["Authorization"],
        "Bearer zmcp_configured-key-0123456789"
    );
    let bridge = &blocks[1]["mcpServers"]["zscaler"];
    assert_eq!(bridge["args"][2], "http://127.0.0.1:8443/mcp");
    assert_eq!(
        bridge["args"][4],
        "Authorization:${ZSCALER_MCP_AUTH_HEADER}"
    );
    assert_eq!(
        bridge["env"]["ZSCALER_MCP_AUTH_HEADER"],
        "Bearer zmcp_configured-key-0123456789"
    );
}

#[test]
fn generate_auth_token_bearer_never_uses_the_oneapi_secret() {
    let out = run(
        &["--generate-auth-token", "bearer"],
        &[("ZSCALER_CLIENT_SECRET", "oneapi-secret")],
        "",
    );
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(!s.contains("oneapi-secret"));
    assert!(s.contains("\"Authorization\": \"Bearer zmcp_"), "{s}");
    assert!(s.contains("ZSCALER_MCP_AUTH_API_KEY=zmcp_"));
}

#[test]
fn stdio_exits_0_on_eof_and_logs_only_to_stderr() {
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;
    let out = run(&[], &[], &format!("{init}\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for line in stdout.lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).expect("stdout carries only JSON-RPC");
        assert_eq!(v["jsonrpc"], "2.0");
    }
    assert!(stdout.contains("\"protocolVersion\":\"2025-11-25\""));
    assert!(text(&out.stderr).contains("[SECURITY]"));
    // EOF before any message is a clean exit too.
    assert!(run(&[], &[], "").status.success());
}

#[test]
fn a_second_initialize_on_a_session_is_refused() {
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;
    let again = r#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;
    let initialized = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;
    let out = run(&[], &[], &format!("{init}\n{initialized}\n{again}\n"));
    assert!(out.status.success());
    let second = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON-RPC"))
        .find(|v| v["id"] == 2)
        .expect("an answer to the second initialize");
    assert_eq!(second["error"]["code"], -32600, "{second}");
    assert!(
        second["error"]["message"]
            .as_str()
            .expect("message")
            .contains("already initialized")
    );
}

#[test]
fn the_audit_line_is_structured_json_with_redacted_arguments() {
    let messages = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"zscaler_get_server_info","arguments":{}}}"#,
        r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"zscaler_get_server_info","arguments":{"password":"hunter2","key_id":"42"}}}"#,
        r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}"#,
    ];
    let out = run(
        &["--log-tool-calls", "--log-format", "json"],
        &[],
        &format!("{}\n", messages.join("\n")),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("hunter2"), "a secret in the log: {stderr}");
    let events: Vec<serde_json::Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).expect("every log line is one JSON object"))
        .collect();
    let audit: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["target"] == "zscaler_mcp::audit")
        .collect();
    assert_eq!(audit.len(), 3, "{audit:?}");
    // Calls run concurrently: find each by its outcome.
    let by = |outcome: &str| {
        audit
            .iter()
            .find(|e| e["fields"]["outcome"] == outcome)
            .unwrap_or_else(|| panic!("no {outcome} line in {audit:?}"))
    };
    let ok = by("ok");
    assert_eq!(ok["fields"]["message"], "[TOOL CALL]");
    assert_eq!(ok["fields"]["principal"], "stdio");
    assert_eq!(ok["fields"]["tool"], "zscaler_get_server_info");
    assert!(ok["fields"]["elapsed_ms"].is_u64());
    assert!(ok["timestamp"].is_string());
    let invalid = &by("invalid_arguments")["fields"];
    let args = invalid["args"].as_str().expect("args as JSON text");
    assert!(
        args.contains("***REDACTED***") && args.contains("\"key_id\":\"42\""),
        "{args}"
    );
    assert_eq!(by("unknown_tool")["fields"]["tool"], "no_such_tool");
    // The posture banner is in the same format.
    assert!(events.iter().any(|e| {
        e["fields"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("[SECURITY] auth="))
    }));
}

/// GCP Secret Manager without its project stops startup with exit 1, naming GCP_PROJECT_ID.
#[test]
fn gcp_secret_manager_needs_its_project() {
    let out = run(
        &["--list-tools"],
        &[("ZSCALER_MCP_GCP_SECRET_MANAGER", "true")],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("GCP_PROJECT_ID"),
        "{}",
        text(&out.stderr)
    );
}

/// A configured AWS secret that cannot be read stops startup with exit 1 and says why (here:
/// Secrets Manager unreachable on a closed loopback port; tests/clients/python/
/// test_cloud_secrets.py runs the real store, moto, for the rest).
#[test]
fn an_unreadable_aws_secret_stops_startup_with_exit_1() {
    let out = run(
        &["--list-tools"],
        &[
            ("ZSCALER_SECRET_NAME", "zscaler/mcp/credentials"),
            ("AWS_REGION", "us-east-1"),
            ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE000000000"),
            (
                "AWS_SECRET_ACCESS_KEY",
                "example-secret-key-not-real-0000000000000",
            ),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("cannot reach AWS Secrets Manager") && err.contains("zscaler/mcp/credentials"),
        "{err}"
    );
    assert!(!err.contains("example-secret-key"), "{err}");
}
