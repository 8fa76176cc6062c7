//! MCP dispatch: the `ServerHandler` every transport serves. One instance per MCP session
//! (per request on stateless HTTP); process state is [`Shared`], session state
//! [`super::session`], the meta tools [`super::meta`].
//!
//! A tool call: the session's view finds the tool → its arguments are validated → a delete's
//! confirmation step ([`super::confirm`], policy in [`crate::policy::confirmation`]) → a meta
//! tool, or the executor → the audit line. In `--tool-mode discover`, `zscaler_call_tool` runs
//! the tool it names through the same steps (`ZscalerMcp::call`, `server/discover.rs`).

// `logging/setLevel` is deprecated by SEP-2577 (2026-07-28) but still part of every revision we
// serve through `initialize`, so it stays implemented.
#![allow(deprecated)]

use std::borrow::Cow;
use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, GetPromptRequestParams,
    GetPromptResponse, GetPromptResult, Implementation, InitializeRequestParams, InitializeResult,
    ListPromptsResult, ListToolsResult, PaginatedRequestParams, PromptMessage, ProtocolVersion,
    ReadResourceRequestParams, ReadResourceResponse, Role, ServerCapabilities, ServerConfig,
    SetLevelRequestParams, SubscriptionFilter, Tool,
};
use rmcp::service::{RequestContext, SubscriptionContext};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{Value, json};

use super::audit::Entry;
use super::confirm::Gate;
use super::entitlements;
use super::session::SessionState;
pub use super::state::{Exposed, Shared};
use crate::catalog::discover;
use crate::catalog::meta::MetaTool;
use crate::catalog::prompts;
use crate::catalog::{Action, Handler, ToolDeclaration};
use crate::client::ZscalerClient;
use crate::config::ToolMode;
use crate::executor::{self, arguments};
use crate::logging::{RequestId, TraceParent};
use crate::service::Service;
pub use crate::transport::SessionKind;
use crate::transport::edge::auth::Principal;
use crate::transport::edge::zscaler::OneApiCaller;

pub const SERVER_NAME: &str = "zscaler-mcp";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The server instructions of `initialize` and `server/discover` (at most 200 o200k tokens,
/// tests/discover.rs): what the server covers, how to find tools in this mode, what the common
/// list arguments and the text encoding mean (said once here, so each parameter's description
/// stays short), how writes and confirmations work.
pub(crate) fn instructions(mode: ToolMode) -> &'static str {
    match mode {
        ToolMode::Static => INSTRUCTIONS_STATIC,
        ToolMode::Discover => INSTRUCTIONS_DISCOVER,
    }
}

const INSTRUCTIONS_STATIC: &str = "Reads, and when the operator allows it changes, a Zscaler \
tenant: ZIA, ZPA, ZDX, ZCC, ZTW, ZIdentity, EASM, Z-Insights, ZMS, ZCell. Every configured tool \
is in tools/list; zscaler_list_toolsets and zscaler_get_toolset_tools explain a missing tool, \
zscaler_get_server_info what is enabled. Reads change nothing. Lists gather every page up to a \
cap; a partial one says so and gives next.cursor for `cursor`. `query` is JMESPath over the \
API's field names. Tables: CSV or {same, columns, rows}, same = values every row shares. Write \
tools exist only if the operator enabled and allowlisted them. A delete is confirmed \
by the user before it runs: your client asks them, or the first call answers a confirmation \
token; call again with kwargs {\"confirmation_token\": ...} only after the user approved.";

const INSTRUCTIONS_DISCOVER: &str = "Reads, and when the operator allows it changes, a Zscaler \
tenant: ZIA, ZPA, ZDX, ZCC, ZTW, ZIdentity, EASM, Z-Insights, ZMS, ZCell. Find tools with \
zscaler_search_tools, read schemas with zscaler_describe_tools, run one with zscaler_call_tool \
{name, arguments}. Reads change nothing. Lists gather every page up to a cap; a partial one says so and gives next.cursor \
for `cursor`. `query` is JMESPath over the API's field names. Tables: CSV or {same, columns, \
rows}, same = values every row shares. Write tools exist only if the operator enabled and \
allowlisted them. A delete is confirmed by the user before it runs: your client asks them, \
or the first call answers a confirmation token; call again with kwargs \
{\"confirmation_token\": ...} in arguments only after the user approved.";

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

/// Said when, in `zscaler` client-auth mode, a tool call reaches the handler without a caller.
const NO_CALLER: &str = "This request carries no authenticated OneAPI caller (zscaler client \
authentication): tool calls run only with the caller's own credentials, never the server's. Send \
the request with your OneAPI client credentials.";

