//! Argument validation against a tool's declared parameters. A failure is a sentence naming the
//! field and the rule, returned to the agent as an `isError` result; nothing is sent.

use rmcp::model::JsonObject;
use serde_json::{Map, Value};

use crate::catalog::schema::{self, CONFIRM_PARAM, CURSOR_PARAM, QUERY_PARAM};
use crate::catalog::{Action, Param, ParamType, ToolDeclaration};

fn expected(ty: ParamType) -> &'static str {
    match ty {
        ParamType::String => "a string",
        ParamType::Integer => "an integer",
        ParamType::Number => "a number",
        ParamType::Boolean => "a boolean (true or false)",
        ParamType::Object => "an object",
        ParamType::StringArray => "an array of strings",
        ParamType::ObjectArray => "an array of objects",
        ParamType::StringArrays => "an array of arrays of strings",
        ParamType::IntegerArray => "an array of integers",
        ParamType::Any => "any JSON value",
    }
}

fn type_ok(ty: ParamType, value: &Value) -> bool {
    match ty {
        ParamType::String => value.is_string(),
        ParamType::Integer => value.is_i64() || value.is_u64(),
        ParamType::Number => value.is_number(),
        ParamType::Boolean => value.is_boolean(),
        ParamType::Object => value.is_object(),
        ParamType::StringArray => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        ParamType::ObjectArray => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_object)),
        ParamType::IntegerArray => value
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x.is_i64() || x.is_u64())),
        ParamType::StringArrays => value.as_array().is_some_and(|a| {
            a.iter()
                .all(|x| x.as_array().is_some_and(|b| b.iter().all(Value::is_string)))
        }),
        ParamType::Any => true,
    }
}

fn check(param: &Param, value: &Value) -> Result<(), String> {
    let name = param.name;
    if !type_ok(param.ty, value) {
        return Err(format!(
            "Invalid argument '{name}': must be {}.",
            expected(param.ty)
        ));
    }
    if !param.one_of.is_empty() {
        let ok = value.as_str().is_some_and(|s| param.one_of.contains(&s));
        if !ok {
            return Err(format!(
                "Invalid argument '{name}': must be one of {}.",
                param.one_of.join(", ")
            ));
        }
    }
    if let Some(n) = value.as_f64() {
        if let Some(min) = param.min
            && n < min as f64
        {
            return Err(match param.max {
                Some(max) => format!("Invalid argument '{name}': must be between {min} and {max}."),
                None => format!("Invalid argument '{name}': must be at least {min}."),
            });
        }
        if let Some(max) = param.max
            && n > max as f64
        {
            return Err(match param.min {
                Some(min) => format!("Invalid argument '{name}': must be between {min} and {max}."),
                None => format!("Invalid argument '{name}': must be at most {max}."),
            });
        }
    }
    if param.required && value.as_str().is_some_and(|s| s.trim().is_empty()) {
        return Err(format!("Invalid argument '{name}': must not be empty."));
    }
    Ok(())
}

/// Agents often send numeric ids as JSON numbers: an integer given for a string id parameter
/// (`id`, `*_id`, `*_ids`) is taken as its decimal text.
fn id_as_text(param: &Param, value: &Value) -> Value {
    let id_like = param.name == "id" || param.name.ends_with("_id") || param.name.ends_with("_ids");
    let text = |v: &Value| match v {
        Value::Number(n) if n.is_i64() || n.is_u64() => Value::String(n.to_string()),
        other => other.clone(),
    };
    match (param.ty, value) {
        (ParamType::String, Value::Number(_)) if id_like => text(value),
        (ParamType::StringArray, Value::Array(items)) if id_like => {
            Value::Array(items.iter().map(text).collect())
        }
        _ => value.clone(),
    }
}

/// Open-ended JSON parameters are advertised as JSON text (`catalog::schema`): a string given
/// for one is parsed. The JSON value itself is accepted too. For a parameter of any type, a
/// string that is not a JSON object or list stays a string.
fn json_text(param: &Param, value: Value) -> Result<Value, String> {
    let Value::String(text) = &value else {
        return Ok(value);
    };
    if !schema::is_json_text(param.ty) {
        return Ok(value);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(parsed @ (Value::Object(_) | Value::Array(_))) => Ok(parsed),
        _ if param.ty == ParamType::Any => Ok(value),
        Ok(_) | Err(_) => Err(format!(
            "Invalid argument '{}': must be {} (or its JSON text).",
            param.name,
            expected(param.ty)
        )),
    }
}

/// Validates `args` and returns them with declared defaults applied and nulls removed. A delete
/// tool's confirmation argument (`kwargs`) is accepted but not returned: the confirmation step
/// reads it from the request (see `policy::confirmation`).
pub fn validate(
    tool: &ToolDeclaration,
    args: Option<&JsonObject>,
) -> Result<Map<String, Value>, String> {
    let empty = JsonObject::new();
    let args = args.unwrap_or(&empty);
    for name in args.keys() {
        let delete = tool.action == Action::Delete;
        let known = tool.params.iter().any(|p| p.name == name)
            || (tool.query && name == QUERY_PARAM)
            || (tool.continues() && name == CURSOR_PARAM)
            || (delete && name == CONFIRM_PARAM);
        if !known {
            let mut accepted: Vec<&str> = tool.params.iter().map(|p| p.name).collect();
            if tool.query {
                accepted.push(QUERY_PARAM);
            }
            if tool.continues() {
                accepted.push(CURSOR_PARAM);
            }
            if delete {
                accepted.push(CONFIRM_PARAM);
            }
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
    let mut out = Map::new();
    for param in tool.params {
        match args.get(param.name) {
            None | Some(Value::Null) if param.required => {
                return Err(format!(
                    "Missing argument '{}': it is required.",
                    param.name
                ));
            }
            None | Some(Value::Null) => {
                if let Some(default) = param.default.filter(|_| param.fills_default) {
                    out.insert(param.name.to_string(), default.to_json());
                }
            }
            Some(value) => {
                let value = json_text(param, id_as_text(param, value))?;
                check(param, &value)?;
                out.insert(param.name.to_string(), value);
            }
        }
    }
    if tool.continues() {
        match args.get(CURSOR_PARAM) {
            None | Some(Value::Null) => {}
            Some(Value::String(c)) if c.trim().is_empty() => {}
            Some(Value::String(c)) => {
                out.insert(CURSOR_PARAM.to_string(), Value::String(c.clone()));
            }
            Some(_) => {
                return Err(format!(
                    "Invalid argument '{CURSOR_PARAM}': must be a string (the next.{CURSOR_PARAM} \
                     token of an earlier answer)."
                ));
            }
        }
    }
    if tool.query {
        match args.get(QUERY_PARAM) {
            None | Some(Value::Null) => {}
            Some(Value::String(q)) if q.trim().is_empty() => {}
            Some(Value::String(q)) => {
                // A bad expression is refused before anything is sent.
                if let Err(e) = jmespath::compile(q) {
                    return Err(format!(
                        "Invalid argument '{QUERY_PARAM}': not a valid JMESPath expression: {e}"
                    ));
                }
                out.insert(QUERY_PARAM.to_string(), Value::String(q.clone()));
            }
            Some(_) => {
                return Err(format!(
                    "Invalid argument '{QUERY_PARAM}': must be a string (a JMESPath expression)."
                ));
            }
        }
    }
    Ok(out)
}
