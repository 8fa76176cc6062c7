//! The advertised input schema of a declaration: every parameter with its description and
//! constraints, in the shape agent frameworks convert without loss (OpenAI strict function
//! calling, Gemini function declarations): every node typed, every object closed, optional
//! parameters nullable (`null` means "not given"), open-ended JSON parameters as JSON text.
//! Unknown arguments are refused at call time with the accepted names.

use rmcp::model::JsonObject;
use serde_json::{Map, Value, json};

use super::{ParamType, ToolDeclaration};

/// Name of the JMESPath parameter every queryable tool takes.
pub const QUERY_PARAM: &str = "query";

/// Description of the JMESPath parameter.
pub const QUERY_DESCRIPTION: &str = "JMESPath over the result.";

/// The argument of delete tools that carries the confirmation token (named as in the
/// reference); read by `policy::confirmation`, never sent to Zscaler.
pub const CONFIRM_PARAM: &str = "kwargs";

/// The argument of tools whose lists may stop at the caps: the opaque continuation token an
/// earlier answer gave (`next.cursor`).
pub const CURSOR_PARAM: &str = "cursor";

/// Description of [`CURSOR_PARAM`].
pub const CURSOR_DESCRIPTION: &str = "next.cursor of an earlier answer; same other arguments.";

/// Description of [`CONFIRM_PARAM`].
pub const CONFIRM_DESCRIPTION: &str = "Leave out on the first call. Only after the user \
    explicitly approved the deletion: {\"confirmation_token\": \"<token>\"} with the token \
    from the first call's answer.";

/// Parameters whose values are open-ended JSON (an object of API fields, a list of objects, any
/// value) are advertised as JSON text: every node of the schema stays typed and every object
/// closed, which OpenAI strict function calling and Gemini declarations need. The same value
/// is also accepted as JSON at call time (`executor::arguments`).
pub const fn is_json_text(ty: ParamType) -> bool {
    matches!(
        ty,
        ParamType::Object | ParamType::ObjectArray | ParamType::Any
    )
}

/// What a JSON-text parameter holds, said after its description.
fn json_text_note(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Object => " JSON object, as JSON text.",
        ParamType::ObjectArray => " JSON array of objects, as JSON text.",
        _ => " JSON value, as JSON text.",
    }
}

/// The schema of one parameter's type; an optional parameter also accepts `null` (strict
/// function calling makes every parameter required, so "not given" arrives as `null`).
fn type_schema(ty: ParamType, nullable: bool) -> Value {
    let (ty_name, items) = match ty {
        ParamType::String => ("string", None),
        ParamType::Integer => ("integer", None),
        ParamType::Number => ("number", None),
        ParamType::Boolean => ("boolean", None),
        ParamType::Object | ParamType::ObjectArray | ParamType::Any => ("string", None),
        ParamType::StringArray => ("array", Some(json!({"type": "string"}))),
        ParamType::IntegerArray => ("array", Some(json!({"type": "integer"}))),
        ParamType::StringArrays => (
            "array",
            Some(json!({"type": "array", "items": {"type": "string"}})),
        ),
    };
    let mut schema = if nullable {
        json!({"type": [ty_name, "null"]})
    } else {
        json!({"type": ty_name})
    };
    if let Some(items) = items {
        schema["items"] = items;
    }
    schema
}

/// The confirmation argument of delete tools: a closed object with its one field.
fn confirm_schema() -> Value {
    json!({
        "type": ["object", "null"],
        "description": CONFIRM_DESCRIPTION,
        "properties": {"confirmation_token": {"type": ["string", "null"]}},
        "required": ["confirmation_token"],
        "additionalProperties": false,
    })
}

pub fn input_schema(tool: &ToolDeclaration) -> JsonObject {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for p in tool.params {
        let nullable = !p.required;
        let mut schema = type_schema(p.ty, nullable);
        schema["description"] = Value::String(if is_json_text(p.ty) {
            format!("{}{}", p.description, json_text_note(p.ty))
        } else {
            p.description.to_string()
        });
        if p.ty == ParamType::StringArray && !p.one_of.is_empty() {
            // A string list's fixed set is the set of each item.
            schema["items"]["enum"] = json!(p.one_of);
        } else if !p.one_of.is_empty() {
            let mut values = json!(p.one_of);
            if nullable && let Value::Array(v) = &mut values {
                v.push(Value::Null);
            }
            schema["enum"] = values;
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
            json!({"type": ["string", "null"], "description": QUERY_DESCRIPTION}),
        );
    }
    if tool.continues() {
        properties.insert(
            CURSOR_PARAM.to_string(),
            json!({"type": ["string", "null"], "description": CURSOR_DESCRIPTION}),
        );
    }
    if tool.action == super::Action::Delete {
        properties.insert(CONFIRM_PARAM.to_string(), confirm_schema());
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    // Closed: unknown arguments are refused by name at call time, and strict function calling
    // (OpenAI) needs every object closed.
    schema.insert("additionalProperties".into(), json!(false));
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Param;
    use crate::catalog::toolsets::ZCC_DEVICES;

    #[test]
    fn a_fixed_set_is_advertised_on_the_value_or_on_each_item_of_a_list() {
        static TOOL: ToolDeclaration = ZCC_DEVICES
            .list("test_enums", "Test", "A tool for the enum test.")
            .params(&[
                Param::string("kind", "Kind.").one_of(&["a", "b"]),
                Param::string("mode", "Mode.").required().one_of(&["x"]),
                Param::strings("days", "Days.").one_of(&["MON", "TUE"]),
            ]);
        let schema = input_schema(&TOOL);
        let props = &schema["properties"];
        assert_eq!(props["kind"]["enum"], json!(["a", "b", null]));
        assert_eq!(props["mode"]["enum"], json!(["x"]));
        assert_eq!(props["days"].get("enum"), None);
        assert_eq!(
            props["days"]["items"],
            json!({"type": "string", "enum": ["MON", "TUE"]})
        );
    }
}
