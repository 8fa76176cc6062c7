//! `zscaler-mcp aws export-tool-schema`: the AgentCore Gateway's tool schema for an `mcpServer`
//! target in SchemaUpfront mode (spec 004: `GATEWAY_TOOL_SCHEMA_FILE`).
//!
//! The Gateway expects the tool list "aligned with the MCP specification": a JSON array of the
//! `Tool` objects the runtime's `tools/list` answers (`name`, `title`, `description`,
//! `inputSchema`, `annotations`). It is generated from the catalog for the configured selection
//! exactly as the server builds its `tools/list` (the same filters, write gate and tool mode),
//! before the OneAPI entitlement filter, which needs the tenant.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::config::{Config, ToolMode};
use crate::policy::selection;
use crate::server::state::Exposed;

/// The tools the runtime's `tools/list` shows for `config`, as a JSON array.
pub fn tool_schema(config: &Config) -> Value {
    let view = Exposed::new(selection::resolve(config));
    let tools = if config.selection.tool_mode == ToolMode::Discover {
        view.discovery().listed.as_ref().clone()
    } else {
        view.tools.as_ref().clone()
    };
    serde_json::to_value(tools).unwrap_or_else(|_| Value::Array(Vec::new()))
}

/// Checks a tool schema file's shape: a non-empty JSON array of MCP tools, each with a unique
/// non-empty `name` (letters, digits, `_`, `-`; at most 64), a `description` and an object
/// `inputSchema` of `"type": "object"`. Returns the number of tools.
pub fn validate(text: &str) -> Result<usize, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("it is not JSON ({e})"))?;
    let Some(tools) = value.as_array() else {
        return Err("it is not a JSON array of MCP tools (the tools/list 'tools' array)".into());
    };
    if tools.is_empty() {
        return Err("it lists no tool".into());
    }
    let mut names = BTreeSet::new();
    for (i, tool) in tools.iter().enumerate() {
        let name = tool
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("tool #{} has no string 'name'", i + 1))?;
        let valid = !name.is_empty()
            && name.len() <= 64
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !valid {
            return Err(format!(
                "tool #{} has the name '{}', expected 1 to 64 letters, digits, '_' or '-'",
                i + 1,
                name.chars().take(80).collect::<String>()
            ));
        }
        if !names.insert(name) {
            return Err(format!("the tool '{name}' is listed twice"));
        }
        if !tool.get("description").is_some_and(Value::is_string) {
            return Err(format!("the tool '{name}' has no string 'description'"));
        }
        let schema = tool
            .get("inputSchema")
            .and_then(Value::as_object)
            .ok_or_else(|| format!("the tool '{name}' has no object 'inputSchema'"))?;
        if schema.get("type").and_then(Value::as_str) != Some("object") {
            return Err(format!(
                "the tool '{name}' has an inputSchema whose type is not \"object\""
            ));
        }
    }
    Ok(tools.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_is_checked() {
        let ok = r#"[{"name":"a_b","description":"d","inputSchema":{"type":"object"}}]"#;
        assert_eq!(validate(ok), Ok(1));
        for (text, why) in [
            ("{}", "not a JSON array"),
            ("[]", "no tool"),
            ("nope", "not JSON"),
            (
                r#"[{"description":"d","inputSchema":{"type":"object"}}]"#,
                "no string 'name'",
            ),
            (
                r#"[{"name":"a b","description":"d","inputSchema":{"type":"object"}}]"#,
                "expected 1 to 64",
            ),
            (
                r#"[{"name":"a","inputSchema":{"type":"object"}}]"#,
                "no string 'description'",
            ),
            (
                r#"[{"name":"a","description":"d"}]"#,
                "no object 'inputSchema'",
            ),
            (
                r#"[{"name":"a","description":"d","inputSchema":{"type":"array"}}]"#,
                "not \"object\"",
            ),
            (
                r#"[{"name":"a","description":"d","inputSchema":{"type":"object"}},{"name":"a","description":"d","inputSchema":{"type":"object"}}]"#,
                "twice",
            ),
        ] {
            let err = validate(text).expect_err(text);
            assert!(err.contains(why), "{text}: {err}");
        }
    }
}
