//! Wire encoding of a tool's text content: CSV (RFC 4180) for a non-empty list of flat
//! records; for a list of two or more records with nested values, columnar JSON
//! (`{"columns": [...], "rows": [[...], ...]}`: the field names once, each row's values in
//! column order, nested values as JSON, a field a row lacks as `null`); compact JSON for
//! anything else. CSV is about half the tokens of JSON for tables, columnar JSON 0.5-0.65x.
//!
//! Values shared by every row are said once: in a table of [`SAME_MIN_ROWS`] or more rows, a
//! field (other than the first) whose value is the same in every row (a missing field counts
//! as `null`) leaves the columns and goes to `"same": {field: value}`: the first key of the
//! columnar object, or a one-line JSON object `{"same": {...}}` before the CSV header. Every
//! row has every `same` field with that value; nothing is dropped (about 12% fewer tokens on
//! the sandbox's lists). `structuredContent` carries the records themselves.

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

/// Tables shorter than this keep every column (hoisting a value out of two rows saves little).
pub const SAME_MIN_ROWS: usize = 3;

/// The text form of `data`.
pub fn encode(data: &Value) -> String {
    match data {
        Value::Array(rows) if flat_table(rows) => {
            let (same, columns) = split_same(rows);
            let table = csv(rows, &columns);
            match same {
                Some(same) => format!("{}\n{table}", json!({ "same": same })),
                None => table,
            }
        }
        Value::Array(rows) if rows.len() >= 2 && rows.iter().all(Value::is_object) => {
            let (same, columns) = split_same(rows);
            columnar(rows, same, &columns).to_string()
        }
        other => other.to_string(),
    }
}

/// The fields with one value in every row (`None` when there are none or the table is short)
/// and the columns left.
fn split_same(rows: &[Value]) -> (Option<Map<String, Value>>, Vec<&str>) {
    let header = header(rows);
    if rows.len() < SAME_MIN_ROWS {
        return (None, header);
    }
    let mut same = Map::new();
    let mut columns = Vec::with_capacity(header.len());
    for (i, name) in header.into_iter().enumerate() {
        let first = rows[0].get(name).unwrap_or(&Value::Null);
        if i > 0
            && rows[1..]
                .iter()
                .all(|r| r.get(name).unwrap_or(&Value::Null) == first)
        {
            same.insert(name.to_string(), first.clone());
        } else {
            columns.push(name);
        }
    }
    ((!same.is_empty()).then_some(same), columns)
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

/// Records as columns and rows of values, the shared values first.
fn columnar(rows: &[Value], same: Option<Map<String, Value>>, columns: &[&str]) -> Value {
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
    let mut out = Map::new();
    if let Some(same) = same {
        out.insert("same".into(), Value::Object(same));
    }
    out.insert("columns".into(), json!(columns));
    out.insert("rows".into(), Value::Array(table));
    Value::Object(out)
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

/// RFC 4180 CSV: a header of `header` (keys in first-seen order), CRLF-free `\n` line ends,
/// fields quoted only when they hold a comma, a quote or a line break.
fn csv(rows: &[Value], header: &[&str]) -> String {
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
    fn values_shared_by_every_row_are_said_once() {
        // Flat: the shared fields (a missing one counts as null) in a JSON line before the CSV.
        let rows = json!([
            {"id": 1, "kind": "A", "on": false, "x": null, "n": 1},
            {"id": 2, "kind": "A", "on": false, "n": 2},
            {"id": 3, "kind": "A", "on": false, "x": null, "n": 3}
        ]);
        assert_eq!(
            encode(&rows),
            "{\"same\":{\"kind\":\"A\",\"on\":false,\"x\":null}}\nid,n\n1,1\n2,2\n3,3"
        );
        // Nested: `same` first in the columnar object; nested values compared whole.
        let rows = json!([
            {"id": "1", "grp": {"id": 7}, "tags": [1]},
            {"id": "2", "grp": {"id": 7}, "tags": [2]},
            {"id": "3", "grp": {"id": 7}, "tags": [1]}
        ]);
        assert_eq!(
            encode(&rows),
            r#"{"same":{"grp":{"id":7}},"columns":["id","tags"],"rows":[["1",[1]],["2",[2]],["3",[1]]]}"#
        );
        // The first column always stays, even when every row is the same.
        let rows = json!([{"id": 1, "a": 2}, {"id": 1, "a": 2}, {"id": 1, "a": 2}]);
        assert_eq!(encode(&rows), "{\"same\":{\"a\":2}}\nid\n1\n1\n1");
        // Two rows keep every column.
        let rows = json!([{"id": 1, "a": 2}, {"id": 2, "a": 2}]);
        assert_eq!(encode(&rows), "id,a\n1,2\n2,2");
    }

    #[test]
    fn nested_rows_empty_lists_and_objects_are_json() {
        assert_eq!(encode(&json!([{"a": [1]}])), r#"[{"a":[1]}]"#);
        assert_eq!(encode(&json!([])), "[]");
        assert_eq!(encode(&json!({"a": 1})), r#"{"a":1}"#);
        assert_eq!(encode(&json!(3)), "3");
    }
}
