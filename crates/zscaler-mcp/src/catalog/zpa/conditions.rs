//! ZPA policy-rule conditions (v2). Callers write conditions as the API documents them:
//!
//! ```json
//! [{"operator": "OR", "operands": [
//!     {"object_type": "APP", "values": ["72058304855015574"]},
//!     {"object_type": "SCIM_GROUP", "entry_values": [{"lhs": "<idp id>", "rhs": "<group id>"}]}]}]
//! ```
//!
//! (`objectType` / `entryValues` are accepted too.) They are sent as the official SDK sends
//! them: every `values` operand in one block without an operator; each `entryValues` operand,
//! and each `CLIENT_TYPE` operand, in its own `OR` block.

use serde_json::{Map, Value, json};

use crate::catalog::conventions::{BodyBuilder, RecordAdapter};

fn field<'a>(o: &'a Map<String, Value>, snake: &str, camel: &str) -> Option<&'a Value> {
    o.get(snake).or_else(|| o.get(camel))
}

fn operand(o: &Value) -> Result<(String, Value, bool), String> {
    let o = o
        .as_object()
        .ok_or("each operand must be an object with object_type and values or entry_values")?;
    let object_type = field(o, "object_type", "objectType")
        .and_then(Value::as_str)
        .ok_or("each operand needs an object_type (APP, APP_GROUP, SCIM_GROUP, CLIENT_TYPE, ...)")?
        .to_ascii_uppercase();
    if let Some(entries) = field(o, "entry_values", "entryValues") {
        let list = entries
            .as_array()
            .ok_or("entry_values must be a list of {lhs, rhs} objects")?;
        for e in list {
            let ok = e.get("lhs").is_some_and(|v| v.is_string())
                && e.get("rhs").is_some_and(|v| v.is_string());
            if !ok {
                return Err(format!(
                    "each entry of {object_type} entry_values needs string lhs and rhs"
                ));
            }
        }
        return Ok((
            object_type.clone(),
            json!({"objectType": object_type, "entryValues": list}),
            true,
        ));
    }
    let values = field(o, "values", "values")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            format!("the {object_type} operand needs values (a list) or entry_values")
        })?;
    if values.iter().any(|v| !v.is_string()) {
        return Err(format!(
            "the {object_type} operand's values must be strings"
        ));
    }
    let alone = object_type == "CLIENT_TYPE";
    Ok((
        object_type.clone(),
        json!({"objectType": object_type, "values": values}),
        alone,
    ))
}

/// Converts caller conditions to the API's blocks.
pub fn to_api(conditions: &Value) -> Result<Value, String> {
    let list: Vec<&Value> = match conditions {
        Value::Array(items) => items.iter().collect(),
        Value::Object(_) => vec![conditions],
        _ => return Err("must be a list of conditions, each {operator, operands: [...]}".into()),
    };
    let mut shared = Vec::new();
    let mut blocks = Vec::new();
    for c in list {
        let c = c
            .as_object()
            .ok_or("each condition must be an object {operator, operands: [...]}")?;
        if let Some(op) = c.get("operator").and_then(Value::as_str)
            && !matches!(op.to_ascii_uppercase().as_str(), "AND" | "OR")
        {
            return Err(format!("operator must be AND or OR, not '{op}'"));
        }
        let operands = c
            .get("operands")
            .and_then(Value::as_array)
            .ok_or("each condition needs operands (a list)")?;
        for o in operands {
            let (_, api, alone) = operand(o)?;
            if alone {
                blocks.push(json!({"operator": "OR", "operands": [api]}));
            } else {
                shared.push(api);
            }
        }
    }
    let mut out = Vec::new();
    if !shared.is_empty() {
        out.push(json!({"operands": shared}));
    }
    out.extend(blocks);
    Ok(Value::Array(out))
}

