//! # zscaler-mcp
//!
//! An MCP (Model Context Protocol) server through which AI agents read, and carefully change, a
//! Zscaler tenant. Library first: [`ZscalerMcpServer`] is built from a [`config::Config`] and
//! run on a transport; the binary only parses configuration and calls it.
//!
//! Layout, following a request:
//! - [`transport`]: stdio, streamable HTTP, legacy SSE, edge layers, graceful shutdown.
//! - [`server`]: the builder and the MCP dispatch (`ServerHandler`), the security posture.
//! - [`client`]: the Zscaler OneAPI client (tokens, retries, rate budgets, pagination).
//! - [`catalog`]: tool declarations (data), services, toolsets and the selection filters.
//! - [`executor`]: the one pipeline every Zscaler tool call goes through (arguments, routes,
//!   lookups, requests, envelopes, pages).
//! - [`shaping`]: sanitize, JMESPath `query`, CSV/JSON encoding, the untrusted-content notice.
//! - [`config`]: flags, environment and `.env`, parsed once into one validated value.
//! - [`commands`]: the one-shot CLI commands (`--list-tools`, `--generate-auth-token`, `config`).
//! - [`deploy`]: `zscaler-mcp aws ...`, deployment to Amazon Bedrock AgentCore.
//! - [`lifecycle`]: the PID file, `status`/`reload`/`restart`/`stop`, SIGHUP and SIGUSR2.
//! - [`metrics`]: the `/metrics` registry; [`logging`]: text or JSON logs, request spans.

pub mod catalog;
pub mod client;
pub mod commands;
pub mod config;
pub mod deploy;
pub mod executor;
pub mod lifecycle;
pub mod logging;
pub mod metrics;
pub mod pattern;
pub mod policy;
pub mod secret;
pub mod server;
pub mod service;
pub mod shaping;
pub mod state;
pub mod transport;

pub use server::{ServerError, ZscalerMcpServer, ZscalerMcpServerBuilder};
