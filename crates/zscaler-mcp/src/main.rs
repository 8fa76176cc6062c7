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
        Invocation::Lifecycle {
            action,
            pid_file,
            wait,
        } => return lifecycle_command(action, &pid_file, wait),
        Invocation::ClientConfig { config, client } => {
            let exe = match std::env::current_exe() {
                Ok(p) => p.display().to_string(),
                Err(e) => {
                    eprintln!("zscaler-mcp: cannot tell the path of this binary: {e}");
                    return ExitCode::from(1);
                }
            };
            let (json, notes) = commands::client_config(&config, client, &exe);
            eprint!("{notes}");
            return print(&json);
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
    zscaler_mcp::metrics::init();
    let server = ZscalerMcpServer::builder(*config).build();
    let reloader = server.reloader();
    let restart = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let result = runtime.block_on(async {
        let stop = stop_or_restart(reloader, restart.clone());
        server.run(stop).await
    });
    // The runtime (and with it every session and the PID file) is gone before a restart.
    drop(runtime);
    match result {
        Ok(()) if restart.load(std::sync::atomic::Ordering::Acquire) => restart_in_place(),
        Ok(()) => ExitCode::SUCCESS,
        // A setting found unusable only when the server starts (e.g. an unreadable TLS key).
        Err(zscaler_mcp::ServerError::Config(e)) => {
            eprintln!("zscaler-mcp: {e}");
            ExitCode::from(2)
        }
        // Another server owns the PID file: nothing was served.
        Err(e @ zscaler_mcp::ServerError::AlreadyRunning(_)) => {
            eprintln!("zscaler-mcp: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("zscaler-mcp: {e}");
            ExitCode::from(1)
        }
    }
}

/// The serving process's stop future: resolves on SIGINT/SIGTERM, or on SIGUSR2 after marking
/// `restart`. Meanwhile each SIGHUP reloads the configuration (Unix).
fn stop_or_restart(
    reloader: zscaler_mcp::server::reload::Reloader,
    restart: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> impl Future<Output = ()> + Send + 'static {
    let stop = shutdown::signal();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let hangup = signal(SignalKind::hangup());
        let user2 = signal(SignalKind::user_defined2());
        async move {
            let (mut hangup, mut user2) = match (hangup, user2) {
                (Ok(h), Ok(u)) => (h, u),
                _ => {
                    tracing::warn!(
                        "cannot install the SIGHUP/SIGUSR2 handlers: reload and restart are \
                         unavailable"
                    );
                    return stop.await;
                }
            };
            tokio::pin!(stop);
            loop {
                tokio::select! {
                    _ = &mut stop => return,
                    _ = hangup.recv() => {
                        reloader.reload().await;
                    }
                    _ = user2.recv() => {
                        tracing::info!(
                            "[LIFECYCLE] SIGUSR2 received: draining, then re-executing in place"
                        );
                        restart.store(true, std::sync::atomic::Ordering::Release);
                        return;
                    }
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (reloader, restart);
        stop
    }
}

/// After a drained stop on SIGUSR2: the same binary, arguments and environment, same PID.
fn restart_in_place() -> ExitCode {
    #[cfg(unix)]
    {
        let error = zscaler_mcp::lifecycle::reexec();
        eprintln!("zscaler-mcp: cannot restart in place: {error}");
        ExitCode::from(1)
    }
    #[cfg(not(unix))]
    {
        ExitCode::SUCCESS
    }
}

/// `status`, `reload`, `restart`, `stop`.
fn lifecycle_command(
    action: zscaler_mcp::lifecycle::Action,
    pid_file: &std::path::Path,
    wait: std::time::Duration,
) -> ExitCode {
    #[cfg(unix)]
    let report = zscaler_mcp::lifecycle::run(action, pid_file, wait);
    #[cfg(not(unix))]
    let report = {
        let _ = (action, pid_file, wait);
        zscaler_mcp::lifecycle::unsupported()
    };
    eprint!("{}", report.stderr);
    let _ = print(&report.stdout);
    ExitCode::from(report.code)
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