/// A rule's conditions as the v1 API reads them (one operand per value: `lhs` "id" and the
/// value in `rhs`, or an IdP id in `lhs` and a group/attribute in `rhs`) to the v2 blocks a
/// write takes: per condition, one operand per object type, with `values` or `entryValues`.
pub fn from_v1(conditions: &Value) -> Value {
    let Some(list) = conditions.as_array() else {
        return conditions.clone();
    };
    let blocks = list
        .iter()
        .map(|c| {
            let mut operands: Vec<Value> = Vec::new();
            for o in c
                .get("operands")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let Some(object_type) = o.get("objectType").and_then(Value::as_str) else {
                    continue;
                };
                let lhs = o.get("lhs").cloned().unwrap_or(Value::Null);
                let rhs = o.get("rhs").cloned().unwrap_or(Value::Null);
                let by_id = lhs.as_str() == Some("id");
                let key = if by_id { "values" } else { "entryValues" };
                let item = if by_id {
                    rhs
                } else {
                    json!({"lhs": lhs, "rhs": rhs})
                };
                match operands.iter_mut().find(|x| {
                    x.get("objectType").and_then(Value::as_str) == Some(object_type)
                        && x.get(key).is_some()
                }) {
                    Some(existing) => {
                        if let Some(Value::Array(items)) = existing.get_mut(key) {
                            items.push(item);
                        }
                    }
                    None => operands.push(json!({"objectType": object_type, key: [item]})),
                }
            }
            let mut block = Map::new();
            if let Some(op) = c.get("operator") {
                block.insert("operator".into(), op.clone());
            }
            block.insert("operands".into(), Value::Array(operands));
            Value::Object(block)
        })
        .collect();
    Value::Array(blocks)
}

/// The body builder of a `conditions` parameter: the caller's conditions as the API's blocks.
pub static BODY: BodyBuilder = BodyBuilder {
    name: "zpa_v2_conditions",
    build: |value, body| {
        body.insert("conditions".into(), to_api(value)?);
        Ok(())
    },
};

/// The adapter of a rule read on v1 and written on v2: its conditions become v2 blocks.
pub static V1_RULE: RecordAdapter = RecordAdapter {
    name: "zpa_v1_rule_to_v2",
    adapt: |record| {
        if let Some(c) = record.get_mut("conditions") {
            *c = from_v1(c);
        }
    },
};

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::to_api;

    #[test]
    fn values_share_a_block_entry_values_get_their_own() {
        let input = json!([{"operator": "OR", "operands": [
            {"object_type": "APP", "values": ["1"]},
            {"objectType": "APP_GROUP", "values": ["2"]},
            {"object_type": "SCIM_GROUP", "entry_values": [{"lhs": "9", "rhs": "10"}]},
            {"object_type": "client_type", "values": ["zpn_client_type_exporter"]}
        ]}]);
        assert_eq!(
            to_api(&input).unwrap(),
            json!([
                {"operands": [{"objectType": "APP", "values": ["1"]}, {"objectType": "APP_GROUP", "values": ["2"]}]},
                {"operator": "OR", "operands": [{"objectType": "SCIM_GROUP", "entryValues": [{"lhs": "9", "rhs": "10"}]}]},
                {"operator": "OR", "operands": [{"objectType": "CLIENT_TYPE", "values": ["zpn_client_type_exporter"]}]}
            ])
        );
    }

    #[test]
    fn v1_operands_become_v2_blocks() {
        let v1 = json!([
            {"id": "1", "operator": "OR", "negated": false, "operands": [
                {"id": "a", "lhs": "id", "rhs": "72", "objectType": "APP", "name": "Jira"},
                {"id": "b", "lhs": "id", "rhs": "73", "objectType": "APP"},
                {"id": "c", "lhs": "id", "rhs": "9", "objectType": "APP_GROUP"}]},
            {"id": "2", "operator": "OR", "operands": [
                {"lhs": "216", "rhs": "101", "objectType": "SCIM_GROUP", "idpId": "216"}]}
        ]);
        assert_eq!(
            super::from_v1(&v1),
            json!([
                {"operator": "OR", "operands": [
                    {"objectType": "APP", "values": ["72", "73"]},
                    {"objectType": "APP_GROUP", "values": ["9"]}]},
                {"operator": "OR", "operands": [
                    {"objectType": "SCIM_GROUP", "entryValues": [{"lhs": "216", "rhs": "101"}]}]}
            ])
        );
        assert_eq!(super::from_v1(&json!(null)), json!(null));
    }

    #[test]
    fn malformed_conditions_say_what_is_wrong() {
        assert!(
            to_api(&json!("APP"))
                .unwrap_err()
                .contains("list of conditions")
        );
        assert!(
            to_api(&json!([{"operands": [{"values": ["1"]}]}]))
                .unwrap_err()
                .contains("object_type")
        );
        assert!(
            to_api(&json!([{"operator": "XOR", "operands": []}]))
                .unwrap_err()
                .contains("AND or OR")
        );
        assert!(
            to_api(&json!([{"operands": [{"object_type": "SCIM_GROUP", "entry_values": [{"lhs": "1"}]}]}]))
                .unwrap_err()
                .contains("lhs and rhs")
        );
    }
}
