//! The meta tools: what the server says about itself (`zscaler_get_server_info`), its
//! toolsets (`zscaler_list_toolsets`, `zscaler_get_toolset_tools`), and a session's runtime
//! toolset enabling (`zscaler_enable_toolset`). They never call Zscaler.

use rmcp::RoleServer;
use rmcp::model::{CallToolResult, ContentBlock, ProtocolVersion};
use rmcp::service::RequestContext;
use serde_json::{Value, json};

use super::handler::{SERVER_NAME, VERSION, ZscalerMcp};
use super::state::Exposed;
use crate::catalog::all_tools;
use crate::catalog::meta::MetaTool;
use crate::catalog::toolsets::{TOOLSETS, Toolset, toolset_service};
use crate::client::Grant;
use crate::executor;
use crate::policy::selection;
use crate::transport::SessionKind;

impl ZscalerMcp {
    pub(crate) async fn run_meta(
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
            MetaTool::SearchTools => self.search_tools(args, ctx),
            MetaTool::DescribeTools => self.describe_tools(args, ctx),
            // Handled by the call pipeline itself (`ZscalerMcp::call`), which runs the tool it
            // names; never dispatched here.
            MetaTool::CallTool => CallToolResult::error(vec![ContentBlock::text(
                "zscaler_call_tool is available in discover mode (--tool-mode discover) only."
                    .to_string(),
            )]),
        }
    }

    fn list_toolsets(&self) -> CallToolResult {
        let view = self.view();
        let entitled = self.shared.entitled();
        let rows: Vec<Value> = TOOLSETS
            .iter()
            .map(|&Toolset { id, service }| {
                let tools = all_tools().filter(|t| t.toolset == id).count();
                let blocked = selection::toolset_blocked(
                    &self.shared.config(),
                    entitled.as_deref(),
                    id,
                    service,
                );
                json!({
                    "id": id,
                    "service": service.code(),
                    "tools": tools,
                    "loaded": view.resolved.toolsets.contains(&id),
                    "unavailable": blocked,
                })
            })
            .collect();
        listing(rows)
    }

    fn unknown_toolset(id: &str) -> CallToolResult {
        let valid: Vec<&str> = TOOLSETS.iter().map(|t| t.id).collect();
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
        let config = &self.shared.config();
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
                } else if self.discover_mode() {
                    Some("toolset not loaded (--toolsets)".to_string())
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

    fn server_info(&self, ctx: &RequestContext<RoleServer>) -> Value {
        let shared = &self.shared;
        let config = &shared.config();
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
            "toolMode": config.selection.tool_mode.as_str(),
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
                // Cloud secret stores read at startup and the keys each set (never values).
                "credentialSources": config.secrets.loaded.sources.iter()
                    .map(|(source, keys)| json!({"source": source, "keys": keys}))
                    .collect::<Vec<_>>(),
                "vanityDomain": config.zscaler.vanity_domain,
                "customerIdSet": upstream.customer_id.is_some(),
            },
            "security": *shared.posture(),
        })
    }

    async fn enable_toolset(&self, id: &str, ctx: &RequestContext<RoleServer>) -> CallToolResult {
        let Some(service) = toolset_service(id) else {
            return Self::unknown_toolset(id);
        };
        let config = &self.shared.config();
        let entitled = self.shared.entitled();
        if let Some(why) = selection::toolset_blocked(config, entitled.as_deref(), id, service) {
            return CallToolResult::error(vec![ContentBlock::text(format!(
                "Toolset {id} cannot be enabled: {why}."
            ))]);
        }
        let before = self.view();
        if self.discover_mode() && before.resolved.toolsets.contains(&id) {
            return CallToolResult::structured(json!({
                "toolset": id,
                "enabled": true,
                "added": [],
                "toolCount": before.resolved.tools.len(),
                "note": "Unnecessary in discover mode: every configured tool, this toolset's \
                         included, is already reachable through zscaler_search_tools and \
                         zscaler_call_tool; tools/list does not change.",
            }));
        }
        if before.resolved.toolsets.contains(&id) {
            return CallToolResult::structured(json!({
                "toolset": id,
                "enabled": true,
                "added": [],
                "toolCount": before.resolved.tools.len(),
                "note": "already loaded",
            }));
        }
        if self.discover_mode() {
            return CallToolResult::error(vec![ContentBlock::text(format!(
                "Toolset {id} is not loaded, and in discover mode the searchable tools are fixed \
                 by the configuration: every configured tool is already reachable through \
                 zscaler_search_tools, and tools/list does not change. Ask the operator to load \
                 it at startup: --toolsets {id} (env ZSCALER_MCP_TOOLSETS)."
            ))]);
        }
        let modern = self
            .protocol_version(ctx)
            .is_some_and(|v| v.as_str() >= ProtocolVersion::V_2026_07_28.as_str());
        if modern || !self.has_session(ctx) {
            let why = if modern {
                "Under MCP 2026-07-28 this server's tool list does not change at run time"
            } else {
                "This connection has no session (stateless HTTP), so its tool list cannot change"
            };
            return CallToolResult::error(vec![ContentBlock::text(format!(
                "{why}: nothing was enabled. To reach toolset {id}'s tools, ask the operator to \
                 load it at startup: --toolsets {id} (env ZSCALER_MCP_TOOLSETS), or to serve \
                 with --tool-mode discover (env ZSCALER_MCP_TOOL_MODE=discover), where every \
                 configured tool is found with zscaler_search_tools and run with \
                 zscaler_call_tool."
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
                .map(|t| t.id)
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
        // Only sessions before 2026-07-28 get here: the notification goes on their stream (and
        // to any subscriptions/listen stream of the session).
        if let Err(e) = ctx.peer.notify_tool_list_changed().await {
            tracing::debug!("tools/list_changed not delivered: {e}");
        }
        self.session.tool_list_changed();
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
