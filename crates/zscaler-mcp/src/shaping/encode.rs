//! Wire encoding of a tool's text content: CSV (RFC 4180) for a non-empty list of flat
//! records; for a list of two or more records with nested values, columnar JSON
//! (`{"columns": [...], "rows": [[...], ...]}`: the field names once, each row's values in
//! column order, nested values as JSON, a field a row lacks as `null`); compact JSON for
//! anything else. CSV is about half the tokens of JSON for tables, columnar JSON 0.5-0.65x.
//! `structuredContent` carries the records themselves.

use serde_json::{Map, Value, json};

/// True when every value of every row is a scalar or an empty collection.
fn flat_table(rows: &[Value]) -> bool {
    !rows.is_empty()
        && rows.iter().all(|row| {
            row.as_object().is_some_and(|o| {
                o.values().all(|v| match v {
                    Value::Array(a) => a.is_empty(),
                    Value::Object(o) => o.is_empty(),
                    _ => true,
                })
            })
        })
}

/// The text form of `data`.
pub fn encode(data: &Value) -> String {
    match data {
        Value::Array(rows) if flat_table(rows) => csv(rows),
        Value::Array(rows) if rows.len() >= 2 && rows.iter().all(Value::is_object) => {
            columnar(rows).to_string()
        }
        other => other.to_string(),
    }
}

/// Every key of the records, in first-seen order.
fn header(rows: &[Value]) -> Vec<&str> {
    let mut header: Vec<&str> = Vec::new();
    for o in rows.iter().filter_map(Value::as_object) {
        for k in o.keys() {
            if !header.contains(&k.as_str()) {
                header.push(k);
            }
        }
    }
    header
}

/// Records as columns and rows of values.
fn columnar(rows: &[Value]) -> Value {
    let columns = header(rows);
    let empty = Map::new();
    let table: Vec<Value> = rows
        .iter()
        .map(|row| {
            let o = row.as_object().unwrap_or(&empty);
            Value::Array(
                columns
                    .iter()
                    .map(|c| o.get(*c).cloned().unwrap_or(Value::Null))
                    .collect(),
            )
        })
        .collect();
    json!({ "columns": columns, "rows": table })
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
        other => other.to_string(),
    }
}

fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// RFC 4180 CSV: a header of every key in first-seen order, CRLF-free `\n` line ends, fields
/// quoted only when they hold a comma, a quote or a line break.
fn csv(rows: &[Value]) -> String {
    let header = header(rows);
    let mut out = String::new();
    for (i, h) in header.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, h);
    }
    for row in rows {
        out.push('\n');
        for (i, h) in header.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, &row.get(*h).map(cell).unwrap_or_default());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::encode;

    #[test]
    fn flat_rows_are_csv_with_quoting() {
        let rows = json!([
            {"id": 1, "name": "a, \"b\"", "on": true, "tags": []},
            {"id": 2, "extra": "x\ny", "name": null}
        ]);
        assert_eq!(
            encode(&rows),
            "id,name,on,tags,extra\n1,\"a, \"\"b\"\"\",true,[],\n2,,,,\"x\ny\""
        );
    }

    #[test]
    fn nested_records_are_columns_and_rows() {
        let rows = json!([
            {"id": "1", "servers": [{"id": "7"}], "on": true},
            {"id": "2", "extra": {"x": null}}
        ]);
        assert_eq!(
            encode(&rows),
            r#"{"columns":["id","servers","on","extra"],"rows":[["1",[{"id":"7"}],true,null],["2",null,null,{"x":null}]]}"#
        );
        // Mixed lists stay plain JSON.
        assert_eq!(encode(&json!([{"a": [1]}, 2])), r#"[{"a":[1]},2]"#);
    }

    #[test]
    fn nested_rows_empty_lists_and_objects_are_json() {
        assert_eq!(encode(&json!([{"a": [1]}])), r#"[{"a":[1]}]"#);
        assert_eq!(encode(&json!([])), "[]");
        assert_eq!(encode(&json!({"a": 1})), r#"{"a":1}"#);
        assert_eq!(encode(&json!(3)), "3");
    }
}
