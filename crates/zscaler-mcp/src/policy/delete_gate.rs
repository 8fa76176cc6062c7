//! The delete gate: every delete tool passes through here when it is called, after the write
//! gate exposed it. Until the confirmation step exists (the security layers), it refuses, and
//! says so; nothing reaches Zscaler.

use crate::catalog::{Action, ToolDeclaration};

/// `Err` with what the caller is told when the call may not run.
pub fn check(tool: &ToolDeclaration) -> Result<(), String> {
    if tool.action == Action::Delete {
        return Err(format!(
            "{} is not available yet: deletes run only after an explicit confirmation step, \
             which this server version does not have. Nothing was sent to Zscaler.",
            tool.name
        ));
    }
    Ok(())
}
