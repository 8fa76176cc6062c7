//! The advertised input schema of a declaration: every parameter with its description and
//! constraints. Optional parameters are plain types (absent or `null` both mean "not given"),
//! which keeps the list an agent reads short; unknown arguments are refused at call time with
//! the accepted names.

use rmcp::model::JsonObject;
use serde_json::{Map, Value, json};

use super::{ParamType, ToolDeclaration};

/// Name of the JMESPath parameter every queryable tool takes.
pub const QUERY_PARAM: &str = "query";

/// Description of the JMESPath parameter.
pub const QUERY_DESCRIPTION: &str = "JMESPath applied to the result (API field names).";

/// The argument of delete tools that carries the confirmation token (named as in the
/// reference); read by `policy::confirmation`, never sent to Zscaler.
pub const CONFIRM_PARAM: &str = "kwargs";

/// Description of [`CONFIRM_PARAM`].
pub const CONFIRM_DESCRIPTION: &str = "Leave out on the first call. Only after the user \
    explicitly approved the deletion: {\"confirmation_token\": \"<token>\"} with the token \
    from the first call's answer.";

fn type_schema(ty: ParamType) -> Value {
    match ty {
        ParamType::String => json!({"type": "string"}),
        ParamType::Integer => json!({"type": "integer"}),
        ParamType::Number => json!({"type": "number"}),
        ParamType::Boolean => json!({"type": "boolean"}),
        ParamType::Object => json!({"type": "object"}),
        ParamType::StringArray => json!({"type": "array", "items": {"type": "string"}}),
        ParamType::ObjectArray => json!({"type": "array", "items": {"type": "object"}}),
        ParamType::StringArrays => {
            json!({"type": "array", "items": {"type": "array", "items": {"type": "string"}}})
        }
        ParamType::Any => json!({}),
    }
}

pub fn input_schema(tool: &ToolDeclaration) -> JsonObject {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for p in tool.params {
        let mut schema = type_schema(p.ty);
        schema["description"] = Value::String(p.description.to_string());
        if !p.one_of.is_empty() {
            schema["enum"] = json!(p.one_of);
        }
        if let Some(min) = p.min {
            schema["minimum"] = min.into();
        }
        if let Some(max) = p.max {
            schema["maximum"] = max.into();
        }
        if let Some(default) = p.default {
            schema["default"] = default.to_json();
        }
        properties.insert(p.name.to_string(), schema);
        if p.required {
            required.push(Value::String(p.name.to_string()));
        }
    }
    if tool.query {
        properties.insert(
            QUERY_PARAM.to_string(),
            json!({"type": "string", "description": QUERY_DESCRIPTION}),
        );
    }
    if tool.action == super::Action::Delete {
        properties.insert(
            CONFIRM_PARAM.to_string(),
            json!({"type": ["object", "string"], "description": CONFIRM_DESCRIPTION}),
        );
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    // No `additionalProperties: false`: unknown arguments are refused by name at call time
    // anyway, and the keyword would cost every tool of the list its tokens.
    schema
}