impl ZscalerMcp {
    /// The caller's own OneAPI identity (`zscaler` client authentication), when this request
    /// has one.
    pub(crate) fn caller(&self, ctx: &RequestContext<RoleServer>) -> Option<OneApiCaller> {
        ctx.extensions
            .get::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<Principal>())
            .and_then(|p| p.oneapi.clone())
    }

    /// The Zscaler client this request's tool calls use: the caller's own (holding its OneAPI
    /// token) in `zscaler` client-auth mode, otherwise the server's. In `zscaler` mode a request
    /// without a caller is refused: the server's credentials are never used on a caller's behalf.
    pub(crate) fn client_for(
        &self,
        ctx: &RequestContext<RoleServer>,
    ) -> Result<ZscalerClient, String> {
        if let Some(caller) = self.caller(ctx) {
            return Ok(caller.client().clone());
        }
        if self.shared.per_caller_tokens() {
            return Err(NO_CALLER.to_string());
        }
        self.shared
            .client()
            .map_err(|e| format!("The Zscaler client is not available: {e}"))
    }

    /// The services the caller's OneAPI token is entitled to (`service-info`), when it narrows
    /// this request's view: `zscaler` mode with the entitlement filter on, and a token that
    /// names products this server knows. `None`: no narrowing.
    pub(crate) fn caller_entitlements(
        &self,
        ctx: &RequestContext<RoleServer>,
    ) -> Option<Vec<Service>> {
        if !self.shared.config().selection.entitlement_filter {
            return None;
        }
        let caller = self.caller(ctx)?;
        match entitlements::from_claims(caller.claims()?) {
            Ok(found) => Some(found.services),
            Err(reason) => {
                tracing::debug!(
                    client = caller.client_id(),
                    "caller's tools not narrowed by entitlements ({reason})"
                );
                None
            }
        }
    }

    /// The scopes of this request's authenticated caller (`None`: no caller, e.g. stdio).
    pub(crate) fn caller_scopes(&self, ctx: &RequestContext<RoleServer>) -> Option<Vec<String>> {
        ctx.extensions
            .get::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<Principal>())
            .map(|p| p.scopes.clone())
    }

    /// What this request's caller sees of its view: `tools/list` lists these tools and
    /// `prompts/list` offers the prompts of their services, so the two never disagree.
    pub(crate) fn visible(&self, ctx: &RequestContext<RoleServer>) -> Visible {
        let scopes = self.caller_scopes(ctx);
        Visible {
            view: self.view(),
            entitled: self.caller_entitlements(ctx),
            writes: crate::policy::caller::may_write(&self.shared.config(), scopes.as_deref()),
            discover: self.discover_mode(),
        }
    }

    async fn run_zscaler(
        &self,
        tool: &'static ToolDeclaration,
        args: executor::request::Args,
        context: &RequestContext<RoleServer>,
    ) -> CallToolResult {
        let client = match self.client_for(context) {
            Ok(c) => c,
            Err(e) => return CallToolResult::error(vec![ContentBlock::text(e)]),
        };
        let upstream = self.shared.upstream();
        let ctx = executor::Context {
            client: &client,
            customer_id: upstream.customer_id.as_deref(),
            zcell_customer_id: upstream.zcell_customer_id.as_deref(),
            sanitize: self.shared.config().output.sanitize,
        };
        executor::run(tool, args, &ctx).await
    }

    /// True in `--tool-mode discover`.
    pub(crate) fn discover_mode(&self) -> bool {
        self.shared.config().selection.tool_mode == ToolMode::Discover
    }

    /// A `tools/call`: the tool this session's view (or, in discover mode, the discovery tools)
    /// names, then [`Self::run_tool`]. `zscaler_call_tool` runs the tool it names through the
    /// very same [`Self::run_tool`], so selection, entitlements, argument validation, the write
    /// gate, delete confirmation, audit, sanitization and shaping are those of a direct call.
    pub(crate) async fn call(
        &self,
        request: CallToolRequestParams,
        context: &RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let started = std::time::Instant::now();
        let view = self.view();
        let discovery_tool = if self.discover_mode() {
            discover::find(&request.name)
        } else {
            None
        };
        let Some(tool) = discovery_tool.or_else(|| view.find(&request.name)) else {
            self.audit(
                context,
                Entry {
                    tool: &request.name,
                    action: "-",
                    args: None,
                    outcome: "unknown_tool",
                    rows: None,
                    started,
                },
            );
            return Err(ErrorData::invalid_params(
                format!(
                    "Unknown tool: {}. Call tools/list for the tools this server exposes.",
                    request.name
                ),
                None,
            ));
        };
        if tool.handler != Handler::Meta(MetaTool::CallTool) {
            return self.run_tool(tool, request, context, started).await;
        }
        // zscaler_call_tool: its own arguments, then the named tool as if called directly.
        let inner = match arguments::validate(tool, request.arguments.as_ref())
            .and_then(|args| self.inner_request(&request, &args))
        {
            Ok(inner) => inner,
            Err(problem) => {
                self.audit(
                    context,
                    Entry {
                        tool: tool.name,
                        action: tool.action.as_str(),
                        args: request.arguments.as_ref(),
                        outcome: "invalid_arguments",
                        rows: None,
                        started,
                    },
                );
                return Ok(CallToolResult::error(vec![ContentBlock::text(problem)]).into());
            }
        };
        match self.reachable(&view, &inner.name) {
            Ok(tool) => self.run_tool(tool, inner, context, started).await,
            Err(why) => {
                self.audit(
                    context,
                    Entry {
                        tool: &inner.name,
                        action: "-",
                        args: None,
                        outcome: "unknown_tool",
                        rows: None,
                        started,
                    },
                );
                Ok(CallToolResult::error(vec![ContentBlock::text(why)]).into())
            }
        }
    }

    /// One tool call, after the tool was found: the caller's entitlements, argument validation,
    /// a delete's confirmation, the meta tool or the executor, and the audit line.
    async fn run_tool(
        &self,
        tool: &'static ToolDeclaration,
        request: CallToolRequestParams,
        context: &RequestContext<RoleServer>,
        started: std::time::Instant,
    ) -> Result<CallToolResponse, ErrorData> {
        let entry = |args, outcome, rows| Entry {
            tool: tool.name,
            action: tool.action.as_str(),
            args,
            outcome,
            rows,
            started,
        };
        if let Some(service) = tool.service
            && let Some(entitled) = self.caller_entitlements(context)
            && !entitled.contains(&service)
        {
            let caller = self
                .caller(context)
                .map(|c| c.client_id().to_string())
                .unwrap_or_default();
            let granted: Vec<String> = entitled
                .iter()
                .map(|s| s.code().to_ascii_uppercase())
                .collect();
            self.audit(context, entry(None, "not_entitled", None));
            return Ok(CallToolResult::error(vec![ContentBlock::text(format!(
                "{} is not available to this caller: its OneAPI credentials (client id {caller}) \
                 are not entitled to {} ({}); the token's service-info grants: {}. Nothing was \
                 sent to Zscaler.",
                tool.name,
                service.code().to_ascii_uppercase(),
                service.product_name(),
                granted.join(", ")
            ))])
            .into());
        }
        let scopes = self.caller_scopes(context);
        if let Some(why) =
            crate::policy::caller::refusal(&self.shared.config(), scopes.as_deref(), tool)
        {
            self.audit(context, entry(None, "missing_scope", None));
            return Ok(CallToolResult::error(vec![ContentBlock::text(why)]).into());
        }
        let args = match arguments::validate(tool, request.arguments.as_ref()) {
            Ok(args) => args,
            Err(problem) => {
                self.audit(
                    context,
                    entry(request.arguments.as_ref(), "invalid_arguments", None),
                );
                return Ok(CallToolResult::error(vec![ContentBlock::text(problem)]).into());
            }
        };
        if tool.action == Action::Delete {
            match self.confirm_delete(tool, &args, &request, context).await {
                Gate::Confirmed => {}
                Gate::Answer(answer) => {
                    let outcome = match &answer {
                        CallToolResponse::InputRequired(_) => "confirmation_requested",
                        CallToolResponse::Complete(r) if r.is_error == Some(true) => {
                            "confirmation_rejected"
                        }
                        CallToolResponse::Complete(r)
                            if r.structured_content.as_ref().is_some_and(|s| {
                                s.get("status").and_then(Value::as_str)
                                    == Some("confirmation_required")
                            }) =>
                        {
                            "confirmation_requested"
                        }
                        _ => "not_confirmed",
                    };
                    self.audit(context, entry(Some(&args), outcome, None));
                    return Ok(answer);
                }
                Gate::Error(error) => {
                    self.audit(context, entry(Some(&args), "confirmation_rejected", None));
                    return Err(error);
                }
            }
        }
        let logged_args = self
            .shared
            .config()
            .logging
            .log_tool_calls
            .then(|| args.clone());
        let result = match tool.handler {
            Handler::Meta(meta) => self.run_meta(meta, &args, context).await,
            Handler::Routes(_) | Handler::Special(_) => self.run_zscaler(tool, args, context).await,
        };
        let outcome = if result.is_error == Some(true) {
            "error"
        } else {
            "ok"
        };
        let rows = super::audit::rows(result.structured_content.as_ref());
        self.audit(context, entry(logged_args.as_ref(), outcome, rows));
        Ok(result.into())
    }
}

