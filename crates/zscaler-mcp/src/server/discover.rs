//! The `discover` tool mode (`--tool-mode discover`): `tools/list` is the three discovery tools
//! and the four meta tools, the same for every connection and caller, and every tool of the
//! configured selection is reached through them:
//!
//! - `zscaler_search_tools` ranks the tools this caller may use ([`crate::catalog::search`]
//!   over the view, narrowed per caller by the same entitlement filter as `tools/list` and
//!   prompts: [`super::handler::Visible`]);
//! - `zscaler_describe_tools` answers the exact `Tool` objects static mode would list;
//! - `zscaler_call_tool` runs a tool through the same pipeline as a direct `tools/call`
//!   ([`ZscalerMcp::call`]).
//!
//! A tool the configuration excludes (selection, write gate) or this caller is not entitled to
//! is never found; describing or calling it answers `isError` naming it and why.

use std::sync::Arc;

use rmcp::RoleServer;
use rmcp::model::{CallToolRequestParams, CallToolResult, ContentBlock, Tool};
use rmcp::service::RequestContext;
use serde_json::{Map, Value, json};

use super::handler::{Visible, ZscalerMcp};
use super::state::Exposed;
use crate::catalog::discover::{self, CALL_TOOL, DESCRIBE_TOOLS, MAX_DESCRIBED, SEARCH_TOOLS};
use crate::catalog::search::Index;
use crate::catalog::{Action, ToolDeclaration, all_tools};
use crate::executor::request::Args;
use crate::policy::selection;
use crate::service::Service;

/// Most tools one search answers when the caller gives no `limit`.
const DEFAULT_LIMIT: usize = 10;

/// What discover mode needs of one view, built once per view ([`Exposed::discovery`]).
pub(crate) struct Discovery {
    /// The view's service tools (the meta tools are listed, not searched).
    index: Index,
    /// The `tools/list` answer: the discovery tools, then the meta tools.
    pub(crate) listed: Arc<Vec<Tool>>,
}

impl Discovery {
    pub(crate) fn new(view: &Exposed) -> Discovery {
        let tools: Vec<&'static ToolDeclaration> = (view.resolved.tools.iter().copied())
            .filter(|t| t.service.is_some())
            .collect();
        let mut listed: Vec<Tool> = discover::TOOLS.iter().map(|t| t.to_mcp_tool()).collect();
        // zscaler_call_tool does what the tools it reaches do: its hints are theirs, combined.
        let writes = tools.iter().any(|t| t.action.is_write());
        if let Some(call) = listed.iter_mut().find(|t| t.name == CALL_TOOL)
            && let Some(hints) = call.annotations.as_mut()
        {
            hints.read_only_hint = Some(!writes);
            if writes {
                hints.destructive_hint = Some(
                    (tools.iter()).any(|t| matches!(t.action, Action::Update | Action::Delete)),
                );
                hints.idempotent_hint = Some(false);
            }
            hints.open_world_hint = Some(tools.iter().any(|t| t.untrusted));
        }
        listed.extend(
            (view.resolved.tools.iter())
                .zip(view.tools.iter())
                .filter(|(d, _)| d.service.is_none())
                .map(|(_, t)| t.clone()),
        );
        Discovery {
            index: Index::new(&tools),
            listed: Arc::new(listed),
        }
    }
}

/// The first sentence of a description.
fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    }
}

fn action_of(code: &str) -> Option<Action> {
    [Action::Read, Action::Create, Action::Update, Action::Delete]
        .into_iter()
        .find(|a| a.as_str() == code)
}

fn error(text: String) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(text)])
}

