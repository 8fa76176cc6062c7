//! Deployment commands (`zscaler-mcp aws ...`). They sit on top of the line, beside
//! [`crate::commands`]: they read the configuration and the catalog, never the reverse.

pub mod aws;
