//! MCP dispatch: the `ServerHandler` every transport serves. One instance per MCP session
//! (per request on stateless HTTP); everything process-wide lives in [`Shared`].

// `logging/setLevel` is deprecated by SEP-2577 (2026-07-28) but still part of every revision we
// serve through `initialize`, so it stays implemented.
#![allow(deprecated)]

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, GetPromptRequestParams,
    GetPromptResponse, Implementation, InitializeRequestParams, InitializeResult, ListToolsResult,
    LoggingLevel, PaginatedRequestParams, ProtocolVersion, ReadResourceRequestParams,
    ReadResourceResponse, ServerCapabilities, ServerConfig, SetLevelRequestParams,
    SubscriptionFilter, Tool,
};
use rmcp::service::{RequestContext, SubscriptionContext};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{Value, json};
use tokio_util::task::TaskTracker;

use crate::catalog::meta::MetaTool;
use crate::catalog::selection::{self, Resolved};
use crate::catalog::toolsets::{TOOLSETS, toolset_service};
use crate::catalog::{Handler, ToolDeclaration, all_tools};
use crate::client::Upstream;
use crate::client::{ClientError, ClientSettings, Grant, ZscalerClient};
use crate::config::Config;
use crate::executor::{self, arguments};
use crate::server::posture::Posture;
use crate::service::Service;
pub use crate::transport::SessionKind;

pub const SERVER_NAME: &str = "zscaler-mcp";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

const INSTRUCTIONS: &str = "Tools read (and, when an operator allowlisted them, change) a Zscaler \
tenant. Call zscaler_get_server_info to see which services, toolsets and write tools are enabled.";

/// What one view of the server exposes: the resolved selection and its `tools/list` answer,
/// built once (rebuilding ~300 schemas per request would dominate latency).
pub struct Exposed {
    pub resolved: Resolved,
    pub tools: Arc<Vec<Tool>>,
}

impl Exposed {
    pub fn new(resolved: Resolved) -> Arc<Exposed> {
        let tools = resolved.tools.iter().map(|t| t.to_mcp_tool()).collect();
        Arc::new(Exposed {
            resolved,
            tools: Arc::new(tools),
        })
    }

    fn find(&self, name: &str) -> Option<&'static ToolDeclaration> {
        self.resolved.tools.iter().copied().find(|t| t.name == name)
    }
}

/// Process-wide state shared by every session.
pub struct Shared {
    pub config: Arc<Config>,
    pub posture: Posture,
    /// The configured selection, narrowed once by the entitlement filter at startup.
    exposed: std::sync::RwLock<Arc<Exposed>>,
    /// Services the OneAPI credentials are entitled to, when the filter ran.
    entitled: std::sync::RwLock<Option<Vec<Service>>>,
    /// Counts in-flight tool calls so shutdown can let them finish.
    pub inflight: TaskTracker,
    /// The Zscaler tenant calls go to, and the client that reaches it; replaced once by the
    /// embedded sandbox at start.
    upstream: std::sync::RwLock<(Arc<Upstream>, Result<ZscalerClient, ClientError>)>,
}