impl ZscalerMcp {
    /// The request `zscaler_call_tool` makes of its validated arguments: the named tool with
    /// its arguments; the call's `_meta`, `inputResponses` and `requestState` travel with it
    /// (a delete's confirmation is bound to the inner tool and its arguments).
    pub(crate) fn inner_request(
        &self,
        outer: &CallToolRequestParams,
        args: &Args,
    ) -> Result<CallToolRequestParams, String> {
        let name = args
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim();
        let arguments = match args.get("arguments") {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o.clone()),
            Some(_) => {
                return Err(
                    "Invalid argument 'arguments': must be an object (or its JSON text) \
                            of the tool's arguments."
                        .to_string(),
                );
            }
        };
        let mut inner = outer.clone();
        inner.name = name.to_string().into();
        inner.arguments = arguments;
        Ok(inner)
    }

    /// The tool `zscaler_call_tool` may run under this name: one of the view (the caller's
    /// entitlements are checked by the pipeline itself), or why not.
    pub(crate) fn reachable(
        &self,
        view: &Exposed,
        name: &str,
    ) -> Result<&'static ToolDeclaration, String> {
        if discover::find(name).is_some() {
            return Err(format!(
                "{name} is a discovery tool: call it directly, not through {CALL_TOOL}."
            ));
        }
        view.find(name).ok_or_else(|| self.unreachable(view, name))
    }

    /// Why a tool is not in this view, naming the setting that excludes it.
    fn unreachable(&self, view: &Exposed, name: &str) -> String {
        let Some(tool) = all_tools().find(|t| t.name == name) else {
            return format!(
                "There is no tool named {name}. Find tools with {SEARCH_TOOLS} (a task in words)."
            );
        };
        let config = &self.shared.config();
        let sel = &config.selection;
        let entitled = self.shared.entitled();
        let blocked = tool.service.and_then(|service| {
            selection::toolset_blocked(config, entitled.as_deref(), tool.toolset, service)
        });
        let reason = if sel.disabled_tools.iter().any(|p| p.matches(name)) {
            "it matches --disabled-tools (ZSCALER_MCP_DISABLED_TOOLS)".to_string()
        } else if (sel.tools.as_ref()).is_some_and(|only| !only.iter().any(|p| p.matches(name))) {
            "it is not in --tools (ZSCALER_MCP_TOOLS)".to_string()
        } else if let Some(why) = blocked {
            why
        } else if !view.resolved.toolsets.contains(&tool.toolset) {
            format!(
                "its toolset {} is not in --toolsets (ZSCALER_MCP_TOOLSETS)",
                tool.toolset
            )
        } else if tool.action.is_write() && !config.write.enabled {
            return format!(
                "{name} is a write tool and writes are not enabled: set \
                 ZSCALER_MCP_WRITE_ENABLED=true (--enable-write-tools) and allowlist it with \
                 ZSCALER_MCP_WRITE_TOOLS (--write-tools). It can be neither found nor called \
                 here; nothing was sent to Zscaler."
            );
        } else if tool.action.is_write() {
            return format!(
                "{name} is a write tool and is not in the write allowlist: add it to \
                 ZSCALER_MCP_WRITE_TOOLS (--write-tools). It can be neither found nor called \
                 here; nothing was sent to Zscaler."
            );
        } else {
            "it is not in this server's selection".to_string()
        };
        format!(
            "{name} is excluded by the server's configuration: {reason}. It can be neither \
             found nor called here; nothing was sent to Zscaler."
        )
    }

    /// Why this caller may not use a tool of the view (its own entitlements).
    fn not_entitled(tool: &ToolDeclaration) -> String {
        let service = tool.service.map(Service::code).unwrap_or_default();
        format!(
            "{} is not available to this caller: its OneAPI credentials are not entitled to {}.",
            tool.name,
            service.to_ascii_uppercase()
        )
    }

    /// `zscaler_search_tools`.
    pub(crate) fn search_tools(
        &self,
        args: &Args,
        ctx: &RequestContext<RoleServer>,
    ) -> CallToolResult {
        let query = args
            .get("query")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim();
        let service = (args.get("service").and_then(Value::as_str)).and_then(Service::from_code);
        let action = args
            .get("action")
            .and_then(Value::as_str)
            .and_then(action_of);
        let limit = (args.get("limit").and_then(Value::as_u64))
            .map(|n| n as usize)
            .unwrap_or(DEFAULT_LIMIT);
        if query.is_empty() && service.is_none() && action.is_none() {
            return error(format!(
                "{SEARCH_TOOLS} needs a query (the task in words), a service or an action."
            ));
        }
        let visible = self.visible(ctx);
        let view = &visible.view;
        let reachable: Vec<&'static ToolDeclaration> = (view.resolved.tools.iter().copied())
            .filter(|t| t.service.is_some() && visible.shows(t))
            .collect();
        let matches: Vec<&'static ToolDeclaration> = view
            .discovery()
            .index
            .search(query, service, action, view.resolved.tools.len().max(1))
            .into_iter()
            .map(|hit| hit.tool)
            .filter(|t| visible.shows(t))
            .collect();
        let rows: Vec<Value> = matches
            .iter()
            .take(limit)
            .map(|t| {
                let required: Vec<&str> = (t.params.iter())
                    .filter(|p| p.required)
                    .map(|p| p.name)
                    .collect();
                json!({
                    "name": t.name,
                    "title": t.title,
                    "description": first_sentence(t.description),
                    "action": t.action.as_str(),
                    "required": required,
                })
            })
            .collect();
        // Tools the query names that this caller cannot reach: not found, and said why.
        let excluded: Vec<String> = query
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.contains('_'))
            .filter_map(|w| all_tools().find(|t| t.name == w))
            .filter(|t| !reachable.iter().any(|r| r.name == t.name))
            .map(|t| match view.find(t.name) {
                Some(t) => Self::not_entitled(t),
                None => self.unreachable(view, t.name),
            })
            .collect();
        // Asked for a kind of write none of which is reachable: say how writes are enabled.
        let writes_off = action
            .filter(|a| a.is_write() && !reachable.iter().any(|t| t.action == *a))
            .map(|a| {
                format!(
                    "No {} tool is reachable here: write tools run only when the operator sets \
                     ZSCALER_MCP_WRITE_ENABLED=true and allowlists them in \
                     ZSCALER_MCP_WRITE_TOOLS.",
                    a.as_str()
                )
            });
        let hint = format!(
            "Read a tool's schema with {DESCRIBE_TOOLS} before running it with {CALL_TOOL}."
        );
        let mut text = format!(
            "{} of {} matching tools ({} reachable here), best first. {hint}",
            rows.len(),
            matches.len(),
            reachable.len()
        );
        if rows.is_empty() {
            text.push_str(" Nothing matched: try other words, or a service or action filter.");
        }
        for row in &rows {
            let required: Vec<&str> = (row["required"].as_array().into_iter().flatten())
                .filter_map(Value::as_str)
                .collect();
            text.push_str(&format!(
                "\n{} ({}): {}. {} Required: {}.",
                row["name"].as_str().unwrap_or_default(),
                row["action"].as_str().unwrap_or_default(),
                row["title"].as_str().unwrap_or_default(),
                row["description"].as_str().unwrap_or_default(),
                if required.is_empty() {
                    "none".to_string()
                } else {
                    required.join(", ")
                }
            ));
        }
        for why in excluded.iter().chain(&writes_off) {
            text.push('\n');
            text.push_str(why);
        }
        let mut structured = json!({
            "result": rows,
            "matches": matches.len(),
            "reachable": reachable.len(),
            "hint": hint,
        });
        if !excluded.is_empty() {
            structured["excluded"] = json!(excluded);
        }
        if let Some(note) = writes_off {
            structured["note"] = json!(note);
        }
        let mut result = CallToolResult::structured(structured);
        result.content = vec![ContentBlock::text(text)];
        result
    }

    /// `zscaler_describe_tools`.
    pub(crate) fn describe_tools(
        &self,
        args: &Args,
        ctx: &RequestContext<RoleServer>,
    ) -> CallToolResult {
        let mut names: Vec<&str> = (args.get("names").and_then(Value::as_array))
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::trim)
            .collect();
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| seen.insert(*n));
        if names.is_empty() || names.len() > MAX_DESCRIBED {
            return error(format!(
                "Invalid argument 'names': give 1 to {MAX_DESCRIBED} tool names ({} given).",
                names.len()
            ));
        }
        let visible: Visible = self.visible(ctx);
        let view = &visible.view;
        let listed = &view.discovery().listed;
        let mut described: Vec<Value> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        for name in names {
            let tool = match (listed.iter().find(|t| t.name == name), view.find(name)) {
                (Some(tool), _) => Ok(tool),
                (None, Some(decl)) if !visible.shows(decl) => Err(if visible.writes {
                    Self::not_entitled(decl)
                } else {
                    format!(
                        "{} is a write tool, and this caller's token lacks the scope write tools \
                         need (ZSCALER_MCP_WRITE_SCOPE).",
                        decl.name
                    )
                }),
                (None, Some(_)) => view.tool(name).ok_or_else(|| self.unreachable(view, name)),
                (None, None) => Err(self.unreachable(view, name)),
            };
            match tool.map(serde_json::to_value) {
                Ok(Ok(tool)) => described.push(tool),
                Ok(Err(e)) => problems.push(format!("{name}: cannot be described ({e}).")),
                Err(why) => problems.push(why),
            }
        }
        let tools = Value::Array(described);
        let mut text = problems.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&tools.to_string());
        let mut structured = Map::new();
        structured.insert("tools".into(), tools);
        if !problems.is_empty() {
            structured.insert("unavailable".into(), json!(problems));
        }
        let mut result = if problems.is_empty() {
            CallToolResult::structured(Value::Object(structured))
        } else {
            CallToolResult::structured_error(Value::Object(structured))
        };
        result.content = vec![ContentBlock::text(text)];
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_the_first_sentence() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("Only one."), "Only one.");
        assert_eq!(first_sentence("v1.2 is kept. Then"), "v1.2 is kept.");
        assert_eq!(action_of("delete"), Some(Action::Delete));
        assert_eq!(action_of("write"), None);
    }
}
