//! The always-on meta toolset: tools about the server itself. They never call Zscaler.

use super::{Action, Handler, Param, ToolDeclaration, toolsets::META_TOOLSET};

/// Which meta tool a declaration runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaTool {
    GetServerInfo,
    ListToolsets,
    GetToolsetTools,
    EnableToolset,
}

const fn meta(
    name: &'static str,
    title: &'static str,
    description: &'static str,
    params: &'static [Param],
    tool: MetaTool,
) -> ToolDeclaration {
    ToolDeclaration {
        name,
        title,
        description,
        service: None,
        toolset: META_TOOLSET,
        action: Action::Read,
        params,
        handler: Handler::Meta(tool),
        list: false,
        query: false,
        untrusted: false,
    }
}

const TOOLSET_PARAM: &[Param] = &[Param::string(
    "toolset",
    "Toolset id, e.g. zia_url_filtering (zscaler_list_toolsets).",
)
.required()];

pub static TOOLS: [ToolDeclaration; 4] = [
    meta(
        "zscaler_get_server_info",
        "Server information",
        "Describe this MCP server: version, transport, protocol revision, enabled services and \
         toolsets, write mode and security posture. Calls no Zscaler API; returns no secrets.",
        &[],
        MetaTool::GetServerInfo,
    ),
    meta(
        "zscaler_list_toolsets",
        "List toolsets",
        "List every toolset with its service, tool count, whether it is loaded, and why not \
         when it cannot be.",
        &[],
        MetaTool::ListToolsets,
    ),
    meta(
        "zscaler_get_toolset_tools",
        "Toolset tools",
        "List a toolset's tools (name, title, action) and whether each is exposed here.",
        TOOLSET_PARAM,
        MetaTool::GetToolsetTools,
    ),
    meta(
        "zscaler_enable_toolset",
        "Enable toolset",
        "Load a toolset's tools into this session's tool list (read tools, and write tools the \
         operator allowlisted); the client is notified that the list changed.",
        TOOLSET_PARAM,
        MetaTool::EnableToolset,
    ),
];
