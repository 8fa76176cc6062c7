//! Regions and their status.

use super::*;

/// `GET /regions`: the regions of the customer's SKU (`skipSkuCheck=true`: every region).
pub(super) fn list_regions(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let skip = bool_query(call, "skipSkuCheck")?.unwrap_or(false);
    let regions: Vec<Value> = engine::records(call.tenant, &REGIONS)
        .filter(|r| skip || r["inSku"].as_bool() == Some(true))
        .map(|r| json!({"region": r["region"], "configured": r["configured"]}))
        .collect();
    Ok(Reply::ok(Value::Array(regions)))
}

/// `GET /regions/operational-status`: the configured regions' core (`ac`) and border (`bc`)
/// component status. `bcSize`, when numeric, caps the border components listed.
pub(super) fn region_status(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let bc_size = match call.query.first("bcSize").filter(|v| !v.is_empty()) {
        None => None,
        Some(raw) => Some(
            raw.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    bad(format!(
                        "Invalid value '{raw}' for 'bcSize': expected a positive integer"
                    ))
                })?,
        ),
    };
    let out: Vec<Value> = engine::records(call.tenant, &REGIONS)
        .filter(|r| r["configured"].as_bool() == Some(true))
        .map(|r| {
            let mut bc = r["bc"].clone();
            if let (Some(n), Some(items)) = (bc_size, bc["operationalStatus"].as_array_mut()) {
                items.truncate(n);
            }
            json!({
                "region": r["region"],
                "operationalStatus": r["operationalStatus"],
                "bc": bc,
                "ac": r["ac"],
                "mapACStatus": r["mapACStatus"],
                "mapBCStatus": r["mapBCStatus"],
            })
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}
