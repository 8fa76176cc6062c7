//! Administration: departments and locations.

use super::*;

pub(super) fn list_named(def: &ResourceDef, call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let q = call.query.first("q").unwrap_or("").to_lowercase();
    let rows: Vec<Value> = engine::records(call.tenant, def)
        .filter(|r| {
            q.is_empty()
                || r["name"]
                    .as_str()
                    .is_some_and(|n| n.to_lowercase().contains(&q))
        })
        .map(public)
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

pub(super) fn list_departments(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_named(&DEPARTMENTS, call)
}

pub(super) fn list_locations(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_named(&LOCATIONS, call)
}
