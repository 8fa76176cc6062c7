//! The fixture `ServerHandler`: capabilities, dispatch to the tool/resource/prompt modules,
//! logging levels and list-change subscriptions.

// `logging/setLevel` and `resources/(un)subscribe` are deprecated (SEP-2577, SEP-2575) but still
// part of the 2025 revisions the suite tests on sessions.
#![allow(deprecated)]

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CompleteRequestParams, CompleteResult,
    GetPromptRequestParams, GetPromptResponse, Implementation, ListPromptsResult,
    ListResourceTemplatesResult, ListResourcesResult, ListToolsResult, LoggingLevel,
    LoggingMessageNotificationParam, PaginatedRequestParams, ReadResourceRequestParams,
    ReadResourceResponse, ServerCapabilities, ServerConfig, SetLevelRequestParams,
    SubscribeRequestParams, SubscriptionFilter, Tool, UnsubscribeRequestParams,
};
use rmcp::service::{RequestContext, SubscriptionContext};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::json;
use tokio::sync::broadcast;
use zscaler_mcp::transport::SessionKind;

use crate::mrtr::{self, StateSeal};
use crate::reconnect::ReconnectGate;
use crate::{prompts, resources, tools};

const NAME: &str = "zscaler-mcp-conformance-fixture";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A change announced to `subscriptions/listen` streams (and, on sessions, to the session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListChange {
    Tools,
    Prompts,
}

/// Process-wide state: every session and every stateless request shares it.
pub struct Shared {
    tools: Vec<Tool>,
    pub seal: StateSeal,
    changes: broadcast::Sender<ListChange>,
    pub reconnects: Arc<ReconnectGate>,
}

impl Shared {
    pub fn new(reconnects: Arc<ReconnectGate>) -> Result<Shared, String> {
        let (changes, _) = broadcast::channel(64);
        Ok(Shared {
            tools: tools::catalogue(),
            seal: StateSeal::new()?,
            changes,
            reconnects,
        })
    }
}

/// Per-session state (one per request on stateless HTTP and on 2026-07-28).
#[derive(Debug, Default)]
struct Session {
    /// Minimum level of `notifications/message`, set with `logging/setLevel`.
    log_level: Mutex<Option<LoggingLevel>>,
    /// URIs subscribed with `resources/subscribe`.
    subscriptions: Mutex<BTreeSet<String>>,
}

#[derive(Clone)]
pub struct FixtureServer {
    pub shared: Arc<Shared>,
    session: Arc<Session>,
    kind: SessionKind,
}

fn severity(level: LoggingLevel) -> u8 {
    match level {
        LoggingLevel::Debug => 0,
        LoggingLevel::Info => 1,
        LoggingLevel::Notice => 2,
        LoggingLevel::Warning => 3,
        LoggingLevel::Error => 4,
        LoggingLevel::Critical => 5,
        LoggingLevel::Alert => 6,
        LoggingLevel::Emergency => 7,
    }
}

impl FixtureServer {
    pub fn new(shared: Arc<Shared>, kind: SessionKind) -> FixtureServer {
        FixtureServer {
            shared,
            session: Arc::default(),
            kind,
        }
    }

    /// Sends a log notification if the client asked for this level: with `logging/setLevel` on
    /// a session (everything until it does), with `_meta.../logLevel` on 2026-07-28 (nothing
    /// unless it does).
    pub async fn log(&self, ctx: &RequestContext<RoleServer>, level: LoggingLevel, message: &str) {
        let threshold = if mrtr::per_request(ctx) {
            ctx.meta.log_level()
        } else {
            Some(
                self.session
                    .log_level
                    .lock()
                    .ok()
                    .and_then(|l| *l)
                    .unwrap_or(LoggingLevel::Debug),
            )
        };
        if threshold.is_none_or(|t| severity(level) < severity(t)) {
            return;
        }
        let params = LoggingMessageNotificationParam::new(level, json!(message)).with_logger(NAME);
        if let Err(e) = ctx.peer.notify_logging_message(params).await {
            tracing::debug!(error = %e, "cannot send a log notification");
        }
    }

    /// Announces a list change to every listen stream, and to this session's client.
    pub async fn announce(&self, ctx: &RequestContext<RoleServer>, change: ListChange) {
        // No receiver is not an error: nobody is listening.
        let _ = self.shared.changes.send(change);
        if mrtr::per_request(ctx) {
            return;
        }
        let sent = match change {
            ListChange::Tools => ctx.peer.notify_tool_list_changed().await,
            ListChange::Prompts => ctx.peer.notify_prompt_list_changed().await,
        };
        if let Err(e) = sent {
            tracing::debug!(error = %e, "cannot send a list-changed notification");
        }
    }
}

impl ServerHandler for FixtureServer {
    fn get_info(&self) -> ServerConfig {
        let capabilities = ServerCapabilities::builder()
            .enable_logging()
            .enable_completions()
            .enable_prompts()
            .enable_resources()
            .enable_tools()
            .enable_prompts_list_changed()
            .enable_resources_list_changed()
            .enable_resources_subscribe()
            .enable_tool_list_changed()
            .build();
        let mut implementation = Implementation::new(NAME, VERSION);
        implementation.title = Some("Conformance fixture for zscaler-mcp".to_string());
        ServerConfig::new(capabilities).with_server_info(implementation).with_instructions(format!(
            "Test-only server with the MCP conformance suite's fixture tools, resources and prompts ({} connection).",
            self.kind.as_str()
        ))
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.shared.tools.clone()))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.shared.tools.iter().find(|t| t.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        ctx: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        tools::call(self, request, ctx).await
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(resources::list()))
    }

    async fn list_resource_templates(
        &self,
        _request: Option<PaginatedRequestParams>,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, ErrorData> {
        Ok(ListResourceTemplatesResult::with_all_items(
            resources::templates(),
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        resources::read(&request.uri).map(Into::into)
    }

    async fn subscribe(
        &self,
        request: SubscribeRequestParams,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        resources::read(&request.uri)?;
        if let Ok(mut subscriptions) = self.session.subscriptions.lock() {
            subscriptions.insert(request.uri);
        }
        Ok(())
    }

    async fn unsubscribe(
        &self,
        request: UnsubscribeRequestParams,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        if let Ok(mut subscriptions) = self.session.subscriptions.lock() {
            subscriptions.remove(&request.uri);
        }
        Ok(())
    }

    async fn list_prompts(
        &self,
        _request: Option<PaginatedRequestParams>,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, ErrorData> {
        Ok(ListPromptsResult::with_all_items(prompts::list()))
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        ctx: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, ErrorData> {
        prompts::get(&request, &ctx).await
    }

    async fn complete(
        &self,
        request: CompleteRequestParams,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, ErrorData> {
        prompts::complete(&request)
    }

    async fn set_level(
        &self,
        request: SetLevelRequestParams,
        _ctx: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        if let Ok(mut level) = self.session.log_level.lock() {
            *level = Some(request.level);
        }
        Ok(())
    }

    fn accepted_subscription_filter(
        &self,
        requested: &SubscriptionFilter,
    ) -> Option<SubscriptionFilter> {
        Some(requested.supported_by(&self.get_info().capabilities))
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), ErrorData> {
        let mut changes = self.shared.changes.subscribe();
        loop {
            let change = tokio::select! {
                () = context.cancelled() => return Ok(()),
                change = changes.recv() => change,
            };
            let sent = match change {
                Ok(ListChange::Tools) => context.sink().notify_tool_list_changed().await,
                Ok(ListChange::Prompts) => context.sink().notify_prompt_list_changed().await,
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return Ok(()),
            };
            // The sink drops notification types the client did not subscribe to.
            if let Err(e) = sent {
                tracing::trace!(error = %e, "list change not delivered to a listen stream");
            }
        }
    }
}
