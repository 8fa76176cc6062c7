//! # zscaler-sandbox
//!
//! A stateful simulator of the Zscaler OneAPI, served over real HTTP on loopback. It speaks the
//! real services' conventions (envelopes, pagination, search, error shapes, ZIA activation,
//! GraphQL for Z-Insights and ZMS), issues and checks OneAPI tokens, and can inject faults and
//! rate limits on demand. Use it to try an MCP server or any Zscaler client without a tenant.
//!
//! This crate never imports the zscaler-mcp client or tool catalog: it is written from the API's
//! conventions, so that the two sides check each other.
//!
//! Layout, following a request: [`server`] (listener, auth gate, faults, rate limits, recording)
//! → [`routes`] (method + path template → operation) → [`engine`] (generic list/get/create/
//! replace/delete over the [`tenant`] state, shaped by [`envelope`]) or a service's own handler
//! in [`services`]. Tokens: [`oauth`]. Admin API: [`admin`].

pub mod admin;
pub mod clock;
pub mod config;
pub mod engine;
pub mod envelope;
pub mod errors;
pub mod faults;
pub mod oauth;
pub mod product;
pub mod ratelimit;
pub mod record;
pub mod routes;
pub mod seed;
pub mod server;
pub mod services;
pub mod tenant;
pub mod tls;

pub use clock::Clock;
pub use config::{ExtraClient, SandboxConfig};
pub use product::Product;
pub use server::{RunningSandbox, Sandbox};
