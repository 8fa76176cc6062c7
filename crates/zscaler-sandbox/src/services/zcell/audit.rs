//! Audit log search and metadata.

use super::*;

/// `POST /audit/customers/{id}/search?page&size`: audit records matching the body filters.
pub(super) fn search_audit(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_map(call)?;
    let as_pair = |name: &'static str| -> Result<Option<(&'static str, String)>, ApiError> {
        match body.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => text(v)
                .map(|t| Some((name, t)))
                .ok_or_else(|| bad(format!("'{name}' must be epoch seconds"))),
        }
    };
    let (start, end) = (as_pair("startDate")?, as_pair("endDate")?);
    let window = window_of(
        start.as_ref().map(|(n, v)| (*n, v.as_str())),
        end.as_ref().map(|(n, v)| (*n, v.as_str())),
        ("startDate", "endDate"),
        false,
    )?;
    let mut exact = Vec::new();
    for field in [
        "operationType",
        "objectType",
        "objectId",
        "visibility",
        "modifiedByUserId",
    ] {
        if let Some(v) = body.get(field).filter(|v| !v.is_null()) {
            let t = text(v).ok_or_else(|| bad(format!("'{field}' must be a string")))?;
            if !t.is_empty() {
                exact.push((field, t));
            }
        }
    }
    let name = body
        .get("objectName")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .map(str::to_lowercase);
    let mut records: Vec<Value> = engine::records(call.tenant, &AUDIT)
        .filter(|r| in_window(r, "timestamp", window))
        .filter(|r| exact.iter().all(|(f, want)| eq_ci(&r[*f], want)))
        .filter(|r| {
            name.as_ref().is_none_or(|n| {
                r["objectName"]
                    .as_str()
                    .is_some_and(|o| o.to_lowercase().contains(n))
            })
        })
        .cloned()
        .collect();
    newest_first(&mut records, "timestamp");
    page_of(records, call)
}

pub(super) const AUDIT_OBJECTS: [&str; 6] = [
    "SIM",
    "TAG",
    "SIM_LOCATION_GROUP",
    "ANOMALY_POLICY",
    "CUSTOMER_DATA_HANDLING",
    "REGION",
];
pub(super) const AUDIT_OPERATIONS: [&str; 5] =
    ["CREATE", "UPDATE", "DELETE", "ACTIVATE", "DEACTIVATE"];

/// `GET /audit/metadata`: the object types with their operations, and the visibilities.
pub(super) fn audit_metadata(_call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let out: Vec<Value> = AUDIT_OBJECTS
        .iter()
        .map(|o| {
            let ops: Vec<&str> = match *o {
                "SIM" => AUDIT_OPERATIONS.to_vec(),
                "CUSTOMER_DATA_HANDLING" | "REGION" => vec!["UPDATE"],
                _ => vec!["CREATE", "UPDATE", "DELETE"],
            };
            json!({
                "objectType": o,
                "operationTypes": ops,
                "visibility": ["CUSTOMER", "SUPPORT"],
            })
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}
