//! MCP transports: stdio, streamable HTTP and legacy HTTP+SSE, plus graceful shutdown.
//!
//! The HTTP side is generic over the MCP handler so the same stack serves the product and the
//! test-only conformance fixture server.

pub mod edge;
pub mod health;
pub mod http;
pub mod oauth;
pub mod shutdown;
pub mod sse;
pub mod stdio;
pub mod tls;

use std::sync::Arc;
use std::time::Duration;

/// Caps on open sessions (stateful streamable HTTP and legacy SSE, each) and their idle timeout.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub max: usize,
    pub idle_timeout: Duration,
}

impl Default for SessionLimits {
    fn default() -> SessionLimits {
        SessionLimits {
            max: 1000,
            idle_timeout: Duration::from_secs(300),
        }
    }
}

/// How a client is connected; the handler reports it and may behave differently per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Stdio,
    /// Streamable HTTP with an `mcp-session-id`.
    Stateful,
    /// Streamable HTTP where each request is self-contained (stateless mode, or 2026-07-28).
    Stateless,
    /// Legacy HTTP+SSE.
    Sse,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Stdio => "stdio",
            SessionKind::Stateful => "stateful",
            SessionKind::Stateless => "stateless",
            SessionKind::Sse => "sse",
        }
    }
}

/// Builds one MCP handler per session (or per request on stateless HTTP).
pub type HandlerFactory<S> = Arc<dyn Fn(SessionKind) -> S + Send + Sync>;
