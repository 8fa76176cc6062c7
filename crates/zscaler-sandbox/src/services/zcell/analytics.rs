//! Analytics and usage: map, summary, per country, per day, per SIM.

use super::*;

/// `POST /sim/analytics/map`: SIM positions, SIMs at the same point grouped
/// (`[{"iccid":[...],"imsi":[...],"lat","lng","tags":[...]}]`); `iccIds` narrows the set.
pub(super) fn analytics_map(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_map(call)?;
    let wanted = strings(&body, "iccIds")?;
    let mut points: BTreeMap<(i64, i64), MapPoint> = BTreeMap::new();
    for sim in engine::records(call.tenant, &SIMS) {
        if !wanted.is_empty() && !wanted.iter().any(|w| eq_ci(&sim["iccid"], w)) {
            continue;
        }
        let (Some(lat), Some(lng)) = (sim["simLat"].as_f64(), sim["simLng"].as_f64()) else {
            continue;
        };
        // Points within about 1 km share a marker.
        let key = ((lat * 100.0).round() as i64, (lng * 100.0).round() as i64);
        let entry = points
            .entry(key)
            .or_insert_with(|| (Vec::new(), Vec::new(), Vec::new(), lat, lng));
        entry.0.push(sim["iccid"].clone());
        entry.1.push(sim["imsi"].clone());
        for tag in sim["tags"].as_array().into_iter().flatten() {
            if let Some(t) = tag.as_str()
                && !entry.2.iter().any(|x| x == t)
            {
                entry.2.push(t.to_string());
            }
        }
    }
    let out: Vec<Value> = points
        .into_values()
        .map(|(iccid, imsi, tags, lat, lng)| {
            json!({"iccid": iccid, "imsi": imsi, "lat": lat, "lng": lng, "tags": tags})
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sim/analytics/summary`: `[{"total","used","active","inactive"}]`.
pub(super) fn analytics_summary(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let (mut total, mut used, mut active) = (0u64, 0u64, 0u64);
    for sim in engine::records(call.tenant, &SIMS) {
        total += 1;
        if !sim["activatedDate"].is_null() {
            used += 1;
        }
        if sim["status"].as_str() == Some("ACTIVATED") {
            active += 1;
        }
    }
    Ok(Reply::ok(json!([{
        "total": total,
        "used": used,
        "active": active,
        "inactive": total - active,
    }])))
}

/// `GET /sim/analytics/usage/countries?startDate&endDate&limit`: top countries by bytes.
pub(super) fn usage_countries(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDate", "endDate", true)?.unwrap_or_default();
    let limit = limit_query(call, 20, 10)?;
    let mut by_country: BTreeMap<String, u64> = BTreeMap::new();
    for sim in engine::records(call.tenant, &SIMS) {
        let usage = usage_in(sim, window);
        if usage > 0
            && let Some(c) = sim["locationCountry"].as_str()
        {
            *by_country.entry(c.to_string()).or_default() += usage;
        }
    }
    let mut rows: Vec<(String, u64)> = by_country.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let out: Vec<Value> = rows
        .into_iter()
        .take(limit)
        .map(|(country, usage)| json!({"country": country, "usage": usage}))
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sim/analytics/usage/day?startDate&endDate[&iccId]`: bytes per day (all SIMs, or one).
pub(super) fn usage_day(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDate", "endDate", true)?.unwrap_or_default();
    let sims: Vec<Usage> = match call.query.first("iccId").filter(|v| !v.is_empty()) {
        Some(iccid) => {
            let sim =
                engine::record(call.tenant, &SIMS, iccid).ok_or_else(|| not_found(&SIMS, iccid))?;
            Usage::of(sim).into_iter().collect()
        }
        None => engine::records(call.tenant, &SIMS)
            .filter_map(Usage::of)
            .collect(),
    };
    let out: Vec<Value> = days_of(window)
        .map(|day| {
            let usage: u64 = sims.iter().map(|u| u.on(day)).sum();
            json!({"creationTime": day * 86_400_000, "usage": usage})
        })
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}

/// `GET /sim/analytics/usage/sims?startDate&endDate&limit`: top SIMs by bytes.
pub(super) fn usage_sims(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDate", "endDate", true)?.unwrap_or_default();
    let limit = limit_query(call, 100, 10)?;
    let mut rows: Vec<(u64, &Value)> = engine::records(call.tenant, &SIMS)
        .map(|s| (usage_in(s, window), &s["iccid"]))
        .filter(|(u, _)| *u > 0)
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let out: Vec<Value> = rows
        .into_iter()
        .take(limit)
        .map(|(usage, iccid)| json!({"iccid": iccid, "usage": usage}))
        .collect();
    Ok(Reply::ok(Value::Array(out)))
}