impl ZscalerMcp {
    /// The span a request is served in (`crate::logging`): the HTTP request's id (else a new
    /// one, e.g. on stdio) and the first valid `traceparent` of the context's `_meta`, the
    /// request's own `_meta` and the HTTP header.
    pub(crate) fn request_span(
        &self,
        kind: &'static str,
        ctx: &RequestContext<RoleServer>,
        meta: Option<&rmcp::model::MetaObject>,
    ) -> tracing::Span {
        let parts = ctx.extensions.get::<http::request::Parts>();
        let id = parts
            .and_then(|p| p.extensions.get::<RequestId>().cloned())
            .unwrap_or_else(RequestId::generate);
        let header = parts
            .and_then(|p| p.headers.get("traceparent"))
            .and_then(|v| v.to_str().ok());
        let trace = TraceParent::first_valid(
            ctx.meta
                .get_traceparent()
                .into_iter()
                .chain(meta.and_then(|m| m.get_traceparent()))
                .chain(header),
        );
        crate::logging::request_span(kind, &id, trace.as_ref())
    }
}

/// One caller's part of a view: every tool, or, when the caller's own entitlements narrow it,
/// the meta tools and the tools of its entitled services (the list may vary by authorization,
/// MCP 2026-07-28).
pub(crate) struct Visible {
    pub(crate) view: Arc<Exposed>,
    pub(crate) entitled: Option<Vec<Service>>,
    /// The caller may use write tools (`policy::caller`).
    pub(crate) writes: bool,
    /// `--tool-mode discover`: `tools/list` is the fixed discovery list, the same for every
    /// caller; the caller's tools are what `zscaler_search_tools` finds.
    discover: bool,
}

