//! Logging to stderr (always: stdout belongs to the stdio transport). `--debug` lowers the level
//! to debug for this crate; dependencies stay at warn so their chatter never drowns ours.
//! `--log-format json` writes one JSON object per line (for log pipelines).

use tracing_subscriber::EnvFilter;

use crate::config::LoggingConfig;

pub fn init(config: &LoggingConfig) {
    let ours = if config.debug { "debug" } else { "info" };
    let filter = EnvFilter::new(format!(
        "warn,zscaler_mcp={ours},zscaler_mcp::audit=info,zscaler_sandbox={ours}"
    ));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if config.json {
        // One JSON object per line: time, level, target, fields (the audit line's included).
        builder.json().with_target(true).try_init()
    } else {
        builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(false)
            .try_init()
    };
}
