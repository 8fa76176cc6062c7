//! The `zscaler-mcp` binary: parse configuration once, then hand it to the library.

use std::io::Write;
use std::process::ExitCode;

use zscaler_mcp::config::{self, Invocation};
use zscaler_mcp::transport::shutdown;
use zscaler_mcp::{ZscalerMcpServer, commands, logging};

fn main() -> ExitCode {
    let invocation = match config::from_process() {
        Ok(i) => i,
        Err(config::StartError::Config(e)) => {
            eprintln!("zscaler-mcp: {e}");
            return ExitCode::from(2);
        }
        // A configured cloud secret store that cannot be read: nothing starts without it.
        Err(config::StartError::Secrets(why)) => {
            eprintln!("zscaler-mcp: {why}");
            return ExitCode::from(1);
        }
    };
    let config = match invocation {
        Invocation::Version => return print(&commands::version()),
        Invocation::ListTools { config, json } => {
            return print(&commands::list_tools(&config, json));
        }
        Invocation::GenerateAuthToken { config, format } => {
            return match commands::generate_auth_token(&config, format) {
                Ok(text) => print(&text),
                Err(e) => {
                    eprintln!("zscaler-mcp: {}", e.0);
                    ExitCode::from(1)
                }
            };
        }
        Invocation::Sandbox { config, debug } => return run_sandbox(*config, debug),
        Invocation::Aws { command, config } => {
            return zscaler_mcp::deploy::aws::run(command, config.as_deref());
        }
        Invocation::Serve(config) => config,
    };
    logging::init(&config.logging);
    for note in &config.secrets.loaded.notes {
        match note {
            config::cloud::Note::Info(line) => tracing::info!("{line}"),
            config::cloud::Note::Warn(line) => tracing::warn!("{line}"),
        }
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("zscaler-mcp: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let server = ZscalerMcpServer::builder(*config).build();
    match runtime.block_on(async { server.run(shutdown::signal()).await }) {
        Ok(()) => ExitCode::SUCCESS,
        // A setting found unusable only when the server starts (e.g. an unreadable TLS key).
        Err(zscaler_mcp::ServerError::Config(e)) => {
            eprintln!("zscaler-mcp: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("zscaler-mcp: {e}");
            ExitCode::from(1)
        }
    }
}

/// `zscaler-mcp sandbox`: serve the simulated tenant until SIGINT/SIGTERM.
fn run_sandbox(config: zscaler_mcp::config::SandboxConfigValue, debug: bool) -> ExitCode {
    logging::init(&zscaler_mcp::config::LoggingConfig {
        debug,
        ..Default::default()
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("zscaler-mcp: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(async { commands::sandbox(config, shutdown::signal()).await }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zscaler-mcp: {e}");
            ExitCode::from(1)
        }
    }
}

fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(_) => ExitCode::SUCCESS,
    }
}
