//! SIMs: details and search.

use super::*;

/// `GET /sims/details?iccId=`: one SIM, bare.
pub(super) fn sim_details(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(iccid) = call.query.first("iccId").filter(|v| !v.trim().is_empty()) else {
        return Err(bad("Missing required parameter 'iccId'"));
    };
    engine::record(call.tenant, &SIMS, iccid.trim())
        .cloned()
        .map(Reply::ok)
        .ok_or_else(|| not_found(&SIMS, iccid))
}

/// `POST /sims/search`: filters and `page`/`size` in the body.
pub(super) fn search_sims(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_map(call)?;
    let (page, size) = body_page(&body)?;
    let iccids = strings(&body, "iccid")?;
    let ips = strings(&body, "ipAddress")?;
    let tags = strings(&body, "tag")?;
    let mut exact = Vec::new();
    for field in [
        "status",
        "networkStatus",
        "locationCountry",
        "deviceType",
        "brandName",
        "marketingName",
        "modelName",
        "formFactor",
        "imeiStatus",
    ] {
        match body.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.is_empty() => {}
            Some(Value::String(s)) => exact.push((field, s.clone())),
            Some(_) => return Err(bad(format!("'{field}' must be a string"))),
        }
    }
    let hits: Vec<&Value> = engine::records(call.tenant, &SIMS)
        .filter(|sim| iccids.is_empty() || iccids.iter().any(|i| eq_ci(&sim["iccid"], i)))
        .filter(|sim| {
            ips.is_empty()
                || sim["ipAddress"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|ip| ips.iter().any(|w| eq_ci(ip, w))))
        })
        .filter(|sim| {
            tags.is_empty()
                || ["tags", "tagIds"].iter().any(|f| {
                    sim[*f]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|t| tags.iter().any(|w| eq_ci(t, w))))
                })
        })
        .filter(|sim| exact.iter().all(|(f, want)| eq_ci(&sim[*f], want)))
        .collect();
    // Only the page is copied: SIMs grow with `--scale`.
    Ok(Reply::ok(envelope::zcell_page_refs(hits, page, size)))
}

/// One map marker: iccids, imsis, tags, latitude, longitude.
pub(super) type MapPoint = (Vec<Value>, Vec<Value>, Vec<String>, f64, f64);
