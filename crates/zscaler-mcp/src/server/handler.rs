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
    ReadResourceResponse, ServerCapabilities, ServerConfig, SetLevelRequestParams, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{Value, json};
use tokio_util::task::TaskTracker;

use crate::catalog::meta::MetaTool;
use crate::catalog::selection::Resolved;
use crate::catalog::{Handler, ToolDeclaration};
use crate::client::{ClientError, ClientSettings, Grant, ZscalerClient};
use crate::config::Config;
use crate::executor::{self, arguments};
use crate::server::posture::Posture;
use crate::server::upstream::Upstream;
pub use crate::transport::SessionKind;

pub const SERVER_NAME: &str = "zscaler-mcp";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

const INSTRUCTIONS: &str = "Tools read (and, when an operator allowlisted them, change) a Zscaler \
tenant. Call zscaler_get_server_info to see which services, toolsets and write tools are enabled.";

/// Process-wide state shared by every session.
pub struct Shared {
    pub config: Arc<Config>,
    pub resolved: Resolved,
    pub posture: Posture,
    /// `tools/list` answer, built once: rebuilding ~400 schemas per request would dominate latency.
    tools: Arc<Vec<Tool>>,
    /// Counts in-flight tool calls so shutdown can let them finish.
    pub inflight: TaskTracker,
    /// The Zscaler tenant calls go to, and the client that reaches it; replaced once by the
    /// embedded sandbox at start.
    upstream: std::sync::RwLock<(Arc<Upstream>, Result<ZscalerClient, ClientError>)>,
}

impl Shared {
    pub fn new(config: Arc<Config>, resolved: Resolved, upstream: Upstream) -> Shared {
        let tools = resolved.tools.iter().map(|t| t.to_mcp_tool()).collect();
        let settings = config.client.clone();
        Shared {
            posture: Posture::of(&config),
            config,
            resolved,
            tools: Arc::new(tools),
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
        match self.upstream.read() {
            Ok(u) => u.0.clone(),
            Err(poisoned) => poisoned.into_inner().0.clone(),
        }
    }

    /// The Zscaler client, or why it could not be built.
    pub fn client(&self) -> Result<ZscalerClient, ClientError> {
        match self.upstream.read() {
            Ok(u) => u.1.clone(),
            Err(poisoned) => poisoned.into_inner().1.clone(),
        }
    }

    pub fn use_upstream(&self, upstream: Upstream) {
        let connected = Self::connect(&self.config.client, upstream);
        match self.upstream.write() {
            Ok(mut u) => *u = connected,
            Err(poisoned) => *poisoned.into_inner() = connected,
        }
    }

    fn find(&self, name: &str) -> Option<&'static ToolDeclaration> {
        self.resolved.tools.iter().copied().find(|t| t.name == name)
    }
}

/// Per-session state.
#[derive(Default)]
struct SessionState {
    /// The revision agreed in `initialize` (requests on 2026-07-28 carry theirs in `_meta`).
    negotiated: OnceLock<ProtocolVersion>,
    /// Minimum level of `notifications/message` this client asked for with `logging/setLevel`.
    log_level: Mutex<Option<LoggingLevel>>,
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
        let write_registered = shared
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
            "services": shared.resolved.services.iter().map(|s| s.code()).collect::<Vec<_>>(),
            "toolsets": shared.resolved.toolsets,
            "toolCount": shared.resolved.tools.len(),
            "writeTools": {
                "enabled": config.write.enabled,
                "allowlist": config.write.allowlist.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                "registered": write_registered,
            },
            "entitlementFilter": config.selection.entitlement_filter,
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

    fn run_meta(&self, tool: MetaTool, ctx: &RequestContext<RoleServer>) -> CallToolResult {
        match tool {
            MetaTool::GetServerInfo => CallToolResult::structured(self.server_info(ctx)),
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
            self.shared.tools.as_ref().clone(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.shared.tools.iter().find(|t| t.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let _inflight = self.shared.inflight.token();
        let Some(tool) = self.shared.find(&request.name) else {
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
            Handler::Meta(meta) => self.run_meta(meta, &context),
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
