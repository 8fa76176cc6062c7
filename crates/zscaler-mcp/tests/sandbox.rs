//! The sandbox from the server's binary: `zscaler-mcp sandbox` standalone, and `--sandbox`
//! embedded behind the MCP server.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_zscaler-mcp");

#[tokio::test]
async fn standalone_sandbox_prints_how_to_reach_it_and_serves_real_http() {
    let mut child = Command::new(BIN)
        .args([
            "sandbox",
            "--seed",
            "3",
            "--entitlements",
            "zia,zpa",
            "--client-id",
            "my-client",
        ])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut info = std::collections::HashMap::new();
    for _ in 0..7 {
        let line = lines.next().expect("a line").expect("utf-8");
        let (k, v) = line.split_once(": ").expect("name: value");
        info.insert(k.to_string(), v.to_string());
    }
    for key in [
        "base_url",
        "token_url",
        "client_id",
        "client_secret",
        "customer_id",
        "zcell_customer_id",
        "admin_token",
    ] {
        assert!(info.contains_key(key), "{key} printed");
    }
    assert_eq!(info["client_id"], "my-client");
    assert!(info["base_url"].starts_with("http://127.0.0.1:"));
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let token: Value = http
        .post(&info["token_url"])
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", info["client_id"].as_str()),
            ("client_secret", info["client_secret"].as_str()),
            ("audience", "https://api.zscaler.com"),
        ])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("json");
    let token = token["access_token"].as_str().expect("access_token");
    let status: Value = http
        .get(format!("{}/zia/api/v1/status", info["base_url"]))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("json");
    assert_eq!(status["status"], "ACTIVE");
    // SIGTERM: clean exit 0.
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill")
            .success()
    );
    let exit = child.wait().expect("wait");
    assert!(exit.success(), "{exit:?}");
}

#[test]
fn invalid_sandbox_flags_exit_2_naming_the_flag() {
    for (args, needle) in [
        (
            vec!["sandbox", "--rate-limits", "fast"],
            "invalid --rate-limits 'fast': expected off or zscaler",
        ),
        (
            vec!["sandbox", "--entitlements", "zia,easm"],
            "invalid --entitlements 'easm'",
        ),
        (
            vec!["sandbox", "--listen", "localhost"],
            "invalid --listen 'localhost'",
        ),
        (vec!["sandbox", "--faults", "/x=teapot"], "invalid --faults"),
        (
            vec!["sandbox", "--token-ttl", "0"],
            "invalid --token-ttl '0'",
        ),
        (
            vec!["--sandbox", "--sandbox-scale", "lots"],
            "invalid --sandbox-scale 'lots'",
        ),
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .env_clear()
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn embedded_sandbox_is_announced_and_reported_by_server_info() {
    let mut child = Command::new(BIN)
        .args(["--sandbox"])
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;
    let initialized = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;
    let call = r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"zscaler_get_server_info","arguments":{}}}"#;
    writeln!(stdin, "{init}\n{initialized}\n{call}").expect("write");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let answer = loop {
        let line = lines.next().expect("an answer").expect("utf-8");
        let v: Value = serde_json::from_str(&line).expect("JSON-RPC");
        if v["id"] == 2 {
            break v;
        }
    };
    drop(stdin);
    let out = child.wait_with_output().expect("exit");
    assert!(out.status.success());
    let info = &answer["result"]["structuredContent"]["zscaler"];
    assert_eq!(info["sandbox"], true, "{info}");
    assert!(
        info["baseUrl"]
            .as_str()
            .expect("baseUrl")
            .starts_with("http://127.0.0.1:")
    );
    assert_eq!(info["credentials"], "sandbox");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("SANDBOX: serving a simulated Zscaler tenant"),
        "{stderr}"
    );
    // The server's real client fetched a OneAPI token from it, with generated credentials.
    assert!(
        stderr.contains("SANDBOX: the Zscaler client authenticated at http://127.0.0.1:")
            && stderr.contains("ZIA, ZPA"),
        "{stderr}"
    );
}

#[test]
fn a_signal_during_sandbox_startup_still_exits_cleanly() {
    let child = Command::new(BIN)
        .args([
            "--sandbox",
            "--sandbox-scale",
            "300",
            "--transport",
            "streamable-http",
            "--port",
            "0",
        ])
        .env_clear()
        .env("ZSCALER_MCP_AUTH_MODE", "none")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(150));
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill")
            .success()
    );
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "killed by the signal instead of shutting down: {:?}",
        out.status
    );
}
