//! Policy: what may be seen and what may run, decided before the executor is reached.
//!
//! In order:
//! 1. [`selection`]: which services, toolsets and tools a view exposes (`tools/list`): the
//!    configuration's filters, the entitlement filter, then the [`write_gate`]. A tool outside
//!    the view is unknown to `tools/call`.
//! 2. [`confirmation`], per call of an exposed delete tool, after its arguments are validated:
//!    a human confirms, by elicitation, an input-required round trip or a single-use token bound
//!    to the tool, the arguments and the caller (asked by `server/confirm.rs`).
//!
//! 3. [`caller`]: per-caller rules from the authenticated principal (a write scope), applied to
//!    the view (`tools/list`, search) and again to each call.

pub mod caller;
pub mod confirmation;
pub mod selection;
pub mod write_gate;
