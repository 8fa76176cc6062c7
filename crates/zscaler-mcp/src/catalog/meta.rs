//! The always-on meta toolset: tools about the server itself. They never call Zscaler.

use super::{Action, Handler, ToolDeclaration, toolsets::META_TOOLSET};

/// Which meta tool a declaration runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaTool {
    GetServerInfo,
}

pub static TOOLS: [ToolDeclaration; 1] = [ToolDeclaration {
    name: "zscaler_get_server_info",
    title: "Server information",
    description: "Describe this MCP server: version, transport, negotiated MCP protocol revision, \
                  enabled services and toolsets, write mode, and the resolved security posture. \
                  Calls no Zscaler API and returns no secrets.",
    service: None,
    toolset: META_TOOLSET,
    action: Action::Read,
    params: &[],
    handler: Handler::Meta(MetaTool::GetServerInfo),
    list: false,
    query: false,
    untrusted: false,
}];
