//! The write gate: create, update and delete tools are exposed only when the operator turned
//! write tools on (`--enable-write-tools`) and named them in the allowlist (`--write-tools`).
//! A tool the gate holds back is not in `tools/list` and cannot be called.

use crate::catalog::ToolDeclaration;
use crate::config::Config;

/// Why the gate holds this tool back, or `None` when it passes (reads always pass).
pub fn blocked(config: &Config, tool: &ToolDeclaration) -> Option<&'static str> {
    if !tool.action.is_write() {
        return None;
    }
    if !config.write.enabled {
        return Some("write tools are off (--enable-write-tools)");
    }
    if !config.write.allowlist.iter().any(|p| p.matches(tool.name)) {
        return Some("it is not in the write allowlist (--write-tools)");
    }
    None
}

/// The warning for a write gate with one half missing, if any.
pub fn warning(config: &Config) -> Option<String> {
    let w = &config.write;
    match (w.enabled, w.allowlist.is_empty()) {
        (true, true) => Some(
            "Write tools are enabled but no allowlist was given: registering 0 write tools. Name \
             what you want to permit: --write-tools 'zpa_create_*,zia_update_*' (env: \
             ZSCALER_MCP_WRITE_TOOLS)."
                .into(),
        ),
        (false, false) => Some(format!(
            "A write-tool allowlist was given ({} pattern(s)) but write tools are disabled: \
             registering 0 write tools. Add --enable-write-tools (env: \
             ZSCALER_MCP_WRITE_ENABLED=true) to turn them on.",
            w.allowlist.len()
        )),
        _ => None,
    }
}