impl Visible {
    /// The caller may use this tool of the view (always true for meta tools).
    pub(crate) fn shows(&self, tool: &ToolDeclaration) -> bool {
        if !self.writes && tool.action != Action::Read {
            return false;
        }
        match (&self.entitled, tool.service) {
            (Some(entitled), Some(service)) => entitled.contains(&service),
            _ => true,
        }
    }

    /// The `tools/list` answer.
    pub(crate) fn tools(&self) -> Vec<Tool> {
        if self.discover {
            return self.view.discovery().listed.as_ref().clone();
        }
        if self.entitled.is_none() && self.writes {
            return self.view.tools.as_ref().clone();
        }
        (self.view.resolved.tools.iter())
            .zip(self.view.tools.iter())
            .filter(|(d, _)| self.shows(d))
            .map(|(_, t)| t.clone())
            .collect()
    }

    /// The services with at least one tool shown (meta tools belong to none).
    pub(crate) fn services(&self) -> Vec<Service> {
        let mut services: Vec<Service> = (self.view.resolved.tools.iter())
            .filter(|d| self.shows(d))
            .filter_map(|d| d.service)
            .collect();
        services.sort();
        services.dedup();
        services
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
        .with_instructions(instructions(self.shared.config().selection.tool_mode))
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
        context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        let _span = self.request_span("tools/list", &context, None).entered();
        Ok(ListToolsResult::with_all_items(
            self.visible(&context).tools(),
        ))
    }

    async fn list_prompts(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, ErrorData> {
        let services = self.visible(&context).services();
        let offered = prompts::offered(&services);
        Ok(ListPromptsResult::with_all_items(
            offered.iter().map(|p| p.to_mcp_prompt()).collect(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        let view = self.view();
        if self.discover_mode() {
            return view
                .discovery()
                .listed
                .iter()
                .find(|t| t.name == name)
                .cloned();
        }
        view.tools.iter().find(|t| t.name == name).cloned()
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
        let span = self.request_span("tools/call", &context, request.meta.as_deref());
        let call = async {
            tracing::debug!(tool = ?request.name, "tools/call");
            self.call(request, &context).await
        };
        tracing::Instrument::instrument(call, span).await
    }

    // Resources are declared (empty until the catalog adds them), so discovery and the list
    // methods agree; reading an unknown one is a precise error.
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
        context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, ErrorData> {
        let services = self.visible(&context).services();
        let (prompt, text) = prompts::get(&request.name, &services, request.arguments.as_ref())
            .map_err(|problem| ErrorData::invalid_params(problem, None))?;
        Ok(
            GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
                .with_description(prompt.description)
                .into(),
        )
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
