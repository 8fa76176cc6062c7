//! The always-on meta toolset: tools about the server itself. They never call Zscaler.

use super::{Action, Handler, Param, ToolDeclaration, toolsets::META_TOOLSET};

/// Which meta tool a declaration runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaTool {
    GetServerInfo,
    ListToolsets,
    GetToolsetTools,
    EnableToolset,
    /// The discovery tools of `--tool-mode discover` ([`super::discover`]).
    SearchTools,
    DescribeTools,
    CallTool,
}

pub(super) const fn meta(
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
        staged_note: true,
        rules: &[],
    }
}

const TOOLSET_PARAM: &[Param] =
    &[Param::string("toolset", "Toolset id (zscaler_list_toolsets).").required()];

pub static TOOLS: [ToolDeclaration; 4] = [
    meta(
        "zscaler_get_server_info",
        "Server information",
        "This server's version, transport, protocol, services, toolsets, write mode and \
         security posture; no secrets.",
        &[],
        MetaTool::GetServerInfo,
    ),
    meta(
        "zscaler_list_toolsets",
        "List toolsets",
        "Every toolset: service, tool count, loaded or not, and what blocks it.",
        &[],
        MetaTool::ListToolsets,
    ),
    meta(
        "zscaler_get_toolset_tools",
        "Toolset tools",
        "A toolset's tools and whether each is exposed here.",
        TOOLSET_PARAM,
        MetaTool::GetToolsetTools,
    ),
    meta(
        "zscaler_enable_toolset",
        "Enable toolset",
        "Add a toolset's tools to this session's tool list (writes only if allowlisted).",
        TOOLSET_PARAM,
        MetaTool::EnableToolset,
    ),
];