fn read<T: Clone>(lock: &std::sync::RwLock<T>) -> T {
    match lock.read() {
        Ok(v) => v.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

fn write<T>(lock: &std::sync::RwLock<T>, value: T) {
    match lock.write() {
        Ok(mut v) => *v = value,
        Err(poisoned) => *poisoned.into_inner() = value,
    }
}

impl Shared {
    pub fn new(config: Arc<Config>, resolved: Resolved, upstream: Upstream) -> Shared {
        let settings = config.client.clone();
        Shared {
            posture: Posture::of(&config),
            config,
            exposed: std::sync::RwLock::new(Exposed::new(resolved)),
            entitled: std::sync::RwLock::new(None),
            inflight: TaskTracker::new(),
            upstream: std::sync::RwLock::new(Self::connect(&settings, upstream)),
        }
    }

    fn connect(
        settings: &ClientSettings,
        upstream: Upstream,
    ) -> (Arc<Upstream>, Result<ZscalerClient, ClientError>) {
        let client = ZscalerClient::new(&upstream, upstream.grant.clone(), settings.clone());
        (Arc::new(upstream), client)
    }

    pub fn upstream(&self) -> Arc<Upstream> {
        read(&self.upstream).0
    }

    /// The Zscaler client, or why it could not be built.
    pub fn client(&self) -> Result<ZscalerClient, ClientError> {
        read(&self.upstream).1
    }

    pub fn use_upstream(&self, upstream: Upstream) {
        write(&self.upstream, Self::connect(&self.config.client, upstream));
    }

    /// The process-wide view (sessions may add toolsets on top).
    pub fn exposed(&self) -> Arc<Exposed> {
        read(&self.exposed)
    }

    pub fn entitled(&self) -> Option<Vec<Service>> {
        read(&self.entitled)
    }

    /// Narrows every view to the services the credentials are entitled to.
    pub fn apply_entitlements(&self, services: Vec<Service>) {
        let resolved = selection::resolve_with(&self.config, Some(&services), &[]);
        write(&self.entitled, Some(services));
        write(&self.exposed, Exposed::new(resolved));
    }
}

/// Per-session state.
struct SessionState {
    /// The revision agreed in `initialize` (requests on 2026-07-28 carry theirs in `_meta`).
    negotiated: OnceLock<ProtocolVersion>,
    /// Minimum level of `notifications/message` this client asked for with `logging/setLevel`.
    log_level: Mutex<Option<LoggingLevel>>,
    /// Toolsets this session enabled with `zscaler_enable_toolset`, and the view they make.
    enabled: Mutex<(Vec<&'static str>, Option<Arc<Exposed>>)>,
    /// `subscriptions/listen` streams (2026-07-28) waiting for tool-list changes.
    tool_list_changed: tokio::sync::broadcast::Sender<()>,
}

impl Default for SessionState {
    fn default() -> SessionState {
        SessionState {
            negotiated: OnceLock::new(),
            log_level: Mutex::new(None),
            enabled: Mutex::new((Vec::new(), None)),
            tool_list_changed: tokio::sync::broadcast::channel(8).0,
        }
    }
}

/// The MCP server handler.
#[derive(Clone)]
pub struct ZscalerMcp {
    shared: Arc<Shared>,
    kind: SessionKind,
    session: Arc<SessionState>,
}

impl ZscalerMcp {
    pub fn new(shared: Arc<Shared>, kind: SessionKind) -> ZscalerMcp {
        ZscalerMcp {
            shared,
            kind,
            session: Arc::default(),
        }
    }

    /// The revision this request is served under: its own `_meta` (2026-07-28), the session's
    /// `initialize`, or on stateless HTTP the `MCP-Protocol-Version` header.
    fn protocol_version(&self, ctx: &RequestContext<RoleServer>) -> Option<ProtocolVersion> {
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

    fn server_info(&self, ctx: &RequestContext<RoleServer>) -> Value {
        let shared = &self.shared;
        let config = &shared.config;
        let protocol = self.protocol_version(ctx);
        // A 2026-07-28 request is self-contained even on a stateful endpoint.
        let session = match (self.kind, &protocol) {
            (SessionKind::Stateful, Some(v))
                if v.as_str() >= ProtocolVersion::V_2026_07_28.as_str() =>
            {
                SessionKind::Stateless
            }
            (kind, _) => kind,
        };
        // A stateless request below 2026-07-28 carries no client identity (rmcp fills in a
        // placeholder), so none is reported rather than a made-up one.
        let identified =
            self.kind != SessionKind::Stateless || ctx.meta.protocol_version().is_some();
        let client = identified
            .then(|| ctx.client_info())
            .flatten()
            .map(|c| json!({"name": c.name, "version": c.version}));
        let upstream = shared.upstream();
        let credentials = match (&upstream.grant, upstream.sandbox) {
            (_, true) => "sandbox",
            (Some(Grant::PrivateKey(_)), _) => "private_key_jwt",
            (Some(Grant::ClientSecret(_)), _) => "client_secret",
            (None, _) => "missing",
        };
        let view = self.view();
        let write_registered = view
            .resolved
            .tools
            .iter()
            .filter(|t| t.action.is_write())
            .count();
        json!({
            "server": {"name": SERVER_NAME, "version": VERSION},
            "transport": config.transport.as_str(),
            "protocolVersion": protocol.as_ref().map(|v| v.as_str()),
            "session": session.as_str(),
            "client": client,
            "clientLogLevel": self.session.log_level.lock().ok().and_then(|l| *l).map(|l| format!("{l:?}").to_lowercase()),
            "services": view.resolved.services.iter().map(|s| s.code()).collect::<Vec<_>>(),
            "toolsets": view.resolved.toolsets,
            "toolCount": view.resolved.tools.len(),
            "writeTools": {
                "enabled": config.write.enabled,
                "allowlist": config.write.allowlist.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                "registered": write_registered,
            },
            "entitlementFilter": config.selection.entitlement_filter,
            "entitledServices": shared.entitled().map(|e| e.iter().map(|s| s.code()).collect::<Vec<_>>()),
            "zscaler": {
                "sandbox": upstream.sandbox,
                "baseUrl": upstream.base_url,
                "tokenUrl": upstream.token_url,
                "cloud": config.zscaler.cloud,
                "credentials": credentials,
                "vanityDomain": config.zscaler.vanity_domain,
                "customerIdSet": upstream.customer_id.is_some(),
            },
            "security": shared.posture,
        })
    }

    /// What this session sees: the shared view, or its own when it enabled toolsets.
    fn view(&self) -> Arc<Exposed> {
        if let Ok(enabled) = self.session.enabled.lock()
            && let Some(own) = &enabled.1
        {
            return own.clone();
        }
        self.shared.exposed()
    }

    async fn run_meta(
        &self,
        tool: MetaTool,
        args: &executor::request::Args,
        ctx: &RequestContext<RoleServer>,
    ) -> CallToolResult {
        let toolset = args
            .get("toolset")
            .and_then(Value::as_str)
            .unwrap_or_default();
        match tool {
            MetaTool::GetServerInfo => CallToolResult::structured(self.server_info(ctx)),
            MetaTool::ListToolsets => self.list_toolsets(),
            MetaTool::GetToolsetTools => self.toolset_tools(toolset),
            MetaTool::EnableToolset => self.enable_toolset(toolset, ctx).await,
        }
    }

    fn list_toolsets(&self) -> CallToolResult {
        let view = self.view();
        let entitled = self.shared.entitled();
        let rows: Vec<Value> = TOOLSETS
            .iter()
            .map(|(id, service)| {
                let tools = all_tools().filter(|t| t.toolset == *id).count();
                let blocked = selection::toolset_blocked(
                    &self.shared.config,
                    entitled.as_deref(),
                    id,
                    *service,
                );
                json!({
                    "id": id,
                    "service": service.code(),
                    "tools": tools,
                    "loaded": view.resolved.toolsets.contains(id),
                    "unavailable": blocked,
                })
            })
            .collect();
        listing(rows)
    }

    fn unknown_toolset(id: &str) -> CallToolResult {
        let valid: Vec<&str> = TOOLSETS.iter().map(|(t, _)| *t).collect();
        CallToolResult::error(vec![ContentBlock::text(format!(
            "Invalid argument 'toolset': '{id}' is not a toolset. Valid ids: {}.",
            valid.join(", ")
        ))])
    }

    fn toolset_tools(&self, id: &str) -> CallToolResult {
        let Some(service) = toolset_service(id) else {
            return Self::unknown_toolset(id);
        };
        let view = self.view();
        let config = &self.shared.config;
        let entitled = self.shared.entitled();
        let blocked = selection::toolset_blocked(config, entitled.as_deref(), id, service);
        let rows: Vec<Value> = all_tools()
            .filter(|t| t.toolset == id)
            .map(|t| {
                let exposed = view.find(t.name).is_some();
                let why = if exposed {
                    None
                } else if let Some(b) = &blocked {
                    Some(format!("toolset unavailable: {b}"))
                } else if let Some(b) = selection::tool_blocked(config, t) {
                    Some(b.to_string())
                } else {
                    Some("toolset not loaded (zscaler_enable_toolset)".to_string())
                };
                json!({
                    "name": t.name,
                    "title": t.title,
                    "action": t.action.as_str(),
                    "exposed": exposed,
                    "unavailable": why,
                })
            })
            .collect();
        listing(rows)
    }

    /// True when this request belongs to a session whose tool list can change.
    fn has_session(&self, ctx: &RequestContext<RoleServer>) -> bool {
        match self.kind {
            SessionKind::Stateless => false,
            SessionKind::Stdio | SessionKind::Sse => true,
            // 2026-07-28 requests over HTTP are self-contained: no session to change.
            SessionKind::Stateful => self
                .protocol_version(ctx)
                .is_none_or(|v| v.as_str() < ProtocolVersion::V_2026_07_28.as_str()),
        }
    }

    async fn enable_toolset(&self, id: &str, ctx: &RequestContext<RoleServer>) -> CallToolResult {
        let Some(service) = toolset_service(id) else {
            return Self::unknown_toolset(id);
        };
        let config = &self.shared.config;
        let entitled = self.shared.entitled();
        if let Some(why) = selection::toolset_blocked(config, entitled.as_deref(), id, service) {
            return CallToolResult::error(vec![ContentBlock::text(format!(
                "Toolset {id} cannot be enabled: {why}."
            ))]);
        }
        let before = self.view();
        if before.resolved.toolsets.contains(&id) {
            return CallToolResult::structured(json!({
                "toolset": id,
                "enabled": true,
                "added": [],
                "toolCount": before.resolved.tools.len(),
                "note": "already loaded",
            }));
        }
        if !self.has_session(ctx) {
            return CallToolResult::error(vec![ContentBlock::text(format!(
                "This connection has no session (stateless HTTP or a self-contained 2026-07-28                  request), so its tool list cannot change. Ask the operator to load the toolset                  at startup: --toolsets {id} (env ZSCALER_MCP_TOOLSETS)."
            ))]);
        }
        let view = {
            let Ok(mut enabled) = self.session.enabled.lock() else {
                return CallToolResult::error(vec![ContentBlock::text(
                    "internal error: the session state is unavailable".to_string(),
                )]);
            };
            let static_id = TOOLSETS
                .iter()
                .map(|(t, _)| *t)
                .find(|t| *t == id)
                .unwrap_or("");
            enabled.0.push(static_id);
            let view = Exposed::new(selection::resolve_with(
                config,
                entitled.as_deref(),
                &enabled.0,
            ));
            enabled.1 = Some(view.clone());
            view
        };
        let added: Vec<&str> = view
            .resolved
            .tools
            .iter()
            .filter(|t| before.find(t.name).is_none())
            .map(|t| t.name)
            .collect();
        // Legacy sessions get the notification on their stream; 2026-07-28 clients on their
        // subscriptions/listen streams.
        let legacy = self
            .protocol_version(ctx)
            .is_none_or(|v| v.as_str() < ProtocolVersion::V_2026_07_28.as_str());
        if legacy {
            if let Err(e) = ctx.peer.notify_tool_list_changed().await {
                tracing::debug!("tools/list_changed not delivered: {e}");
            }
        } else {
            let _ = self.session.tool_list_changed.send(());
        }
        tracing::info!(
            toolset = id,
            added = added.len(),
            "session enabled a toolset"
        );
        CallToolResult::structured(json!({
            "toolset": id,
            "enabled": true,
            "added": added,
            "toolCount": view.resolved.tools.len(),
        }))
    }
}

/// A list answer for meta tools: `{"result": rows}` and the rows as text.
fn listing(rows: Vec<Value>) -> CallToolResult {
    let text = crate::shaping::encode::encode(&Value::Array(rows.clone()));
    let mut result = CallToolResult::structured(json!({ "result": rows }));
    result.content = vec![ContentBlock::text(text)];
    result
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
        Some(SubscriptionFilter::builder().tools_list_changed().build())
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), ErrorData> {
        let mut changes = self.session.tool_list_changed.subscribe();
        loop {
            tokio::select! {
                _ = context.cancelled() => return Ok(()),
                change = changes.recv() => match change {
                    Ok(()) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        if let Err(e) = context.sink().notify_tool_list_changed().await {
                            tracing::debug!("tools/list_changed not delivered: {e}");
                        }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return Ok(()),
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
        let result = match tool.handler {
            Handler::Meta(meta) => self.run_meta(meta, &args, &context).await,
            Handler::Routes(_) | Handler::Special(..) => self.run_zscaler(tool, args).await,
        };
        if self.shared.config.logging.log_tool_calls {
            tracing::info!(
                target: "zscaler_mcp::audit",
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
