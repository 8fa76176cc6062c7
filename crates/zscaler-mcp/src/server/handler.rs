//! MCP dispatch: the `ServerHandler` every transport serves. One instance per MCP session
//! (per request on stateless HTTP); process state is [`Shared`], session state
//! [`super::session`], the meta tools [`super::meta`].
//!
//! A tool call: the session's view finds the tool → its arguments are validated → a delete's
//! confirmation step ([`super::confirm`], policy in [`crate::policy::confirmation`]) → a meta
//! tool, or the executor → the audit line.

// `logging/setLevel` is deprecated by SEP-2577 (2026-07-28) but still part of every revision we
// serve through `initialize`, so it stays implemented.
#![allow(deprecated)]

use std::borrow::Cow;
use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, GetPromptRequestParams,
    GetPromptResponse, Implementation, InitializeRequestParams, InitializeResult, ListToolsResult,
    PaginatedRequestParams, ProtocolVersion, ReadResourceRequestParams, ReadResourceResponse,
    ServerCapabilities, ServerConfig, SetLevelRequestParams, SubscriptionFilter, Tool,
};
use rmcp::service::{RequestContext, SubscriptionContext};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::json;

use super::confirm::Gate;
use super::session::SessionState;
pub use super::state::{Exposed, Shared};
use crate::catalog::{Action, Handler, ToolDeclaration};
use crate::executor::{self, arguments};
pub use crate::transport::SessionKind;

pub const SERVER_NAME: &str = "zscaler-mcp";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

const INSTRUCTIONS: &str = "Tools read (and, when an operator allowlisted them, change) a Zscaler \
tenant. Call zscaler_get_server_info to see which services, toolsets and write tools are enabled.";

/// The MCP server handler.
#[derive(Clone)]
pub struct ZscalerMcp {
    pub(crate) shared: Arc<Shared>,
    pub(crate) kind: SessionKind,
    pub(crate) session: Arc<SessionState>,
}

impl ZscalerMcp {
    pub fn new(shared: Arc<Shared>, kind: SessionKind) -> ZscalerMcp {
        ZscalerMcp {
            shared,
            kind,
            session: Arc::default(),
        }
    }
}

impl ZscalerMcp {
    async fn run_zscaler(
        &self,
        tool: &'static ToolDeclaration,
        args: executor::request::Args,
    ) -> CallToolResult {
        let client = match self.shared.client() {
            Ok(c) => c,
            Err(e) => {
                return CallToolResult::error(vec![ContentBlock::text(format!(
                    "The Zscaler client is not available: {e}"
                ))]);
            }
        };
        let upstream = self.shared.upstream();
        let ctx = executor::Context {
            client: &client,
            customer_id: upstream.customer_id.as_deref(),
            sanitize: self.shared.config.output.sanitize,
        };
        executor::run(tool, args, &ctx).await
    }
}

impl ServerHandler for ZscalerMcp {
    fn get_info(&self) -> ServerConfig {
        let mut implementation = Implementation::new(SERVER_NAME, VERSION);
        implementation.title = Some("Zscaler MCP Server".to_string());
        implementation.description = Some(
            "Read, and carefully change, a Zscaler tenant: ZIA, ZPA, ZDX, ZCC, ZTW, ZIdentity, \
             EASM, Z-Insights, ZMS and ZCell."
                .to_string(),
        );
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_tool_list_changed()
                .enable_logging()
                .enable_prompts()
                .enable_resources()
                .enable_completions()
                .build(),
        )
        .with_server_info(implementation)
        .with_instructions(INSTRUCTIONS)
    }

    fn supported_protocol_versions(&self) -> Cow<'static, [ProtocolVersion]> {
        Cow::Borrowed(ProtocolVersion::KNOWN_VERSIONS)
    }

    async fn initialize(
        &self,
        request: InitializeRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<InitializeResult, ErrorData> {
        if self.session.negotiated.get().is_some() {
            return Err(ErrorData::invalid_request(
                "This session is already initialized: initialize may be sent only once.",
                None,
            ));
        }
        context.peer.set_peer_info(request.clone());
        let result = self.negotiate_initialize(&request)?;
        let _ = self.session.negotiated.set(result.protocol_version.clone());
        tracing::debug!(
            client = %request.client_info.name,
            requested = %request.protocol_version.as_str(),
            negotiated = %result.protocol_version.as_str(),
            "initialize"
        );
        Ok(result)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(
            self.view().tools.as_ref().clone(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.view().tools.iter().find(|t| t.name == name).cloned()
    }

    fn accepted_subscription_filter(
        &self,
        _requested: &SubscriptionFilter,
    ) -> Option<SubscriptionFilter> {
        self.session.accept_listener();
        Some(SubscriptionFilter::builder().tools_list_changed().build())
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), ErrorData> {
        let mut changes = self.session.take_listener();
        loop {
            tokio::select! {
                _ = context.cancelled() => return Ok(()),
                change = changes.changed() => match change {
                    Ok(()) => {
                        if let Err(e) = context.sink().notify_tool_list_changed().await {
                            tracing::debug!("tools/list_changed not delivered: {e}");
                        }
                    }
                    Err(_) => return Ok(()),
                },
            }
        }
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let _inflight = self.shared.inflight.token();
        let view = self.view();
        let Some(tool) = view.find(&request.name) else {
            return Err(ErrorData::invalid_params(
                format!(
                    "Unknown tool: {}. Call tools/list for the tools this server exposes.",
                    request.name
                ),
                None,
            ));
        };
        let args = match arguments::validate(tool, request.arguments.as_ref()) {
            Ok(args) => args,
            Err(problem) => {
                return Ok(CallToolResult::error(vec![ContentBlock::text(problem)]).into());
            }
        };
        let started = std::time::Instant::now();
        if tool.action == Action::Delete {
            match self.confirm_delete(tool, &args, &request, &context).await {
                Gate::Confirmed => {}
                Gate::Answer(answer) => return Ok(answer),
                Gate::Error(error) => return Err(error),
            }
        }
        let result = match tool.handler {
            Handler::Meta(meta) => self.run_meta(meta, &args, &context).await,
            Handler::Routes(_) | Handler::Special(_) => self.run_zscaler(tool, args).await,
        };
        if self.shared.config.logging.log_tool_calls {
            let principal = self.principal(&context);
            let principal = principal.as_deref().unwrap_or(match self.kind {
                SessionKind::Stdio => "stdio",
                _ => "anonymous",
            });
            tracing::info!(
                target: "zscaler_mcp::audit",
                principal,
                tool = tool.name,
                action = tool.action.as_str(),
                is_error = result.is_error.unwrap_or(false),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "[TOOL CALL]"
            );
        }
        Ok(result.into())
    }

    // Prompts and resources are declared (empty until the catalog adds them), so discovery and
    // the list methods agree; reading or getting an unknown one is a precise error.
    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        Err(ErrorData::resource_not_found(
            format!("Resource not found: {}", request.uri),
            Some(json!({"uri": request.uri})),
        ))
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, ErrorData> {
        Err(ErrorData::invalid_params(
            format!(
                "Unknown prompt: {}. Call prompts/list for the prompts this server offers.",
                request.name
            ),
            None,
        ))
    }

    async fn set_level(
        &self,
        request: SetLevelRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        if let Ok(mut level) = self.session.log_level.lock() {
            *level = Some(request.level);
        }
        tracing::info!(level = ?request.level, "client set its log level");
        Ok(())
    }
}
