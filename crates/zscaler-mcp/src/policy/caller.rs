//! Per-caller rules: what the authenticated caller's token grants, on top of what the
//! configuration exposes. With `ZSCALER_MCP_WRITE_SCOPE` set, write tools (create, update,
//! delete) are shown to and callable by only the callers whose token carries that scope
//! (`tools/list` may vary by the caller's authorization); everyone else sees the read tools.
//! Requests without an authenticated caller (stdio) are not narrowed: the rule is refused at
//! startup where no token carries scopes.

use crate::catalog::{Action, ToolDeclaration};
use crate::config::Config;

/// The caller (its token's scopes; `None`: no authenticated caller) may use write tools.
pub fn may_write(config: &Config, scopes: Option<&[String]>) -> bool {
    match (&config.write.scope, scopes) {
        (None, _) | (Some(_), None) => true,
        (Some(needed), Some(scopes)) => scopes.iter().any(|s| s == needed),
    }
}

/// Why the caller may not call `tool`, or `None` when it may.
pub fn refusal(
    config: &Config,
    scopes: Option<&[String]>,
    tool: &ToolDeclaration,
) -> Option<String> {
    if tool.action == Action::Read || may_write(config, scopes) {
        return None;
    }
    let needed = config.write.scope.as_deref().unwrap_or_default();
    Some(format!(
        "{} is a write tool, and write tools need the scope '{needed}' in your access token \
         (ZSCALER_MCP_WRITE_SCOPE); this token does not carry it. Authorize again asking for \
         '{needed}', or use read tools. Nothing was sent to Zscaler.",
        tool.name
    ))
}
