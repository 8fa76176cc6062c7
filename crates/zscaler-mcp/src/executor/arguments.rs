//! Argument validation against a tool's declared parameters. A failure is a sentence naming the
//! field and the rule, returned to the agent as an `isError` result; nothing is sent.

use rmcp::model::JsonObject;
use serde_json::{Map, Value};

use crate::catalog::schema::{self, CONFIRM_PARAM, CURSOR_PARAM, QUERY_PARAM};
use crate::catalog::{Action, Param, ParamType, Rule, ToolDeclaration};

use super::request::holds;

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
        // A string list's fixed set applies to each of its items.
        let allowed = |v: &Value| v.as_str().is_some_and(|s| param.one_of.contains(&s));
        let (ok, subject) = match value {
            Value::Array(items) => (items.iter().all(allowed), "each item "),
            _ => (allowed(value), ""),
        };
        if !ok {
            return Err(format!(
                "Invalid argument '{name}': {subject}must be one of {}.",
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

/// `names` as `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`.
fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Checks the declared rules between arguments ([`Rule`]) on the validated arguments (defaults
/// applied, nulls removed): the first rule broken, as one sentence naming the arguments.
pub fn check_rules(rules: &[Rule], args: &Map<String, Value>) -> Result<(), String> {
    for rule in rules {
        for name in rule.arguments() {
            if args
                .get(name)
                .and_then(Value::as_str)
                .is_some_and(|s| s.trim().is_empty())
            {
                return Err(format!("Invalid argument '{name}': must not be empty."));
            }
        }
        let given = |names: &[&'static str]| -> Vec<&'static str> {
            names
                .iter()
                .copied()
                .filter(|n| args.contains_key(*n))
                .collect()
        };
        match *rule {
            Rule::OneOf(names) => {
                let got = given(names);
                if got.len() != 1 {
                    let which = match got.len() {
                        0 => "none was given".to_string(),
                        _ => format!("got {}", quoted_list(&got)),
                    };
                    return Err(format!(
                        "Invalid arguments: give exactly one of {} ({which}).",
                        names.join(", ")
                    ));
                }
            }
            Rule::AtMostOne(names) => {
                let got = given(names);
                if got.len() > 1 {
                    return Err(format!(
                        "Invalid arguments: give at most one of {} (got {}).",
                        names.join(", "),
                        quoted_list(&got)
                    ));
                }
            }
            Rule::Needs(when, names) => {
                if holds(&when, args) && given(names).len() != names.len() {
                    return Err(format!(
                        "Invalid arguments: {} needs {}.",
                        when.describe(),
                        quoted_list(names)
                    ));
                }
            }
        }
    }
    Ok(())
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
    check_rules(tool.rules, &out)?;
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::toolsets::ZCC_DEVICES;
    use crate::catalog::{Lit, Route, When};

    fn args(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn one_of_wants_exactly_one_alternative() {
        let rules = [Rule::OneOf(&["id", "name"])];
        assert!(check_rules(&rules, &args(json!({"id": "1"}))).is_ok());
        assert!(check_rules(&rules, &args(json!({"name": "a", "other": 1}))).is_ok());
        let none = check_rules(&rules, &args(json!({}))).unwrap_err();
        assert_eq!(
            none,
            "Invalid arguments: give exactly one of id, name (none was given)."
        );
        let both = check_rules(&rules, &args(json!({"id": "1", "name": "a"}))).unwrap_err();
        assert_eq!(
            both,
            "Invalid arguments: give exactly one of id, name (got 'id' and 'name')."
        );
        let blank = check_rules(&rules, &args(json!({"id": "  "}))).unwrap_err();
        assert_eq!(blank, "Invalid argument 'id': must not be empty.");
    }

    #[test]
    fn at_most_one_refuses_several_alternatives() {
        let rules = [Rule::AtMostOne(&["a", "b", "c"])];
        assert!(check_rules(&rules, &args(json!({}))).is_ok());
        assert!(check_rules(&rules, &args(json!({"b": 1, "d": 2}))).is_ok());
        let err = check_rules(&rules, &args(json!({"a": 1, "c": true}))).unwrap_err();
        assert_eq!(
            err,
            "Invalid arguments: give at most one of a, b, c (got 'a' and 'c')."
        );
    }

    #[test]
    fn needs_applies_only_when_its_condition_holds() {
        let rules = [
            Rule::Needs(When::Has("end_time"), &["start_time"]),
            Rule::Needs(
                When::Is("action", "by_coordinates"),
                &["latitude", "longitude"],
            ),
        ];
        assert!(check_rules(&rules, &args(json!({}))).is_ok());
        assert!(check_rules(&rules, &args(json!({"start_time": 1}))).is_ok());
        assert!(check_rules(&rules, &args(json!({"start_time": 1, "end_time": 2}))).is_ok());
        let err = check_rules(&rules, &args(json!({"end_time": 2}))).unwrap_err();
        assert_eq!(err, "Invalid arguments: 'end_time' needs 'start_time'.");
        assert!(check_rules(&rules, &args(json!({"action": "by_ip"}))).is_ok());
        let err = check_rules(
            &rules,
            &args(json!({"action": "by_coordinates", "latitude": 1.5})),
        )
        .unwrap_err();
        assert_eq!(
            err,
            "Invalid arguments: action 'by_coordinates' needs 'latitude' and 'longitude'."
        );
        let both = [Rule::Needs(
            When::Both(&When::Has("a"), &When::Lacks("b")),
            &["c"],
        )];
        let err = check_rules(&both, &args(json!({"a": 1}))).unwrap_err();
        assert_eq!(
            err,
            "Invalid arguments: 'a' with leaving out 'b' needs 'c'."
        );
        assert!(check_rules(&both, &args(json!({"a": 1, "b": 2}))).is_ok());
        // A condition on a boolean compares its JSON text.
        let flag = [Rule::Needs(When::Is("geo", "true"), &["lat"])];
        assert!(check_rules(&flag, &args(json!({"geo": false}))).is_ok());
        let err = check_rules(&flag, &args(json!({"geo": true}))).unwrap_err();
        assert_eq!(err, "Invalid arguments: geo 'true' needs 'lat'.");
    }

    #[test]
    fn rules_are_checked_after_the_parameters_with_defaults_applied() {
        static TOOL: ToolDeclaration = ZCC_DEVICES
            .get("test_tool", "Test", "A tool for the rules test.")
            .routes(&[Route::get("/x/{id}").when(When::Has("id"))])
            .params(&[
                Param::string("id", "Id; required unless name is given."),
                Param::string("name", "Name; required unless id is given."),
                Param::string("mode", "Mode.")
                    .one_of(&["a", "b"])
                    .default(Lit::Str("b")),
            ])
            .requires(&[
                Rule::OneOf(&["id", "name"]),
                Rule::Needs(When::Is("mode", "b"), &["name"]),
            ]);
        let bad_type = validate(&TOOL, Some(&args(json!({"id": 5.5})))).unwrap_err();
        assert!(bad_type.starts_with("Invalid argument 'id'"), "{bad_type}");
        let err = validate(&TOOL, Some(&args(json!({})))).unwrap_err();
        assert!(err.contains("exactly one of id, name"), "{err}");
        // The default `mode` counts: it needs `name`.
        let err = validate(&TOOL, Some(&args(json!({"id": "1"})))).unwrap_err();
        assert_eq!(err, "Invalid arguments: mode 'b' needs 'name'.");
        assert!(validate(&TOOL, Some(&args(json!({"id": "1", "mode": "a"})))).is_ok());
        assert!(validate(&TOOL, Some(&args(json!({"name": "x"})))).is_ok());
    }

    #[test]
    fn a_fixed_set_applies_to_a_value_or_to_each_item_of_a_list() {
        let kind = Param::string("kind", "Kind.").one_of(&["a", "b"]);
        assert!(check(&kind, &json!("a")).is_ok());
        assert_eq!(
            check(&kind, &json!("c")).unwrap_err(),
            "Invalid argument 'kind': must be one of a, b."
        );
        let days = Param::strings("days", "Days.").one_of(&["MON", "TUE"]);
        assert!(check(&days, &json!(["MON", "TUE"])).is_ok());
        assert!(check(&days, &json!([])).is_ok());
        assert_eq!(
            check(&days, &json!(["MON", "MONDAY"])).unwrap_err(),
            "Invalid argument 'days': each item must be one of MON, TUE."
        );
    }
}
