//! Policy: what may be seen and what may run, decided before the executor is reached.
//!
//! In order:
//! 1. [`selection`]: which services, toolsets and tools a view exposes (`tools/list`): the
//!    configuration's filters, the entitlement filter, then the [`write_gate`]. A tool outside
//!    the view is unknown to `tools/call`.
//! 2. [`check_call`], per call of an exposed tool, after its arguments are validated:
//!    the [`delete_gate`] (where delete confirmation goes).
//!
//! Per-caller rules (the authenticated principal) join here with the security layers.

pub mod delete_gate;
pub mod selection;
pub mod write_gate;

use crate::catalog::ToolDeclaration;

/// The call-time gates of an exposed tool, in order. `Err` is what the caller is told; nothing
/// was sent to Zscaler.
pub fn check_call(tool: &ToolDeclaration) -> Result<(), String> {
    delete_gate::check(tool)
}
