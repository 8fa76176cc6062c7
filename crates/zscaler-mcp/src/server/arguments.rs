//! Argument validation against a tool's declared parameters. A failure is a sentence naming the
//! field and the rule, returned to the agent as an `isError` result.

use rmcp::model::JsonObject;
use serde_json::Value;

use crate::catalog::{ParamType, ToolDeclaration};

pub fn validate(tool: &ToolDeclaration, args: Option<&JsonObject>) -> Result<(), String> {
    let empty = JsonObject::new();
    let args = args.unwrap_or(&empty);
    for name in args.keys() {
        if !tool.params.iter().any(|p| p.name == name) {
            let accepted: Vec<&str> = tool.params.iter().map(|p| p.name).collect();
            return Err(if accepted.is_empty() {
                format!(
                    "Invalid argument '{name}': {} takes no arguments.",
                    tool.name
                )
            } else {
                format!(
                    "Invalid argument '{name}': {} accepts only {}.",
                    tool.name,
                    accepted.join(", ")
                )
            });
        }
    }
    for param in tool.params {
        match args.get(param.name) {
            None | Some(Value::Null) if param.required => {
                return Err(format!(
                    "Missing argument '{}': it is required.",
                    param.name
                ));
            }
            None | Some(Value::Null) => {}
            Some(value) => {
                let ok = match param.ty {
                    ParamType::String => value.is_string(),
                    ParamType::Integer => value.is_i64() || value.is_u64(),
                    ParamType::Boolean => value.is_boolean(),
                    ParamType::Object => value.is_object(),
                    ParamType::StringArray => value
                        .as_array()
                        .is_some_and(|a| a.iter().all(Value::is_string)),
                };
                if !ok {
                    let expected = match param.ty {
                        ParamType::String => "a string",
                        ParamType::Integer => "an integer",
                        ParamType::Boolean => "a boolean",
                        ParamType::Object => "an object",
                        ParamType::StringArray => "an array of strings",
                    };
                    return Err(format!(
                        "Invalid argument '{}': must be {expected}.",
                        param.name
                    ));
                }
            }
        }
    }
    Ok(())
}
