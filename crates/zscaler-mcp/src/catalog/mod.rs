//! The tool catalog: one declaration per tool, grouped by toolset. Tools are data; the
//! [`crate::server`] dispatch looks a declaration up and runs its handler.

pub mod meta;
pub mod selection;
pub mod services;
pub mod toolsets;

use std::sync::Arc;

use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde_json::{Map, Value, json};

use self::services::Service;

/// What a tool does to the tenant; drives annotations and the write gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
    pub fn is_write(self) -> bool {
        self != Action::Read
    }
}

/// JSON type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Integer,
    Boolean,
    Object,
    StringArray,
}

/// One described parameter of a tool.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub ty: ParamType,
    pub description: &'static str,
    pub required: bool,
}

/// How a tool is executed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    /// A server-introspection tool answered without calling Zscaler.
    Meta(meta::MetaTool),
}

/// One tool, as declared.
#[derive(Debug, Clone, Copy)]
pub struct ToolDeclaration {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// `None` for the always-on meta tools.
    pub service: Option<Service>,
    pub toolset: &'static str,
    pub action: Action,
    pub params: &'static [Param],
    pub handler: Handler,
}

impl ToolDeclaration {
    pub fn input_schema(&self) -> JsonObject {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for p in self.params {
            let ty = match p.ty {
                ParamType::String => json!({"type": "string"}),
                ParamType::Integer => json!({"type": "integer"}),
                ParamType::Boolean => json!({"type": "boolean"}),
                ParamType::Object => json!({"type": "object"}),
                ParamType::StringArray => json!({"type": "array", "items": {"type": "string"}}),
            };
            let mut schema = ty;
            schema["description"] = Value::String(p.description.to_string());
            properties.insert(p.name.to_string(), schema);
            if p.required {
                required.push(Value::String(p.name.to_string()));
            }
        }
        let mut schema = Map::new();
        schema.insert("type".into(), json!("object"));
        schema.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        schema.insert("additionalProperties".into(), json!(false));
        schema
    }

    /// The MCP tool as advertised in `tools/list`.
    pub fn to_mcp_tool(&self) -> Tool {
        let mut annotations = ToolAnnotations::new();
        annotations.title = Some(self.title.to_string());
        annotations.read_only_hint = Some(!self.action.is_write());
        annotations.destructive_hint = Some(matches!(self.action, Action::Update | Action::Delete));
        annotations.idempotent_hint = Some(self.action != Action::Create);
        // Meta tools never leave the process; Zscaler tools reach the tenant's API.
        annotations.open_world_hint = Some(self.service.is_some());
        let mut tool = Tool::new(self.name, self.description, Arc::new(self.input_schema()));
        tool.title = Some(self.title.to_string());
        tool.annotations = Some(annotations);
        tool
    }
}

/// Every declared tool.
pub fn all_tools() -> Vec<&'static ToolDeclaration> {
    meta::TOOLS.iter().collect()
}
