//! Session state: what one MCP session holds (the negotiated revision, the client's log level,
//! toolsets it enabled, its `subscriptions/listen` streams), and what a request can tell about
//! its session.

// `logging/setLevel` is deprecated by SEP-2577 (2026-07-28) but still served.
#![allow(deprecated)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, OnceLock};

use rmcp::RoleServer;
use rmcp::model::{LoggingLevel, ProtocolVersion};
use rmcp::service::RequestContext;

use super::handler::ZscalerMcp;
use super::state::Exposed;
use crate::transport::SessionKind;

/// Per-session state.
pub(crate) struct SessionState {
    /// The revision agreed in `initialize` (requests on 2026-07-28 carry theirs in `_meta`).
    pub(crate) negotiated: OnceLock<ProtocolVersion>,
    /// Minimum level of `notifications/message` this client asked for with `logging/setLevel`.
    pub(crate) log_level: Mutex<Option<LoggingLevel>>,
    /// Toolsets this session enabled with `zscaler_enable_toolset`, and the view they make.
    pub(crate) enabled: Mutex<(Vec<&'static str>, Option<Arc<Exposed>>)>,
    /// Version of this session's tool list; `subscriptions/listen` streams (2026-07-28) watch it.
    pub(crate) tool_list_version: tokio::sync::watch::Sender<u64>,
    /// Watchers taken when a `subscriptions/listen` request is accepted, before its
    /// acknowledgement is sent, so a change made right after the acknowledgement is not missed.
    pub(crate) accepted_listeners: Mutex<VecDeque<tokio::sync::watch::Receiver<u64>>>,
    /// The configuration generation (`Shared::generation`) the session's own view was built
    /// under; a reload makes it stale.
    pub(crate) view_generation: std::sync::atomic::AtomicU64,
}

/// At most this many accepted listen streams wait to start; older ones are dropped.
const MAX_ACCEPTED_LISTENERS: usize = 16;

impl SessionState {
    /// Called when a listen request is accepted: the version it has seen is the current one.
    pub(crate) fn accept_listener(&self) {
        if let Ok(mut waiting) = self.accepted_listeners.lock() {
            if waiting.len() >= MAX_ACCEPTED_LISTENERS {
                waiting.pop_front();
            }
            waiting.push_back(self.tool_list_version.subscribe());
        }
    }

    /// The watcher for a listen stream that starts now.
    pub(crate) fn take_listener(&self) -> tokio::sync::watch::Receiver<u64> {
        self.accepted_listeners
            .lock()
            .ok()
            .and_then(|mut waiting| waiting.pop_front())
            .unwrap_or_else(|| self.tool_list_version.subscribe())
    }

    /// Marks the tool list changed for every listen stream of this session.
    pub(crate) fn tool_list_changed(&self) {
        self.tool_list_version.send_modify(|v| *v += 1);
    }
}

impl Default for SessionState {
    fn default() -> SessionState {
        SessionState {
            negotiated: OnceLock::new(),
            log_level: Mutex::new(None),
            enabled: Mutex::new((Vec::new(), None)),
            tool_list_version: tokio::sync::watch::channel(0).0,
            accepted_listeners: Mutex::new(VecDeque::new()),
            view_generation: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

impl ZscalerMcp {
    /// The revision this request is served under: its own `_meta` (2026-07-28), the session's
    /// `initialize`, or on stateless HTTP the `MCP-Protocol-Version` header.
    pub(crate) fn protocol_version(
        &self,
        ctx: &RequestContext<RoleServer>,
    ) -> Option<ProtocolVersion> {
        ctx.meta
            .protocol_version()
            .or_else(|| self.session.negotiated.get().cloned())
            .or_else(|| {
                let parts = ctx.extensions.get::<http::request::Parts>()?;
                let header = parts.headers.get("mcp-protocol-version")?.to_str().ok()?;
                ProtocolVersion::KNOWN_VERSIONS
                    .iter()
                    .find(|v| v.as_str() == header)
                    .cloned()
            })
    }

    /// What this session sees: the shared view, or its own when it enabled toolsets.
    /// A view built before a configuration reload is rebuilt with the toolsets it enabled.
    pub(crate) fn view(&self) -> Arc<Exposed> {
        if let Ok(mut enabled) = self.session.enabled.lock()
            && enabled.1.is_some()
        {
            let generation = self.shared.generation();
            let built = (self.session.view_generation)
                .swap(generation, std::sync::atomic::Ordering::AcqRel);
            if built != generation {
                let config = self.shared.config();
                let entitled = self.shared.entitled();
                let resolved = crate::policy::selection::resolve_with(
                    &config,
                    entitled.as_deref(),
                    &enabled.0,
                );
                enabled.1 = Some(Exposed::new(resolved));
            }
            if let Some(own) = &enabled.1 {
                return own.clone();
            }
        }
        self.shared.exposed()
    }

    /// True when this request belongs to a session whose tool list can change.
    pub(crate) fn has_session(&self, ctx: &RequestContext<RoleServer>) -> bool {
        match self.kind {
            SessionKind::Stateless => false,
            SessionKind::Stdio | SessionKind::Sse => true,
            // 2026-07-28 requests over HTTP are self-contained: no session to change.
            SessionKind::Stateful => self
                .protocol_version(ctx)
                .is_none_or(|v| v.as_str() < ProtocolVersion::V_2026_07_28.as_str()),
        }
    }
}
