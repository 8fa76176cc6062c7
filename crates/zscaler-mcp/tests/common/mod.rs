//! Shared helpers for tests that run the server in-process on an ephemeral loopback port.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;
use futures::StreamExt;
use tokio::sync::oneshot;
use zscaler_mcp::ZscalerMcpServer;
use zscaler_mcp::config::{self, Cli, Config, Environment, Invocation};

pub fn config(args: &[&str], vars: &[(&str, &str)]) -> Config {
    let mut argv = vec!["zscaler-mcp"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).expect("arguments parse");
    // HTTP authenticates clients by default; a test that sets no auth variable serves without
    // (tests/cli.rs checks the default refusal itself).
    let mut vars = vars.to_vec();
    if !vars
        .iter()
        .any(|(k, _)| k.starts_with("ZSCALER_MCP_AUTH_") || *k == "OIDCPROXY_CONFIG_URL")
    {
        vars.push(("ZSCALER_MCP_AUTH_MODE", "none"));
    }
    match config::resolve(cli, &Environment::from_vars(vars.iter().copied())) {
        Ok(Invocation::Serve(c)) => *c,
        other => panic!("expected a server configuration, got {other:?}"),
    }
}

/// A server running in this process.
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), zscaler_mcp::server::ServerError>>,
}

impl Running {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Signals shutdown and waits for the server to return.
    pub async fn stop(mut self) -> Result<(), zscaler_mcp::server::ServerError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(15), &mut self.task)
            .await
            .expect("server stops in time")
            .expect("server task not panicked")
    }
}

pub async fn start(args: &[&str], vars: &[(&str, &str)]) -> Running {
    let config = config(args, vars);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("local addr");
    let (tx, rx) = oneshot::channel::<()>();
    let server = ZscalerMcpServer::builder(config).build();
    let task = tokio::spawn(server.serve_http(listener, async move {
        let _ = rx.await;
    }));
    Running {
        addr,
        stop: Some(tx),
        task,
    }
}

/// reqwest is built with rustls but no crypto provider (the sandbox's TLS tests choose ring):
/// install it once before building any client.
pub fn crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// An in-process sandbox and the real Zscaler client against it (rate budgets off: they
/// throttle on purpose).
pub async fn sandbox_client(
    config: zscaler_sandbox::SandboxConfig,
) -> (
    zscaler_sandbox::RunningSandbox,
    zscaler_mcp::client::ZscalerClient,
) {
    use zscaler_mcp::client::{ClientSettings, RateLimits, Upstream, ZscalerClient};
    crypto();
    let sandbox = zscaler_sandbox::Sandbox::start(config)
        .await
        .expect("sandbox starts");
    let upstream = Upstream::sandbox(&sandbox);
    let settings = ClientSettings {
        rate_limits: RateLimits::off(),
        ..ClientSettings::default()
    };
    let client = ZscalerClient::new(&upstream, upstream.grant.clone(), settings).expect("client");
    (sandbox, client)
}

pub fn client() -> reqwest::Client {
    crypto();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// Reads server-sent events from a streaming response.
pub struct Events {
    stream: futures::stream::BoxStream<'static, reqwest::Result<bytes::Bytes>>,
    buffer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub event: String,
    pub data: String,
}

impl Events {
    pub fn new(response: reqwest::Response) -> Events {
        Events {
            stream: response.bytes_stream().boxed(),
            buffer: String::new(),
        }
    }

    /// The next event that carries data (comments and keep-alives are skipped).
    pub async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(pos) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..pos + 2).collect();
                let mut event = Event {
                    event: "message".into(),
                    data: String::new(),
                };
                let mut has_data = false;
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        event.event = v.trim().to_string();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        if has_data {
                            event.data.push('\n');
                        }
                        event.data.push_str(v.strip_prefix(' ').unwrap_or(v));
                        has_data = true;
                    }
                }
                if has_data && !event.data.is_empty() {
                    return Some(event);
                }
                continue;
            }
            let chunk = tokio::time::timeout(Duration::from_secs(10), self.stream.next())
                .await
                .ok()??
                .ok()?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

pub fn initialize(version: &str, id: u64) -> serde_json::Value {
    serde_json::json!({
        "jsonrpc": "2.0", "id": id, "method": "initialize",
        "params": {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "rust-test", "version": "1"}}
    })
}

/// Every request a sandbox recorded (`/_sandbox/requests`, read with its admin token), in order.
pub async fn sandbox_requests(base_url: &str, admin_token: &str) -> Vec<serde_json::Value> {
    let text = client()
        .get(format!("{base_url}/_sandbox/requests?since=0"))
        .bearer_auth(admin_token)
        .send()
        .await
        .expect("requests")
        .text()
        .await
        .expect("body");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}
