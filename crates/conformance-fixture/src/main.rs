//! `conformance-fixture`: a test-only MCP server exposing the fixture tools, resources, prompts
//! and behaviours the official MCP conformance suite (`@modelcontextprotocol/conformance`)
//! calls by name, served through zscaler-mcp's own streamable-HTTP transport. It proves that
//! the transport and the SDK plumbing under the real server are conformant; it is never part of
//! the `zscaler-mcp` binary.
//!
//! `conformance-fixture --port N [--stateless]` binds 127.0.0.1:N (0: a free port) and prints
//! `listening on http://127.0.0.1:PORT/mcp` to stderr once bound.

mod media;
mod mrtr;
mod prompts;
mod reconnect;
mod resources;
mod server;
mod tools;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use zscaler_mcp::transport::edge::{Edge, HostPolicy};
use zscaler_mcp::transport::http::{self, HttpMode, HttpOptions};
use zscaler_mcp::transport::{HandlerFactory, shutdown};

use crate::reconnect::ReconnectGate;
use crate::server::{FixtureServer, Shared};

const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// How long open connections get to finish after SIGINT/SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

#[derive(Debug, Parser)]
#[command(
    name = "conformance-fixture",
    about = "Test-only MCP conformance fixture server"
)]
struct Cli {
    /// Port to listen on (127.0.0.1); 0 picks a free port.
    #[arg(long)]
    port: u16,
    /// Serve streamable HTTP without sessions (each POST self-contained, JSON answers).
    #[arg(long)]
    stateless: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("conformance-fixture: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("conformance-fixture: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let addr = SocketAddr::from(([127, 0, 0, 1], cli.port));
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;

    let gate = Arc::new(ReconnectGate::default());
    let shared = Arc::new(Shared::new(gate.clone())?);
    let factory: HandlerFactory<FixtureServer> =
        Arc::new(move |kind| FixtureServer::new(shared.clone(), kind));
    let cancel = CancellationToken::new();
    let app = http::router(
        factory,
        HttpOptions {
            mode: HttpMode::Streamable {
                stateless: cli.stateless,
            },
            edge: Edge::hosts_only(HostPolicy::new("127.0.0.1", &[])),
            cancel: cancel.clone(),
            max_body_bytes: MAX_BODY_BYTES,
            sessions: Default::default(),
        },
    );
    let app = reconnect::layer(app, gate, MAX_BODY_BYTES);

    eprintln!("listening on http://{local}/mcp");
    let stop = cancel.clone();
    let server = http::serve(listener, app, None, async move {
        shutdown::signal().await;
        stop.cancel();
    });
    let deadline = async {
        cancel.cancelled().await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        served = server => served.map_err(|e| e.to_string()),
        () = deadline => Ok(()),
    }
}
