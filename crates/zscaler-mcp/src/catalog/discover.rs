//! The discovery tools of `--tool-mode discover`: in that mode `tools/list` shows them and the
//! meta tools only, and every selected tool is found, described and run through them
//! (`server/discover.rs`). They are not in [`super::all_tools`]: in `static` mode they do not
//! exist.

use super::meta::{MetaTool, meta};
use super::{Param, ToolDeclaration};

pub const SEARCH_TOOLS: &str = "zscaler_search_tools";
pub const DESCRIBE_TOOLS: &str = "zscaler_describe_tools";
pub const CALL_TOOL: &str = "zscaler_call_tool";

/// Most names one `zscaler_describe_tools` call takes.
pub const MAX_DESCRIBED: usize = 20;

/// The service codes, for the `service` filter.
const SERVICE_CODES: &[&str] = &[
    "zcc", "zcell", "zdx", "zeasm", "zia", "zid", "zins", "zms", "zpa", "ztw",
];

const SEARCH_PARAMS: &[Param] = &[
    Param::string(
        "query",
        "The task in words, e.g. 'block a URL category' or 'ZPA connectors down'.",
    ),
    Param::string("service", "Only tools of this service.").one_of(SERVICE_CODES),
    Param::string("action", "Only tools that do this.")
        .one_of(&["read", "create", "update", "delete"]),
    Param::integer("limit", "Most tools answered.")
        .range(1, 50)
        .default(super::Lit::Int(10)),
];

const DESCRIBE_PARAMS: &[Param] = &[Param::strings(
    "names",
    "Tool names (1 to 20), as zscaler_search_tools answers them.",
)
.required()];

const CALL_PARAMS: &[Param] = &[
    Param::string("name", "The tool to run.").required(),
    Param::object(
        "arguments",
        "The tool's arguments, as its schema says (zscaler_describe_tools).",
    ),
];

pub static TOOLS: [ToolDeclaration; 3] = [
    meta(
        SEARCH_TOOLS,
        "Search tools",
        "Find the Zscaler tools for a task, best first, with their required arguments. Give a \
         query, a service or an action.",
        SEARCH_PARAMS,
        MetaTool::SearchTools,
    ),
    meta(
        DESCRIBE_TOOLS,
        "Describe tools",
        "Full input schemas and annotations of tools, by name; read them before \
         zscaler_call_tool.",
        DESCRIBE_PARAMS,
        MetaTool::DescribeTools,
    ),
    meta(
        CALL_TOOL,
        "Call a tool",
        "Run a tool by name with its arguments and answer its own result (write gate and \
         delete confirmation apply as to a direct call).",
        CALL_PARAMS,
        MetaTool::CallTool,
    ),
];

/// The discovery tool of this name.
pub fn find(name: &str) -> Option<&'static ToolDeclaration> {
    TOOLS.iter().find(|t| t.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Service;

    #[test]
    fn the_service_filter_names_every_service_and_no_tool_collides_with_the_catalog() {
        assert_eq!(SERVICE_CODES, Service::ALL.map(Service::code));
        for tool in &TOOLS {
            assert!(
                super::super::all_tools().all(|t| t.name != tool.name),
                "{} is also a catalog tool",
                tool.name
            );
        }
    }
}
