//! Logging to stderr (always: stdout belongs to the stdio transport). `--debug` lowers the level
//! to debug for this crate; dependencies stay at warn so their chatter never drowns ours.

use tracing_subscriber::EnvFilter;

use crate::config::LoggingConfig;

pub fn init(config: &LoggingConfig) {
    let ours = if config.debug { "debug" } else { "info" };
    let filter = EnvFilter::new(format!(
        "warn,zscaler_mcp={ours},zscaler_mcp::audit=info,zscaler_sandbox={ours}"
    ));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}
